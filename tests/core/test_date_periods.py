"""Dates read since the third outside suite (Recognizers-Text) showed them missing: year ranges
without "from", decades in words and short forms, "this decade", "the year after next", counted
quarters, "later in the year", "a few days ago", numeric months with their year, days of a
counted month, abbreviated month ranges, "the week beginning ...", "Dec. 31 , 1994", any
century, and "today"/"tomorrow" inside a clause. Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from wpk_archive.core.dates import find_dates

DOC = "2016-11-07"  # a Monday


def read(text: str) -> list[tuple[str, str, str]]:
    return [(d.text, d.start_date, d.end_date) for d in find_dates(text, doc_date=DOC)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Membership grew in the 70s.", [("the 70s", "1970", "1979")]),
        ("Membership grew in the late '70s.", [("the late '70s", "1970", "1979")]),
        ("In the seventies the party grew.", [("the seventies", "1970", "1979")]),
        ("In the nineteen fifties it grew.", [("the nineteen fifties", "1950", "1959")]),
        ("It must be done this decade.", [("this decade", "2010", "2019")]),
        ("It starts in the next decade.", [("the next decade", "2020", "2029")]),
        ("The plan ran 2014 to 2018.", [("2014 to 2018", "2014", "2018")]),
        ("The plan ran 2014~2018.", [("2014~2018", "2014", "2018")]),
        ("It will meet the year after next.", [("the year after next", "2018", "2018")]),
        ("Output fell in the last quarter.", [("the last quarter", "2016-07", "2016-09")]),
        (
            "Output fell in the last quarter of 2015.",
            [("the last quarter of 2015", "2015-10", "2015-12")],
        ),
        ("It will meet later in the year.", [("later in the year", "2016", "2016")]),
        ("It met a few days ago.", [("a few days ago", "2016-11-01", "2016-11-05")]),
        ("It met several months ago.", [("several months ago", "2016-05", "2016-09")]),
        ("It was founded in 2015/3.", [("2015/3", "2015-03", "2015-03")]),
        ("It was founded in 11/2016.", [("11/2016", "2016-11", "2016-11")]),
        (
            "It meets from 4 to 22 this month.",
            [("from 4 to 22 this month", "2016-11-04", "2016-11-22")],
        ),
        ("It met in Jan-Feb 2017.", [("Jan-Feb 2017", "2017-01", "2017-02")]),
        ("It met in Nov-Feb 2017.", [("Nov-Feb 2017", "2016-11", "2017-02")]),
        (
            "It met the week beginning 4 February 2019.",
            [("the week beginning 4 February 2019", "2019-02-04", "2019-02-10")],
        ),
        ("The firm was sold on Dec. 31 , 1994.", [("Dec. 31 , 1994", "1994-12-31", "1994-12-31")]),
        ("The wall was built in the 15th century.", [("the 15th century", "1400", "1499")]),
        ("I will go back today.", [("today", "2016-11-07", "2016-11-07")]),
        ("The delegates leave tomorrow.", [("tomorrow", "2016-11-08", "2016-11-08")]),
    ],
)
def test_periods_are_read(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Temperatures in the 70s were normal.",
        "People in their seventies voted.",
        "Its activities and duties grew.",
        "The past quarter century saw change.",
        "North Korea today faces sanctions.",
        "The world today is changing.",
        "Even today the line holds.",
        "We build a better tomorrow.",
        "The Orchestra of the 21st Century played.",
        "Prices rose 2.5 to 3 percent.",
    ],
)
def test_look_alikes_are_not_dates(text: str) -> None:
    assert read(text) == []


def test_parts_of_a_month_and_juche_ordinals() -> None:
    assert read("It met in the first half of June 2016.") == [
        ("the first half of June 2016", "2016-06", "2016-06")
    ]
    assert read("It met in the closing days of March 1958.") == [
        ("the closing days of March 1958", "1958-03", "1958-03")
    ]
    assert read("It met in the 101st year of Juche.") == [
        ("the 101st year of Juche", "2012", "2012")
    ]


def test_a_weekday_with_the_day_in_words_and_a_year_after_in() -> None:
    assert [
        (d.text, d.start_date)
        for d in find_dates("He left on Thursday the twenty-first.", doc_date="2017-09-27")
    ] == [("Thursday the twenty-first", "2017-09-21")]
    assert read("It was held on 10 October in 1980 in Pyongyang.") == [
        ("10 October in 1980", "1980-10-10", "1980-10-10")
    ]
