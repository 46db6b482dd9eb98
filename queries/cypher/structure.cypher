// name: structure
// question: Which bodies make up an organisation, to any depth?
// pertanyaan: Badan-badan apa saja yang menjadi bagian suatu organisasi, sampai kedalaman berapa pun?
// param: organization (entity, required) example: WHO -- the organisation (id, name, alias or acronym)
// columns: body, parent, depth
//
// One row per part_of edge inside the organisation; depth is the number of bodies on the
// way up from the body to the organisation (the body itself included), 1 for a direct part.
// In Neo4j Browser:
//   :params {organization: "org/who"}
MATCH (o:Entity {id: $organization})
MATCH (b:Entity)-[:PART_OF*1..]->(o)
WHERE b <> o
WITH DISTINCT o, b
MATCH (b)-[:PART_OF*0..]->(m:Entity)-[:PART_OF*1..]->(o)
WITH o, b, count(DISTINCT m) AS depth
MATCH (b)-[:PART_OF]->(p:Entity)
WHERE p = o OR (p)-[:PART_OF*1..]->(o)
RETURN DISTINCT b.name AS body, p.name AS parent, depth
ORDER BY depth, parent, body
