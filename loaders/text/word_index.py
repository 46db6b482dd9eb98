"""Alternations of words tried only where they can start: a document's words indexed once.

The costliest regex work of extraction is an alternation of many words or phrases (trigger
lexicons, post titles, heads of body and event names) tried at every word start of every
sentence. Every such phrase starts at a word, so a document's words are indexed once by
their first KEY letters (`WordIndex`), and a `PhraseSet` is tried only at the words whose
opening one of its phrases can have, with only those phrases. Its matches are exactly those
of the whole alternation's `finditer(text, a, b)` (tested). A phrase whose opening cannot be
read off (one starting with a character class) makes its set fall back to the plain regex.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from hdkg.loaders.text.first_chars import alternatives, closing_paren

KEY = 4  # letters of a word's opening that index it
_WORD = re.compile(r"\w+")
_OPENING = re.compile(rf"(\w{{1,{KEY}}})\w*")  # a word, its opening captured
WORD_START = r"(?<![\w\-])"  # what every indexed phrase set opens with
WORD_END = r"(?![\w\-])"


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
    if run and after[:1] in ("", " ", "-") or after.startswith(("\\s", "\\ ", "\\-")) or (
            after.startswith("(?:") and all(
                alt[:1] in (" ", "-") or alt.startswith(("\\s", "\\ ", "\\-"))
                for alt in alternatives(after[3:closing_paren(after, 0)]))):
        return frozenset({run.lower()})  # a short word that ends here
    return None


class WordIndex:
    """The word starts of one text by their opening (lower-cased first KEY letters); a word
    right after a hyphen ("ke-72") is no start."""

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower()
        if len(low) != len(text):  # a letter that lowers to two: key each word by itself
            starts = list(map(re.Match.start, _WORD.finditer(text)))
            keys = [w[:KEY].lower() for w in _WORD.findall(text)]
        else:  # the same places in both: the keys come out of the regex
            starts = list(map(re.Match.start, _OPENING.finditer(low)))
            keys = _OPENING.findall(low)
        self._words: dict[str, list[int]] = {}
        for s, k in zip(starts, keys, strict=True):
            if s and text[s - 1] == "-":
                continue
            self._words.setdefault(k, []).append(s)
        self._spots: dict[PhraseSet, tuple[list[int], list[str]]] = {}

    def spots(self, phrases: PhraseSet) -> tuple[list[int], list[str]]:
        """The word starts where a phrase of the set can begin, with their openings."""
        got = self._spots.get(phrases)
        if got is None:
            keyed = phrases.keyed or {}
            spots = sorted((pos, k) for k in keyed.keys() & self._words.keys()
                           for pos in self._words[k])
            got = ([p for p, _k in spots], [k for _p, k in spots])
            self._spots[phrases] = got
        return got


class PhraseSet:
    """`WORD_START (?:phrase|phrase|...) tail` with `flags`, tried by word opening.

    `wrap` turns a phrase into its part of the alternation (the trigger lexicon wraps the
    lower-case ones in `(?i:...)`); the phrases keep their order, so the alternation means
    what the plain one does.
    """

    def __init__(self, phrases: list[str], tail: str = WORD_END, flags: int = 0,
                 wrap: Callable[[str], str] | None = None) -> None:
        parts = [wrap(p) if wrap else p for p in phrases]
        self.plain = re.compile(WORD_START + "(?:" + "|".join(parts) + ")" + tail, flags)
        by_key: dict[str, list[str]] = {}
        self.keyed: dict[str, re.Pattern[str]] | None = {}
        for p, part in zip(phrases, parts, strict=True):
            keys = openings(p)
            if keys is None:
                self.keyed = None
                break
            for k in keys:
                by_key.setdefault(k, []).append(part)
        if self.keyed is not None:
            self.keyed = {k: re.compile(WORD_START + "(?:" + "|".join(v) + ")" + tail, flags)
                          for k, v in by_key.items()}

    def finditer(self, index: WordIndex, a: int, b: int) -> list[re.Match[str]]:
        """The matches in [a, b) of index.text, left to right, not overlapping: those of
        `self.plain.finditer(text, a, b)`."""
        text = index.text
        if self.keyed is None:
            return list(self.plain.finditer(text, a, b))
        starts, keys = index.spots(self)
        got = []
        last = a
        i = bisect.bisect_left(starts, a)
        while i < len(starts) and starts[i] < b:
            if starts[i] >= last:
                m = self.keyed[keys[i]].match(text, starts[i], b)
                if m is not None:
                    got.append(m)
                    last = m.end()
            i += 1
        return got
