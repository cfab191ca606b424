"""Readers for three more written forms of a day (see :mod:`wpk_archive.core.dates`), added where
Microsoft Recognizers-Text's English date specs showed forms a careful reader of news reads as
dates:

- a range of days of one month with a day written in words at either end ("April ninth through
  seventeenth", "april ninth through 17th", "April 9th through seventeenth", "from April the
  ninth till the seventeenth"): read as "April 9 through 17" is; the end day is not read before a
  noun ("from April 9 to the second round");
- a yearless day in figures after "on", "by", "until" or "till" that closes its clause, when only
  one order of its two numbers is a day of a month ("on 4/22", "on 22/04", "on 4-22", "on
  4.22."): "on" makes it a day where "4/22" alone is a fraction or a score as often; "5/12" (either
  order a day) stays unread, as do decimals ("on 4.2", "on 13.5"), sums and sport ("won on 4-22");
- a compact ISO day of eight figures ("20161016", "report-20170302.html", "-20200701-"): a real
  calendar day of 1900-2099 that no other figure, comma or point continues, not in a row of
  numbers ("19991221 139 FBIS" is a document's number), not before a noun ("20161016 people"),
  and no more than ten years after the publication year.
"""

from __future__ import annotations

import re

from wpk_archive.core.date_forms import SCORES
from wpk_archive.core.date_numeric import AHEAD_YEARS
from wpk_archive.core.date_parts import (
    FROM,
    M_ANY,
    ORD_WORD,
    PLURAL_AFTER,
    TAIL,
    TO,
    WD_LEAD,
    D,
)
from wpk_archive.core.date_reckoning import Context, Found, Parts, Reader, iso, resolve
from wpk_archive.core.date_spans import read_range

_WORD_DAY = rf"(?:{D}|{ORD_WORD})"
# what may follow the end day of a range: the clause goes on, not a noun the ordinal counts
_NOT_A_NOUN = (
    r"(?!\s+(?!(?:and|or|but|in|at|on|for|to|with|when|while|this|that|last|next|as|from|"
    r"before|after|because|if|until|till)\b)[A-Za-z])"
)


def _word_day_range(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "April ninth through 17th": a range of days of one month, one end in words (the
    ranges with both ends in figures, or both in words with their year, are the span rules')."""
    if not re.search(ORD_WORD, match.group(0)):
        return []
    return read_range(match, ctx)


_CLOSE = r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:and|at|to|in|for|when|from)\b)"


def _on_numeric_day(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "on 4/22", "on 22/04", "on 4-22": a yearless day whose two numbers fit only one
    order (one above 12), after a preposition of a day."""
    text = match.string
    if match.group("s") == "." and len(match.group("b")) != 2:
        return []  # "on 4.2": a decimal
    if match.group("s") != "/" and SCORES.search(
        text, max(0, match.start() - 60), min(len(text), match.end() + 40)
    ):
        return []
    a, b = int(match.group("a")), int(match.group("b"))
    if a > 12 >= b:
        month, day = b, a
    elif b > 12 >= a:
        month, day = a, b
    else:
        return []
    resolved = resolve(Parts(None, month, day), ctx)
    if resolved is None:
        return []
    value, inferred = resolved
    return [Found(match.start("a"), match.end(), value, value, inferred, "date")]


def _compact_day(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "20161016": that day; not in a row of numbers ("19991221 139 FBIS", a
    document's number) nor more than ten years after the publication year."""
    text = match.string
    if PLURAL_AFTER.match(text, match.end()):
        return []  # "20161016 people": a count
    if _NUMBER_ROW.match(text, match.end()) or _NUMBER_BEFORE.search(
        text, max(0, match.start() - 12), match.start()
    ):
        return []
    year = int(match.group("y"))
    if ctx.doc_date is not None and year > ctx.doc_date.year + AHEAD_YEARS:
        return []
    value = iso(year, int(match.group("m")), int(match.group("d")))
    return [Found(match.start(), match.end(), value, value, False, "date")] if value else []


_NUMBER_ROW = re.compile(r"\s+[-–#]?\d")
_NUMBER_BEFORE = re.compile(r"\d[\s#]+$")


EXTRA_SPAN_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (
        re.compile(
            rf"{FROM}(?P<a>(?:{WD_LEAD})?{M_ANY}\s+(?:the\s+)?{_WORD_DAY}){TO}(?:the\s+)?"
            rf"(?P<b>{_WORD_DAY}(?:{TAIL})?)(?!\s*{M_ANY}){_NOT_A_NOUN}"
        ),
        _word_day_range,
        ("month", "span", "ordword"),
    ),
]
"""Tried with the span rules, before single days claim the range's first day."""

EXTRA_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (
        re.compile(
            r"\b(?i:on|by|until|till)\s+(?P<a>0?[1-9]|[12]\d|3[01])"
            r"(?P<s>[/.-])(?P<b>0?[1-9]|[12]\d|3[01])"
            rf"(?![\d/.,-]\d|\d){_CLOSE}"
        ),
        _on_numeric_day,
        ("digit",),
    ),
    (
        re.compile(
            r"(?<![\d.,])(?P<y>19\d\d|20\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
            r"(?!\d|[.,]\d)"
        ),
        _compact_day,
        ("digit",),
    ),
]
