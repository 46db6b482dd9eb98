// name: structure
// question: Which bodies make up an organisation, to any depth?
// pertanyaan: Badan-badan apa saja yang menjadi bagian suatu organisasi, sampai kedalaman berapa pun?
// param: organization (entity, required) example: WHO -- the organisation (id, name, alias or acronym)
// columns: body, parent, depth
//
// The bodies of the organisation are those with a part_of path to it (the organisation
// itself excepted). One row per part_of edge from such a body to its parent, the
// organisation or another of its bodies. depth is the number of bodies of the organisation
// that the body is part of, directly or through others, the body itself included: 1 for a
// direct part that is part of none of the other bodies; in a tree, the number of part_of
// steps up to the organisation. A body with two parents counts every body above it once
// (B part of A and of C, both direct parts: depth 3); in a part_of cycle each body counts
// once, so a cycle ends. The same definition as structure.rq.
//
// Each expansion is followed by DISTINCT over its end nodes, so Neo4j plans a pruning
// breadth-first search (a node is visited once) rather than every path of a DAG.
// In Neo4j Browser:
//   :params {organization: "org/who"}
MATCH (o:Entity {id: $organization})
MATCH (m:Entity)-[:PART_OF*1..]->(o)
WHERE m <> o
WITH DISTINCT o, m
MATCH (b:Entity)-[:PART_OF*0..]->(m)
WHERE b <> o
WITH DISTINCT o, b, m
WITH o, b, count(m) AS depth
MATCH (b)-[:PART_OF]->(p:Entity)
WHERE p = o OR EXISTS { (p)-[:PART_OF*1..]->(o) }
RETURN DISTINCT b.name AS body, p.name AS parent, depth
ORDER BY depth, parent, body
