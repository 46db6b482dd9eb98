"""The analysis notebooks: committed clean, and each one runs top to bottom on a checkout.

Notebooks rot silently (a renamed function, a changed column), so CI executes every one of
them as an analyst would: nbclient, the venv's `python3` kernel, the notebooks folder as the
working directory, failing on any cell error. Each notebook also prints its key numbers on a
`FIGURES {...}` line; these are checked against the saved queries on a graph built here from
the same sample corpus, so a notebook cannot drift from the queries it explains.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hdkg.graph.build import build_graph
from hdkg.graph.projections import load_data
from hdkg.queries.run import run_query
from hdkg.schema.models import EntityType

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
SAMPLE = ROOT / "data" / "sample"
# Variables that point a notebook at another graph or at a Neo4j server: the plain runs
# below are of the sample corpus on the embedded store, whatever the shell has set.
REDIRECTS = ("HDKG_GRAPH", "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")


def test_the_notebooks_are_there() -> None:
    assert [p.name for p in PATHS] == ["01_explore.ipynb", "02_network.ipynb",
                                       "03_neo4j.ipynb"]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_committed_without_outputs(path: Path) -> None:
    """Outputs in git mean noisy diffs, stale numbers and, from a Neo4j run, server names."""
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (
                f"{path.name} cell {i} has outputs: clear them "
                f"(jupyter nbconvert --clear-output --inplace {path.relative_to(ROOT)})")


def execute(path: Path) -> Any:
    """Run the notebook as CI does; a cell error raises CellExecutionError naming the cell."""
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    return nb


def stdout(nb: Any) -> str:
    return "".join(o.get("text", "") for cell in nb.cells if cell.cell_type == "code"
                   for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")


def figures(nb: Any) -> dict[str, Any]:
    lines = [line for line in stdout(nb).splitlines() if line.startswith("FIGURES ")]
    assert len(lines) == 1, f"expected one FIGURES line, got {len(lines)}"
    return json.loads(lines[0].removeprefix("FIGURES "))


@pytest.fixture(scope="module")
def executed() -> Iterator[Callable[[str], tuple[Any, float]]]:
    """Each notebook run once for the module, with the sample corpus and no Neo4j."""
    done: dict[str, tuple[Any, float]] = {}

    def run(stem: str) -> tuple[Any, float]:
        if stem not in done:
            started = time.time()
            with pytest.MonkeyPatch.context() as mp:  # the kernel inherits this environment
                for name in REDIRECTS:
                    mp.delenv(name, raising=False)
                done[stem] = (execute(NOTEBOOKS / f"{stem}.ipynb"), started)
        return done[stem]

    yield run


@pytest.fixture(scope="module")
def sample_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("notebooks") / "g"
    build_graph([SAMPLE], out)
    return out


def first_year(row: dict[str, Any], *columns: str) -> int | None:
    for c in columns:
        if row.get(c):
            return int(row[c][:4])
    return None


def by_year(years: list[int | None]) -> dict[str, int]:
    return {str(y): n for y, n in sorted(Counter(y for y in years if y is not None).items())}


@pytest.mark.slow
@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_notebook_runs_top_to_bottom(path: Path, executed) -> None:
    nb, _ = executed(path.stem)
    errors = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs
              if o.output_type == "error"]
    assert not errors
    figures(nb)  # every notebook states its figures, even when it skipped its work


@pytest.mark.slow
def test_explore_figures_agree_with_saved_queries(executed, sample_graph: Path) -> None:
    got = figures(executed("01_explore")[0])
    chairs = run_query("chairs", {}, graph_dir=sample_graph).rows
    members = run_query("memberships", {}, graph_dir=sample_graph).rows
    assert got["chairs"] == len(chairs) > 0
    assert got["memberships"] == len(members) > 0
    assert got["chairs_by_year"] == by_year([first_year(r, "start", "end") for r in chairs])
    assert got["memberships_by_year"] == by_year(
        [first_year(r, "start", "end") for r in members])


@pytest.mark.slow
def test_network_figures_agree_with_saved_queries(executed, sample_graph: Path) -> None:
    """The networkx projections against the SPARQL answers to the same questions."""
    got = figures(executed("02_network")[0])
    ents = load_data(sample_graph).entities.values()
    country_names = {e.name for e in ents if e.type is EntityType.Country}
    body_names = {e.name for e in ents
                  if e.type in (EntityType.Organization, EntityType.Forum)}
    ties = {(r["member"], r["body"])
            for r in run_query("memberships", {}, graph_dir=sample_graph).rows}
    ties |= {(r["actor"], r["body"]) for r in run_query("chairs", {}, graph_dir=sample_graph).rows}
    ties |= {(r["host"], r["hosted"]) for r in run_query("hosts", {}, graph_dir=sample_graph).rows}
    ties = {(c, b) for c, b in ties if c in country_names and b in body_names}
    assert got["country_body_ties"] == len(ties) > 0
    assert got["countries"] == len({c for c, _ in ties})
    assert got["bodies"] == len({b for _, b in ties})
    assert got["indonesia_bodies"] == sorted(b for c, b in ties if c == "Indonesia")
    assert got["communities"] >= 1

    members = run_query("memberships", {}, graph_dir=sample_graph).rows
    assert got["memberships_by_year"] == by_year(
        [first_year(r, "start", "end") for r in members])
    # The rows name agreements but do not identify them (two MSPs between the same
    # ministries share a name), so an agreement here is its name and date.
    agreements = {(r["agreement"], r["date"])
                  for r in run_query("agreements", {}, graph_dir=sample_graph).rows}
    assert got["agreements_by_year"] == by_year(
        [first_year({"date": d}, "date") for _, d in agreements])


@pytest.mark.slow
def test_network_page_is_written_and_works_offline(executed) -> None:
    _, started = executed("02_network")
    page = NOTEBOOKS / "output" / "network.html"
    assert page.is_file() and page.stat().st_mtime >= started - 1
    html = page.read_text(encoding="utf-8")
    assert "new vis.Network" in html
    assert "cdnjs.cloudflare.com/ajax/libs/vis-network" not in html  # the library is inlined


@pytest.mark.slow
def test_neo4j_notebook_without_a_server_says_so(executed) -> None:
    nb, _ = executed("03_neo4j")
    assert "NEO4J_URI is not set" in stdout(nb)
    assert figures(nb) == {"neo4j": False}


@pytest.mark.slow
@pytest.mark.neo4j
def test_neo4j_notebook_on_a_server(neo4j_empty, monkeypatch: pytest.MonkeyPatch,
                                    sample_graph: Path) -> None:
    """On an empty database the notebook loads the sample and gets the embedded answers."""
    from hdkg.graph.neo4j.connect import resolve

    settings = resolve()
    monkeypatch.delenv("HDKG_GRAPH", raising=False)
    monkeypatch.setenv("NEO4J_URI", settings.uri)
    for name, value in (("NEO4J_USER", settings.user), ("NEO4J_PASSWORD", settings.password)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert os.environ["NEO4J_URI"] == settings.uri
    got = figures(execute(NOTEBOOKS / "03_neo4j.ipynb"))
    assert got["neo4j"] and got["sample_loaded"]
    assert got["chairs"] == len(run_query("chairs", {}, graph_dir=sample_graph).rows)
    assert got["memberships"] == len(run_query("memberships", {}, graph_dir=sample_graph).rows)
    assert got["same_as_rdf"] and all(got["same_as_rdf"].values()), got["same_as_rdf"]
