"""Reader for compound counts back or forward from the report's day (see
:mod:`wpk_archive.core.dates`): "1 month 21 days ago", "2 years and 3 months ago", "a week and two
days ago", "1 month, 21 days ago", "two years, one month and ten days from now".

The units are added up in any order and the date is given at the precision of the finest unit
counted (days and weeks: the day; months: the month; years and decades: the year). The same
limits as a single count ("three days ago", :mod:`date_relative`) hold: no counts after "than",
"over", "within" ..., none of more than 31 days or 8 weeks. Needs the anchor.
"""

from __future__ import annotations

import datetime as dt
import re

from wpk_archive.core.date_days import anchor_of, one_finding
from wpk_archive.core.date_parts import COUNT
from wpk_archive.core.date_reckoning import (
    Context,
    Found,
    Reader,
    add_months,
    claim,
    count_value,
    iso,
)

_UNIT = r"(?i:days?|weeks?|months?|years?|decades?)"
_PART = rf"{COUNT}\s+{_UNIT}"
_JOIN = r"(?:\s*,\s*(?:(?i:and)\s+)?|\s+(?i:and)\s+|\s+)"
_PART_RE = re.compile(rf"(?P<n>{COUNT})\s+(?P<u>{_UNIT})")
_NOT_BEFORE = re.compile(r"(?:\b(?:than|over|under|within|least|to|or)\s+|\d[\s,.]|[-–])$", re.I)
_LIMIT = {"day": 31, "week": 8, "month": 24, "year": 200, "decade": 20}


def _compound_ago(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "1 month 21 days ago": the anchor moved back (or on) by every unit counted."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    if _NOT_BEFORE.search(match.string[max(0, match.start() - 12) : match.start()]):
        return claim(match)  # "more than 2 years and 3 months ago": neither count is a date
    totals = {"day": 0, "week": 0, "month": 0, "year": 0}
    seen: set[str] = set()
    for part in _PART_RE.finditer(match.group("parts")):
        unit = part.group("u").lower().rstrip("s")
        count = count_value(part.group("n"))
        if unit in seen or count == 0 or count > _LIMIT[unit]:
            return claim(match)  # "3 days 4 days ago" is no date
        seen.add(unit)
        if unit == "decade":
            unit, count = "year", count * 10
        totals[unit] += count
    sign = -1 if match.group("dir").lower() in ("ago", "back") else 1
    year, month = add_months(
        anchor.year, anchor.month, sign * (12 * totals["year"] + totals["month"])
    )
    if totals["day"] or totals["week"]:
        day = min(anchor.day, _month_length(year, month))
        moved = dt.date(year, month, day) + dt.timedelta(
            days=sign * (totals["day"] + 7 * totals["week"])
        )
        return one_finding(match, iso(moved.year, moved.month, moved.day))
    if totals["month"]:
        return one_finding(match, iso(year, month))
    return one_finding(match, iso(year))


def _month_length(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


COMPOUND_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (
        re.compile(
            rf"(?P<parts>{_PART}(?:{_JOIN}{_PART})+)\s+"
            r"(?P<dir>(?i:ago|hence|from\s+(?:now|today)))\b"
        ),
        _compound_ago,
        ("ago",),
    ),
]
