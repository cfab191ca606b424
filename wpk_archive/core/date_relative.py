"""Readers for dates told relative to the report's own day (see :mod:`wpk_archive.core.dates`):
"last year", "three years ago", "in December three years ago", "last December", "this month",
"last week", "this winter", "the last century", "the first quarter" (weekdays and day words:
:mod:`date_days`) ...

They are resolved against ``Context.anchor`` (the dateline's day, else the publication date) and
need it: without an anchor nothing is reported. Every finding here has its year inferred.
"""

from __future__ import annotations

import datetime as dt
import re

from wpk_archive.core.date_calendar import (
    century_range,
    counted_quarter,
    nth_in_month,
    period_of_year,
    quarter_code,
)
from wpk_archive.core.date_days import (
    NOT_THE,
    WEEKDAY_RULES,
    anchor_at,
    anchor_of,
    group_of,
    offset,
    one_finding,
)
from wpk_archive.core.date_parts import (
    COUNT,
    D_SUFFIXED,
    DM,
    M_ALONE,
    M_CAP_FULL,
    M_FULL,
    ORD_WORD,
    RECURRING,
    REL_YEAR,
    UNKNOWN_YEAR,
    D,
)
from wpk_archive.core.date_reckoning import (
    Context,
    Found,
    Reader,
    add_months,
    claim,
    count_value,
    day_iso,
    infer_year,
    iso,
    month_number,
    read_parts,
    resolve,
    week_start,
    year_tail,
)
from wpk_archive.core.date_rules import DAY_UNITS, ORD_N


def _days(
    match: re.Match[str], first: dt.date, last: dt.date, kind: str = "relative"
) -> list[Found]:
    """An inferred day range over the match."""
    begin, finish = day_iso(first), day_iso(last)
    if begin is None or finish is None:
        return []
    return [Found(match.start(), match.end(), begin, finish, True, kind)]


def _month_ago(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "in December three years ago", "on June 5 two years ago": kind ``date``, like
    "in December last year" (the text names the month and day; only the year is counted)."""
    anchor = anchor_at(ctx, "year")
    if anchor is None:
        return []
    parts = read_parts(match.group("md"))
    resolved = resolve(parts, ctx, fallback_year=anchor.year - count_value(match.group("n")))
    return one_finding(match, resolved[0] if resolved else None, kind="date")


def _month_relative_year(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "in September last year", "December of the same year" (the latter: no date)."""
    year, _, unknown = year_tail(match.group(0), ctx)
    if unknown or year is None:
        return claim(match)
    return one_finding(match, iso(year, month_number(match.group("m"))), kind="date")


def _last_month_name(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "last December", "this June", "next March", "March after next"."""
    rel = (group_of(match, "rel") or "after").lower()
    anchor = anchor_at(ctx, "year" if rel == "this" else "month")
    if anchor is None or RECURRING.match(match.string, match.end()):
        return claim(match) if anchor is not None else []
    month = month_number(group_of(match, "m", "m2") or "")
    year = anchor.year
    if rel in ("last", "past"):
        year -= 1 if month >= anchor.month else 0
    elif rel in ("next", "coming", "after"):
        year += 1 if month <= anchor.month else 0
        year += 1 if rel == "after" else 0
    return one_finding(match, iso(year, month))


_UNIT_DAYS = {"day": 1, "week": 7}


def _ago(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "three years ago", "a week ago", "a decade ago", "two years hence", "3 years
    from today": at the precision of the unit counted (days and weeks: day; months: month).
    Counts of days above 31 or weeks above 8 are not read (a story's "ninety-six days ago"), nor
    "five to seven days ago"."""
    unit = match.group("u").lower().rstrip("s")
    anchor = anchor_at(ctx, "day" if unit in _UNIT_DAYS else "month" if unit == "month" else "year")
    before = match.string[max(0, match.start() - 12) : match.start()]
    if anchor is None or re.search(r"\b(?:than|over|under|within|least)\s+$", before, re.I):
        return []
    if re.search(r"\d[\s,.]$|\b(?:to|or)\s+$|[-–]$", before):  # "5 000 years", "five to seven days"
        return []
    text = match.group("n").lower()
    count = 50 if text.startswith("half") else count_value(text)
    if count == 0 or (unit == "day" and count > 31) or (unit == "week" and count > 8):
        return []  # "ninety-six days ago" is a story's count, not the report's
    sign = -1 if match.group("dir").lower() in ("ago", "back") else 1
    if unit.startswith("centur"):
        unit, count = "year", count * 100
    elif unit == "decade":
        unit, count = "year", count * 10
    if unit in _UNIT_DAYS:
        return one_finding(
            match, day_iso(anchor + dt.timedelta(days=sign * count * _UNIT_DAYS[unit]))
        )
    if unit == "month":
        year, month = add_months(anchor.year, anchor.month, sign * count)
        return one_finding(match, iso(year, month))
    return one_finding(match, iso(anchor.year + sign * count))


def _this_unit(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "this year", "last month", "next week", "earlier this year", "the end of last
    year", "the first half of this year", "the second quarter of the year"."""
    unit = (group_of(match, "u", "u2") or "").lower()
    anchor = anchor_at(
        ctx, "year" if unit == "year" else "month" if unit in ("month", "quarter") else "day"
    )
    if anchor is None:
        return []
    qualifier = match.group(0)[: match.start("u2") - match.start()] if match.group("u2") else ""
    if match.group("u2") and not match.group("rel2") and not re.search(r"(?i:of)\s*$", qualifier):
        return []  # "his early years", "early year": not a date
    step = offset(group_of(match, "rel", "rel2") or "")
    which = group_of(match, "which", "which2")
    if which and (group_of(match, "whichk", "which2k") or "").lower() == "quarter":
        which = quarter_code(which)
    if unit == "year":
        if which:
            return period_of_year(anchor.year + step, which, match.start(), match.end(), True)
        return one_finding(match, iso(anchor.year + step))
    if unit == "month":
        year, month = add_months(anchor.year, anchor.month, step)
        return one_finding(match, iso(year, month))
    if unit == "quarter":
        return counted_quarter(anchor.year, anchor.month, step, match.start(), match.end())
    monday = week_start(anchor) + dt.timedelta(weeks=step)
    return _days(match, monday, monday + dt.timedelta(days=6))


def _quarter_alone(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for a yearless "the first quarter": that quarter of the publication year."""
    which = quarter_code(match.group("which"))
    year = infer_year(3 * int(which[1]) - 2, ctx)
    if year is None:
        return []
    return period_of_year(year, which, match.start(), match.end(), True)


def _day_of_month(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "the 20th of next month", "20 of this month", "the first Monday of last month"."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    year, month = add_months(
        anchor.year, anchor.month, offset(group_of(match, "rel", "rel2", "rel3") or "")
    )
    if match.group("unit"):
        days = nth_in_month(
            year,
            month,
            match.group("nth").lower().replace("final", "last"),
            match.group("unit").lower(),
        )
        if days is None:
            return []
        return [Found(match.start(), match.end(), days[0], days[1], True, "relative")]
    day = read_parts(group_of(match, "d", "d2") or "").day
    return one_finding(match, iso(year, month, day) if day else None)


_DAY_STEPS = {"yesterday": -1, "today": 0, "tomorrow": 1}


def _day_words_range(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "between today and tomorrow", "from yesterday to today": the days between."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    first = _DAY_STEPS[(group_of(match, "a", "a2") or "").lower()]
    last = _DAY_STEPS[(group_of(match, "b", "b2") or "").lower()]
    if last <= first:
        return []
    return _days(match, anchor + dt.timedelta(days=first), anchor + dt.timedelta(days=last))


_MONTH_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip


def _nth_month_of_year(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "the third month of 2021", "the 9th month of next year": that month."""
    token = match.group("nth").lower()
    month = int(re.sub(r"\D", "", token)) if token[0].isdigit() else _MONTH_ORDINALS[token]
    if match.group("y"):
        year: int | None = int(match.group("y"))
        inferred = False
    else:
        anchor = anchor_of(ctx)
        year = anchor.year + offset(match.group("rel")) if anchor else None
        inferred = True
    if year is None:
        return []
    value = iso(year, month)
    return [Found(match.start(), match.end(), value, value, inferred, "date")] if value else []


_SEASON_END = {"spring": 5, "summer": 8, "autumn": 11, "winter": 2}


def _season_relative(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "this summer", "last spring", "next autumn" (the year of that season) and
    "this winter" (the two years it spans: December to February)."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    rel = (match.group("rel") or match.group("rel2")).lower().split()[-1]
    season = (match.group("s") or "autumn").lower()
    if season == "winter":
        year = anchor.year if anchor.month <= 6 else anchor.year + 1
        if rel == "last":
            year = anchor.year if anchor.month >= 3 else anchor.year - 1
        elif rel == "next":
            year += 1
        first, last = iso(year - 1), iso(year)
        if first is None or last is None:
            return []
        return [Found(match.start(), match.end(), first, last, True, "relative")]
    ends = _SEASON_END[season]
    year = anchor.year
    if rel == "last" and anchor.month <= ends:
        year -= 1
    elif rel == "next" and anchor.month >= ends - 2:
        year += 1
    return one_finding(match, iso(year))


_SEASON_OF_MONTH = (0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 0)  # winter, spring, summer, autumn


def _season_now(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "this season", "last season", "next season": the meteorological season (winter
    December-February ...) holding the anchor, or the one before or after, as its year (a winter:
    the two years it spans)."""
    anchor = anchor_of(ctx)
    if anchor is None:
        return []
    year = anchor.year + (1 if anchor.month == 12 else 0)  # December: the winter of the next year
    index = year * 4 + _SEASON_OF_MONTH[anchor.month - 1] + offset(match.group("rel"))
    year, season = divmod(index, 4)
    first, last = iso(year - 1 if season == 0 else year), iso(year)
    if first is None or last is None:
        return []
    return [Found(match.start(), match.end(), first, last, True, "relative")]


def _century_relative(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "the last century", "this century": counted from the anchor's century."""
    anchor = anchor_at(ctx, "year")
    if anchor is None:
        return []
    number = anchor.year // 100 + 1 + offset(match.group("rel"))  # (2000 is of the 21st)
    return century_range(number, match.start(), match.end(), True)


def _qual_rel(name: str) -> str:
    """ "early", "the end of", "the first half of" before a relative unit (group ``name``: which
    half or quarter)."""
    return (
        r"(?:(?i:early|earlier|late|later|mid)(?:-|\s+)"
        r"|(?i:the\s+)?(?i:end|beginning|start|middle)\s+of\s+"
        rf"|(?i:the\s+)?(?P<{name}>(?i:first|second|latter|third|fourth|1st|2nd|3rd|4th))\s+"
        rf"(?P<{name}k>(?i:half|quarter))\s+(?:of\s+)?)"  # ("the third quarter this year")
    )


_REL_WORD = (
    r"(?i:this|last|next|previous|the\s+current|the\s+coming|the\s+upcoming|current|coming|upcoming"
    r"|(?:the\s+)?past(?=\s+week\b))"
)


# Rules that name a month with a relative year: they run before the absolute day/month readers.
MONTH_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (
        re.compile(rf"(?P<md>{DM}|{M_CAP_FULL})\s*,?\s+(?P<n>{COUNT})\s+(?i:years?)\s+(?i:ago)\b"),
        _month_ago,
        ("month", "ago"),
    ),
    (
        re.compile(rf"(?P<m>{M_FULL})\s*,?\s+(?:of\s+)?(?:{REL_YEAR}|{UNKNOWN_YEAR})"),
        _month_relative_year,
        ("month", "year"),
    ),
    (
        re.compile(
            rf"{NOT_THE}(?P<rel>(?i:last|this|next|past|coming))\s+(?P<m>{M_ALONE})"
            rf"(?!\s*{D}|\s+Day\b|,?\s+\d{{4}})"
            rf"|(?P<m2>{M_FULL})\s+after\s+next\b"
        ),
        _last_month_name,
        ("month", "relword"),
    ),
    (
        re.compile(
            rf"(?:\b(?i:the)\s+)?(?P<nth>{ORD_N})\s+(?P<unit>{DAY_UNITS})\s+(?i:of|in)\s+"
            rf"(?P<rel>(?i:this|next|last|previous|the\s+current|the\s+next|the\s+previous|the))\s+"
            r"(?i:month)\b"
            rf"|(?:\b(?i:the)\s+)?(?P<d>{D}|{ORD_WORD})\s+(?:(?i:day)\s+)?(?i:of)\s+"
            rf"(?P<rel2>(?i:this|next|last|previous|the\s+current|the\s+next|the\s+previous|the))\s+"
            r"(?i:month)\b"
            # "around the 21st this month"
            rf"|\b(?i:the)\s+(?P<d2>{D_SUFFIXED})\s+(?P<rel3>(?i:this|next|last))\s+(?i:month)\b"
        ),
        _day_of_month,
        ("monthword",),
    ),
]

RELATIVE_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (
        re.compile(
            rf"(?P<n>{COUNT}|(?i:half\s+a))\s+(?P<u>(?i:days?|weeks?|months?|years?|decades?|centur(?:y|ies)))"
            r"\s+(?P<dir>(?i:ago|hence|back(?!\s+(?:in|to|home|at|into|from|on)\b)|from\s+(?:now|today)|"
            r"after\s+today))\b"
        ),
        _ago,
        ("ago",),
    ),
    (
        re.compile(
            r"\b(?i:between)\s+(?P<a>(?i:yesterday|today))\s+(?i:and)\s+(?P<b>(?i:today|tomorrow))\b"
            r"|\b(?i:from)\s+(?P<a2>(?i:yesterday|today))\s+(?i:to|till|until|through)\s+"
            r"(?P<b2>(?i:today|tomorrow))\b"
        ),
        _day_words_range,
        ("dayword",),
    ),
    *WEEKDAY_RULES,
    (
        re.compile(
            rf"{NOT_THE}(?:{_qual_rel('which')})?(?P<rel>{_REL_WORD})\s+(?P<u>(?i:year|month|week|quarter))\b"
            r"(?![-–]|['’]s\s+(?i:mon|tues|wednes|thurs|fri|satur|sun)day)"
            rf"|(?<![\w-])(?:{_qual_rel('which2')})(?P<rel2>(?i:the\s+)?)(?P<u2>(?i:year|month|week))\b"
            r"(?!\s+(?:of\b|\d|before\b|after\b)|['’]s|[-–])"
        ),
        _this_unit,
        ("unit",),
    ),
    (
        re.compile(
            r"(?<![\w-])(?:(?i:the)\s+)?(?P<which>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+"
            r"(?i:quarter)\b(?!\s+(?:of|in)\s+(?:a|an|the|this|last|next|fiscal|\d)|[- ]final|\s+(?:century|mile|hour))"
        ),
        _quarter_alone,
        ("period",),
    ),
    (
        re.compile(
            rf"{NOT_THE}(?P<rel>(?i:this|last|next|current|the\s+current))\s+(?P<s>(?i:spring|summer|autumn|winter))\b"
            # "this fall", "last fall" (American), not "this fall in prices"
            rf"|{NOT_THE}(?P<rel2>(?i:this|last|next))\s+(?P<s2>(?i:fall))\b(?!\s+(?:in|of)\b)"
        ),
        _season_relative,
        ("season",),
    ),
    (
        re.compile(
            rf"{NOT_THE}(?P<rel>(?i:this|last|next|current|the\s+current))\s+(?i:season)\b(?!s)"
        ),
        _season_now,
        ("seasonword",),
    ),
    (
        re.compile(
            r"\b(?P<rel>(?i:the\s+last|the\s+previous|the\s+past|this|the\s+present|the\s+current))"
            r"\s+(?i:century)\b(?![-–])"
        ),
        _century_relative,
        ("century",),
    ),
]

# "the third month of 2021": tried with the other counted parts of a year, before single years.
NTH_MONTH_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (
        re.compile(
            r"\b(?i:the)\s+(?P<nth>(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
            r"tenth|eleventh|twelfth|[1-9]th|1st|2nd|3rd|1[0-2]th))\s+(?i:month)\s+(?i:of)\s+"
            r"(?:(?P<y>(?:1[89]|20)\d\d)\b|(?P<rel>(?i:this|next|last))\s+(?i:year)\b)"
        ),
        _nth_month_of_year,
        ("monthword",),
    ),
]
