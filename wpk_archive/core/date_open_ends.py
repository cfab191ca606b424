"""Ranges that run from a written date up to the report's own day (see
:mod:`wpk_archive.core.dates`): "from 2010 to the present", "from 2010-01-01 till current date",
"between 22/Jan/2019 and yesterday", "from 1995 to date", "from May 5 until now".

Rules:
- the date must be framed: "from" before it and "to / till / until / through / up to" after it,
  or "between" before and "and" after; the end word is "now", "the present (day/time)", "present",
  "the current date", "current date", "date" (after "to": "to date"), "today" or "yesterday";
- the end is the anchor (the dateline's or the publication day), "yesterday" the day before; the
  range's two ends are cut to the coarser precision of the two ("from 2010 to now" in 2021 is
  2010-2021), and the end may not come before the start;
- without an anchor nothing is joined; "today's" and "now on" are no end ("from 2010 to today's
  level", "from now on")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from wpk_archive.core.date_reckoning import coarser, day_iso, precision_of, truncate
from wpk_archive.core.date_values import DateMention

_FROM = re.compile(r"\b(?P<w>[Ff]rom|[Bb]etween)\s+$")
_END = re.compile(
    r"\s+(?P<c>to|till|until|through|up\s+to|and)\s+(?P<e>now|(?:the\s+)?present(?:\s+day|\s+time)?|"
    r"(?:the\s+)?current\s+date|date|today|yesterday)\b(?!['’]s|\s+on\b|[-–]day)",
    re.IGNORECASE,
)
_ENDS = ("date", "range", "year", "relative", "weekday")


def open_ended(text: str, found: list[DateMention], anchor: dt.date | None) -> list[DateMention]:
    """``found`` with each date framed up to the report's day made one range (in text order)."""
    if anchor is None:
        return found
    result: list[DateMention] = []
    for index, mention in enumerate(found):
        widened = _widened(text, mention, anchor, found[index + 1 : index + 2])
        result.append(widened or mention)
    return result


def _widened(
    text: str, mention: DateMention, anchor: dt.date, following: list[DateMention]
) -> DateMention | None:
    """The range from ``mention`` to the report's day its text frames, else None."""
    if mention.kind not in _ENDS or mention.start_date != mention.end_date:
        return None
    framed = _FROM.search(text, max(0, mention.start - 9), mention.start)
    end = _END.match(text, mention.end)
    if framed is None or end is None:
        return None
    between = framed.group("w").lower() == "between"
    if between != (end.group("c").lower() == "and"):
        return None
    if end.group("e").lower() == "date" and end.group("c").lower() != "to":
        return None
    if following and following[0].start < end.end():
        return None  # the end is a mention of its own: joined elsewhere
    last_day = anchor - dt.timedelta(days=1) if end.group("e").lower() == "yesterday" else anchor
    last = day_iso(last_day)
    if last is None:
        return None
    precision = coarser(mention.precision, precision_of(last))
    first, last = truncate(mention.start_date, precision), truncate(last, precision)
    if last < first:
        return None
    start = framed.start()
    return replace(
        mention,
        start=start,
        end=end.end(),
        text=text[start : end.end()],
        start_date=first,
        end_date=last,
        kind="range",
    )
