"""Day words a news report dates its events by (see :mod:`wpk_archive.core.dates`).

- A part of the day counted from the report: "last night" (the day before), "this morning",
  "this afternoon", "this evening", "tonight" (the day itself), "yesterday morning", "tomorrow
  evening" (one day off): the day, at day precision, over the whole phrase.
- A day word as the possessive of an event ("yesterday's meeting", "today's session",
  "tomorrow's vote"): that day. A possessive of anything else stays figurative, as
  :mod:`.date_days` reads it ("yesterday's heroes", "today's Korea").
"""

from __future__ import annotations

import datetime as dt
import re

from wpk_archive.core.date_days import anchor_of, one_finding
from wpk_archive.core.date_reckoning import Context, Found, Reader, day_iso

_STEP = {"last": -1, "this": 0, "tonight": 0, "yesterday": -1, "today": 0, "tomorrow": 1}

_EVENT = (
    r"(?:meeting|meetings|session|sessions|talks|vote|election|elections|announcement|report|"
    r"statement|summit|plenum|plenary|congress|conference|ceremony|rally|launch|test|visit|speech|"
    r"address|decision|editorial|parade|hearing|debate|attack|strike|explosion|broadcast|"
    r"gathering|opening|closing|deadline)"
)


def _possessive_day(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "yesterday's meeting": the day word alone."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    step = _STEP[match.group("w").lower()]
    return one_finding(match, day_iso(anchor + dt.timedelta(days=step)), span="w")


def _part_of_day(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "last night", "this morning", "tonight", "yesterday evening"."""
    word = match.group("w") or match.group("w2") or match.group("w3") or "tonight"
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    return one_finding(match, day_iso(anchor + dt.timedelta(days=_STEP[word.lower()])))


DEICTIC_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (
        re.compile(
            r"(?<![\w'’-])(?:(?P<w>(?i:last))\s+(?i:night)"
            r"|(?P<w2>(?i:this))\s+(?i:morning|afternoon|evening)"
            r"|(?i:tonight)"
            r"|(?P<w3>(?i:yesterday|tomorrow))\s+(?i:morning|afternoon|evening|night))\b(?!-)"
        ),
        _part_of_day,
        ("daypart",),
    ),
    (
        re.compile(
            r"(?<![\w'’-])(?P<w>(?i:yesterday|today|tomorrow))['’]s\s+"
            rf"(?=(?:[\w-]+\s+){{0,2}}(?i:{_EVENT})\b)"
        ),
        _possessive_day,
        ("dayword",),
    ),
]


__all__ = ["DEICTIC_RULES"]
