"""The synthetic-data generator of the benchmarks: reproducible, and true of its own text."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import synthetic as gen


def _read_dir(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _gold(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "gold.jsonl").read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    gen.generate_documents(40, out, seed=7)
    return out


def test_same_seed_same_bytes_other_seed_differs(tmp_path: Path, docs: Path) -> None:
    again = tmp_path / "again"
    gen.generate_documents(40, again, seed=7)
    assert _read_dir(again) == _read_dir(docs)
    other = tmp_path / "other"
    gen.generate_documents(40, other, seed=8)
    assert _read_dir(other) != _read_dir(docs)

    a = [json.dumps(r) for r in gen.generate_fact_records(500, seed=3)]
    b = [json.dumps(r) for r in gen.generate_fact_records(500, seed=3)]
    c = [json.dumps(r) for r in gen.generate_fact_records(500, seed=4)]
    assert a == b
    assert a != c


def _is_english(text: str) -> bool:
    words = text.split()
    return words.count("the") > words.count("dan")


def test_document_count_sizes_and_language_mix(tmp_path: Path) -> None:
    paths = gen.generate_documents(60, tmp_path, seed=1, english_share=0.3)
    assert len(paths) == 60 and all(p.suffix == ".txt" and p.exists() for p in paths)
    texts = [p.read_text("utf-8") for p in paths]
    english = sum(_is_english(t) for t in texts)
    assert 6 <= english <= 30
    sizes = sorted(len(t.encode("utf-8")) for t in texts)
    assert sizes[len(sizes) // 2] >= 2000 and sizes[-1] <= 6000
    for t in texts:
        paragraphs = [p for p in t.split("\n\n") if p.strip()]
        assert 2 + 2 <= len(paragraphs) <= 2 + 10  # title, dateline, body

    only_id = gen.generate_documents(10, tmp_path / "id", seed=1, english_share=0.0)
    assert not any(_is_english(p.read_text("utf-8")) for p in only_id)


def test_gold_is_true_of_the_text(docs: Path) -> None:
    """Every name, mention and evidence sentence of the gold occurs in its document."""
    gold = _gold(docs)
    texts = {p.name: p.read_text("utf-8") for p in docs.glob("*.txt")}
    assert {g["doc"] for g in gold} == set(texts)
    names: dict[tuple[str, str], list[str]] = {}
    for g in gold:
        if g["kind"] == "entity":
            text = texts[g["doc"]]
            for alias in g["aliases"]:
                assert alias in text, (g["doc"], alias)
            forms = [g["name"], *g["aliases"]]
            assert any(f in text for f in forms), (g["doc"], g["name"])
            names[(g["doc"], g["name"])] = forms
            if g["type"] == "Country":
                assert len(g["iso3"]) == 3
    predicates = Counter()
    for g in (g for g in gold if g["kind"] == "fact"):
        text = texts[g["doc"]]
        predicates[g["predicate"]] += 1
        assert g["evidence"] in text
        for end in (g["subject"], g["object"]):
            assert (g["doc"], end) in names, (g["doc"], end)
            assert any(f in text for f in names[(g["doc"], end)]), (g["doc"], end)
        for k in ("start", "end", "date"):
            if k in g:
                assert 2005 <= int(g[k][:4]) <= 2025
    assert set(predicates) == {"chair_of", "member_of", "holds_position", "part_of",
                               "agreement_with", "participated_in", "hosts"}


def test_fact_stream_count_and_ends(tmp_path: Path) -> None:
    records = gen.generate_fact_records(5000, seed=2)
    assert isinstance(records, Iterator)  # streams: nothing is built up front
    facts = 0
    docs_seen: list[str] = []
    entities: set[tuple[str, str, str]] = set()
    for r in records:
        if r["kind"] == "document":
            assert r["doc"] not in docs_seen and r["language"] in ("id", "en")
            docs_seen.append(r["doc"])
            continue
        assert r["doc"] == docs_seen[-1]  # grouped per document
        if r["kind"] == "entity":
            entities.add((r["doc"], r["type"], r["name"]))
            if r["type"] == "Country":
                assert len(r["iso3"]) == 3
            continue
        facts += 1
        for end in (r["subject"], r["object"]):
            assert (r["doc"], end["type"], end["name"]) in entities
        assert r["rule"] == "synthetic" and r["evidence"]
        assert r["span"][1] - r["span"][0] == len(r["evidence"])
        if r["predicate"] == "agreement_with":
            assert r["agreement"]["kind"] and r["agreement"]["date"] == r["date"]
    assert facts == 5000
    assert 5000 / 16 <= len(docs_seen) <= 5000 / 5

    out = tmp_path / "facts.jsonl"
    n_records, n_facts = gen.write_fact_records(5000, out, seed=2)
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == n_records and n_facts == 5000
    assert sum(json.loads(line)["kind"] == "fact" for line in lines) == 5000


def test_stream_distributions() -> None:
    facts = [r for r in gen.generate_fact_records(20000, seed=5) if r["kind"] == "fact"]
    with_period = sum(1 for f in facts if "start" in f or "date" in f)
    assert 0.3 < with_period / len(facts) < 0.9
    countries = {f[e]["name"] for f in facts for e in ("subject", "object")
                 if f[e]["type"] == "Country"}
    persons = {f["subject"]["name"] for f in facts if f["subject"]["type"] == "Person"}
    assert 60 < len(countries) < 600
    assert len(persons) > 1000


def test_graph_data_validates_and_has_the_facts() -> None:
    from hdkg.schema.models import FACT_ADAPTER, Entity, check_ends

    data = gen.synthetic_graph(3000, seed=1, shape="documents")
    assert 0.7 * 3000 <= len(data.facts) <= 3000  # merged duplicates are the difference
    for e in data.entities.values():
        Entity.model_validate(e.model_dump())
    types = data.types()
    for f in data.facts.values():
        assert FACT_ADAPTER.validate_python(FACT_ADAPTER.dump_python(f)) == f
        assert check_ends(f, types) is None, check_ends(f, types)
        assert f.sources and f.sources[0].document.startswith("syn1_")


def test_cli_docs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert gen.main(["docs", "3", str(tmp_path), "--seed", "2"]) == 0
    assert "3 documents" in capsys.readouterr().out
    assert len(list(tmp_path.glob("*.txt"))) == 3 and (tmp_path / "gold.jsonl").exists()
