"""The trigger lexicon (`triggers.yaml`): the words of each predicate, kept as data.

Rules decide who and what a trigger connects; the lexicon only says which words trigger,
so that a phrase real text uses is added without touching the rules.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from importlib.resources import files

import yaml

from hdkg.loaders.text.first_chars import alternatives, closing_paren


@cache
def lexicon() -> dict[str, dict[str, list[str]]]:
    """The whole lexicon, read once from the package."""
    text = files("hdkg.loaders.text").joinpath("triggers.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError("triggers.yaml: expected a mapping of predicates")
    return data


@cache
def trigger_pattern(predicate: str, group: str) -> re.Pattern[str]:
    """One regex for a group of triggers, longest first, at word boundaries.

    An entry that starts with a capital letter matches case-sensitively (a name-like phrase);
    the others ignore case.
    """
    phrases = lexicon()[predicate][group]
    parts = []
    for p in sorted(phrases, key=len, reverse=True):
        parts.append(p if p[:1].isupper() else f"(?i:{p})")
    return re.compile(r"(?<![\w\-])(?:" + "|".join(parts) + r")(?![\w\-])")


# --- finding triggers fast -------------------------------------------------------------------
#
# A trigger alternation tried at every word start of every sentence is the costliest regex work
# of extraction (hundreds of phrases each). Every phrase starts at a word, so the words of a
# document are indexed once by their first four letters, and a group's pattern is tried only at
# the words whose opening some phrase of the group can have, with only those phrases. The
# matches are exactly those of `trigger_pattern(...).finditer` (tested); a phrase whose opening
# cannot be read off (one starting with a character class) makes its group fall back to the
# plain regex scan.

_WORD = re.compile(r"\w+")
KEY = 4  # letters of a word's opening that index it
_OPENING = re.compile(rf"(\w{{1,{KEY}}})\w*")  # a word, its opening captured


def openings(phrase: str) -> frozenset[str] | None:
    """The lower-cased first KEY letters (or the whole word, when it is shorter) of every word a
    phrase can start with; None when they cannot be read off the phrase."""
    if phrase.startswith("(?:"):
        end = closing_paren(phrase, 0)
        if end < 0:
            return None
        rest = phrase[end + 1:]
        optional = rest[:1] in ("?", "*") or rest.startswith("{0")
        if rest[:1] in ("?", "*", "+", "{"):
            rest = rest[rest.index("}") + 1:] if rest[:1] == "{" else rest[1:]
            if rest[:1] == "?":  # a lazy quantifier
                rest = rest[1:]
        out: set[str] = set()
        for alt in alternatives(phrase[3:end]):
            got = openings(alt + rest)
            if got is None:
                return None
            out |= got
        if optional:
            got = openings(rest)
            if got is None:
                return None
            out |= got
        return frozenset(out)
    run = re.match(r"[^\W\d_]*", phrase).group(0)
    after = phrase[len(run):]
    if after[:1] in ("?", "*", "{"):
        run = run[:-1]  # its last letter is optional: the word is known up to before it
    if len(run) >= KEY:
        return frozenset({run[:KEY].lower()})
    if run and after[:1] in ("", " ", "-") or after.startswith("\\s") or (
            after.startswith("(?:") and all(
                alt[:1] in (" ", "-") or alt.startswith("\\s")
                for alt in alternatives(after[3:closing_paren(after, 0)]))):
        return frozenset({run.lower()})  # a short word that ends here
    return None


def _phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    parts = [p if p[:1].isupper() else f"(?i:{p})"
             for p in sorted(phrases, key=len, reverse=True)]
    return re.compile(r"(?<![\w\-])(?:" + "|".join(parts) + r")(?![\w\-])")


@cache
def _keyed(predicate: str, group: str) -> dict[str, re.Pattern[str]] | None:
    """Per word opening, the pattern of the group's phrases that can start there; None when
    some phrase's opening cannot be read (the group is scanned whole)."""
    phrases = lexicon()[predicate][group]
    by_key: dict[str, list[str]] = {}
    for p in phrases:
        keys = openings(p)
        if keys is None:
            return None
        for k in keys:
            by_key.setdefault(k, []).append(p)
    return {k: _phrase_regex(v) for k, v in by_key.items()}


@cache
def _all_openings() -> frozenset[str]:
    """Every opening of every indexed phrase: the only words worth indexing."""
    return frozenset(k for predicate, groups in lexicon().items() for group in groups
                     for k in (_keyed(predicate, group) or {}))


class TriggerScan:
    """The triggers of one document: its words indexed once, each group found per sentence
    exactly as `trigger_pattern(predicate, group).finditer(text, a, b)` finds it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: dict[str, list[int]] = {}
        low = text.lower()
        if len(low) != len(text):  # a letter that lowers to two: key each word by itself
            starts = list(map(re.Match.start, _WORD.finditer(text)))
            keys = [w[:KEY].lower() for w in _WORD.findall(text)]
        else:  # the same places in both: the keys come out of the regex
            starts = list(map(re.Match.start, _OPENING.finditer(low)))
            keys = _OPENING.findall(low)
        wanted = _all_openings()
        for i in [i for i, k in enumerate(keys) if k in wanted]:
            s = starts[i]
            if s and text[s - 1] == "-":
                continue  # "ke-72": no trigger starts after a hyphen
            self._words.setdefault(keys[i], []).append(s)
        self._spots: dict[tuple[str, str], tuple[list[int], list[str]]] = {}
        self._found: dict[tuple[str, str, int, int], list[re.Match[str]]] = {}
        self._openers: dict[str, list[int] | None] = {}

    def _spots_of(self, predicate: str, group: str) -> tuple[list[int], list[str]]:
        """The word starts where a phrase of the group can begin, with their openings."""
        got = self._spots.get((predicate, group))
        if got is None:
            keyed = _keyed(predicate, group) or {}
            spots = sorted((pos, k) for k in keyed.keys() & self._words.keys()
                           for pos in self._words[k])
            got = ([p for p, _k in spots], [k for _p, k in spots])
            self._spots[(predicate, group)] = got
        return got

    def finditer(self, predicate: str, group: str, a: int, b: int) -> list[re.Match[str]]:
        """The group's triggers in [a, b), left to right, not overlapping."""
        key = (predicate, group, a, b)
        got = self._found.get(key)
        if got is not None:
            return got
        keyed = _keyed(predicate, group)
        if keyed is None:
            got = list(trigger_pattern(predicate, group).finditer(self.text, a, b))
        else:
            starts, keys = self._spots_of(predicate, group)
            got = []
            last = a
            i = bisect.bisect_left(starts, a)
            while i < len(starts) and starts[i] < b:
                if starts[i] >= last:
                    m = keyed[keys[i]].match(self.text, starts[i], b)
                    if m is not None:
                        got.append(m)
                        last = m.end()
                i += 1
        self._found[key] = got
        return got

    def any(self, predicate: str, a: int, b: int) -> bool:
        """Whether any trigger of a predicate lies in [a, b). Most sentences hold no word a
        trigger of the predicate can start with: one bisection says so."""
        if predicate not in self._openers:
            groups = lexicon()[predicate]
            self._openers[predicate] = None if any(
                _keyed(predicate, g) is None for g in groups) else sorted(
                {p for g in groups for p in self._spots_of(predicate, g)[0]})
        starts = self._openers[predicate]
        if starts is not None:  # None: some group is scanned whole, so always look
            i = bisect.bisect_left(starts, a)
            if i == len(starts) or starts[i] >= b:
                return False
        return any(self.finditer(predicate, g, a, b) for g in lexicon()[predicate])
