"""Network views of the graph for analysis: the whole graph, country-body, country-country.

Analysts ask network questions of actors and the bodies they sit in ("who is central?",
"which countries meet in the same forums?"), which need simple graphs, not the n-ary facts:
these functions project the facts onto the graph each question needs, keeping years on
edges so that growth over time can be read off.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from hdkg.graph.model import GraphData
from hdkg.graph.nx import to_networkx
from hdkg.graph.store import open_graph
from hdkg.schema.models import EntityType, Fact, Predicate

BODY_TYPES = (EntityType.Organization, EntityType.Forum)
TIES = (Predicate.member_of, Predicate.chair_of, Predicate.hosts)


def load_data(graph_dir: Path | str = "hdkg-out") -> GraphData:
    """The merged records of a built graph folder."""
    return open_graph(Path(graph_dir)).data


def whole_graph(data: GraphData) -> nx.MultiDiGraph:
    """Every entity and fact: a MultiDiGraph keyed by fact id."""
    return to_networkx(data)


def fact_years(f: Fact) -> list[int]:
    """The years a fact was in force: start..end, or its date's year, or none."""
    start = int(f.start[:4]) if f.start else None
    end = int(f.end[:4]) if f.end else None
    if start and end and end >= start:
        return list(range(start, end + 1))
    if start or end or f.date:
        return [start or end or int(f.date[:4])]  # type: ignore[index]
    return []


def country_body(data: GraphData, predicates: Iterable[Predicate] = TIES) -> nx.Graph:
    """Bipartite graph of countries and the bodies they are members of, chair or host.

    Node attribute `bipartite` is 0 for countries and 1 for bodies; each edge lists the
    predicates that tie the pair and the years they were in force (`years`, sorted).
    """
    preds = set(predicates)
    g = nx.Graph()
    ents = data.entities
    for f in data.iter_facts():
        if f.predicate not in preds:
            continue
        s, o = ents.get(f.subject), ents.get(f.object)
        if s is None or o is None or s.type is not EntityType.Country or o.type not in BODY_TYPES:
            continue
        g.add_node(s.id, label=s.name, type=s.type.value, bipartite=0)
        g.add_node(o.id, label=o.name, type=o.type.value, bipartite=1)
        if g.has_edge(s.id, o.id):
            edge = g.edges[s.id, o.id]
        else:
            g.add_edge(s.id, o.id, predicates=[], years=[])
            edge = g.edges[s.id, o.id]
        if f.predicate.value not in edge["predicates"]:
            edge["predicates"].append(f.predicate.value)
        edge["years"] = sorted(set(edge["years"]) | set(fact_years(f)))
    return g


def country_country(data: GraphData, via: str = "bodies") -> nx.Graph:
    """Countries tied to each other through shared bodies (`via="bodies"`) or through the
    agreements they are party to (`via="agreements"`).

    Edge attributes: `weight` (how many bodies or agreements they share), `via` (their
    names) and `years` (the years either tie was in force).
    """
    g = nx.Graph()
    ents = data.entities
    groups: dict[str, list[tuple[str, list[int]]]] = {}
    if via == "bodies":
        bip = country_body(data)
        for body in (n for n, d in bip.nodes(data=True) if d["bipartite"] == 1):
            groups[body] = [(c, bip.edges[c, body]["years"]) for c in bip.neighbors(body)]
    elif via == "agreements":
        for f in data.iter_facts():
            s = ents.get(f.subject)
            if f.predicate is Predicate.party_to and s is not None and \
                    s.type is EntityType.Country:
                groups.setdefault(f.object, []).append((s.id, fact_years(f)))
    else:
        raise ValueError(f"via must be 'bodies' or 'agreements', not {via!r}")
    for tie, members in groups.items():
        for i, (a, ya) in enumerate(members):
            for b, yb in members[i + 1:]:
                if a == b:
                    continue
                for n in (a, b):
                    g.add_node(n, label=ents[n].name, type="Country")
                if not g.has_edge(a, b):
                    g.add_edge(a, b, weight=0, via=[], years=[])
                e = g.edges[a, b]
                e["weight"] += 1
                e["via"].append(ents[tie].name if tie in ents else tie)
                e["years"] = sorted(set(e["years"]) | set(ya) | set(yb))
    return g


def growth_by_year(data: GraphData, predicates: Iterable[Predicate]) -> dict[int, int]:
    """How many facts of these predicates were in force (or dated) in each year."""
    preds = set(predicates)
    out: dict[int, int] = {}
    for f in data.iter_facts():
        if f.predicate in preds:
            for y in fact_years(f):
                out[y] = out.get(y, 0) + 1
    return dict(sorted(out.items()))
