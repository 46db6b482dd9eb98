"""Run a saved query on the embedded RDF store (SPARQL) or on Neo4j (Cypher), alike.

The two backends answer the same question with the same rows because everything that is
not graph matching happens here, once, for both:

- parameters are checked against the query's header (unknown name, bad year, bad `k`,
  unknown predicate: one-line UserError) and always bound as parameters: Cypher `$name`,
  SPARQL variables substituted by Oxigraph. No value is ever spliced into query text.
- entity parameters ("Indonesia", "IDN", "RI", "turkiye") are resolved to entity ids by
  comparing a normalised form (case folded, accents stripped, spaces collapsed) with every
  entity's id, name, aliases, ISO code and acronym; neither Cypher nor SPARQL can strip
  accents portably. A value that names no entity is bound as it is, a plain string that
  matches no id, so hostile input reaches the database only as a literal. A value naming
  several entities runs the query once per entity and the rows are joined.
- values are normalised: dates as ISO strings, list columns (sources) as sorted lists, and
  the rows sorted by their columns (the header's `order:` columns first), so both backends
  print the same table.
- an int parameter called `limit` (1 to LIMIT_MAX, LIMIT_DEFAULT when not given) caps the
  rows of each run of a query, whose ORDER BY must then be total so that both backends cut
  at the same row. Cypher binds it in `LIMIT $limit`; SPARQL's LIMIT cannot be a variable,
  so the .rq says `LIMIT 5000` (LIMIT_MAX) and the runner reads only its first `limit`
  solutions.
- an organisation parameter covers its sub-units, the bodies within it: the part_of
  closure is written with the graph (`hdkg.graph.within`), so Cypher takes one hop,
  `(o)-[:WITHIN*0..1]->(:Entity {id: $organization})`, and SPARQL
  `?unit hdkg:withinOrganization? ?organization`. SPARQL cannot tell a substituted variable
  from one its patterns bind, so the runner also binds `?<param>Given` (true) for each
  parameter it binds, when the .rq projects that variable.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from hdkg.queries.catalogue import QuerySpec, get_spec
from hdkg.schema.errors import UserError
from hdkg.schema.models import Predicate, name_key
from hdkg.schema.terms import NS, entity_iri

BACKENDS = ("rdf", "neo4j")
LIST_SEPARATOR = "\x1f"  # how the SPARQL queries join list columns (GROUP_CONCAT)
LIMIT_DEFAULT, LIMIT_MAX = 500, 5000
INT_RANGES: dict[str, tuple[int, int]] = {"k": (1, 3), "limit": (1, LIMIT_MAX)}
_XSD_INTEGER = ox.NamedNode(NS["xsd"] + "integer")
_TRUE = ox.Literal("true", datatype=ox.NamedNode(NS["xsd"] + "boolean"))
_INTEGER_TYPES = {NS["xsd"] + t for t in ("integer", "int", "long", "nonNegativeInteger",
                                          "positiveInteger")}


@dataclass
class QueryResult:
    """The answer of a saved query: column names and one dict per row."""

    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self, name: str) -> dict[str, Any]:
        return {"query": name, "columns": self.columns, "rows": self.rows}


# ---------------------------------------------------------------- entity resolution

def normalise(text: str) -> str:
    """The form names are compared in: no accents, case folded, single spaces.

    The schema's `name_key`, but keeping punctuation: the index holds ids
    (`country/idn`) and names (`Côte d'Ivoire`) that a query names verbatim, and a
    value matches only what it spells, punctuation included."""
    return name_key(text, keep_punctuation=True)


class EntityIndex:
    """Normalised id/name/alias/code -> entity ids, built from whichever backend is queried.

    Build it once (`entity_index(...)`) and pass it to `run_query` when running many
    queries on a large graph; otherwise each call builds its own.
    """

    def __init__(self, entries: Iterable[tuple[str, Iterable[str | None]]]) -> None:
        self.ids: set[str] = set()
        self.keys: dict[str, set[str]] = {}
        for eid, names in entries:
            self.ids.add(eid)
            for n in (eid, *names):
                if n:
                    self.keys.setdefault(normalise(n), set()).add(eid)

    def resolve(self, value: str) -> list[str]:
        """The ids `value` names: an exact id first, else every normalised match."""
        if value in self.ids:
            return [value]
        return sorted(self.keys.get(normalise(value), ()))


_INDEX_SPARQL = """
PREFIX hdkg: <https://w3id.org/hdkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?id ?key WHERE {
  ?e hdkg:id ?id .
  { ?e rdfs:label ?key } UNION { ?e skos:altLabel ?key } UNION { ?e hdkg:iso3 ?key }
  UNION { ?e hdkg:acronym ?key }
}"""

_INDEX_CYPHER = """
MATCH (n:Entity)
RETURN n.id AS id, [n.name, n.iso3, n.acronym] + coalesce(n.aliases, []) AS keys"""


def entity_index(store: ox.Store | None = None, driver: Any = None) -> EntityIndex:
    """The entity index of an Oxigraph store or of the Neo4j database behind `driver`."""
    if store is not None:
        pairs: dict[str, list[str]] = {}
        for sol in store.query(_INDEX_SPARQL):
            pairs.setdefault(sol["id"].value, []).append(sol["key"].value)
        return EntityIndex(pairs.items())
    if driver is not None:
        records = _cypher_records(driver, _INDEX_CYPHER, {})
        return EntityIndex((r["id"], r["keys"]) for r in records)
    raise ValueError("entity_index needs a store or a driver")


# ---------------------------------------------------------------- parameters

def check_params(spec: QuerySpec, params: Mapping[str, Any]) -> dict[str, Any]:
    """Typed values of the given parameters (None = not given), or a one-line UserError."""
    known = {p.name for p in spec.params}
    unknown = sorted(set(params) - known)
    if unknown:
        allowed = ", ".join(sorted(known)) or "none"
        raise UserError(f"query {spec.name!r} has no parameter {unknown[0]!r} "
                        f"(parameters: {allowed})")
    out: dict[str, Any] = {}
    for p in spec.params:
        value = params.get(p.name)
        if value is None:
            if p.required:
                raise UserError(f"query {spec.name!r} needs parameter {p.name!r} "
                                f"(e.g. -p {p.name}={p.example or '...'})")
            out[p.name] = None
            continue
        out[p.name] = _typed(spec.name, p.name, p.type, value)
    return out


def _typed(query: str, name: str, type_: str, value: Any) -> Any:
    where = f"parameter {name!r} of {query!r}"
    if type_ in ("year", "int"):
        if isinstance(value, bool):
            raise UserError(f"{where} must be {'a year' if type_ == 'year' else 'an integer'}")
        text = str(value).strip()
        if not re.fullmatch(r"-?\d{1,9}", text):
            what = "a year (YYYY)" if type_ == "year" else "an integer"
            raise UserError(f"{where} must be {what}, not {shown(value)}")
        n = int(text)
        lo, hi = (1, 9999) if type_ == "year" else INT_RANGES.get(name, (-(2**31), 2**31 - 1))
        if not lo <= n <= hi:
            what = "a year (YYYY)" if type_ == "year" else f"between {lo} and {hi}"
            raise UserError(f"{where} must be {what}, not {n}")
        return n
    if not isinstance(value, str):
        raise UserError(f"{where} must be a string, not {type(value).__name__}")
    if not _is_unicode(value):
        # Bytes that were not UTF-8 on the command line arrive as lone surrogates, which
        # neither the RDF store nor the Bolt driver can encode.
        raise UserError(f"{where} is not valid UTF-8 text: {shown(value)}")
    if type_ == "predicate":
        if value not in {p.value for p in Predicate}:
            raise UserError(f"{where} must be one of {', '.join(p.value for p in Predicate)}, "
                            f"not {shown(value)}")
        return value
    if not value.strip():
        raise UserError(f"{where} is empty")
    return value


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def bindings(spec: QuerySpec, values: dict[str, Any],
             index: EntityIndex | None) -> list[dict[str, tuple[str, Any]]]:
    """Every combination of bound values: (kind, value) with kind 'id', 'text' or 'plain'.

    An entity value resolves to ids ('id'); one that names nothing stays 'text' (a literal
    that matches no entity). Other values are 'plain'.
    """
    choices: list[list[tuple[str, tuple[str, Any]]]] = []
    for p in spec.params:
        v = values.get(p.name)
        if v is None:
            continue
        if p.type == "entity":
            assert index is not None
            ids = index.resolve(v)
            choices.append([(p.name, ("id", i)) for i in ids] or [(p.name, ("text", v))])
        else:
            choices.append([(p.name, ("plain", v))])
    return [dict(combo) for combo in itertools.product(*choices)]


# ---------------------------------------------------------------- backends

def _sparql_term(kind: str, value: Any) -> ox.NamedNode | ox.Literal:
    if kind == "id":
        return ox.NamedNode(entity_iri(value))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_XSD_INTEGER)
    return ox.Literal(value)


def _python(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        if term.datatype.value in _INTEGER_TYPES:
            return int(term.value)
        return term.value
    return term.value


def run_sparql(spec: QuerySpec, store: ox.Store,
               bound: dict[str, tuple[str, Any]]) -> list[dict[str, Any]]:
    """Rows of the SPARQL text for one binding; columns are the first SELECT variables."""
    subs = {ox.Variable(name): _sparql_term(kind, v) for name, (kind, v) in bound.items()}
    # A query that must know whether a parameter was given (SPARQL cannot tell a substituted
    # variable from one its patterns bind) projects `?<param>Given`.
    subs.update({ox.Variable(f"{name}Given"): _TRUE for name in bound
                 if f"?{name}Given" in spec.sparql})
    try:
        solutions = store.query(spec.sparql, substitutions=subs or None)
    except (SyntaxError, OSError, RuntimeError) as e:
        raise UserError(f"query {spec.name!r} failed on the RDF store: "
                        f"{str(e).splitlines()[0][:200]}") from None
    if len(solutions.variables) < len(spec.columns):
        raise RuntimeError(f"{spec.sparql_path.name} selects fewer variables than its "
                           f"columns {spec.column_names}")
    columns = list(enumerate(spec.columns))  # sol[i] is twice as fast as sol[Variable]
    cap = bound["limit"][1] if "limit" in bound else None
    rows = []
    for sol in itertools.islice(solutions, cap):
        row = {}
        for i, col in columns:
            value = _python(sol[i])
            if col.is_list:
                value = [x for x in value.split(LIST_SEPARATOR) if x] if value else []
            row[col.name] = value
        rows.append(row)
    return rows


def _cypher_records(driver: Any, query: str, params: dict[str, Any]) -> list[Any]:
    from neo4j import READ_ACCESS
    from neo4j.exceptions import DriverError, Neo4jError

    try:
        with driver.session(default_access_mode=READ_ACCESS,
                            notifications_min_severity="OFF") as session:
            return session.execute_read(lambda tx: list(tx.run(query, params)))
    except (DriverError, Neo4jError) as e:
        first = str(e).splitlines()[0][:200] if str(e) else ""
        raise UserError(f"Neo4j query failed: {type(e).__name__}: {first}") from None


def run_cypher(spec: QuerySpec, driver: Any,
               bound: dict[str, tuple[str, Any]]) -> list[dict[str, Any]]:
    """Rows of the Cypher text for one binding; every parameter is passed, null if unset."""
    params: dict[str, Any] = {p.name: None for p in spec.params}
    params.update({name: v for name, (_kind, v) in bound.items()})
    rows = []
    for record in _cypher_records(driver, spec.cypher, params):
        if list(record.keys()) != spec.column_names:
            raise RuntimeError(f"{spec.cypher_path.name} returns {list(record.keys())}, "
                               f"its header says {spec.column_names}")
        row = {}
        for col in spec.columns:
            value = record[col.name]
            row[col.name] = list(value or []) if col.is_list else value
        rows.append(row)
    return rows


def _sort_key(row: dict[str, Any], columns: list[str]) -> tuple:
    key = []
    for c in columns:
        v = row[c]
        if isinstance(v, list):
            v = LIST_SEPARATOR.join(v)
        key.append((0, 0, "") if v is None else (1, v, "") if isinstance(v, int)
                   else (2, 0, str(v)))
    return tuple(key)


def finish(spec: QuerySpec, rows: list[dict[str, Any]]) -> QueryResult:
    """Sorted lists in list columns, rows sorted by the `order:` columns, then the others."""
    for row in rows:
        for col in spec.columns:
            if col.is_list:
                row[col.name] = sorted(set(row[col.name]))
    order = spec.sort_columns
    rows.sort(key=lambda r: _sort_key(r, order))
    return QueryResult(columns=spec.column_names, rows=rows)


def default_graph_dir() -> Path:
    return Path(os.environ.get("HDKG_GRAPH", "hdkg-out"))


def run_query(name: str, params: Mapping[str, Any] | None = None, backend: str = "rdf",
              graph_dir: Path | None = None, graph: Any = None, driver: Any = None,
              index: EntityIndex | None = None) -> QueryResult:
    """Answer a saved query on the embedded store (default) or on Neo4j.

    `graph` is an open `BuiltGraph` (else `graph_dir` is opened); `driver` a Neo4j driver
    (else one is made from NEO4J_URI/USER/PASSWORD or the local server, and closed again).
    """
    spec = get_spec(name)
    if backend not in BACKENDS:
        raise UserError(f"unknown backend {backend!r}; use rdf or neo4j")
    values = check_params(spec, dict(params or {}))
    limit = spec.param("limit")
    if limit is not None and limit.type == "int" and values["limit"] is None:
        values["limit"] = LIMIT_DEFAULT
    needs_index = any(p.type == "entity" and values[p.name] is not None for p in spec.params)
    rows: list[dict[str, Any]] = []
    if backend == "rdf":
        if graph is None:
            from hdkg.graph.store import open_graph

            graph = open_graph(graph_dir or default_graph_dir())
        store = graph.store
        if needs_index and index is None:
            index = entity_index(store=store)
        for bound in bindings(spec, values, index):
            rows.extend(run_sparql(spec, store, bound))
        return finish(spec, rows)
    own = driver is None
    if own:
        from hdkg.graph.neo4j.connect import connect, resolve

        driver = connect(resolve())
    try:
        if needs_index and index is None:
            index = entity_index(driver=driver)
        for bound in bindings(spec, values, index):
            rows.extend(run_cypher(spec, driver, bound))
    finally:
        if own:
            driver.close()
    return finish(spec, rows)
