"""Build tests/data/date_suite_ctparse.json from ctparse's annotated corpus (comtravo/ctparse, MIT).

Usage: python tests/data/date_suite_ctparse_build.py CORPUS COMMIT LICENSE

CORPUS is datasets/timeparse_corpus.json of comtravo/ctparse at COMMIT (``git -C ctparse show
COMMIT:datasets/timeparse_corpus.json > CORPUS``); LICENSE is ctparse's LICENSE at COMMIT, copied
into the output as the MIT licence asks of a copy of a substantial portion.

The corpus is data: a list of real texts (travel requests, mostly German; each tagged with its
language), the time the text was written and ctparse's gold reading. Only those are taken; no
ctparse code is used or run. The selection rule was written down before dates.py was run on any of
the texts, is applied here mechanically, and every left-out entry is kept in the output with its
reason, so the rule can be checked.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("date_suite_ctparse.json")

SELECTION = [
    "Source: every entry of ctparse's datasets/timeparse_corpus.json (text, ref_time, gold_parse, "
    "language). One entry is one case, judged on its whole text; exact duplicates (same text, "
    "reference day and gold) are kept once.",
    "An entry is left out for the first of these reasons that applies:",
    "non-English: its language tag is not 'en';",
    "clock: the gold reading holds a clock time or a part of the day ('(X/morning)');",
    "duration (kept as a negative): the gold reading is a Duration, or the text is only a count of "
    "units ('1 day', '2 nights', 'one week'): a length of time, which a news reader must not read "
    "as a date;",
    "clock: the text holds a clock time or a part of the day (hh:mm, hh.mm after a year, a "
    "number with am/pm, a.m./p.m., noon, midnight, morning, afternoon, evening, night(s), "
    "tonight, o'clock, hour(s), h, min(s), minute(s));",
    "open: an Interval with an open end ('None');",
    "context: the text names no month (by name or in figures), no weekday, no year and no relative "
    "word (today, tomorrow, yesterday, next, last, this, week): a bare day number or ordinal ('25.', "
    "'the 22nd', '24 - 29') is a date only as the answer to a question the corpus does not hold; in "
    "news such numbers are counts, ranks and scores;",
    "misreading: the text writes a month name or a four-digit year that the gold reading does not "
    "hold ('from 13 to 14 November 2017' read as October; 'Friday 08.12.1707' read as 2017): the "
    "gold is not a reading of the text.",
    "Everything else is kept.",
]

SCORING = [
    "doc_date is the entry's ref_time (its date part).",
    "ctparse's gold (a day or an interval of days) becomes an inclusive day interval with "
    "precision day; an interval's two ends are the first end's day and the last end's day.",
    "Conventions converted (ctparse's own value kept as ctparse_expected; ctparse resolves toward "
    "the future, as a booking tool must): a bare weekday (no next/this/following/last, no day "
    "number) is the last such day on or before the reference day (dates.py's documented rule); a "
    "yearless day takes the reference year, or the year before when its month lies more than six "
    "months after the reference month (the project's rule, as in the other suites), unless the "
    "text names the day's weekday and ctparse's day falls on it (the weekday picks the year, as "
    "dates.py does).",
    "Numeric dates keep ctparse's reading: these writers write the day first ('08/10/2017' is 8 "
    "October), as British and European English does.",
    "A reading is correct when exactly one mention of find_dates overlaps the text, the text "
    "outside it is only whitespace, punctuation, brackets and edge words (in, on, at, the, of, "
    "during, around, since, through, from, by, after, before), its day interval equals the "
    "expected one and its precision is day (the judge of the dateparser suite).",
    "A negative is passed when find_dates reads nothing in it.",
]

MONTHS = [
    ("jan", "january"),
    ("feb", "february"),
    ("mar", "march"),
    ("apr", "april"),
    ("may", "may"),
    ("jun", "june"),
    ("jul", "july"),
    ("aug", "august"),
    ("sep", "september"),
    ("oct", "october"),
    ("nov", "november"),
    ("dec", "december"),
]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_WEEKDAY = re.compile(
    r"\b(mon|tue|wed|thu|fri|sat|sun)(?:day|s?day|nesday|rsday|urday|\.|\b|s\b|t\b|r\b|sday)",
    re.IGNORECASE,
)
_MONTH_WORD = re.compile(r"(?<![a-z])(" + "|".join(m[0] for m in MONTHS) + r")[a-z]*\.?", re.I)
_CLOCK = re.compile(
    r"\d:\d\d|(?<=\d{4})\s+\d{1,2}[.]\d\d\b|\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)"
    r"|\b(?:noon|midnight|morning|afternoon|evening|nights?|tonight|o'clock|hours?|h|mins?|"
    r"minutes?)\b",
    re.IGNORECASE,
)
_COUNT_ONLY = re.compile(
    r"\s*(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:days?|nights?|weeks?|months?|years?)\s*",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?:today|tomorrow|yesterday|next|last|this|week|following)\b", re.IGNORECASE
)
_NUMERIC_MONTH = re.compile(r"\d{1,4}\s*[./]\s*\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4}")
_YEAR = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)")
_GOLD_TIME = re.compile(
    r"^(Time|Interval|Duration)\[\]\{(.*)\}$",
)
_GOLD_POINT = re.compile(
    r"(X|\d{4})-(X|\d{2})-(X|\d{2}) (X|\d{2}):(X|\d{2}) \((X|[^/]*)/(X|[^)]*)\)"
)


def _points(gold: str) -> tuple[str, list[re.Match[str] | None]]:
    """The gold's kind and its points (None for an open end)."""
    match = _GOLD_TIME.match(gold)
    if not match:
        raise ValueError(gold)
    kind, body = match.group(1), match.group(2)
    if kind == "Duration":
        return kind, []
    parts = body.split(" - ") if kind == "Interval" else [body]
    return kind, [None if p.strip() == "None" else _GOLD_POINT.fullmatch(p.strip()) for p in parts]


def _day(point: re.Match[str]) -> dt.date | None:
    year, month, day = point.group(1), point.group(2), point.group(3)
    if "X" in (year, month, day):
        return None
    return dt.date(int(year), int(month), int(day))


def _reason(text: str, gold: str) -> str | None:
    """Why an English entry is left out (see SELECTION), or None when it is kept."""
    kind, points = _points(gold)
    if any(p is not None and (p.group(4) != "X" or p.group(7) != "X") for p in points):
        return "clock"
    if kind == "Duration" or _COUNT_ONLY.fullmatch(text):
        return "duration"
    if _CLOCK.search(text):
        return "clock"
    if any(p is None for p in points):
        return "open"
    if not (
        _MONTH_WORD.search(text)
        or _WEEKDAY.search(text)
        or _NUMERIC_MONTH.search(text)
        or _YEAR.search(text)
        or _RELATIVE.search(text)
    ):
        return "context"
    days = [_day(p) for p in points if p is not None]
    if any(d is None for d in days):
        return "partial"
    months = {d.month for d in days if d is not None}
    years = {d.year for d in days if d is not None}
    named = {
        i + 1
        for i, (short, _) in enumerate(MONTHS)
        for m in _MONTH_WORD.finditer(text)
        if m.group(1).lower() == short
    }
    written_years = {int(y) for y in _YEAR.findall(text)}
    if (named and not named & months) or (written_years and not written_years & years):
        return "misreading"
    return None


def _weekday_of(text: str) -> int | None:
    match = _WEEKDAY.search(text)
    return WEEKDAYS.index(match.group(1).lower()) if match else None


def _convert(text: str, ref: dt.date, day: dt.date, weekdays: list[int]) -> tuple[dt.date, str]:
    """One end of ctparse's reading in the project's conventions, with the rule applied."""
    lower = text.lower()
    has_day_number = bool(re.search(r"\d", text))
    relative = bool(re.search(r"\b(?:next|this|following|last|week|today|tomorrow)\b", lower))
    if weekdays and not has_day_number and not relative:
        wanted = day.weekday()
        return ref - dt.timedelta(days=(ref.weekday() - wanted) % 7), "bare weekday"
    if _YEAR.search(text) or re.search(r"\d{1,2}[./-]\d{1,2}[./-]\d{2}(?!\d)", text):
        return day, ""  # the text writes the year
    if relative and not _MONTH_WORD.search(text) and not _NUMERIC_MONTH.search(text):
        return day, ""
    if day.weekday() in weekdays:
        return day, ""  # the weekday picks the year
    year = ref.year - 1 if day.month - ref.month > 6 else ref.year
    try:
        moved = day.replace(year=year)
    except ValueError:  # 29 February
        return day, ""
    return moved, "yearless: year by the six-month rule" if moved != day else ""


def build(corpus: list[dict[str, str]], commit: str, licence: str) -> dict[str, Any]:
    """The suite as a JSON-ready dict."""
    cases: list[dict[str, Any]] = []
    negative: list[dict[str, str]] = []
    left_out: list[dict[str, str]] = []
    seen: set[tuple[str, str, str]] = set()
    for index, entry in enumerate(corpus):
        case_id = f"timeparse:{index}"
        text, gold = entry["text"], entry["gold_parse"]
        ref = dt.date.fromisoformat(entry["ref_time"][:10])
        if entry["language"] != "en":
            left_out.append({"id": case_id, "text": text, "reason": "non-English"})
            continue
        key = (text, ref.isoformat(), gold)
        if key in seen:
            continue
        seen.add(key)
        reason = _reason(text, gold)
        if reason == "duration":
            if any(n["text"] == text for n in negative):  # a count of units, whatever the day
                continue
            negative.append({"id": case_id, "text": text, "doc_date": ref.isoformat()})
            continue
        if reason:
            left_out.append({"id": case_id, "text": text, "reason": reason})
            continue
        _, points = _points(gold)
        days = [_day(p) for p in points if p is not None]
        first, last = days[0], days[-1]
        assert first is not None and last is not None
        weekdays = [WEEKDAYS.index(m.group(1).lower()) for m in _WEEKDAY.finditer(text)]
        start, rule_a = _convert(text, ref, first, weekdays)
        end, rule_b = _convert(text, ref, last, weekdays[-1:] if len(weekdays) > 1 else weekdays)
        if end < start:  # a bare weekday range that the conversion turned around
            start, end, rule_a = first, last, ""
        case: dict[str, Any] = {
            "id": case_id,
            "text": text,
            "doc_date": ref.isoformat(),
            "span": None,
            "ctparse": {"gold_parse": gold, "ref_time": entry["ref_time"]},
            "grain": "Day",
            "expected": [start.isoformat(), end.isoformat()],
            "precision": "day",
            "match": "exact",
        }
        if (start, end) != (first, last):
            case["ctparse_expected"] = [first.isoformat(), last.isoformat()]
            case["converted"] = rule_a or rule_b
        cases.append(case)
    return {
        "source": {
            "project": "comtravo/ctparse",
            "url": f"https://github.com/comtravo/ctparse/blob/{commit}/datasets/timeparse_corpus.json",
            "paths": ["datasets/timeparse_corpus.json"],
            "commit": commit,
            "licence": "MIT (Copyright (c) 2018, Sebastian Mika, Comtravo)",
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
    corpus = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    suite = build(corpus, sys.argv[2], Path(sys.argv[3]).read_text(encoding="utf-8"))
    OUT.write_text(json.dumps(suite, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    reasons: dict[str, int] = {}
    for item in suite["left_out"]:
        reasons[item["reason"]] = reasons.get(item["reason"], 0) + 1
    print(
        f"{len(suite['cases'])} cases and {len(suite['negative'])} negatives kept, "
        f"left out: {reasons}"
    )


if __name__ == "__main__":
    main()
