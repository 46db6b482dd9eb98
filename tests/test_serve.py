"""`hdkg serve`: a real server process on a free port, asked by real SPARQL clients
(SPARQLWrapper, rdflib's SPARQLStore) and by plain HTTP for the protocol's corners."""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from hdkg.graph.build import build_graph
from hdkg.graph.store import open_graph

ROOT = Path(__file__).resolve().parents[1]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
CHAIRS = """PREFIX hdkg: <https://w3id.org/hdkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name WHERE { ?c hdkg:chairOf ?b . ?c rdfs:label ?name } ORDER BY ?name"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    graph = tmp_path_factory.mktemp("serve") / "g"
    build_graph([ROOT / "data" / "sample"], graph)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "hdkg", "serve", "--graph", str(graph),
                             "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"hdkg serve did not start: {proc.stderr.read()}")
            time.sleep(0.2)
    try:
        yield url, graph
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def store_count(graph: Path) -> int:
    store = open_graph(graph).store
    return int(next(iter(store.query(COUNT)))["n"].value)


def test_sparqlwrapper_json_xml_csv(endpoint: tuple[str, Path]) -> None:
    url, graph = endpoint
    client = SPARQLWrapper(url)
    client.setQuery(COUNT)
    client.setReturnFormat(JSON)
    got = client.query().convert()
    assert int(got["results"]["bindings"][0]["n"]["value"]) == store_count(graph)

    client.setQuery(CHAIRS)
    client.setReturnFormat(XML)
    doc = client.query().convert()  # an xml.dom Document
    names = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
    assert "Indonesia" in names

    client.setReturnFormat(CSV)
    rows = list(csv.reader(io.StringIO(client.query().convert().decode("utf-8"))))
    assert rows[0] == ["name"] and ["Indonesia"] in rows


def test_post_and_construct(endpoint: tuple[str, Path]) -> None:
    url, _ = endpoint
    client = SPARQLWrapper(url)
    client.setMethod(POST)
    client.setQuery("ASK { ?s a <https://w3id.org/hdkg/ontology#Country> }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True
    client.setQuery("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 10")
    client.setReturnFormat(TURTLE)
    g = rdflib.Graph().parse(data=client.query().convert(), format="turtle")
    assert len(g) == 10


def test_rdflib_sparqlstore(endpoint: tuple[str, Path]) -> None:
    url, _ = endpoint
    g = rdflib.Graph(store=SPARQLStore(url, returnFormat="json"))
    names = {str(r[0]) for r in g.query(CHAIRS)}
    assert "Indonesia" in names


def test_updates_are_refused(endpoint: tuple[str, Path]) -> None:
    url, graph = endpoint
    before = store_count(graph)
    client = SPARQLWrapper(url)
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")  # sent as an update
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)) as e:
        client.query()
    assert re.search(r"\b(403|400)\b", str(e.value)) or "Forbidden" in str(e.value)
    for body, ctype in ((b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
                        (urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(),
                         "application/x-www-form-urlencoded"),
                        (b"DELETE WHERE { ?s ?p ?o }", "application/sparql-query")):
        req = urllib.request.Request(url, data=body, headers={"Content-Type": ctype})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req, timeout=10)
        assert 400 <= err.value.code < 500
    assert store_count(graph) == before


def test_content_negotiation_and_errors(endpoint: tuple[str, Path]) -> None:
    url, _ = endpoint
    q = urllib.parse.urlencode({"query": COUNT})

    def get(accept: str | None) -> tuple[int, str, bytes]:
        headers = {"Accept": accept} if accept else {}
        req = urllib.request.Request(f"{url}?{q}", headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                return r.status, r.headers["Content-Type"], r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Content-Type", ""), e.read()

    status, ctype, body = get(None)
    assert status == 200 and ctype.startswith("application/sparql-results+json")
    json.loads(body)
    status, ctype, _ = get("text/csv;q=0.5, application/sparql-results+xml")
    assert ctype.startswith("application/sparql-results+xml")
    status, ctype, _ = get("text/tab-separated-values")
    assert ctype.startswith("text/tab-separated-values")
    assert get("image/png")[0] == 406
    bad = urllib.parse.urlencode({"query": "SELECT nonsense"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{url}?{bad}", timeout=10)
    assert err.value.code == 400
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(url, timeout=10)  # no query
    assert err.value.code == 400


def test_bound_to_loopback_by_default(endpoint: tuple[str, Path]) -> None:
    from hdkg.graph.sparql_server import make_server

    url, graph = endpoint
    assert url.startswith("http://127.0.0.1:")
    server = make_server(open_graph(graph), port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_api_serve_in_a_thread(endpoint: tuple[str, Path]) -> None:
    import hdkg

    _, graph = endpoint
    server = hdkg.serve(graph, port=0)
    try:
        client = SPARQLWrapper(server.url)
        client.setQuery(COUNT)
        client.setReturnFormat(JSON)
        n = client.query().convert()["results"]["bindings"][0]["n"]["value"]
        assert int(n) == store_count(graph)
    finally:
        server.shutdown()
        server.server_close()
    assert isinstance(ox.Store, type)
