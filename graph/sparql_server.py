"""`hdkg serve`: a read-only SPARQL 1.1 Protocol endpoint over a built graph's Oxigraph store.

For SPARQL clients (YASGUI, Protégé, rdflib's SPARQLStore, SPARQLWrapper in a notebook):
`http://127.0.0.1:PORT/query` answers queries sent as

- GET `?query=...`,
- POST `application/x-www-form-urlencoded` with `query=...`,
- POST `application/sparql-query` with the query as the body,

with `default-graph-uri` / `named-graph-uri` honoured. SELECT and ASK results come as SPARQL
JSON, XML, CSV or TSV, CONSTRUCT and DESCRIBE as Turtle, N-Triples, RDF/XML or JSON-LD, chosen
from the Accept header (q-values honoured; JSON and Turtle when the client takes anything).
Updates are refused (403) whichever way they are sent, and the store is opened read-only
besides. The standard library's ThreadingHTTPServer serves; it binds to 127.0.0.1 unless
told otherwise, because the endpoint has no authentication.
"""

from __future__ import annotations

import io
import logging
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

log = logging.getLogger(__name__)

PATH = "/query"
MAX_BODY = 4 * 1024 * 1024  # a query larger than this is not a query

RESULTS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPHS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
# What each kind of answer is when the client takes anything.
DEFAULT_RESULTS = "application/sparql-results+json"
DEFAULT_GRAPH = "text/turtle"
UPDATE_TYPES = ("application/sparql-update",)


class Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges of an Accept header, best first (q-value, then order given)."""
    if not header:
        return [("*/*", 1.0)]
    ranges = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q, i))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(m, q) for m, q, _ in ranges if q > 0]


def negotiate(accept: str | None, offered: dict[str, Any], default: str) -> str | None:
    """The media type to answer with, or None when the client accepts none on offer."""
    for media, _q in parse_accept(accept):
        if media in offered:
            return media
        if media == "*/*":
            return default
        if media.endswith("/*"):
            prefix = media[:-1]
            if default.startswith(prefix):
                return default
            found = next((m for m in offered if m.startswith(prefix)), None)
            if found:
                return found
    return None


class Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "hdkg-sparql"

    # --- plumbing

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        log.debug("%s %s", self.address_string(), format % args)

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")  # browser clients (YASGUI)
        self.send_header("Vary", "Accept")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path == "/":
            self._send(HTTPStatus.OK, self.server.about().encode("utf-8"),
                       "text/plain; charset=utf-8")
            return
        if url.path != PATH:
            self._error(HTTPStatus.NOT_FOUND, f"not found: the endpoint is {PATH}")
            return
        params = parse_qs(url.query, keep_blank_values=True)
        self._answer(params, params.get("query", [None])[-1] if "query" in params else None)

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path != PATH:
            self._error(HTTPStatus.NOT_FOUND, f"not found: the endpoint is {PATH}")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.close_connection = True
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request body too large")
            return
        body = self.rfile.read(length)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype in UPDATE_TYPES:
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
            return
        if ctype == "application/sparql-query":
            query = body.decode("utf-8", "replace")
        elif ctype == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            params = {**params, **form}
            query = form.get("query", [None])[-1]
        else:
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                        "send the query as application/sparql-query or as the `query` field "
                        "of application/x-www-form-urlencoded")
            return
        self._answer(params, query)

    # --- the work

    def _answer(self, params: dict[str, list[str]], query: str | None) -> None:
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
            return
        if not query:
            self._error(HTTPStatus.BAD_REQUEST, "no query: give it as the `query` parameter")
            return
        try:
            body, ctype = self.server.execute(query, params, self.headers.get("Accept"))
        except Refused as e:
            self._error(e.status, str(e))
            return
        self._send(HTTPStatus.OK, body, ctype)


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, store: ox.Store, host: str = "127.0.0.1", port: int = 7878,
                 label: str = "") -> None:
        self.store = store
        self.label = label
        super().__init__((host, port), Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}{PATH}"

    def about(self) -> str:
        return (f"hdkg read-only SPARQL 1.1 endpoint over {self.label}\n"
                f"query it at {self.url} (GET ?query=... or POST application/sparql-query)\n")

    def execute(self, query: str, params: dict[str, list[str]], accept: str | None
                ) -> tuple[bytes, str]:
        kwargs: dict[str, Any] = {}
        try:
            if params.get("default-graph-uri"):
                kwargs["default_graph"] = [ox.NamedNode(u) for u in params["default-graph-uri"]]
            if params.get("named-graph-uri"):
                kwargs["named_graphs"] = [ox.NamedNode(u) for u in params["named-graph-uri"]]
        except ValueError as e:
            raise Refused(HTTPStatus.BAD_REQUEST, f"bad graph IRI: {e}") from None
        try:
            result = self.store.query(query, **kwargs)
        except SyntaxError as e:
            # An update sent as a query lands here too: it is not a query.
            raise Refused(HTTPStatus.BAD_REQUEST, f"not a SPARQL query: {e}") from None
        except OSError as e:
            raise Refused(HTTPStatus.INTERNAL_SERVER_ERROR, f"store error: {e}") from None
        buf = io.BytesIO()
        if isinstance(result, ox.QueryTriples):
            media = negotiate(accept, GRAPHS, DEFAULT_GRAPH)
            if media is None:
                raise Refused(HTTPStatus.NOT_ACCEPTABLE, "acceptable graph formats: "
                              + ", ".join(GRAPHS))
            result.serialize(buf, GRAPHS[media])
        else:
            media = negotiate(accept, RESULTS, DEFAULT_RESULTS)
            if media is None:
                raise Refused(HTTPStatus.NOT_ACCEPTABLE, "acceptable result formats: "
                              + ", ".join(RESULTS))
            result.serialize(buf, RESULTS[media])
        charset = "" if media.endswith("json") else "; charset=utf-8"
        return buf.getvalue(), media + charset


def make_server(graph: Any, host: str = "127.0.0.1", port: int = 7878) -> SparqlServer:
    """A server over a `BuiltGraph` (not yet serving); port 0 picks a free one."""
    return SparqlServer(graph.store, host=host, port=port, label=str(graph.path))


def start_in_thread(graph: Any, host: str = "127.0.0.1", port: int = 7878) -> SparqlServer:
    """A server serving in a daemon thread; stop it with `.shutdown()` then `.server_close()`."""
    server = make_server(graph, host=host, port=port)
    threading.Thread(target=server.serve_forever, name="hdkg-sparql", daemon=True).start()
    return server


__all__ = ["PATH", "SparqlServer", "make_server", "negotiate", "start_in_thread"]
