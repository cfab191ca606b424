"""Readings added for the classes of misses the natty suite showed (branch suite6): clipped
weekdays after next/last/this coming ("next thurs", "tues this week"), "Tuesday before last",
"final Thursday in April", lower-case "may" before an ordinal day, and a year told after a
yearless date as "'80" or "in the year 1980" (:mod:`wpk_archive.core.date_year_tails`); and the
words that must stay no date."""

from __future__ import annotations

import pytest

from wpk_archive.core.dates import find_dates

DOC = "2011-02-28"  # a Monday


def _read(text: str, doc: str = DOC) -> list[tuple[str, str, str, str]]:
    return [(m.text, m.start_date, m.end_date, m.precision) for m in find_dates(text, doc_date=doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks resume next thurs.", ("next thurs.", "2011-03-10")),
        ("He left last Mon.", ("last Mon.", "2011-02-21")),
        ("They met this past mon in Seoul.", ("this past mon", "2011-02-21")),
        ("due this coming Fri", ("this coming Fri", "2011-03-04")),
        ("The vote is set for next Wed.", ("next Wed.", "2011-03-09")),
        ("It opens tues this week.", ("tues this week", "2011-03-01")),
        ("The plenum met on Tuesday before last.", ("Tuesday before last", "2011-02-15")),
        ("on the final Thursday in April", ("the final Thursday in April", "2011-04-28")),
        ("the final thurs in sep", ("the final thurs in sep", "2010-09-30")),
        ("the second Tues. in May", ("the second Tues. in May", "2011-05-10")),
    ],
)
def test_relative_weekdays(text: str, expected: tuple[str, str]) -> None:
    found = _read(text)
    assert [(f[0], f[1]) for f in found] == [expected]
    assert found[0][1] == found[0][2] and found[0][3] == "day"


def test_lower_case_may_before_an_ordinal_day() -> None:
    assert _read("from may 2nd to 5th") == [
        ("from may 2nd to 5th", "2011-05-02", "2011-05-05", "day")
    ]


@pytest.mark.parametrize(
    ("text", "doc", "expected"),
    [
        ("in jan '80", "2017-01-25", ("jan '80", "1980-01", "1980-01", "month")),
        (
            "born on the thirty first of december '80,",
            "2017-01-25",
            ("the thirty first of december '80", "1980-12-31", "1980-12-31", "day"),
        ),
        (
            "the 2nd thursday in sept. '02",
            "2017-01-25",
            ("the 2nd thursday in sept. '02", "2002-09-12", "2002-09-12", "day"),
        ),
        (
            "on Oct 3 '16 the congress",
            "2017-01-25",
            ("Oct 3 '16", "2016-10-03", "2016-10-03", "day"),
        ),
        (
            "It was founded on the first of December in the year 1980.",
            "2017-01-25",
            ("the first of December in the year 1980", "1980-12-01", "1980-12-01", "day"),
        ),
        (
            "the 1st oct in the year '89",
            "2017-01-25",
            ("1st oct in the year '89", "1989-10-01", "1989-10-01", "day"),
        ),
        (
            "In December in the year 2011 the party met",
            "2017-01-25",
            ("December in the year 2011", "2011-12", "2011-12", "month"),
        ),
    ],
)
def test_year_told_after_a_date(text: str, doc: str, expected: tuple[str, str, str, str]) -> None:
    assert _read(text, doc) == [expected]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The chairman last sat in the chamber in silence.", "sat"),
        ("He first sat in the front row in March 2010.", "sat"),
        ("The Sun this week said nothing.", "Sun"),
        ("You may 2 of them", "may"),
        ("the last Mon king", "Mon"),
        ("a mon and a fri", "mon"),
        ("in the '80s and '90s", "'90s'"),
        ("Dec '80's", "Dec"),
        ("in the year of the pig", "year"),
        ("the 2nd of the list, '89 items", "'89"),
        ("last week before last year", "before last"),
    ],
)
def test_no_false_dates(text: str, word: str) -> None:
    assert [m for m in _read(text) if word in m[0]] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They meet a week after this Friday.", ("a week after this Friday", "2011-03-11")),
        ("two weeks after this friday", ("two weeks after this friday", "2011-03-18")),
        ("It closed three days after March 3.", ("three days after March 3", "2011-03-06")),
        ("on the Monday before May 25", ("the Monday before May 25", "2011-05-23")),
        ("the Friday after 4 July 2010", ("the Friday after 4 July 2010", "2010-07-09")),
        ("The day before March 3, 2010, they met", ("The day before March 3, 2010", "2010-03-02")),
        ("the day after March 3", ("the day after March 3", "2011-03-04")),
    ],
)
def test_counted_from_a_named_day(text: str, expected: tuple[str, str]) -> None:
    assert [(m[0], m[1]) for m in _read(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("three sessions after March 3", [("March 3", "2011-03-03")]),
        ("two days before March 3", [("March 3", "2011-03-03")]),
        ("100 days after June 1", [("June 1", "2011-06-01")]),
        ("twelve weeks after March 3", [("March 3", "2011-03-03")]),
        ("two weeks after May 2010", [("May 2010", "2010-05")]),
        ("on Monday before May 25", [("Monday", "2011-02-28"), ("May 25", "2011-05-25")]),
        ("a day after tomorrow's vote", [("tomorrow", "2011-03-01")]),
        ("They meet a week from Friday.", [("Friday", "2011-02-25")]),
        ("a strike for three days from August 28", [("August 28", "2011-08-28")]),
        ("It rained for three days after August 28.", [("August 28", "2011-08-28")]),
        ("for three nights and four days after August 16", [("August 16", "2011-08-16")]),
    ],
)
def test_counts_that_stay_apart(text: str, read: list[tuple[str, str]]) -> None:
    assert [(m[0], m[1]) for m in _read(text)] == read
