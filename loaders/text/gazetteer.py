"""Finding the reference names (countries, bodies) in text by token n-gram lookup.

Every name is a tuple of tokens in one of two tables (exact case for acronyms and country
names, folded case for long body names); a document is scanned once, longest match first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hdkg.loaders.reference import _exact, body_entries, body_names, country_names


@dataclass(frozen=True)
class GazetteerHit:
    start: int
    end: int
    kind: str  # "country" or "body"
    key: str  # ISO alpha-3 or gazetteer id
    text: str


_TOKEN = re.compile(r"\w+|[^\w\s]")


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(name))


@dataclass(frozen=True)
class _Matcher:
    exact: dict[tuple[str, ...], tuple[str, str]]
    loose: dict[tuple[str, ...], tuple[str, str]]
    longest: int
    first_exact: dict[str, int]  # first token -> longest name starting with it
    first_loose: dict[str, int]


# Country names that are also everyday words or people's names in the press; they count
# only where the sentence has them as a country (checked by the caller).
_SKIP_COUNTRY_NAMES = frozenset({"AS", "US", "Saudi", "Amerika", "America", "Jordan", "Chad",
                                 "Georgia",
                                 "Guinea", "Niger", "Mali", "Turkey", "China"})


@lru_cache(maxsize=1)
def matcher() -> _Matcher:
    """Token n-gram tables of every name: a dict lookup per position, no giant regex."""
    exact: dict[tuple[str, ...], tuple[str, str]] = {}
    loose: dict[tuple[str, ...], tuple[str, str]] = {}
    for name, iso in country_names().items():
        if len(name) < 2 or "," in name:
            continue
        exact.setdefault(_tokens(name), ("country", iso))
    for name, gid in body_names().items():
        if _exact(name):
            exact.setdefault(_tokens(name), ("body", gid))
        else:
            loose.setdefault(_tokens(name.casefold()), ("body", gid))
    longest = max(len(k) for k in [*exact, *loose])
    first_exact: dict[str, int] = {}
    for k in exact:
        first_exact[k[0]] = max(first_exact.get(k[0], 0), len(k))
    first_loose: dict[str, int] = {}
    for k in loose:
        first_loose[k[0]] = max(first_loose.get(k[0], 0), len(k))
    return _Matcher(exact, loose, longest, first_exact, first_loose)


def find_names(text: str) -> list[GazetteerHit]:
    """Every country and body name in `text`, longest match first, no overlaps."""
    m = matcher()
    toks = _without_inner_acronyms([(x.start(), x.end(), x.group(0))
                                    for x in _TOKEN.finditer(text)])
    words = [t[2] for t in toks]
    folded = [w.casefold() for w in words]
    out: list[GazetteerHit] = []
    i = 0
    n = len(toks)
    while i < n:
        hit = None
        top = max(m.first_exact.get(words[i], 0), m.first_loose.get(folded[i], 0))
        for size in range(min(top, n - i), 0, -1):
            key = m.exact.get(tuple(words[i:i + size])) or m.loose.get(tuple(folded[i:i + size]))
            if key is not None:
                hit = (size, key)
                break
        if hit is None:
            i += 1
            continue
        size, (kind, k) = hit
        a, b = toks[i][0], toks[i + size - 1][1]
        out.append(GazetteerHit(a, b, kind, k, text[a:b]))
        i += size
    return out


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,9}")


def _without_inner_acronyms(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop an acronym in parentheses that stands inside a name, so that "Programme
    Coordinating Board (PCB) UNAIDS" is found as "Programme Coordinating Board UNAIDS"; the
    hit's span still covers the whole surface. Only where a word follows the parenthesis,
    so a name followed by its acronym ("... Board (PCB).") keeps its own parenthesis."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(toks):
        if (toks[i][2] == "(" and i + 3 < len(toks) and _ACRONYM.fullmatch(toks[i + 1][2])
                and toks[i + 2][2] == ")" and out and toks[i + 3][2][:1].isalpha()
                and out[-1][2][:1].isupper() and toks[i + 3][2][:1].isupper()):
            i += 3
            continue
        out.append(toks[i])
        i += 1
    return out


@lru_cache(maxsize=1)
def body_info() -> dict[str, tuple[str, str, str | None, str | None]]:
    """gazetteer id -> (type, canonical name, acronym, parent id)."""
    return {e.id: (e.type, e.name, e.acronym, e.parent) for e, _ in body_entries()}


def ambiguous_country_name(name: str) -> bool:
    return name in _SKIP_COUNTRY_NAMES
