"""The saved queries (Cypher and SPARQL) and the code that runs them."""
