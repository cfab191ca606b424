"""Date mentions in English text: exact spans, precision, ranges, Juche years, inferred years.

Hand-written grammar (general date libraries read ordinals such as "the 8th Congress" as days and
know no ranges). Every mention carries its half-open character span into the text it was found in.

Conventions:
- dates are ISO strings written at their precision: "2012", "2012-04", "2021-01-05";
- a day or month without a year takes its year from ``doc_date`` (the document's own publication
  date), never from another year in the text, and is flagged ``year_inferred``; when the month lies
  more than six months after the publication month, the previous year is used ("December 28" in
  an article of January 3);
- without ``doc_date`` such yearless mentions (and weekdays, "today") are *skipped*: a mention is
  only reported when it can be given a date;
- a weekday ("on Sunday") is the last such day on or before the dateline's date (or, without a
  dateline, the publication date), since news reports tell of what has just happened.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

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

_FULL = "|".join(names[0].capitalize() for names in _MONTH_NAMES)
_ABBR = "|".join(n.capitalize() for names in _MONTH_NAMES for n in names[1:])
_M = rf"(?:(?:{_FULL})\b|(?:{_ABBR})\b\.?)"
_MFULL = rf"(?:{_FULL})\b"
_D = r"(?<![\d,.])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d,]\d|\d)"
_Y = (
    r"(?:Juche\s+\d{1,3}\s*\(\s*\d{4}\s*\)"
    r"|Juche\s+\d{1,3}(?![\d,]|st|nd|rd|th)"
    r"|(?<![\d,.$#/])(?:1[89]\d\d|20\d\d|2100)(?![\d]|,\d|s\b|th\b))"
)
_TO = r"\s*(?:-|–|—|to|till|until|through|and)\s*"
_WD = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_FROM = r"(?:(?:from|between)\s+)?"

_PARTS = re.compile(
    rf"(?P<y>{_Y})|(?P<m>{_M})|(?P<d>(?<![\d,.])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d))"
)
_JUCHE = re.compile(r"Juche\s+(\d{1,3})(?:\s*\(\s*(\d{4})\s*\))?")

_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][A-Za-z.'’ -]{{1,40}},\s+(?P<body>{_M}\s*\d{{1,2}})\s*"
    r"\(\s*[A-Z][A-Za-z-]{1,15}\s*\)\s*(?:--|—|–|-)",
    re.MULTILINE,
)
_BARE_CONTEXT = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|from|to|through|during|before|after|year|early|late|"
    r"spring|summer|autumn|fall|winter|and|or|the|this|last|next|for|mid|circa|c\.)|[(\[]|mid-)"
    r"\s*$",
    re.IGNORECASE,
)
_NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|Number|Vol|Volume|page|p|pp|Article|Item|Room|Route|Highway|Unit)\.?"
    r"|[#№])\s*$",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"\s*(?:%|per\s*cent|percent|[a-z]+s\b(?<!\bwas)(?<!\bhas)(?<!\bis)(?<!\bas)(?<!\bthis)"
    r"(?<!\bits)(?<!\bhis)(?<!\bus)|people|won|yuan|km|kg|m\b|tonnes?|tons?|hectares?|meters?)",
)


_Found = tuple[int, int, str, str, bool, str]
"""A reader's finding: start, end, start date, end date, year inferred, kind."""


@dataclass(frozen=True)
class DateMention:
    """One date (or date range) named in a text, with its exact span and precision."""

    start: int
    end: int
    text: str
    start_date: str
    end_date: str
    precision: Precision
    year_inferred: bool
    kind: str


@dataclass(frozen=True)
class _Parts:
    """The year, month and day read from a date fragment (None where not given)."""

    year: int | None
    month: int | None
    day: int | None


@dataclass(frozen=True)
class _Context:
    """What yearless and relative dates are resolved against."""

    doc_date: dt.date | None
    weekday_anchor: dt.date | None


def _parse_iso_day(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD (or longer ISO) string as a date, or None when absent or malformed."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def year_from_expression(text: str) -> int | None:
    """The Gregorian year of "2012", "Juche 101" or "Juche 51 (1962)" (None when not a year)."""
    juche = _JUCHE.match(text)
    if juche:
        if juche.group(2):
            return int(juche.group(2))
        return int(juche.group(1)) + JUCHE_OFFSET
    if text.isdigit():
        return int(text)
    return None


def _read_parts(fragment: str) -> _Parts:
    """The first year, month and day found in ``fragment``."""
    year = month = day = None
    for match in _PARTS.finditer(fragment):
        if match.group("y") and year is None:
            year = year_from_expression(match.group("y"))
        elif match.group("m") and month is None:
            month = MONTHS[match.group("m").rstrip(".").lower()]
        elif match.group("d") and day is None:
            day = int(re.sub(r"\D", "", match.group("d")))
    return _Parts(year, month, day)


def _infer_year(month: int, ctx: _Context) -> int | None:
    """The year of a yearless month: the publication year, or the one before for late months."""
    if ctx.doc_date is None:
        return None
    if month - ctx.doc_date.month > 6:
        return ctx.doc_date.year - 1
    return ctx.doc_date.year


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
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


def _precision_of(iso: str) -> Precision:
    """The precision an ISO string is written at."""
    if len(iso) == 4:
        return "year"
    return "month" if len(iso) == 7 else "day"


_RANK: dict[str, int] = {"year": 0, "month": 1, "day": 2}


def _coarser(a: Precision, b: Precision) -> Precision:
    """The coarser of two precisions."""
    return a if _RANK[a] <= _RANK[b] else b


def _truncate(iso: str, precision: Precision) -> str:
    """``iso`` cut down to ``precision``."""
    return iso[: {"year": 4, "month": 7, "day": 10}[precision]]


def _resolve(
    parts: _Parts, ctx: _Context, fallback_year: int | None = None
) -> tuple[str, bool] | None:
    """ISO date of ``parts`` and whether its year was inferred (None when it cannot be dated)."""
    year, inferred = parts.year, False
    if year is None and fallback_year is not None:
        year = fallback_year
    elif year is None and parts.month is not None:
        year, inferred = _infer_year(parts.month, ctx), True
    if year is None:
        return None
    iso = _iso(year, parts.month, parts.day)
    return (iso, inferred) if iso else None


_Reader = Callable[[re.Match[str], _Context], list[_Found]]


def _single(kind: str) -> _Reader:
    """Reader for a pattern naming one date (whatever its precision)."""

    def read(match: re.Match[str], ctx: _Context) -> list[_Found]:
        resolved = _resolve(_read_parts(match.group(0)), ctx)
        if resolved is None:
            return []
        iso, inferred = resolved
        start, end = match.span("core") if "core" in match.re.groupindex else match.span()
        return [(start, end, iso, iso, inferred, kind)]

    return read


def _range(match: re.Match[str], ctx: _Context) -> list[_Found]:
    """Reader for "A to B" ranges; parts missing on the left are taken from the right."""
    left, right = _read_parts(match.group("a")), _read_parts(match.group("b"))
    left = _Parts(
        left.year if left.year is not None else right.year,
        left.month if left.month is not None else right.month,
        left.day,
    )
    connector = match.string[match.end("a") : match.start("b")]
    if re.search(r"\band\b", connector) and not match.group(0).startswith("between"):
        return []
    right = _Parts(right.year, right.month if right.month is not None else left.month, right.day)
    first = _resolve(left, ctx)
    if first is None:
        return []
    second = _resolve(right, ctx, fallback_year=int(first[0][:4]) if right.year is None else None)
    if second is None:
        return []
    precision = _coarser(_precision_of(first[0]), _precision_of(second[0]))
    begin, finish = _truncate(first[0], precision), _truncate(second[0], precision)
    if finish < begin and right.year is None and right.month is not None:
        bumped = _iso(int(first[0][:4]) + 1, right.month, right.day)
        finish = _truncate(bumped, precision) if bumped else finish
    if finish < begin:
        return []
    inferred = first[1] or (second[1] and right.year is None and left.year is None)
    return [(match.start(), match.end(), begin, finish, inferred, "range")]


_RELATIVE_YEAR = {"last": -1, "previous": -1, "this": 0, "next": 1}


def _relative_year(match: re.Match[str], ctx: _Context) -> list[_Found]:
    """Reader for "in September last year", "April 15 this year": year counted from doc_date."""
    if ctx.doc_date is None:
        return []
    parts = _read_parts(match.group("md"))
    year = ctx.doc_date.year + _RELATIVE_YEAR[match.group("rel").lower()]
    resolved = _resolve(parts, ctx, fallback_year=year)
    if resolved is None:
        return []
    return [(match.start(), match.end(), resolved[0], resolved[0], True, "date")]


def _unknown_year(match: re.Match[str], ctx: _Context) -> list[_Found]:
    """Reader for "September 2 that year": a date whose year the text gives elsewhere; no date."""
    return []


def _iso_date(match: re.Match[str], ctx: _Context) -> list[_Found]:
    """Reader for a written-out ISO date "2021-01-14"."""
    year, month, day = (int(part) for part in match.group(0).split("-"))
    iso = _iso(year, month, day)
    return [(match.start(), match.end(), iso, iso, False, "date")] if iso else []


def _coordinated(match: re.Match[str], ctx: _Context) -> list[_Found]:
    """Reader for "in 2013 and 2017": one year mention for each year named."""
    found = []
    for year_match in re.finditer(_Y, match.group(0)):
        year = year_from_expression(year_match.group(0))
        iso = _iso(year) if year is not None else None
        if iso:
            start = match.start() + year_match.start()
            found.append((start, match.start() + year_match.end(), iso, iso, False, "coordinated"))
    return found


def _weekday(match: re.Match[str], ctx: _Context) -> list[_Found]:
    """Reader for a bare weekday: the last such day on or before the anchor date."""
    anchor = ctx.weekday_anchor or ctx.doc_date
    if anchor is None:
        return []
    wanted = WEEKDAYS.index(match.group("wd"))
    day = anchor - dt.timedelta(days=(anchor.weekday() - wanted) % 7)
    iso = day.isoformat()
    return [(match.start("wd"), match.end("wd"), iso, iso, True, "weekday")]


def _today(match: re.Match[str], ctx: _Context) -> list[_Found]:
    """Reader for "held today" and the like: the anchor day (or the day before)."""
    anchor = ctx.weekday_anchor or ctx.doc_date
    if anchor is None:
        return []
    if match.group("rel").lower() == "yesterday":
        anchor -= dt.timedelta(days=1)
    iso = anchor.isoformat()
    return [(match.start("rel"), match.end("rel"), iso, iso, True, "relative")]


def _decade(match: re.Match[str], ctx: _Context) -> list[_Found]:
    """Reader for "the 1990s": the ten years of the decade."""
    year = int(match.group("dec"))
    if not MIN_BARE_YEAR <= year <= MAX_YEAR:
        return []
    return [(match.start(), match.end(), f"{year:04d}", f"{year + 9:04d}", False, "decade")]


def _bare_year(match: re.Match[str], ctx: _Context) -> list[_Found]:
    """Reader for a year standing alone, kept only where the context says it is a year."""
    text = match.string
    before = text[max(0, match.start() - 20) : match.start()]
    after = text[match.end() : match.end() + 20]
    token = match.group(0)
    if token.startswith("Juche"):
        return _single("juche")(match, ctx)
    year = int(token)
    if not MIN_BARE_YEAR <= year <= MAX_YEAR or _NOT_YEAR_BEFORE.search(before):
        return []
    if re.match(r"\s*[-–]\s*\d", after) or _UNIT_AFTER.match(after):
        return []
    in_context = bool(_BARE_CONTEXT.search(before))
    followed_by_word = bool(re.match(r"\s+[A-Za-z]", after))
    if not in_context and followed_by_word:
        return []
    iso = f"{year:04d}"
    return [(match.start(), match.end(), iso, iso, False, "year")]


_DAY_MONTH = rf"{_WD}(?:{_M}\s*{_D}|{_D}\s+(?:of\s+)?{_M})"
_DAY_MONTH_YEAR = rf"{_DAY_MONTH}(?:,?\s+{_Y})?"
_MONTH_YEAR = rf"{_M}(?:\s*,?\s*|\s+of\s+){_Y}"

_RULES: list[tuple[re.Pattern[str], _Reader]] = [
    (re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"), _iso_date),
    (
        re.compile(rf"{_FROM}(?P<a>{_DAY_MONTH_YEAR}){_TO}(?P<b>{_DAY_MONTH_YEAR})"),
        _range,
    ),
    (re.compile(rf"{_FROM}(?P<a>{_WD}{_M}\s*{_D}){_TO}(?P<b>{_D}(?:,?\s+{_Y})?)"), _range),
    (re.compile(rf"{_FROM}(?P<a>{_D}){_TO}(?P<b>{_D}\s+{_M}(?:,?\s+{_Y})?)"), _range),
    (re.compile(rf"{_FROM}(?P<a>{_MONTH_YEAR}){_TO}(?P<b>{_MONTH_YEAR})"), _range),
    (re.compile(rf"{_FROM}(?P<a>{_M}){_TO}(?P<b>{_MONTH_YEAR})"), _range),
    (re.compile(rf"(?:from|between)\s+(?P<a>{_Y}){_TO}(?P<b>{_Y})"), _range),
    (
        re.compile(
            r"(?<![\d,.])(?P<a>(?:1[89]|20)\d\d)\s*[-–]\s*(?P<b>(?:1[89]|20)\d\d)(?![\d]|,\d)"
        ),
        _range,
    ),
    (
        re.compile(rf"\b(?:in|of|and)\s+{_Y}(?:\s*,\s*{_Y})*,?\s+and\s+{_Y}(?![\s-]*{_M})"),
        _coordinated,
    ),
    (
        re.compile(
            rf"(?P<md>{_DAY_MONTH}|{_M})\s*,?\s+(?:of\s+)?(?P<rel>last|previous|this|next)\s+year\b"
        ),
        _relative_year,
    ),
    (
        re.compile(
            rf"(?:{_DAY_MONTH}|{_M})\s*,?\s+(?:of\s+)?(?:that|the\s+same|the\s+following|"
            r"the\s+next|the\s+previous|the\s+preceding)\s+year\b"
        ),
        _unknown_year,
    ),
    (re.compile(_DAY_MONTH_YEAR), _single("date")),
    (re.compile(_MONTH_YEAR), _single("date")),
    (
        re.compile(
            rf"\b(?:in|since|during|until|till|through|early|late|mid-)\s*(?P<core>{_MFULL})"
        ),
        _single("date"),
    ),
    (re.compile(r"\b(?:the\s+)?(?P<dec>(?:1[89]|20)\d0)['’]?s\b"), _decade),
    (re.compile(_Y), _bare_year),
    (
        re.compile(
            r"(?<![A-Za-z])(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
        _weekday,
    ),
    (
        re.compile(
            r"\b(?:held|opened|convened|convoked|took\s+place|closed|began|started)\s+"
            r"(?:here\s+|in\s+Pyongyang\s+)?(?P<rel>today|yesterday)\b"
        ),
        _today,
    ),
]

_DATEISH = re.compile(
    rf"\d|{_FULL}|{_ABBR}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday"
)


def find_dateline(text: str, *, doc_date: str | None = None) -> DateMention | None:
    """The news-agency dateline of ``text`` ("Pyongyang, April 2 (KCNA) --"), if any.

    Only the first 300 characters are looked at; the year comes from ``doc_date``.
    """
    ctx = _Context(_parse_iso_day(doc_date), None)
    match = _DATELINE.search(text[:300])
    if match is None:
        return None
    resolved = _resolve(_read_parts(match.group("body")), ctx)
    if resolved is None:
        return None
    iso, inferred = resolved
    start, end = match.span("body")
    return DateMention(start, end, text[start:end], iso, iso, "day", inferred, "dateline")


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps any span already taken."""
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def find_dates(
    text: str, *, doc_date: str | None = None, weekday_anchor: str | None = None
) -> list[DateMention]:
    """Every date mention in ``text``, in text order, without overlaps.

    ``doc_date`` (YYYY-MM-DD) supplies the year of yearless days and months; ``weekday_anchor``
    (YYYY-MM-DD) is the day weekdays are resolved against (default: the text's own dateline,
    else ``doc_date``). Counts, ordinals, list numbers and volume numbers are not dates.
    """
    if not _DATEISH.search(text):
        return []
    dateline = find_dateline(text, doc_date=doc_date)
    anchor = _parse_iso_day(weekday_anchor) or (
        _parse_iso_day(dateline.start_date) if dateline else None
    )
    ctx = _Context(_parse_iso_day(doc_date), anchor)
    found: list[DateMention] = [dateline] if dateline else []
    taken: list[tuple[int, int]] = [(dateline.start, dateline.end)] if dateline else []
    for pattern, reader in _RULES:
        for match in pattern.finditer(text):
            if _overlaps(taken, match.start(), match.end()):
                continue
            if reader is _unknown_year:
                taken.append(match.span())
            for start, end, begin, finish, inferred, kind in reader(match, ctx):
                if _overlaps(taken, start, end):
                    continue
                taken.append((start, end))
                precision = _precision_of(begin)
                mention = DateMention(
                    start, end, text[start:end], begin, finish, precision, inferred, kind
                )
                found.append(mention)
    found.sort(key=lambda mention: (mention.start, mention.end))
    return found
