"""Resolution across documents measured on the gold of the shared corpora (bench/resolution.py).

The gold entity records of corpus/press, corpus/dev and seeds go through the project's
build as extraction records, without the gold's grouping; the nodes they land in are
compared with the gold's identity pair by pair. Skipped where ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import resolution

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def resolved():
    bench = resolution
    if not all((SHARED / d / "gold.jsonl").is_file() for d in bench.GOLD_DIRS):
        pytest.skip(f"gold not found under {SHARED}")
    gold = bench.gold_entities(SHARED)
    return bench, gold, bench.resolve_gold(gold)


def test_pairwise_precision_and_recall_on_gold(resolved) -> None:
    bench, gold, nodes = resolved
    s = bench.score(gold, nodes)
    print(f"gold resolution: precision {s.precision:.4f} recall {s.recall:.4f} "
          f"(tp {s.tp}, fp {s.fp}, fn {s.fn})")
    merged = [f"{a['name']} ({a['doc']}) = {b['name']} ({b['doc']})" for a, b in s.wrong_merges]
    missed = [f"{a['name']} ({a['doc']}) / {b['name']} ({b['doc']})" for a, b in s.missed]
    assert s.precision >= 0.98, "\n".join(merged)
    assert s.recall >= 0.95, "\n".join(missed)


def test_every_gold_entity_is_traced(resolved) -> None:
    _bench_, gold, nodes = resolved
    lost = [(r["doc"], r["name"]) for r in gold if (r["doc"], r["name"]) not in nodes]
    assert not lost


def test_two_budis_stay_two(resolved) -> None:
    _bench_, gold, nodes = resolved
    ids = {nodes[(r["doc"], r["name"])] for r in gold
           if r["name"] in ("Budi Gunadi Sadikin", "Budi Karya Sumadi")}
    assert len(ids) == 2
