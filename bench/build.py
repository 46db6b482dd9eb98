"""Benchmark: build a graph from fact records (records -> merged graph -> RDF store).

    python bench/build.py [--sizes 10000,100000,1000000] [--quick]

For each size: a seeded stream of extraction records (bench/synthetic.py) is written to a
file, then ONE `hdkg build FILE --out DIR` process is timed with its peak RSS; the built
store is then reopened and read back (a full N-Triples dump and a count query) to time RDF
reading. Prints one row per size and the machine, so the growth with size can be read off.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import machine
from synthetic import write_fact_records

HERE = Path(__file__).resolve().parent


def run(size: int, work: Path) -> dict:
    records = work / f"facts-{size}.jsonl"
    write_fact_records(size, records, 0)
    out = work / f"graph-{size}"
    hdkg = [sys.executable, "-m", "hdkg.cli"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    r = subprocess.run([*hdkg, "build", str(records), "--out", str(out)], capture_output=True,
                       text=True)
    build_s = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if r.returncode not in (0, 2):
        raise SystemExit(f"build failed: {r.stderr[-2000:]}")
    manifest = json.loads((out / "manifest.json").read_text())
    from hdkg.graph.store import open_graph

    t1 = time.perf_counter()
    g = open_graph(out)
    n = sum(1 for _ in g.ntriples().splitlines())
    read_s = time.perf_counter() - t1
    t2 = time.perf_counter()
    count = int(next(iter(g.store.query("SELECT (COUNT(*) AS ?c) WHERE { ?s ?p ?o }")))["c"].value)
    count_s = time.perf_counter() - t2
    assert count == n == manifest["triples"], (count, n, manifest["triples"])
    shutil.rmtree(out, ignore_errors=True)
    records.unlink()
    return {"facts_in": size, "facts": manifest["facts"], "entities": manifest["entities"],
            "triples": manifest["triples"], "build_s": round(build_s, 1),
            "facts_per_s": round(size / build_s), "triples_per_s": round(n / build_s),
            "peak_rss_mb": round(max(rss, before) / 1024),
            "rdf_read_s": round(read_s, 1), "count_query_s": round(count_s, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--quick", action="store_true", help="10,000 facts only")
    a = ap.parse_args()
    sizes = [10_000] if a.quick else [int(s) for s in a.sizes.split(",")]
    print(f"machine: {machine()}")
    print(f"{'facts in':>10} {'facts':>9} {'triples':>10} {'build s':>8} {'facts/s':>8} "
          f"{'triples/s':>10} {'peak MB':>8} {'read s':>7} {'count s':>8}")
    with tempfile.TemporaryDirectory(prefix="hdkg-bench-") as tmp:
        for size in sizes:
            r = run(size, Path(tmp))
            print(f"{r['facts_in']:>10} {r['facts']:>9} {r['triples']:>10} {r['build_s']:>8} "
                  f"{r['facts_per_s']:>8} {r['triples_per_s']:>10} {r['peak_rss_mb']:>8} "
                  f"{r['rdf_read_s']:>7} {r['count_query_s']:>8}", flush=True)


if __name__ == "__main__":
    main()
