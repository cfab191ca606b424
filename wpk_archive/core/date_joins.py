"""Ranges whose two ends the rules read apart because they are written in different forms
("January 12, 2016 - 01/22/2016", "from next Friday to Oct 1st 2020", "from 2019-aug-01 to
today", "between 2015 June and 2018 May", "from 4 to January 22, 1995"): joined after the rules
have read them (see :mod:`wpk_archive.core.dates`).

Rules:
- two dates in a row become one range when "from ... to/till/until/through ..." or "between ...
  and ..." frames them, when "till/until/through" alone joins them ("today till tomorrow"), or
  when a dash joins two dates that both give their year ("02-02-2020 - 03-03-2020"), or when
  "to" alone joins two days that each open with their weekday ("Monday 03.07 to Thursday
  06.07", as "Monday 3 July to Thursday 6 July" is read); the range's
  two ends are cut to the coarser precision of the two, and the second may not come before the
  first;
- a bare weekday closing such a range is the first such day on or after the range's start ("from
  next Monday to Friday");
- "from 4 to January 22, 1995": a day number before a day's date is the start of that month's
  range;
- neither end may be a dateline, a list, a decade or a century."""

from __future__ import annotations

import datetime as dt
import re

from wpk_archive.core.date_reckoning import coarser, iso, precision_of, truncate
from wpk_archive.core.date_values import DateMention, parse_iso_day

_FRAMED = re.compile(r"\s*(?:-|–|—|(?i:to|till|until|through|thru))\s*")
_BETWEEN_AND = re.compile(r"\s+(?i:and)\s+")
_ALONE = re.compile(r"\s+(?i:till|until|through|thru)\s+")
_DASH = re.compile(r"\s*[-–—]\s*")
_TO_ALONE = re.compile(r"\s+(?i:to)\s+")
_FROM = re.compile(r"\b(?P<w>[Ff]rom|[Bb]etween)\s+$")
_DAY_BEFORE = re.compile(
    r"\b(?P<w>[Ff]rom|[Bb]etween)\s+(?:the\s+)?(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    r"\s*(?P<c>-|–|to|till|until|through|and)\s+$"
)
_NOT_ENDS = ("dateline", "coordinated", "decade", "century")
_WEEKDAY = re.compile(r"(?i)(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?")


def _weekday_days(a: DateMention, b: DateMention) -> bool:
    """Whether ``a`` and ``b`` are single days that each open with their weekday ("Monday 03.07",
    "Thursday 06.07"), ``b`` after ``a``: joined by "to" alone as "Monday 3 July to Thursday 6
    July" is."""
    return (
        a.precision == b.precision == "day"
        and a.start_date == a.end_date
        and b.start_date == b.end_date
        and a.start_date < b.start_date
        and _WEEKDAY.match(a.text) is not None
        and _WEEKDAY.match(b.text) is not None
        and not _WEEKDAY.fullmatch(a.text)
        and not _WEEKDAY.fullmatch(b.text)
    )


def _join(text: str, a: DateMention, b: DateMention) -> DateMention | None:
    """The range a..b when the text between and before them frames one, else None."""
    if a.kind in _NOT_ENDS or b.kind in _NOT_ENDS:
        return None
    between = text[a.end : b.start]
    before = text[max(0, a.start - 9) : a.start]
    framed = _FROM.search(before)
    start = a.start
    joint = _FRAMED if framed and framed.group("w").lower() == "from" else _BETWEEN_AND
    if framed and joint.fullmatch(between):
        start = a.start - len(before) + framed.start()
    elif not (
        _ALONE.fullmatch(between)
        or (_DASH.fullmatch(between) and not a.year_inferred and not b.year_inferred)
        or (_TO_ALONE.fullmatch(between) and _weekday_days(a, b))
    ):
        return None
    if framed is None and a.kind == b.kind == "relative" and "-" in between:
        return None
    last = b.end_date
    first_day, last_day = parse_iso_day(a.start_date), parse_iso_day(b.end_date)
    if (
        b.kind == "weekday"
        and _WEEKDAY.fullmatch(b.text)
        and first_day is not None
        and last_day is not None
        and len(a.start_date) == len(b.end_date) == 10
        and last_day < first_day
    ):
        moved = first_day + dt.timedelta(days=(last_day.weekday() - first_day.weekday()) % 7)
        last = moved.isoformat()
    precision = coarser(precision_of(a.start_date), precision_of(last))
    begin, finish = truncate(a.start_date, precision), truncate(last, precision)
    if finish < begin or (begin, finish) == (a.start_date, a.end_date):
        return None
    inferred = a.year_inferred or b.year_inferred
    return DateMention(
        start, b.end, text[start : b.end], begin, finish, precision, inferred, "range",
        "dateline" if inferred else "text",
    )  # fmt: skip


def _from_day(text: str, b: DateMention, taken_to: int) -> DateMention | None:
    """ "from 4 to January 22, 1995": the range from that day of ``b``'s month to ``b``."""
    if b.precision != "day" or b.start_date != b.end_date or b.kind in _NOT_ENDS:
        return None
    match = _DAY_BEFORE.search(text, max(taken_to, b.start - 24), b.start)
    if match is None or (match.group("w").lower() == "between") != (match.group("c") == "and"):
        return None
    first = iso(int(b.start_date[:4]), int(b.start_date[5:7]), int(match.group("d")))
    if first is None or first >= b.start_date:
        return None
    return DateMention(
        match.start(), b.end, text[match.start() : b.end], first, b.end_date, "day",
        b.year_inferred, "range", b.basis,
    )  # fmt: skip


def joined_ranges(text: str, found: list[DateMention]) -> list[DateMention]:
    """``found`` (in text order) with the ranges of two differently written ends joined."""
    if not found or not any(
        word in text for word in ("-", "–", "—", "to", "till", "until", "through", "thru", "and")
    ):
        return found
    result: list[DateMention] = []
    for mention in found:
        last = result[-1] if result else None
        joined = _join(text, last, mention) if last is not None else None
        if joined is not None:
            result[-1] = joined
            continue
        day_range = _from_day(text, mention, last.end if last is not None else 0)
        result.append(day_range if day_range is not None else mention)
    return result
