"""What the date readers share besides their fragments (see :mod:`wpk_archive.core.dates` and
:mod:`wpk_archive.core.date_parts`): a reader's finding, the parts read from a fragment, the
context yearless and relative dates are resolved against, and the calendar arithmetic.

Rules:
- "Juche 101" is 2012 (the Juche year plus 1911), "Juche 51 (1962)" the year in brackets;
- ISO values are written at their precision and only between the grammar's first and last year;
  a range's two ends are cut to the coarser precision of the two;
- a yearless month up to six months after the publication month is of the publication year, a
  later one of the year before, unless it follows a future marker; a fronted year ("In 1956, ...")
  replaces the publication year; a weekday given with a yearless day picks the year it fits;
- "... last year" in a fragment's tail counts from the publication date, "... that year" is a year
  given elsewhere (unknown).

Nothing here is public API."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from wpk_archive.core.date_parts import (
    JUCHE_OFFSET,
    JUCHE_VALUE,
    MAX_YEAR,
    MIN_YEAR,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PARTS,
    REL_TAIL_RE,
    UNKNOWN_TAIL_RE,
)
from wpk_archive.core.models import Precision


class Found(NamedTuple):
    """A reader's finding: span, first and last date (ISO, same precision), year inferred, kind."""

    start: int
    end: int
    begin: str
    finish: str
    inferred: bool
    kind: str


@dataclass(frozen=True)
class Parts:
    """The year, month, day and weekday read from a date fragment (None where not given)."""

    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None


@dataclass(frozen=True)
class Context:
    """What yearless and relative dates are resolved against; ``future``: the date follows a future
    marker ("is expected to", "will"), so a late month is not moved to the year before."""

    doc_date: dt.date | None
    anchor: dt.date | None
    future: bool = False
    doc_precision: str = "day"
    """How much of ``doc_date`` is known: "day", "month" (a monthly magazine's issue, a page dated
    "September 2020": the day is the 1st) or "year"; only the year and month then place yearless
    dates, and nothing counts days from it."""
    fronted_year: int | None = None
    """The year fronted at the start of the sentence ("In 1956, ... in August"; "Last year, ..."):
    the year of its yearless months and days instead of the publication year's."""
    year_told: bool = False
    """``fronted_year`` is written out ("In 1956"): the dates that take it are not inferred."""


Reader = Callable[[re.Match[str], Context], list[Found]]


def year_from_expression(text: str) -> int | None:
    """The Gregorian year of "2012", "2012 A.D.", "Juche 101" or "Juche 51 (1962)" (else None)."""
    juche = JUCHE_VALUE.match(text)
    if juche:
        if juche.group(2):
            return int(juche.group(2))
        return int(juche.group(1)) + JUCHE_OFFSET
    digits = re.match(r"\d{4}", text)
    if digits and re.fullmatch(r"\d{4}(?:\s*A\.?\s?D\.?)?", text):
        return int(digits.group(0))
    return None


def month_number(token: str) -> int:
    """The month of a month word ("Sept.", "oct", "JUNE")."""
    return MONTHS[token.rstrip(".").lower()]


def weekday_number(token: str) -> int:
    """Monday=0 .. Sunday=6 for a weekday word or abbreviation."""
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(token.rstrip(".").lower()[:3])


def read_parts(fragment: str) -> Parts:
    """The first year, month, day and weekday found in ``fragment``."""
    year = month = day = weekday = None
    for match in PARTS.finditer(fragment):
        kind = match.lastgroup
        token = match.group(0)
        if kind == "y" and year is None:
            year = year_from_expression(token)
        elif kind == "m" and month is None:
            month = month_number(token)
        elif kind == "wd" and weekday is None:
            weekday = weekday_number(token)
        elif kind == "d" and day is None:
            day = int(re.sub(r"\D", "", token))
        elif kind == "o" and day is None:
            day = ORDINALS[re.sub(r"\s+", " ", token.lower())]
    return Parts(year, month, day, weekday)


def count_value(token: str) -> int:
    """The number written by a COUNT token ("3", "three", "twenty-five", "a")."""
    token = re.sub(r"\s+", " ", token.strip().lower())
    return int(token) if token.isdigit() else NUMBERS[token]


def iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO string at the precision given, or None when the parts are not a real date."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def precision_of(value: str) -> Precision:
    """The precision an ISO string is written at."""
    if len(value) == 4:
        return "year"
    return "month" if len(value) == 7 else "day"


RANK: dict[str, int] = {"year": 0, "month": 1, "day": 2}


def coarser(a: Precision, b: Precision) -> Precision:
    """The coarser of two precisions."""
    return a if RANK[a] <= RANK[b] else b


def truncate(value: str, precision: Precision) -> str:
    """``value`` cut down to ``precision``."""
    return value[: {"year": 4, "month": 7, "day": 10}[precision]]


# a yearless month up to this many after the publication month is read forward, as Duckling's
# news suite does (0.853 of it at 6; 0.727 at 2, 0.673 at 0)
_PAST_MONTHS = 6


def infer_year(month: int, ctx: Context) -> int | None:
    """The year of a yearless month: the publication year, or the one before for a month more than
    six months after the publication month (not in a text about the future), or the one after for
    an earlier month in a text about the future."""
    if ctx.fronted_year is not None:
        return ctx.fronted_year
    if ctx.doc_date is None:
        return None
    if ctx.doc_precision == "year":
        return ctx.doc_date.year
    if month - ctx.doc_date.month > _PAST_MONTHS and not ctx.future:
        return ctx.doc_date.year - 1
    if ctx.future and month < ctx.doc_date.month:  # "will open on Jan. 22" in December
        return ctx.doc_date.year + 1
    return ctx.doc_date.year


def resolve(
    parts: Parts, ctx: Context, fallback_year: int | None = None
) -> tuple[str, bool] | None:
    """ISO date of ``parts`` and whether its year was inferred (None when it cannot be dated).

    A yearless date that names its weekday ("Fri, Jul 18") takes the nearest year around the
    inferred one in which that day falls on that weekday.
    """
    year, inferred = parts.year, False
    if year is None and fallback_year is not None:
        year = fallback_year
    elif year is None and parts.month is not None:
        year, inferred = infer_year(parts.month, ctx), not ctx.year_told
        if year is not None and parts.day is not None and parts.weekday is not None:
            year = _weekday_year(year, parts.month, parts.day, parts.weekday)
    if year is None:
        return None
    value = iso(year, parts.month, parts.day)
    return (value, inferred) if value else None


def _weekday_year(year: int, month: int, day: int, weekday: int) -> int:
    """Of ``year`` and its neighbours, the nearest in which month/day falls on ``weekday``."""
    for candidate in (year, year - 1, year + 1):
        if iso(candidate, month, day) and dt.date(candidate, month, day).weekday() == weekday:
            return candidate
    return year


def found_range(
    start: int, end: int, first: str, last: str, inferred: bool, kind: str
) -> list[Found]:
    """One finding from ``first`` to ``last``, both cut to the coarser precision (none if reversed)."""
    precision = coarser(precision_of(first), precision_of(last))
    first, last = truncate(first, precision), truncate(last, precision)
    if last < first:
        return []
    return [Found(start, end, first, last, inferred, kind)]


def day_iso(day: dt.date) -> str | None:
    """ISO string of a calendar day, None outside the years dates are read for."""
    return iso(day.year, day.month, day.day)


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by ``months`` months."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week (weeks run Monday to Sunday)."""
    return day - dt.timedelta(days=day.weekday())


def last_day(year: int, month: int) -> int:
    """The number of days in a month."""
    return calendar.monthrange(year, month)[1]


# --- fragments shared by the rule modules ---------------------------------------------------

_RELATIVE_YEAR = {"last": -1, "previous": -1, "this": 0, "next": 1}


def claim(match: re.Match[str]) -> list[Found]:
    """A finding that only claims the match's span (no date is reported)."""
    return [Found(match.start(), match.end(), "", "", False, "")]


def year_tail(fragment: str, ctx: Context) -> tuple[int | None, bool, bool]:
    """The year a fragment's tail gives: (year or None, inferred, unknown).

    "… last year" counts from ``doc_date``; "… that year" is a year given elsewhere (unknown).
    """
    if UNKNOWN_TAIL_RE.search(fragment):
        return None, False, True
    relative = REL_TAIL_RE.search(fragment)
    if relative:
        if ctx.doc_date is None:
            return None, False, True
        return ctx.doc_date.year + _RELATIVE_YEAR[relative.group(1).lower()], True, False
    return None, False, False
