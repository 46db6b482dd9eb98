"""How fast does `hdkg load neo4j` write? A synthetic graph of 1,000,000 facts over Bolt.

Usage:

    .venv/bin/python bench/neo4j_load.py                   # 1M facts, ~100k entities
    .venv/bin/python bench/neo4j_load.py --facts 100000    # a quicker look
    .venv/bin/python bench/neo4j_load.py --uri bolt://127.0.0.1:7687   # an existing server

By default it starts a fresh server of its own (temporary folder, spare ports), loads over
Bolt, stops it, then times `neo4j-admin database import` of the same graph into that folder.
With --uri it empties that server's database and loads there (no admin import).

The graph (`synthetic_graph(shape="hubs")` of bench/synthetic.py) is shaped like the real
one: few countries and bodies that most facts touch (hubs), many people, events and
agreements, each fact with one Source in a document of ~50 facts. Prints relationships/s
and the machine.
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

from hdkg.graph.model import GraphData
from hdkg.graph.neo4j import server as neo4j_server
from hdkg.graph.neo4j.connect import connect, resolve
from hdkg.graph.neo4j.load import load_graph, stats_from_driver


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", type=int, default=1_000_000)
    ap.add_argument("--batch-size", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--uri", default=None,
                    help="load into this server (emptied first) instead of a fresh one")
    ap.add_argument("--no-admin-import", action="store_true",
                    help="skip timing neo4j-admin import on the fresh server's folder")
    args = ap.parse_args()

    t0 = time.monotonic()
    g = synthetic_graph(args.facts, shape="hubs")
    print(f"generated {len(g.entities):,} entities, {len(g.facts):,} facts in "
          f"{time.monotonic() - t0:.1f}s", file=sys.stderr)

    with tempfile.TemporaryDirectory(prefix="hdkg-bench-") as tmp:
        data = Path(tmp) / "neo4j"
        if args.uri is None:
            # A fresh store, as for a first load: a store that was loaded and emptied again
            # reuses freed record ids and writes several times slower.
            uri = neo4j_server.start(data, bolt_port=_free_port(), http_port=_free_port())[
                "bolt_uri"]
        else:
            uri = args.uri
        try:
            result = bench_bolt(g, uri, args)
        finally:
            if args.uri is None:
                neo4j_server.stop(data)
        if args.uri is None and not args.no_admin_import:
            result["admin_import"] = time_admin_import(g, data)
    print(json.dumps(result, indent=2))
    return 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_bolt(g: GraphData, uri: str, args: argparse.Namespace) -> dict:
    driver = connect(resolve(uri))
    try:
        with driver.session() as session:
            # Clear in chunks, relationships first: one huge transaction (or a hub's 100k
            # relationships in one DETACH DELETE) would exceed the transaction memory pool.
            session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS"
                        ).consume()
            session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 50000 ROWS"
                        ).consume()
        t0 = time.monotonic()
        counts = load_graph(g, driver, batch_size=args.batch_size, workers=args.workers)
        total = time.monotonic() - t0
        stats = stats_from_driver(driver)
    finally:
        driver.close()
    rels = sum(stats["relationships"].values())
    fact_time = sum(v for k, v in counts["timings"].items() if k.startswith("relationships"))
    all_rels = counts["relationships"] + counts["states"]
    return {
        "machine": machine(),
        "facts": len(g.facts), "entities": len(g.entities),
        "relationships_in_neo4j": rels, "states": counts["states"],
        "batch_size": args.batch_size, "workers": args.workers,
        "total_s": round(total, 1),
        "fact_relationships_per_s": round(counts["relationships"] / fact_time),
        "all_relationships_per_s_overall": round(all_rels / total),
        "timings": counts["timings"],
    }


def time_admin_import(g: GraphData, data: Path) -> dict:
    """Write the admin-import CSVs and run `neo4j-admin database import full` offline."""
    from hdkg.graph.neo4j.admin import admin_import_args, write_admin_import

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.monotonic()
        paths = write_admin_import(g, Path(tmp))
        csv_s = time.monotonic() - t0
        t0 = time.monotonic()
        neo4j_server.admin_import(data, admin_import_args(paths))
        import_s = time.monotonic() - t0
    n = len(g.facts)
    return {"csv_s": round(csv_s, 1), "import_s": round(import_s, 1),
            "fact_relationships_per_s": round(n / import_s)}


if __name__ == "__main__":
    sys.exit(main())
