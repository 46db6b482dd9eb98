"""Sentence spans. A regex splitter, not spaCy: it is the hot loop of `hdkg extract`, and on
press text with titles and degrees ("Prof. Dr. dr. Nila ..., Sp.M(K)") a list of
abbreviations does as well as the sentencizer at a fraction of its start-up cost.
"""

from __future__ import annotations

import re

# Tokens that end with a period without ending a sentence.
ABBREVIATIONS = frozenset(
    "dr drg dra drs prof ir h hj st no jl sp kes sc ph phil ped pd mph sip mba md msc "
    "ma mm mh sh skm mkm mars purn letjen mayjen brigjen jend kol ltd inc co corp "
    "vs etc e g i u s mr mrs ms messrs jr sr rev gov gen lt col capt sgt rp tel hlm "
    "dll dsb dkk yth bpk ibu sdr hon hj a b c d f j k l m n o p q r t v w x y z".split())

# Degrees written after a name: a period after one ends the sentence when a capital follows
# ("..., dr. Endang Rahayu, MPH, Dr. PH. Forum ...").
DEGREE_ABBREVIATIONS = frozenset("mph sip mba msc ma mm mh sh skm mkm mars ph kes epid phd md "
                                 "ked sked".split())
_AFTER_DEGREES = re.compile(r",\s*(?:Dr\.\s?)?[A-Za-z.()]+$")

# A "sentence" longer than MAX_SENTENCE is no sentence (a line with no sentence end: a
# table or a list run together, one word repeated): it is cut into pieces of at most PIECE
# characters, after a clause mark or between words where it can be, so that the rules,
# which read a sentence at a time and may look at all of it for each word, take time in
# proportion to the text. Press sentences are far shorter (under 900 characters in the
# corpora) and are never cut.
MAX_SENTENCE = 3000
PIECE = 1000

_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9À-Ý])")
_WORD_BEFORE = re.compile(r"([\w()\-]+)\.*$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; spans are stripped. A line break ends a sentence,
    except a soft one that text copied from a web page keeps inside a sentence: the next line
    goes on in lower case ("... kedua\nnegara ..."), or is a short tail that ends it ("...
    prioritas Indonesia terhadap\nKuba.")."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in _logical_lines(text):
        _split_line(line, pos, spans)
        pos += len(line) + 1
    if any(b - a > MAX_SENTENCE for a, b in spans):
        spans = [p for a, b in spans for p in _cut(text, a, b)]
    return spans


_FINAL = re.compile(r"[.!?:;\"”’)\]]\s*$")


def _logical_lines(text: str) -> list[str]:
    """The lines of `text`, a soft line break joining two of them (its newline is kept, so
    offsets stay those of `text`)."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and _soft_break(out[-1], line):
            out[-1] += "\n" + line
        else:
            out.append(line)
    return out


def _soft_break(before: str, line: str) -> bool:
    last = before.rsplit("\n", 1)[-1].strip()
    nxt = line.strip()
    if not last or not nxt or _FINAL.search(last):
        return False
    if nxt[0].islower():
        return True
    return len(last) >= 40 and len(nxt) < 40 and bool(re.search(r"[.!?]$", nxt)) and \
        last[-1].islower()


def _cut(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A span of at most MAX_SENTENCE characters as itself, a longer one in pieces."""
    out: list[tuple[int, int]] = []
    if b - a <= MAX_SENTENCE:
        return [(a, b)]
    while b - a > PIECE:
        end = a + PIECE
        half = a + PIECE // 2
        cut = max(text.rfind(", ", half, end), text.rfind("; ", half, end))
        cut = cut + 1 if cut >= 0 else max(text.rfind(" ", half, end), text.rfind("\t", half, end))
        if cut < 0:
            cut = end
        _add(text, a, cut, 0, out)
        a = cut
        while a < b and text[a].isspace():
            a += 1
    _add(text, a, b, 0, out)
    return out


def _split_line(line: str, offset: int, spans: list[tuple[int, int]]) -> None:
    start = 0
    for m in _END.finditer(line):
        if m.group(0).startswith(".") and _abbreviation(line, m.start()):
            continue
        _add(line, start, m.end(), offset, spans)
        start = m.end()
    _add(line, start, len(line), offset, spans)


def _abbreviation(line: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(line, max(0, dot - 30), dot)
    if m is None:
        return False
    word = m.group(1)
    last = re.split(r"[.()\-]", word)[-1] or word
    if last.lower() in DEGREE_ABBREVIATIONS and _AFTER_DEGREES.search(line, max(0, dot - 30),
                                                                      dot):
        return False
    if last.lower() in ABBREVIATIONS:
        return True
    # "G.C." or "U.S." style initials, and degrees such as "M.Kes" or "Sp.M(K)".
    return bool(re.fullmatch(r"(?:[A-Za-z]\.){2,}", word + "."))


def _add(line: str, a: int, b: int, offset: int, spans: list[tuple[int, int]]) -> None:
    seg = line[a:b]
    left = len(seg) - len(seg.lstrip())
    right = len(seg.rstrip())
    if right > left:
        spans.append((offset + a + left, offset + a + right))
