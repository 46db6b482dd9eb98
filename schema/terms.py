"""RDF terms of the model: which standard term (ORG, PROV-O, schema.org, OWL-Time, SKOS,
Dublin Core, Web Annotation) carries each part of it, and the few `hdkg:` terms where none fits.

This table is the single place the RDF projection, the vocabulary Turtle, the SHACL shapes
and the saved SPARQL queries take their IRIs from.
"""

from __future__ import annotations

from hdkg.schema.models import EntityType, Predicate

BASE = "https://w3id.org/hdkg/"
ID = BASE + "id/"  # entity and fact IRIs: ID + entity id, e.g. .../id/country/IDN
HDKG = BASE + "ontology#"

NS = {
    "hdkg": HDKG,
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "time": "http://www.w3.org/2006/time#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "sh": "http://www.w3.org/ns/shacl#",
    "wd": "http://www.wikidata.org/entity/",
}


def iri(curie: str) -> str:
    """Expand `prefix:local` with the table above."""
    prefix, local = curie.split(":", 1)
    return NS[prefix] + local


# Each entity type is an hdkg class (what shapes and queries target) declared a subclass of
# the standard class that fits it.
ENTITY_CLASS: dict[EntityType, tuple[str, str]] = {
    EntityType.Country: ("hdkg:Country", "schema:Country"),
    EntityType.Person: ("hdkg:Person", "schema:Person"),
    EntityType.Organization: ("hdkg:Organization", "org:Organization"),
    EntityType.Forum: ("hdkg:Forum", "org:Organization"),
    EntityType.Event: ("hdkg:Event", "schema:Event"),
    EntityType.Agreement: ("hdkg:Agreement", "schema:CreativeWork"),
    EntityType.Document: ("hdkg:Document", "foaf:Document"),
}

# Each fact is a node (n-ary record). Its class, the standard class it specialises, and the
# direct "shortcut" property written from subject to object so that paths can be queried.
FACT_CLASS: dict[Predicate, tuple[str, str, str]] = {
    Predicate.chair_of: ("hdkg:Chairmanship", "org:Membership", "hdkg:chairOf"),
    Predicate.member_of: ("hdkg:MembershipFact", "org:Membership", "org:memberOf"),
    Predicate.holds_position: ("hdkg:PostHolding", "org:Membership", "hdkg:holdsPositionIn"),
    Predicate.part_of: ("hdkg:PartOf", "prov:Entity", "org:subOrganizationOf"),
    Predicate.party_to: ("hdkg:PartyTo", "prov:Entity", "hdkg:partyTo"),
    Predicate.signed: ("hdkg:Signing", "prov:Activity", "hdkg:signed"),
    Predicate.participated_in: ("hdkg:Participation", "prov:Entity", "hdkg:participatedIn"),
    Predicate.hosts: ("hdkg:Hosting", "prov:Entity", "hdkg:hosts"),
}

# Facts whose subject is a member/holder of the object: written with org:member and
# org:organization too, and their period as org:memberDuring a (shared) time:Interval.
MEMBERSHIP_LIKE = frozenset({Predicate.chair_of, Predicate.member_of, Predicate.holds_position})

# Properties of entity and fact nodes.
P = {
    "type": "rdf:type",
    "id": "hdkg:id",  # the hdkg id string, identical in Neo4j
    "name": "rdfs:label",
    "pref": "skos:prefLabel",
    "alias": "skos:altLabel",
    "iso3": "hdkg:iso3",
    "acronym": "hdkg:acronym",
    "sameAs": "owl:sameAs",
    "parent": "org:subOrganizationOf",
    # Derived (models.NEO4J_WITHIN): a body to each body above it through part_of.
    "within": "hdkg:withinOrganization",
    "date": "dcterms:date",
    "place": "schema:location",
    "kind": "dcterms:type",
    "title": "dcterms:title",
    "field": "hdkg:field",
    "language": "dcterms:language",
    "path": "hdkg:path",
    "predicate": "hdkg:predicate",
    "subject": "hdkg:subject",
    "object": "hdkg:object",
    "member": "org:member",
    "organization": "org:organization",
    # Derived: a post holding to the body the post is in (org:organization of the post
    # facts alone), so that "posts in this body" starts from the posts, not from every fact
    # whose object the body is.
    "postIn": "hdkg:postIn",
    "role": "org:role",
    "roleLabel": "hdkg:roleLabel",
    "start": "schema:startDate",
    "end": "schema:endDate",
    "during": "org:memberDuring",
    "hasBeginning": "time:hasBeginning",
    "hasEnd": "time:hasEnd",
    "inXSDgYear": "time:inXSDgYear",
    "inXSDgYearMonth": "time:inXSDgYearMonth",
    "inXSDDate": "time:inXSDDate",
    "derivedFrom": "prov:wasDerivedFrom",
    "evidence": "hdkg:evidence",
    "exact": "oa:exact",
    "loader": "hdkg:loader",
    "confidence": "hdkg:confidence",
}

# Properties whose values are resources (IRIs), not literals: typed "@id" in the JSON-LD
# context. The fact classes' shortcut properties are all of this kind too.
IRI_VALUED = frozenset({"sameAs", "parent", "within", "kind", "subject", "object", "member",
                        "organization", "postIn", "role", "during", "hasBeginning", "hasEnd",
                        "derivedFrom", "evidence"})
# JSON-LD term names that differ from the key in P ("id" is JSON-LD's own alias for "@id").
JSONLD_TERM = {"id": "hdkgId"}

CLASSES = {
    "Fact": "hdkg:Fact",
    "Interval": "time:Interval",
    "Instant": "time:Instant",
    "Concept": "skos:Concept",
    "Role": "org:Role",
}

ROLE_BASE = ID + "role/"  # roles as SKOS concepts / org:Role, e.g. .../id/role/ketua
KIND_BASE = ID + "kind/"  # agreement kinds as SKOS concepts
# Shared OWL-Time intervals (.../id/time/2018_2021, an open end left empty) and instants
# (.../id/time/2018): one per period, not one per fact.
TIME_BASE = ID + "time/"
CHAIR_ROLE = ROLE_BASE + "chair"


def entity_iri(entity_id: str) -> str:
    return ID + entity_id


def fact_iri(fact_id: str) -> str:
    return ID + fact_id
