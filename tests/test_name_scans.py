"""Name scans that skip work must find what the plain regex finds: `_last_word` walks back
from the end of a segment instead of searching it from the start, and `_appositions` tries a
name only where one can end at a comma or a parenthesis."""

from __future__ import annotations

import random

from hdkg.loaders.text.mentions import (
    _APPOSITION,
    _CUE_AFTER,
    _LAST_WORD,
    _NAME_ENDING,
    _appositions,
    _context_names,
    _last_word,
)


def _shape(m):  # noqa: ANN001, ANN202 - a match or None
    return m and (m.span(), m.span(1), m.group(1))


def test_same_match_as_the_search_on_random_segments() -> None:
    rng = random.Random(1)
    alphabet = "ab Z,.-&'’_ \t\n1éß)(;İ\u00a0\u2003"
    for _ in range(50_000):
        seg = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        assert _shape(_last_word(seg)) == _shape(_LAST_WORD.search(seg)), repr(seg)


def test_words_commas_and_nothing() -> None:
    assert _last_word("the Programme Coordinating ").group(1) == "Coordinating"
    assert _last_word("Board, ").group(1) == ","
    assert _last_word("A&B  \n").group(1) == "A&B"
    assert _last_word("   ") is None
    assert _last_word("word)") is None


def test_appositions_are_the_matches_of_the_regex() -> None:
    rng = random.Random(5)
    words = ("Budi Gunadi Sadikin van der Berg , ( ) dr. the Minister Al Hajj O’Brien J.K. "
             "Nguyễn Văn Thuấn Ā āb said, Sp.M(K), MPH 12 x-y Ngozi Okonjo-Iweala \n").split(" ")
    for _ in range(5_000):
        s = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 25)))
        assert [m.span() for m in _appositions(s)] == \
            [m.span() for m in _APPOSITION.finditer(s)], repr(s)
    s = "Menkes bertemu Tedros Adhanom Ghebreyesus, Direktur Jenderal WHO (World Health ...)"
    assert [m.group("name") for m in _appositions(s)] == ["Tedros Adhanom Ghebreyesus"]


def test_names_before_a_cue_are_those_the_search_finds() -> None:
    """_context_names starts the search for the name before a cue ("X, who", "X said")
    at the capitalised words that end there; the plain search from 90 characters back
    finds the same names."""
    rng = random.Random(9)
    words = ("Budi Gunadi Sadikin van der Berg , who yang said ( Menzies School ) dr. the "
             "Minister Al Hajj O’Brien J.K. Nguyễn Văn Ā āb from the WHO said, 12 x-y "
             "Okonjo-Iweala mengatakan").split(" ")
    for _ in range(5_000):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 30)))
        plain = []
        for cue in _CUE_AFTER.finditer(text):
            m = _NAME_ENDING.search(text, max(0, cue.start() - 90), cue.start())
            if m:
                plain.append((m.start("name"), m.group("name")))
        got = [x for x in _context_names(text, 0, len(text))][:len(plain)]
        assert got == plain, repr(text)
