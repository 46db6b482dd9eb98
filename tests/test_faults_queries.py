"""Hostile `-p key=value` values through the `hdkg query` command, on both backends.

Whatever the value (quotes, braces, Cypher and SPARQL fragments, rich markup, bytes that are
not UTF-8, NUL, 10,000 characters), the command ends with exit 0 and no rows, or exit 1 and
one line; never a traceback, and nothing in the graph changes. The library-level checks
(run_query, run_sparql, run_cypher) are in test_queries.py and test_queries_parity.py.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from neo4j import Driver
from rich.console import Console

from hdkg.cli import parse_cli_params, run_query_command
from hdkg.graph.build import build_graph
from hdkg.graph.store import BuiltGraph, open_graph
from hdkg.queries.catalogue import catalogue, get_spec
from hdkg.queries.run import check_params, run_query
from hdkg.schema.errors import UserError

DATA = Path(__file__).resolve().parent / "data" / "queries_graph.yaml"

# What a shell can pass in argv (no NUL), as text or as raw bytes.
HOSTILE: list[str | bytes] = [
    'x"}) DETACH DELETE n //',
    "x'}) MATCH (n) DETACH DELETE n RETURN 1 //",
    "` RETURN 1 UNION MATCH (n) DETACH DELETE n //",
    '" } ; DROP GRAPH <urn:x> ; SELECT * { ?s ?p "',
    "> } DELETE WHERE { ?s ?p ?o } #",
    "{{actor}} ${actor} $actor ?actor %s {0}",
    "[/x] [bold]Indonesia[/bold] [link=file:///etc/passwd]x",
    "a=b=c",
    "line one\nline two\r\n\t",
    "\u202eaisenodnI\u200b",
    "x" * 10_000,
    b"\xc3\x28 \xff\xfe not UTF-8",
]
NUL = ["nul\x00byte", "Indonesia\x00", "\x00" * 100]


def hdkg(*args: str | bytes, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    run = subprocess.run([sys.executable, "-m", "hdkg.cli", *args], capture_output=True,
                         env=env, timeout=120)
    return subprocess.CompletedProcess(
        run.args, run.returncode, run.stdout.decode("utf-8", "replace"),
        run.stderr.decode("utf-8", "replace"))


def param(name: str, value: str | bytes) -> str | bytes:
    return (name.encode() + b"=" + value) if isinstance(value, bytes) else f"{name}={value}"


def assert_no_rows_or_one_line(run: subprocess.CompletedProcess, fmt: str) -> None:
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    if run.returncode == 1:
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), run.stderr[-3000:]
        return
    assert run.returncode == 0, run.stderr[-3000:]
    if fmt == "json":
        assert json.loads(run.stdout)["rows"] == []
    else:
        assert "0 row(s)" in run.stdout


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> BuiltGraph:
    out = tmp_path_factory.mktemp("qfaults") / "g"
    build_graph([DATA], out, with_reference=False)
    return open_graph(out)


# Entity parameters take any text (resolved to ids, else bound as a literal that matches
# nothing); typed ones (year, int, predicate) refuse what is not of their type.
ENTITY_CASES = [("chairs", "actor"), ("shared_forums", "a")]
TYPED_CASES = [("chairs", "year"), ("neighbours", "k"), ("evidence", "predicate")]


def _args(name: str, key: str, value: str | bytes) -> list[str | bytes]:
    spec = get_spec(name)
    args: list[str | bytes] = ["query", name, "-p", param(key, value)]
    for p in spec.params:
        if p.required and p.name != key:
            args += ["-p", f"{p.name}={p.example}"]
    return args


def _run_all(cases: list[tuple[list[str | bytes], str | bytes, str]],
             env: dict[str, str] | None = None) -> list[subprocess.CompletedProcess]:
    """Run the commands four at a time (each is a fresh interpreter: ~1 s)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(lambda c: hdkg(*c[0], env=env), cases))


def _check(cases: list[tuple[list[str | bytes], str | bytes, str]],
           runs: list[subprocess.CompletedProcess], entity: bool) -> None:
    for (args, value, fmt), run in zip(cases, runs, strict=True):
        assert_no_rows_or_one_line(run, fmt)
        if not entity:
            assert run.returncode == 1, (args, run.stdout[-500:])
        elif isinstance(value, bytes):
            assert run.returncode == 1 and "not valid UTF-8" in run.stderr, (args, run.stderr)
        else:
            assert run.returncode == 0, (args, run.stderr)


def test_hostile_values_through_the_cli_on_the_rdf_store(graph: BuiltGraph) -> None:
    before = len(graph.store)
    g = ["--graph", str(graph.path)]
    entity = [([*_args(n, k, v), *g, "--format", "json"], v, "json") for n, k in ENTITY_CASES
              for v in HOSTILE]
    entity += [([*_args("chairs", "actor", v), *g], v, "table") for v in HOSTILE]
    typed = [([*_args(n, k, v), *g, "--format", "json"], v, "json") for n, k in TYPED_CASES
             for v in HOSTILE[5:]]
    _check(entity, _run_all(entity), entity=True)
    _check(typed, _run_all(typed), entity=False)
    assert len(open_graph(graph.path).store) == before


def test_markup_in_values_is_printed_as_it_is(graph: BuiltGraph) -> None:
    """A value that looks like rich markup is data: shown verbatim, not styled or refused."""
    run = hdkg("query", "chairs", "-p", "year=[/x]", "--graph", str(graph.path))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "'[/x]'" in run.stderr
    run = hdkg("query", "chairs", "-p", "actor=[/x]", "--graph", str(graph.path))
    assert run.returncode == 0 and "actor=[/x]" in run.stdout, run.stderr


def test_a_nul_byte_cannot_reach_the_command_line() -> None:
    """The OS passes argv as C strings; a NUL can only come through the library."""
    with pytest.raises(ValueError, match="null byte"):
        subprocess.run([sys.executable, "-m", "hdkg.cli", "query", "chairs", "-p",
                        "actor=nul\x00byte"], capture_output=True)


def _command(graph: BuiltGraph, backend: str, name: str, items: list[str], fmt: str) -> str:
    """The `hdkg query` code path in this process (argv cannot hold NUL)."""
    buf = io.StringIO()
    run_query_command(name=name, params=items, example=False, backend=backend,
                      graph_dir=graph.path, fmt=fmt, list_=False,
                      console=Console(file=buf, width=200))
    return buf.getvalue()


def test_nul_and_long_values_through_the_command_code_on_the_rdf_store(
        graph: BuiltGraph) -> None:
    for value in [*NUL, "x" * 10_000, "\x00" + "y" * 10_000]:
        out = _command(graph, "rdf", "chairs", [f"actor={value}"], "json")
        assert json.loads(out)["rows"] == []
        assert "0 row(s)" in _command(graph, "rdf", "timeline", [f"entity={value}"], "table")
        with pytest.raises(UserError) as info:
            _command(graph, "rdf", "chairs", [f"year={value}"], "json")
        assert "\n" not in str(info.value) and len(str(info.value)) < 300


# ---------------------------------------------------------------- Neo4j

@pytest.fixture(scope="module")
def neo4j_graph(graph: BuiltGraph, neo4j_driver: Driver, neo4j_wipe: Any) -> BuiltGraph:
    from hdkg.graph.neo4j.load import load_graph

    neo4j_wipe(neo4j_driver)
    load_graph(graph.data, neo4j_driver)
    return graph


def _counts(driver: Driver) -> tuple[int, int, int]:
    rec = driver.execute_query(
        "MATCH (n) OPTIONAL MATCH (n)-[r]->() "
        "RETURN count(DISTINCT n) AS n, count(r) AS r, "
        "sum(size(keys(n))) AS p").records[0]
    return rec["n"], rec["r"], rec["p"]


@pytest.mark.neo4j
def test_hostile_values_through_the_cli_on_neo4j(neo4j_graph: BuiltGraph,
                                                 neo4j_driver: Driver) -> None:
    from hdkg.graph.neo4j.connect import resolve

    env = {**os.environ, "NEO4J_URI": resolve().uri}
    before = _counts(neo4j_driver)
    cypher = [v for v in HOSTILE if isinstance(v, bytes) or "`" in v or "$" in v or "}" in v
              or len(v) > 1000]
    cases = [([*_args(n, k, v), "--backend", "neo4j", "--format", "json"], v, "json")
             for n, k in ENTITY_CASES for v in cypher]
    _check(cases, _run_all(cases, env=env), entity=True)
    assert _counts(neo4j_driver) == before


@pytest.mark.neo4j
def test_nul_and_long_values_through_the_command_code_on_neo4j(
        neo4j_graph: BuiltGraph, neo4j_driver: Driver) -> None:
    before = _counts(neo4j_driver)
    for value in [*NUL, "x" * 10_000, 'x"}) DETACH DELETE n //\x00']:
        out = _command(neo4j_graph, "neo4j", "chairs", [f"actor={value}"], "json")
        assert json.loads(out)["rows"] == []
        rows = run_query("evidence", {"subject": value, "object": value}, backend="neo4j",
                         driver=neo4j_driver).rows
        assert rows == []
    assert _counts(neo4j_driver) == before


# ---------------------------------------------------------------- any string at all

ITEM = st.one_of(
    st.text(max_size=40),
    st.builds(lambda k, v: f"{k}={v}",
              st.sampled_from(["actor", "year", "k", "predicate", "entity", " actor ", "",
                               "x"]),
              st.one_of(st.text(max_size=30), st.integers(-10**10, 10**10).map(str),
                        st.sampled_from(["Indonesia", "2021", "0", "4", "member_of", " 2021 ",
                                         "\ud800", "1e3", "+5", "-0", "٢٠٢١"]))),
)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(items=st.lists(ITEM, max_size=4),
       name=st.sampled_from([s.name for s in catalogue()]))
def test_any_parameter_strings_parse_or_give_one_line(graph: BuiltGraph, items: list[str],
                                                      name: str) -> None:
    """Any -p strings: parsed and typed params, or a one-line UserError; the query then runs."""
    spec = get_spec(name)
    try:
        parsed = parse_cli_params(items)
        values = check_params(spec, parsed)
    except UserError as e:
        assert str(e) and "\n" not in str(e) and len(str(e)) < 400
        return
    assert set(parsed) <= {p.name for p in spec.params}
    for p in spec.params:
        v = values[p.name]
        if v is None:
            continue
        if p.type in ("year", "int"):
            assert isinstance(v, int) and not isinstance(v, bool)
            assert int(parsed[p.name].strip()) == v
        else:
            assert v == parsed[p.name] and v.strip()
            v.encode("utf-8")
    result = run_query(name, parsed, graph=graph)
    assert result.columns == spec.column_names
