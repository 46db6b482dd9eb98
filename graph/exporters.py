"""`hdkg export`: a built graph as RDF (Turtle, N-Triples, JSON-LD), GraphML or GEXF
(Gephi), or CSV files for `neo4j-admin database import`."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pyoxigraph as ox

from hdkg.graph.store import BuiltGraph
from hdkg.schema.errors import UserError
from hdkg.schema.terms import NS

EXPORT_FORMATS = ("ttl", "nt", "jsonld", "graphml", "gexf", "neo4j-admin")
_RDF = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}


def export_graph(g: BuiltGraph, fmt: str, output: Path | None) -> None:
    """Write the graph in `fmt` to `output` (standard output when None)."""
    if fmt == "neo4j-admin":
        if output is None:
            raise UserError("--format neo4j-admin writes several CSV files: give a folder with -o")
        from hdkg.graph.neo4j.admin import write_admin_import

        output.mkdir(parents=True, exist_ok=True)
        for p in write_admin_import(g.data, output):
            print(p, file=sys.stderr)
        return
    if fmt in _RDF:
        # Oxigraph serialises straight from the store: fast at millions of triples.
        prefixes = {k: v for k, v in NS.items() if k != "sh"} if fmt == "ttl" else None
        kwargs = {"prefixes": prefixes} if prefixes else {}
        if output is None:
            buf = io.BytesIO()
            g.store.dump(buf, _RDF[fmt], from_graph=ox.DefaultGraph(), **kwargs)
            sys.stdout.buffer.write(buf.getvalue())
        else:
            g.store.dump(str(output), _RDF[fmt], from_graph=ox.DefaultGraph(), **kwargs)
        return
    if fmt == "jsonld":
        # rdflib writes JSON-LD compacted with the context generated from the schema
        # (schema/context.jsonld, shipped in the package), embedded so the file stands alone.
        rg = g.rdf_graph()
        text = rg.serialize(format="json-ld", context=jsonld_context()["@context"], indent=1)
        _write_text(text, output)
        return
    import networkx as nx

    from hdkg.graph.nx import to_networkx

    graph = to_networkx(g.data)
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buf)
    else:
        nx.write_gexf(graph, buf)
    if output is None:
        sys.stdout.buffer.write(buf.getvalue())
    else:
        output.write_bytes(buf.getvalue())


def jsonld_context() -> dict:
    """The JSON-LD context shipped with the package (generated from the schema)."""
    import json
    from importlib.resources import files

    return json.loads((files("hdkg.schema") / "context.jsonld").read_text(encoding="utf-8"))


def _write_text(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
