"""`query_frame`: the saved queries as DataFrames, with the runner's rows and column order."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from hdkg.graph.build import build_graph
from hdkg.graph.neo4j.load import load_graph
from hdkg.graph.store import open_graph
from hdkg.queries.catalogue import catalogue
from hdkg.queries.run import run_query
from hdkg.schema.errors import UserError

pd = pytest.importorskip("pandas")
from hdkg.queries.frames import query_frame  # noqa: E402  (needs pandas, checked above)

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"


@pytest.fixture(scope="module")
def sample_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("frames") / "g"
    build_graph([SAMPLE], out)
    return out


@pytest.mark.parametrize("spec", catalogue(), ids=lambda s: s.name)
def test_frame_has_the_rows_and_columns_of_the_query(spec, sample_graph: Path) -> None:
    params = spec.example_params()
    frame = query_frame(spec.name, graph_dir=sample_graph, **params)
    result = run_query(spec.name, params, graph_dir=sample_graph)
    assert list(frame.columns) == result.columns == spec.column_names
    assert records(frame) == result.rows


def records(frame: pd.DataFrame) -> list[dict]:
    """The frame's rows as the runner gives them: pandas turns some missing values to NaN."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def test_chairs_and_memberships_of_the_sample(sample_graph: Path) -> None:
    chairs = query_frame("chairs", graph_dir=str(sample_graph), actor="Indonesia")
    assert len(chairs) > 0 and set(chairs["actor"]) == {"Indonesia"}
    members = query_frame("memberships", graph_dir=sample_graph)
    assert {"Indonesia", "Timor-Leste"} <= set(members["member"])
    assert all(isinstance(s, list) for s in members["sources"])


def test_empty_answer_keeps_the_columns(sample_graph: Path) -> None:
    frame = query_frame("chairs", graph_dir=sample_graph, actor="nobody at all", year=1800)
    assert frame.empty
    assert list(frame.columns) == ["actor", "body", "role", "start", "end", "sources"]


def test_bad_parameters_are_the_runners_errors(sample_graph: Path) -> None:
    with pytest.raises(UserError, match="no parameter 'colour'"):
        query_frame("chairs", graph_dir=sample_graph, colour="red")
    with pytest.raises(UserError, match="must be a year"):
        query_frame("chairs", graph_dir=sample_graph, year="soon")
    with pytest.raises(UserError, match="unknown query"):
        query_frame("no_such_query", graph_dir=sample_graph)


def test_missing_graph_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="hdkg build"):
        query_frame("chairs", graph_dir=tmp_path / "none")


def test_no_query_parameter_shadows_a_keyword_of_query_frame() -> None:
    """Query parameters travel as **params: one named like an argument would be swallowed."""
    own = set(inspect.signature(query_frame).parameters) - {"params"}
    for spec in catalogue():
        assert not own & {p.name for p in spec.params}, spec.name


@pytest.mark.neo4j
def test_neo4j_frames_equal_rdf_frames(neo4j_empty, sample_graph: Path) -> None:
    load_graph(open_graph(sample_graph).data, neo4j_empty)
    for name in ("chairs", "memberships", "agreements", "hosts"):
        rdf = query_frame(name, graph_dir=sample_graph)
        neo = query_frame(name, backend="neo4j", driver=neo4j_empty)
        pd.testing.assert_frame_equal(neo, rdf)
