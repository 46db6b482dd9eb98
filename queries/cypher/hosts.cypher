// name: hosts
// question: Who hosts which body, secretariat or event, and when?
// pertanyaan: Siapa menjadi tuan rumah badan, sekretariat, atau acara apa, dan kapan?
// param: host (entity, optional) example: Indonesia -- the host (id, name, alias or ISO code)
// param: hosted (entity, optional) example: -- what is hosted
// param: year (year, optional) example: -- in force that year (an open end is ongoing)
// columns: host, hosted, start, end, date, sources (list)
//
// date is the hosting's date, else the hosted event's. In Neo4j Browser:
//   :params {host: "country/IDN", hosted: null, year: null}
MATCH (h:Entity)-[r:HOSTS]->(x:Entity)
WHERE ($host IS NULL OR h.id = $host)
  AND ($hosted IS NULL OR x.id = $hosted)
WITH h, r, x, coalesce(r.date, x.date) AS date
WHERE $year IS NULL OR CASE WHEN r.start IS NOT NULL OR r.`end` IS NOT NULL
        THEN coalesce(toInteger(left(r.start, 4)) <= $year, true)
             AND coalesce($year <= toInteger(left(r.`end`, 4)), true)
        ELSE toInteger(left(date, 4)) = $year END
RETURN h.name AS host, x.name AS hosted, r.start AS start, r.`end` AS `end`, date,
       coalesce(r.sources, []) AS sources
ORDER BY host, start, date, hosted
