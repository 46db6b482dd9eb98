// name: shared_forums
// question: Which bodies do two actors both belong to or chair?
// pertanyaan: Badan atau forum apa yang sama-sama diikuti atau diketuai oleh dua aktor?
// param: a (entity, required) example: Indonesia -- the first actor (id, name, alias or ISO code)
// param: b (entity, required) example: Malaysia -- the second actor
// columns: a, b, body
//
// In Neo4j Browser:
//   :params {a: "country/IDN", b: "country/MYS"}
MATCH (x:Entity {id: $a})-[:MEMBER_OF|CHAIR_OF]->(body:Entity)<-[:MEMBER_OF|CHAIR_OF]-(y:Entity {id: $b})
RETURN DISTINCT x.name AS a, y.name AS b, body.name AS body
ORDER BY body
