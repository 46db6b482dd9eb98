"""The RDF projection of the graph: entities and n-ary fact nodes as N-Triples lines.

Why text lines and not rdflib objects: the projection of a million facts is ~15 million
triples, and formatting strings is several times faster than building rdflib terms; the
lines go straight into Oxigraph's bulk loader (the embedded store), and rdflib parses the
same lines when a caller needs an rdflib Graph (SHACL validation, JSON-LD). No blank nodes:
every node has an IRI derived from the fact id, so writing and reading back gives the same
triples.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from hdkg.graph.model import GraphData
from hdkg.schema.models import (
    AGREEMENT_KINDS,
    Entity,
    EntityType,
    Fact,
    Source,
    make_id,
    slugify,
)
from hdkg.schema.terms import (
    CHAIR_ROLE,
    CLASSES,
    ENTITY_CLASS,
    FACT_CLASS,
    KIND_BASE,
    MEMBERSHIP_LIKE,
    NS,
    ROLE_BASE,
    TIME_BASE,
    P,
    entity_iri,
    fact_iri,
    iri,
)

XSD = NS["xsd"]
_P = {k: f"<{iri(v)}>" for k, v in P.items()}
_ENTITY_CLASSES = {t: (f"<{iri(a)}>", f"<{iri(b)}>") for t, (a, b) in ENTITY_CLASS.items()}
_FACT_CLASSES = {p: (f"<{iri(a)}>", f"<{iri(b)}>", f"<{iri(c)}>")
                 for p, (a, b, c) in FACT_CLASS.items()}
_INTERVAL = f"<{iri(CLASSES['Interval'])}>"
_INSTANT = f"<{iri(CLASSES['Instant'])}>"
_ROLE = f"<{iri(CLASSES['Role'])}>"
_CONCEPT = f"<{iri(CLASSES['Concept'])}>"
_PREF = f"<{iri('skos:prefLabel')}>"
_DECIMAL = XSD + "decimal"
_NONNEG = XSD + "nonNegativeInteger"
_DERIVED, _QUALIFIED, _ENTITY = _P["derivedFrom"], _P["qualifiedDerivation"], _P["entity"]
_LOADER, _EXACT, _RULE = _P["loader"], _P["exact"], _P["rule"]
_OA_START, _OA_END = _P["start_offset"], _P["end_offset"]
_DURING = _P["during"]
_TYPE = _P["type"]


def lit(value: str, lang: str | None = None, datatype: str | None = None) -> str:
    """An N-Triples literal with the escapes the grammar requires."""
    s = (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
         .replace("\r", "\\r"))
    if lang:
        return f'"{s}"@{lang}'
    if datatype:
        return f'"{s}"^^<{datatype}>'
    return f'"{s}"'


def date_lit(value: str) -> str:
    """A partial date as the XSD type of its precision (gYear, gYearMonth or date)."""
    n = len(value)
    dt = "gYear" if n == 4 else "gYearMonth" if n == 7 else "date"
    return lit(value, datatype=XSD + dt)


def ref(entity_id: str) -> str:
    return f"<{entity_iri(entity_id)}>"


def doc_ref(document: str) -> str:
    return ref(make_id(EntityType.Document, document))


def _source_lines(node: str, node_iri: str, sources: Iterable[Source]) -> Iterator[str]:
    docs: set[str] = set()
    for s in sources:
        d = doc_ref(s.document)
        if d not in docs:
            docs.add(d)
            yield f"{node} {_DERIVED} {d} ."
        if (s.evidence is None and s.span is None and s.line is None and s.rule is None
                and s.confidence == 1.0):
            # A bare mention (an entity named in a document) says no more than
            # prov:wasDerivedFrom does; a qualified derivation for each of them would be a
            # third of the store at a million facts.
            continue
        h = hashlib.sha1(repr(s.key()).encode("utf-8")).hexdigest()[:12]
        q = f"<{node_iri}/src/{h}>"
        # A qualified derivation per source with evidence; its class (prov:Derivation)
        # follows from the range of prov:qualifiedDerivation, and defaults (confidence 1)
        # are left unsaid, to keep the store small at a million facts.
        yield f"{node} {_QUALIFIED} {q} ."
        yield f"{q} {_ENTITY} {d} ."
        yield f"{q} {_LOADER} {lit(f'{s.loader}/{s.version}')} ."
        if s.confidence != 1.0:
            yield f"{q} {_P['confidence']} {lit(repr(float(s.confidence)), datatype=_DECIMAL)} ."
        if s.evidence is not None:
            yield f"{q} {_EXACT} {lit(s.evidence)} ."
        if s.span is not None:
            yield f"{q} {_OA_START} \"{s.span[0]}\"^^<{_NONNEG}> ."
            yield f"{q} {_OA_END} \"{s.span[1]}\"^^<{_NONNEG}> ."
        if s.line is not None:
            yield f"{q} {_P['line']} {lit(str(s.line), datatype=XSD + 'positiveInteger')} ."
        if s.rule is not None:
            yield f"{q} {_RULE} {lit(s.rule)} ."


def entity_lines(e: Entity) -> Iterator[str]:
    """The triples of one entity node."""
    node_iri = entity_iri(e.id)
    n = f"<{node_iri}>"
    own, std = _ENTITY_CLASSES[e.type]
    yield f"{n} {_P['type']} {own} ."
    yield f"{n} {_P['type']} {std} ."
    yield f"{n} {_P['id']} {lit(e.id)} ."
    yield f"{n} {_P['name']} {lit(e.name)} ."
    for a in e.aliases:
        yield f"{n} {_P['alias']} {lit(a)} ."
    if e.iso3:
        yield f"{n} {_P['iso3']} {lit(e.iso3)} ."
    if e.acronym:
        yield f"{n} {_P['acronym']} {lit(e.acronym)} ."
    if e.wikidata:
        yield f"{n} {_P['sameAs']} <{NS['wd']}{e.wikidata}> ."
    if e.date:
        yield f"{n} {_P['date']} {date_lit(e.date)} ."
    if e.place:
        yield f"{n} {_P['place']} {lit(e.place)} ."
    if e.kind:
        yield f"{n} {_P['kind']} <{KIND_BASE}{e.kind}> ."
    if e.title:
        yield f"{n} {_P['title']} {lit(e.title)} ."
    for fld in e.fields:
        yield f"{n} {_P['field']} {lit(fld)} ."
    if e.language:
        yield f"{n} {_P['language']} {lit(e.language)} ."
    if e.path:
        yield f"{n} {_P['path']} {lit(e.path)} ."
    yield from _source_lines(n, node_iri, e.sources)


def period_iri(start: str | None, end: str | None) -> str:
    """The IRI of the OWL-Time interval from `start` to `end` (either may be open).

    Intervals and their instants are shared by every fact with the same period (an
    interval is identified by its beginning and end), so a membership costs one
    org:memberDuring triple and the calendar is written once (`period_lines`).
    """
    return f"{TIME_BASE}{start or ''}_{end or ''}"


def instant_iri(value: str) -> str:
    return f"{TIME_BASE}{value}"


def fact_lines(f: Fact) -> Iterator[str]:
    """The triples of one fact: its node, the shortcut edge, its period and its sources."""
    node_iri = fact_iri(f.fact_id())
    n = f"<{node_iri}>"
    s, o = ref(f.subject), ref(f.object)
    own, std, shortcut = _FACT_CLASSES[f.predicate]
    member = f.predicate in MEMBERSHIP_LIKE
    yield f"{s} {shortcut} {o} ."
    # hdkg:Fact follows from the class (rdfs:subClassOf in the vocabulary).
    yield f"{n} {_TYPE} {own} ."
    if member:
        yield f"{n} {_TYPE} {std} ."  # org:Membership, for ORG-aware consumers
    yield f"{n} {_P['predicate']} {lit(f.predicate.value)} ."
    yield f"{n} {_P['subject']} {s} ."
    yield f"{n} {_P['object']} {o} ."
    if member:
        yield f"{n} {_P['member']} {s} ."
        yield f"{n} {_P['organization']} {o} ."
        if f.predicate.value == "chair_of":
            yield f"{n} {_P['role']} <{CHAIR_ROLE}> ."
    if f.role:
        yield f"{n} {_P['roleLabel']} {lit(f.role)} ."
        yield f"{n} {_P['role']} <{ROLE_BASE}{slugify(f.role)}> ."
    if f.start:
        yield f"{n} {_P['start']} {date_lit(f.start)} ."
    if f.end:
        yield f"{n} {_P['end']} {date_lit(f.end)} ."
    if f.date:
        yield f"{n} {_P['date']} {date_lit(f.date)} ."
    if member and (f.start or f.end):
        yield f"{n} {_DURING} <{period_iri(f.start, f.end)}> ."
    yield from _source_lines(n, node_iri, f.sources)


def period_lines(data: GraphData) -> Iterator[str]:
    """The shared OWL-Time intervals of the memberships, and their instants, once each."""
    periods = sorted({(f.start or "", f.end or "") for f in data.iter_facts()
                      if f.predicate in MEMBERSHIP_LIKE and (f.start or f.end)})
    instants: set[str] = set()
    for start, end in periods:
        during = f"<{period_iri(start, end)}>"
        yield f"{during} {_TYPE} {_INTERVAL} ."
        for key, value in (("hasBeginning", start), ("hasEnd", end)):
            if value:
                yield f"{during} {_P[key]} <{instant_iri(value)}> ."
                instants.add(value)
    for value in sorted(instants):
        inst = f"<{instant_iri(value)}>"
        prop = ("inXSDgYear" if len(value) == 4 else
                "inXSDgYearMonth" if len(value) == 7 else "inXSDDate")
        yield f"{inst} {_TYPE} {_INSTANT} ."
        yield f"{inst} {_P[prop]} {date_lit(value)} ."


def concept_lines(data: GraphData) -> Iterator[str]:
    """Roles and agreement kinds used in the graph, as SKOS concepts with their labels."""
    roles = {"chair": "Chair"} | {slugify(f.role): f.role for f in data.iter_facts() if f.role}
    for key, label in sorted(roles.items()):
        r = f"<{ROLE_BASE}{key}>"
        yield f"{r} {_P['type']} {_ROLE} ."
        yield f"{r} {_P['type']} {_CONCEPT} ."
        yield f"{r} {_PREF} {lit(label)} ."
    kinds = sorted({e.kind for e in data.entities.values() if e.kind})
    for k in kinds:
        en, id_ = AGREEMENT_KINDS[k]
        c = f"<{KIND_BASE}{k}>"
        yield f"{c} {_P['type']} {_CONCEPT} ."
        yield f"{c} {_PREF} {lit(en, lang='en')} ."
        yield f"{c} {_PREF} {lit(id_, lang='id')} ."


def graph_lines(data: GraphData) -> Iterator[str]:
    """Every triple of the graph, entities first, in a stable order."""
    for eid in sorted(data.entities):
        yield from entity_lines(data.entities[eid])
    for f in sorted(data.facts.values(), key=lambda x: x.key()):
        yield from fact_lines(f)
    yield from period_lines(data)
    yield from concept_lines(data)
