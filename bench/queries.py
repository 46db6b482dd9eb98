"""Latency of every saved query on a synthetic graph: p50 and p95 per query per backend.

    .venv/bin/python bench/queries.py [--facts 100000] [--runs 30] [--no-neo4j] [--skip-load]
        [--graph DIR] [--only NAME ...] [-p NAME:key=value ...]
        [--peers rdflib,oxrdflib] [--peer-runs 5] [--peer-timeout 60]

The graph (`synthetic_graph` of bench/synthetic.py, shape "queries", 100,000 facts by
default) is written to a graph folder (the embedded Oxigraph store) and, when a Neo4j server
is reachable (NEO4J_URI or the local `hdkg neo4j start` one), loaded into it with the
project's loader after EMPTYING that database: point it at a scratch server. With `--graph
DIR` the folder is kept, and a later run with the same `--facts` reuses it instead of
generating and writing the graph again (a 1M-fact graph takes minutes to build; remove the
folder after changing the RDF projection);
`--skip-load` then skips the Neo4j load too.
Each query runs with its example parameters through `run_query`, the path `hdkg query`
takes, with the entity index built once (its build time is printed apart); `--only NAME`
runs some queries, `-p neighbours:limit=5000` replaces an example parameter.
Targets: p95 < 100 ms on Neo4j, < 500 ms on the embedded store.

Peers of the embedded store (`--peers`, the `bench` extra): the same SPARQL text with the same
bound values on rdflib's in-memory store (`rdflib.Graph()`, the store's N-Triples parsed into
it) and through oxrdflib (`rdflib.Graph(store="Oxigraph")`: rdflib's API over an in-memory
Oxigraph, its results turned into rdflib terms). Each runs `--peer-runs` times after one
warm-up, each run stopped after `--peer-timeout` seconds (then shown as `>Ns`; a warm-up over a
tenth of it is the only run); their p95 is printed beside Oxigraph's, with the ratio (peer's
p95 / Oxigraph's). A row count that differs from Oxigraph's is marked.
"""

from __future__ import annotations

import argparse
import itertools
import json
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from machine import machine
from synthetic import synthetic_graph

from hdkg.graph.store import open_graph, write_graph
from hdkg.queries.catalogue import catalogue, get_spec
from hdkg.queries.run import (
    LIMIT_DEFAULT,
    bindings,
    check_params,
    entity_index,
    run_query,
)
from hdkg.schema.terms import entity_iri

TARGET_MS = {"rdf": 500.0, "neo4j": 100.0}
SEED = 7


def _reusable(out: Path, wanted: dict[str, Any]) -> bool:
    """Whether `out` is a graph folder this benchmark wrote with the same size and seed."""
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return all(manifest.get(k) == v for k, v in wanted.items())


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (no interpolation: a value that was measured)."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def time_query(name: str, params: dict, runs: int, **kw: Any) -> tuple[list[float], int]:
    rows = 0
    for _ in range(3):  # warm caches and the query plan cache
        rows = len(run_query(name, params, **kw).rows)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        run_query(name, params, **kw)
        times.append((time.perf_counter() - t) * 1000)
    return times, rows


# ---------------------------------------------------------------- rdflib and oxrdflib

class _Timeout(Exception):
    pass


def _on_alarm(signum: int, frame: Any) -> None:
    raise _Timeout


def peer_graph(name: str, ntriples: bytes) -> Any:
    """The graph in a peer: rdflib's in-memory store, or rdflib over Oxigraph (oxrdflib)."""
    import rdflib

    if name == "rdflib":
        g = rdflib.Graph()
        g.parse(data=ntriples, format="nt")
    elif name == "oxrdflib":
        g = rdflib.Graph(store="Oxigraph")
        g.parse(data=ntriples, format="ox-nt")
    else:
        raise ValueError(f"unknown peer {name!r}: rdflib or oxrdflib")
    return g


def _rdflib_term(kind: str, value: Any) -> Any:
    from rdflib import Literal, URIRef

    if kind == "id":
        return URIRef(entity_iri(value))
    return Literal(value)


def run_rdflib(name: str, params: dict, g: Any, index: Any) -> int:
    """Rows of saved query `name` on an rdflib Graph: the same SPARQL and bound values as
    `run_query` gives Oxigraph (the values as initBindings)."""
    spec = get_spec(name)
    values = check_params(spec, params)
    limit = spec.param("limit")
    if limit is not None and limit.type == "int" and values["limit"] is None:
        values["limit"] = LIMIT_DEFAULT
    rows = 0
    for bound in bindings(spec, values, index):
        init = {k: _rdflib_term(kind, v) for k, (kind, v) in bound.items()}
        cap = bound["limit"][1] if "limit" in bound else None
        rows += sum(1 for _ in itertools.islice(g.query(spec.sparql, initBindings=init), cap))
    return rows


def time_peer(name: str, params: dict, g: Any, index: Any, runs: int,
              timeout: float) -> tuple[list[float] | None, int]:
    """Times of `runs` runs after one warm-up; None when the warm-up passes `timeout`
    seconds, and the warm-up alone when it took over a tenth of that (a slow peer would
    otherwise take hours at 100,000 facts)."""
    old = signal.signal(signal.SIGALRM, _on_alarm)
    times: list[float] = []
    rows = 0
    try:
        for i in range(runs + 1):
            signal.setitimer(signal.ITIMER_REAL, timeout)
            t = time.perf_counter()
            try:
                rows = run_rdflib(name, params, g, index)
            except _Timeout:
                return None, rows
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            ms = (time.perf_counter() - t) * 1000
            if i == 0 and ms > timeout * 100:
                return [ms], rows
            if i:
                times.append(ms)
    finally:
        signal.signal(signal.SIGALRM, old)
    return times, rows


def neo4j_driver() -> Any:
    from hdkg.graph.neo4j.connect import connect, resolve
    from hdkg.schema.errors import UserError

    try:
        return connect(resolve())
    except UserError as e:
        print(f"Neo4j: skipped ({e})", file=sys.stderr)
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--graph", type=Path,
                    help="graph folder to write, or to reuse when it holds this benchmark's "
                         "graph of --facts facts (default: a temp dir)")
    ap.add_argument("--no-neo4j", action="store_true")
    ap.add_argument("--skip-load", action="store_true", help="Neo4j already holds this graph")
    ap.add_argument("--only", action="append", metavar="NAME", help="run only this query")
    ap.add_argument("-p", "--param", action="append", default=[], metavar="NAME:key=value",
                    help="replace an example parameter of query NAME")
    ap.add_argument("--peers", default="",
                    help="comma-separated: rdflib, oxrdflib (the embedded store's peers)")
    ap.add_argument("--peer-runs", type=int, default=5)
    ap.add_argument("--peer-timeout", type=float, default=60.0,
                    help="seconds after which one peer run is stopped")
    args = ap.parse_args(argv)
    peers = [x.strip() for x in args.peers.split(",") if x.strip()]
    overrides: dict[str, dict[str, str]] = {}
    for item in args.param:
        name, _, kv = item.partition(":")
        key, sep, value = kv.partition("=")
        if not sep:
            ap.error(f"-p {item!r} is not NAME:key=value")
        overrides.setdefault(name, {})[key] = value

    print(f"machine: {machine()}")
    tmp = tempfile.TemporaryDirectory(prefix="hdkg-bench-")
    out = args.graph or Path(tmp.name) / "g"
    wanted = {"bench": "queries", "facts": args.facts, "seed": SEED}
    data = None
    if _reusable(out, wanted):
        graph = open_graph(out)
        print(f"graph: reusing {out} ({args.facts:,} facts, seed {SEED})")
        print(f"embedded store: {graph.manifest['triples']:,} triples (reused)")
    else:
        t = time.perf_counter()
        data = synthetic_graph(args.facts, seed=SEED, shape="queries")
        print(f"graph: {len(data.facts):,} facts, {len(data.entities):,} entities "
              f"(generated in {time.perf_counter() - t:.1f} s)")
        t = time.perf_counter()
        manifest = write_graph(data, out, manifest=wanted)
        print(f"embedded store: {manifest['triples']:,} triples written in "
              f"{time.perf_counter() - t:.1f} s")
        graph = open_graph(out)

    driver = None if args.no_neo4j else neo4j_driver()
    if driver is not None:
        info = driver.get_server_info()
        print(f"Neo4j: {info.agent} at {info.address}")
        if not args.skip_load:
            from hdkg.graph.neo4j.load import load_graph

            with driver.session() as session:
                session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS "
                            "OF 10000 ROWS").consume()
            t = time.perf_counter()
            load_graph(data if data is not None else graph.data, driver)
            print(f"Neo4j: loaded in {time.perf_counter() - t:.1f} s")

    backends: list[tuple[str, dict[str, Any]]] = []
    t = time.perf_counter()
    backends.append(("rdf", {"graph": graph, "index": entity_index(store=graph.store)}))
    print(f"entity index (rdf): {(time.perf_counter() - t) * 1000:.0f} ms, built once")
    if driver is not None:
        t = time.perf_counter()
        backends.append(("neo4j", {"backend": "neo4j", "driver": driver,
                                   "index": entity_index(driver=driver)}))
        print(f"entity index (neo4j): {(time.perf_counter() - t) * 1000:.0f} ms, built once")

    peer_graphs: list[tuple[str, Any]] = []
    if peers:
        nt = graph.ntriples()
        for name in peers:
            t = time.perf_counter()
            peer_graphs.append((name, peer_graph(name, nt)))
            print(f"{name}: {len(peer_graphs[-1][1]):,} triples loaded in "
                  f"{time.perf_counter() - t:.1f} s")
        del nt
    rdf_index = backends[0][1]["index"]

    header = f"{'query':<15}{'params':<52}"
    header += "".join(f"{b + ' rows':>11}{'p50 ms':>9}{'p95 ms':>9}" for b, _ in backends)
    header += "".join(f"{p + ' p95':>16}{'x':>7}" for p, _ in peer_graphs)
    print()
    print(header)
    print("-" * len(header))
    worst: dict[str, float] = {b: 0.0 for b, _ in backends}
    for spec in catalogue():
        if args.only and spec.name not in args.only:
            continue
        params = {**spec.example_params(), **overrides.get(spec.name, {})}
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        line = f"{spec.name:<15}{shown[:51]:<52}"
        rdf_p95, rdf_rows = 0.0, 0
        for b, kw in backends:
            times, rows = time_query(spec.name, params, args.runs, **kw)
            p50, p95 = percentile(times, 50), percentile(times, 95)
            worst[b] = max(worst[b], p95)
            line += f"{rows:>11}{p50:>9.1f}{p95:>9.1f}"
            if b == "rdf":
                rdf_p95, rdf_rows = p95, rows
        for _peer, g in peer_graphs:
            ptimes, prows = time_peer(spec.name, params, g, rdf_index, args.peer_runs,
                                      args.peer_timeout)
            if ptimes is None:
                line += f"{f'>{args.peer_timeout:.0f}s':>16}{'':>7}"
                continue
            p95 = percentile(ptimes, 95)
            mark = "" if prows == rdf_rows else f" ({prows} rows!)"
            line += f"{p95:>16.1f}{p95 / rdf_p95:>6.1f}x{mark}"
        print(line, flush=True)
    print()
    ok = True
    for b, p95 in worst.items():
        met = p95 < TARGET_MS[b]
        ok &= met
        print(f"{b}: worst p95 {p95:.1f} ms, target < {TARGET_MS[b]:.0f} ms: "
              f"{'met' if met else 'MISSED'}")
    if driver is not None:
        driver.close()
    tmp.cleanup()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
