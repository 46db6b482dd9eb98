"""SHACL validation of a built graph with pyshacl, against the shapes generated from the schema."""

from __future__ import annotations

from pathlib import Path

import rdflib
from pyshacl import validate

SHAPES = Path(__file__).resolve().parents[1] / "schema" / "shapes.ttl"


def shapes_graph() -> rdflib.Graph:
    from hdkg.schema.generate import shapes

    # The shapes are generated from the model on the fly, so validation can never use a
    # stale file; schema/shapes.ttl is the same graph, written for people and other tools.
    return shapes()


def validate_graph(data: rdflib.Graph) -> tuple[bool, list[str]]:
    """(conforms, one line per violation: focus node, path, message)."""
    conforms, report, _text = validate(data, shacl_graph=shapes_graph(), inference="none",
                                       advanced=False, allow_warnings=False)
    if conforms:
        return True, []
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    problems = []
    for result in report.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = report.value(result, sh.focusNode)
        path = report.value(result, sh.resultPath)
        msg = report.value(result, sh.resultMessage)
        problems.append(f"{focus} {path or ''}: {msg}")
    return False, sorted(problems)
