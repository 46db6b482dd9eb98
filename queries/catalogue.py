"""The saved-query catalogue: one Cypher file and one SPARQL file per question.

Each file opens with the same comment header (`//` in Cypher, `#` in SPARQL), which is the
single description of the question that both the runner and `hdkg query --list` read:

    // name: chairs
    // question: Who chaired which body, and when?
    // pertanyaan: Siapa mengetuai badan atau forum apa, dan kapan?
    // param: actor (entity, optional) example: Indonesia -- the chair
    // param: year (year, optional) example: 2021 -- in force that year
    // columns: actor, body, role, start, end, sources (list)

An optional `order:` line names the columns the rows are sorted by, first (`order:
distance, type, neighbour`: nearest first); without it, rows are sorted by their columns
from the first. The two headers of a pair must agree (a test and `catalogue()` check it),
so a question cannot drift between the two languages. Parameter types: `entity` (an id,
name, alias or ISO code, resolved to entity ids by the runner), `year`, `int` and
`predicate`; an int parameter called `limit` caps the rows (see `hdkg.queries.run`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hdkg.schema.errors import UserError

HERE = Path(__file__).resolve().parent
CYPHER_DIR = HERE / "cypher"
SPARQL_DIR = HERE / "sparql"

PARAM_TYPES = ("entity", "year", "int", "predicate")

_PARAM = re.compile(r"^(?P<name>[a-z][a-z0-9_]*)\s*\((?P<type>\w+),\s*(?P<need>required|optional)\)"
                    r"\s*(?:example:\s*(?P<example>.*?))?\s*(?:--\s*(?P<doc>.*))?$")
_COLUMN = re.compile(r"^(?P<name>[a-z][a-z0-9_]*)(?:\s*\((?P<kind>list)\))?$")


@dataclass(frozen=True)
class Param:
    """One parameter of a saved query, as its header declares it."""

    name: str
    type: str
    required: bool
    example: str | None
    doc: str


@dataclass(frozen=True)
class Column:
    """One result column; list columns hold sorted lists (documents, signatories)."""

    name: str
    is_list: bool = False


@dataclass(frozen=True)
class QuerySpec:
    """A saved question with its two texts (Cypher for Neo4j, SPARQL for the RDF store)."""

    name: str
    question: str
    pertanyaan: str
    params: tuple[Param, ...]
    columns: tuple[Column, ...]
    cypher: str
    sparql: str
    cypher_path: Path
    sparql_path: Path
    order: tuple[str, ...] = ()

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def example_params(self) -> dict[str, str]:
        return {p.name: p.example for p in self.params if p.example}

    @property
    def sort_columns(self) -> list[str]:
        """The columns rows are sorted by: the `order:` ones first, then the others."""
        return [*self.order, *(c for c in self.column_names if c not in self.order)]


@dataclass(frozen=True)
class Header:
    name: str
    question: str
    pertanyaan: str
    params: tuple[Param, ...]
    columns: tuple[Column, ...]
    order: tuple[str, ...] = ()


def parse_header(text: str, comment: str, where: str) -> Header:
    """Read the leading comment block of a query file; raise ValueError naming the file."""
    fields: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith(comment):
            break
        body = line[len(comment):].strip()
        key, sep, value = body.partition(":")
        if not sep or not re.fullmatch(r"[a-z]+", key):
            continue
        value = value.strip()
        if key == "param":
            m = _PARAM.match(value)
            if not m or m["type"] not in PARAM_TYPES:
                raise ValueError(f"{where}: bad param line {body!r}")
            params.append(Param(name=m["name"], type=m["type"], required=m["need"] == "required",
                                example=(m["example"] or None), doc=m["doc"] or ""))
        elif key in ("name", "question", "pertanyaan", "columns", "order"):
            fields[key] = value
    missing = [k for k in ("name", "question", "pertanyaan", "columns") if k not in fields]
    if missing:
        raise ValueError(f"{where}: header lacks {', '.join(missing)}")
    columns: list[Column] = []
    for item in fields["columns"].split(","):
        m = _COLUMN.match(item.strip())
        if not m:
            raise ValueError(f"{where}: bad column {item.strip()!r}")
        columns.append(Column(m["name"], m["kind"] == "list"))
    order = tuple(c.strip() for c in fields.get("order", "").split(",") if c.strip())
    unknown = [c for c in order if c not in {col.name for col in columns}]
    if unknown or len(set(order)) != len(order):
        raise ValueError(f"{where}: order names {', '.join(unknown) or 'a column twice'}, "
                         f"not its columns")
    return Header(fields["name"], fields["question"], fields["pertanyaan"], tuple(params),
                  tuple(columns), order)


@cache
def catalogue() -> list[QuerySpec]:
    """Every saved query, by name; each Cypher file must have its SPARQL twin and agree."""
    specs: list[QuerySpec] = []
    cypher_names = {p.stem for p in CYPHER_DIR.glob("*.cypher")}
    sparql_names = {p.stem for p in SPARQL_DIR.glob("*.rq")}
    if cypher_names != sparql_names:
        raise RuntimeError(f"saved queries without a twin: {sorted(cypher_names ^ sparql_names)}")
    for name in sorted(cypher_names):
        cp, sp = CYPHER_DIR / f"{name}.cypher", SPARQL_DIR / f"{name}.rq"
        cypher, sparql = cp.read_text(encoding="utf-8"), sp.read_text(encoding="utf-8")
        hc, hs = parse_header(cypher, "//", str(cp)), parse_header(sparql, "#", str(sp))
        if hc != hs:
            raise RuntimeError(f"headers of {cp.name} and {sp.name} disagree")
        if hc.name != name:
            raise RuntimeError(f"{cp}: header name {hc.name!r} is not the file name")
        specs.append(QuerySpec(name=name, question=hc.question, pertanyaan=hc.pertanyaan,
                               params=hc.params, columns=hc.columns, cypher=cypher,
                               sparql=sparql, cypher_path=cp, sparql_path=sp, order=hc.order))
    return specs


def get_spec(name: str) -> QuerySpec:
    """The saved query called `name`, or a UserError listing the names there are."""
    for spec in catalogue():
        if spec.name == name:
            return spec
    names = ", ".join(s.name for s in catalogue())
    raise UserError(f"unknown query {name!r}; saved queries: {names}")
