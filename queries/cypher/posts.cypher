// name: posts
// question: Who held which post in which organisation, and when?
// pertanyaan: Siapa memegang jabatan apa di organisasi mana, dan kapan?
// param: person (entity, optional) example: -- the office holder (id, name or alias)
// param: organization (entity, optional) example: Kementerian Kesehatan -- where the post is
// param: year (year, optional) example: -- in force that year (an open end is ongoing)
// columns: person, role, organization, start, end, sources (list)
//
// Entity parameters are entity ids (`hdkg query` resolves names and aliases first); null
// means "no filter". In Neo4j Browser:
//   :params {person: null, organization: "org/kemenkes", year: null}
MATCH (p:Entity)-[r:HOLDS_POSITION]->(o:Entity)
WHERE ($person IS NULL OR p.id = $person)
  AND ($organization IS NULL OR o.id = $organization)
  AND ($year IS NULL OR CASE WHEN r.start IS NOT NULL OR r.`end` IS NOT NULL
         THEN coalesce(toInteger(left(r.start, 4)) <= $year, true)
              AND coalesce($year <= toInteger(left(r.`end`, 4)), true)
         ELSE toInteger(left(r.date, 4)) = $year END)
RETURN p.name AS person, r.role AS role, o.name AS organization, r.start AS start,
       r.`end` AS `end`, coalesce(r.sources, []) AS sources
ORDER BY organization, start, person
