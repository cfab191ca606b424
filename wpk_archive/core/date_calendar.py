"""Calendar arithmetic of the date grammar: quarters and halves of a year, centuries, the nth
weekday / day / week of a month, the month of a day told alone (see :mod:`wpk_archive.core.dates`)."""

from __future__ import annotations

import calendar
import datetime as dt

from wpk_archive.core.date_reckoning import Found, add_months, day_iso, iso, last_day

_HALVES = {"first": (1, 6), "second": (7, 12), "latter": (7, 12)}
_QUARTERS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}


def quarter_code(which: str) -> str:
    """ "q1".."q4" for an ordinal quarter ("third", "4th"); "latter" counts as the fourth."""
    return f"q{_QUARTERS.get(which.lower(), 4)}"


def period_of_year(year: int, which: str, start: int, end: int, inferred: bool) -> list[Found]:
    """A quarter ("q1".."q4") or half ("first", "second", "latter") of ``year`` as a month range."""
    which = which.lower()
    if which.startswith("q"):
        first_month, last_month = 3 * int(which[1]) - 2, 3 * int(which[1])
    else:
        first_month, last_month = _HALVES.get(which, (7, 12))
    first, last = iso(year, first_month), iso(year, last_month)
    if first is None or last is None:
        return []
    return [Found(start, end, first, last, inferred, "period")]


def counted_quarter(year: int, month: int, step: int, start: int, end: int) -> list[Found]:
    """The quarter ``step`` quarters from the one holding ``month`` of ``year`` ("next quarter")."""
    quarter = (month - 1) // 3 + step
    first_year, first_month = year + quarter // 4, 3 * (quarter % 4) + 1
    return period_of_year(first_year, f"q{(first_month - 1) // 3 + 1}", start, end, True)


def century_range(number: int, start: int, end: int, inferred: bool) -> list[Found]:
    """The Nth century as years (N-1)00 .. (N-1)99, in the common reckoning a reader of the news
    uses ("the 20th century" is 1900-1999, "the 21st" 2000-2099; not the strict 1901-2000)."""
    first, last = max(1, (number - 1) * 100), number * 100 - 1  # (there is no year 0)
    if not 1 <= number <= 21:
        return []
    return [Found(start, end, f"{first:04d}", f"{last:04d}", inferred, "century")]


def _weekday_in_month(year: int, month: int, weekday: int, nth: str) -> dt.date | None:
    """The first..fifth or last given weekday of a month (None when there is no such day)."""
    if nth == "last":
        day = dt.date(year, month, last_day(year, month))
        return day - dt.timedelta(days=(day.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    day += dt.timedelta(weeks=NTH[nth] - 1)
    return day if day.month == month else None


NTH = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "last": 0,
}  # fmt: skip


def nth_in_month(
    year: int, month: int, nth: str, unit: str, back: int = 1
) -> tuple[str, str] | None:
    """First and last ISO day of "the third Tuesday" / "the last day" / "the first week" of a month
    (``back``: 2 for "the second last ...").

    Weeks are the calendar weeks (Monday to Sunday) counted as :func:`nth_week` says.
    """
    nth = nth.lower()
    if unit == "day":
        day = last_day(year, month) - back + 1 if nth == "last" else NTH.get(nth, 0)
        value = iso(year, month, day)
        return (value, value) if value else None
    if unit == "week":
        first = dt.date(year, month, 1)
        # (January's first week is the year's: the ISO count)
        lead = 4 if month == 1 else 6
        return nth_week(first, dt.date(year, month, last_day(year, month)), nth, back, lead)
    found = _weekday_in_month(
        year, month, ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(unit[:3]), nth
    )
    if found is not None and nth == "last":
        found -= dt.timedelta(weeks=back - 1)
    value = day_iso(found) if found and found.month == month else None
    return (value, value) if value else None


def nth_week(
    first: dt.date, last: dt.date, nth: str, back: int = 1, lead: int = 4
) -> tuple[str, str] | None:
    """The nth (or ``back``-th last) Monday-to-Sunday week of the days between two days.

    A week cut by the first day counts when at least ``lead`` of its days lie inside (4, as ISO
    weeks are counted: "the first week of 2015" is December 29 - January 4; a month passes 6:
    "the third week of November 2016", whose 1st is a Tuesday, is November 14-20, but the first
    week of October 2014, whose 1st is a Wednesday, is October 6-12); a week cut by the last day
    counts when its Thursday lies inside ("the last week of September 2021" is September 27 -
    October 3)."""
    monday = first - dt.timedelta(days=first.weekday())
    if 7 - first.weekday() < lead:
        monday += dt.timedelta(weeks=1)
    mondays = []
    while monday + dt.timedelta(days=3) <= last:
        mondays.append(monday)
        monday += dt.timedelta(weeks=1)
    index = -back if nth == "last" else NTH[nth] - 1
    if not mondays or index >= len(mondays) or -index > len(mondays):
        return None
    begin = mondays[index]
    start, end = day_iso(begin), day_iso(begin + dt.timedelta(days=6))
    return (start, end) if start and end else None


def place_day(day: int, qual: str | None, anchor: dt.date) -> tuple[int, int] | None:
    """(year, month) of a day told without its month ("on the 28th", "28일"): the anchor's month,
    the month before or the month after, whichever puts the day nearest the anchor, a day ahead
    counting three times a day back (reports tell what was). ``qual`` "past" keeps only days on or
    before the anchor, "future" only days after it. None when no such month has that day."""
    options: list[tuple[int, tuple[int, int]]] = []
    for step in (-1, 0, 1):
        year, month = add_months(anchor.year, anchor.month, step)
        if day > calendar.monthrange(year, month)[1]:
            continue
        distance = (dt.date(year, month, day) - anchor).days
        if qual == "past" and distance > 0:
            continue
        if qual == "future" and distance <= 0:
            continue
        options.append((distance * 3 if distance > 0 else -distance, (year, month)))
    if not options:
        return None
    return min(options)[1]
