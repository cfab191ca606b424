"""Readers for numeric dates (see :mod:`wpk_archive.core.dates`): "2024-06-28", "2024/6/28",
"28.6.2024", "6/28/2024", "31-Oct-74", "2014-10", "2/2013"; and the guard that keeps list, page
and volume numbers from being read as years."""

from __future__ import annotations

import re

from wpk_archive.core.date_parts import M_ANY, Context, Found, Reader, iso, month_number


def _numeric_ymd(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "2024-06-28", "2024/06/28", "2024.6.28"."""
    value = iso(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    return [Found(match.start(), match.end(), value, value, False, "date")] if value else []


def two_digit_year(short: int) -> int:
    """A two-digit year as Python's strptime reads it: 69-99 are 19xx, 00-68 are 20xx."""
    return 1900 + short if short >= 69 else 2000 + short


def _numeric_dmy(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "28.6.2024", "6/28/2024", "3/3/15", "10-31-74": read only when unambiguous (one
    of the first two numbers is above 12, or both are equal); a two-digit year only after slashes,
    or after hyphens when one number is above 12."""
    a, b, year_text = int(match.group("a")), int(match.group("b")), match.group("y")
    if (len(year_text) == 2 and match.group("s") == ".") or (
        len(year_text) == 2 and match.group("s") == "-" and max(a, b) <= 12
    ):
        return []
    year = int(year_text) if len(year_text) == 4 else two_digit_year(int(year_text))
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a or a == b:
        month, day = a, b
    else:
        return []
    value = iso(year, month, day)
    return [Found(match.start(), match.end(), value, value, False, "date")] if value else []


def _numeric_d_mon_y(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "31/Oct/1974", "31-Oct-74"."""
    year_text = match.group("y")
    year = int(year_text) if len(year_text) == 4 else two_digit_year(int(year_text))
    value = iso(year, month_number(match.group("m")), int(match.group("d")))
    return [Found(match.start(), match.end(), value, value, False, "date")] if value else []


def _numeric_ym(match: re.Match[str], ctx: Context) -> list[Found]:
    """Reader for "2014-10", "2014/10" ("2011-12" is the years 2011-2012, read elsewhere) and
    "2/2013"."""
    year, month = int(match.group("y")), int(match.group("m"))
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
            rf"(?<![\d./:-])(?P<y>{NUM_YEAR})(?P<s>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=s)"
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
            rf"(?<![\d./:-])(?P<d>\d{{1,2}})(?P<s>[-/])(?P<m>{M_ANY})(?P=s)(?P<y>\d{{4}}|\d{{2}})(?!\d)"
        ),
        _numeric_d_mon_y,
        ("digit", "month"),
    ),
    (
        re.compile(rf"(?<![\d./:,-])(?P<y>{NUM_YEAR})[-/](?P<m>0[1-9]|1[0-2]){_NUM_END}"),
        _numeric_ym,
        ("digit", "dash"),
    ),
    (
        re.compile(rf"(?<![\d./:,-])(?P<m>0?[1-9]|1[0-2])/(?P<y>{NUM_YEAR}){_NUM_END}"),
        _numeric_ym,
        ("digit", "dash"),
    ),
]
