// name: neighbours
// question: Which entities lie within k hops of an entity (any fact, either direction)?
// pertanyaan: Entitas apa saja yang berada dalam k langkah dari suatu entitas?
// param: entity (entity, required) example: Kementerian Kesehatan -- the starting entity (id, name, alias or ISO code)
// param: k (int, optional) example: 2 -- hops, 1 to 3 (default 1)
// columns: neighbour, type, distance
//
// distance is the fewest hops. Each ring is found with a pruning breadth-first expansion
// (DISTINCT over the end node), so hubs do not multiply paths. In Neo4j Browser:
//   :params {entity: "org/kemenkes", k: 2}
MATCH (e:Entity {id: $entity})
CALL {
  WITH e
  MATCH (e)-[:CHAIR_OF|MEMBER_OF|HOLDS_POSITION|PART_OF|PARTY_TO|SIGNED|PARTICIPATED_IN|HOSTS*1..1]-(n:Entity)
  RETURN DISTINCT n, 1 AS d
  UNION
  WITH e
  MATCH (e)-[:CHAIR_OF|MEMBER_OF|HOLDS_POSITION|PART_OF|PARTY_TO|SIGNED|PARTICIPATED_IN|HOSTS*1..2]-(n:Entity)
  WHERE coalesce($k, 1) >= 2
  RETURN DISTINCT n, 2 AS d
  UNION
  WITH e
  MATCH (e)-[:CHAIR_OF|MEMBER_OF|HOLDS_POSITION|PART_OF|PARTY_TO|SIGNED|PARTICIPATED_IN|HOSTS*1..3]-(n:Entity)
  WHERE coalesce($k, 1) >= 3
  RETURN DISTINCT n, 3 AS d
}
WITH e, n, min(d) AS distance
WHERE n <> e
RETURN n.name AS neighbour, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, distance
ORDER BY distance, type, neighbour
