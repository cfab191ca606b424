"""Build tests/data/date_suite_dateparser.json from dateparser's English tests (scrapinghub/dateparser,
BSD-3-Clause).

Usage: python tests/data/date_suite_dateparser_build.py DIR COMMIT LICENSE

DIR holds the files tests/test_search.py, tests/test_date_parser.py and
tests/test_freshness_date_parser.py of scrapinghub/dateparser at COMMIT (for instance ``for f in
test_search test_date_parser test_freshness_date_parser; do git -C dateparser show
COMMIT:tests/$f.py > DIR/$f.py; done``); LICENSE is dateparser's LICENSE at COMMIT, copied into the
output as the BSD licence asks of a redistribution.

Only the test strings, reference days and expected values are taken (data); no dateparser code is
used or run: the test files are read with Python's ``ast`` module, never executed. The selection
rule (which tests are "news-relevant") was written down before dates.py was run on any of them, is
applied here mechanically, and every left-out test is kept in the output with its reason, so the
rule can be checked.
"""

from __future__ import annotations

import ast
import calendar
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta

OUT = Path(__file__).with_name("date_suite_dateparser.json")
SEARCH_DEFAULT_REFERENCE = "2000-01-01"  # the RELATIVE_BASE most of the search tests give

# (file, test function, kind, reference day, English sections): which parameterised tests are read
# and how. kind: "parse" (the whole string is one date; args: text, expected datetime), "ago" /
# "future" (the whole string is a date relative to the reference; args: text, relativedelta
# keywords, period), "dated" (whole string; args: text, date, time), "search" (args: language,
# text, [(substring, datetime)], settings), "search_kw" (keyword args text, languages, settings,
# expected), "ngram" (language, text=, expected=), "negative" (args: text, ...), "left" (the whole
# function is left out, with the reason given instead of a reference day).
SOURCES: list[tuple[str, str, str, str]] = [
    ("test_date_parser.py", "test_dates_parsing", "parse", "2012-11-13"),
    ("test_date_parser.py", "test_preferably_past_dates", "parse", "2015-02-15"),
    ("test_date_parser.py", "test_preferably_future_dates", "left", "forward"),
    ("test_date_parser.py", "test_dates_without_preference", "left", "forward"),
    ("test_date_parser.py", "test_dates_not_parsed", "negative", "2012-11-13"),
    (
        "test_freshness_date_parser.py",
        "test_relative_past_dates_with_time_as_period",
        "ago",
        "2014-09-01",
    ),
    ("test_freshness_date_parser.py", "test_relative_past_dates", "ago", "2014-09-01"),
    ("test_freshness_date_parser.py", "test_normalized_relative_dates", "ago", "2014-09-01"),
    ("test_freshness_date_parser.py", "test_relative_future_dates", "future", "2014-09-01"),
    ("test_freshness_date_parser.py", "test_known_issues", "ago", "2014-09-01"),
    ("test_freshness_date_parser.py", "test_insane_dates", "negative", "2014-09-01"),
    (
        "test_freshness_date_parser.py",
        "test_dates_not_supported_by_date_time",
        "negative",
        "2014-09-01",
    ),
    ("test_freshness_date_parser.py", "test_freshness_date_with_time", "dated", "2014-09-01"),
    (
        "test_freshness_date_parser.py",
        "test_freshness_date_with_relative_base",
        "dated",
        "2010-06-04",
    ),
    (
        "test_freshness_date_parser.py",
        "test_freshness_date_with_relative_base_past",
        "dated",
        "2010-06-04",
    ),
    (
        "test_freshness_date_parser.py",
        "test_freshness_date_with_relative_base_future",
        "left",
        "forward",
    ),
    ("test_search.py", "test_search_and_parse", "search", ""),
    ("test_search.py", "test_relative_base_setting", "search", ""),
    ("test_search.py", "test_splitting_of_not_parsed", "search", ""),
    ("test_search.py", "test_date_search_function", "search_kw", ""),
    ("test_search.py", "test_ngram_search", "ngram", ""),
]

SELECTION = [
    "Source: the @parameterized.expand lists of these tests of dateparser (read with Python's ast, "
    "not run): test_date_parser.py test_dates_parsing (reference 2012-11-13), "
    "test_preferably_past_dates (2015-02-15, dateparser told that dates lie in the past, as in a "
    "news archive); test_freshness_date_parser.py test_relative_past_dates, "
    "test_relative_past_dates_with_time_as_period, test_normalized_relative_dates, "
    "test_relative_future_dates, test_known_issues (reference 2014-09-01), "
    "test_freshness_date_with_time (2014-09-01), test_freshness_date_with_relative_base and its "
    "_past variant (2010-06-04); test_search.py test_search_and_parse, "
    "test_relative_base_setting, test_splitting_of_not_parsed, test_date_search_function and "
    "test_ngram_search (each test's RELATIVE_BASE; 2000-01-01 where it gives none). A whole-string "
    "test is one case; a search test gives one case per expected (substring, datetime) pair, in "
    "its text; a lower-case word that dateparser's substring glues after the date's last number "
    "('in March 3rd, 2004 and', 'May 6th 2004, the') is trimmed from it. Negatives (nothing may be read): test_dates_not_parsed, test_insane_dates, "
    "test_dates_not_supported_by_date_time, and search tests expecting no date ([] or None).",
    "Left out whole: test_preferably_future_dates, test_dates_without_preference and "
    "test_freshness_date_with_relative_base_future (reason forward: they tell the parser that "
    "dates lie ahead or around the reference; a news archive has no such switch).",
    "A test is left out for one of these reasons (checked in this order):",
    "non-English: test_date_parser.py and test_freshness_date_parser.py tests outside the lists' "
    "'# English dates' and '# Numeric dates' sections; search tests whose language is not 'en' "
    "(test_date_search_function: whose languages are not ['en'], unless the text is plain ASCII "
    "and languages is None); negatives with a letter outside ASCII;",
    "clock: the text holds a clock time or a part of the day (hh:mm, hh.mm after a date, 5 pm, "
    "a.m./p.m., noon, midnight, morning, afternoon, evening, night, tonight, hours, hr(s), "
    "minutes, min(s), seconds, sec, 'now' other than 'from now', a time zone such as UTC or EST), "
    "or the expected datetime has "
    "a time other than midnight;",
    "jargon: clipped or signed forms: a unit letter after a number ('1d ago', '2y ago', '24h'), "
    "'mon(s)' for months, a signed count ('+2 years', '-1 decade'), 'now - 1 day', a fractional "
    "count ('2.5 hours', '1.5 days');",
    "era: the expected day lies before the year 1000 or the test says the datetime type cannot "
    "hold it ('5000 years ago'): not a date a news archive reads;",
    "duration: a bare count of units without ago/before/after/later/from now/back ('1 decade', '3 "
    "days', '1 year 2 months': dateparser's freshness parser reads it as that long ago), or 'in "
    "N units', 'within N units', 'after N units', 'next/last/past N units', 'last/next decade', 'in "
    "a decade': in news these are lengths of time, not dates;",
    "narrative: 'N units before' with nothing after it (before an event the story told);",
    "open: 'till date' (so far: no day is named);",
    "misreading: a search test whose expected substring ends inside a number ('DECEMBER 21 19' of "
    "'19.87');",
    "glued: a negative whose text is two dates written without a separator or twice the same "
    "date ('Aug 7, 2014Aug 7, 2014'): the whole-string parser refuses it, a text holds dates;",
    "english-date: a negative whose text names a date in ordinary English writing ('15th of Aug, "
    "2014 Diane Bennett'): dateparser's whole-string parser refuses it, a reader of text reads "
    "the date;",
    "unchecked: a search test without a RELATIVE_BASE whose substring writes no year and whose "
    "expected year is written nowhere in its text, or whose expected value takes from the day the "
    "test runs (today.month, today.day) a part that the text's grain keeps (the value hangs on "
    "the day the test runs); an argument that is not a literal;",
    "empty: an empty text.",
    "Everything else is kept: written and numeric dates (the month-first order dateparser's "
    "English default reads), month-years, yearless days and months, weekdays, yesterday/today/"
    "tomorrow and the day before/after, counts ago/from now/later, relative weeks, months and "
    "years. Exact duplicates (same text, reference and values) are kept once.",
]

SCORING = [
    "doc_date is the test's reference day (its date part).",
    "The expected value's grain is read from the case's text: a count 'N units ago/from now/"
    "later/hence/back' (days and weeks: day; months: month; years and decades: year; approximate); "
    "a relative week, month or year ('last week', 'next month'); else day when the text names a "
    "day (a day number with a month, a numeric full date, a weekday, today/yesterday/tomorrow, "
    "'day'), month when it names a month, else year.",
    "dateparser's value (a point) becomes an inclusive day interval: the grain unit holding it (a "
    "week is Monday..Sunday); precision day for day and week, month for month, year for year. "
    "Two consecutive search results joined in the text only by '-', '–', 'to', 'until', 'till' or "
    "'through' are one range case (first's start to second's end).",
    "Conventions converted (dateparser's own value kept as dateparser_expected): a bare weekday "
    "('Friday', 'Sunday' said on a Sunday) is the last such day on or before the reference day "
    "(dates.py's documented rule; dateparser's past preference takes the one before); a yearless "
    "day or month without a relative word takes the reference year, or the year before when the "
    "month lies more than six months after the reference month (the project's rule, as in the "
    "other suites); not when a search test's text writes the expected year outside the "
    "substring (dateparser carries it from the text, as a reader of the text does).",
    "A reading is correct when exactly one mention of find_dates overlaps the case's span (the "
    "whole text for a whole-string test, the expected substring for a search test), the text "
    "between the two spans is only whitespace, punctuation, brackets and edge words (in, on, at, "
    "the, of, during, around, since, through, from, by, after, before) and: exact cases: its day "
    "interval equals the expected one and its precision is the grain's; approximate cases (counts "
    "ago / from now / later): its interval contains the expected one and lies inside the calendar "
    "unit the count counts in around it (the year for years, the Monday-to-Sunday week for weeks, "
    "else the month).",
    "A negative is passed when find_dates reads nothing in it.",
]

# --- reading the Python test files -------------------------------------------------------------


class Unreadable(ValueError):
    """An argument that is not a literal the builder evaluates."""


class RunDay(dt.datetime):
    """A datetime some of whose parts the test takes from the day it runs (``today.month``); the
    builder puts 1 there and names the parts in ``run_parts``."""

    run_parts: frozenset[str] = frozenset()


class _Today(int):
    """``today.<part>`` in a test: 1, remembering the part."""

    part = ""


def _value(node: ast.expr) -> Any:
    """The value of a literal expression: constants, containers, datetime/date/time calls, simple
    arithmetic and ``"...".format(...)``."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_value(e) for e in node.elts]
    if isinstance(node, ast.Dict):
        return {_value(k): _value(v) for k, v in zip(node.keys, node.values, strict=True)}  # type: ignore[arg-type]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_value(node.operand)
    if isinstance(node, ast.BinOp):
        left, right = _value(node.left), _value(node.right)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        raise Unreadable(ast.unparse(node))
    if isinstance(node, ast.Call):
        name = ast.unparse(node.func)
        args = [_value(a) for a in node.args]
        if node.keywords and name not in ("datetime", "datetime.datetime"):
            raise Unreadable(ast.unparse(node))
        if name in ("datetime", "datetime.datetime"):
            if any(k.arg == "tzinfo" for k in node.keywords):
                return dt.datetime(*args[:7]).replace(tzinfo=dt.timezone.utc)  # the date is kept
            parts = frozenset(a.part for a in args if isinstance(a, _Today))
            if parts:
                year, month, day, *clock = (int(a) for a in args)
                run_day = RunDay(year, month, day, *clock[:3])  # type: ignore[arg-type]
                run_day.run_parts = parts
                return run_day
            return dt.datetime(*args)
        if name == "date":
            return dt.date(*args)
        if name == "time":
            return dt.time(*args)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            return _value(node.func.value).format(*args)
        raise Unreadable(name)
    if isinstance(node, ast.Name) and node.id == "None":
        return None
    if (
        isinstance(node, ast.Attribute)
        and (
            ast.unparse(node.value) == "today"
            or ast.unparse(node.value).startswith("datetime.datetime.now(")
        )
        and node.attr in ("year", "month", "day")
    ):
        marker = _Today(1)
        marker.part = node.attr
        return marker
    raise Unreadable(ast.unparse(node))


_SECTION = re.compile(r"^\s*#\s*([A-Z][A-Za-z-]+)(?:\s+dates)?\s*$")


def _params(source: str, function: str) -> list[dict[str, Any]]:
    """The param(...) entries of one test's @parameterized.expand list: line, section, args,
    keywords (None where an argument is not a literal)."""
    tree = ast.parse(source)
    lines = source.splitlines()
    found: list[dict[str, Any]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.FunctionDef) and node.name == function):
            continue
        for decorator in node.decorator_list:
            if not (isinstance(decorator, ast.Call) and "expand" in ast.unparse(decorator.func)):
                continue
            listing = decorator.args[0]
            assert isinstance(listing, ast.List)
            for element in listing.elts:
                assert isinstance(element, ast.Call), ast.unparse(element)
                section = ""
                for line in lines[listing.lineno - 1 : element.lineno - 1]:
                    match = _SECTION.match(line)
                    if match:
                        section = match.group(1)
                entry: dict[str, Any] = {"line": element.lineno, "section": section}
                try:
                    entry["args"] = [_value(a) for a in element.args]
                    entry["kw"] = {}
                    for keyword in element.keywords:
                        try:
                            entry["kw"][keyword.arg] = _value(keyword.value)
                        except Unreadable:
                            if keyword.arg != "settings":
                                raise
                            entry["kw"]["settings"] = None  # e.g. a list of parsers: no reference
                except (Unreadable, TypeError):
                    entry["args"] = None
                    entry["kw"] = None
                    entry["source"] = ast.unparse(element)
                found.append(entry)
    return found


# --- the selection -------------------------------------------------------------------------------

_CLOCK = re.compile(
    r"\d{1,2}[:]\d\d|\d\s*(?:am|pm|a\.m\.?|p\.m\.?)(?![a-z])|\d{4}\s+\d{1,2}\.\d\d\b|\d\d?h\d\d|"
    r"\b(?:noon|midnight|morning|afternoon|evening|night|tonight|o\s*clock)\b|"
    r"(?:\b|\d)(?:hours?|hrs?|hr|minutes?|mins?|min|seconds?|secs?|sec)\b|(?<!from )\bnow\b|"
    r"\b(?:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT)\b",
    re.I,
)
_JARGON = re.compile(
    r"\b\d+\s*(?:d|y|h|w|mo|mons?)\b|(?:^|\s)[+-]\s*\d|\bnow\s*-|\d[.,]\d+\s*[a-z]", re.I
)
_COUNT = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|few|"
    r"several|half|a\s+couple\s+of|couple\s+of)"
)
_UNITS = r"(?:days?|weeks?|months?|years?|decades?|quarters?)"
_RELATIVE = re.compile(
    rf"\b(?:ago|before|after|later|from\s+now|back|hence|yesterday|today|tomorrow)\b"
    rf"|\b(?:last|next|this|past|previous|coming)\s+{_UNITS}\b",
    re.I,
)
_DURATION = re.compile(
    rf"^(?:in|within|after|for)\s+(?:about\s+|around\s+)?{_COUNT}\s+{_UNITS}\b"
    rf"|\b(?:next|last|past)\s+(?:\d+|two|three|four|five|few|couple|several)\s+{_UNITS}"
    r"|^(?:last|next)\s+decade$|^in\s+(?:a|one)\s+decade$",
    re.I,
)
_BARE_COUNT = re.compile(rf"^(?:{_COUNT}\s+{_UNITS}[\s,]*(?:and\s+)?)+$", re.I)
_NARRATIVE = re.compile(rf"^{_COUNT}\s+{_UNITS}\s+before$", re.I)
_OPEN = re.compile(r"\btill\s+date\b", re.I)


def _text_reason(text: str, value: dt.datetime | dt.date | None) -> str | None:
    """Why a case's text is left out (None when kept)."""
    stripped = text.strip()
    if _CLOCK.search(stripped) or (
        isinstance(value, dt.datetime) and value.time() != dt.time(0, 0)
    ):
        return "clock"
    if _JARGON.search(stripped):
        return "jargon"
    if value is not None and value.year < 1000:
        return "era"
    if _DURATION.search(stripped) or (
        _BARE_COUNT.match(stripped) and not _RELATIVE.search(stripped)
    ):
        return "duration"
    if _NARRATIVE.match(stripped):
        return "narrative"
    if _OPEN.search(stripped):
        return "open"
    return None


def _negative_reason(text: str) -> str | None:
    """Why a negative is left out (None when kept)."""
    if not text.strip():
        return "empty"
    if re.search(r"[^\x00-\x7f]", text):
        return "non-English"
    half = len(text) // 2
    if re.search(r"\d[A-Za-z]{3}\s+\d|\d{4}-\d\d-\d\d\S*\d{4}-\d\d-\d\d", text) or (
        text[:half].strip() == text[half:].strip()
    ):
        return "glued"
    if _CLOCK.search(text):
        return "clock"
    if _JARGON.search(text):
        return "jargon"
    if re.search(r"\bago\b", text):
        return "era"
    if re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\s+of\s+[A-Z][a-z]{2,}\.?,?\s+\d{4}\b", text):
        return "english-date"
    return None


# --- the expected values -------------------------------------------------------------------------

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_SHORT_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
_MONTH_WORD = re.compile(
    r"(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?![a-z])", re.I
)
_REL_UNIT = re.compile(
    r"\b(?:this|last|next|past|current|coming|previous)\s+(?P<u>week|month|year)\b", re.I
)
_AGO = re.compile(
    rf"\b{_COUNT}\s+(?P<u>days?|weeks?|months?|years?|decades?)\s+(?:ago|later|from\s+now|hence|"
    r"back)\b",
    re.I,
)
_RELATIVE_WORDS = re.compile(
    r"\b(?:this|next|last|past|previous|current|coming|ago|later|from|today|tomorrow|yesterday|"
    rf"week|weeks|before|after|{_WEEKDAY}|{_SHORT_WEEKDAY})\b",
    re.I,
)


def _has_year(text: str) -> bool:
    """Whether a text writes a year: four digits, an apostrophe and two digits, or a numeric
    day-month-year."""
    return bool(
        re.search(
            r"(?<!\d)\d{4}(?!\d)|['’]\d\d\b|\d{1,2}[-/.]\s*\d{1,2}\s*[-/.]\s*\d\d(?!\d)", text
        )
    )


def _has_day(lower: str) -> bool:
    """Whether a text names a day (not only a month and a year)."""
    without_years = re.sub(r"(?<!\d)\d{4}(?!\d)|['’]\d\d\b", " ", lower)
    if re.search(
        rf"\b(?:{_WEEKDAY}|{_SHORT_WEEKDAY}|today|tomorrow|yesterday|day)\b", without_years
    ):
        return True
    if re.search(r"(?<!\d)\d{1,2}\s*[-/.]\s*\d{1,2}(?:\s*[-/.]\s*\d{1,4})?(?!\d)", lower):
        return True
    if re.search(r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b", lower):
        return True
    return bool(_MONTH_WORD.search(lower)) and bool(
        re.search(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d)", without_years)
    )


def _grain(text: str) -> tuple[str, bool]:
    """(grain, approximate) of a case's text (see SCORING)."""
    ago = _AGO.search(text)
    if ago:
        unit = ago.group("u").lower().rstrip("s")
        return {"day": "Day", "week": "Day", "month": "Month", "year": "Year", "decade": "Year"}[
            unit
        ], True
    relative = _REL_UNIT.search(text)
    if relative and not _has_day(text.replace(relative.group(0), " ").lower()):
        return relative.group("u").capitalize(), False
    lower = text.lower()
    if _has_day(lower):
        return "Day", False
    if _MONTH_WORD.search(lower):
        return "Month", False
    return "Year", False


def _unit(day: dt.date, grain: str) -> tuple[dt.date, dt.date]:
    """The grain unit holding ``day``."""
    if grain == "Day":
        return day, day
    if grain == "Week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if grain == "Month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


_PRECISION = {"Day": "day", "Week": "day", "Month": "month", "Year": "year"}
_BARE_WEEKDAY = re.compile(rf"^(?:on\s+)?(?P<wd>{_WEEKDAY}|{_SHORT_WEEKDAY})\.?$", re.I)


def _move(day: dt.date, years: int) -> dt.date:
    """A day moved by whole years (29 February to the 28th)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _convert(
    text: str, grain: str, first: dt.date, last: dt.date, ref: dt.date
) -> tuple[dt.date, dt.date, str] | None:
    """The project's reading where its documented convention differs from dateparser's."""
    bare = _BARE_WEEKDAY.match(text.strip())
    if bare:
        wanted = [w[:3] for w in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")].index(
            bare.group("wd")[:3].lower()
        )
        day = ref - dt.timedelta(days=(ref.weekday() - wanted) % 7)
        if day == first:
            return None
        return day, day, "bare weekday: last such day on or before doc_date"
    if (
        grain in ("Day", "Month")
        and _MONTH_WORD.search(text)
        and not _has_year(text)
        and not _RELATIVE_WORDS.search(text)
    ):
        year = ref.year - 1 if first.month - ref.month > 6 else ref.year
        shift = year - first.year
        if shift:
            return _move(first, shift), _move(last, shift), "yearless: year by the six-month rule"
    return None


def _case(
    case_id: str,
    text: str,
    span: tuple[int, int] | None,
    ref: dt.date,
    start: dt.date,
    end: dt.date | None = None,
    value: dict[str, Any] | None = None,
    carried: bool = False,
) -> dict[str, Any]:
    """A kept case with its expected interval."""
    span_text = text[span[0] : span[1]] if span else text.strip()
    grain, approximate = _grain(span_text)
    first, last = _unit(start, grain)[0], _unit(end or start, grain)[1]
    case: dict[str, Any] = {
        "id": case_id,
        "text": text,
        "doc_date": ref.isoformat(),
        "span": list(span) if span else None,
        "dateparser": value or {"value": start.isoformat()},
        "grain": grain,
    }
    converted = None if carried else _convert(span_text, grain, first, last, ref)
    if converted:
        case["expected"] = [converted[0].isoformat(), converted[1].isoformat()]
        case["converted"] = converted[2]
        case["dateparser_expected"] = [first.isoformat(), last.isoformat()]
    else:
        case["expected"] = [first.isoformat(), last.isoformat()]
    case["precision"] = _PRECISION[grain]
    case["match"] = "approximate" if approximate else "exact"
    return case


_GLUED_WORD = re.compile(r"^(.*\d(?:st|nd|rd|th)?)[,;]?\s+[a-z]+$")
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through)\s*", re.I)


def _search_cases(
    case_id: str, text: str, items: list[list[Any]], ref: dt.date | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(cases, left out) of one search test's expected (substring, datetime) pairs."""
    cases: list[dict[str, Any]] = []
    left: list[dict[str, Any]] = []
    located: list[tuple[int, int, dt.datetime]] = []
    position = 0
    for substring, value in items:
        index = text.find(substring, position)
        if index < 0:
            index = text.find(substring)
        glued = _GLUED_WORD.match(substring)
        length = len(glued.group(1)) if glued else len(substring)
        located.append((index, index + length, value))
        position = max(position, index + len(substring))
    merged: list[tuple[int, int, dt.datetime, dt.datetime | None]] = []
    for start, end, value in located:
        if merged and merged[-1][3] is None and _RANGE_JOIN.fullmatch(text[merged[-1][1] : start]):
            first = merged.pop()
            merged.append((first[0], end, first[2], value))
        else:
            merged.append((start, end, value, None))
    for number, (start, end, value, until) in enumerate(merged):
        item_id = f"{case_id}#{number}"
        span_text = text[start:end]
        reason = _text_reason(span_text, value)
        if reason is None and re.match(r"[.,]?\d", text[end : end + 2]):
            reason = "misreading"
        base = ref or dt.date.fromisoformat(SEARCH_DEFAULT_REFERENCE)
        if (
            reason is None
            and ref is None
            and not _has_year(span_text)
            and str(value.year) not in text
        ):
            reason = "unchecked"
        if reason is None and isinstance(value, RunDay):
            grain = _grain(span_text)[0]
            if (
                ("month" in value.run_parts and grain != "Year")
                or ("day" in value.run_parts and grain in ("Day", "Week"))
                or "year" in value.run_parts
            ):
                reason = "unchecked"
        if reason:
            left.append({"id": item_id, "text": text, "substring": span_text, "reason": reason})
            continue
        cases.append(
            _case(
                item_id,
                text,
                (start, end),
                base,
                value.date(),
                until.date() if until else None,
                {
                    "substrings": [span_text],
                    "values": [v.isoformat() for v in (value, until) if v is not None],
                },
                carried=not _has_year(span_text) and str(value.year) in text[:start] + text[end:],
            )
        )
    return cases, left


def _reference_of(settings: Any) -> dt.date | None:
    if isinstance(settings, dict) and isinstance(settings.get("RELATIVE_BASE"), dt.datetime):
        return settings["RELATIVE_BASE"].date()  # type: ignore[no-any-return]
    return None


def build(directory: Path, commit: str, licence: str = "") -> dict[str, object]:
    """The suite as a JSON-ready dict."""
    cases: list[dict[str, Any]] = []
    negative: list[dict[str, Any]] = []
    left_out: list[dict[str, Any]] = []
    seen: set[str] = set()

    def keep(case: dict[str, Any]) -> None:
        key = json.dumps([case["text"], case["doc_date"], case["expected"], case["span"]])
        if key in seen:
            left_out.append({"id": case["id"], "text": case["text"], "reason": "duplicate"})
            return
        seen.add(key)
        cases.append(case)

    def keep_negative(case_id: str, text: str, ref: str) -> None:
        reason = _negative_reason(text)
        if reason:
            left_out.append({"id": case_id, "text": text, "reason": reason, "negative": True})
            return
        key = json.dumps([text, ref])
        if key not in seen:
            seen.add(key)
            negative.append({"id": case_id, "text": text, "doc_date": ref})

    for filename, function, kind, reference in SOURCES:
        source = (directory / filename).read_text(encoding="utf-8")
        short = filename.removeprefix("test_").removesuffix(".py")
        for entry in _params(source, function):
            case_id = f"{short}:{entry['line']}"
            args, kw = entry["args"], entry["kw"]
            first_text = args[0] if args else None
            if kind == "left":
                left_out.append({"id": case_id, "text": first_text, "reason": reference})
                continue
            if args is None:
                left_out.append({"id": case_id, "text": entry["source"], "reason": "unchecked"})
                continue
            if kind in ("parse", "ago", "future", "dated", "negative"):
                text = args[0]
                english = entry["section"] in ("", "English", "Numeric")
                if kind == "negative":
                    if not english:
                        left_out.append({"id": case_id, "text": text, "reason": "non-English"})
                    else:
                        keep_negative(case_id, text, reference)
                    continue
                if not english:
                    left_out.append({"id": case_id, "text": text, "reason": "non-English"})
                    continue
                ref = dt.date.fromisoformat(reference)
                now = dt.datetime.combine(
                    ref, dt.time(10, 30) if kind in ("ago", "future") else dt.time(0, 0)
                )
                if kind == "parse":
                    value: Any = args[1]
                elif kind == "ago":
                    delta = args[1] if len(args) > 1 else kw["ago"]
                    value = (
                        None
                        if any(isinstance(v, float) for v in delta.values())
                        else (now - relativedelta(**delta))
                    )
                elif kind == "future":
                    delta = args[1] if len(args) > 1 else kw["in_future"]
                    value = (
                        None
                        if any(isinstance(v, float) for v in delta.values())
                        else (now + relativedelta(**delta))
                    )
                else:
                    value = dt.datetime.combine(args[1], args[2])
                # a relative value carries the reference's time of day: only the text tells a clock
                judged = value.date() if kind != "parse" and value is not None else value
                reason = _text_reason(text, judged)
                if reason is None and value is None:
                    reason = "jargon"
                if reason:
                    left_out.append({"id": case_id, "text": text, "reason": reason})
                    continue
                keep(
                    _case(
                        case_id,
                        text,
                        None,
                        ref,
                        value.date(),
                        value={"value": value.isoformat(), "test": function},
                    )
                )
                continue
            # search tests
            if kind == "search":
                language, text, items = args[0], args[1], args[2]
                settings = kw.get("settings")
            elif kind == "ngram":
                language, text, items = args[0], kw["text"], kw["expected"]
                settings = None
            else:
                text, languages, settings, items = (
                    kw["text"],
                    kw["languages"],
                    kw["settings"],
                    kw["expected"],
                )
                ascii_text = not re.search(r"[^\x00-\x7f]", text)
                language = (
                    "en" if languages == ["en"] or (languages is None and ascii_text) else "?"
                )
            if language != "en" and not (not items and not re.search(r"[^\x00-\x7f]", text)):
                left_out.append({"id": case_id, "text": text, "reason": "non-English"})
                continue
            search_ref = _reference_of(settings)
            if not items:
                keep_negative(
                    case_id,
                    text,
                    (search_ref or dt.date.fromisoformat(SEARCH_DEFAULT_REFERENCE)).isoformat(),
                )
                continue
            found, left = _search_cases(case_id, text, items, search_ref)
            for case in found:
                keep(case)
            left_out.extend(left)
    return {
        "source": {
            "project": "scrapinghub/dateparser",
            "url": f"https://github.com/scrapinghub/dateparser/tree/{commit}/tests",
            "paths": sorted({f"tests/{filename}" for filename, *_ in SOURCES}),
            "commit": commit,
            "licence": "BSD-3-Clause (Copyright (c) 2014, Scrapinghub)",
            "licence_text": licence.splitlines(),
        },
        "selection": SELECTION,
        "scoring": SCORING,
        "cases": cases,
        "negative": negative,
        "left_out": left_out,
    }


def main() -> None:
    """Write the suite next to this script."""
    directory, commit, licence = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    suite = build(directory, commit, Path(licence).read_text(encoding="utf-8"))
    OUT.write_text(json.dumps(suite, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    reasons: dict[str, int] = {}
    for item in suite["left_out"]:  # type: ignore[attr-defined]
        reasons[item["reason"]] = reasons.get(item["reason"], 0) + 1
    print(
        f"{len(suite['cases'])} cases and {len(suite['negative'])} negatives kept, "  # type: ignore[arg-type]
        f"left out: {reasons}"
    )


if __name__ == "__main__":
    main()
