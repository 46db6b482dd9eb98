"""Analysts' identity decisions: `identity.yaml` with same-as and not-same-as statements.

    same_as:
      - ids: [person/budi-gunadi-sadikin, person/budi-g-sadikin]   # the first is kept
        note: the same minister
    not_same_as:
      - ids: [org/who-executive-board, org/unicef-executive-board]

Validated with pydantic; every problem names file, line and field, and an invalid file is
refused whole. The resolver applies these before and above its own rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from hdkg.loaders import yaml_lines
from hdkg.schema.errors import UserError
from hdkg.schema.models import EntityId


class IdentityStatement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ids: list[EntityId] = Field(min_length=2)
    note: str | None = None


class IdentityFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    same_as: list[IdentityStatement] = Field(default_factory=list)
    not_same_as: list[IdentityStatement] = Field(default_factory=list)


@dataclass
class Identity:
    """Same-as groups (first id canonical) and pairs that must stay apart."""

    same_as: list[list[str]] = field(default_factory=list)
    not_same_as: set[frozenset[str]] = field(default_factory=set)

    def apart(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.not_same_as


def load_identity(paths: list[Path]) -> Identity:
    """Read identity files; raise UserError listing every problem with file:line: field."""
    result = Identity()
    problems: list[str] = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8-sig")
            raw, node = yaml_lines.load(text)
            raw = raw or {}
        except (OSError, UnicodeDecodeError) as e:
            problems.append(f"{path}:1: cannot read: {e}")
            continue
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            problems.append(f"{path}:{mark.line + 1 if mark else 1}: not valid YAML")
            continue
        try:
            parsed = IdentityFile.model_validate(raw)
        except ValidationError as e:
            for err in e.errors():
                loc = tuple(err["loc"])
                line = yaml_lines.line_at(node, loc, key_line=True) or 1
                where = ".".join(str(x) for x in loc) or "(file)"
                problems.append(f"{path}:{line}: {where}: "
                                f"{err['msg'].removeprefix('Value error, ')}")
            continue
        result.same_as.extend(list(dict.fromkeys(s.ids)) for s in parsed.same_as)
        for s in parsed.not_same_as:
            ids = list(dict.fromkeys(s.ids))
            result.not_same_as.update(frozenset((a, b)) for i, a in enumerate(ids)
                                      for b in ids[i + 1:])
    for group in result.same_as:
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if result.apart(a, b):
                    problems.append(f"identity: {a} and {b} are stated both same and not same")
    if problems:
        raise UserError(problems[0] if len(problems) == 1 else
                        f"{len(problems)} problems in identity files:\n" + "\n".join(problems))
    return result
