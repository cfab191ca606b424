"""The date reader's forms added for the ctparse suite's misses (wpk_archive/core/date_european.py
and small hooks in date_numeric, date_passes, date_periods and date_joins), each with the writing
it must leave alone."""

from __future__ import annotations

from wpk_archive.core.dates import find_dates


def _read(text: str, doc_date: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.start_date, m.end_date) for m in find_dates(text, doc_date=doc_date)]


# --- two consecutive days joined by a slash before their month -------------------------------


def test_slashed_days_before_a_month() -> None:
    assert _read("Strikes hit the night of 29/30 August.", "2017-10-20") == [
        ("29/30 August", "2017-08-29", "2017-08-30")
    ]
    assert _read("Talks ran 29 / 30 August 2016 in Geneva.", "2017-10-20") == [
        ("29 / 30 August 2016", "2016-08-29", "2016-08-30")
    ]


def test_slashes_that_are_not_days_stay_unread() -> None:
    assert _read("The vote is 29/30 in favour.", "2017-10-20") == []
    assert _read("He scored 29/30 on the test in August.", "2017-10-20") == [
        ("August", "2017-08", "2017-08")
    ]
    assert _read("Polls on 3/5 August.", "2017-10-20") == []  # not consecutive: no range


# --- dotted dates with a four-digit year: day first; dotted ranges ----------------------------


def test_padded_dotted_date_reads_day_first() -> None:
    assert _read("The decree of 05.12.2017 took effect.", "2018-01-10") == [
        ("05.12.2017", "2017-12-05", "2017-12-05")
    ]
    assert _read("from 05.12.2017 to 07.12.2017", "2018-01-10") == [
        ("05.12.2017 to 07.12.2017", "2017-12-05", "2017-12-07")
    ]


def test_unpadded_dotted_figures_stay_unread() -> None:
    assert _read("Version 2.1.2012 was released.", "2018-01-10") == []
    assert _read("It rose 12.5-14.8 percent.", "2018-01-10") == []


def test_dotted_day_ranges() -> None:
    assert _read("The fair runs 14-15.11.2017 in Minsk.", "2017-10-20") == [
        ("14-15.11.2017", "2017-11-14", "2017-11-15")
    ]
    assert _read("closed 27.11.-29.11.2017", "2017-10-20") == [
        ("27.11.-29.11.2017", "2017-11-27", "2017-11-29")
    ]
    assert _read("held from 3. to 5.10.2017", "2017-10-20") == [
        ("from 3. to 5.10.2017", "2017-10-03", "2017-10-05")
    ]
    assert _read("between 21 and 22.11.2017", "2017-10-20") == [
        ("between 21 and 22.11.2017", "2017-11-21", "2017-11-22")
    ]


def test_dotted_figures_that_are_no_range_stay_unread() -> None:
    assert _read("Temperatures of 14-15.11 degrees were recorded.", "2017-10-20") == []
    assert _read("It rose 3 to 5.10.2017 levels.", "2017-10-20") == []  # "to" without "from"
    assert _read("the 3. to 5. place", "2017-10-20") == []
    assert _read("Figures 15-14.11.2017 were given.", "2017-10-20") == []  # backwards


# --- a clipped weekday in brackets after its day ------------------------------------------------


def test_clipped_weekday_in_brackets_joins_its_day() -> None:
    assert _read("Polls open Nov 12 (Sun) at eight.", "2017-10-20") == [
        ("Nov 12 (Sun)", "2017-11-12", "2017-11-12")
    ]
    assert _read("on Nov. 12 (Sun.) the vote", "2017-10-20") == [
        ("Nov. 12 (Sun.)", "2017-11-12", "2017-11-12")
    ]


def test_wrong_or_stray_clipped_weekday_is_left_out() -> None:
    assert _read("Polls open Nov 12 (Mon) at eight.", "2017-10-20") == [
        ("Nov 12", "2017-11-12", "2017-11-12")
    ]
    assert _read("She won 12 (Sun) points.", "2017-10-20") == []


# --- weekdays with day numbers of a counted month ----------------------------------------------


def test_weekday_days_of_this_month() -> None:
    assert _read("From Tuesday 19th to Saturday 23 this month", "2017-09-15") == [
        ("From Tuesday 19th to Saturday 23 this month", "2017-09-19", "2017-09-23")
    ]
    assert _read("from 4 to 22 this month", "2017-09-15") == [
        ("from 4 to 22 this month", "2017-09-04", "2017-09-22")
    ]


def test_weekday_with_a_count_is_no_day_of_the_month() -> None:
    assert _read("On Tuesday 19 people died and on Saturday 23 more.", "2017-09-15") == [
        ("Tuesday", "2017-09-12", "2017-09-12"),
        ("Saturday", "2017-09-09", "2017-09-09"),
    ]
    assert [
        m[0] for m in _read("From Tuesday 19 to Saturday 23 people this month", "2017-09-15")
    ] == [
        "Tuesday",
        "Saturday",
        "this month",
    ]


# --- two weekday-dated days joined by "to" ------------------------------------------------------


def test_weekday_dated_days_joined_by_to() -> None:
    assert _read("Monday 03.07 to Thursday 06.07", "2017-07-02") == [
        ("Monday 03.07 to Thursday 06.07", "2017-07-03", "2017-07-06")
    ]


def test_to_between_a_dated_day_and_a_bare_weekday_is_no_range() -> None:
    assert len(_read("Monday 03.07 to Friday", "2017-07-02")) == 2


# --- "the following Friday" counts from the day the text told -----------------------------------


def test_following_weekday_counts_from_the_day_told() -> None:
    assert _read("He arrived on March 3 and left on the following Friday.", "2018-03-20") == [
        ("March 3", "2018-03-03", "2018-03-03"),
        ("the following Friday", "2018-03-09", "2018-03-09"),
    ]
    assert _read("The vote on March 9 came after talks the previous Friday.", "2018-03-20")[1] == (
        "the previous Friday",
        "2018-03-02",
        "2018-03-02",
    )


def test_following_weekday_without_a_day_told_is_not_the_last_one() -> None:
    # a story's "the following Friday" with no day before it: not the Friday before the report
    assert _read("The talks resumed the following Friday.", "2018-03-20") == []
    assert _read("next Friday", "2018-03-07") == [("next Friday", "2018-03-16", "2018-03-16")]
    assert _read("The talks will resume on the following Friday.", "2018-03-20") == [
        ("the following Friday", "2018-03-23", "2018-03-23")
    ]


def test_padded_dotted_figures_after_a_numbering_word_stay_numbers() -> None:
    from wpk_archive.core.dates import find_dates

    for text in ("Install version 02.01.2012 of the tool.", "See section 12.03.2010 of the rules."):
        assert find_dates(text, doc_date="2018-01-01") == [], text
    assert [
        d.start_date for d in find_dates("Talks on 05.12.2017 ended.", doc_date="2018-01-01")
    ] == ["2017-12-05"]
