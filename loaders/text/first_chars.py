"""A cheap first look for the big alternations the text loader scans sentences with.

Python's regex engine tries every alternative of a pattern at every position, and a pattern
that opens with a lookbehind (`(?<![\\w\\-])`, at a word start) gets none of the engine's own
first-character skipping. `guarded` puts a lookahead of the characters the pattern can start
with right after that lookbehind, so that most positions fail on one character class; the
matches stay exactly the same (tested against the unguarded patterns). Where the first
characters cannot be read off the pattern it is returned unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_META = set("\\.^$*+?{}[]|()")
_LOOKBEHINDS = (r"(?<![\w\-])", r"(?<![\w.])", r"(?<!\w)")


def _scan(s: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, parenthesis depth after it) of the characters of regex source `s`
    from `start`, escapes and character classes skipped; it stops at an unclosed class."""
    depth = 0
    j = start
    while j < len(s):
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(s, j)
            if j < 0:
                return
            j += 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        yield j, c, depth
        j += 1


def closing_paren(s: str, i: int) -> int:
    """Index of the parenthesis closing the one at s[i]; -1 if none."""
    return next((j for j, c, depth in _scan(s, i) if c == ")" and depth == 0), -1)


def _class_end(s: str, i: int) -> int:
    """Index of the "]" closing the class opened at s[i]; -1 if none."""
    j = i + 1
    if s[j:j + 1] == "^":
        j += 1
    if s[j:j + 1] == "]":
        j += 1  # a "]" first in a class is a character of it
    while j < len(s):
        if s[j] == "\\":
            j += 2
            continue
        if s[j] == "]":
            return j
        j += 1
    return -1


def alternatives(body: str) -> list[str]:
    """The top-level alternatives of a group's body (or of a whole pattern)."""
    out, start = [], 0
    for j, c, depth in _scan(body):
        if c == "|" and depth == 0:
            out.append(body[start:j])
            start = j + 1
    out.append(body[start:])
    return out


def _quantifier(s: str, j: int) -> tuple[bool, int]:
    """(whether the atom ending before s[j] may be absent, where what follows starts)."""
    q = s[j:j + 1]
    if q in ("?", "*"):
        optional, j = True, j + 1
    elif q == "+":
        optional, j = False, j + 1
    elif q == "{":
        end = s.find("}", j)
        if end < 0:
            return False, j
        optional, j = s[j + 1:end].split(",")[0].strip() in ("0", ""), end + 1
    else:
        return False, j
    if s[j:j + 1] in ("?", "+"):  # lazy or possessive
        j += 1
    return optional, j


def first_chars(src: str) -> tuple[frozenset[str], bool] | None:
    """(class items a match of `src` can start with, whether it can match nothing); None when
    they cannot be read off. Items are single characters (escaped) or class bodies."""
    out: set[str] = set()
    i = 0
    while i < len(src):
        c = src[i]
        if c == "\\":
            esc = src[i:i + 2]
            if esc in (r"\d", r"\w", r"\s"):
                item = esc
            elif len(esc) == 2 and not esc[1].isalnum():
                item = esc
            else:
                return None  # \b, \A, \1 ...: not a character
            end = i + 2
        elif c == "[":
            end = _class_end(src, i)
            if end < 0 or src[i + 1:i + 2] == "^":
                return None
            item = src[i + 1:end]
            end += 1
        elif c == "(":
            end = closing_paren(src, i)
            if end < 0:
                return None
            if src.startswith("(?:", i):
                body = src[i + 3:end]
            elif src.startswith("(?P<", i):
                body = src[src.index(">", i) + 1:end]
            elif src[i + 1:i + 2] != "?":
                body = src[i + 1:end]
            else:
                return None  # lookarounds, inline flags: not read
            nullable = False
            for alt in alternatives(body):
                got = first_chars(alt)
                if got is None:
                    return None
                out |= got[0]
                nullable = nullable or got[1]
            optional, nxt = _quantifier(src, end + 1)
            if not (nullable or optional):
                return frozenset(out), False
            i = nxt
            continue
        elif c in _META:
            return None  # ".", "^", "|" at the top ...: not read
        else:
            item = "\\" + c if c in "-]^" else c
            end = i + 1
        out.add(item)
        optional, nxt = _quantifier(src, end)
        if not optional:
            return frozenset(out), False
        i = nxt
    return frozenset(out), True


def guarded(src: str) -> str:
    """`src` with a lookahead of its first characters after its opening lookbehind (or at
    its start); `src` itself when they cannot be read."""
    head = next((lb for lb in _LOOKBEHINDS if src.startswith(lb)), "")
    rest = src[len(head):]
    if len(alternatives(src)) > 1:
        if head:
            return src  # the lookbehind belongs to the first alternative only
        rest = f"(?:{src})"
    got = first_chars(rest)
    if got is None or got[1] or not got[0]:
        return src
    return f"{head}(?=[{''.join(sorted(got[0]))}]){rest}"


# Every pattern compiled here, with the source it was made from: the test compares their
# matches, so a wrong guard cannot lose a match unnoticed.
UNGUARDED: dict[re.Pattern[str], tuple[str, int]] = {}


def compile_guarded(src: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile of `guarded(src)`."""
    pattern = re.compile(guarded(src), flags)
    UNGUARDED[pattern] = (src, flags)
    return pattern
