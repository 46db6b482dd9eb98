// name: memberships
// question: Who was a member of which body, and when?
// pertanyaan: Siapa menjadi anggota badan atau forum apa, dan kapan?
// param: member (entity, optional) example: Indonesia -- the member (id, name, alias or ISO code)
// param: body (entity, optional) example: -- the body
// param: year (year, optional) example: 2019 -- in force that year (an open end is ongoing)
// columns: member, body, role, start, end, sources (list)
//
// Entity parameters are entity ids (`hdkg query` resolves names and aliases first); null
// means "no filter". In Neo4j Browser:
//   :params {member: "country/IDN", body: null, year: 2019}
MATCH (m:Entity)-[r:MEMBER_OF]->(b:Entity)
WHERE ($member IS NULL OR m.id = $member)
  AND ($body IS NULL OR b.id = $body)
  AND ($year IS NULL OR CASE WHEN r.start IS NOT NULL OR r.`end` IS NOT NULL
         THEN coalesce(toInteger(left(r.start, 4)) <= $year, true)
              AND coalesce($year <= toInteger(left(r.`end`, 4)), true)
         ELSE toInteger(left(r.date, 4)) = $year END)
RETURN m.name AS member, b.name AS body, r.role AS role, r.start AS start, r.`end` AS `end`,
       coalesce(r.sources, []) AS sources
ORDER BY start, member, body
