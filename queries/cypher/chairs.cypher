// name: chairs
// question: Who chaired which body, and when?
// pertanyaan: Siapa mengetuai badan atau forum apa, dan kapan?
// param: actor (entity, optional) example: Indonesia -- the chair (id, name, alias or ISO code)
// param: body (entity, optional) example: -- the body chaired
// param: year (year, optional) example: 2021 -- in force that year (an open end is ongoing)
// columns: actor, body, role, start, end, sources (list)
//
// `hdkg query chairs -p actor=Indonesia` resolves names to entity ids and binds each
// parameter; a null parameter means "no filter". In Neo4j Browser:
//   :params {actor: "country/IDN", body: null, year: 2021}
MATCH (a:Entity)-[r:CHAIR_OF]->(b:Entity)
WHERE ($actor IS NULL OR a.id = $actor)
  AND ($body IS NULL OR b.id = $body)
  AND ($year IS NULL OR CASE WHEN r.start IS NOT NULL OR r.`end` IS NOT NULL
         THEN coalesce(toInteger(left(r.start, 4)) <= $year, true)
              AND coalesce($year <= toInteger(left(r.`end`, 4)), true)
         ELSE toInteger(left(r.date, 4)) = $year END)
RETURN a.name AS actor, b.name AS body, r.role AS role, r.start AS start, r.`end` AS `end`,
       coalesce(r.sources, []) AS sources
ORDER BY start, actor, body
