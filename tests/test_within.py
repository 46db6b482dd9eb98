"""The part_of closure written with the graph (hdkg.graph.within): what it holds, in RDF."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from hdkg.graph.build import build_graph
from hdkg.graph.model import GraphData
from hdkg.graph.store import open_graph
from hdkg.graph.within import ancestors, within_pairs
from hdkg.schema.models import Entity, EntityType, Fact, Source
from hdkg.schema.terms import P, entity_iri, iri

DATA = Path(__file__).resolve().parent / "data"


def test_closure_of_a_dag_and_of_cycles() -> None:
    edges = [("a", "root"), ("c", "root"), ("b", "a"), ("b", "c"), ("d", "b"),
             ("l1", "l2"), ("l2", "l1"), ("l3", "l2"), ("self", "self")]
    got = ancestors(edges)
    assert got["d"] == ["a", "b", "c", "root"]  # two paths to root: once
    assert got["b"] == ["a", "c", "root"]
    assert got["l1"] == ["l2"] and got["l2"] == ["l1"]  # a cycle ends, never itself
    assert got["l3"] == ["l1", "l2"]
    assert "root" not in got and "self" not in got


def test_only_bodies_are_units() -> None:
    """An event part of a forum is not one of its units; the closure runs over bodies."""
    g = GraphData()
    src = [Source(document="d.txt", loader="test")]
    for eid, t in (("org/who", EntityType.Organization), ("forum/wha", EntityType.Forum),
                   ("event/wha-75", EntityType.Event)):
        g.add_entity(Entity(id=eid, type=t, name=eid))
    g.add_fact(Fact(predicate="part_of", subject="forum/wha", object="org/who", sources=src))
    g.add_fact(Fact(predicate="part_of", subject="event/wha-75", object="forum/wha",
                    sources=src))
    assert within_pairs(g) == [("forum/wha", "org/who")]


def test_the_store_holds_the_closure_and_it_validates(tmp_path: Path) -> None:
    build_graph([DATA / "part_of.yaml"], tmp_path / "g", with_reference=False)
    graph = open_graph(tmp_path / "g")
    prop = ox.NamedNode(iri(P["within"]))
    stored = sorted((q.subject.value, q.object.value)
                    for q in graph.store.quads_for_pattern(None, prop, None))
    assert stored == sorted((entity_iri(a), entity_iri(b)) for a, b in
                            within_pairs(graph.data))
    above_d = {b for a, b in stored if a == entity_iri("org/dag-d")}
    assert above_d == {entity_iri(f"org/dag-{k}") for k in ("b", "a", "c", "root", "outside")}
    assert (entity_iri("org/loop-a"), entity_iri("org/loop-a")) not in stored

    # SHACL: bodies at both ends; a person within a body is refused.
    import rdflib

    from hdkg.graph.validate import validate_graph

    rdf = graph.rdf_graph()
    assert validate_graph(rdf) == (True, [])
    person = rdflib.URIRef(entity_iri("person/dag-head"))
    rdf.add((person, rdflib.URIRef(iri(P["within"])), rdflib.URIRef(entity_iri("org/dag-a"))))
    conforms, problems = validate_graph(rdf)
    assert not conforms and any("dag-head" in p for p in problems)


def test_post_holdings_name_the_body_of_the_post_and_it_validates(tmp_path: Path) -> None:
    """hdkg:postIn is written on post holdings alone, to their object; SHACL requires it."""
    build_graph([DATA / "part_of.yaml"], tmp_path / "g", with_reference=False)
    graph = open_graph(tmp_path / "g")
    rows = {(str(r["p"]), r["o"].value, r["pin"].value if r["pin"] else None)
            for r in graph.store.query(
                "PREFIX hdkg: <https://w3id.org/hdkg/ontology#> "
                "SELECT ?p ?o ?pin WHERE { ?f hdkg:predicate ?p ; hdkg:object ?o . "
                "OPTIONAL { ?f hdkg:postIn ?pin } }")}
    posts = {(p, o, pin) for p, o, pin in rows if p == '"holds_position"'}
    assert posts == {('"holds_position"', entity_iri("org/dag-d"), entity_iri("org/dag-d")),
                     ('"holds_position"', entity_iri("org/loop-c"), entity_iri("org/loop-c"))}
    assert all(pin is None for p, _o, pin in rows if p != '"holds_position"')

    import rdflib

    from hdkg.graph.validate import validate_graph

    rdf = graph.rdf_graph()
    post_in = rdflib.URIRef(iri(P["postIn"]))
    rdf.remove((None, post_in, None))
    conforms, problems = validate_graph(rdf)
    assert not conforms and any("postIn" in p for p in problems)
