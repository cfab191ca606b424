"""Readers for ranges of days written the European way, day before month (see
:mod:`wpk_archive.core.dates`), added where ctparse's English corpus (texts by British and
European writers) showed forms a careful reader of news reads as dates:

- two consecutive days joined by a slash before their month ("the night of 29/30 August",
  "29 / 30 August 2017"): one range of the two days; days that do not follow each other ("3/5
  August") and a slash without a month after it ("29/30", a fraction or a score) are not read;
- a range of days closing on a dotted date with a four-digit year ("14-15.11.2017",
  "14.-15.11.2017", "27.11.-29.11.2017", "5.8. - 16.8.2017", "from 3. to 5.10.2017", "between
  21 and 22.11.2017"): the dotted date is day.month.year, and the first end takes the month (and
  year) it lacks from it; the first end may not come after the second, and a word connector
  ("to", "till", "until", "through") needs "from" before the first day ("and" needs "between").
"""

from __future__ import annotations

import re

from wpk_archive.core.date_parts import M_ANY
from wpk_archive.core.date_reckoning import (
    Context,
    Found,
    Reader,
    found_range,
    infer_year,
    iso,
    month_number,
)

_DAY = r"(?:[12]\d|3[01]|0?[1-9])"


def _slashed_days(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "29/30 August", "29 / 30 August 2017"."""
    first, last = int(match.group("a")), int(match.group("b"))
    if last != first + 1:
        return []
    month = month_number(match.group("m"))
    year_text = match.group("y")
    year = int(year_text) if year_text else infer_year(month, ctx)
    if year is None:
        return []
    begin, finish = iso(year, month, first), iso(year, month, last)
    if begin is None or finish is None:
        return []
    return found_range(match.start(), match.end(), begin, finish, not year_text, "range")


def _dotted_range(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "14-15.11.2017", "27.11.-29.11.2017", "from 3. to 5.10.2017"."""
    connector = match.group("c").strip().lower()
    lead = (match.group("w") or "").lower()
    if connector == "and" and lead != "between":
        return []
    if connector not in ("-", "–", "and") and lead != "from":
        return []
    year = int(match.group("y"))
    last_month = int(match.group("m2"))
    first_month = int(match.group("m1")) if match.group("m1") else last_month
    first_year = year - 1 if first_month > last_month else year
    begin = iso(first_year, first_month, int(match.group("d1")))
    finish = iso(year, last_month, int(match.group("d2")))
    if begin is None or finish is None or begin >= finish:
        return []
    return found_range(match.start(), match.end(), begin, finish, False, "range")


EUROPEAN_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (
        re.compile(
            rf"(?<![\d/.,])(?P<a>{_DAY})\s*/\s*(?P<b>{_DAY})\s+(?P<m>{M_ANY})"
            r"(?:\s*,?\s+(?P<y>(?:1[89]|20)\d\d))?(?!\s*\d)"
        ),
        _slashed_days,
        ("digit", "month"),
    ),
    (
        re.compile(
            r"(?:\b(?P<w>(?i:from|between))\s+)?(?<![\d.,/])(?P<d1>" + _DAY + r")"
            r"(?:\.(?P<m1>0?[1-9]|1[0-2]))?\.?"
            r"(?P<c>\s*[-–]\s*|\s+(?i:to|till|until|through|and)\s+)"
            r"(?P<d2>" + _DAY + r")\.(?P<m2>0?[1-9]|1[0-2])\.(?P<y>(?:1[89]|20)\d\d)(?!\d|[.,]\d)"
        ),
        _dotted_range,
        ("digit",),
    ),
]
"""Tried before the numeric rules, which would read the range's closing date alone."""
