"""The first-character guards of the text loader's big patterns change no match
(loaders/text/first_chars.py)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import hdkg.loaders.text.mentions  # noqa: F401 - compiles the guarded patterns
import hdkg.loaders.text.rules  # noqa: F401
from hdkg.loaders.text.first_chars import UNGUARDED, first_chars, guarded

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

TEXT = (
    "Menteri Kesehatan RI, Budi Gunadi Sadikin, menghadiri Sidang Majelis Kesehatan Dunia "
    "ke-77 (WHA77) di Jenewa; sementara itu Wakil Menteri Dante Saksono Harbuwono, yang juga "
    "menjabat Ketua Delegasi, bertemu Dr. Tedros Adhanom Ghebreyesus, Direktur Jenderal WHO. "
    "The Seventy-seventh World Health Assembly and the 5th GHSA Ministerial Meeting were "
    "chaired by H.E. Mr. Somchai, who serves as Minister of Public Health of Thailand. "
    "Presidensi G20 Indonesia 2022 menggelar pertemuan bilateral, kunjungan kerja, dan "
    "courtesy call dengan Kementerian Kesehatan Malaysia (KKM) serta Biro Kerja Sama Luar "
    "Negeri. She takes over from Prof. dr. Nila Moeloek, Sp.M(K), as the new Chair; "
    "HWG kedua (HWG 2), SEARO RC ke-74, the first Summit, a Forty-first session, "
    "dilantik sebagai Duta Besar, the Board's chairmanship, keketuaan ASEAN."
)


def _texts() -> list[str]:
    texts = [TEXT, TEXT.upper(), TEXT.lower()]
    if SHARED.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(SHARED.glob("**/*.txt"))]
    rng = random.Random(3)
    words = re.findall(r"\S+", TEXT)
    texts.append(" ".join(rng.choice(words) for _ in range(3000)))
    return texts


def test_patterns_are_guarded() -> None:
    assert len(UNGUARDED) >= 10
    assert all(p.pattern != src for p, (src, _f) in UNGUARDED.items())


@pytest.mark.parametrize("pattern", list(UNGUARDED), ids=lambda p: p.pattern[:40])
def test_a_guard_changes_no_match(pattern: re.Pattern[str]) -> None:
    src, flags = UNGUARDED[pattern]
    plain = re.compile(src, flags)
    for text in _texts():
        assert [m.span() for m in pattern.finditer(text)] == \
            [m.span() for m in plain.finditer(text)]
        for a in range(0, len(text), 97):  # searches from inside the text, as rules do
            g, p = pattern.search(text, a), plain.search(text, a)
            assert (g and g.span()) == (p and p.span())
            g, p = pattern.match(text, a), plain.match(text, a)
            assert (g and g.span()) == (p and p.span())


def test_first_chars_reads_alternations_options_and_classes() -> None:
    assert first_chars("abc") == ({"a"}, False)
    assert first_chars("(?:the\\s+)?(?:x|[Yy]z)") == ({"t", "x", "Yy"}, False)
    assert first_chars("a?b*c") == ({"a", "b", "c"}, False)
    assert first_chars("a?") == ({"a"}, True)
    assert first_chars("\\d+st") == ({"\\d"}, False)
    assert first_chars("(?=x)y") is None
    assert first_chars("[^a]b") is None
    assert first_chars(".x") is None


def test_guarded_leaves_what_it_cannot_read() -> None:
    assert guarded("(?<![\\w\\-])(?:Sidang|KTT)") == "(?<![\\w\\-])(?=[KS])(?:Sidang|KTT)"
    assert guarded("a|b") == "(?=[ab])(?:a|b)"
    assert guarded("(?<!\\w)a|b") == "(?<!\\w)a|b"  # the lookbehind is the first branch's
    assert guarded("a?b?") == "a?b?"  # may match nothing
    assert guarded("\\bword") == "\\bword"
