"""Fact rules over one analysed document. Each rule has a name (it goes on the fact as
`rule`), reads one sentence at a time and abstains when the actor or the body is unclear.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from hdkg.loaders.text.dates import find_periods
from hdkg.loaders.text.mentions import DocAnalysis, Ent, Mention

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


_CLAUSE = re.compile(r";\s+|,\s+(?:sementara|sedangkan|while|whereas|namun|but)\s+|"
                     r"\s+sementara itu,?\s+")
_ANAPHOR_EVENT = re.compile(r"\s*(?:the\s+|langsung\s+)?(?:meeting|session|conference|sidang|"
                            r"pertemuan|konferensi|forum|acara)(?:\s+(?:tersebut|ini|itu|tahun "
                            r"ini))?\b", re.IGNORECASE)


class Rules:
    """Applies every rule to a document; facts accumulate in `facts`."""

    def __init__(self, doc: DocAnalysis) -> None:
        self.doc = doc
        self.text = doc.text
        self.facts: list[FactRec] = []
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

    def clauses(self, a: int, b: int) -> list[tuple[int, int]]:
        out = []
        pos = a
        for m in _CLAUSE.finditer(self.text, a, b):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, b))
        return out

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
                         r"langsung\b|virtual\b|bersama\b|Bersama\b)*").match(self.text, pos).end()
        for m in self.doc.outer_mentions(gap, limit):
            if m.start != gap:
                break
            if m.type in types:
                return m
            break
        an = _ANAPHOR_EVENT.match(self.text, pos)
        if an and an.end() <= limit:
            return self.last_event_before(pos)
        return None

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

    def sentence_dates(self, a: int, b: int) -> list[str]:
        dates = self.doc.dates[bisect.bisect_left(self._date_starts, a):
                               bisect.bisect_left(self._date_starts, b)]
        return [d.value for d in dates if len(d.value) == 10]

    # --- rules ------------------------------------------------------------------------------

    def run(self) -> list[FactRec]:
        self.posts()
        self.part_of()
        for a, b in self.doc.sentences:
            self.member_lists(a, b)
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
            self.add(FactRec("holds_position", m.key, m.post.object, "post-name", (a, b),
                             0.9 if not m.short else 0.8, role=m.post.role))

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
            rule = "named-with-parent" if e.parent_span else "gazetteer-parent"
            self.add(FactRec("part_of", e.key, e.parent, rule, (a, b),
                             0.85 if e.parent_span else 0.75))

    def roles(self, sa: int, sb: int, a: int, b: int) -> None:
        """'Indonesia merupakan Ketua X 2020-2022', 'anggota X', 'tuan rumah X', 'memimpin X'."""
        text = self.text
        trig = re.compile(
            r"(?<![\w\-])(?:(?P<chair>Ketua(?:\s+Bersama)?|[Kk]eketuaan|Presidensi|[Mm]emimpin|"
            r"[Pp]impin|[Cc]o-chair(?:ed)?|[Cc]hair(?:ed|man|person)?|Convener of|kursi Ketua)"
            r"|(?P<member>[Aa]nggota|member of|a member of)"
            r"|(?P<host>tuan rumah|[Mm]enggelar|[Mm]enyelenggarakan|hosted))(?![\w\-])")
        since = re.search(r"(?:Sejak|sejak|Since|since)\s+((?:19|20)\d\d)", text[sa:sb])
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
            if obj is None and kind in ("hosts", "chair_of") and re.match(
                    r"\s*(?:virtual|secara virtual)?\s*(?:sekaligus|,|\.|$)", after):
                obj = self.last_event_before(m.start()) if kind == "hosts" else None
            if obj is None:
                continue
            if kind == "member_of" and obj.type == "Event":
                continue
            # The actor: who "which"/"yang" points back to, else the clause's first actor.
            rel = re.search(r"(?:,\s*which|\byang)\s+(?:had\s+|telah\s+|juga\s+)?(?:\w+\s+)?$",
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
                if re.match(r"\s*Sebagai\b|\s*As\b", text[a:m.start()]):
                    subj = next((x for x in self.actors(obj.end, b) if x.type != "Event"), None)
            if subj is None or subj.key == obj.key:
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
            if not periods and since and kind != "hosts":
                self.add(FactRec(kind, subj.key, obj.key, f"{kind}-trigger", span, 0.8,
                                 start=since.group(1)))
                continue
            if not periods:
                self.add(FactRec(kind, subj.key, obj.key, f"{kind}-trigger", span, 0.8))
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
        pat = re.compile(r"(?<![\w\-])(?P<verb>(?:co-)?chaired by|co-led by|led by|dipimpin "
                         r"(?:langsung\s+)?oleh|diketuai(?:\s+oleh)?|hosted by|diselenggarakan "
                         r"oleh)\s+")
        for m in pat.finditer(text, a, b):
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
                    ev = self.last_event_before(a)
                    obj = ev
                else:
                    obj = None
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

    def namely_lists(self, a: int, b: int) -> None:
        """'delegasi negara Plus Three, yakni Tiongkok, Jepang, dan Korea Selatan'."""
        text = self.text
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
        r"pengertian|\bMSP\b)|(?P<LoI>Letter of Intent|\bLoI\b|Surat Pernyataan Kehendak)|"
        r"(?P<PlanOfAction>Plan of Action|\bPoA\b|Rencana Aksi)|(?P<JointStatement>Joint "
        r"Statement|Pernyataan Bersama)|(?P<Declaration>Deklarasi [A-Z]\w+|[A-Z]\w+ "
        r"Declaration)|(?P<Agreement>Perjanjian [A-Z]\w+|Agreement on)")
    SIGN = re.compile(r"(?<![\w\-])(?:menandatangani|meneken|diteken|ditandatangani|[Tt]eken|"
                      r"membubuhkan tanda tangan|menyepakati|disepakati|signed|menghasilkan|"
                      r"diperpanjang|agreed|concluded)(?![\w\-])")

    def agreements(self, a: int, b: int) -> None:
        text = self.text
        km = self.KIND.search(text, a, b)
        if km is None:
            return
        kind = km.lastgroup
        if kind == "Declaration" and not re.search(r"\b(?:menyepakati|signed|agreed)\b",
                                                    text[a:b]):
            return
        sign = self.SIGN.search(text, a, b)
        between = re.search(r"(?<![\w\-])(?:antara|between)\s+", text[km.start():b])
        if re.search(r"\b(?:rancangan|draft|akan ditandatangani|to be signed)\b", text[a:b]):
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
            parties.extend(self._signers(a, b, sign.start(), sign.end()))
        if not parties:
            return
        dates = self.sentence_dates(a, b)
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
            if found and not re.fullmatch(r"[\s,]*(?:dan|and|&)?\s*(?:the\s+)?(?:Pemerintah\s+)?",
                                          text[found[-1].end:m.start]):
                break
            if not found and not re.fullmatch(r"\s*(?:the\s+)?(?:Pemerintah\s+|Government of\s+)?",
                                              text[pos:m.start]):
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
        """'Kemenkes dan Kementerian Kesehatan Vietnam menandatangani ...'."""
        acts = [x for x in self.actors(a, s0) if x.type in ("Country", "Organization")]
        if len(acts) == 2 and re.fullmatch(r"\s*(?:dan|and|&)\s*", self.text[acts[0].end:
                                                                          acts[1].start]) \
                and re.fullmatch(r"\s*(?:(?:juga|telah|resmi|pun)\s+)*", self.text[acts[1].end:s0]):
            return [(acts[0], acts[1])]
        return []

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
        """'membuka Webinar ...', 'memimpin Delegasi ... pada Sidang X', 'attended X'."""
        text = self.text
        pat = re.compile(r"(?<![\w\-])(?:membuka|menutup|menghadiri|hadir (?:dalam|pada|di)|"
                         r"mengikuti|opened|closed|attended|addressed|memimpin [Dd]elegasi[^,.]*?"
                         r"(?:pada|dalam|di|ke)|led the [^,.]*?delegation to|took part in)\s+")
        for m in pat.finditer(text, a, b):
            obj = self.object_after(m.end(), b, ("Event",))
            if obj is None:
                continue
            subj = self.first_actor(a, m.start(), ("Person", "Country", "Organization"))
            if subj is None:
                continue
            ev = self.doc.entities[obj.key]
            self.add(FactRec("participated_in", subj.key, obj.key, "attends", (a, b), 0.75,
                             date=ev.date))


def apply_rules(doc: DocAnalysis) -> list[FactRec]:
    """Every fact the rules read from the document, deduplicated."""
    facts = Rules(doc).run()
    return _dedupe(doc, facts)


def _country_of(doc: DocAnalysis, key: str) -> str:
    e: Ent = doc.entities[key]
    if e.iso3:
        return e.iso3
    if e.country:
        return e.country
    if key in ("B:kemenkes", "B:kemenlu", "B:kemenkeu", "B:kemenko-pmk"):
        return "IDN"
    return key


def _dedupe(doc: DocAnalysis, facts: list[FactRec]) -> list[FactRec]:
    out: list[FactRec] = []
    seen: set[tuple] = set()
    # An agreement dated only by the dateline gives way to a dated one of the same states.
    dated = {(frozenset((_country_of(doc, f.subject), _country_of(doc, f.object))),
              (f.date or "")[:4]) for f in facts
             if f.predicate == "agreement_with" and not f.extra.get("fallback_date")}
    for f in facts:
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
