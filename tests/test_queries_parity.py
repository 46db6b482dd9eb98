"""Every saved query answers the same rows on Neo4j (Cypher) as on the RDF store (SPARQL).

Each graph is written to the embedded store and loaded into a real Neo4j over Bolt with the
project's loader; then every query runs on both, without parameters, with its examples and
with more filters, and the rows must be equal (the runner sorts them, so order aside).
Hostile parameters must be plain literals on Neo4j too: no rows, nothing changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hdkg.graph.build import build_graph
from hdkg.graph.store import BuiltGraph, open_graph, write_graph
from hdkg.queries.catalogue import catalogue, get_spec
from hdkg.queries.run import entity_index, run_cypher, run_query
from hdkg.queries.synthetic import synthetic_graph

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
    "memberships": [{"year": 2010}, {"body": "BIMST"}, {"member": "turkiye", "year": 2020}],
    "posts": [{"year": 2021}, {"person": "Oscar Primadi"}, {"organization": "Malaysia"}],
    "agreements": [{}, {"year": 2019}, {"party": "Malaysia", "year": 2021}],
    "events": [{"participant": "Indonesia"}, {"event": "Webinar Diplomasi Kesehatan di Era "
                                                      "New-Normal Global"}],
    "hosts": [{"year": 2016}, {"host": "Malaysia"}],
    "shared_forums": [{"a": "Malaysia", "b": "Indonesia"}, {"a": "Türkiye", "b": "Indonesia"}],
    "structure": [{"organization": "ASEAN"}, {"organization": "Kementerian Kesehatan"}],
    "evidence": [{"predicate": "part_of"}, {"object": "WHO"}, {"subject": "Oscar Primadi",
                                                               "predicate": "signed"}],
    "timeline": [{"entity": "Malaysia"}, {"entity": "Kementerian Kesehatan"}],
    "neighbours": [{"entity": "Indonesia", "k": 1}, {"entity": "WHO", "k": 3},
                   {"entity": "Forum BIMST", "k": 2}],
}


@pytest.fixture(scope="module")
def driver(request: pytest.FixtureRequest) -> Iterator[Any]:
    """The project's `neo4j_driver` (skips outside CI when no server answers)."""
    yield request.getfixturevalue("neo4j_driver")


def _load(driver: Any, graph: BuiltGraph, wipe: Any) -> None:
    from hdkg.graph.neo4j_load import load_graph

    wipe(driver)
    load_graph(graph.data, driver)


@pytest.fixture(scope="module", params=["curated", "synthetic"])
def loaded(request: pytest.FixtureRequest, driver: Any, neo4j_wipe: Any,
           tmp_path_factory: pytest.TempPathFactory) -> BuiltGraph:
    """The fixture graph, then a synthetic one with evidence sentences, in both backends."""
    out = tmp_path_factory.mktemp(request.param) / "g"
    if request.param == "curated":
        build_graph([DATA], out, with_reference=False)
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
