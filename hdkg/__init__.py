"""hdkg: the health diplomacy knowledge graph, as a Python API.

The same work as the `hdkg` command, for notebooks and scripts::

    import hdkg

    report = hdkg.build(["data/sample"], "hdkg-out")        # documents + curated -> graph
    g = hdkg.open_graph("hdkg-out")                          # a built graph folder
    rows = hdkg.query("chairs", {"actor": "Indonesia"}, graph=g)            # list of dicts
    frame = hdkg.query("memberships", graph=g, as_frame=True)              # pandas
    nxg = hdkg.to_networkx(g)                                # networkx MultiDiGraph
    hdkg.load_neo4j(g, uri="bolt://127.0.0.1:7687")          # write it to Neo4j

Wherever a graph is asked for, a `BuiltGraph` (from `open_graph`), a folder path, or None
(`$HDKG_GRAPH`, else `hdkg-out`) will do. Errors a user can fix raise `UserError` with a
one-line message. The modules under `hdkg.graph`, `hdkg.queries`, `hdkg.loaders` and
`hdkg.schema` stay importable for deeper work; this module imports them only when called,
so `import hdkg` is cheap.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hdkg.schema.errors import UserError
from hdkg.schema.models import EntityType, Predicate

if TYPE_CHECKING:
    import networkx
    import pandas
    from neo4j import Driver

    from hdkg.graph.build import BuildReport
    from hdkg.graph.store import BuiltGraph
    from hdkg.queries.catalogue import QuerySpec

try:
    __version__ = _version("hdkg")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["EntityType", "Predicate", "UserError", "__version__", "build", "build_sample",
           "connect_neo4j", "load_neo4j", "open_graph", "query", "sample_corpus", "saved_queries",
           "serve", "stats",
           "to_networkx"]



def _graph_path(path: str | os.PathLike[str] | None) -> Path:
    return Path(path) if path is not None else Path(os.environ.get("HDKG_GRAPH", "hdkg-out"))


def build(sources: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
          out: str | os.PathLike[str] | None = None, *, reference: bool = True, jobs: int = 1,
          max_bytes: int | None = None, progress: bool = False) -> BuildReport:
    """Build the graph of `sources` (documents, folders, curated YAML/CSV) into `out`.

    As `hdkg build SOURCES --out OUT`. Returns the report (counts, skipped inputs); inputs
    that were skipped are listed in `report.skipped`, not raised.
    """
    from hdkg.graph.build import build_graph

    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    return build_graph([Path(s) for s in sources], _graph_path(out), with_reference=reference,
                       jobs=jobs, max_bytes=max_bytes, progress=progress)


def sample_corpus() -> Path:
    """The folder of the sample corpus shipped with hdkg (six press releases, one curated
    file): something to build when there is no corpus at hand."""
    from importlib.resources import files

    return Path(str(files("hdkg.data") / "sample"))


def build_sample(out: str | os.PathLike[str]) -> Path:
    """Build the shipped sample corpus into `out` and return `out`."""
    build(sample_corpus(), out)
    return Path(out)


def open_graph(path: BuiltGraph | str | os.PathLike[str] | None = None) -> BuiltGraph:
    """A graph folder written by `build`, opened for reading (a `BuiltGraph`: `.data` the
    records, `.store` the Oxigraph store, `.rdf_graph()` an rdflib Graph, `.manifest`)."""
    from hdkg.graph.store import BuiltGraph
    from hdkg.graph.store import open_graph as _open

    if isinstance(path, BuiltGraph):
        return path
    return _open(_graph_path(path))


def saved_queries() -> list[QuerySpec]:
    """The saved questions: name, question, parameters and columns of each."""
    from hdkg.queries.catalogue import catalogue

    return catalogue()


def query(name: str, params: Mapping[str, Any] | None = None, *,
          graph: BuiltGraph | str | os.PathLike[str] | None = None, backend: str = "rdf",
          driver: Driver | None = None, as_frame: bool = False, **kwargs: Any
          ) -> list[dict[str, Any]] | pandas.DataFrame:
    """Run the saved query `name`: a list of row dicts, or a pandas DataFrame (`as_frame`).

    Parameters come as a mapping or as keywords (`query("chairs", actor="Indonesia")`); one
    left out means no filter. `backend="neo4j"` asks Neo4j instead of the embedded store,
    with `driver` or one made from NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD (or the local server).
    A DataFrame has the query's columns even when no row matched.
    """
    from hdkg.queries.run import run_query

    values = {**(params or {}), **kwargs}
    built = open_graph(graph) if backend == "rdf" else None
    result = run_query(name, values, backend=backend, graph=built, driver=driver)
    if not as_frame:
        return result.rows
    import pandas as pd

    return pd.DataFrame.from_records(result.rows, columns=result.columns)


def to_networkx(graph: BuiltGraph | str | os.PathLike[str] | None = None, *,
                view: str = "facts", via: str = "bodies") -> networkx.Graph:
    """The graph for network analysis.

    `view="facts"` (default): every entity and fact, a MultiDiGraph keyed by fact id.
    `view="country-body"`: countries and the bodies they belong to, chair or host (bipartite).
    `view="country-country"`: countries tied through shared bodies (`via="bodies"`) or common
    agreements (`via="agreements"`), weighted.
    """
    from hdkg.graph import projections

    data = open_graph(graph).data
    if view == "facts":
        return projections.whole_graph(data)
    if view == "country-body":
        return projections.country_body(data)
    if view == "country-country":
        return projections.country_country(data, via=via)
    raise UserError(f"unknown view {view!r}; one of facts, country-body, country-country")


def connect_neo4j(uri: str | None = None, user: str | None = None,
                  password: str | None = None) -> Driver:
    """A Neo4j driver that has reached the server: arguments, else NEO4J_URI/NEO4J_USER/
    NEO4J_PASSWORD, else the server of `hdkg neo4j start`. Close it when done."""
    from hdkg.graph.neo4j.connect import connect, resolve

    return connect(resolve(uri, user, password))


def load_neo4j(graph: BuiltGraph | str | os.PathLike[str] | None = None, *,
               driver: Driver | None = None, uri: str | None = None, user: str | None = None,
               password: str | None = None, batch_size: int = 10_000, workers: int = 2,
               progress: bool = False) -> dict[str, Any]:
    """Write a built graph to Neo4j (idempotent: new facts created, known ones merged);
    returns the counts of what was written. Uses `driver`, else connects as
    `connect_neo4j(uri, user, password)` does."""
    from hdkg.graph.neo4j.load import load_graph
    from hdkg.graph.progress import progress_bar

    data = open_graph(graph).data
    own = driver is None
    if own:
        driver = connect_neo4j(uri, user, password)
    try:
        with progress_bar(progress, transient=False, width=28) as bar:
            task = bar.add_task("constraints", total=None)
            return load_graph(data, driver, batch_size=batch_size, workers=workers,
                              progress=lambda phase, done, total: bar.update(
                                  task, description=phase, completed=done, total=total))
    finally:
        if own:
            driver.close()


def stats(graph: BuiltGraph | str | os.PathLike[str] | None = None, *, backend: str = "rdf",
          driver: Driver | None = None) -> dict[str, dict[str, int]]:
    """Counts of nodes by label and relationships by type, of a built graph or of Neo4j."""
    if backend == "neo4j":
        from hdkg.graph.neo4j.load import stats_from_driver

        if driver is not None:
            return stats_from_driver(driver)
        own = connect_neo4j()
        try:
            return stats_from_driver(own)
        finally:
            own.close()
    if backend != "rdf":
        raise UserError(f"unknown backend {backend!r}; use rdf or neo4j")
    from hdkg.graph.stats import graph_stats

    return graph_stats(open_graph(graph))


def serve(graph: BuiltGraph | str | os.PathLike[str] | None = None, *, port: int = 7878,
          host: str = "127.0.0.1") -> Any:
    """A read-only SPARQL 1.1 endpoint over the graph at http://HOST:PORT/query, serving in
    a background thread; returns the server (`.url`, `.shutdown()`)."""
    from hdkg.graph.sparql_server import start_in_thread

    return start_in_thread(open_graph(graph), host=host, port=port)
