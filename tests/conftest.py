"""Shared fixtures. Neo4j: a real server over Bolt, never a mock.

`neo4j_driver` reaches NEO4J_URI (with NEO4J_USER/NEO4J_PASSWORD) or the local server of
`hdkg neo4j start`. No server: outside CI the Neo4j tests are skipped with the reason; in CI
(CI set) they fail, because CI starts one and a skip there would hide a broken server.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from neo4j import Driver

from hdkg.graph.neo4j.connect import connect, resolve
from hdkg.schema.errors import UserError

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _no_server(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI needs a Neo4j server (hdkg neo4j start --data .neo4j): {reason}")
    pytest.skip(f"no Neo4j server: {reason}")


@pytest.fixture(scope="session")
def neo4j_driver() -> Iterator[Driver]:
    settings = resolve()
    try:
        driver = connect(settings)
    except UserError as e:
        _no_server(str(e))
    host = urlsplit(settings.uri).hostname or ""
    if host not in LOOPBACK and not os.environ.get("HDKG_NEO4J_TESTS_MAY_WIPE"):
        driver.close()
        # The tests delete everything in the database; never do that to a remote one by
        # accident.
        pytest.skip(f"{settings.masked()} is not on this machine; set "
                    "HDKG_NEO4J_TESTS_MAY_WIPE=1 to let the tests empty it")
    yield driver
    driver.close()


def wipe(driver: Driver) -> None:
    """Empty the database (constraints stay: loads create them anyway).

    A database that holds anything but hdkg nodes (someone's own graph on the default port)
    is left alone: the test is skipped unless HDKG_NEO4J_TESTS_MAY_WIPE=1.
    """
    records, _, _ = driver.execute_query(
        "MATCH (n) WHERE NOT n:Entity RETURN count(n) AS foreign")
    if records[0]["foreign"] and not os.environ.get("HDKG_NEO4J_TESTS_MAY_WIPE"):
        pytest.skip("the Neo4j database holds nodes that are not hdkg's; set "
                    "HDKG_NEO4J_TESTS_MAY_WIPE=1 to let the tests empty it")
    # IN TRANSACTIONS needs an implicit transaction. Relationships go first, in batches: a
    # hub's DETACH DELETE (Indonesia in a benchmark graph) outgrows the memory pool.
    with driver.session() as session:
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS"
                    ).consume()
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS").consume()


@pytest.fixture(scope="session")
def neo4j_wipe() -> object:
    """`wipe` as a fixture, for module-scoped fixtures that load their own graph."""
    return wipe


@pytest.fixture
def neo4j_empty(neo4j_driver: Driver) -> Driver:
    """The driver, after emptying the database."""
    wipe(neo4j_driver)
    return neo4j_driver
