"""bench/neo4j_peers.py, the side-by-side Neo4j benchmark: its arithmetic over rounds, and
a small real run of hdkg against the bare-CREATE floor on a server of its own.

The peers themselves (neo4j-graphrag, langchain-neo4j) are in the `bench` extra and are not
run here; the run below is what checks that hdkg's load is counted right (its WITHIN
closure apart from the relationships every loader writes) and is idempotent.
"""

from __future__ import annotations

import os
import shutil
from types import ModuleType

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture
def peers(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The bench as its command line runs it (its folder first on the path)."""
    monkeypatch.syspath_prepend("bench")
    import neo4j_peers

    return neo4j_peers


def run_of(rate: int, nodes: int | None = None) -> dict:
    r = {"relationships_per_s": rate, "counts_ok": True}
    if nodes is not None:
        r |= {"nodes_per_s": nodes, "idempotent": True, "second_load": {"seconds": 1.0}}
    return r


def test_ratios_are_taken_within_each_round(peers: ModuleType) -> None:
    """Round 2 ran slower for everyone: its ratios still count, as ratios; the figures are
    the medians, the ratios the median of the rounds' ratios (not a ratio of medians)."""
    shape = peers.Shape(peers.peer_graph(50))
    results = {
        "hdkg": [run_of(300, 30), run_of(100, 10), run_of(320, 40)],
        "neo4j-graphrag (batch 1,000)": [run_of(100), run_of(60), run_of(100)],
        "neo4j-graphrag (batch 10,000)": [run_of(150), run_of(40), run_of(160)],
        "langchain-neo4j (1 source document per GraphDocument)": [run_of(120), run_of(20),
                                                                  run_of(100)],
        "floor": [run_of(600, 100), run_of(125, 20), run_of(400, 50)],
    }
    out = peers.summarise(50, shape, results)
    assert out["rounds"] == 3
    assert out["hdkg"] == 300 and out["floor"] == 400
    assert out["peers"] == {"neo4j-graphrag": 150, "langchain-neo4j": 100}
    # Fastest peer per round: 150, 60, 160 -> 2.0, 1.67, 2.0.
    assert out["ratios_by_round"]["hdkg_over_fastest_peer"] == [2.0, 1.67, 2.0]
    assert out["hdkg_over_fastest_peer"] == 2.0
    assert out["ratios_by_round"]["hdkg_over_floor"] == [0.5, 0.8, 0.8]
    assert out["hdkg_over_floor"] == 0.8
    assert out["ratios_by_round"]["nodes_over_floor"] == [0.3, 0.5, 0.8]
    assert out["nodes_over_floor"] == 0.5
    assert out["idempotent"] and out["counts_ok"]

    results["floor"][1]["counts_ok"] = False
    assert not peers.summarise(50, shape, results)["counts_ok"]


def test_hdkg_and_the_floor_on_a_real_server(peers: ModuleType) -> None:
    missing = [t for t in ("java", "mvn") if shutil.which(t) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs {', '.join(missing)} for the Neo4j server")
        pytest.skip(f"{', '.join(missing)} not installed")
    out = peers.run(400, [], [], {"hdkg", "floor"})
    assert out["counts_ok"], out["runs"]
    hdkg = out["runs"]["hdkg"][0]
    assert out["idempotent"], hdkg["second_load"]
    assert hdkg["second_load"]["properties_set"] == 0
    # The synthetic bodies have PART_OF between them: hdkg writes their closure, which the
    # counts compared with the floor leave out and its own check covers.
    assert hdkg["within"]["relationships"] == hdkg["within"]["expected"] > 0
    assert out["graph"]["facts"] == 400 and out["hdkg"] > 0 and out["floor"] > 0
