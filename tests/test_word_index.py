"""Phrase sets find exactly what their regexes find, only faster: an alternation is tried at
the words its phrases can start with (loaders/text/word_index.py), for the trigger groups
(loaders/text/triggers.py) and the heads of posts, bodies and events (mentions.py)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import hdkg.loaders.text.mentions as M
import hdkg.loaders.text.rules as R
from hdkg.loaders.text.sentences import split_sentences
from hdkg.loaders.text.triggers import TriggerScan, lexicon, trigger_pattern
from hdkg.loaders.text.word_index import PhraseSet, WordIndex, openings

TEXT = (
    "Menteri Kesehatan menghadiri pertemuan itu dan memberikan sambutan pada pembukaan. "
    "Sidang dihadiri pula oleh delegasi dari 30 negara, antara lain Jepang dan Korea. "
    "Peserta lokakarya tersebut adalah para pejabat kementerian. Mereka antara lain dr. A "
    "dan dr. B. The meeting was officially opened by the Minister, who took part in the "
    "panel and delivered his remarks; delegates were signed by nobody. Indonesia, bersama "
    "negara lain: Thailand, Malaysia, terpilih menjadi anggota Dewan Eksekutif. "
    "Both sides met with the Director-General; ke-72 Majelis mengikuti-ikuti nothing. "
    "PESERTA PERTEMUAN ADALAH ... the delegation led the joint delegation at the session.\n"
    "Di bawah pimpinan Menkes, delegasi beranggotakan para direktur."
)


def _regex(predicate: str, group: str, text: str, a: int, b: int) -> list[tuple[int, int]]:
    return [m.span() for m in trigger_pattern(predicate, group).finditer(text, a, b)]


def _scan(scan: TriggerScan, predicate: str, group: str, a: int, b: int
          ) -> list[tuple[int, int]]:
    return [m.span() for m in scan.finditer(predicate, group, a, b)]


def test_every_phrase_of_the_lexicon_is_indexed() -> None:
    unreadable = [p for groups in lexicon().values() for phrases in groups.values()
                  for p in phrases if openings(p) is None]
    assert unreadable == []


def test_openings_of_groups_and_optional_parts() -> None:
    assert openings("menghadiri") == {"meng"}
    assert openings("(?:took|take|takes|taking) part") == {"took", "take", "taki"}
    assert openings("(?:was |were )?signed by") == {"was", "were", "sign"}
    assert openings("participat(?:es|ing)") == {"part"}
    assert openings("met(?: with)?") == {"met"}
    assert openings("a (?:b|c)") == {"a"}
    assert openings("co-chair") == {"co"}
    assert openings("co(?:es|ing)") is None  # a short word that goes on: unreadable
    assert openings(r"\w+ oleh") is None
    assert openings("x?y") is None


@pytest.mark.parametrize(("predicate", "group"), [
    (p, g) for p, groups in lexicon().items() for g in groups])
def test_same_matches_as_the_regex_per_sentence(predicate: str, group: str) -> None:
    scan = TriggerScan(WordIndex(TEXT))
    for a, b in split_sentences(TEXT):
        assert _scan(scan, predicate, group, a, b) == _regex(predicate, group, TEXT, a, b)
    # and over arbitrary windows, which cut words and phrases
    rng = random.Random(7)
    for _ in range(200):
        a = rng.randrange(len(TEXT))
        b = rng.randrange(a, len(TEXT) + 1)
        assert _scan(scan, predicate, group, a, b) == _regex(predicate, group, TEXT, a, b)


def test_finds_triggers_and_answers_any() -> None:
    scan = TriggerScan(WordIndex(TEXT))
    got = [m.group(0) for m in scan.finditer("participated_in", "actor_verbs", 0, len(TEXT))]
    assert "menghadiri" in got and "memberikan sambutan" in got
    first = TEXT.index(".") + 1
    assert scan.any("participated_in", 0, first)
    assert not scan.any("member_of", 0, first)
    assert not re.search("anggota", TEXT[:first])


def test_a_letter_that_lowers_to_two_keeps_the_places() -> None:
    """'İ' lowers to two characters: the index keys each word by itself then."""
    text = "İstanbul: Menteri menghadiri pertemuan itu. Delegasi dihadiri oleh Jepang."
    assert len(text.lower()) != len(text)
    scan = TriggerScan(WordIndex(text))
    for predicate, groups in lexicon().items():
        for group in groups:
            assert _scan(scan, predicate, group, 0, len(text)) == \
                _regex(predicate, group, text, 0, len(text))
    assert [m.group(0) for m in scan.finditer("participated_in", "actor_verbs", 0,
                                              len(text))] == ["menghadiri"]


SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PHRASE_SETS = [(M, "_POST_HEADS"), (M, "_HEADS_ID"), (M, "_HEADS_EN"), (M, "_EV_IDS"),
               (M, "_EV_IDS_LOWER"), (M, "_EV_GENERICS"), (R, "_PRESIDENCY")]


@pytest.mark.parametrize(("module", "name"), PHRASE_SETS, ids=[n for _m, n in PHRASE_SETS])
def test_phrase_sets_of_the_rules_find_what_their_regex_finds(module: object, name: str
                                                              ) -> None:
    phrases: PhraseSet = getattr(module, name)
    assert phrases.keyed is not None  # every head is indexed
    texts = [TEXT, TEXT.upper(), TEXT.lower()]
    if SHARED.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(SHARED.glob("**/*.txt"))]
    rng = random.Random(11)
    for text in texts:
        index = WordIndex(text)
        windows = [*split_sentences(text), (0, len(text))]
        windows += [sorted((rng.randrange(len(text) + 1), rng.randrange(len(text) + 1)))
                    for _ in range(20)]
        for a, b in windows:
            assert [m.span() for m in phrases.finditer(index, a, b)] == \
                [m.span() for m in phrases.plain.finditer(text, a, b)]
