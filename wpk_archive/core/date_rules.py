"""Readers for single dates the text writes out (see :mod:`wpk_archive.core.dates`): "October 10,
1980", "10th October", "the 1st of march", "3 Aug 96", "June 2016", "2024 Aug", "in April",
"early 1980", "the spring of
1950", "the fourth quarter of 2018", "the first Tuesday of October", "the 1990s", "the 20th
century", "Juche 101 (2012)" and years standing alone in a context that makes them years.

Each rule is (pattern, reader, features): the reader turns a match into findings; ``features``
are the cheap tests (``date_parts.has_feature``) a text must pass before the pattern is tried.
A finding of kind ``""`` claims its span without reporting a date ("September 2 that year",
"the June 15 Joint Declaration", "on August 15 every year").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from wpk_archive.core.date_calendar import (
    NTH,
    century_range,
    nth_in_month,
    nth_week,
    period_of_year,
    quarter_code,
)
from wpk_archive.core.date_numeric import NOT_YEAR_BEFORE, NUM_YEAR, two_digit_year
from wpk_archive.core.date_order import year_first
from wpk_archive.core.date_parts import (
    DM,
    DMY,
    GENERIC,
    M_ALONE,
    M_ANY,
    M_CAP,
    M_CAP_FULL,
    MAX_YEAR,
    MIN_BARE_YEAR,
    MY,
    ORD_WORD,
    QUAL,
    QUAL_WORD,
    RECURRING,
    TAIL_YEAR,
    Y4,
    D,
    Y,
    lowercase_month_ok,
    month_token,
)
from wpk_archive.core.date_reckoning import (
    Context,
    Found,
    Reader,
    claim,
    day_iso,
    infer_year,
    iso,
    month_number,
    read_parts,
    resolve,
    week_start,
    year_from_expression,
    year_tail,
)

_NAME_AFTER = re.compile(
    r"\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Juche|The|This|In|On|At)"
    r"\b)[A-Z][a-z]"
    r"|\s+(?:joint\s+statement|(?:(?:north-south|inter-korean|joint|popular|people's|national)\s+)?"
    r"(?:declaration|agreement|accord|era|movement|uprising|incident|resistance|struggle|revolution"
    r"|war|events?))\b"
)


_MONTH_THEN_ORDINAL = re.compile(rf"{M_ANY}\s+{ORD_WORD}\s*$")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)!?]|$)")
_LUNAR = re.compile(r"\s*,?\s*(?:in|of|by|under|according\s+to)\s+(?:the\s+)?lunar\b", re.I)


def _is_name(match: re.Match[str]) -> bool:
    """Whether a yearless "the June 15 Joint Declaration", "the October 4 declaration" names a
    thing after a date."""
    before = match.string[max(0, match.start() - 4) : match.start()]
    return before.lower().endswith("the ") and bool(_NAME_AFTER.match(match.string, match.end()))


def _date(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for one day: "October 10, 1980", "10th October", "the 1st of march", "Fri, Jul 18"."""
    text = match.group(0)
    parts = read_parts(text)
    year, inferred, unknown = year_tail(text, ctx)
    if unknown:
        return claim(match)
    has_year = parts.year is not None or year is not None
    if not lowercase_month_ok(match, has_year):
        return []
    if not has_year and _MONTH_THEN_ORDINAL.search(text):
        token = month_token(text) or ""
        if token[:1].islower() or not _CLAUSE_END.match(match.string, match.end()):
            return []  # "march first", "the April-September first half"
    if not has_year and (_is_name(match) or RECURRING.match(match.string, match.end())):
        return claim(match)
    if _LUNAR.match(match.string, match.end()):  # "the 15th of January in lunar calendar"
        return claim(match)
    resolved = resolve(parts, ctx, fallback_year=year)
    if resolved is None:
        if _impossible(parts.year or year, parts.month, parts.day):
            return claim(match)  # "February 29, 2022", "June 31": no date, nor its year or month
        return []
    value, was_inferred = resolved
    return [Found(match.start(), match.end(), value, value, inferred or was_inferred, "date")]


def _impossible(year: int | None, month: int | None, day: int | None) -> bool:
    """Whether a day of a month is none of its days (in ``year``; without one, in a leap year)."""
    if month is None or day is None:
        return False
    return iso(year if year is not None and iso(year) else 2000, month, day) is None


_DM_BEFORE = re.compile(rf"(?:{D}\s*{M_ANY}|{M_ANY}\s*{D}\s*,?|{M_CAP})(?:\s+of)?$")


def _two_digit_year(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "3 Aug 96", "Aug 9, 96", "3rd Feb 82", "Aug 96", "April of 87" (the rule matches the year; the
    day and month are read just before it; a month alone takes a number only written "'96" or
    from 69 to 99: "Aug 05" is a day, "August 32" no date), its century as for numeric dates
    (:func:`two_digit_year`). Read only
    at the end of a clause ("14th April 15 delegates" counts delegates)."""
    lead = _DM_BEFORE.search(match.string, max(0, match.start() - 25), match.start())
    if lead is None:
        return []
    parts = read_parts(lead.group(0))
    short = match.group("yy")
    if parts.day is None and int(short) < 69 and not match.group("apo"):
        return []
    if not lowercase_month_ok(lead, True):
        return []
    doc_year = ctx.doc_date.year if ctx.doc_date else None
    value = iso(two_digit_year(int(short), doc_year), parts.month, parts.day)
    if value is None:
        if _impossible(2000, parts.month, parts.day):
            return [Found(lead.start(), match.end(), "", "", False, "")]
        return []
    return [Found(lead.start(), match.end(), value, value, False, "date")]


_MONTH_BEFORE = re.compile(rf"{M_ANY}\s+$")


def _impossible_day(match: re.Match[str], ctx: Context) -> list[Found]:
    """Claim "32 August 2014" and "August 32, 2014" (a number above 31 as the day): no date, nor
    its month or year."""
    start = match.start()
    if start and match.string[start - 1] in "0123456789,.":
        return []
    if not match.group("m"):
        lead = _MONTH_BEFORE.search(match.string, max(0, start - 12), start)
        if lead is None:
            return []
        start = lead.start()
    return [Found(start, match.end(), "", "", False, "")]


def _month_year(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "June 2016", "June of 2016", "June in 2016", "2016 June", "early June 2016",
    "April, Juche 65" (not a lower-case month before "in": "the onward march in 2012")."""
    token = month_token(match.group(0)) or ""
    if token[:1].islower() and re.search(r"\s(?i:in)\s+\d", match.group(0)):
        return []
    parts = read_parts(match.group(0))
    if parts.year is None or parts.month is None:
        return []
    value = iso(parts.year, parts.month)
    return [Found(match.start(), match.end(), value, value, False, "date")] if value else []


_MONTH_ALONE_STOP = re.compile(r"\s*,?\s*(?:of\s+)?\d{3,4}\b|\s+Day\b")
_SCHEDULED_FOR = re.compile(r"(?i:slated|scheduled|planned|set|due|penciled|pencilled)\s")
_RECURRING_AHEAD = re.compile(r"[^.;:]{0,40}?\b(?:each|every)\s+year\b", re.I)


def _month_alone_any(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for a yearless month after a preposition or qualifier: "in April", "late March".

    Not read before a year out of range ("In January of 1696", "from March 1592"), in a recurring
    clause ("from November to next March each year") or in "May Day"."""
    if match.group("core2"):
        core, qual = "core2", "qual2"
    else:
        core, qual = "core", "qual"
    after = match.string[match.end() : match.end() + 60]
    if (
        _MONTH_ALONE_STOP.match(after)
        or _RECURRING_AHEAD.match(after)
        or GENERIC.search(match.string)
    ):
        return claim(match)
    month = month_number(match.group(core))
    if _SCHEDULED_FOR.match(match.group(0)) and not ctx.future:
        ctx = replace(ctx, future=True)  # "slated for January": one to come
    year = infer_year(month, ctx)
    value = iso(year, month) if year is not None else None
    if value is None:
        return []
    start = match.start(qual) if match.group(qual) else match.start(core)
    return [Found(start, match.end(), value, value, not ctx.year_told, "date")]


def _qualified_year(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "early 1980", "mid-2016", "the end of 2012", "the spring of 1950": the year."""
    year = year_from_expression(match.group("y"))
    value = iso(year) if year is not None else None
    return [Found(match.start(), match.end(), value, value, False, "year")] if value else []


def _period(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "the fourth quarter of 2018", "2018Q4", "Q4 2018", "the first half of 2012"."""
    year = year_from_expression(match.group("y") or match.group("y2") or "")
    which = match.group("which") or ("q" + (match.group("q") or match.group("q2") or "4"))
    if year is None:
        return []
    return period_of_year(year, which, match.start(), match.end(), False)


def _period_any(match: re.Match[str], ctx: Context) -> list[Found]:
    """Dispatch for the quarter/half rule (its alternatives name their groups differently)."""
    if match.group("which"):
        year = year_from_expression(match.group("y3"))
        if year is None:
            return []
        which = match.group("which")
        if match.group("hq").lower() == "quarter":
            which = quarter_code(which)
        return period_of_year(year, which, match.start(), match.end(), False)
    return _period(match, ctx)


def _decade(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "the 1990s", "the late 1990s", "the mid-1990's", "the '70s"."""
    if match.group("dec"):
        year = int(match.group("dec"))
    else:
        short = int(match.group("short"))
        if short < 30:  # "the '20s" could be the 1920s or the 2020s
            return []
        year = 1900 + short
    if not MIN_BARE_YEAR <= year <= MAX_YEAR:
        return []
    return [Found(match.start(), match.end(), f"{year:04d}", f"{year + 9:04d}", False, "decade")]


_CENTURY_WORDS = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21}


def _century(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "the 20th century", "the twenty-first century", "the early 19th century"; a
    capitalised "Century" is a name ("the Orchestra of the 21st Century")."""
    if match.group(0).endswith("Century"):
        return claim(match)
    word = match.group("n").lower()
    number = int(re.sub(r"\D", "", word)) if word[0].isdigit() else _CENTURY_WORDS[word]
    return century_range(number, match.start(), match.end(), False)


def _nth_week_of_year(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "the first week of 2018", "the third last week of 2018", "the first week of this
    year", "the third week next year"."""
    if match.group("rel"):
        anchor = ctx.anchor or (ctx.doc_date if ctx.doc_precision == "day" else None)
        if anchor is None:
            return []
        step = {"last": -1, "previous": -1, "this": 0, "next": 1}[match.group("rel").lower()]
        year: int | None = anchor.year + step
    else:
        year = year_from_expression(match.group("y"))
    if year is None or iso(year) is None:
        return []
    back = NTH.get((match.group("back") or "").lower(), 1)
    days = nth_week(dt.date(year, 1, 1), dt.date(year, 12, 31), match.group("nth").lower(), back)
    if days is None:
        return []
    inferred = bool(match.group("rel"))
    return [Found(match.start(), match.end(), days[0], days[1], inferred, "period")]


def _nth_of_month(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "the first Tuesday of October 2014", "the last day of October", "the first week
    of October 2014", "the third day of october"."""
    month = month_number(match.group("m"))
    parts = read_parts(match.group("tail") or "")
    year, inferred = parts.year, False
    if year is None:
        year, inferred = infer_year(month, ctx), not ctx.year_told
    if year is None:
        return []
    back = NTH.get((match.group("back") or "").lower(), 1)
    nth = "last" if match.group("nth").lower() == "final" else match.group("nth")  # "final Friday"
    days = nth_in_month(year, month, nth, match.group("unit").lower(), back)
    if days is None:
        return []
    kind = "date" if days[0] == days[1] else "period"
    return [Found(match.start(), match.end(), days[0], days[1], inferred, kind)]


def _nth_day_of_month(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "the third day of October": the day of that number."""
    token = match.group("nth").lower()
    number = int(re.sub(r"\D", "", token)) if token[0].isdigit() else read_parts(token).day
    month = month_number(match.group("m"))
    parts = read_parts(match.group("tail") or "")
    year, inferred = parts.year, False
    if year is None:
        year, inferred = infer_year(month, ctx), not ctx.year_told
    value = iso(year, month, number) if year is not None and number else None
    return [Found(match.start(), match.end(), value, value, inferred, "date")] if value else []


def _week_of(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "the week of October 6th": the Monday-to-Sunday week holding that day."""
    parts = read_parts(match.group("date"))
    resolved = resolve(parts, ctx)
    if resolved is None or len(resolved[0]) != 10:
        return []
    begin = week_start(dt.date.fromisoformat(resolved[0]))
    first, last = day_iso(begin), day_iso(begin + dt.timedelta(days=6))
    if first is None or last is None:
        return []
    return [Found(match.start(), match.end(), first, last, resolved[1], "period")]


_BARE_CONTEXT = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|from|to|through|during|before|after|year|early|late|"
    r"spring|summer|autumn|fall|winter|and|or|the|this|last|next|for|mid|circa|c\.|between|around|"
    r"about|fiscal|as\s+of|on|until|throughout)|[(\[]|mid-)\s*$",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"\s*(?:%|per\s*cent|percent|[a-z]+s\b(?<!\bwas)(?<!\bhas)(?<!\bis)(?<!\bas)(?<!\bthis)"
    r"(?<!\bits)(?<!\bhis)(?<!\bus)|people|won|yuan|km|kg|m\b|tonnes?|tons?|hectares?|meters?)",
)


_MONEY_BEFORE = re.compile(
    r"\b(?i:pay|pays|paid|paying|cost|costs|price|priced|worth|fined|fine\s+of|salary|sum\s+of)\b"
    r"[^.;:\d]{0,20}$"
)


def _bare_year(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for a year standing alone, kept only where the context says it is a year."""
    text = match.string
    token = match.group(0)
    if token.startswith("Juche"):
        year = year_from_expression(token)
        value = iso(year) if year is not None else None
        return [Found(match.start(), match.end(), value, value, False, "juche")] if value else []
    before = text[max(0, match.start() - 20) : match.start()]
    after = text[match.end() : match.end() + 20]
    year = year_from_expression(token)
    if year is None or not MIN_BARE_YEAR <= year <= MAX_YEAR or NOT_YEAR_BEFORE.search(before):
        return []
    if (
        re.match(r"\s*[-–]\s*\d|\s*/\s*\d(?!\d{3}(?!\d))", after)  # "2014/22/29" is a code
        or _UNIT_AFTER.match(after)
        or re.search(r"\d\s*[-–]\s*$", before)
    ):
        return []
    if _MONEY_BEFORE.search(text[max(0, match.start() - 40) : match.start()]):
        return []
    in_context = (
        bool(_BARE_CONTEXT.search(before))
        or bool(re.search(r"A\.?\s?D\.?$", token))
        or bool(re.search(r"(?<!\d)(?:1[89]|20)\d\d\s*,\s*$", before))  # "1956, 1961, 1970 and"
    )
    if not in_context and re.match(r"\s+[A-Za-z\d]", after):  # "2000 observers", "2012 80 10"
        return []
    value = f"{year:04d}"
    return [Found(match.start(), match.end(), value, value, False, "year")]


# (a whole word: not the "5th" of "the 15th day of June", nor the "third" of "twenty third")
ORD_N = (
    r"(?<![\w-])(?<!(?i:twenty)\s)(?<!(?i:thirty)\s)"
    r"(?i:first|second|third|fourth|fifth|last|final(?=\s+(?i:mon|tue|wed|thu|fri|sat|sun))|1st|2nd|"
    r"3rd|4th|5th)"
)
_BACK = r"(?i:second|third|fourth|fifth|2nd|3rd|4th|5th)(?=\s+(?i:last)\b)"
DAY_UNITS = (
    r"(?:(?i:day|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    # clipped: any case where the clipping is no English word, else capitalised ("first sat in")
    r"|(?i:mon|tues?|thu|thurs?|fri)\.?|(?:Wed|Sat|Sun)\.?)(?![A-Za-z])"
)

# "the first Tuesday of October" and the like: tried with the ranges, before the relative rules.
NTH_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (
        re.compile(
            rf"(?:\b(?i:the)\s+)?(?:(?P<back>{_BACK})\s+)?(?P<nth>{ORD_N})\s+(?P<unit>{DAY_UNITS})\s+"
            rf"(?i:of|in)\s+(?P<m>{M_ANY})(?P<tail>{TAIL_YEAR})?"
        ),
        _nth_of_month,
        ("month", "ordinal"),
    ),
    (
        re.compile(
            rf"(?:\b(?i:the)\s+)?(?:(?P<back>{_BACK})\s+)?(?P<nth>{ORD_N})\s+(?i:week)\s+"
            rf"(?:(?i:of|in)\s+(?P<y>{Y})|(?:(?i:of)\s+)?(?P<rel>(?i:this|next|last|previous))\s+(?i:year)\b)"
        ),
        _nth_week_of_year,
        ("ordinal", "week"),
    ),
    (
        re.compile(
            rf"(?:\b(?i:the)\s+)?(?P<nth>{ORD_WORD}|{D})\s+(?P<unit>(?i:day))\s+(?i:of|in)\s+"
            rf"(?P<m>{M_ANY})(?P<tail>{TAIL_YEAR})?"
        ),
        _nth_day_of_month,
        ("month", "day", "dayish"),
    ),
    (
        re.compile(rf"\b(?i:the\s+)?(?i:week)\s+of\s+(?P<date>{DM}(?:{TAIL_YEAR})?)"),
        _week_of,
        ("digit", "month", "week"),
    ),
]

# Single days, months, years, parts of years, decades and centuries.
SINGLE_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    # "1961 September 11" (year first, as in translated documents)
    (
        re.compile(rf"{Y4},?\s+{M_CAP_FULL}\s+{D}(?!\s*,?\s*\d)"),
        year_first(_date),
        ("digit", "month"),
    ),
    (
        re.compile(
            rf"(?<![\w])(?P<y>{NUM_YEAR})\s?Q(?P<q>[1-4])(?!\w)|(?<!\w)Q(?P<q2>[1-4])\s+(?P<y2>{NUM_YEAR})(?!\d)"
            rf"|(?:\b(?i:the)\s+)?(?P<which>(?i:first|second|third|fourth|1st|2nd|3rd|4th|latter))\s+"
            rf"(?P<hq>(?i:quarter|half))\s+(?:(?i:of|in)\s+)?(?:(?i:the\s+)?(?i:year)\s+)?(?P<y3>{Y})"
        ),
        _period_any,
        ("digit", "period"),
    ),
    (
        re.compile(
            rf"(?:3[2-9]|[4-9]\d)(?:st|nd|rd|th)?(?:\s+(?P<m>{M_ANY}){TAIL_YEAR}|\s*,\s*{Y})"
        ),
        _impossible_day,
        ("digit", "month"),
    ),
    (
        re.compile(
            r"\s+(?P<apo>['’])?(?P<yy>\d\d)(?!\d)(?=\s*(?:[;:!?)\]]|\.(?!\d)|,(?!\s*\d)|$))"
        ),
        _two_digit_year,
        ("digit", "month"),
    ),
    (re.compile(DMY), _date, ("month", "dayish")),
    (re.compile(rf"(?:{QUAL})?{MY}"), _month_year, ("digit", "month")),
    (
        re.compile(rf"{Y4}(?:\s*,\s*|\s+|[-/])(?:{M_CAP}|{M_ALONE})(?!\s*{D}|\s+Day\b)"),
        year_first(_month_year),
        ("digit", "month"),
    ),
    (
        re.compile(
            rf"(?:\b(?i:in|since|during|until|till|through|throughout|by|before|after|from)\s+"
            # "the congress slated for January", "a session scheduled for March"
            rf"|\b(?i:slated|scheduled|planned|set|due|penciled|pencilled)\s+(?i:for)\s+)"
            rf"(?P<qual>{QUAL})?(?P<core>{M_ALONE})|(?P<qual2>{QUAL})(?P<core2>{M_ALONE})"
        ),
        _month_alone_any,
        ("month",),
    ),
    (
        re.compile(
            rf"(?:\b(?i:the)\s+)?(?:{QUAL})?(?P<dec>(?:1[89]|20)\d0)(?:['’]?s|\s+s(?![\w-]))\b"
            rf"|\b(?i:the)\s+['’](?P<short>\d0)s\b"
        ),
        _decade,
        ("digit", "decade"),
    ),
    (
        re.compile(
            rf"(?:\b(?i:the)\s+)?(?:{QUAL})?(?P<n>1\dth|20th|21st|[4-9]th|1st|2nd|3rd|(?i:nineteenth|twentieth|twenty[- ]first))"
            r"\s+(?i:century)\b"
        ),
        _century,
        ("century",),
    ),
    (
        re.compile(
            rf"(?:{QUAL}|(?:\b(?i:the)\s+)?(?:{QUAL_WORD})?(?i:spring|summer|autumn|fall|winter)"
            rf"\s+(?:of\s+)?(?:(?i:the\s+year)\s+)?)(?P<y>{Y})"
        ),
        _qualified_year,
        ("digit", "qual"),
    ),
    (re.compile(Y), _bare_year, ("digit",)),
]
