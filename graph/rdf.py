"""The RDF projection of the graph: entities and n-ary fact nodes as N-Triples lines.

Why text lines and not rdflib objects: the projection of a million facts is ~11 million
triples, and formatting strings is several times faster than building rdflib terms; the
lines go straight into Oxigraph's bulk loader (the embedded store), and rdflib parses the
same lines when a caller needs an rdflib Graph (SHACL validation, JSON-LD). No blank nodes:
every node has an IRI derived from the fact id, so writing and reading back gives the same
triples.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from hdkg.graph.model import GraphData
from hdkg.graph.within import within_pairs
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
_DERIVED, _EVIDENCE = _P["derivedFrom"], _P["evidence"]
_LOADER, _EXACT = _P["loader"], _P["exact"]
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


class _Provenance:
    """Provenance triples of the nodes, with what is shared between nodes written once.

    A fact is `prov:wasDerivedFrom` each of its documents and `hdkg:evidence` (a
    sub-property of it) the passage it was read from. A passage is a resource of its own,
    named by where it is: the document's IRI with an RFC 5147 fragment (`#char=120,245`,
    `#line=11,12` for a curated line, `#quote-<hash>` for a quotation without offsets),
    carrying the sentence as `oa:exact`. Every fact read from one sentence points at the
    same passage, so the sentence is stored once; the loader is said once per document, and
    the confidence (when below 1) once per fact. The extraction rule that read a fact stays
    in records.jsonl and on the Neo4j relationship: it is the extractor's debugging aid,
    and a triple for it would be a tenth of the store. (A `prov:qualifiedDerivation` per
    source said all of this in eight triples a source: half of the store at a million
    facts, and half of the build's time.)
    """

    def __init__(self) -> None:
        self.passages: set[str] = set()
        self.loaders: set[tuple[str, str]] = set()
        self.document_iris: dict[str, str] = {}

    def lines(self, node: str, sources: Iterable[Source], out: Callable[[str], None]) -> None:
        docs: set[str] = set()
        confidence = 0.0
        for s in sources:
            d_iri = self.document_iris.get(s.document)
            if d_iri is None:
                d_iri = self.document_iris[s.document] = entity_iri(
                    make_id(EntityType.Document, s.document))
            if d_iri not in docs:
                docs.add(d_iri)
                out(f"{node} {_DERIVED} <{d_iri}> .")
                self.loaders.add((d_iri, f"{s.loader}/{s.version}"))
            confidence = max(confidence, s.confidence)
            passage = passage_iri(d_iri, s)
            if passage is None:
                continue  # a bare mention says no more than prov:wasDerivedFrom does
            out(f"{node} {_EVIDENCE} <{passage}> .")
            if s.evidence is not None and passage not in self.passages:
                self.passages.add(passage)
                out(f"<{passage}> {_EXACT} {lit(s.evidence)} .")
        if confidence < 1.0 and docs:
            out(f"{node} {_P['confidence']} {lit(repr(float(confidence)), datatype=_DECIMAL)} .")

    def document_lines(self) -> Iterator[str]:
        """Which loader (and version) read each document, once per document."""
        for d_iri, loader in sorted(self.loaders):
            yield f"<{d_iri}> {_LOADER} {lit(loader)} ."


def passage_iri(document_iri: str, s: Source) -> str | None:
    """The passage of a document a source points at (RFC 5147 fragments), or None."""
    if s.span is not None:
        return f"{document_iri}#char={s.span[0]},{s.span[1]}"
    if s.line is not None:
        return f"{document_iri}#line={s.line - 1},{s.line}"
    if s.evidence is not None:
        h = hashlib.sha1(s.evidence.encode("utf-8")).hexdigest()[:12]
        return f"{document_iri}#quote-{h}"
    return None


def entity_lines(e: Entity, prov: _Provenance, out: Callable[[str], None]) -> None:
    """The triples of one entity node, given to `out` (appending beats yielding here)."""
    n = f"<{entity_iri(e.id)}>"
    own, std = _ENTITY_CLASSES[e.type]
    out(f"{n} {_P['type']} {own} .")
    out(f"{n} {_P['type']} {std} .")
    out(f"{n} {_P['id']} {lit(e.id)} .")
    out(f"{n} {_P['name']} {lit(e.name)} .")
    for a in e.aliases:
        out(f"{n} {_P['alias']} {lit(a)} .")
    if e.iso3:
        out(f"{n} {_P['iso3']} {lit(e.iso3)} .")
    if e.acronym:
        out(f"{n} {_P['acronym']} {lit(e.acronym)} .")
    if e.wikidata:
        out(f"{n} {_P['sameAs']} <{NS['wd']}{e.wikidata}> .")
    if e.date:
        out(f"{n} {_P['date']} {date_lit(e.date)} .")
    if e.place:
        out(f"{n} {_P['place']} {lit(e.place)} .")
    if e.kind:
        out(f"{n} {_P['kind']} <{KIND_BASE}{e.kind}> .")
    if e.title:
        out(f"{n} {_P['title']} {lit(e.title)} .")
    for fld in e.fields:
        out(f"{n} {_P['field']} {lit(fld)} .")
    if e.language:
        out(f"{n} {_P['language']} {lit(e.language)} .")
    if e.path:
        out(f"{n} {_P['path']} {lit(e.path)} .")
    prov.lines(n, e.sources, out)


@lru_cache(maxsize=65536)
def _role_key(role: str) -> str:
    return slugify(role)


def period_iri(start: str | None, end: str | None) -> str:
    """The IRI of the OWL-Time interval from `start` to `end` (either may be open).

    Intervals and their instants are shared by every fact with the same period (an
    interval is identified by its beginning and end), so a membership costs one
    org:memberDuring triple and the calendar is written once (`period_lines`).
    """
    return f"{TIME_BASE}{start or ''}_{end or ''}"


def instant_iri(value: str) -> str:
    return f"{TIME_BASE}{value}"


def fact_lines(f: Fact, prov: _Provenance, out: Callable[[str], None]) -> None:
    """The triples of one fact: its node, the shortcut edge, its period and its sources."""
    n = f"<{fact_iri(f.fact_id())}>"
    s, o = ref(f.subject), ref(f.object)
    own, std, shortcut = _FACT_CLASSES[f.predicate]
    member = f.predicate in MEMBERSHIP_LIKE
    out(f"{s} {shortcut} {o} .")
    # hdkg:Fact follows from the class (rdfs:subClassOf in the vocabulary).
    out(f"{n} {_TYPE} {own} .")
    if member:
        out(f"{n} {_TYPE} {std} .")  # org:Membership, for ORG-aware consumers
    out(f"{n} {_P['predicate']} {lit(f.predicate.value)} .")
    out(f"{n} {_P['subject']} {s} .")
    out(f"{n} {_P['object']} {o} .")
    if member:
        out(f"{n} {_P['member']} {s} .")
        out(f"{n} {_P['organization']} {o} .")
        if f.predicate.value == "chair_of":
            out(f"{n} {_P['role']} <{CHAIR_ROLE}> .")
        elif f.predicate.value == "holds_position":
            out(f"{n} {_P['postIn']} {o} .")
    if f.role:
        out(f"{n} {_P['roleLabel']} {lit(f.role)} .")
        out(f"{n} {_P['role']} <{ROLE_BASE}{_role_key(f.role)}> .")
    if f.start:
        out(f"{n} {_P['start']} {date_lit(f.start)} .")
    if f.end:
        out(f"{n} {_P['end']} {date_lit(f.end)} .")
    if f.date:
        out(f"{n} {_P['date']} {date_lit(f.date)} .")
    if member and (f.start or f.end):
        out(f"{n} {_DURING} <{period_iri(f.start, f.end)}> .")
    prov.lines(n, f.sources, out)


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


def within_lines(data: GraphData) -> Iterator[str]:
    """The derived `hdkg:withinOrganization` triples: a body to each body above it through
    part_of, at any depth (`hdkg.graph.within`), so that queries take one hop."""
    within = _P["within"]
    for unit, above in within_pairs(data):
        yield f"{ref(unit)} {within} {ref(above)} ."


def graph_chunks(data: GraphData, records_per_chunk: int = 20_000) -> Iterator[bytes]:
    """Every triple of the graph as N-Triples, entities first, in a stable order, in chunks
    of about `records_per_chunk` records (UTF-8, each line ending in a newline)."""
    prov = _Provenance()
    buf: list[str] = []
    out = buf.append
    n = 0

    def chunk() -> bytes:
        text = "\n".join(buf) + "\n"
        buf.clear()
        return text.encode("utf-8")

    for eid in sorted(data.entities):
        entity_lines(data.entities[eid], prov, out)
        n += 1
        if n % records_per_chunk == 0:
            yield chunk()
    facts = data.facts
    for key in sorted(facts):  # the dict's keys are the facts' keys
        fact_lines(facts[key], prov, out)
        n += 1
        if n % records_per_chunk == 0:
            yield chunk()
    buf.extend(prov.document_lines())
    buf.extend(period_lines(data))
    buf.extend(concept_lines(data))
    buf.extend(within_lines(data))
    if buf:
        yield chunk()


def graph_lines(data: GraphData) -> Iterator[str]:
    """Every triple of the graph as an N-Triples line (without its newline)."""
    for chunk in graph_chunks(data):
        yield from chunk.decode("utf-8").split("\n")[:-1]
