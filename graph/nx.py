"""The graph as a networkx MultiDiGraph, for analysis in notebooks and export to Gephi."""

from __future__ import annotations

import networkx as nx

from hdkg.graph.model import GraphData


def to_networkx(data: GraphData) -> nx.MultiDiGraph:
    """Nodes keyed by hdkg id with their attributes; one edge per fact, keyed by fact id.

    Attributes are kept to strings and numbers (lists joined with " | ") so that GraphML and
    GEXF writers accept them without conversion.
    """
    g = nx.MultiDiGraph()
    for e in data.entities.values():
        attrs = {"label": e.name, "type": e.type.value}
        for k in ("iso3", "wikidata", "acronym", "parent", "date", "place", "kind", "title",
                  "language"):
            v = getattr(e, k)
            if v is not None:
                attrs[k] = v
        if e.aliases:
            attrs["aliases"] = " | ".join(e.aliases)
        attrs["sources"] = " | ".join(sorted({s.document for s in e.sources}))
        g.add_node(e.id, **attrs)
    for f in data.iter_facts():
        attrs = {"predicate": f.predicate.value}
        for k in ("role", "start", "end", "date"):
            v = getattr(f, k)
            if v is not None:
                attrs[k] = v
        attrs["sources"] = " | ".join(sorted({s.document for s in f.sources}))
        ev = [s.evidence for s in f.sources if s.evidence]
        if ev:
            attrs["evidence"] = " | ".join(dict.fromkeys(ev))
        g.add_edge(f.subject, f.object, key=f.fact_id(), **attrs)
    return g
