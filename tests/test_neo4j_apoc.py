"""APOC core ships with the local server (`hdkg neo4j start`): many Neo4j users and tools
(neo4j-graphrag, LangChain's Neo4jGraph, apoc.periodic.iterate in scripts) expect it."""

from __future__ import annotations

import pytest
from neo4j import Driver


@pytest.mark.neo4j
def test_apoc_core_is_installed(neo4j_driver: Driver) -> None:
    records, _, _ = neo4j_driver.execute_query("RETURN apoc.version() AS v")
    version = records[0]["v"]
    server = neo4j_driver.get_server_info().agent  # "Neo4j/5.26.30"
    # APOC's major.minor follows the server's.
    assert version.split(".")[:2] == server.split("/")[1].split(".")[:2], (version, server)


@pytest.mark.neo4j
def test_apoc_procedures_run(neo4j_driver: Driver) -> None:
    """Functions, and a procedure that needs APOC's extension (ApocConfig, registered at
    start-up from the class path), not only its classes loaded from the plugin folder."""
    records, _, _ = neo4j_driver.execute_query(
        "RETURN apoc.text.join(['a', 'b'], '-') AS j, apoc.convert.toJson({x: 1}) AS js")
    assert (records[0]["j"], records[0]["js"]) == ("a-b", '{"x":1}')
    records, _, _ = neo4j_driver.execute_query(
        "CALL apoc.periodic.iterate('UNWIND range(1, 10) AS i RETURN i', "
        "'WITH i RETURN i', {batchSize: 5}) YIELD total, failedOperations "
        "RETURN total, failedOperations")
    assert (records[0]["total"], records[0]["failedOperations"]) == (10, 0)
