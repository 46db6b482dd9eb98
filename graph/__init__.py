"""The graph core: merge records into one graph; write RDF, networkx and Neo4j."""
