"""Neo4j: the local server, the connection, the Bolt loader and the offline bulk import.

- `server`: a local Neo4j Community server in its own JVM (the Java launcher in
  `launcher/`, built by Maven into the user's cache on first start).
- `connect`: where Neo4j is and how to log in (options, NEO4J_* variables, local server).
- `load`: write a graph over Bolt, idempotent and incremental (`hdkg load neo4j`).
- `admin`: CSV files for `neo4j-admin database import` (`hdkg neo4j import`).
- `cypher`: every Cypher statement these modules send.

`style.grass` styles the graph in Neo4j Browser; `browser/` holds the npm check that drives
Neo4j Browser in Chromium (repository only, not part of the package).
"""
