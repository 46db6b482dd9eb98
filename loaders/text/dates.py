"""Dates and periods in Indonesian and English press text, to ISO 8601.

A small parser rather than dateparser: the forms are few ("Senin (29/7/2019)",
"17 Desember 2021", "6-10 September 2021", "2020-2022") and it must be fast. A day and
month without a year take the year of the document's dateline, as the annotators did.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2,
    "maret": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "agustus": 8,
    "august": 8, "agu": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10,
    "october": 10, "okt": 10, "oct": 10, "november": 11, "nopember": 11, "nov": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
# Any word stands in for a month name and is checked against MONTHS afterwards: a plain
# letter class is several times faster than an alternation of every month name.
_MONTH = r"[A-Za-z]{3,9}"
_YEAR = r"(?:19|20)\d\d"

# "6-10 September 2021", "30 Oktober hingga 2 November 2023", "17 Desember 2021", "28 October"
DAY_MONTH = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:"
    rf"\s+(?P<m1>{_MONTH})\b\.?\s*(?:-|–|—|hingga|sampai|to)\s*\d{{1,2}}\s+(?:{_MONTH})\b\.?"
    rf"|\s*(?:-|–|—|hingga|sampai|s\.d\.|to|and|dan)\s*\d{{1,2}}\s+(?P<m3>{_MONTH})\b\.?"
    rf"|\s+(?P<m4>{_MONTH})\b\.?)"
    rf"(?:,?\s+(?P<y>{_YEAR}))?")
# "November 13, 2022" (US order)
# A month name starts with one of these letters: other words are passed over at once (a
# match on them would be dropped anyway, and it could hide no other).
_MONTH_INITIAL = "".join(sorted({k[0] for k in MONTHS} | {k[0].upper() for k in MONTHS}))
MONTH_DAY = re.compile(rf"\b(?=[{_MONTH_INITIAL}])(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}),?\s+"
                       rf"(?P<y>{_YEAR})\b")
# "(29/7/2019)", "(7/9)"
NUMERIC = re.compile(r"\((?P<d>\d{1,2})(?:\s*[-–]\s*\d{1,2})?/(?P<m>\d{1,2})"
                     r"(?:/(?P<y>(?:19|20)?\d\d))?\)")
# "Juli 2019"
MONTH_YEAR = re.compile(rf"\b(?=[{_MONTH_INITIAL}])(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b")
# "2020-2022", "2016 - 2018", "2020"
PERIOD = re.compile(rf"(?<![\d/\-])(?P<a>{_YEAR})(?:\s*(?:-|–|—|s\.d\.|hingga|sampai|to)\s*"
                    rf"(?P<b>{_YEAR}))?(?![\d/])")


@dataclass(frozen=True)
class DateMention:
    """A calendar date found in text; `value` is ISO (YYYY-MM-DD, or YYYY-MM)."""

    start: int
    end: int
    value: str
    has_year: bool


def _iso(y: int | None, m: int, d: int | None) -> str | None:
    if y is None or not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    import calendar

    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def find_dates(text: str, default_year: int | None = None) -> list[DateMention]:
    """Full dates in `text` (a range gives its first day), in order of position."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []  # sorted; taken spans never overlap

    def add(a: int, b: int, y: int | None, m: int, d: int | None) -> None:
        i = bisect.bisect_left(taken, (b,))  # the spans starting before b end before...
        if i and taken[i - 1][1] > a:  # ...the last of them, which alone can reach past a
            return
        has_year = y is not None
        value = _iso(y if has_year else default_year, m, d)
        if value:
            out.append(DateMention(a, b, value, has_year))
            taken.insert(i, (a, b))

    for m in NUMERIC.finditer(text):
        y = m.group("y")
        year = None if y is None else int(y) + (2000 if len(y) == 2 else 0)
        add(m.start(), m.end(), year, int(m.group("m")), int(m.group("d")))
    for m in DAY_MONTH.finditer(text):
        # "30 Oktober hingga 2 November 2023": the first day has its own month.
        month = MONTHS.get((m.group("m1") or m.group("m3") or m.group("m4")).lower())
        if month is None or not _months_ok(m):
            continue
        y = int(m.group("y")) if m.group("y") else None
        add(m.start(), m.end(), y, month, int(m.group("d1")))
    years = _year_windows(text)
    for m in _matches_ending_at_years(MONTH_DAY, text, years, _before_day):
        if m.group("m").lower() in MONTHS:
            add(m.start(), m.end(), int(m.group("y")), MONTHS[m.group("m").lower()],
                int(m.group("d")))
    for m in _matches_ending_at_years(MONTH_YEAR, text, years, _before_month):
        if m.group("m").lower() in MONTHS:
            add(m.start(), m.end(), int(m.group("y")), MONTHS[m.group("m").lower()], None)
    out.sort(key=lambda x: x.start)
    return out


_A_YEAR = re.compile(_YEAR)


def _year_windows(text: str) -> list[tuple[int, int]]:
    """(where the white space before it starts, where it ends) of every four digits that
    could be a year: month-first dates end with one, so they are looked for only there."""
    out = []
    for y in _A_YEAR.finditer(text):
        start = y.start()
        while start and text[start - 1].isspace():
            start -= 1
        out.append((start, y.end()))
    return out


def _before_month(text: str, ws: int) -> int:
    """Where a month name (3-9 letters, and the character before it) can start, for a
    "<month> <year>" whose white space before the year starts at `ws`."""
    return max(0, ws - 10)


def _before_day(text: str, ws: int) -> int:
    """Where "<month> <day>, <year>" can start, its year's white space starting at `ws`:
    back over the comma, the day and the white space before it, then a month name."""
    i = ws - 1 if ws and text[ws - 1] == "," else ws
    while i and text[i - 1].isdigit():
        i -= 1
    while i and text[i - 1].isspace():
        i -= 1
    return max(0, i - 10)


def _matches_ending_at_years(pattern: re.Pattern[str], text: str,
                             years: list[tuple[int, int]],
                             start: Callable[[str, int], int]) -> list[re.Match]:
    """`pattern.finditer(text)` for a pattern whose matches end with a year: each year's
    window (from where `start` says such a match can begin) is searched, so that the rest of
    the text is not. The matches are those of the whole scan (tested)."""
    out: list[re.Match] = []
    last = 0
    for ws, end in years:
        m = pattern.search(text, max(last, start(text, ws)), min(len(text), end + 1))
        while m is not None and m.end() <= end:
            out.append(m)
            last = m.end()
            m = pattern.search(text, last, min(len(text), end + 1))
    return out


def _months_ok(m: re.Match) -> bool:
    """Every month-shaped word the date regex took is a month."""
    return all(w is None or w.lower() in MONTHS for w in (m.group("m1"), m.group("m3"),
                                                          m.group("m4")))


def find_periods(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, first year, last year) of each year or year range in `text`."""
    out = []
    for m in PERIOD.finditer(text):
        a = m.group("a")
        b = m.group("b") or a
        if b < a:
            continue
        out.append((m.start(), m.end(), a, b))
    return out


def dateline_year(text: str) -> int | None:
    """The year of the document's own date (its dateline), from its first lines."""
    head = text[:400]
    for d in find_dates(head):
        if d.has_year:
            return int(d.value[:4])
    m = re.search(_YEAR, head)
    return int(m.group(0)) if m else None
