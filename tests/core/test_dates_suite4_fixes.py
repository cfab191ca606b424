"""The date reader's forms added for the dateparser suite's misses (wpk_archive/core/date_order.py),
each with the writing it must leave alone."""

from __future__ import annotations

from wpk_archive.core.dates import find_dates


def _read(text: str, doc_date: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.start_date, m.end_date) for m in find_dates(text, doc_date=doc_date)]


# --- a year closing the day before it is not read year-first --------------------------------


def test_year_between_two_days_closes_the_first() -> None:
    assert _read("Sessions: March 3 2015 March 4 2015", "2016-01-10") == [
        ("March 3 2015", "2015-03-03", "2015-03-03"),
        ("March 4 2015", "2015-03-04", "2015-03-04"),
    ]
    assert _read("Sessions: March 3 2015 March 4", "2016-01-10")[0] == (
        "March 3 2015",
        "2015-03-03",
        "2015-03-03",
    )
    assert _read("Sessions: March 3, 2015 March 4", "2016-01-10")[0][0] == "March 3, 2015"
    assert _read("Held on 13 July 2014 August 2 2014.", "2016-01-10") == [
        ("13 July 2014", "2014-07-13", "2014-07-13"),
        ("August 2 2014", "2014-08-02", "2014-08-02"),
    ]


def test_year_first_dates_still_read() -> None:
    assert _read("The decision of 1961 September 11 was published.", "2016-01-10") == [
        ("1961 September 11", "1961-09-11", "1961-09-11")
    ]
    assert _read("The report of 2024 Aug was released.", "2025-01-10") == [
        ("2024 Aug", "2024-08", "2024-08")
    ]


def test_year_first_month_not_read_across_a_line_break() -> None:
    found = _read("Events\n2023\nJanuary UTC", "2024-03-01")
    assert ("2023\nJanuary", "2023-01", "2023-01") not in found
    assert all(start != "2023-01" for _, start, _ in found)


# --- a year opening a sentence as its subject -------------------------------------------------


def test_year_as_the_subject_of_a_sentence() -> None:
    assert _read("2014 was a difficult year for farmers.", "2016-05-01") == [
        ("2014", "2014", "2014")
    ]
    assert _read("Output fell. 2019 saw record harvests, though.", "2020-05-01") == [
        ("2019", "2019", "2019")
    ]


def test_counts_opening_a_sentence_stay_numbers() -> None:
    assert _read("2000 observers attended the rally.", "2016-05-01") == []
    assert _read("2000 were killed in the fighting.", "2016-05-01") == []
    assert _read("1500 was the figure given by the ministry.", "2016-05-01") == []
    assert _read("Call 08 11 58 54 41 for details.", "2016-05-01") == []


# --- "day after tomorrow" / "day before yesterday" without "the" ---------------------------


def test_two_days_off_without_the() -> None:
    assert _read("The delegation leaves day after tomorrow.", "2014-09-01") == [
        ("day after tomorrow", "2014-09-03", "2014-09-03")
    ]
    assert _read("Day before yesterday, the talks resumed.", "2014-09-01") == [
        ("Day before yesterday", "2014-08-30", "2014-08-30")
    ]
    assert _read("It came the day after tomorrow was named.", "2014-09-01")[0][1] != "2014-09-01"


def test_two_days_off_not_read_inside_other_phrases() -> None:
    for text in (
        "It happened a day after tomorrow's vote was called off.",
        "Every day before yesterday's meeting was busy.",
        "One day after tomorrow's deadline they will decide.",
    ):
        assert all(
            "day after" not in t and "day before" not in t for t, _, _ in _read(text, "2014-09-01")
        )


# --- a year carried along a list of dates ------------------------------------------------------


def test_year_carried_along_a_list() -> None:
    assert _read("July 12th, 2014. July 13th, July 14th", "2000-01-01") == [
        ("July 12th, 2014", "2014-07-12", "2014-07-12"),
        ("July 13th", "2014-07-13", "2014-07-13"),
        ("July 14th", "2014-07-14", "2014-07-14"),
    ]
    assert [v for _, v, _ in _read("2014. July 13th July 14th", "2000-01-01")] == [
        "2014",
        "2014-07-13",
        "2014-07-14",
    ]


def test_year_carried_into_the_next_year_of_a_list() -> None:
    assert [v for _, v, _ in _read("December 30, 2014, January 2, January 3", "2020-06-01")] == [
        "2014-12-30",
        "2015-01-02",
        "2015-01-03",
    ]


def test_a_date_going_on_into_a_sentence_leaves_the_list() -> None:
    assert _read(
        "The war ended on 27 July 1953. July 27 is marked as Victory Day.", "2020-07-28"
    ) == [
        ("27 July 1953", "1953-07-27", "1953-07-27"),
        ("July 27", "2020-07-27", "2020-07-27"),
    ]
    found = _read("It was signed on 3 March 2004; March 9 saw the ratification.", "2020-05-01")
    assert found[-1][1] == "2020-03-09"
