"""Throughput of `hdkg extract`: documents per second for ONE subprocess call over the shared
documents repeated into a temporary folder (start-up included), and its peak memory.

    .venv/bin/python bench/extract.py [--docs 2000] [--jobs 1]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import machine

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000, help="documents to extract (>= 2000)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (--jobs)")
    a = ap.parse_args()
    sources = sorted([*SHARED.glob("seeds/*.txt"), *SHARED.glob("corpus/dev/*.txt")])
    if not sources:
        sys.exit(f"no documents under {SHARED}")
    with tempfile.TemporaryDirectory(prefix="hdkg-bench-") as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        chars = 0
        for i in range(a.docs):
            src = sources[i % len(sources)]
            shutil.copy(src, folder / f"{i:06d}_{src.name}")
            chars += src.stat().st_size
        out = Path(tmp) / "out.jsonl"
        cmd = [sys.executable, "-m", "hdkg.graph.cli", "extract", str(folder), "-o", str(out),
               "--jobs", str(a.jobs)]
        t0 = time.perf_counter()
        run = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if run.returncode != 0:
            sys.exit(f"hdkg extract failed ({run.returncode}): {run.stderr[-2000:]}")
        records = sum(1 for _ in out.open(encoding="utf-8"))
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"machine: {machine()}")
    print(f"documents: {a.docs} ({chars / 1e6:.1f} MB), jobs: {a.jobs}, records: {records}")
    print(f"wall time: {wall:.2f} s (start-up included)")
    print(f"throughput: {a.docs / wall:.0f} documents/s")
    print(f"peak RSS of the largest child process: {peak_kb / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
