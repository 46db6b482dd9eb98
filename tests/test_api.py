"""The public Python API (`import hdkg`) and the command's global options, on real graphs."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import hdkg

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("api") / "g"
    report = hdkg.build([SAMPLE], out)
    assert report.facts > 0 and not report.skipped
    return out


def test_build_open_query_rows_and_frame(graph_dir: Path) -> None:
    g = hdkg.open_graph(graph_dir)
    assert hdkg.open_graph(g) is g
    rows = hdkg.query("chairs", {"actor": "Indonesia"}, graph=g)
    assert rows and all(isinstance(r, dict) for r in rows)
    assert hdkg.query("chairs", graph=str(graph_dir), actor="Indonesia") == rows
    frame = hdkg.query("chairs", graph=g, as_frame=True, actor="Indonesia")
    assert list(frame.columns) == ["actor", "body", "role", "start", "end", "sources"]
    assert len(frame) == len(rows)
    empty = hdkg.query("chairs", graph=g, as_frame=True, actor="nobody at all")
    assert empty.empty and list(empty.columns) == list(frame.columns)


def test_graph_defaults_to_hdkg_graph(graph_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HDKG_GRAPH", str(graph_dir))
    assert hdkg.open_graph().path == graph_dir
    assert hdkg.stats()["nodes"]


def test_networkx_views(graph_dir: Path) -> None:
    g = hdkg.open_graph(graph_dir)
    whole = hdkg.to_networkx(g)
    assert isinstance(whole, nx.MultiDiGraph)
    assert whole.number_of_edges() == len(g.data.facts)
    bip = hdkg.to_networkx(g, view="country-body")
    assert "country/IDN" in bip
    assert hdkg.to_networkx(g, view="country-country", via="agreements").number_of_nodes() > 0
    with pytest.raises(hdkg.UserError, match="unknown view"):
        hdkg.to_networkx(g, view="nope")


def test_saved_queries_and_errors(tmp_path: Path) -> None:
    names = {q.name for q in hdkg.saved_queries()}
    assert {"chairs", "posts", "memberships", "agreements", "structure"} <= names
    with pytest.raises(hdkg.UserError, match="no graph at"):
        hdkg.open_graph(tmp_path / "missing")
    with pytest.raises(hdkg.UserError):
        hdkg.query("no-such-query", graph=tmp_path)


def test_sample_corpus_ships_with_the_package(tmp_path: Path) -> None:
    assert (hdkg.sample_corpus() / "curated.yaml").is_file()
    out = hdkg.build_sample(tmp_path / "s")
    assert hdkg.open_graph(out).manifest["facts"] > 0


@pytest.mark.neo4j
def test_load_neo4j_and_query_it(graph_dir: Path, neo4j_empty) -> None:
    counts = hdkg.load_neo4j(graph_dir, driver=neo4j_empty)
    assert counts["relationships"] > 0
    again = hdkg.load_neo4j(graph_dir, driver=neo4j_empty)  # idempotent
    assert hdkg.stats(backend="neo4j", driver=neo4j_empty) == hdkg.stats(graph_dir) or again
    assert (hdkg.query("chairs", backend="neo4j", driver=neo4j_empty, actor="Indonesia")
            == hdkg.query("chairs", graph=graph_dir, actor="Indonesia"))


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hdkg", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd)


def test_python_m_hdkg_and_version() -> None:
    r = run("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"hdkg {hdkg.__version__}"
    assert hdkg.__version__ != "0+unknown"
    r = run("--help")
    assert r.returncode == 0 and "serve" in r.stdout and "--install-completion" in r.stdout


def test_shell_completion_is_enabled() -> None:
    r = run("--show-completion", "bash")
    assert r.returncode == 0 and "complete" in r.stdout


def test_quiet_and_verbose_set_the_logging_level(graph_dir: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from hdkg.cli import app

    runner = CliRunner()
    for flags, level in ((["-q"], logging.WARNING), ([], logging.INFO), (["-v"], logging.DEBUG)):
        r = runner.invoke(app, [*flags, "stats", "--graph", str(graph_dir)])
        assert r.exit_code == 0, r.output
        assert logging.getLogger("hdkg").level == level
    # A library message reaches the terminal through the handler, and -q silences it.
    r = run("-v", "build", str(SAMPLE / "curated.yaml"), "--out", str(tmp_path / "g"))
    assert r.returncode == 0
    r = run("-q", "neo4j", "stop", "--data", str(tmp_path / "no-server"))
    assert r.returncode == 0 and r.stderr == ""
    r = run("neo4j", "stop", "--data", str(tmp_path / "no-server"))
    assert "Neo4j is not running" in r.stderr
