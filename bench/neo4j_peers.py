"""hdkg's Neo4j loader side by side with the loaders a user would pick instead, in one run.

Usage (the peers are in the `bench` extra: pip install -e ".[bench]"):

    .venv/bin/python bench/neo4j_peers.py                   # 50,000 facts
    .venv/bin/python bench/neo4j_peers.py --facts 200000 --json

One synthetic graph (`synthetic_graph(shape="hubs")` of bench/synthetic.py, that of the Bolt
and floor benchmarks, with facts that repeat a (predicate, subject, object) left out: both
peers MERGE a relationship on its type and ends, so they would fold those into one) is
loaded, with the same nodes, relationships and provenance, by:


    hdkg             `load_graph` (graph/neo4j/load.py), as `hdkg load neo4j` runs it; then
                     loaded a second time, which must write nothing (idempotent). Its last
                     step writes WITHIN, the closure of PART_OF between bodies, which no
                     peer writes: it is timed and checked apart, and left out of the figure
    neo4j-graphrag   `Neo4jWriter(driver).run(Neo4jGraph(...))` as its docs show, with its
                     default batch size (1,000) and then with its best one (--graphrag-batches)
    langchain-neo4j  `Neo4jGraph(refresh_schema=False).add_graph_documents(docs,
                     baseEntityLabel=True)`, one GraphDocument per source document (as an
                     LLM graph transformer makes them), then several source documents per
                     GraphDocument (--langchain-docs). baseEntityLabel=True is the option its
                     docs give for import speed (an :__Entity__(id) constraint); without it,
                     every node is found by a label scan
    floor            the bare CREATE of bench/neo4j_floor.py: `CREATE (n)` for the nodes, then
                     `CREATE (a)-[:T]->(b)` with the ends found by element id, no property,
                     no index, batches of 10k, one session

What each writes: every entity and source document as a node with its type label, its id
and its properties (name, iso3, ..., aliases, fields, sources), every fact as a relationship
with its provenance (fact_id, role, start/end/date, sources, evidence, confidence), and each
document's STATES links to what it states; the floor writes the same nodes and relationships
bare. Each loader gets a fresh database on the same server (stopped, its `neo4j` database
folder removed, started again: an emptied store reuses freed record ids and writes slower)
and is checked by counts afterwards. Before each load the same warm-up runs (batched writes
of nodes and relationships with string and list properties under two uniqueness constraints,
rolled back, the constraints dropped), so that no loader pays the JIT's first compilations
alone. The figure is
relationships (facts and STATES links) per second over the whole load, nodes included; the
node step of hdkg is also set against the floor's bare node CREATE (nodes/s).

kgx (Biolink's KGX, which has a Neo4j sink) is left out: importing it fetches the Biolink
model over the network, which this benchmark cannot reach.

`--json` prints one line: {"facts": N, "hdkg": r, "peers": {...}, "floor": r, ...}.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from statistics import median
from typing import Any

from machine import machine
from synthetic import synthetic_graph

from hdkg.graph.model import GraphData
from hdkg.graph.neo4j import cypher as C
from hdkg.graph.neo4j import load as L
from hdkg.graph.neo4j import server as neo4j_server
from hdkg.graph.neo4j.connect import connect, resolve
from hdkg.schema.models import NEO4J_WITHIN

FLOOR_BATCH = 10_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- the graph

def peer_graph(n_facts: int) -> GraphData:
    """The synthetic graph, with at most one fact per (predicate, subject, object), so that
    every loader writes the same relationships; generated a fifth larger, cut at n_facts."""
    g = synthetic_graph(int(n_facts * 1.2) + 100, shape="hubs")
    seen: set[tuple] = set()
    facts = {}
    for k, f in g.facts.items():
        key = (f.predicate, f.subject, f.object)
        if key in seen:
            continue
        seen.add(key)
        facts[k] = f
        if len(facts) == n_facts:
            break
    g.facts = facts
    return g


class Shape:
    """What every loader writes, from hdkg's own plan: nodes with label, id and properties;
    fact relationships with provenance; STATES links."""

    def __init__(self, g: GraphData) -> None:
        plan = L.Plan(g)
        self.plan = plan
        self.nodes: list[tuple[str, dict]] = []  # (label, properties with id)
        for label, rows in plan.nodes.items():
            for r in rows:
                self.nodes.append((label, {"id": r["id"], **r["props"], "aliases": r["aliases"],
                                           "fields": r["fields"], "sources": r["sources"]}))
        self.facts: list[tuple[str, str, str, dict]] = []  # (type, start id, end id, props)
        for t, rows in plan.rels.items():
            for r in rows:
                self.facts.append((t, r["s"], r["o"], {
                    "fact_id": r["fact_id"], **r["props"], "sources": r["sources"],
                    "evidence": r["evidence"], "confidence": r["confidence"]}))
        self.states: list[tuple[str, str]] = [(r["d"], r["e"]) for r in plan.states]
        self.label_of = {props["id"]: label for label, props in self.nodes}

    @property
    def relationships(self) -> int:
        return len(self.facts) + len(self.states)


# ---------------------------------------------------------------- the server

class Server:
    """One server (fresh folder, spare ports); `fresh()` gives it an empty `neo4j` database."""

    def __init__(self, root: Path) -> None:
        self.data = root / "neo4j"
        self.bolt, self.http = _free_port(), _free_port()
        self.uri = ""

    def fresh(self) -> str:
        if self.uri:
            neo4j_server.stop(self.data)
            for sub in ("databases", "transactions"):
                shutil.rmtree(self.data / "data" / sub / "neo4j", ignore_errors=True)
        self.uri = neo4j_server.start(self.data, bolt_port=self.bolt,
                                      http_port=self.http)["bolt_uri"]
        return self.uri

    def stop(self) -> None:
        if self.uri:
            neo4j_server.stop(self.data)


WARM_UP = ("UNWIND $rows AS row "
           "CREATE (a:WarmUp {id: row.id}) SET a += row.props, a.xs = row.xs "
           "CREATE (a)-[r:WARM_UP {key: row.id}]->(a) SET r += row.props, r.xs = row.xs, "
           "r.confidence = row.confidence RETURN row.id AS id, elementId(a) AS eid")
WARM_UP_ROWS = [{"id": f"w{i}", "props": {"name": f"n{i}", "role": "r"},
                 "xs": [f"a{i}", "b"], "confidence": 0.5} for i in range(20_000)]
WARM_UP_INDEXES = ("CREATE CONSTRAINT warm_up_id IF NOT EXISTS FOR (n:WarmUp) "
                   "REQUIRE n.id IS UNIQUE",
                   "CREATE CONSTRAINT warm_up_key IF NOT EXISTS FOR ()-[r:WARM_UP]-() "
                   "REQUIRE r.key IS UNIQUE")


def warm_up(driver: Any, rounds: int = 5) -> None:
    """The same warm-up for every loader: writes of nodes and relationships with string and
    list properties, under a node and a relationship uniqueness constraint, in transactions
    that are rolled back; then the constraints are dropped. Nothing stays (no record id is
    used), and the JIT has compiled the write path, index updates included, before the
    timed load begins: without the index part, a loader that keeps ids unique paid the
    compilation of the index code alone, about a second at 50,000 facts."""
    with driver.session() as session:
        for stmt in WARM_UP_INDEXES:
            session.run(stmt).consume()
        session.run("CALL db.awaitIndexes(300)").consume()
        for _ in range(rounds):
            tx = session.begin_transaction()
            tx.run(WARM_UP, rows=WARM_UP_ROWS).consume()
            tx.rollback()
        for name in ("warm_up_id", "warm_up_key"):
            session.run(f"DROP CONSTRAINT {name}").consume()


def counts(driver: Any) -> dict[str, int]:
    """What a load left, WITHIN aside (hdkg's derived closure of PART_OF, which no peer
    writes: `load_hdkg` checks it on its own)."""
    rec = driver.execute_query(
        "CALL () { MATCH (n) RETURN count(n) AS nodes } "
        f"CALL () {{ MATCH ()-[r]->() WHERE type(r) <> '{NEO4J_WITHIN}' "
        "          RETURN count(r) AS rels } "
        "CALL () { MATCH ()-[r:STATES]->() RETURN count(r) AS states } "
        "CALL () { MATCH ()-[r]->() WHERE r.fact_id IS NOT NULL AND r.evidence IS NOT NULL "
        "          RETURN count(r) AS with_provenance } "
        "CALL () { MATCH (n) WHERE n.id IS NOT NULL AND size(labels(n)) > 0 "
        "          RETURN count(n) AS with_id } "
        "RETURN nodes, rels, states, with_provenance, with_id").records[0]
    return dict(rec)


def expected(shape: Shape, floor: bool = False) -> dict[str, int]:
    return {"nodes": len(shape.nodes), "rels": shape.relationships,
            "states": len(shape.states),
            "with_provenance": 0 if floor else len(shape.facts),
            "with_id": 0 if floor else len(shape.nodes)}


# ---------------------------------------------------------------- the loaders

def load_hdkg(g: GraphData, shape: Shape, driver: Any) -> dict:
    """`load_graph` as `hdkg load neo4j` runs it, twice. Its last step, the WITHIN closure of
    PART_OF (sub-units), is a relationship set no peer writes: the figure compared is the
    load without that step (`seconds`); the whole load is `seconds_with_within`."""
    t0 = time.monotonic()
    first = L.load_graph(g, driver)
    whole = time.monotonic() - t0
    within_s = first["timings"].get("sub-units", 0.0)
    node_s = first["timings"]["nodes"]
    t0 = time.monotonic()
    second = L.load_graph(g, driver)
    again_s = time.monotonic() - t0
    within = driver.execute_query(
        f"MATCH ()-[r:{NEO4J_WITHIN}]->() RETURN count(r) AS c").records[0]["c"]
    return {"seconds": whole - within_s, "seconds_with_within": round(whole, 1),
            "within": {"relationships": within, "expected": first["within"],
                       "seconds": round(within_s, 1)},
            "node_seconds": node_s,
            "nodes_per_s": len(shape.nodes) / node_s if node_s else None,
            "timings": first["timings"],
            "second_load": {"seconds": round(again_s, 1),
                            "nodes_created": second["nodes_created"],
                            "relationships_created": second["relationships_created"],
                            "properties_set": second["properties_set"],
                            "timings": second["timings"]},
            "idempotent": second["nodes_created"] == 0
            and second["relationships_created"] == 0 and second["properties_set"] == 0
            and within == first["within"]}


def graphrag_input(shape: Shape) -> Any:
    from neo4j_graphrag.components.types import Neo4jGraph, Neo4jNode, Neo4jRelationship

    nodes = [Neo4jNode(id=p["id"], label=label, properties=p) for label, p in shape.nodes]
    rels = [Neo4jRelationship(start_node_id=s, end_node_id=o, type=t, properties=p)
            for t, s, o, p in shape.facts]
    rels += [Neo4jRelationship(start_node_id=d, end_node_id=e, type=C.STATES)
             for d, e in shape.states]
    return Neo4jGraph(nodes=nodes, relationships=rels)


def load_graphrag(batch_size: int) -> Callable[[Any, Any], dict]:
    def load(graph: Any, driver: Any) -> dict:
        from neo4j_graphrag.components.kg_writer import Neo4jWriter

        t0 = time.monotonic()
        writer = Neo4jWriter(driver=driver, batch_size=batch_size)
        result = asyncio.run(writer.run(graph))
        if result.status != "SUCCESS":
            raise RuntimeError(f"Neo4jWriter: {result.metadata}")
        return {"seconds": time.monotonic() - t0}
    return load


def langchain_input(shape: Shape, docs_per_graph_document: int) -> list:
    """One GraphDocument per source document (its facts, its STATES links, the nodes they
    name), or `docs_per_graph_document` source documents per GraphDocument; nodes that no
    fact names come last, in GraphDocuments of 1,000 nodes."""
    from langchain_core.documents import Document
    from langchain_neo4j.graphs.graph_document import GraphDocument, Node, Relationship

    props = {p["id"]: p for _, p in shape.nodes}
    node = {i: Node(id=i, type=shape.label_of[i], properties=props[i]) for i in props}
    by_doc: dict[str, tuple[list, list]] = {}
    for t, s, o, p in shape.facts:
        doc = L.document_id(p["sources"][0])
        by_doc.setdefault(doc, ([], []))[0].append(
            Relationship(source=node[s], target=node[o], type=t, properties=p))
    for d, e in shape.states:
        by_doc.setdefault(d, ([], []))[1].append(
            Relationship(source=node[d], target=node[e], type=C.STATES))
    docs: list = []
    named: set[str] = set()
    items = list(by_doc.items())
    for i in range(0, len(items), docs_per_graph_document):
        rels = [r for _, (facts, states) in items[i:i + docs_per_graph_document]
                for r in (*facts, *states)]
        ids = list(dict.fromkeys(x for r in rels for x in (r.source.id, r.target.id)))
        named.update(ids)
        docs.append(GraphDocument(nodes=[node[x] for x in ids], relationships=rels,
                                  source=Document(page_content=items[i][0])))
    rest = [node[x] for x in props if x not in named]
    for i in range(0, len(rest), 1000):
        docs.append(GraphDocument(nodes=rest[i:i + 1000], relationships=[],
                                  source=Document(page_content="")))
    return docs


def load_langchain(uri: str) -> Callable[[Any, Any], dict]:
    def load(docs: list, driver: Any) -> dict:
        from langchain_neo4j import Neo4jGraph

        t0 = time.monotonic()
        graph = Neo4jGraph(url=uri, username="neo4j", password="unused",
                           refresh_schema=False)
        try:
            graph.add_graph_documents(docs, baseEntityLabel=True)
        finally:
            graph.close()
        return {"seconds": time.monotonic() - t0}
    return load


def load_floor(shape: Shape, driver: Any) -> dict:
    """bench/neo4j_floor.py's `bare` step over the whole graph: nodes, facts, STATES."""
    node_rows = [{"id": p["id"]} for _, p in shape.nodes]
    rel_rows: dict[str, list[dict]] = {}
    t0 = time.monotonic()
    eids: dict[str, str] = {}
    with driver.session() as session:
        for b in L._batches(node_rows, FLOOR_BATCH):
            eids.update(session.execute_write(
                L._write_nodes, "UNWIND $rows AS row CREATE (n) "
                "RETURN row.id AS id, elementId(n) AS eid", b)[1])
        node_s = time.monotonic() - t0
        for t, s, o, _ in shape.facts:
            rel_rows.setdefault(t, []).append({"s": eids[s], "o": eids[o]})
        rel_rows[C.STATES] = [{"s": eids[d], "o": eids[e]} for d, e in shape.states]
        for t, rows in rel_rows.items():
            query = (f"UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.s "
                     f"MATCH (b) WHERE elementId(b) = row.o CREATE (a)-[r:{t}]->(b)")
            for b in L._batches(rows, FLOOR_BATCH):
                session.execute_write(L._write, query, b)
    return {"seconds": time.monotonic() - t0, "node_seconds": node_s,
            "nodes_per_s": len(shape.nodes) / node_s}


# ---------------------------------------------------------------- the run

def _versions() -> dict[str, str]:
    out = {}
    for name in ("neo4j", "neo4j-graphrag", "langchain-neo4j"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    return out


def run(n_facts: int, graphrag_batches: list[int], langchain_docs: list[int],
        only: set[str] | None = None, rounds: int = 1) -> dict:
    t0 = time.monotonic()
    g = peer_graph(n_facts)
    shape = Shape(g)
    _log(f"graph: {len(shape.nodes):,} nodes, {len(shape.facts):,} facts + "
         f"{len(shape.states):,} STATES links = {shape.relationships:,} relationships "
         f"({time.monotonic() - t0:.1f} s)")
    loaders: list[tuple[str, Callable[[], Any], Callable[[Any, Any], dict], bool]] = []
    loaders.append(("hdkg", lambda: g, lambda g_, d: load_hdkg(g_, shape, d), False))
    for b in graphrag_batches:
        loaders.append((f"neo4j-graphrag (batch {b:,})", lambda: graphrag_input(shape),
                        load_graphrag(b), False))
    for k in langchain_docs:
        loaders.append((f"langchain-neo4j ({k} source document{'s' if k > 1 else ''} "
                        f"per GraphDocument)", lambda k=k: langchain_input(shape, k),
                        None, False))
    loaders.append(("floor", lambda: shape, load_floor, True))
    if only:
        loaders = [x for x in loaders if x[0].split(" ")[0] in only]

    results: dict[str, list[dict]] = {name: [] for name, *_ in loaders}
    with tempfile.TemporaryDirectory(prefix="hdkg-peers-") as tmp:
        server = Server(Path(tmp))
        try:
            for round_ in range(1, rounds + 1):
                for name, make_input, load, floor in loaders:
                    prepared = make_input()  # the peer's own input objects: not timed
                    uri = server.fresh()
                    if load is None:  # LangChain connects by URI itself
                        load = load_langchain(uri)
                    driver = connect(resolve(uri))
                    try:
                        warm_up(driver)
                        _log(f"{name}, round {round_} of {rounds}: loading")
                        r = load(prepared, driver)
                        got = counts(driver)
                    finally:
                        driver.close()
                    want = expected(shape, floor)
                    r["counts_ok"] = got == want
                    if not r["counts_ok"]:
                        r["counts"], r["expected"] = got, want
                    r["relationships_per_s"] = round(shape.relationships / r["seconds"])
                    r["seconds"] = round(r["seconds"], 1)
                    if "node_seconds" in r:
                        r["node_seconds"] = round(r["node_seconds"], 2)
                        r["nodes_per_s"] = round(r["nodes_per_s"])
                    _log(f"{name}: {json.dumps(r)}")
                    results[name].append(r)
        finally:
            server.stop()
    return summarise(len(shape.facts), shape, results)


def summarise(n_facts: int, shape: Shape, results: dict[str, list[dict]]) -> dict:
    """Each loader's median over the rounds; the ratios are worked out within each round
    (one loader after the other on the same machine state) and their median reported."""
    rounds = max((len(v) for v in results.values()), default=0)

    def rate(prefix: str, i: int | None = None) -> int | None:
        """The best setting's rate of a loader: in round i, or its median over rounds."""
        rates = []
        for k, runs in results.items():
            if k.startswith(prefix) and runs:
                rates.append(runs[i]["relationships_per_s"] if i is not None else
                             round(median(r["relationships_per_s"] for r in runs)))
        return max(rates) if rates else None

    peers = {p: rate(p) for p in ("neo4j-graphrag", "langchain-neo4j") if rate(p)}
    out: dict[str, Any] = {"facts": n_facts, "hdkg": rate("hdkg"), "peers": peers,
                           "floor": rate("floor"), "rounds": rounds}
    by_round: dict[str, list[float]] = {"hdkg_over_fastest_peer": [], "hdkg_over_floor": [],
                                        "nodes_over_floor": []}
    h, f = results.get("hdkg") or [], results.get("floor") or []
    for i in range(rounds):
        fastest = max((x for p in ("neo4j-graphrag", "langchain-neo4j")
                       if (x := rate(p, i)) is not None), default=None)
        if h and fastest:
            by_round["hdkg_over_fastest_peer"].append(
                round(h[i]["relationships_per_s"] / fastest, 2))
        if h and f:
            by_round["hdkg_over_floor"].append(
                round(h[i]["relationships_per_s"] / f[i]["relationships_per_s"], 2))
            by_round["nodes_over_floor"].append(
                round(h[i]["nodes_per_s"] / f[i]["nodes_per_s"], 2))
    for k, v in by_round.items():
        if v:
            out[k] = round(median(v), 2)
    out["ratios_by_round"] = {k: v for k, v in by_round.items() if v}
    if h and f:
        out["nodes_per_s"] = {"hdkg": round(median(r["nodes_per_s"] for r in h)),
                              "floor": round(median(r["nodes_per_s"] for r in f))}
    if h:
        out["idempotent"] = all(r["idempotent"] for r in h)
        out["second_load_seconds"] = [r["second_load"]["seconds"] for r in h]
    out["counts_ok"] = all(r["counts_ok"] for runs in results.values() for r in runs)
    out["graph"] = {"nodes": len(shape.nodes), "facts": len(shape.facts),
                    "states": len(shape.states)}
    out["runs"] = results
    out["versions"] = _versions()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", type=int, default=50_000)
    ap.add_argument("--json", action="store_true", help="print one line of JSON")
    ap.add_argument("--graphrag-batches", default="1000,10000",
                    help="Neo4jWriter batch sizes: its default, then its best")
    ap.add_argument("--langchain-docs", default="1,20",
                    help="source documents per GraphDocument: one, then the best")
    ap.add_argument("--only", help="comma-separated: hdkg, neo4j-graphrag, langchain-neo4j, "
                                   "floor")
    ap.add_argument("--rounds", type=int, default=1,
                    help="run every loader this many times, one round after the other; "
                         "figures are medians, ratios the median of each round's ratio")
    a = ap.parse_args()
    ints = lambda s: [int(x) for x in s.split(",") if x.strip()]  # noqa: E731
    only = {x.strip() for x in a.only.split(",")} if a.only else None
    out = run(a.facts, ints(a.graphrag_batches), ints(a.langchain_docs), only,
              max(1, a.rounds))
    out["machine"] = machine()
    if a.json:
        print(json.dumps({k: out[k] for k in ("facts", "hdkg", "peers", "floor")}
                         | {k: v for k, v in out.items()
                            if k not in ("facts", "hdkg", "peers", "floor")}))
    else:
        print(json.dumps(out, indent=2))
    return 0 if out["counts_ok"] and out.get("idempotent", True) else 1


if __name__ == "__main__":
    sys.exit(main())
