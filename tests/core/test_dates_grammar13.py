"""Grammar 13 of the date reader: weekdays inside a named week, compound counts back, centuries
in the common reckoning and the forms of wpk_archive/core/date_forms.py (see the modules named in
each test's docstring). Every sentence was written for these tests."""

from __future__ import annotations

import pytest

from wpk_archive.core.dates import find_dates

DOC = "2016-11-07"  # a Monday


def _read(text: str, doc_date: str = DOC) -> list[tuple[str, str, str]]:
    return [(m.text, m.start_date, m.end_date) for m in find_dates(text, doc_date=doc_date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The team leaves this week Friday.", [("this week Friday", "2016-11-11", "2016-11-11")]),
        ("They will meet next week Tuesday.", [("next week Tuesday", "2016-11-15", "2016-11-15")]),
        (
            "They will meet next week on Friday.",
            [("next week on Friday", "2016-11-18", "2016-11-18")],
        ),
        ("It was signed last week Sunday.", [("last week Sunday", "2016-11-06", "2016-11-06")]),
        (
            "It was signed previous week - Monday.",
            [("previous week - Monday", "2016-10-31", "2016-10-31")],
        ),
        (
            "The talks open on Monday of next week.",
            [("Monday of next week", "2016-11-14", "2016-11-14")],
        ),
        ("The talks open Friday this week.", [("Friday this week", "2016-11-11", "2016-11-11")]),
    ],
)
def test_weekday_inside_a_named_week(text: str, expected: list[tuple[str, str, str]]) -> None:
    """date_days: the weekday of the week named beside it, not the last such day."""
    assert _read(text) == expected


def test_next_weeks_report_stays_a_week() -> None:
    assert _read("Next week's meeting was put off.") == [("Next week", "2016-11-14", "2016-11-20")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We met 1 month 21 days ago.", [("1 month 21 days ago", "2016-09-16", "2016-09-16")]),
        ("It fell 2 years and 3 months ago.", [("2 years and 3 months ago", "2014-08", "2014-08")]),
        (
            "It fell a week and two days ago.",
            [("a week and two days ago", "2016-10-29", "2016-10-29")],
        ),
        ("It left 1 month, 21 days ago.", [("1 month, 21 days ago", "2016-09-16", "2016-09-16")]),
        (
            "The dam was begun 2 years 1 month 21 days ago.",
            [("2 years 1 month 21 days ago", "2014-09-16", "2014-09-16")],
        ),
        (
            "It opens two weeks and three days from now.",
            [("two weeks and three days from now", "2016-11-24", "2016-11-24")],
        ),
    ],
)
def test_compound_counts_back(text: str, expected: list[tuple[str, str, str]]) -> None:
    """date_compound: every unit counted back from the report's day."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It began more than 2 years and 3 months ago.",
        "The price fell within a year and two months ago.",
        "They counted 3 days 4 days ago.",
    ],
)
def test_compound_counts_that_are_no_dates(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Show me the records in 21st century.", [("21st century", "2000", "2099")]),
        ("It happened in the 20th century.", [("the 20th century", "1900", "1999")]),
        ("The temple dates from the late 1st century.", [("the late 1st century", "0001", "0099")]),
        ("It was so in the last century.", [("the last century", "1900", "1999")]),
    ],
)
def test_centuries_in_the_common_reckoning(text: str, expected: list[tuple[str, str, str]]) -> None:
    """date_calendar: "the 20th century" is 1900-1999, as a reader of the news takes it."""
    assert _read(text) == expected


def test_the_current_century_in_2000() -> None:
    assert _read("It is the start of this century.", doc_date="2000-06-01")[0][1:] == (
        "2000",
        "2099",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ship returns Oct-2.", [("Oct-2", "2016-10-02", "2016-10-02")]),
        ("The ship returns oct-02.", [("oct-02", "2016-10-02", "2016-10-02")]),
        ("The ship returned Jan/3.", [("Jan/3", "2016-01-03", "2016-01-03")]),
        ("The ship returned Oct-20th.", [("Oct-20th", "2016-10-20", "2016-10-20")]),
        ("The talks open on October, 1st.", [("October, 1st", "2016-10-01", "2016-10-01")]),
        ("The talks opened Aug-10, 2012.", [("Aug-10, 2012", "2012-08-10", "2012-08-10")]),
    ],
)
def test_short_forms_of_a_day(text: str, expected: list[tuple[str, str, str]]) -> None:
    """date_forms: a month joined to its day by a hyphen or slash, or set off by a comma."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "They may-2 times over.",
        "The army fired Oct-2 missiles.",
        "The Feb-30 plan failed.",
        "The Nov-16 talks ended.",
    ],
)
def test_short_forms_that_are_no_dates(text: str) -> None:
    assert _read(text) == []


def test_a_count_after_a_month_and_comma_stays_a_count() -> None:
    assert _read("In October, 21 people came.") == [("October", "2016-10", "2016-10")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote is slated for Friday.", [("Friday", "2016-11-11", "2016-11-11")]),
        ("The vote is scheduled for Friday.", [("Friday", "2016-11-11", "2016-11-11")]),
        ("The vote is set for Friday.", [("Friday", "2016-11-11", "2016-11-11")]),
        ("The vote is due on Friday.", [("Friday", "2016-11-11", "2016-11-11")]),
        ("The report is due Friday.", [("Friday", "2016-11-11", "2016-11-11")]),
        # a plan told in the past, and "due to" (because of), stay the last such day
        ("The vote was slated for Friday.", [("Friday", "2016-11-04", "2016-11-04")]),
        ("The payment was due on Friday.", [("Friday", "2016-11-04", "2016-11-04")]),
        ("It failed due to rain on Friday.", [("Friday", "2016-11-04", "2016-11-04")]),
    ],
)
def test_a_plan_puts_the_weekday_ahead(text: str, expected: list[tuple[str, str, str]]) -> None:
    """date_parts.FUTURE: "slated for / scheduled for / set for / due on Friday" is the coming
    Friday, not the last one."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        ("The fair opens at the weekend.", DOC, [("the weekend", "2016-11-12", "2016-11-13")]),
        ("We dine with mother on weekend.", DOC, [("weekend", "2016-11-12", "2016-11-13")]),
        (
            "Dinner with mother the weekend.",
            "2016-11-11",
            [("the weekend", "2016-11-12", "2016-11-13")],
        ),
        # told in the past on a weekday: the weekend just gone
        ("Talks were held over the weekend.", DOC, [("the weekend", "2016-11-05", "2016-11-06")]),
        (
            "Aid fell, UNICEF said at the weekend.",
            "2016-11-10",
            [("the weekend", "2016-11-05", "2016-11-06")],
        ),
        ("They will rest over the weekend.", DOC, [("the weekend", "2016-11-12", "2016-11-13")]),
        (
            "The fair is the weekend after the next.",
            DOC,
            [("the weekend after the next", "2016-11-26", "2016-11-27")],
        ),
    ],
)
def test_the_weekend(text: str, doc_date: str, expected: list[tuple[str, str, str]]) -> None:
    """date_days: "the weekend" is the current week's, or the one just gone in a past clause."""
    assert _read(text, doc_date) == expected


@pytest.mark.parametrize(
    "text",
    [
        "They rest on weekends.",
        "It was a long weekend.",
        "Every weekend they train.",
        "The weekend's events were many.",
        "It falls on the first weekend of June.",
    ],
)
def test_weekends_that_name_no_weekend(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Output doubled in 70's.", [("70's", "1970", "1979")]),
        ("Output doubled in the '90s.", [("the '90s", "1990", "1999")]),
        ("Output doubled in 1990 s.", [("1990 s", "1990", "1999")]),
        ("Output doubled in 90 s.", [("90 s", "1990", "1999")]),
        ("Output doubled in the twenty-tens.", [("the twenty-tens", "2010", "2019")]),
        (
            "Output doubled in the two thousand and tens.",
            [("the two thousand and tens", "2010", "2019")],
        ),
    ],
)
def test_decades(text: str, expected: list[tuple[str, str, str]]) -> None:
    """date_periods, date_rules: short and spelled decades."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    ["She is in her 70s.", "Temperatures were in 70's.", "He ranked in 70s lists."],
)
def test_numbers_in_the_tens_that_are_no_decades(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        # November 2016 opens on a Tuesday: its first six days are its first week
        (
            "The fair is in the third week of this month.",
            DOC,
            [("the third week of this month", "2016-11-14", "2016-11-20")],
        ),
        # October 2014 opens on a Wednesday: five days are not yet a week of it
        (
            "The fair was in the first week of October 2014.",
            DOC,
            [("the first week of October 2014", "2014-10-06", "2014-10-12")],
        ),
        # the weeks of a year are ISO weeks
        (
            "The fair was in the first week of 2015.",
            DOC,
            [("the first week of 2015", "2014-12-29", "2015-01-04")],
        ),
        (
            "The fair was in the last week of 2015.",
            DOC,
            [("the last week of 2015", "2015-12-28", "2016-01-03")],
        ),
        (
            "The fair was in the last week of last month.",
            "2021-10-10",
            [("the last week of last month", "2021-09-27", "2021-10-03")],
        ),
    ],
)
def test_weeks_of_a_month_or_year(
    text: str, doc_date: str, expected: list[tuple[str, str, str]]
) -> None:
    """date_calendar.nth_week: which weeks a month or a year counts."""
    assert _read(text, doc_date) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A meeting starting January 7th was set.",
            [("starting January 7th", "2016-01-07", "2016-01-07")],
        ),
        (
            "Studies beginning on Sep 2019 were planned.",
            [("beginning on Sep 2019", "2019-09", "2019-09")],
        ),
        ("Sales rose in the year 2008.", [("the year 2008", "2008", "2008")]),
        ("Output has risen since 2008.", [("2008", "2008", "2008")]),
        ("It was so at the beginning of 2012.", [("the beginning of 2012", "2012", "2012")]),
    ],
)
def test_words_leading_a_date(text: str, expected: list[tuple[str, str, str]]) -> None:
    """date_passes.with_lead_words: the open start of a span and "the year" join the mention."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        (
            "The call is on Friday 7/6 with Jim.",
            "2018-07-06",
            [("Friday 7/6", "2018-07-06", "2018-07-06")],
        ),
        (
            "The call is on Friday 7.6 with Jim.",
            "2018-07-06",
            [("Friday 7.6", "2018-07-06", "2018-07-06")],
        ),
        (
            "It should be done this friday 5/12.",
            "2019-05-20",
            [("this friday 5/12", "2019-05-12", "2019-05-12")],
        ),
        (
            "It should be done on Friday 13/6.",
            "2019-05-20",
            [("Friday 13/6", "2019-06-13", "2019-06-13")],
        ),
        (
            "The call is this friday (jun-15) with Jim.",
            "2018-06-20",
            [("this friday (jun-15)", "2018-06-15", "2018-06-15")],
        ),
    ],
)
def test_a_weekday_with_its_day_in_figures(
    text: str, doc_date: str, expected: list[tuple[str, str, str]]
) -> None:
    """date_forms: the weekday makes a yearless "5/12" a date."""
    assert _read(text, doc_date) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan won the match on Sunday 2-1.", [("Sunday", "2016-11-06", "2016-11-06")]),
        ("Prices rose on Friday 2.5 percent.", [("Friday", "2016-11-04", "2016-11-04")]),
    ],
)
def test_scores_and_figures_after_a_weekday(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'll go back the next day.", [("the next day", "2016-11-08", "2016-11-08")]),
        (
            "The talks will resume the following day.",
            [("the following day", "2016-11-08", "2016-11-08")],
        ),
        (
            "Please schedule it for the following week.",
            [("the following week", "2016-11-14", "2016-11-20")],
        ),
        # a story's next day, counted from a day it does not name, and spans of time: no date
        ("He arrived and left the next day.", []),
        ("It will be stronger in the next day or two.", []),
        ("It will be done within the next week.", []),
        # a day named before is the base
        (
            "They will arrive on November 20 and leave the next day.",
            [
                ("November 20", "2016-11-20", "2016-11-20"),
                ("the next day", "2016-11-21", "2016-11-21"),
            ],
        ),
    ],
)
def test_the_next_day_of_a_plan(text: str, expected: list[tuple[str, str, str]]) -> None:
    """date_passes.neighbour_days: in a plan with no day named before, from the report's day."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        # a whole ordinal: not the "5th" of "15th", nor the "third" of "twenty third"
        (
            "It opened on the 15th day of June.",
            "2020-07-01",
            [("the 15th day of June", "2020-06-15", "2020-06-15")],
        ),
        (
            "It opened on the twenty third day of June.",
            "2020-07-01",
            [("the twenty third day of June", "2020-06-23", "2020-06-23")],
        ),
        # a sum of money is no day
        (
            "I bought it for $12 December 27.",
            "2019-07-04",
            [("December 27", "2019-12-27", "2019-12-27")],
        ),
        (
            "I bought it for $ 12 December 27.",
            "2019-07-04",
            [("December 27", "2019-12-27", "2019-12-27")],
        ),
        # weekdays with upcoming / following / previous
        (
            "The arrangement is on this upcoming Friday.",
            "2019-01-31",
            [("this upcoming Friday", "2019-02-01", "2019-02-01")],
        ),
        (
            "The arrangement is on following Friday.",
            "2019-01-31",
            [("following Friday", "2019-02-08", "2019-02-08")],
        ),
        (
            "Where were you on previous Wednesday?",
            "2019-01-31",
            [("previous Wednesday", "2019-01-23", "2019-01-23")],
        ),
        # a decade in words after "in"
        ("Who were presidents in nineties?", "2018-05-29", [("nineties", "1990", "1999")]),
    ],
)
def test_more_forms(text: str, doc_date: str, expected: list[tuple[str, str, str]]) -> None:
    assert _read(text, doc_date) == expected


@pytest.mark.parametrize(
    "text",
    ["He attacked a couple in seventies with a weapon.", "A man in 70's was hurt."],
)
def test_ages_are_no_decades(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I was born in April of 87.", [("April of 87", "1987-04", "1987-04")]),
        ("I was born on 15 April of 87.", [("15 April of 87", "1987-04-15", "1987-04-15")]),
        (
            "Sales from April to June in 2017 were low.",
            [("from April to June in 2017", "2017-04", "2017-06")],
        ),
        (
            "Sales from april to June in 2017 were low.",
            [("from april to June in 2017", "2017-04", "2017-06")],
        ),
        ("He died in March in 1950.", [("March in 1950", "1950-03", "1950-03")]),
        ("In April of 15 delegates came.", [("April", "2016-04", "2016-04")]),
    ],
)
def test_years_after_of_and_in(text: str, expected: list[tuple[str, str, str]]) -> None:
    """date_rules, date_parts.YEAR_SEP, date_periods: the year told after "of" or "in"."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        (
            "We met in the first week of this year.",
            "2017-11-17",
            [("the first week of this year", "2017-01-02", "2017-01-08")],
        ),
        (
            "I'll be out the third week next year.",
            DOC,
            [("the third week next year", "2017-01-16", "2017-01-22")],
        ),
        (
            "A meeting next week between Wednesday and Friday.",
            "2017-11-14",
            [("next week between Wednesday and Friday", "2017-11-22", "2017-11-24")],
        ),
        (
            "A meeting this week from Tuesday to Thursday.",
            "2017-11-14",
            [("this week from Tuesday to Thursday", "2017-11-14", "2017-11-16")],
        ),
        (
            "I'll be out from Friday the 11th until Tuesday the 15th.",
            DOC,
            [("from Friday the 11th until Tuesday the 15th", "2016-11-11", "2016-11-15")],
        ),
        (
            "Is there anything on Monday 21!",
            "2019-01-25",
            [("Monday 21", "2019-01-21", "2019-01-21")],
        ),
        # a count after a weekday stays a count
        ("On Monday 21 people died.", "2019-01-25", [("Monday", "2019-01-21", "2019-01-21")]),
        ("He scored on Sunday 13.", "2019-01-25", [("Sunday", "2019-01-20", "2019-01-20")]),
    ],
)
def test_weeks_and_weekdays(text: str, doc_date: str, expected: list[tuple[str, str, str]]) -> None:
    """date_rules, date_days: weeks of a counted year, weekdays of a named week, a weekday's day."""
    assert _read(text, doc_date) == expected


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        (
            "I came back the third Wednesday of previous month.",
            "2018-03-20",
            [("the third Wednesday of previous month", "2018-02-21", "2018-02-21")],
        ),
        (
            "Set it up around the 21st this month.",
            "2018-08-08",
            [("the 21st this month", "2018-08-21", "2018-08-21")],
        ),
        (
            "Are you free two days after today?",
            "2018-05-31",
            [("two days after today", "2018-06-02", "2018-06-02")],
        ),
        (
            "The file is sales_report-2002-10-09.xlsx.",
            "2020-05-14",
            [("2002-10-09", "2002-10-09", "2002-10-09")],
        ),
        # a number chain stays a telephone number
        ("Call 850-2012-10-05 now.", "2020-05-14", []),
    ],
)
def test_counted_months_days_and_names(
    text: str, doc_date: str, expected: list[tuple[str, str, str]]
) -> None:
    """date_relative, date_numeric."""
    assert _read(text, doc_date) == expected


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        # found in the KCNA corpus: a march, a price and an age
        (
            "It is a banner for the general onward march in 2012.",
            "2012-03-01",
            [("2012", "2012", "2012")],
        ),
        (
            "It reached 137.3 pence on Monday, 1.1p higher than before.",
            "2012-03-09",
            [("Monday", "2012-03-05", "2012-03-05")],
        ),
        ("All are in their twenties, except a few officials in thirties.", "2012-03-09", []),
    ],
)
def test_what_the_corpus_showed_is_no_date(
    text: str, doc_date: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _read(text, doc_date) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I'll be out the third quarter this year.",
            [("the third quarter this year", "2016-07", "2016-09")],
        ),
        (
            "Output fell in the second half last year.",
            [("the second half last year", "2015-07", "2015-12")],
        ),
    ],
)
def test_parts_of_a_counted_year_without_of(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """date_relative: "the third quarter this year" as "the third quarter of this year"."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        (
            "I'll leave as late as tomorrow.",
            "2018-08-17",
            [("as late as tomorrow", "2018-08-18", "2018-08-18")],
        ),
        (
            "It may come as early as next week.",
            "2018-08-17",
            [("as early as next week", "2018-08-20", "2018-08-26")],
        ),
        (
            "The plan covers Dec/2018-May/2019.",
            "2018-11-01",
            [("Dec/2018-May/2019", "2018-12", "2019-05")],
        ),
    ],
)
def test_open_ends_and_month_ranges(
    text: str, doc_date: str, expected: list[tuple[str, str, str]]
) -> None:
    """date_passes.with_lead_words, date_numeric."""
    assert _read(text, doc_date) == expected


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        (
            "It was done previous week.",
            "2013-02-12",
            [("previous week", "2013-02-04", "2013-02-10")],
        ),
        # "the previous week" still counts from the day told before
        (
            "On March 3 he left; the previous week he had come.",
            "2013-02-12",
            [
                ("March 3", "2013-03-03", "2013-03-03"),
                ("the previous week", "2013-02-18", "2013-02-24"),
            ],
        ),
    ],
)
def test_previous_without_the(
    text: str, doc_date: str, expected: list[tuple[str, str, str]]
) -> None:
    """date_relative: "previous week" without "the" is last week."""
    assert _read(text, doc_date) == expected


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        (
            "It should be done between today and tomorrow.",
            "2020-05-06",
            [("between today and tomorrow", "2020-05-06", "2020-05-07")],
        ),
        (
            "They will leave the third month of 2021.",
            "2018-11-29",
            [("the third month of 2021", "2021-03", "2021-03")],
        ),
        (
            "The 9th month of next year we review it.",
            "2021-11-29",
            [("The 9th month of next year", "2022-09", "2022-09")],
        ),
        # a month of something else, and the figurative pair, are no dates
        ("It was the third month of the war.", "2021-11-29", []),
        ("It is Korea's today and tomorrow.", "2021-11-29", []),
    ],
)
def test_day_word_ranges_and_months_of_a_year(
    text: str, doc_date: str, expected: list[tuple[str, str, str]]
) -> None:
    """date_relative."""
    assert _read(text, doc_date) == expected


def test_a_counted_month_opening_a_range() -> None:
    """date_spans: "from this May to Oct 2020" runs from this year's May."""
    assert _read("I will leave from this May to Oct 2020.", "2018-10-24") == [
        ("from this May to Oct 2020", "2018-05", "2020-10")
    ]
