// name: events
// question: Who took part in which event, and when?
// pertanyaan: Siapa ikut serta dalam acara apa, dan kapan?
// param: participant (entity, optional) example: Kementerian Kesehatan -- who took part (id, name or alias)
// param: event (entity, optional) example: -- the event
// param: year (year, optional) example: -- the year of the event
// columns: participant, event, role, date, sources (list)
//
// date is the participation's date, else the event's. In Neo4j Browser:
//   :params {participant: "org/kemenkes", event: null, year: null}
MATCH (p:Entity)-[r:PARTICIPATED_IN]->(e:Entity)
WHERE ($participant IS NULL OR p.id = $participant)
  AND ($event IS NULL OR e.id = $event)
WITH p, r, e, coalesce(r.date, e.date) AS date
WHERE $year IS NULL OR CASE WHEN r.start IS NOT NULL OR r.`end` IS NOT NULL
        THEN coalesce(toInteger(left(r.start, 4)) <= $year, true)
             AND coalesce($year <= toInteger(left(r.`end`, 4)), true)
        ELSE toInteger(left(date, 4)) = $year END
RETURN p.name AS participant, e.name AS event, r.role AS role, date,
       coalesce(r.sources, []) AS sources
ORDER BY date, event, participant
