// name: neighbours
// question: Which entities lie within k hops of an entity (any fact, either direction)?
// pertanyaan: Entitas apa saja yang berada dalam k langkah dari suatu entitas?
// param: entity (entity, required) example: Kementerian Kesehatan -- the starting entity (id, name, alias or ISO code)
// param: k (int, optional) example: 2 -- hops, 1 to 3 (default 1)
// param: limit (int, optional) example: 500 -- at most this many rows, the nearest, 1 to 5000 (default 500)
// columns: neighbour, type, distance
// order: distance, type, neighbour
//
// distance is the fewest hops over facts of any predicate, in either direction. The rows
// are the nearest first: by distance, then type, then name, then id (the IRI in SPARQL:
// the same order), and only the first `limit` of them, so both backends cut at the same
// row. A ring is expanded only while the rings inside it hold fewer than `limit`
// entities: around a hub, k=2 costs what its first ring costs. An entity value that names
// several entities gives `limit` rows for each.
//
// Ring by ring: each ring is a list of distinct nodes (COLLECT subqueries, Neo4j 5.6+),
// the next ring expands only the nodes of the last one, and the final ORDER BY .. LIMIT is
// a top-k. In Neo4j Browser:
//   :params {entity: "org/kemenkes", k: 2, limit: 500}
MATCH (e:Entity {id: $entity})
WITH e, coalesce($k, 1) AS k, coalesce($limit, 500) AS lim
WITH e, k, lim, COLLECT {
  MATCH (e)-[:CHAIR_OF|MEMBER_OF|HOLDS_POSITION|PART_OF|PARTY_TO|SIGNED|PARTICIPATED_IN|HOSTS]-(n:Entity)
  WHERE n <> e
  RETURN DISTINCT n
} AS ring1
WITH e, k, lim, ring1, COLLECT {
  UNWIND CASE WHEN k >= 2 AND size(ring1) < lim THEN ring1 ELSE [] END AS m
  MATCH (m)-[:CHAIR_OF|MEMBER_OF|HOLDS_POSITION|PART_OF|PARTY_TO|SIGNED|PARTICIPATED_IN|HOSTS]-(n:Entity)
  WHERE n <> e
  RETURN DISTINCT n
} AS next2
UNWIND [n IN ring1 | [n, 1]] + [n IN next2 | [n, 2]] AS nd
WITH e, k, lim, nd[0] AS n, min(nd[1]) AS d
WITH e, k, lim, collect([n, d]) AS near
WITH e, near, COLLECT {
  UNWIND CASE WHEN k >= 3 AND size(near) < lim THEN near ELSE [] END AS nd
  WITH nd WHERE nd[1] = 2
  WITH nd[0] AS m
  MATCH (m)-[:CHAIR_OF|MEMBER_OF|HOLDS_POSITION|PART_OF|PARTY_TO|SIGNED|PARTICIPATED_IN|HOSTS]-(n:Entity)
  WHERE n <> e
  RETURN DISTINCT n
} AS next3
UNWIND near + [n IN next3 | [n, 3]] AS nd
WITH nd[0] AS n, min(nd[1]) AS distance
RETURN n.name AS neighbour, [l IN labels(n) WHERE l <> 'Entity'][0] AS type, distance
ORDER BY distance, type, neighbour, n.id
LIMIT coalesce($limit, 500)
