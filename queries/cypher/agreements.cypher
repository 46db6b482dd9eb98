// name: agreements
// question: Which agreements did a party enter, with whom, of what kind, signed by whom?
// pertanyaan: Perjanjian apa yang diikuti suatu pihak, dengan siapa, jenisnya, dan siapa penanda tangannya?
// param: party (entity, optional) example: Indonesia -- a party (id, name, alias or ISO code)
// param: year (year, optional) example: -- in force that year (else the year of its date)
// columns: party, counterpart, agreement, kind, date, signatories (list), sources (list)
//
// One row per party and counterpart (counterpart null when the agreement names no other
// party); date is the party_to fact's date, else the agreement's. In Neo4j Browser:
//   :params {party: "country/IDN", year: null}
MATCH (p:Entity)-[r:PARTY_TO]->(a:Agreement)
WHERE $party IS NULL OR p.id = $party
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
