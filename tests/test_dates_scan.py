"""Month-first dates are looked for only before the years of a text
(loaders/text/dates.py): the matches are those of a scan of the whole text."""

from __future__ import annotations

import random

from hdkg.loaders.text import dates as D


def _both(text: str) -> None:
    years = D._year_windows(text)
    for pattern, start in ((D.MONTH_DAY, D._before_day), (D.MONTH_YEAR, D._before_month)):
        windowed = [m.span() for m in D._matches_ending_at_years(pattern, text, years, start)]
        assert windowed == [m.span() for m in pattern.finditer(text)], repr(text)


def test_same_matches_as_the_whole_scan_on_random_text() -> None:
    rng = random.Random(8)
    parts = ["Mei", "September", "Sept", "Juli", "November", "13", ",", "2019", "2020",
             "20195", "x", "Xmei", " ", "  ", "\n", "-", "a", "12,", "1999", "Oktober"]
    for _ in range(30_000):
        _both("".join(rng.choice(parts) + rng.choice(["", " ", "  "])
                      for _ in range(rng.randrange(1, 12))))


def test_dates_before_years_far_apart() -> None:
    text = ("Pada Juli 2019 delegasi tiba;   November       13,     2020 sidang dibuka, "
            "dan September 2021 berakhir. Mei2019 bukan tanggal.")
    _both(text)
    assert [d.value for d in D.find_dates(text)] == ["2019-07", "2020-11-13", "2021-09"]
