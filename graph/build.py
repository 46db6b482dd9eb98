"""`hdkg build`: every source through its loader, resolution, one merged graph, written.

The flow is one way: sources -> loaders (validated records) -> resolver (canonical ids) ->
GraphData (merge) -> graph folder (records, RDF store, manifest). Curated facts are applied
last because analysts' statements win over what was read from text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import orjson

from hdkg.graph.model import GraphData, gc_paused
from hdkg.graph.progress import progress_bar
from hdkg.graph.resolve import Resolver, resolve_graph
from hdkg.graph.store import write_graph
from hdkg.schema.errors import UserError
from hdkg.schema.models import (
    SCHEMA_VERSION,
    Entity,
    EntityType,
    Fact,
    Predicate,
    Source,
    check_ends,
    make_id,
)

TEXT_SUFFIXES = {".txt", ".md", ".html", ".htm"}
CURATED_SUFFIXES = {".yaml", ".yml", ".csv"}
IDENTITY_FILE = "identity.yaml"


@dataclass
class BuildReport:
    """What a build did: counts, and every input or record it had to leave out, with why."""

    documents: int = 0
    entities: int = 0
    facts: int = 0
    triples: int = 0
    skipped: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    review: list[dict] = field(default_factory=list)


@dataclass
class Inputs:
    text: list[Path] = field(default_factory=list)
    extracted: list[Path] = field(default_factory=list)
    curated: list[Path] = field(default_factory=list)
    identity: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def collect_inputs(sources: list[Path]) -> Inputs:
    """Sort the command-line sources by loader; folders are read in name order.

    An entry of a folder that is named like a document but is not a readable file (a broken
    link, a sub-folder, a pipe) goes to the text loader all the same, which names it with
    its reason, rather than vanishing from the build without a word.
    """
    found = Inputs()
    for src in sources:
        if not src.exists() and not src.is_symlink():
            raise UserError(f"no such file or folder: {src}")
        if src.is_dir():
            try:
                files = sorted(src.iterdir())
            except OSError as e:
                raise UserError(f"cannot list {src}: {e.strerror or e}") from None
        else:
            files = [src]
        for p in files:
            suffix = p.suffix.lower()
            regular = p.is_file()
            if p.name == IDENTITY_FILE:
                found.identity.append(p)
            elif suffix in TEXT_SUFFIXES:
                if src.is_dir() and p.name in ("SOURCES.md", "README.md"):
                    continue
                found.text.append(p)
            elif suffix == ".jsonl" and not src.is_dir():
                found.extracted.append(p)  # the output of `hdkg extract`
            elif suffix in CURATED_SUFFIXES:
                found.curated.append(p)
            elif src.is_dir() and (p.name.startswith(".") or not regular):
                continue
            elif src.is_dir() and suffix in (".jsonl", ".json"):
                continue  # annotation files that sit beside documents
            else:
                found.skipped.append(f"{p}: unsupported file type {suffix or '(none)'}")
    return found


def _text_records(paths: list[Path], jobs: int, max_bytes: int | None, progress: bool,
                  report: BuildReport) -> Iterator[tuple[Path, str, str | None, list[dict]]]:
    """(path, doc name, language, extraction rows) per readable document, in order."""
    from hdkg.loaders.extracted import extract_paths

    with progress_bar(progress and len(paths) > 20) as bar:
        task = bar.add_task("extracting", total=len(paths))
        for path, doc, language, rows, problem in extract_paths(paths, jobs=jobs,
                                                                     max_bytes=max_bytes):
            bar.advance(task)
            if problem is not None:
                report.skipped.append(f"{path}: {problem}")
                continue
            yield path, doc, language, rows


def _jsonl_records(path: Path, report: BuildReport
                   ) -> Iterator[tuple[Path, str, str | None, list[dict]]]:
    """Documents of an extraction JSONL file (`hdkg extract -o`), read as a stream."""
    current: str | None = None
    language: str | None = None
    rows: list[dict] = []
    try:
        f = open(path, "rb")
    except OSError as e:
        raise UserError(f"cannot read {path}: {e.strerror or e}") from e
    with f:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            try:
                row = orjson.loads(raw)
                doc = row["doc"]
                if not isinstance(doc, str) or not doc.strip():
                    raise TypeError("doc is not a name")
            except (ValueError, KeyError, TypeError):  # orjson's errors are ValueErrors
                report.skipped.append(f"{path}:{n}: not an extraction record")
                continue
            if doc != current:
                if current is not None:
                    yield path, current, language, rows
                current, language, rows = doc, None, []
            if row.get("kind") == "document":
                language = row.get("language")
            else:
                rows.append(row)
    if current is not None:
        yield path, current, language, rows


def build_data(sources: list[Path], *, with_reference: bool = True, all_reference: bool = False,
               jobs: int = 1, max_bytes: int | None = None, progress: bool = False,
               report: BuildReport | None = None,
               trace: dict[tuple[str, str], str] | None = None) -> GraphData:
    """The merged graph of the sources (nothing written).

    `trace`, when given, is filled with the node every extracted entity ended up in:
    (document, name the extractor gave it) -> final id (bench/resolution.py reads it).
    """
    from hdkg.loaders.curated import load_curated
    from hdkg.loaders.extracted import records_from_extraction
    from hdkg.loaders.identity import load_identity

    report = report if report is not None else BuildReport()
    inputs = collect_inputs(sources)
    report.skipped.extend(inputs.skipped)
    curated = load_curated(inputs.curated)  # fails before any work when a file is invalid
    identity = load_identity(inputs.identity)

    reference: dict[str, Entity] = {}
    resolver = Resolver()
    if with_reference:
        from hdkg.loaders.reference import country_iso3, find_body, load_bodies, load_countries

        reference = {e.id: e for e in [*load_countries(), *load_bodies()]}
        resolver = Resolver(find_body=find_body, country_iso3=country_iso3)

    data = GraphData()
    documents: dict[str, Entity] = {}
    streams = [_text_records(inputs.text, jobs, max_bytes, progress, report)]
    streams += [_jsonl_records(p, report) for p in inputs.extracted]
    seen: dict = {}
    for path, doc, language, rows in (r for stream in streams for r in stream):
        recs = records_from_extraction(rows, doc, language=language, seen=seen)
        report.dropped.extend(recs.dropped)
        entities, facts = resolver.resolve(recs.entities, recs.facts)
        if trace is not None:
            trace.update(((doc, a.name), b.id)
                         for a, b in zip(recs.entities, entities, strict=True))
        for e in entities:
            data.add_entity(e)
        for f in facts:
            data.add_fact(f)
        documents[doc] = Entity(id=make_id(EntityType.Document, doc), type=EntityType.Document,
                                name=doc, language=language, path=str(path))
    report.documents = len(documents)

    # Curated records: entities merge; facts replace the extracted facts they contradict.
    for e in curated.entities:
        data.add_entity(e)
    if curated.facts or curated.negated:
        by_edge: dict[tuple, list[Fact]] = {}
        for x in data.iter_facts():
            by_edge.setdefault(_edge(x), []).append(x)
        for f in curated.negated:
            for have in by_edge.pop(_edge(f), []):
                data.remove_fact(have)
        for f in curated.facts:
            for have in by_edge.get(_edge(f), []):
                if have.key() != f.key() and not _is_curated(have):
                    data.remove_fact(have)
            by_edge.setdefault(_edge(f), []).append(data.add_fact(f))

    preferred = set(reference) | {e.id for e in curated.entities}
    mapping: dict[str, str] = {}
    pairs = resolve_graph(data, identity, preferred, mapping=mapping)
    if trace is not None:
        for k, v in trace.items():
            trace[k] = mapping.get(v, v)
    report.review.extend(dict(p.__dict__) for p in pairs)  # asdict() costs 10x, recursing

    if reference:
        _add_reference(data, reference, all_reference)
    _add_documents(data, documents)
    _check_types(data, report)
    data.forget_merge_state()
    return data


def _edge(f: Fact) -> tuple:
    return (f.predicate, f.subject, f.object)


def _is_curated(f: Fact) -> bool:
    return any(s.loader == "curated" for s in f.sources)


def _add_reference(data: GraphData, reference: dict[str, Entity], all_reference: bool) -> None:
    """Reference entities that the graph uses (or all), with their gazetteer parents."""
    used = {i for f in data.iter_facts() for i in (f.subject, f.object)} | set(data.entities)
    wanted = set(reference) if all_reference else {i for i in used if i in reference}
    todo = list(wanted)
    while todo:  # a body's parents come along
        parent = reference[todo.pop()].parent
        if parent and parent in reference and parent not in wanted:
            wanted.add(parent)
            todo.append(parent)
    for eid in sorted(wanted):
        ref = reference[eid]
        have = data.entities.get(eid)
        if have is None:
            data.add_entity(ref)
        else:
            # The reference name is canonical; what the documents called it stays an alias.
            data.replace_entity(ref.model_copy(deep=True))
            data.add_entity(have)
        if ref.parent and ref.parent in wanted:
            data.add_fact(Fact(predicate=Predicate.part_of, subject=eid, object=ref.parent,
                               sources=ref.sources))


def _add_documents(data: GraphData, documents: dict[str, Entity]) -> None:
    """A Document node for every document any record cites (text, curated, reference)."""
    cited: set[str] = set()
    for e in data.entities.values():
        cited.update(s.document for s in e.sources)
    for f in data.iter_facts():
        cited.update(s.document for s in f.sources)
    for name in sorted(cited):
        doc = documents.get(name) or Entity(id=make_id(EntityType.Document, name),
                                            type=EntityType.Document, name=name, path=name)
        data.add_entity(doc)


def _check_types(data: GraphData, report: BuildReport) -> None:
    """Drop facts whose ends are of the wrong type (and say so); the graph stays valid."""
    types = data.types()
    for f in list(data.iter_facts()):
        problem = check_ends(f, types)
        if problem:
            data.remove_fact(f)
            where = ", ".join(sorted({s.document for s in f.sources}))
            report.dropped.append(f"{where}: {problem}")


def build_graph(sources: list[Path], out_dir: Path, *, with_reference: bool = True,
                all_reference: bool = False, jobs: int = 1, max_bytes: int | None = None,
                progress: bool = False) -> BuildReport:
    """Build the graph of the sources and write it to `out_dir` (atomically)."""
    report = BuildReport()
    with gc_paused():
        data = build_data(sources, with_reference=with_reference,
                          all_reference=all_reference, jobs=jobs, max_bytes=max_bytes,
                          progress=progress, report=report)
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "built": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "sources": [str(s) for s in sources],
        "documents": report.documents,
        "entities": len(data.entities),
        "facts": len(data.facts),
        "skipped": report.skipped,
        "dropped": report.dropped,
    }
    review = json.dumps(report.review, indent=1, ensure_ascii=False) + "\n"
    with gc_paused():
        manifest = write_graph(data, out_dir, manifest, extra={"review.json": review})
    report.entities, report.facts, report.triples = (len(data.entities), len(data.facts),
                                                     manifest["triples"])
    return report


__all__ = ["BuildReport", "Source", "build_data", "build_graph", "collect_inputs"]
