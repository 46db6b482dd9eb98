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
from functools import lru_cache

from hdkg.loaders.reference import (
    country_iso3,
    country_short_name,
    find_body,
    norm_key,
    on_clear_caches,
)
from hdkg.loaders.text import words as W
from hdkg.loaders.text.dates import dateline_year, find_dates
from hdkg.loaders.text.first_chars import alternatives, compile_guarded
from hdkg.loaders.text.gazetteer import ambiguous_country_name, body_info, find_names
from hdkg.loaders.text.sentences import MAX_SENTENCE, split_sentences
from hdkg.loaders.text.word_index import PhraseSet, WordIndex


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
    state_inferred: bool = False  # ministries: the state is not in the name, only the text


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
MINISTER_HEAD = re.compile(r"^(?:Wakil |Deputy |Vice |Union )?(?:Menteri|Minister|Menkes|Wamenkes|"
                           r"Menlu|Wamenlu|Menkeu|Coordinating Minister|Public Health Minister|"
                           r"Health Minister|"
                           r"Finance Minister|Foreign Minister)")
HEAD_OF_STATE = re.compile(r"^(?:Wakil )?(?:Presiden|President|Vice[- ]President|Perdana "
                           r"Menteri|Prime Minister|Wapres|Raja|Ratu|King|Queen|Putra "
                           r"Mahkota|Crown Prince|Duta Besar|Dubes|Ambassador|Menteri Negara|"
                           r"Minister of State|Konsul Jenderal)")
DEMONYMS = {"Indonesian": "IDN", "Indonesia's": "IDN", "Thai": "THA", "Malaysian": "MYS",
            "Singaporean": "SGP", "Japanese": "JPN", "Chinese": "CHN", "Dutch": "NLD",
            "American": "USA", "U.S.": "USA", "US": "USA", "Saudi": "SAU", "British": "GBR",
            "Australian": "AUS", "Indian": "IND", "German": "DEU", "Italian": "ITA",
            "Korean": "KOR", "Vietnamese": "VNM", "Philippine": "PHL", "Filipino": "PHL",
            "Lao": "LAO", "Laotian": "LAO", "Cambodian": "KHM", "Bruneian": "BRN",
            "Timorese": "TLS", "Fijian": "FJI", "Rwandan": "RWA", "Kenyan": "KEN",
            "Nigerian": "NGA", "Ghanaian": "GHA", "Egyptian": "EGY", "Qatari": "QAT",
            "Emirati": "ARE", "Iranian": "IRN", "Pakistani": "PAK", "Bangladeshi": "BGD",
            "Nepalese": "NPL", "Sri Lankan": "LKA", "Maldivian": "MDV", "Bhutanese": "BTN",
            "Russian": "RUS", "French": "FRA", "Spanish": "ESP", "Canadian": "CAN",
            "Brazilian": "BRA", "Mexican": "MEX", "Turkish": "TUR", "Norwegian": "NOR",
            "Swedish": "SWE", "Swiss": "CHE", "Zimbabwean": "ZWE", "South African": "ZAF",
            "Ethiopian": "ETH", "Cuban": "CUB", "Colombian": "COL", "Papua New Guinean": "PNG"}


class DocAnalysis:
    """Everything found in one document, with lookups the fact rules need."""

    def __init__(self, text: str, language: str = "id") -> None:
        self.text = text
        self.language = language
        self.entities: dict[str, Ent] = {}
        self.mentions: list[Mention] = []
        self.acronyms: dict[str, str] = {}
        self.sentences = split_sentences(text)
        self.words = WordIndex(text)  # where the big alternations of words can start
        self.headlines = headline_spans(text)
        self._headline_starts = [a for a, _b in self.headlines]
        self._sentence_starts = [a for a, _b in self.sentences]
        self._country_counts: dict[str, int] | None = None
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
        self.event_words: dict[str, frozenset[str]] = {}  # _event_words, per name

    def in_headline(self, pos: int) -> bool:
        """Headlines capitalise every word, so capitals there say nothing about names."""
        i = bisect.bisect_right(self._headline_starts, pos) - 1
        return i >= 0 and pos < self.headlines[i][1]

    def sentence_at(self, pos: int) -> tuple[int, int] | None:
        """The sentence that holds position `pos`."""
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return self.sentences[i]
        return None

    def dates_in(self, a: int, b: int) -> list:
        """The dates that start in [a, b)."""
        return self.dates[bisect.bisect_left(self._date_starts, a):
                          bisect.bisect_left(self._date_starts, b)]

    def country_counts(self) -> dict[str, int]:
        """How often each state is named as an actor (not as a place). States are all read
        before anything asks (gazetteer first), so it is counted once."""
        if self._country_counts is None:
            self._country_counts = {}
            for m in self.mentions:
                if m.type == "Country" and not _is_place(self, m):
                    self._country_counts[m.key[2:]] = self._country_counts.get(m.key[2:], 0) + 1
        return self._country_counts

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
        self._keep([m for m in self.mentions if m.key not in keys])

    def forget_mention(self, m: Mention) -> None:
        """Drop one mention that a longer name has replaced."""
        self._keep([x for x in self.mentions if x is not m])

    def _keep(self, mentions: list[Mention]) -> None:
        """Keep only `mentions`, and rebuild the lookups made from them."""
        self.mentions = mentions
        self._by_start = {}
        for m in mentions:
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

_SMALL_WORDS = frozenset("di ke dari dan yang untuk dengan pada of the and in on at for to a an "
                         "with by as from".split())


def headline_spans(text: str) -> list[tuple[int, int]]:
    """Lines written in title case without a closing period: headlines, kickers, captions."""
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if len(stripped) >= 200 or stripped.endswith((".", "!", "?", '"', "”", ":")):
            pos += len(line) + 1
            continue  # a sentence's line, not a headline's: its words need no look
        words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", line) if w.lower() not in _SMALL_WORDS]
        if len(words) >= 3:
            caps = sum(1 for w in words if w[0].isupper())
            if caps >= 0.75 * len(words):
                out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


_WORD = re.compile(r"[\w][\w'’.\-&/]*[\w]|[\w]")
_WS = re.compile(r"[ \t]*")
_PUNCT = re.compile(r"[,:\-]")


def _country_entity(doc: DocAnalysis, iso: str, surface: str, start: int) -> Ent:
    return doc.entity(f"C:{iso}", "Country", surface, start, iso3=iso)


def _body_entity(doc: DocAnalysis, gid: str, start: int) -> Ent:
    type_, name, _acr, parent = body_info()[gid]
    return doc.entity(f"B:{gid}", type_, name, start, ref=gid,
                      parent=f"B:{parent}" if parent else None)


_PARENTHESES = re.compile(r"\s*\([^)]*\)")


def _strip_parens(s: str) -> str:
    if "(" not in s:
        return " ".join(s.split())
    return " ".join(_PARENTHESES.sub("", s).split())


def _country_display(doc: DocAnalysis, iso: str) -> str:
    from hdkg.loaders.reference import country_short_name

    return country_short_name(iso, doc.language)


def ministry_entity(doc: DocAnalysis, portfolio: str, iso: str, start: int,
                    english: bool, written: str | None = None, inferred: bool = False) -> Ent:
    """The ministry of `portfolio` of state `iso`: one entity whatever words name it, named
    with the state as the text first writes it ("Kementerian Kesehatan PNG")."""
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
    if iso == "IDN" or inferred:
        # Indonesia's own, or a state the text does not write in the title ("Public Health
        # Minister Cholnan"): the name is what the text says, the state an attribute.
        name = f"Ministry of {portfolio}" if english else f"Kementerian {portfolio}"
    else:
        place = written or _country_display(doc, iso)
        name = (f"Ministry of {portfolio} of {place}" if english
                else f"Kementerian {portfolio} {place}")
    return doc.entity(key, "Organization", name, start, portfolio=portfolio, country=iso,
                      state_inferred=inferred and iso != "IDN")


# --- step 1: reference names --------------------------------------------------------------

def _gazetteer(doc: DocAnalysis) -> None:
    for h in find_names(doc.text):
        if h.kind == "country":
            if ambiguous_country_name(h.text) and not _stands_alone(doc.text, h.start, h.end):
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


def _stands_alone(text: str, a: int, b: int) -> bool:
    """A country name that is also a word or a person's name ("China", "Niger", "Jordan")
    counts where it is no part of a longer capitalised name: neither a capitalised word nor
    a hyphen joins it."""
    if len(text[a:b]) <= 2:
        return False  # "AS", "US"
    before = re.search(r"([\w’'\-]+)\s*$", text[max(0, a - 30):a])
    after = re.match(r"\s*([\w’'\-]+)", text[b:b + 30])
    if text[b:b + 1] == "-" or text[a - 1:a] == "-":
        return False
    if before and before.group(1)[0].isupper() and not re.search(r"[.,;:(]\s*$|^\s*$",
                                                                   text[max(0, a - 3):a]):
        return False
    return not (after and after.group(1)[0].isupper() and re.match(r"\s", text[b:b + 1] or "x"))


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
    # Any other name of the parent inside: "Dewan GAVI" (GAVI, an alias of Gavi).
    words = list(re.finditer(r"[\w'’\-]+", doc.text[a:b]))
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            if i == 0 and j == len(words):
                continue
            sa, sb = a + words[i].start(), a + words[j - 1].end()
            hit = find_body(doc.text[sa:sb])
            if hit is not None and hit.id.split("/", 1)[1] == gid:
                doc.mention(sa, sb, _body_entity(doc, gid, sa))
                return


# --- step 2: body names around head nouns -------------------------------------------------

_CONNECT = frozenset("dan serta and of for on & untuk".split())
_HEADS_ID = PhraseSet(sorted((re.escape(h) for h in W.BODY_HEADS_ID), key=len, reverse=True))
_HEADS_EN = PhraseSet(sorted((re.escape(h) for h in W.BODY_HEADS_EN), key=len, reverse=True))
_HEAD_ID = _HEADS_ID.plain
_CAP = re.compile(r"(?:[A-Z][\w'’\-]*|\d+(?:-[A-Z][a-z]+)?[A-Za-z]*)(?:\.[A-Z][\w]*)*\.?")
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
                if not people and not re.match(r"\s*(?:[-:,]|\b(?:dan|and|of|for|untuk)\b)",
                                               text[end:end + 6]) and not _HEAD_ID.match(
                                                   text, _WS.match(text, end).end()):
                    # "Ikatan Dokter Indonesia (IDI) Adib ...": the acronym closes the name,
                    # unless a body's head goes on ("Fakultas Kedokteran (FK) Universitas X").
                    break
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
            if nxt.key.startswith("B:") and not people and re.match(
                    r"[ \t]+[A-Z][a-z]", text[end:end + 3]) and not re.match(
                    r"[ \t]+(?:Health|Kesehatan|Regional|Office|Board|Committee|Secretariat)\b",
                    text[end:end + 14]):
                break  # "Komisi I DPR RI Ali Mochtar ...": a known body ends the name
            continue
        if allow_titles:
            t = re.compile(W.TITLE).match(text, ws)
            if t and t.end() > ws:
                pos = t.end()
                continue
        elif _PERSONAL_TITLE.match(text, ws):
            break  # "Organisasi Kerjasama Islam (OKI) Dr Yousef ...": a person begins
        tok = _next_token(text, ws)
        if tok is None:
            break
        word = text[tok[0]:tok[1]]
        if _ROMAN.fullmatch(word) and _NUMBERED_HEAD.search(text, max(0, ws - 24), ws):
            pos = end = tok[1]  # "Komisi I", "Komite III": the body's number
            continue
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
            if word in ("dan", "and", "serta", ",") and (_starts_new_body(text, after[0]) or
                                                        _POST_HEAD.match(text, after[0])):
                break
            pos = tok[1]
            continue
        break
    _remember(memo, tops, end)
    return end


_PERSONAL_TITLE = re.compile(r"(?:Dr|dr|drg|Prof|Mr|Mrs|Ms|Sir|H\.|Hj\.)\.?\s+[A-Z]")
_ROMAN = re.compile(r"(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI)")
_NUMBERED_HEAD = re.compile(r"(?:Komisi|Komite|Committee|Commission|Panitia|Divisi|Kelompok "
                            r"Kerja|Working Group|Sub-?[Cc]ommittee)\s+$")


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
    """_LAST_WORD.search(seg): the run of word characters (or the comma) that ends where
    the trailing white space starts. Found by walking back from the end, then matched there,
    so the match is the one the search gives, without trying every position of `seg`."""
    end = len(seg.rstrip())
    if end == 0:
        return None
    if seg[end - 1] == ",":
        return _LAST_WORD.match(seg, end - 1)
    start = end
    while start and (seg[start - 1].isalnum() or seg[start - 1] in _WORD_EXTRA):
        start -= 1
    return _LAST_WORD.match(seg, start) if start < end else None


_WORD_EXTRA = frozenset("_'’-.&")


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
        if doc.in_headline(sa):
            continue
        found: list[tuple[int, int, str, str]] = []
        for m in _HEADS_ID.finditer(doc.words, sa, sb):
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
        for m in _HEADS_EN.finditer(doc.words, sa, sb):
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


_UNIT_HEAD = re.compile(r"(?:Direktorat Jenderal|Direktorat|Biro|Pusat|Sekretariat Jenderal|"
                        r"Sekretariat|Badan|Inspektorat Jenderal|Inspektorat|Ditjen|Dit)\s")


def _only_body_of_kind(doc: DocAnalysis, phrase: str) -> Ent | None:
    """The one body of the text whose name holds `phrase` or its translation ("Komite
    Pengarah" / "Steering Committee"), when there is exactly one."""
    forms = {phrase.lower()}
    for indonesian, english in W.KIND_TRANSLATIONS.items():
        if phrase.lower() == indonesian.lower():
            forms.add(english.lower())
        if phrase.lower() == english.lower():
            forms.add(indonesian.lower())
    if len(phrase.split()) < 2:
        return None
    hits = {e.key: e for e in doc.entities.values() if e.type in ("Organization", "Forum")
            and any(f in e.name.lower() for f in forms)}
    return next(iter(hits.values())) if len(hits) == 1 else None


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
    unit = _UNIT_HEAD.match(clean)
    if unit and (len(own.split()) >= 3 or any(x.type in ("Organization", "Forum")
                                              for x in inner)):
        pass  # "Direktorat Jenderal Pencegahan dan Pengendalian Penyakit", "Sekretariat
        # Jenderal Kemenkes": a unit of a ministry is named by what it does, in common words
    elif not _anchored(own) and not (any(x.type == "Country" for x in inner) and
                                     re.match(r"(?i)kementerian|ministry", clean)):
        # "Joint Working Group", "Kerja Sama Kesehatan": a kind, not a name; unless the text
        # has named one body of that kind ("Komite Pengarah" after "Steering Committee on
        # Health OIC"): then it is that body's short name.
        same = _only_body_of_kind(doc, clean) if not inner else None
        if same is not None:
            doc.mention(a, b, same)
            doc.claim(a, b)
        return
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
        if ends and _UNIT_HEAD.match(clean):
            # "Biro Kerja Sama Luar Negeri Kementerian Kesehatan": the unit is named without
            # the ministry it belongs to (part_of says that), as the ministry names it.
            own = _strip_parens(text[a:ends[0].start]).strip(" ,")
            if len(own.split()) >= 2:
                name = own
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


_DEFINED = re.compile(r"(?P<long>[A-Z][\w’'\-&.]*(?:\s+(?:(?:dan|and|of|for|on|the|&|untuk|serta|"
                      r"de|du|des|la|le)\s+)*[A-Z][\w’'\-&.]*){1,9})\s*\((?P<acr>[A-Z][A-Za-z0-9\-&]"
                      r"{1,10})\)")
_ACR_IN_PARENS = re.compile(r"\((?:[A-Z][A-Za-z0-9\-&]{1,10})\)")


def _definitions(text: str) -> Iterator[re.Match]:
    """The matches of _DEFINED, found from their "(ACR)" back: the parenthesis first, then
    the name that ends right before it (a name tried at every capital word costs more)."""
    last = 0
    for paren in _ACR_IN_PARENS.finditer(text):
        lo = max(last, paren.start() - 300)
        for m in _DEFINED.finditer(text, lo, paren.end()):
            if m.end() == paren.end():
                yield m
                last = m.end()
                break


_DEFINED_SKIP = re.compile(r"(?i)\b(?:meeting|conference|summit|session|pertemuan|sidang|"
                           r"konferensi|kongres|congress|webinar|seminar|symposium|workshop|"
                           r"dialogue|roundtable|ktt|rapat)\b")
# A defined name is a body's when one of its words says so, and none says it is a document.
_BODY_WORDS = frozenset(W.BODY_HEADS_ID) | frozenset(W.BODY_HEADS_EN) | frozenset(
    "Institute Institut Foundation Organization Organisation Agency Association Society Council "
    "Commission Authority Authorities Administration Services Partnership Alliance Bank Fund Trust "
    "Union Movement Federation Navy Army Force Laboratory Unit Dokter Ikatan Himpunan Lembaga "
    "Dinas Kementerian Ministry Badan Komisi Dewan Tentara Kepolisian Angkatan".split())
_NOT_BODY_WORDS = frozenset("Memorandum Agreement Plan Action Statement Declaration Letter Intent "
                            "Minutes Arrangements Nota Perjanjian Deklarasi Rencana Aksi Trade "
                            "Accounts Programe Programme Program".split())
_FORUM_WORDS = frozenset("Forum Group Committee Initiative Partnership Movement Alliance Network "
                         "Komite Kelompok Gerakan Kemitraan Jaringan Agenda".split())


def _defined_bodies(doc: DocAnalysis) -> None:
    """'Ikatan Dokter Indonesia (IDI)', 'Economic Research Institute for ASEAN and East Asia
    (ERIA)': a capitalised name the text defines by its acronym is a body's name, whatever
    its head word, when the acronym's letters are the name's initials."""
    text = doc.text
    for m in _definitions(text):
        if doc.in_headline(m.start()):
            continue
        acr = m.group("acr")
        caps = [c for c in acr if c.isupper()]
        words = list(re.finditer(r"[\w’'\-&.]+", m.group("long")))
        start = None
        for i, w in enumerate(words):
            tok = w.group(0)
            if not tok[0].isupper() or tok.rstrip(".") in W.STOP_CAPS or tok in W.ROLE_WORDS:
                continue
            if tok[0] != acr[0] or doc.mention_at(m.start("long") + w.start(), ("Country",)):
                continue
            initials = [x.group(0)[0] for x in words[i:] if x.group(0)[0].isupper()]
            it = iter(initials)
            if sum(1 for c in caps if c in it) >= max(2, int(0.6 * len(caps))):
                start = i
                break
        if start is None:
            continue
        a = m.start("long") + words[start].start()
        b = m.end()
        long = text[a:m.end("long")]
        if _DEFINED_SKIP.search(long) or len(long.split()) < 2 or \
                not any(w in _BODY_WORDS for w in re.findall(r"[\w\-]+", long)) or \
                any(w in _NOT_BODY_WORDS for w in re.findall(r"[\w\-]+", long)) or \
                not _anchored(long):
            continue
        if any(x.start <= a and b <= x.end for x in doc.mentions_in_window(a)) or \
                any(a <= x.start < b and x.type in ("Person", "Event")
                    for x in doc.mentions_in(a, b)):
            continue
        inner = doc.outer_mentions(a, m.end("long"))
        if inner and inner[0].start == a and inner[0].end == m.end("long"):
            continue  # the gazetteer or a head word already named it
        hit = find_body(long) or find_body(acr)
        if hit is not None:
            e = _body_entity(doc, hit.id.split("/", 1)[1], a)
        else:
            type_ = "Forum" if any(w in _FORUM_WORDS for w in long.split()) else "Organization"
            e = doc.entity(f"O:{norm_key(long)}", type_, long, a)
        for x in doc.mentions_in(a, b):
            if x.type in ("Organization", "Forum") and x.key != e.key and \
                    x.start == a:
                doc.forget_mention(x)
        doc.acronyms.setdefault(acr, e.key)
        doc.mention(a, b, e)
        doc.claim(a, b)


_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9\-&]{1,11})\)")


def _local_names(doc: DocAnalysis) -> None:
    """Names a document defines for itself: 'Long Name (ACR)', and the short form of a
    reference body's name ('the Regional Committee' for the WHO Regional Committee ...)."""
    by_end: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        if m.type in ("Organization", "Forum"):
            by_end.setdefault(m.end, []).append(m)
    text = doc.text
    last = 0
    for pm in _PAREN_ACRONYM.finditer(text):
        # The name ends where the white space before the parenthesis starts.
        start = pm.start()
        while start > last and text[start - 1].isspace():
            start -= 1
        last = pm.end()
        acr = pm.group(1)
        if acr in doc.acronyms or find_body(acr) is not None or country_iso3(acr):
            continue
        before = by_end.get(start, [])
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

_POST_HEADS = PhraseSet(alternatives(W.POST_HEADS_EN + "|" + W.POST_HEADS_ID))
_POST_HEAD = _POST_HEADS.plain
_FILLER = re.compile(r"\s+(?:saat itu|kala itu|ketika itu|at the time|saat ini)(?=[\s,])")
_NAME_AFTER = re.compile(rf"(?P<sep>\s*,\s*|\s+)(?P<titles>{W.TITLES})(?P<name>{W.NAME})"
                         rf"(?P<deg>{W.DEGREES})")
_TITLED = compile_guarded(rf"(?<![\w.])(?P<titles>(?:{W.TITLE})+)(?P<name>{W.NAME})"
                          rf"(?P<deg>{W.DEGREES})")
_POSS = re.compile(r"(?:the\s+|an?\s+)?(?:(?P<poss>(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)"
                   r"['’]s?\s+)?")


_VERB_POST = compile_guarded(
    r"(?<![\w\-])(?:(?:memegang|menduduki|mengemban)\s+(?:kursi|jabatan|posisi|amanah)\s+"
    r"(?:sebagai\s+)?|(?:dilantik|diangkat|ditunjuk|terpilih|assumed office)\s+(?:kembali\s+)?"
    r"(?:menjadi\s+|sebagai\s+|as\s+)(?:the\s+)?(?:new\s+|baru\s+)?"
    r"|(?:appointed|named|elected|chosen|picked|voted(?:\s+in)?)\s+(?:as\s+|to\s+be\s+)?"
    r"(?:one\s+of\s+)?(?:the\s+|its\s+)?(?:new\s+|next\s+)?)")
_RELATIVE_CUE = compile_guarded(
    r",?\s+(?:who|yang)\s+(?:(?:juga|kini|saat itu|"
    r"sekarang|previously|currently|now|then|also|pernah)\s+)*(?:serves?\s+as|served\s+as|"
    r"was(?:\s+then)?|is(?:\s+now)?|menjabat(?:\s+sebagai)?|bertugas\s+sebagai|"
    r"merupakan|adalah)\s+")
_NAME_WITH_DEGREES = re.compile(rf"(?<![\w.])(?P<name>{W.NAME}){W.DEGREES}")


def _relative_posts(text: str, sa: int, sb: int) -> Iterator[tuple[re.Match, int]]:
    """(the name, where its post begins) for "X, who was then Rwanda's health minister",
    "X, yang menjabat Kepala Badan ...": the relative clause is found first, then the name
    that ends right before it (trying a name at every capital costs the square of a run of
    capitalised words)."""
    for cue in _RELATIVE_CUE.finditer(text, sa, sb):
        for m in _NAME_WITH_DEGREES.finditer(text, max(sa, cue.start() - 160), cue.start()):
            if m.end() == cue.start():
                yield m, cue.end()
                break
_LOWER_MINISTER = re.compile(r"(?:health|finance|foreign|trade|defence|defense)\s+minister"
                             r"(?![\w\-])")


def _lower_role(role: str) -> str:
    """'health minister' read as 'Health Minister', the form the post rules know."""
    m = re.fullmatch(r"(health|finance|foreign|trade|defence|defense) minister", role)
    return f"{m.group(1).capitalize()} Minister" if m else role


_SAY = (r"said|says|told|added|noted|explained|stated|stressed|announced|mengatakan|menyampaikan|"
        r"menjelaskan|menegaskan|menyatakan|mengungkapkan|berkata|ujar|kata|menuturkan|"
        r"menambahkan|memaparkan")
_NAME_SEQ = (rf"{W.NAME_WORD}(?:\s+(?:(?:{'|'.join(sorted(W.PARTICLES))})\s+)*{W.NAME_WORD})"
             r"{1,3}")
# The cues that mark a name: after it ("X, who", "X said", "X (Menzies School)", "X from
# the Y"), or before it ("takes over from X"). The cues are looked for first: trying a name
# at every capital of a sentence costs far more.
_CUE_AFTER = compile_guarded(
    rf"\s*,\s*(?:who|yang|the|a|an|one of|salah satu|itself)\b|\s+(?:{_SAY})\b|"
    r"\s+\((?![A-Z]{2,8}\))[A-Z][^()]{2,80}\)|\s+\([A-Z]{2,8}\)\s*(?:[,;]|(?:dan|and|serta)\b)|"
    r"\s+from\s+the\s+[A-Z]")
_CUE_BEFORE = compile_guarded(r"(?:takes over from|took over from|succeeds|menggantikan|"
                         r"announced? that) ")
_NAME_ENDING = re.compile(rf"(?<![\w.’'\-])(?P<name>{_NAME_SEQ})$")
_NAME_STARTING = re.compile(rf"(?P<name>{_NAME_SEQ})")


def _context_names(text: str, sa: int, sb: int) -> Iterator[tuple[int, str]]:
    """(start, name) of the names their context marks in [sa, sb)."""
    for cue in _CUE_AFTER.finditer(text, sa, sb):
        lo = max(sa, cue.start() - 90)
        # A name is words opening with capitals: it starts among the last of them.
        k = _trailing_name_start(text[lo:cue.start()])
        if k is None:
            continue
        m = _NAME_ENDING.search(text, lo + k, cue.start())
        if m:
            yield m.start("name"), m.group("name")
    for cue in _CUE_BEFORE.finditer(text, sa, sb):
        m = _NAME_STARTING.match(text, cue.end(), sb)
        if m and _CUE_AFTER.match(text, m.end(), sb) is None:
            yield m.start("name"), m.group("name")


_AS = compile_guarded(r"\s+(?:sebagai|as|selaku)\s+(?:the\s+|an?\s+)?(?:new\s+|baru\s+)?")
_NAME_BEFORE_AS = re.compile(rf"(?<![\w.])(?P<name>{W.NAME})(?=\s+(?:sebagai|as|selaku)\s)")


def _names_as_post(text: str, sa: int, sb: int) -> Iterator[re.Match]:
    """'X sebagai <post>': matches over text[sa:sb] (positions relative to sa), the cue
    'sebagai/as/selaku' found first, then the name that ends right before it."""
    sentence = text[sa:sb]
    for cue in _AS.finditer(sentence):
        for m in _NAME_BEFORE_AS.finditer(sentence, max(0, cue.start() - 90), cue.end()):
            if m.end() == cue.start():
                yield _AsMatch(m, cue)
                break


class _AsMatch:
    """A name and the 'sebagai' after it, read as one match."""

    def __init__(self, name: re.Match, cue: re.Match) -> None:
        self._name, self._cue = name, cue

    def start(self, group: str = "name") -> int:
        return self._name.start("name")

    def end(self) -> int:
        return self._cue.end()

    def group(self, group: str = "name") -> str:
        return self._name.group("name")


_LEADING_TITLES = frozenset("Mr Mrs Ms Miss Shri Smt Sir Dame Dr Prof Madame Monsieur".split())
_APPOSITION = re.compile(rf"(?<![\w.])(?P<name>{W.NAME})(?P<deg>{W.DEGREES})(?P<sep>,\s+|\s*\()")
# What a name and its degrees are made of: letters (any script's), spaces, dots, hyphens,
# apostrophes.
_NAME_CHARS = re.compile(r"(?:[^\W\d_]+|[\s.\-'’]+)+")  # letters, or spaces and marks
_NAME_START = re.compile(r"(?<![\w.])[^\W\d_a-z]")


def _appositions(s: str) -> Iterator[re.Match]:
    """The matches of _APPOSITION.finditer(s), trying only the starts that can match: a name
    holds none but letters, spaces, dots, hyphens and apostrophes and a comma or a
    parenthesis follows it, so it starts in a run of those that one of them ends. Trying every
    word of a long run of capitalised words with neither after it would take time in the
    square of the run."""
    pos = 0
    for run in _NAME_CHARS.finditer(s):
        if run.end() >= len(s) or s[run.end()] not in ",(" or run.end() <= pos:
            continue
        lo = _trailing_name_start(run.group(0))
        if lo is None:
            continue
        for st in _NAME_START.finditer(s, max(pos, run.start() + lo), run.end()):
            m = _APPOSITION.match(s, st.start())
            if m:
                yield m
                pos = m.end()
                break


_NAME_INITIAL = re.compile(rf"[{W._UP}]")


def _trailing_name_start(run: str) -> int | None:
    """Where the words that could end a name at the end of `run` begin: a name is words
    opening with a capital (or particles), so it starts after the last word that does not;
    None when the run ends with no such word."""
    words = run.split()
    k = 0
    for w in reversed(words):
        if not (_NAME_INITIAL.match(w) or w in W.PARTICLES):
            break
        k += 1
    if k == 0:
        return None
    j = len(run.rstrip())
    start = j
    for _ in range(k):
        while j and not run[j - 1].isspace():
            j -= 1
        start = j
        while j and run[j - 1].isspace():
            j -= 1
    return start


def _full_name(doc: DocAnalysis, start: int, name: str) -> tuple[int, str] | None:
    """`_clean_name`, kept only when two words or more are left: where no title marks a
    name, one word alone is too weak to be one."""
    got = _clean_name(doc, start, name)
    return got if got is not None and len(got[1].split()) >= 2 else None


def _clean_name(doc: DocAnalysis, start: int, name: str) -> tuple[int, str] | None:
    """Cut a candidate name where it runs into a non-name word; None if nothing is left."""
    toks = name.split()
    while len(toks) > 1 and toks[0].rstrip(".") in _LEADING_TITLES:
        start = doc.text.find(toks[1], start + len(toks[0]))
        toks = toks[1:]
    keep: list[str] = []
    pos = start
    for i, t in enumerate(toks):
        at = doc.text.find(t, pos)
        known = doc.mention_at(at, ("Country", "Organization", "Forum"))
        bare = t.rstrip(".")
        if i > 0 and (known is not None or bare in W.POST_WORDS or
                      (t.isupper() and len(t) > 1 and "." not in t)):
            # "Bina Upaya Kesehatan", "Perwakilan Tetap RI": the words belong to a body's
            # name, not to a person's.
            return None
        if known is not None or bare in W.NAME_STOP or (bare in W.POST_WORDS and i == 0) \
                or (t.isupper() and len(t) > 1 and "." not in t):
            break
        keep.append(t)
        pos = at + len(t)
    while keep and (keep[-1].lower() in W.PARTICLES or keep[-1] == "Al"):
        keep.pop()
    if not keep or all(re.fullmatch(r"[A-Z]\.?(?:[A-Z]\.)*", k) for k in keep):
        return None
    return start, " ".join(keep)


def _person(doc: DocAnalysis, name: str, start: int) -> Ent:
    key = f"P:{norm_key(name)}"
    return doc.entity(key, "Person", name, start)


_TITLE_WORD = re.compile(r"(?:Shri|Smt|Dr|Mr|Mrs|Ms|Prof|dr|drg|Hon|H\.\s?E|His Excellency|"
                         r"Her Excellency|Sir|Dame)\b\.?\s+[A-Z]")
_PORTFOLIO_WORD = re.compile(r"\s+([A-Z][a-z][\w\-]*|dan|and|&|serta|of|for|the)(?![\w\-])")


def parse_post(doc: DocAnalysis, start: int, end_head: int, limit: int) -> tuple[int, str,
                                                                                    list[Mention]]:
    """From a post's head word, the end of the post phrase, its title and its mentions."""
    text = doc.text
    pos = end_head
    role_end = end_head
    inside: list[Mention] = []
    if re.match(r"(?:Wakil )?Menteri$|(?:Deputy |Vice |Union )?Minister(?: of| for)?$|Dubes$|"
                r"Duta Besar$|Ambassador$|Ambassador for$", text[start:end_head]):
        # "Menteri Transportasi dan Penerbangan Sipil PNG Walter David", "Dubes Global Health
        # Australia Lucas de Toca": a portfolio the word lists do not know runs up to the state
        # that closes it.
        p = end_head
        first = _PORTFOLIO_WORD.match(text, p, limit)
        if first is not None and first.group(1) in W.POST_WORDS:
            p = limit  # a portfolio the lists know: the loop below reads it
        for _ in range(8):
            if p >= limit:
                break
            nxt = _WS.match(text, p).end()
            if doc.mention_at(nxt, ("Country",)) is not None or _TITLE_WORD.match(text, nxt):
                # the state that closes the post, or the title that opens the name ("Union
                # Minister for Health and Family Welfare Shri Mansukh Mandaviya")
                if p > end_head and not re.search(r"\b(?:of|for|the|dan|and|serta|&)$",
                                                  text[end_head:p]):
                    pos = role_end = p
                break
            w = _PORTFOLIO_WORD.match(text, p, limit)
            if w is None or doc.mention_at(w.start(1)) is not None:
                break
            p = w.end()
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
        if word.isupper() and len(word) >= 2 and pos == end_head and \
                doc.mention_at(tok[0]) is None:
            pos = role_end = tok[1]  # "Menko PMK", "Dirjen P2P": the unit's acronym
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
    if re.match(r"(?:Duta Besar|Dubes|Ambassador|Konsul)", role):
        missions = [m for m in bodies if re.match(r"(?:Perwakilan|Kedutaan|Konsulat|KBRI|KJRI|"
                                                  r"PTRI|Embassy|Permanent Mission|Consulate)",
                                                  m.text)]
        if missions:
            return missions[0].key  # "Duta Besar/Kepala Perwakilan Tetap RI untuk PBB"
        if countries:
            return countries[0].key  # "Duta Besar RI untuk PBB": the state the envoy serves
    if bodies:
        return bodies[-1].key
    if MINISTER_HEAD.match(role) and not HEAD_OF_STATE.match(re.sub(r"^Wakil ", "", role)):
        r = re.sub(r"^(?:Wakil |Deputy |Vice |Union )", "", role)
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
            state = iso or _default_state(doc, start)
            if state is None:
                return None
            written = countries[-1].text if countries and countries[-1].text else None
            if written and re.match(r"(?i)(?:the |republi[ck]|kingdom|kerajaan|federal|"
                                    r"state of|negara)", written):
                written = None  # "the Republic of Maldives": the state's short name reads better
            return ministry_entity(doc, portfolio, state, start, doc.language == "en",
                                   written, inferred=iso is None and doc.language == "en").key
        if countries:
            return countries[-1].key  # "Minister of Brunei Darussalam"
        return None
    if countries:
        if re.match(r"(?:Duta Besar|Dubes|Ambassador|Konsul)", role):
            return countries[0].key  # "Duta Besar Kolombia untuk Indonesia"
        return countries[-1].key
    if doc.language == "en" and not bodies and re.match(
            r"(?:Prime Minister|President|King|Queen)$", role):
        state = _default_state(doc, start)
        if state is not None:
            return _country_entity(doc, state, _country_display(doc, state), start).key
    if re.match(r"(?:Wakil )?(?:Presiden|President|Vice[- ]President|Wapres)", role):
        return _country_entity(doc, "IDN", "Indonesia", start).key
    unit = _UNIT_OF_POST.match(role)
    if unit and unit.group("name")[0].isupper() and not re.match(
            r"(?:Regional|Eksekutif|Utama|Jenderal)\b", unit.group("name")):
        # "Direktur Jenderal P2PL": the post is in the directorate general it heads.
        name = f"{_UNIT_OF_POST_HEADS[unit.group('head')]} {unit.group('name')}"
        return doc.entity(f"O:{norm_key(name)}", "Organization", name, start).key
    return None


_UNIT_OF_POST_HEADS = {"Direktur Jenderal": "Direktorat Jenderal", "Dirjen": "Direktorat Jenderal",
                       "Direktur": "Direktorat", "Kepala Biro": "Biro", "Kepala Pusat": "Pusat",
                       "Kepala Badan": "Badan", "Kepala Kantor": "Kantor",
                       "Kepala Lembaga": "Lembaga", "Inspektur Jenderal": "Inspektorat Jenderal"}
_UNIT_OF_POST = re.compile(r"(?P<head>" + "|".join(_UNIT_OF_POST_HEADS) + r")\s+(?P<name>.+)$")


_TAIL_WORD = re.compile(r"\s*(?:[/&()]|(?:[A-Z][\w\-’']*|\d+\w*|dan|serta|untuk|di|and|of|for|"
                        r"the|on)(?=[\s,/()]|$))")


def _post_tail(text: str, pos: int, limit: int, doc: DocAnalysis | None = None) -> int | None:
    """Where a post whose words the lists do not know ends, when a comma and a name follow:
    "Direktur Jenderal P2PL, Prof. Tjandra ...", "Duta Besar/Kepala Perwakilan Tetap RI untuk
    PBB di Jenewa, Dian ..."."""
    for _ in range(14):
        if pos >= limit:
            return None
        if text.startswith(",", pos):
            nxt = re.compile(r",\s*").match(text, pos).end()
            body = doc.mention_at(nxt, ("Organization", "Country")) if doc else None
            if body is not None and text.startswith(",", body.end):
                pos = body.end  # "Dirjen P2P, Kemenkes, Prof. ...": the body is the post's
                continue
            return pos
        m = _TAIL_WORD.match(text, pos, limit)
        if m is None or m.end() == pos:
            return None
        pos = m.end()
    return None


def _is_place(doc: DocAnalysis, m: Mention) -> bool:
    """'Manila, Philippines', 'in Laos', 'di Jenewa, Swiss': a state named as where something
    is, not as who acts."""
    before = doc.text[max(0, m.start - 25):m.start]
    return bool(re.search(r"(?:\b(?:in|at|di|ke|to|from|dari)\s+(?:the\s+)?|[A-Z][a-z]+,\s*)$",
                          before))


def _default_state(doc: DocAnalysis, pos: int) -> str | None:
    """The state of a minister whose post names none. Indonesian press means Indonesia; in
    English text, the one state the sentence (or the one before) names, else the state the
    text names most often; on a tie nobody can tell, unless Indonesia is among them."""
    if doc.language != "en":
        return "IDN"
    i = bisect.bisect_right(doc._sentence_starts, pos) - 1
    if i >= 0 and pos < doc.sentences[i][1]:
        lo = doc.sentences[max(0, i - 1)][0]
        hi = doc.sentences[i][1]
        near = {m.key[2:] for m in doc.mentions_in(lo, hi) if m.type == "Country"
                and not _is_place(doc, m)}
        if len(near) == 1:
            return next(iter(near))
    counts = doc.country_counts()
    if not counts:
        return None
    top = max(counts.values())
    leaders = [k for k, v in counts.items() if v == top]
    if len(leaders) == 1:
        return leaders[0]
    return "IDN" if "IDN" in leaders else None


_GENERIC_HEADS = frozenset("Board Committee Council Commission Fund Dewan Komite Komisi Badan "
                           "Secretariat Sekretariat".split())


def _only_body_ending(doc: DocAnalysis, head: str) -> Ent | None:
    """The one body of the text whose name ends with `head` ("the board" -> "Gavi Board")."""
    hits = [e for e in doc.entities.values() if e.type in ("Organization", "Forum")
            and e.name.split()[-1].lower() == head.lower()]
    return hits[0] if len(hits) == 1 else None


_LED_BY = re.compile(rf"(?:dipimpin(?:\s+oleh)?|led by|headed by)\s+(?P<name>{W.NAME})")


def _people(doc: DocAnalysis) -> None:
    text = doc.text
    for sa, sb in doc.sentences:
        if doc.in_headline(sa):
            continue
        # Post, then name: "Wakil Menteri Kesehatan RI Dante Saksono Harbuwono".
        post_until = -1
        for m in _POST_HEADS.finditer(doc.words, sa, sb):
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
            if nm is not None and nm.group("sep").strip() != "," and (
                    _clean_name(doc, nm.start("name"), nm.group("name")) is None or
                    re.match(r"\s+(?:[A-Z]{2,}\b|untuk\b|for\b|of\b)", text[nm.end():])):
                nm = None  # "Kepala Perwakilan Tetap RI untuk ...": a body, not a name
            if nm is None:
                tail = _post_tail(text, post_end, sb, doc)
                if tail is not None:
                    nm = _NAME_AFTER.match(text, tail, tail + MAX_SENTENCE)
                    if nm is not None and nm.group("sep").strip() == ",":
                        inside = inside + [x for x in doc.outer_mentions(post_end, tail)
                                           if x.type in ("Country", "Organization", "Forum")]
                        role = " ".join(_strip_parens(text[a:tail]).split())
                        post_end = post_until = tail
                    else:
                        nm = None
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
                elif not inside and pre.group(1) in _GENERIC_HEADS:
                    # "Board Chair Mary Robinson": the one board the text names.
                    owner = _only_body_ending(doc, pre.group(1))
                    if owner is not None:
                        inside = [Mention(a, a, owner.key, owner.type, "")]
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
                # "dr. Supriyantoro": one name, as many Indonesians have, after a title.
                if not _single_name(text, m, name):
                    continue
            ent = _person(doc, name, ns)
            doc.mention(m.start(), m.end() if m.group("deg") else ns + len(name), ent)
        # Apposition: "Puan Maharani, Indonesia's Coordinating Minister for ..."
        # Also "Anung Sugihantono (Dirjen P2P, Kemenkes RI)", "Moeti, WHO Regional Director".
        for m in _appositions(text[sa:sb]):
            ns0 = sa + m.start("name")
            after = sa + m.end()
            limit = sb
            if "(" in m.group("sep"):
                close = text.find(")", after, sb)
                limit = close if close > 0 else sb
            if doc.covered(ns0):
                pm = [x for x in doc.mentions_in_window(ns0)
                      if x.start <= ns0 < x.end and x.type == "Person"]
                if not pm:
                    continue
            poss = _POSS.match(text, after)
            hp = _POST_HEAD.match(text, poss.end())
            owner = None
            if hp is None:
                owner = doc.mention_at(after, ("Organization", "Forum", "Country"))
                if owner is not None:
                    hp = _POST_HEAD.match(text, _WS.match(text, owner.end).end())
                    if hp is None or hp.start() == owner.end:
                        hp, owner = None, None
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
            got = _full_name(doc, ns0, m.group("name"))
            if got is None:
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
            post_end, role, inside = parse_post(doc, hp.start(), hp.end(), limit)
            if owner is not None:
                inside = [owner] + inside
            if limit < sb:  # in parentheses, the body after a comma is the post's too
                inside = inside + [x for x in doc.outer_mentions(post_end, limit)
                                   if x.type in ("Organization", "Forum", "Country")]
            if poss is not None and poss.group("poss"):
                p = poss.group("poss").replace("the ", "")
                iso = country_iso3(p) or DEMONYMS.get(p)
                if iso:
                    inside = [Mention(poss.start(), poss.start(), f"C:{iso}", "Country", p)] + \
                        inside
            obj = _post_object(doc, hp.group(0), role, inside, hp.start())
            _give_post(doc, ns, name, Post(hp.start(), post_end, role, obj),
                       end=ns + len(name) + len(m.group("deg")))
        # "... diangkatnya lagi Budi Gunadi Sadikin sebagai Menteri Kesehatan"
        for m in _names_as_post(text, sa, sb):
            hp = _POST_HEAD.match(text, sa + m.end())
            ns0 = sa + m.start("name")
            if hp is None:
                continue
            got = _full_name(doc, ns0, m.group("name"))
            if got is None:
                continue
            ns, name = got
            if ns + len(name) != ns0 + len(m.group("name")):
                continue
            post_end, role, inside = parse_post(doc, hp.start(), hp.end(), sb)
            if doc.covered(ns) and not _person_at(doc, ns):
                continue
            _give_post(doc, ns, name, Post(hp.start(), post_end, role,
                                           _post_object(doc, hp.group(0), role, inside,
                                                        hp.start())))
        # "Dante ... kini sah memegang kursi Wakil Menteri Kesehatan", "X was appointed as ..."
        for m in _VERB_POST.finditer(text, sa, sb):
            hp = _POST_HEAD.match(text, m.end())
            if hp is None:
                continue
            people = [x for x in doc.mentions_in(sa, m.start()) if x.type == "Person"]
            if not people:
                # "..., Rina Kusuma Wardhani mengemban jabatan Direktur ...": the name right
                # before the verb of taking a post is a person's.
                nm = _NAME_ENDING.search(text, max(sa, m.start() - 90), m.start() - 1)
                got = _full_name(doc, nm.start("name"), nm.group("name")) if nm else None
                if got is None or got[0] + len(got[1]) != nm.end("name") or \
                        doc.covered(got[0]):
                    continue
                people = [doc.mention(got[0], got[0] + len(got[1]), _person(doc, got[1],
                                                                             got[0]))]
            if people[-1].post is not None:
                continue
            post_end, role, inside = parse_post(doc, hp.start(), hp.end(), sb)
            people[-1].post = Post(hp.start(), post_end, role,
                                   _post_object(doc, hp.group(0), role, inside, hp.start()))
        # "X, who was then Rwanda's health minister", "X, yang menjabat Kepala Badan ...".
        for m, post_at in _relative_posts(text, sa, sb):
            ns0 = m.start("name")
            poss = _POSS.match(text, post_at)
            hp = _POST_HEAD.match(text, poss.end()) or _LOWER_MINISTER.match(text, poss.end())
            if hp is None:
                continue
            got = _full_name(doc, ns0, m.group("name"))
            if got is None:
                continue
            ns, name = got
            post_end, role, inside = parse_post(doc, hp.start(), hp.end(), sb)
            if hp.re is _LOWER_MINISTER:
                role = hp.group(0)
                post_end = hp.end()
            if poss.group("poss"):
                p = poss.group("poss").replace("the ", "")
                iso = country_iso3(p) or DEMONYMS.get(p)
                if iso:
                    inside = [Mention(poss.start(), poss.start(), f"C:{iso}", "Country", p)] + \
                        inside
            head = hp.group(0)
            obj = _post_object(doc, head if hp.re is _POST_HEAD else "Minister",
                               _lower_role(role), inside, hp.start())
            _give_post(doc, ns, name, Post(hp.start(), post_end, role, obj))
        # Names that only their context marks: "X, who ...", "X said", "X (Menzies School)".
        for ns0, cname in _context_names(text, sa, sb):
            if doc.covered(ns0) or doc.claimed(ns0, ns0 + len(cname)):
                continue
            got = _full_name(doc, ns0, cname)
            if got is None or got[1] != cname:
                continue
            if any(w in W.GENERIC_BODY_WORDS or w in W.BODY_HEADS_EN or w in W.BODY_HEADS_ID
                   or w in W.VENUE_WORDS for w in got[1].split()):
                continue
            acr = re.compile(r"\s*\(([A-Z]{2,8})\)").match(text, ns0 + len(cname))
            if acr and acr.group(1) == "".join(w[0] for w in got[1].split()).upper():
                continue  # "Anti Microbial Resistance (AMR)": a term defined, not a person
            doc.mention(ns0, ns0 + len(got[1]), _person(doc, got[1], ns0))
        # "dipimpin Loyce Pace", "led by Eric Hargan"
        if text.find("dipimpin", sa, sb) < 0 and text.find("ed by", sa, sb) < 0:
            continue
        for m in _LED_BY.finditer(text[sa:sb]):
            ns0 = sa + m.start("name")
            if doc.mention_at(ns0) is not None or _POST_HEAD.match(text, ns0):
                continue
            got = _full_name(doc, ns0, m.group("name"))
            if got is None:
                continue
            ns, name = got
            doc.mention(ns, ns + len(name), _person(doc, name, ns))
    _merge_partial_names(doc)
    _short_mentions(doc)


def _merge_partial_names(doc: DocAnalysis) -> None:
    """'Al Kuwari' after 'Hanan Mohamed Al Kuwari', 'Ali Ghufron' beside 'Ali Ghufron Mukti':
    a name of two or more words that begins or ends exactly one longer name of the text is
    that person."""
    people = [e for e in doc.entities.values() if e.type == "Person"]
    for short in people:
        words = short.name.split()
        if len(words) < 2:
            continue
        longer = [e for e in people if e is not short and e.key in doc.entities
                  and len(e.name.split()) > len(words)
                  and (e.name.split()[:len(words)] == words or
                       e.name.split()[-len(words):] == words)]
        if len(longer) != 1:
            continue
        full = longer[0]
        for m in doc.mentions:
            if m.key == short.key:
                m.key = full.key
                m.short = True
                if m.text not in full.mentions:
                    full.mentions.append(m.text)
        full.first = min(full.first, short.first)
        del doc.entities[short.key]
    doc._sorted = None
    doc._scans.clear()


def _person_at(doc: DocAnalysis, pos: int) -> list[Mention]:
    """The person mentions that hold position `pos`."""
    return [x for x in doc.mentions_in_window(pos) if x.type == "Person" and
            x.start <= pos < x.end]


def _give_post(doc: DocAnalysis, ns: int, name: str, post: Post, end: int | None = None
               ) -> None:
    """A post read beside a name: to the person mention already there (unless it has one),
    or to a new mention of that person ("Dr Jaime Sepulveda as Vice-Chair", "X, who was then
    Rwanda's health minister")."""
    known = _person_at(doc, ns)
    if known:
        for x in known:
            x.post = x.post or post
    else:
        doc.mention(ns, end if end is not None else ns + len(name), _person(doc, name, ns),
                    post=post)


def _single_name(text: str, m: re.Match, name: str) -> bool:
    """A lone name after an honorific is a person's whole name when nothing capitalised
    follows it and the honorific is a personal one."""
    if len(name) < 4 or name in W.NAME_STOP or name in W.POST_WORDS:
        return False
    if not re.match(r"(?:dr|drg|Dr|Prof|Ir|H|Hj|Drs|Dra)\b", m.group("titles").strip()):
        return False
    return re.match(r"\s*(?:[,.;:)]|$|[a-z])", text[m.start("name") + len(name):]) is not None


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
    if all(_RUN.fullmatch(t) for t in tokens):
        # Every token is a run of letters and hyphens: the runs of the text are the only
        # places it can stand (at no run's middle), so a dict lookup per run finds them.
        hits = [(m.start(), m.end(), m.group(0)) for m in _RUN.finditer(doc.text)
                if m.group(0) in tokens]
    else:
        pat = re.compile(r"(?<![\w\-])(" + "|".join(re.escape(t) for t in tokens) +
                         r")(?![\w\-])")
        hits = [(m.start(), m.end(), m.group(1)) for m in pat.finditer(doc.text)]
    for a, b, token in hits:
        if doc.covered(a):
            continue
        doc.mention(a, b, tokens[token], short=True)


_RUN = re.compile(r"[\w\-]+")


# --- step 4: events -----------------------------------------------------------------------

_EV_IDS = PhraseSet([*alternatives(W.EVENT_HEADS_ID), "Kick Off Meeting"])
# A head in lower case names an event when a capitalised name follows it at once ("resepsi
# Peringatan Hubungan Diplomatik", "konferensi Malaria 2012").
_EV_IDS_LOWER = PhraseSet(alternatives(W.EVENT_HEADS_ID.lower()), tail=r"(?=\s+[A-Z][a-z])")
_EV_GENERICS = PhraseSet(alternatives(W.GENERIC_EVENTS), flags=re.IGNORECASE)
_EV_ORD_EN = compile_guarded(rf"(?<![\w\-])(?:the\s+)?(?P<ord>{W.EN_ORDINAL}|first|second|third|"
                        rf"fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+", re.IGNORECASE)
_EV_HEAD_EN = compile_guarded(rf"(?:{W.EVENT_HEADS_EN})(?![\w\-])")
# After an ordinal the head may be lower-case: "its Sixty-seventh session", "the 71st session".
_EV_HEAD_EN_ANYCASE = re.compile(rf"(?i:{W.EVENT_HEADS_EN})(?![\w\-])")
_ORD_ID = re.compile(rf"\s+(?P<ord>(?i:{W.ID_ORDINAL}))(?![\w\-])")
_SERIES = compile_guarded(rf"(?<![\w\-])(?P<acr>[A-Z][A-Za-z]*[A-Z])(?:\s+(?P<ord>{W.ID_ORDINAL})"
                     rf"|\s+(?P<num>\d{{1,2}})(?![\d])(?![\-/.,]\d))(?![\w\-])")
_QUOTED = re.compile(r"\s*[\"“']([^\"”']{3,150})[\"”']")
_ORDINAL_WORDS = re.compile(rf"\b(?:{W.ID_ORDINAL}|{W.EN_ORDINAL})\b", re.IGNORECASE)


# Unnamed occasions of one kind are one occasion within a text: "pertemuan bilateral",
# "bertemu secara bilateral", "the bilateral meeting".
_GENERIC_KIND = (("bilateral", re.compile(r"(?i)bilateral")),
                 ("courtesy", re.compile(r"(?i)courtesy call|kunjungan kehormatan")),
                 ("state-visit", re.compile(r"(?i)kunjungan kenegaraan|state visit|pertemuan "
                                            r"kenegaraan")))


def _event_key(doc: DocAnalysis, a: int, b: int, name: str, ordinal: int | None) -> str:
    if name[:1].islower():
        for kind, pat in _GENERIC_KIND:
            if pat.search(name):
                # One occasion per date the sentence gives; an undated mention ("pertemuan
                # bilateral itu") is the last one of its kind named before.
                sentence = doc.sentence_at(a)
                dated = doc.dates_in(*sentence) if sentence else []
                if dated:
                    return f"E:generic:{kind}:{dated[0].value}"
                earlier = [e for k, e in doc.entities.items()
                           if k.startswith(f"E:generic:{kind}:") and e.first < a]
                if earlier:
                    return max(earlier, key=lambda e: e.first).key
                return f"E:generic:{kind}:"
    inner = [m for m in doc.outer_mentions(a, b) if m.type in ("Organization", "Forum")]
    if ordinal is not None and inner:
        return f"E:{inner[-1].key}:{ordinal}"
    base = norm_key(_ORDINAL_WORDS.sub(" ", _strip_parens(name)))
    return f"E:{base}:{ordinal}"


def _same_event(doc: DocAnalysis, name: str, ordinal: int | None) -> Ent | None:
    """An event already found under a longer or shorter name with the same ordinal."""
    bare = re.sub(r"^(?:sidang|pertemuan|the)\s+", "", norm_key(name))
    if bare.upper().replace(" ", "") in doc.acronyms:
        return doc.entities.get(doc.acronyms[bare.upper().replace(" ", "")])
    if ordinal is None:
        return None
    words = _event_words(doc, name)
    for e in doc.entities.values():
        if e.type != "Event" or not e.key.endswith(f":{ordinal}"):
            continue
        other = _event_words(doc, e.name)
        if words and other and (words <= other or other <= words):
            return e
    return None


def _event_words(doc: DocAnalysis, name: str) -> frozenset[str]:
    """The words of an event's name that say which event it is (no ordinal, no "the"),
    worked out once per name and document."""
    got = doc.event_words.get(name)
    if got is None:
        got = frozenset(norm_key(_ORDINAL_WORDS.sub(" ", name)).split()) - {"the", "of", "ke"}
        doc.event_words[name] = got
    return got


_EVENT_YEAR = re.compile(r"(?:\s*\([A-Z][\w\-]*\))?\s+(?:19|20)\d\d(?![\d/\-–])")


def _add_event(doc: DocAnalysis, a: int, b: int, ordinal: int | None,
               same: Ent | None = None) -> Ent | None:
    text = doc.text
    surface = text[a:b].rstrip(" ,")
    b = a + len(surface)
    pair = re.compile(r"\s?[-–]\s?").match(text, b)
    if pair and (c := doc.mention_at(pair.end(), ("Country",))) is not None and \
            doc.mention_at(b - 1) is None and any(x.end == b and x.type == "Country"
                                                   for x in doc.mentions_in_window(b)):
        b = c.end  # "JWG on Health Indonesia-India": both states belong to the name
        limit = (doc.sentence_at(a) or (a, len(text)))[1]
        b = max(b, _scan_right(doc, b, limit))  # "... Việt Nam – Laos Inter-governmental ..."
        surface = text[a:b]
    # After the number, the body and the subject the name goes on with: "Kongres Dunia ke-41
    # ICMM tentang Kedokteran Militer", "Pertemuan Tingkat Tinggi APEC ke-15 tentang ...".
    limit = (doc.sentence_at(a) or (a, len(text)))[1]
    if ordinal is not None and re.search(r"(?i)(?:ke-?\s?\d+|\bpertama|\bkedua|\bketiga)$",
                                         surface):
        nxt = doc.mention_at(_WS.match(text, b).end(), ("Organization", "Forum"))
        if nxt is not None and re.fullmatch(r"[ \t]+", text[b:nxt.start]):
            b = nxt.end
        about = re.compile(r"\s+(?:tentang|mengenai|on)\s+(?=[A-Z])").match(text, b)
        if about:
            end = _scan_right(doc, about.end(), limit)
            if end > about.end():
                b = end
        surface = text[a:b]
    year = _EVENT_YEAR.match(text, b)
    if year and not re.search(r"(?:19|20)\d\d\W*$", surface):
        b = year.end()  # "Regional Committee Meeting (RCM) 2023", "World Bio Summit 2025"
        surface = text[a:b]
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
        heads = _EV_IDS.finditer(doc.words, sa, sb)
        heads += [m for m in _EV_IDS_LOWER.finditer(doc.words, sa, sb)
                  if doc.mention_at(_WS.match(text, m.end()).end()) is None]
        for m in heads:
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
        for m in _EV_GENERICS.finditer(doc.words, sa, sb):
            end = m.end()
            pm = re.compile(r"\s*\([^()]{3,40}\)").match(text, end)
            if pm:
                end = pm.end()  # "kunjungan kehormatan (courtesy call)": one event
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
            for hm_ in _EV_HEAD_EN_ANYCASE.finditer(text, pos, min(sb, pos + 90)):
                between = text[pos:hm_.start()]
                if re.fullmatch(r"(?:[A-Z0-9][\w'’\-]*\s+|\([A-Z][\w\-]*\)\s+|ministerial\s+|"
                                r"health\s+|leaders['’]?\s+)*", between, re.IGNORECASE) is None:
                    break
                hm = hm_
                break
            if hm is None:
                am = re.compile(r"([A-Z][A-Z0-9]{2,})(?![\w\-])(?!\s+[A-Z])").match(text, pos)
                if am and (am.group(1) in doc.acronyms or find_body(am.group(1))):
                    spans.append((m.start("ord"), am.end(), ordinal))
                continue
            end = hm.end()
            cm = re.compile(r"\s+(?:of|on)\s+(?:[Tt]he\s+)?(?=[A-Z])").match(text, end)
            if cm:
                more = _scan_right(doc, cm.end(), sb)
                end = more if more > cm.end() else end
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
            if hm.group(0) in ("Forum", "Assembly") or doc.in_headline(sa):
                continue  # a headline capitalises every word: no name runs left from a head
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
            cm = re.compile(r"\s+(?:on|of)\s+(?:the\s+)?(?=[A-Z0-9])").match(text, end)
            if cm:
                more = _scan_right(doc, cm.end(), sb)
                end = more if more > cm.end() else end
            elif hm.group(0) == "Side Event":
                end = _scan_right(doc, end, sb)
            om = _ORD_ID.match(text, end)  # "ASEAN Health Ministerial Meeting ke-15"
            ordinal = W.ordinal_value(om.group("ord")) if om else None
            if om:
                end = om.end()
            spans.append((start, end, ordinal))
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


def _date_events(doc: DocAnalysis) -> None:
    """An event whose name is not followed by its date takes the first date of a sentence
    that names it ("dalam pertemuan bilateral di Ruang ..., Selasa (10/3/2020)")."""
    if not doc.dates:
        return
    for m in sorted(doc.mentions, key=lambda m: m.start):
        if m.type != "Event":
            continue
        e = doc.entities.get(m.key)
        if e is None or e.date is not None:
            continue
        sa, sb = doc.sentence_at(m.start) or (m.start, m.end)
        later = doc.dates_in(m.end, sb)
        earlier = doc.dates_in(sa, m.start)
        if later or earlier:
            e.date = (later or earlier)[0].value


def _misspelt_countries(doc: DocAnalysis) -> None:
    """In a list of states ("(Bangladesh, Butan, PDR Korea, India, ..., Thaland)"), an item
    no list knows is read as the state whose name it nearly spells. Only inside a list that
    is mostly states, and only a near spelling (rapidfuzz ratio >= 88) of a known name."""
    from rapidfuzz import fuzz, process


    text = doc.text
    names = None
    for sa, sb in doc.sentences:
        countries = [m for m in doc.outer_mentions(sa, sb) if m.type == "Country"]
        if len(countries) < 3:
            continue
        lo, hi = countries[0].start, countries[-1].end
        # Items between separators, where no mention stands.
        for item in re.finditer(r"(?:(?<=[,;(])|(?<=\bdan)|(?<=\band)|(?<=\bserta))\s*"
                                r"([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)\s*(?=[,;)]|\s+(?:dan|and|serta)\b)",
                                text[max(sa, lo - 40):min(sb, hi + 60)]):
            a = max(sa, lo - 40) + item.start(1)
            b = a + len(item.group(1))
            if doc.covered(a) or doc.mention_at(a) is not None:
                continue
            if names is None:
                names, choices = _fuzzy_country_names()
            hit = process.extractOne(item.group(1).casefold(), choices, scorer=fuzz.ratio,
                                     score_cutoff=88)
            if hit is None:
                continue
            iso = names[hit[0]]
            doc.mention(a, b, _country_entity(doc, iso, item.group(1), a))


@lru_cache(maxsize=1)
def _fuzzy_country_names() -> tuple[dict[str, str], list[str]]:
    """Country names longer than four letters, case-folded, -> ISO code; and their list (what
    a misspelt name is compared with), made once."""
    from hdkg.loaders.reference import country_names

    names = {n.casefold(): iso for n, iso in country_names().items() if len(n) > 4}
    return names, list(names)


on_clear_caches(_fuzzy_country_names.cache_clear)  # read from the reference files


# --- entry point --------------------------------------------------------------------------

def analyse(text: str, language: str = "id") -> DocAnalysis:
    """Find the entities of a document and every mention of them."""
    doc = DocAnalysis(text, language)
    _gazetteer(doc)
    _bodies(doc)
    _defined_bodies(doc)
    _acronym_mentions(doc)
    _people(doc)
    _events(doc)
    _acronym_mentions(doc)
    _drop_inside_events(doc)
    _misspelt_countries(doc)
    _date_events(doc)
    doc.mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    return doc
