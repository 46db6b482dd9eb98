"""Throughput of `hdkg extract`: documents per second for ONE subprocess call over the shared
documents repeated into a temporary folder (start-up included), and its peak memory; then
seconds per MB for single large documents of real text (1, 2 and 4 MB by default, built by
concatenating the shared press, dev and seed texts) and for one long line of a single
repeated word, so that time growing faster than a document's size shows.

    .venv/bin/python bench/extract.py [--docs 2000] [--jobs 1] [--sizes 1,2,4]
                                      [--word-mb 2.4] [--word Kesehatan] [--timeout 900]

`--sizes ""` and `--word-mb 0` leave the large-document runs out. A MB here is 2**20 bytes
of UTF-8; every figure includes the start-up of the subprocess.
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
MB = 1 << 20


def _extract(paths: list[Path], out: Path, jobs: int = 1,
             timeout: float | None = None) -> tuple[float | None, int]:
    """(wall seconds, records) of one `hdkg extract` subprocess; (None, 0) past `timeout`."""
    cmd = [sys.executable, "-m", "hdkg.cli", "extract", *map(str, paths), "-o", str(out),
           "--jobs", str(jobs)]
    t0 = time.perf_counter()
    try:
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, 0
    wall = time.perf_counter() - t0
    if run.returncode != 0:
        sys.exit(f"hdkg extract failed ({run.returncode}): {run.stderr[-2000:]}")
    return wall, sum(1 for _ in out.open(encoding="utf-8"))


def real_text(size: int) -> str:
    """About `size` bytes of real text: the shared texts one after another, repeated, cut at
    the last line break before `size` bytes."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(
        [*SHARED.glob("corpus/press/*.txt"), *SHARED.glob("corpus/dev/*.txt"),
         *SHARED.glob("seeds/*.txt")])]
    if not texts:
        sys.exit(f"no documents under {SHARED}")
    parts: list[str] = []
    n = 0
    while n < size:
        for t in texts:
            parts.append(t.rstrip("\n") + "\n\n")
            n += len(parts[-1].encode("utf-8"))
            if n >= size:
                break
    data = "".join(parts).encode("utf-8")[:size]
    cut = data.rfind(b"\n")
    return data[:cut + 1 if cut > 0 else len(data)].decode("utf-8", errors="ignore")


def _large(label: str, text: str, tmp: Path, timeout: float) -> float | None:
    path = tmp / f"{label}.txt"
    path.write_text(text, encoding="utf-8")
    mb = path.stat().st_size / MB
    wall, records = _extract([path], tmp / f"{label}.jsonl", timeout=timeout)
    if wall is None:
        print(f"{label}: {mb:.2f} MB: over {timeout:.0f} s (stopped)")
        return None
    print(f"{label}: {mb:.2f} MB in {wall:.2f} s: {wall / mb:.2f} s/MB, {mb / wall:.3f} MB/s, "
          f"records: {records}")
    return wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000, help="documents to extract (>= 2000)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (--jobs)")
    ap.add_argument("--sizes", default="1,2,4",
                    help="MB of the single real-text documents, comma-separated ('' for none)")
    ap.add_argument("--word-mb", type=float, default=2.4,
                    help="MB of the one-line repeated-word document (0 for none)")
    ap.add_argument("--word", default="Kesehatan", help="the repeated word")
    ap.add_argument("--timeout", type=float, default=900,
                    help="seconds after which one large-document run is stopped")
    a = ap.parse_args()
    sources = sorted([*SHARED.glob("seeds/*.txt"), *SHARED.glob("corpus/dev/*.txt")])
    if not sources:
        sys.exit(f"no documents under {SHARED}")
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="hdkg-bench-") as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        chars = 0
        for i in range(a.docs):
            src = sources[i % len(sources)]
            shutil.copy(src, folder / f"{i:06d}_{src.name}")
            chars += src.stat().st_size
        wall, records = _extract([folder], Path(tmp) / "out.jsonl", a.jobs)
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(f"documents: {a.docs} ({chars / 1e6:.1f} MB), jobs: {a.jobs}, records: {records}")
        print(f"wall time: {wall:.2f} s (start-up included)")
        print(f"throughput: {a.docs / wall:.0f} documents/s, {chars / MB / wall:.2f} MB/s")
        print(f"peak RSS of the largest child process: {peak_kb / 1024:.0f} MiB")
        times: dict[float, float | None] = {}
        for s in (float(x) for x in a.sizes.split(",") if x.strip()):
            times[s] = _large(f"real-{s:g}MB", real_text(int(s * MB)), Path(tmp), a.timeout)
        if times.get(1.0) and times.get(4.0):
            print(f"4 MB / 1 MB time: {times[4.0] / times[1.0]:.2f} (linear: 4)")
        if a.word_mb > 0:
            n = int(a.word_mb * MB) // (len(a.word.encode("utf-8")) + 1)
            _large(f"word-{a.word_mb:g}MB", " ".join([a.word] * n) + "\n", Path(tmp), a.timeout)


if __name__ == "__main__":
    main()
