"""Ministries, embassies, permanent missions and consulates keyed by what they are.

"Kementerian Kesehatan dan Kesejahteraan Korea Selatan", "Ministry of Health and Welfare of
South Korea" and the extractor's "Ministry of Health and Welfare of Korea Selatan" are one
ministry: the state (KOR) and the portfolio (health, welfare). `parse` reads such a key out
of a name in either language; the resolver gives every name with the same key one id and
one name, in one language (`canonical_name`). The words are data
(`data/reference/institutions.yaml`: portfolio terms, short forms of ministry heads, city
names), so an analyst extends them without touching code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from hdkg.loaders import reference
from hdkg.schema.models import name_key

INSTITUTIONS_FILE = "reference/institutions.yaml"


@dataclass(frozen=True)
class InstitutionKey:
    """What an institution is: kind, state (ISO alpha-3) and portfolio terms or city."""

    kind: str  # ministry | coordinating-ministry | embassy | mission | consulate
    country: str
    what: tuple[str, ...]  # ministry: sorted portfolio terms; the others: (city,)

    def slug(self) -> str:
        return f"{self.kind} {self.country.lower()} {' '.join(self.what)}"


@dataclass(frozen=True)
class Parsed:
    """A key and what the name said, for naming the institution in one language."""

    key: InstitutionKey
    terms: tuple[str, ...]  # portfolio terms (English where known) in the order written
    written: tuple[str, ...]  # the same, as written
    known: bool  # every term has an English form
    language: str  # "en" or "id": the language of the name's head
    mixed: bool  # the name mixes the two languages ("... of Korea Selatan")


@dataclass(frozen=True)
class _Tables:
    terms: dict[str, tuple[str, str]]  # name_key of a word -> (English term, language)
    abbreviations: dict[str, str]
    cities: dict[str, str]  # name_key -> English name
    states: dict[str, str]  # name_key -> ISO alpha-3
    with_the: frozenset[str]


@lru_cache(maxsize=1)
def tables() -> _Tables:
    from hdkg.loaders.reference import data_dir

    raw = yaml.safe_load((data_dir() / INSTITUTIONS_FILE).read_text(encoding="utf-8"))
    terms: dict[str, tuple[str, str]] = {}
    for en, words in (raw.get("portfolios") or {}).items():
        terms[name_key(en)] = (en, "en")
        for w in words or []:
            lang = "en" if re.search(r"(?i)\b(?:affairs|foreign|defense|labor|interior|sports|"
                                     r"manpower|commerce|transportation|the)\b", w) else "id"
            terms.setdefault(name_key(w), (en, lang))
    cities: dict[str, str] = {}
    for en, others in (raw.get("cities") or {}).items():
        for n in [en, *(others or [])]:
            cities.setdefault(name_key(n), en)
    states = {name_key(k): v for k, v in (raw.get("states") or {}).items()}
    return _Tables(terms, dict(raw.get("abbreviations") or {}), cities, states,
                   frozenset(raw.get("states_with_the") or ()))


def clear_caches() -> None:
    tables.cache_clear()
    parse.cache_clear()


reference.on_clear_caches(clear_caches)  # the tables are read from the reference folder


# --- states ---------------------------------------------------------------------------------

def _iso(text: str) -> str | None:
    from hdkg.loaders.reference import country_iso3

    text = text.strip(" ,.")
    if not text:
        return None
    iso = country_iso3(text) or tables().states.get(name_key(text))
    if iso is None:
        iso = _demonyms().get(text) or _demonyms().get(re.sub(r"['’]s$", "", text))
    if iso is None and re.search(r"['’]s$", text):
        iso = country_iso3(re.sub(r"['’]s$", "", text))
    return iso


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    from hdkg.loaders.text.mentions import DEMONYMS

    return {**DEMONYMS, "Lao": "LAO", "U.S.": "USA", "US": "USA", "AS": "USA"}


def _country_language(text: str, iso: str) -> str | None:
    """'en' or 'id' when the state is written in one language only, else None."""
    from hdkg.loaders.reference import country_short_name

    k = name_key(text)
    en, id_ = name_key(country_short_name(iso, "en")), name_key(country_short_name(iso, "id"))
    if en == id_:
        return None
    return "en" if k == en else "id" if k == id_ else None


def _split_country_suffix(words: list[str]) -> tuple[list[str], str | None, str]:
    """(words before, ISO code, the state as written) for the longest suffix that is a
    state ("Kesehatan Korea Selatan" -> Kesehatan, KOR)."""
    for i in range(len(words)):
        tail = " ".join(words[i:])
        iso = _iso(tail)
        if iso is not None:
            return words[:i], iso, tail
    return words, None, ""


# --- portfolios -----------------------------------------------------------------------------

_SEP = re.compile(r"\s*,\s*|\s+(?:dan|and|serta|&)\s+", re.I)


def _portfolio(text: str) -> tuple[tuple[str, ...], tuple[str, ...], bool, set[str]]:
    """(terms, as written, all known, languages seen) of a portfolio phrase."""
    t = tables()
    terms, written, langs, known = [], [], set(), True
    for part in _SEP.split(text.strip(" ,")):
        part = re.sub(r"^(?:serta|dan|and)\s+", "", part.strip(), flags=re.I)
        if not part:
            continue
        hit = t.terms.get(name_key(part))
        if hit is None:
            known = False
            terms.append(name_key(part))
        else:
            terms.append(hit[0])
            langs.add(hit[1])
        written.append(part)
    return tuple(terms), tuple(written), known, langs


# --- names ----------------------------------------------------------------------------------

_EN_MINISTRY = re.compile(
    r"^(?:the\s+)?(?P<pre>.*?)\s*(?:(?:Union|Federal|National)\s+)?(?P<co>Coordinating\s+)?"
    r"(?:Ministry|Department)\s+(?:of|for)\s+(?P<rest>.+)$")
_ID_MINISTRY = re.compile(r"^(?:Kementerian|Kementrian|Departemen)\s+(?:Negara\s+)?"
                          r"(?P<co>Koordinator\s+)?(?:Bidang\s+)?(?P<rest>.+)$")
_STATE_WORDS = re.compile(r"(?i)\s+(?:the\s+)?(?:republic|republik|kingdom|kerajaan)$")
_EN_EMBASSY = re.compile(
    r"^(?:the\s+)?(?:(?P<pre>.+?)\s+)?(?P<kind>Embassy|Permanent Mission|Consulate[- ]General"
    r"|Consulate)(?:\s+of\s+(?:the\s+)?(?P<of>.+?))?(?:\s+(?:to\s+(?:the\s+)?.+?\s+)?"
    r"(?:in|at)\s+(?P<city>.+))?$")
_ID_EMBASSY = re.compile(
    r"^(?P<kind>KBRI|KJRI|PTRI|Kedutaan Besar|Kedubes|Perwakilan Tetap|Perutusan Tetap|"
    r"Konsulat Jenderal|Konsulat)\s*(?P<rest>.*)$")
_ID_KINDS = {"KBRI": ("embassy", "IDN"), "KJRI": ("consulate", "IDN"),
             "PTRI": ("mission", "IDN"), "Kedutaan Besar": ("embassy", None),
             "Kedubes": ("embassy", None), "Perwakilan Tetap": ("mission", None),
             "Perutusan Tetap": ("mission", None), "Konsulat Jenderal": ("consulate", None),
             "Konsulat": ("consulate", None)}


def _clean(name: str) -> str:
    name = re.sub(r"\s*\([^)]*\)", "", name)  # "(VWS)", "(RDTL)"
    return " ".join(name.replace("’", "'").split()).strip(" ,.")


def _expand(name: str) -> str:
    first, _, rest = name.partition(" ")
    full = tables().abbreviations.get(first)
    if full and rest:
        return f"{full} {rest}"
    return name


@lru_cache(maxsize=8192)
def parse(name: str) -> Parsed | None:
    """The key of a ministry, embassy, mission or consulate name that says its state."""
    name = _expand(_clean(name))
    if not name:
        return None
    return _ministry(name) or _post(name)


def _ministry(name: str) -> Parsed | None:
    m = _EN_MINISTRY.match(name)
    if m:
        rest, iso, state = m.group("rest"), None, ""
        pre = m.group("pre").strip()
        if pre:
            iso, state = _iso(pre), pre
            if iso is None:
                return None  # "Programme of ..." or a body inside the ministry
        parts = re.split(r"\s+(?:of|for)\s+(?:the\s+)?(?:Republic\s+of\s+)?", rest)
        if iso is None and len(parts) > 1:
            for i in range(len(parts) - 1, 0, -1):
                cand = " of ".join(parts[i:])
                iso = _iso(cand)
                if iso is not None:
                    rest, state = " of ".join(parts[:i]), cand
                    break
        if iso is None:
            words, iso, state = _split_country_suffix(rest.split())
            rest = " ".join(words)
        rest = _STATE_WORDS.sub("", rest)
        if iso is None or not rest:
            return None
        return _made("coordinating-ministry" if m.group("co") else "ministry", iso, rest,
                     state, "en")
    m = _ID_MINISTRY.match(name)
    if m:
        words, iso, state = _split_country_suffix(m.group("rest").split())
        words = [w for w in words if name_key(w) not in ("republik", "kerajaan")]
        if iso is None or not words:
            return None
        return _made("coordinating-ministry" if m.group("co") else "ministry", iso,
                     " ".join(words), state, "id")
    return None


def _made(kind: str, iso: str, portfolio: str, state: str, language: str) -> Parsed | None:
    if re.search(r"(?i)(?:\s(?:dan|and|serta|&)|,)$", portfolio) or any(
            _iso(w) for w in portfolio.split() if w[:1].isupper() and name_key(w) not in
            tables().terms):
        return None  # "Kementerian Kesehatan RI dan Papua Nugini": two bodies, not one
    terms, written, known, langs = _portfolio(portfolio)
    if not terms:
        return None
    state_lang = _country_language(state, iso) if state else None
    langs = langs | ({state_lang} if state_lang else set())
    mixed = bool(langs - {language})
    key = InstitutionKey(kind, iso, tuple(sorted(set(terms))))
    return Parsed(key, terms, written, known, language, mixed)


def _city(text: str) -> str | None:
    text = text.strip(" ,.")
    if not text or not re.match(r"[A-Z]", text):
        return None
    return tables().cities.get(name_key(text), text)


def _post(name: str) -> Parsed | None:
    m = _ID_EMBASSY.match(name)
    if m:
        kind, iso = _ID_KINDS[m.group("kind")]
        # "Kedutaan Besar Fiji di Jakarta", "Perwakilan Tetap RI untuk PBB di Jenewa",
        # "Konsulat Jenderal RI Frankfurt", "KBRI New Delhi"
        head, sep, city = m.group("rest").rpartition(" di ")
        state = None
        if sep:
            head = re.sub(r"\s+untuk\s+.*$", "", head).strip()
            state = _iso(head) if head else None
        else:
            words = city.split()
            for i in range(len(words) - 1, 0, -1):
                state = _iso(" ".join(words[:i]))
                if state is not None:
                    city = " ".join(words[i:])
                    break
            if iso is None and state is None:
                return None  # "Kedutaan Besar Fiji": no city
        if iso is None:
            iso = state
        elif state not in (None, iso):
            return None
        c = _city(city)
        if iso is None or c is None:
            return None
        return Parsed(InstitutionKey(kind, iso, (c,)), (c,), (c,), True, "id", False)
    m = _EN_EMBASSY.match(name)
    if m:
        kind = {"embassy": "embassy", "permanent mission": "mission"}.get(
            m.group("kind").lower(), "consulate")
        iso = _iso(m.group("of") or "") or _iso(m.group("pre") or "")
        c = _city(m.group("city") or "")
        if iso is None or c is None:
            return None
        return Parsed(InstitutionKey(kind, iso, (c,)), (c,), (c,), True, "en", False)
    return None


def _terms_phrase(terms: tuple[str, ...], english: bool = True, title: bool = True) -> str:
    if title:
        terms = tuple(" ".join(w if w in ("of", "and", "the") else w[:1].upper() + w[1:]
                               for w in t.split()) for t in terms)
    if len(terms) == 1:
        return terms[0]
    return ", ".join(terms[:-1]) + (" and " if english else " dan ") + terms[-1]


def _state_en(iso: str) -> str:
    from hdkg.loaders.reference import country_short_name

    name = country_short_name(iso, "en")
    return f"the {name}" if name in tables().with_the else name


def canonical_name(p: Parsed) -> str:
    """One name, in one language: English where every portfolio term has an English form,
    else the language of the name's head with the state in that language."""
    from hdkg.loaders.reference import country_short_name

    k = p.key
    if k.kind != "ministry":
        state, city = _state_en(k.country), k.what[0]
        head = {"embassy": "Embassy", "mission": "Permanent Mission",
                "consulate": "Consulate General"}[k.kind]
        return f"{head} of {state} in {city}"
    if k.kind == "coordinating-ministry":
        if p.known:
            return f"Coordinating Ministry for {_terms_phrase(p.terms)} of {_state_en(k.country)}"
        return (f"Kementerian Koordinator {_terms_phrase(p.written, False, False)} "
                f"{country_short_name(k.country, 'id')}")
    if p.known:
        return f"Ministry of {_terms_phrase(p.terms)} of {_state_en(k.country)}"
    if p.language == "id":
        phrase = _terms_phrase(p.written, english=False, title=False)
        return f"Kementerian {phrase} {country_short_name(k.country, 'id')}"
    return f"Ministry of {_terms_phrase(p.written, title=False)} of {_state_en(k.country)}"
