"""Write a GraphData to Neo4j over Bolt: idempotent, incremental, batched MERGE.

Why it is shaped this way:
- Constraints first: each uniqueness constraint is also the index every MERGE and MATCH by
  `id` uses; without it a load turns quadratic.
- Every node carries `:Entity` besides its type label, with its own constraint, so a
  relationship's two ends are found with one index whatever their types.
- One parameterised `UNWIND $rows ... MERGE` per label and relationship type (labels and
  types cannot be parameters), one transaction per batch through `execute_write`, which
  retries transient errors (deadlocks, leader switches).
- Relationships are keyed on `fact_id` (`Fact.fact_id()`), so a re-load finds the same
  relationship; list properties (sources, evidence, rules, aliases) are merged as set unions
  so loading a larger graph over a smaller one only adds.
- Provenance: every source document is a `:Document` node with `STATES` relationships to
  the subjects and objects of the facts it supports. STATES is not a schema predicate and is
  left out of `neo4j_stats`.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import DriverError, Neo4jError
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as ProgressBar

from hdkg.graph.model import GraphData, gc_paused
from hdkg.graph.neo4j_connect import connect, resolve
from hdkg.schema.errors import UserError
from hdkg.schema.models import NEO4J_REL_TYPES, Entity, EntityType, Fact, make_id

LABELS: list[str] = [t.value for t in EntityType]
REL_TYPES: list[str] = list(NEO4J_REL_TYPES.values())
STATES = "STATES"
ENTITY = "Entity"

# Scalar node properties copied as they are (absent when None).
NODE_SCALARS = ("name", "iso3", "wikidata", "acronym", "parent", "date", "place", "kind",
                "title", "language")

Progress = Callable[[str, int, int], None]
"""Called after each batch with (what is being written, rows done, rows in all)."""


def constraint_statements() -> list[str]:
    """The uniqueness constraints the schema defines (schema/neo4j.cypher is the same list)."""
    from hdkg.schema.generate import neo4j_constraints

    return neo4j_constraints()


def _union(prop: str, var: str) -> str:
    """Cypher for `var.prop := var.prop ∪ row.prop`, keeping first-seen order."""
    have = f"coalesce({var}.{prop}, [])"
    return f"{var}.{prop} = {have} + [x IN row.{prop} WHERE NOT x IN {have}]"


def node_query(label: str) -> str:
    return (f"UNWIND $rows AS row MERGE (n:{ENTITY} {{id: row.id}}) "
            f"SET n:{label}, n += row.props, {_union('aliases', 'n')}, "
            f"{_union('fields', 'n')}, {_union('sources', 'n')}")


def rel_query(rel_type: str) -> str:
    """MERGE on fact_id; new relationships get the row, known ones the union of lists.

    Splitting ON CREATE / ON MATCH also keeps the planner from adding Eager barriers that
    a single SET reading and writing the same properties needs.
    """
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{ENTITY} {{id: row.s}}) MATCH (b:{ENTITY} {{id: row.o}}) "
            f"MERGE (a)-[r:{rel_type} {{fact_id: row.fact_id}}]->(b) "
            f"ON CREATE SET r += row.props, r.sources = row.sources, "
            f"r.evidence = row.evidence, r.rules = row.rules, r.confidence = row.confidence "
            f"ON MATCH SET r += row.props, {_union('sources', 'r')}, {_union('evidence', 'r')}, "
            f"{_union('rules', 'r')}, r.confidence = CASE WHEN r.confidence >= row.confidence "
            f"THEN r.confidence ELSE row.confidence END")


STATES_QUERY = (f"UNWIND $rows AS row "
                f"MATCH (d:{ENTITY} {{id: row.d}}) MATCH (e:{ENTITY} {{id: row.e}}) "
                f"MERGE (d)-[:{STATES}]->(e)")


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
                "rules": [s.rule] if s.rule else [], "confidence": s.confidence}
    return {"s": f.subject, "o": f.object, "fact_id": f.fact_id(), "props": props,
            "sources": _dedup(s.document for s in srcs),
            "evidence": _dedup(s.evidence for s in srcs),
            "rules": _dedup(s.rule for s in srcs),
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

def _batches(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _write(tx: ManagedTransaction, query: str, rows: list[dict]) -> dict[str, int]:
    c = tx.run(query, rows=rows).consume().counters
    return {"nodes_created": c.nodes_created,
            "relationships_created": c.relationships_created,
            "properties_set": c.properties_set}


def create_constraints(driver: Driver, database: str | None = None) -> None:
    with driver.session(database=database) as session:
        for stmt in constraint_statements():
            session.run(stmt).consume()
        session.run("CALL db.awaitIndexes(300)").consume()


def load_graph(data: GraphData, driver: Driver, batch_size: int = 10_000,
               progress: Progress | None = None, database: str | None = None,
               workers: int = 1) -> dict[str, Any]:
    """Write `data` with MERGE (safe to repeat; a superset adds only what is new).

    `workers` > 1 writes the batches of each step in that many parallel sessions: node
    batches never touch the same node; relationship batches may meet at a hub (a country,
    WHO), where Neo4j takes relationship-chain locks, and the rare deadlock is a transient
    error that `execute_write` retries. Steps stay in order (nodes before the
    relationships that need them).
    """
    started = time.monotonic()
    create_constraints(driver, database)
    plan = _plan_without_gc(data)
    total = plan.total_rows()
    done = 0
    created: Counter[str] = Counter()
    timings: dict[str, float] = {}

    def report(phase: str, n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(phase, done, total)

    def run(session_rows: tuple[str, list[dict]]) -> dict[str, int]:
        query, rows = session_rows
        with driver.session(database=database) as session:
            return session.execute_write(_write, query, rows)

    steps: list[tuple[str, str, list[dict]]] = []
    for label, rows in plan.nodes.items():
        steps.append((f"nodes :{label}", node_query(label), rows))
    for rel_type, rows in plan.rels.items():
        steps.append((f"relationships :{rel_type}", rel_query(rel_type), rows))
    steps.append((f"provenance :{STATES}", STATES_QUERY, plan.states))

    try:
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            for phase, query, rows in steps:
                if not rows:
                    continue
                if progress is not None:
                    progress(phase, done, total)
                phase_started = time.monotonic()
                if workers > 1:
                    jobs = [(query, b) for b in _batches(rows, batch_size)]
                    for batch, counters in zip(jobs, pool.map(run, jobs), strict=True):
                        created.update(counters)
                        report(phase, len(batch[1]))
                else:
                    with driver.session(database=database) as session:
                        for batch in _batches(rows, batch_size):
                            created.update(session.execute_write(_write, query, batch))
                            report(phase, len(batch))
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
            "skipped_facts": len(plan.skipped),
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
                   console: Any = None) -> dict[str, Any]:
    """`hdkg load neo4j`: read the built graph, connect, load with a progress bar."""
    data = read_graph_dir(graph_dir)
    settings = resolve(uri, user, password)
    driver = connect(settings)
    try:
        if console is not None:
            console.print(f"loading {graph_dir} into Neo4j at {settings}", highlight=False)
        bar = ProgressBar(TextColumn("{task.description:<28}"), BarColumn(),
                       MofNCompleteColumn(), TimeElapsedColumn(), console=console,
                       transient=False, disable=console is None)
        with bar:
            task = bar.add_task("constraints", total=None)

            def progress(phase: str, done: int, total: int) -> None:
                bar.update(task, description=phase, completed=done, total=total)

            counts = load_graph(data, driver, batch_size=batch_size, progress=progress)
    finally:
        driver.close()
    if console is not None and counts["skipped_facts"]:
        console.print(f"[yellow]skipped[/yellow] {counts['skipped_facts']} fact(s) whose "
                      "subject or object is not in the graph", highlight=False)
    return counts


def stats_from_driver(driver: Driver, database: str | None = None) -> dict[str, dict[str, int]]:
    """Nodes by schema label and relationships by schema type (count store lookups)."""
    nodes: dict[str, int] = {}
    rels: dict[str, int] = {}
    # An empty database warns about each unknown label/type; zero is the answer here.
    with driver.session(database=database, notifications_min_severity="OFF") as session:
        for label in LABELS:
            nodes[label] = session.run(f"MATCH (n:{label}) RETURN count(n) AS c").single()["c"]
        for rel_type in REL_TYPES:
            rels[rel_type] = session.run(
                f"MATCH ()-[r:{rel_type}]->() RETURN count(r) AS c").single()["c"]
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
