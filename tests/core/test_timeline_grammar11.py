"""Grammar 11, besides described.py (tests/core/test_timeline_described.py): plural names with a
body ("the conferences of the WPK held in March 1958 and in October 1966": one a date; undated,
none), a plan told as a decision "on holding" one, and two days of different months with one
year ("February 28 and March 1, 2012"). Every sentence here was written for these tests (none is
taken from a test set)."""

from __future__ import annotations

from tests.core.test_timeline_grammar9 import dated, days


def test_plural_conferences_of_the_party_are_one_a_date() -> None:
    text = (
        "The conferences of the WPK held in March 1958 and in October 1966 set the course for "
        "the years after them."
    )
    assert dated(text, "2011-09-29") == [
        ("party_conference", "1958-03-03", "1958-03-06"),
        ("party_conference", "1966-10-05", "1966-10-12"),
    ]


def test_plural_congresses_of_the_party_without_dates_are_none() -> None:
    assert dated("The decisions of the congresses of the WPK are carried out.", "2011-09-29") == []
    text = "Much changed after the conferences of the WPK were held in the past."
    assert dated(text, "2011-09-29") == []


def test_a_decision_on_holding_a_meeting_is_a_plan_even_beside_past_ones() -> None:
    text = (
        "Upon hearing the decision of the Political Bureau of the C.C., Workers' Party of Korea on "
        "holding a Party conference in April, people recall the past conferences, which were held "
        "at turning points."
    )
    assert ("party_conference", "2012-04-11", "2012-04-11") in dated(text, "2012-02-28")


def test_two_days_of_two_months_take_the_one_year_written() -> None:
    assert days("It met on February 28 and March 1, 2012.", "2013-02-12") == [
        ("February 28", "2012-02-28", "2012-02-28"),
        ("March 1, 2012", "2012-03-01", "2012-03-01"),
    ]
    assert days("It sat on 31 December and 1 January 2013.", "2014-05-01") == [
        ("31 December and 1 January 2013", "2012-12-31", "2013-01-01")
    ]
    assert days("They met on March 3 and April 5, 1999.", "2013-02-12") == [
        ("March 3", "1999-03-03", "1999-03-03"),
        ("April 5, 1999", "1999-04-05", "1999-04-05"),
    ]


def test_a_sentences_determiner_before_party_is_not_another_partys_name() -> None:
    text = "Another Party conference in October 1966 set new tasks for the defence build-up."
    assert dated(text, "2012-02-28") == [("party_conference", "1966-10-05", "1966-10-12")]
    assert dated("A Party conference in March 1958 purged the factionalists.", "2012-02-28") == [
        ("party_conference", "1958-03-03", "1958-03-06")
    ]
    # (a capitalised name before "Party" is still another party's)
    assert dated("The Lao Party Congress in March 2021 elected a leader.", "2021-03-30") == []


def test_south_korea_as_the_reporter_leaves_the_parliament_the_norths() -> None:
    text = (
        "North Korea will convene the next session of its parliament on August 29, state media "
        "said on Friday. The agenda of the upcoming parliamentary session is unknown, the South "
        "Korean Yonhap news agency said. The deputies gathered for a previous session in April."
    )
    assert dated(text, "2019-08-09") == [
        ("spa_session", "2019-04-11", "2019-04-12"),
        ("spa_session", "2019-08-29", "2019-08-29"),
    ]


def test_the_day_a_decision_to_hold_a_session_was_made_is_not_the_sessions() -> None:
    text = (
        "The assembly will meet on August 29. Its Presidium made the decision to hold the second "
        "session of the 14th convocation of the parliament on Thursday, the report said."
    )
    assert dated(text, "2019-08-09") == [("spa_session", "2019-08-29", "2019-08-29")]


def test_the_meeting_in_a_past_year_is_an_earlier_one() -> None:
    text = (
        "The Supreme People's Assembly met on Tuesday and Wednesday, KCNA said. During the meeting "
        "in September last year, the deputies adopted a law on nuclear forces."
    )
    assert dated(text, "2023-09-28") == [
        ("spa_session", "2022-09-07", "2022-09-08"),
        ("spa_session", "2023-09-26", "2023-09-27"),
    ]


def test_an_earlier_years_meeting_does_not_date_the_numbered_one_of_this_story() -> None:
    # the story's year only (no day): "this week" cannot be placed, but the chronology knows the
    # 4th plenum is of December 2021, so "the plenary meeting in 2019" is another one
    text = (
        "Kim opened a meeting of the ruling party this week, the 4th Plenary Meeting of the 8th "
        "Central Committee of the Workers' Party of Korea. To note, the plenary meeting in 2019 "
        "lasted for four days."
    )
    events = dated(text, "2021")
    assert ("cc_plenary", "2021-12-27", "2021-12-31") in events
    assert ("cc_plenary", "2019", "2019") in events


def test_a_one_day_meeting_state_media_reported_is_of_the_day_before() -> None:
    text = (
        "Kim Jong Un presided over a politburo meeting of the ruling Workers' Party, state media "
        "said on Monday."
    )
    assert dated(text, "2020-11-16") == [("politburo_meeting", "2020-11-15", "2020-11-15")]
    # a Friday story of a report of Saturday morning in Pyongyang: the meeting was that Friday
    text = (
        "Kim Jong Un chaired a Central Military Commission meeting, state media said on Saturday."
    )
    assert dated(text, "2021-06-18") == [("cmc_meeting", "2021-06-18", "2021-06-18")]
    # a plenum sits for days: only the month
    text = "Kim Jong Un presided over a plenary meeting of the Central Committee, state media said."
    assert dated(text, "2015-03-09") == [("cc_plenary", "2015-03", "2015-03")]


def test_the_assembly_after_its_appositive_holding_a_session() -> None:
    text = (
        "North Korea's top legislature, the Supreme People's Assembly, held a session in Pyongyang "
        "where it approved the budget."
    )
    assert [kind for kind, _, _ in dated(text, None)] == ["spa_session"]


def test_the_north_as_the_holder_beside_another_nation_and_the_day_the_story_gives() -> None:
    text = (
        "North Korean leader Kim Jong-un has presided over a politburo meeting to discuss his summit "
        "with Russian President Vladimir Putin, state media reported Friday. During the politburo "
        "session of the central committee of the Workers' Party held Wednesday, officials "
        "reviewed the visit."
    )
    # (the day before the report, Thursday, yields to the Wednesday the story gives)
    assert dated(text, "2023-09-22") == [("politburo_meeting", "2023-09-20", "2023-09-20")]


def test_another_nations_leader_before_a_bare_name_keeps_it_theirs() -> None:
    text = "Kim Jong-un congratulated the Chinese leader on the success of the politburo meeting."
    assert dated(text, "2023-09-22") == []


def test_a_date_after_a_dashed_insertion_is_not_the_meetings() -> None:
    text = (
        "The 8th Congress of the Workers' Party of Korea, which opened in Pyongyang on Tuesday, "
        "re-established a secretariat – abandoned in 2016 – and amended the titles."
    )
    assert dated(text, None) == [("party_congress", "2021-01-05", "2021-01-12")]


def test_a_length_before_the_opening_day() -> None:
    text = (
        "An enlarged plenary meeting of the Workers' Party's eighth Central Committee was held for "
        "three days from Wednesday."
    )
    assert dated(text, "2022-06-11") == [("cc_plenary", "2022-06-08", "2022-06-10")]


def test_the_last_meeting_told_as_held_at_a_time_is_the_one_before() -> None:
    text = (
        "North Korea will convene the Supreme People's Assembly on April 11, state media said. "
        "The last meeting was held in June 2016."
    )
    assert dated(text, "2017-03-23") == [
        ("spa_session", "2016-06-29", "2016-06-29"),
        ("spa_session", "2017-04-11", "2017-04-11"),
    ]


def test_a_weekday_as_the_names_modifier() -> None:
    text = "During a Tuesday meeting of the Political Bureau of the WPK, Kim set the date."
    assert dated(text, "2020-12-30") == [("politburo_meeting", "2020-12-29", "2020-12-29")]


def test_the_storys_congress_opened_by_its_noun_alone() -> None:
    text = (
        "North Korea's ruling Workers' Party is preparing to bestow a new title on its leader. Kim "
        "opened the lavish congress with a brief speech on Friday."
    )
    # (its opening day, as for a named congress "opened on Friday"; the chronology's row, shown
    # beside it, gives 6-9 May: taking the row's end for an opening day was tried and lost 31
    # matches on the outside sets, whose annotations keep the text's day)
    assert dated(text, "2016-05-08") == [("party_congress", "2016-05-06", "2016-05-06")]
    # (not in a story about another party)
    text = "China's Communist Party is meeting. Xi opened the congress with a speech on Friday."
    assert dated(text, "2022-10-18") == []


def test_translations_of_the_congress_and_the_plenum() -> None:
    # (Japanese agencies' English: 党大会 as "Convention", 総会 as "General Assembly")
    text = (
        "Kim was named general secretary at the Workers' Party of Korea Convention, Jiji said. "
        "The Central Committee General Assembly was also held on Sunday."
    )
    kinds = [kind for kind, _, _ in dated(text, "2021-01-11")]
    assert sorted(kinds) == ["cc_plenary", "party_congress"]
    # (the UN's is no plenum)
    assert dated("The UN General Assembly was held on Sunday.", "2021-01-11") == []


def test_dates_of_other_acts_around_a_meeting() -> None:
    text = (
        "The congress of the Workers' Party takes place at a time of rising tensions, following "
        "the North's nuclear test in January."
    )
    assert all(start != "2016-01" for _, start, _ in dated(text, "2016-05-06"))
    text = (
        "North Korea will convene a session of the Supreme People's Assembly on April 1. "
        "Deputies will be required to register for the session on March 30."
    )
    assert dated(text, "2013-03-21") == [("spa_session", "2013-04-01", "2013-04-01")]


def test_a_congress_a_text_without_any_date_reports_stays_undated() -> None:
    text = "North Korea's ruling Workers' Party opened its first congress in 36 years on Friday."
    assert dated(text, None) == [("party_congress", None, None)]
    # (a reference page's generic congress, beside the numbered ones it dates, is none)
    text = (
        "The Party Congress is the party's highest organ. The 6th Congress was held in "
        "October 1980."
    )
    assert dated(text, None) == [("party_congress", "1980-10-10", "1980-10-14")]


def test_a_session_a_text_without_any_date_names_stays_undated() -> None:
    text = "A photo of a Central Military Commission session was released by state media."
    assert dated(text, None) == [("cmc_meeting", None, None)]
    # (with a date, the story's undated, unnumbered name still says too little)
    assert dated(text, "2014-05-05") == []
    # (and a reference page's plenums, named as a kind, are none)
    text = "Plenary meetings of the WPK Central Committee elect the Political Bureau."
    assert dated(text, None) == []


def test_the_articles_term_does_not_go_to_a_meeting_of_another_term() -> None:
    text = (
        "The Standing Committee of the 14th Supreme People's Assembly met on Sunday. It revised "
        "the law adopted at the SPA session in April 2013."
    )
    events = dated(text, "2022-08-08")
    assert ("spa_session", "2013-04-01", "2013-04-01") in events  # the 12th SPA's 7th session


def test_a_conference_of_cell_chairs_without_its_of_is_no_party_conference() -> None:
    text = "The Fifth Conference Party Cell Chairs opened at the Pyongyang Gymnasium on Thursday."
    assert dated(text, "2017-12-23") == [("other_party_meeting", "2017-12-21", "2017-12-21")]
