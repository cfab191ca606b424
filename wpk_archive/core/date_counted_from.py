"""Days told by their distance from a day the text names (see :mod:`wpk_archive.core.dates`):
"three days after March 3" (6 March), "a week after this Friday", "two weeks after Monday", and a
weekday or day told against a day: "the Monday before May 25", "the Friday after 4 July", "the
day after March 3". Read after the
rules, from the day mentions they found.

Rules:
- a count of days (1..31) or weeks (1..8) with "after" just before a mention of one day ("two
  weeks after March 3", "a week after this Friday"): that many days later, over the whole
  phrase; never before a range, a month or a year, nor a count of anything else ("three sessions
  after March 3"), nor a length of time ("for three days after August 28", "lasting a week
  after", "three nights and four days after"); "from" is not read ("for three days from
  August 28" is how long, from when), nor "before" ("two days before the vote" counts from an
  event);
- "the <weekday> before / after <a day>": the nearest such weekday strictly before or after that
  day, over the whole phrase (the weekday read alone, as the last such day, is dropped); "on
  Monday before May 25" (no "the") stays as read: two mentions; "the day before / after <a
  day>": the day before or after it;
- not from a day in the possessive ("a day after tomorrow's vote" counts from the vote);
- the year stays as the named day's (inferred when it was inferred)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from wpk_archive.core.date_parts import COUNT, WD_FULL
from wpk_archive.core.date_reckoning import count_value, day_iso, weekday_number
from wpk_archive.core.date_values import DateMention, parse_iso_day

_COUNTED = re.compile(rf"(?<![\w-])(?P<n>{COUNT})\s+(?P<u>(?i:days?|weeks?))\s+(?i:after)\s+$")
# "for three days after August 28", "lasting a week after May 1": a length of time from the day
_LENGTH_BEFORE = re.compile(
    r"\b(?i:for|in|within|lasted|lasting|over|during|and|nights?|days?|weeks?)\s+$"
)
_WEEKDAY_AGAINST = re.compile(
    rf"\b(?P<the>[Tt]he)\s+(?:(?P<wd>{WD_FULL})|(?P<day>(?i:day)))\s+(?P<way>(?i:before|after))\s+$"
)
_LIMIT = {"day": 31, "week": 8}


def _one_day(mention: DateMention) -> dt.date | None:
    if mention.precision != "day" or mention.start_date != mention.end_date:
        return None
    return parse_iso_day(mention.start_date)


def counted_from_days(text: str, found: list[DateMention]) -> list[DateMention]:
    """``found`` with the counts and weekdays told against its day mentions read into them."""
    result: list[DateMention] = []
    for mention in found:
        day = _one_day(mention)
        if day is None or text.startswith(("'s", "’s"), mention.end):  # "tomorrow's vote"
            result.append(mention)
            continue
        before = text[max(0, mention.start - 40) : mention.start]
        counted = _COUNTED.search(before)
        if counted and not _LENGTH_BEFORE.search(before, 0, counted.start()):
            unit = counted.group("u").lower().rstrip("s")
            number = count_value(counted.group("n"))
            if 1 <= number <= _LIMIT[unit]:
                start = mention.start - len(before) + counted.start()
                value = day_iso(day + dt.timedelta(days=number * (7 if unit == "week" else 1)))
                if value is None:
                    result.append(mention)
                    continue
                result.append(
                    replace(
                        mention,
                        start=start,
                        text=text[start : mention.end],
                        start_date=value,
                        end_date=value,
                        kind="relative",
                    )
                )
                continue
        against = _WEEKDAY_AGAINST.search(before)
        if against:
            start = mention.start - len(before) + against.start()
            wanted = weekday_number(against.group("wd")) if against.group("wd") else -1
            if against.group("day"):  # "the day after March 3"
                step = -1 if against.group("way").lower() == "before" else 1
                value_day = day + dt.timedelta(days=step)
            elif against.group("way").lower() == "before":
                value_day = day - dt.timedelta(days=(day.weekday() - wanted - 1) % 7 + 1)
            else:
                value_day = day + dt.timedelta(days=(wanted - day.weekday() - 1) % 7 + 1)
            # the weekday read alone before it is part of this day
            weekday_start = mention.start - len(before) + against.start()
            while result and result[-1].start >= weekday_start and result[-1].end <= mention.start:
                result.pop()
            value = day_iso(value_day)
            if value is None:
                result.append(mention)
                continue
            result.append(
                replace(
                    mention,
                    start=start,
                    text=text[start : mention.end],
                    start_date=value,
                    end_date=value,
                    kind="date",
                )
            )
            continue
        result.append(mention)
    return result


__all__ = ["counted_from_days"]
