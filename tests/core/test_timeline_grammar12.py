"""Grammar 12: a year written before a meeting's name as its modifier ("during a 2016 party
congress", "the party's 2013 plenary meeting") dates it, and a name told as in session ("the
party's ongoing congress") is the one of the report's month. Every sentence here was written for
these tests (none is taken from a test set)."""

from __future__ import annotations

from tests.core.test_timeline_grammar9 import dated


def test_a_year_before_a_congress_dates_it_not_the_story_s_congress() -> None:
    text = (
        "The congress opened on Tuesday. Kim was already the party's top leader: at a 2016 party "
        "congress he was named its chairman."
    )
    assert ("party_congress", "2016-05-06", "2016-05-09") in dated(text, "2021-01-08")
    assert dated("During the 1980 party congress, Kim Jong Il was named.", "2010-09-01") == [
        ("party_congress", "1980-10-10", "1980-10-14")
    ]


def test_a_year_between_the_owner_and_the_noun_dates_the_meeting() -> None:
    assert dated("The party's 2021 congress set a new five-year plan.", "2024-01-02") == [
        ("party_congress", "2021-01-05", "2021-01-12")
    ]
    found = dated("Kim spoke at the party's 2013 plenary meeting on the new line.", "2020-01-02")
    assert [(kind, start[:4]) for kind, start, _ in found] == [("cc_plenary", "2013")]
    found = dated("North Korea's 2023 parliamentary session passed the law.", "2024-02-01")
    assert [(kind, start[:4]) for kind, start, _ in found] == [("spa_session", "2023")]


def test_a_count_before_a_meeting_is_not_its_year() -> None:
    # a number with a comma, or without a determiner, is a count of people, not a year
    assert all(
        start is None or not start.startswith("2000")
        for _, start, _ in dated("The 2,000 party congress delegates arrived.", "2016-05-05")
    )
    assert dated("The 2016 World Party Congress of the Greens opened.", "2016-05-05") == []


def test_an_ongoing_meeting_is_the_one_of_the_report_s_month() -> None:
    text = "The party's ongoing congress, the first in five years, gave Kim a new title."
    assert dated(text, "2021-01-11") == [("party_congress", "2021-01-05", "2021-01-12")]
    text = "Kim said at the ongoing plenary meeting of the WPK Central Committee that tests go on."
    assert dated(text, "2019-12-30") == [("cc_plenary", "2019-12-28", "2019-12-31")]
    # (an ongoing matter before a meeting's name is not the meeting's)
    text = "The ongoing talks stalled after the party congress of 2016."
    assert dated(text, "2019-12-30") == [("party_congress", "2016-05-06", "2016-05-09")]


def test_a_speech_to_the_assembly_on_a_day_is_its_session() -> None:
    text = "In his speech to the SPA on January 15, 2024, Kim called the South the principal enemy."
    assert dated(text, "2024-02-01") == [("spa_session", "2024-01-15", "2024-01-15")]
    text = "Kim addressed the Supreme People's Assembly on January 15 about the South."
    assert dated(text, "2024-02-01") == [("spa_session", "2024-01-15", "2024-01-15")]
    # (a report to its Standing Committee, or to an election commission, is no session)
    text = "In a report to the Supreme People's Assembly Standing Committee, the minister spoke."
    assert dated(text, "2024-02-01") == []


def test_a_closing_day_and_how_many_days_before_it_give_the_range() -> None:
    text = "The third plenary meeting of the party's Central Committee concluded Friday after four days."
    assert dated(text, "2021-06-19") == [("cc_plenary", "2021-06-15", "2021-06-18")]
    text = "The party's year-end plenary meeting concluded on Thursday after three days of talks."
    assert dated(text, "2025-12-12") == [("cc_plenary", "2025-12-09", "2025-12-11")]


def test_a_meeting_put_off_to_a_day_is_dated_by_the_new_day() -> None:
    text = (
        "North Korea postponed the session of the Supreme People's Assembly, originally set for "
        "April 10, to April 12."
    )
    assert dated(text, "2020-04-09") == [("spa_session", "2020-04-12", "2020-04-12")]
    text = "The Supreme People's Assembly session has been delayed until April 12."
    assert dated(text, "2020-04-09") == [("spa_session", "2020-04-12", "2020-04-12")]
    # (the meeting that put it off is not dated by the new day)
    text = "The Politburo meeting put off the SPA session to April 12 and discussed the epidemic."
    assert dated(text, "2020-04-09") == [("spa_session", "2020-04-12", "2020-04-12")]


def test_a_provincial_committee_s_meeting_in_any_case_and_as_subject() -> None:
    text = "An enlarged meeting of the South Pyongan provincial party committee was held on Friday."
    assert dated(text, "2019-12-31") == [("other_party_meeting", "2019-12-27", "2019-12-27")]
    text = "The North Hamgyong Provincial Party Committee held a plenary meeting on December 20."
    assert dated(text, "2019-12-31") == [("other_party_meeting", "2019-12-20", "2019-12-20")]
    # (other committees of a province are not the party's)
    for text in (
        "A meeting of the Pyongyang City People's Committee was held on Monday.",
        "The Kangwon Provincial Committee of the Korean Children's Union held a meeting on Monday.",
        "A meeting of the South Hwanghae Provincial Committee for Emergency Epidemic Prevention "
        "was held on Monday.",
    ):
        assert dated(text, "2019-12-31") == [], text


def test_the_country_holds_its_congress() -> None:
    text = "North Korea will hold its first party congress in 36 years in May 2016."
    assert dated(text, "2015-10-30") == [("party_congress", "2016-05-06", "2016-05-09")]
    text = "The North opened its ruling party congress on Tuesday."
    assert dated(text, "2021-01-06") == [("party_congress", "2021-01-05", "2021-01-05")]
    # (not when another body stands between: the league's congress)
    text = "North Korea confirmed the regime's Youth League held its 10th congress."
    assert dated(text, "2021-04-29") == []
    text = "Pyongyang held its biggest conference of scientists on Friday."
    assert dated(text, "2016-05-07") == []


def test_lists_of_plenums_and_sessions_under_their_head() -> None:
    text = "Plenums of the 7th Central Committee: 1st (9 May 2016), 2nd (7 October 2017)."
    assert dated(text, "2020-01-01") == [
        ("cc_plenary", "2016-05-09", "2016-05-09"),
        ("cc_plenary", "2017-10-07", "2017-10-07"),
    ]
    text = "Sessions of the 14th SPA: 1st (11–12 April 2019), 2nd (29 August 2019)."
    assert dated(text, "2020-01-01") == [
        ("spa_session", "2019-04-11", "2019-04-12"),
        ("spa_session", "2019-08-29", "2019-08-29"),
    ]


def test_a_numbered_assembly_with_years_is_its_term_not_a_session() -> None:
    assert dated("The 6th SPA (1977–1982) held seven sessions.", "2020-01-01") == []
    assert dated("He was elected a deputy to the 9th SPA (1990).", "2020-01-01") == []


def test_two_bare_ordinals_before_a_plural_congresses_are_two_congresses() -> None:
    text = "Kim Il Sung was re-elected at the Fifth and Sixth Congresses in 1970 and 1980."
    assert dated(text, "2020-01-01") == [
        ("party_congress", "1970-11-02", "1970-11-13"),
        ("party_congress", "1980-10-10", "1980-10-14"),
    ]
    assert dated("The Fifth and Sixth Congresses of the CPSU were long ago.", "2020-01-01") == []
