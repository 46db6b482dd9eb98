// name: memberships
// question: Who was a member of which body, and when?
// pertanyaan: Siapa menjadi anggota badan atau forum apa, dan kapan?
// param: member (entity, optional) example: Indonesia -- the member (id, name, alias or ISO code; an organisation's sub-units included)
// param: body (entity, optional) example: -- the body (its sub-bodies included)
// param: year (year, optional) example: 2019 -- in force that year (an open end is ongoing)
// columns: member, body, role, start, end, sources (list)
//
// A member or body that is an organisation covers its sub-units, the bodies WITHIN it (the
// part_of closure written with the graph, so one hop at any depth): a ministry's bureau
// that joined a forum, a member of one of the body's committees. The columns name the unit
// itself. The members first (the member and the bodies within it; else the members of the
// body and of the bodies within it; else every entity), then their memberships. Entity
// parameters are entity ids (`hdkg query` resolves names and aliases first); null means
// "no filter". In Neo4j Browser:
//   :params {member: "country/IDN", body: null, year: 2019}
CALL {
  MATCH (m:Entity)-[:WITHIN*0..1]->(:Entity {id: $member})
  RETURN m
  UNION
  WITH 1 AS one WHERE $member IS NULL
  MATCH (m:Entity)-[:MEMBER_OF]->(:Entity)-[:WITHIN*0..1]->(:Entity {id: $body})
  RETURN m
  UNION
  WITH 1 AS one WHERE $member IS NULL AND $body IS NULL
  MATCH (m:Entity)
  RETURN m
}
MATCH (m)-[r:MEMBER_OF]->(b:Entity)
WHERE ($body IS NULL OR b.id = $body OR EXISTS { (b)-[:WITHIN]->(:Entity {id: $body}) })
  AND ($year IS NULL OR CASE WHEN r.start IS NOT NULL OR r.`end` IS NOT NULL
         THEN coalesce(toInteger(left(r.start, 4)) <= $year, true)
              AND coalesce($year <= toInteger(left(r.`end`, 4)), true)
         ELSE toInteger(left(r.date, 4)) = $year END)
RETURN m.name AS member, b.name AS body, r.role AS role, r.start AS start, r.`end` AS `end`,
       coalesce(r.sources, []) AS sources
ORDER BY start, member, body
