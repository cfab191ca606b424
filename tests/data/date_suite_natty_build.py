"""Build tests/data/date_suite_natty.json from natty's English date tests (joestelmach/natty, MIT).

Usage: python tests/data/date_suite_natty_build.py DIR COMMIT LICENSE

DIR holds DateTest.java and SearchTest.java of src/test/java/com/joestelmach/natty/ of
joestelmach/natty at COMMIT (``for f in DateTest SearchTest; do git -C natty show
COMMIT:src/test/java/com/joestelmach/natty/$f.java > DIR/$f.java; done``); LICENSE is natty's
LICENSE at COMMIT, copied into the output as the MIT licence asks of a copy of a substantial
portion.

Only the test strings, reference days and expected values are taken (data); no natty code is used
or run: the Java files are read line by line with regular expressions, never compiled. The
selection rule was written down before dates.py was run on any of the texts, is applied here
mechanically, and every left-out test is kept in the output with its reason, so the rule can be
checked.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("date_suite_natty.json")
# natty's tests without a reference day parse against the day they run and expect that day's year
# for a yearless date; the builder runs them on the source commit's day.
RUN_DAY = "2017-01-25"
FILES = ("DateTest.java", "SearchTest.java")

# The date's words in a search sentence (natty's DateGroup text; natty asserts it for some tests,
# "sep 13, 2013", and the builder names it for the rest). A search test not listed here is left out
# as "unlocated".
SPANS: dict[str, str] = {
    "It's gonna snow! How about skiing tomorrow": "tomorrow",
    "september 7th something": "september 7th",
    "september 7th something happened here": "september 7th",
    "I want to go to park tomorrow and then email john@aol.com": "tomorrow",
    "I want to purchase a car in the next month.": "the next month",
    "I want to plan a get-together with my friends for this Friday.": "this Friday",
    "I want to finalize my college schedule by next week.": "next week",
    "I want to read this weekend.": "this weekend",
    "I want to travel a big chunk of world next year.": "next year",
    "I want to go to my doctors appointment on May 15, 2011.": "May 15, 2011",
    "I intend to become a zombie on December, 21st 2012.": "December, 21st 2012",
    "I want to hire a virtual assistant to do research for me on March 15, 2011": "March 15, 2011",
    "I want to see my mother on sunday.": "sunday",
    "I want to be able to jog 3 miles non-stop by September.": "September",
    "I want to visit my grandfathers grave on December 30 2011": "December 30 2011",
    "i want to have 1 kid this year": "this year",
    "save $1000 by September": "September",
    "Watch School Spirits on June 20 on syfy channel": "June 20",
    "Watch School Spirits on June 20 on": "June 20",
    "Watch School Spirits on June 20": "June 20",
    "hillary clinton sep 13, 2013": "sep 13, 2013",
    "hillary clinton 9/13/2013": "9/13/2013",
    "hillary clintoo sep 13, 2013": "sep 13, 2013",
    "clinton sep 13 2013": "sep 13 2013",
    "I know we should meet tomorrow": "tomorrow",
    "**SHOT 01/31/15**": "01/31/15",
    "KOSTROMA REGION, RUSSIA. SEPTEMBER 24, 2014. A woman cleaning up fallen leaves on the grounds "
    "of the Shchelykovo museum reserve of Russian playwright Alexander Ostrovsky.": (
        "SEPTEMBER 24, 2014"
    ),
    "21 November 2014-NYC-USA **** STRICTLY NOT AVAILABLE FOR USA ***": "21 November 2014",
    "Caricature: Person with anti-German foreign press. From: Le Rire, Paris, Spring 1933.": (
        "Spring 1933"
    ),
    "Person with Generaloberst von Seeckt in Bad Nauheim. Photograph. Autumn 1936": "Autumn 1936",
}

SELECTION = [
    "Source: every validateDate / validateDateTime / parseCollection / parser.parse check of "
    "natty's DateTest.java (testFormal, testRelaxed, testExplicitRelative, testRelative, "
    "testRange, testRelativeDateDifferentTimezone) and SearchTest.java (test, testLocations, "
    "testPrefixSuffix, testNoDates). DateTimeTest.java, TimeTest.java, TimeZoneTest.java, "
    "RecurrenceTest.java, IcsTest.java, CPANTest.java and the grammar tests are left out whole: "
    "clock times, recurrences, calendar files, and syntax trees without dates. One check (a text "
    "and the dates natty gives for it) is one case; exact duplicates (same text, reference and "
    "values) are kept once. Checks that expect no date (assertEquals(0, ...size())) are "
    "negatives.",
    "A check is left out for the first of these reasons that applies:",
    "unchecked: the test asserts no date for the text (only positions, prefixes or suffixes);",
    "clock: a value is checked with a clock time (validateDateTime), or the text holds a clock "
    "time or a part of the day (hh:mm, 'at 10', am/pm, a.m./p.m., noon, midnight, morning, "
    "afternoon, evening, night, tonight, minutes, hours, 'now' other than 'from now' / 'from "
    "today', a time zone);",
    "jargon: a clipped word natty knows ('tmr');",
    "scheduling: weekdays or months counted or used as a frame ('4 mondays from now', 'six "
    "mondays ago', '3 mondays after May 25', 'the 2nd monday before May 25', '2 septembers ago', "
    "'first monday in 2 months', 'first monday of month in 1 month'): arithmetic of a calendar "
    "tool, not news writing;",
    "duration (kept as a negative when it is only a count: 'for 5 days', '1 to 2 days', '2 and 4 "
    "months'): 'for/in/within N units', 'in a week', 'next/last/past N (to M) units', a bare "
    "count: in news these are lengths of time, not dates;",
    "vague: two counts as alternatives or a range of counts ('2 or 3 days ago', '2 to 4 months "
    "ago', 'feb 28th or 2 days after'): not one date or one range of dates;",
    "backward: a range whose end lies before its start ('2/3 to in one week');",
    "unlocated: a search sentence whose date words the builder has not named (SPANS).",
    "Everything else is kept: written and numeric dates (month-first, natty's US order), "
    "month-years, yearless days and months, weekdays relative to the reference, yesterday/"
    "tomorrow, counts ago / from now / from today, relative weeks, weekends, months and years, "
    "ordinal weekdays of a month, first/last day of a month or year, ranges, seasons.",
]

SCORING = [
    "doc_date is the test's reference day (2011-02-28 in DateTest's relative tests, 2011-01-02 in "
    "testRange, 2011-02-20 in SearchTest); a test without one runs on RUN_DAY, 2017-01-25 (the "
    "source commit's day), and its 'current year' is that day's year.",
    "The expected value's grain is read from the case's text (its span for a search sentence): a "
    "count 'N units ago / from now / from today' (days and weeks: day; months: month; years: "
    "year; approximate); a season with a year (year, approximate); 'weekend' (Saturday..Sunday); "
    "a relative week, month or year ('next week', 'this month', 'current year', 'the next "
    "month'); else day when the text names a day (a day number with a month, a numeric date, a "
    "weekday, today/yesterday/tomorrow, 'day'), month when it names a month, else year.",
    "natty's value (a point, or two points for a range) becomes an inclusive day interval: the "
    "grain unit holding it (a week is Monday..Sunday); a range runs from its first point's unit "
    "start to its last point's unit end; precision day for day, week and weekend, month for "
    "month, year for year.",
    "Conventions converted (natty's own value kept as natty_expected; natty resolves toward the "
    "future, as a calendar tool must): a bare weekday ('sunday', 'monday to friday') is the last "
    "such day on or before the reference day (dates.py's documented rule; a range's end is the "
    "first such day on or after its start); a yearless day or month without a relative word takes "
    "the reference year, or the year before when its month lies more than six months after the "
    "reference month (the project's rule, as in the other suites).",
    "A reading is correct when exactly one mention of find_dates overlaps the case's span (the "
    "whole text, or the date words of a search sentence), the text between the two spans is only "
    "whitespace, punctuation, brackets and edge words (in, on, at, the, of, during, around, "
    "since, through, from, by, after, before) and: exact cases: its day interval equals the "
    "expected one and its precision is the grain's; approximate cases: its interval contains "
    "the expected one and lies inside the calendar unit counted in around it (the year for years "
    "and seasons, the Monday-to-Sunday week for weeks, else the month) (the judge of the "
    "dateparser suite).",
    "A negative is passed when find_dates reads nothing in it.",
]

# --- reading the Java test files ----------------------------------------------------------------

_STRING = r'"((?:[^"\\]|\\.)*)"'
_METHOD = re.compile(r"public void (\w+)\(")
_REFERENCE = re.compile(r'Date reference = .*parse\("(\d+)/(\d+)/(\d+)"\)')
_GREGORIAN = re.compile(r"new GregorianCalendar\((\d+), (\d+), (\d+)")
_VALIDATE_TEXT = re.compile(
    rf"validateDate\((?:(reference), )?{_STRING}, (\d+), (\d+), "
    r"(\d+|Calendar\.getInstance\(\)\.get\(Calendar\.YEAR\))\)"
)
_COLLECTION = re.compile(rf"parseCollection\((reference|new Date\(\)), {_STRING}\)")
_PARSE = re.compile(rf"parser\.parse\({_STRING}(, (?:reference|\w+\.getTime\(\)))?\)")
_VALUE = re.compile(
    r"validateDate\((?:dates\.get|group\.getDates\(\)\.get)\(\d\), (\d+), (\d+), (\d+)\)"
)
_VALUE_CLOCK = re.compile(
    r"validateDateTime\((?:dates\.get|group\.getDates\(\)\.get)\(\d\), (\d+), (\d+), (\d+), (\d+), "
    r"(\d+), (\d+)\)|validateTime\("
)
_NONE = re.compile(r"Assert\.assertEquals\(0, (?:groups|dates)\.size\(\)\)")
_RESULT = re.compile(r"(?:Date result = )?parser\.parse\(")


def _unescape(text: str) -> str:
    return text.encode("utf-8").decode("unicode_escape") if "\\" in text else text


def _checks(name: str, source: str) -> list[dict[str, Any]]:
    """Every check of one Java test file: id, method, text, reference day (None: the run day),
    values (month, day, year), clock (a value checked with a time), none (no date expected)."""
    checks: list[dict[str, Any]] = []
    method = ""
    reference: str | None = None
    current: dict[str, Any] | None = None
    short = name.removesuffix(".java")
    for number, line in enumerate(source.splitlines(), start=1):
        found = _METHOD.search(line)
        if found:
            method, reference, current = found.group(1), None, None
            continue
        found = _REFERENCE.search(line)
        if found:
            month, day, year = (int(g) for g in found.groups())
            reference = dt.date(year, month, day).isoformat()
            continue
        found = _GREGORIAN.search(line)
        if found:
            year, month0, day = (int(g) for g in found.groups())
            reference = dt.date(year, month0 + 1, day).isoformat()
            continue
        found = _VALIDATE_TEXT.search(line)
        if found:
            uses_reference, text, month, day, year = found.groups()
            if not year.isdigit():  # the year of the day the test runs
                year = RUN_DAY[:4]
            checks.append(
                {
                    "id": f"{short}:{number}",
                    "method": method,
                    "text": _unescape(text),
                    "reference": reference if uses_reference else None,
                    "values": [(int(month), int(day), int(year))],
                    "clock": False,
                    "none": False,
                }
            )
            current = None
            continue
        found = _COLLECTION.search(line) or _PARSE.search(line)
        if found:
            text = _unescape(found.group(2) if found.re is _COLLECTION else found.group(1))
            uses_reference = (
                found.group(1) == "reference" if found.re is _COLLECTION else bool(found.group(2))
            )
            current = {
                "id": f"{short}:{number}",
                "method": method,
                "text": text,
                "reference": reference if uses_reference else None,
                "values": [],
                "clock": False,
                "none": False,
            }
            checks.append(current)
            continue
        if current is None:
            continue
        found = _VALUE.search(line)
        if found:
            month, day, year = (int(g) for g in found.groups())
            current["values"].append((month, day, year))
            continue
        found = _VALUE_CLOCK.search(line)
        if found:
            current["clock"] = True
            if found.group(1):
                month, day, year = (int(g) for g in found.groups()[:3])
                current["values"].append((month, day, year))
            continue
        if _NONE.search(line):
            current["none"] = True
    return checks


# --- the selection -------------------------------------------------------------------------------

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_SHORT_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
_MONTH_NAMES = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
_MONTH_WORD = re.compile(
    r"(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?![a-z])", re.I
)
_COUNT = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty-five|"
    r"twenty|thirty)"
)
_UNITS = r"(?:days?|weeks?|months?|years?|decades?)"
_CLOCK = re.compile(
    r"\d{1,2}:\d\d|\bat\s+\d{1,2}\b|\d\s*(?:am|pm|a\.m\.?|p\.m\.?)(?![a-z])|"
    r"\b(?:noon|midnight|morning|afternoon|evening|night|tonight|o\s*clock)\b|"
    rf"\b(?:{_COUNT}|first|next|last)\s+(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)\b|"
    r"\d\s*(?:hours?|hrs?|minutes?|mins?|secs?)\b|(?<!from )\bnow\b|"
    r"\b(?:UTC|GMT|EST|EDT|PST|PDT)\b",
    re.I,
)
_JARGON = re.compile(r"\btmr\b", re.I)
_SCHEDULING = re.compile(
    rf"\b{_COUNT}\s+(?:{_WEEKDAY}s|{_MONTH_NAMES}s)\b|"
    rf"\b(?:\d+(?:st|nd|rd|th)|first|second|third)\s+{_WEEKDAY}\s+(?:before|after)\b|"
    rf"\b(?:first|last|second|\d(?:st|nd|rd|th))\s+{_WEEKDAY}\s+(?:in|of)\s+(?:month\s+)?"
    rf"(?:in\s+)?\d+\s+months?\b",
    re.I,
)
_DURATION = re.compile(
    rf"^(?:in|within|for|after)\s+(?:the\s+)?(?:next\s+)?{_COUNT}(?:\s+(?:to|or|and)\s+{_COUNT})?"
    rf"\s+{_UNITS}\b|\b(?:next|last|past)\s+{_COUNT}(?:\s+(?:to|or|and)\s+{_COUNT})?\s+{_UNITS}\b|"
    rf"\bin\s+(?:a|one|{_COUNT})\s+{_UNITS}\b(?!\s+(?:ago|from))",
    re.I,
)
_BARE_COUNT = re.compile(
    rf"^(?:for\s+|(?:(?!in\b|within\b|next\b|last\b|past\b|the\b)[a-z]+\s+)*){_COUNT}(?:\s+(?:to|or|and)\s+{_COUNT})?\s+{_UNITS}\.?$",
    re.I,
)
_VAGUE = re.compile(
    rf"\b{_COUNT}\s+(?:to|or|and)\s+{_COUNT}\s+{_UNITS}\b|\bor\s+{_COUNT}\s+{_UNITS}\b", re.I
)


def _reason(check: dict[str, Any], span_text: str) -> str | None:
    """Why a check is left out (None when kept)."""
    if check["clock"] or _CLOCK.search(span_text):
        return "clock"
    if not check["values"] and not check["none"]:
        return "unchecked"
    if _JARGON.search(span_text):
        return "jargon"
    if _SCHEDULING.search(span_text):
        return "scheduling"
    if _VAGUE.search(span_text) and not _BARE_COUNT.match(span_text.strip()):
        return "vague"
    if _DURATION.search(span_text) or _BARE_COUNT.match(span_text.strip()):
        return "duration"
    days = [dt.date(y, m, d) for m, d, y in check["values"]]
    if len(days) == 2 and days[1] < days[0]:
        return "backward"
    return None


# --- the expected values -------------------------------------------------------------------------

_AGO = re.compile(
    rf"\b{_COUNT}\s+(?P<u>days?|weeks?|months?|years?)(?:\s+{_COUNT}\s+(?P<u2>days?|weeks?|"
    rf"months?))?(?:\s+{_COUNT}\s+(?P<u3>days?))?\s+(?:ago|from\s+now|from\s+today|hence)\b",
    re.I,
)
_SEASON = re.compile(r"\b(?:spring|summer|autumn|fall|winter)\s+\d{4}\b", re.I)
_WEEKEND = re.compile(r"\bweekend\b", re.I)
_REL_UNIT = re.compile(
    r"\b(?:this|last|next|past|current|coming|previous)\s+(?P<u>week|month|year)\b", re.I
)
_RELATIVE_WORDS = re.compile(
    r"\b(?:this|next|last(?!\s+day)|past|previous|current|coming|ago|from|today|tomorrow|"
    r"yesterday|week|weeks|before|after)\b",
    re.I,
)


def _has_year(text: str) -> bool:
    return bool(re.search(r"(?<!\d)\d{4}(?!\d)|['’]\d\d\b|\d{1,2}/\d{1,2}/\d\d(?!\d)", text))


def _has_day(lower: str) -> bool:
    """Whether a text names a day (not only a month and a year)."""
    without_years = re.sub(r"(?<!\d)\d{4}(?!\d)|['’]\d\d\b", " ", lower)
    if re.search(
        rf"\b(?:{_WEEKDAY}|{_SHORT_WEEKDAY}|today|tomorrow|yesterday|day)\b", without_years
    ):
        return True
    if re.search(r"(?<!\d)\d{1,2}\s*[-/]\s*\d{1,2}(?:\s*[-/]\s*\d{1,4})?(?!\d)", lower):
        return True
    if re.search(r"\b\d{4}-(?:\d{1,2}|[a-z]{3})-\d{1,2}\b", lower):
        return True
    if re.search(r"\b(?:first|second|third|thirty first|the \d+)\b", without_years):
        return True
    return bool(_MONTH_WORD.search(lower)) and bool(
        re.search(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d)", without_years)
    )


def _grain(text: str) -> tuple[str, bool]:
    """(grain, approximate) of a case's text (see SCORING)."""
    ago = _AGO.search(text)
    if ago:
        unit = (ago.group("u3") or ago.group("u2") or ago.group("u")).lower().rstrip("s")
        return {"day": "Day", "week": "Day", "month": "Month", "year": "Year"}[unit], True
    if _SEASON.search(text):
        return "Year", True
    if _WEEKEND.search(text):
        return "Weekend", False
    relative = _REL_UNIT.search(text) or re.search(r"\bthe next (?P<u>month)\b", text, re.I)
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
    if grain == "Weekend":
        saturday = day - dt.timedelta(days=(day.weekday() - 5) % 7)
        return saturday, saturday + dt.timedelta(days=1)
    if grain == "Week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if grain == "Month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


_PRECISION = {"Day": "day", "Weekend": "day", "Week": "day", "Month": "month", "Year": "year"}
_BARE_WEEKDAY = re.compile(
    rf"^(?:on\s+)?(?P<wd>{_WEEKDAY}|{_SHORT_WEEKDAY})\.?"
    rf"(?:\s+(?:to|through|-)\s+(?P<wd2>{_WEEKDAY}|{_SHORT_WEEKDAY})\.?)?$",
    re.I,
)
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _move(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _same_weekday(day: dt.date, year: int, last: bool) -> dt.date:
    """The same weekday of the same month in ``year``, counted from the month's start (or from its
    end: 'final thursday')."""
    days = [
        dt.date(year, day.month, d)
        for d in range(1, calendar.monthrange(year, day.month)[1] + 1)
        if dt.date(year, day.month, d).weekday() == day.weekday()
    ]
    return days[-1] if last else days[(day.day - 1) // 7]


def _convert(
    text: str, grain: str, first: dt.date, last: dt.date, ref: dt.date
) -> tuple[dt.date, dt.date, str] | None:
    """The project's reading where its documented convention differs from natty's."""
    bare = _BARE_WEEKDAY.match(text.strip())
    if bare:
        wanted = _DAYS.index(bare.group("wd")[:3].lower())
        day = ref - dt.timedelta(days=(ref.weekday() - wanted) % 7)
        end = day
        if bare.group("wd2"):
            end = day + dt.timedelta(days=(_DAYS.index(bare.group("wd2")[:3].lower()) - wanted) % 7)
        if (day, end) == (first, last):
            return None
        return day, end, "bare weekday: last such day on or before doc_date"
    if (
        grain in ("Day", "Month")
        and _MONTH_WORD.search(text)
        and not _has_year(text)
        and not _RELATIVE_WORDS.search(text)
    ):
        year = ref.year - 1 if first.month - ref.month > 6 else ref.year
        shift = year - first.year
        if shift and re.search(rf"\b(?:{_WEEKDAY}|{_SHORT_WEEKDAY})\b", text, re.I):
            day = _same_weekday(first, year, bool(re.search(r"\b(?:final|last)\b", text, re.I)))
            return day, day, "yearless: year by the six-month rule"
        if shift:
            return _move(first, shift), _move(last, shift), "yearless: year by the six-month rule"
    return None


def _case(check: dict[str, Any], span: tuple[int, int] | None, ref: dt.date) -> dict[str, Any]:
    """A kept case with its expected interval."""
    text = check["text"]
    span_text = text[span[0] : span[1]] if span else text.strip()
    grain, approximate = _grain(span_text)
    days = [dt.date(y, m, d) for m, d, y in check["values"]]
    first, last = _unit(days[0], grain)[0], _unit(days[-1], grain)[1]
    case: dict[str, Any] = {
        "id": check["id"],
        "text": text,
        "doc_date": ref.isoformat(),
        "span": list(span) if span else None,
        "natty": {"test": check["method"], "values": [d.isoformat() for d in days]},
        "grain": grain,
    }
    converted = _convert(span_text, grain, first, last, ref)
    if converted:
        case["expected"] = [converted[0].isoformat(), converted[1].isoformat()]
        case["converted"] = converted[2]
        case["natty_expected"] = [first.isoformat(), last.isoformat()]
    else:
        case["expected"] = [first.isoformat(), last.isoformat()]
    case["precision"] = _PRECISION[grain]
    case["match"] = "approximate" if approximate else "exact"
    return case


def build(directory: Path, commit: str, licence: str = "") -> dict[str, object]:
    """The suite as a JSON-ready dict."""
    cases: list[dict[str, Any]] = []
    negative: list[dict[str, Any]] = []
    left_out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for name in FILES:
        source = (directory / name).read_text(encoding="utf-8")
        for check in _checks(name, source):
            text = check["text"]
            ref = check["reference"] or RUN_DAY
            if check["none"]:
                key = json.dumps([text, ref])
                if key not in seen:
                    seen.add(key)
                    negative.append({"id": check["id"], "text": text, "doc_date": ref})
                continue
            span: tuple[int, int] | None = None
            located = SPANS.get(text)
            if located is not None:
                start = text.find(located)
                span = (start, start + len(located))
            span_text = text[span[0] : span[1]] if span else text.strip()
            reason = _reason(check, span_text)
            if reason is None and check["method"] == "test" and span is None:
                reason = "unlocated"
            if reason == "duration" and _BARE_COUNT.match(span_text.strip()):
                key = json.dumps([text, ref])
                if key not in seen:
                    seen.add(key)
                    negative.append({"id": check["id"], "text": text, "doc_date": ref})
                continue
            if reason:
                left_out.append({"id": check["id"], "text": text, "reason": reason})
                continue
            case = _case(check, span, dt.date.fromisoformat(ref))
            key = json.dumps([case["text"], case["doc_date"], case["expected"], case["span"]])
            if key in seen:
                left_out.append({"id": case["id"], "text": text, "reason": "duplicate"})
                continue
            seen.add(key)
            cases.append(case)
    first_line = licence.strip().splitlines()[0] if licence.strip() else ""
    return {
        "source": {
            "project": "joestelmach/natty",
            "url": f"https://github.com/joestelmach/natty/tree/{commit}/src/test/java/com/"
            "joestelmach/natty",
            "paths": [f"src/test/java/com/joestelmach/natty/{name}" for name in FILES],
            "commit": commit,
            "licence": f"MIT ({first_line})",
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
    suite = build(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]).read_text(encoding="utf-8"))
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
