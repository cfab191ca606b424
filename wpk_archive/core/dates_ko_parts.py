"""The grammar of one Korean date *point* (a year, month and day as written) and how its missing
parts are found: the pieces :mod:`wpk_archive.core.dates_ko` composes into its rules, and the
placement rules its module docstring describes (yearless months, days alone, 지난/오는)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from wpk_archive.core.date_calendar import place_day as calendar_place_day
from wpk_archive.core.dates import JUCHE_OFFSET, MAX_YEAR, MIN_YEAR
from wpk_archive.core.models import Precision

DASH = r"(?:~|∼|～|〜|-|–|—)"
NO_DIGIT_BEFORE = r"(?<![\d,.제])"
YEAR = (
    r"(?:주체\s*\d{1,3}\s*(?:\(\s*\d{4}\s*\)\s*)?년"
    rf"|{NO_DIGIT_BEFORE}(?:1[89]\d\d|20\d\d|2100)\s*년(?!\s*대)(?:도)?"
    rf"|{NO_DIGIT_BEFORE}\d\d\s*년(?=\s*(?:1[0-2]|0?[1-9])\s*월)"
    r"|지난해|작년|올해|금년|래년|내년|이듬해|올(?=\s*(?:\d{1,2}\s*월|연말)))"
)
MONTH = rf"(?:{NO_DIGIT_BEFORE}(?:1[0-2]|0?[1-9])\s*월(?!\s*(?:간|동안|분|호)))"
REL_MONTH = (
    r"(?:지난\s?달|이\s?달|이번\s?달|다음\s?달|래달|내달|익월|전달)"
    r"(?=\s|\d|$|[,.)]|에|의|부터|까지|초|말|상순|중순|하순|은|는)"
)
DAY = (
    rf"(?:{NO_DIGIT_BEFORE}(?:[12]\d|3[01]|0?[1-9])\s*일"
    r"(?!\s*(?:간|동안|째|이내|이상|씩|만에|만이))(?!\s*차(?=\s|$|[에의는은를을가이로,.)]))(?!만|회의)"
    r"(?!\s*(?:전|후|뒤)(?=\s|에|인|$)))"
)
_PART = r"(?:상순|중순|하순|초순|초|말|중순경|하순경|상순경)"
QUAL = r"(?:(?:지난|오는|이번|다가오는)\s*)"
_AFTER_PART = r"(?=[^가-힣]|$|에|의|부터|까지|경|께|으로|로|은|는|이|가|을|를)"
_YEAR_END = r"(?:\s*(?:연말|말|연초|초)(?![가-힣]))"

POINT = (
    rf"(?:{QUAL}?(?:{YEAR}\s*)?(?:{MONTH}\s*|{REL_MONTH}\s*)?{DAY}"
    rf"|{QUAL}?(?:{YEAR}\s*)?{MONTH}(?:\s*{_PART}{_AFTER_PART})?"
    rf"|{QUAL}?{REL_MONTH}(?:\s*{_PART}{_AFTER_PART})?"
    rf"|{YEAR}{_YEAR_END}?)"
)

# the pieces of one point, read from its text
_PARTS = re.compile(
    r"(?P<juche>주체\s*(?P<jn>\d{1,3})\s*(?:\(\s*(?P<jy>\d{4})\s*\)\s*)?년)"
    r"|(?P<year>(?<![\d,.])(?P<yv>\d{4})\s*년)"
    r"|(?P<yy>(?<![\d,.])(?P<yyv>\d\d)\s*년)"
    r"|(?P<ry>지난해|작년|올해|금년|래년|내년|이듬해|올)"
    r"|(?P<month>(?<![\d,.])(?P<mv>\d{1,2})\s*월)"
    r"|(?P<rm>지난\s?달|이\s?달|이번\s?달|다음\s?달|래달|내달|익월|전달)"
    r"|(?P<day>(?<![\d,.])(?P<dv>\d{1,2})(?:\s*일)?)"
    r"|(?P<end>연말|말)|(?P<begin>연초|초)"
    r"|(?P<q>지난|오는|이번|다가오는)"
)
_REL_YEARS = {
    "지난해": -1,
    "작년": -1,
    "올해": 0,
    "금년": 0,
    "올": 0,
    "래년": 1,
    "내년": 1,
    "이듬해": 1,
}


class Parts:
    """What one date point says: its numbers, and how the missing ones are to be found."""

    def __init__(self, fragment: str) -> None:
        self.year: int | None = None
        self.rel_year: int | None = None
        self.month: int | None = None
        self.rel_month: int | None = None
        self.day: int | None = None
        self.qual: str | None = None
        self.year_end = False
        self.two_digit = False
        self.juche = False
        for match in _PARTS.finditer(fragment):
            self._take(match)

    def _take(self, match: re.Match[str]) -> None:
        kind = match.lastgroup
        if kind == "juche" and self.year is None:
            self.juche = True
            if match.group("jy"):
                self.year = int(match.group("jy"))
            else:
                self.year = int(match.group("jn")) + JUCHE_OFFSET
        elif kind == "year" and self.year is None:
            self.year = int(match.group("yv"))
        elif kind == "yy" and self.year is None:
            self.year, self.two_digit = int(match.group("yyv")), True
        elif kind == "ry" and self.year is None:
            self.rel_year = _REL_YEARS[match.group("ry")]
        elif kind == "month" and self.month is None:
            self.month = int(match.group("mv"))
        elif kind == "rm" and self.month is None:
            word = match.group("rm").replace(" ", "")
            if word in ("지난달", "전달"):
                self.rel_month = -1
            else:
                self.rel_month = 1 if word in ("다음달", "래달", "내달", "익월") else 0
        elif kind == "day" and self.day is None:
            self.day = int(match.group("dv"))
        elif kind == "end" and self.month is None and self.day is None:
            self.year_end = True
        elif kind == "q" and self.qual is None:
            self.qual = match.group("q")


def iso_of(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO string at the precision given, or None when the parts are not a real date."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def precision_of(iso: str) -> Precision:
    if len(iso) == 4:
        return "year"
    return "month" if len(iso) == 7 else "day"


def shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1


class Context:
    """The dates that yearless and relative dates are placed by."""

    def __init__(self, doc_date: dt.date | None, anchor: dt.date | None) -> None:
        self.doc_date = doc_date
        self.anchor = anchor or doc_date


def place_day(day: int, qual: str | None, anchor: dt.date) -> tuple[int, int] | None:
    """(year, month) of a day given alone (see the module docstring)."""
    which = "past" if qual == "지난" else "future" if qual in ("오는", "다가오는") else None
    return calendar_place_day(day, which, anchor)


def _year_of(parts: Parts, ctx: Context) -> tuple[int | None, bool]:
    """The year of a point and whether it was inferred (None: it cannot be given one)."""
    if parts.year is not None:
        year = parts.year
        if parts.two_digit:
            pivot = (ctx.doc_date.year % 100 + 1) if ctx.doc_date else 30
            year += 1900 if year > pivot else 2000
        return year, False
    if ctx.doc_date is None:
        return None, True
    if parts.rel_year is not None:
        return ctx.doc_date.year + parts.rel_year, True
    if parts.month is None:
        return None, True
    doc = ctx.doc_date
    if parts.qual == "지난":
        later = (parts.month, parts.day or 1) > (doc.month, doc.day)
        return doc.year - (1 if later else 0), True
    if parts.qual in ("오는", "다가오는"):
        earlier = (parts.month, parts.day or 31) < (doc.month, doc.day)
        return doc.year + (1 if earlier else 0), True
    return (doc.year - 1 if parts.month - doc.month > 6 else doc.year), True


def resolve(parts: Parts, ctx: Context) -> tuple[str, bool] | None:
    """ISO date of a point and whether part of it came from the publication date."""
    if parts.rel_month is not None or (
        parts.month is None
        and parts.day is not None
        and parts.year is None
        and parts.rel_year is None
    ):
        anchor = ctx.anchor
        if anchor is None:
            return None
        if parts.rel_month is not None:
            year, month = shift_month(anchor.year, anchor.month, parts.rel_month)
        elif parts.day is not None:
            placed = place_day(parts.day, parts.qual, anchor)
            if placed is None:
                return None
            year, month = placed
        else:
            return None
        found = iso_of(year, month, parts.day)
        return (found, True) if found else None
    point_year, inferred = _year_of(parts, ctx)
    if point_year is None:
        return None
    point_month = 12 if parts.month is None and parts.year_end else parts.month
    iso = iso_of(point_year, point_month, parts.day if point_month is not None else None)
    return (iso, inferred) if iso else None
