"""Build tests/data/date_suite_chrono.json from chrono's English tests (wanasit/chrono, MIT).

Usage: python tests/data/date_suite_chrono_build.py DIR COMMIT LICENSE

DIR holds the files test/en/*.test.ts of wanasit/chrono at COMMIT (for instance
``for f in $(git -C chrono ls-tree --name-only COMMIT test/en/); do git -C chrono show
COMMIT:$f > DIR/$(basename $f); done``); LICENSE is chrono's LICENSE.txt at COMMIT, copied into
the output as the MIT licence asks of a copy of a substantial portion.

Only the test strings, reference days and expected values are taken (data); no chrono code is
used. The selection rule (which tests are "news-relevant") was written down before dates.py was
run on any of them, is applied here mechanically, and every left-out test is kept in the output
with its reason, so the rule can be checked.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("date_suite_chrono.json")
DEFAULT_REFERENCE = "2012-08-10"  # new Date(2012, 7, 10): the reference most of the tests use

SELECTION = [
    "Source: every call of the test helpers testSingleCase, testWithExpectedDate and "
    "testUnexpectedResult in chrono's test/en/*.test.ts (tests that call chrono.parse directly "
    "and check several results are not taken). A testSingleCase/testWithExpectedDate call is a "
    "case (chrono expects exactly one date in the text, with the span and values its callback "
    "checks); a testUnexpectedResult call is a negative (nothing may be read in the text).",
    "A call is left out for one of these reasons (checked in this order):",
    "parser: it runs a parser other than chrono's English defaults (chrono, chrono.casual, "
    "chrono.strict, chrono.en, chrono.en.GB are kept): another locale (chrono.fr), a customised "
    "or reconfigured parser, or custom timezone options;",
    "forward: it passes forwardDate: true, telling the parser that dates lie ahead; a news "
    "archive has no such switch;",
    "For negatives, also:",
    "strict-words: a chrono.strict negative written in words only ('Tuesday'): the strict parser "
    "leaves out casual forms that ordinary English reads as dates;",
    "english-date: the text names a date or period in ordinary English writing that chrono does "
    "not support, so its test records a limit of chrono, not a non-date: a text of year numbers "
    "only ('2012', '2020', '2019 to 2020', '2012-14': a heading's year, a span of years) and 'the "
    "first/second half of <year>'.",
    "For cases, also:",
    "unchecked: the callback fixes no calendar value (no year/month/day get() check and no "
    "toBeDate), e.g. only the span, or only a weekday number; or the reference is the day the "
    "test runs (no reference given) and the text leaves a part of the date to it;",
    "clock: chrono's matched text holds a clock time or a part of the day (hh:mm, 5pm, noon, "
    "midnight, morning, afternoon, evening, night, tonight, o'clock, hours, minutes, seconds, "
    "'1h', '15m', 'now' other than 'from now', an ISO time after T), or the callback checks a "
    "meridiem (AM/PM: a time such as '7 - 8');",
    "era: a year BC/BCE, a Buddhist Era (BE) year, or a year of one to three digits AD/CE: not the "
    "calendar a news archive dates in;",
    "duration: a counted span or offset written 'in N units', 'within N units', 'for N units', "
    "'after N units', 'next/last/past N units' (N a number, a/an, few, several, half): in news "
    "'in ten days' and 'the past two weeks' read as lengths of time, not as dates;",
    "arithmetic: a count of units before/after another date expression ('2 weeks after "
    "yesterday', '2 months before 02/02', 'a week after tomorrow') or a signed offset after one "
    "('next tuesday +10 days', '2023-12-29 -10days'): chat arithmetic, not news writing ('the "
    "day before yesterday' and 'the day after tomorrow' are kept);",
    "jargon: clipped or run-together chat forms: 'qtr', 'lastmonth', unit letters after a number "
    "('3w', '3mo', '5d', '-3y'), a signed offset at the start ('+2 months', '-3y'), a clipped "
    "weekday standing alone ('thurs'), 'last/next weekday' (a working day);",
    "open: 'after/before this|last|next week|month|year': an open interval in ordinary reading, "
    "whose anchor chrono does not give (it adds one unit);",
    "misreading: 'last day' standing for yesterday (in English 'the last day' is the final day);",
    "ydm: a numeric year/day/month order ('2024/13/1'), which no English writing uses.",
    "Everything else is kept: written and numeric dates (US month/day order where chrono.en reads "
    "it, the British order where chrono.en.GB does: an ambiguous numeric date is kept with the "
    "reading its test expects), month-years, yearless days and months, ranges, weekdays, "
    "relative days, weeks, months, quarters and years, counts ago / from now / later, "
    "weekends. Exact duplicates (same text, reference and values) are kept once.",
]

SCORING = [
    "doc_date is the test's reference day (its date part; 2012-08-10 where the test gives none).",
    "The expected value's grain is read from chrono's matched text: a weekend (Saturday..Sunday); "
    "a relative week, month, quarter or year ('this week', 'next quarter'); a count 'N units "
    "ago/from now/later/hence/back' (days and weeks: day; months: month; years: year); else day "
    "when the text names a day (a day number or ordinal with a month, a numeric full date, a "
    "weekday, today/yesterday/tomorrow, 'day'), month when it names a month (a month word, "
    "m/yyyy), else year.",
    "chrono's value (a point: its start, and its end for a range) becomes an inclusive day "
    "interval: the grain unit holding the start (a week is Monday..Sunday, a quarter three "
    "months) to the grain unit holding the end; precision day for day, week and weekend, month "
    "for month and quarter, year for year.",
    "Conventions converted (chrono's own value kept as chrono_expected): a bare weekday ('Sunday', "
    "'on Tuesday') and a bare weekday range ('Friday to Monday') are resolved by chrono to the "
    "nearest such days; dates.py reads them as the last such day on or before the reference day "
    "(for a range: its last day so, its first day the nearest before it), the rule its docstring "
    "documents. A yearless day or month without a weekday or relative word ('In January', "
    "'From May to December') is resolved by chrono to the nearest occurrence; dates.py takes the "
    "publication year, or the year before when the month lies more than six months after the "
    "publication month: expected is chrono's value moved to that year (as in the Duckling suite).",
    "A reading is correct when find_dates returns exactly one mention, the text between its span "
    "and chrono's span (on either side, either way; not compared when chrono's test does not "
    "check the span) is only whitespace, punctuation, edge words "
    "(in, on, at, the, of, during, around, since, through, from, by, after, before, sometime, "
    "towards) or the qualifiers early, mid, late, end, beginning, start, middle; and: exact cases: "
    "its day interval equals the expected one and its precision is the grain's; approximate cases "
    "(counts ago / from now / later): its interval contains the expected one and lies inside the "
    "calendar unit the count counts in around it (the year for years, the Monday-to-Sunday week "
    "for weeks, else the month).",
    "A negative is passed when find_dates reads nothing in it (doc_date its reference day, else "
    "2012-08-10).",
]

_CALL = re.compile(r"\b(testSingleCase|testWithExpectedDate|testUnexpectedResult)\s*\(")
_KEPT_PARSERS = {"chrono", "chrono.casual", "chrono.strict", "chrono.en", "chrono.en.GB"}
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

# --- reading the TypeScript ------------------------------------------------------------------


def _skip_string(src: str, i: int) -> int:
    """Index just after the string literal opening at ``src[i]``."""
    quote = src[i]
    i += 1
    while src[i] != quote:
        i += 2 if src[i] == "\\" else 1
    return i + 1


def _call_body(src: str, start: int) -> str:
    """The argument text of a call whose opening parenthesis ends just before ``start``."""
    depth, i = 1, start
    while True:
        char = src[i]
        if char in "\"'`":
            i = _skip_string(src, i)
            continue
        if src.startswith("//", i):
            i = src.index("\n", i)
            continue
        if src.startswith("/*", i):
            i = src.index("*/", i) + 2
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0:
                return src[start:i]
        i += 1


def _split_args(body: str) -> list[str]:
    """Top-level comma-separated arguments of a call."""
    args, depth, begin, i = [], 0, 0, 0
    while i < len(body):
        char = body[i]
        if char in "\"'`":
            i = _skip_string(body, i)
            continue
        if body.startswith("//", i):
            i = body.index("\n", i)
            continue
        if body.startswith("/*", i):
            i = body.index("*/", i) + 2
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            args.append(body[begin:i].strip())
            begin = i + 1
        i += 1
    if body[begin:].strip():
        args.append(body[begin:].strip())
    return args


def _string(expr: str) -> str | None:
    """The value of a string literal or a concatenation of literals (None otherwise)."""
    parts = re.findall(r"\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'", expr)
    rest = re.sub(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'", "", expr)
    if not parts or rest.replace("+", "").strip():
        return None
    return "".join(json.loads('"' + (a or b).replace("\\'", "'") + '"') for a, b in parts)


def _number(expr: str) -> int:
    """An integer expression of literals, + and - ("8 - 1")."""
    expr = re.sub(r"/\*.*?\*/", "", expr).strip()
    if not re.fullmatch(r"\s*-?\s*\d+(?:\s*[-+]\s*\d+)*\s*", expr):
        raise ValueError(expr)
    terms = re.findall(r"([-+]?)\s*(\d+)", expr)
    return sum(-int(n) if sign == "-" else int(n) for sign, n in terms)


_DATE_WORDS = re.compile(
    r"^(?:[A-Za-z]+,?\s+)?(?P<m>[A-Za-z]+)\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})\b"
    r"|^(?:[A-Za-z]+,?\s+)?(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]+)\s+(?P<y2>\d{4})\b"
    r"|^(?P<iso>\d{4}-\d\d-\d\d)"
)


def _js_date(expr: str, names: dict[str, str]) -> dt.date | None:
    """The local calendar day of a ``new Date(...)`` expression or a name bound to one (None when
    it is an instant in milliseconds or cannot be read)."""
    expr = re.sub(r"/\*.*?\*/", "", expr).strip()
    if expr in names:
        return _js_date(names[expr], names)
    match = re.fullmatch(r"new Date\((.*)\)", expr, re.S)
    if match is None:
        return None
    args = _split_args(match.group(1))
    if len(args) == 1:
        text = _string(args[0])
        if text is None:
            return None  # milliseconds since the epoch: an instant, read in the test's timezone
        words = _DATE_WORDS.match(text)
        if words is None:
            return None
        if words.group("iso"):
            return dt.date.fromisoformat(words.group("iso"))
        month = words.group("m") or words.group("m2")
        day = words.group("d") or words.group("d2")
        year = words.group("y") or words.group("y2")
        return dt.date(int(year), _MONTHS[month.lower()], int(day))
    year, month = _number(args[0]), _number(args[1])
    day = _number(args[2]) if len(args) > 2 else 1
    year, month = year + month // 12, month % 12  # JavaScript carries month 12 into the next year
    if not 1 <= year <= 9999:
        return None
    return dt.date(year, month + 1, 1) + dt.timedelta(days=day - 1)


def _reference(expr: str | None, names: dict[str, str]) -> tuple[dt.date | None, bool]:
    """(day, readable) of a test's reference argument."""
    if expr is None or expr.strip() == "null":
        return None, True
    instant = re.search(r"instant:\s*([^,}]+(?:\([^)]*\))?)", expr)
    if instant:
        expr = instant.group(1)
    day = _js_date(expr, names)
    return day, day is not None


_EXPECT = re.compile(
    r"expect\((?P<what>result(?:\.(?:start|end|text|index))?)(?:\.get\(\"(?P<comp>\w+)\"\))?\)"
    r"\.(?P<how>toBe|toBeDate)\((?P<value>[^;]*?)\);"
)


def _checks(callback: str, names: dict[str, str]) -> dict[str, Any]:
    """What a callback checks: span text and index, start/end components and dates."""
    found: dict[str, Any] = {"start": {}, "end": {}}
    for match in _EXPECT.finditer(callback):
        what, comp, how, value = match.group("what", "comp", "how", "value")
        if what == "result.text":
            found["text"] = "<text>" if value.strip() == "text" else _string(value)
        elif what == "result.index":
            found["index"] = _number(value)
        elif how == "toBeDate":
            side = "end" if what == "result.end" else "start"
            if value.strip() == "result.refDate":
                found[side]["date"] = "<ref>"
            else:
                day = _js_date(value, names)
                if day is not None:
                    found[side]["date"] = day.isoformat()
        elif comp == "meridiem":
            found["meridiem"] = True
        elif comp in ("year", "month", "day", "weekday", "hour"):
            side = "end" if what == "result.end" else "start"
            with contextlib.suppress(ValueError):  # a value that is not a number literal
                found[side][comp] = _number(value)
    return found


def _names(src: str, before: int) -> dict[str, str]:
    """``const NAME = new Date(...)`` bindings above ``before`` (the nearest one wins)."""
    names: dict[str, str] = {}
    for match in re.finditer(r"const (\w+) = (new Date\([^;]*\));", src[:before]):
        names[match.group(1)] = match.group(2)
    return names


# --- the selection ---------------------------------------------------------------------------

_CLOCK = re.compile(
    r"\d{1,2}[:.]\d\d|\d\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|T\d\d:\d\d|"
    r"\b(?:noon|midnight|morning|afternoon|evening|night|tonight|o\s*clock)\b|"
    r"(?:\b|\d)(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)\b|(?<!from )\bnow\b|"
    r"\b\d+\s*(?:h|m|s)\b",
    re.I,
)
_ERA = re.compile(r"\b(?:BC|BCE|BE)\b|(?<!\d)\d{1,3}\s*(?:AD|CE)\b")
_COUNT = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|few|several|half|"
    r"a\s+couple\s+of|couple\s+of)"
)
_UNITS = r"(?:days?|weeks?|months?|mon|years?|quarters?|decades?)"
_DURATION = re.compile(
    rf"^(?:in|within|for|after)\s+(?:about\s+|around\s+)?{_COUNT}\s+{_UNITS}\b"
    rf"|\b(?:next|last|past)\s+(?:\d+|two|three|four|five|few|couple|several)\s+{_UNITS}",
    re.I,
)
_ARITHMETIC = re.compile(
    rf"\b{_COUNT}\s+{_UNITS}\s+(?:before|after)\s+\S|\S\s+[+-]\s*\d+\s*(?:days?|d)\b", re.I
)
_JARGON = re.compile(
    r"\bqtr\b|\blast(?:month|week|year)\b|\b\d+\s*(?:w|mo|d|y|yr)\b|^\s*[+-]\s*\d|"
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$|\b(?:last|next)\s+weekday\b",
    re.I,
)
_OPEN = re.compile(r"\b(?:after|before)\s+(?:this|last|next)\s+(?:week|month|year)\b", re.I)
_MISREADING = re.compile(r"^last\s+day$", re.I)
_YDM = re.compile(r"^\d{4}[-/.](?:1[3-9]|2\d|3[01])[-/.]\d{1,2}$")
_ENGLISH_DATE = re.compile(
    r"^\s*(?:19|20)\d\d(?:\s*(?:-|–|to)\s*(?:(?:19|20)\d\d|\d\d))?\s*$"
    r"|\b(?:first|second)\s+half\s+of\s+(?:19|20)\d\d\b",
    re.I,
)

# --- the expected values ---------------------------------------------------------------------

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH_WORD = re.compile(
    r"(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?![a-z])", re.I
)
_REL_UNIT = re.compile(
    r"\b(?:this|last|next|past|current|coming)\s+(?P<u>week|month|quarter|year)\b", re.I
)
_AGO = re.compile(
    rf"\b{_COUNT}\s+(?P<u>days?|weeks?|months?|years?)\s+(?:ago|later|from\s+now|hence|back)\b",
    re.I,
)


def _has_year(span: str) -> bool:
    """Whether chrono's matched text writes a year: four digits, an apostrophe and two digits, a
    numeric day-month-year, or a two-digit number after a month that cannot be its day (above
    31, or the second number: "Aug 96", "Aug 9 96")."""
    lower = span.lower()
    if re.search(r"(?<!\d)\d{4}(?!\d)|['’]\d\d\b|\d{1,2}[-/.][a-z0-9]+[-/.]\d\d(?!\d)", lower):
        return True
    numbers = [int(n) for n in re.findall(r"(?<!\d)\d{1,2}(?!\d)", lower)]
    return bool(_MONTH_WORD.search(lower)) and (len(numbers) >= 2 or any(n > 31 for n in numbers))


_BARE_WEEKDAY = re.compile(rf"^(?:on\s+)?(?P<wd>{_WEEKDAY})$", re.I)
_WEEKDAY_RANGE = re.compile(
    rf"^(?:from\s+)?(?P<a>{_WEEKDAY})\s*(?:-|to|through|until|till)\s*(?P<b>{_WEEKDAY})$", re.I
)
_RELATIVE_WORDS = re.compile(
    r"\b(?:this|next|last|past|previous|current|coming|ago|later|from|today|tomorrow|yesterday|"
    rf"week|weeks|{_WEEKDAY}|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b",
    re.I,
)


def _grain(span: str) -> tuple[str, bool]:
    """(grain, approximate) of chrono's matched text (see SCORING)."""
    if re.search(r"\bweekend\b", span, re.I):
        return "weekend", False
    ago = _AGO.search(span)
    if ago:
        unit = ago.group("u").lower().rstrip("s")
        return {"day": "Day", "week": "Day", "month": "Month", "year": "Year"}[unit], True
    relative = _REL_UNIT.search(span)
    if relative and not _has_day(span.replace(relative.group(0), " ").lower()):
        return relative.group("u").capitalize(), False
    lower = span.lower()
    if _has_day(lower):
        return "Day", False
    if _MONTH_WORD.search(lower) or re.search(r"\d{1,2}/\d{4}", lower):
        return "Month", False
    return "Year", False


def _has_day(lower: str) -> bool:
    """Whether a text the day pattern matched names a day (not only a month and a year)."""
    without_years = re.sub(r"(?<!\d)\d{4}(?!\d)|['’]\d\d\b", " ", lower)
    if re.search(rf"\b(?:{_WEEKDAY}|today|tomorrow|yesterday|day)\b", without_years):
        return True
    if re.search(r"(?<!\d)\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?!\d)", lower):
        return True
    if re.search(r"\b\d{4}[-/.](?:[a-z]+|\d{1,2})[-/.]\d{1,2}\b", lower):
        return True
    if re.search(r"(?<!\d)\d{4}\s+\d{1,2}\s+\d{1,2}(?!\d)", lower):  # "2014 12 28"
        return True
    days = [int(n) for n in re.findall(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)", lower)]
    # a two-digit number above 31 or the last of two numbers after a month is a year ("Aug 9 96")
    if _MONTH_WORD.search(lower) and any(1 <= n <= 31 for n in days[:1]):
        return True
    return bool(
        re.search(
            r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
            r"twelfth|\w+teenth|\w*tieth|(?:twenty|thirty)-\w+)\b",
            without_years,
        )
    )


def _unit(day: dt.date, grain: str) -> tuple[dt.date, dt.date]:
    """The grain unit holding ``day``."""
    if grain == "Day":
        return day, day
    if grain == "Week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if grain == "weekend":
        saturday = day - dt.timedelta(days=(day.weekday() - 5) % 7)
        return saturday, saturday + dt.timedelta(days=1)
    if grain == "Month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if grain == "Quarter":
        first = (day.month - 1) // 3 * 3 + 1
        last = first + 2
        return dt.date(day.year, first, 1), dt.date(
            day.year, last, calendar.monthrange(day.year, last)[1]
        )
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


_PRECISION = {
    "Day": "day",
    "Week": "day",
    "weekend": "day",
    "Month": "month",
    "Quarter": "month",
    "Year": "year",
}


def _point(side: dict[str, Any], ref: dt.date | None, grain: str) -> dt.date | None:
    """chrono's day for one side of the result (get() checks over its toBeDate); a day left
    unchecked is chrono's implied first of the month for a month or coarser grain (and the month
    January for a year), else unknown (None)."""
    date = side.get("date")
    base = ref if date == "<ref>" else (dt.date.fromisoformat(date) if date else None)
    year = side.get("year", base.year if base else None)
    month = side.get("month", base.month if base else None)
    day = side.get("day", base.day if base else None)
    if day is None and grain in ("Month", "Quarter", "Year"):
        day = 1
    if month is None and grain == "Year":
        month = 1
    if year is None or month is None or day is None or not 1 <= year <= 9999:
        return None
    return dt.date(year, month, day)


def _last_weekday(name: str, on_or_before: dt.date) -> dt.date:
    """The last ``name`` day on or before a day."""
    wanted = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].index(name[:3].lower())
    return on_or_before - dt.timedelta(days=(on_or_before.weekday() - wanted) % 7)


def _convert(
    span: str, grain: str, first: dt.date, last: dt.date, ref: dt.date
) -> tuple[dt.date, dt.date, str] | None:
    """The project's reading where its documented convention differs from chrono's (see
    SCORING), with the conversion's name; None when nothing is converted."""
    bare = _BARE_WEEKDAY.match(span.strip())
    if bare:
        day = _last_weekday(bare.group("wd"), ref)
        return (
            (day, day, "bare weekday: last such day on or before doc_date")
            if day != first
            else None
        )
    pair = _WEEKDAY_RANGE.match(span.strip())
    if pair:
        end = _last_weekday(pair.group("b"), ref)
        first_weekday = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].index(
            pair.group("a")[:3].lower()
        )
        start = end - dt.timedelta(days=(end.weekday() - first_weekday) % 7 or 7)
        if (start, end) == (first, last):
            return None
        return start, end, "bare weekday range: last such end day on or before doc_date"
    if (
        grain in ("Day", "Month")
        and (_MONTH_WORD.search(span) or re.fullmatch(r"\d{1,2}/\d{1,2}", span.strip()))
        and not _has_year(span)
        and not _RELATIVE_WORDS.search(span)
    ):
        year = ref.year - 1 if first.month - ref.month > 6 else ref.year
        shift = year - first.year
        if shift:
            return (
                _move(first, shift),
                _move(last, shift),
                "yearless: year by the six-month rule",
            )
    return None


def _move(day: dt.date, years: int) -> dt.date:
    """A day moved by whole years (29 February to the 28th)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _case_reason(parser: str, options: str, span: str, checks: dict[str, Any]) -> str | None:
    """Why a positive test is left out (None when kept)."""
    if parser not in _KEPT_PARSERS or "timezones" in options:
        return "parser"
    if "forwardDate: true" in options:
        return "forward"
    if checks.get("meridiem"):
        return "clock"
    for reason, pattern in (
        ("clock", _CLOCK),
        ("era", _ERA),
        ("duration", _DURATION),
        ("arithmetic", _ARITHMETIC),
        ("jargon", _JARGON),
        ("open", _OPEN),
        ("misreading", _MISREADING),
        ("ydm", _YDM),
    ):
        if pattern.search(span.strip()):
            return reason
    if not any(k in checks["start"] for k in ("year", "month", "day", "date")):
        return "unchecked"
    return None


def _negative_reason(parser: str, options: str, text: str) -> str | None:
    """Why a negative test is left out (None when kept)."""
    if parser not in _KEPT_PARSERS or "timezones" in options:
        return "parser"
    if "forwardDate: true" in options:
        return "forward"
    if parser == "chrono.strict" and not re.search(r"\d", text):
        return "strict-words"
    if _ENGLISH_DATE.search(text):
        return "english-date"
    return None


def _span(text: str, checks: dict[str, Any]) -> tuple[int, int] | None:
    """chrono's matched span: the checked text at the checked index, else its first occurrence;
    the whole text without surrounding whitespace when the test checks it is all; None when the
    test does not check the span."""
    expected = checks.get("text")
    if expected is None:
        return None
    if expected == "<text>":
        start = len(text) - len(text.lstrip())
        return start, len(text.rstrip())
    index = checks.get("index", text.find(expected))
    if index < 0 or text[index : index + len(expected)] != expected:
        return None
    return index, index + len(expected)


def _calls(path: Path) -> list[dict[str, Any]]:
    """Every helper call of one test file, parsed."""
    src = path.read_text(encoding="utf-8")
    found = []
    for match in _CALL.finditer(src):
        args = _split_args(_call_body(src, match.end()))
        callback = next((a for a in args if "=>" in a or a.startswith("function")), "")
        plain = [a for a in args if a is not callback]
        names = _names(src, match.start())
        text = _string(plain[1])
        line = src.count("\n", 0, match.start()) + 1
        found.append(
            {
                "id": f"{path.name.removesuffix('.test.ts')}:{line}",
                "helper": match.group(1),
                "parser": plain[0],
                "text": text,
                "ref_expr": plain[2] if len(plain) > 2 else None,
                "options": plain[3] if len(plain) > 3 else "",
                "callback": callback,
                "names": names,
            }
        )
    return found


def _build_case(call: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """(case, None) for a kept positive test, else (None, reason)."""
    text, names = call["text"], call["names"]
    if call["helper"] == "testWithExpectedDate":
        ref_expr, expected_expr = None, call["ref_expr"]
        day = _js_date(expected_expr, names)
        checks = {"start": {"date": day.isoformat()} if day else {}, "end": {}}
    else:
        ref_expr = call["ref_expr"]
        checks = _checks(call["callback"], names)
    ref, readable = _reference(ref_expr, names)
    span = _span(text, checks)
    span_text = text[span[0] : span[1]] if span else text.strip()
    reason = _case_reason(call["parser"], call["options"], span_text, checks)
    if reason:
        return None, reason
    if not readable or (checks.get("text") not in (None, "<text>") and span is None):
        return None, "unchecked"
    reference = ref or dt.date.fromisoformat(DEFAULT_REFERENCE)
    grain, approximate = _grain(span_text)
    start = _point(checks["start"], ref, grain)
    if start is None:
        return None, "unchecked"
    has_end = any(k in checks["end"] for k in ("year", "month", "day", "date"))
    end = _point({**checks["start"], **checks["end"]}, ref, grain) if has_end else start
    if end is None:
        return None, "unchecked"
    if ref is None and not _has_year(span_text):
        return None, "unchecked"  # the test's value hangs on the day it runs
    first, last = _unit(start, grain)[0], _unit(end, grain)[1]
    case: dict[str, Any] = {
        "id": call["id"],
        "text": text,
        "doc_date": reference.isoformat(),
        "span": list(span) if span else None,
        "chrono": {
            "parser": call["parser"],
            "start": checks["start"],
            "end": checks["end"],
        },
        "grain": grain,
    }
    converted = _convert(span_text, grain, first, last, reference)
    if converted:
        case["expected"] = [converted[0].isoformat(), converted[1].isoformat()]
        case["converted"] = converted[2]
        case["chrono_expected"] = [first.isoformat(), last.isoformat()]
    else:
        case["expected"] = [first.isoformat(), last.isoformat()]
    case["precision"] = _PRECISION[grain]
    case["match"] = "approximate" if approximate else "exact"
    return case, None


def build(directory: Path, commit: str, licence: str = "") -> dict[str, object]:
    """The suite as a JSON-ready dict."""
    cases: list[dict[str, Any]] = []
    negative: list[dict[str, Any]] = []
    left_out: list[dict[str, Any]] = []
    seen: set[str] = set()
    paths = sorted(directory.glob("*.test.ts"))
    for path in paths:
        for call in _calls(path):
            if call["helper"] == "testUnexpectedResult":
                reason = _negative_reason(call["parser"], call["options"], call["text"])
                if reason:
                    left_out.append({"id": call["id"], "text": call["text"], "reason": reason})
                    continue
                ref, _ = _reference(call["ref_expr"], call["names"])
                entry = {
                    "id": call["id"],
                    "text": call["text"],
                    "doc_date": (ref or dt.date.fromisoformat(DEFAULT_REFERENCE)).isoformat(),
                }
                key = json.dumps([entry["text"], entry["doc_date"]])
                if key not in seen:
                    seen.add(key)
                    negative.append(entry)
                continue
            case, reason = _build_case(call)
            if case is None:
                left_out.append({"id": call["id"], "text": call["text"], "reason": reason})
                continue
            key = json.dumps([case["text"], case["doc_date"], case["expected"]])
            if key in seen:
                left_out.append({"id": call["id"], "text": call["text"], "reason": "duplicate"})
                continue
            seen.add(key)
            cases.append(case)
    return {
        "source": {
            "project": "wanasit/chrono",
            "url": f"https://github.com/wanasit/chrono/tree/{commit}/test/en",
            "paths": [f"test/en/{path.name}" for path in paths],
            "commit": commit,
            "licence": "MIT (Copyright (c) 2014, Wanasit Tanakitrungruang)",
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
