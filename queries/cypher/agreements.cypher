// name: agreements
// question: Which agreements did a party enter, with whom, of what kind, signed by whom?
// pertanyaan: Perjanjian apa yang diikuti suatu pihak, dengan siapa, jenisnya, dan siapa penanda tangannya?
// param: party (entity, optional) example: Indonesia -- a party (id, name, alias or ISO code; an organisation's sub-units included)
// param: year (year, optional) example: -- in force that year (else the year of its date)
// columns: party, counterpart, agreement, kind, date, signatories (list), sources (list)
//
// One row per party and counterpart (counterpart null when the agreement names no other
// party); date is the party_to fact's date, else the agreement's. A party that is an
// organisation covers its sub-units, the bodies WITHIN it (the part_of closure written with
// the graph, so one hop at any depth); the party column names the unit itself, and another
// unit of the same organisation can be its counterpart. In Neo4j Browser:
//   :params {party: "country/IDN", year: null}
CALL {
  MATCH (p:Entity)-[:WITHIN*0..1]->(:Entity {id: $party})
  RETURN p
  UNION
  WITH 1 AS one WHERE $party IS NULL
  MATCH (p:Entity)
  RETURN p
}
MATCH (p)-[r:PARTY_TO]->(a:Agreement)
WITH p, r, a, coalesce(r.date, a.date) AS date
WHERE $year IS NULL OR CASE WHEN r.start IS NOT NULL OR r.`end` IS NOT NULL
        THEN coalesce(toInteger(left(r.start, 4)) <= $year, true)
             AND coalesce($year <= toInteger(left(r.`end`, 4)), true)
        ELSE toInteger(left(date, 4)) = $year END
OPTIONAL MATCH (c:Entity)-[:PARTY_TO]->(a) WHERE c <> p
WITH DISTINCT p, r, a, date, c
OPTIONAL MATCH (s:Entity)-[:SIGNED]->(a)
WITH p, r, a, date, c, collect(DISTINCT s.name) AS signatories
RETURN p.name AS party, c.name AS counterpart, a.name AS agreement, a.kind AS kind,
       date, signatories, coalesce(r.sources, []) AS sources
ORDER BY date, party, agreement, counterpart
