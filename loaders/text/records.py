"""Records in the format of the extraction contract (spec/extraction.md), one dict each."""

from __future__ import annotations

import hashlib

from hdkg.loaders.text.mentions import DocAnalysis, Ent
from hdkg.loaders.text.read import Document
from hdkg.loaders.text.rules import FactRec


def document_record(document: Document) -> dict:
    return {"kind": "document", "doc": document.doc, "language": document.language,
            "chars": len(document.text),
            "sha1": hashlib.sha1(document.text.encode("utf-8")).hexdigest()}


def entity_record(doc_name: str, e: Ent) -> dict:
    rec: dict = {"kind": "entity", "doc": doc_name, "type": e.type, "name": e.name,
                 "mentions": list(dict.fromkeys(e.mentions))}
    if e.iso3:
        rec["iso3"] = e.iso3
    if e.ref:
        rec["ref"] = e.ref
    if e.date and e.type == "Event":
        rec["date"] = e.date
    if e.state_inferred and e.country:
        # A ministry whose state the text gives elsewhere ("Public Health Minister X" in a
        # text about Thailand): the state travels with the record, so that the ministries of
        # two states named alike stay two.
        rec["country"] = e.country
    return rec


def _end(e: Ent) -> dict:
    out = {"type": e.type, "name": e.name}
    if e.iso3:
        out["iso3"] = e.iso3
    return out


def fact_record(doc_name: str, analysis: DocAnalysis, f: FactRec) -> dict:
    s, o = analysis.entities[f.subject], analysis.entities[f.object]
    a, b = f.span
    rec: dict = {"kind": "fact", "doc": doc_name, "predicate": f.predicate,
                 "subject": _end(s), "object": _end(o)}
    for k in ("start", "end", "date", "role"):
        v = getattr(f, k)
        if v:
            rec[k] = v
    rec["evidence"] = analysis.text[a:b]
    rec["span"] = [a, b]
    rec["rule"] = f.rule
    rec["confidence"] = round(f.confidence, 2)
    if f.agreement is not None:
        rec["agreement"] = f.agreement
    return rec


def used_entities(analysis: DocAnalysis) -> list[Ent]:
    """The entities worth a record, in order of first mention."""
    ents = [e for e in analysis.entities.values() if e.mentions or e.key]
    return sorted(ents, key=lambda e: e.first)
