"""Soak: the synthetic corpus loaded into Neo4j in 20 growing increments ends exactly where one
full load into an emptied database does.

Each increment is the graph of a longer prefix of the benchmark generator's record stream
(more documents, the last one possibly cut short and completed by the next increment), as a
corpus that grows day by day would be rebuilt and reloaded. Loads MERGE on ids and fact ids
and union list properties, so the increments must neither duplicate nor lose anything.
"""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from bench.synthetic import synthetic_graph
from hdkg.graph.neo4j.load import Plan, graph_counts, load_graph, stats_from_driver

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

STEPS = 20
FACTS = 6_000  # facts in the last increment; ~63,000 fact rows loaded in all


def _fingerprint(driver: Driver) -> dict[str, Any]:
    """What a load leaves besides counts: every node's lists, every relationship's lists."""
    nodes = driver.execute_query(
        "MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, n.aliases AS aliases, "
        "n.sources AS sources").records
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) WHERE r.fact_id IS NOT NULL RETURN type(r) AS t, r.fact_id AS f, "
        "a.id AS a, b.id AS b, r.sources AS sources, r.evidence AS evidence").records
    states = driver.execute_query(
        "MATCH (d:Document)-[:STATES]->(e) RETURN d.id AS d, e.id AS e").records
    return {
        "nodes": sorted((r["id"], tuple(sorted(r["labels"])), tuple(sorted(r["aliases"] or [])),
                         tuple(sorted(r["sources"] or []))) for r in nodes),
        "rels": sorted((r["t"], r["f"], r["a"], r["b"], tuple(sorted(r["sources"] or [])),
                        tuple(sorted(r["evidence"] or []))) for r in rels),
        "states": sorted((r["d"], r["e"]) for r in states),
    }


def test_twenty_increments_end_where_one_full_load_does(neo4j_empty: Driver,
                                                        neo4j_wipe: Any) -> None:
    sizes = [FACTS * (i + 1) // STEPS for i in range(STEPS)]
    previous = 0
    for size in sizes:
        data = synthetic_graph(size, seed=5, shape="documents")
        assert len(data.facts) > previous  # each increment is a larger graph
        previous = len(data.facts)
        load_graph(data, neo4j_empty, batch_size=2_000)
    final = data
    incremental = stats_from_driver(neo4j_empty)
    incremental_print = _fingerprint(neo4j_empty)

    neo4j_wipe(neo4j_empty)
    counts = load_graph(final, neo4j_empty)
    assert stats_from_driver(neo4j_empty) == incremental == graph_counts(final)
    full_print = _fingerprint(neo4j_empty)
    assert len(full_print["states"]) == len(Plan(final).states) == counts["states"]
    assert incremental_print == full_print
