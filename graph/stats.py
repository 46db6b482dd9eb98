"""Counts of a graph by node label and relationship type, the same on every backend."""

from __future__ import annotations

from collections import Counter

from hdkg.graph.model import GraphData
from hdkg.graph.store import BuiltGraph
from hdkg.schema.models import NEO4J_REL_TYPES, EntityType, Predicate


def data_stats(data: GraphData) -> dict:
    """{"nodes": {Label: n}, "relationships": {TYPE: n}} with every label and type present."""
    nodes = Counter(e.type.value for e in data.entities.values())
    rels = Counter(NEO4J_REL_TYPES[f.predicate] for f in data.iter_facts())
    return {"nodes": {t.value: nodes.get(t.value, 0) for t in EntityType},
            "relationships": {NEO4J_REL_TYPES[p]: rels.get(NEO4J_REL_TYPES[p], 0)
                              for p in Predicate}}


def graph_stats(g: BuiltGraph) -> dict:
    """The counts of a built graph, read from its embedded RDF store (not from the records),
    so `--backend rdf` reports what the store holds."""
    from hdkg.schema.terms import ENTITY_CLASS, FACT_CLASS, iri

    nodes, rels = {}, {}
    for t, (own, _std) in ENTITY_CLASS.items():
        q = f"SELECT (COUNT(?n) AS ?c) WHERE {{ ?n a <{iri(own)}> }}"
        nodes[t.value] = int(next(iter(g.store.query(q)))["c"].value)
    for p, (own, _std, _short) in FACT_CLASS.items():
        q = f"SELECT (COUNT(?n) AS ?c) WHERE {{ ?n a <{iri(own)}> }}"
        rels[NEO4J_REL_TYPES[p]] = int(next(iter(g.store.query(q)))["c"].value)
    return {"nodes": nodes, "relationships": rels}
