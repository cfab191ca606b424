"""Readers for ranges and lists of dates (see :mod:`wpk_archive.core.dates`): "10-14 October
1980", "from June 28 to July 1", "between 4 and 22 January 1995", "from the third to the sixth of
June 2018", "December 2011 to January 2012", "1950-53", "February 28 and 29", "on 3 and 5 June",
"in March and June 2016", "in 2013 and 2017"."""

from __future__ import annotations

import datetime as dt
import re

from wpk_archive.core.date_numeric import NUM_YEAR
from wpk_archive.core.date_parts import (
    DMY,
    FROM,
    GENERIC,
    M_ANY,
    M_CAP_FULL,
    MY,
    ORD_WORD,
    PLURAL_AFTER,
    QUAL,
    REL_YEAR,
    TAIL,
    TAIL_YEAR,
    TO,
    UNKNOWN_YEAR,
    WD_LEAD,
    YEAR_SEP,
    D,
    Y,
    lowercase_month_ok,
)
from wpk_archive.core.date_reckoning import (
    Context,
    Found,
    Reader,
    claim,
    found_range,
    infer_year,
    iso,
    month_number,
    read_parts,
    year_from_expression,
    year_tail,
)

_AND = re.compile(r"\band\b", re.I)


def _range(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "A to B" ranges; parts missing on the left are taken from the right."""
    connector = match.string[match.end("a") : match.start("b")]
    if _AND.search(connector) and match.group(0)[:7].lower() != "between":
        return []
    left, right = read_parts(match.group("a")), read_parts(match.group("b"))
    right_tail, right_inferred, right_unknown = year_tail(match.group("b"), ctx)
    left_tail, left_inferred, left_unknown = year_tail(match.group("a"), ctx)
    if right_unknown or left_unknown:
        return claim(match)
    if not lowercase_month_ok(
        match, any(y is not None for y in (left.year, right.year, right_tail, left_tail))
    ):
        return []
    left_month = left.month if left.month is not None else right.month
    right_month = right.month if right.month is not None else left.month
    left_year = left.year if left.year is not None else left_tail
    right_year = right.year if right.year is not None else right_tail
    inferred = left_inferred or right_inferred
    backwards = left_month is not None and right_month is not None and right_month < left_month
    if left_year is None and right_year is not None:
        left_year = right_year - 1 if backwards else right_year
        inferred = inferred or right_inferred
    elif left_year is None and left_month is not None:
        left_year, inferred = infer_year(left_month, ctx), not ctx.year_told
        if holds_doc_month(ctx, left_month, right_month, backwards):
            left_year = ctx.doc_date.year if ctx.doc_date else left_year
    if left_year is None or (inferred and GENERIC.search(match.string)):
        return []
    if right_year is None:
        right_year = left_year + 1 if backwards else left_year
    first = iso(left_year, left_month, left.day if left_month is not None else None)
    last = iso(right_year, right_month, right.day if right_month is not None else None)
    if first is None or last is None:
        if iso(left_year) and iso(right_year) and (left.day or right.day):
            return claim(match)  # "February 20 - 29, 2022": a day that is none; no date here
        return []
    return found_range(match.start(), match.end(), first, last, inferred, "range")


def holds_doc_month(
    ctx: Context, left_month: int, right_month: int | None, backwards: bool
) -> bool:
    """Whether a yearless range of months told of the future holds the publication month ("what
    will happen between August and October" in September: this year's, under way)."""
    return (
        ctx.future
        and ctx.fronted_year is None
        and ctx.doc_date is not None
        and ctx.doc_precision != "year"
        and right_month is not None
        and not backwards
        and left_month <= ctx.doc_date.month <= right_month
    )


read_range = _range
"""The "A to B" reader, for the rule modules that add range forms."""


def _year_abbreviation(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "1950-53", "2011-12", "2014/15": the second year written with two digits."""
    first = int(match.group("a"))
    short = int(match.group("b"))
    if short <= first % 100:
        return []
    last = first - first % 100 + short
    return found_range(match.start(), match.end(), f"{first:04d}", f"{last:04d}", False, "range")


def _day_list(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "February 28 and 29" (consecutive: one range) and "3 and 5 June" (one mention
    a day, kind ``coordinated``)."""
    text = match.group(0)
    body_start, body_end = match.span("days")
    days = [
        (m.start() + body_start, m.end() + body_start, int(re.sub(r"\D", "", m.group(0))))
        for m in re.finditer(D, match.string[body_start:body_end])
    ]
    if len(days) < 2 or PLURAL_AFTER.match(match.string, match.end()):
        return []
    month = month_number(match.group("m"))
    year, inferred, unknown = year_tail(text, ctx)
    if unknown:
        return claim(match)
    parts = read_parts(match.group("y") or "")
    if parts.year is not None:
        year = parts.year
    elif year is None:
        year, inferred = infer_year(month, ctx), not ctx.year_told
    if year is None or not lowercase_month_ok(match, parts.year is not None):
        return []
    values = [iso(year, month, day) for _, _, day in days]
    if any(value is None for value in values):
        return []
    numbers = [day for _, _, day in days]
    if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        return [
            Found(match.start(), match.end(), values[0] or "", values[-1] or "", inferred, "range")
        ]
    found = []
    for index, ((start, end, _), value) in enumerate(zip(days, values, strict=True)):
        if index == 0 and match.start("m") < start:
            start = match.start()
        if index == len(days) - 1 and match.start("m") > start:
            end = match.end()
        found.append(Found(start, end, value or "", value or "", inferred, "coordinated"))
    return found


def _two_days(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "February 28 and March 1, 2012" and "31 December and 1 January 2013": two days
    of different months joined by "and", the year written once after the second (the first
    takes the year before when its month comes later). Consecutive days make one range (a
    meeting's two days), others one mention each (kind ``coordinated``)."""
    year = read_parts(match.group("y")).year
    left, right = read_parts(match.group("a")), read_parts(match.group("b"))
    if year is None or None in (left.month, left.day, right.month, right.day):
        return []
    assert left.month is not None and right.month is not None  # (for the type checker)
    first_year = year - 1 if left.month > right.month else year
    first = iso(first_year, left.month, left.day)
    second = iso(year, right.month, right.day)
    if first is None or second is None or first >= second:
        return []
    if (dt.date.fromisoformat(second) - dt.date.fromisoformat(first)).days == 1:
        return [Found(match.start(), match.end(), first, second, False, "range")]
    return [
        Found(match.start(), match.end("a"), first, first, False, "coordinated"),
        Found(match.start("b"), match.end(), second, second, False, "coordinated"),
    ]


def _month_list(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "in March and June 2016": one mention a month (kind ``coordinated``); without a
    year only after a preposition ("March and April are clean-up months" is not a date)."""
    if not _month_list_in_context(match):
        return []
    year, inferred, unknown = year_tail(match.group(0), ctx)
    if unknown:
        return claim(match)
    year_text = re.sub(r"^[,\s]+", "", match.group("y") or "")
    if year_text and year_from_expression(year_text) is not None:
        year = year_from_expression(year_text)
    months = list(re.finditer(M_CAP_FULL, match.group(0)))
    found = []
    for index, month_match in enumerate(months):
        month = month_number(month_match.group(0))
        this_year, this_inferred = year, inferred
        if this_year is None:
            this_year, this_inferred = infer_year(month, ctx), not ctx.year_told
        value = iso(this_year, month) if this_year is not None else None
        if value is None:
            return []
        start = match.start() + month_match.start()
        end = match.end() if index == len(months) - 1 else match.start() + month_match.end()
        found.append(Found(start, end, value, value, this_inferred, "coordinated"))
    return found


def _month_list_in_context(match: re.Match[str]) -> bool:
    """Whether "March and April" dates something: after a preposition, or with a year."""
    if match.group("y"):
        return True
    before = match.string[max(0, match.start() - 12) : match.start()]
    return bool(re.search(r"\b(?:in|during|of|since|until|till|by|between)\s+$", before, re.I))


def _coordinated_years(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "in 2013 and 2017": one year mention for each year named."""
    found = []
    for year_match in re.finditer(Y, match.group(0)):
        year = year_from_expression(year_match.group(0))
        value = iso(year) if year is not None else None
        if value:
            start = match.start() + year_match.start()
            found.append(
                Found(start, match.start() + year_match.end(), value, value, False, "coordinated")
            )
    return found


_SPAN = ("digit", "month", "span")

SPAN_RULES: list[tuple[re.Pattern[str], Reader, tuple[str, ...]]] = [
    (re.compile(rf"{FROM}(?P<a>{DMY}){TO}(?P<b>{DMY})"), _range, _SPAN),
    (
        re.compile(
            rf"{FROM}(?P<a>(?:{WD_LEAD})?{M_ANY}\s*(?:the\s+)?{D}){TO}(?:the\s+)?(?P<b>{D}(?:{TAIL})?)"
            rf"(?!\s*{M_ANY})"
        ),
        _range,
        _SPAN,
    ),
    (
        re.compile(
            rf"{FROM}(?:the\s+)?(?P<a>{D}){TO}(?:the\s+)?(?P<b>{D}\s*(?:of\s+)?{M_ANY}(?:{TAIL})?)"
        ),
        _range,
        _SPAN,
    ),
    (
        re.compile(
            rf"{FROM}(?:the\s+)?(?P<a>{ORD_WORD}){TO}(?:the\s+)?(?P<b>{ORD_WORD}\s*(?:of\s+)?{M_ANY}"
            rf"(?:{TAIL})?)"
        ),
        _range,
        ("month", "span", "ordword"),
    ),
    (
        re.compile(
            rf"{FROM}(?P<a>(?:{WD_LEAD})?{M_ANY}\s+(?:the\s+)?{ORD_WORD}){TO}(?:the\s+)?"
            rf"(?P<b>{ORD_WORD}{TAIL})"
        ),
        _range,
        ("month", "span", "ordword"),
    ),
    (re.compile(rf"{FROM}(?P<a>(?:{QUAL})?{MY}){TO}(?P<b>(?:{QUAL})?{MY})"), _range, _SPAN),
    (
        re.compile(rf"{FROM}(?P<a>(?:{QUAL})?{MY}){TO}(?P<b>(?:{QUAL})?{Y})(?!{YEAR_SEP}?{M_ANY})"),
        _range,
        _SPAN,
    ),
    # (not "from this May to Oct 2020": this year's May)
    (
        re.compile(
            rf"(?<!\b[Tt]his\s)(?<!\b[Ll]ast\s)(?<!\b[Nn]ext\s)"
            rf"{FROM}(?P<a>(?:{QUAL})?{M_CAP_FULL}){TO}(?P<b>(?:{QUAL})?{MY})"
        ),
        _range,
        _SPAN,
    ),
    (
        re.compile(rf"\b(?i:from|between)\s+(?P<a>(?:{QUAL})?{M_CAP_FULL}){TO}(?P<b>{DMY})"),
        _range,
        _SPAN,
    ),
    (
        re.compile(
            rf"\b(?i:from|between)\s+(?P<a>(?:{QUAL})?{M_CAP_FULL}){TO}"
            rf"(?P<b>(?:{QUAL})?{M_CAP_FULL}(?:\s*,?\s+(?:of\s+)?(?:{REL_YEAR}|{UNKNOWN_YEAR}))?)"
            rf"(?!\s*{D}|{YEAR_SEP}{Y})"
        ),
        _range,
        ("month", "between"),
    ),
    (
        re.compile(rf"\b(?i:from|between)\s+(?P<a>(?:{QUAL})?{Y}){TO}(?P<b>(?:{QUAL})?{Y})"),
        _range,
        ("digit", "between"),
    ),
    (
        re.compile(
            rf"(?<![\d,.])(?P<a>(?:{QUAL})?{NUM_YEAR})\s*[-–—]\s*(?P<b>(?:{QUAL})?{NUM_YEAR})(?![\d]|,\d)"
        ),
        _range,
        ("digit", "dash"),
    ),
    (
        re.compile(
            rf"(?<![\d,.#/-])(?P<a>{NUM_YEAR})\s*[-–/]\s*(?P<b>\d\d)(?![\d]|[-/.,:]\d|\s*(?:%|per))"
        ),
        _year_abbreviation,
        ("digit", "dash"),
    ),
    (
        re.compile(
            rf"(?P<a>{M_ANY}\s*{D}|{D}\s+(?:of\s+)?{M_ANY})\s*,?\s+and\s+"
            rf"(?P<b>{M_ANY}\s*{D}|{D}\s+(?:of\s+)?{M_ANY})(?P<y>{TAIL_YEAR})"
        ),
        _two_days,
        ("digit", "month", "and"),
    ),
    (
        re.compile(
            rf"(?P<m>{M_ANY})\s*(?P<days>{D}(?:\s*,\s*{D})*\s*,?\s+and\s+{D})(?P<y>{TAIL})?(?!\s*{M_ANY})"
        ),
        _day_list,
        ("digit", "month", "and"),
    ),
    (
        re.compile(
            rf"(?P<days>{D}(?:\s*,\s*{D})*\s*,?\s+and\s+{D})\s*(?:of\s+)?(?P<m>{M_ANY})(?P<y>{TAIL})?"
        ),
        _day_list,
        ("digit", "month", "and"),
    ),
    (
        re.compile(
            rf"{M_CAP_FULL}(?:\s*,\s*{M_CAP_FULL})*\s*,?\s+and\s+{M_CAP_FULL}"
            rf"(?P<y>{TAIL_YEAR}|\s*,?\s+(?:of\s+)?(?:{REL_YEAR}|{UNKNOWN_YEAR}))?(?!\s*{D})"
        ),
        _month_list,
        ("month", "and"),
    ),
    (
        re.compile(rf"\b(?:in|of|and)\s+{Y}(?:\s*,\s*{Y})*,?\s+and\s+{Y}(?![\s-]*{M_ANY})"),
        _coordinated_years,
        ("digit", "and"),
    ),
]
