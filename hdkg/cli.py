"""The `hdkg` command line: one program, one sub-command per job.

Each command is a thin shell over a module that does the work, so the same work is
reachable from Python (tests, notebooks) without the CLI; what is printed to the terminal
(tables, JSON, CSV, log lines) is made here. Bad input ends with one line on stderr and exit
status 1, never a traceback: `fail()` is the only way out on error.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from hdkg.schema.errors import UserError

app = typer.Typer(
    name="hdkg",
    help="The health diplomacy knowledge graph: build, validate, export, query.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)
neo4j_app = typer.Typer(help="Run a local Neo4j server (Community 5, from Maven Central).",
                        no_args_is_help=True)
load_app = typer.Typer(help="Load a built graph into a database.", no_args_is_help=True)
review_app = typer.Typer(help="Lists for an analyst to decide on.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(load_app, name="load")
app.add_typer(review_app, name="review")

err = Console(stderr=True)
out = Console()

DEFAULT_GRAPH = Path(os.environ.get("HDKG_GRAPH", "hdkg-out"))

# Progress bars show unless -q; set by the global options.
_show_progress = True
LOGGER = "hdkg"
FORMATS = ("table", "json", "csv")


def _version(value: bool) -> None:
    if value:
        from hdkg import __version__

        out.print(f"hdkg {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def _global(
    verbose: int = typer.Option(0, "--verbose", "-v", count=True,
                                help="more messages (-v: debug)"),
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="warnings and errors only, no progress bars"),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="print the version and exit"),
) -> None:
    """The health diplomacy knowledge graph: build, validate, export, query, serve."""
    global _show_progress
    _show_progress = not quiet
    level = logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO
    setup_logging(level)


def setup_logging(level: int = logging.INFO) -> None:
    """Send the `hdkg` loggers' records at `level` and above to stderr, through rich."""
    from rich.logging import RichHandler

    root = logging.getLogger(LOGGER)
    for h in list(root.handlers):
        if getattr(h, "_hdkg", False):
            root.removeHandler(h)
    handler = RichHandler(console=Console(stderr=True), show_time=False, show_path=False,
                          markup=False, rich_tracebacks=False, show_level=level < logging.INFO)
    handler._hdkg = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    root.propagate = False



def fail(message: str, code: int = 1) -> NoReturn:
    """End the command with one line on stderr."""
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@app.command()
def build(
    sources: list[Path] = typer.Argument(..., help="documents, folders, curated YAML/CSV files"),
    out_dir: Path = typer.Option(DEFAULT_GRAPH, "--out", "-o", help="graph folder to write"),
    reference: bool = typer.Option(True, help="include the reference countries and bodies"),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="processes for text extraction"),
    max_bytes: int = typer.Option(5 * 1024 * 1024, "--max-bytes", min=1,
                                  help="skip documents larger than this"),
) -> None:
    """Build the graph from SOURCES into --out (RDF store, Turtle, networkx, stats)."""
    from hdkg.graph.build import build_graph

    try:
        report = build_graph(sources, out_dir, with_reference=reference, jobs=jobs,
                             max_bytes=max_bytes, progress=_show_progress)
    except UserError as e:
        fail(str(e))
    for line in report.skipped:
        err.print(f"[yellow]skipped[/yellow] {escape(line)}", highlight=False, soft_wrap=True)
    out.print(f"built {out_dir}: {report.entities} entities, {report.facts} facts, "
              f"{report.triples} triples from {report.documents} documents"
              + (f" ({len(report.skipped)} skipped)" if report.skipped else ""), highlight=False)
    if report.skipped:
        raise typer.Exit(2)


@app.command()
def validate(graph_dir: Path = typer.Argument(DEFAULT_GRAPH, help="built graph folder")) -> None:
    """Validate a built graph against the SHACL shapes generated from the schema."""
    from hdkg.graph.store import open_graph
    from hdkg.graph.validate import validate_graph

    try:
        g = open_graph(graph_dir)
    except UserError as e:
        fail(str(e))
    conforms, problems = validate_graph(g.rdf_graph())
    if conforms:
        out.print(f"{graph_dir}: conforms ({len(g.rdf_graph())} triples)")
        return
    for p in problems:
        err.print(p, highlight=False, soft_wrap=True)
    fail(f"{graph_dir}: {len(problems)} SHACL violation(s)")


@app.command()
def export(
    graph_dir: Path = typer.Argument(DEFAULT_GRAPH, help="built graph folder"),
    fmt: str = typer.Option("ttl", "--format", "-f",
                            help="ttl, nt, jsonld, graphml, gexf or neo4j-admin"),
    output: Path | None = typer.Option(None, "-o", "--output",
                                       help="file (a folder for neo4j-admin); stdout if absent"),
) -> None:
    """Export a built graph as RDF, GraphML/GEXF (Gephi) or neo4j-admin import CSVs."""
    from hdkg.graph.exporters import EXPORT_FORMATS, export_graph
    from hdkg.graph.store import open_graph

    if fmt not in EXPORT_FORMATS:
        fail(f"unknown format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")
    try:
        g = open_graph(graph_dir)
        export_graph(g, fmt, output)
    except UserError as e:
        fail(str(e))


@app.command()
def stats(
    graph_dir: Path = typer.Option(DEFAULT_GRAPH, "--graph", "-g", help="built graph folder"),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json"),
    backend: str = typer.Option("rdf", "--backend", "-b", help="rdf (embedded) or neo4j"),
) -> None:
    """Count nodes by label and relationships by type."""
    if fmt not in ("table", "json"):
        fail(f"unknown format {fmt!r}; one of table, json")
    if backend not in ("rdf", "neo4j"):
        fail(f"unknown backend {backend!r}; one of rdf, neo4j")
    try:
        counts = _stats_counts(graph_dir, backend)
    except UserError as e:
        fail(str(e))
    print_stats(counts, fmt, out)


def print_stats(counts: dict, fmt: str, console: Console) -> None:
    if fmt == "json":
        console.print_json(json.dumps(counts))
        return
    table = Table(title="hdkg graph")
    table.add_column("kind")
    table.add_column("name")
    table.add_column("count", justify="right")
    for label, n in counts["nodes"].items():
        table.add_row("node", label, str(n))
    for rel, n in counts["relationships"].items():
        table.add_row("relationship", rel, str(n))
    table.add_row("total", "nodes", str(sum(counts["nodes"].values())))
    table.add_row("total", "relationships", str(sum(counts["relationships"].values())))
    console.print(table)


def _stats_counts(graph_dir: Path, backend: str) -> dict:
    if backend == "neo4j":
        from hdkg.graph.neo4j.load import neo4j_stats

        return neo4j_stats()
    from hdkg.graph.stats import graph_stats
    from hdkg.graph.store import open_graph

    return graph_stats(open_graph(graph_dir))


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help=".txt/.md/.html files or folders of them"),
    output: Path | None = typer.Option(None, "-o", "--output", help="JSONL file to write"),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="worker processes"),
    max_bytes: int = typer.Option(5 * 1024 * 1024, "--max-bytes", min=1,  # read.py's default
                                  help="skip documents larger than this (bytes on disk)"),
    explain: bool = typer.Option(False, "--explain",
                                 help="print, per sentence, the mentions, triggers, facts and "
                                      "why a rule abstained, instead of writing records"),
) -> None:
    """Read facts out of documents as JSONL records (see the extraction contract)."""
    from hdkg.loaders.text.run import explain_paths, run_extract

    try:
        if explain:
            code = explain_paths(paths, out=sys.stdout, console=err, max_bytes=max_bytes)
        elif output is None:
            raise UserError("missing -o/--output OUT.jsonl (or --explain to read the rules' "
                            "reasons instead)")
        else:
            code = run_extract(paths, output, jobs=jobs, console=err, max_bytes=max_bytes)
    except UserError as e:
        fail(str(e))
    raise typer.Exit(code)


@app.command()
def query(
    name: str | None = typer.Argument(None, help="saved query name (see --list)"),
    param: list[str] = typer.Option([], "-p", "--param", help="key=value, repeatable"),
    example: bool = typer.Option(False, "--example", help="use the example values"),
    backend: str = typer.Option("rdf", "--backend", "-b", help="rdf (embedded) or neo4j"),
    graph_dir: Path = typer.Option(DEFAULT_GRAPH, "--graph", "-g", help="built graph folder"),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv"),
    list_: bool = typer.Option(False, "--list", help="list the saved queries"),
) -> None:
    """Run a saved query on the embedded RDF store or on Neo4j."""
    try:
        run_query_command(name=name, params=param, example=example, backend=backend,
                          graph_dir=graph_dir, fmt=fmt, list_=list_, console=out)
    except UserError as e:
        fail(str(e))


@neo4j_app.command("start")
def neo4j_start(
    data: Path = typer.Option(Path(".neo4j"), "--data", help="server folder"),
    bolt_port: int = typer.Option(7687, "--bolt-port"),
    http_port: int = typer.Option(7474, "--http-port"),
) -> None:
    """Start Neo4j in its own JVM and wait until Bolt answers."""
    from hdkg.graph.neo4j.server import start

    try:
        info = start(data, bolt_port=bolt_port, http_port=http_port)
    except UserError as e:
        fail(str(e))
    out.print(json.dumps(info))


@neo4j_app.command("stop")
def neo4j_stop(data: Path = typer.Option(Path(".neo4j"), "--data", help="server folder")) -> None:
    """Stop the server started with `hdkg neo4j start`."""
    from hdkg.graph.neo4j.server import stop

    try:
        stop(data)
    except UserError as e:
        fail(str(e))


@neo4j_app.command("import")
def neo4j_import(
    graph_dir: Path = typer.Option(DEFAULT_GRAPH, "--graph", "-g", help="built graph folder"),
    data: Path = typer.Option(Path(".neo4j"), "--data", help="server folder"),
    bolt_port: int = typer.Option(7687, "--bolt-port"),
    http_port: int = typer.Option(7474, "--http-port"),
) -> None:
    """Bulk first load (neo4j-admin import): REPLACES the stopped server's database."""
    from hdkg.graph.neo4j.admin import import_graph_dir

    try:
        info = import_graph_dir(graph_dir, data, bolt_port=bolt_port, http_port=http_port)
    except UserError as e:
        fail(str(e))
    out.print(json.dumps(info))


@neo4j_app.command("status")
def neo4j_status(data: Path = typer.Option(Path(".neo4j"), "--data", help="server folder")) -> None:
    """Say whether the local server runs, with its pid and ports."""
    from hdkg.graph.neo4j.server import status

    info = status(data)
    out.print(json.dumps(info))
    if not info.get("running"):
        raise typer.Exit(3)


@load_app.command("neo4j")
def load_neo4j(
    graph_dir: Path = typer.Option(DEFAULT_GRAPH, "--graph", "-g", help="built graph folder"),
    uri: str | None = typer.Option(None, "--uri", envvar="NEO4J_URI"),
    user: str | None = typer.Option(None, "--user", envvar="NEO4J_USER"),
    password: str | None = typer.Option(None, "--password", envvar="NEO4J_PASSWORD"),
    batch_size: int = typer.Option(10_000, "--batch-size", min=1),
    workers: int = typer.Option(2, "--workers", min=1, max=16,
                                help="parallel sessions writing batches"),
) -> None:
    """Write a built graph to Neo4j (idempotent: new facts created, known ones merged)."""
    from hdkg.graph.neo4j.load import load_graph_dir

    try:
        counts = load_graph_dir(graph_dir, uri=uri, user=user, password=password,
                                batch_size=batch_size, workers=workers,
                                progress=_show_progress)
    except UserError as e:
        fail(str(e))
    out.print(json.dumps(counts))


@app.command()
def serve(
    graph_dir: Path = typer.Option(DEFAULT_GRAPH, "--graph", "-g", help="built graph folder"),
    port: int = typer.Option(7878, "--port", "-p", min=0, max=65535, help="TCP port (0: any free)"),
    host: str = typer.Option("127.0.0.1", "--host",
                             help="address to bind; the endpoint has no authentication"),
) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/query."""
    import logging

    from hdkg.graph.sparql_server import make_server
    from hdkg.graph.store import open_graph

    try:
        g = open_graph(graph_dir)
        g.store  # noqa: B018 - open it now, so a bad store fails here and not per request
        server = make_server(g, host=host, port=port)
    except UserError as e:
        fail(str(e))
    except OSError as e:
        fail(f"cannot serve on {host}:{port}: {e.strerror or e}")
    if host not in ("127.0.0.1", "localhost", "::1"):
        logging.getLogger("hdkg").warning("serving on %s: anyone who reaches it can query "
                                          "the graph (no authentication)", host)
    out.print(f"SPARQL endpoint: {server.url} (read-only; Ctrl-C stops it)", highlight=False)
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@review_app.command("duplicates")
def review_duplicates(
    graph_dir: Path = typer.Option(DEFAULT_GRAPH, "--graph", "-g", help="built graph folder"),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json"),
) -> None:
    """List entities that look alike but were not merged, for an analyst to decide."""
    from hdkg.graph.review import duplicate_pairs

    try:
        pairs = duplicate_pairs(graph_dir)
        if fmt not in ("table", "json"):
            raise UserError(f"unknown format {fmt!r}; one of table, json")
    except UserError as e:
        fail(str(e))
    if fmt == "json":
        out.print_json(json.dumps(pairs))
        return
    table = Table(title=f"{len(pairs)} pair(s) to review "
                  "(settle them in data/curated/identity.yaml)")
    for col in ("a", "b", "score", "why not merged"):
        table.add_column(col)
    for p in pairs:
        table.add_row(f"{p['a_name']} ({p['a']})", f"{p['b_name']} ({p['b']})",
                      f"{p['score']:.2f}", p["reason"])
    out.print(table)


# ---------------------------------------------------------------- hdkg query

def parse_cli_params(items: list[str]) -> dict[str, str]:
    """`-p key=value` options into a dict; a repeated key is an error."""
    from hdkg.queries.run import shown

    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UserError(f"parameter {shown(item)} is not key=value")
        if key in out:
            raise UserError(f"parameter {shown(key)} given twice")
        out[key] = value
    return out


def cell(value: Any) -> str:
    """A value as table/CSV text: lists joined by '; ', nothing for null."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def catalogue_json() -> list[dict[str, Any]]:
    from hdkg.queries.catalogue import catalogue

    return [{"name": s.name, "question": s.question, "pertanyaan": s.pertanyaan,
             "params": [{"name": p.name, "type": p.type, "required": p.required,
                         "example": p.example, "doc": p.doc} for p in s.params],
             "columns": s.column_names,
             "files": {"cypher": f"queries/cypher/{s.cypher_path.name}",
                       "sparql": f"queries/sparql/{s.sparql_path.name}"}}
            for s in catalogue()]


def run_query_command(name: str | None, params: list[str], example: bool, backend: str,
                      graph_dir: Path, fmt: str, list_: bool, console: Any) -> None:
    """`hdkg query`: list the catalogue, or run one query and print table, JSON or CSV."""
    from rich.text import Text

    from hdkg.queries.catalogue import catalogue, get_spec
    from hdkg.queries.run import run_query

    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; use table, json or csv")
    if list_:
        if fmt == "json":
            console.file.write(json.dumps(catalogue_json(), ensure_ascii=False, indent=2) + "\n")
            return
        if fmt == "csv":
            buf = io.StringIO()
            w = csv.writer(buf)
            w.writerow(["name", "question", "params"])
            for s in catalogue():
                w.writerow([s.name, s.question, " ".join(p.name for p in s.params)])
            console.file.write(buf.getvalue())
            return
        table = Table("query", "question", "parameters (example)")
        for s in catalogue():
            ps = ", ".join(f"{p.name}{'' if p.required else '?'}"
                           + (f"={p.example}" if p.example else "") for p in s.params)
            table.add_row(s.name, f"{s.question}\n[dim]{s.pertanyaan}[/dim]", ps)
        console.print(table)
        return
    if not name:
        raise UserError("give a query name (see `hdkg query --list`)")
    spec = get_spec(name)
    given = parse_cli_params(params)
    values: dict[str, Any] = dict(spec.example_params()) if example else {}
    values.update(given)
    result = run_query(name, values, backend=backend, graph_dir=graph_dir)
    if fmt == "json":
        console.file.write(json.dumps(result.to_json(name), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(result.columns)
        for row in result.rows:
            w.writerow([cell(row[c]) for c in result.columns])
        console.file.write(buf.getvalue())
    else:
        # Values and cells are data, not rich markup: "[/x]" in a name must print as it is.
        with_values = ", ".join(f"{k}={v if len(str(v)) <= 60 else str(v)[:57] + '...'}"
                                for k, v in values.items())
        table = Table(*result.columns,
                      title=Text(f"{name}" + (f" ({with_values})" if with_values else "")),
                      caption=f"{len(result.rows)} row(s), {backend}")
        for row in result.rows:
            table.add_row(*(Text(cell(row[c])) for c in result.columns))
        console.print(table)


def main() -> None:
    """Entry point: run the app; turn stray OS errors into one line instead of a traceback."""
    from rich.errors import MarkupError

    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except MarkupError as e:
        # A message quoting user input that looks like rich markup ("[/x]") made printing
        # it fail; the message being printed is the error this one interrupted.
        cause = e.__context__
        while cause is not None and not isinstance(cause, UserError):
            cause = cause.__context__
        if cause is None:
            raise
        err.print(f"error: {cause}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(1)
    except OSError as e:  # a full disk, a folder that vanished: the OS said why
        from rich.markup import escape

        where = f"{e.filename}: " if e.filename else ""
        err.print(f"[red]error:[/red] {escape(where + str(e.strerror or e))}",
                  highlight=False, soft_wrap=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
