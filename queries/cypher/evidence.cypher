// name: evidence
// question: Which documents and sentences stand behind a fact?
// pertanyaan: Dokumen dan kalimat apa yang menjadi dasar suatu fakta?
// param: subject (entity, optional) example: Indonesia -- the fact's subject (id, name or alias)
// param: predicate (predicate, optional) example: chair_of -- chair_of, member_of, holds_position, part_of, party_to, signed, participated_in or hosts
// param: object (entity, optional) example: -- the fact's object
// columns: subject, predicate, object, role, start, end, date, document (list), evidence (list)
//
// One row per fact: the documents it was read from and the sentences that state it.
// In Neo4j Browser:
//   :params {subject: "country/IDN", predicate: "chair_of", object: null}
MATCH (s:Entity)-[r:CHAIR_OF|MEMBER_OF|HOLDS_POSITION|PART_OF|PARTY_TO|SIGNED|PARTICIPATED_IN|HOSTS]->(o:Entity)
WHERE ($subject IS NULL OR s.id = $subject)
  AND ($object IS NULL OR o.id = $object)
  AND ($predicate IS NULL OR type(r) = toUpper($predicate))
RETURN s.name AS subject, toLower(type(r)) AS predicate, o.name AS object, r.role AS role,
       r.start AS start, r.`end` AS `end`, r.date AS date,
       coalesce(r.sources, []) AS document, coalesce(r.evidence, []) AS evidence
ORDER BY predicate, subject, object, start, date
