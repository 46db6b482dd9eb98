"""Where does the time of a Bolt load go? The cost of each part of a fact relationship.

Usage:

    .venv/bin/python bench/neo4j_floor.py                  # 400,000 facts, every step
    .venv/bin/python bench/neo4j_floor.py --facts 100000 --steps bare,loader

`bench/neo4j_load.py` measures the loader; this measures the floor under it. For each step
it starts a fresh server, writes the nodes of the synthetic graph of bench/neo4j_load.py
(bench/synthetic.py, shape "hubs"), warms the JIT with the document links (CREATE by element
id), then times writing the fact relationships with one Cypher statement per type, in
batches of 10k, one session:


    bare         CREATE (a)-[:T]->(b), ends found by element id, no property, no index
    fact_id      + the fact_id property
    index        + the fact_id uniqueness constraints (from the schema)
    provenance   + role/start/end/date, sources, evidence, confidence (the loader's CREATE)
    rules        + a rules list (the property the loader dropped)
    merge        MERGE on fact_id instead of CREATE (the loader's path for known facts)
    index_ends   MERGE, with the ends found by an index seek on :Entity(id) (the old loader)
    loader       the loader itself, for comparison (`load_graph(workers=1)`)

Each step adds one thing to the one before, so the differences are what each costs.
Prints relationships/s per step and the machine.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import tempfile
import time
from pathlib import Path

from machine import machine
from synthetic import synthetic_graph

from hdkg.graph.neo4j import cypher as C
from hdkg.graph.neo4j import load as L
from hdkg.graph.neo4j import server as neo4j_server
from hdkg.graph.neo4j.connect import connect, resolve

BY_EID = ("UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.s "
          "MATCH (b) WHERE elementId(b) = row.o ")
BY_INDEX = ("UNWIND $rows AS row MATCH (a:Entity {id: row.s}) "
            "MATCH (b:Entity {id: row.o}) ")
PROVENANCE = ("SET r += row.props, r.sources = row.sources, r.evidence = row.evidence, "
              "r.confidence = row.confidence")

# step -> (query for a type, whether the rows carry element ids, relationship constraints)
STEPS: dict[str, tuple] = {
    "bare": (lambda t: f"{BY_EID}CREATE (a)-[r:{t}]->(b)", True, False),
    "fact_id": (lambda t: f"{BY_EID}CREATE (a)-[r:{t} {{fact_id: row.fact_id}}]->(b)",
                True, False),
    "index": (lambda t: f"{BY_EID}CREATE (a)-[r:{t} {{fact_id: row.fact_id}}]->(b)",
              True, True),
    "provenance": (lambda t: f"{BY_EID}CREATE (a)-[r:{t} {{fact_id: row.fact_id}}]->(b) "
                   f"{PROVENANCE}", True, True),
    "rules": (lambda t: f"{BY_EID}CREATE (a)-[r:{t} {{fact_id: row.fact_id}}]->(b) "
              f"{PROVENANCE}, r.rules = row.rules", True, True),
    "merge": (lambda t: f"{BY_EID}MERGE (a)-[r:{t} {{fact_id: row.fact_id}}]->(b) "
              f"ON CREATE {PROVENANCE}, r.rules = row.rules", True, True),
    "index_ends": (lambda t: f"{BY_INDEX}MERGE (a)-[r:{t} {{fact_id: row.fact_id}}]->(b) "
                   f"ON CREATE {PROVENANCE}, r.rules = row.rules", False, True),
    "loader": (None, False, True),
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rows(plan: L.Plan, eids: dict[str, str] | None) -> dict[str, list[dict]]:
    """The loader's rows, plus the extraction rule the loader no longer writes."""
    out: dict[str, list[dict]] = {}
    for t, rows in plan.rels.items():
        out[t] = [{**r, "rules": ["rule"],
                   **({"s": eids[r["s"]], "o": eids[r["o"]]} if eids else {})} for r in rows]
    return out


def run_step(step: str, g, plan: L.Plan, batch: int) -> dict:
    query, by_eid, constraints = STEPS[step]
    with tempfile.TemporaryDirectory(prefix="hdkg-floor-") as tmp:
        data = Path(tmp) / "neo4j"
        uri = neo4j_server.start(data, bolt_port=_free_port(), http_port=_free_port())[
            "bolt_uri"]
        driver = connect(resolve(uri))
        try:
            if step == "loader":
                t0 = time.monotonic()
                counts = L.load_graph(g, driver, batch_size=batch, workers=1)
                fact_s = sum(v for k, v in counts["timings"].items()
                             if k.startswith("relationships"))
                return {"step": step, "relationships": counts["relationships"],
                        "seconds": round(fact_s, 1),
                        "relationships_per_s": round(counts["relationships"] / fact_s),
                        "whole_load_s": round(time.monotonic() - t0, 1)}
            with driver.session() as session:
                for stmt in C.constraint_statements():
                    if constraints or "()-[" not in stmt:
                        session.run(stmt).consume()
                session.run("CALL db.awaitIndexes(300)").consume()
                eids: dict[str, str] = {}
                for label, rows in plan.nodes.items():
                    for b in L._batches(rows, batch):
                        eids.update(session.execute_write(L._write_nodes,
                                                          C.node_query(label), b)[1])
                states = [{"d": eids[r["d"]], "e": eids[r["e"]]} for r in plan.states]
                for b in L._batches(states, batch):  # JIT warm-up
                    session.execute_write(L._write, C.STATES_CREATE_QUERY, b)
                rows = _rows(plan, eids if by_eid else None)
                n = 0
                t0 = time.monotonic()
                for t, type_rows in rows.items():
                    for b in L._batches(type_rows, batch):
                        session.execute_write(L._write, query(t), b)
                        n += len(b)
                seconds = time.monotonic() - t0
            return {"step": step, "relationships": n, "seconds": round(seconds, 1),
                    "relationships_per_s": round(n / seconds)}
        finally:
            driver.close()
            neo4j_server.stop(data)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", type=int, default=400_000)
    ap.add_argument("--batch-size", type=int, default=10_000)
    ap.add_argument("--steps", default=",".join(STEPS),
                    help=f"comma-separated, of: {', '.join(STEPS)}")
    args = ap.parse_args()
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    unknown = [s for s in steps if s not in STEPS]
    if unknown:
        ap.error(f"unknown step(s): {', '.join(unknown)}")
    g = synthetic_graph(args.facts, shape="hubs")
    plan = L.Plan(g)
    results = []
    for step in steps:
        r = run_step(step, g, plan, args.batch_size)
        print(json.dumps(r), file=sys.stderr, flush=True)
        results.append(r)
    print(json.dumps({"machine": machine(), "facts": len(g.facts), "steps": results},
                     indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
