"""Write a GraphData to Neo4j over Bolt: idempotent, incremental, in batches.

Why it is shaped this way:
- Constraints first: each uniqueness constraint is also the index every MERGE and MATCH by
  `id` uses; without it a load turns quadratic.
- Every node carries `:Entity` besides its type label, with its own constraint, so a
  relationship's two ends are found with one index whatever their types (the MERGE path);
  the fast path finds them by the element ids the node step returned.
- Parameterised `UNWIND $rows ...` statements: for what a database does not hold yet, one
  per stage with the label or type in the row (Neo4j 5.26's dynamic labels); for the rest,
  one per label and relationship type (a MERGE or a lookup by a dynamic label or type cannot
  use an index). One transaction per batch through `execute_write`, which retries transient
  errors (deadlocks, leader switches). New nodes, new facts and new documents' STATES links
  are CREATEd, known ones MERGEd only where that changes them (see `load_graph`);
  `bench/neo4j_floor.py` and `bench/neo4j_peers.py` measure why.
- Relationships are keyed on `fact_id` (`Fact.fact_id()`), so a re-load finds the same
  relationship; list properties (sources, evidence, aliases) are merged as set unions
  so loading a larger graph over a smaller one only adds. The extraction rule is not
  written (it stays in records.jsonl): a list property per fact cost a tenth or more of
  the load.
- Provenance: every source document is a `:Document` node with `STATES` relationships to
  the subjects and objects of the facts it supports. STATES is not a schema predicate and is
  left out of `neo4j_stats`.
- Sub-units: after the facts, a body gets a `WITHIN` relationship to each body above it
  through PART_OF at any depth (`hdkg.graph.within`), so that the saved queries about an
  organisation reach its sub-units in one hop. It is worked out from the PART_OF
  relationships in the database, not in this graph alone, so that an increment joining two
  loaded trees is right; missing pairs are created, pairs no longer implied are deleted.
  Like STATES it is derived, not a schema predicate, and left out of `neo4j_stats`.
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from neo4j import Driver, ManagedTransaction, Session
from neo4j.exceptions import ConstraintError, DriverError, Neo4jError

from hdkg.graph.model import GraphData, gc_paused
from hdkg.graph.neo4j.connect import connect, resolve
from hdkg.graph.neo4j.cypher import (
    AWAIT_INDEXES,
    NODE_COUNT_QUERY,
    NODE_CREATE_ANY_QUERY,
    NODE_EXISTS_QUERY,
    NODE_LISTS,
    PART_OF_EDGES_QUERY,
    REL_CREATE_ANY_QUERY,
    STATES,
    STATES_CREATE_QUERY,
    STATES_LINKED_QUERY,
    STATES_MERGE_QUERY,
    STATES_QUERY,
    WITHIN_CREATE_BY_EID_QUERY,
    WITHIN_CREATE_QUERY,
    WITHIN_DELETE_QUERY,
    WITHIN_EDGES_QUERY,
    constraint_statements,
    label_count_query,
    node_create_query,
    node_query,
    rel_count_query,
    rel_create_query,
    rel_exists_query,
    rel_query,
)
from hdkg.graph.progress import progress_bar
from hdkg.graph.within import ancestors
from hdkg.schema.errors import UserError
from hdkg.schema.models import NEO4J_REL_TYPES, NEO4J_WITHIN, Entity, EntityType, Fact, make_id

LABELS: list[str] = [t.value for t in EntityType]
REL_TYPES: list[str] = list(NEO4J_REL_TYPES.values())

# Scalar node properties copied as they are (absent when None).
NODE_SCALARS = ("name", "iso3", "wikidata", "acronym", "parent", "date", "place", "kind",
                "title", "language")

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
"""Called after each batch with (what is being written, rows done, rows in all)."""


def write_within(driver: Driver, database: str | None = None, batch_size: int = 10_000,
                 eids: dict[str, str] | None = None, workers: int = 1) -> dict[str, int]:
    """Make the WITHIN relationships what the PART_OF relationships between bodies imply:
    create the missing ones, delete the ones no longer implied. Returns the counts.

    `eids` (id -> element id, as the node step of a load returns them) lets a new pair find
    its two ends by element id instead of two index seeks; `workers` writes the batches in
    that many sessions at once (a closure has many pairs: a body under n bodies has n)."""
    def read(tx: ManagedTransaction) -> set[tuple[str, str]]:
        return {(r["a"], r["b"]) for r in tx.run(PART_OF_EDGES_QUERY)}

    def read_grouped(tx: ManagedTransaction) -> set[tuple[str, str]]:
        return {(r["a"], b) for r in tx.run(WITHIN_EDGES_QUERY) for b in r["bs"]}

    eids = eids or {}
    with driver.session(database=database) as session:
        edges = session.execute_read(read)
        have = session.execute_read(read_grouped)
    closure = ancestors(sorted(edges))
    want = {(unit, above) for unit, aboves in closure.items() for above in aboves}
    new = sorted(want - have)
    by_eid = [{"a": eids[a], "b": eids[b]} for a, b in new if a in eids and b in eids]
    by_id = [{"a": a, "b": b} for a, b in new if a not in eids or b not in eids]
    old = [{"a": a, "b": b} for a, b in sorted(have - want)]
    jobs = [(query, rows) for query, part in ((WITHIN_CREATE_BY_EID_QUERY, by_eid),
                                              (WITHIN_CREATE_QUERY, by_id),
                                              (WITHIN_DELETE_QUERY, old))
            for rows in _batches(part, batch_size)]

    def run(job: tuple[str, list[dict]]) -> None:
        with driver.session(database=database) as session:
            session.execute_write(_write, *job)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        list(pool.map(run, jobs))
    return {"within": len(want), "within_created": len(new), "within_deleted": len(old)}


# ---------------------------------------------------------------- rows

def _dedup(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def node_row(e: Entity) -> dict[str, Any]:
    props = {k: v for k in NODE_SCALARS if (v := getattr(e, k)) is not None}
    return {"id": e.id, "props": props, "aliases": list(e.aliases), "fields": list(e.fields),
            "sources": _dedup(s.document for s in e.sources)}


def rel_row(f: Fact) -> dict[str, Any]:
    props = {k: v for k in ("role", "start", "end", "date") if (v := getattr(f, k)) is not None}
    srcs = f.sources
    if len(srcs) == 1:  # the common case, spelt out: this runs a million times in the bench
        s = srcs[0]
        return {"s": f.subject, "o": f.object, "fact_id": f.fact_id(), "props": props,
                "sources": [s.document], "evidence": [s.evidence] if s.evidence else [],
                "confidence": s.confidence}
    return {"s": f.subject, "o": f.object, "fact_id": f.fact_id(), "props": props,
            "sources": _dedup(s.document for s in srcs),
            "evidence": _dedup(s.evidence for s in srcs),
            "confidence": max((s.confidence for s in srcs), default=1.0)}


def document_id(document: str) -> str:
    """The id of the Document node of a source document (the schema's own rule)."""
    return make_id(EntityType.Document, document)


class Plan:
    """What a load writes, worked out once from the GraphData (rows grouped by query)."""

    def __init__(self, data: GraphData) -> None:
        self.nodes: dict[str, list[dict]] = {label: [] for label in LABELS}
        self.rels: dict[str, list[dict]] = {t: [] for t in REL_TYPES}
        self.states: list[dict] = []
        self.skipped: list[str] = []
        for e in data.entities.values():
            self.nodes[e.type.value].append(node_row(e))
        extra_docs: dict[str, str] = {}
        doc_ids: dict[str, str] = {}
        pairs: dict[tuple[str, str], None] = {}  # ordered set: keeps a document's rows together
        for f in data.facts.values():
            if f.subject not in data.entities or f.object not in data.entities:
                missing = [i for i in (f.subject, f.object) if i not in data.entities]
                self.skipped.append(f"{f.predicate.value} {f.subject} -> {f.object}: "
                                    f"unknown {', '.join(missing)}")
                continue
            self.rels[NEO4J_REL_TYPES[f.predicate]].append(rel_row(f))
            for s in f.sources:
                d = doc_ids.get(s.document)
                if d is None:
                    d = doc_ids[s.document] = document_id(s.document)
                    if d not in data.entities:
                        extra_docs[d] = s.document
                if d != f.subject:
                    pairs[(d, f.subject)] = None
                if d != f.object:
                    pairs[(d, f.object)] = None
        for d, name in extra_docs.items():
            self.nodes[EntityType.Document.value].append(
                {"id": d, "props": {"name": name}, "aliases": [], "fields": [],
                 "sources": [name]})
        self.states = [{"d": d, "e": e} for d, e in pairs]

    def counts(self) -> dict[str, dict[str, int]]:
        """The shape of `neo4j_stats` (and of the embedded stats) for this plan."""
        return {"nodes": {label: len(rows) for label, rows in self.nodes.items()},
                "relationships": {t: len(rows) for t, rows in self.rels.items()}}

    def total_rows(self) -> int:
        return (sum(map(len, self.nodes.values())) + sum(map(len, self.rels.values()))
                + len(self.states))


def _plan_without_gc(data: GraphData) -> Plan:
    """Plan with the cyclic GC paused: a million new row dicts (none in a cycle) would make
    it rescan the whole graph again and again, doubling the time."""
    with gc_paused():
        return Plan(data)


def graph_counts(data: GraphData) -> dict[str, dict[str, int]]:
    """Nodes by label and relationships by type that loading `data` yields, without Neo4j.

    Document nodes include the source documents that have no Document entity, because the
    loader creates them; STATES is not counted (not a schema predicate).
    """
    return Plan(data).counts()


# ---------------------------------------------------------------- writing

Counters = dict[str, int]
BatchWriter = Callable[[Session, list[dict]], Counters]


def _batches(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


class _FastPathMissed(Exception):
    """A CREATE batch did not create one relationship per row (an end vanished, or a
    concurrent writer got there first): its transaction is rolled back and the batch is
    written again on the MERGE path."""


def _counters(summary_counters: Any) -> Counters:
    return {"nodes_created": summary_counters.nodes_created,
            "relationships_created": summary_counters.relationships_created,
            "properties_set": summary_counters.properties_set}


def _write(tx: ManagedTransaction, query: str, rows: list[dict]) -> Counters:
    return _counters(tx.run(query, rows=rows).consume().counters)


def _write_nodes(tx: ManagedTransaction, query: str, rows: list[dict]
                 ) -> tuple[Counters, list[tuple[str, str]]]:
    result = tx.run(query, rows=rows)
    eids = [(r["id"], r["eid"]) for r in result]
    return _counters(result.consume().counters), eids


def node_unchanged(row: dict[str, Any], label: str, labels: list[str],
                   have: dict[str, Any]) -> bool:
    """Whether the MERGE of `row` would leave the node `have` (its labels, its properties)
    as it is: it has the label, the same scalars, and every list item already."""
    return (label in labels
            and all(have.get(k) == v for k, v in row["props"].items())
            and all(set(row[k]) <= set(have.get(k) or ()) for k in NODE_LISTS))


def fact_unchanged(row: dict[str, Any], have: dict[str, Any]) -> bool:
    """Whether the MERGE of `row` would leave the relationship's properties `have` as they
    are: the same role and period, every source and evidence already, and no higher
    confidence."""
    return (all(have.get(k) == v for k, v in row["props"].items())
            and set(row["sources"]) <= set(have.get("sources") or ())
            and set(row["evidence"]) <= set(have.get("evidence") or ())
            and (have.get("confidence") or 0.0) >= row["confidence"])


def _write_new_or_known_nodes(tx: ManagedTransaction, label: str, rows: list[dict],
                              check_existing: bool
                              ) -> tuple[Counters, list[tuple[str, str]]]:
    """CREATE the nodes that are not there yet, MERGE (union the lists of) those that are
    and would change; those that would not are only read (a re-load is mostly reads)."""
    new, old = rows, []
    counters: Counters = {}
    pairs: list[tuple[str, str]] = []
    if check_existing:
        have = {r["id"]: r for r in tx.run(NODE_EXISTS_QUERY, ids=[r["id"] for r in rows])}
        if have:
            new = [r for r in rows if r["id"] not in have]
            old = []
            for r in rows:
                h = have.get(r["id"])
                if h is None:
                    continue
                if node_unchanged(r, label, h["labels"], h["p"]):
                    pairs.append((r["id"], h["eid"]))
                else:
                    old.append(r)
    for query, part in ((node_create_query(label), new), (node_query(label), old)):
        if part:
            c, p = _write_nodes(tx, query, part)
            counters, pairs = _add(counters, c), pairs + p
    return counters, pairs


def _by_key(rows: list[dict], key: str, values: list[str]) -> Iterator[tuple[str, list[dict]]]:
    """A mixed batch of a one-statement CREATE split by label or type, for the safe path
    (one MERGE statement per label or type)."""
    for value in values:
        part = [r for r in rows if r[key] == value]
        if part:
            yield value, part


def _add(a: Counters, b: Counters) -> Counters:
    return {k: a.get(k, 0) + b.get(k, 0) for k in a.keys() | b.keys()}


def _create_exactly(tx: ManagedTransaction, query: str, rows: list[dict]) -> Counters:
    """A CREATE batch that must create one relationship per row, or roll back."""
    counters = _write(tx, query, rows)
    if counters["relationships_created"] != len(rows):
        raise _FastPathMissed
    return counters


def _write_facts(tx: ManagedTransaction, rel_type: str, rows: list[dict],
                 check_existing: bool) -> Counters:
    """CREATE the facts that are not there yet, MERGE (union the lists of) those that are
    and would change; those that would not are only read."""
    new, old = rows, []
    if check_existing:
        have = {r["id"]: r["p"] for r in tx.run(rel_exists_query(rel_type),
                                                ids=[r["fact_id"] for r in rows])}
        if have:
            new = [r for r in rows if r["fact_id"] not in have]
            old = [r for r in rows if r["fact_id"] in have
                   and not fact_unchanged(r, have[r["fact_id"]])]
    counters = _create_exactly(tx, rel_create_query(rel_type), new) if new else {}
    if old:
        counters = _add(counters, _write(tx, rel_query(rel_type, by_element_id=True), old))
    return counters


def supports_dynamic_labels(agent: str | None) -> bool:
    """Whether a server (its Bolt agent, "Neo4j/5.26.30") takes `$(row.label)` in CREATE:
    5.26 and later. An agent that does not parse is taken as an older server."""
    m = re.match(r"Neo4j/(\d+)\.(\d+)", agent or "")
    return bool(m) and (int(m.group(1)), int(m.group(2))) >= (5, 26)


def create_constraints(driver: Driver, database: str | None = None) -> None:
    with driver.session(database=database) as session:
        for stmt in constraint_statements():
            session.run(stmt).consume()
        session.run(AWAIT_INDEXES).consume()


def _by_element_id(rows: list[dict], eids: dict[str, str], keys: tuple[str, str]
                   ) -> list[dict]:
    """The rows with their two ends as element ids (an end not written: the safe path)."""
    a, b = keys
    try:
        return [{**r, a: eids[r[a]], b: eids[r[b]]} for r in rows]
    except KeyError:
        raise _FastPathMissed from None


def load_graph(data: GraphData, driver: Driver, batch_size: int = 10_000,
               progress: Progress | None = None, database: str | None = None,
               workers: int = 2, dynamic: bool | None = None) -> dict[str, Any]:
    """Write `data` (safe to repeat; a superset adds only what is new).

    Three stages, in order: nodes (returning element ids), facts, STATES links; then the
    WITHIN closure. Nodes are CREATEd when the database holds no :Entity, all labels in one
    statement (the label is in the row); otherwise each batch is checked by id, and a known
    node is MERGEd only if that would change it. Facts likewise: those of a relationship
    type that had none when the stage began are CREATEd, all such types in one statement;
    the others are checked by fact_id and a known fact is MERGEd only if that would change
    it. A document's STATES links are CREATEd when it had none, and only its missing links
    MERGEd otherwise. So a first load pays one plan per stage instead of one per label and
    type (at 50,000 facts each plan and first run cost a tenth of a second or more), and a
    re-load is mostly reads. CREATE is half again as fast as MERGE, and the ends are found
    by element id rather than by index. A batch whose CREATE comes up short (a concurrent
    writer, a node deleted meanwhile) or breaks a uniqueness constraint is rolled back and
    written again with MERGE by id, so nothing is lost or doubled.

    The one-statement CREATEs need Neo4j 5.26 or later (dynamic labels and types):
    `dynamic` None asks the server its version, False always uses one statement per label
    and type (what an older server gets).

    `workers` > 1 writes the batches of a stage, whatever their label or type, in that many
    parallel sessions, so the server works on one batch while the next is sent (1M facts:
    89 s with 2, 103 s with 1 on two cores). Batches may meet at a hub (a country, WHO),
    where Neo4j takes locks; the rare deadlock is a transient error that `execute_write`
    retries.
    """
    started = time.monotonic()
    if dynamic is None:
        dynamic = supports_dynamic_labels(driver.get_server_info().agent)
    create_constraints(driver, database)
    plan = _plan_without_gc(data)
    total = plan.total_rows()
    done = 0
    created: Counter[str] = Counter()
    timings: dict[str, float] = {}
    eids: dict[str, str] = {}
    fallbacks: list[str] = []  # appended from worker threads (atomic, unlike `+= 1`)

    def report(phase: str, n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(phase, done, total)

    def node_writer(label: str, check: bool) -> BatchWriter:
        def write(session: Session, rows: list[dict]) -> Counters:
            try:
                counters, pairs = session.execute_write(_write_new_or_known_nodes, label,
                                                        rows, check)
            except ConstraintError:  # a concurrent writer created one of them meanwhile
                fallbacks.append(label)
                counters, pairs = session.execute_write(_write_nodes, node_query(label), rows)
            eids.update(pairs)
            return counters
        return write

    def nodes_present() -> bool:
        with driver.session(database=database) as session:
            return session.run(NODE_COUNT_QUERY).single()["c"] > 0

    def fast_or_safe(fast: Callable[[Session, list[dict]], Counters], safe_query: str
                     ) -> BatchWriter:
        def write(session: Session, rows: list[dict]) -> Counters:
            try:
                return fast(session, rows)
            except (_FastPathMissed, ConstraintError):
                fallbacks.append(safe_query)
                return session.execute_write(_write, safe_query, rows)
        return write

    def fact_writer(rel_type: str, check: bool) -> BatchWriter:
        """Facts of one type; `check`: the type had facts when the stage began."""
        def fast(session: Session, rows: list[dict]) -> Counters:
            return session.execute_write(_write_facts, rel_type,
                                         _by_element_id(rows, eids, ("s", "o")), check)
        return fast_or_safe(fast, rel_query(rel_type))

    def states_writers() -> list[tuple[str, list[dict], BatchWriter]]:
        """Links of documents without any are CREATEd; the missing links of the others
        MERGEd (those there already are left alone)."""
        docs = list(dict.fromkeys(r["d"] for r in plan.states))
        linked: dict[str, set[str]] = {}
        with driver.session(database=database) as session:
            for chunk in _batches([d for d in docs if d in eids], batch_size):
                by_eid = {eids[d]: d for d in chunk}
                for rec in session.run(STATES_LINKED_QUERY, ids=list(by_eid)):
                    linked[by_eid[rec["id"]]] = set(rec["linked"])
        new = [r for r in plan.states if not linked.get(r["d"])]
        old = [r for r in plan.states
               if linked.get(r["d"]) and r["e"] not in linked[r["d"]]]

        def by_element_id(query: str, write: Callable[..., Counters]
                          ) -> Callable[[Session, list[dict]], Counters]:
            def run(session: Session, rows: list[dict]) -> Counters:
                return session.execute_write(write, query,
                                             _by_element_id(rows, eids, ("d", "e")))
            return run

        create = by_element_id(STATES_CREATE_QUERY, _create_exactly)
        merge = by_element_id(STATES_MERGE_QUERY, _write)
        return [(f"provenance :{STATES}", new, fast_or_safe(create, STATES_QUERY)),
                (f"provenance :{STATES} (known documents)", old,
                 fast_or_safe(merge, STATES_QUERY))]

    # Three stages, in order: nodes, facts, STATES links. Each is made lazily (the fact
    # and STATES writers look at the database as it is once the nodes are written), and
    # all the batches of a stage, whatever their label or type, go to the pool together:
    # one batch per label or type (the common case below 10,000 rows each) would
    # otherwise leave all but one session idle.
    def new_nodes_writer(labels: list[str]) -> BatchWriter:
        """Nodes for a database that held no :Entity: CREATEd in one statement."""
        def write(session: Session, rows: list[dict]) -> Counters:
            try:
                counters, pairs = session.execute_write(_write_nodes, NODE_CREATE_ANY_QUERY,
                                                        rows)
            except ConstraintError:  # a concurrent writer created one of them meanwhile
                fallbacks.append("nodes")
                counters, pairs = {}, []
                for label, part in _by_key(rows, "label", labels):
                    c, p = session.execute_write(_write_nodes, node_query(label), part)
                    counters, pairs = _add(counters, c), pairs + p
            eids.update(pairs)
            return counters
        return write

    def node_stage() -> list[tuple[str, list[dict], BatchWriter]]:
        present = nodes_present()
        if present or not dynamic:
            return [(f"nodes :{label}", rows, node_writer(label, present))
                    for label, rows in plan.nodes.items()]
        labels = [label for label, rows in plan.nodes.items() if rows]
        rows = [{**r, "label": label} for label in labels for r in plan.nodes[label]]
        return [(f"nodes :{'|'.join(labels)}", rows, new_nodes_writer(labels))]

    def new_facts_writer(types: list[str]) -> BatchWriter:
        """Facts of types that had none when the stage began: CREATEd in one statement."""
        def fast(session: Session, rows: list[dict]) -> Counters:
            return session.execute_write(_create_exactly, REL_CREATE_ANY_QUERY,
                                         _by_element_id(rows, eids, ("s", "o")))

        def write(session: Session, rows: list[dict]) -> Counters:
            try:
                return fast(session, rows)
            except (_FastPathMissed, ConstraintError):
                fallbacks.append(",".join(types))
                counters: Counters = {}
                for t, part in _by_key(rows, "type", types):
                    counters = _add(counters, session.execute_write(_write, rel_query(t), part))
                return counters
        return write

    def fact_stage() -> list[tuple[str, list[dict], BatchWriter]]:
        with driver.session(database=database) as session:
            held = {t: session.run(rel_count_query(t)).single()["c"] > 0
                    for t, rows in plan.rels.items() if rows}
        empty = [t for t, h in held.items() if not h] if dynamic else []
        known = [(f"relationships :{t}", plan.rels[t], fact_writer(t, h))
                 for t, h in held.items() if t not in empty]
        if not empty:
            return known
        new = [{**r, "type": t} for t in empty for r in plan.rels[t]]
        return [(f"relationships :{'|'.join(empty)}", new, new_facts_writer(empty)), *known]

    stages = [("nodes", node_stage), ("relationships", fact_stage),
              ("provenance", lambda: states_writers() if plan.states else [])]

    def run(job: tuple[str, list[dict], BatchWriter]) -> tuple[str, int, Counters]:
        phase, batch, writer = job
        with driver.session(database=database) as session:
            return phase, len(batch), writer(session, batch)

    try:
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            for stage, make in stages:
                stage_started = time.monotonic()
                jobs: list[tuple[str, list[dict], BatchWriter]] = []
                for phase, rows, writer in make():
                    if rows:
                        if progress is not None:  # each phase is announced before it runs
                            progress(phase, done, total)
                        jobs += [(phase, b, writer) for b in _batches(rows, batch_size)]
                for phase, n, counters in pool.map(run, jobs):
                    created.update(counters)
                    report(phase, n)
                timings[stage] = round(time.monotonic() - stage_started, 3)
        phase = "sub-units"
        if progress is not None:
            progress(f"sub-units :{NEO4J_WITHIN}", done, total)
        phase_started = time.monotonic()
        within = write_within(driver, database, batch_size, eids, workers)
        timings[phase] = round(time.monotonic() - phase_started, 3)
    except (DriverError, Neo4jError) as e:
        raise UserError(f"Neo4j load failed: {type(e).__name__}: "
                        f"{str(e).splitlines()[0][:200] if str(e) else ''}") from None
    counts = plan.counts()
    return {"nodes": sum(counts["nodes"].values()),
            "relationships": sum(counts["relationships"].values()),
            "documents": counts["nodes"][EntityType.Document.value],
            "states": len(plan.states),
            "nodes_created": created["nodes_created"],
            "relationships_created": created["relationships_created"],
            "properties_set": created["properties_set"],
            **within,
            "skipped_facts": len(plan.skipped),
            "fallback_batches": len(fallbacks),
            "seconds": round(time.monotonic() - started, 3),
            "timings": timings}


def read_graph_dir(graph_dir: Path) -> GraphData:
    """The GraphData of a built graph folder (its records.jsonl)."""
    from hdkg.graph.store import open_graph

    try:
        return open_graph(Path(graph_dir)).data
    except (ValueError, KeyError) as e:
        raise UserError(f"{graph_dir}: unreadable record ({str(e).splitlines()[0][:200]})"
                        ) from None


def load_graph_dir(graph_dir: Path, uri: str | None = None, user: str | None = None,
                   password: str | None = None, batch_size: int = 10_000,
                   workers: int = 2, progress: bool = False) -> dict[str, Any]:
    """`hdkg load neo4j`: read the built graph, connect, load (with a progress bar if asked)."""
    data = read_graph_dir(graph_dir)
    settings = resolve(uri, user, password)
    driver = connect(settings)
    try:
        log.info("loading %s into Neo4j at %s", graph_dir, settings)
        with progress_bar(progress, transient=False, width=28) as bar:
            task = bar.add_task("constraints", total=None)

            def report(phase: str, done: int, total: int) -> None:
                # A first load names every label or type of a stage in one phase: cut it.
                short = phase if len(phase) <= 40 else phase[:39] + "…"
                bar.update(task, description=short, completed=done, total=total)

            counts = load_graph(data, driver, batch_size=batch_size, progress=report,
                                workers=workers)
    finally:
        driver.close()
    if counts["skipped_facts"]:
        log.warning("skipped %d fact(s) whose subject or object is not in the graph",
                    counts["skipped_facts"])
    return counts


def stats_from_driver(driver: Driver, database: str | None = None) -> dict[str, dict[str, int]]:
    """Nodes by schema label and relationships by schema type (count store lookups)."""
    nodes: dict[str, int] = {}
    rels: dict[str, int] = {}
    # An empty database warns about each unknown label/type; zero is the answer here.
    with driver.session(database=database, notifications_min_severity="OFF") as session:
        for label in LABELS:
            nodes[label] = session.run(label_count_query(label)).single()["c"]
        for rel_type in REL_TYPES:
            rels[rel_type] = session.run(rel_count_query(rel_type)).single()["c"]
    return {"nodes": nodes, "relationships": rels}


def neo4j_stats(uri: str | None = None, user: str | None = None,
                password: str | None = None) -> dict[str, dict[str, int]]:
    """`hdkg stats --backend neo4j`: the same shape as the embedded stats."""
    driver = connect(resolve(uri, user, password))
    try:
        return stats_from_driver(driver)
    except (DriverError, Neo4jError) as e:
        raise UserError(f"Neo4j stats failed: {type(e).__name__}") from None
    finally:
        driver.close()
