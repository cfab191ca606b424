"""Readers for periods the other rule sets leave out (see :mod:`wpk_archive.core.dates`): year
ranges without "from" ("2014 to 2018", "2014~2018"), decades in words and short forms ("the
seventies", "the '70s", "the 70s"), "this decade", "the year after next", quarters counted from
the report ("next quarter"), "later in the year", "a few days ago", months written with their
year in numbers ("2015/3", "11/2016"), days of a counted month ("from 4 to 22 this month"),
abbreviated month ranges ("Jan-Feb 2017", "from Sep to Nov") and "the week beginning February 4".

They were added where Microsoft Recognizers-Text's English date specs (the third outside suite,
tests/core/test_date_suite_recognizers.py) showed forms a careful reader of news reads as dates
and the reader did not.
"""

from __future__ import annotations

import datetime as dt
import re

from wpk_archive.core.date_calendar import counted_quarter, period_of_year
from wpk_archive.core.date_days import anchor_of, offset
from wpk_archive.core.date_numeric import NUM_YEAR
from wpk_archive.core.date_parts import JUCHE_OFFSET, M_ANY, QUAL, WD_LEAD, D
from wpk_archive.core.date_reckoning import (
    Context,
    Found,
    Reader,
    add_months,
    day_iso,
    infer_year,
    iso,
    month_number,
    read_parts,
    resolve,
    week_start,
)
from wpk_archive.core.date_spans import holds_doc_month

_WORD_DECADES = {
    "twenties": 1920,
    "thirties": 1930,
    "forties": 1940,
    "fifties": 1950,
    "sixties": 1960,
    "seventies": 1970,
    "eighties": 1980,
    "nineties": 1990,
    "noughties": 2000,
    "two thousands": 2000,
    "twenty-tens": 2010,
    "twenty tens": 2010,
    "two thousand and tens": 2010,
    "two thousand tens": 2010,
    "twenty-twenties": 2020,
    "twenty twenties": 2020,
}
_NOT_YEARS_BEFORE = re.compile(
    r"(?i:temperatures?|degrees|aged?|ages|scores?|percent|mph|km)\b[^.;:!?]{0,20}$"
)
"""Before "the 70s": what makes it temperatures, ages or scores, not a decade."""
_AGE_BEFORE = re.compile(
    r"(?i:\b(?:couple|man|men|woman|women|person|persons|people|wife|husband|mother|father|"
    r"grandmother|grandfather|son|daughter|he|she|him|her|they|them|who|aged?|ages|children|"
    r"veterans?|patients?|elderly|old|farmers?|workers?|officers?|officials?|soldiers?|members?|"
    r"scientists?|teachers?|students?|youths?|leaders?|engineers?|doctors?|players?|athletes?|"
    r"couples|ladies|boys?|girls?|parents?|residents?|citizens?|including\s+me)\b"
    r"(?:\s+[\w'’-]+)?\s+(?:in|during|since)\s+)$"
)
"""Before a decade without "the": what makes it a person's age ("a couple in seventies")."""
_NOT_YEARS_AFTER = re.compile(r"\s*(?:%|°|percent\b|degrees\b|(?i:F|C)\b)")


def _decade(year: int, match: re.Match[str]) -> list[Found]:
    return [Found(match.start(), match.end(), f"{year:04d}", f"{year + 9:04d}", False, "decade")]


def _short_decade(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "the 70s", "the late 70's", "in the seventies", "the nineteen seventies", "the
    noughties" (1930s to 1990s by number; a number below 30 could be either century)."""
    before = match.string[max(0, match.start() - 30) : match.start()]
    if _NOT_YEARS_BEFORE.search(before) or _NOT_YEARS_AFTER.match(match.string, match.end()):
        return []
    if not match.group(0).lower().startswith("the") and _AGE_BEFORE.search(before):
        return []  # "attacked a couple in seventies", "a man in 70's": an age
    number = match.group("n") or match.group("n2") or match.group("n3") or match.group("n4")
    if number:
        short = int(number)
        return _decade(1900 + short, match) if short >= 30 else []
    word = re.sub(r"\s+", " ", match.group("w").lower())
    return _decade(_WORD_DECADES[word], match)


def _this_decade(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "this decade", "the next decade", "the previous decade"."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    step = {"this": 0, "current": 0, "next": 1, "coming": 1, "previous": -1}
    year = (anchor.year // 10 + step[(match.group("rel") or "this").lower()]) * 10
    first = Found(match.start(), match.end(), f"{year:04d}", f"{year + 9:04d}", True, "relative")
    return [first]


def _year_range(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "2014 to 2018", "2014~2018", "in 2014 through 2018" (no "from"): one range."""
    first, last = int(match.group("a")), int(match.group("b"))
    if not first < last <= first + 100:
        return []
    return [Found(match.start(), match.end(), f"{first:04d}", f"{last:04d}", False, "range")]


def _after_next(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "the year after next", "the month after next", "the week after next"."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    unit = match.group("u").lower()
    if unit == "year":
        return [Found(match.start(), match.end(), f"{anchor.year + 2:04d}", f"{anchor.year + 2:04d}", True, "relative")]  # fmt: skip
    if unit == "month":
        year, month = add_months(anchor.year, anchor.month, 2)
        value = iso(year, month)
        return [Found(match.start(), match.end(), value, value, True, "relative")] if value else []
    monday = week_start(anchor) + dt.timedelta(weeks=2)
    return _day_range(match, monday, monday + dt.timedelta(days=6))


def _day_range(match: re.Match[str], first: dt.date, last: dt.date) -> list[Found]:
    begin, finish = day_iso(first), day_iso(last)
    if begin is None or finish is None:
        return []
    return [Found(match.start(), match.end(), begin, finish, True, "relative")]


def _quarter(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "next quarter", "the last quarter", "the past quarter" (of the report's year)."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    rel = match.group("rel").lower()
    step = -1 if rel in ("last", "previous", "past") else 0 if rel in ("this", "current") else 1
    return counted_quarter(anchor.year, anchor.month, step, match.start(), match.end())


def _last_quarter_of(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "the last quarter of 2015", "the final quarter of 2015": its fourth quarter."""
    return period_of_year(int(match.group("y")), "q4", match.start(), match.end(), False)


def _within_unit(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "later in the year", "earlier in the month", "earlier in the week": in the
    report's year, month or week (where in it, the text does not say)."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    unit = match.group("u").lower()
    if unit == "year":
        year = f"{anchor.year:04d}"
        return [Found(match.start(), match.end(), year, year, True, "relative")]
    if unit == "month":
        month = iso(anchor.year, anchor.month)
        return [Found(match.start(), match.end(), month, month, True, "relative")] if month else []
    monday = week_start(anchor)
    return _day_range(match, monday, monday + dt.timedelta(days=6))


def _few_ago(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "a few days ago", "several months ago", "a couple of years ago": from six to two
    units before the report (kind ``relative``, at the unit's precision)."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    unit = match.group("u").lower().rstrip("s")
    if unit in ("day", "week"):
        days = 1 if unit == "day" else 7
        return _day_range(
            match, anchor - dt.timedelta(days=6 * days), anchor - dt.timedelta(days=2 * days)
        )
    if unit == "month":
        first, last = add_months(anchor.year, anchor.month, -6), add_months(anchor.year, anchor.month, -2)  # fmt: skip
        begin, finish = iso(*first), iso(*last)
        if begin is None or finish is None:
            return []
        return [Found(match.start(), match.end(), begin, finish, True, "relative")]
    return [Found(match.start(), match.end(), f"{anchor.year - 6:04d}", f"{anchor.year - 2:04d}", True, "relative")]  # fmt: skip


def _numeric_month(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "2015/3", "11/2016", "12-2015": a month and its year in numbers (unambiguous:
    a four-digit year and a month number)."""
    year = int(match.group("y") or match.group("y2"))
    month = int(match.group("m") or match.group("m2"))
    value = iso(year, month)
    return [Found(match.start(), match.end(), value, value, False, "date")] if value else []


def _days_of_counted_month(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "from 4 to 22 this month", "between 4 and 22 next month", "4 till 23 of this
    month", "from Tuesday 19th to Saturday 23 this month": days of the month counted from the
    report."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    year, month = add_months(anchor.year, anchor.month, offset(match.group("rel")))
    first = iso(year, month, read_parts(match.group("a")).day)
    last = iso(year, month, read_parts(match.group("b")).day)
    if first is None or last is None or first >= last:
        return []
    return [Found(match.start(), match.end(), first, last, True, "range")]


def _abbreviated_months(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "Jan-Feb 2017", "Nov-Feb 2017" (the first month in the year before) and "from
    Sep to Nov" (the year inferred as for a month alone)."""
    first_month = month_number(match.group("a") or match.group("a2"))
    last_month = month_number(match.group("b") or match.group("b2"))
    if match.group("y") or match.group("y2"):  # ("from april to June in 2017")
        year = int(match.group("y") or match.group("y2"))
        first_year, inferred = (year - 1 if first_month > last_month else year), False
    else:
        guessed = infer_year(first_month, ctx)
        if guessed is None:
            return []
        if holds_doc_month(ctx, first_month, last_month, first_month > last_month):
            guessed = ctx.doc_date.year if ctx.doc_date else guessed
        first_year, inferred = guessed, True
        year = first_year + 1 if first_month > last_month else first_year
    begin, finish = iso(first_year, first_month), iso(year, last_month)
    if begin is None or finish is None or begin >= finish:
        return []
    return [Found(match.start(), match.end(), begin, finish, inferred, "range")]


def _week_beginning(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "the week beginning February 4", "the week starting on 4 February 2019": seven
    days from that day."""
    resolved = resolve(read_parts(match.group("day")), ctx)
    if not resolved or len(resolved[0]) != 10:
        return []
    first = dt.date.fromisoformat(resolved[0])
    found = _day_range(match, first, first + dt.timedelta(days=6))
    return [f._replace(inferred=resolved[1]) for f in found]


def _juche_ordinal(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "the 101st year of Juche" (Juche 1 is 1912): that year."""
    year = int(match.group("n")) + JUCHE_OFFSET
    value = iso(year)
    return [Found(match.start(), match.end(), value, value, False, "juche")] if value else []


def _part_of_month(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "the first half of June 2016", "the last days of June", "the closing days of
    December": that month (where in it, at the month's precision)."""
    parts = read_parts(match.group("m"))
    resolved = resolve(parts, ctx)
    if not resolved or len(resolved[0]) != 7:
        return []
    return [Found(match.start(), match.end(), resolved[0], resolved[0], resolved[1], "date")]


_THE = r"\b(?i:the)\s+"
PERIOD_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (
        re.compile(r"\b(?i:the)\s+(?P<n>\d{2,3})(?:st|nd|rd|th)\s+year\s+of\s+Juche\b"),
        _juche_ordinal,
        ("digit",),
    ),
    (
        re.compile(
            rf"\b(?i:the)\s+(?:(?:first|second|latter|last)\s+half|(?:last|final|closing|first|"
            rf"opening|early|last\s+few|first\s+few)\s+days)\s+of\s+(?P<m>{M_ANY}(?:\s*,?\s*{NUM_YEAR})?)"
            r"(?![\s,]*\d{1,2}\b)"
        ),
        _part_of_month,
        ("month",),
    ),
    (
        re.compile(
            rf"{_THE}(?:{QUAL})?(?:['’](?P<n>\d0)s\b|(?P<n2>\d0)['’]?s\b)"
            # "in 70's", "in 90 s.": without "the" only after "in / during / since" and written
            # with the apostrophe or the stray space ("in her 70s" is an age)
            r"|(?:(?<=\b[Ii]n\s)|(?<=\b[Dd]uring\s)|(?<=\b[Ss]ince\s))(?:(?P<n3>\d0)['’]s\b|(?P<n4>\d0)\s+s\b(?![\w-]))"
            rf"|(?:{_THE}(?:{QUAL})?|(?:(?<=\b[Ii]n\s)|(?<=\b[Dd]uring\s)|(?<=\b[Ss]ince\s)))"
            rf"(?:(?i:nineteen)[\s-]+)?(?P<w>(?i:twenties|thirties|forties|fifties|"
            r"sixties|seventies|eighties|nineties|noughties|two\s+thousands|twenty[\s-]tens|"
            r"twenty[\s-]twenties|two\s+thousand\s+(?:and\s+)?tens))\b"
        ),
        _short_decade,
        ("decadeword",),
    ),
    (
        re.compile(
            r"\b(?:(?i:this)|(?i:the)\s+(?P<rel>(?i:current|next|coming|previous)))\s+(?i:decade)\b"
        ),
        _this_decade,
        ("decadeword",),
    ),
    (
        re.compile(
            rf"(?<![\d,.#/-])(?:(?i:in|between|from)\s+)?(?P<a>{NUM_YEAR})\s*(?:~|(?i:to|through|thru|"
            rf"till|until))\s*(?P<b>{NUM_YEAR})(?![\d]|[-/.,:]\d)"
        ),
        _year_range,
        ("digit", "upto"),
    ),
    (
        re.compile(
            r"\b(?i:the)\s+(?P<u>(?i:year|month|week))\s+(?i:after)\s+(?i:the\s+)?(?i:next)\b"
        ),
        _after_next,
        ("afternext",),
    ),
    (
        re.compile(
            r"\b(?:(?i:the)\s+)?(?P<rel>(?i:next|last|previous|past|following|coming|this|current))"
            r"\s+(?i:quarter)\b(?!\s+(?i:of|century|final|finals)\b)"
        ),
        _quarter,
        ("quarterword",),
    ),
    (
        re.compile(rf"\b(?:(?i:the)\s+)?(?i:last|final)\s+(?i:quarter)\s+of\s+(?P<y>{NUM_YEAR})\b"),
        _last_quarter_of,
        ("quarterword", "digit"),
    ),
    (
        re.compile(
            r"\b(?i:earlier|later)\s+in\s+the\s+(?P<u>(?i:year|month|week))\b(?!\s+(?:of|before|after)\b)"
        ),
        _within_unit,
        ("unit", "inthe"),
    ),
    (
        re.compile(
            r"\b(?:(?i:a)\s+)?(?i:few|several|couple\s+of)\s+(?P<u>(?i:days|weeks|months|years))"
            r"\s+(?i:ago)\b"
        ),
        _few_ago,
        ("ago",),
    ),
    (
        re.compile(
            r"(?<![\d/.,-])(?:(?P<y>(?:19|20)\d\d)\s*/\s*(?P<m>[1-9]|1[0-2])"
            r"|(?P<m2>0?[1-9]|1[0-2])\s*[/-]\s*(?P<y2>(?:19|20)\d\d))(?![\d/-]|[.,]\d)"
        ),
        _numeric_month,
        ("digit", "dash"),
    ),
    (
        re.compile(
            rf"(?:\b(?i:from|between)\s+)?(?:{WD_LEAD})?(?P<a>{D})\s*"
            rf"(?:[-–]|\s(?i:to|till|until|through|and)\s)\s*(?:{WD_LEAD})?"
            rf"(?P<b>{D})\s+(?:(?i:of|in)\s+)?(?P<rel>(?i:this|next|last))\s+(?i:month)\b"
        ),
        _days_of_counted_month,
        ("digit", "monthword"),
    ),
    (
        re.compile(
            rf"(?:\b(?i:from|between)\s+)?(?P<a>{M_ANY})\s*[-–]\s*(?P<b>{M_ANY})\s*,?\s+"
            rf"(?P<y>{NUM_YEAR})\b"
            rf"|\b(?i:from|between)\s+(?P<a2>{M_ANY})\s+(?i:to|till|until|through|and)\s+(?P<b2>{M_ANY})"
            rf"(?:\s+(?i:in)\s+(?P<y2>{NUM_YEAR})\b|(?![\s.,]*\d))"
        ),
        _abbreviated_months,
        ("month", "connector"),
    ),
    (
        re.compile(
            rf"\b(?i:the\s+)?(?i:week)\s+(?i:beginning|starting|commencing)\s+(?:(?i:on)\s+)?"
            rf"(?P<day>{M_ANY}\s*{D}(?:\s*,?\s*{NUM_YEAR})?|{D}\s+(?:of\s+)?{M_ANY}(?:\s*,?\s*{NUM_YEAR})?)"
        ),
        _week_beginning,
        ("week", "month"),
    ),
]
