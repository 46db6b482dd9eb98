"""The model: what it accepts, what it refuses, and the artefacts generated from it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from pydantic import ValidationError
from rdflib.compare import isomorphic

from hdkg.schema.generate import artefacts
from hdkg.schema.models import Entity, EntityType, Fact, Predicate, Source, make_id

ROOT = Path(__file__).resolve().parents[1]


def src(doc: str = "a.txt") -> Source:
    return Source(document=doc, evidence="Indonesia chaired it.", span=(0, 21), loader="test")


@pytest.mark.parametrize("value", ["2020", "2020-06", "2020-06-29", "2024-02-29"])
def test_partial_dates_accepted(value: str) -> None:
    f = Fact(predicate=Predicate.chair_of, subject="country/IDN", object="forum/x", start=value)
    assert f.start == value


@pytest.mark.parametrize("value", ["20", "2020-13", "2020-02-30", "2023-02-29", "29/7/2019",
                                   "2020-6", "year 2020", ""])
def test_bad_dates_refused(value: str) -> None:
    with pytest.raises(ValidationError):
        Fact(predicate=Predicate.chair_of, subject="country/IDN", object="forum/x", date=value)


def test_end_before_start_refused() -> None:
    with pytest.raises(ValidationError, match="before start"):
        Fact(predicate=Predicate.member_of, subject="country/IDN", object="org/who",
             start="2021", end="2019")


def test_ids_must_match_type_and_syntax() -> None:
    with pytest.raises(ValidationError, match="does not start with"):
        Entity(id="org/indonesia", type=EntityType.Country, name="Indonesia", iso3="IDN")
    with pytest.raises(ValidationError, match="needs iso3"):
        Entity(id="country/IDN", type=EntityType.Country, name="Indonesia")
    with pytest.raises(ValidationError):
        Fact(predicate=Predicate.hosts, subject="country IDN", object="org/x")
    with pytest.raises(ValidationError):
        Fact(predicate="signs", subject="country/IDN", object="org/x")


def test_unknown_agreement_kind_refused() -> None:
    with pytest.raises(ValidationError, match="unknown agreement kind"):
        Entity(id="agreement/x", type=EntityType.Agreement, name="x", kind="Treaty-ish")


def test_source_confidence_and_span_checked() -> None:
    with pytest.raises(ValidationError):
        Source(document="a", loader="t", confidence=1.5)
    with pytest.raises(ValidationError):
        Source(document="a", loader="t", span=(10, 2))


def test_make_id_is_stable_and_readable() -> None:
    assert make_id(EntityType.Country, "idn") == "country/IDN"
    assert make_id(EntityType.Person, "Budi Gunadi Sadikin") == "person/budi-gunadi-sadikin"
    assert make_id(EntityType.Forum, "Forum BIMST") == "forum/forum-bimst"
    assert make_id(EntityType.Document, "d01 kolombia.txt") == "doc/d01-kolombia.txt"
    assert make_id(EntityType.Person, "Ségolène Royal") == "person/segolene-royal"


def test_fact_key_ignores_sources() -> None:
    a = Fact(predicate=Predicate.chair_of, subject="country/IDN", object="forum/x",
             start="2020", sources=[src("a")])
    b = Fact(predicate=Predicate.chair_of, subject="country/IDN", object="forum/x",
             start="2020", sources=[src("b")])
    assert a.key() == b.key() and a.fact_id() == b.fact_id()
    c = a.replace(start="2021")
    assert c.fact_id() != a.fact_id()


def test_generated_artefacts_are_current() -> None:
    """schema/*.ttl, curated.schema.json and neo4j.cypher are what the model generates."""
    for name, text in artefacts().items():
        committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
        if name.endswith(".ttl"):
            assert isomorphic(rdflib.Graph().parse(data=committed, format="turtle"),
                              rdflib.Graph().parse(data=text, format="turtle")), name
        elif name.endswith(".json"):
            assert json.loads(committed) == json.loads(text), name
        else:
            assert committed == text, name


def test_vocabulary_reuses_standards() -> None:
    g = rdflib.Graph().parse(ROOT / "schema" / "vocabulary.ttl")
    org = rdflib.Namespace("http://www.w3.org/ns/org#")
    hd = rdflib.Namespace("https://w3id.org/hdkg/ontology#")
    assert (hd.Chairmanship, rdflib.RDFS.subClassOf, org.Membership) in g
    assert (hd.Organization, rdflib.RDFS.subClassOf, org.Organization) in g


def test_json_schema_validates_curated_example() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "schema" / "curated.schema.json").read_text())
    good = {"facts": [{"predicate": "chair_of", "subject": "country/IDN",
                       "object": "forum/x", "start": "2020"}]}
    jsonschema.validate(good, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"facts": [{"predicate": "rules", "subject": "a/b",
                                        "object": "c/d"}]}, schema)


def test_no_generic_top_level_modules_installed(tmp_path: Path) -> None:
    """`schema`, `graph`, `loaders`, `queries` live under hdkg.*, never at the top level."""
    code = ("import importlib.util, json; print(json.dumps({m: (importlib.util.find_spec(m) "
            "or None) and importlib.util.find_spec(m).origin for m in "
            "['schema','graph','loaders','queries']}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                         text=True, check=True)
    found = json.loads(out.stdout)
    for name, origin in found.items():
        assert origin is None or str(ROOT) not in str(origin), f"{name} importable: {origin}"
    import hdkg.graph
    import hdkg.loaders
    import hdkg.queries
    import hdkg.schema  # noqa: F401
