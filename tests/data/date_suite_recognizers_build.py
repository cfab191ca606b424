"""Build tests/data/date_suite_recognizers.json from Microsoft Recognizers-Text's English
date-time specs (microsoft/Recognizers-Text, MIT).

Usage: python tests/data/date_suite_recognizers_build.py COMMIT LICENSE SPEC.json [SPEC.json ...]

SPEC files are Specs/DateTime/English/{DateParser,DatePeriodParser,DateTimeModel}.json of
microsoft/Recognizers-Text at COMMIT (for instance ``git -C Recognizers-Text show
COMMIT:Specs/DateTime/English/DateParser.json > DateParser.json``); LICENSE is its LICENSE file at
COMMIT, copied into the output as the MIT licence asks of a copy of a substantial portion.

Only the test sentences, reference days, spans and expected values are taken (data); no
Recognizers-Text code is used. The selection rule (which cases are "news-relevant") was written
down before dates.py was run on any of them, is applied here mechanically, and every left-out case
is kept in the output with its reason, so the rule can be checked.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("date_suite_recognizers.json")

SELECTION = [
    "Source: every case of Recognizers-Text's English DateParser.json, DatePeriodParser.json and "
    "DateTimeModel.json specs (the extractor specs carry no values; the other model specs run "
    "the recognizer in another mode or with options). A case is its Input sentence, its "
    "Context.ReferenceDateTime and its Results; a case with no result is a negative (nothing may "
    "be read in the sentence).",
    "A case with results is left out for the first of these reasons that applies:",
    "no-reference: the spec gives no reference day, so relative values hang on the day the test "
    "runs;",
    "unverified: the spec marks it NotSupported in dotnet, the reference implementation: its "
    "values were never produced by a recognizer;",
    "several: more than one result: the scoring wants exactly one mention in the sentence;",
    "clock: the result is a time, a date with a time, a time range or a date-time range (type "
    "time, datetime, timerange, datetimerange, timezone), or its text holds a clock time or a "
    "part of the day (hh:mm, 5pm, noon, midnight, morning, afternoon, evening, night, tonight, "
    "o'clock, 'now', 'to date');",
    "duration: the result is a duration, or a counted span or offset written 'in N units', "
    "'within N units', 'for N units', 'N next/upcoming/past days', 'the first/last N units of', 'next/last/past/previous/upcoming/coming N units', 'N "
    "units starting ...', 'the last N weeks of', 'N units in the future', 'N units hence', "
    "'rest of ...', 'more/less than N units': in news 'in ten days' and 'the past two weeks' "
    "read as lengths of time, not as dates;",
    "recurring: the result is a set ('every Monday', 'weekly');",
    "holiday: the text names a holiday (Christmas, Thanksgiving, Easter, New Year's Day, "
    "Independence Day, Labor Day, Workers' Day, Eid, Mother's/Father's Day, Valentine's, "
    "Halloween, ...): reading it needs a holiday calendar of a given culture, not date writing;",
    "arithmetic: a count of units before/after another date expression ('two months after next "
    "Friday', '3 days after tomorrow') or a chain of a count and a date ('in 3 days on Friday'): "
    "chat arithmetic, not news writing ('the day after tomorrow' is kept);",
    "jargon: business, calendar-app and chat forms: quarter and half abbreviations (Q3, 2017-q1, "
    "H1, 2016H2), fiscal and school years (FY, SY), business days, 'workweek', 'fortnight', "
    "'w/c', 'my day/week/weekend', EOY, 'otd', 'tmrw', 'cy 2008', and query comparisons ('< "
    "=2019', 'greater than 2015', '2018 or later', '1/1/2016 and after');",
    "misreading: 'last day', 'the last day', 'past day' standing for yesterday (in English 'the "
    "last day' is the final day);",
    "anaphoric: 'same week/month/year', 'that weekend', 'the week', 'the year', 'the day "
    "before/after' and the like "
    "(Mod ref_undef, or an X-only timex): a reference to a date told before, not a date;",
    "season: a season ('summer', 'next spring'): the spec gives it no dates;",
    "era: a year of one to three digits ('year 247');",
    "modifier: a value modifier other than before/after/since/until (open intervals) and "
    "approx/start/mid/end (approximate): 'by end of this month' (before-end), 'more than', "
    "'less than', 'after the middle of';",
    "invalid: the spec's value is 'not resolved' (an impossible day such as 'feb 30 2019');",
    "mixed-grain: a range whose two ends are written at different grains ('between 2015 and Feb "
    "2018', 'from March to date'): the suite states one precision per case;",
    "part-range: a range with a part of a unit at one end ('from 2007 to the end of 2008'): the "
    "spec's value for the part is its own convention (thirds or halves);",
    "duplicate: the same sentence, reference day and expected value as a case kept before.",
    "A negative is left out when its sentence matches the duration or jargon rule ('in two "
    "weeks', 'during H2') or the spec says it is only so outside the default mode "
    "('CalendarMode').",
    "Everything else is kept: written and numeric dates, month-years, yearless days and months, "
    "ranges of days, months and years, weeks, weekends, weekdays, relative days, weeks, months, "
    "quarters and years, 'the Nth week of', decades and centuries, 'N units ago', early/mid/late "
    "and beginning/end of, and open intervals (since, after, before, until: the anchor is the "
    "date read).",
]

SCORING = [
    "doc_date is the date part of the case's Context.ReferenceDateTime; text is the whole Input "
    "sentence and span the recognizer's result span in it.",
    "The expected value is an inclusive day interval. A timex naming one unit (a day, a month "
    "'2016-11', a year, an ISO week '2016-W45' Monday..Sunday, a weekend Saturday..Sunday) is "
    "that unit; the spec's resolution end (exclusive: the first day after) loses a day. A "
    "parenthesised timex '(start,end,Pn)' written as a range in the text (to, till, until, "
    "through, and, a dash) runs from its start to the end of the unit holding its end, the "
    "unit being the duration's (days, weeks, months, years): 'from 4 to 22' is the 4th to the "
    "22nd, '2014-2018' runs to the end of 2018 (the spec's end is the first of the last unit); "
    "without range words ('the third quarter', 'the 1970s') the end is exclusive and loses a "
    "day. Open intervals ('since this August', 'after Feb') expect their anchor's unit (the "
    "timex). Precision: day for days, weeks and weekends, month for months, quarters and "
    "halves, year for years, decades and centuries; a range's precision is its duration unit's.",
    "Conventions converted (the spec's own values kept as recognizers_values): a bare weekday "
    "(timex XXXX-WXX-n, 'Friday', 'on Tuesday') is resolved by the spec to the coming or the "
    "past one; dates.py reads it as the last such day on or before the reference day; a weekday "
    "with a day number ('Wed 13th') takes the spec's past value. A yearless day, month or range "
    "(timex XXXX-MM...) takes the publication year, or the year before when the month lies "
    "more than six months after the publication month (the project's rule): expected is the "
    "spec's value of that year, or its value moved to that year when the spec gives none and "
    "the value does not hang on a weekday. A day without its month (timex XXXX-XX-DD, 'on the "
    "4th') takes the publication month. A two-digit year or decade without its century "
    "('11/12/35', 'the 70s') takes the latest century that does not put it after the reference "
    "year (the spec gives both centuries).",
    "A reading is correct when find_dates(text, doc_date=...) returns exactly one mention, its "
    "span and the case's span overlap and differ only by whitespace, punctuation and edge "
    "words (in, on, at, the, of, during, around, since, through, from, anytime, sometimes, "
    "after, before), and: exact cases: its day interval equals the expected one and its "
    "precision is the case's; approximate cases (early/mid/late, beginning/start/middle/end, "
    "earlier/later, 'N units ago', approx): its interval contains the expected one and lies "
    "inside the calendar unit the expression counts in, around the expected interval (the "
    "year(s) when the text names years or a year number, the Monday-to-Sunday week(s) when it "
    "names a week, else the month(s)); open cases: its interval is the anchor's unit. A "
    "negative is passed when find_dates reads nothing in its sentence.",
]

_TIME_TYPES = ("time", "datetime", "timerange", "datetimerange", "timezone")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?"
_COUNT = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\w+teen|twenty|thirty|few|a\s+few|several|half|couple(?:\s+of)?|a\s+couple(?:\s+of)?)"
)
_UNITS = r"(?:days?|weeks?|months?|years?|yrs?|quarters?|decades?|centuries|century)"
_CLOCK = re.compile(
    r"\d{1,2}[:.]\d\d\s*(?:am|pm)|\d{1,2}:\d\d|\d\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|"
    r"\b(?:noon|midnight|morning|afternoon|evening|night|tonight|o\s*clock|now|to\s+date)\b|"
    r"\b(?:hours?|minutes?|seconds?)\b",
    re.I,
)
_DURATION = re.compile(
    rf"\b(?:in|within|for)\s+(?:the\s+)?(?:next\s+|upcoming\s+|coming\s+)?{_COUNT}\s+{_UNITS}"
    rf"|\b(?:next|last|past|previous|upcoming|coming)\s+{_COUNT}\s*{_UNITS}"
    rf"|\b{_COUNT}\s+{_UNITS}\s+(?:starting|beginning|in\s+the\s+future|hence)"
    rf"|\b{_COUNT}\s+(?:next|last|past|previous|upcoming|coming|following)\s+"
    r"(?:days|weeks|months|years|quarters|decades)\b"
    rf"|\b(?:following|first|last)\s+{_COUNT}\s+{_UNITS}"
    rf"|\brest\s+(?:of\s+)?|\bremaining\b|\b(?:more|less)\s+than\b",
    re.I,
)
_HOLIDAY = re.compile(
    r"thanksgiving|christmas|xmas|easter|new\s+year'?s?\s*(?:eve|day)?\b|valentine|"
    r"mother'?s\s+day|father'?s\s+day|memorial\s+day|independence\s+day|labou?r\s+day|"
    r"workers'?\s+day|halloween|black\s+friday|\bmlk\b|martin\s+luther|\beid\b|ramadan|"
    r"veterans\s+day|columbus\s+day|boxing\s+day|(?:st\.?|saint)\s+patrick|earth\s+day|groundhog|thanks\s*giving|"
    r"inauguration|election\s+day|yuandan|\bdiwali\b|\bholi\b|hanukk?ah|passover|kwanzaa",
    re.I,
)
_ARITHMETIC = re.compile(
    rf"\b{_COUNT}\s+{_UNITS}\s+(?:before|after|from|later)\s+(?!now\b|today\b)\S"
    rf"|\bin\s+{_COUNT}\s+{_UNITS}\s+on\b|\blater\b(?!\s+(?:this|in\s+the))",
    re.I,
)
_JARGON = re.compile(
    r"\bq[1-4]\b|\b\d{4}\s*-?\s*q[1-4]\b|\bq[1-4]\s*(?:of\s+)?\d{4}|\bh[12]\b|\d{4}h[12]\b|"
    r"\b(?:fy|sy)\s*\d*\b|business\s+days?|\bworkweek\b|\bwork\s+week\b|\bfortnight\b|\bw/c\b|"
    r"\bmy\s+(?:day|week|weekend|month|year)\b|[<>]\s*=|^=|\bqtr\b|\bcalendar\s+year\b|"
    r"\b(?:eoy|eom|boy|bom|otd|tmrw)\b|\bcy\s*\d+|\bworking\s+week\b|greater\b|"
    r"\band\s+after$",
    re.I,
)
_QUERY = re.compile(r"\b(?:or|and)\s+(?:later|after|greater)\b|\b(?:later|greater)\s+than\b", re.I)
_ANAPHORIC = re.compile(
    r"\b(?:same|that)\s+(?:day|week|weekend|month|year)\b|^the\s+(?:week|year|month|day)$|"
    r"^the\s+day\s+(?:before|after)$",
    re.I,
)
_APPROX = re.compile(
    r"\b(?:early|earlier|mid|middle|late|later|end|ago|hence|back)\b|\b(?:beginning|start)\s+of\b"
    r"|\bfrom\s+(?:now|today)\b",
    re.I,
)
_RANGE_WORD = re.compile(r"\s+(?:to|till|til|until|through|thru|and|-|–|~)\s+", re.I)
_DASH = r"(?<![a-z])[-–~]|[-–~](?![a-z])|(?<=jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[-–]"
_RANGE_ANY = re.compile(
    rf"\b(?:to|till|til|until|through|thru)\b|\bbetween\b.*\band\b|{_DASH}", re.I
)
_PART = re.compile(r"\b(?:end|start|beginning|middle|mid)\b", re.I)
_MISREADING = re.compile(r"^(?:the\s+)?(?:last|past)\s+day$", re.I)


# --- reading the specs -----------------------------------------------------------------------


def _results(case: dict[str, Any], fmt: str) -> list[dict[str, Any]]:
    """A case's results in one shape: text, start, end (exclusive), type, mod, timex and the
    candidate values [(start, end-exclusive-or-None, day-or-None)]."""
    found = []
    for result in case.get("Results", []):
        if fmt == "parser":
            value = result.get("Value") or {}
            start, end = result["Start"], result["Start"] + result["Length"]
            kind = result.get("Type", "")
            timex = value.get("Timex", "")
            mod = value.get("Mod")
            candidates = []
            for key in ("PastResolution", "FutureResolution"):
                res = value.get(key) or {}
                candidates.append((res.get("startDate"), res.get("endDate"), res.get("date")))
        else:
            start, end = result["Start"], result["End"] + 1
            kind = result.get("TypeName", "").removeprefix("datetimeV2.")
            values = (result.get("Resolution") or {}).get("values") or []
            timex = values[0].get("timex", "") if values else ""
            mod = values[0].get("Mod") if values else None
            candidates = [(v.get("start"), v.get("end"), v.get("value")) for v in values]
        found.append(
            {
                "text": result.get("Text", ""),
                "start": start,
                "end": end,
                "type": kind,
                "mod": mod,
                "timex": timex,
                "candidates": candidates,
            }
        )
    return found


# --- expected values -------------------------------------------------------------------------


def _iso(text: str | None) -> dt.date | None:
    if not text or not re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        return None
    return dt.date.fromisoformat(text)


def _rule_year(month: int, ref: dt.date) -> int:
    """The project's year for a yearless month: the publication year, or the year before when
    the month lies more than six months after the publication month."""
    return ref.year - 1 if month - ref.month > 6 else ref.year


def _century_year(two: int, ref: dt.date) -> int:
    """The latest year ending in ``two`` digits that is not after the reference year."""
    year = ref.year // 100 * 100 + two
    return year - 100 if year > ref.year else year


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _iso_week(year: int, week: int) -> dt.date:
    return dt.date.fromisocalendar(year, week, 1)


def _last_weekday(number: int, ref: dt.date) -> dt.date:
    """The last day of ISO weekday ``number`` (1 = Monday) on or before ``ref``."""
    return ref - dt.timedelta(days=(ref.weekday() - (number - 1)) % 7)


def _move(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _unit(timex: str, ref: dt.date, text: str) -> tuple[dt.date, dt.date, str, str] | None:
    """(first, last, precision, conversion) of a timex naming one unit, None for other forms."""
    match = re.fullmatch(r"(\d{4}|XXXX|XX\d\d)(?:-(\d\d|XX)(?:-(\d\d))?)?", timex)
    if match:
        year_s, month_s, day_s = match.groups()
        note = ""
        if year_s.startswith("XX") and year_s != "XXXX":
            year_s = str(_century_year(int(year_s[2:]), ref))
            note = "two-digit year: latest century not after doc_date"
        if month_s == "XX":
            if year_s != "XXXX" or day_s is None:
                return None
            day = dt.date(ref.year, ref.month, int(day_s))
            return day, day, "day", "day without month: the publication month"
        if year_s == "XXXX":
            if month_s is None:
                return None
            year_s = str(_rule_year(int(month_s), ref))
            note = "yearless: year by the six-month rule"
        year = int(year_s)
        if month_s is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", note
        first = dt.date(year, int(month_s), 1)
        if day_s is None:
            return first, _month_end(first), "month", note
        day = first.replace(day=int(day_s))
        return day, day, "day", note
    match = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", timex)
    if match:
        monday = _iso_week(int(match.group(1)), int(match.group(2)))
        if match.group(3):
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "day", ""
        return monday, monday + dt.timedelta(days=6), "day", ""
    match = re.fullmatch(r"XXXX-WXX-([1-7])", timex)
    if match and not re.search(r"\d", text):
        day = _last_weekday(int(match.group(1)), ref)
        return day, day, "day", "bare weekday: last such day on or before doc_date"
    return None


def _candidate_intervals(
    candidates: list[tuple[str | None, str | None, str | None]],
) -> list[tuple[dt.date, dt.date | None]]:
    """Each candidate as (first day, exclusive end or None for a single day)."""
    found = []
    for start, end, day in candidates:
        if _iso(day):
            found.append((_iso(day), None))
        elif _iso(start) or _iso(end):
            found.append((_iso(start) or _iso(end), _iso(end)))
    return found


def _side_grain(side: str) -> str | None:
    """The grain one end of a written range names (day, week, month, year), if any."""
    lower = side.lower()
    bare = re.sub(r"(?<!\d)\d{4}(?!\d)", " ", lower)
    if re.search(
        r"(?<![\d/])\d{1,2}(?:st|nd|rd|th)?\b|\b(?:today|tomorrow|yesterday|now|date|first|second|"
        r"third|fourth|fifth|ninth|tenth|\w+teenth|\w+tieth|twenty-\w+|thirty-\w+)\b|"
        rf"\b{_WEEKDAY}(?![a-z])",
        bare,
    ):
        return "day"
    if re.search(r"\bweek\b", lower):
        return "week"
    if re.search(rf"\b{_MONTH}(?![a-z])", lower):
        return "month"
    if re.search(r"\d{4}|thousand|hundred|nineteen", lower):
        return "year"
    return None


def _sides(text: str) -> list[str]:
    """The two ends of a written range (one item when no separator is found)."""
    body = re.sub(r"^(?:from|between|in)\s+", "", text, flags=re.I)
    sides = _RANGE_WORD.split(body, 1)
    if len(sides) == 1:
        sides = re.split(_DASH, body, maxsplit=1, flags=re.I)
    return sides


def _part(
    unit: tuple[dt.date, dt.date], candidates: list[tuple[dt.date, dt.date | None]]
) -> dt.date | None:
    """For an early/mid/late part of a unit: the day any reading of that part holds (the unit's
    first day for a part at its start, its last day for a part at its end, else the middle day
    of the spec's part), from the spec's value of that unit (None when it gives the whole unit
    or none of it)."""
    first, last = unit
    for start, end in candidates:
        if end is None:
            continue
        years = first.year - start.year
        if years and (first.month, first.day) != (1, 1):
            years = 0
        start, end = _move(start, years), _move(end, years)
        stop = end - dt.timedelta(days=1)
        if not (first <= start and stop <= last) or (start, stop) == (first, last):
            continue
        if start == first:
            return first
        if stop == last:
            return last
        return start + (stop - start) // 2
    return None


def _expected(
    result: dict[str, Any], ref: dt.date, approximate: bool
) -> tuple[tuple[dt.date, dt.date, str, str] | None, str | None]:
    """((first, last, precision, conversion), None), or (None, reason left out)."""
    timex, text = result["timex"].split("|")[0], result["text"]
    candidates = _candidate_intervals(result["candidates"])
    try:
        unit = _unit(timex, ref, text)
    except ValueError:  # a day the month lacks in the rule's year (29 February)
        return None, "invalid"
    if unit and result["type"] == "daterange" and unit[0] == unit[1]:
        # the week or month of a day ('week of september 16th', 'the week starting february
        # 4'): the spec's value holding that day
        holding = [c for c in candidates if c[1] and c[0] <= unit[0] < c[1]]
        if not holding:
            return None, "invalid"
        first, end = holding[0]
        last = end - dt.timedelta(days=1)
        precision = "month" if first.day == 1 and last == _month_end(first) else "day"
        return (first, last, precision, unit[3]), None
    if unit:
        if approximate:
            day = _part((unit[0], unit[1]), candidates)
            if day:
                note = "; ".join(
                    x for x in (unit[3], "part of a unit: its edge or middle day") if x
                )
                return (day, day, unit[2], note), None
        return unit, None
    ranged = re.fullmatch(r"\(([^,]+),([^,]+),P(\d+)(D|W|M|Y)\)", timex)
    if ranged:
        start_s, _, _, grain = ranged.groups()
        if _PART.search(text) and _RANGE_ANY.search(text):
            return None, "part-range"
        yearless = start_s.startswith("XXXX-")
        chosen = candidates[0] if candidates else None
        note = ""
        if yearless and len(candidates) > 1:
            year = _rule_year(int(start_s[5:7]), ref)
            same = [c for c in candidates if c[0].year == year]
            chosen = same[0] if same else candidates[-1]
            note = "yearless: year by the six-month rule"
            if not same:
                chosen = (
                    _move(chosen[0], year - chosen[0].year),
                    chosen[1] and _move(chosen[1], year - chosen[0].year),
                )
        elif start_s.startswith("XX") and not yearless and len(candidates) > 1:
            chosen = max((c for c in candidates if c[0].year <= ref.year), key=lambda c: c[0])
            note = "two-digit year: latest century not after doc_date"
        if chosen is None or chosen[1] is None:
            return None, "invalid"
        first, end = chosen
        if start_s[-5:] != first.isoformat()[-5:]:
            return None, "invalid"  # the spec moved a day the year lacks (29 February)
        precision = {"D": "day", "W": "day", "M": "month", "Y": "year"}[grain]
        if _RANGE_ANY.search(text):
            sides = _sides(text)
            if len(sides) == 2:
                grains = {_side_grain(side) for side in sides} - {None}
                if len(grains) > 1:
                    return None, "mixed-grain"
            if grain == "D":
                last = end
            elif grain == "W":
                last = end + dt.timedelta(days=6)
            elif grain == "M":
                last = _month_end(end)
            else:
                last = dt.date(end.year, 12, 31)
        else:
            last = end - dt.timedelta(days=1)
        return (first, last, precision, note), None
    # other forms (the Nth week of a month, the Nth weekday of a month, a weekday with a day
    # number): the spec's value, of the six-month rule's year when it is yearless (the past
    # value for a weekday with a day number)
    if not candidates or any(c[1] is None and result["type"] == "daterange" for c in candidates):
        return None, "invalid"
    note = ""
    chosen = candidates[-1]
    if timex.startswith("XXXX-WXX-"):
        chosen = candidates[0]
        note = "weekday with a day: the past value"
    elif re.match(r"XXXX-\d\d", timex):
        year = _rule_year(int(timex[5:7]), ref)
        same = [c for c in candidates if c[0].year == year]
        if same:
            chosen = same[0]
            note = "yearless: year by the six-month rule"
        else:
            note = "yearless, weekday-dependent: left as the spec has it"
    first, end = chosen
    if end is None:
        return (first, first, "day", note), None
    last = end - dt.timedelta(days=1)
    precision = "month" if first.day == 1 and last == _month_end(first) else "day"
    return (first, last, precision, note), None


def _open_anchor(result: dict[str, Any], ref: dt.date) -> tuple[dt.date, dt.date, str, str] | None:
    """The anchor unit of an open interval (since/after/before/until), from its timex."""
    try:
        return _unit(result["timex"], ref, result["text"])
    except ValueError:
        return None


# --- the selection ---------------------------------------------------------------------------


def _reason(case: dict[str, Any], results: list[dict[str, Any]]) -> str | None:
    """Why a case with results is left out (None when kept)."""
    if not (case.get("Context") or {}).get("ReferenceDateTime"):
        return "no-reference"
    if "dotnet" in (case.get("NotSupported") or "").lower():
        return "unverified"
    if len(results) > 1:
        return "several"
    result = results[0]
    text, kind, timex, mod = result["text"], result["type"], result["timex"], result["mod"]
    if kind in _TIME_TYPES or _CLOCK.search(text) or timex == "PRESENT_REF":
        return "clock"
    if kind == "duration" or _DURATION.search(text):
        return "duration"
    if kind == "set":
        return "recurring"
    if _HOLIDAY.search(text):
        return "holiday"
    if _QUERY.search(text):
        return "jargon"
    if _ARITHMETIC.search(text):
        return "arithmetic"
    if _JARGON.search(text) or re.search(r"FY|SY|BD\)", timex):
        return "jargon"
    if _MISREADING.search(text):
        return "misreading"
    if mod == "ref_undef" or _ANAPHORIC.search(text) or re.fullmatch(r"[XW-]+(?:-WE)?", timex):
        return "anaphoric"
    if re.search(r"(?:^|-)(?:SP|SU|FA|WI)$", timex):
        return "season"
    if re.fullmatch(r"0\d{3}(?:-.*)?", timex):
        return "era"
    if mod and mod not in ("before", "after", "since", "until", "approx", "start", "mid", "end"):
        return "modifier"
    values = [c for c in result["candidates"] if any(c)]
    if not values or any("not resolved" in (v or "") for c in values for v in c):
        return "invalid"
    if kind not in ("date", "daterange"):
        return "clock"
    return None


def _negative_reason(case: dict[str, Any]) -> str | None:
    text = case["Input"]
    if _DURATION.search(text):
        return "duration"
    if _JARGON.search(text):
        return "jargon"
    if "calendarmode" in (case.get("Comment") or "").replace(" ", "").lower():
        return "calendar-mode"
    return None


def build(paths: list[Path], commit: str, licence: str = "") -> dict[str, object]:
    """The suite as a JSON-ready dict."""
    cases: list[dict[str, Any]] = []
    negative: list[dict[str, Any]] = []
    left_out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for path in paths:
        fmt = "model" if "Model" in path.name else "parser"
        spec = json.loads(path.read_text(encoding="utf-8-sig"))
        for index, case in enumerate(spec):
            case_id = f"{path.stem}:{index}"
            text = case["Input"]
            results = _results(case, fmt)
            reference = ((case.get("Context") or {}).get("ReferenceDateTime") or "")[:10]
            if not results:
                reason = _negative_reason(case)
                if reason:
                    left_out.append({"id": case_id, "text": text, "reason": reason})
                    continue
                key = json.dumps([text, reference])
                if key not in seen:
                    seen.add(key)
                    negative.append(
                        {"id": case_id, "text": text, "doc_date": reference or "2016-11-07"}
                    )
                continue
            reason = _reason(case, results)
            result = results[0] if len(results) == 1 else None
            record = {
                "id": case_id,
                "text": text,
                "reason": reason,
                "results": [r["text"] for r in results],
            }
            if reason:
                left_out.append(record)
                continue
            assert result is not None
            ref = dt.date.fromisoformat(reference)
            mod = result["mod"]
            if mod in ("before", "after", "since", "until"):
                value, why = _open_anchor(result, ref), None
                if value is None:
                    why = "modifier"
            else:
                approximate = mod in ("approx", "start", "mid", "end") or bool(
                    _APPROX.search(result["text"])
                )
                value, why = _expected(result, ref, approximate)
            if value is None:
                left_out.append({**record, "reason": why})
                continue
            first, last, precision, note = value
            span = [result["start"], result["end"]]
            if text[span[0] : span[1]].lower() != result["text"].lower():
                found = text.lower().find(result["text"].lower())
                span = [found, found + len(result["text"])] if found >= 0 else None
            entry: dict[str, Any] = {
                "id": case_id,
                "text": text,
                "doc_date": reference,
                "span": span,
                "expression": text[span[0] : span[1]] if span else result["text"],
                "recognizers": {
                    "timex": result["timex"],
                    "type": result["type"],
                    "values": [list(c) for c in result["candidates"]],
                },
                "expected": [first.isoformat(), last.isoformat()],
                "precision": precision,
            }
            if mod:
                entry["recognizers"]["mod"] = mod
            if note:
                entry["converted"] = note
            if mod in ("before", "after", "since", "until"):
                entry["match"] = "open"
            elif mod in ("approx", "start", "mid", "end") or _APPROX.search(result["text"]):
                entry["match"] = "approximate"
            else:
                entry["match"] = "exact"
            key = json.dumps([text, reference, entry["expected"]])
            if key in seen:
                left_out.append({**record, "reason": "duplicate"})
                continue
            seen.add(key)
            cases.append(entry)
    return {
        "source": {
            "project": "microsoft/Recognizers-Text",
            "url": f"https://github.com/microsoft/Recognizers-Text/tree/{commit}/Specs/DateTime/English",
            "paths": [f"Specs/DateTime/English/{path.name}" for path in paths],
            "commit": commit,
            "licence": "MIT (Copyright (c) Microsoft Corporation)",
            "licence_text": [line.strip() for line in licence.splitlines()],
        },
        "selection": SELECTION,
        "scoring": SCORING,
        "cases": cases,
        "negative": negative,
        "left_out": left_out,
    }


def main() -> None:
    """Write the suite next to this script."""
    commit, licence = sys.argv[1], sys.argv[2]
    paths = [Path(p) for p in sys.argv[3:]]
    suite = build(paths, commit, Path(licence).read_text(encoding="utf-8-sig"))
    OUT.write_text(json.dumps(suite, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    reasons: dict[str, int] = {}
    for item in suite["left_out"]:  # type: ignore[attr-defined]
        reasons[item["reason"]] = reasons.get(item["reason"], 0) + 1
    print(
        f"{len(suite['cases'])} cases and {len(suite['negative'])} negatives kept, "  # type: ignore[arg-type]
        f"left out: {dict(sorted(reasons.items(), key=lambda kv: -kv[1]))}"
    )


if __name__ == "__main__":
    main()
