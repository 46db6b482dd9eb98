"""Every saved query answers the same rows on Neo4j (Cypher) as on the RDF store (SPARQL).

Each graph is written to the embedded store and loaded into a real Neo4j over Bolt with the
project's loader; then every query runs on both, without parameters, with its examples and
with more filters, and the rows must be equal (the runner sorts them, so order aside).
Hostile parameters must be plain literals on Neo4j too: no rows, nothing changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from bench.synthetic import synthetic_graph
from hdkg.graph.build import build_graph
from hdkg.graph.store import BuiltGraph, open_graph, write_graph
from hdkg.queries.catalogue import catalogue, get_spec
from hdkg.queries.run import LIMIT_DEFAULT, LIMIT_MAX, entity_index, run_cypher, run_query

pytestmark = pytest.mark.neo4j

DATA = Path(__file__).resolve().parent / "data" / "queries_graph.yaml"

HOSTILE = [
    'x"}) DETACH DELETE n //',
    "x'}) MATCH (n) DETACH DELETE n RETURN 1 //",
    "` RETURN 1 UNION MATCH (n) DETACH DELETE n //",
    '" } ; DROP GRAPH <urn:x> ; SELECT * { ?s ?p "',
    "$actor {actor} ?actor",
    "nul\x00byte",
    "x" * 10_000,
]

# More parameter sets than the examples: year filters, other entities, predicates, k.
VARIANTS: dict[str, list[dict[str, Any]]] = {
    "chairs": [{"year": 2020}, {"year": 2022}, {"body": "Forum BIMST"}, {"actor": "MYS"}],
    "memberships": [{"year": 2010}, {"body": "BIMST"}, {"member": "turkiye", "year": 2020},
                    {"member": "Kementerian Kesehatan"}, {"body": "ASEAN"},
                    {"body": "ASEAN", "member": "Kemenkes", "year": 2020},
                    {"body": "Dag Root"}, {"body": "Loop Root"}],
    "posts": [{"year": 2021}, {"person": "Oscar Primadi"}, {"organization": "Malaysia"},
              {"organization": "Biro KSLN"}, {"organization": "Dag Root"},
              {"organization": "Loop A"}],
    "agreements": [{}, {"year": 2019}, {"party": "Malaysia", "year": 2021},
                   {"party": "Kementerian Kesehatan"}, {"party": "Dag Root"}],
    "events": [{"participant": "Indonesia"}, {"event": "Webinar Diplomasi Kesehatan di Era "
                                                      "New-Normal Global"}],
    "hosts": [{"year": 2016}, {"host": "Malaysia"}],
    "shared_forums": [{"a": "Malaysia", "b": "Indonesia"}, {"a": "Türkiye", "b": "Indonesia"}],
    "structure": [{"organization": "ASEAN"}, {"organization": "Kementerian Kesehatan"},
                  {"organization": "Dag Root"}, {"organization": "Loop Root"},
                  {"organization": "Ring X"}],
    "evidence": [{"predicate": "part_of"}, {"object": "WHO"}, {"subject": "Oscar Primadi",
                                                               "predicate": "signed"}],
    "timeline": [{"entity": "Malaysia"}, {"entity": "Kementerian Kesehatan"}],
    "neighbours": [{"entity": "Indonesia", "k": 1}, {"entity": "WHO", "k": 3},
                   {"entity": "Forum BIMST", "k": 2}, {"entity": "Indonesia", "k": 3, "limit": 5},
                   {"entity": "WHO", "k": 2, "limit": 1}, {"entity": "Loop A", "k": 3}],
}

# Bodies with two parents (a DAG) and part_of cycles (tests/data/part_of.yaml), with the
# (body, parent, depth) rows both backends must give: depth counts the bodies of the
# organisation the body is part of, itself included, each once.
PART_OF_DIR = Path(__file__).resolve().parent / "data"
PART_OF_GRAPH = (PART_OF_DIR / "part_of.yaml").read_text(encoding="utf-8")
STRUCTURE_EXPECTED = {org: [tuple(row) for row in rows] for org, rows in json.loads(
    (PART_OF_DIR / "part_of_structure.json").read_text(encoding="utf-8")).items()}


@pytest.fixture(scope="module")
def driver(request: pytest.FixtureRequest) -> Iterator[Any]:
    """The project's `neo4j_driver` (skips outside CI when no server answers)."""
    yield request.getfixturevalue("neo4j_driver")


def _load(driver: Any, graph: BuiltGraph, wipe: Any) -> None:
    from hdkg.graph.neo4j.load import load_graph

    wipe(driver)
    load_graph(graph.data, driver)


@pytest.fixture(scope="module", params=["curated", "synthetic"])
def loaded(request: pytest.FixtureRequest, driver: Any, neo4j_wipe: Any,
           tmp_path_factory: pytest.TempPathFactory) -> BuiltGraph:
    """The fixture graph, then a synthetic one with evidence sentences, in both backends."""
    out = tmp_path_factory.mktemp(request.param) / "g"
    if request.param == "curated":
        part_of = out.parent / "part_of.yaml"
        part_of.write_text(PART_OF_GRAPH, encoding="utf-8")
        build_graph([DATA, part_of], out, with_reference=False)
    else:
        write_graph(synthetic_graph(3_000, seed=11), out, manifest={})
    graph = open_graph(out)
    _load(driver, graph, neo4j_wipe)
    return graph


def _param_sets(name: str) -> list[dict[str, Any]]:
    spec = get_spec(name)
    required = {p.name: p.example for p in spec.params if p.required}
    sets = [required, spec.example_params()]
    sets += [{**required, **v} for v in VARIANTS.get(name, [])]
    return sets


@pytest.mark.parametrize("name", [s.name for s in catalogue()])
def test_same_rows_on_both_backends(loaded: BuiltGraph, driver: Any, name: str) -> None:
    rdf_index = entity_index(store=loaded.store)
    neo_index = entity_index(driver=driver)
    nonempty = 0
    for params in _param_sets(name):
        a = run_query(name, params, graph=loaded, index=rdf_index)
        b = run_query(name, params, backend="neo4j", driver=driver, index=neo_index)
        assert a.columns == b.columns
        assert a.rows == b.rows, (name, params)
        nonempty += bool(a.rows)
    assert nonempty, f"{name}: every parameter set gave no rows; the test proves little"


def _within(seconds: float, call: Callable[[], Any]) -> Any:
    """call(), or a failure (not a hang) when it takes longer than `seconds`."""
    pool = ThreadPoolExecutor(1)
    try:
        return pool.submit(call).result(timeout=seconds)
    finally:
        pool.shutdown(wait=False)


@pytest.mark.parametrize("loaded", ["curated"], indirect=True)  # where the DAG is
def test_structure_depth_on_a_dag_and_on_cycles_on_both_backends(loaded: BuiltGraph,
                                                                 driver: Any) -> None:
    """Two parents and part_of cycles: the rows test_queries.py expects, on Neo4j too."""
    index = entity_index(driver=driver)
    for org, expected in STRUCTURE_EXPECTED.items():
        for kw in ({"graph": loaded}, {"backend": "neo4j", "driver": driver, "index": index}):
            result = _within(60, partial(run_query, "structure", {"organization": org}, **kw))
            rows = [(r["body"], r["parent"], r["depth"]) for r in result.rows]
            assert rows == expected, (org, kw.get("backend", "rdf"))


def test_neighbours_limit_cuts_the_same_rows_on_both_backends(loaded: BuiltGraph,
                                                              driver: Any) -> None:
    """Nearest first by distance, type, name and id: any limit keeps the same prefix."""
    rdf_index = entity_index(store=loaded.store)
    neo_index = entity_index(driver=driver)

    def both(params: dict[str, Any]) -> list[dict[str, Any]]:
        a = run_query("neighbours", params, graph=loaded, index=rdf_index).rows
        b = run_query("neighbours", params, backend="neo4j", driver=driver,
                      index=neo_index).rows
        assert a == b, params
        return a

    checked = 0
    for entity in ("Indonesia", "Kementerian Kesehatan", "WHO", "Loop A"):
        for k in (1, 2, 3):
            full = both({"entity": entity, "k": k, "limit": LIMIT_MAX})
            if not full:
                continue
            ring1 = sum(r["distance"] == 1 for r in full)
            near = sum(r["distance"] <= 2 for r in full)
            for limit in sorted({1, 3, ring1 - 1, ring1, ring1 + 1, near, near + 1,
                                 len(full) - 1} - {0}):
                assert both({"entity": entity, "k": k, "limit": limit}) == full[:limit]
                checked += 1
            assert both({"entity": entity, "k": k}) == full[:LIMIT_DEFAULT]
    assert checked > 30


def test_posts_limit_cuts_the_same_rows_on_both_backends(loaded: BuiltGraph,
                                                         driver: Any) -> None:
    """Posts come by organization, start, person and fact id: any limit keeps the same
    prefix on both backends (a ministry's units hold hundreds of posts in the synthetic
    graph)."""
    rdf_index = entity_index(store=loaded.store)
    neo_index = entity_index(driver=driver)

    def both(params: dict[str, Any]) -> list[dict[str, Any]]:
        a = run_query("posts", params, graph=loaded, index=rdf_index).rows
        b = run_query("posts", params, backend="neo4j", driver=driver, index=neo_index).rows
        assert a == b, params
        return a

    checked = 0
    for org in ("Kementerian Kesehatan", "WHO", "Biro KSLN", "Dag Root", None):
        params: dict[str, Any] = {"organization": org} if org else {}
        full = both({**params, "limit": LIMIT_MAX})
        if not full:
            continue
        assert len(full) < LIMIT_MAX
        for limit in sorted({1, 2, 7, len(full) // 2, len(full) - 1, len(full)} - {0}):
            assert both({**params, "limit": limit}) == full[:limit], (org, limit)
            checked += 1
        assert both(params) == full[:LIMIT_DEFAULT]
    assert checked > 10


@pytest.mark.parametrize("loaded", ["curated"], indirect=True)  # where the DAG is
def test_sub_units_on_both_backends(loaded: BuiltGraph, driver: Any) -> None:
    """A question about a ministry includes the head of a bureau within it; below a DAG
    each unit counts once; below a part_of cycle the query ends, on Neo4j as on RDF."""
    index = entity_index(driver=driver)
    for kw in ({"graph": loaded}, {"backend": "neo4j", "driver": driver, "index": index}):
        posts = _within(60, partial(run_query, "posts", {"organization": "Kemenkes"}, **kw))
        assert ("Acep Somantri", "Biro Kerja Sama Luar Negeri") in {
            (r["person"], r["organization"]) for r in posts.rows}
        dag = _within(60, partial(run_query, "posts", {"organization": "Dag Root"}, **kw))
        assert [(r["person"], r["organization"]) for r in dag.rows] == [("Dag Head", "Dag D")]
        for org in ("Loop Root", "Loop A", "Ring X"):
            for name, param in (("posts", "organization"), ("memberships", "body"),
                                ("memberships", "member"), ("agreements", "party")):
                _within(60, partial(run_query, name, {param: org}, **kw))
        loop = _within(60, partial(run_query, "posts", {"organization": "Loop A"}, **kw))
        assert [(r["person"], r["organization"]) for r in loop.rows] == [("Loop Head", "Loop C")]


def test_hostile_parameters_are_literals_on_neo4j(loaded: BuiltGraph, driver: Any) -> None:
    def counts() -> tuple[int, int]:
        n = driver.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]
        r = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]
        return n, r

    before = counts()
    index = entity_index(driver=driver)
    for spec in catalogue():
        for p in spec.params:
            if p.type != "entity":
                continue
            for value in HOSTILE:
                params = {q.name: q.example for q in spec.params if q.required}
                params[p.name] = value
                rows = run_query(spec.name, params, backend="neo4j", driver=driver, index=index)
                assert rows.rows == [], (spec.name, p.name)
                bound = {q: ("id", i) for q, v in params.items() if q != p.name
                         for i in index.resolve(v)}
                bound[p.name] = ("text", value)
                assert run_cypher(spec, driver, bound) == []
    assert counts() == before
