"""Saved queries on the embedded RDF store: catalogue, parameters, answers, hostile input, CLI.

The Neo4j half (the same rows through Cypher) is in test_queries_parity.py.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from hdkg.graph.build import build_graph
from hdkg.graph.store import BuiltGraph, open_graph
from hdkg.queries.catalogue import catalogue, get_spec, parse_header
from hdkg.queries.run import (
    LIMIT_DEFAULT,
    LIMIT_MAX,
    entity_index,
    normalise,
    run_query,
    run_sparql,
)
from hdkg.schema.errors import UserError

DATA = Path(__file__).resolve().parent / "data" / "queries_graph.yaml"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

REQUIRED = {"chairs", "memberships", "posts", "agreements", "events", "hosts", "shared_forums",
            "structure", "evidence", "timeline", "neighbours"}
COLUMNS = {
    "chairs": ["actor", "body", "start", "end", "sources"],
    "memberships": ["member", "body", "start", "end", "sources"],
    "posts": ["person", "role", "organization", "start", "end", "sources"],
    "agreements": ["party", "counterpart", "agreement", "kind", "date", "signatories"],
    "events": ["participant", "event", "date"],
    "hosts": ["host", "hosted", "start", "end"],
    "shared_forums": ["a", "b", "body"],
    "structure": ["body", "parent", "depth"],
    "evidence": ["subject", "predicate", "object", "document", "evidence"],
    "timeline": [],
    "neighbours": [],
}
PARAMS = {
    "chairs": {"actor", "body", "year"}, "memberships": {"member", "body", "year"},
    "posts": {"person", "organization", "year"}, "agreements": {"party", "year"},
    "events": {"participant", "event"}, "shared_forums": {"a", "b"},
    "structure": {"organization"}, "evidence": {"subject", "predicate", "object"},
    "timeline": {"entity"}, "neighbours": {"entity", "k", "limit"},
}

# Bodies with two parents (a DAG) and part_of cycles (tests/data/part_of.yaml), with the
# (body, parent, depth) rows both backends must give: depth counts the bodies of the
# organisation the body is part of, itself included, each once.
PART_OF_DIR = Path(__file__).resolve().parent / "data"
PART_OF_GRAPH = (PART_OF_DIR / "part_of.yaml").read_text(encoding="utf-8")
STRUCTURE_EXPECTED = {org: [tuple(row) for row in rows] for org, rows in json.loads(
    (PART_OF_DIR / "part_of_structure.json").read_text(encoding="utf-8")).items()}

HOSTILE = [
    'x"}) DETACH DELETE n //',
    "x'}) MATCH (n) DETACH DELETE n RETURN 1 //",
    '" } ; DROP GRAPH <urn:x> ; SELECT * { ?s ?p "',
    "> } DELETE WHERE { ?s ?p ?o } #",
    "{{actor}} ${actor} $actor ?actor",
    "nul\x00byte",
    "\\u0022) } #",
    "Indonesia\x00",
    "x" * 10_000,
    "</script><!--",
]


def _rows(result) -> list[tuple]:
    return [tuple(r.values()) for r in result.rows]


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> BuiltGraph:
    out = tmp_path_factory.mktemp("qgraph") / "g"
    build_graph([DATA], out, with_reference=False)
    return open_graph(out)


@pytest.fixture(scope="module")
def part_of_graph(tmp_path_factory: pytest.TempPathFactory) -> BuiltGraph:
    folder = tmp_path_factory.mktemp("partof")
    (folder / "part_of.yaml").write_text(PART_OF_GRAPH, encoding="utf-8")
    build_graph([folder / "part_of.yaml"], folder / "g", with_reference=False)
    return open_graph(folder / "g")


# ---------------------------------------------------------------- catalogue

def test_catalogue_has_every_question_with_its_columns_and_params() -> None:
    specs = {s.name: s for s in catalogue()}
    assert REQUIRED <= set(specs)
    for name, cols in COLUMNS.items():
        have = specs[name].column_names
        assert [c for c in have if c in cols] == cols, name
    for name, params in PARAMS.items():
        assert params <= {p.name for p in specs[name].params}, name
    for s in specs.values():
        assert s.question and s.pertanyaan
        for p in s.params:
            assert not p.required or p.example, f"{s.name}.{p.name} needs an example"


def test_both_files_of_a_query_open_with_the_same_header() -> None:
    for s in catalogue():
        assert s.cypher.startswith("// name: ") and s.sparql.startswith("# name: ")
        assert parse_header(s.cypher, "//", "c") == parse_header(s.sparql, "#", "s")


def test_order_header_sorts_rows_and_must_name_columns() -> None:
    header = "# name: x\n# question: q\n# pertanyaan: p\n# columns: a, b, c\n"
    assert parse_header(header + "# order: c, a\n", "#", "x").order == ("c", "a")
    assert parse_header(header, "#", "x").order == ()
    for bad in ("# order: d\n", "# order: a, a\n"):
        with pytest.raises(ValueError, match="order"):
            parse_header(header + bad, "#", "x")
    spec = get_spec("neighbours")
    assert spec.order == ("distance", "type", "neighbour")
    assert spec.sort_columns == ["distance", "type", "neighbour"]


def test_limit_default_and_maximum_agree_in_runner_headers_and_texts() -> None:
    """The runner fills in the default and SPARQL's fixed LIMIT is the maximum: all one."""
    limited = [s for s in catalogue() if s.param("limit")]
    assert [s.name for s in limited] == ["neighbours", "posts"]
    for s in limited:
        p = s.param("limit")
        assert p.type == "int" and not p.required and p.example == str(LIMIT_DEFAULT)
        assert f"1 to {LIMIT_MAX} (default {LIMIT_DEFAULT})" in p.doc
        assert s.cypher.rstrip().endswith(f"LIMIT coalesce($limit, {LIMIT_DEFAULT})")
        assert s.sparql.rstrip().endswith(f"LIMIT {LIMIT_MAX}")
        assert s.order, f"{s.name}: a limit needs an order: header (the rows it keeps)"
    # neighbours also stops walking rings once `limit` entities are near.
    neighbours = get_spec("neighbours")
    assert neighbours.sparql.count(f"COALESCE(?limit, {LIMIT_DEFAULT})") >= 2
    assert neighbours.cypher.count(f"coalesce($limit, {LIMIT_DEFAULT})") == 2


def test_sparql_files_are_complete_queries() -> None:
    """Every .rq parses and runs as it is, with no parameter bound (what an endpoint sees)."""
    import pyoxigraph as ox

    store = ox.Store()
    for s in catalogue():
        assert list(store.query(s.sparql)) == []
        assert "$" not in s.sparql.split("SELECT", 1)[1], f"{s.name}: use ?vars in SPARQL"


def test_every_query_runs_with_its_examples(graph: BuiltGraph) -> None:
    for s in catalogue():
        result = run_query(s.name, s.example_params(), graph=graph)
        assert result.columns == s.column_names
        assert result.rows, f"{s.name} --example found nothing on the fixture graph"


# ---------------------------------------------------------------- parameters

@pytest.mark.parametrize(("name", "params", "message"), [
    ("nope", {}, "unknown query"),
    ("chairs", {"colour": "red"}, "no parameter 'colour'"),
    ("chairs", {"year": "20x1"}, "must be a year"),
    ("chairs", {"year": "12345"}, "must be a year"),
    ("memberships", {"year": "2021-05"}, "must be a year"),
    ("neighbours", {"entity": "Indonesia", "k": "two"}, "must be an integer"),
    ("neighbours", {"entity": "Indonesia", "k": "9"}, "between 1 and 3"),
    ("neighbours", {"entity": "Indonesia", "limit": "0"}, "between 1 and 5000"),
    ("neighbours", {"entity": "Indonesia", "limit": "5001"}, "between 1 and 5000"),
    ("neighbours", {"entity": "Indonesia", "limit": "all"}, "must be an integer"),
    ("evidence", {"predicate": "likes"}, "must be one of"),
    ("structure", {}, "needs parameter 'organization'"),
    ("shared_forums", {"a": "Indonesia"}, "needs parameter 'b'"),
    ("chairs", {"actor": "  "}, "is empty"),
])
def test_bad_parameters_are_one_line_user_errors(graph: BuiltGraph, name: str, params: dict,
                                                 message: str) -> None:
    with pytest.raises(UserError, match=message) as info:
        run_query(name, params, graph=graph)
    assert "\n" not in str(info.value)


def test_missing_graph_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no graph"):
        run_query("chairs", {}, graph_dir=tmp_path / "none")


def test_names_aliases_codes_case_and_accents_resolve(graph: BuiltGraph) -> None:
    index = entity_index(store=graph.store)
    for value in ("Indonesia", "indonesia", "IDN", "idn", "RI", "Republik  Indonesia",
                  "country/IDN"):
        assert index.resolve(value) == ["country/IDN"], value
    assert index.resolve("turkiye") == index.resolve("TÜRKİYE".lower()) == ["country/TUR"]
    assert index.resolve("cote d'ivoire") == ["country/CIV"]
    assert index.resolve("jose ramos") == ["person/jose-ramos"]
    assert normalise("  Côte  d'Ivoire ") == "cote d'ivoire"
    a = run_query("memberships", {"member": "turkiye"}, graph=graph)
    b = run_query("memberships", {"member": "Türkiye"}, graph=graph)
    assert a.rows == b.rows and {r["body"] for r in a.rows} == {"Organisasi Kerjasama Islam",
                                                               "G20"}


# ---------------------------------------------------------------- expected answers

def test_chairs_of_indonesia_with_periods(graph: BuiltGraph) -> None:
    rows = {(r["body"], r["start"], r["end"])
            for r in run_query("chairs", {"actor": "RI"}, graph=graph).rows}
    assert {("Kerja Sama Kesehatan ASEAN", "2020", "2022"),
            ("Cluster 1: Promosi Gaya Hidup Sehat", "2016", "2018"),
            ("Foreign Policy and Global Health", "2020", "2020"),
            ("Kerja Sama Medicines, Vaccines and Medical Technology OKI", "2017", "2019"),
            ("Kerja Sama Medicines, Vaccines and Medical Technology OKI", "2020", "2021"),
            ("Forum BIMST", None, None)} <= rows
    sources = run_query("chairs", {"actor": "IDN"}, graph=graph).rows[0]["sources"]
    assert len(sources) == 1 and sources[0].endswith("queries_graph.yaml")


def test_year_means_in_force(graph: BuiltGraph) -> None:
    def bodies(year: int) -> set[str]:
        rows = run_query("chairs", {"actor": "Indonesia", "year": year}, graph=graph).rows
        return {r["body"] for r in rows}

    assert bodies(2019) == {"Kerja Sama Medicines, Vaccines and Medical Technology OKI"}
    assert bodies(2022) == {"Kerja Sama Kesehatan ASEAN", "G20"}  # G20 2021-12 .. 2022-11
    assert bodies(2015) == set()  # undated facts (Forum BIMST) match no year
    # An open end is ongoing; a fact with only a date matches its own year.
    posts = run_query("posts", {"organization": "Kemenkes", "year": 2030}, graph=graph).rows
    assert {r["person"] for r in posts} == {"Dante Saksono Harbuwono", "Budi Gunadi Sadikin"}
    dated = run_query("posts", {"person": "Jose Ramos", "year": 2019}, graph=graph).rows
    assert [r["role"] for r in dated] == ["Regional Adviser"]
    assert run_query("posts", {"person": "Jose Ramos", "year": 2020}, graph=graph).rows == []


def test_posts_at_the_ministry(graph: BuiltGraph) -> None:
    rows = {(r["person"], r["role"])
            for r in run_query("posts", {"organization": "Kementerian Kesehatan"},
                               graph=graph).rows}
    assert {("Oscar Primadi", "Sekretaris Jenderal"),
            ("Dante Saksono Harbuwono", "Wakil Menteri Kesehatan")} <= rows


def test_questions_about_an_organisation_include_its_sub_units(graph: BuiltGraph) -> None:
    """Posts, memberships and agreements of a ministry include its bureaus and centres; of
    a body, its committees and clusters to any depth. The rows name the unit itself."""
    posts = {(r["person"], r["organization"])
             for r in run_query("posts", {"organization": "Kemenkes"}, graph=graph).rows}
    assert ("Acep Somantri", "Biro Kerja Sama Luar Negeri") in posts
    assert ("Oscar Primadi", "Kementerian Kesehatan") in posts
    # The bureau alone: its head, not the ministry's posts.
    assert {p for p, _ in (
        (r["person"], r["organization"])
        for r in run_query("posts", {"organization": "Biro KSLN"}, graph=graph).rows)} == {
        "Acep Somantri"}
    member = {(r["member"], r["body"])
              for r in run_query("memberships", {"member": "Kemenkes"}, graph=graph).rows}
    assert member == {("Biro Kerja Sama Luar Negeri", "Cluster 1: Promosi Gaya Hidup Sehat")}
    of_asean = {r["member"] for r in run_query("memberships", {"body": "ASEAN"},
                                               graph=graph).rows}
    assert {"Malaysia", "Thailand", "Biro Kerja Sama Luar Negeri"} <= of_asean
    agreements = {(r["party"], r["agreement"])
                  for r in run_query("agreements", {"party": "Kemenkes"}, graph=graph).rows}
    assert agreements == {("Pusat Kesehatan Haji", "Perjanjian Kerja Sama Kesehatan Haji")}
    # Without the parameter each fact is one row (not one per organisation above it).
    every = run_query("posts", {}, graph=graph).rows
    assert sum(r["person"] == "Acep Somantri" for r in every) == 1


def test_sub_units_below_a_dag_and_a_cycle_count_once(part_of_graph: BuiltGraph) -> None:
    posts = run_query("posts", {"organization": "Dag Root"}, graph=part_of_graph).rows
    assert [(r["person"], r["organization"]) for r in posts] == [("Dag Head", "Dag D")]
    loop = run_query("posts", {"organization": "Loop Root"}, graph=part_of_graph).rows
    assert [(r["person"], r["organization"]) for r in loop] == [("Loop Head", "Loop C")]
    bodies = run_query("memberships", {"body": "Dag Root"}, graph=part_of_graph).rows
    assert [(r["member"], r["body"]) for r in bodies] == [("Dag Outside", "Dag B")]
    parties = run_query("agreements", {"party": "Dag Root"}, graph=part_of_graph).rows
    assert sorted((r["party"], r["counterpart"]) for r in parties) == [
        ("Dag B", "Dag D"), ("Dag B", "Loop C"), ("Dag D", "Dag B"), ("Dag D", "Loop C")]


def test_memberships_of_indonesia_with_periods(graph: BuiltGraph) -> None:
    rows = {(r["body"], r["start"], r["end"])
            for r in run_query("memberships", {"member": "Indonesia"}, graph=graph).rows}
    assert {("Executive Board WHO", "2018", "2021"), ("Steering Group GHSA", "2016", "2018"),
            ("Steering Group GHSA", "2019", "2024")} <= rows


def test_shared_forums_structure_agreements_neighbours(graph: BuiltGraph) -> None:
    shared = run_query("shared_forums", {"a": "Indonesia", "b": "Malaysia"}, graph=graph)
    assert "Forum BIMST" in {r["body"] for r in shared.rows}
    assert all(r["a"] == "Indonesia" and r["b"] == "Malaysia" for r in shared.rows)

    structure = run_query("structure", {"organization": "WHO"}, graph=graph).rows
    assert structure == [
        {"body": "Executive Board WHO", "parent": "WHO", "depth": 1},
        {"body": "Planning, Budget and Administration Committee WHO",
         "parent": "Executive Board WHO", "depth": 2}]

    mou = [r for r in run_query("agreements", {"party": "Malaysia"}, graph=graph).rows
           if r["kind"] == "MoU"]
    assert mou == [{"party": "Malaysia", "counterpart": "Indonesia",
                    "agreement": "MoU Kerja Sama Kesehatan Indonesia - Malaysia", "kind": "MoU",
                    "date": "2019-11-12", "signatories": ["Khairy Jamaluddin", "Oscar Primadi"],
                    "sources": mou[0]["sources"]}]

    near = {r["neighbour"]: r["distance"] for r in
            run_query("neighbours", {"entity": "Biro KSLN", "k": 2}, graph=graph).rows}
    assert near["Kementerian Kesehatan"] == 1 and near["Acep Somantri"] == 1
    assert near["Oscar Primadi"] == 2 and "Biro Kerja Sama Luar Negeri" not in near
    one = run_query("neighbours", {"entity": "Biro KSLN"}, graph=graph).rows
    assert {r["distance"] for r in one} == {1}


def test_neighbours_come_nearest_first_and_limit_cuts_that_order(graph: BuiltGraph) -> None:
    def rows(**params: object) -> list[dict]:
        return run_query("neighbours", {"entity": "Indonesia", **params}, graph=graph).rows

    full = rows(k=3, limit=LIMIT_MAX)
    keys = [(r["distance"], r["type"], r["neighbour"]) for r in full]
    assert keys == sorted(keys) and {r["distance"] for r in full} == {1, 2, 3}
    ring1 = sum(r["distance"] == 1 for r in full)
    ring2 = sum(r["distance"] == 2 for r in full)
    # A cut inside ring 1 never walks ring 2; one just past it walks ring 2 but not 3.
    for limit in (1, 2, ring1 - 1, ring1, ring1 + 1, ring1 + ring2, ring1 + ring2 + 1,
                  len(full)):
        assert rows(k=3, limit=limit) == full[:limit], limit
    assert rows(k=2, limit=ring1 + 1) == full[:ring1 + 1]
    assert rows(k=3) == full[:LIMIT_DEFAULT]  # the default limit
    assert rows() == [r for r in full if r["distance"] == 1]  # k=1 by default


def test_structure_depth_on_a_dag_and_on_cycles(part_of_graph: BuiltGraph) -> None:
    """Two parents: every body above counts once; a part_of cycle ends and counts once."""
    for org, expected in STRUCTURE_EXPECTED.items():
        rows = run_query("structure", {"organization": org}, graph=part_of_graph).rows
        assert [(r["body"], r["parent"], r["depth"]) for r in rows] == expected, org


def test_timeline_is_in_time_order(graph: BuiltGraph) -> None:
    rows = run_query("timeline", {"entity": "Indonesia"}, graph=graph).rows
    whens = [r["when"] for r in rows]
    assert whens == sorted(whens) and whens[0] == "2016"
    assert all(r["start"] or r["end"] or r["date"] for r in rows)


def test_an_ambiguous_name_runs_once_per_entity(graph: BuiltGraph) -> None:
    """'WHO' is the acronym of WHO only; 'Steering Group GHSA' one forum: no duplicates."""
    rows = run_query("memberships", {"body": "GHSA Steering Group"}, graph=graph).rows
    assert len(rows) == 2


# ---------------------------------------------------------------- hostile input

def test_hostile_parameters_are_literals_on_the_rdf_store(graph: BuiltGraph) -> None:
    before = len(graph.store)
    for s in catalogue():
        for p in s.params:
            if p.type != "entity":
                continue
            for value in HOSTILE:
                params = {q.name: q.example for q in s.params if q.required}
                params[p.name] = value
                assert run_query(s.name, params, graph=graph).rows == [], (s.name, p.name)
                # And straight to the store, bypassing name resolution.
                bound = {q: ("id", i) for q, v in params.items() if q != p.name
                         for i in entity_index(store=graph.store).resolve(v)}
                bound[p.name] = ("text", value)
                assert run_sparql(s, graph.store, bound) == []
    assert len(graph.store) == before


def test_hostile_values_of_typed_parameters_are_refused(graph: BuiltGraph) -> None:
    for value in HOSTILE:
        with pytest.raises(UserError):
            run_query("chairs", {"year": value}, graph=graph)
        with pytest.raises(UserError):
            run_query("evidence", {"predicate": value}, graph=graph)
        with pytest.raises(UserError):
            run_query("neighbours", {"entity": "Indonesia", "k": value}, graph=graph)


# ---------------------------------------------------------------- command line

def hdkg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hdkg.cli", *args], capture_output=True,
                          text=True)


def test_cli_json_csv_table_and_list(graph: BuiltGraph) -> None:
    g = str(graph.path)
    r = hdkg("query", "chairs", "--example", "--graph", g, "--format", "json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["query"] == "chairs" and out["columns"] == get_spec("chairs").column_names
    assert {row["body"] for row in out["rows"]} == {
        "G20", "Kerja Sama Kesehatan ASEAN",
        "Kerja Sama Medicines, Vaccines and Medical Technology OKI"}

    r = hdkg("query", "agreements", "-p", "party=Malaysia", "--graph", g, "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == ("party,counterpart,agreement,kind,date,signatories,"
                                        "sources")
    assert "Khairy Jamaluddin; Oscar Primadi" in r.stdout

    r = hdkg("query", "posts", "-p", "organization=kemenkes", "--graph", g)
    # The ministry's three posts and the head of its bureau (a sub-unit).
    assert r.returncode == 0 and "Primadi" in r.stdout and "4 row(s), rdf" in r.stdout
    assert "Acep" in r.stdout

    r = hdkg("query", "--list", "--format", "json")
    assert r.returncode == 0
    assert REQUIRED <= {q["name"] for q in json.loads(r.stdout)}
    r = hdkg("query", "--list")
    assert r.returncode == 0 and "shared_forums" in r.stdout


@pytest.mark.parametrize("args", [
    ["query", "nope"],
    ["query", "chairs", "-p", "colour=red"],
    ["query", "chairs", "-p", "year=soon"],
    ["query", "neighbours", "-p", "entity=x", "-p", "k=many"],
    ["query", "chairs", "-p", "actor"],
    ["query", "chairs", "--format", "xml"],
])
def test_cli_bad_input_is_one_line(graph: BuiltGraph, args: list[str]) -> None:
    r = hdkg(*args, "--graph", str(graph.path))
    assert r.returncode == 1
    assert len(r.stderr.strip().splitlines()) == 1 and "error" in r.stderr


# ---------------------------------------------------------------- the seed documents

def _text_extractor_ready() -> bool:
    try:
        text = importlib.import_module("hdkg.loaders.text")
    except ImportError:
        return False
    return all(hasattr(text, n) for n in ("extract_text", "read_document", "UnreadableDocument"))


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> BuiltGraph:
    if not SEEDS.is_dir():
        pytest.skip(f"no seed documents at {SEEDS}")
    if not _text_extractor_ready():
        pytest.skip("the text extractor (hdkg.loaders.text: extract_text, read_document) "
                    "is not written yet")
    out = tmp_path_factory.mktemp("seeds") / "g"
    build_graph([SEEDS], out, with_reference=True)
    return open_graph(out)


def _periods(graph: BuiltGraph, query: str, key: str, *bodies: str) -> set[tuple]:
    """(start, end) of Indonesia's rows whose body is named like `body`.

    The extractor may name a body by the gazetteer's name or expand an acronym in it
    ("... OKI" -> "... Organisasi Kerjasama Islam"), so a body is recognised by a
    distinctive part of its name, in the normalised form.
    """
    rows = run_query(query, {key: "Indonesia"}, graph=graph).rows
    hits = {(r["start"], r["end"]) for r in rows
            if any(normalise(b) in normalise(r["body"]) for b in bodies)}
    assert hits, f"no {query} row of Indonesia for {bodies}: {[r['body'] for r in rows]}"
    return hits


def test_seed_chairs_of_indonesia(seed_graph: BuiltGraph) -> None:
    def periods(*bodies: str) -> set[tuple]:
        return _periods(seed_graph, "chairs", "actor", *bodies)

    assert ("2020", "2022") in periods("ASEAN Health Cooperation", "Kerja Sama Kesehatan ASEAN")
    assert ("2016", "2018") in periods("Cluster 1")
    assert ("2020", "2020") in periods("Foreign Policy and Global Health")
    assert {("2017", "2019"), ("2020", "2021")} <= periods(
        "Medicines, Vaccines and Medical Technology")


def test_seed_posts_at_the_ministry(seed_graph: BuiltGraph) -> None:
    rows = run_query("posts", {"organization": "Kementerian Kesehatan"}, graph=seed_graph).rows
    got = {(normalise(r["person"]), normalise(r["role"] or "")) for r in rows}
    assert ("oscar primadi", "sekretaris jenderal") in got
    assert ("dante saksono harbuwono", "wakil menteri kesehatan") in got


def test_seed_memberships_of_indonesia(seed_graph: BuiltGraph) -> None:
    rows = run_query("memberships", {"member": "Indonesia"}, graph=seed_graph).rows
    index = entity_index(store=seed_graph.store)

    def periods(*aliases: str) -> set[tuple]:
        """Rows whose body is any entity one of `aliases` resolves to."""
        names = {seed_graph.data.entities[i].name for a in aliases for i in index.resolve(a)}
        assert names, f"no entity for {aliases[0]} in the seed graph"
        return {(r["start"], r["end"]) for r in rows if r["body"] in names}

    assert ("2018", "2021") in periods("Executive Board WHO", "WHO Executive Board")
    assert ("2017", "2019") in periods("Program Coordinating Board UNAIDS", "UNAIDS PCB")
    assert {("2016", "2018"), ("2019", "2024")} <= periods("Steering Group GHSA",
                                                           "GHSA Steering Group")


def test_seed_bimst_is_shared_by_indonesia_and_malaysia(seed_graph: BuiltGraph) -> None:
    rows = run_query("shared_forums", {"a": "Indonesia", "b": "Malaysia"}, graph=seed_graph).rows
    index = entity_index(store=seed_graph.store)
    bimst = {seed_graph.data.entities[i].name for i in index.resolve("BIMST")
             + index.resolve("Forum BIMST")}
    assert bimst & {r["body"] for r in rows}
