"""Curated facts: YAML and CSV files that analysts write by hand to add or correct facts.

Every record is validated with pydantic and every problem is reported with file, line and
field, all of them in one run; a file with any problem contributes nothing to the graph.
Curated records carry their file and line as provenance, and the builder lets them win over
extracted facts that contradict them.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from hdkg.loaders import yaml_lines
from hdkg.schema.curated import CuratedEntity, CuratedFact
from hdkg.schema.errors import UserError
from hdkg.schema.models import FACT_ADAPTER, Entity, EntityType, Fact, Source, make_id

LOADER = "curated"
VERSION = "1"
CSV_COLUMNS = ("predicate", "subject", "object", "role", "start", "end", "date", "negated", "note")


@dataclass
class CuratedRecords:
    """What a set of curated files says: entities, facts, and facts to remove."""

    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    negated: list[Fact] = field(default_factory=list)


class CuratedError(UserError):
    """All the problems of one or more curated files, one `file:line: field: message` a line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        head = problems[0] if len(problems) == 1 else f"{len(problems)} problems in curated data"
        super().__init__(head if len(problems) == 1 else head + ":\n" + "\n".join(problems))


# A record's line finder: the line of one of its fields, or of the record with None.
LineOf = Callable[[str | None], int]


def _problems(path: Path, line_of: LineOf, err: ValidationError, where: str) -> list[str]:
    out = []
    for e in err.errors():
        loc = tuple(e["loc"])
        fld = ".".join(str(x) for x in loc) or "(record)"
        msg = e["msg"].removeprefix("Value error, ")
        line = line_of(loc[0] if loc and isinstance(loc[0], str) else None)
        out.append(f"{path}:{line}: {where}.{fld}: {msg}")
    return out


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _entity(c: CuratedEntity, source: Source) -> Entity:
    key = c.iso3 if c.type is EntityType.Country and c.iso3 else c.name
    data = c.model_dump(exclude={"note"})
    data["id"] = c.id or make_id(c.type, key)
    data["sources"] = [source]
    return Entity.model_validate(data)


def _fact(c: CuratedFact, source: Source) -> Fact:
    return FACT_ADAPTER.validate_python({**c.model_dump(exclude={"negated", "note"}),
                                         "sources": [source]})


def _read_yaml(path: Path) -> tuple[list[tuple[str, dict, LineOf]], list[str]]:
    """The raw records of a YAML file as (section[i], mapping, line finder), plus problems."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        return [], [f"{path}:1: cannot read: {e}"]
    try:
        doc, node = yaml_lines.load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return [], [f"{path}:{line}: not valid YAML: {getattr(e, 'problem', e)}"]
    if doc is None:
        return [], []
    if not isinstance(doc, dict):
        return [], [f"{path}:1: a curated file is a mapping with `entities:` and `facts:`"]

    def key_line(*loc: str | int) -> int:
        return yaml_lines.line_at(node, loc, key_line=True) or 1

    problems = []
    unknown = [k for k in doc if k not in ("entities", "facts")]
    for k in unknown:
        problems.append(f"{path}:{key_line(k)}: {k}: unknown section (expected entities, facts)")
    items: list[tuple[str, dict, LineOf]] = []
    for section in ("entities", "facts"):
        rows = doc.get(section) or []
        if not isinstance(rows, list):
            problems.append(f"{path}:{key_line(section)}: {section}: must be a list")
            continue
        for i, row in enumerate(rows):
            if not isinstance(row, dict):
                problems.append(f"{path}:{key_line(section)}: {section}[{i}]: must be a mapping")
                continue

            def line_of(fld: str | None, at: tuple = (section, i)) -> int:
                return key_line(*at) if fld is None else key_line(*at, fld)

            items.append((f"{section}[{i}]", row, line_of))
    return items, problems


def _read_csv(path: Path) -> tuple[list[tuple[str, dict, LineOf]], list[str]]:
    """The rows of a CSV file of facts (header: predicate,subject,object,...)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            missing = [c for c in ("predicate", "subject", "object") if c not in header]
            unknown = [c for c in header if c not in CSV_COLUMNS]
            if missing or unknown:
                what = (f"missing column(s) {', '.join(missing)}" if missing else
                        f"unknown column(s) {', '.join(unknown)}")
                return [], [f"{path}:1: header: {what} (columns: {', '.join(CSV_COLUMNS)})"]
            items = []
            for row in reader:
                line = reader.line_num
                clean: dict[str, Any] = {k: v for k, v in row.items() if v not in (None, "")}
                if None in row:
                    return [], [f"{path}:{line}: row has more cells than the header"]
                if "negated" in clean:
                    clean["negated"] = clean["negated"].strip().lower() in ("1", "true", "yes")
                items.append((f"facts[{line - 2}]", clean, lambda _fld, at=line: at))
            return items, []
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        return [], [f"{path}:1: cannot read CSV: {e}"]


def load_curated(paths: list[Path]) -> CuratedRecords:
    """Read curated files; raise CuratedError listing every problem of every file."""
    out = CuratedRecords()
    problems: list[str] = []
    for path in paths:
        shown = Path(_display(path))
        if path.suffix.lower() == ".csv":
            items, probs = _read_csv(path)
        else:
            items, probs = _read_yaml(path)
        probs = [p.replace(str(path), str(shown), 1) for p in probs]
        file_problems = list(probs)
        file_records = CuratedRecords()
        for where, clean, line_of in items:
            source = Source(document=str(shown), line=line_of(None), loader=LOADER,
                            version=VERSION)
            try:
                if where.startswith("entities"):
                    file_records.entities.append(_entity(CuratedEntity.model_validate(clean),
                                                         source))
                else:
                    c = CuratedFact.model_validate(clean)
                    (file_records.negated if c.negated else file_records.facts).append(
                        _fact(c, source))
            except ValidationError as e:
                file_problems.extend(_problems(shown, line_of, e, where))
        problems.extend(file_problems)
        if not file_problems:
            out.entities.extend(file_records.entities)
            out.facts.extend(file_records.facts)
            out.negated.extend(file_records.negated)
    if problems:
        raise CuratedError(problems)
    return out
