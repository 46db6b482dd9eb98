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

from hdkg.loaders.text.word_index import PhraseSet, WordIndex


@cache
def lexicon() -> dict[str, dict[str, list[str]]]:
    """The whole lexicon, read once from the package."""
    text = files("hdkg.loaders.text").joinpath("triggers.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError("triggers.yaml: expected a mapping of predicates")
    return data


def trigger_pattern(predicate: str, group: str) -> re.Pattern[str]:
    """One regex for a group of triggers, longest first, at word boundaries.

    An entry that starts with a capital letter matches case-sensitively (a name-like phrase);
    the others ignore case.
    """
    return phrase_set(predicate, group).plain


# --- finding triggers fast -------------------------------------------------------------------
#
# A trigger group is a `PhraseSet` (word_index.py): tried only at the words its phrases can
# open with. Its matches are exactly those of `trigger_pattern(...).finditer` (tested).


def _case(phrase: str) -> str:
    """A phrase that starts with a capital matches case-sensitively, the others ignore case."""
    return phrase if phrase[:1].isupper() else f"(?i:{phrase})"


@cache
def phrase_set(predicate: str, group: str) -> PhraseSet:
    """The group's phrases, longest first, as the trigger pattern has them."""
    return PhraseSet(sorted(lexicon()[predicate][group], key=len, reverse=True), wrap=_case)


@cache
def _groups(predicate: str) -> tuple[tuple[str, PhraseSet], ...]:
    return tuple((g, phrase_set(predicate, g)) for g in lexicon()[predicate])


class TriggerScan:
    """The triggers of one document, found per sentence through the document's word index."""

    def __init__(self, index: WordIndex) -> None:
        self.index = index
        self._found: dict[tuple[str, str, int, int], list[re.Match[str]]] = {}
        self._openers: dict[str, list[int] | None] = {}

    def finditer(self, predicate: str, group: str, a: int, b: int) -> list[re.Match[str]]:
        """The group's triggers in [a, b), left to right, not overlapping."""
        key = (predicate, group, a, b)
        got = self._found.get(key)
        if got is None:
            got = self._found[key] = phrase_set(predicate, group).finditer(self.index, a, b)
        return got

    def any(self, predicate: str, a: int, b: int) -> bool:
        """Whether any trigger of a predicate lies in [a, b). Most sentences hold no word a
        trigger of the predicate can start with: one bisection says so."""
        if predicate not in self._openers:
            sets = _groups(predicate)
            self._openers[predicate] = None if any(ps.keyed is None for _g, ps in sets) else \
                sorted({p for _g, ps in sets for p in self.index.spots(ps)[0]})
        starts = self._openers[predicate]
        if starts is not None:  # None: some group is scanned whole, so always look
            i = bisect.bisect_left(starts, a)
            if i == len(starts) or starts[i] >= b:
                return False
        return any(self.finditer(predicate, g, a, b) for g, _ps in _groups(predicate))
