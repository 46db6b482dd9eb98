"""Resolution measured: pairs of mentions across the shared documents that must merge or not.

Pairwise precision (merged pairs that should be merged) and recall (pairs that should be
merged that were) over tests/data/resolution_pairs.yaml; both must be >= 0.95.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hdkg.graph.build import build_data

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DOCS = [SHARED / "seeds", SHARED / "corpus" / "dev"]


@pytest.fixture(scope="module")
def graph():
    if not all(d.is_dir() for d in DOCS):
        pytest.skip(f"shared documents not found under {SHARED}")
    return build_data(DOCS)


def node_of(graph, doc: str, mention: str) -> str:
    """The node a mention of `doc` ended up in (its name or aliases, a source in `doc`)."""
    text = next(d / doc for d in DOCS if (d / doc).exists()).read_text(encoding="utf-8")
    assert mention in text, f"{mention!r} is not in {doc}"
    hits = [e.id for e in graph.entities.values()
            if (mention == e.name or mention in e.aliases)
            and any(s.document == doc for s in e.sources)]
    assert len(hits) <= 1, (doc, mention, hits)
    return hits[0] if hits else f"(not found: {doc} {mention})"


def test_pairwise_precision_and_recall(graph) -> None:
    pairs = yaml.safe_load((ROOT / "tests" / "data" / "resolution_pairs.yaml").read_text())
    tp = fp = fn = 0
    wrong = []
    for p in pairs["pairs"]:
        a, b = node_of(graph, *p["a"]), node_of(graph, *p["b"])
        merged = a == b and not a.startswith("(not found")
        if merged and p["same"]:
            tp += 1
        elif merged:
            fp += 1
            wrong.append(f"merged but different: {p['a']} {p['b']} -> {a}")
        elif p["same"]:
            fn += 1
            wrong.append(f"not merged: {p['a']} -> {a}; {p['b']} -> {b}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"resolution pairs: precision {precision:.3f} recall {recall:.3f} "
          f"(tp {tp}, fp {fp}, fn {fn})")
    assert precision >= 0.95 and recall >= 0.95, "\n".join(wrong)


def test_ids_stay_when_documents_are_added(graph) -> None:
    """Unknown entities keep their ids when more documents come in: every node of a graph of
    the seed documents is still there, under the same id, once the dev corpus is added."""
    seeds_only = build_data([DOCS[0]])
    missing = sorted(set(seeds_only.entities) - set(graph.entities))
    assert not missing, missing
