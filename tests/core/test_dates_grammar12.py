"""Grammar 12 of the date reader: years and days in words, and the other forms added with it
(see wpk_archive/core/date_spelled.py and the modules named in each test's docstring)."""

from __future__ import annotations

import pytest

from wpk_archive.core.dates import find_dates

DOC = "2016-11-07"


def _read(text: str, doc_date: str = DOC) -> list[tuple[str, str, str]]:
    return [(m.text, m.start_date, m.end_date) for m in find_dates(text, doc_date=doc_date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dam was finished in nineteen fifty-six.", [("nineteen fifty-six", "1956", "1956")]),
        (
            "It opened on 3 May nineteen oh five, he said.",
            [("3 May nineteen oh five", "1905-05-03", "1905-05-03")],
        ),
        ("Since two thousand and nine, output rose.", [("two thousand and nine", "2009", "2009")]),
        (
            "He was born on March twenty-two, nineteen forty.",
            [("March twenty-two, nineteen forty", "1940-03-22", "1940-03-22")],
        ),
        (
            "The letter is dated thirty one December nineteen hundred and ten.",
            [("thirty one December nineteen hundred and ten", "1910-12-31", "1910-12-31")],
        ),
        (
            "They met in October two thousand and five.",
            [("October two thousand and five", "2005-10", "2005-10")],
        ),
        (
            "The talks ran from nineteen ninety to nineteen ninety-four.",
            [("from nineteen ninety to nineteen ninety-four", "1990", "1994")],
        ),
    ],
)
def test_years_and_days_in_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Some two thousand and fourteen soldiers took part.",
        "About two thousand.",
        "Nineteen twenty-year-olds were hired.",
        "The price is nineteen ninety nine dollars.",
        "In June three people died.",
        "They may twenty one times try.",
    ],
)
def test_counts_in_words_stay_counts(text: str) -> None:
    words = ("three", "twenty", "thousand", "nineteen")
    assert not any(word in t.lower() for t, _, _ in _read(text) for word in words)


@pytest.mark.parametrize(
    ("text", "doc", "expected"),
    [
        (
            "The drills ran from March 3, 2015 to 4/20/2015.",
            DOC,
            [("from March 3, 2015 to 4/20/2015", "2015-03-03", "2015-04-20")],
        ),
        (
            "Prices rose from 2002 to February 2008, it said.",
            DOC,
            [("from 2002 to February 2008", "2002", "2008")],
        ),
        (
            "Talks continue between May 2015 and 2018 June.",
            DOC,
            [("between May 2015 and 2018 June", "2015-05", "2018-06")],
        ),
        (
            "The exhibition runs from tomorrow to Sunday.",
            "2016-11-09",
            [("from tomorrow to Sunday", "2016-11-10", "2016-11-13")],
        ),
        (
            "Visits are banned today through Friday.",
            "2016-11-08",
            [("today through Friday", "2016-11-08", "2016-11-11")],
        ),
        (
            "The fair lasts from 12 to June 20, 2014.",
            DOC,
            [("from 12 to June 20, 2014", "2014-06-12", "2014-06-20")],
        ),
        (
            "The festival was held 2014-08-01 - 09/15/2014.",
            DOC,
            [("2014-08-01 - 09/15/2014", "2014-08-01", "2014-09-15")],
        ),
    ],
)
def test_ranges_of_two_forms(text: str, doc: str, expected: list[tuple[str, str, str]]) -> None:
    """date_joins: ranges whose ends the rules read apart."""
    assert _read(text, doc) == expected


@pytest.mark.parametrize(
    "text",
    [
        "They met on May 5 and on June 10 they parted.",  # two dates, no frame
        "It won 3 to 1 on May 5.",
        "He came on Monday - and left on Friday.",
        "From May 20 to 2 the prices fell.",  # a second end before the first
    ],
)
def test_unframed_dates_stay_apart(text: str) -> None:
    assert all(m.kind != "range" for m in find_dates(text, doc_date=DOC))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Output fell in 2015 april, it said.", [("2015 april", "2015-04", "2015-04")]),
        ("The plan, drafted 2014, Sept., was shelved.", [("2014, Sept.", "2014-09", "2014-09")]),
        ("Figures for 2013-7 were revised.", [("2013-7", "2013-07", "2013-07")]),
        ("Figures for 2013 - 07 were revised.", [("2013 - 07", "2013-07", "2013-07")]),
        ("The vote is due next june.", [("next june", "2017-06", "2017-06")]),
        ("Sales peaked in october.", [("october", "2016-10", "2016-10")]),
        ("The fair opens in july next year.", [("july next year", "2017-07", "2017-07")]),
    ],
)
def test_months_year_first_and_in_lower_case(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """date_rules / date_numeric / date_relative: year-first months, lower-case month names."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "They may come in may.",  # "may" in lower case is a verb
        "The august assembly met.",
        "Call +1 212-2016-2017 now.",
        "The team won 2015 - 3 games.",
        "Resolution 2016-3 was adopted.",
    ],
)
def test_month_words_and_numbers_that_are_no_dates(text: str) -> None:
    assert find_dates(text, doc_date=DOC) == []
