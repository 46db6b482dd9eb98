"""Every benchmark in one command, at three sizes, with one table at the end.

    .venv/bin/python bench/run_all.py            # 10k, 100k and 1M facts
    .venv/bin/python bench/run_all.py --quick    # 10k facts (and 200 documents) only
    .venv/bin/python bench/run_all.py --sizes 10000,100000 --no-neo4j

Each benchmark runs as its own process (bench/extract.py, build.py, queries.py,
neo4j_load.py), so one's memory does not weigh on the next and each child's peak RSS is
its own. Their output is printed as it comes; the figures are then read back from it into
one table per size, so the growth with size can be read off: compare facts/s across the
rows (a constant rate means linear cost).

Neo4j: bench/queries.py EMPTIES the database at NEO4J_URI (default bolt://127.0.0.1:7687)
before loading it, so point NEO4J_URI at a scratch server (`hdkg neo4j start --data
/tmp/scratch --bolt-port 7695 --http-port 7485`) or pass --no-neo4j; bench/neo4j_load.py
starts a fresh server of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from machine import machine

HERE = Path(__file__).resolve().parent


def _run(args: list[str], timeout: float | None = None) -> tuple[str, float, float]:
    """(stdout+stderr, wall seconds, peak RSS MiB of this child) of one benchmark script."""
    cmd = [sys.executable, str(HERE / args[0]), *args[1:]]
    print(f"\n$ {' '.join(cmd[1:])}", flush=True)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            cwd=HERE.parent)
    out: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        print(line, end="", flush=True)
        out.append(line)
    _pid, _status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(_status)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):  # queries.py exits 1 when a target is missed
        print(f"(exit status {proc.returncode})", flush=True)
    return "".join(out), wall, usage.ru_maxrss / 1024


def bench_extract(docs: int) -> dict:
    text, _wall, rss = _run(["extract.py", "--docs", str(docs), "--jobs", "2"])
    m = re.search(r"throughput: (\d+) documents/s", text)
    peak = re.search(r"peak RSS of the largest child process: (\d+) MiB", text)
    return {"extract docs/s": int(m.group(1)) if m else None,
            "extract RSS MiB": int(peak.group(1)) if peak else round(rss)}


def bench_build(size: int) -> dict:
    text, _wall, rss = _run(["build.py", "--sizes", str(size)])
    rows = [ln.split() for ln in text.splitlines() if re.match(r"\s*\d+\s+\d+\s+\d+", ln)]
    if not rows:
        return {"build RSS MiB": round(rss)}
    r = rows[-1]
    return {"facts": int(r[1]), "triples": int(r[2]), "build s": float(r[3]),
            "build facts/s": int(r[4]), "build triples/s": int(r[5]),
            "build RSS MiB": int(r[6]), "RDF read s": float(r[7])}


def bench_queries(size: int, neo4j: bool) -> dict:
    args = ["queries.py", "--facts", str(size), "--runs", "10" if size >= 1_000_000 else "20"]
    if not neo4j:
        args.append("--no-neo4j")
    text, _wall, rss = _run(args)
    out: dict = {"queries RSS MiB": round(rss)}
    m = re.search(r"embedded store: ([\d,]+) triples written in ([\d.]+) s", text)
    if m:
        out["RDF write s"] = float(m.group(2))
    for backend, key in (("rdf", "SPARQL worst p95 ms"), ("neo4j", "Cypher worst p95 ms")):
        m = re.search(rf"^{backend}: worst p95 ([\d.]+) ms", text, re.M)
        if m:
            out[key] = float(m.group(1))
    m = re.search(r"Neo4j: loaded in ([\d.]+) s", text)
    if m:
        out["Neo4j load (queries graph) s"] = float(m.group(1))
    return out


def bench_neo4j_load(size: int) -> dict:
    text, _wall, rss = _run(["neo4j_load.py", "--facts", str(size), "--no-admin-import"])
    out: dict = {"neo4j_load RSS MiB": round(rss)}
    try:
        result = json.loads(text[text.index("{"):text.rindex("}") + 1])
        out["Neo4j load rels/s"] = result.get("all_relationships_per_s_overall")
    except ValueError:
        pass
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="facts, comma-separated")
    ap.add_argument("--quick", action="store_true", help="10,000 facts only")
    ap.add_argument("--no-neo4j", action="store_true", help="skip Neo4j load and Cypher")
    ap.add_argument("--no-extract", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the table as JSON here")
    a = ap.parse_args()
    sizes = [10_000] if a.quick else [int(s) for s in a.sizes.split(",")]
    print(f"machine: {machine()}", flush=True)
    table: dict[int, dict] = {}
    if not a.no_extract:
        extract = bench_extract(200 if a.quick else 2000)
    for size in sizes:
        row = bench_build(size)
        row.update(bench_queries(size, neo4j=not a.no_neo4j))
        if not a.no_neo4j:
            row.update(bench_neo4j_load(size))
        table[size] = row
    print(f"\nmachine: {machine()}")
    if not a.no_extract:
        print(f"extract: {extract}")
    keys = sorted({k for row in table.values() for k in row}, key=lambda k: (
        list(next(iter(table.values()))).index(k) if k in next(iter(table.values())) else 99))
    print(f"{'facts in':>10} " + " ".join(f"{k:>{max(len(k), 8)}}" for k in keys))
    for size, row in table.items():
        print(f"{size:>10} " + " ".join(f"{str(row.get(k, '')):>{max(len(k), 8)}}"
                                         for k in keys))
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        for k in ("build facts/s", "build triples/s"):
            a0, a1 = table[first].get(k), table[last].get(k)
            if a0 and a1:
                print(f"{k}: {a1 / a0:.2f}x from {first:,} to {last:,} facts "
                      f"(1.00 = linear; below 1, cost grows faster than size)")
    if a.json:
        a.json.write_text(json.dumps({"machine": machine(), "sizes": table}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
