"""Build tests/data/date_suite_duckling.json from Duckling's English time corpus.

Usage: python tests/data/date_suite_duckling_build.py PATH/TO/Duckling/Time/EN/Corpus.hs COMMIT LICENSE

(the corpus file and the LICENSE file of facebook/duckling at COMMIT; the licence text is copied
into the output, as the BSD licence asks of a redistribution)

Only the example strings and their expected values are taken (data); no Duckling code is used.
The selection rule (which examples are "news-relevant") is applied here, mechanically, and every
left-out example is kept in the output with the reason, so the rule can be checked.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).with_name("date_suite_duckling.json")
REFERENCE = "2013-02-12"  # Duckling's testContext: Tuesday 2013-02-12 04:30
DIFF_REFERENCE = "2013-02-15"  # Duckling's diffContext

SELECTION = [
    "Source: the example blocks of Duckling's English `defaultCorpus` (allExamples plus the "
    "default-locale additions) and, where the version has them, `diffCorpus`; `latentCorpus` is "
    "left out whole (Duckling itself only reads those bare numbers and bare month names when "
    "asked for latent readings); `negativeCorpus` is kept as non-dates (nothing may be read in "
    "them).",
    "An example is news-relevant unless one of these reasons applies (checked in this order):",
    "clock: its value has a clock grain (Second, Minute, Hour): times of day, parts of the day, "
    "'tonight', 'after lunch';",
    "holiday: its value is a named holiday (Duckling's datetimeHoliday/datetimeIntervalHoliday, or "
    "a text naming one: Thanksgiving, Christmas/xmas, Easter, the ides, New Year's Eve/Day, "
    "Valentine's, Mother's/Father's/Memorial/Independence/Labor Day, Halloween, Black Friday, MLK "
    "Day): reading it needs a holiday calendar of a given culture, not date writing;",
    "duration: a counted span or a future offset written 'in N units' / 'within N units' / "
    "'for N days' / 'next|last|past|upcoming N units' / 'next few days': in news 'in ten days' "
    "and 'the last two years' read as lengths of time ('completed in 70 days'), not as dates;",
    "jargon: the clipped business/chat abbreviations qtr, yr, EOM, BOM, EOY, BOY, and a clipped "
    "weekday standing alone as the whole text ('mon.', 'thu', 'sat', 'sun'): news writes such "
    "abbreviations only next to a date ('Sun, Feb 10', which is kept).",
    "Everything else is kept: calendar dates at Day, Week, Month, Quarter and Year grain, ranges, "
    "relative dates (today, yesterday, tomorrow, last/next week|month|year, N units ago, N units "
    "from now / hence), weekdays, parts of months and years, seasons, open intervals "
    "('since 2014': its anchor is the date read).",
]

SCORING = [
    "doc_date is the reference day of Duckling's testContext (2013-02-12, a Tuesday; 2013-02-15 "
    "for diffCorpus).",
    "Duckling's value becomes an inclusive day interval: a single value covers its grain (a Week "
    "is Monday..Sunday, a Quarter three months); an interval's exclusive end loses one day.",
    "The one convention converted: a bare weekday ('monday', 'thu.', 'this monday') is resolved "
    "by Duckling to its next occurrence (an assistant's convention); a news archive reads it as "
    "the last such day on or before the reference day (dates.py's documented rule), so "
    "`expected` holds that day and `duckling` keeps the original.",
    "The second convention converted: a yearless day or month ('12 to 16 september', 'beginning "
    "of January') is resolved by Duckling to its next occurrence; dates.py takes the publication "
    "year, or the year before when the month lies more than six months after the publication "
    "month (the project's rule). Where the two differ and the value does not hang on weekdays "
    "(no weekday or week named), `expected` is Duckling's value moved to that year; 'the first "
    "/ last <weekday> of <month>' is recomputed for that year (the same weekday of the same "
    "month); `duckling` keeps the original, and the share against Duckling's unconverted values "
    "is reported too. 'the week of october 6th' is left as Duckling has it.",
    "A reading is correct when find_dates returns exactly one mention, the text outside its span "
    "is only edge function words (in, on, at, the, of, during, around, since, through, from, "
    "anytime, sometimes, after, before), and: exact examples: its day interval equals the "
    "expected one and its precision is the grain's (day for Day and Week, month for Month and "
    "Quarter, year for Year); approximate examples (early/mid/late, beginning/end, seasons, "
    "'N units ago/hence/from now'): its interval contains the expected one and lies inside the "
    "calendar unit the expression counts in, around the expected interval: the year(s) when the "
    "text names years, a year number or a season, the Monday-to-Sunday week(s) when it names a "
    "week, else the month(s); open intervals: its interval is the anchor's grain unit.",
]

_TUPLE = r"\((-?\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+)\)"
_CTORS = "datetimeIntervalHoliday|datetimeInterval|datetimeHoliday|datetimeOpenInterval|datetime"
_BLOCK = re.compile(rf"examples\s*\(({_CTORS})\s*(.*?)\)\s*\[(.*?)\]", re.S)
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_HOLIDAY_TEXT = re.compile(
    r"thanksgiving|christmas|xmas|easter|\bides\b|new\s+year'?s\s+(?:eve|day)|valentine|"
    r"mother'?s\s+day|father'?s\s+day|memorial\s+day|independence\s+day|labor\s+day|halloween|"
    r"black\s+friday|\bMLK\b|martin\s+luther\s+king",
    re.I,
)
_DURATION = re.compile(
    r"^(?:in|within)\s+(?:\d+|a|an|one|two|three|few|couple|half)\b[\w\s.]*?"
    r"\b(?:sec|seconds?|minutes?|hours?|days?|weeks?|months?|years?|h)\b"
    r"|\bfor\s+\d+\s+days\b"
    r"|\b(?:next|last|past|upcoming)\s+(?:\d+|two|three|few|couple)\b"
    r"|\b(?:\d+|two|three)\s+upcoming\b",
    re.I,
)
_JARGON = re.compile(
    r"\b(?:qtr|yr|EOM|BOM|EOY|BOY)\b|^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$", re.I
)
_APPROX = re.compile(
    r"\b(?:early|mid|late|beginning|end|summer|winter|spring|autumn|fall|seasons?|ago|hence|"
    r"back)\b|\bfrom\s+(?:now|today)\b",
    re.I,
)
_BARE_WEEKDAY = re.compile(
    r"^(?:this\s+)?(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?"
    r"\.?$",
    re.I,
)
_GRAIN_PRECISION = {
    "Day": "day",
    "Week": "day",
    "Month": "month",
    "Quarter": "month",
    "Year": "year",
}


def _day(parts: tuple[int, ...]) -> dt.date | None:
    """The calendar day of a Duckling datetime tuple (None for years outside 1..9999)."""
    year, month, day = parts[:3]
    if year < 1:
        return None
    return dt.date(year, month, day)


def _add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months (day of month kept; used on first days only)."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, day.day)


def _unit_end(start: dt.date, grain: str) -> dt.date:
    """Last day of the grain unit beginning at ``start``."""
    if grain == "Day":
        return start
    if grain == "Week":
        return start + dt.timedelta(days=6)
    if grain == "Month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if grain == "Quarter":
        return _add_months(start, 3) - dt.timedelta(days=1)
    return start.replace(month=12, day=31)


def _expected(ctor: str, tuples: list[tuple[int, ...]], grain: str) -> tuple[str, str] | None:
    """Inclusive (first day, last day) of a Duckling value, or None when not a Gregorian AD day."""
    first = _day(tuples[0])
    if first is None:
        return None
    if ctor == "datetimeInterval":
        last = _day(tuples[1])
        assert last is not None
        return first.isoformat(), (last - dt.timedelta(days=1)).isoformat()
    return first.isoformat(), _unit_end(first, grain).isoformat()


def _last_weekday_on_or_before(text: str, reference: str) -> str:
    """The most recent day named by a bare weekday on or before ``reference``."""
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    word = re.sub(r"^this\s+", "", text.lower()).rstrip(".")
    wanted = names.index(word[:3])
    ref = dt.date.fromisoformat(reference)
    return (ref - dt.timedelta(days=(ref.weekday() - wanted) % 7)).isoformat()


_RELATIVE_WORDS = re.compile(
    r"\b(?:this|next|last|past|previous|current|coming|upcoming|following|after|before|ago|hence|"
    r"from|in\s+(?:a|\d)|today|tomorrow|yesterday|week|weeks|mon|tue|tues|wed|thu|thur|thurs|fri|"
    r"sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\d{4}|\d+/\d+/\d+",
    re.I,
)
_MONTH_WORD = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.I
)


def _yearless_shift(text: str, expected: tuple[str, str] | None, reference: str) -> int:
    """Years to move a yearless, weekday-free date by so that its year is the six-month rule's."""
    if expected is None or not _MONTH_WORD.search(text) or _RELATIVE_WORDS.search(text):
        return 0
    ref = dt.date.fromisoformat(reference)
    if int(expected[0][:4]) not in (ref.year, ref.year + 1):  # a year the text gives ("31-Oct-74")
        return 0
    month = int(expected[0][5:7])
    year = ref.year - 1 if month - ref.month > 6 else ref.year
    return year - int(expected[0][:4])


_NTH_WEEKDAY = re.compile(
    r"^(?:the\s+)?(first|second|third|fourth|last)\s+(monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\s+(?:of|in)\s+([a-z]+)$",
    re.I,
)


def _nth_weekday_moved(
    text: str, expected: tuple[str, str] | None, reference: str
) -> list[str] | None:
    """For a yearless "first tuesday of october" whose year the six-month rule sets differently:
    that weekday of that month in the rule's year."""
    match = _NTH_WEEKDAY.match(text)
    if expected is None or match is None:
        return None
    ref = dt.date.fromisoformat(reference)
    month = int(expected[0][5:7])
    year = ref.year - 1 if month - ref.month > 6 else ref.year
    if year == int(expected[0][:4]):
        return None
    weekday = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].index(
        match.group(2).lower()
    )
    days = [
        dt.date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if dt.date(year, month, d).weekday() == weekday
    ]
    nth = match.group(1).lower()
    day = days[-1] if nth == "last" else days[["first", "second", "third", "fourth"].index(nth)]
    return [day.isoformat(), day.isoformat()]


def _move_years(day: str, years: int) -> str:
    """An ISO day moved by whole years."""
    value = dt.date.fromisoformat(day)
    return value.replace(year=value.year + years).isoformat()


def _sections(source: str) -> dict[str, str]:
    """Top-level Haskell definitions by name."""
    heads = [(m.group(1), m.start()) for m in re.finditer(r"^(\w+) ::", source, re.M)]
    return {
        name: source[start : heads[i + 1][1] if i + 1 < len(heads) else len(source)]
        for i, (name, start) in enumerate(heads)
    }


def build(source: str, commit: str, licence: str = "") -> dict[str, object]:
    """The suite as a JSON-ready dict."""
    source = re.sub(r"^\s*--.*$", "", source, flags=re.M)
    sections = _sections(source)
    cases: list[dict[str, object]] = []
    left_out: list[dict[str, object]] = []
    for section in ("defaultCorpus", "allExamples", "diffCorpus"):
        if section not in sections:  # older versions of the corpus have no diffCorpus
            continue
        reference = DIFF_REFERENCE if section == "diffCorpus" else REFERENCE
        for block in _BLOCK.finditer(sections[section]):
            ctor, args, body = block.groups()
            tuples = [tuple(int(x) for x in t) for t in re.findall(_TUPLE, args)]
            grain_match = re.search(r"\b(Second|Minute|Hour|Day|Week|Month|Quarter|Year)\b", args)
            assert grain_match, args
            grain = grain_match.group(1)
            direction = re.search(r"\b(Before|After)\b", args)
            duckling = {
                "ctor": ctor,
                "values": [f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}" for t in tuples],
                "grain": grain,
            }
            if direction:
                duckling["direction"] = direction.group(1)
            for text in (json.loads(f'"{s}"') for s in _STRING.findall(body)):
                reason = None
                if grain in ("Second", "Minute", "Hour"):
                    reason = "clock"
                elif "Holiday" in ctor or _HOLIDAY_TEXT.search(text):
                    reason = "holiday"
                elif _DURATION.search(text):
                    reason = "duration"
                elif _JARGON.search(text):
                    reason = "jargon"
                if reason:
                    left_out.append({"text": text, "reason": reason, "duckling": duckling})
                    continue
                case: dict[str, object] = {
                    "text": text,
                    "doc_date": reference,
                    "duckling": duckling,
                }
                expected = _expected(ctor, tuples, grain)
                if expected is None:
                    case["expected"] = None  # a BC or year-14 date: not a representable date
                elif _yearless_shift(text, expected, reference):
                    shift = _yearless_shift(text, expected, reference)
                    case["expected"] = [_move_years(day, shift) for day in expected]
                    case["converted"] = "yearless: year by the six-month rule"
                    case["duckling_expected"] = list(expected)
                elif _nth_weekday_moved(text, expected, reference):
                    case["expected"] = _nth_weekday_moved(text, expected, reference)
                    case["converted"] = "yearless: year by the six-month rule"
                    case["duckling_expected"] = list(expected)
                elif _BARE_WEEKDAY.match(text):
                    day = _last_weekday_on_or_before(text, reference)
                    case["expected"] = [day, day]
                    case["converted"] = "bare weekday: last such day on or before doc_date"
                    case["duckling_expected"] = list(expected)
                else:
                    case["expected"] = list(expected)
                case["precision"] = _GRAIN_PRECISION[grain]
                if ctor == "datetimeOpenInterval":
                    case["match"] = "open"
                elif _APPROX.search(text):
                    case["match"] = "approximate"
                else:
                    case["match"] = "exact"
                cases.append(case)
    negative = _STRING.findall(sections["negativeCorpus"])
    return {
        "source": {
            "project": "facebook/duckling",
            "url": f"https://github.com/facebook/duckling/blob/{commit}/Duckling/Time/EN/Corpus.hs",
            "path": "Duckling/Time/EN/Corpus.hs",
            "commit": commit,
            "licence": "BSD-3-Clause (Copyright (c) 2016-present, Facebook, Inc.)",
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
    path, commit, licence = sys.argv[1], sys.argv[2], sys.argv[3]
    suite = build(
        Path(path).read_text(encoding="utf-8"), commit, Path(licence).read_text(encoding="utf-8")
    )
    OUT.write_text(json.dumps(suite, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    reasons: dict[str, int] = {}
    for item in suite["left_out"]:  # type: ignore[attr-defined]
        reasons[item["reason"]] = reasons.get(item["reason"], 0) + 1
    print(f"{len(suite['cases'])} cases kept, left out: {reasons}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
