"""The JSON-LD context: generated from the schema's term tables, shipped in the package, and
what `hdkg export --format jsonld` compacts with; the export holds every triple of the store."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from hdkg.graph.build import build_graph
from hdkg.graph.store import open_graph
from hdkg.schema.generate import jsonld_context
from hdkg.schema.terms import CLASSES, ENTITY_CLASS, FACT_CLASS, IRI_VALUED, JSONLD_TERM, NS, P

ROOT = Path(__file__).resolve().parents[1]


def _expand(value: str, ctx: dict) -> str:
    prefix, _, local = value.partition(":")
    return ctx[prefix] + local if prefix in ctx and isinstance(ctx[prefix], str) else value


def test_context_has_every_term_of_the_schema() -> None:
    ctx = jsonld_context()["@context"]
    for prefix, ns in NS.items():
        if prefix != "sh":
            assert ctx[prefix] == ns
    for key, curie in P.items():
        if key == "type":
            continue
        term = ctx[JSONLD_TERM.get(key, key)]
        if key in IRI_VALUED:
            assert term == {"@id": curie, "@type": "@id"}, key
        else:
            assert term == curie, key
    for own, _std in ENTITY_CLASS.values():
        assert ctx[own.split(":")[1]] == own
    for own, _std, shortcut in FACT_CLASS.values():
        assert ctx[own.split(":")[1]] == own
        assert ctx[shortcut.split(":")[1]]["@id"] == shortcut
    for curie in CLASSES.values():
        assert ctx[curie.split(":")[1]] == curie
    # Every term expands to an IRI of a known namespace: no typo can hide in the table.
    for term, value in ctx.items():
        if term.startswith("@") or term in NS:
            continue
        iri = _expand(value["@id"] if isinstance(value, dict) else value, ctx)
        assert any(iri.startswith(ns) for ns in NS.values()), (term, iri)


def test_shipped_context_is_the_generated_one() -> None:
    shipped = json.loads((files("hdkg.schema") / "context.jsonld").read_text(encoding="utf-8"))
    assert shipped == jsonld_context()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("jsonld") / "g"
    build_graph([ROOT / "data" / "sample"], out)
    return out


def test_export_parses_into_the_stores_triples(sample: Path, tmp_path: Path) -> None:
    target = tmp_path / "graph.jsonld"
    subprocess.run([sys.executable, "-m", "hdkg", "export", str(sample), "--format", "jsonld",
                    "-o", str(target)], check=True)
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["@context"] == jsonld_context()["@context"]  # the shipped context, embedded
    assert doc["@graph"] and any("hdkgId" in node for node in doc["@graph"])
    parsed = rdflib.Graph().parse(target, format="json-ld")
    store = open_graph(sample).store
    n = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")))["n"].value)
    assert len(parsed) == n > 1000
    # And they are the same triples, not only as many.
    nt = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    from_store = rdflib.Graph().parse(data=nt, format="nt")
    assert set(parsed) == set(from_store)
