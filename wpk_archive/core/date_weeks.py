"""Readers for weeks told by their number in the year (see :mod:`wpk_archive.core.dates`): "week 3
of 2027", "week 27 of last year", "(in) the week 31", "calendar week 31", "from Week 31 to Week
35", "between week 31 and week 35".

A week's number is its ISO number (weeks run Monday to Sunday; week 1 holds the year's first
Thursday, as for "the first week of 2015"): "week 1" of 2019 is December 31, 2018 - January 6,
2019. Without a year the week is of the publication year (the year inferred).

Only where the number can be nothing but a week of the calendar: with its year ("week 3 of
2027"), after "calendar" or "ISO", as "the week 31" closing a clause after a preposition ("Show
sales in the week 31."), or as the two ends of a range of weeks. A bare "week 10" is a week of a
season, a course or a trial as often ("in week 10 of the season", "the week 10 game") and is not
read, nor "the week 2 matchup".
"""

from __future__ import annotations

import datetime as dt
import re

from wpk_archive.core.date_numeric import NUM_YEAR
from wpk_archive.core.date_reckoning import Context, Found, Reader, day_iso

_N = r"(?:0?[1-9]|[1-4]\d|5[0-3])"
_YEAR_OF = rf"\s+(?i:of|in)\s+(?:(?P<y>{NUM_YEAR})\b|(?P<rel>(?i:last|this|next))\s+(?i:year)\b)"
_CLOSE = r"(?=\s*(?:[.,;:!?)]|$))"
_WEEK = r"(?<![\w-])(?i:week)"
_RELATIVE = {"last": -1, "this": 0, "next": 1}


def _year(groups: dict[str, str], ctx: Context) -> tuple[int | None, bool]:
    """The year of the week: written ("of 2027"), counted ("of last year") or the publication
    year's (inferred); None without any."""
    if "y" in groups:
        return int(groups["y"]), False
    if ctx.doc_date is None:
        return None, True
    if "rel" in groups:
        return ctx.doc_date.year + _RELATIVE[groups["rel"].lower()], True
    if ctx.fronted_year is not None:
        return ctx.fronted_year, not ctx.year_told
    return ctx.doc_date.year, True


def _monday(year: int, number: int) -> dt.date | None:
    """The Monday of ISO week ``number`` of ``year`` (None when the year has no such week)."""
    try:
        return dt.date.fromisocalendar(year, number, 1)
    except ValueError:
        return None


def _weeks(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for one numbered week or a range of them: Monday of the first to Sunday of the last."""
    groups = {name: value for name, value in match.groupdict().items() if value}
    year, inferred = _year(groups, ctx)
    first_number = int(next(groups[name] for name in ("a", "a2", "a3") if name in groups))
    last_number = int(groups.get("b", first_number))
    if year is None or last_number < first_number:
        return []
    first, last = _monday(year, first_number), _monday(year, last_number)
    if first is None or last is None:
        return []
    begin, finish = day_iso(first), day_iso(last + dt.timedelta(days=6))
    if begin is None or finish is None:
        return []
    kind = "range" if "b" in groups else "period"
    return [Found(match.start(), match.end(), begin, finish, inferred, kind)]


WEEK_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (  # "from Week 31 to Week 35", "between week 31 and week 35 of 2019"
        re.compile(
            rf"\b(?i:from|between)\s+(?:(?i:the)\s+)?{_WEEK}\s+(?P<a>{_N})\s*"
            rf"(?:[-–]|\s(?i:to|till|until|through|thru|and)\s)\s*(?:(?i:the)\s+)?{_WEEK}\s+"
            rf"(?P<b>{_N})(?:{_YEAR_OF})?(?!\d|\s*(?:[-–]|\w))"
        ),
        _weeks,
        ("digit", "week"),
    ),
    (  # "week 3 of 2027", "week 27 of last year", "calendar week 31", "in the week 31."
        re.compile(
            rf"(?:\b(?i:calendar|iso)\s+)?{_WEEK}\s+(?P<a>{_N}){_YEAR_OF}"
            rf"|\b(?i:calendar|iso)\s+{_WEEK}\s+(?P<a2>{_N})(?!\d|[.,]\d)"
            rf"|(?:(?<=\b[Ii]n\s)|(?<=\b[Ff]or\s)|(?<=\b[Oo]ver\s)|(?<=\b[Dd]uring\s))(?i:the)\s+{_WEEK}\s+(?P<a3>{_N}){_CLOSE}"
        ),
        _weeks,
        ("digit", "week"),
    ),
]
