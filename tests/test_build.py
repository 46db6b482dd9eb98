"""The graph core end to end on curated files: merge, RDF round trip, SHACL, stats, CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

from hdkg.graph.build import build_graph
from hdkg.graph.nx import to_networkx
from hdkg.graph.stats import data_stats, graph_stats
from hdkg.graph.store import open_graph
from hdkg.graph.validate import validate_graph

FACTS = """\
entities:
  - type: Country
    name: Indonesia
    iso3: IDN
  - type: Country
    name: Malaysia
    iso3: MYS
  - id: org/contoh-org
    type: Organization
    name: Contoh Organisation
  - id: org/contoh-board
    type: Organization
    name: Contoh Board
    parent: org/contoh-org
  - type: Person
    name: Rina Contoh
facts:
  - predicate: member_of
    subject: country/IDN
    object: org/contoh-board
    start: "2018"
    end: "2021"
  - predicate: member_of
    subject: country/MYS
    object: org/contoh-board
  - predicate: part_of
    subject: org/contoh-board
    object: org/contoh-org
  - predicate: holds_position
    subject: person/rina-contoh
    object: org/contoh-org
    role: Direktur
    start: "2020"
"""

SAME_FACT = """\
facts:
  - predicate: member_of
    subject: country/IDN
    object: org/contoh-board
    start: "2018"
    end: "2021"
"""


def hdkg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hdkg.cli", *args], capture_output=True,
                          text=True, cwd=cwd)


@pytest.fixture()
def built(tmp_path: Path) -> Path:
    (tmp_path / "a.yaml").write_text(FACTS, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(SAME_FACT, encoding="utf-8")
    out = tmp_path / "g"
    build_graph([tmp_path / "a.yaml", tmp_path / "b.yaml"], out, with_reference=False)
    return out


def test_same_fact_from_two_sources_merges(built: Path) -> None:
    data = open_graph(built).data
    facts = [f for f in data.iter_facts() if f.subject == "country/IDN"]
    assert len(facts) == 1
    docs = sorted(Path(s.document).name for s in facts[0].sources)
    assert docs == ["a.yaml", "b.yaml"]
    assert [s.line for s in sorted(facts[0].sources, key=lambda s: s.document)] == [18, 2]


def test_every_fact_and_entity_has_provenance(built: Path) -> None:
    data = open_graph(built).data
    assert all(f.sources for f in data.iter_facts())
    assert all(e.sources for e in data.entities.values() if e.type.value != "Document")
    docs = {e.name for e in data.entities.values() if e.type.value == "Document"}
    assert {Path(d).name for d in docs} == {"a.yaml", "b.yaml"}


def test_rdf_round_trip(built: Path, tmp_path: Path) -> None:
    g = open_graph(built)
    original = {t for t in rdflib.Graph().parse(data=g.ntriples(), format="nt")}
    for fmt, rdflib_fmt in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        out = tmp_path / f"x.{fmt}"
        r = hdkg("export", str(built), "--format", fmt, "-o", str(out))
        assert r.returncode == 0, r.stderr
        back = {t for t in rdflib.Graph().parse(out, format=rdflib_fmt)}
        assert back == original, fmt
    assert len(original) == g.manifest["triples"]


def test_shacl_passes_on_built_graph(built: Path) -> None:
    conforms, problems = validate_graph(open_graph(built).rdf_graph())
    assert conforms, problems


def test_shacl_fails_on_broken_fact(built: Path) -> None:
    rg = open_graph(built).rdf_graph()
    hd = rdflib.Namespace("https://w3id.org/hdkg/ontology#")
    # A membership whose member is a document and which has no provenance.
    fact = rdflib.URIRef("https://w3id.org/hdkg/id/fact/broken")
    doc = next(rg.subjects(rdflib.RDF.type, hd.Document))
    rg.add((fact, rdflib.RDF.type, hd.Fact))
    rg.add((fact, rdflib.RDF.type, hd.MembershipFact))
    rg.add((fact, hd.predicate, rdflib.Literal("member_of")))
    rg.add((fact, hd.subject, doc))
    rg.add((fact, hd.object, rdflib.URIRef("https://w3id.org/hdkg/id/org/contoh-org")))
    conforms, problems = validate_graph(rg)
    assert not conforms
    text = "\n".join(problems)
    assert "fact/broken" in text
    assert any("subject" in p for p in problems) and any("wasDerivedFrom" in p for p in problems)


def test_stats_counts(built: Path) -> None:
    g = open_graph(built)
    counts = graph_stats(g)
    assert counts == data_stats(g.data)
    assert counts["nodes"]["Country"] == 2 and counts["nodes"]["Person"] == 1
    assert counts["nodes"]["Organization"] == 2 and counts["nodes"]["Document"] == 2
    assert counts["relationships"] == {"CHAIR_OF": 0, "MEMBER_OF": 2, "HOLDS_POSITION": 1,
                                       "PART_OF": 1, "PARTY_TO": 0, "SIGNED": 0,
                                       "PARTICIPATED_IN": 0, "HOSTS": 0}


def test_networkx_and_gephi_exports(built: Path, tmp_path: Path) -> None:
    import networkx as nx

    g = to_networkx(open_graph(built).data)
    assert g.number_of_edges() == 4
    assert g.nodes["country/IDN"]["label"] == "Indonesia"
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"g.{fmt}"
        assert hdkg("export", str(built), "-f", fmt, "-o", str(out)).returncode == 0
        back = reader(out)
        assert back.number_of_edges() == 4 and back.number_of_nodes() == g.number_of_nodes()


def test_cli_end_to_end_on_a_curated_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(FACTS, encoding="utf-8")
    out = tmp_path / "graph"
    r = hdkg("build", str(tmp_path / "a.yaml"), "--out", str(out), "--no-reference")
    assert r.returncode == 0, r.stderr
    assert "4 facts" in r.stdout
    r = hdkg("stats", "--graph", str(out), "--format", "json")
    assert json.loads(r.stdout)["relationships"]["MEMBER_OF"] == 2
    r = hdkg("validate", str(out))
    assert r.returncode == 0 and "conforms" in r.stdout
    r = hdkg("export", str(out), "-f", "nt")
    assert r.returncode == 0 and "country/IDN" in r.stdout


def test_cli_bad_input_is_one_line_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("facts:\n  - predicate: chairs\n    subject: country/IDN\n    object: o/x\n")
    cases = [
        ("build", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o")),
        ("stats", "--graph", str(tmp_path / "nograph")),
        ("validate", str(tmp_path / "nograph")),
        ("export", str(tmp_path), "-f", "xml"),
    ]
    for args in cases:
        r = hdkg(*args)
        assert r.returncode == 1, (args, r.stderr)
        assert "Traceback" not in r.stderr and r.stderr.strip().count("\n") == 0, r.stderr
        assert r.stderr.startswith("error:"), r.stderr
    r = hdkg("build", str(bad), "--out", str(tmp_path / "o"), "--no-reference")
    assert r.returncode == 1 and "bad.yaml:2: facts[0].predicate" in r.stderr
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "o").exists()


def test_every_command_has_help() -> None:
    for args in (["--help"], ["build", "--help"], ["validate", "--help"], ["export", "--help"],
                 ["stats", "--help"], ["extract", "--help"], ["query", "--help"],
                 ["neo4j", "start", "--help"], ["load", "neo4j", "--help"],
                 ["review", "duplicates", "--help"]):
        r = hdkg(*args)
        assert r.returncode == 0 and "Usage" in r.stdout, args


def test_rebuild_replaces_graph_atomically(built: Path, tmp_path: Path) -> None:
    before = (built / "records.jsonl").read_text()
    (tmp_path / "only.yaml").write_text(SAME_FACT.replace("country/IDN", "country/MYS"))
    (tmp_path / "mys.yaml").write_text(
        "entities:\n  - {type: Country, name: Malaysia, iso3: MYS}\n"
        "  - {id: org/contoh-board, type: Organization, name: Contoh Board}\n")
    build_graph([tmp_path / "mys.yaml", tmp_path / "only.yaml"], built, with_reference=False)
    after = (built / "records.jsonl").read_text()
    assert after != before and "country/IDN" not in after
    assert not list(built.parent.glob(".g.*"))
