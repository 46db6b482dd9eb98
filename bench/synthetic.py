"""Synthetic health-diplomacy inputs for tests and benchmarks, at any size, the same per seed.

The one generator of the repository (not part of the installed package; tests import it as
`bench.synthetic`, the benchmarks as `synthetic`, a file beside them):

- `generate_documents` writes press releases (Indonesian and English) with a `gold.jsonl`
  of what they state, so the extractor can be scored on text nobody annotated by hand;
- `generate_fact_records` streams `hdkg extract` records (no text needed, flat memory) for
  benchmarks of the build;
- `synthetic_graph` makes a GraphData for what skips extraction, in one of three shapes:
  `documents` (those records through the extraction loader, merged), `queries` (named like
  the real graph, so the saved queries' example parameters hit rows: the query benchmark
  and the parity tests) and `hubs` (every predicate, a few hub entities that most facts
  touch, built without validation so that a million facts take seconds: the Neo4j load
  benchmarks).

Every document is built by one `_Doc` from sentence templates ("blocks"): a block writes a
sentence and records, as it writes it, the entities it named (with the exact surface strings)
and the facts that sentence states. The gold and the extraction records are therefore true of
the text by construction, not by a second reading.

Country names come from pycountry and `data/reference/countries.yaml` (the press forms),
bodies from `data/reference/bodies.yaml` plus invented working groups under real parents;
person names are invented from syllables, never taken from the corpus.

    python bench/synthetic.py docs 200 /tmp/syn --seed 1
    python bench/synthetic.py facts 1000000 /tmp/facts.jsonl --seed 1
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import gettext
import json
import random
import string
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pycountry
import yaml

if TYPE_CHECKING:
    from hdkg.graph.model import GraphData
    from hdkg.schema.models import Entity, EntityType, Fact, Source

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"
RULE = "synthetic"
POOL_SEED = 20240601  # pools of people are the same for every seed, as real officials recur

# --- reference pools ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    iso3: str
    en: str
    id: str  # the Indonesian press form


@dataclass(frozen=True)
class Body:
    """A body of the gazetteer (gid set) or an invented one; names per language."""

    gid: str | None
    type: str
    en: str
    id: str
    acronym: str | None
    parent: Body | None


# Partners that the press names most often, most frequent first: they take most of the draws,
# as real coverage does, and the rest of ISO 3166 makes the long tail.
FREQUENT = ("IDN USA JPN CHN AUS SGP MYS THA KOR IND SAU GBR DEU NLD VNM PHL TLS BRN KHM LAO "
            "MMR FRA RUS TUR ARE QAT EGY PAK BGD IRN NZL CAN BRA ZAF NGA KEN COL ARG MEX CHE "
            "SWE NOR FIN DNK ITA ESP SDN ZWE MOZ TZA ETH MAR").split()

_INDONESIAN_WORDS = ("Kementerian", "Organisasi", "Badan", "Dewan", "Majelis", "Kelompok",
                     "Sekretariat", "Kantor", "Pertemuan", "Perserikatan", "Kerja Sama", "Biro",
                     "Direktorat", "Kesehatan")


@lru_cache(maxsize=1)
def _countries() -> tuple[tuple[Country, ...], tuple[float, ...]]:
    """All countries with a usable short name, and cumulative draw weights (Zipf head)."""
    extras = yaml.safe_load((REFERENCE / "countries.yaml").read_text(encoding="utf-8")) or {}
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    except OSError:
        tr = gettext.NullTranslations()
    out: dict[str, Country] = {}
    for c in pycountry.countries:
        extra = extras.get(c.alpha_3) or {}
        en = extra.get("name") or getattr(c, "common_name", None) or c.name
        press = [a for a in extra.get("aliases") or []
                 if not a.isupper() and not a.startswith(("Republik", "Kerajaan", "Republic",
                                                          "People", "Kingdom", "Federal"))]
        ind = "Indonesia" if c.alpha_3 == "IDN" else (press[0] if press else tr.gettext(c.name))
        if any(ch in en + ind for ch in ",()"):
            continue
        out[c.alpha_3] = Country(c.alpha_3, en, ind)
    head = [out[i] for i in FREQUENT if i in out]
    tail = [c for i, c in sorted(out.items()) if i not in FREQUENT]
    weights = [60.0 / (r + 1) ** 0.8 for r in range(len(head))] + [0.08] * len(tail)
    cum, total = [], 0.0
    for w in weights:
        total += w
        cum.append(total)
    return tuple(head + tail), tuple(cum)


@lru_cache(maxsize=1)
def _country_by_iso() -> dict[str, Country]:
    return {c.iso3: c for c in _countries()[0]}


def _indonesian_alias(entry: dict) -> str | None:
    for a in entry.get("aliases") or []:
        if any(w in a for w in _INDONESIAN_WORDS):
            return a
    return None


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, Body]:
    """The bodies of bodies.yaml, parents linked, in file order."""
    rows = yaml.safe_load((REFERENCE / "bodies.yaml").read_text(encoding="utf-8")) or []
    by_id = {r["id"]: r for r in rows}
    out: dict[str, Body] = {}

    def build(gid: str) -> Body:
        if gid not in out:
            r = by_id[gid]
            parent = build(r["parent"]) if r.get("parent") in by_id else None
            out[gid] = Body(gid, r["type"], r["name"], _indonesian_alias(r) or r["name"],
                            r.get("acronym"), parent)
        return out[gid]

    for r in rows:
        build(r["id"])
    return out


# Topics of health cooperation, (Indonesian, English).
TOPICS = (
    ("Resistansi Antimikroba", "Antimicrobial Resistance"),
    ("Kesehatan Digital", "Digital Health"),
    ("Pembiayaan Kesehatan", "Health Financing"),
    ("Obat Tradisional", "Traditional Medicine"),
    ("One Health", "One Health"),
    ("Pengembangan Farmasi", "Pharmaceutical Development"),
    ("Manajemen Bencana Bidang Kesehatan", "Disaster Health Management"),
    ("Tuberkulosis", "Tuberculosis"),
    ("Kesehatan Ibu dan Anak", "Maternal and Child Health"),
    ("Ketahanan Vaksin", "Vaccine Security"),
    ("Penyakit Tidak Menular", "Non-Communicable Diseases"),
    ("Kesehatan Jiwa", "Mental Health"),
    ("Tenaga Kesehatan", "Health Workforce"),
    ("Pelayanan Kesehatan Primer", "Primary Health Care"),
    ("Penyakit Zoonosis", "Zoonotic Diseases"),
    ("Kesiapsiagaan Pandemi", "Pandemic Preparedness"),
    ("Gizi", "Nutrition"),
    ("Cakupan Kesehatan Semesta", "Universal Health Coverage"),
    ("Malaria", "Malaria"),
    ("HIV dan AIDS", "HIV and AIDS"),
    ("Kesehatan Lingkungan", "Environmental Health"),
    ("Keamanan Pangan", "Food Safety"),
    ("Regulasi Alat Kesehatan", "Medical Device Regulation"),
    ("Surveilans Penyakit", "Disease Surveillance"),
    ("Kesehatan Haji", "Hajj Health"),
)

SUB_PARENTS = ("asean", "g20", "apec", "oic", "who", "ghsa")
SUB_KINDS = (  # (Indonesian pattern, English pattern, type)
    ("Kelompok Kerja {p} tentang {t}", "{p} Working Group on {t}", "Forum"),
    ("Gugus Tugas {p} untuk {t}", "{p} Task Force on {t}", "Forum"),
    ("Komite Ahli {p} bidang {t}", "{p} Expert Committee on {t}", "Organization"),
)


@lru_cache(maxsize=1)
def _bodies() -> tuple[Body, ...]:
    """Gazetteer bodies plus invented sub-bodies whose names carry their parent's acronym."""
    gaz = _gazetteer()
    out = [b for b in gaz.values() if b.gid and not b.gid.startswith("kemen")]
    for pid in SUB_PARENTS:
        parent = gaz.get(pid)
        if parent is None:
            continue
        p = parent.acronym or parent.en
        for ti, (t_id, t_en) in enumerate(TOPICS):
            pat_id, pat_en, typ = SUB_KINDS[(ti + len(pid)) % len(SUB_KINDS)]
            out.append(Body(None, typ, pat_en.format(p=p, t=t_en), pat_id.format(p=p, t=t_id),
                            None, parent))
    return tuple(out)


@lru_cache(maxsize=1)
def _sub_bodies() -> tuple[Body, ...]:
    return tuple(b for b in _bodies() if b.gid is None)


@lru_cache(maxsize=512)
def _ministry(c: Country) -> Body:
    return Body(None, "Organization", f"Ministry of Health of {c.en}",
                f"Kementerian Kesehatan {c.id}", None, None)


# --- people ------------------------------------------------------------------------------------

_ID_ONSETS = ("A", "Ba", "Bu", "Da", "Di", "Dwi", "Ha", "Har", "In", "Ja", "Ka", "Ku", "La",
              "Ma", "Mu", "Na", "Ni", "Pra", "Ra", "Ri", "Sa", "Se", "Si", "Su", "Ta", "Ti",
              "Tri", "Wa", "Wi", "Ya", "Yu", "Gu", "Pu", "Ro", "Sek", "Ten")
_ID_MIDDLES = ("", "", "di", "ha", "ma", "ra", "sa", "ti", "ya", "ri", "nu", "gi", "lan", "ras")
_ID_ENDS = ("di", "ni", "to", "na", "ti", "wan", "yati", "sih", "man", "no", "ri", "yah", "ra",
            "sa", "jo", "tmi", "ndra", "ko", "wati", "nto", "rdi", "ngsih")
_INT_ONSETS = ("Al", "An", "Ber", "Ca", "Da", "El", "Fa", "Go", "Ha", "I", "Ka", "Lo", "Ma",
               "Ne", "Ol", "Pa", "Ri", "Sa", "To", "U", "Va", "Yo", "Ze", "Kwa", "Mi", "Tho")
_INT_MIDDLES = ("", "", "ri", "le", "mo", "na", "va", "ko", "ste", "li", "ber", "do")
_INT_ENDS = ("n", "r", "s", "lo", "na", "ra", "son", "ez", "ov", "ski", "da", "ni", "tte", "mi",
             "ng", "ura", "sen", "ami", "elo", "enko")
_ID_PREFIXES = ("", "", "", "dr. ", "Dr. ", "Prof. ", "Prof. Dr. ", "drg. ", "Dr. dr. ", "Ir. ")
_ID_DEGREES = ("", "", ", MPH", ", M.Kes", ", M.Sc.", ", Ph.D.", ", Sp.PD", ", MARS",
               ", SKM, MPH", ", SIP, MBA", ", M.Epid", ", Sp.A(K)")
_INT_PREFIXES = ("", "", "Dr. ", "Prof. ", "H.E. ")


def _word(rng: random.Random, onsets: tuple, middles: tuple, ends: tuple) -> str:
    return rng.choice(onsets) + rng.choice(middles) + rng.choice(ends)


@dataclass(frozen=True)
class Person:
    name: str   # canonical: no titles or degrees
    full: str   # as first written: titles and degrees
    first: str
    last: str


def _person(rng: random.Random, indonesian: bool) -> Person:
    if indonesian:
        words = [_word(rng, _ID_ONSETS, _ID_MIDDLES, _ID_ENDS)
                 for _ in range(rng.choice((2, 2, 3)))]
        name = " ".join(words)
        full = rng.choice(_ID_PREFIXES) + name + rng.choice(_ID_DEGREES)
    else:
        words = [_word(rng, _INT_ONSETS, _INT_MIDDLES, _INT_ENDS)
                 for _ in range(rng.choice((2, 2, 2, 3)))]
        name = " ".join(words)
        full = rng.choice(_INT_PREFIXES) + name
    return Person(name, full, words[0], words[-1])


@lru_cache(maxsize=1)
def _person_pools() -> tuple[tuple[Person, ...], tuple[Person, ...]]:
    """Officials who recur across documents (Indonesian, foreign), fixed for every seed."""
    rng = random.Random(POOL_SEED)
    return (tuple(_person(rng, True) for _ in range(600)),
            tuple(_person(rng, False) for _ in range(2500)))


# --- dates and wording -------------------------------------------------------------------------

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CITIES_ID = ("Jakarta", "Nusa Dua", "Bogor", "Yogyakarta", "Bandung", "Surabaya", "Labuan Bajo",
             "Makassar", "Jenewa", "New York", "Bangkok", "Tokyo", "Riyadh", "Manila", "Kairo")
CITIES_EN = ("Jakarta", "Nusa Dua", "Bogor", "Yogyakarta", "Bandung", "Surabaya", "Labuan Bajo",
             "Makassar", "Geneva", "New York", "Bangkok", "Tokyo", "Riyadh", "Manila", "Cairo")

AGREEMENTS = (  # kind, Indonesian first form, Indonesian short, English first form, English short
    ("MoU", "Nota Kesepahaman (MoU)", "MoU", "Memorandum of Understanding (MoU)", "MoU"),
    ("MSP", "Memorandum Saling Pengertian (MSP)", "MSP", "Memorandum of Understanding", "MoU"),
    ("PlanOfAction", "Rencana Aksi (Plan of Action)", "Plan of Action", "Plan of Action",
     "Plan of Action"),
    ("JointStatement", "Pernyataan Bersama", "Pernyataan Bersama", "Joint Statement",
     "Joint Statement"),
    ("LoI", "Surat Pernyataan Kehendak (LoI)", "LoI", "Letter of Intent", "Letter of Intent"),
)

QUOTES_ID = (
    "Kerja sama ini harus segera diwujudkan dalam kegiatan nyata bagi masyarakat",
    "Tidak ada satu negara pun yang dapat menghadapi ancaman pandemi sendirian",
    "Kami ingin memastikan akses yang adil terhadap vaksin dan obat-obatan",
    "Arsitektur kesehatan global perlu diperkuat bersama",
    "Diplomasi kesehatan adalah bagian dari pembangunan kesehatan nasional",
    "Pengalaman kedua negara dapat saling melengkapi",
)
QUOTES_EN = (
    "This partnership has to bring concrete benefits to our people",
    "No country can face the threat of a pandemic alone",
    "We want fair access to vaccines and medicines for every country",
    "The global health architecture must be strengthened together",
    "Health diplomacy is part of our national health development",
    "Our two countries can learn a great deal from each other",
)
# Sentences that state no fact: background, and counts without partners (convention 6).
BACKGROUND_ID = (
    "Pandemi COVID-19 menunjukkan pentingnya kerja sama kesehatan lintas negara.",
    "Kegiatan ini diikuti oleh sekitar {p} peserta secara luring dan daring.",
    "Hingga tahun {y}, telah ditandatangani {m} MoU kesehatan dengan negara sahabat.",
    "Pertemuan tersebut menghasilkan {r} rekomendasi yang akan ditindaklanjuti tahun depan.",
    "Sejak {y}, jumlah mitra kerja sama bilateral terus bertambah menjadi {c} negara.",
    "Kedua pihak sepakat untuk saling bertukar informasi dan pengalaman.",
    "Pembahasan juga mencakup isu {topic} dan penguatan sistem kesehatan.",
    "Rangkaian kegiatan ditutup dengan kunjungan lapangan ke fasilitas pelayanan kesehatan.",
    "Sebagai tindak lanjut, akan disusun rencana kerja bersama dan dibentuk kelompok kerja.",
    "Isu {topic} menjadi salah satu prioritas pembangunan kesehatan dalam lima tahun terakhir.",
    "Sekitar {r} negara menyampaikan pandangan dalam sesi diskusi panel.",
    "Indikator capaian kerja sama akan dievaluasi setiap tahun.",
)
BACKGROUND_EN = (
    "The COVID-19 pandemic showed how much health depends on cooperation across borders.",
    "Some {p} participants took part, in person and online.",
    "By {y}, {m} health memoranda had been signed with partner countries.",
    "The meeting produced {r} recommendations to be followed up next year.",
    "Since {y}, the number of bilateral partners has grown to {c} countries.",
    "Both sides agreed to exchange information and experience.",
    "Talks also covered {topic} and the strengthening of health systems.",
    "The programme closed with a field visit to a primary health care facility.",
    "A joint work plan will follow, and a working group is to be set up.",
    "{Topic} has been among the country's health priorities for the past five years.",
    "About {r} countries spoke in the panel discussion.",
    "Progress will be reviewed every year.",
)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _poss(name: str) -> str:
    """English possessive: "Colombia's", "the Philippines'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _join(items: list[str], lang: str) -> str:
    """'A, B, dan C' / 'A, B, and C': how both languages write an enumeration."""
    if len(items) == 1:
        return items[0]
    last = "dan" if lang == "id" else "and"
    if len(items) == 2:
        return f"{items[0]} {last} {items[1]}"
    return ", ".join(items[:-1]) + f", {last} " + items[-1]


# --- one document ------------------------------------------------------------------------------


class _Doc:
    """A document under construction: its text, and the entities and facts it states.

    Blocks call `country`, `body`, `person`... to write a name: each records the surface
    string as a mention of the entity, so every mention is in the text by construction.
    """

    def __init__(self, rng: random.Random, doc: str, lang: str) -> None:
        self.rng = rng
        self.doc = doc
        self.lang = lang
        self.parts: list[str] = []
        self.pos = 0
        self.new_para = False
        self.entities: dict[tuple[str, str], dict] = {}
        self.facts: list[dict] = []
        self.fact_keys: set[tuple] = set()
        self.people: list[tuple[Person, str]] = []  # (person, short mention)
        self.fallback: dict[str, str] = {}  # implied entity name -> how to write it
        self.said: set[int] = set()  # background sentences used
        self.partners: list[str] = []  # countries with an agreement in this document
        self.year = rng.randint(2005, 2025)

    # Entities -----------------------------------------------------------------------------
    def entity(self, type_: str, name: str, mention: str | None = None, **extra: str) -> dict:
        end = {"type": type_, "name": name}
        rec = self.entities.get((type_, name))
        if rec is None:
            rec = {"kind": "entity", "doc": self.doc, "type": type_, "name": name,
                   "mentions": [], **extra}
            self.entities[(type_, name)] = rec
        if mention and mention not in rec["mentions"]:
            rec["mentions"].append(mention)
        return end

    def country(self, c: Country) -> tuple[dict, str]:
        s = c.id if self.lang == "id" else c.en
        return self.entity("Country", s, s, iso3=c.iso3), s

    def indonesia(self, mention: str = "Indonesia") -> dict:
        return self.entity("Country", "Indonesia", mention, iso3="IDN")

    def body(self, b: Body, first: bool = True) -> tuple[dict, str]:
        """Write a body's name; a parent named inside it gives a part_of fact (convention 5)."""
        s = b.id if self.lang == "id" else b.en
        if b.acronym and b.acronym != s and self.rng.random() < 0.35:
            s = b.acronym
        extra = {"ref": b.gid} if b.gid else {}
        end = self.entity(b.type, b.en, s, **extra)
        p = b.parent
        if p is not None:
            for ps in (p.acronym, p.en, p.id):
                if ps and ps != s and f" {ps} " in f" {s} ":
                    pend = self.entity(p.type, p.en, ps, **({"ref": p.gid} if p.gid else {}))
                    self.fact("part_of", end, pend)
                    break
        return end, s

    def ministry(self, c: Country) -> tuple[dict, str]:
        if c.iso3 == "IDN":
            return self.kemenkes()
        m = _ministry(c)
        s = m.id if self.lang == "id" else m.en
        self.country(c)
        return self.entity("Organization", m.en, s), s

    def kemenkes(self, implied: bool = False) -> tuple[dict, str]:
        if self.lang == "id":
            s = self.rng.choice(("Kementerian Kesehatan RI", "Kemenkes",
                                 "Kementerian Kesehatan"))
        else:
            s = self.rng.choice(("Indonesian Ministry of Health",
                                 "Ministry of Health of Indonesia"))
        end = self.entity("Organization", "Kementerian Kesehatan", None if implied else s,
                          ref="kemenkes")
        if implied:
            self.fallback["Kementerian Kesehatan"] = ("Kementerian Kesehatan" if self.lang == "id"
                                                      else "Ministry of Health")
        elif "RI" in s.split() or "Indonesia" in s:
            self.indonesia("RI" if self.lang == "id" else "Indonesia")
        return end, s

    def event(self, name: str, date: str | None, mention: str | None = None) -> dict:
        extra = {"date": date} if date else {}
        return self.entity("Event", name, mention or name, **extra)

    def person(self, indonesian: bool, fresh: float = 0.5) -> Person:
        """An official new to this document: often one who recurs across documents."""
        while True:
            if self.rng.random() < fresh:
                p = _person(self.rng, indonesian)
            else:
                pool = _person_pools()[0 if indonesian else 1]
                p = pool[int(self.rng.random() * len(pool))]
            if all(q.name != p.name for q, _ in self.people):
                return p

    def introduce(self, p: Person, short_post: str) -> tuple[dict, str]:
        """First mention with titles and degrees; later ones (quotes) are post + one name."""
        short = f"{short_post} {p.first if self.lang == 'id' else p.last}".strip()
        self.people.append((p, short))
        return self.entity("Person", p.name, p.full), p.full

    # Facts --------------------------------------------------------------------------------
    def fact(self, predicate: str, subj: dict, obj: dict, **extra: object) -> None:
        """Record a fact; the next sentence written (`say`) becomes its evidence."""
        if subj == obj:
            return
        key = (predicate, subj["name"], obj["name"], extra.get("role"), extra.get("start"),
               extra.get("end"), extra.get("date"))
        if key in self.fact_keys:
            return
        self.fact_keys.add(key)
        rec = {"kind": "fact", "doc": self.doc, "predicate": predicate, "subject": subj,
               "object": obj}
        for k in ("role", "start", "end", "date"):
            if extra.get(k):
                rec[k] = extra[k]
        if "agreement" in extra:
            rec["agreement"] = extra["agreement"]
        rec["evidence"] = ""
        rec["rule"] = RULE
        self.facts.append(rec)

    # Text ---------------------------------------------------------------------------------
    def say(self, sentence: str) -> None:
        """Append a sentence; facts recorded since the last one cite it as evidence."""
        if self.parts:
            sep = "\n\n" if self.new_para else " "
            self.parts.append(sep)
            self.pos += len(sep)
        self.new_para = False
        if sentence.endswith(".."):  # a degree ("Ph.D.") at the end of the sentence
            sentence = sentence[:-1]
        start = self.pos
        self.parts.append(sentence)
        self.pos += len(sentence)
        for rec in reversed(self.facts):
            if rec.get("span") is not None:
                break
            rec["evidence"] = sentence
            rec["span"] = [start, self.pos]

    def paragraph(self) -> None:
        if self.parts:
            self.new_para = True

    # Wording ------------------------------------------------------------------------------
    def date(self, year: int | None = None) -> tuple[str, str]:
        """(ISO date, as written) in one of the press's styles."""
        rng = self.rng
        y = year or self.year
        m, d = rng.randint(1, 12), rng.randint(1, 28)
        iso = f"{y}-{m:02d}-{d:02d}"
        wd = dt.date(y, m, d).weekday()
        style = rng.random()
        if self.lang == "id":
            if style < 0.4:
                return iso, f"{DAYS_ID[wd]} ({d}/{m}/{y})"
            if style < 0.8:
                return iso, f"{d} {MONTHS_ID[m - 1]} {y}"
            return iso, f"{DAYS_ID[wd]}, {d} {MONTHS_ID[m - 1]} {y}"
        if style < 0.5:
            return iso, f"{d} {MONTHS_EN[m - 1]} {y}"
        if style < 0.8:
            return iso, f"{MONTHS_EN[m - 1]} {d}, {y}"
        return iso, f"{DAYS_EN[wd]}, {d} {MONTHS_EN[m - 1]} {y}"

    def period(self) -> tuple[str, str, str]:
        """(start, end, as written): a term of one to five years around the document's year."""
        y1 = self.rng.randint(max(2005, self.year - 6), min(2024, self.year))
        y2 = min(2025, y1 + self.rng.randint(1, 4))
        return str(y1), str(y2), f"{y1}-{y2}"

    def city(self) -> str:
        return self.rng.choice(CITIES_ID if self.lang == "id" else CITIES_EN)

    def topic(self) -> str:
        t = self.rng.choice(TOPICS)
        return t[0] if self.lang == "id" else t[1]

    def draw_countries(self, k: int, exclude: tuple[str, ...] = ("IDN",)) -> list[Country]:
        pool, cum = _countries()
        out: list[Country] = []
        seen = set(exclude)
        while len(out) < k:
            c = pool[bisect.bisect(cum, self.rng.random() * cum[-1])]
            if c.iso3 not in seen:
                seen.add(c.iso3)
                out.append(c)
        return out

    def draw_body(self, types: tuple[str, ...] = ("Organization", "Forum"),
                  chair: bool = False) -> Body:
        """A body; one to be chaired is a forum or an organ (board, committee), not an agency."""
        bodies = _bodies()
        while True:
            # Square of a uniform draw: low indexes (WHO, UN, ASEAN...) come up more often.
            b = bodies[int(self.rng.random() ** 2 * len(bodies))]
            if b.type in types and (not chair or b.type == "Forum" or b.parent is not None):
                return b

    def new_event(self) -> tuple[dict, str, str, str]:
        """An event not yet in the document: (end, surface, ISO date, date as written)."""
        while True:
            iso, written = self.date()
            s = self._event_name(iso)
            if ("Event", s) not in self.entities:  # one name, one date
                return self.event(s, iso), s, iso, written

    def _event_name(self, iso: str) -> str:
        rng, lang = self.rng, self.lang
        kind = rng.random()
        if kind < 0.35:
            gaz = _gazetteer()
            series = gaz.get(rng.choice(("asean-ahmm", "g20-hmm", "who-wha", "who-rc-sear",
                                         "oic-ichm", "asean-summit", "apec-hwg")))
            if series is not None:
                _, bs = self.body(series)
                n = rng.randint(2, 80)
                return f"Sidang {bs} ke-{n}" if lang == "id" else f"{_ordinal(n)} {bs}"
        if kind < 0.55:
            s = (f'Webinar "Diplomasi Kesehatan: {self.topic()}"' if lang == "id"
                 else f'webinar "Health Diplomacy and {self.topic()}"')
        elif kind < 0.75:
            s = (f"Konferensi Internasional {self.topic()} {iso[:4]}" if lang == "id"
                 else f"International Conference on {self.topic()} {iso[:4]}")
        elif kind < 0.9:
            s = (f"Pertemuan Tingkat Menteri tentang {self.topic()}" if lang == "id"
                 else f"Ministerial Meeting on {self.topic()}")
        else:
            c = self.draw_countries(1)[0]
            _, cs = self.country(c)
            s = (f"pertemuan bilateral Indonesia-{cs}" if lang == "id"
                 else f"bilateral meeting between Indonesia and {cs}")
            self.indonesia()
        return s

    # Posts --------------------------------------------------------------------------------
    def indonesian_official(self) -> tuple[dict, str, str, dict]:
        """(person end, phrase 'post name', role, post's organisation end) for an RI official."""
        rng, lang = self.rng, self.lang
        k = rng.randint(0, 5)
        p = self.person(True)
        if k <= 1:
            role = "Menteri Kesehatan" if lang == "id" else "Minister of Health"
            post = "Menteri Kesehatan RI" if lang == "id" else "Indonesia's Minister of Health"
            short = "Menkes" if lang == "id" else "Minister"
            org, _ = self.kemenkes(implied=True)
            self.indonesia("RI" if lang == "id" else "Indonesia")
        elif k == 2:
            role = "Wakil Menteri Kesehatan" if lang == "id" else "Deputy Minister of Health"
            post = ("Wakil Menteri Kesehatan RI" if lang == "id"
                    else "Indonesia's Deputy Minister of Health")
            short = "Wamenkes" if lang == "id" else "Deputy Minister"
            org, _ = self.kemenkes(implied=True)
            self.indonesia("RI" if lang == "id" else "Indonesia")
        elif k == 3:
            role = "Sekretaris Jenderal" if lang == "id" else "Secretary-General"
            org, ks = self.kemenkes()
            post = f"Sekretaris Jenderal {ks}" if lang == "id" else \
                f"Secretary-General of the {ks}"
            short = "Sekjen" if lang == "id" else "Secretary-General"
        else:
            gid, role_id, role_en = rng.choice((
                ("kemenkes-biro-ksln", "Kepala Biro", "Head of the Bureau"),
                ("kemenkes-bkpk", "Kepala Badan", "Head of the Agency"),
                ("kemenkes-ditjen-p2p", "Direktur Jenderal", "Director General"),
            ))
            b = _gazetteer().get(gid)
            if b is None:
                return self.indonesian_official()
            role = role_id if lang == "id" else role_en
            if gid == "kemenkes-ditjen-p2p":
                s = ("Direktur Jenderal Pencegahan dan Pengendalian Penyakit" if lang == "id"
                     else "Director General of Disease Prevention and Control")
                org = self.entity(b.type, b.en, s, ref=b.gid)
                post = s
            else:
                org = self.entity(b.type, b.en, b.en, ref=b.gid)
                post = f"Kepala {b.en}" if lang == "id" else f"Head of {b.en}"
            short = ""
        end, written = self.introduce(p, short)
        return end, f"{post}, {written},", role, org

    def foreign_official(self, c: Country, ambassador: bool = False
                         ) -> tuple[dict, str, str, dict]:
        """(person end, phrase, role, end of the post's organisation) for a foreign official."""
        lang = self.lang
        p = self.person(False, fresh=0.6)
        cend, cs = self.country(c)
        if ambassador:
            role = "Duta Besar" if lang == "id" else "Ambassador"
            post = f"Duta Besar {cs} untuk Indonesia" if lang == "id" else \
                f"{_poss(cs)} Ambassador to Indonesia"
            org = cend
            short = "Dubes" if lang == "id" else "Ambassador"
        else:
            role = "Menteri Kesehatan" if lang == "id" else "Minister of Health"
            post = f"Menteri Kesehatan {cs}" if lang == "id" else f"{_poss(cs)} Minister of Health"
            m = _ministry(c)
            org = self.entity("Organization", m.en, None)
            self.fallback[m.en] = m.id if lang == "id" else m.en
            short = "Menteri" if lang == "id" else "Minister"
        end, written = self.introduce(p, short)
        return end, f"{post}, {written},", role, org


# --- blocks: one statement each, with its facts ------------------------------------------------


def _b_agreement(d: _Doc) -> None:
    rng, lang = d.rng, d.lang
    kind, first_id, short_id, first_en, short_en = rng.choice(AGREEMENTS)
    # One agreement per partner and document: two with one partner in a year would read as one.
    c = d.draw_countries(1, exclude=("IDN", *d.partners))[0]
    d.partners.append(c.iso3)
    iso, written = d.date()
    city = d.city()
    t = d.topic()
    if rng.random() < 0.6:  # the countries sign
        a = d.indonesia()
        b, cs = d.country(c)
        if lang == "id":
            d.say(f"Indonesia dan {cs} menandatangani {first_id} kerja sama bidang kesehatan "
                  f"di {city}, {written}.")
        else:
            d.say(f"Indonesia and {cs} signed a {first_en} on health cooperation in {city} "
                  f"on {written}.")
        party_a, party_b = "Indonesia", cs
    else:  # the ministries sign
        a, ks = d.kemenkes()
        b, ms = d.ministry(c)
        if lang == "id":
            d.say(f"{ks} dan {ms} menyepakati {first_id} tentang {t} yang ditandatangani "
                  f"pada {written}.")
        else:
            d.say(f"The {ks} and the {ms} concluded a {first_en} on {t}, signed on {written}.")
        party_a, party_b = a["name"], b["name"]
    fact_idx = len(d.facts)
    d.fact("agreement_with", a, b, date=iso, agreement={"kind": kind, "date": iso,
                                                        "signatories": []})
    agreement = d.facts[fact_idx] if len(d.facts) > fact_idx else None
    if agreement is not None:
        # The sentence above already went out: the fact cites it.
        agreement["evidence"] = d.parts[-1]
        agreement["span"] = [d.pos - len(d.parts[-1]), d.pos]
    if rng.random() < 0.75:
        p1, ph1, r1, o1 = d.indonesian_official()
        p2, ph2, r2, o2 = d.foreign_official(c)
        ph1, ph2 = ph1.rstrip(","), ph2.rstrip(",")
        short = short_id if lang == "id" else short_en
        d.fact("holds_position", p1, o1, role=r1)
        d.fact("holds_position", p2, o2, role=r2)
        if lang == "id":
            d.say(f"{short} tersebut ditandatangani oleh {ph1} dan {ph2}.")
        else:
            d.say(f"The {short} was signed by {ph1} and {ph2}.")
        if agreement is not None:
            agreement["agreement"]["signatories"] = [{"name": p1["name"], "party": party_a},
                                                     {"name": p2["name"], "party": party_b}]
    if rng.random() < 0.5:
        _quote(d)


def _b_chair_body(d: _Doc) -> None:
    rng, lang = d.rng, d.lang
    b = d.draw_body(chair=True)
    if rng.random() < 0.7:
        subj, ss = d.indonesia(), "Indonesia"
    else:
        subj, ss = d.country(d.draw_countries(1)[0])
    obj, bs = d.body(b)
    style = rng.random()
    if style < 0.4:
        start, end, per = d.period()
        d.fact("chair_of", subj, obj, start=start, end=end)
        d.say(f"{ss} terpilih sebagai Ketua {bs} periode {per}." if lang == "id"
              else f"{ss} was elected chair of the {bs} for {per}.")
    elif style < 0.7:
        start, end, per = d.period()
        d.fact("chair_of", subj, obj, start=start, end=end)
        d.say(f"Saat ini, {ss} merupakan Ketua {bs} {per}." if lang == "id"
              else f"The {bs} is chaired by {ss} for the {per} term.")
    else:
        y = str(rng.randint(max(2005, d.year - 8), d.year))
        d.fact("chair_of", subj, obj, start=y)
        d.say(f"Sejak {y}, {ss} memegang Presidensi {bs}." if lang == "id"
              else f"{ss} has held the presidency of the {bs} since {y}.")


def _b_roles(d: _Doc) -> None:
    """An enumeration of Indonesia's roles (convention 2): Indonesia is every item's subject."""
    lang = d.lang
    subj = d.indonesia()
    items = []
    for _ in range(d.rng.randint(2, 4)):
        chair = d.rng.random() < 0.35
        obj, bs = d.body(d.draw_body(chair=chair))
        pers = [d.period() for _ in range(1 if d.rng.random() < 0.75 else 2)]
        for start, end, _ in pers:
            d.fact("chair_of" if chair else "member_of", subj, obj, start=start, end=end)
        joined = _join([p[2] for p in pers], lang)
        if lang == "id":
            items.append(f"{'Ketua' if chair else 'anggota'} {bs} {joined}")
        else:
            items.append(f"{'chair' if chair else 'member'} of the {bs} in {joined}")
    if lang == "id":
        d.say(f"Peran aktif Indonesia di forum multilateral antara lain sebagai "
              f"{_join(items, lang)}.")
    else:
        d.say(f"Indonesia's roles in multilateral forums include {_join(items, lang)}.")


def _b_member_list(d: _Doc) -> None:
    """A forum followed by its members in parentheses, or 'beranggotakan ...'."""
    rng, lang = d.rng, d.lang
    members = [_countries()[0][0], *d.draw_countries(rng.randint(3, 7))]  # Indonesia first
    rng.shuffle(members)
    names = []
    ends = []
    for c in members:
        end, s = d.country(c)
        ends.append(end)
        names.append(s)
    if rng.random() < 0.5:
        acr = "".join(n[0] for n in names).upper()
        forum_name = f"Forum {acr}" if lang == "id" else f"{acr} Forum"
        forum = d.entity("Forum", forum_name, forum_name)
        chair = d.indonesia()
        d.fact("chair_of", chair, forum)
        for e in ends:
            d.fact("member_of", e, forum)
        d.say(f"Indonesia juga menjabat sebagai Ketua {forum_name} ({_join(names, lang)})."
              if lang == "id" else
              f"Indonesia also chairs the {forum_name} ({_join(names, lang)}).")
    else:
        forum, bs = d.body(d.draw_body(("Forum",)))
        for e in ends:
            d.fact("member_of", e, forum)
        d.say(f"{bs} beranggotakan {len(names)} negara, yaitu {_join(names, lang)}."
              if lang == "id" else
              f"The {bs} brings together {len(names)} countries: {_join(names, lang)}.")


def _b_participation(d: _Doc) -> None:
    rng, lang = d.rng, d.lang
    ev, es, iso, written = d.new_event()
    p, phrase, role, org = d.indonesian_official()
    d.fact("holds_position", p, org, role=role)
    d.fact("participated_in", p, ev, date=iso)
    city = d.city()
    style = rng.random()
    if style < 0.4:
        d.say(f"{phrase} menghadiri {es} di {city}, {written}." if lang == "id"
              else f"{phrase} attended the {es} in {city} on {written}.")
    elif style < 0.7:
        # Chairing a meeting is also taking part in it (clarification 11).
        d.fact("chair_of", p, ev)
        d.say(f"{phrase} memimpin {es} yang berlangsung pada {written}." if lang == "id"
              else f"The {es}, held on {written}, was chaired by {phrase.rstrip(',')}.")
    else:
        d.say(f"Delegasi RI pada {es}, {written}, dipimpin oleh {phrase.rstrip(',')}."
              if lang == "id" else
              f"The Indonesian delegation to the {es} on {written} was led by "
              f"{phrase.rstrip(',')}.")
        if lang == "id":
            d.indonesia("RI")
    if rng.random() < 0.5:
        cs = [d.country(c) for c in d.draw_countries(rng.randint(2, 4))]
        for end, _ in cs:
            d.fact("participated_in", end, ev)
        names = _join([s for _, s in cs], lang)
        d.say(f"Delegasi dari {names} juga hadir dalam pertemuan tersebut." if lang == "id"
              else f"Delegations from {names} also attended the meeting.")
    if rng.random() < 0.4:
        _quote(d)


def _b_host(d: _Doc) -> None:
    rng, lang = d.rng, d.lang
    if rng.random() < 0.2:
        gid, hosts = rng.choice(SECRETARIATS)
        sec = _gazetteer().get(gid)
        host_country = _country_by_iso().get(rng.choice(hosts))
        if sec is not None and host_country is not None:
            host, hs = d.country(host_country)
            obj, bs = d.body(sec)
            d.fact("hosts", host, obj)
            d.say(f"{hs} merupakan tuan rumah {bs}." if lang == "id"
                  else f"{hs} hosts the {bs}.")
            return
    ev, es, iso, written = d.new_event()
    if rng.random() < 0.5:
        host, hs = d.indonesia(), "Indonesia"
    else:
        host, hs = d.kemenkes()
        if lang == "en":
            hs = f"the {hs}"
    d.fact("hosts", host, ev, date=iso)
    city = d.city()
    if lang == "id":
        d.say(rng.choice((f"{hs} menjadi tuan rumah {es} yang digelar di {city} pada {written}.",
                          f"{hs} menyelenggarakan {es} di {city}, {written}.")))
    else:
        d.say(rng.choice((f"{hs[0].upper()}{hs[1:]} hosted the {es} in {city} on {written}.",
                          f"The {es} was organised by {hs} in {city} on {written}.")))


SECRETARIATS = (("ghsa-sec", ("IDN",)), ("asean-secretariat", ("IDN",)),
                ("acpheed", ("THA", "IDN", "VNM")))


def _b_ambassador(d: _Doc) -> None:
    lang = d.lang
    c = d.draw_countries(1)[0]
    p, phrase, role, org = d.foreign_official(c, ambassador=True)
    d.fact("holds_position", p, org, role=role)
    t = d.topic()
    d.say(f"{phrase} menyampaikan komitmen negaranya untuk mendukung kerja sama di bidang {t}."
          if lang == "id" else
          f"{phrase} reaffirmed his country's support for cooperation on {t}.")


def _b_sub_body(d: _Doc) -> None:
    """An invented working group named after its parent: member_of plus part_of."""
    lang = d.lang
    sub = _sub_bodies()
    b = sub[int(d.rng.random() * len(sub))]
    obj, bs = d.body(b)
    subj = d.indonesia()
    start, end, per = d.period()
    d.fact("member_of", subj, obj, start=start, end=end)
    d.say(f"Indonesia tercatat sebagai anggota {bs} untuk periode {per}." if lang == "id"
          else f"Indonesia served as a member of the {bs} for {per}.")


def _quote(d: _Doc) -> None:
    """A quote by someone already named: a short mention, no fact."""
    if not d.people:
        return _background(d)
    p, short = d.people[int(d.rng.random() * len(d.people))]
    d.entity("Person", p.name, short)
    if d.lang == "id":
        q = d.rng.choice(QUOTES_ID)
        d.say(f'"{q}," {d.rng.choice(("ujar", "kata", "tegas"))} {short}.')
    else:
        q = d.rng.choice(QUOTES_EN)
        d.say(f'"{q}," {d.rng.choice(("said", "noted", "stressed"))} {short}.')


def _background(d: _Doc) -> None:
    rng = d.rng
    pool = BACKGROUND_ID if d.lang == "id" else BACKGROUND_EN
    i = int(rng.random() * len(pool))
    if i in d.said:  # one sentence once per document
        i = next((j for j in range(len(pool)) if j not in d.said), i)
    d.said.add(i)
    s = pool[i]
    t = d.topic()
    d.say(s.format(p=rng.randint(50, 1200), m=rng.randint(3, 40), r=rng.randint(3, 15),
                   c=rng.randint(5, 60), y=rng.randint(max(2005, d.year - 8), d.year), topic=t,
                   Topic=t))


BLOCKS = (_b_agreement, _b_chair_body, _b_roles, _b_member_list, _b_participation, _b_host,
          _b_ambassador, _b_sub_body)
BLOCK_WEIGHTS = (18, 14, 8, 8, 22, 12, 8, 10)
_CUM_BLOCKS = tuple(sum(BLOCK_WEIGHTS[: i + 1]) for i in range(len(BLOCK_WEIGHTS)))

TITLES_ID = ("Diplomasi Kesehatan Indonesia Semakin Diperhitungkan",
             "Indonesia Perkuat Kerja Sama Kesehatan Internasional",
             "Kerja Sama Kesehatan Indonesia di Bidang {t}",
             "Indonesia Dorong Penguatan {t} di Forum Global")
TITLES_EN = ("Indonesia Steps Up Its Health Diplomacy",
             "Indonesia Strengthens International Health Cooperation",
             "Indonesia and Its Partners Work on {t}",
             "Indonesia Pushes {t} onto the Global Agenda")


def _block(d: _Doc) -> None:
    i = bisect.bisect(_CUM_BLOCKS, d.rng.random() * _CUM_BLOCKS[-1])
    BLOCKS[i](d)


def _finish(d: _Doc, title: bool) -> str:
    """Name implied entities once, put a title and dateline on top, shift spans to match."""
    implied = [r for r in d.entities.values() if not r["mentions"]]
    if implied:
        d.paragraph()
        for r in implied:
            s = d.fallback.get(r["name"], r["name"])
            r["mentions"].append(s)
            d.say(f"{s} turut mendukung penyelenggaraan kegiatan tersebut." if d.lang == "id"
                  else f"The {s} also supported the work.")
    body = "".join(d.parts)
    if not title:
        return body
    t = d.rng.choice(TITLES_ID if d.lang == "id" else TITLES_EN).format(t=d.topic())
    if "Indonesia" in t:
        d.indonesia()
    m, day = d.rng.randint(1, 12), d.rng.randint(1, 28)
    month = MONTHS_ID[m - 1] if d.lang == "id" else MONTHS_EN[m - 1]
    head = f"{t}\n\n{d.city()}, {day} {month} {d.year}\n\n"
    for rec in d.facts:
        rec["span"] = [rec["span"][0] + len(head), rec["span"][1] + len(head)]
    return head + body + "\n"


def _build(rng: random.Random, doc: str, lang: str, min_chars: int = 0, max_chars: int = 0,
           n_facts: int = 0) -> tuple[_Doc, str]:
    """One document: paragraphs of one or two blocks and some background, until the target."""
    d = _Doc(rng, doc, lang)
    if n_facts:
        while len(d.facts) < n_facts:
            d.paragraph()
            _block(d)
            if rng.random() < 0.2:
                _background(d)
        return d, _finish(d, title=False)
    paragraphs = rng.randint(2, 6)
    target = rng.randint(min_chars, max_chars)
    for i in range(paragraphs):
        d.paragraph()
        _block(d)
        # Short documents get more statements per paragraph, long ones stop early.
        per_para = (target - d.pos) / max(1, paragraphs - i)
        while d.pos < target - 150 and per_para > 450 and rng.random() < 0.6:
            _block(d)
            per_para -= 300
        if rng.random() < 0.6:
            (_quote if rng.random() < 0.4 else _background)(d)
        while i == paragraphs - 1 and d.pos < min_chars:
            _block(d)
    return d, _finish(d, title=True)


# --- public API --------------------------------------------------------------------------------


def _gold(d: _Doc) -> Iterator[dict]:
    """The document's records in the gold format of ../shared/corpus/dev/gold.jsonl."""
    for r in d.entities.values():
        g = {"kind": "entity", "doc": r["doc"], "type": r["type"], "name": r["name"],
             "aliases": [m for m in r["mentions"] if m != r["name"]]}
        for k in ("iso3", "date"):
            if k in r:
                g[k] = r[k]
        yield g
    for f in d.facts:
        g = {"kind": "fact", "doc": f["doc"], "predicate": f["predicate"],
             "subject": f["subject"]["name"], "object": f["object"]["name"]}
        for k in ("role", "start", "end", "date", "evidence"):
            if k in f:
                g[k] = f[k]
        yield g


# One encoder for all records: json.dumps with options builds a new one per call.
_dumps = json.JSONEncoder(ensure_ascii=False).encode


def generate_documents(n_docs: int, out_dir: Path, seed: int = 0,
                       english_share: float = 0.3) -> list[Path]:
    """Write `n_docs` press releases and their `gold.jsonl` to `out_dir`; return the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    with open(out_dir / "gold.jsonl", "w", encoding="utf-8") as gold:
        for i in range(n_docs):
            lang = "en" if rng.random() < english_share else "id"
            name = f"syn{seed}_{i:06d}.txt"
            d, text = _build(rng, name, lang, min_chars=2300, max_chars=4000)
            path = out_dir / name
            path.write_text(text, encoding="utf-8")
            paths.append(path)
            for rec in _gold(d):
                gold.write(_dumps(rec) + "\n")
    return paths


def _document_records(seed: int, english_share: float = 0.3) -> Iterator[list[dict]]:
    """Endless per-document record groups (document, entities, facts), ~10 facts each."""
    rng = random.Random(seed)
    i = 0
    while True:
        lang = "en" if rng.random() < english_share else "id"
        name = f"syn{seed}_{i:07d}.txt"
        d, _ = _build(rng, name, lang, n_facts=rng.randint(6, 14))
        yield [{"kind": "document", "doc": name, "language": lang},
               *d.entities.values(), *d.facts]
        i += 1


def generate_fact_records(n_facts: int, seed: int = 0) -> Iterator[dict]:
    """Exactly `n_facts` fact records, each document's entity records before its facts.

    A generator, so a million records stream to a file in constant memory; the last document
    is cut short where the count is reached (its entity records are all still given).
    """
    left = n_facts
    if left <= 0:
        return
    for group in _document_records(seed):
        # Facts come last in a group: cut the group where the count is reached.
        n_facts_here = sum(1 for r in group if r["kind"] == "fact")
        if n_facts_here > left:
            group = group[: len(group) - n_facts_here + left]
            n_facts_here = left
        yield from group
        left -= n_facts_here
        if left <= 0:
            return


# --- graphs ------------------------------------------------------------------------------------

SHAPES = ("queries", "hubs", "documents")


def synthetic_graph(n_facts: int = 100_000, seed: int = 7, shape: str = "queries") -> GraphData:
    """A GraphData of `n_facts` facts in one of SHAPES (see the module's docstring); the same
    arguments give the same graph."""
    if shape == "queries":
        return _graph_for_queries(n_facts, seed)
    if shape == "hubs":
        return _graph_with_hubs(n_facts, seed)
    if shape == "documents":
        return _graph_of_documents(n_facts, seed)
    raise ValueError(f"unknown shape {shape!r}; one of {', '.join(SHAPES)}")


def _iso(i: int) -> str:
    """The i-th three-letter code: AAA, AAB, ... (invented countries)."""
    a = string.ascii_uppercase
    return a[i // 676 % 26] + a[i // 26 % 26] + a[i % 26]


ROLES = ["Menteri Kesehatan", "Sekretaris Jenderal", "Direktur Jenderal", "Kepala Biro",
         "Duta Besar", "Ketua Delegasi", "Wakil Menteri Kesehatan", "Staf Ahli"]


def _iso_codes(n: int, rng: random.Random) -> list[str]:
    fixed = ["IDN", "MYS", "SGP", "THA", "BRN", "PHL", "VNM", "TUR"]
    pool = [_iso(i) for i in range(26**3)]
    rng.shuffle(pool)
    out = list(fixed)
    for code in pool:
        if len(out) >= n:
            break
        if code not in fixed:
            out.append(code)
    return out[:n]


def _graph_for_queries(n_facts: int, seed: int) -> GraphData:
    """The shape of the real graph: countries and persons as actors, bodies in part_of
    trees, events and agreements as nodes, facts with periods, one source each with an
    evidence sentence. The entities the saved queries' examples name (Indonesia, Malaysia,
    WHO, Kementerian Kesehatan) exist, so `--example` parameters hit real rows. About
    `n_facts` facts (exactly, unless it is tiny)."""
    from hdkg.graph.model import GraphData
    from hdkg.schema import AGREEMENT_KINDS, Entity, EntityType, Fact, Predicate, Source, make_id

    rng = random.Random(seed)
    scale = max(n_facts / 100_000, 0.002)
    n_countries = max(8, min(250, int(200 * scale ** 0.5)))
    n_bodies = max(12, int(2_000 * scale))
    n_people = max(10, int(6_000 * scale))
    n_events = max(5, int(3_000 * scale))
    n_agreements = max(4, int(2_000 * scale))
    n_docs = max(3, int(1_000 * scale))

    data = GraphData()
    docs = [f"doc{i:05d}.txt" for i in range(n_docs)]
    for d in docs:
        data.add_entity(Entity(id=make_id(EntityType.Document, d), type=EntityType.Document,
                               name=d, path=d, language="id"))

    names = {"IDN": "Indonesia", "MYS": "Malaysia", "SGP": "Singapura", "THA": "Thailand",
             "BRN": "Brunei Darussalam", "PHL": "Filipina", "VNM": "Vietnam", "TUR": "Türkiye"}
    countries = []
    for code in _iso_codes(n_countries, rng):
        e = Entity(id=make_id(EntityType.Country, code), type=EntityType.Country,
                   name=names.get(code, f"Negara {code}"), iso3=code,
                   aliases=["RI"] if code == "IDN" else [])
        data.add_entity(e)
        countries.append(e.id)

    bodies: list[str] = []
    parents: dict[str, str] = {}
    special = {0: ("org/who", "WHO", EntityType.Organization),
               1: ("org/kemenkes", "Kementerian Kesehatan", EntityType.Organization)}
    for i in range(n_bodies):
        if i in special:
            eid, name, t = special[i]
        else:
            t = EntityType.Organization if i % 3 else EntityType.Forum
            name = f"{'Badan' if t is EntityType.Organization else 'Forum'} {i:05d}"
            eid = make_id(t, name)
        data.add_entity(Entity(id=eid, type=t, name=name))
        bodies.append(eid)
        roots = max(4, n_bodies // 20)
        if i >= roots:
            # Trees a few levels deep: a parent among the earlier bodies, WHO and the
            # ministry collecting their share.
            parents[eid] = bodies[rng.choice([0, 1, rng.randrange(i)])]

    people = []
    for i in range(n_people):
        name = f"Pejabat {i:05d}"
        data.add_entity(Entity(id=make_id(EntityType.Person, name), type=EntityType.Person,
                               name=name))
        people.append(make_id(EntityType.Person, name))

    events = []
    for i in range(n_events):
        date = f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        name = f"Pertemuan {i:05d}"
        eid = make_id(EntityType.Event, f"{name} {date[:4]}")
        data.add_entity(Entity(id=eid, type=EntityType.Event, name=name, date=date))
        events.append(eid)

    agreements = []
    kinds = list(AGREEMENT_KINDS)
    for i in range(n_agreements):
        date = f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}"
        name = f"Perjanjian {i:05d}"
        eid = make_id(EntityType.Agreement, name)
        data.add_entity(Entity(id=eid, type=EntityType.Agreement, name=name,
                               kind=rng.choice(kinds), date=date))
        agreements.append(eid)

    def source() -> list[Source]:
        doc = rng.choice(docs)
        return [Source(document=doc, evidence=f"Kalimat {rng.randrange(10**6)} dari {doc}.",
                       loader="synthetic")]

    def period() -> dict[str, str | None]:
        start = rng.randint(2000, 2024)
        r = rng.random()
        if r < 0.5:
            return {"start": str(start), "end": str(min(2025, start + rng.randint(0, 4)))}
        if r < 0.7:
            return {"start": f"{start}-{rng.randint(1, 12):02d}", "end": None}
        if r < 0.85:
            return {"date": str(start)}
        return {}

    def actor() -> str:
        r = rng.random()
        return (rng.choice(countries) if r < 0.6 else rng.choice(bodies) if r < 0.8
                else rng.choice(people))

    def add(pred: Predicate, s: str, o: str, **kw: str | None) -> None:
        if s != o:
            data.add_fact(Fact(predicate=pred, subject=s, object=o, sources=source(),
                               **{k: v for k, v in kw.items() if v is not None}))

    for child, parent in parents.items():
        add(Predicate.part_of, child, parent)
    for a in agreements:
        parties = rng.sample(countries, rng.choice([2, 2, 2, 3]))
        date = data.entities[a].date
        for p in parties:
            add(Predicate.party_to, p, a, date=date)
        on_behalf = f"on behalf of {data.entities[parties[0]].name}"
        for p in rng.sample(people, 2):
            add(Predicate.signed, p, a, date=date, role=on_behalf)

    weights = [(Predicate.member_of, 0.36), (Predicate.chair_of, 0.12),
               (Predicate.holds_position, 0.18), (Predicate.participated_in, 0.26),
               (Predicate.hosts, 0.08)]
    preds = [p for p, _ in weights]
    cum = [w for _, w in weights]
    while len(data.facts) < n_facts:
        pred = rng.choices(preds, cum)[0]
        if pred is Predicate.member_of:
            add(pred, actor(), rng.choice(bodies), **period())
        elif pred is Predicate.chair_of:
            add(pred, actor(), rng.choice(bodies), **period())
        elif pred is Predicate.holds_position:
            org = rng.choice(bodies + countries[:20])
            add(pred, rng.choice(people), org, role=rng.choice(ROLES), **period())
        elif pred is Predicate.participated_in:
            add(pred, actor(), rng.choice(events))
        else:
            add(pred, rng.choice(countries), rng.choice(bodies + events), **period())
    return data


# hubs: entities per type (and their id prefixes) for 1M facts; scaled with n_facts.
HUB_SHARE = {"Country": (250, "country"), "Organization": (6_000, "org"),
             "Forum": (2_000, "forum"), "Person": (55_000, "person"),
             "Event": (22_000, "event"), "Agreement": (15_000, "agreement")}


def _graph_with_hubs(n_facts: int, seed: int) -> GraphData:
    """Every predicate between types its domain allows, a few hub entities taking most facts
    (as WHO, ASEAN and Indonesia do), bodies in part_of trees, documents of ~50 facts; a
    valid GraphData built without pydantic validation (it is valid by construction)."""
    from hdkg.graph.model import GraphData
    from hdkg.schema.models import (
        PREDICATE_DOMAINS,
        WITHIN_TYPES,
        Entity,
        EntityType,
        Fact,
        Predicate,
        Source,
    )

    rng = random.Random(seed)
    scale = max(n_facts / 1_000_000, 0.001)
    g = GraphData()
    ids: dict[EntityType, list[str]] = {}
    for type_name, (n, prefix) in HUB_SHARE.items():
        t = EntityType(type_name)
        n = max(5, int(n * scale)) if t is not EntityType.Country else min(250, max(5, n))
        ids[t] = []
        for i in range(n):
            eid = f"{prefix}/{'X' if t is EntityType.Country else 'e'}{i:06d}"
            if t is EntityType.Country:
                eid = f"country/{_iso(i)}"
            e = Entity.model_construct(
                id=eid, type=t, name=f"{t.value} {i}", aliases=[f"{t.value[:3]}{i}"],
                iso3=_iso(i) if t is EntityType.Country else None, wikidata=None, acronym=None,
                parent=None, date="2020" if t is EntityType.Event else None, place=None,
                kind="MoU" if t is EntityType.Agreement else None, title=None, fields=[],
                language=None, path=None, sources=[])
            g.entities[eid] = e
            ids[t].append(eid)
    preds = list(Predicate)
    weights = [1, 4, 2, 1, 3, 1, 4, 1]
    # part_of between bodies makes a forest, as sub-units do: a body has one body above it,
    # ranked before it (hubs rank first), so no cycle. Random part_of between bodies tangled
    # them into one cycle whose WITHIN closure (graph/within.py) grew with the square of the
    # bodies: 3 M pairs at 200,000 facts.
    rank = {eid: i / len(ids[t]) for t in WITHIN_TYPES for i, eid in enumerate(ids[t])}
    above: dict[str, str] = {}
    i = 0
    while len(g.facts) < n_facts:
        p = rng.choices(preds, weights)[0]
        dom, rng_types = PREDICATE_DOMAINS[p]
        st = rng.choice(sorted(dom, key=lambda t: t.value))
        ot = rng.choice(sorted(rng_types, key=lambda t: t.value))
        s, o = _pick(rng, ids[st]), _pick(rng, ids[ot])
        if s == o:
            continue
        if p is Predicate.part_of and s in rank and o in rank:
            if above.get(s, o) != o or rank[o] >= rank[s]:
                continue
            above[s] = o
        doc = f"news-{i // 50:06d}.txt"
        src = Source(document=doc, evidence=f"{s} {p.value} {o} according to a report ({i}).",
                     loader="bench", rule=f"rule-{p.value}", confidence=0.8)
        f = Fact(predicate=p, subject=s, object=o,
                 role="delegate" if p is Predicate.participated_in else None,
                 start=str(2000 + i % 25), sources=[src])
        g.facts.setdefault(f.key(), f)
        i += 1
    return g


def _pick(rng: random.Random, pool: list[str]) -> str:
    """Skewed: a few hubs get most facts, as WHO, ASEAN and Indonesia do in the real graph."""
    return pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)] if rng.random() < 0.3 \
        else rng.choice(pool)


def _graph_of_documents(n_facts: int, seed: int) -> GraphData:
    """The stream's records through the extraction loader, merged: `n_facts` graph facts.

    An `agreement_with` record becomes an Agreement with party_to/signed facts in the graph,
    so documents are taken until `n_facts` graph facts were added (fewer remain where the
    same fact came from two documents and merged).
    """
    from hdkg.graph.model import GraphData
    from hdkg.loaders.extracted import records_from_extraction
    from hdkg.schema.models import Entity, EntityType, make_id

    # Merge here first, then hand each record to GraphData once: GraphData.add_entity
    # rescans an entity's sources on every merge, and Indonesia is in nearly every document.
    entities: dict[str, Entity] = {}
    facts: dict[tuple, Fact] = {}
    seen: dict[object, set] = {}
    added = 0
    for group in _document_records(seed):
        if added >= n_facts:
            break
        doc, lang = group[0]["doc"], group[0]["language"]
        recs = records_from_extraction(group[1:], doc, language=lang)
        doc_entity = Entity(id=make_id(EntityType.Document, doc), type=EntityType.Document,
                            name=doc, language=lang, path=doc)
        for e in [*recs.entities, doc_entity]:
            have = entities.setdefault(e.id, e)
            if have is not e:
                _merge_entity(have, e, _source_keys(seen, e.id, have.sources))
        for f in recs.facts[: n_facts - added]:
            added += 1
            have = facts.setdefault(f.key(), f)
            if have is not f:
                keys = _source_keys(seen, f.key(), have.sources)
                for s in f.sources:
                    if s.key() not in keys:
                        keys.add(s.key())
                        have.sources.append(s)
    g = GraphData()
    for e in entities.values():
        g.add_entity(e)
    for f in facts.values():
        g.add_fact(f)
    return g


def _source_keys(seen: dict, key: object, sources: list[Source]) -> set:
    keys = seen.get(key)
    if keys is None:
        keys = seen[key] = {s.key() for s in sources}
    return keys


def _merge_entity(have: Entity, e: Entity, keys: set) -> None:
    """GraphData.add_entity's merge (names become aliases, sources unioned), in O(new)."""
    for a in [e.name, *e.aliases]:
        if a and a != have.name and a not in have.aliases:
            have.aliases.append(a)
    for attr in ("iso3", "acronym", "parent", "date", "kind", "title", "language", "path"):
        if getattr(have, attr) is None and getattr(e, attr) is not None:
            setattr(have, attr, getattr(e, attr))
    for s in e.sources:
        if s.key() not in keys:
            keys.add(s.key())
            have.sources.append(s)


# --- command line ------------------------------------------------------------------------------


def write_fact_records(n_facts: int, out: Path, seed: int = 0) -> tuple[int, int]:
    """Stream the records to `out`; (records, fact records) written."""
    records = facts = 0
    with open(out, "w", encoding="utf-8") as f:
        buf: list[str] = []
        for rec in generate_fact_records(n_facts, seed):
            buf.append(_dumps(rec))
            records += 1
            facts += rec["kind"] == "fact"
            if len(buf) >= 4096:
                f.write("\n".join(buf) + "\n")
                buf.clear()
        if buf:
            f.write("\n".join(buf) + "\n")
    return records, facts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Synthetic inputs for hdkg benchmarks.")
    sub = ap.add_subparsers(dest="what", required=True)
    a = sub.add_parser("docs", help="write N documents and gold.jsonl to OUT_DIR")
    a.add_argument("n", type=int)
    a.add_argument("out", type=Path)
    a.add_argument("--seed", type=int, default=0)
    a.add_argument("--english-share", type=float, default=0.3)
    b = sub.add_parser("facts", help="stream N fact records (with entities) to OUT.jsonl")
    b.add_argument("n", type=int)
    b.add_argument("out", type=Path)
    b.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    if args.what == "docs":
        paths = generate_documents(args.n, args.out, seed=args.seed,
                                   english_share=args.english_share)
        took = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in paths)
        print(f"wrote {len(paths)} documents ({size / 1024:.0f} KiB) and gold.jsonl to "
              f"{args.out} in {took:.2f}s ({len(paths) / max(took, 1e-9):.0f} docs/s)")
    else:
        records, facts = write_fact_records(args.n, args.out, seed=args.seed)
        took = time.perf_counter() - t0
        print(f"wrote {facts} facts ({records} records) to {args.out} in {took:.2f}s "
              f"({facts / max(took, 1e-9):.0f} facts/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
