"""Reference data: the countries (pycountry plus press forms) and the gazetteer of bodies.

Both files under `data/reference/` are edited by analysts, so they are validated with
pydantic and any error names the file, the line and the field. Lookups ignore case,
accents and punctuation, because the press writes the same name many ways.
"""

from __future__ import annotations

import gettext
import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import pycountry
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from hdkg.loaders import yaml_lines
from hdkg.schema.errors import UserError
from hdkg.schema.models import Entity, EntityType, Source, make_id, name_key

COUNTRIES_FILE = "reference/countries.yaml"
BODIES_FILE = "reference/bodies.yaml"


def data_dir() -> Path:
    """`HDKG_DATA` when set (tests, deployments), else the data shipped in the package
    (`hdkg.data`: the repository's `data/` folder in a checkout, site-packages/hdkg/data in
    an install)."""
    env = os.environ.get("HDKG_DATA")
    if env:
        return Path(env)
    from importlib.resources import files

    return Path(str(files("hdkg.data")))


def norm_key(text: str) -> str:
    """The lookup key of a name (the schema's one definition of name matching)."""
    return name_key(text)


# --- file models ---------------------------------------------------------------------------

class CountryExtra(BaseModel):
    """One entry of countries.yaml."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1)
    name_id: str | None = Field(default=None, min_length=1)
    aliases: list[str] = Field(default_factory=list)
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")


class BodyEntry(BaseModel):
    """One entry of bodies.yaml."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    type: Literal["Organization", "Forum"]
    name: str = Field(min_length=1)
    acronym: str | None = None
    aliases: list[str] = Field(default_factory=list)
    parent: str | None = None
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")

    @field_validator("aliases")
    @classmethod
    def _no_empty(cls, v: list[str]) -> list[str]:
        if any(not a or not a.strip() for a in v):
            raise ValueError("an alias is empty")
        return v


# --- YAML with line numbers ----------------------------------------------------------------

def _compose(path: Path) -> tuple[Any, yaml.Node | None]:
    """The parsed data and its node tree (for line numbers), or a UserError with the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise UserError(f"{path}: cannot read: {e.strerror or e}") from None
    try:
        data, node = yaml_lines.load(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 0
        raise UserError(f"{path}:{line}: not valid YAML: {e.problem or e}") from None
    return data, node


def _fail(path: Path, node: yaml.Node | None, loc: tuple, message: str) -> UserError:
    field = ".".join(str(p) for p in loc if not isinstance(p, int)) or "entry"
    return UserError(f"{path}:{yaml_lines.line_at(node, loc) or 0}: {field}: {message}")


def _file_version(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()[:12]


# --- countries -----------------------------------------------------------------------------

@dataclass(frozen=True)
class CountryRecord:
    """A country with every name it goes by, and where its extra names came from."""

    iso3: str
    name: str
    name_id: str
    aliases: tuple[str, ...]
    wikidata: str | None
    line: int | None  # line in countries.yaml, when it has an entry


def _indonesian() -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    except OSError:  # a pycountry build without locales: English names only
        return gettext.NullTranslations()


@lru_cache(maxsize=1)
def country_records() -> tuple[CountryRecord, ...]:
    """All ISO 3166-1 countries with English, official, Indonesian and press names."""
    path = data_dir() / COUNTRIES_FILE
    data, node = _compose(path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise UserError(f"{path}:1: expected a mapping of ISO alpha-3 codes to entries")
    extras: dict[str, tuple[CountryExtra, int]] = {}
    for key, value in data.items():
        code = str(key)
        # 0 for a key YAML reads as no string (`NO:` is False): no line says where it is
        key_line = next((k.start_mark.line + 1 for k, _ in node.value if str(k.value) == code), 0)
        if pycountry.countries.get(alpha_3=code) is None:
            raise UserError(f"{path}:{key_line}: {code}: not an ISO 3166-1 alpha-3 code")
        try:
            extra = CountryExtra.model_validate(value or {})
        except ValidationError as e:
            err = e.errors()[0]
            raise _fail(path, node, (code, *err["loc"]), err["msg"]) from None
        extras[code] = (extra, key_line)

    tr = _indonesian()
    records = []
    for c in pycountry.countries:
        extra, line = extras.get(c.alpha_3, (CountryExtra(), None))
        english = getattr(c, "common_name", None) or c.name
        name = extra.name or english
        names = [c.name, english, getattr(c, "official_name", None)]
        names += [tr.gettext(n) for n in names if n]
        names += extra.aliases
        aliases: list[str] = []
        for n in names:
            if n and n != name and n not in aliases and "\n" not in n:
                aliases.append(n)
        name_id = extra.name_id or tr.gettext(english)
        if name_id not in aliases and name_id != name:
            aliases.append(name_id)
        records.append(CountryRecord(c.alpha_3, name, name_id, tuple(aliases), extra.wikidata,
                                     line))
    return tuple(records)


@lru_cache(maxsize=1)
def _records_by_iso() -> dict[str, CountryRecord]:
    return {r.iso3: r for r in country_records()}


def country_short_name(iso3: str, language: str = "en") -> str:
    """The short name the press uses: English, or Indonesian ('Arab Saudi', 'Tiongkok')."""
    r = _records_by_iso().get(iso3)
    if r is None:
        return iso3
    return r.name_id if language == "id" else r.name


@lru_cache(maxsize=1)
def load_countries() -> list[Entity]:
    """Country entities for the graph (`country/IDN` ...), with their names as aliases."""
    path = data_dir() / COUNTRIES_FILE
    version = _file_version(path)
    out = []
    for r in country_records():
        src = (Source(document=f"data/{COUNTRIES_FILE}", line=r.line, loader="reference",
                      version=version) if r.line else
               Source(document="pycountry", loader="reference", version=pycountry_version()))
        out.append(Entity(id=make_id(EntityType.Country, r.iso3), type=EntityType.Country,
                          name=r.name, aliases=list(r.aliases), iso3=r.iso3,
                          wikidata=r.wikidata, sources=[src]))
    return out


def pycountry_version() -> str:
    try:
        from importlib.metadata import version

        return version("pycountry")
    except Exception:  # noqa: BLE001 - only a label
        return "0"


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Every country name and alias, as written, to its ISO alpha-3 code."""
    out: dict[str, str] = {}
    # Names from countries.yaml first: they are the press forms and win a clash.
    records = country_records()
    for r in sorted(records, key=lambda r: r.line is None):
        for n in (r.name, *r.aliases):
            out.setdefault(n, r.iso3)
    return out


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    out: dict[str, str] = {}
    for n, iso in country_names().items():
        out.setdefault(norm_key(n), iso)
    return out


@lru_cache(maxsize=4096)
def country_iso3(name: str) -> str | None:
    """The ISO alpha-3 code of a country name in any form we know, else None."""
    if not name:
        return None
    if len(name) == 3 and name.isupper() and pycountry.countries.get(alpha_3=name):
        return name
    return _country_index().get(norm_key(name))


# --- bodies ----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def body_entries() -> tuple[tuple[BodyEntry, int], ...]:
    """The validated gazetteer entries with their line in bodies.yaml."""
    path = data_dir() / BODIES_FILE
    data, node = _compose(path)
    if not isinstance(data, list):
        raise UserError(f"{path}:1: expected a list of bodies")
    entries: list[tuple[BodyEntry, int]] = []
    seen: dict[str, int] = {}
    for i, value in enumerate(data):
        try:
            entry = BodyEntry.model_validate(value)
        except ValidationError as e:
            err = e.errors()[0]
            raise _fail(path, node, (i, *err["loc"]), err["msg"]) from None
        line = yaml_lines.line_at(node, (i,))
        if entry.id in seen:
            raise _fail(path, node, (i, "id"), f"duplicate id {entry.id!r} "
                        f"(first on line {seen[entry.id]})")
        seen[entry.id] = line
        entries.append((entry, line))
    for i, (entry, _line_no) in enumerate(entries):
        if entry.parent is not None and entry.parent not in seen:
            raise _fail(path, node, (i, "parent"), f"unknown parent {entry.parent!r}")
    owner: dict[str, str] = {}
    for i, (entry, _line_no) in enumerate(entries):
        for n in _body_names(entry):
            k = norm_key(n) if not _exact(n) else n
            if owner.get(k, entry.id) != entry.id:
                raise _fail(path, node, (i, "aliases"),
                            f"{n!r} already names {owner[k]!r}")
            owner[k] = entry.id
    return tuple(entries)


def _body_names(entry: BodyEntry) -> list[str]:
    names = [entry.name, *([entry.acronym] if entry.acronym else []), *entry.aliases]
    return list(dict.fromkeys(names))


def _exact(name: str) -> bool:
    """Short all-capital forms (WHO, AS, RC) must match as written: they are also words."""
    letters = re.sub(r"[^A-Za-z]", "", name)
    return len(letters) <= 5 and letters.isupper()


def body_type(entry: BodyEntry) -> EntityType:
    return EntityType(entry.type)


def body_id(entry: BodyEntry) -> str:
    return make_id(body_type(entry), entry.id)


@lru_cache(maxsize=1)
def load_bodies() -> list[Entity]:
    """Organization/Forum entities of the gazetteer, parents as entity ids."""
    path = data_dir() / BODIES_FILE
    version = _file_version(path)
    entries = body_entries()
    ids = {e.id: body_id(e) for e, _ in entries}
    out = []
    for e, line in entries:
        aliases = [a for a in _body_names(e) if a != e.name]
        out.append(Entity(id=ids[e.id], type=body_type(e), name=e.name, acronym=e.acronym,
                          aliases=aliases, parent=ids.get(e.parent) if e.parent else None,
                          wikidata=e.wikidata,
                          sources=[Source(document=f"data/{BODIES_FILE}", line=line,
                                          loader="reference", version=version)]))
    return out


@lru_cache(maxsize=1)
def body_names() -> dict[str, str]:
    """Every body name, acronym and alias, as written, to its gazetteer id."""
    out: dict[str, str] = {}
    for e, _ in body_entries():
        for n in _body_names(e):
            out.setdefault(n, e.id)
    return out


@lru_cache(maxsize=1)
def _body_index() -> tuple[dict[str, str], dict[str, str]]:
    loose: dict[str, str] = {}
    exact: dict[str, str] = {}
    for n, gid in body_names().items():
        if _exact(n):
            exact[n] = gid
        else:
            loose.setdefault(norm_key(n), gid)
    return loose, exact


@lru_cache(maxsize=1)
def _bodies_by_gid() -> dict[str, Entity]:
    return {e.id.split("/", 1)[1]: e for e in load_bodies()}


def body_by_gid(gid: str) -> Entity | None:
    """The gazetteer entity with this short id (`who-eb`)."""
    return _bodies_by_gid().get(gid)


@lru_cache(maxsize=4096)
def find_body(name: str) -> Entity | None:
    """The gazetteer body this name, acronym or alias stands for, else None."""
    if not name or not name.strip():
        return None
    loose, exact = _body_index()
    gid = exact.get(name.strip()) or loose.get(norm_key(name))
    return _bodies_by_gid().get(gid) if gid else None


# Caches of later layers keyed on the same files (graph.institutions, graph.resolve): they
# register here when imported, so that a loader never imports the graph.
_DEPENDENT_CACHES: list[Callable[[], None]] = []


def on_clear_caches(clear: Callable[[], None]) -> None:
    """Have `clear_caches` call `clear` too (a cache built from the reference files)."""
    _DEPENDENT_CACHES.append(clear)


def clear_caches() -> None:
    """Forget loaded files (tests that point HDKG_DATA elsewhere)."""
    for f in (country_records, _records_by_iso, load_countries, country_names, _country_index,
              country_iso3,
              body_entries, load_bodies, body_names, _body_index, _bodies_by_gid, find_body):
        f.cache_clear()
    for clear in _DEPENDENT_CACHES:
        clear()
