"""Neo4j Browser, for real: Chromium opens it on the local server and draws a loaded graph.

Runs graph/neo4j/browser/browser_check.mjs (playwright-core driving Debian's chromium). Needs
`apt-get install chromium`, `npm ci` in graph/neo4j/browser and the local server of
`hdkg neo4j start`; skips without them outside CI, fails in CI.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from neo4j import Driver

from hdkg.graph.model import GraphData
from hdkg.graph.neo4j.connect import LOCAL_DATA
from hdkg.graph.neo4j.load import load_graph
from hdkg.graph.neo4j.server import BROWSER_CHECK, STYLE, status
from hdkg.schema.models import Entity, EntityType, Fact, Source

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
SCRIPT = BROWSER_CHECK / "browser_check.mjs"


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI needs {reason} for the Neo4j Browser check")
    pytest.skip(f"{reason} not available")


def graph() -> GraphData:
    g = GraphData()
    for e in [Entity(id="country/IDN", type=EntityType.Country, name="Indonesia", iso3="IDN"),
              Entity(id="org/who", type=EntityType.Organization, name="WHO"),
              Entity(id="org/asean", type=EntityType.Organization, name="ASEAN"),
              Entity(id="event/wha77-2024", type=EntityType.Event, name="WHA77")]:
        g.add_entity(e)
    for pred, obj in [("member_of", "org/who"), ("member_of", "org/asean"),
                      ("participated_in", "event/wha77-2024")]:
        g.add_fact(Fact(predicate=pred, subject="country/IDN", object=obj,
                        sources=[Source(document="d01.txt", loader="test")]))
    return g


def test_browser_draws_the_graph(neo4j_empty: Driver, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} (apt-get install -y chromium)")
    if shutil.which("node") is None:
        _missing("node")
    if not (BROWSER_CHECK / "node_modules" / "playwright-core").is_dir():
        _missing("playwright-core (npm ci in graph/neo4j/browser)")
    server = status(LOCAL_DATA)
    if not server["running"]:
        _missing(f"the local server of {LOCAL_DATA} (hdkg neo4j start) with its Browser")
    load_graph(graph(), neo4j_empty)

    shot = tmp_path / "browser.png"
    proc = subprocess.run(
        ["node", str(SCRIPT), "--http", f"http://127.0.0.1:{server['http_port']}",
         "--bolt", server["bolt_uri"], "--out", str(shot),
         "--style", str(STYLE), "--min-nodes", "4",
         "--chromium", str(CHROMIUM)],
        capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr or proc.stdout
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["ok"] and result["nodes"] >= 4 and result["relationships"] >= 3
    assert shot.stat().st_size > 10_000
