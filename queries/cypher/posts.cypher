// name: posts
// question: Who held which post in which organisation, and when?
// pertanyaan: Siapa memegang jabatan apa di organisasi mana, dan kapan?
// param: person (entity, optional) example: -- the office holder (id, name or alias)
// param: organization (entity, optional) example: Kementerian Kesehatan -- where the post is (its sub-units included)
// param: year (year, optional) example: -- in force that year (an open end is ongoing)
// param: limit (int, optional) example: 500 -- at most this many rows, 1 to 5000 (default 500)
// columns: person, role, organization, start, end, sources (list)
// order: organization, start, person
//
// An organization covers its sub-units: the bodies WITHIN it (the part_of closure written
// with the graph, so one hop at any depth; a part_of cycle ends there). The head of a
// bureau holds a post in the ministry too; the organization column names the unit itself.
// Rows come by organization, start (none first), person, then fact_id (posts.rq orders by
// the fact's IRI: the same order), and only the first `limit` of them: a ministry with
// thousands of posts in its units gives the first 500 unless asked for more.
//
// The units first (the organization and the bodies within it; else the bodies where the
// person holds posts; else every entity), then their posts: sorted by the unit's name,
// Neo4j reads only the units it needs for the first `limit` rows. Entity parameters are
// entity ids (`hdkg query` resolves names and aliases first); null means "no filter".
// In Neo4j Browser:
//   :params {person: null, organization: "org/kemenkes", year: null, limit: 500}
CALL {
  MATCH (o:Entity)-[:WITHIN*0..1]->(:Entity {id: $organization})
  RETURN o
  UNION
  WITH 1 AS one WHERE $organization IS NULL
  MATCH (:Entity {id: $person})-[:HOLDS_POSITION]->(o:Entity)
  RETURN o
  UNION
  WITH 1 AS one WHERE $organization IS NULL AND $person IS NULL
  MATCH (o:Entity)
  RETURN o
}
MATCH (p:Entity)-[r:HOLDS_POSITION]->(o)
WHERE ($person IS NULL OR p.id = $person)
  AND ($year IS NULL OR CASE WHEN r.start IS NOT NULL OR r.`end` IS NOT NULL
         THEN coalesce(toInteger(left(r.start, 4)) <= $year, true)
              AND coalesce($year <= toInteger(left(r.`end`, 4)), true)
         ELSE toInteger(left(r.date, 4)) = $year END)
RETURN p.name AS person, r.role AS role, o.name AS organization, r.start AS start,
       r.`end` AS `end`, coalesce(r.sources, []) AS sources
ORDER BY organization, coalesce(start, ''), person, r.fact_id
LIMIT coalesce($limit, 500)
