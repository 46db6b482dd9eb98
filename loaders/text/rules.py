"""Fact rules over one analysed document. Each rule has a name (it goes on the fact as
`rule`), reads one sentence at a time and abstains when the actor or the body is unclear.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from hdkg.loaders.text import words as W
from hdkg.loaders.text.dates import find_periods
from hdkg.loaders.text.first_chars import compile_guarded
from hdkg.loaders.text.mentions import _WS, DocAnalysis, Ent, Mention
from hdkg.loaders.text.triggers import TriggerScan
from hdkg.loaders.text.word_index import PhraseSet
from hdkg.loaders.text.words import SHORT_POSTS

ACTORS = ("Person", "Country", "Organization", "Forum")
BODIES = ("Organization", "Forum")


@dataclass
class FactRec:
    predicate: str
    subject: str  # entity key
    object: str
    rule: str
    span: tuple[int, int]
    confidence: float
    role: str | None = None
    start: str | None = None
    end: str | None = None
    date: str | None = None
    agreement: dict | None = None
    extra: dict = field(default_factory=dict)


_CLAUSE = compile_guarded(r";\s+|,\s+(?:sementara|sedangkan|while|whereas|namun|but)\s+|"
                     r"\s+sementara itu,?\s+")
_ANAPHOR_EVENT = re.compile(r"\s*(?:the\s+|langsung\s+|sebuah\s+|suatu\s+|an?\s+)?(?:meeting|"
                            r"session|conference|sidang|pertemuan|konferensi|forum|acara|event)"
                            r"(?:\s+(?:tersebut|ini|itu|tahun ini|internasional|international|"
                            r"berskala internasional))?\b", re.IGNORECASE)


class _Anchor:
    """An agreement-kind match taken from the sentence before, placed at this sentence's
    start, so that 'between ...' is looked for in this sentence."""

    def __init__(self, m: re.Match, pos: int) -> None:
        self.lastgroup = m.lastgroup
        self._text = m.group(0)
        self._pos = pos

    def group(self, _i: int = 0) -> str:
        return self._text

    def start(self) -> int:
        return self._pos

    def end(self) -> int:
        return self._pos


class Rules:
    """Applies every rule to a document; facts accumulate in `facts`."""

    def __init__(self, doc: DocAnalysis, explaining: bool = False) -> None:
        self.doc = doc
        # Explaining reads every sentence, so that a trigger in a sentence naming nobody
        # still says why it made nothing; extracting skips such sentences.
        self.explaining = explaining
        self.text = doc.text
        self.triggers = TriggerScan(doc.words)
        self._clauses: dict[tuple[int, int], tuple[tuple[int, int], ...]] = {}
        self.facts: list[FactRec] = []
        self.notes: list[tuple[int, str]] = []
        self._post_spans = [(m.post.start, m.post.end) for m in doc.mentions if m.post]
        # Post spans by start, with the furthest end reached so far: in_post by bisection.
        spans = sorted(self._post_spans)
        self._post_starts = [a for a, _b in spans]
        self._post_reach: list[int] = []
        for _a, b in spans:
            self._post_reach.append(max(b, self._post_reach[-1]) if self._post_reach else b)
        self._events = sorted((m for m in doc.mentions if m.type == "Event"),
                              key=lambda m: m.start)
        self._event_starts = [m.start for m in self._events]
        self._sentence_starts = [a for a, _b in doc.sentences]
        self._sentence_ends = [b for _a, b in doc.sentences]
        # Dates do not overlap: by start, their ends rise too.
        self._date_starts = [d.start for d in doc.dates]
        self._date_ends = [d.end for d in doc.dates]
        self._first_mention: dict[str, int] = {}
        self._by_key: dict[str, list[Mention]] | None = None
        self._by_start_desc: list[Mention] | None = None
        self._person_post: dict[str, Mention] = {}
        for m in doc.mentions:
            if m.post and m.post.object and m.key not in self._person_post:
                self._person_post[m.key] = m

    # --- shared helpers -------------------------------------------------------------------

    def add(self, f: FactRec) -> None:
        if f.subject == f.object:
            return
        self.facts.append(f)

    def why(self, pos: int, message: str) -> None:
        """Why a rule that saw its trigger made no fact: `hdkg extract --explain` prints it."""
        self.notes.append((pos, message))

    def clauses(self, a: int, b: int) -> tuple[tuple[int, int], ...]:
        """The clauses of [a, b), worked out once per span (the rules ask often)."""
        got = self._clauses.get((a, b))
        if got is None:
            out = []
            pos = a
            for m in _CLAUSE.finditer(self.text, a, b):
                out.append((pos, m.start()))
                pos = m.end()
            out.append((pos, b))
            got = self._clauses[(a, b)] = tuple(out)
        return got

    def in_post(self, m: Mention) -> bool:
        i = bisect.bisect_right(self._post_starts, m.start) - 1
        return i >= 0 and self._post_reach[i] >= m.end and m.post is None

    def actors(self, a: int, b: int) -> list[Mention]:
        out = []
        for m in self.doc.outer_mentions(a, b):
            if m.type == "Country" and self.text[m.end:m.end + 2] in ("'s", "’s"):
                continue  # "Indonesia's Health Minister ...": the minister acts
            if m.type in ACTORS and not self.in_post(m):
                out.append(m)
        return out

    def first_actor(self, a: int, b: int, types: tuple[str, ...] = ACTORS) -> Mention | None:
        for m in self.actors(a, b):
            if m.type in types:
                return m
        return None

    def last_event_before(self, pos: int) -> Mention | None:
        i = bisect.bisect_left(self._event_starts, pos)
        return self._events[i - 1] if i else None

    def object_after(self, pos: int, limit: int, types=BODIES + ("Event",)) -> Mention | None:
        """The body or event a trigger word governs: right after it, little in between."""
        gap = re.compile(r"(?:\s|\((?:Co-chair|co-chair|Chair)\)|the\b|of\b|sebagai\b|"
                         r"langsung\b|virtual\b|bersama\b|Bersama\b|sebuah\b|suatu\b|an?\b)*"
                         ).match(self.text, pos).end()
        for m in self.doc.outer_mentions(gap, limit):
            if m.start != gap:
                break
            if m.type in types:
                return m
            break
        an = _ANAPHOR_EVENT.match(self.text, pos)
        if an and an.end() <= limit:
            return self.anaphoric_event(pos)
        return None

    def definite_body(self, a: int, b: int) -> Mention | None:
        """'The Fund', 'the board', 'komite tersebut': the body named last before, whose name
        ends with that noun; the first such phrase in [a, b) that resolves."""
        for m in _DEFINITE.finditer(self.text, a, b):
            noun = (m.group(1) or m.group(2)).lower()
            # The body named last before it, within the few paragraphs a reader keeps in mind.
            for x in reversed(self.doc.mentions_in(max(0, m.start() - _RECALL), m.start())):
                if x.type not in BODIES:
                    continue
                name = self.doc.entities[x.key].name
                if re.search(rf"(?i)\b{re.escape(noun)}$", name) or \
                        re.search(rf"(?i)\b{re.escape(noun)}$", x.text):
                    return Mention(m.start(), m.end(), x.key, x.type, m.group(0))
        return None

    def anaphoric_event(self, pos: int) -> Mention | None:
        """What "the meeting", "pertemuan tersebut", "forum internasional" refers to: the
        event named before it in its sentence, else the one the text is about."""
        sa, _sb = self.sentence_of(pos)
        before = [m for m in self._events if sa <= m.start < pos]
        if before:
            return before[-1]
        return self.current_event(sa)

    def periods(self, a: int, b: int) -> list[tuple[str, str]]:
        out = []
        dates = [(d.start, d.end) for d in self.doc.dates[
            bisect.bisect_right(self._date_ends, a):bisect.bisect_left(self._date_starts, b)]]
        for s, _e, y1, y2 in find_periods(self.text[a:b]):
            if any(ds <= a + s < de for ds, de in dates):
                continue
            out.append((y1, y2))
        return out

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < self._sentence_ends[i]:
            return self.doc.sentences[i]
        return pos, pos

    def sentence_before(self, a: int) -> tuple[int, int] | None:
        """The sentence that ends before position `a`, if any."""
        k = bisect.bisect_right(self._sentence_ends, a)
        return self.doc.sentences[k - 1] if k else None

    def dates_in(self, a: int, b: int) -> list:
        """The dates that start in [a, b)."""
        return self.doc.dates[bisect.bisect_left(self._date_starts, a):
                              bisect.bisect_left(self._date_starts, b)]

    def sentence_dates(self, a: int, b: int) -> list[str]:
        dates = self.doc.dates[bisect.bisect_left(self._date_starts, a):
                               bisect.bisect_left(self._date_starts, b)]
        return [d.value for d in dates if len(d.value) == 10]

    # --- rules ------------------------------------------------------------------------------

    def run(self) -> list[FactRec]:
        self.posts()
        self.part_of()
        for a, b in self.doc.sentences:
            # The rules of a subject and an object named in the sentence have nothing to read
            # in a sentence that names nobody; those that can point back ("both sides",
            # "keduanya", the text's own meeting) read every sentence.
            named = bool(self.doc.mentions_in(a, b)) or self.explaining
            if named:
                self.member_lists(a, b)
            if self.triggers.any("member_of", a, b):
                self.member_lists_lexicon(a, b)
                self.member_people(a, b)
                self.member_verbs(a, b)
            if named:
                self.body_namely(a, b)
                self.presidency(a, b)
                self.namely_lists(a, b)
                for ca, cb in self.clauses(a, b):
                    self.roles(a, b, ca, cb)
                    self.passive_chair(a, b, ca, cb)
                self.english_presidency(a, b)
            self.agreements(a, b)
            self.participation(a, b)
        self.future_posts()
        return self.facts

    def posts(self) -> None:
        """holds_position from a post before or after a name."""
        for m in self.doc.mentions:
            if m.type != "Person" or m.post is None or m.post.object is None or m.short:
                continue
            a, b = self.sentence_of(m.start)
            obj = self.doc.entities[m.post.object]
            if _CHAIR_POST.match(m.post.role) and obj.type != "Country":
                # "Ketua Komisi I DPR RI, Theo ...", "Chair of the Board": chairing a body
                # is chair_of (spec 17); chairing a meeting is taking part in it too.
                self.add(FactRec("chair_of", m.key, obj.key, "chair-post", (a, b), 0.85))
                if obj.type == "Event":
                    self._attends(m, Mention(m.start, m.end, obj.key, "Event", obj.name),
                                  "chair-attends", (a, b), 0.75)
                continue
            start, end = self._career_period(a, b, m)
            self.add(FactRec("holds_position", m.key, m.post.object, "post-name", (a, b),
                             0.9 if not m.short else 0.8, role=m.post.role, start=start,
                             end=end))

    def _career_period(self, a: int, b: int, m: Mention) -> tuple[str | None, str | None]:
        """The period a career summary gives a post (spec rule 19): a range of years ("dari
        2007 sampai 2014", "2010-2014", "from 2010 to 2014") or "sejak / since 2019" in the
        clause of the name or of the post. One year alone ("lahir pada 1955") gives none."""
        ca, cb = self._clause_of(a, b, min(m.start, m.post.start if m.post else m.start))
        cb = max(cb, self._clause_of(a, b, m.post.end if m.post else m.end)[1])
        text = self.text
        ranges = [(y1, y2) for s, _e, y1, y2 in find_periods(text[ca:cb]) if y1 != y2
                  and not any(d.start <= ca + s < d.end for d in self.dates_in(ca, cb))]
        if len(ranges) == 1:
            return ranges[0]
        since = _SINCE.findall(text, ca, cb)
        if not ranges and len(since) == 1:
            return since[0], None
        return None, None

    def future_posts(self) -> None:
        """'..., yang akan bertugas sebagai Konsul Jenderal RI di Frankfurt'."""
        pat = re.compile(r"(?:akan|will)\s+(?:bertugas|menjabat|serve|take office)\s+"
                         r"(?:sebagai|as)\s+")
        from hdkg.loaders.text.mentions import _POST_HEAD, _post_object, parse_post

        for a, b in self.doc.sentences:
            for m in pat.finditer(self.text, a, b):
                hp = _POST_HEAD.match(self.text, m.end())
                if hp is None:
                    continue
                people = [x for x in self.doc.outer_mentions(a, m.start()) if x.type == "Person"]
                if not people:
                    continue
                end, role, inside = parse_post(self.doc, hp.start(), hp.end(), b)
                obj = _post_object(self.doc, hp.group(0), role, inside, hp.start())
                place = re.compile(r"\s+di\s+([A-Z][\w\-]+)").match(self.text, end)
                if obj and place and re.match(r"Konsul|Duta|Ambassador|Consul", role):
                    org = "Konsulat Jenderal" if role.startswith("Konsul") else "Kedutaan Besar"
                    name = f"{org} RI {place.group(1)}"
                    e = self.doc.entity(f"O:{name.lower()}", "Organization", name, hp.start())
                    surface = self.text[hp.start():place.end()]
                    if surface not in e.mentions:
                        e.mentions.append(surface)
                    obj = e.key
                if obj:
                    self.add(FactRec("holds_position", people[-1].key, obj, "future-post",
                                     (a, b), 0.8, role=role))

    def part_of(self) -> None:
        """A body named with its parent ('Executive Board WHO'), or a gazetteer organ."""
        for m in self.doc.mentions:
            if m.key not in self._first_mention or m.start < self._first_mention[m.key]:
                self._first_mention[m.key] = m.start
        for e in list(self.doc.entities.values()):
            if e.parent is None or e.type == "Event" or e.parent not in self.doc.entities:
                continue
            first = self._first_mention.get(e.key)
            if first is None:
                continue
            a, b = self.sentence_of(first)
            if not e.parent_span and not self._side_by_side(e.key, e.parent):
                continue  # the text never puts the body and its parent side by side
            rule = "named-with-parent" if e.parent_span else "gazetteer-parent"
            self.add(FactRec("part_of", e.key, e.parent, rule, (a, b),
                             0.85 if e.parent_span else 0.75))

    def _side_by_side(self, child: str, parent: str, window: int = 30) -> bool:
        """Whether a mention of the parent stands within the child's name or a few words
        from it ("Executive Board WHO", "WHO's Executive Board", "the PCB of UNAIDS")."""
        by_key = self._mentions_by_key()
        kids = by_key.get(child, [])
        return any(any(k.start - window <= m.start and m.end <= k.end + window for k in kids)
                   for m in by_key.get(parent, []))

    def _mentions_by_key(self) -> dict[str, list[Mention]]:
        if self._by_key is None:
            self._by_key = {}
            for m in self.doc.mentions:
                self._by_key.setdefault(m.key, []).append(m)
        return self._by_key

    def roles(self, sa: int, sb: int, a: int, b: int) -> None:
        """'Indonesia merupakan Ketua X 2020-2022', 'anggota X', 'tuan rumah X', 'memimpin X'."""
        text = self.text
        trig = _ROLE_TRIGGER
        for m in trig.finditer(text, a, b):
            word = m.group(0)
            pre = text[max(sa, m.start() - 12):m.start()]
            if re.search(r"(?:Wakil|Vice[- ]?|Deputy)\s*$", pre):
                continue
            after = text[m.end():m.end() + 30]
            if re.match(r"\s+(?:[Dd]elegasi|[Dd]elegation)", after):
                continue
            if re.search(r"(?:siap|bersedia|offered to|menawarkan diri)\s+(?:menjadi\s+|to\s+)?$",
                         text[max(sa, m.start() - 25):m.start()]):
                continue
            if word in ("chaired", "co-chaired", "Co-chaired") and \
                    re.match(r"\s+by\b", after):
                continue  # passive: passive_chair
            if m.group("member") and re.search(r"(?:negara|countries|\d+)\s*$", pre):
                continue
            kind = "chair_of" if m.group("chair") else "member_of" if m.group("member") \
                else "hosts"
            nxt = trig.search(text, m.end(), b)
            limit = nxt.start() if nxt else b
            obj = self.object_after(m.end(), limit)
            if obj is not None and self._cut_short(obj):
                self.why(m.start(), f"{kind}: {word!r} but the name after it runs on past "
                                    f"{obj.text!r} into words no list knows")
                continue
            if obj is None and kind in ("hosts", "chair_of") and re.match(
                    r"\s*(?:virtual|secara virtual)?\s*(?:sekaligus|,|\.|$)", after):
                obj = self.last_event_before(m.start()) if kind == "hosts" else None
            if obj is None:
                self.why(m.start(), f"{kind}: {word!r} but no body or meeting right after it")
                continue
            if kind == "member_of" and obj.type == "Event":
                continue
            # The actor: who "which"/"yang" points back to, else the clause's first actor.
            # "X, sosok yang seperti dirinya juga duduk sebagai anggota Y": who "yang" points
            # back to, a few words before the role.
            rel = re.search(r"(?:,\s*which|,\s*who|\byang)\s+(?:[\w\-]+\s+){0,6}$",
                            text[a:m.start()])
            subj = None
            if rel:
                cands = [x for x in self.actors(a, a + rel.start()) if x.type in ACTORS]
                subj = cands[-1] if cands else None
            if subj is None:
                subj = self.first_actor(a, m.start(), ("Person", "Country")) or \
                    self.first_actor(a, m.start())
            if subj is not None and subj.type not in ("Person", "Country") and re.search(
                    r"(?:member of|anggota|Ketua|[Cc]hair of|tuan rumah|host of)\s+"
                    r"(?:the\s+)?$", text[max(sa, subj.start - 25):subj.start]):
                # A body that is itself the object of a role in the same enumeration ("member
                # of the X, member of the Y") is not who holds the next role: the enumeration's
                # owner is ("Indonesia's roles ... include"), or nobody we can tell.
                subj = self._roles_owner(sa, m.start())
            if subj is None:
                subj = self._roles_owner(sa, m.start())
            if subj is None:
                # "Sebagai pemegang Presidensi G20 tahun 2022, Indonesia ..."
                # "..., ketika mengemban amanah sebagai ketua ICMM, Indonesia akan ...": the
                # actor comes after the role it holds.
                if re.match(r"\s*Sebagai\b|\s*As\b", text[a:m.start()]):
                    subj = next((x for x in self.actors(obj.end, b) if x.type != "Event"), None)
                elif re.search(r"\b(?:sebagai|as)\s+(?:the\s+)?$",
                               text[max(a, m.start() - 14):m.start()]):
                    after = self.actors(obj.end, b)
                    if after and after[0].type in ("Country", "Person") and re.fullmatch(
                            r"\s*,\s*", text[obj.end:after[0].start]):
                        subj = after[0]
            if subj is None or subj.key == obj.key:
                self.why(m.start(), f"{kind}: {word!r} but no actor before it holds the role")
                continue
            if kind == "hosts" and subj.type == "Person":
                continue
            if kind == "hosts":
                two = self.actors(a, m.start())
                if len([x for x in two if x.type in ("Country", "Organization")]) > 1 and \
                        re.search(r"\b(?:dan|and)\b", text[two[0].end:two[1].start]):
                    continue
            window_end = min(limit, obj.end + 70)
            periods = self.periods(obj.end, window_end) if kind != "hosts" else []
            span = (sa, sb)
            since = _SINCE.search(text, sa, sb) if not periods and kind != "hosts" else None
            if since:
                self.add(FactRec(kind, subj.key, obj.key, f"{kind}-trigger", span, 0.8,
                                 start=since.group(1)))
                continue
            if not periods:
                self.add(FactRec(kind, subj.key, obj.key, f"{kind}-trigger", span, 0.8,
                                 date=self.event_date(obj, span) if kind == "hosts" else None))
            for y1, y2 in periods:
                self.add(FactRec(kind, subj.key, obj.key, f"{kind}-trigger-period", span, 0.85,
                                 start=y1, end=y2))
            if kind == "chair_of" and obj.type == "Event":
                ev = self.doc.entities[obj.key]
                self.add(FactRec("participated_in", subj.key, obj.key, "chair-attends", span,
                                 0.7, date=ev.date))

    def _roles_owner(self, sa: int, a: int):  # noqa: ANN202 - a mention or None
        """The country or person whose roles a sentence lists: "Indonesia's roles in
        multilateral forums include ...", "Peran aktif Indonesia ... antara lain ..."."""
        for x in self.doc.outer_mentions(sa, a):  # "Indonesia's" too, unlike actors()
            if x.type not in ("Country", "Person"):
                continue
            after = self.text[x.end:x.end + 40]
            before = self.text[max(sa, x.start - 20):x.start]
            if re.match(r"['’]s\s+(?:\w+\s+)?(?:roles?|positions?|seats?)\b", after) or \
                    re.search(r"\b(?:[Pp]eran|[Kk]epemimpinan)(?:\s+\w+){0,3}\s+$", before):
                return x
        return None

    def passive_chair(self, sa: int, sb: int, a: int, b: int) -> None:
        """'chaired by X', 'dipimpin langsung oleh X', 'co-led by A and B', 'hosted by X'."""
        text = self.text
        if text.find("by", a, b) < 0 and text.find("oleh", a, b) < 0 and \
                text.find("diketuai", a, b) < 0:
            return  # no word of the passive
        for m in _PASSIVE_CHAIR.finditer(text, a, b):
            verb = m.group("verb")
            before = self.doc.outer_mentions(a, m.start())
            objs = [x for x in before if x.type in BODIES + ("Event",)]
            pre = text[max(a, m.start() - 40):m.start()]
            if re.search(r"(?:[Dd]elegasi|[Dd]elegation)\b[^,.]*$", pre):
                continue
            # "Delegasi RI pada pertemuan X, Rabu (18/8), dipimpin oleh Y": Y leads the
            # delegation, not the meeting; leading a delegation is taking part (spec 12).
            delegation = re.match(r"\s*(?:The\s+|the\s+)?(?:[\w'’\-]+\s+){0,2}?"
                                  r"(?:[Dd]elegasi|[Dd]elegation)\b",
                                  text[a:m.start()]) is not None
            if not objs:
                if _ANAPHOR_EVENT.match(text, a) or re.compile(
                        r"\s*(?:Pertemuan|Sidang|The meeting|The session)").match(text, a):
                    obj = self.anaphoric_event(a)
                else:
                    obj = self.definite_body(a, m.start())  # "The Fund is hosted by ..."
            else:
                obj = objs[-1] if "led" in verb else objs[0]
            if obj is None:
                continue
            subjects = []
            pos = m.end()
            for x in self.doc.outer_mentions(pos, b):
                between = text[pos:x.start]
                gap = r"\s*(?:,|and|dan|&)?\s*(?:the\s+)?"
                if x.type == "Person":
                    gap += r"(?:[A-Z][\w.'’\-]*\s+){0,6}"
                if not re.fullmatch(gap, between) and subjects:
                    break
                if x.type in ACTORS and not self.in_post(x):
                    subjects.append(x)
                    pos = x.end
                elif x.type in ACTORS:
                    continue
                else:
                    break
            kind = "hosts" if verb.startswith(("hosted", "diselenggarakan")) else "chair_of"
            if delegation and kind == "chair_of":
                for s in subjects:
                    if obj.type == "Event":
                        ev = self.doc.entities[obj.key]
                        self.add(FactRec("participated_in", s.key, obj.key, "leads-delegation",
                                         (sa, sb), 0.75, date=ev.date))
                continue
            for s in subjects:
                if kind == "hosts" and s.type == "Person":
                    continue
                self.add(FactRec(kind, s.key, obj.key, f"{kind}-passive", (sa, sb), 0.8))
                if kind == "chair_of" and obj.type == "Event":
                    ev = self.doc.entities[obj.key]
                    self.add(FactRec("participated_in", s.key, obj.key, "chair-attends",
                                     (sa, sb), 0.7, date=ev.date))

    def english_presidency(self, a: int, b: int) -> None:
        """"its 2022 G20 Presidency", "Indonesia's ASEAN Chairmanship in 2023",
        "the G20 presidencies of Saudi Arabia in 2020 and Italy in 2021",
        "India will take over the G20 Presidency"."""
        text = self.text
        if text.find("residen", a, b) < 0 and text.find("hairmanship", a, b) < 0:
            return  # neither word is in the sentence
        for m in re.finditer(r"(?<![\w\-])(?:Presidency|Chairmanship|presidency|chairmanship|"
                             r"presidencies)(?![\w\-])", text[a:b]):
            t0, t1 = a + m.start(), a + m.end()
            before = self.doc.outer_mentions(a, t0)
            bodies = [x for x in before if x.type in BODIES and
                      re.fullmatch(r"\s*", text[x.end:t0])]
            if not bodies:
                continue
            body = bodies[-1]
            head = text[a:body.start]
            tail = text[t1:b]
            if m.group(0) == "presidencies":
                for cm in re.finditer(r"(?:of\s+|,\s*|and\s+)([A-Z][\w ]+?)\s+in\s+((?:19|20)\d\d)",
                                      tail):
                    c = self.doc.mention_at(t1 + cm.start(1), ("Country",))
                    if c is not None:
                        self.add(FactRec("chair_of", c.key, body.key, "presidency-of",
                                         (a, b), 0.85, start=cm.group(2), end=cm.group(2)))
                continue
            year = re.search(r"((?:19|20)\d\d)\s*$", head) or re.match(
                r"\s+in\s+((?:19|20)\d\d)", tail)
            owner = None
            pm = re.search(r"([A-Z][\w .]*?)['’]s?\s+(?:(?:19|20)\d\d\s+)?$", head)
            if pm:
                owner = self.doc.mention_at(a + pm.start(1), ("Country",))
            elif re.search(r"\b(?:its|their)\s+(?:(?:19|20)\d\d\s+)?$", head):
                owner = self.first_actor(a, body.start, ("Country",))
            else:
                tk = re.search(r"([A-Z][\w]+)\s+(?:will\s+)?(?:take|takes|took)\s+over\s+"
                               r"(?:the\s+)?$", head)
                if tk:
                    owner = self.doc.mention_at(a + tk.start(1), ("Country",))
            if owner is None:
                continue
            y = year.group(1) if year else None
            self.add(FactRec("chair_of", owner.key, body.key, "presidency-owner", (a, b), 0.85,
                             start=y, end=y))

    def member_lists(self, a: int, b: int) -> None:
        """'Forum BIMST (Brunei, Indonesia, ...)', 'ASEAN beranggotakan ... (A, B, ...)',
        'Anggotanya adalah 11 negara (...)', 'the Regional Committee has eleven members: ...'."""
        text = self.text
        if text.find("(", a, b) < 0 and text.find(":", a, b) < 0:
            return  # no parenthesis and no colon: no list
        for lm in re.finditer(r"\(([^()]{10,400})\)|:\s+([^.;]{10,400})", text[a:b]):
            la = a + (lm.start(1) if lm.group(1) else lm.start(2))
            lb = a + (lm.end(1) if lm.group(1) else lm.end(2))
            inner = self.doc.outer_mentions(la, lb)
            countries = [x for x in inner if x.type == "Country"]
            if len(countries) < 2 or len(countries) < len(inner):
                continue
            rest = text[la:lb]
            for x in countries:
                rest = rest.replace(x.text, " ")
            if re.search(r"[a-z]{3,}", re.sub(r"\b(?:dan|and|the|serta)\b", " ", rest)):
                continue
            lead = text[a:a + lm.start()]
            if lm.group(2) is not None and not re.search(r"members?\s*$|anggota\w*\s*$", lead):
                continue
            direct = [x for x in self.doc.outer_mentions(a, a + lm.start())
                      if x.type in BODIES and re.fullmatch(r"\s*", text[x.end:a + lm.start()])]
            body = None
            if direct and lm.group(1):
                body = direct[-1]
            elif re.search(r"(?:beranggotakan|anggota(?:nya)?|members?|mencakup|terdiri)",
                           lead, re.IGNORECASE):
                bodies = [x for x in self.doc.outer_mentions(a, a + lm.start())
                          if x.type in BODIES and not self.in_post(x)]
                if re.match(r"\s*(?:Anggotanya|Its members|Their members)", lead) or not bodies:
                    k = bisect.bisect_right(self._sentence_ends, a)
                    prev = self.doc.sentences[k - 1:k] if k else []
                    if prev:
                        pa, pb = prev[-1]
                        pbod = [x for x in self.doc.outer_mentions(pa, pb) if x.type in BODIES]
                        body = pbod[0] if pbod else None
                else:
                    body = bodies[-1] if re.search(r"has\s+\w+\s+members", lead) else bodies[0]
            if body is None or body.type == "Event":
                continue
            for c in countries:
                self.add(FactRec("member_of", c.key, body.key, "member-list", (a, b), 0.85))

    def list_items(self, pos: int, b: int, types: tuple[str, ...]) -> list[Mention]:
        """The mentions listed from `pos`: "A, B, C dan D", "11 negara, yakni: A, B", up to the
        first thing that is not a list item."""
        text = self.text
        intro = _LIST_INTRO.match(text, pos)
        if intro:
            pos = intro.end()
        items: list[Mention] = []
        for x in self.doc.outer_mentions(pos, b):
            if items and x.key == items[-1].key and text[items[-1].end:x.start].strip() == "(":
                continue  # "Gerakan Non-Blok (NAM)": the same body by its acronym
            gap = text[(items[-1].end if items else pos):x.start]
            gap = re.sub(r"^\s*\(\s*[\w\-]+\s*\)", "", gap) if items else gap
            if not _LIST_GAP.fullmatch(gap) and not (items and _LIST_SKIP.fullmatch(gap)):
                break
            if x.type not in types:
                break
            items.append(x)
        return items

    def acronym_body(self, a: int, b: int) -> Mention | None:
        """An acronym no list knows, as the subject of a sentence about a body ("MIKTA,
        which is made up of ..."): the body it names. Only a capitalised token of three or
        more letters that no other name covers, at the start of the clause."""
        m = _ACRONYM_SUBJECT.match(self.text, a, b)
        if m is None or self.doc.covered(m.start(1)):
            return None
        acr = m.group(1)
        from hdkg.loaders.reference import country_iso3

        if country_iso3(acr):
            return None
        e = self.doc.entity(f"O:{acr.lower()}", "Forum", acr, m.start(1))
        return self.doc.mention(m.start(1), m.end(1), e)

    def member_lists_lexicon(self, a: int, b: int) -> None:
        """Membership stated by a list after a body: triggers of `member_of` in the lexicon."""
        text = self.text
        for m in self.triggers.finditer("member_of", "body_then_list", a, b):
            ca, _cb = self._clause_of(a, b, m.start())
            bodies = [x for x in self.doc.outer_mentions(a, m.start())
                      if x.type in BODIES and not self.in_post(x)]
            body = bodies[0] if bodies else (self.acronym_body(a, m.start()) or
                                             self.definite_body(a, m.end()))
            if body is None:
                self.why(m.start(), f"member_of: {m.group(0)!r} but no body before it")
                continue
            items = self.list_items(m.end(), b, ("Country", "Organization"))
            if len(items) < 2 or any(x.key == body.key for x in items):
                self.why(m.start(), f"member_of: {m.group(0)!r} but no list of two or more "
                                    "states or bodies follows")
                continue
            for x in items:
                self.add(FactRec("member_of", x.key, body.key, "member-list-trigger", (a, b),
                                 0.8))
        for m in self.triggers.finditer("member_of", "members_of_named_body", a, b):
            body = self.object_after(m.end(), b, BODIES)
            if body is None:
                continue
            lead = _NAMELY.search(text, body.end, b)
            if lead is None or re.search(r"[.;]|\b(?:maupun|mitra|partners?|selain|as well as|"
                                         r"non-)", text[body.end:lead.start()]):
                continue
            items = self.list_items(lead.end(), b, ("Country",))
            if len(items) < 2:
                continue
            for x in items:
                self.add(FactRec("member_of", x.key, body.key, "member-list-named-body",
                                 (a, b), 0.8))

    def member_verbs(self, a: int, b: int) -> None:
        """'Keduanya tergabung dalam Gerakan Non-Blok (NAM) dan G-77', 'Indonesia and Peru are
        members of the Board': the actors before the verb (or the two states 'both' points
        to) are members of every body listed after it."""
        text = self.text
        verbs = [(m, ("Country", "Person")) for m in
                 self.triggers.finditer("member_of", "member_verbs", a, b)]
        verbs += [(m, ("Country",)) for m in
                  self.triggers.finditer("member_of", "state_member_verbs", a, b)]
        for m, kinds in verbs:
            ca, _cb = self._clause_of(a, b, m.start())
            bodies = self.list_items(m.end(), b, BODIES)
            if not bodies:
                self.why(m.start(), f"member_of: {m.group(0)!r} but no body right after it")
                continue
            members = [x for x in self.actors(ca, m.start()) if x.type in kinds]
            both = _BOTH_PRONOUN.search(text, ca, m.start())
            if both and len(members) < 2:
                members = [x for pair in self._both_sides(ca, m.start(), both) for x in pair]
            if not members:
                self.why(m.start(), f"member_of: {m.group(0)!r} but no member before it")
            for x in members:
                for body in bodies:
                    self.add(FactRec("member_of", x.key, body.key, "member-verb", (a, b), 0.8))

    def body_namely(self, a: int, b: int) -> None:
        """'six Asean countries, namely A, B and C', 'negara-negara ASEAN, yaitu A dan B': a
        body's member states listed after it."""
        text = self.text
        for x in self.doc.outer_mentions(a, b):
            if x.type not in BODIES or self.in_post(x):
                continue
            kind = _MEMBER_NOUN.match(text, x.end)
            if kind is None:
                continue
            lead = _NAMELY.match(text, kind.end())
            if lead is None:
                continue
            items = self.list_items(lead.end(), b, ("Country",))
            if len(items) >= 2:
                for c in items:
                    self.add(FactRec("member_of", c.key, x.key, "member-namely", (a, b), 0.8))

    def presidency(self, a: int, b: int) -> None:
        """Presidencies and chairmanships of a body by a state, said around the body's name:
        'G20 Presidensi India', 'Presidensi G20 Indonesia', "Indonesia's G20 Presidency",
        'the G20 Presidency that Indonesia holds', 'the MIKTA chairmanship was passed from
        Australia to Turkey'."""
        text = self.text
        for m in _PRESIDENCY.finditer(self.doc.words, a, b):
            body = next((x for x in self.doc.outer_mentions(max(a, m.start() - 60), m.start())
                         if x.type in BODIES and x.end >= m.start() - 1), None)
            states: list[Mention] = []
            if body is not None:
                after = self.doc.mention_at(_WS.match(text, m.end()).end(), ("Country",))
                if after is not None:
                    states = [after]  # "G20 Presidensi India"
                before = [x for x in self.doc.outer_mentions(max(a, body.start - 30), body.start)
                          if x.type == "Country" and re.fullmatch(r"['’]s\s+|\s+",
                                                                  text[x.end:body.start])]
                states += before  # "Indonesia's G20 Presidency"
                held = _HELD_BY.match(text, m.end())
                if held:
                    c = self.doc.mention_at(held.end(), ("Country",))
                    states += [c] if c else []
                passed = _PASSED.match(text, m.end())
                if passed:
                    for g in ("x", "y"):
                        c = self.doc.mention_at(passed.start(g), ("Country",))
                        states += [c] if c else []
            else:
                # "Presidensi G20 Indonesia", "Keketuaan Indonesia di ASEAN"
                first = self.doc.mention_at(_WS.match(text, m.end()).end())
                if first is None:
                    continue
                second = self.doc.mention_at(_WS.match(text, first.end).end())
                if second is None:
                    lead = re.compile(r"\s+(?:di|pada|atas|of|in)\s+").match(text, first.end)
                    second = self.doc.mention_at(lead.end()) if lead else None
                pair = {x.type: x for x in (first, second) if x is not None}
                body = pair.get("Organization") or pair.get("Forum")
                states = [pair["Country"]] if "Country" in pair else []
            if body is None:
                continue
            for c in states:
                if any(f.predicate == "chair_of" and f.subject == c.key and f.object == body.key
                       for f in self.facts):
                    continue
                # The presidency's year: right after the word, else the sentence's first
                # year after it ("... passed from Australia to Turkey, ... throughout 2022").
                year = re.search(r"\b((?:19|20)\d\d)\b", text[m.start():b])
                y = year.group(1) if year else None
                self.add(FactRec("chair_of", c.key, body.key, "presidency", (a, b), 0.8,
                                 start=y, end=y))

    def member_people(self, a: int, b: int) -> None:
        """'anggota Komisi I DPR RI Ali Mochtar Ngabalin', 'anggota Komisi I, antara lain A
        (PAN), B (Golkar)', 'members of the Board, including A and B': the people named right
        after a body's membership word are its members."""
        for m in self.triggers.finditer("member_of", "people_after_body", a, b):
            body = self.object_after(m.end(), b, BODIES)
            if body is None:
                continue
            for x in self.list_items(body.end, b, ("Person",)):
                self.add(FactRec("member_of", x.key, body.key, "member-people", (a, b), 0.8))

    def namely_lists(self, a: int, b: int) -> None:
        """'delegasi negara Plus Three, yakni Tiongkok, Jepang, dan Korea Selatan'."""
        text = self.text
        if all(text.find(w, a, b) < 0 for w in ("yakni", "yaitu", "namely")):
            return
        for m in re.finditer(r",?\s+(?:yakni|yaitu|namely)\s+", text[a:b]):
            ms, me = a + m.start(), a + m.end()
            before = [x for x in self.doc.outer_mentions(a, ms) if x.end == ms]
            if not before or before[0].type not in BODIES:
                continue
            items = []
            pos = me
            for x in self.doc.outer_mentions(me, b):
                if not re.fullmatch(r"[\s,]*(?:dan|and|serta)?\s*", text[pos:x.start]):
                    break
                if x.type != "Country":
                    break
                items.append(x)
                pos = x.end
            if len(items) >= 2:
                for c in items:
                    self.add(FactRec("member_of", c.key, before[0].key, "member-namely",
                                     (a, b), 0.8))

    # --- agreements ---------------------------------------------------------------------------

    KIND = re.compile(
        r"(?P<MoU>\bMoU\b|Nota Kesepahaman|[Nn]ota [Kk]esepahaman|[Mm]emorand(?:um|a) of "
        r"[Uu]nderstanding)|(?P<MSP>Memorandum Saling Pengertian|[Mm]emorandum saling "
        r"pengertian|\bMSP\b)|(?P<LoI>Letter of Intent|\bLoI\b|(?:Surat )?Pernyataan Kehendak)|"
        r"(?P<PlanOfAction>Plan of Action|\bPoA\b|Rencana Aksi)|(?P<JointStatement>Joint "
        r"Statement|Pernyataan Bersama)|(?P<Declaration>Deklarasi [A-Z]\w+|[A-Z]\w+ "
        r"Declaration)|(?P<Agreement>Perjanjian [A-Z]\w+|Agreement on)")
    SIGN = re.compile(r"(?<![\w\-])(?:menandatangani|meneken|diteken|ditandatangani|[Tt]eken|"
                      r"membubuhkan tanda tangan|menyepakati|disepakati|signed|menghasilkan|"
                      r"diperpanjang|agreed|concluded|bersepakat|sepakat|put their signatures|"
                      r"[Pp]enandatanganan(?:nya)?)(?![\w\-])")

    def agreements(self, a: int, b: int) -> None:
        text = self.text
        low = text[a:b].lower()
        if not any(k in low for k in _AGREEMENT_KEYS):
            return  # no kind of agreement and no signing named: nothing to read here
        km = self.KIND.search(text, a, b)
        if km is None:
            # "Penandatanganannya dilakukan Menteri A dengan Menteri B": the agreement is the
            # one the sentence before names.
            if not _SIGNING_NOUN.search(text, a, b):
                return
            km = None
            pos = a
            for _ in range(3):  # "MoU pertama ... . Lewat kesepakatan ini ... .
                prev = self.sentence_before(pos)  # Penandatanganannya dilakukan ..."
                if prev is None:
                    break
                km = self.KIND.search(text, *prev)
                if km is not None:
                    break
                pos = prev[0]
            if km is None:
                return
            km = _Anchor(km, a)
        kind = km.lastgroup
        if kind == "Declaration" and not re.search(r"\b(?:menyepakati|signed|agreed)\b",
                                                    text[a:b]):
            return
        sign = self.SIGN.search(text, a, b)
        between = re.search(r"(?<![\w\-])(?:antara|between)\s+", text[km.start():b])
        if re.search(r"\b(?:rancangan|draft|akan ditandatangani|to be signed)\b", text[a:b]):
            self.why(km.start(), "agreement_with: a draft or an agreement still to be signed")
            return
        if re.search(r"\b\d+\s+(?:MoU|nota)", text[a:b]) and not re.search(
                r"dengan\s+[A-Z]|with\s+[A-Z]|antara|between", text[a:b]):
            return
        parties: list[tuple[Mention, Mention]] = []
        if between:
            pos = km.start() + between.end()
            pair = self._pair(pos, b)
            if pair:
                parties.append(pair)
        if not parties and sign is None and not re.search(r"tersebut|\bini\b", text[a:b]):
            return
        if not parties:
            anaphor = re.search(r"(?:MoU|MSP|nota kesepahaman|memorandum|LoI)\s+(?:tersebut|ini)",
                                text[a:b], re.IGNORECASE)
            if anaphor and self.facts:
                prev = [f for f in self.facts if f.predicate == "agreement_with"]
                if prev and self.sentence_dates(a, b):
                    last = prev[-1]
                    if last.extra.get("fallback_date"):
                        last.date = self.sentence_dates(a, b)[0]
                        last.extra["fallback_date"] = False
                        return
        if not parties:
            parties.extend(self._dengan(a, b, km))
        if not parties and sign is not None:
            parties.extend(self._joint_signers(a, sign.start()))
        if not parties and sign is not None:
            parties.extend(self._both_sides(a, sign.start()))
        if not parties and sign is not None:
            parties.extend(self._signers(a, b, sign.start(), sign.end()))
        if not parties:
            self.why(km.start(), f"agreement_with: {km.group(0)!r} but its two parties are not "
                                 "named ('antara/between', 'dengan/with', two signers, 'both "
                                 "sides')")
            return
        dates = self.agreement_dates(a, b)
        fallback = False
        if not dates:
            dates = [str(self.doc.year)] if self.doc.year else [None]
            fallback = True
        title = km.group(0) if kind in ("Declaration", "Agreement") else None
        for s, o in parties:
            if s.key == o.key:
                continue
            for d in dates[:2] if not fallback else dates:
                info = {"kind": kind, "title": title, "date": None if fallback else d,
                        "signatories": self._signatories(a, b, s, o), "fields": []}
                self.add(FactRec("agreement_with", s.key, o.key, "agreement", (a, b),
                                 0.7 if fallback else 0.85, date=d, agreement=info,
                                 extra={"fallback_date": fallback}))

    def _party(self, m: Mention) -> Mention | None:
        if m.type in ("Country", "Organization", "Forum"):
            return m
        if m.type == "Person":
            post = m.post if m.post and m.post.object else None
            if post is None and m.key in self._person_post:
                post = self._person_post[m.key].post
            if post is not None and post.object:
                e = self.doc.entities[post.object]
                return Mention(m.start, m.end, e.key, e.type, e.name)
        return None

    def _pair(self, pos: int, b: int) -> tuple[Mention, Mention] | None:
        text = self.text
        found = []
        both = _BOTH.match(text, pos)
        if both and not re.match(r"kedua (?:kementerian|negara|pihak)\b", both.group(0)):
            # "antara kedua organisasi tersebut", "between the two countries"
            pairs = self._both_sides(pos, pos + len(both.group(0)), both)
            return pairs[0] if pairs else None
        kedua = re.compile(r"kedua (kementerian|negara|pihak)").match(text, pos)
        if kedua:
            want = "Organization" if kedua.group(1) == "kementerian" else "Country"
            seen: list[str] = []
            if self._by_start_desc is None:
                self._by_start_desc = sorted(self.doc.mentions, key=lambda m: -m.start)
                self._desc_keys = [-m.start for m in self._by_start_desc]
            for i in range(bisect.bisect_right(self._desc_keys, -pos), len(self._desc_keys)):
                m = self._by_start_desc[i]
                if m.start < pos and m.type == want and m.key not in seen and \
                        (want == "Country" or m.key.startswith(("M:", "B:kemenkes"))):
                    seen.append(m.key)
                if len(seen) == 2:
                    break
            if len(seen) == 2:
                e1, e2 = self.doc.entities[seen[1]], self.doc.entities[seen[0]]
                return (Mention(pos, pos, e1.key, e1.type, e1.name),
                        Mention(pos, pos, e2.key, e2.type, e2.name))
            return None
        for m in self.doc.outer_mentions(pos, b):
            if found and not re.fullmatch(r"[\s,]*(?:dan|and|&|dengan|with)?\s*(?:the\s+)?"
                                          r"(?:Pemerintah\s+)?" + _PARTY_TITLE,
                                          text[found[-1].end:m.start]):
                break
            if not found and not re.fullmatch(r"\s*(?:the\s+)?(?:Pemerintah\s+|Government of\s+)?"
                                              + _PARTY_TITLE, text[pos:m.start]):
                break
            if m.type == "Event":
                break
            p = self._party(m)
            if p is None:
                if m.type == "Person":
                    continue
                break
            found.append(m if m.type != "Person" else Mention(m.start, m.end, p.key, p.type,
                                                              p.text))
            if len(found) == 2:
                f0, f1 = found
                return (self._party(f0) or f0, self._party(f1) or f1)
        return None

    def _dengan(self, a: int, b: int, km: re.Match) -> list[tuple[Mention, Mention]]:
        text = self.text
        dm = re.compile(r".{0,80}?\b(?:masing-masing\s+)?(?:dengan|with)\s+").match(
            text, km.end())
        if dm is None or dm.end() > b:
            return []
        sign = self.SIGN.search(text, a, b)
        signer_limit = sign.start() if sign and sign.start() < km.start() else km.start()
        cands = [x for x in self.actors(a, signer_limit) if x.type != "Event"]
        if not cands:
            return []
        signer = self._party(cands[-1])
        if signer is None:
            return []
        pos = dm.end()
        pm = re.compile(r"[^().,;]{0,60}\(([^()]+)\)").match(text, pos)
        items: list[Mention] = []
        if pm:
            inner = [x for x in self.doc.outer_mentions(pm.start(1), pm.end(1))
                     if x.type in ("Organization", "Forum", "Country")]
            if len(inner) >= 2:
                items = inner
        if not items:
            for m in self.doc.outer_mentions(pos, b):
                gap = text[(items[-1].end if items else pos):m.start]
                if not re.fullmatch(r"[\s,]*(?:dan|and|serta)?\s*(?:the\s+)?", gap):
                    break
                if m.type in ("Country", "Organization", "Forum"):
                    items.append(m)
                else:
                    break
        return [(signer, x) for x in items]

    def _joint_signers(self, a: int, s0: int) -> list[tuple[Mention, Mention]]:
        """'Kemenkes dan Kementerian Kesehatan Vietnam menandatangani ...', 'Pemerintah
        Indonesia dan Brunei Darussalam bersepakat ...': the two parties that open the
        clause of the verb of signing or agreeing."""
        ca, _cb = self._clause_of(a, self.sentence_of(a)[1], s0)
        acts = [x for x in self.actors(ca, s0) if x.type in ("Country", "Organization")]
        if len(acts) >= 2 and re.fullmatch(r"\s*(?:dan|and|&)\s*(?:Pemerintah\s+|the\s+)?",
                                           self.text[acts[0].end:acts[1].start]) \
                and re.fullmatch(r"\s*(?:(?:The\s+|Pemerintah\s+|the\s+governments?\s+of\s+|"
                                 r"Delegasi\s+)?)", self.text[ca:acts[0].start]):
            return [(acts[0], acts[1])]
        return []

    def _both_sides(self, a: int, s0: int, m: re.Match | None = None
                    ) -> list[tuple[Mention, Mention]]:
        """'both sides signed ...', 'kedua negara menandatangani ...': the last two states
        (or bodies) the text named before."""
        m = m or _BOTH.search(self.text, a, s0)
        if m is None:
            return []
        noun = m.group(0).lower()
        if re.search(r"negara|countries|states|nations|governments|pemerintah", noun):
            fits = lambda x: x.type == "Country"  # noqa: E731
        elif re.search(r"kementerian|ministries", noun):
            fits = lambda x: x.key.startswith(("M:", "B:kemen"))  # noqa: E731
        elif re.search(r"organi|lembaga", noun):
            fits = lambda x: x.type == "Organization"  # noqa: E731
        else:
            fits = lambda x: x.type in ("Country", "Organization")  # noqa: E731
        seen: list[Mention] = []
        for x in reversed(self.doc.mentions_in(max(0, m.start() - _RECALL), m.start())):
            if not fits(x) or self.in_post(x):
                continue
            if x.key not in [y.key for y in seen]:
                seen.append(x)
            if len(seen) == 2:
                return [(seen[1], seen[0])]
        return []

    def agreement_dates(self, a: int, b: int) -> list[str]:
        """The dates an agreement sentence gives, in order: full dates and months, and the
        years of 'signed in 2013', 'diteken ... pada 2015' that no date already gives."""
        found = [(d.start, d.value) for d in self.dates_in(a, b)]
        years = {v[:4] for _p, v in found}
        found += [(m.start(1), m.group(1)) for m in _SIGN_YEAR.finditer(self.text, a, b)
                  if m.group(1) not in years]  # "... replaced the MoU signed in 2013"
        return [v for _p, v in sorted(found)]

    def _signers(self, a: int, b: int, s0: int, s1: int) -> list[tuple[Mention, Mention]]:
        """Parties from the posts of the people who signed: 'Menteri A dan Menteri B
        menandatangani', '... ditandatangani ... oleh Menkes RI ... dan Menteri X'."""
        people = [x for x in self.doc.outer_mentions(a, b) if x.type == "Person"]
        parties: list[Mention] = []
        for p in people:
            q = self._party(p)
            if q is not None and q.key not in [x.key for x in parties]:
                parties.append(q)
        passive = re.match(r"di", self.text[s0:s1])
        if len(parties) < 2 and passive:
            after = [x for x in self.doc.outer_mentions(s1, b) if x.type in BODIES]
            if len(after) >= 2:
                return [(after[0], after[1])]
        if len(parties) == 2:
            return [(parties[0], parties[1])]
        return []

    def _signatories(self, a: int, b: int, s: Mention, o: Mention) -> list[dict]:
        out = []
        for p in self.doc.outer_mentions(a, b):
            if p.type != "Person":
                continue
            q = self._party(p)
            if q is not None and q.key in (s.key, o.key):
                out.append({"name": self.doc.entities[p.key].name,
                            "party": self.doc.entities[q.key].name})
        return out

    # --- participation ------------------------------------------------------------------------

    def participation(self, a: int, b: int) -> None:
        """Who takes part in a meeting: the actor of a verb of taking part ("menghadiri",
        "membuka", "spoke at"), and everyone listed after a list trigger ("dihadiri oleh",
        "beranggotakan", "attended by", "delegations from"). The meeting is the one the
        trigger governs, else the one the sentence names, else the one the text is about."""
        text = self.text
        here = [m for m in self.doc.outer_mentions(a, b) if m.type == "Event"]
        if not here and not self.triggers.any("participated_in", a, b):
            return  # no meeting named and no word of taking part: nothing to read here
        for m in self.triggers.finditer("participated_in", "actor_verbs", a, b):
            ca, cb = self._clause_of(a, b, m.start())
            obj = self.object_after(m.end(), cb, ("Event",)) or self._event_for(a, here, m)
            if obj is None:
                self.why(m.start(), f"participated_in: {m.group(0)!r} but no meeting is named "
                                    "in the sentence, before it, or as the text's event")
                continue
            subjects = self._subjects(ca, m.start())
            if not subjects:
                self.why(m.start(), f"participated_in: {m.group(0)!r} but nobody is named "
                                    "before it in its clause")
            for subj in subjects:
                self._attends(subj, obj, "attends", (a, b), 0.75)
        lists = list(self.triggers.finditer("participated_in", "list_after", a, b))
        prev = [p for p in (self.sentence_before(a),) if p]
        for m in self.triggers.finditer("participated_in", "delegation_members", a, b):
            ca, _cb = self._clause_of(a, b, m.start())
            # "Delegasi RI ... beranggotakan ...", or "Anggotanya berasal dari ..." after a
            # sentence about the delegation.
            if _DELEGATION.search(text, ca, m.start()) or (
                    m.start() == ca + len(text[ca:m.start()]) and not text[ca:m.start()].strip()
                    and prev and _DELEGATION.search(text, *prev[-1])):
                lists.append(m)
        self.meetings(a, b, here)
        self.at_event(a, b, here)
        self.named_parties(a, b, here)
        for m in lists:
            obj = self._event_for(a, here, m)
            if obj is None:
                self.why(m.start(), f"participated_in: list after {m.group(0)!r} but no meeting "
                                    "is named in the sentence, before it, or as the text's event")
                continue
            for x in self.actors(m.end(), b):
                if self._titles_someone(x, posts=False):
                    continue  # "di bawah pimpinan Mayjen TNI dr ...": TNI is his title's
                if x.type == "Person" or (x.type in ("Country", "Organization") and
                                          _LIST_ITEM.search(text[max(m.end(), x.start - 60):
                                                                 x.start])):
                    self._attends(x, obj, "attendance-list", (a, b), 0.7)

    def named_parties(self, a: int, b: int, here: list[Mention]) -> None:
        """'pertemuan kenegaraan Presiden Joko Widodo dengan Perdana Menteri PNG James Marape',
        'a bilateral meeting between A and B': the people an unnamed meeting is named by
        take part in it."""
        text = self.text
        for ev in here:
            if not self.doc.entities[ev.key].name[:1].islower():
                continue
            lead = re.compile(r"\s*(?:antara\s+|between\s+)?").match(text, ev.end)
            people = [x for x in self.doc.outer_mentions(lead.end(), min(b, lead.end() + 160))
                      if x.type == "Person"]
            if len(people) < 2:
                continue
            first, second = people[0], people[1]
            if self._post_words_only(lead.end(), first.start) and \
                    re.search(r"\b(?:dengan|dan|and|with)\b", text[first.end:second.start]) and \
                    self._post_words_only(first.end, second.start, joins=True):
                for x in (first, second):
                    self._attends(x, ev, "meeting-named-by", (a, b), 0.7)

    def _post_words_only(self, a: int, b: int, joins: bool = False) -> bool:
        """Whether text[a:b] holds only titles, posts, states and joining words."""
        gap = self.text[a:b]
        for x in self.doc.outer_mentions(a, b):
            gap = gap.replace(x.text, " ")
        words = re.findall(r"[^\W\d_][\w\-]*", gap)
        allowed = {"dengan", "dan", "and", "with", "of", "for", "the"} if joins else set()
        return all(w in W.POST_WORDS or w in allowed or w.isupper() for w in words)

    def at_event(self, a: int, b: int, here: list[Mention]) -> None:
        """'Dalam KTT NAM di Uganda, Indonesia dan Kuba menyuarakan ...', 'At the summit, A and
        B agreed ...': the actors who open the main clause after a meeting set as the scene
        act at it."""
        text = self.text
        lead = _AT_SCENE.match(text, a, b)
        if lead is None:
            return
        ev = next((x for x in here if lead.end() <= x.start <= lead.end() + 60), None)
        if ev is None or re.search(r"[,.;]", text[lead.end():ev.start]):
            return
        comma = text.find(",", ev.end, b)
        if comma < 0 or re.search(r"[.;]", text[ev.end:comma]):
            return
        actors: list[Mention] = []
        pos = _WS.match(text, comma + 1).end()
        for x in self.doc.outer_mentions(pos, b):
            gap = text[(actors[-1].end if actors else pos):x.start]
            if not re.fullmatch(r"\s*(?:,|dan|and|serta|&)?\s*(?:the\s+|delegasi\s+)?", gap):
                break
            if x.type not in ("Country", "Person", "Organization"):
                break
            actors.append(x)
        for x in actors:
            self._attends(x, ev, "at-the-meeting", (a, b), 0.65)

    def meetings(self, a: int, b: int, here: list[Mention]) -> None:
        """Both sides of 'A bertemu B' / 'A met B' take part in the meeting the sentence names;
        without a named meeting in the sentence, nothing is said."""
        text = self.text
        for m in self.triggers.finditer("participated_in", "meeting_verbs", a, b):
            if not here:
                self.why(m.start(), f"participated_in: {m.group(0)!r} but the sentence names no "
                                    "meeting: an unnamed meeting gives no fact")
                return
            after = [x for x in here if x.start >= m.start()]
            obj = after[0] if after else here[-1]
            ca, _cb = self._clause_of(a, b, m.start())
            sides = self._subjects(ca, m.start())
            stop = obj.start if obj.start > m.end() else b
            for x in self.actors(m.end(), stop):
                if self._titles_someone(x):
                    continue  # "dengan Ketua ICMM", "Mayjen TNI dr ...": a title's body
                if x.type in ("Person", "Country") or (
                        x.type == "Organization" and _LIST_ITEM.search(
                            text[max(m.end(), x.start - 60):x.start])):
                    sides.append(x)
            for x in sides:
                self._attends(x, obj, "meeting-sides", (a, b), 0.7)

    def _cut_short(self, obj: Mention) -> bool:
        """A name that goes on in capitalised words no list knows ("chair WHO Eastern
        Mediterranean regional body"): the mention is only the start of what is named."""
        nxt = re.match(r"[ \t]+([A-Z][a-z][\w\-]*)", self.text[obj.end:obj.end + 40])
        if nxt is None:
            return False
        word = nxt.group(1)
        if word in W.STOP_CAPS or self.doc.mention_at(obj.end + nxt.start(1)) is not None:
            return False
        return not self.doc.in_headline(obj.start) or word not in W.NAME_STOP

    def _titles_someone(self, x: Mention, posts: bool = True) -> bool:
        """A body named as part of someone's title: right before a name ("Mayjen TNI dr
        Daniel Tjen"), or, with `posts`, right after a post word ("bertemu dengan Ketua
        ICMM": the chair met, not the body; a delegation's list names units by their heads
        instead, "didampingi Kepala Biro X", and keeps them)."""
        if x.type == "Person":
            return False
        before = self.text[max(0, x.start - 25):x.start]
        if posts and _TITLE_BEFORE.search(before):
            return True
        after = self.doc.outer_mentions(x.end, min(len(self.text), x.end + 12))
        return bool(after and after[0].type == "Person" and
                    re.fullmatch(r"\s+(?:(?:dr|Dr|drg|Prof)\.?\s+)*",
                                 self.text[x.end:after[0].start]))

    def _attends(self, subj: Mention, obj: Mention, rule: str, span: tuple[int, int],
                 confidence: float) -> None:
        self.add(FactRec("participated_in", subj.key, obj.key, rule, span, confidence,
                         date=self.event_date(obj, span)))

    def event_date(self, obj: Mention, span: tuple[int, int]) -> str | None:
        """The date of a meeting for a fact about it (spec rule 15): its own, else the date
        the fact's sentence gives, else the sentence before's (for a meeting other than the
        text's own), else, for the event the whole text reports, the text's first full
        date."""
        ev = self.doc.entities[obj.key]
        if ev.type != "Event":
            return None
        if ev.date is not None:
            return ev.date
        dates = [d.value for d in self.dates_in(*span)]
        if dates:  # "The opening ceremony, held on Monday, August 28, 2017, ..."
            return dates[0]
        main = self.main_event()
        prev = self.sentence_before(span[0])
        if prev is not None and (main is None or main.key != obj.key):
            # "Pada 1 Maret 2017, ... . Penandatanganan tersebut berlangsung seusai pertemuan
            # bilateral ...": the occasion of the sentence before.
            before = [d for d in self.dates_in(*prev) if d.has_year]
            if before:
                return before[-1].value
        if main is not None and main.key == obj.key:
            return next((d.value for d in self.doc.dates if d.has_year), None)
        return None

    def _clause_of(self, a: int, b: int, pos: int) -> tuple[int, int]:
        for ca, cb in self.clauses(a, b):
            if ca <= pos < cb:
                return ca, cb
        return a, b

    def _event_for(self, a: int, here: list[Mention], trigger: re.Match) -> Mention | None:
        """The meeting a trigger is about: the nearest one named in its sentence (before the
        trigger first: "Sidang X ... diikuti oleh"), else the last one named before."""
        before = [x for x in here if x.end <= trigger.start()]
        after = [x for x in here if x.start >= trigger.end()]
        # A named meeting before an unnamed one: "Di sela pertemuan WHA, Menkes menjalani
        # pertemuan bilateral dengan didampingi X" is about the Assembly.
        named = [x for x in before if not self.doc.entities[x.key].name[:1].islower()]
        if named:
            return named[-1]
        if before:
            return before[-1]
        if after:
            return after[0]
        return self.current_event(a)

    def current_event(self, a: int) -> Mention | None:
        """The meeting a sentence without one is about: the one the sentence before names,
        else the one the text is about (named most often, first on a tie)."""
        prev = [p for p in (self.sentence_before(a),) if p]
        if prev:
            named = [m for m in self.doc.outer_mentions(*prev[-1]) if m.type == "Event"]
            if named and not _THIS_TIME.search(self.text, a, self.sentence_of(a)[1]):
                return named[-1]
        return self.main_event()

    def main_event(self) -> Mention | None:
        if not hasattr(self, "_main_event"):
            counts: dict[str, int] = {}
            first: dict[str, Mention] = {}
            body = [s for s in self.doc.sentences if not self.doc.in_headline(s[0])]
            lead_end = body[1][1] if len(body) > 1 else (body[0][1] if body else 0)
            for m in self._events:
                # A headline names the text's event too, but counts for less than its body;
                # the lead (the first two sentences of the body) names it first.
                counts[m.key] = counts.get(m.key, 0) + (1 if self.doc.in_headline(m.start)
                                                        else 2)
                if not self.doc.in_headline(m.start) and m.start < lead_end and \
                        m.key not in first:
                    counts[m.key] += 3
                first.setdefault(m.key, m)
            # A named meeting is what a text reports; an unnamed one ("pertemuan bilateral")
            # only where nothing is named.
            best = max(counts, key=lambda k: (not first[k].text[:1].islower() and
                                              not self.doc.entities[k].name[:1].islower(),
                                              counts[k], -first[k].start), default=None)
            self._main_event = first[best] if best else None
        return self._main_event

    def _subjects(self, ca: int, pos: int) -> list[Mention]:
        """Who does what the verb at `pos` says: the people named in the clause before it
        ("Menkes Budi didampingi Wamenkes Dante menghadiri"), else its first actor, else a
        bare title standing for a person of the text ("Menkes membuka ...")."""
        acts = [x for x in self.actors(ca, pos) if x.type != "Event"]
        people = [x for x in acts if x.type == "Person"]
        if people:
            # "Dr X from the UNFPA presented ...": the body the speaker comes from takes part.
            homes = [x for x in acts if x.type == "Organization" and re.search(
                r"\b(?:from|dari)\s+(?:the\s+)?$", self.text[max(ca, x.start - 12):x.start])]
            return people + homes
        if acts and acts[0].type in ("Country", "Organization"):
            return acts[:1]
        person = self._bare_title(ca, pos)
        return [person] if person is not None else []

    def _bare_title(self, a: int, b: int) -> Mention | None:
        """'Menkes', 'the Minister': the one person of the text who holds that post."""
        for m in _BARE_TITLE.finditer(self.text, a, b):
            word = m.group(0)
            title = SHORT_POSTS.get(word, word)
            holders = {x.key for x in self._person_post.values() if x.post
                       and x.post.role.lower().startswith(title.lower())}
            if len(holders) == 1:
                key = holders.pop()
                e = self.doc.entities[key]
                return Mention(m.start(), m.end(), key, "Person", e.name)
        return None


_ACRONYM_SUBJECT = re.compile(r"\s*(?:The\s+|the\s+)?([A-Z][A-Z0-9]{2,}(?:-\d+)?)(?![\w\-])")
# Posts that are the chair of what they name (not "Ketua Umum" of an association, a post).
_CHAIR_POST = re.compile(r"(?:Ketua|Chair|Chairman|Chairperson|Chairwoman|[Cc]o-[Cc]hair|"
                         r"President of the|Presiden Sidang)\b(?!\s+(?:Umum|Harian|Delegasi|"
                         r"Delegation|Panitia|Tim|Team))")
_MEMBER_NOUN = re.compile(r"\s+(?:member\s+)?(?:countries|states|nations|economies|members)\b|"
                          r"\s+(?:negara(?:-negara)?\s+)?anggota(?:nya)?\b")
_PRESIDENCY = PhraseSet(["Presidensi", "Presidency", "presidency", "Keketuaan", "keketuaan",
                         "Chairmanship", "chairmanship", "Chairship", "chairship"])
_HELD_BY = re.compile(r"\s+(?:that|which|yang)\s+(?:is\s+)?(?:held\s+by\s+|dipegang\s+(?:oleh\s+)?|"
                      r"diemban\s+(?:oleh\s+)?)?(?=[A-Z])")
_PASSED = re.compile(r"\s+(?:was|is|has been)\s+(?:passed|handed(?:\s+over)?|transferred)\s+"
                     r"from\s+(?P<x>[A-Z][\w\s]*?)\s+to\s+(?P<y>[A-Z])")
# The heads who speak for a party: "antara para Menkes ASEAN dan Menkes China".
_PARTY_TITLE = (r"(?:(?:para\s+)?(?:Menkes|Menteri(?:\s+Kesehatan)?|Health\s+Ministers?|Ministers?"
                r"(?:\s+of\s+Health)?|Kepala|Sekjen|Sekretaris\s+Jenderal|Secretary[- ]General)"
                r"\s+(?:of\s+(?:the\s+)?)?)?")
# Lower-case pieces one of which every agreement kind (KIND) or signing word holds: a cheap
# first look before the regexes.
_ROLE_TRIGGER = compile_guarded(
    r"(?<![\w\-])(?:(?P<chair>[Kk]etua(?:\s+Bersama)?|[Kk]eketuaan|Presidensi|[Mm]emimpin|"
    r"[Pp]impin|[Cc]o-chair(?:ed)?|[Cc]hair(?:ed|man|person)?|Convener of|kursi Ketua)"
    r"|(?P<member>[Aa]nggota|member of|a member of)"
    r"|(?P<host>tuan rumah|[Mm]enggelar|[Mm]enyelenggarakan|hosted|"
    r"(?:to |as )?host(?:s|ing)?(?: of)?))(?![\w\-])")
_PASSIVE_CHAIR = compile_guarded(
    r"(?<![\w\-])(?P<verb>(?:co-)?chaired by|co-led by|led by|dipimpin "
    r"(?:langsung\s+)?oleh|diketuai(?:\s+oleh)?|hosted by|diselenggarakan oleh)\s+")
_SINCE = re.compile(r"(?:Sejak|sejak|Since|since)\s+((?:19|20)\d\d)")
_AGREEMENT_KEYS = ("mou", "nota", "memorand", "msp", "letter of intent", "loi", "kehendak",
                   "plan of action", "poa", "rencana aksi", "joint statement",
                   "pernyataan bersama", "deklarasi", "declaration", "perjanjian", "agreement",
                   "penandatangan", "signing", "signed", "ditandatangani", "diteken")
_SIGNING_NOUN = re.compile(r"(?i)\b(?:penandatangan(?:an)?(?:nya)?|signing|signed|"
                           r"ditandatangani|diteken)\b")
_BOTH = re.compile(r"(?i)\b(?:both (?:sides|parties|countries|governments|ministries|"
                   r"organi[sz]ations)|the two (?:sides|parties|countries|governments|ministries|"
                   r"organi[sz]ations)|kedua (?:pihak|belah pihak|negara|pemerintah|kementerian|"
                   r"organisasi|lembaga))\b")
_BOTH_PRONOUN = re.compile(r"(?i)\b(?:keduanya|kedua negara|both countries|both|the two "
                           r"countries)\b")
_SIGN_YEAR = re.compile(r"(?i)\b(?:signed|concluded|diteken|ditandatangani|disepakati|"
                        r"menandatangani|meneken)\b[^.;]{0,60}?\b(?:pada|in|tahun|on)\s+"
                        r"(?:tahun\s+)?((?:19|20)\d\d)\b")
_DEFINITE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Ii]ts)\s+([A-Z]?[a-z]+)\b(?!\s+[A-Z])|"
                       r"\b([a-z]+)\s+(?:tersebut|ini|itu)\b")
_AT_SCENE = re.compile(r"\s*(?:Dalam|Pada|Di sela-sela|Di sela|Di depan|Di hadapan|Di|Saat|Selama|"
                       r"At|During|On the sidelines of|In|Before)\s+(?:the\s+|acara\s+|forum\s+)?")
_RECALL = 3000  # characters back that "the fund", "both sides" may point to
_SINCE = re.compile(r"\b(?:[Ss]ejak|[Ss]ince)\s+(?:tahun\s+)?((?:19|20)\d\d)\b")
_TITLE_BEFORE = re.compile(r"(?:Ketua|Kepala|Direktur|Sekretaris|Menteri|Chair|Head|Director|"
                           r"Secretary|Minister|Panglima|Letjen|Mayjen|Brigjen|Laksamana|"
                           r"Marsekal)\s+$")
_LIST_INTRO = re.compile(r"\s*,?\s*(?:\d+|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|"
                         r"sebelas|two|three|four|five|six|seven|eight|nine|ten|eleven)?\s*"
                         r"(?:negara|countries|states|anggota|members)?\s*,?\s*"
                         r"(?:yakni|yaitu|namely|antara lain|including|:)?\s*:?\s*", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:\([^()]{1,60}\)\s*)?(?:[,;]\s*)?(?:(?:dan|and|serta|&)\s+)?"
                       r"(?:the\s+|Republik\s+)?", re.IGNORECASE)
# An item no list knows, passed over inside a list: ", Butan, ", ", the Welcome Trust and ".
_LIST_SKIP = re.compile(r"\s*[,;]\s*(?:(?:dan|and|serta|the)\s+)?(?:[A-Z][\w'’\-&]*\s*){1,3}"
                        r"[,;]?\s*(?:(?:dan|and|serta|&)\s+)?(?:the\s+)?")
_NAMELY = re.compile(r"(?:,?\s*(?:yakni|yaitu|namely|antara lain)\s*:?|:)\s*")
_DELEGATION = re.compile(r"(?i)\b(?:delegasi|delegation|delegates|tim|team|rombongan)\b")
# A country or body that is itself an item of a list, not a word inside an item's description
# ("representatives of partner organizations and other United Nations agencies").
_LIST_ITEM = re.compile(r"(?:^|[,;:]|\b(?:dan|and|serta|as well as|oleh|by|dari|from|antara lain|"
                        r"di antaranya|termasuk|including|yakni|yaitu|namely|such as|seperti|"
                        r"selain)\b)\s*"
                        r"(?:the\s+)?(?:(?:delegasi|delegations?|perwakilan|representatives?|"
                        r"utusan|wakil(?:-wakil)?|pemerintah|government|negara)\s+"
                        r"(?:dari\s+|from\s+|of\s+)?(?:the\s+)?)?"
                        r"(?:[A-Z][\w\-]*\s+){0,4}$")
_THIS_TIME = re.compile(r"(?i)\b(?:kali ini|tahun ini|this year['’]s|this time)\b")
_BARE_TITLE = re.compile(r"(?<![\w\-])(?:Menkes|Wamenkes|Sekjen|Dirjen|Menlu|Wamenlu|Dubes|"
                         r"Menteri Kesehatan|Wakil Menteri Kesehatan)(?=\s+(?:[a-z]|RI\b|"
                         r"Indonesia\b)|[,.])")


def apply_rules(doc: DocAnalysis) -> list[FactRec]:
    """Every fact the rules read from the document, deduplicated."""
    facts = Rules(doc).run()
    return dedupe(doc, facts)


def _country_of(doc: DocAnalysis, key: str) -> str:
    e: Ent = doc.entities[key]
    if e.iso3:
        return e.iso3
    if e.country:
        return e.country
    if key in ("B:kemenkes", "B:kemenlu", "B:kemenkeu", "B:kemenko-pmk"):
        return "IDN"
    return key


def dedupe(doc: DocAnalysis, facts: list[FactRec]) -> list[FactRec]:
    """One record per fact: repeated statements merged, an undated statement of a dated
    relationship dropped."""
    out: list[FactRec] = []
    seen: set[tuple] = set()
    # An agreement dated only by the dateline gives way to a dated one of the same states.
    dated = {(frozenset((_country_of(doc, f.subject), _country_of(doc, f.object))),
              (f.date or "")[:4]) for f in facts
             if f.predicate == "agreement_with" and not f.extra.get("fallback_date")}
    # A relationship stated once with its period and once without is one fact, the dated one.
    periodic = {(f.predicate, f.subject, f.object) for f in facts
                if f.predicate in ("chair_of", "member_of") and (f.start or f.end)}
    for f in facts:
        if f.predicate in ("chair_of", "member_of") and not (f.start or f.end) and \
                (f.predicate, f.subject, f.object) in periodic:
            continue
        if f.predicate == "agreement_with" and f.extra.get("fallback_date"):
            k = (frozenset((_country_of(doc, f.subject), _country_of(doc, f.object))),
                 (f.date or "")[:4])
            if k in dated:
                continue
        ends = (f.subject, f.object)
        if f.predicate == "agreement_with":
            ends = tuple(sorted(ends))
        key = (f.predicate, *ends, (f.role or "").lower(), f.start, f.end, (f.date or "")[:4])
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out
