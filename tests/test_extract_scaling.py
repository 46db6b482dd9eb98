"""The extractor's work grows in proportion to a document's size (issue 15).

No timings here (those are in bench/extract.py): the work is counted as the lines of the
text loader that run, which is the same on any machine. A document of four copies of a text
must cost about four times one copy; a lookup that walks the whole document per mention
(a re-sort, a scan to the end, a list rebuilt) makes that ratio grow with the size.
"""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from hdkg.loaders.text import extract_text, sentences
from hdkg.loaders.text.mentions import analyse
from hdkg.loaders.text.sentences import PIECE, split_sentences

# Written for this test, in the genre's forms: posts, titled names, bodies, events with
# ordinals, dates, an agreement, a member list, acronyms, later short mentions.
PARAGRAPH = """\
Jakarta, 12 Maret 2024 - Menteri Kesehatan RI Budi Gunadi Sadikin menghadiri Pertemuan \
Menteri Kesehatan ASEAN ke-16 di Bangkok pada Selasa (12/3). Delegasi Indonesia dipimpin \
oleh Dirjen Pelayanan Kesehatan dr. Azhar Jaya, SKM, MARS. Menkes Budi menandatangani MoU \
antara Indonesia dan Thailand tentang kerja sama kesehatan pada 13 Maret 2024.
Kementerian Kesehatan Thailand menjadi tuan rumah Joint Working Group on Health (JWG) \
pertama. Indonesia merupakan anggota Executive Board WHO periode 2021-2024.
The 5th Global Health Security Ministerial Meeting was chaired by Dr. Somchai Wongsawat, \
Thailand's Minister of Public Health, and attended by Malaysia, Singapore and Viet Nam.
ASEAN beranggotakan sepuluh negara (Brunei Darussalam, Kamboja, Indonesia, Laos, Malaysia, \
Myanmar, Filipina, Singapura, Thailand dan Vietnam). JWG kedua akan digelar tahun depan.
"""

LOADER = str(Path(sentences.__file__).parent)


def lines_run(text: str) -> int:
    """How many lines of the text loader run to extract `text` (a deterministic count of
    the Python work; regular expressions count as one line each)."""
    count = 0

    def local(frame, event, arg):  # noqa: ANN001, ANN202 - sys.settrace's signature
        nonlocal count
        if event == "line":
            count += 1
        return local

    def glob(frame, event, arg):  # noqa: ANN001, ANN202
        return local if frame.f_code.co_filename.startswith(LOADER) else None

    extract_text(text, "warm.txt")  # caches (gazetteer, compiled patterns) are not counted
    old = sys.gettrace()
    sys.settrace(glob)
    try:
        extract_text(text, "x.txt")
    finally:
        sys.settrace(old)
    return count


@contextmanager
def at_most(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: a guard, not a timing."""
    def stop(signum, frame):  # noqa: ANN001, ANN202
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_copies_find_what_one_copy_finds() -> None:
    one = analyse(PARAGRAPH)
    four = analyse(PARAGRAPH * 4)
    assert len(one.mentions) > 20 and len(one.sentences) >= 6
    assert len(four.sentences) == 4 * len(one.sentences)
    assert set(four.entities) == set(one.entities)
    facts = _facts(PARAGRAPH)
    assert len(facts) >= 5
    assert _facts(PARAGRAPH * 4) == facts


def _facts(text: str) -> set[str]:
    return {json.dumps([r["predicate"], r["subject"], r["object"]], sort_keys=True)
            for r in extract_text(text, "x.txt") if r["kind"] == "fact"}


def test_work_grows_linearly_with_real_text() -> None:
    base = PARAGRAPH * 8
    small, large = lines_run(base), lines_run(base * 4)
    print(f"4x the text: {large / small:.2f}x the work")
    assert large <= 4.5 * small, f"4x the text took {large / small:.2f}x the work"


@pytest.mark.parametrize("word", ["Kesehatan", "Pertemuan", "Meeting", "Board", "Menteri"])
def test_work_grows_linearly_on_one_long_line(word: str) -> None:
    base = " ".join([word] * 1500)  # a line with no sentence end, over MAX_SENTENCE
    small, large = lines_run(base), lines_run(" ".join([base] * 4))
    print(f"4x the line of {word!r}: {large / small:.2f}x the work")
    assert large <= 4.5 * small, f"4x the line took {large / small:.2f}x the work"


@pytest.mark.parametrize("word", ["Kesehatan", "Meeting"])
def test_long_line_of_one_word_finishes(word: str) -> None:
    text = " ".join([word] * (300_000 // (len(word) + 1)))
    with at_most(20):
        records = extract_text(text, "x.txt")
    assert isinstance(records, list)


def test_overlong_sentences_are_cut_between_words(monkeypatch: pytest.MonkeyPatch) -> None:
    line = " ".join(["Kesehatan"] * 2000) + ". Budi hadir."
    spans = split_sentences(line)
    assert len(spans) > 2 and all(b - a <= PIECE for a, b in spans)
    assert " ".join(line[a:b] for a, b in spans) == line  # nothing lost, no word split
    assert line[spans[-1][0]:spans[-1][1]] == "Budi hadir."
    text = PARAGRAPH * 3
    cut = split_sentences(text)
    monkeypatch.setattr(sentences, "MAX_SENTENCE", 10**9)
    assert split_sentences(text) == cut  # sentences of press text are never cut
