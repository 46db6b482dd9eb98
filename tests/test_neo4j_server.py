"""The local server's life cycle on spare ports: start, status, auth, restart, stop.

It needs java and mvn (the first start builds the launcher from Maven Central); without
them it skips outside CI and fails in CI.
"""

from __future__ import annotations

import os
import shutil
import socket
import urllib.request
from pathlib import Path

import pytest

from hdkg.graph.model import GraphData
from hdkg.graph.neo4j import server as neo4j_server
from hdkg.graph.neo4j.connect import Settings, connect
from hdkg.graph.neo4j.load import load_graph, stats_from_driver
from hdkg.schema.errors import UserError
from hdkg.schema.models import Entity, EntityType, Fact, Source

pytestmark = pytest.mark.slow

PASSWORD = "hdkg-test-Passw0rd"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tiny_graph() -> GraphData:
    g = GraphData()
    g.add_entity(Entity(id="country/IDN", type=EntityType.Country, name="Indonesia", iso3="IDN"))
    g.add_entity(Entity(id="org/who", type=EntityType.Organization, name="WHO"))
    g.add_fact(Fact(predicate="member_of", subject="country/IDN", object="org/who",
                    sources=[Source(document="d01.txt", loader="test")]))
    return g


@pytest.fixture
def tools() -> None:
    missing = [t for t in ("java", "mvn") if shutil.which(t) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs {', '.join(missing)} for the Neo4j server")
        pytest.skip(f"{', '.join(missing)} not installed")


def test_start_status_stop_cycle(tools: None, tmp_path: Path) -> None:
    data = tmp_path / "neo4j"
    bolt, http = free_port(), free_port()
    try:
        info = neo4j_server.start(data, bolt_port=bolt, http_port=http, password=PASSWORD)
        assert info["bolt_uri"] == f"bolt://127.0.0.1:{bolt}"
        st = neo4j_server.status(data)
        assert st["running"] and st["pid"] == info["pid"] and st["bolt_port"] == bolt
        assert (data / "server.json").exists() and (data / "neo4j.log").exists()

        # Starting again finds it instead of starting a second one.
        assert neo4j_server.start(data, bolt_port=bolt, http_port=http)["pid"] == info["pid"]
        # Its ports are taken: another folder cannot use them.
        with pytest.raises(UserError, match=f"port {bolt} on 127.0.0.1 is in use"):
            neo4j_server.start(tmp_path / "other", bolt_port=bolt, http_port=free_port())

        # Auth is on for this one: a wrong password is one line without the password.
        wrong = "not-the-" + PASSWORD
        with pytest.raises(UserError) as exc:
            connect(Settings(uri=info["bolt_uri"], user="neo4j", password=wrong))
        assert "refused the credentials" in str(exc.value)
        assert wrong not in str(exc.value) and PASSWORD not in str(exc.value)

        driver = connect(Settings(uri=info["bolt_uri"], user="neo4j", password=PASSWORD))
        with driver:
            load_graph(tiny_graph(), driver)
            before = stats_from_driver(driver)

        # Neo4j Browser is served by the same server.
        with urllib.request.urlopen(info["http_url"], timeout=10) as resp:
            assert resp.status == 200 and b"Neo4j Browser" in resp.read()

        neo4j_server.stop(data)
        assert not neo4j_server.status(data)["running"]
        assert not (data / "server.json").exists()
        neo4j_server.stop(data)  # not running: a message, no error

        # The store survives a restart.
        neo4j_server.start(data, bolt_port=bolt, http_port=http, password=PASSWORD)
        driver = connect(Settings(uri=info["bolt_uri"], user="neo4j", password=PASSWORD))
        with driver:
            assert stats_from_driver(driver) == before
    finally:
        neo4j_server.stop(data)
    assert not neo4j_server.status(data)["running"]


def test_admin_import_gives_the_loaded_graph(tools: None, tmp_path: Path) -> None:
    """neo4j-admin import of the CSVs yields what the Bolt loader yields, same counts."""
    from hdkg.graph.neo4j.admin import admin_import_args, write_admin_import
    from hdkg.graph.neo4j.load import graph_counts

    g = tiny_graph()
    g.add_entity(Entity(id="person/budi", type=EntityType.Person, name='Budi "BGS"; Sadikin',
                        aliases=["Menkes; RI", "BGS"]))
    g.add_fact(Fact(predicate="holds_position", subject="person/budi", object="country/IDN",
                    role="Minister", start="2020",
                    sources=[Source(document="d02.txt", evidence='He said, "yes";\nthen left.',
                                    loader="test", rule="r1", confidence=0.5)]))
    # A bureau of a unit of WHO: WITHIN both, as the Bolt loader writes it.
    for key in ("eb", "pbac"):
        g.add_entity(Entity(id=f"org/{key}", type=EntityType.Organization, name=key.upper()))
    g.add_fact(Fact(predicate="part_of", subject="org/eb", object="org/who",
                    sources=[Source(document="d01.txt", loader="test")]))
    g.add_fact(Fact(predicate="part_of", subject="org/pbac", object="org/eb",
                    sources=[Source(document="d01.txt", loader="test")]))
    paths = write_admin_import(g, tmp_path / "csv")
    assert [p.name for p in paths] == [
        "nodes-Country.csv", "nodes-Person.csv", "nodes-Organization.csv",
        "nodes-Document.csv", "rels-MEMBER_OF.csv", "rels-HOLDS_POSITION.csv",
        "rels-PART_OF.csv", "rels-STATES.csv", "rels-WITHIN.csv"]
    data = tmp_path / "neo4j"
    neo4j_server.admin_import(data, admin_import_args(paths))
    bolt = free_port()
    try:
        info = neo4j_server.start(data, bolt_port=bolt, http_port=free_port())
        driver = connect(Settings(uri=info["bolt_uri"]))
        with driver:
            assert stats_from_driver(driver) == graph_counts(g)
            budi = driver.execute_query("MATCH (p:Person:Entity {id: 'person/budi'}) "
                                        "RETURN p").records[0]["p"]
            assert budi["name"] == 'Budi "BGS"; Sadikin'
            assert budi["aliases"] == ["Menkes; RI", "BGS"]
            r = driver.execute_query("MATCH (:Person)-[r:HOLDS_POSITION]->(:Country) "
                                     "RETURN r").records[0]["r"]
            assert r["evidence"] == ['He said, "yes";\nthen left.']
            assert (r["role"], r["start"], r["confidence"]) == ("Minister", "2020", 0.5)
            assert driver.execute_query(
                "MATCH (:Document)-[s:STATES]->() RETURN count(s) AS n").records[0]["n"] == 6
            within = driver.execute_query("MATCH (a)-[:WITHIN]->(b) RETURN a.id AS a, b.id AS b "
                                          "ORDER BY a, b").records
            assert [(r["a"], r["b"]) for r in within] == [
                ("org/eb", "org/who"), ("org/pbac", "org/eb"), ("org/pbac", "org/who")]
            # A Bolt load over the imported store adds nothing: same ids, same fact_ids,
            # the same WITHIN pairs.
            counts = load_graph(g, driver)
            assert counts["nodes_created"] == 0 and counts["relationships_created"] == 0
            assert (counts["within"], counts["within_created"], counts["within_deleted"]) == (
                3, 0, 0)
    finally:
        neo4j_server.stop(data)


def test_cli_import_serves_the_built_graph_with_its_constraints(tools: None,
                                                                tmp_path: Path) -> None:
    """`hdkg neo4j import`: the sample corpus in bulk, served, same counts as the embedded
    store, the schema's constraints in place, and a Bolt load over it adds nothing."""
    import json
    import subprocess
    import sys

    from hdkg.graph.neo4j.cypher import constraint_statements
    from hdkg.graph.neo4j.load import graph_counts, read_graph_dir
    from hdkg.graph.store import open_graph

    root = Path(__file__).resolve().parents[1]
    graph = tmp_path / "g"
    hdkg = [sys.executable, "-m", "hdkg.cli"]
    built = subprocess.run([*hdkg, "build", str(root / "data" / "sample"), "--out", str(graph)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    data = tmp_path / "neo4j"
    bolt, http = free_port(), free_port()
    try:
        r = subprocess.run([*hdkg, "neo4j", "import", "--graph", str(graph), "--data",
                            str(data), "--bolt-port", str(bolt), "--http-port", str(http)],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        info = json.loads(r.stdout)
        g = read_graph_dir(graph)
        counts = graph_counts(g)
        assert info["relationships"] == sum(counts["relationships"].values()) > 0
        assert info["bolt_uri"] == f"bolt://127.0.0.1:{bolt}"
        driver = connect(Settings(uri=info["bolt_uri"]))
        with driver:
            assert stats_from_driver(driver) == counts
            names = {r["name"] for r in driver.execute_query("SHOW CONSTRAINTS").records}
            assert len(names) == len(constraint_statements())
            again = load_graph(open_graph(graph).data, driver)
            assert again["nodes_created"] == 0 and again["relationships_created"] == 0
        # The store is replaced only offline: a running server is refused, with a reason.
        r = subprocess.run([*hdkg, "neo4j", "import", "--graph", str(graph), "--data",
                            str(data)], capture_output=True, text=True)
        assert r.returncode == 1 and "stop the server first" in r.stderr
    finally:
        neo4j_server.stop(data)
