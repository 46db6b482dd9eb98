"""Extraction records (the JSONL of `hdkg extract`) into validated graph records.

The extractor speaks in names local to one document; the graph speaks in ids. This module
gives every extracted entity a provisional id from what the record itself says (ISO code,
gazetteer id, type and name) and turns each `agreement_with` fact into an Agreement node
with `party_to` and `signed` facts. Merging across documents is the resolver's job.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

from pydantic import ValidationError

from hdkg.loaders.reference import country_short_name
from hdkg.schema.models import (
    AGREEMENT_KINDS,
    Entity,
    EntityType,
    Fact,
    Predicate,
    Source,
    check_partial_date,
    make_id,
)

LOADER = "text-rules"


@dataclass
class DocumentRecords:
    """The records read from one document, with what had to be dropped and why."""

    doc: str
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def _date(value: object) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return check_partial_date(value)
    except ValueError:
        return None


@cache
def _gazetteer_ids() -> dict[str, str]:
    """Gazetteer id -> entity id, so a body the extractor recognised keeps the gazetteer's."""
    from hdkg.loaders.reference import load_bodies

    return {e.id.split("/", 1)[1]: e.id for e in load_bodies()}


def provisional_id(row: dict) -> str:
    """The id an extracted entity gets before resolution: ISO code, gazetteer id or slug."""
    t = EntityType(row["type"])
    known = _gazetteer_ids().get(str(row.get("ref") or ""))
    if known is not None and t in (EntityType.Organization, EntityType.Forum):
        return known
    if t is EntityType.Country and row.get("iso3"):
        return make_id(t, row["iso3"])
    if t is EntityType.Event:
        d = _date(row.get("date"))
        return make_id(t, f"{row['name']} {d[:4]}" if d else row["name"])
    return make_id(t, row["name"])


EntityKey = tuple  # (type, name, mentions, iso3, date, ref) of an entity record


def records_from_extraction(rows: Iterable[dict], doc: str, version: str = "0",
                            language: str | None = None,
                            seen: dict[EntityKey, tuple | str] | None = None
                            ) -> DocumentRecords:
    """Validated entities and facts of one document's extraction records.

    `seen` (one dict for a whole build) remembers what each distinct entity record became:
    a large corpus names the same few hundred countries and bodies hundreds of thousands
    of times, and their ids, aliases and checks are the same each time.
    """
    out = DocumentRecords(doc=doc)
    ids: dict[tuple[str, str], str] = {}
    by_name: dict[str, str] = {}
    seen = {} if seen is None else seen
    rows = list(rows)
    mention = None  # one source for every entity the document names (sources are frozen)
    for row in rows:
        if row.get("kind") != "entity":
            continue
        raw = row.get("mentions")
        key = (row.get("type"), row.get("name"),
               tuple(raw) if isinstance(raw, list) else raw, row.get("iso3"), row.get("date"),
               row.get("ref"), row.get("country"))
        try:
            hit = seen.get(key)
        except TypeError:  # an unhashable value somewhere: no memo for this record
            hit, key = None, None
        if hit is None:
            hit = _entity_fields(row)
            if key is not None:
                seen[key] = hit
        if isinstance(hit, str):
            out.dropped.append(f"{doc}: entity {row.get('name')!r}: {hit}")
            continue
        eid, t, name, aliases, iso3, date = hit
        if mention is None:
            mention = Source(document=doc, loader=LOADER, version=version)
        # Validated once in _entity_fields (an Entity was built from these very values), so
        # the copy for this document is constructed without validating them again: a large
        # corpus names the same countries hundreds of thousands of times.
        # Every field is given: for a missing one pydantic would inspect the signature of
        # its default factory, once per record.
        e = Entity.model_construct(id=eid, type=t, name=name, aliases=list(aliases), iso3=iso3,
                                   wikidata=None, acronym=None, parent=None, date=date,
                                   place=None, kind=None, title=None, fields=[], language=None,
                                   path=None, sources=[mention])
        out.entities.append(e)
        ids[(t.value, name)] = eid
        by_name.setdefault(name, eid)
    sources: dict[tuple, Source] = {}
    for row in rows:
        if row.get("kind") != "fact":
            continue
        try:
            out.facts.extend(_facts(row, doc, version, ids, by_name, out, sources))
        except (KeyError, ValueError, ValidationError) as exc:
            out.dropped.append(f"{doc}: fact {row.get('predicate')}: {_short(exc)}")
    return out


def _entity_fields(row: dict) -> tuple | str:
    """(id, type, name, aliases, iso3, date) of an entity record, or why it is dropped."""
    try:
        t = EntityType(row["type"])
        eid = provisional_id(row)
        mentions = [m for m in row.get("mentions") or [] if isinstance(m, str) and m]
        if eid.split("/", 1)[0] == "forum" and t is EntityType.Organization:
            t = EntityType.Forum
        elif eid.split("/", 1)[0] == "org" and t is EntityType.Forum:
            t = EntityType.Organization
        state = row.get("country") if t is EntityType.Organization else None
        if state:
            # The ministry's state, said elsewhere in the text: a name that says it too
            # ("Ministry of Public Health of Thailand") keys it by state and portfolio.
            mentions = [*mentions, _with_state(row["name"], state)]
            eid = make_id(t, f"{row['name']} {state}")
        e = Entity(
            id=eid, type=t, name=row["name"],
            aliases=[m for m in dict.fromkeys(mentions) if m != row["name"]],
            iso3=row.get("iso3") if t is EntityType.Country else None,
            date=_date(row.get("date")) if t is EntityType.Event else None,
        )
    except (KeyError, ValueError, ValidationError) as exc:
        return _short(exc)
    return e.id, e.type, e.name, tuple(e.aliases), e.iso3, e.date


def _with_state(name: str, iso3: str) -> str:
    """'Ministry of Public Health' of THA -> 'Ministry of Public Health of Thailand';
    'Kementerian Kesehatan' of BRN -> 'Kementerian Kesehatan Brunei Darussalam'."""
    if name.startswith(("Ministry", "Department")):
        return f"{name} of {country_short_name(iso3, 'en')}"
    return f"{name} {country_short_name(iso3, 'id')}"


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200]


def _end(end: dict, ids: dict, by_name: dict) -> str:
    name, t = end.get("name", ""), end.get("type", "")
    if (t, name) in ids:
        return ids[(t, name)]
    if name in by_name:
        return by_name[name]
    raise ValueError(f"{name!r} names no entity of the document")


def _source(row: dict, doc: str, version: str, cache: dict) -> Source:
    """The Source of a fact row; the facts of one sentence (a list of members, say) share
    one Source object, so the sentence is held in memory once."""
    span = row.get("span")
    span = tuple(span) if isinstance(span, list) and len(span) == 2 else None
    key = (row.get("evidence"), span, row.get("rule"), row.get("confidence", 1.0))
    try:
        src = cache.get(key)
    except TypeError:  # an unhashable value: validation below says what is wrong
        key, src = None, None
    if src is None:
        src = Source(document=doc, evidence=key[0] if key else row.get("evidence"), span=span,
                     loader=LOADER, version=version, rule=row.get("rule"),
                     confidence=float(row.get("confidence", 1.0)))
        if key is not None:
            cache[key] = src
    return src


def _facts(row: dict, doc: str, version: str, ids: dict, by_name: dict,
           out: DocumentRecords, sources: dict) -> list[Fact]:
    src = _source(row, doc, version, sources)
    s = _end(row["subject"], ids, by_name)
    o = _end(row["object"], ids, by_name)
    pred = row["predicate"]
    if pred == "agreement_with":
        return _agreement(row, s, o, src, doc, ids, by_name, out)
    return [Fact(predicate=Predicate(pred), subject=s, object=o, role=row.get("role") or None,
                 start=_date(row.get("start")), end=_date(row.get("end")),
                 date=_date(row.get("date")), sources=[src])]


def _agreement(row: dict, a: str, b: str, src: Source, doc: str, ids: dict, by_name: dict,
               out: DocumentRecords) -> list[Fact]:
    """An agreement between two parties becomes a node both parties are party to."""
    info = row.get("agreement") or {}
    kind = info.get("kind") if info.get("kind") in AGREEMENT_KINDS else "Agreement"
    date = _date(info.get("date")) or _date(row.get("date"))
    first, second = sorted((a, b))
    key = f"{kind} {first.split('/', 1)[1]} {second.split('/', 1)[1]} {date or doc}"
    agr_id = make_id(EntityType.Agreement, key)
    names = {e.id: e.name for e in out.entities}
    title = info.get("title") or f"{kind} {names.get(first, first)} - {names.get(second, second)}"
    fields = [f for f in info.get("fields") or [] if isinstance(f, str) and f]
    out.entities.append(Entity(id=agr_id, type=EntityType.Agreement, name=title, kind=kind,
                               title=info.get("title"), date=date, fields=fields,
                               sources=[src]))
    facts = [Fact(predicate=Predicate.party_to, subject=p, object=agr_id, date=date,
                  sources=[src]) for p in (a, b)]
    for sig in info.get("signatories") or []:
        try:
            person = _end({"type": "Person", "name": sig.get("name", "")}, ids, by_name)
        except ValueError:
            continue
        party = sig.get("party")
        role = None
        if party:
            try:
                party_id = _end({"name": party}, ids, by_name)
                role = f"on behalf of {names.get(party_id, party)}"
            except ValueError:
                role = None
        facts.append(Fact(predicate=Predicate.signed, subject=person, object=agr_id,
                          date=date, role=role, sources=[src]))
    return facts


def _extract_one(path: Path, max_bytes: int | None = None
                 ) -> tuple[Path, str, str | None, list[dict], str | None]:
    from hdkg.loaders.text import UnreadableDocument, extract_text, read_document

    try:
        document = (read_document(path) if max_bytes is None
                    else read_document(path, max_bytes=max_bytes))
    except UnreadableDocument as e:
        return path, path.name, None, [], str(e)
    except OSError as e:
        return path, path.name, None, [], f"cannot read: {e.strerror or e}"
    return path, document.doc, document.language, extract_text(document.text, document.doc), None


def extract_paths(paths: list[Path], jobs: int = 1, max_bytes: int | None = None
                  ) -> Iterator[tuple[Path, str, str | None, list[dict], str | None]]:
    """(path, doc, language, extraction rows, problem or None) per file, in input order.

    With jobs > 1 documents are extracted in a process pool; order is kept so that a build
    is the same whatever the number of jobs.
    """
    if jobs <= 1 or len(paths) < 2:
        for p in paths:
            yield _extract_one(p, max_bytes)
        return
    import multiprocessing as mp

    with mp.get_context("spawn" if sys.platform == "darwin" else "fork").Pool(jobs) as pool:
        yield from pool.imap(partial(_extract_one, max_bytes=max_bytes), paths, chunksize=8)
