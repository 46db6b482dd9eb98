"""Benchmark: resolution across documents measured on the gold of the shared corpora.

    python bench/resolution.py [--shared ../shared] [--show 40]

The gold entity records of `corpus/press`, `corpus/dev` and `seeds` (name, aliases, type,
ISO code, date: what an extractor gives, without the gold's grouping) are fed to the
project's build as extraction records, one document each, and resolved as any build
resolves them. Two gold entities are one thing when they have the same canonical name
(compared as `name_key`: case, accents and punctuation aside) and the same type, with
Organization and Forum one class as in the extraction contract. The annotators wrote each
document's canonical names on their own, so one thing has several across documents
("PBB", "United Nations"; "Singapura", "Singapore"): two gold entities are also one thing
when the gold says so itself, by the same ISO code for countries, or when each one's
canonical name is among the other's names (both ways, so that "Health Working Group" of
APEC is not taken for G20's, whose aliases include it); identity is the closure of these.
Pairwise precision and recall over all pairs of gold entities are printed, with the
literal reading (canonical name and type only) beside them, and the pairs the resolver and
the gold disagree on.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from hdkg.graph.build import BuildReport, build_data
from hdkg.schema.models import name_key

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
GOLD_DIRS = ("corpus/press", "corpus/dev", "seeds")


@dataclass
class Scores:
    precision: float
    recall: float
    tp: int
    fp: int
    fn: int
    wrong_merges: list[tuple[dict, dict]] = field(default_factory=list)
    missed: list[tuple[dict, dict]] = field(default_factory=list)


def gold_entities(shared: Path) -> list[dict]:
    """Every gold entity record of the three sets, in file order."""
    out = []
    for d in GOLD_DIRS:
        with open(shared / d / "gold.jsonl", encoding="utf-8") as f:
            out.extend(r for r in map(json.loads, f) if r.get("kind") == "entity")
    return out


def as_extraction(r: dict) -> dict:
    """The record an extractor would write for a gold entity: no grouping, no flags."""
    row = {"kind": "entity", "doc": r["doc"], "type": r["type"], "name": r["name"],
           "mentions": [r["name"], *[a for a in r.get("aliases") or [] if a != r["name"]]]}
    for k in ("iso3", "date"):
        if r.get(k):
            row[k] = r[k]
    return row


def resolve_gold(gold: list[dict]) -> dict[tuple[str, str], str]:
    """(doc, name) -> the node the build put each gold entity in."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in gold:
        by_doc[r["doc"]].append(as_extraction(r))
    trace: dict[tuple[str, str], str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gold-entities.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for doc in sorted(by_doc):
                for row in by_doc[doc]:
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
        build_data([path], report=BuildReport(), trace=trace)
    return trace


def _class(r: dict) -> str:
    return "Body" if r["type"] in ("Organization", "Forum") else r["type"]


def truth_labels(gold: list[dict], literal: bool = False) -> list[int]:
    """The real thing of every gold entity (a number), by the rules of the module doc."""
    parent = list(range(len(gold)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[find(j)] = find(i)

    first: dict[tuple, int] = {}
    for i, r in enumerate(gold):
        keys = [(_class(r), name_key(r["name"]))]
        if not literal and _class(r) == "Country" and r.get("iso3"):
            keys.append(("iso3", r["iso3"]))
        for k in keys:
            join(first.setdefault(k, i), i)
    if not literal:
        names = [{name_key(a) for a in [r["name"], *(r.get("aliases") or [])]} for r in gold]
        by_name: dict[tuple, list[int]] = defaultdict(list)
        for i, r in enumerate(gold):
            for n in names[i]:
                by_name[(_class(r), n)].append(i)
        for i, r in enumerate(gold):
            for j in by_name[(_class(r), name_key(r["name"]))]:
                if name_key(gold[j]["name"]) in names[i]:
                    join(i, j)
    return [find(i) for i in range(len(gold))]


def score(gold: list[dict], nodes: dict[tuple[str, str], str], literal: bool = False) -> Scores:
    """Pairwise precision and recall of the nodes against the gold's identity."""
    node = [nodes.get((r["doc"], r["name"]), f"(lost) {r['doc']} {r['name']}") for r in gold]
    truth = truth_labels(gold, literal)
    both = Counter(zip(node, truth, strict=True))
    by_node, by_truth = Counter(node), Counter(truth)

    def pairs(c: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in c.values())

    tp = pairs(both)
    fp, fn = pairs(by_node) - tp, pairs(by_truth) - tp
    s = Scores(tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0,
               tp, fp, fn)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(node):
        groups[n].append(i)
    for idx in groups.values():
        for a, i in enumerate(idx):
            for j in idx[a + 1:]:
                if truth[i] != truth[j]:
                    s.wrong_merges.append((gold[i], gold[j]))
    tgroups: dict[int, list[int]] = defaultdict(list)
    for i, t in enumerate(truth):
        tgroups[t].append(i)
    for idx in tgroups.values():
        for a, i in enumerate(idx):
            for j in idx[a + 1:]:
                if node[i] != node[j]:
                    s.missed.append((gold[i], gold[j]))
    return s


def _show(r: dict) -> str:
    return f"{r['name']!r} [{r['type']}] ({r['doc'][:4]})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--show", type=int, default=40, help="disagreements to list (each side)")
    args = ap.parse_args(argv)
    if not all((args.shared / d / "gold.jsonl").is_file() for d in GOLD_DIRS):
        print(f"no gold under {args.shared}", file=sys.stderr)
        return 2
    gold = gold_entities(args.shared)
    nodes = resolve_gold(gold)
    docs = len({r["doc"] for r in gold})
    print(f"gold entities: {len(gold)} in {docs} documents -> {len(set(nodes.values()))} nodes")
    for label, literal in (("gold identity", False), ("literal (name and type only)", True)):
        s = score(gold, nodes, literal)
        print(f"{label}: pairwise precision {s.precision:.4f} recall {s.recall:.4f} "
              f"(tp {s.tp}, fp {s.fp}, fn {s.fn})")
    s = score(gold, nodes)
    print(f"\nmerged, gold names differ ({len(s.wrong_merges)} pairs):")
    for a, b in s.wrong_merges[:args.show]:
        print(f"  {_show(a)} = {_show(b)}")
    print(f"\nsame gold name, not merged ({len(s.missed)} pairs):")
    for a, b in s.missed[:args.show]:
        print(f"  {_show(a)} / {_show(b)} -> {nodes.get((a['doc'], a['name']))} | "
              f"{nodes.get((b['doc'], b['name']))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
