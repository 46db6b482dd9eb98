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
from functools import lru_cache

from hdkg.graph.institutions import InstitutionKey, Parsed, canonical_name, parse
from hdkg.graph.model import GraphData
from hdkg.loaders import reference
from hdkg.loaders.identity import Identity
from hdkg.schema.models import Entity, EntityType, Fact, make_id, name_key

BODY_TYPES = (EntityType.Organization, EntityType.Forum)


class Resolver:
    """Maps provisional ids to canonical ids, remembering every mapping it made.

    Bodies: the gazetteer entry of any of their names (the most specific name wins when
    two names point at two entries: "APEC Health Working Group" over "Health Working
    Group"). Ministries, embassies, missions and consulates: their key (state and portfolio
    or city, graph/institutions.py) whatever the language, the gazetteer's id where the
    gazetteer holds that key (Indonesia's ministries), else an id made of the key; their
    name is then made from the key in one language, and every name read stays an alias.
    """

    def __init__(self, find_body: Callable[[str], Entity | None] | None = None,
                 country_iso3: Callable[[str], str | None] | None = None,
                 institutions: bool | None = None) -> None:
        self.find_body = find_body
        self.country_iso3 = country_iso3
        self.institutions = find_body is not None if institutions is None else institutions
        self.mapping: dict[str, str] = {}

    def _body(self, e: Entity) -> Entity | None:
        hits: dict[str, tuple[int, Entity]] = {}
        for name in [e.name, *e.aliases]:
            hit = self.find_body(name) if self.find_body is not None else None
            if hit is not None:
                n = len(name_key(name))
                if n > hits.get(hit.id, (-1, hit))[0]:
                    hits[hit.id] = (n, hit)
        if not hits:
            return None
        return max(hits.values(), key=lambda x: x[0])[1]

    def institution(self, e: Entity) -> tuple[str, str, Parsed] | None:
        """(id, name, parse) of a ministry, embassy, mission or consulate, else None."""
        if e.type is not EntityType.Organization or not self.institutions:
            return None
        for name in [e.name, *e.aliases]:
            p = parse(name)
            if p is not None:
                known = gazetteer_institutions().get(p.key) if self.find_body else None
                if known is not None:
                    return known, e.name, p
                return make_id(EntityType.Organization, p.key.slug()), canonical_name(p), p
        return None

    def canonical(self, e: Entity) -> tuple[str, EntityType]:
        """The id (and type) an entity should have in the graph."""
        if e.type in BODY_TYPES and self.find_body is not None:
            hit = self._body(e)
            if hit is not None:
                return hit.id, hit.type
        inst = self.institution(e)
        if inst is not None:
            return inst[0], EntityType.Organization
        if e.type is EntityType.Country and not e.iso3 and self.country_iso3 is not None:
            for name in [e.name, *e.aliases]:
                iso = self.country_iso3(name)
                if iso:
                    return f"country/{iso}", e.type
        return e.id, e.type

    def _renamed(self, e: Entity, new_id: str, new_type: EntityType) -> Entity:
        update: dict = {"id": new_id, "type": new_type}
        inst = self.institution(e) if new_type is EntityType.Organization else None
        if inst is not None and inst[0] == new_id and inst[1] != e.name:
            # One name in one language; a name the extractor made by mixing the two
            # ("Ministry of Health of Korea Selatan") is no alias either.
            own = parse(e.name)
            keep = [] if own is not None and own.mixed else [e.name]
            update["name"] = inst[1]
            update["aliases"] = [a for a in dict.fromkeys([*keep, *e.aliases]) if a != inst[1]]
        return e.model_copy(update=update)

    def resolve(self, entities: list[Entity], facts: list[Fact]
                ) -> tuple[list[Entity], list[Fact]]:
        """The records of one source with canonical ids (the mapping is per source, since a
        provisional id means one thing only within the source that made it)."""
        local: dict[str, str] = {}
        ents = []
        for e in entities:
            new_id, new_type = self.canonical(e)
            if new_id != e.id or new_type is EntityType.Organization:
                if new_id != e.id:
                    local[e.id] = new_id
                    self.mapping[e.id] = new_id
                e = self._renamed(e, new_id, new_type)
            ents.append(e)
        out = []
        for f in facts:
            s, o = local.get(f.subject, f.subject), local.get(f.object, f.object)
            if s == o:
                continue  # both ends were the same thing under two names
            out.append(f if (s, o) == (f.subject, f.object)
                       else f.replace(subject=s, object=o))
        return ents, out


@lru_cache(maxsize=1)
def gazetteer_institutions() -> dict[InstitutionKey, str]:
    """Keys of the gazetteer's ministries (Indonesia's, the US HHS ...) -> their ids; a
    name with no state in it and an Indonesian head is Indonesia's ("Kementerian
    Kesehatan"). A key two entries share is left out."""
    from hdkg.loaders.reference import load_bodies

    out: dict[InstitutionKey, str] = {}
    clash: set[InstitutionKey] = set()
    for b in load_bodies():
        if b.type is not EntityType.Organization:
            continue
        for n in [b.name, *b.aliases]:
            p = parse(n)
            if p is None and re.match(r"(?:Kementerian|Departemen|Kemen|Kem)", n):
                p = parse(f"{n} Indonesia")
            if p is None:
                continue
            if out.get(p.key, b.id) != b.id:
                clash.add(p.key)
            out.setdefault(p.key, b.id)
    for k in clash:
        out.pop(k)
    return out


reference.on_clear_caches(gazetteer_institutions.cache_clear)  # keyed on bodies.yaml


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


def persons_compatible(a: str, b: str, near: bool | None = None) -> bool:
    """"Budi G. Sadikin" and "Budi Gunadi Sadikin"; "Nila Moeloek" and "Nila Farid Moeloek";
    "Nila F Moeloek" and "Nila Djuwita F Moeloek": the same first and last word, and every
    other word of the shorter name stands in the longer one in order, whole or as an
    initial of it (either way). "Tedros Adhanom" and "Tedros Adhanom Ghebreyesus": two
    words or more that open a name of three or more.

    `near` (by default: for long names, three words or more) lets one word differ by one
    letter ("Adanom", "Adhanom"): a near spelling, taken where a long name or shared posts
    make a coincidence unlikely. "Budi Gunadi Sadikin" and "Budi Karya Sumadi" never fit.
    """
    ta, tb = _tokens(a), _tokens(b)
    if len(ta) < 2 or len(tb) < 2 or ta == tb:
        return ta == tb and len(ta) >= 2
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if near is None:
        near = len(short) >= 3 and len(" ".join(short)) >= 14
    budget = [1 if near else 0]

    def fits(w: str, full: str) -> bool:
        if _word_fits(w, full):
            return True
        if budget[0] and min(len(w), len(full)) >= 5 and _one_edit(w, full):
            budget[0] -= 1
            return True
        return False

    if len(long_) >= 3 and len(short) >= 2 and len(short) < len(long_) and all(
            fits(w, f) for w, f in zip(short, long_[:len(short)], strict=True)):
        return True  # "Tedros Adhanom" opens "Tedros Adhanom Ghebreyesus"
    budget[0] = 1 if near else 0
    if not (fits(short[0], long_[0]) and fits(short[-1], long_[-1])):
        return False
    if short[0] != long_[0] and short[-1] != long_[-1]:
        return False  # at least one of first or last name written out in both
    i = 1
    for w in short[1:-1]:
        while i < len(long_) - 1 and not fits(w, long_[i]):
            i += 1
        if i >= len(long_) - 1:
            return False
        i += 1
    return True


def _one_edit(a: str, b: str) -> bool:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b, score_cutoff=1) <= 1


def _word_fits(w: str, full: str) -> bool:
    return w == full or (len(w) == 1 and full.startswith(w)) or (
        len(full) == 1 and w.startswith(full))


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


_BUCKET_CAP = 200  # a first name this common says nothing: those pairs are not compared


def _posts(data: GraphData) -> dict[str, set[str]]:
    """What each person holds a post in or is a member of (the evidence that two spellings
    are one person)."""
    out: dict[str, set[str]] = {}
    for f in data.iter_facts():
        if f.predicate.value in ("holds_position", "member_of", "chair_of"):
            out.setdefault(f.subject, set()).add(f.object)
    return out


def _resolve_people(people: list[Entity], data: GraphData, clusters: _Clusters,
                    can_join: Callable[[str, str], bool], review: list[ReviewPair]) -> None:
    """Persons: compatible names merge when the shorter name has one candidate; a near
    spelling counts where the name is long or both hold a post in the same body; a lone
    first or last name joins the one full name of its own document that it fits."""
    toks = {p.id: _tokens(p.name) for p in people}
    comp = {p.id: _completeness(p, toks[p.id]) for p in people}
    posts = _posts(data)
    index: dict[tuple[str, str], list[Entity]] = {}
    for p in people:
        t = toks[p.id]
        if len(t) >= 2:
            index.setdefault(("last", t[-1]), []).append(p)
            if len(t[0]) > 1:
                index.setdefault(("first", t[0]), []).append(p)

    def candidates(p: Entity) -> list[Entity]:
        t = toks[p.id]
        seen: dict[str, Entity] = {}
        for k in (("last", t[-1]), ("first", t[0])):
            bucket = index.get(k, [])
            if len(bucket) <= _BUCKET_CAP or k[0] == "last":
                for q in bucket:
                    seen.setdefault(q.id, q)
        return [q for q in seen.values() if q.id != p.id]

    for p in sorted(people, key=lambda x: comp[x.id], reverse=True):
        if len(toks[p.id]) < 2:
            continue
        fits, near_only = [], []
        for q in candidates(p):
            if comp[q.id] <= comp[p.id]:
                continue
            if persons_compatible(p.name, q.name):
                fits.append(q)
            elif persons_compatible(p.name, q.name, near=True):
                (fits if posts.get(p.id, set()) & posts.get(q.id, set()) else
                 near_only).append(q)
        roots = {clusters.find(q.id) for q in fits}
        if len(roots) == 1 and can_join(fits[0].id, p.id):
            clusters.union(fits[0].id, p.id)
        elif len(roots) > 1:
            for q in fits:
                review.append(ReviewPair(p.id, q.id, p.name, q.name, 1.0,
                                         "several people fit this short name"))
        for q in near_only:
            if clusters.find(q.id) != clusters.find(p.id):
                review.append(ReviewPair(p.id, q.id, p.name, q.name, 0.9,
                                         "near spelling of a short name, no shared post"))

    # A lone name ("Nila") joins the full name it fits in each of its documents.
    by_doc: dict[str, list[Entity]] = {}
    for p in people:
        if len(toks[p.id]) >= 2:
            for d in {s.document for s in p.sources}:
                by_doc.setdefault(d, []).append(p)
    for p in people:
        t = toks[p.id]
        if len(t) != 1 or len(t[0]) < 3:
            continue
        roots: set[str] = set()
        hits: list[Entity] = []
        for d in {s.document for s in p.sources}:
            fit = [q for q in by_doc.get(d, []) if t[0] in (toks[q.id][0], toks[q.id][-1])]
            doc_roots = {clusters.find(q.id) for q in fit}
            if len(doc_roots) != 1:
                roots = set()
                hits = fit or hits
                break
            roots |= doc_roots
            hits.extend(fit)
        if len(roots) == 1 and can_join(hits[0].id, p.id):
            clusters.union(hits[0].id, p.id)
        else:
            for q in {q.id: q for q in hits}.values():
                review.append(ReviewPair(p.id, q.id, p.name, q.name, 1.0,
                                         "a lone name several people fit"))


def resolve_graph(data: GraphData, identity: Identity | None = None,
                  preferred: set[str] | None = None,
                  mapping: dict[str, str] | None = None) -> list[ReviewPair]:
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

    _resolve_people(by_type.get(EntityType.Person, []), data, clusters, can_join, review)

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
    mapping = {} if mapping is None else mapping
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
