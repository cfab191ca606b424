"""Building blocks of the date grammar (see :mod:`wpk_archive.core.dates`): the regular-expression
fragments for months, days, years and weekdays, and the calendar arithmetic the readers share.

Nothing here is public API; :mod:`wpk_archive.core.dates` re-exports what callers use.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from wpk_archive.core.models import Precision

JUCHE_OFFSET = 1911
MIN_YEAR = 1800
MIN_BARE_YEAR = 1900
MAX_YEAR = 2100

_MONTH_NAMES = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTHS: dict[str, int] = {
    name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_ABBR = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")


def _alternation(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first so that no word shadows a longer one."""
    return "|".join(sorted(words, key=len, reverse=True))


_FULL_WORDS = [names[0] for names in _MONTH_NAMES]
_ABBR_WORDS = [name for names in _MONTH_NAMES for name in names[1:]]

# A month word in any letter case; only for places next to a day or year number.
M_ANY = (
    rf"(?=[ADFJMNOSadfjmnos])(?<![A-Za-z])(?i:(?:{_alternation(_FULL_WORDS)})|(?:{_alternation(_ABBR_WORDS)})\.?)"
    r"(?![A-Za-z])"
)
# A month word written as a name (Capitalised or ALL CAPS); the form for months standing alone.
_CAP_WORDS = [w.capitalize() for w in _FULL_WORDS] + [w.upper() for w in _FULL_WORDS]
_CAP_ABBR = [w.capitalize() for w in _ABBR_WORDS] + [w.upper() for w in _ABBR_WORDS]
M_CAP = (
    rf"(?<![A-Za-z])(?:(?:{_alternation(_CAP_WORDS)})|(?:{_alternation(_CAP_ABBR)})\.?)(?![A-Za-z])"
)
M_CAP_FULL = rf"(?<![A-Za-z])(?:{_alternation(_CAP_WORDS)})(?![A-Za-z])"
# A month standing alone, as a name or a Capitalised abbreviation: "in Sept.", "since Jan" (not
# "in Jan Smith's house": an abbreviation without its dot is not read before a Capitalised word,
# nor any abbreviation before a number the day rules did not take, "in Mar 45").
M_CAP_ALONE = rf"(?:{M_CAP_FULL}|(?<![A-Za-z])(?:{_alternation(_CAP_ABBR)})(?:\.|(?![A-Za-z.])(?!\s+[A-Z][a-z]))(?!\s*\d))"
# The dateline's month: a Capitalised name or abbreviation.
M_DATELINE = rf"(?:(?:{'|'.join(w.capitalize() for w in _FULL_WORDS)})\b|(?:{'|'.join(w.capitalize() for w in _ABBR_WORDS)})\b\.?)"

WD_FULL = r"(?=[FMSTWfmstw])(?<![A-Za-z])(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![A-Za-z])"
WD_ABBR = rf"(?=[FMSTWfmstw])(?<![A-Za-z])(?i:{_alternation(list(_WEEKDAY_ABBR))})\.?(?![A-Za-z])"
# A weekday leading a date: "Sunday, April 15", "Fri, Jul 18", "Tuesday the 19th".
WD_LEAD = rf"(?:(?:{WD_FULL}|(?<!\bof\s)(?<![Tt]he\s){WD_ABBR}),?\s+)"

_ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
ORDINALS: dict[str, int] = {word: n for n, word in enumerate(_ORDINAL_WORDS, start=1)}
for _n, _word in enumerate(_ORDINAL_WORDS[:9], start=21):
    ORDINALS[f"twenty-{_word}"] = _n
    ORDINALS[f"twenty {_word}"] = _n
ORDINALS["thirtieth"] = 30
ORDINALS["thirty-first"] = ORDINALS["thirty first"] = 31
ORD_WORD = rf"(?=[EFNSTefnst])(?i:\b(?:{_alternation(list(ORDINALS))})\b)"

# A day of the month as a number: not part of a larger number, a decimal, a time or a fraction.
D = r"(?<![\d,.:/])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|[.:/]\d|,(?!\d{4}(?!\d))\d)"
D_SUFFIXED = r"(?<![\d,.:/])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?!\d)"
DAY = rf"(?:{D}|{ORD_WORD})"

_YEAR_NUMBER = r"(?:1[89]\d\d|20\d\d|2100)"
_NOT_AFTER_YEAR = r"(?!\d|,\d|\.\d|s\b|['’]s\b|th\b|\s*B\.?\s?C\.?(?:E\b)?|\s*BCE\b)"
Y4 = rf"(?<![\d.$#/£€¥])(?<![^\d\s],){_YEAR_NUMBER}{_NOT_AFTER_YEAR}(?:\s*A\.?\s?D\.?(?![A-Za-z]))?"
JUCHE = (
    r"Juche\s+(?:year\s+)?(?:[1-9]\d{0,2})(?:\s*\(\s*\d{4}\s*\))?"
    r"(?![\d]|st\b|nd\b|rd\b|th\b)"
)
Y = rf"(?:{JUCHE}|{Y4})"

_NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBERS: dict[str, int] = {word: n for n, word in enumerate(_NUMBER_WORDS, start=1)}
for _t, _tens in enumerate(_TENS_WORDS, start=2):
    NUMBERS[_tens] = _t * 10
    for _u, _unit in enumerate(_NUMBER_WORDS[:9], start=1):
        NUMBERS[f"{_tens}-{_unit}"] = NUMBERS[f"{_tens} {_unit}"] = _t * 10 + _u
NUMBERS.update({"a": 1, "an": 1})
COUNT = rf"(?=[\dA-Za-z])(?i:\b(?:\d{{1,3}}|{_alternation(list(NUMBERS))})\b)"

_PARTS = re.compile(
    rf"(?P<y>{Y})|(?P<m>{M_ANY})|(?P<wd>{WD_FULL}|{WD_ABBR})|(?P<d>{D})|(?P<o>{ORD_WORD})"
)
_JUCHE_VALUE = re.compile(r"Juche\s+(?:year\s+)?(\d{1,3})(?:\s*\(\s*(\d{4})\s*\))?")


_ORDINAL_STEMS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "teenth", "twentieth", "thirtieth",
)  # fmt: skip
# Cheap tests of a text, each a tuple of lower-case substrings, any of which makes the test pass; a
# rule is only tried on a text that passes all its tests ("digit", "month" and "dayish" are
# checked by has_feature itself).
FEATURES: dict[str, tuple[str, ...]] = {
    "connector": ("-", "–", "—", " to ", "till", "until", "through", "thru", " and "),
    "and": (" and ",),
    "upto": ("~", "to 1", "to 2", "through 1", "through 2", "thru", "till 1", "till 2", "until 1", "until 2"),
    "afternext": ("after next", "after the next"),
    "quarterword": ("quarter",),
    "inthe": ("er in the",),
    "between": ("from ", "between "),
    "dash": ("-", "–", "—", "/"),
    "ago": ("ago", "hence", "back", "from now", "from today"),
    "qual": (
        "early", "mid", "late", "end", "beginning", "start", "middle", "spring", "summer", "autumn",
        "fall", "winter",
    ),
    "decade": ("0s", "0's", "0’s"),
    "decadeword": (
        "0s", "0's", "0’s", "decade", "twenties", "thirties", "forties", "fifties", "sixties",
        "seventies", "eighties", "nineties", "noughties", "thousands",
    ),
    "period": ("quarter", "half", "q1", "q2", "q3", "q4"),
    "century": ("centur",),
    "ordinal": ("first", "second", "third", "fourth", "fifth", "last", "1st", "2nd", "3rd", "4th", "5th"),
    "week": ("week",),
    "day": ("day",),
    "monthword": ("month",),
    "year": ("year",),
    "unit": ("year", "month", "week", "quarter"),
    "relword": ("last", "this", "next", "past", "coming", "after", "week"),
    "dayword": ("today", "yesterday", "tomorrow", "day before", "day after"),
    "season": ("spring", "summer", "autumn", "winter"),
    "seasonword": ("season",),
    "weekday": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "wdabbr": ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
    "monthstem": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    "ordword": _ORDINAL_STEMS,
}  # fmt: skip
# What a text needs for any rule at all to be tried (a digit is checked separately).
ANY_FEATURE = tuple(
    dict.fromkeys(
        FEATURES["monthstem"]
        + FEATURES["unit"]
        + FEATURES["day"]
        + FEATURES["ago"]
        + FEATURES["season"]
        + FEATURES["seasonword"]
        + FEATURES["century"]
        + FEATURES["decadeword"]
        + ("now", "tomorrow")
    )
)
_DIGIT = re.compile(r"\d")
_MONTH_WORD = re.compile(M_ANY)
_CONNECTOR = re.compile(r"[-–—]|\b(?i:to|till|until|through|thru|and)\b")


def has_feature(name: str, text: str, lower: str) -> bool:
    """Whether ``text`` (``lower``: the same in lower case) passes the cheap test ``name``."""
    if name == "digit":
        return _DIGIT.search(text) is not None
    if name == "month":
        return any(stem in lower for stem in FEATURES["monthstem"]) and bool(
            _MONTH_WORD.search(text)
        )
    if name == "span":  # a month word with a range connector near it
        return any(
            _CONNECTOR.search(text, max(0, match.start() - 30), match.end() + 30)
            for match in _MONTH_WORD.finditer(text)
        )
    if name == "dayish":
        return _DIGIT.search(text) is not None or any(stem in lower for stem in _ORDINAL_STEMS)
    return any(part in lower for part in FEATURES[name])


class Found(NamedTuple):
    """A reader's finding: span, first and last date (ISO, same precision), year inferred, kind."""

    start: int
    end: int
    begin: str
    finish: str
    inferred: bool
    kind: str


@dataclass(frozen=True)
class Parts:
    """The year, month, day and weekday read from a date fragment (None where not given)."""

    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None


@dataclass(frozen=True)
class Context:
    """What yearless and relative dates are resolved against; ``future``: the date follows a future
    marker ("is expected to", "will"), so a late month is not moved to the year before."""

    doc_date: dt.date | None
    anchor: dt.date | None
    future: bool = False
    doc_precision: str = "day"
    """How much of ``doc_date`` is known: "day", "month" (a monthly magazine's issue, a page dated
    "September 2020": the day is the 1st) or "year"; only the year and month then place yearless
    dates, and nothing counts days from it."""
    fronted_year: int | None = None
    """The year fronted at the start of the sentence ("In 1956, ... in August"; "Last year, ..."):
    the year of its yearless months and days instead of the publication year's."""
    year_told: bool = False
    """``fronted_year`` is written out ("In 1956"): the dates that take it are not inferred."""


FUTURE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|is\s+expected|are\s+expected|scheduled|slated|plans?\s+to|"
    r"(?:set|planned|due)\s+for|(?:is|are)\s+(?:set|poised|due|likely|slated)\s+to\s+(?:convene|convoke|hold|"
    r"open|meet|start|begin)|"
    r"planned\s+to|due\s+to\s+(?:be|open|start|take)|to\s+be\s+(?:held|opened|launched)|"
    r"(?:decided|decides|agreed|agrees|resolved)\s+to\s+(?:convene|convoke|hold|open|call)|"
    r"prepar(?:e|es|ing|ations?)\s+for|(?:decision|decree|resolution)\s+on\s+(?:holding|convening|"
    r"convoking|opening)|"
    # a headline's future: "NK to hold plenary meeting of party central committee on Friday"
    r"(?m:^)\W*(?:(?!(?:\w+ed|went|came|flew|met|was|were)\b)[\w'’.-]+\s+){0,3}?"
    r"(?:Korea|NK|North|Pyongyang|DPRK|WPK|KWP|[Pp]arty|[Pp]arliament|SPA|Kim(?:\s+Jong[\s-]\w+)?)"
    r"\s+to\s+(?:hold|convene|convoke|open|call))\b",
    re.I,
)


Reader = Callable[[re.Match[str], Context], list[Found]]


def year_from_expression(text: str) -> int | None:
    """The Gregorian year of "2012", "2012 A.D.", "Juche 101" or "Juche 51 (1962)" (else None)."""
    juche = _JUCHE_VALUE.match(text)
    if juche:
        if juche.group(2):
            return int(juche.group(2))
        return int(juche.group(1)) + JUCHE_OFFSET
    digits = re.match(r"\d{4}", text)
    if digits and re.fullmatch(r"\d{4}(?:\s*A\.?\s?D\.?)?", text):
        return int(digits.group(0))
    return None


def month_number(token: str) -> int:
    """The month of a month word ("Sept.", "oct", "JUNE")."""
    return MONTHS[token.rstrip(".").lower()]


def weekday_number(token: str) -> int:
    """Monday=0 .. Sunday=6 for a weekday word or abbreviation."""
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(token.rstrip(".").lower()[:3])


def read_parts(fragment: str) -> Parts:
    """The first year, month, day and weekday found in ``fragment``."""
    year = month = day = weekday = None
    for match in _PARTS.finditer(fragment):
        kind = match.lastgroup
        token = match.group(0)
        if kind == "y" and year is None:
            year = year_from_expression(token)
        elif kind == "m" and month is None:
            month = month_number(token)
        elif kind == "wd" and weekday is None:
            weekday = weekday_number(token)
        elif kind == "d" and day is None:
            day = int(re.sub(r"\D", "", token))
        elif kind == "o" and day is None:
            day = ORDINALS[re.sub(r"\s+", " ", token.lower())]
    return Parts(year, month, day, weekday)


def count_value(token: str) -> int:
    """The number written by a COUNT token ("3", "three", "twenty-five", "a")."""
    token = re.sub(r"\s+", " ", token.strip().lower())
    return int(token) if token.isdigit() else NUMBERS[token]


def iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
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


def precision_of(value: str) -> Precision:
    """The precision an ISO string is written at."""
    if len(value) == 4:
        return "year"
    return "month" if len(value) == 7 else "day"


RANK: dict[str, int] = {"year": 0, "month": 1, "day": 2}


def coarser(a: Precision, b: Precision) -> Precision:
    """The coarser of two precisions."""
    return a if RANK[a] <= RANK[b] else b


def truncate(value: str, precision: Precision) -> str:
    """``value`` cut down to ``precision``."""
    return value[: {"year": 4, "month": 7, "day": 10}[precision]]


# a yearless month up to this many after the publication month is read forward, as Duckling's
# news suite does (0.853 of it at 6; 0.727 at 2, 0.673 at 0)
_PAST_MONTHS = 6


def infer_year(month: int, ctx: Context) -> int | None:
    """The year of a yearless month: the publication year, or the one before for a month more than
    six months after the publication month (not in a text about the future), or the one after for
    an earlier month in a text about the future."""
    if ctx.fronted_year is not None:
        return ctx.fronted_year
    if ctx.doc_date is None:
        return None
    if ctx.doc_precision == "year":
        return ctx.doc_date.year
    if month - ctx.doc_date.month > _PAST_MONTHS and not ctx.future:
        return ctx.doc_date.year - 1
    if ctx.future and month < ctx.doc_date.month:  # "will open on Jan. 22" in December
        return ctx.doc_date.year + 1
    return ctx.doc_date.year


def resolve(
    parts: Parts, ctx: Context, fallback_year: int | None = None
) -> tuple[str, bool] | None:
    """ISO date of ``parts`` and whether its year was inferred (None when it cannot be dated).

    A yearless date that names its weekday ("Fri, Jul 18") takes the nearest year around the
    inferred one in which that day falls on that weekday.
    """
    year, inferred = parts.year, False
    if year is None and fallback_year is not None:
        year = fallback_year
    elif year is None and parts.month is not None:
        year, inferred = infer_year(parts.month, ctx), not ctx.year_told
        if year is not None and parts.day is not None and parts.weekday is not None:
            year = _weekday_year(year, parts.month, parts.day, parts.weekday)
    if year is None:
        return None
    value = iso(year, parts.month, parts.day)
    return (value, inferred) if value else None


def _weekday_year(year: int, month: int, day: int, weekday: int) -> int:
    """Of ``year`` and its neighbours, the nearest in which month/day falls on ``weekday``."""
    for candidate in (year, year - 1, year + 1):
        if iso(candidate, month, day) and dt.date(candidate, month, day).weekday() == weekday:
            return candidate
    return year


def found_range(
    start: int, end: int, first: str, last: str, inferred: bool, kind: str
) -> list[Found]:
    """One finding from ``first`` to ``last``, both cut to the coarser precision (none if reversed)."""
    precision = coarser(precision_of(first), precision_of(last))
    first, last = truncate(first, precision), truncate(last, precision)
    if last < first:
        return []
    return [Found(start, end, first, last, inferred, kind)]


def day_iso(day: dt.date) -> str | None:
    """ISO string of a calendar day, None outside the years dates are read for."""
    return iso(day.year, day.month, day.day)


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by ``months`` months."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week (weeks run Monday to Sunday)."""
    return day - dt.timedelta(days=day.weekday())


def last_day(year: int, month: int) -> int:
    """The number of days in a month."""
    return calendar.monthrange(year, month)[1]


# --- fragments shared by the rule modules ---------------------------------------------------

FROM = r"(?:(?=[BFbf])(?i:from|between)\s+)?"
TO = r"\s*(?:-|–|—|(?i:to|till|until|through|thru|and)\b)\s*"
QUAL_WORD = r"(?:(?=[EeLlMm])(?<![A-Za-z])(?i:early|mid|late)(?:-|\s+))"
QUAL_OF = r"(?:(?=[BbEeMmSsTt])(?<![A-Za-z])(?i:the\s+)?(?i:end|beginning|start|middle)\s+of\s+(?:the\s+)?)"
QUAL = rf"(?:{QUAL_WORD}|{QUAL_OF})"
YEAR_SEP = r"(?:\s*,\s*|\s+of\s+|\s+)"
REL_YEAR = r"(?i:last|this|next|previous)\s+year\b"
UNKNOWN_YEAR = r"(?i:that|the\s+(?:same|following|next|previous|preceding))\s+year\b"
TAIL = rf"(?:(?:\s*,\s*|\s+of\s+|\s+){Y}|\s*,?\s+(?:of\s+)?(?:{REL_YEAR}|{UNKNOWN_YEAR}))"
TAIL_YEAR = rf"(?:(?:\s*,\s*|\s+){Y})"
TRAILING_WD = rf"(?:,\s*(?:{WD_FULL}|{WD_ABBR}))"
DM = (
    rf"(?:(?:the\s+)?{DAY}\s+of\s+{M_ANY}"
    rf"|{D}\s*{M_ANY}"
    rf"|{M_ANY}\s*(?:the\s+)?{D}"
    rf"|{M_ANY}\s+{ORD_WORD})"
)
DMY = rf"(?:{WD_LEAD})?{DM}(?:{TAIL})?{TRAILING_WD}?"
MY = rf"{M_ANY}{YEAR_SEP}{Y}"
_REL_TAIL_RE = re.compile(r"\b(last|this|next|previous)\s+year\b", re.I)
_UNKNOWN_TAIL_RE = re.compile(UNKNOWN_YEAR)
RECURRING = re.compile(r"\s*,?\s*(?:each|every)\s+year\b", re.I)
PLURAL_AFTER = re.compile(
    r"\s*(?:%|per\s*cent|percent|(?!(?:was|has|is|as|this|its|his|us|days)\b)[a-z]+s\b|people|won|"
    r"yuan|km|kg|m\b|tonnes?|tons?|hectares?|meters?|metres?|miles?)"
)
_LOWER_VERBISH = re.compile(
    r"(?:\b(?:to|will|would|shall|must|can|could|should|did|do|does|not|they|we|you|I|and)\s+)$"
)
# Present-tense verbs of the yearly round of nature ("The lake begins to freeze in late September"):
# a yearless month in such a text tells what happens every year, not a date.
GENERIC = re.compile(
    r"\b(?:begins|starts|ends|melts|freezes|thaws|blooms|flowers|ripens|migrate|migrates|"
    r"hibernates|spawns|lays\s+eggs|sets\s+in)\b",
    re.I,
)
_RELATIVE_YEAR = {"last": -1, "previous": -1, "this": 0, "next": 1}


def claim(match: re.Match[str]) -> list[Found]:
    """A finding that only claims the match's span (no date is reported)."""
    return [Found(match.start(), match.end(), "", "", False, "")]


def month_token(fragment: str) -> str | None:
    """The first month word of ``fragment`` as written."""
    found = re.search(M_ANY, fragment)
    return found.group(0) if found else None


def lowercase_month_ok(match: re.Match[str], has_year: bool) -> bool:
    """Whether a month word written in lower case may be read here.

    "may" and "march" are verbs too: a lower-case month counts only next to a day or year number,
    "may" only with a year, "march" not after a subject or modal ("they march 5 km").
    """
    token = month_token(match.group(0))
    if token is None or not token[:1].islower():
        return True
    word = token.rstrip(".").lower()
    if word == "may" and not has_year:
        return False
    before = match.string[max(0, match.start() - 12) : match.start()]
    if word in ("march", "may") and _LOWER_VERBISH.search(before):
        return False
    return has_year or not PLURAL_AFTER.match(match.string, match.end())


def year_tail(fragment: str, ctx: Context) -> tuple[int | None, bool, bool]:
    """The year a fragment's tail gives: (year or None, inferred, unknown).

    "… last year" counts from ``doc_date``; "… that year" is a year given elsewhere (unknown).
    """
    if _UNKNOWN_TAIL_RE.search(fragment):
        return None, False, True
    relative = _REL_TAIL_RE.search(fragment)
    if relative:
        if ctx.doc_date is None:
            return None, False, True
        return ctx.doc_date.year + _RELATIVE_YEAR[relative.group(1).lower()], True, False
    return None, False, False
