"""Which bodies each body lies within: the transitive closure of part_of, computed once.

A question about an organisation ("who holds a post in the ministry?") should find the
head of a bureau of that ministry too. Asked at query time, that is a path of any length
(`org:subOrganizationOf*`, `[:PART_OF*]`), which at 100,000 facts cost SPARQL about 700 ms
a query. So the closure is written with the graph instead (`schema.models.NEO4J_WITHIN`):
in RDF one `hdkg:withinOrganization` triple, in Neo4j one `WITHIN` relationship, from a
body to each body above it, and the saved queries take one hop.

Bodies only (`WITHIN_TYPES`: Organization and Forum): an event that is part of a forum is
not one of its units. A part_of cycle ends (each walk keeps a visited set), and a body is
never within itself, even on a cycle: the queries add the organisation itself, so a pair
(x, x) would count its rows twice.
"""

from __future__ import annotations

from collections.abc import Iterable

from hdkg.graph.model import GraphData
from hdkg.schema.models import WITHIN_TYPES, Predicate


def ancestors(edges: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Each child of `edges` (child, parent) -> every body above it, sorted, itself never.

    A depth-first walk per body with a visited set: a cycle or a diamond (two parents
    with a common ancestor) visits each body once.
    """
    parents: dict[str, list[str]] = {}
    for child, parent in edges:
        if child != parent:
            parents.setdefault(child, []).append(parent)
    out: dict[str, list[str]] = {}
    for unit, direct in parents.items():
        seen = {unit}
        found: list[str] = []
        stack = list(direct)
        while stack:
            body = stack.pop()
            if body in seen:
                continue
            seen.add(body)
            found.append(body)
            stack.extend(parents.get(body, ()))
        if found:
            out[unit] = sorted(found)
    return out


def part_of_edges(data: GraphData) -> list[tuple[str, str]]:
    """(child, parent) of every part_of fact between two bodies of the graph."""
    ents = data.entities
    edges = []
    for f in data.iter_facts():
        if f.predicate is not Predicate.part_of:
            continue
        s, o = ents.get(f.subject), ents.get(f.object)
        if s is not None and o is not None and s.type in WITHIN_TYPES and o.type in WITHIN_TYPES:
            edges.append((f.subject, f.object))
    return edges


def within_pairs(data: GraphData) -> list[tuple[str, str]]:
    """(unit, body above it) for every body of the graph, in a stable order."""
    closure = ancestors(part_of_edges(data))
    return [(unit, above) for unit in sorted(closure) for above in closure[unit]]
