"""Resolution: one id per real thing, before records are merged into the graph.

Loaders give provisional ids from what one source says. The resolver maps them to the ids
of known things (countries by ISO code, bodies by the gazetteer, by any of their names or
acronyms) so that "Kemenkes" in one document and "Kementerian Kesehatan" in another land on
one node. Rules only here; fuzzy matching and analysts' identity decisions extend it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from hdkg.graph.model import GraphData
from hdkg.loaders.identity import Identity
from hdkg.schema.models import Entity, EntityType, Fact, name_key

BODY_TYPES = (EntityType.Organization, EntityType.Forum)


class Resolver:
    """Maps provisional ids to canonical ids, remembering every mapping it made."""

    def __init__(self, find_body: Callable[[str], Entity | None] | None = None,
                 country_iso3: Callable[[str], str | None] | None = None) -> None:
        self.find_body = find_body
        self.country_iso3 = country_iso3
        self.mapping: dict[str, str] = {}

    def canonical(self, e: Entity) -> tuple[str, EntityType]:
        """The id (and type) an entity should have in the graph."""
        if e.type in BODY_TYPES and self.find_body is not None:
            for name in [e.name, *e.aliases]:
                hit = self.find_body(name)
                if hit is not None:
                    return hit.id, hit.type
        if e.type is EntityType.Country and not e.iso3 and self.country_iso3 is not None:
            for name in [e.name, *e.aliases]:
                iso = self.country_iso3(name)
                if iso:
                    return f"country/{iso}", e.type
        return e.id, e.type

    def resolve(self, entities: list[Entity], facts: list[Fact]
                ) -> tuple[list[Entity], list[Fact]]:
        """The records of one source with canonical ids (the mapping is per source, since a
        provisional id means one thing only within the source that made it)."""
        local: dict[str, str] = {}
        ents = []
        for e in entities:
            new_id, new_type = self.canonical(e)
            if new_id != e.id:
                local[e.id] = new_id
                self.mapping[e.id] = new_id
                e = e.model_copy(update={"id": new_id, "type": new_type})
            ents.append(e)
        out = []
        for f in facts:
            s, o = local.get(f.subject, f.subject), local.get(f.object, f.object)
            if s == o:
                continue  # both ends were the same thing under two names
            out.append(f if (s, o) == (f.subject, f.object)
                       else f.replace(subject=s, object=o))
        return ents, out


# --- Across documents: one node per real thing ------------------------------------------

_SHORT = 0.80  # names this alike, but not merged, are listed for an analyst
_SAFE = 0.93  # names this alike, with the same type and parent, are merged


@dataclass
class ReviewPair:
    """Two entities that look alike but were not merged, and why not."""

    a: str
    b: str
    a_name: str
    b_name: str
    score: float
    reason: str


def _tokens(name: str) -> list[str]:
    return name_key(name).split()


def persons_compatible(a: str, b: str) -> bool:
    """"Budi G. Sadikin" and "Budi Gunadi Sadikin"; "Nila Moeloek" and "Nila Farid Moeloek":
    the same first and last word, and every other word of the shorter name stands in the
    longer one in order, whole or as its initial."""
    ta, tb = _tokens(a), _tokens(b)
    if len(ta) < 2 or len(tb) < 2 or ta == tb:
        return ta == tb and len(ta) >= 2
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if not (_word_fits(short[0], long_[0]) and _word_fits(short[-1], long_[-1])):
        return False
    if short[0] != long_[0] and short[-1] != long_[-1]:
        return False  # at least one of first or last name written out in both
    i = 1
    for w in short[1:-1]:
        while i < len(long_) - 1 and not _word_fits(w, long_[i]):
            i += 1
        if i >= len(long_) - 1:
            return False
        i += 1
    return True


def _word_fits(w: str, full: str) -> bool:
    return w == full or (len(w) == 1 and full.startswith(w))


def _completeness(e: Entity, tokens: list[str] | None = None) -> tuple:
    """Order of preference for the id a merged person keeps: the fullest name."""
    tokens = _tokens(e.name) if tokens is None else tokens
    return (len(tokens), sum(len(t) > 1 for t in tokens), -len(e.id), e.id)


class _Clusters:
    """Union-find that also keeps each cluster's members (for not-same-as checks)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}

    def find(self, x: str) -> str:
        if x not in self.parent:
            self.parent[x] = x
            self.members[x] = [x]
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.members[ra].extend(self.members.pop(rb))

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return out


def _candidate_pairs(items: list[Entity], keys: dict[str, str], cap: int = 50
                     ) -> list[tuple[Entity, Entity]]:
    """Pairs that share a word that few names have (blocking), so that comparing names
    costs about linear time instead of every pair of a large graph."""
    by_word: dict[str, list[int]] = {}
    for i, e in enumerate(items):
        for w in set(keys[e.id].split()):
            if len(w) > 2 and not w.isdigit():
                by_word.setdefault(w, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for idx in by_word.values():
        if 1 < len(idx) <= cap:
            pairs.update((a, b) for n, a in enumerate(idx) for b in idx[n + 1:])
    return [(items[a], items[b]) for a, b in sorted(pairs)]


def resolve_graph(data: GraphData, identity: Identity | None = None,
                  preferred: set[str] | None = None) -> list[ReviewPair]:
    """Merge the entities of `data` that are one real thing; return pairs left for review.

    Rules, in order: the analysts' same-as statements; persons whose names are compatible
    (initials, a missing middle name) when only one candidate fits; bodies and events of the
    same type whose names are near spellings (rapidfuzz) with the same parent and year. Never
    across a not-same-as statement. The id kept is a preferred one (reference data, curated)
    when the cluster has one, else the most complete name's.
    """
    from rapidfuzz import fuzz

    identity = identity or Identity()
    preferred = preferred or set()
    clusters = _Clusters()
    review: list[ReviewPair] = []
    ents = data.entities

    def can_join(a: str, b: str) -> bool:
        ca, cb = clusters.find(a), clusters.find(b)
        if identity.not_same_as and any(identity.apart(x, y) for x in clusters.members[ca]
                                        for y in clusters.members[cb]):
            return False
        pa = {x for x in clusters.members[ca] if x in preferred}
        pb = {x for x in clusters.members[cb] if x in preferred}
        return not (pa and pb and pa != pb)  # two known things stay two

    for group in identity.same_as:
        present = [i for i in group if i in ents]
        for other in present[1:]:
            clusters.union(present[0], other)

    by_type: dict[EntityType, list[Entity]] = {}
    for e in ents.values():
        by_type.setdefault(e.type, []).append(e)

    # Persons: compatible names, merged only when the shorter name has one candidate.
    # Candidates share the last word and the first letter (an index, not every pair).
    people = by_type.get(EntityType.Person, [])
    toks = {p.id: _tokens(p.name) for p in people}
    comp = {p.id: _completeness(p, toks[p.id]) for p in people}
    index: dict[tuple[str, str], list[Entity]] = {}
    for p in people:
        t = toks[p.id]
        if len(t) >= 2:
            index.setdefault((t[0][0], t[-1]), []).append(p)
    for p in sorted(people, key=lambda x: comp[x.id], reverse=True):
        t = toks[p.id]
        if len(t) < 2:
            continue
        fits = [q for q in index[(t[0][0], t[-1])] if comp[q.id] > comp[p.id]
                and persons_compatible(p.name, q.name)]
        roots = {clusters.find(q.id) for q in fits}
        if len(roots) == 1 and can_join(fits[0].id, p.id):
            clusters.union(fits[0].id, p.id)
        elif len(roots) > 1:
            for q in fits:
                review.append(ReviewPair(p.id, q.id, p.name, q.name, 1.0,
                                         "several people fit this short name"))

    # Bodies and events: near spellings with the same parent (and, for events, year).
    for t in (EntityType.Organization, EntityType.Forum, EntityType.Event):
        items = sorted(by_type.get(t, []), key=lambda e: e.id)
        keys = {e.id: name_key(e.name) for e in items}
        for a, b in _candidate_pairs(items, keys):
            score = fuzz.token_sort_ratio(keys[a.id], keys[b.id]) / 100
            if score < _SHORT:
                continue
            same_context = (a.parent == b.parent and (a.date or "")[:4] == (b.date or "")[:4])
            digits_a = re.findall(r"\d+", keys[a.id])
            digits_b = re.findall(r"\d+", keys[b.id])
            safe = score >= _SAFE and same_context and digits_a == digits_b
            if safe and can_join(a.id, b.id):
                clusters.union(a.id, b.id)
            elif clusters.find(a.id) != clusters.find(b.id) and not (
                    a.id in preferred and b.id in preferred):  # two known, distinct things
                why = ("different parent or year" if not same_context else
                       "different numbers" if digits_a != digits_b else
                       "stated not the same" if identity.apart(a.id, b.id) else
                       "similar, not similar enough to merge")
                review.append(ReviewPair(a.id, b.id, a.name, b.name, round(score, 3), why))

    chosen = {group[0] for group in identity.same_as}  # the analyst's choice of id
    mapping: dict[str, str] = {}
    for members in clusters.groups().values():
        if len(members) < 2:
            continue
        keep = ([m for m in members if m in chosen] or [m for m in members if m in preferred] or
                sorted(members, key=lambda m: _completeness(ents[m]), reverse=True))[0]
        for m in members:
            if m != keep:
                mapping[m] = keep
    _apply(data, mapping)
    return [r for r in review if mapping.get(r.a, r.a) != mapping.get(r.b, r.b)]


def _apply(data: GraphData, mapping: dict[str, str]) -> None:
    """Fold merged entities into the one kept, and point every fact at it."""
    if not mapping:
        return
    for old, new in mapping.items():
        e = data.remove_entity(old)
        keep = data.entities[new]
        data.add_entity(e.model_copy(update={"id": new, "type": keep.type}))
    for f in list(data.iter_facts()):
        s, o = mapping.get(f.subject, f.subject), mapping.get(f.object, f.object)
        if (s, o) == (f.subject, f.object):
            continue
        data.remove_fact(f)
        if s != o:
            data.add_fact(f.replace(subject=s, object=o))
    for e in data.entities.values():
        if e.parent in mapping:
            e.parent = mapping[e.parent]
