"""Curated YAML/CSV files: validated, every problem with file:line:field, all in one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from hdkg.loaders.curated import CuratedError, load_curated

GOOD = """\
entities:
  - type: Country
    name: Indonesia
    iso3: IDN
  - type: Forum
    name: Forum Contoh
facts:
  - predicate: chair_of
    subject: country/IDN
    object: forum/forum-contoh
    start: "2020"
    end: "2022"
"""

BAD = """\
entities:
  - type: Country
    name: Indonesia
facts:
  - predicate: chair_of
    subject: country/IDN
    object: forum/forum-contoh
    start: "2020-13"
  - predicate: leads
    subject: country/IDN
    object: forum/forum-contoh
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_good_yaml_gives_records_with_file_and_line(tmp_path: Path) -> None:
    recs = load_curated([write(tmp_path, "good.yaml", GOOD)])
    assert [e.id for e in recs.entities] == ["country/IDN", "forum/forum-contoh"]
    (fact,) = recs.facts
    assert (fact.subject, fact.object, fact.start, fact.end) == (
        "country/IDN", "forum/forum-contoh", "2020", "2022")
    (source,) = fact.sources
    assert source.line == 8 and source.loader == "curated"
    assert source.document.endswith("good.yaml")


def test_every_problem_reported_with_file_line_field(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", BAD)
    with pytest.raises(CuratedError) as info:
        load_curated([path])
    problems = info.value.problems
    assert len(problems) == 3, problems
    assert any("bad.yaml:2:" in p and "entities[0]" in p and "iso3" in p for p in problems)
    assert any("bad.yaml:8:" in p and "facts[0].start" in p for p in problems)
    assert any("bad.yaml:9:" in p and "facts[1].predicate" in p for p in problems)


def test_invalid_file_contributes_nothing(tmp_path: Path) -> None:
    good = write(tmp_path, "good.yaml", GOOD)
    bad = write(tmp_path, "bad.yaml", BAD)
    with pytest.raises(CuratedError) as info:
        load_curated([good, bad])
    assert all("good.yaml" not in p for p in info.value.problems)


def test_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.yaml", "facts:\n  - predicate: chair_of\n    subject: [\n")
    with pytest.raises(CuratedError, match=r"broken\.yaml:\d+: not valid YAML"):
        load_curated([path])


def test_unknown_section_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", "facs: []\nfacts:\n  - predicate: hosts\n"
                 "    subject: country/IDN\n    object: org/x\n    colour: red\n")
    with pytest.raises(CuratedError) as info:
        load_curated([path])
    text = "\n".join(info.value.problems)
    assert "x.yaml:1: facs: unknown section" in text
    assert "x.yaml:6: facts[0].colour" in text


def test_csv_facts_and_errors(tmp_path: Path) -> None:
    good = write(tmp_path, "f.csv", "predicate,subject,object,start,end\n"
                 "member_of,country/IDN,org/who-executive-board,2018,2021\n")
    (fact,) = load_curated([good]).facts
    assert fact.sources[0].line == 2 and fact.end == "2021"
    bad = write(tmp_path, "g.csv", "predicate,subject,object,start\n"
                "member_of,country/IDN,org/x,2018\nmember_of,country/IDN,org/x,18\n")
    with pytest.raises(CuratedError, match=r"g\.csv:3: facts\[1\]\.start"):
        load_curated([bad])
    header = write(tmp_path, "h.csv", "pred,subject\n")
    with pytest.raises(CuratedError, match=r"h\.csv:1: header"):
        load_curated([header])


def test_negated_fact(tmp_path: Path) -> None:
    path = write(tmp_path, "n.yaml", "facts:\n  - predicate: hosts\n    subject: country/IDN\n"
                 "    object: org/x\n    negated: true\n")
    recs = load_curated([path])
    assert recs.facts == [] and len(recs.negated) == 1
