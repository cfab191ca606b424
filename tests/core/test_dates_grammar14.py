"""Grammar 14 of the date reader: weeks by their number (wpk_archive/core/date_weeks.py), the
forms of wpk_archive/core/date_extra_forms.py, ranges up to the report's day
(wpk_archive/core/date_open_ends.py), two-digit years counted from the publication year, a future
range of months under way, "the week of the 18th" and days after a plan's word. Every sentence
was written for these tests; each class has its negatives (what stays no date)."""

from __future__ import annotations

import pytest

from wpk_archive.core.dates import find_dates

DOC = "2016-11-07"  # a Monday


def _read(text: str, doc_date: str = DOC) -> list[tuple[str, str, str]]:
    return [(m.text, m.start_date, m.end_date) for m in find_dates(text, doc_date=doc_date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Output fell in week 14 of 2015.", [("week 14 of 2015", "2015-03-30", "2015-04-05")]),
        (
            "The audit covers week 52 of last year.",
            [("week 52 of last year", "2015-12-21", "2015-12-27")],
        ),
        ("Sales peaked in the week 40.", [("the week 40", "2016-10-03", "2016-10-09")]),
        (
            "Prices were frozen in calendar week 12, the ministry said.",
            [("calendar week 12", "2016-03-21", "2016-03-27")],
        ),
        (
            "The fair runs from week 20 to week 22.",
            [("from week 20 to week 22", "2016-05-16", "2016-06-05")],
        ),
        (
            "Shipments stopped between week 5 and week 9 of 2014.",
            [("between week 5 and week 9 of 2014", "2014-01-27", "2014-03-02")],
        ),
        # ISO week 53 of 2015 runs into 2016; week 1 of 2019 begins in 2018
        ("The week 53 of 2015 was short.", [("week 53 of 2015", "2015-12-28", "2016-01-03")]),
        ("Stocks fell in week 1 of 2019.", [("week 1 of 2019", "2018-12-31", "2019-01-06")]),
    ],
)
def test_numbered_weeks(text: str, expected: list[tuple[str, str, str]]) -> None:
    """date_weeks: the ISO week, of the year written, counted or (inferred) published."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The plant was idle in week 10 of the season.",
        "He scored in the week 3 game.",
        "In week 6 the trial heard two witnesses.",
        "The course ends after week 12.",
    ],
)
def test_weeks_of_a_season_or_course_are_no_dates(text: str) -> None:
    assert _read(text) == []


def test_a_week_the_year_lacks_is_no_week() -> None:
    assert _read("Show week 53 of 2017.") == [("2017", "2017", "2017")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The festival ran April fourth through 9th.",
            [("April fourth through 9th", "2016-04-04", "2016-04-09")],
        ),
        (
            "The talks ran from June the second till the sixth.",
            [("from June the second till the sixth", "2016-06-02", "2016-06-06")],
        ),
        (
            "The fair lasts May 3rd through fifth, 2017.",
            [("May 3rd through fifth, 2017", "2017-05-03", "2017-05-05")],
        ),
    ],
)
def test_day_ranges_with_a_day_in_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    """date_extra_forms: one end in words, the other in figures or words."""
    assert _read(text) == expected


def test_an_ordinal_before_a_noun_ends_no_range() -> None:
    assert _read("It ran from March 2 to the third round.") == [
        ("March 2", "2016-03-02", "2016-03-02")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ship docks on 11/23.", [("11/23", "2016-11-23", "2016-11-23")]),
        ("The ship docked on 23/11, officials said.", [("23/11", "2016-11-23", "2016-11-23")]),
        ("The vote is due by 2.14.", [("2.14", "2017-02-14", "2017-02-14")]),
        ("The shop stays shut until 10-15 and reopens.", [("10-15", "2016-10-15", "2016-10-15")]),
    ],
)
def test_a_yearless_numeric_day_after_on(text: str, expected: list[tuple[str, str, str]]) -> None:
    """date_extra_forms: one order only is a day, after a preposition of a day, closing a clause."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ship docks on 5/6.",  # either order a day
        "Prices rose on 4.5 percent.",
        "It was based on 13.5.",  # a decimal
        "The team won on 3-14.",  # a score
        "She scored 13/20 on the test.",
        "He voted on 3/4 of the bills.",
        "The ship docks 11/23.",  # no preposition: a fraction or a score as often
    ],
)
def test_numbers_that_stay_no_yearless_day(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The file backup-20150412.zip was lost.", [("20150412", "2015-04-12", "2015-04-12")]),
        ("The log of 20160930 was read.", [("20160930", "2016-09-30", "2016-09-30")]),
    ],
)
def test_compact_days(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ref 20150412 556 was filed.",  # a row of numbers
        "It was filed 20991231.",  # long after the publication year
        "The order of 20150412 tons arrived.",  # a count
        "The code 20151341 was wrong.",  # no month 13
        "A total of 20,150,412 was paid.",
    ],
)
def test_eight_figures_that_stay_numbers(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "doc", "expected"),
    [
        ("The treaty was signed 06/25/50.", DOC, [("06/25/50", "1950-06-25", "1950-06-25")]),
        ("The camp closed 14/08/45.", DOC, [("14/08/45", "1945-08-14", "1945-08-14")]),
        ("The permit expires 3/3/24.", DOC, [("3/3/24", "2024-03-03", "2024-03-03")]),
        ("The dam opened 12/12/30.", DOC, [("12/12/30", "1930-12-12", "1930-12-12")]),
        ("The dam opened 12/12/30.", "2025-01-10", [("12/12/30", "2030-12-12", "2030-12-12")]),
        ("The law took effect 10/31/74.", "1975-01-02", [("10/31/74", "1974-10-31", "1974-10-31")]),
    ],
)
def test_two_digit_years_from_the_publication_year(
    text: str, doc: str, expected: list[tuple[str, str, str]]
) -> None:
    """date_numeric.two_digit_year: no more than ten years after the publication year."""
    assert _read(text, doc) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # under way in November: this year's October to December, not next year's
        (
            "The plan will run between October and December.",
            [("between October and December", "2016-10", "2016-12")],
        ),
        (
            "The works will go on from Sep to Dec.",
            [("from Sep to Dec.", "2016-09", "2016-12")],
        ),
        (
            "The plan will run between December and February.",
            [("between December and February", "2016-12", "2017-02")],
        ),
        # not under way: the coming months
        (
            "The board will meet from January to March.",
            [("from January to March", "2017-01", "2017-03")],
        ),
    ],
)
def test_a_future_range_of_months_under_way(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _read(text) == expected


def test_a_day_after_a_colon() -> None:
    assert _read("Note:14 March is a holiday.") == [("14 March", "2016-03-14", "2016-03-14")]
    assert _read("At 10:14 March winds rose.") == []  # a time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Prices have risen from 2012 to the present.",
            [("from 2012 to the present", "2012", "2016")],
        ),
        (
            "Between June 3 and yesterday, 40 ships docked.",
            [("Between June 3 and yesterday", "2016-06-03", "2016-11-06")],
        ),
        ("From 2001 to date, 12 dams were built.", [("From 2001 to date", "2001", "2016")]),
        ("Rice output rose from 2010 to now.", [("from 2010 to now", "2010", "2016")]),
        (
            "The records run from 2010-01-01 till current date.",
            [("from 2010-01-01 till current date", "2010-01-01", "2016-11-07")],
        ),
    ],
)
def test_ranges_up_to_the_reports_day(text: str, expected: list[tuple[str, str, str]]) -> None:
    """date_open_ends: the framed date to the anchor."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("From 2010 to today's level, output doubled.", [("2010", "2010", "2010")]),
        ("Output rose in 2010 to date records.", [("2010", "2010", "2010")]),  # not framed
        ("Prices rose from 2030 to now.", [("2030", "2030", "2030")]),  # the end before the start
        ("From now on prices will rise.", []),
    ],
)
def test_no_range_up_to_the_reports_day(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _read(text) == expected


def test_no_range_without_an_anchor() -> None:
    assert [m.text for m in find_dates("Prices have risen from 2012 to the present.")] == ["2012"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Please book a hall for the week of the 21st.",
            [("the week of the 21st", "2016-11-21", "2016-11-27")],
        ),
        (
            "The storm hit in the week of the 2nd.",
            [("the week of the 2nd", "2016-10-31", "2016-11-06")],
        ),
        (
            "The talks opened on Oct. 3 and ended in the week of the 24th.",
            [
                ("Oct. 3", "2016-10-03", "2016-10-03"),
                ("the week of the 24th", "2016-10-24", "2016-10-30"),
            ],
        ),
    ],
)
def test_the_week_of_a_day(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _read(text) == expected


def test_the_week_of_an_ordinal_name_is_no_date() -> None:
    assert _read("The week of the 21st Congress was busy.") == []


def test_a_yearless_day_after_a_plans_word_is_the_coming_one() -> None:
    assert _read("I'll call you on the 5th.") == [("the 5th", "2016-12-05", "2016-12-05")]
    assert _read("He phoned on the 5th.") == [("the 5th", "2016-11-05", "2016-11-05")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The pact was sealed on October the twenty-fourth, 1945.",
            [("October the twenty-fourth, 1945", "1945-10-24", "1945-10-24")],
        ),
        ("He left on May the third.", [("May the third", "2016-05-03", "2016-05-03")]),
    ],
)
def test_a_month_the_and_a_day_in_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _read(text) == expected


def test_an_ordinal_before_a_noun_is_no_day_of_the_month() -> None:
    assert _read("In October the second phase began.") == [("October", "2016-10", "2016-10")]
    assert _read("They met in March the third time.") == [("March", "2016-03", "2016-03")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim spoke last night.", [("last night", "1998-03-03")]),
        ("The vote is this morning.", [("this morning", "1998-03-04")]),
        ("Kim will speak tonight.", [("tonight", "1998-03-04")]),
        ("It ended yesterday evening.", [("yesterday evening", "1998-03-03")]),
        ("last night's meeting", [("last night", "1998-03-03")]),
        ("yesterday's meeting of the Politburo", [("yesterday", "1998-03-03")]),
        ("today's plenary session", [("today", "1998-03-04")]),
        ("tomorrow's talks", [("tomorrow", "1998-03-05")]),
        ("this fall", [("this fall", "1998")]),
        ("last fall", [("last fall", "1997")]),
        # figurative possessives, a night that is no day, the noun "fall"
        ("yesterday's heroes", []),
        ("today's Korea", []),
        ("the night of the long knives", []),
        ("the all-night session", []),
        ("a 10% fall in prices", []),
        ("this fall in prices", []),
        ("the fall of Saigon", []),
    ],
)
def test_parts_of_the_day_possessive_day_words_and_the_fall(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = find_dates(text, doc_date="1998-03-04")
    assert [(d.text, d.start_date) for d in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 1994 he was elected. The following year he died.",
            [("1994", "1994"), ("The following year", "1995")],
        ),
        (
            "In 1994 he was elected; a year later he died.",
            [("1994", "1994"), ("a year later", "1995")],
        ),
        (
            "The plant opened in 2005. A year earlier, the plan was drawn up.",
            [("2005", "2005"), ("A year earlier", "2004")],
        ),
        (
            "The congress met in October 1980. Three years later, he fell.",
            [("October 1980", "1980-10"), ("Three years later", "1983")],
        ),
        # nothing told before it in its paragraph; a plan's noun; a comparison with a later event
        ("Sales rose 5% from a year earlier.", []),
        ("In 1990 the plan was drafted.\n\nThe following year he died.", [("1990", "1990")]),
        ("In 1990 the plan was drafted. The next year's budget was cut.", [("1990", "1990")]),
        ("It happened in 1956, ten years before the conference.", [("1956", "1956")]),
        (
            "Production began again in February 2010, 16 years later.",
            [("February 2010", "2010-02")],
        ),
        ("The plan ran from 2007 to the previous year.", [("2007", "2007")]),
        ("We will greet the Day of the Sun of the next year in 2012.", [("2012", "2012")]),
    ],
)
def test_years_counted_from_a_year_told_before(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_dates(text, doc_date="1998-03-04")
    assert [(d.text, d.start_date) for d in found] == expected
