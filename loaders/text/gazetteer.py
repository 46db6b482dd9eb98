"""Finding the reference names (countries, bodies) in text by token n-gram lookup.

Every name is a tuple of tokens in one of two tables (exact case for acronyms and country
names, folded case for long body names); a document is scanned once, longest match first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hdkg.loaders.reference import (
    _exact,
    body_entries,
    body_names,
    country_names,
    on_clear_caches,
)


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
    first_exact: dict[str, tuple[int, ...]]  # first token -> lengths of its names, longest first
    first_loose: dict[str, tuple[int, ...]]


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
    return _Matcher(exact, loose, longest, _lengths(exact), _lengths(loose))


def _lengths(table: dict[tuple[str, ...], tuple[str, str]]) -> dict[str, tuple[int, ...]]:
    """First token -> the lengths of the names it starts, longest first."""
    sizes: dict[str, set[int]] = {}
    for k in table:
        sizes.setdefault(k[0], set()).add(len(k))
    return {t: tuple(sorted(n, reverse=True)) for t, n in sizes.items()}


def find_names(text: str) -> list[GazetteerHit]:
    """Every country and body name in `text`, longest match first, no overlaps.

    Only the tokens that start some name are looked at (a set test per token, in a
    comprehension); most tokens start none."""
    m = matcher()
    spans = list(_TOKEN.finditer(text))
    words = _without_inner_acronyms(_TOKEN.findall(text))
    keep = None
    if len(words) < len(spans):  # inner acronyms dropped: keep the spans of what is left
        keep = words
        words = [w for _i, w in keep]
        spans = [spans[i] for i, _w in keep]
    folded = [w.casefold() for w in words]
    fe, fl = m.first_exact, m.first_loose
    exact, loose = m.exact, m.loose
    n = len(words)
    out: list[GazetteerHit] = []
    nxt = 0
    for i in [i for i, w in enumerate(words) if w in fe or folded[i] in fl]:
        if i < nxt:
            continue
        se, sl = fe.get(words[i], ()), fl.get(folded[i], ())
        for size in sorted({*se, *sl}, reverse=True) if se and sl else se or sl:
            if size > n - i:
                continue
            key = (size in se and exact.get(tuple(words[i:i + size]))) or \
                (size in sl and loose.get(tuple(folded[i:i + size])))
            if key:
                kind, k = key
                a, b = spans[i].start(), spans[i + size - 1].end()
                out.append(GazetteerHit(a, b, kind, k, text[a:b]))
                nxt = i + size
                break
    return out


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,9}")


def _without_inner_acronyms(words: list[str]) -> list:
    """Drop an acronym in parentheses that stands inside a name, so that "Programme
    Coordinating Board (PCB) UNAIDS" is found as "Programme Coordinating Board UNAIDS"; the
    hit's span still covers the whole surface. Only where a word follows the parenthesis,
    so a name followed by its acronym ("... Board (PCB).") keeps its own parenthesis.

    Returns `words` itself when nothing is dropped, else the (index, word) pairs kept."""
    drop: set[int] = set()
    n = len(words)
    for i in [i for i, w in enumerate(words) if w == "("]:
        before = i - 1
        while before in drop:
            before -= 1
        if (i + 3 < n and before >= 0 and _ACRONYM.fullmatch(words[i + 1])
                and words[i + 2] == ")" and words[i + 3][:1].isalpha()
                and words[before][:1].isupper() and words[i + 3][:1].isupper()):
            drop.update((i, i + 1, i + 2))
    if not drop:
        return words
    return [(i, w) for i, w in enumerate(words) if i not in drop]


@lru_cache(maxsize=1)
def body_info() -> dict[str, tuple[str, str, str | None, str | None]]:
    """gazetteer id -> (type, canonical name, acronym, parent id)."""
    return {e.id: (e.type, e.name, e.acronym, e.parent) for e, _ in body_entries()}


def ambiguous_country_name(name: str) -> bool:
    return name in _SKIP_COUNTRY_NAMES


# Built from the reference files: forgotten with them.
on_clear_caches(matcher.cache_clear)
on_clear_caches(body_info.cache_clear)
