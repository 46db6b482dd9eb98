"""Entities of one document: countries, bodies, people, events, each with its mentions.

Order matters and is fixed: reference names first (gazetteer), then body names built
around head nouns ("Biro ...", "... Steering Group"), then people (titles, posts,
appositions), then events (meeting words, ordinals). Each later step sees what the earlier
ones found, so a post's organisation is known before the name after it is read.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from hdkg.loaders.reference import country_iso3, country_short_name, find_body, norm_key
from hdkg.loaders.text import words as W
from hdkg.loaders.text.dates import dateline_year, find_dates
from hdkg.loaders.text.gazetteer import ambiguous_country_name, body_info, find_names
from hdkg.loaders.text.sentences import MAX_SENTENCE, split_sentences


@dataclass
class Ent:
    """An entity of the document; `key` is unique within it."""

    key: str
    type: str
    name: str
    mentions: list[str] = field(default_factory=list)
    first: int = 0
    iso3: str | None = None
    ref: str | None = None  # gazetteer id
    date: str | None = None
    parent: str | None = None  # key of the body it belongs to, when its name says so
    parent_span: tuple[int, int] | None = None
    portfolio: str | None = None  # ministries: what the ministry is for
    country: str | None = None  # ministries and posts: iso3 of the state


@dataclass
class Post:
    """A post held by a person mention: the title, and the entity it belongs to."""

    start: int
    end: int
    role: str
    object: str | None  # entity key
    future: bool = False


@dataclass
class Mention:
    start: int
    end: int
    key: str
    type: str
    text: str
    post: Post | None = None
    short: bool = False  # "Menkes Budi", "Dante": a later mention of a named person


PORTFOLIOS = {
    "kesehatan": "health", "health": "health", "public health": "public health",
    "kesehatan masyarakat": "public health", "keuangan": "finance", "finance": "finance",
    "luar negeri": "foreign affairs", "foreign affairs": "foreign affairs",
    "foreign": "foreign affairs", "treasury": "treasury", "the treasury": "treasury",
    "perdagangan": "trade", "trade": "trade", "dalam negeri": "home affairs",
}
MINISTER_HEAD = re.compile(r"^(?:Wakil |Deputy |Vice )?(?:Menteri|Minister|Menkes|Wamenkes|"
                           r"Menlu|Wamenlu|Menkeu|Coordinating Minister|Health Minister|"
                           r"Finance Minister|Foreign Minister)")
HEAD_OF_STATE = re.compile(r"^(?:Wakil )?(?:Presiden|President|Vice[- ]President|Perdana "
                           r"Menteri|Prime Minister|Wapres|Raja|Ratu|King|Queen|Putra "
                           r"Mahkota|Crown Prince|Duta Besar|Dubes|Ambassador|Menteri Negara|"
                           r"Minister of State|Konsul Jenderal)")
DEMONYMS = {"Indonesian": "IDN", "Indonesia's": "IDN", "Thai": "THA", "Malaysian": "MYS",
            "Singaporean": "SGP", "Japanese": "JPN", "Chinese": "CHN", "Dutch": "NLD",
            "American": "USA", "U.S.": "USA", "US": "USA", "Saudi": "SAU", "British": "GBR",
            "Australian": "AUS", "Indian": "IND", "German": "DEU", "Italian": "ITA",
            "Korean": "KOR", "Vietnamese": "VNM", "Philippine": "PHL", "Filipino": "PHL"}


class DocAnalysis:
    """Everything found in one document, with lookups the fact rules need."""

    def __init__(self, text: str, language: str = "id") -> None:
        self.text = text
        self.language = language
        self.entities: dict[str, Ent] = {}
        self.mentions: list[Mention] = []
        self.acronyms: dict[str, str] = {}
        self.sentences = split_sentences(text)
        self.year = dateline_year(text)
        self.dates = find_dates(text, self.year)
        self._date_starts = [d.start for d in self.dates]
        self._claimed: list[tuple[int, int]] = []  # sorted; claims span at most _claim_len
        self._claim_len = 0
        self._by_start: dict[int, list[Mention]] = {}
        self._sorted: list[Mention] | None = None
        self._keys: list[tuple[int, int]] = []  # (start, -length) of _sorted, for insertion
        # What name scans found from each position they passed, while the mentions stay
        # the same (_scan_right, _scan_left): a run of head words is scanned once, not once
        # per head word.
        self._scans: dict[tuple, dict[int, int | None]] = {}

    # --- registry -----------------------------------------------------------------------

    def entity(self, key: str, type_: str, name: str, start: int, **extra) -> Ent:
        e = self.entities.get(key)
        if e is None:
            e = Ent(key=key, type=type_, name=name, first=start, **extra)
            self.entities[key] = e
        else:
            for k, v in extra.items():
                if v is not None and getattr(e, k, None) is None:
                    setattr(e, k, v)
        return e

    def mention(self, start: int, end: int, ent: Ent, **extra) -> Mention:
        surface = self.text[start:end]
        if surface not in ent.mentions:
            ent.mentions.append(surface)
        m = Mention(start, end, ent.key, ent.type, surface, **extra)
        self.mentions.append(m)
        self._by_start.setdefault(start, []).append(m)
        self._scans.clear()
        if self._sorted is not None:
            # Kept sorted as mentions come, after those of the same key: what a stable sort
            # of `mentions` gives, without sorting the whole document again per mention.
            k = (start, -(end - start))
            i = bisect.bisect_right(self._keys, k)
            self._sorted.insert(i, m)
            self._starts.insert(i, start)
            self._keys.insert(i, k)
        return m

    def forget(self, key: str, *more: str) -> None:
        keys = {key, *more}
        self.mentions = [m for m in self.mentions if m.key not in keys]
        self._by_start = {}
        for m in self.mentions:
            self._by_start.setdefault(m.start, []).append(m)
        self._sorted = None
        self._scans.clear()

    def covered(self, pos: int) -> bool:
        """Whether some mention contains the position."""
        return any(m.start <= pos < m.end for m in self.mentions_in_window(pos))

    def mentions_in_window(self, pos: int, width: int = 200) -> list[Mention]:
        if self._sorted is None:
            self.mentions_in(0, 0)
        i = bisect.bisect_left(self._starts, pos - width)
        j = bisect.bisect_right(self._starts, pos)
        return self._sorted[i:j]

    def claimed(self, a: int, b: int) -> bool:
        # Only a claim starting after a - _claim_len can reach past a.
        claims = self._claimed
        i = bisect.bisect_left(claims, (a - self._claim_len + 1,))
        while i < len(claims) and claims[i][0] < b:
            if a < claims[i][1]:
                return True
            i += 1
        return False

    def claim(self, a: int, b: int) -> None:
        bisect.insort(self._claimed, (a, b))
        self._claim_len = max(self._claim_len, b - a)

    def mentions_in(self, a: int, b: int) -> list[Mention]:
        if self._sorted is None:
            self._sorted = sorted(self.mentions, key=lambda m: (m.start, -(m.end - m.start)))
            self._starts = [m.start for m in self._sorted]
            self._keys = [(m.start, -(m.end - m.start)) for m in self._sorted]
        i = bisect.bisect_left(self._starts, a)
        j = bisect.bisect_left(self._starts, b, i)
        return [m for m in self._sorted[i:j] if m.end <= b]

    def mentions_from(self, a: int, b: int) -> list[Mention]:
        """Mentions that start in [a, b), wherever they end."""
        if self._sorted is None:
            self.mentions_in(0, 0)
        i = bisect.bisect_left(self._starts, a)
        return self._sorted[i:bisect.bisect_left(self._starts, b, i)]

    def outer_mentions(self, a: int, b: int) -> list[Mention]:
        """Mentions in [a, b) that no longer mention contains."""
        ms = self.mentions_in(a, b)
        out: list[Mention] = []
        for m in ms:
            if out and m.start < out[-1].end:
                continue
            out.append(m)
        return out

    def mention_at(self, pos: int, kinds: tuple[str, ...] | None = None) -> Mention | None:
        best = None
        for m in self._by_start.get(pos, ()):
            if kinds is None or m.type in kinds:
                if best is None or m.end > best.end:
                    best = m
        return best


# --- helpers ------------------------------------------------------------------------------

_WORD = re.compile(r"[\w][\w'’.\-&/]*[\w]|[\w]")
_WS = re.compile(r"[ \t]*")
_PUNCT = re.compile(r"[,:\-]")


def _country_entity(doc: DocAnalysis, iso: str, surface: str, start: int) -> Ent:
    return doc.entity(f"C:{iso}", "Country", surface, start, iso3=iso)


def _body_entity(doc: DocAnalysis, gid: str, start: int) -> Ent:
    type_, name, _acr, parent = body_info()[gid]
    return doc.entity(f"B:{gid}", type_, name, start, ref=gid,
                      parent=f"B:{parent}" if parent else None)


def _strip_parens(s: str) -> str:
    return " ".join(re.sub(r"\s*\([^)]*\)", "", s).split())


def _country_display(doc: DocAnalysis, iso: str) -> str:
    from hdkg.loaders.reference import country_short_name

    return country_short_name(iso, doc.language)


def ministry_entity(doc: DocAnalysis, portfolio: str, iso: str, start: int,
                    english: bool) -> Ent:
    """The ministry of `portfolio` of state `iso`: one entity whatever words name it."""
    pkey = PORTFOLIOS.get(portfolio.lower(), norm_key(portfolio))
    if iso == "IDN":
        for cand in (f"Kementerian {portfolio}", f"Ministry of {portfolio} of Indonesia",
                     f"Coordinating Ministry for {portfolio}", f"Kementerian Koordinator "
                     f"{portfolio}"):
            hit = find_body(cand)
            if hit is not None:
                return _body_entity(doc, hit.id.split("/", 1)[1], start)
        if pkey == "health":
            return _body_entity(doc, "kemenkes", start)
    key = f"M:{pkey}:{iso}"
    if key in doc.entities:
        return doc.entities[key]
    if iso == "IDN":
        name = f"Ministry of {portfolio}" if english else f"Kementerian {portfolio}"
    else:
        place = _country_display(doc, iso)
        name = (f"Ministry of {portfolio} of {place}" if english
                else f"Kementerian {portfolio} {place}")
    return doc.entity(key, "Organization", name, start, portfolio=portfolio, country=iso)


# --- step 1: reference names --------------------------------------------------------------

def _gazetteer(doc: DocAnalysis) -> None:
    for h in find_names(doc.text):
        if h.kind == "country":
            if ambiguous_country_name(h.text):
                continue
            if re.search(r"(?i)\b(?:bahasa|language)\s+(?:\w+\s+dan\s+)?$",
                         doc.text[max(0, h.start - 30):h.start]):
                continue
            e = _country_entity(doc, h.key, h.text, h.start)
            if e.name in ("RI", "RDTL") or len(e.name) <= 3:
                e.name = h.text if len(h.text) > 3 else e.name
            doc.mention(h.start, h.end, e)
        else:
            e = _body_entity(doc, h.key, h.start)
            doc.mention(h.start, h.end, e)
            _inner_parent(doc, e, h.start, h.end)


def _inner_parent(doc: DocAnalysis, e: Ent, a: int, b: int) -> None:
    """'Executive Board WHO' names WHO too: the parent gets a mention inside the name."""
    if e.parent is None or not e.parent.startswith("B:"):
        return
    gid = e.parent[2:]
    _type, name, acronym, _p = body_info()[gid]
    for form in (acronym, name):
        if not form:
            continue
        m = re.search(rf"(?<![\w]){re.escape(form)}(?![\w])", doc.text[a:b])
        if m:
            parent = _body_entity(doc, gid, a + m.start())
            doc.mention(a + m.start(), a + m.end(), parent)
            return


# --- step 2: body names around head nouns -------------------------------------------------

_CONNECT = frozenset("dan serta and of for on & untuk".split())
_HEAD_ID = re.compile(r"(?<![\w\-])(?:" + "|".join(
    sorted((re.escape(h) for h in W.BODY_HEADS_ID), key=len, reverse=True)) + r")(?![\w\-])")
_HEAD_EN = re.compile(r"(?<![\w\-])(?:" + "|".join(
    sorted((re.escape(h) for h in W.BODY_HEADS_EN), key=len, reverse=True)) + r")(?![\w\-])")
_CAP = re.compile(r"(?:[A-Z][\w'’\-]*|\d+[A-Za-z]*)(?:\.[A-Z][\w]*)*\.?")
_PAREN = re.compile(r"\s*\((?P<inner>[^()]{1,80})\)")
_ACR = re.compile(r"[A-Z][A-Za-z0-9\-&]{1,11}")


def _is_cap_token(tok: str) -> bool:
    if tok.startswith("se-"):
        tok = tok[3:]
    return bool(tok) and (tok[0].isupper() or (tok[0].isdigit() and any(c.isalpha() for c in tok)))


def _next_token(text: str, pos: int) -> tuple[int, int] | None:
    m = _WS.match(text, pos)
    p = m.end()
    m = _CAP.match(text, p) or _WORD.match(text, p) or _PUNCT.match(text, p)
    if m is None:
        return None
    return (m.start(), m.end())


def _scan_right(doc: DocAnalysis, pos: int, limit: int, allow_titles: bool = False,
                numbers: bool = False, lists: bool = True, people: bool = False) -> int:
    """Extend a name rightwards over capitalised words, connectors and known names."""
    text = doc.text
    end = pos
    memo = doc._scans.setdefault(("right", limit, allow_titles, numbers, lists, people), {})
    tops: list[tuple[int, int]] = []
    while pos < limit:
        if pos in memo:
            end = end if memo[pos] is None else memo[pos]
            break
        tops.append((pos, end))
        m = _PAREN.match(text, pos)
        if m and m.end() <= limit:
            inner = m.group("inner").strip()
            if _ACR.fullmatch(inner.split("/")[-1].strip()) and len(inner) <= 80:
                pos = end = m.end()
                continue
            break
        ws = _WS.match(text, pos).end()
        if ws >= limit:
            break
        nxt = doc.mention_at(ws, ("Country", "Organization", "Forum") +
                             (("Person",) if people else ()))
        if nxt is not None:
            if nxt.type == "Country" and re.match(r"['’]s?\b", text[nxt.end:nxt.end + 2]):
                break  # "... of Thailand's Ministry": the possessive starts another name
            pos = end = nxt.end
            if nxt.type == "Country" and not people:
                break  # "Kementerian Kesehatan RI": the state closes the name
            continue
        if allow_titles:
            t = re.compile(W.TITLE).match(text, ws)
            if t and t.end() > ws:
                pos = t.end()
                continue
        tok = _next_token(text, ws)
        if tok is None:
            break
        word = text[tok[0]:tok[1]]
        if word.rstrip(".") in W.STOP_CAPS and word not in ("Health", "Minister"):
            break
        if _is_cap_token(word) or (numbers and word.isdigit() and len(word) <= 2):
            pos = end = tok[1]
            if word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", word):
                end = tok[1] - 1
                break
            continue
        if word in _CONNECT or word in (",", ":", "-"):
            if not lists and word != "-":
                break
            after = _next_token(text, tok[1] + (1 if word in (",", ":") else 0))
            if after is None:
                break
            follow = text[after[0]:after[1]]
            if not _is_cap_token(follow) or follow in W.STOP_CAPS:
                break
            if doc.mention_at(after[0], ("Person",)) is not None:
                break
            if word == "," and not _list_closes(text, after[0], limit):
                break
            if word in ("dan", "and", "serta", ",") and _starts_new_body(text, after[0]):
                break
            pos = tok[1]
            continue
        break
    _remember(memo, tops, end)
    return end


def _remember(memo: dict[int, int | None], tops: list[tuple[int, int]], found: int) -> None:
    """For each position a scan passed (with what it had found by then), what a scan from
    there finds: `found`, or None when it moved no further (a scan from there finds its
    own start). A scan only moves its end one way, so an end that changed is a move."""
    for p, had in tops:
        memo[p] = found if found != had else None


def _list_closes(text: str, pos: int, limit: int) -> bool:
    """A comma inside a name only when a 'dan'/'and'/'serta' closes the list soon after."""
    window = text[pos:min(limit, pos + 80)]
    m = re.match(r"(?:[A-Z][\w\-]*\s*,?\s*)+(?:dan|and|serta)\s+[A-Z]", window)
    return m is not None


def _starts_new_body(text: str, pos: int) -> bool:
    return bool(_HEAD_ID.match(text, pos) or re.compile(
        r"(?:Pemerintah|Government|Menteri|Minister|Kemenkes|Kementerian)\b").match(text, pos))


_LAST_WORD = re.compile(r"([\w'’\-.&]+|,)\s*$")


def _last_word(seg: str) -> re.Match | None:
    """_LAST_WORD.search(seg), looked for in the last 100 characters first: a match that
    starts before them covers them, and is found at their start or not at all there."""
    w = max(0, len(seg) - 100)
    m = _LAST_WORD.search(seg, w)
    if w and (m is None or m.start() == w):
        m = _LAST_WORD.search(seg)
    return m


def _scan_left(doc: DocAnalysis, pos: int, floor: int, lists: bool = True) -> int:
    """Extend an English-order name leftwards over modifiers ("Program Coordinating")."""
    text = doc.text
    start = pos
    memo = doc._scans.setdefault(("left", floor, lists), {})
    tops: list[tuple[int, int]] = []
    while pos > floor:
        if pos in memo:
            start = start if memo[pos] is None else memo[pos]
            break
        tops.append((pos, start))
        seg = text[floor:pos]
        m = _last_word(seg)
        if m is None:
            break
        tok_start = floor + m.start(1)
        word = m.group(1)
        prev = doc.outer_mentions(max(floor, tok_start - 80), pos)
        ending = [x for x in prev if x.end == floor + m.end(1)]
        if ending and ending[-1].type in ("Organization", "Forum"):
            pos = start = ending[-1].start
            continue
        if ending and ending[-1].type == "Country":
            break
        if word in (",", "and", "&", "dan"):
            if not lists:
                break
            m2 = re.search(r"([A-Z][\w'’\-]*)\s*" + re.escape(word) + r"\s*$", seg)
            if m2 is None:
                break
            if doc.mention_at(floor + m2.start(1)) is not None or any(
                    x.start < floor + m2.end(1) <= x.end
                    for x in doc.mentions_in_window(floor + m2.end(1))):
                break
            pos = floor + m2.end(1)
            continue
        if _is_cap_token(word) and word.rstrip(".") not in W.STOP_CAPS \
                and word not in W.ROLE_WORDS and not word.endswith(("'s", "’s")):
            pos = start = tok_start
            continue
        break
    _remember(memo, tops, start)
    return start


def _bodies(doc: DocAnalysis) -> None:
    text = doc.text
    for sa, sb in doc.sentences:
        found: list[tuple[int, int, str, str]] = []
        for m in _HEAD_ID.finditer(text, sa, sb):
            head = m.group(0)
            if head[0].islower():
                continue
            end = _scan_right(doc, m.end(), sb, allow_titles=head.startswith("R"),
                              numbers=head in ("Cluster", "Klaster"),
                              lists=head.split()[0] in W.LIST_HEADS)
            if head in ("Cluster", "Klaster"):
                mm = re.compile(r"\s+\d+(?::\s+[A-Z][\w ]+?)?(?=\s+\d{4}|[,.;]|\s+dan\s|$)"
                                ).match(text, m.end())
                if mm:
                    end = max(end, mm.end())
            if end > m.end():
                found.append((m.start(), end, head, W.BODY_HEADS_ID[head], m.start()))
        for m in _HEAD_EN.finditer(text, sa, sb):
            head = m.group(0)
            if doc.covered(m.start()):
                continue
            start = _scan_left(doc, m.start(), sa, lists=head in W.LEFT_LIST_HEADS)
            end = m.end()
            cm = re.compile(r"\s+(?:of|for|on)\s+(?=[A-Z])").match(text, end)
            if cm and not re.compile(r"the\b").match(text, cm.end()):
                end2 = _scan_right(doc, cm.end(), sb)
                end = end2 if end2 > cm.end() else end
            pm = _PAREN.match(text, end)
            if pm and _ACR.fullmatch(pm.group("inner").split("/")[-1].strip()):
                end = pm.end()
            nxt = re.compile(r"[ \t]+").match(text, end)
            if nxt:
                after = doc.mention_at(nxt.end(), ("Organization", "Forum"))
                if after is not None:
                    end = after.end
            if start < m.start() or end > m.end():
                found.append((start, end, head, W.BODY_HEADS_EN[head], m.start()))
        # One head word, one name: the readings of it are joined.
        by_head: dict[int, tuple[int, int, str, str, int]] = {}
        for f in found:
            g = by_head.get(f[4])
            by_head[f[4]] = f if g is None else (min(f[0], g[0]), max(f[1], g[1]), g[2], g[3],
                                                 f[4])
        found = list(by_head.values())
        # An English name inside a longer one is a modifier of it ("Erasmus University
        # Medical Center ..."), unless the longer one only adds its parent after it.
        wide = sorted(found, key=lambda g: -g[1])  # ends furthest first: one look finds one
        wide_keys = [-g[1] for g in wide]
        found = [f for f in found if not (f[2] in W.BODY_HEADS_EN and f[4] + len(f[2]) == f[1]
                                          and any(g[0] <= f[0] and g[4] > f[4] for g in wide[
                                              :bisect.bisect_left(wide_keys, -f[1])]))]
        seen_spans: set[tuple[int, int]] = set()
        for a, b, head, type_, _h in sorted(found, key=lambda s: (-s[0], s[1])):
            if (a, b) not in seen_spans:
                seen_spans.add((a, b))
                _add_body_phrase(doc, a, b, head, type_)
        _parents_after(doc, sa, sb)


def _add_body_phrase(doc: DocAnalysis, a: int, b: int, head: str, type_: str) -> None:
    text = doc.text
    surface = text[a:b].rstrip(" ,")
    b = a + len(surface)
    if any((x.start <= a and b <= x.end) or x.start < a < x.end
           for x in doc.mentions_in_window(a)):
        return  # inside a name already found
    inner = doc.outer_mentions(a, b)
    if len(inner) == 1 and inner[0].start == a and inner[0].end == b:
        return  # the gazetteer already has it
    if inner and inner[0].start == a and inner[0].end >= b - 1:
        return
    clean = _strip_parens(surface)
    if len(clean.split()) < 2 and not re.search(r"\d", clean):
        return
    own = clean
    for x in inner:
        own = own.replace(_strip_parens(x.text), " ")
    if not _anchored(own) and not (any(x.type == "Country" for x in inner) and
                                   re.match(r"(?i)kementerian|ministry", clean)):
        return  # "Joint Working Group", "Kerja Sama Kesehatan": a kind, not a name
    if any(w in W.VENUE_WORDS for w in clean.split()):
        return
    if re.search(r"(?i)^(?:kementerian|ministry|kemenko)\b", clean) or re.search(
            r"Ministry\b", clean):
        _add_ministry_phrase(doc, a, b, surface, inner)
        return
    if re.match(r"(?:Konsulat|Kedutaan)", clean):
        # "Konsulat Jenderal RI di Frankfurt": the place belongs to the name.
        m = re.compile(r"\s+di\s+[A-Z][\w\-]+").match(text, b)
        if m:
            b = m.end()
            surface = text[a:b]
            clean = _strip_parens(surface)
    hit = find_body(clean)
    if hit is not None:
        e = _body_entity(doc, hit.id.split("/", 1)[1], a)
    else:
        parent = None
        core = a + len(re.sub(r"\s*\([^()]*\)\s*$", "", surface))
        bodies = [x for x in inner if x.type in ("Organization", "Forum")]
        ends = [x for x in bodies if x.end == core and x.start > a]
        if ends:
            parent = ends[0]
        elif bodies and bodies[0].start == a and bodies[0].end < core:
            parent = bodies[0]
        name = clean
        e = doc.entity(f"O:{norm_key(name)}", type_, name, a)
        if parent is not None and parent.key != e.key:
            e.parent = parent.key
            e.parent_span = (a, b)
            child = _strip_parens(text[a:parent.start] if parent.start > a else
                                  text[parent.end:b]).strip(" ,")
            if child and len(child.split()) >= 2 and child not in e.mentions:
                e.mentions.append(child)
    _register_acronyms(doc, surface, e)
    doc.mention(a, b, e)
    doc.claim(a, b)


_AT_THE = re.compile(r"\s+(?:at|of)\s+(?:the\s+)?(?:[A-Z][\w.]*['’]s?\s+)?")


def _parents_after(doc: DocAnalysis, sa: int, sb: int) -> None:
    """'Center for X at the Ministry of Finance', 'Programme of Thailand's Ministry of ...'."""
    for m in _found_order(doc, [m for m in doc.mentions_from(sa, sb) if m.key.startswith("O:")]):
        e = doc.entities.get(m.key)
        if e is None or e.parent is not None:
            continue
        pm = _AT_THE.match(doc.text, m.end)
        if pm is None:
            continue
        nxt = doc.mention_at(pm.end(), ("Organization", "Forum"))
        if nxt is not None and nxt.key != e.key:
            e.parent = nxt.key
            e.parent_span = (m.start, nxt.end)


def _found_order(doc: DocAnalysis, ms: list[Mention]) -> list[Mention]:
    """`ms` in the order of `doc.mentions`, looked for from its end: recent ones are found
    at once."""
    if len(ms) < 2:
        return ms
    want = {id(m) for m in ms}
    out: list[Mention] = []
    for m in reversed(doc.mentions):
        if id(m) in want:
            out.append(m)
            if len(out) == len(want):
                break
    out.reverse()
    return out


def _anchored(name: str) -> bool:
    """A body name needs one word that is not a generic word of body names."""
    for t in dict.fromkeys(re.findall(r"[\w'’\-]+", name)):  # each word once
        if t[0].isdigit() or (t.isupper() and len(t) > 1):
            return True
        if t[0].isupper() and t not in W.POST_WORDS and t not in W.GENERIC_BODY_WORDS \
                and t not in W.BODY_HEADS_ID and t not in W.BODY_HEADS_EN:
            return True
    return False


def _register_acronyms(doc: DocAnalysis, surface: str, e: Ent) -> None:
    for pm in re.finditer(r"\(([^()]{1,80})\)", surface):
        acr = pm.group(1).split("/")[-1].strip()
        if _ACR.fullmatch(acr) and find_body(acr) is None and country_iso3(acr) is None:
            doc.acronyms.setdefault(acr, e.key)


def _add_ministry_phrase(doc: DocAnalysis, a: int, b: int, surface: str,
                         inner: list[Mention]) -> None:
    clean = _strip_parens(surface)
    english = bool(re.search(r"Ministry", clean))
    countries = [m for m in inner if m.type == "Country"]
    iso = countries[-1].key[2:] if countries else None
    m = re.search(r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)['’]s?\s+Ministry", clean)
    if m and iso is None:
        iso = country_iso3(m.group(1)) or DEMONYMS.get(m.group(1))
    portfolio = clean
    for c in countries:
        portfolio = portfolio.replace(_strip_parens(c.text), " ")
    portfolio = re.sub(r"^.*?\b(?:Kementerian(?:\s+Koordinator)?(?:\s+Bidang)?|Ministry\s+"
                       r"(?:of|for)|Kemenko)\s+", "", portfolio)
    portfolio = re.sub(r"\s+(?:of|for)\s+(?:the\s+)?(?:Republic\s+of\s+)?$", "", portfolio.strip())
    portfolio = re.sub(r"\s+(?:of|of the)$", "", portfolio).strip(" ,")
    if portfolio in doc.acronyms:
        e = doc.entities[doc.acronyms[portfolio]]
        doc.mention(a, b, e)
        doc.claim(a, b)
        return
    hit = find_body(clean)
    if hit is not None and iso in (None, "IDN"):
        e = _body_entity(doc, hit.id.split("/", 1)[1], a)
    elif not portfolio or not re.match(r"[A-Z]", portfolio):
        return
    else:
        e = ministry_entity(doc, portfolio, iso or "IDN", a, english)
    if clean not in e.mentions:
        e.mentions.append(clean)
    _register_acronyms(doc, surface, e)
    doc.mention(a, b, e)
    doc.claim(a, b)


def _local_names(doc: DocAnalysis) -> None:
    """Names a document defines for itself: 'Long Name (ACR)', and the short form of a
    reference body's name ('the Regional Committee' for the WHO Regional Committee ...)."""
    by_end: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        if m.type in ("Organization", "Forum"):
            by_end.setdefault(m.end, []).append(m)
    for pm in re.finditer(r"\s*\(([A-Z][A-Za-z0-9\-&]{1,11})\)", doc.text):
        acr = pm.group(1)
        if acr in doc.acronyms or find_body(acr) is not None or country_iso3(acr):
            continue
        before = by_end.get(pm.start(), [])
        if before:
            doc.acronyms[acr] = max(before, key=lambda m: m.end - m.start).key
    shorts: dict[str, set[str]] = {}
    for e in doc.entities.values():
        if not e.key.startswith("B:"):
            continue
        short = re.sub(r"^(?:WHO|UN|G20|ASEAN|GHSA|OIC|UNAIDS|UNICEF)\s+", "", e.name)
        short = re.sub(r"\s+(?:for|of|on)\s+.*$", "", short)
        if short != e.name and len(short.split()) >= 2:
            shorts.setdefault(short, set()).add(e.key)
    for short, keys in shorts.items():
        if len(keys) == 1 and short not in doc.acronyms:
            doc.acronyms[short] = next(iter(keys))


def _acronym_mentions(doc: DocAnalysis) -> None:
    _local_names(doc)
    if not doc.acronyms:
        return
    pat = re.compile(r"(?<![\w\-])(" + "|".join(re.escape(a) for a in doc.acronyms) +
                     r")(?![\w\-])")
    for m in pat.finditer(doc.text):
        if doc.claimed(m.start(), m.end()) or doc.mention_at(m.start()) is not None:
            continue
        if any(x.start <= m.start() and x.end >= m.end()
               for x in doc.mentions_in_window(m.start())):
            continue
        e = doc.entities[doc.acronyms[m.group(1)]]
        doc.mention(m.start(), m.end(), e)


# --- step 3: people -----------------------------------------------------------------------

_POST_HEAD = re.compile(r"(?<![\w\-])(?:" + W.POST_HEADS_EN + "|" + W.POST_HEADS_ID +
                        r")(?![\w\-])")
_FILLER = re.compile(r"\s+(?:saat itu|kala itu|ketika itu|at the time|saat ini)(?=[\s,])")
_NAME_AFTER = re.compile(rf"(?P<sep>\s*,\s*|\s+)(?P<titles>{W.TITLES})(?P<name>{W.NAME})"
                         rf"(?P<deg>{W.DEGREES})")
_TITLED = re.compile(rf"(?<![\w.])(?P<titles>(?:{W.TITLE})+)(?P<name>{W.NAME})(?P<deg>{W.DEGREES})")
_POSS = re.compile(r"(?:the\s+|an?\s+)?(?:(?P<poss>(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)"
                   r"['’]s?\s+)?")


_APPOSITION = re.compile(rf"(?<![\w.])(?P<name>{W.NAME})(?P<deg>{W.DEGREES}),\s+")
_NAME_CHARS = re.compile(r"[A-Za-zà-ÿ\s.\-]+")
_NAME_START = re.compile(r"(?<![\w.])[A-Z]")


def _appositions(s: str) -> Iterator[re.Match]:
    """The matches of _APPOSITION.finditer(s), trying only the starts that can match: a name
    holds none but letters, spaces, dots and hyphens and a comma follows it, so it starts in
    a run of those that a comma ends. Trying every word of a long run of capitalised words
    with no comma after it would take time in the square of the run."""
    pos = 0
    for run in _NAME_CHARS.finditer(s):
        if run.end() >= len(s) or s[run.end()] != "," or run.end() <= pos:
            continue
        for st in _NAME_START.finditer(s, max(pos, run.start()), run.end()):
            m = _APPOSITION.match(s, st.start())
            if m:
                yield m
                pos = m.end()
                break


def _clean_name(doc: DocAnalysis, start: int, name: str) -> tuple[int, str] | None:
    """Cut a candidate name where it runs into a non-name word; None if nothing is left."""
    toks = name.split()
    keep: list[str] = []
    pos = start
    for i, t in enumerate(toks):
        at = doc.text.find(t, pos)
        known = doc.mention_at(at, ("Country", "Organization", "Forum"))
        bare = t.rstrip(".")
        if known is not None or bare in W.NAME_STOP or (bare in W.POST_WORDS and i == 0) \
                or (t.isupper() and len(t) > 1 and "." not in t):
            break
        if bare in W.POST_WORDS and i > 0:
            break
        keep.append(t)
        pos = at + len(t)
    while keep and (keep[-1].lower() in W.PARTICLES or keep[-1] == "Al"):
        keep.pop()
    if not keep or re.fullmatch(r"[A-Z]\.(?:[A-Z]\.)*", keep[0]):
        return None
    return start, " ".join(keep)


def _person(doc: DocAnalysis, name: str, start: int) -> Ent:
    key = f"P:{norm_key(name)}"
    return doc.entity(key, "Person", name, start)


def parse_post(doc: DocAnalysis, start: int, end_head: int, limit: int) -> tuple[int, str,
                                                                                    list[Mention]]:
    """From a post's head word, the end of the post phrase, its title and its mentions."""
    text = doc.text
    pos = end_head
    role_end = end_head
    inside: list[Mention] = []
    while pos < limit:
        f = _FILLER.match(text, pos)
        if f:
            pos = f.end()
            continue
        ws = _WS.match(text, pos).end()
        m = doc.mention_at(ws, ("Country", "Organization", "Forum"))
        if m is not None:
            inside.append(m)
            pos = m.end
            continue
        pm = _PAREN.match(text, pos)
        if pm and _ACR.fullmatch(pm.group("inner").strip()):
            pos = pm.end()
            continue
        tok = _next_token(text, ws)
        if tok is None:
            break
        word = text[tok[0]:tok[1]]
        bare = word.rstrip(".")
        if bare in W.POST_WORDS and bare not in ("Menkes",) and word[0].isupper():
            pos = role_end = tok[1]
            continue
        dm = DEMONYMS.get(word) or (country_iso3(word[:-2]) if word.endswith("'s") else None)
        if dm and not inside:
            pos = tok[1]
            continue
        if word in ("dan", "serta", "and", "untuk", "of", "for", "at", "the", "on") or word == ",":
            after = _next_token(text, tok[1] + (1 if word == "," else 0))
            if after is None:
                break
            follow = text[after[0]:after[1]]
            is_known = doc.mention_at(after[0], ("Country", "Organization", "Forum")) is not None
            if follow == "the" and word in ("of", "at", "for"):
                pos = after[1]
                continue
            if word == "," and not (follow in W.POST_WORDS and _list_closes(text, after[0],
                                                                               limit)):
                break
            if word in ("dan", "and", "serta") and _POST_HEAD.match(text, after[0]) and \
                    not text[after[0]:].startswith(("Kepala", "Head")):
                break
            if follow in W.POST_WORDS or is_known:
                pos = tok[1]
                continue
            break
        break
    role = text[start:role_end]
    role = " ".join(_strip_parens(role).split())
    return pos, role, inside


def _post_object(doc: DocAnalysis, head: str, role: str, inside: list[Mention],
                 start: int) -> str | None:
    bodies = [m for m in inside if m.type in ("Organization", "Forum")]
    countries = [m for m in inside if m.type == "Country"]
    english = doc.language == "en" or bool(re.search(r"Minister|Secretary|Director|Head|"
                                                     r"Officer|President", head))
    iso = countries[-1].key[2:] if countries else None
    if bodies:
        return bodies[-1].key
    if MINISTER_HEAD.match(role) and not HEAD_OF_STATE.match(re.sub(r"^Wakil ", "", role)):
        r = re.sub(r"^(?:Wakil |Deputy |Vice )", "", role)
        full = W.SHORT_POSTS.get(r.split()[0], None)
        if full:
            r = full + r[len(r.split()[0]):]
        portfolio = None
        m = re.match(r"(?:Menteri Koordinator|Coordinating Minister)\s+(?:Bidang\s+|for\s+)?(.+)",
                     r)
        if m:
            hit = find_body(f"Coordinating Ministry for {m.group(1)}") or find_body(
                f"Kementerian Koordinator Bidang {m.group(1)}")
            if hit is not None and iso in (None, "IDN"):
                return _body_entity(doc, hit.id.split("/", 1)[1], start).key
            return None
        m = re.match(r"(?:Menteri|Minister(?: of State)?)\s+(?:of\s+|for\s+)?(.+)", r)
        if m:
            portfolio = m.group(1)
        m2 = re.match(r"(.+?)\s+Minister$", r)
        if m2:
            portfolio = m2.group(1)
        if portfolio:
            portfolio = re.sub(r"^(?:Health|Kesehatan)$", "Health" if english else "Kesehatan",
                               portfolio)
            return ministry_entity(doc, portfolio, iso or "IDN", start,
                                   doc.language == "en").key
        return None
    if countries:
        if re.match(r"(?:Duta Besar|Dubes|Ambassador|Konsul)", role):
            return countries[0].key  # "Duta Besar Kolombia untuk Indonesia"
        return countries[-1].key
    if re.match(r"(?:Wakil )?(?:Presiden|President|Vice[- ]President|Wapres)", role):
        return _country_entity(doc, "IDN", "Indonesia", start).key
    return None


def _people(doc: DocAnalysis) -> None:
    text = doc.text
    for sa, sb in doc.sentences:
        # Post, then name: "Wakil Menteri Kesehatan RI Dante Saksono Harbuwono".
        post_until = -1
        for m in _POST_HEAD.finditer(text, sa, sb):
            if doc.claimed(m.start(), m.end()) or m.start() < post_until:
                continue
            if any(x.start < m.start() < x.end for x in doc.mentions_in_window(m.start())
                   if x.type == "Person"):
                continue
            head = m.group(0)
            a = m.start()
            pre = re.search(r"((?:[A-Z][\w.]*\s+)?[A-Z][\w.'’]*?)(?:['’]s?)?\s+$", text[sa:a])
            post_end, role, inside = parse_post(doc, a, m.end(), sb)
            post_until = post_end
            if head in W.SHORT_POSTS:
                role = W.SHORT_POSTS[head] + role[len(head):]
            nm = _NAME_AFTER.match(text, post_end, post_end + MAX_SENTENCE)  # no name is longer
            if nm is None:
                continue
            got = _clean_name(doc, nm.start("name"), nm.group("name"))
            if got is None:
                continue
            ns, name = got
            if pre:
                pa = sa + pre.start(1)
                body = doc.mention_at(pa, ("Organization", "Forum"))
                iso = None
                for w in pre.group(1).split():
                    iso = iso or DEMONYMS.get(w) or DEMONYMS.get(w.rstrip("'’s"))
                cm = doc.mention_at(pa, ("Country",))
                if body is not None and body.end <= a and not inside:
                    inside = [body]
                elif cm is not None and cm.end <= a:
                    inside = [cm] + inside
                elif iso:
                    e = _country_entity(doc, iso, country_short_name(iso, doc.language), a)
                    inside = [Mention(a, a, e.key, "Country", "")] + inside
            single = len(name.split()) == 1
            ne = ns + len(name)
            if single:
                full = _resolve_short(doc, name)
                if full is not None:
                    doc.mention(ns, ne, full, short=True,
                                post=Post(a, post_end, role, _post_object(doc, head, role,
                                                                         inside, a)))
                    continue
                if not (nm.group("titles") or
                        re.match(r"(?:Raja|Ratu|King|Queen|Putra Mahkota|Presiden|President)",
                                 role)):
                    continue
            ent = _person(doc, name, ns)
            end = nm.end() if nm.group("deg") else ne
            future = bool(re.search(r"(?:akan|will)\s+(?:bertugas|menjabat|serve|become|"
                                    r"menjadi)\s+(?:sebagai\s+|as\s+)?$", text[max(sa, a - 40):a]))
            doc.mention(nm.start("titles") if nm.group("titles") else ns, end, ent,
                        post=Post(a, post_end, role, _post_object(doc, head, role, inside, a),
                                  future))
        # Titled names: "Dr. Tedros Adhanom Ghebreyesus", "Dr Nafsiah Mboi, M.Ped., MPH".
        for m in _TITLED.finditer(text, sa, sb):
            if doc.claimed(m.start(), m.end()):
                continue
            if any(x.start <= m.start("name") < x.end
                   for x in doc.mentions_in_window(m.start("name"))
                   if x.type == "Person"):
                continue
            got = _clean_name(doc, m.start("name"), m.group("name"))
            if got is None:
                continue
            ns, name = got
            if len(name.split()) == 1:
                full = _resolve_short(doc, name)
                if full is not None:
                    doc.mention(ns, ns + len(name), full, short=True)
                continue
            ent = _person(doc, name, ns)
            doc.mention(m.start(), m.end() if m.group("deg") else ns + len(name), ent)
        # Apposition: "Puan Maharani, Indonesia's Coordinating Minister for ..."
        for m in _appositions(text[sa:sb]):
            ns0 = sa + m.start("name")
            after = sa + m.end()
            if doc.covered(ns0):
                pm = [x for x in doc.mentions_in_window(ns0)
                      if x.start <= ns0 < x.end and x.type == "Person"]
                if not pm:
                    continue
            poss = _POSS.match(text, after)
            hp = _POST_HEAD.match(text, poss.end())
            if hp is None:
                hp2 = re.compile(r"(?:putri|putra|istri|suami|daughter|son|wife|husband)\s+"
                                 ).match(text, after)
                if hp2 is None:
                    continue
                hp = _POST_HEAD.match(text, hp2.end())
                if hp is None:
                    continue
                poss = None
                kin = True
            else:
                kin = False
            got = _clean_name(doc, ns0, m.group("name"))
            if got is None or len(got[1].split()) < 2:
                continue
            ns, name = got
            if ns + len(name) != ns0 + len(m.group("name")):
                continue
            existing = [x for x in doc.mentions_in_window(ns)
                        if x.start <= ns < x.end and x.type == "Person"]
            ent = doc.entities[existing[0].key] if existing else _person(doc, name, ns)
            if kin:
                if not existing:
                    doc.mention(ns, ns + len(name), ent)
                continue
            post_end, role, inside = parse_post(doc, hp.start(), hp.end(), sb)
            if poss is not None and poss.group("poss"):
                p = poss.group("poss").replace("the ", "")
                iso = country_iso3(p) or DEMONYMS.get(p)
                if iso:
                    inside = [Mention(poss.start(), poss.start(), f"C:{iso}", "Country", p)] + \
                        inside
            obj = _post_object(doc, hp.group(0), role, inside, hp.start())
            if existing:
                for x in existing:
                    if x.post is None:
                        x.post = Post(hp.start(), post_end, role, obj)
            else:
                doc.mention(ns, ns + len(name) + len(m.group("deg")), ent,
                            post=Post(hp.start(), post_end, role, obj))
        # "dipimpin Loyce Pace", "led by Eric Hargan"
        for m in re.finditer(rf"(?:dipimpin(?:\s+oleh)?|led by|headed by)\s+(?P<name>{W.NAME})",
                             text[sa:sb]):
            ns0 = sa + m.start("name")
            if doc.mention_at(ns0) is not None or _POST_HEAD.match(text, ns0):
                continue
            got = _clean_name(doc, ns0, m.group("name"))
            if got is None or len(got[1].split()) < 2:
                continue
            ns, name = got
            doc.mention(ns, ns + len(name), _person(doc, name, ns))
    _short_mentions(doc)


def _resolve_short(doc: DocAnalysis, token: str) -> Ent | None:
    hits = [e for e in doc.entities.values() if e.type == "Person" and len(e.name.split()) > 1
            and token in e.name.split()]
    return hits[0] if len(hits) == 1 else None


def _short_mentions(doc: DocAnalysis) -> None:
    """Later mentions by one name ("Menkes Budi", "Dante", "Dr. Tedros")."""
    people = [e for e in doc.entities.values() if e.type == "Person"]
    tokens: dict[str, Ent] = {}
    for e in people:
        parts = e.name.split()
        if len(parts) < 2:
            continue
        for t in (parts[0], parts[-1]):
            if len(t) >= 4 and t not in W.NAME_STOP and t not in W.POST_WORDS:
                tokens[t] = e if t not in tokens or tokens[t] is e else None
    tokens = {t: e for t, e in tokens.items() if e is not None}
    if not tokens:
        return
    pat = re.compile(r"(?<![\w\-])(" + "|".join(re.escape(t) for t in tokens) + r")(?![\w\-])")
    for m in pat.finditer(doc.text):
        if doc.covered(m.start()):
            continue
        doc.mention(m.start(), m.end(), tokens[m.group(1)], short=True)


# --- step 4: events -----------------------------------------------------------------------

_EV_ID = re.compile(rf"(?<![\w\-])(?:{W.EVENT_HEADS_ID}|Kick Off Meeting)(?![\w\-])")
_EV_GENERIC = re.compile(rf"(?<![\w\-])(?:{W.GENERIC_EVENTS})(?![\w\-])", re.IGNORECASE)
_EV_ORD_EN = re.compile(rf"(?<![\w\-])(?:the\s+)?(?P<ord>{W.EN_ORDINAL}|first|second|third|"
                        rf"fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+", re.IGNORECASE)
_EV_HEAD_EN = re.compile(rf"(?:{W.EVENT_HEADS_EN})(?![\w\-])")
_ORD_ID = re.compile(rf"\s+(?P<ord>{W.ID_ORDINAL})(?![\w\-])")
_SERIES = re.compile(rf"(?<![\w\-])(?P<acr>[A-Z][A-Za-z]*[A-Z])(?:\s+(?P<ord>{W.ID_ORDINAL})"
                     rf"|\s+(?P<num>\d{{1,2}})(?![\d])(?![\-/.,]\d))(?![\w\-])")
_QUOTED = re.compile(r"\s*[\"“']([^\"”']{3,150})[\"”']")


def _event_key(doc: DocAnalysis, a: int, b: int, name: str, ordinal: int | None) -> str:
    inner = [m for m in doc.outer_mentions(a, b) if m.type in ("Organization", "Forum")]
    if ordinal is not None and inner:
        return f"E:{inner[-1].key}:{ordinal}"
    base = norm_key(re.sub(rf"\b(?:{W.ID_ORDINAL}|{W.EN_ORDINAL})\b", " ", _strip_parens(name),
                           flags=re.IGNORECASE))
    return f"E:{base}:{ordinal}"


def _same_event(doc: DocAnalysis, name: str, ordinal: int | None) -> Ent | None:
    """An event already found under a longer or shorter name with the same ordinal."""
    bare = re.sub(r"^(?:sidang|pertemuan|the)\s+", "", norm_key(name))
    if bare.upper().replace(" ", "") in doc.acronyms:
        return doc.entities.get(doc.acronyms[bare.upper().replace(" ", "")])
    if ordinal is None:
        return None
    words = set(norm_key(re.sub(rf"\b(?:{W.ID_ORDINAL}|{W.EN_ORDINAL})\b", " ", name,
                                flags=re.IGNORECASE)).split()) - {"the", "of", "ke"}
    for e in doc.entities.values():
        if e.type != "Event" or not e.key.endswith(f":{ordinal}"):
            continue
        other = set(norm_key(re.sub(rf"\b(?:{W.ID_ORDINAL}|{W.EN_ORDINAL})\b", " ", e.name,
                                    flags=re.IGNORECASE)).split()) - {"the", "of", "ke"}
        if words and other and (words <= other or other <= words):
            return e
    return None


def _add_event(doc: DocAnalysis, a: int, b: int, ordinal: int | None,
               same: Ent | None = None) -> Ent | None:
    text = doc.text
    surface = text[a:b].rstrip(" ,")
    b = a + len(surface)
    name = _strip_parens(surface)
    name = re.sub(r"[\"“”]", "", name)
    name = re.sub(r"^(?:the|The)\s+", "", name)
    if len(name) < 4:
        return None
    if same is None:
        same = _same_event(doc, name, ordinal)
    if same is not None:
        e = same
        key = e.key
    else:
        key = _event_key(doc, a, b, name, ordinal)
        key = doc.acronyms.get(key, key)
        e = doc.entity(key, "Event", name, a)
    # "X (Y)" and "X atau Y": the same event under two names.
    for pm in re.finditer(r"\(([^()]{3,120})\)", surface):
        alt = pm.group(1).split("/")[0].strip()
        if re.search(r"[A-Za-z]{3}", alt) and alt not in e.mentions:
            e.mentions.append(re.sub(r"^the\s+", "", alt))
        acr = pm.group(1).split("/")[-1].strip()
        if _ACR.fullmatch(acr) and find_body(acr) is None:
            if ordinal is not None:
                doc.acronyms[f"E:{norm_key(acr)}:{ordinal}"] = key
            if re.search(r"\d", acr):
                doc.acronyms.setdefault(acr, key)
    near = doc.dates[bisect.bisect_left(doc._date_starts, b):
                     bisect.bisect_right(doc._date_starts, b + 60)]
    d = [x for x in near if b <= x.start <= b + 60 and
         not re.search(r"[.;]", text[b:x.start]) and
         re.match(r"\s*(?:,|\()?\s*(?:yang\s+)?(?:\w+\s+){0,6}(?:pada|on|of|,|\()?\s*"
                  r"(?:\w+\s*,?\s*\(?)?$", text[b:x.start])]
    if d and e.date is None:
        e.date = d[0].value
    doc.mention(a, b, e)
    doc.claim(a, b)
    return e


def _events(doc: DocAnalysis) -> None:
    text = doc.text
    for sa, sb in doc.sentences:
        spans: list[tuple[int, int, int | None]] = []
        for m in _EV_ID.finditer(text, sa, sb):
            if m.group(0)[0].islower():
                continue
            pos = m.end()
            ordinal = None
            om = _ORD_ID.match(text, pos)
            if om:
                ordinal = W.ordinal_value(om.group("ord"))
                pos = om.end()
            end = _scan_right(doc, pos, sb)
            if end == pos and ordinal is None:
                q = _QUOTED.match(text, pos)
                if q is None:
                    continue
                end = q.end()
            om = _ORD_ID.match(text, end)
            if om:
                ordinal = W.ordinal_value(om.group("ord"))
                end = om.end()
                pm = _PAREN.match(text, end)
                if pm:
                    end = pm.end()
            q = _QUOTED.match(text, end)
            if q and text[m.start():m.end()] in ("Webinar", "Seminar", "Simposium", "Lokakarya",
                                                  "Dialog"):
                end = q.end()
            if end == m.end() and ordinal is None:
                continue
            spans.append((m.start(), end, ordinal))
        for m in _EV_GENERIC.finditer(text, sa, sb):
            end = m.end()
            if m.group(0).lower() in ("pertemuan awal", "kunjungan kenegaraan", "kunjungan kerja",
                                      "kunjungan resmi", "state visit", "official visit"):
                end = max(end, _scan_right(doc, m.end(), sb, people=True))
                km = re.compile(r"\s+(?:ke|to)\s+").match(text, end)
                if km and doc.mention_at(km.end(), ("Country",)):
                    end = doc.mention_at(km.end(), ("Country",)).end
            spans.append((m.start(), end, None))
        # English: "the 5th GHSA Ministerial Meeting", "The Sixty-fifth Session of the ..."
        for m in _EV_ORD_EN.finditer(text, sa, sb):
            ordinal = W.ordinal_value(m.group("ord"))
            pos = m.end()
            hm = None
            for hm_ in _EV_HEAD_EN.finditer(text, pos, min(sb, pos + 90)):
                between = text[pos:hm_.start()]
                if re.fullmatch(r"(?:[A-Z0-9][\w'’\-]*\s+|ministerial\s+|health\s+|"
                                r"leaders['’]?\s+)*", between, re.IGNORECASE) is None:
                    break
                hm = hm_
                break
            if hm is None:
                am = re.compile(r"([A-Z][A-Z0-9]{2,})(?![\w\-])").match(text, pos)
                if am and (am.group(1) in doc.acronyms or find_body(am.group(1))):
                    spans.append((m.start("ord"), am.end(), ordinal))
                continue
            end = hm.end()
            cm = re.compile(r"\s+(?:of|on)\s+(?:the\s+)?(?=[A-Z])").match(text, end)
            if cm:
                end = _scan_right(doc, cm.end(), sb)
            pm = _PAREN.match(text, end)
            if pm:
                end = pm.end()
            spans.append((m.start("ord"), end, ordinal))
        # Capitalised "... Meeting/Summit/Roundtable" without an ordinal.
        # (Whether a span holds the head: the furthest end of the spans starting up to it.
        # The heads come in order, and the spans added here start before their head.)
        earlier = sorted((s, e) for s, e, _ in spans)
        k, reach = 0, -1
        for hm in _EV_HEAD_EN.finditer(text, sa, sb):
            if hm.group(0) in ("Forum", "Assembly"):
                continue
            while k < len(earlier) and earlier[k][0] <= hm.start():
                reach = max(reach, earlier[k][1])
                k += 1
            start = _scan_left(doc, hm.start(), sa)
            if start == hm.start() or reach > hm.start():
                continue
            clean = _strip_parens(text[start:hm.end()])
            if find_body(clean) is not None:
                continue
            if doc.covered(hm.start()):
                continue
            end = hm.end()
            cm = re.compile(r"\s+(?:on|of)\s+(?=[A-Z])").match(text, end)
            if cm:
                end = max(end, _scan_right(doc, cm.end(), sb))
            elif hm.group(0) == "Side Event":
                end = _scan_right(doc, end, sb)
            spans.append((start, end, None))
            reach = max(reach, end)
        # Series with an ordinal: "WHA ke-72", "HWG kedua (HWG 2)", "HWG 1".
        for m in _SERIES.finditer(text[sa:sb]):
            acr = m.group("acr")
            if find_body(acr) is None and acr not in doc.acronyms:
                continue
            ordinal = W.ordinal_value(m.group("ord")) if m.group("ord") else int(m.group("num"))
            end = sa + m.end()
            pm = _PAREN.match(text, end)
            if pm:
                end = pm.end()
            spans.append((sa + m.start(), end, ordinal))
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        last = -1
        prev: tuple[int, Ent] | None = None
        for a, b, ordinal in spans:
            if a < last:
                continue
            if not re.match(r"(?i)kunjungan|state visit|official visit", text[a:b]) and any(
                    x.type == "Person" for x in doc.mentions_in(a, b)):
                continue
            lead = re.search(r"(?:pertemuan|sidang)\s+$", text[max(sa, a - 12):a])
            if lead and text[a].isupper():
                a = a - len(lead.group(0))
            same = None
            if prev is not None and re.fullmatch(r"\s*(?:atau|or)\s+(?:the\s+)?", text[prev[0]:a]):
                same = prev[1]  # "X atau Y": one event, two names
            e = _add_event(doc, a, b, ordinal, same)
            if e is not None:
                last = b
                prev = (b, e)


def _drop_inside_events(doc: DocAnalysis) -> None:
    """A pattern body seen only inside event names is part of the event's name."""
    events = sorted((m.start, m.end) for m in doc.mentions if m.type == "Event")
    starts = [a for a, _b in events]
    reach: list[int] = []  # the furthest end of the events starting up to each one
    for _a, b in events:
        reach.append(max(b, reach[-1]) if reach else b)

    def inside(m: Mention) -> bool:
        i = bisect.bisect_right(starts, m.start) - 1
        return i >= 0 and reach[i] >= m.end

    by_key: dict[str, list[Mention]] = {}
    for m in doc.mentions:
        if m.key.startswith("O:"):
            by_key.setdefault(m.key, []).append(m)
    drop = []
    for key in [k for k in doc.entities if k.startswith("O:")]:
        ms = by_key.get(key)
        if ms and all(inside(m) for m in ms):
            del doc.entities[key]
            drop.append(key)
    if drop:
        doc.forget(*drop)


# --- entry point --------------------------------------------------------------------------

def analyse(text: str, language: str = "id") -> DocAnalysis:
    """Find the entities of a document and every mention of them."""
    doc = DocAnalysis(text, language)
    _gazetteer(doc)
    _bodies(doc)
    _acronym_mentions(doc)
    _people(doc)
    _events(doc)
    _acronym_mentions(doc)
    _drop_inside_events(doc)
    doc.mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    return doc
