"""`_last_word` walks back from the end of a segment instead of searching it from the start;
it must give exactly the match the search gives."""

from __future__ import annotations

import random

from hdkg.loaders.text.mentions import _LAST_WORD, _last_word


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
