"""Date reading measured on a second outside test suite: the news-relevant part of chrono's English
tests (tests/data/date_suite_chrono.json, built by date_suite_chrono_build.py; its header states
the source commit, the licence, and the selection and scoring rules). The share read correctly is
printed and asserted; the misses left on purpose are listed and checked to stay exactly those."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from wpk_archive.core.dates import DateMention, find_dates

SUITE = Path(__file__).resolve().parent.parent / "data" / "date_suite_chrono.json"
EDGE = re.compile(
    r"(?:\s|[,.;:()'\"!?]|\b(?:in|on|at|the|of|during|around|since|through|from|by|after|before|"
    r"sometime|towards|early|mid|late|end|beginning|start|middle)\b)*",
    re.IGNORECASE,
)
# 174/198 = 0.879 reached; the first run, before any change for this suite: 140/198 = 0.707
# (and 85 of its 98 negatives read nothing; now all do)
REACHED = 0.87

_AMBIGUOUS = (
    "a numeric date whose first two numbers are both 12 or less is read only when a weekday or "
    "the other end of a range decides the order: US and British writing read it the other way "
    "round (the suite holds both readings of '6/10/2018' and of '8/10/2012')"
)
_YEARLESS_NUMERIC = "a yearless d/m or m/d is not read: a fraction or a score as often as a date"
_NARRATIVE = (
    "'the next day' and 'N days later' count from a day the story told ('two days later, the "
    "talks resumed'), not from the report's day; without such a day they are not read"
)
_WEEKDAY_YEAR = (
    "chrono's value does not fall on the weekday the text names (10 January 2013 was a Thursday); "
    "the reader takes the year around the publication in which it does (2012)"
)
_THIS_WEEKDAY = (
    "'this <weekday>' is that day of the current Monday-to-Sunday week; said on a Sunday, chrono "
    "takes the coming one"
)
_RELATIVE_RANGE = (
    "a range between two relative days ('today - next friday') is not read; 'next friday' alone is"
)

# Misses left on purpose, by case id, with the reason (kept in step with the code by
# test_misses_are_known).
KNOWN_MISSES: dict[str, str] = {
    "en:54": _AMBIGUOUS,  # 6/10/2018 (chrono.en: June 10)
    "en:57": _AMBIGUOUS,  # 6/10/2018 (chrono.en.GB: October 6)
    "en_slash:12": _AMBIGUOUS,  # 8/10/2012
    "en_slash:29": _AMBIGUOUS,  # : 8/1/2012
    "en_slash:41": _AMBIGUOUS,  # The Deadline is 8/10/2012
    "en_slash:68": _AMBIGUOUS,  # 8/10/2012 (chrono.en.GB)
    "en_slash:144": _YEARLESS_NUMERIC,  # 8/10
    "en_slash:279": _YEARLESS_NUMERIC,  # 14/4 90
    "en_slash:228": "a numeric date right after a slash ('/05/25/2015') is taken as part of a path "
    "or a longer number, as in '1/05/25/2015'",
    "en_casual:193": _RELATIVE_RANGE,  # The event is today - next friday
    "en_casual:214": _RELATIVE_RANGE,
    "en_month:123": "a month name standing alone, without a preposition ('May'), is not read (May "
    "and March are words too)",
    "en_month_name_little_endian:65": _WEEKDAY_YEAR,  # Tuesday, 10 January
    "en_month_name_little_endian:78": _WEEKDAY_YEAR,  # Tue, 10 January
    "en_month_name_middle_endian:101": _WEEKDAY_YEAR,  # Tuesday, January 10
    "en_month_name_middle_endian:142": "a comma between a month and its day ('Sunday, March, 6th "
    "2016') is not read: 'in March, 6 people were hurt' counts people",
    "en_relative:98": _NARRATIVE,  # next day
    "en_time_units_later:6": _NARRATIVE,  # 2 days later
    "en_time_units_later:39": _NARRATIVE,  # 3 week later
    "en_time_units_ago:224": "'a few days ago' names no number of days; it is not read",
    "en_weekday:126": _THIS_WEEKDAY,  # This Saturday, on Sunday 2022-08-07
    "en_weekday:138": _THIS_WEEKDAY,  # This Wednesday, on Sunday 2022-08-07
    "en_year_month_day:38": "numbers separated by spaces ('2014 12 28') are not read as a date: in "
    "prose and tables they are as often three counts",
}


def _suite() -> dict[str, Any]:
    return json.loads(SUITE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _first_day(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    month = parts[1] if len(parts) > 1 else 12
    return dt.date(parts[0], month, calendar.monthrange(parts[0], month)[1])


def _enclosing(case: dict[str, Any], first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar unit a count ('5 years ago', '2 weeks ago', '5 days from now') counts in,
    around the expected interval: the year(s) for years, the Monday-to-Sunday week(s) for weeks,
    else the month(s)."""
    if case["grain"] == "Year":
        return dt.date(first.year, 1, 1), dt.date(last.year, 12, 31)
    if re.search(r"\bweeks?\b", case["text"], re.IGNORECASE):
        return first - dt.timedelta(days=first.weekday()), last + dt.timedelta(
            days=6 - last.weekday()
        )
    return first.replace(day=1), _last_day(f"{last.year}-{last.month:02d}")


def _spans_agree(text: str, ours: tuple[int, int], theirs: tuple[int, int]) -> bool:
    """Whether two spans overlap and differ only by edge words, qualifiers and punctuation."""
    if ours[0] >= theirs[1] or theirs[0] >= ours[1]:
        return False
    left = text[min(ours[0], theirs[0]) : max(ours[0], theirs[0])]
    right = text[min(ours[1], theirs[1]) : max(ours[1], theirs[1])]
    return bool(EDGE.fullmatch(left) and EDGE.fullmatch(right))


def judge(case: dict[str, Any]) -> tuple[bool, str]:
    """Whether find_dates reads the case as the suite expects, and what it read."""
    text = case["text"]
    found = find_dates(text, doc_date=case["doc_date"])
    shown = "; ".join(f"{m.text!r}={m.start_date}..{m.end_date}/{m.precision}" for m in found)
    if len(found) != 1:
        return False, shown or "nothing"
    mention: DateMention = found[0]
    if case["span"] and not _spans_agree(text, (mention.start, mention.end), tuple(case["span"])):
        return False, f"other span: {shown}"
    return reads_as_expected(case, mention), shown


def reads_as_expected(case: dict[str, Any], mention: DateMention) -> bool:
    """Whether a mention's dates are the case's: exactly (with its precision), or, for an
    approximate case, holding the expected range within the enclosing period."""
    ours = (_first_day(mention.start_date), _last_day(mention.end_date))
    expected = (
        dt.date.fromisoformat(case["expected"][0]),
        dt.date.fromisoformat(case["expected"][1]),
    )
    if case["match"] == "approximate":
        outer = _enclosing(case, *expected)
        return (
            ours[0] <= expected[0]
            and expected[1] <= ours[1]
            and outer[0] <= ours[0]
            and ours[1] <= outer[1]
        )
    return ours == expected and mention.precision == case["precision"]


def _results() -> list[tuple[dict[str, Any], bool, str]]:
    return [(case, *judge(case)) for case in _suite()["cases"]]


def test_share_read_correctly() -> None:
    results = _results()
    hits = sum(ok for _, ok, _ in results)
    share = hits / len(results)
    print(f"\nchrono EN news-relevant suite: {hits}/{len(results)} = {share:.3f}")
    raw = [
        judge({**case, "expected": case.get("chrono_expected", case["expected"])})[0]
        for case in _suite()["cases"]
    ]
    print(
        f"  against chrono's unconverted values: {sum(raw)}/{len(raw)} = {sum(raw) / len(raw):.3f}"
    )
    for case, ok, shown in results:
        if not ok:
            print(
                f"  MISS {case['id']} {case['text']!r} @ {case['doc_date']} expected "
                f"{case['expected']} {case['precision']} ({case['match']}): {shown}"
            )
    assert share >= REACHED


def test_misses_are_known() -> None:
    misses = {case["id"] for case, ok, _ in _results() if not ok}
    assert misses == set(KNOWN_MISSES)


@pytest.mark.parametrize(
    "negative", _suite()["negative"], ids=[n["id"] for n in _suite()["negative"]]
)
def test_negative_reads_nothing(negative: dict[str, str]) -> None:
    assert find_dates(negative["text"], doc_date=negative["doc_date"]) == []
