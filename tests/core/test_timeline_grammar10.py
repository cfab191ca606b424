"""Grammar 10: a day checked against a chronology row whose end is known only to the month, news
style's dates without "on" ("will convene the Supreme People's Assembly April 10", "parliament will
meet April 10"), "to hold a conference", and months abbreviated standing alone ("in Sept.").
Every sentence here was written for these tests (none is taken from a test set)."""

from __future__ import annotations

import pytest

from tests.core.test_timeline_grammar9 import dated, days, events_of


def test_a_day_inside_a_row_known_to_the_month_is_kept() -> None:
    # the chronology has the 1st session of the 2nd SPA from 1957-09-18, its end only "1957-09":
    # a loose day of that month is inside it, and is the event's date (not the row's)
    text = (
        "On 19 September 1957 Kim Il Sung delivered a report at the 1st Session of the 2nd "
        "Supreme People's Assembly."
    )
    assert dated(text, "1990-01-01") == [("spa_session", "1957-09-19", "1957-09-19")]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "North Korea will convene the Supreme People's Assembly April 10, state media said.",
            "2010-03-09",
            [("spa_session", "2010-04-10", "2010-04-10")],
        ),
        (
            "North Korea's parliament will meet April 10 to discuss the budget.",
            "2010-03-09",
            [("spa_session", "2010-04-10", "2010-04-10")],
        ),
        (
            "North Korea's legislature convened 9 April, the first session in a year.",
            "2010-04-12",
            [("spa_session", "2010-04-09", "2010-04-09")],
        ),
        (
            "The Supreme People's Assembly met Sept. 25 in Pyongyang.",
            "2012-09-27",
            [("spa_session", "2012-09-25", "2012-09-25")],
        ),
        (
            "The Political Bureau of the WPK Central Committee convened Dec. 19, KCNA said.",
            "2020-12-21",
            [("politburo_meeting", "2020-12-19", "2020-12-19")],
        ),
        (
            "North Korea's Supreme People's Assembly to convene in April",
            "2010-03-09",
            [("spa_session", "2010-04", "2010-04")],
        ),
    ],
)
def test_news_style_dates_without_on(
    text: str, date: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dated(text, date) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Workers' Party is expected to hold a conference on September 28, a committee said.",
        "The Workers' Party is expected to hold a conference September 28, a committee said.",
        "North Korea's ruling party plans to hold a conference on September 28.",
    ],
)
def test_the_party_to_hold_a_conference(text: str) -> None:
    assert dated(text, "2010-09-21") == [("party_conference", "2010-09-28", "2010-09-28")]


def test_a_bare_month_day_is_no_date_of_a_meeting_across_a_clause() -> None:
    # the day belongs to the visit, not to the session named before the comma and "and"
    text = (
        "The Supreme People's Assembly opened its session in April, and Kim visited a farm "
        "April 20."
    )
    assert dated(text, "2010-05-01") == [("spa_session", "2010-04", "2010-04")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plenum met in Sept. and again in Dec.", [("Sept.", "2020-09"), ("Dec.", "2020-12")]),
        ("It was founded in Jan, then renamed.", [("Jan", "2020-01")]),
        ("The session opened last Oct.", [("last Oct.", "2020-10")]),
        ("They met in early Feb.", [("early Feb.", "2020-02")]),
        ("IN DEC. THE PARTY MET.", [("DEC.", "2020-12")]),
    ],
)
def test_months_abbreviated_standing_alone(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, s) for t, s, _ in days(text, "2020-11-22")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "He stayed in Jan Smith's house.",  # a name
        "Prices fell in Mar 45.",  # no day a reader would take
        "The jan. issue",  # lower case, no preposition
        "He met Dec at the station.",
    ],
)
def test_abbreviations_that_are_no_months(text: str) -> None:
    assert days(text, "2020-11-22") == []


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "North Korean leader Kim Jong Un presided over a politburo meeting of the ruling "
            "party to discuss flood damage, state media said on Monday.",
            "2021-08-02",
            [("politburo_meeting", "2021-08", "2021-08")],
        ),
        (
            # reported on the 1st: held the day before, in the month before
            "Kim Jong Un chaired a meeting of the Central Military Commission, KCNA reported.",
            "2022-03-01",
            [("cmc_meeting", "2022-02", "2022-02")],
        ),
    ],
)
def test_a_meeting_state_media_just_reported(
    text: str, date: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dated(text, date) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong Un will preside over a politburo meeting next week, state media said.",
        "Kim has often presided over politburo meetings in recent years, state media said.",
        "Kim Jong Un presided over a politburo meeting to discuss flood damage.",  # no report
    ],
)
def test_no_report_no_date(text: str) -> None:
    assert all(start != "2021-08" for _, start, _ in dated(text, "2021-08-02"))


@pytest.mark.parametrize(
    "text",
    [
        "The politburo meeting of the ruling party's Central Committee on Tuesday examined the "
        "draft.",
        "The Politburo meeting of the WPK Central Committee on Tuesday examined the draft.",
    ],
)
def test_a_weekday_after_the_whole_name_of_the_body(text: str) -> None:
    assert dated(text, "2020-12-30") == [("politburo_meeting", "2020-12-29", "2020-12-29")]


def test_an_appositive_between_the_party_and_its_plan() -> None:
    text = (
        "The Workers' Party, the country's ruling force since 1945, is expected to hold a "
        "conference on September 28, a committee said."
    )
    assert dated(text, "2010-09-21") == [("party_conference", "2010-09-28", "2010-09-28")]


def test_a_name_holding_its_own_future_verb_is_announced() -> None:
    text = (
        "The ruling party, which has not met in decades, will hold a conference in late September."
    )
    events = events_of(text, "2010-09-10")
    assert [(e.kind, e.start, e.status) for e in events] == [
        ("party_conference", "2010-09", "announced")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In April 2015, Pyongyang announced that a session of the Supreme People's Assembly "
            "was held in Pyongyang.",
            [("spa_session", "2015-04", "2015-04")],
        ),
        # a weekday fronted before a report is the report's day: no date for the meeting
        ("On Tuesday, state media reported that the Political Bureau met.", []),
    ],
)
def test_a_fronted_month_of_what_was_announced(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dated(text, "2016-01-18") == expected
