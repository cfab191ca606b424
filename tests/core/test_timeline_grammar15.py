"""Grammar 15: an earlier congress told by a year in a relative clause or after "since" ("which Kim
last hosted in 2016", "since a congress in 1980", "was reinstated by Kim in 2016"); the Secretariat
under its 2016-2021 names ("the Executive Policy Council", "the Government Affairs Bureau"); a
report's "meeting of the Central Committee" that its next paragraph names as an organ's numbered
meeting. Every sentence here was written for these tests (none is taken from a test set)."""

from __future__ import annotations

from tests.core.test_timeline_grammar9 import dated


def test_an_earlier_congress_in_a_relative_clause_is_the_chronologys_of_that_year() -> None:
    text = (
        "Kim Jong Un opened a congress of the ruling Workers' Party on Tuesday, state media said. "
        "The rare gathering, which Kim last convened in 2016, is watched closely."
    )
    assert ("party_congress", "2016-05-06", "2016-05-09") in dated(text, "2021-01-06")
    text = (
        "North Korea's ruling party opened its congress on Tuesday. The congress, a "
        "tradition that was revived by Kim in 2016, will set a new plan."
    )
    assert ("party_congress", "2016-05-06", "2016-05-09") in dated(text, "2021-01-06")


def test_since_a_congress_in_a_year_in_a_story_of_a_conference() -> None:
    text = (
        "The conference of the Workers' Party of Korea will take place on September 28, the "
        "agency said. It will be the first such gathering since a congress in 1980."
    )
    assert sorted(dated(text, "2010-09-21")) == [
        ("party_conference", "2010-09-28", "2010-09-28"),
        ("party_congress", "1980-10-10", "1980-10-14"),
    ]


def test_no_earlier_gathering_without_a_story_of_one_or_without_a_year() -> None:
    # no congress or conference is the story: the clause alone makes no event
    text = "The tradition, which Kim last hosted in 2016, is a rally of youth."
    assert dated(text, "2021-01-06") == []
    # a year that is no congress's in the chronology makes none
    text = (
        "North Korea's ruling party opened its congress on Tuesday. The congress, which Kim "
        "last hosted in 2017, sets policy."
    )
    assert [d for d in dated(text, "2021-01-06") if d[1] and d[1] < "2020"] == []


def test_the_secretariat_under_its_names_of_2016_to_2021() -> None:
    text = (
        "The fourth Government Affairs Bureau meeting of the Seventh Central Committee of the "
        "Workers' Party of Korea was held on May 5, 2019."
    )
    assert dated(text, "2019-05-06") == [("secretariat_meeting", "2019-05-05", "2019-05-05")]
    text = (
        "Kim Jong Un presided over a meeting of the executive policy council of the Workers' "
        "Party's central committee on Wednesday, KCNA said."
    )
    assert dated(text, "2020-08-06") == [("secretariat_meeting", "2020-08-05", "2020-08-05")]
    # the Political Bureau is not the Political Affairs Bureau
    text = "A meeting of the Political Bureau of the WPK Central Committee was held on Wednesday."
    assert dated(text, "2020-08-06") == [("politburo_meeting", "2020-08-05", "2020-08-05")]


def test_a_meeting_of_the_committee_named_next_as_an_organs_meeting_is_one_event() -> None:
    text = (
        "Kim Jong Un presided over a meeting of the Central Committee of the Workers' Party of "
        "Korea yesterday, to set up a new department, media said.\n\n"
        "The Fourth Meeting of the Executive Policy Council of the Seventh WPK Central Committee "
        "discussed the new department."
    )
    assert dated(text, "2020-08-06") == [("secretariat_meeting", "2020-08-05", "2020-08-05")]


def test_a_plenary_meeting_stays_a_plenum_beside_an_organs_meeting() -> None:
    text = (
        "Kim Jong Un presided over a plenary meeting of the Central Committee of the Workers' "
        "Party of Korea yesterday, media said.\n\n"
        "It recalled the decisions of the 4th Meeting of the Political Bureau of the 7th WPK "
        "Central Committee."
    )
    kinds = sorted(kind for kind, _, _ in dated(text, "2020-08-06"))
    assert "cc_plenary" in kinds


def test_counted_earlier_gatherings_each_by_its_year() -> None:
    text = (
        "The congress of the Workers' Party of Korea will open on May 6, officials said, by the run-up "
        "to the last two meetings, in 1970 and 1980."
    )
    assert sorted(dated(text, "2016-03-30")) == [
        ("party_congress", "1970-11-02", "1970-11-13"),
        ("party_congress", "1980-10-10", "1980-10-14"),
        ("party_congress", "2016-05-06", "2016-05-06"),
    ]
    text = (
        "The Workers' Party will hold a conference on September 28. Such a gathering was held "
        "only twice, in 1958 and 1966."
    )
    assert sorted(dated(text, "2010-09-21")) == [
        ("party_conference", "1958-03-03", "1958-03-06"),
        ("party_conference", "1966-10-05", "1966-10-12"),
        ("party_conference", "2010-09-28", "2010-09-28"),
    ]


def test_counted_years_that_are_no_gatherings_make_none() -> None:
    # a count of other things, and years no congress was held in
    text = (
        "The congress of the Workers' Party of Korea will open on May 6. The last two "
        "meetings, in 1971 and 1985, were of the youth league."
    )
    assert [d for d in dated(text, "2016-03-30") if d[1] and d[1] < "2000"] == []


def test_a_party_meeting_on_a_day_no_chronology_meeting_holds_is_a_meeting_of_the_party() -> None:
    text = (
        "The decision to dismiss the army chief was made at a Workers' Party meeting on Sunday, "
        "the Korean Central News Agency said."
    )
    assert dated(text, "2012-07-16") == [("other_party_meeting", "2012-07-15", "2012-07-15")]
    # on a plenum's day it stays the plenum (the chronology's), as before
    text = "Kim Jong Un spoke at a key party meeting on Sunday, state media said."
    assert [kind for kind, _, _ in dated(text, "2019-12-30")] == ["cc_plenary"]


def test_a_party_meeting_without_its_day_beside_it_makes_none() -> None:
    # the day is the newspaper's statement, not the meeting's
    text = (
        "On 25 March the Labor News Press stated that the minister had failed to give "
        "self-criticism at a party meeting of the Workers' Party."
    )
    assert dated(text, "1953-06-02") == []
    # nor a meeting to come
    text = "The Workers' Party will hold a party meeting on Sunday, the agency said."
    assert [d for d in dated(text, "2012-07-16") if d[0] == "other_party_meeting"] == []


def test_a_personnel_decision_told_as_made_puts_a_yearless_day_in_the_past() -> None:
    text = (
        "Kim was named the top commander of the military at a Workers' Party meeting on "
        "30 December."
    )
    assert dated(text, "2012-07-18") == [("other_party_meeting", "2011-12-30", "2011-12-30")]


def test_a_cmc_meeting_of_the_party_is_the_storys_partys() -> None:
    text = (
        "The plenum of the Workers' Party of Korea opened on Saturday. It was preceded by an "
        "enlarged emergency meeting of the Central Military Commission of the Party."
    )
    assert ("cmc_meeting", None, None) in dated(text, "2019-12-29")
    # in a story of another party, its commission
    text = (
        "The Lao People's Revolutionary Party held a congress. It was preceded by an enlarged "
        "meeting of the Central Military Commission of the Party."
    )
    assert dated(text, "2019-12-29") == []


def test_last_met_in_a_month_after_the_report_is_last_years() -> None:
    text = "North Korea's parliament will convene on April 1. The parliament last met in September."
    assert ("spa_session", "2018-09", "2018-09") in dated(text, "2019-08-09")
    # in the same month, this year's
    assert ("spa_session", "2019-09", "2019-09") in dated(text, "2019-09-20")


def test_in_a_text_without_a_date_a_yearless_month_takes_its_paragraphs_year() -> None:
    text = (
        "During 1956 the Workers' Party of Korea met often. The plenum in August purged the "
        "opposition."
    )
    assert dated(text, None) == [("cc_plenary", "1956-08-30", "1956-08-31")]
    # a year closing a written date is that date's, not the paragraph's ("Jan. 5-12, 2021"
    # does not make "a Dec. 19 meeting" December 2021)
    text = (
        "The Workers' Party of Korea held its congress (Jan. 5-12, 2021). The congress was "
        "announced at a Dec. 19 meeting of the Political Bureau."
    )
    assert [d for d in dated(text, None) if d[0] == "politburo_meeting" and d[1]] == []
    # nor a year of another paragraph
    text = (
        "During 1956 the Workers' Party of Korea met often.\n\nThe plenum in August purged the "
        "opposition."
    )
    assert [d for d in dated(text, None) if d[1]] == []


def test_the_politburo_named_for_its_meeting_with_its_day() -> None:
    text = "The dispatch said the decision was adopted at a Workers' Party politburo on Sunday."
    assert dated(text, "2013-12-09") == [("politburo_meeting", "2013-12-08", "2013-12-08")]
    # another party's, and the body as a body, are none
    assert dated("He spoke at a Chinese Communist Party politburo on Sunday.", "2013-12-09") == []
    assert dated("The Workers' Party politburo on Sunday has five members.", "2013-12-09") == []


def test_the_parties_a_merger_made_the_party_of_are_not_anothers() -> None:
    text = (
        "The Workers Party of North Korea was a communist party. It was founded at a congress "
        "on August 28-30, 1946, by the merger of the North Korea Bureau of the Communist Party "
        "of Korea and the New People's Party."
    )
    assert dated(text, None) == [("party_congress", "1946-08-28", "1946-08-30")]
    # another party's congress stays another's
    text = "The Lao People's Revolutionary Party held a congress on March 1, 2016."
    assert dated(text, None) == []


def test_a_garbled_supremes_peoples_assembly_is_the_assembly() -> None:
    text = (
        "Kim attended the North Korean 14th Supreme's People's Assembly session that took "
        "place last Sunday in Pyongyang."
    )
    assert dated(text, "2020-04-16") == [("spa_session", "2020-04-12", "2020-04-12")]


def test_the_assembly_translated_from_chinese_as_a_national_peoples_congress() -> None:
    text = (
        "Kim Jong Un spoke at the extended 10th session of the Fourteenth National People’s "
        "Congress of the DPRK on January 15."
    )
    assert dated(text, "2024-02-10") == [("spa_session", "2024-01-15", "2024-01-15")]
    # China's is China's
    text = "Xi spoke at the 2nd session of the 14th National People’s Congress of China on March 5."
    assert dated(text, "2024-03-10") == []


def test_a_plenum_of_a_congress_is_the_plenum_of_the_committee_it_elected() -> None:
    text = (
        "Kim Jong Un was elected chairman at the first plenary meeting of the 7th Congress of "
        "the ruling party's central committee, KCNA said on Monday."
    )
    assert dated(text, "2016-05-10") == [("cc_plenary", "2016-05-09", "2016-05-09")]
    # the congress itself stays the congress
    text = "Kim spoke at the 7th Congress of the WPK on Monday."
    assert dated(text, "2016-05-10") == [("party_congress", "2016-05-09", "2016-05-09")]


def test_a_described_gathering_does_not_take_the_year_it_was_last_held() -> None:
    text = (
        "Kim Jong Un admitted on Wednesday that his plan had failed, state media reported. The "
        "North Korean leader spoke out at a rare one-day Labor Party gathering, last held in "
        "2016, when he first put forward the plan."
    )
    assert dated(text, "2021-01-06") == [
        ("party_congress", "2016-05-06", "2016-05-09"),
        ("party_congress", "2021-01-05", "2021-01-12"),
    ]


def test_a_schedule_told_in_the_present_is_the_coming_weekday() -> None:
    from wpk_archive.core.dates import find_dates

    def read(text: str) -> list[str | None]:
        return [d.start_date for d in find_dates(text, doc_date="2016-05-05")]

    assert read("When the congress opens Friday, it will be celebrated.") == ["2016-05-06"]
    assert read("The session convenes on Monday in Pyongyang.") == ["2016-05-09"]
    # told as past, the weekday before the report
    assert read("The congress opened Friday.") == ["2016-04-29"]
    text = (
        "There is a buzz in Pyongyang this week ahead of a Workers' Party Congress. When the "
        "congress opens Friday, the tests will be celebrated."
    )
    assert dated(text, "2016-05-05") == [("party_congress", "2016-05-06", "2016-05-06")]


def test_the_previous_meetings_length_from_its_first_day() -> None:
    text = (
        "North Korea's party congress started Tuesday. The previous party congress, the first "
        "in 36 years, was held for four days from May 6, 2016."
    )
    assert ("party_congress", "2016-05-06", "2016-05-09") in dated(text, "2021-01-11")


def test_the_assembly_will_hold_or_convene_a_new_session_after_a_wire_dateline() -> None:
    for text in (
        "The Supreme People’s Assembly will hold a new session on Oct. 7.",
        "The North Korean Supreme People’s Assembly will convene a new session on Oct. 7.",
        # the dateline read as a sentence of its own leaves the dash before the subject
        "SEOUL (Reuters) – The North Korean Supreme People’s Assembly (SPA), the reclusive "
        "state’s rubber-stamp parliament, will convene a new session on Oct. 7 in Pyongyang.\n"
        "The last SPA meeting was held in January.",
    ):
        starts = [(kind, start) for kind, start, _ in dated(text, "2024-09-16")]
        assert ("spa_session", "2024-10-07") in starts, text
    # to hold talks is no session
    assert dated("The Supreme People’s Assembly will hold talks with envoys.", "2024-09-16") == []
