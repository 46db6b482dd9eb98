"""Neo4j faults through `hdkg load neo4j`: bad credentials, no server, a server killed mid-load,
two loads at once. Each ends in one line and exit 1, or in exactly the counts of a clean load.

The wrong-password and kill tests run their own server (auth on, spare ports, a temporary
store), because they stop it and need a password; they need java and mvn like
test_neo4j_server.py. The concurrent-load test uses the shared server (conftest).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from bench.synthetic import synthetic_graph
from hdkg.graph.model import GraphData
from hdkg.graph.neo4j.connect import Settings, connect, resolve
from hdkg.graph.neo4j.load import Plan, graph_counts, stats_from_driver
from hdkg.graph.store import write_graph
from hdkg.schema.errors import UserError

PASSWORD = "faults-Pa55word-xyz"
SECRET = "secret-Not-the-Pa55word"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hdkg(*args: str, env: dict[str, str] | None = None, timeout: float = 300
         ) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hdkg.cli", *args], capture_output=True,
                          text=True, env=env, timeout=timeout)


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without NEO4J_* (so only what a test passes counts), plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(extra)
    return env


def assert_one_line_error(run: subprocess.CompletedProcess, *secrets: str) -> str:
    """Exit 1, no traceback, the last stderr line is the error; no secret anywhere."""
    assert run.returncode == 1, (run.returncode, run.stdout[-500:], run.stderr[-2000:])
    assert "Traceback" not in run.stderr
    for secret in secrets:
        assert secret not in run.stdout and secret not in run.stderr
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith("error: "), run.stderr[-2000:]
    return last


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GraphData]:
    """A synthetic graph whose load takes a few seconds (12,000 facts, ~35,000 rows)."""
    data = synthetic_graph(12_000, seed=23)
    out = tmp_path_factory.mktemp("faults-neo4j") / "g"
    write_graph(data, out, manifest={})
    return out, data


# ---------------------------------------------------------------- no server, bad URI

def test_unreachable_server_is_one_line_without_password(tmp_path: Path) -> None:
    write_graph(synthetic_graph(50, seed=1), tmp_path / "g", manifest={})
    port = free_port()  # bound and released: nothing listens there
    for uri in (f"bolt://127.0.0.1:{port}", f"neo4j://neo4j:{SECRET}@127.0.0.1:{port}"):
        run = hdkg("load", "neo4j", "--graph", str(tmp_path / "g"), "--uri", uri,
                   "--password", SECRET, env=clean_env(), timeout=120)
        line = assert_one_line_error(run, SECRET)
        assert f"cannot reach Neo4j at {uri.split('://')[0]}://" in line
        assert len(run.stderr.strip().splitlines()) == 1, run.stderr


def test_http_uri_is_one_line(tmp_path: Path) -> None:
    """The Browser's port given for Bolt: the driver's HTTP preview would need aiohttp."""
    write_graph(synthetic_graph(50, seed=1), tmp_path / "g", manifest={})
    run = hdkg("load", "neo4j", "--graph", str(tmp_path / "g"), "--uri",
               f"http://127.0.0.1:{free_port()}", "--password", SECRET, env=clean_env())
    line = assert_one_line_error(run, SECRET)
    assert "bolt://" in line
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr


# ---------------------------------------------------------------- a server of our own

@pytest.fixture(scope="module")
def auth_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """A Neo4j with auth on, on spare ports, stopped at the end whatever happened."""
    from hdkg.graph.neo4j import server as neo4j_server

    missing = [t for t in ("java", "mvn") if shutil.which(t) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs {', '.join(missing)} for the Neo4j server")
        pytest.skip(f"{', '.join(missing)} not installed")
    data = tmp_path_factory.mktemp("faults-server") / "neo4j"
    bolt, http = free_port(), free_port()
    try:
        info = neo4j_server.start(data, bolt_port=bolt, http_port=http, password=PASSWORD)
        yield {**info, "data": data, "bolt_port": bolt, "http_port": http}
    finally:
        neo4j_server.stop(data)


def _auth_driver(server: dict) -> Driver:
    """A driver with the right password. Neo4j locks a user out for a few seconds after
    failed logins (the wrong-password test makes some), so keep trying for a while."""
    deadline = time.monotonic() + 30
    while True:
        try:
            return connect(Settings(uri=server["bolt_uri"], user="neo4j", password=PASSWORD))
        except UserError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


@pytest.mark.neo4j
@pytest.mark.slow
def test_wrong_password_is_one_line_without_it(auth_server: dict, tmp_path: Path) -> None:
    write_graph(synthetic_graph(50, seed=1), tmp_path / "g", manifest={})
    run = hdkg("load", "neo4j", "--graph", str(tmp_path / "g"), "--uri", auth_server["bolt_uri"],
               "--user", "neo4j", "--password", SECRET, env=clean_env())
    line = assert_one_line_error(run, SECRET, PASSWORD)
    assert "refused the credentials" in line
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    # The same through the environment, as a user with their own server would set it.
    run = hdkg("load", "neo4j", "--graph", str(tmp_path / "g"),
               env=clean_env(NEO4J_URI=auth_server["bolt_uri"], NEO4J_USER="neo4j",
                             NEO4J_PASSWORD=SECRET))
    assert "refused the credentials" in assert_one_line_error(run, SECRET, PASSWORD)


def _relationships(driver: Driver) -> int:
    return driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]


def _assert_exactly(driver: Driver, data: GraphData) -> None:
    """The counts of a clean load, no duplicate node, relationship or provenance link."""
    assert stats_from_driver(driver) == graph_counts(data)
    dup_nodes = driver.execute_query(
        "MATCH (n:Entity) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN id LIMIT 5").records
    assert dup_nodes == []
    dup_rels = driver.execute_query(
        "MATCH ()-[r]->() WHERE r.fact_id IS NOT NULL WITH type(r) AS t, r.fact_id AS f, "
        "count(*) AS c WHERE c > 1 RETURN t, f LIMIT 5").records
    assert dup_rels == []
    states = driver.execute_query(
        "MATCH (d:Document)-[s:STATES]->(e) WITH d, e, count(s) AS c "
        "RETURN count(*) AS pairs, sum(c) AS links").records[0]
    assert states["pairs"] == states["links"] == len(Plan(data).states)


@pytest.mark.neo4j
@pytest.mark.slow
def test_server_killed_mid_load_then_a_reload_is_exact(
        auth_server: dict, graph_dir: tuple[Path, GraphData]) -> None:
    from hdkg.graph.neo4j import server as neo4j_server

    path, data = graph_dir
    with _auth_driver(auth_server) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    env = clean_env(NEO4J_URI=auth_server["bolt_uri"], NEO4J_USER="neo4j",
                    NEO4J_PASSWORD=PASSWORD)
    load = subprocess.Popen([sys.executable, "-m", "hdkg.cli", "load", "neo4j",
                             "--graph", str(path), "--batch-size", "1000"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # Kill the server once relationships are being written: nodes are in, facts half.
        with _auth_driver(auth_server) as driver:
            deadline = time.monotonic() + 240
            while _relationships(driver) == 0:
                assert load.poll() is None, f"the load ended first: {load.communicate()}"
                assert time.monotonic() < deadline, "the load never reached relationships"
                time.sleep(0.1)
            written = _relationships(driver)
        assert load.poll() is None, "the load ended before the kill; use a larger graph"
        os.killpg(os.getpgid(auth_server["pid"]), signal.SIGKILL)
        stdout, stderr = load.communicate(timeout=180)
    finally:
        if load.poll() is None:
            load.kill()
            load.wait()
    assert written < len(data.facts)
    run = subprocess.CompletedProcess(load.args, load.returncode, stdout, stderr)
    assert_one_line_error(run, PASSWORD)

    # The store recovers on restart; loading again gives exactly a clean load.
    info = neo4j_server.start(auth_server["data"], bolt_port=auth_server["bolt_port"],
                              http_port=auth_server["http_port"], password=PASSWORD)
    auth_server["pid"] = info["pid"]
    run = hdkg("load", "neo4j", "--graph", str(path), env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    assert PASSWORD not in run.stdout + run.stderr
    with _auth_driver(auth_server) as driver:
        _assert_exactly(driver, data)


# ---------------------------------------------------------------- two loads at once

@pytest.mark.neo4j
@pytest.mark.slow
def test_two_loads_at_once_create_no_duplicates(
        neo4j_empty: Driver, graph_dir: tuple[Path, GraphData]) -> None:
    path, data = graph_dir
    settings = resolve()
    env = {**os.environ, "NEO4J_URI": settings.uri}
    args = [sys.executable, "-m", "hdkg.cli", "load", "neo4j", "--graph", str(path),
            "--batch-size", "2000"]
    procs = [subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    try:
        outs = [p.communicate(timeout=300) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    for p, (_, stderr) in zip(procs, outs, strict=True):
        assert p.returncode == 0, stderr[-2000:]
    _assert_exactly(neo4j_empty, data)
