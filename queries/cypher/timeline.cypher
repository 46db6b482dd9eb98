// name: timeline
// question: What dated facts does an entity have, in order of time?
// pertanyaan: Fakta bertanggal apa saja yang dimiliki suatu entitas, menurut urutan waktu?
// param: entity (entity, required) example: Indonesia -- the entity (id, name, alias or ISO code)
// columns: when, predicate, subject, object, role, start, end, date, sources (list)
//
// when is the start, else the date, else the end of the fact. In Neo4j Browser:
//   :params {entity: "country/IDN"}
MATCH (e:Entity {id: $entity})-[r:CHAIR_OF|MEMBER_OF|HOLDS_POSITION|PART_OF|PARTY_TO|SIGNED|PARTICIPATED_IN|HOSTS]-(:Entity)
WHERE r.start IS NOT NULL OR r.`end` IS NOT NULL OR r.date IS NOT NULL
RETURN coalesce(r.start, r.date, r.`end`) AS `when`, toLower(type(r)) AS predicate,
       startNode(r).name AS subject, endNode(r).name AS object, r.role AS role,
       r.start AS start, r.`end` AS `end`, r.date AS date, coalesce(r.sources, []) AS sources
ORDER BY `when`, predicate, subject, object
