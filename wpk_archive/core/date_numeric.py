"""Readers for numeric dates (see :mod:`wpk_archive.core.dates`): "2024-06-28", "2024/6/28",
"28.6.2024", "6/28/2024", "Tuesday 11/3/2015", "8/10/2012 - 8/15/2012", "31-Oct-74",
"10-August 2012", "August-10, 2012", "2012/Aug/10", "Sep-2012", "2014-10", "2/2013"; and the guard
that keeps list, page and volume numbers from being read as years."""

from __future__ import annotations

import datetime as dt
import re

from wpk_archive.core.date_parts import JUCHE_OFFSET, M_ANY, WD_ABBR, WD_FULL
from wpk_archive.core.date_reckoning import (
    Context,
    Found,
    Reader,
    found_range,
    iso,
    month_number,
    weekday_number,
)

_WEEKDAY_BEFORE = re.compile(rf"(?P<wd>{WD_FULL}|{WD_ABBR}),?\s+$")


def _weekday_before(match: re.Match[str]) -> tuple[int, int | None]:
    """(start, weekday) of a weekday written just before a numeric date ("Friday 12-30-16"):
    the match's own start and None when there is none."""
    lead = _WEEKDAY_BEFORE.search(match.string, max(0, match.start() - 12), match.start())
    if lead is None:
        return match.start(), None
    return lead.start(), weekday_number(lead.group("wd"))


def _day_first(a: int, b: int, year: int, weekday: int | None) -> bool | None:
    """Whether "a/b" is day/month: one number above 12 decides; else the weekday written before
    it when it falls on only one of the two readings; else None (both numbers equal: False)."""
    if a > 12 >= b:
        return True
    if b > 12 >= a or a == b:
        return False
    if weekday is None:
        return None
    fits = [
        first
        for first, (day, month) in ((True, (a, b)), (False, (b, a)))
        if iso(year, month, day) and dt.date(year, month, day).weekday() == weekday
    ]
    return fits[0] if len(fits) == 1 else None


def _numeric_ymd(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "2024-06-28", "2024/06/28", "2024.6.28", "Friday 2016-12-30"."""
    value = iso(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    start = _weekday_before(match)[0]
    return [Found(start, match.end(), value, value, False, "date")] if value else []


def _juche_ymd(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "Juche 101.4.11", "Juche 112-12-26" (the Juche year, its month and day)."""
    year = int(match.group("y")) + JUCHE_OFFSET
    value = iso(year, int(match.group("m")), int(match.group("d")))
    return [Found(match.start(), match.end(), value, value, False, "date")] if value else []


AHEAD_YEARS = 10
"""How far after the publication year a two-digit year is still read forward."""


def two_digit_year(short: int, doc_year: int | None = None) -> int:
    """A two-digit year: the latest year ending in those digits no more than ten years after the
    publication year ("12/12/30" in 2016 is 1930, "3/3/15" 2015, "10/31/74" 1974); without a
    publication year as Python's strptime reads it: 69-99 are 19xx, 00-68 are 20xx."""
    if doc_year is None:
        return 1900 + short if short >= 69 else 2000 + short
    year = (doc_year + AHEAD_YEARS) // 100 * 100 + short
    return year if year <= doc_year + AHEAD_YEARS else year - 100


_NUMBERED_BEFORE = re.compile(
    r"\b(?:[Vv]ersion|[Vv]er\.|v\.?|[Rr]elease|[Ss]ection|[Ss]ect?\.|§|[Nn]o\.|[Nn]umber|IP|"
    r"[Aa]rticle|[Aa]rt\.)\s*$"
)
"""Before dotted figures, a word that makes them a number ("version 02.01.2012", "section
12.03.2010"), not a date."""


def _numeric_dmy(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "28.6.2024", "6/28/2024", "3/3/15", "10-31-74", "Tuesday 11/3/2015": read only
    when unambiguous (one of the first two numbers is above 12, both are equal, or a weekday
    written before it fits only one reading), except that dots with a four-digit year are read
    day first when day and month have two digits each ("05.12.2017" is 5 December: English
    writes the month first with slashes or hyphens; padded figures between dots are the
    day-month-year order of European writing; "version 2.1.2012" stays unread); a two-digit year
    only after slashes, or after hyphens when one number is above 12."""
    a, b, year_text = int(match.group("a")), int(match.group("b")), match.group("y")
    if (len(year_text) == 2 and match.group("s") == ".") or (
        len(year_text) == 2 and match.group("s") == "-" and max(a, b) <= 12
    ):
        return []
    year = (
        int(year_text)
        if len(year_text) == 4
        else two_digit_year(int(year_text), ctx.doc_date.year if ctx.doc_date else None)
    )
    start, weekday = _weekday_before(match)
    day_first = _day_first(a, b, year, weekday)
    if (
        day_first is None
        and weekday is None
        and match.group("s") == "."
        and len(year_text) == 4
        and len(match.group("a")) == len(match.group("b")) == 2
        and not _NUMBERED_BEFORE.search(match.string, max(0, match.start() - 12), match.start())
    ):
        day_first = True  # "05.12.2017": the day-month-year order (not "version 2.1.2012")
    tail = _RANGE_TAIL.match(match.string, match.end()) if len(year_text) == 4 else None
    if tail and tail.group("s") == match.group("s"):
        found = _numeric_range(match, tail, day_first, start)
        if found or day_first is None:
            return found
    if day_first is None:
        return []
    day, month = (a, b) if day_first else (b, a)
    value = iso(year, month, day)
    return [Found(start, match.end(), value, value, False, "date")] if value else []


_RANGE_TAIL = re.compile(
    r"\s*(?:[-–—]|(?i:to|through|till|until)\b)\s*(?P<b1>\d{1,2})(?P<s>[/.])(?P<b2>\d{1,2})(?P=s)"
    r"(?P<by>(?:1[89]|20)\d\d)(?![\d]|[-/.:]\d)"
)


def _numeric_range(
    match: re.Match[str], tail: re.Match[str], day_first: bool | None, start: int
) -> list[Found]:
    """One range for "8/10/2012 - 8/15/2012", "10.8.2012 to 15.8.2012": the order of day and month
    the one either end decides (one number above 12); undecided or contradicting, none."""
    b1, b2 = int(tail.group("b1")), int(tail.group("b2"))
    orders = {day_first, _day_first(b1, b2, 2000, None)} - {None}
    if len(orders) != 1:
        return []
    first_day = orders.pop()
    a, b = int(match.group("a")), int(match.group("b"))
    first = iso(int(match.group("y")), *((b, a) if first_day else (a, b)))
    last = iso(int(tail.group("by")), *((b2, b1) if first_day else (b1, b2)))
    if first is None or last is None:
        return []
    return found_range(start, tail.end(), first, last, False, "range")


def _numeric_d_mon_y(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "31/Oct/1974", "31-Oct-74", "10-August 2012", "August-10, 2012", "August/10/2012",
    "2012/Aug/10"."""
    groups = {name: value for name, value in match.groupdict().items() if value is not None}
    year_text = next(groups[name] for name in ("y", "y2", "y3", "y4", "y5", "y6") if name in groups)
    year = (
        int(year_text)
        if len(year_text) == 4
        else two_digit_year(int(year_text), ctx.doc_date.year if ctx.doc_date else None)
    )
    month = next(groups[name] for name in ("m", "m2", "m3") if name in groups)
    day = next(groups[name] for name in ("d", "d2", "d3") if name in groups)
    value = iso(year, month_number(month), int(day))
    return [Found(match.start(), match.end(), value, value, False, "date")] if value else []


def _month_dash_year(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "Sep-2012", "March/2016": the month."""
    value = iso(int(match.group("y")), month_number(match.group("m")))
    return [Found(match.start(), match.end(), value, value, False, "date")] if value else []


_MONTH_DAY_BEFORE = re.compile(rf"{M_ANY}\s+$")


def _claimed(match: re.Match[str], ctx: Context) -> list[Found]:
    """Claims the span of a number that is no date."""
    return [Found(match.start(), match.end(), "", "", False, "")]


def _numeric_ym(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "2014-10", "2014/10" ("2011-12" is the years 2011-2012, read elsewhere) and
    "2/2013"."""
    year, month = int(match.group("y")), int(match.group("m"))
    if " " in match.group(0) and _MONTH_DAY_BEFORE.search(match.string, 0, match.start()):
        return []  # "10 August 2013 - 12 September"
    if match.group(0)[:4] == match.group("y") and month > year % 100:
        return []
    value = iso(year, month)
    return [Found(match.start(), match.end(), value, value, False, "date")] if value else []


NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|Number|Vol|Volume|page|p|pp|Article|Item|Room|Route|Highway|Unit|Flight|"
    r"Resolution|Code|Model|Type)\.?|[#№])\s*$",
    re.IGNORECASE,
)


def not_a_number_label(match: re.Match[str]) -> bool:
    """Whether the number starting a match is not a list, page, volume or room number."""
    before = match.string[max(0, match.start() - 20) : match.start()]
    return not NOT_YEAR_BEFORE.search(before)


NUM_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUM_END = r"(?![\d]|[-/.:]\d)"

NUMERIC_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (
        re.compile(
            r"\bJuche\s+(?P<y>[1-9]\d{0,2})(?P<s>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=s)"
            r"(?P<d>0?[1-9]|[12]\d|3[01])(?!\d|\.\d)"
        ),
        _juche_ymd,
        ("digit",),
    ),
    (
        re.compile(
            # (also inside a name: "sales_report-2002-10-09.xlsx", "archive-2018-09-23-page")
            rf"(?<![\d./:])(?<!\d-)(?P<y>{NUM_YEAR})(?P<s>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=s)"
            rf"(?P<d>0?[1-9]|[12]\d|3[01]){_NUM_END}"
        ),
        _numeric_ymd,
        ("digit",),
    ),
    (
        re.compile(
            rf"(?<![\d./:-])(?P<a>\d{{1,2}})(?P<s>[-/.])(?P<b>\d{{1,2}})(?P=s)(?P<y>\d{{4}}|\d{{2}})"
            rf"{_NUM_END}"
        ),
        _numeric_dmy,
        ("digit",),
    ),
    (
        re.compile(
            rf"(?<![\d./:-])(?P<d>\d{{1,2}})(?P<s>[-/])(?P<m>{M_ANY})"
            rf"(?:(?P=s)(?P<y>\d{{4}}|\d{{2}})|,?\s+(?P<y4>{NUM_YEAR}))(?!\d)"
            rf"|(?<![\w-])(?P<m2>{M_ANY})(?P<s2>[-/])(?P<d2>\d{{1,2}})"
            rf"(?:(?P=s2)(?P<y2>\d{{4}}|\d{{2}})|\s*,\s*(?P<y5>{NUM_YEAR})|\s+(?P<y6>{NUM_YEAR}))(?!\d)"
            rf"|(?<![\d./:-])(?P<y3>{NUM_YEAR})(?P<s3>[-/.])(?P<m3>{M_ANY})(?P=s3)(?P<d3>\d{{1,2}})(?!\d)"
        ),
        _numeric_d_mon_y,
        ("digit", "month", "dash"),
    ),
    (
        # (also the second of "Dec/2018-May/2019")
        re.compile(
            rf"(?:(?<![\w-])|(?<=[A-Za-z.][-/]\d{{4}}-))(?P<m>{M_ANY})[-/](?P<y>{NUM_YEAR})"
            r"(?![\d]|[-/.]\d)"
        ),
        _month_dash_year,
        ("digit", "month", "dash"),
    ),
    (
        re.compile(
            rf"(?<![\d./:,-])(?<!\d\s)(?P<y>{NUM_YEAR})(?:[-/]|\s+-\s*|-\s+)(?P<m>0?[1-9]|1[0-2])"
            rf"(?!\s*-?\s*\d|\s*%|\s+(?!was\b|is\b|has\b)[a-z]+s\b|\s*{M_ANY}){_NUM_END}"
        ),
        _numeric_ym,
        ("digit", "dash"),
    ),
    # a telephone or serial number of three or more dashed groups ("+86 138-2010-2015") is no
    # date, nor is any year or range inside it
    (re.compile(r"(?<![\w.-])\+?\d+(?:-\d+){2,}(?![\w-])"), _claimed, ("digit", "dash")),
    (
        re.compile(rf"(?<![\d./:,-])(?P<m>0?[1-9]|1[0-2])/(?P<y>{NUM_YEAR}){_NUM_END}"),
        _numeric_ym,
        ("digit", "dash"),
    ),
]
