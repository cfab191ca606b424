"""Grammar 13: what a fresh outside set (blind set 24) showed the timeline misread, as classes, each
tested with sentences written for these tests (none is taken from a test set): a yearless day told
as coming before a dated one ("..., after ... on April 11"), relative years counted from a page
dated only by its year or month, a fronted day before "X ended its week-long congress", a week
("held last week") that is not the meeting's range, and the North Korean Workers' Party's name."""

from __future__ import annotations

from tests.core.test_timeline_grammar9 import dated, days


def test_a_day_told_after_after_is_before_the_dated_day() -> None:
    text = (
        "The assembly amended the constitution at its second session on August 29, 2019, after "
        "the previous amendment at the first session on April 11."
    )
    assert ("April 11", "2019-04-11", "2019-04-11") in days(text, "2019-08-30")
    # a sequence word still carries the year forward across the new year
    assert days(
        "It opened on 28 December 1961 and closed after a week on 2 January.", "1990-01-01"
    )[1] == ("2 January", "1962-01-02", "1962-01-02")
    # and "after" with a later day of the same year keeps the year
    assert days(
        "It opened on 5 January 2021, and after a pause it met on 12 January.", "2022-03-01"
    )[1] == ("12 January", "2021-01-12", "2021-01-12")


def test_relative_years_count_from_a_page_dated_by_its_year_or_month() -> None:
    assert days("The party congress met last year.", "2010") == [("last year", "2009", "2009")]
    assert days("It was convened three years ago, and again this September.", "2010") == [
        ("three years ago", "2007", "2007"),
        ("this September", "2010-09", "2010-09"),
    ]
    assert days("The plenum met last month.", "2010-05") == [("last month", "2010-04", "2010-04")]
    # what needs a day or a month the page does not give stays unread
    assert days("The plenum met last month, and the SPA last week.", "2010") == []
    assert days("The plenum met next December.", "2010") == []


def test_a_fronted_day_before_a_verb_of_ending_dates_the_closing() -> None:
    found = dated(
        "On 12 January 2021, North Korea ended its week-long 8th Party Congress.", "2021-01-16"
    )
    assert found == [("party_congress", "2021-01-12", "2021-01-12")]
    found = dated(
        "On 6 May 2016, Pyongyang opened its long-awaited 7th Party Congress.", "2016-05-20"
    )
    assert found == [("party_congress", "2016-05-06", "2016-05-06")]
    # a day that dates something else before the meeting is not its day
    found = dated(
        "On 12 January 2021, North Korea held talks before its 8th Party Congress.", "2021-01-16"
    )
    assert ("party_congress", "2021-01-12", "2021-01-12") not in found


def test_a_week_is_the_month_of_a_meeting_not_its_range() -> None:
    text = (
        "On 12 January 2021, North Korea ended its week-long 8th Party Congress. The Eighth Party "
        "Congress held last week was the first political gathering after the pandemic."
    )
    assert dated(text, "2021-01-16") == [("party_congress", "2021-01-12", "2021-01-12")]
    found = dated("Last week, the North held a politburo meeting on the floods.", "2020-08-18")
    assert found == [("politburo_meeting", "2020-08", "2020-08")]


def test_the_north_korean_workers_party_is_the_wpk() -> None:
    found = dated(
        "The seventh congress of the North Korean Workers' Party (WPK) was a choreographed affair.",
        None,
    )
    assert found == [("party_congress", "2016-05-06", "2016-05-09")]
    found = dated("The Second Congress of the North Korean Workers' Party met in March 1948.", None)
    assert [(kind, start[:7] if start else None) for kind, start, _ in found] == [
        ("party_congress", "1948-03")
    ]
    found = dated("The 3rd congress of North Korea's Workers' Party opened in April 1956.", None)
    assert [(kind, start[:7] if start else None) for kind, start, _ in found] == [
        ("party_congress", "1956-04")
    ]


def test_the_workers_party_of_korea_without_its_apostrophe_is_no_foreign_party() -> None:
    text = (
        "Reports on the North's 4th Party Conference focused on Kim Jong Un's new title of first "
        "secretary of the Workers Party of Korea. The 3rd Party Conference in 2010 was different."
    )
    found = dated(text, "2012-04-26")
    assert [(kind, start[:4] if start else None) for kind, start, _ in found] == [
        ("party_conference", "2010"),
        ("party_conference", "2012"),
    ]
    # another country's Workers Party stays foreign
    assert dated("The Brazilian Workers Party held its 5th Party Congress in 2015.", None) == []


def test_an_ordinal_one_after_a_named_congress_is_that_series() -> None:
    text = (
        "The Workers' Party has convened its congress eight times. The eighth congress was held in "
        "January this year and the seventh one took place in 2016."
    )
    assert dated(text, "2021-07-01") == [
        ("party_congress", "2016-05-06", "2016-05-09"),
        ("party_congress", "2021-01-05", "2021-01-12"),
    ]


def test_delegates_and_representatives_conferences_unnumbered() -> None:
    for text in (
        "The WPK Delegates' Conference opened on Tuesday.",
        "The Party Delegates Conference opened on Tuesday, the Workers' Party said.",
        "The Chosun Workers' Party Delegates' Conference opened on Tuesday.",
        "The Workers' Party of Korea held a party representatives' meeting on Tuesday.",
        "North Korea held a meeting of the representatives of the Korean Workers' Party on Tuesday.",
    ):
        assert dated(text, "2010-09-29") == [("party_conference", "2010-09-28", "2010-09-28")], text
    found = dated(
        "Kim was named first secretary at the representative meeting of the WPK.", "2012-04-12"
    )
    assert [(kind, start[:7] if start else None) for kind, start, _ in found] == [
        ("party_conference", "2012-04")
    ]
    # other parties' and provinces' delegates
    assert dated("The Labour Party delegates' conference opened on Tuesday.", "2010-09-29") == []
    assert (
        dated("The provincial party delegates' conference opened on Tuesday.", "2010-09-29") == []
    )


def test_a_session_of_the_north_s_assembly() -> None:
    for text in (
        "Kim was appointed premier at a session of the North's Supreme People's Assembly on Wednesday.",
        "Kim was appointed at a plenary session of North Korea's Supreme People's Assembly on Wednesday.",
    ):
        assert [kind for kind, _, _ in dated(text, "2007-04-12")] == ["spa_session"], text
    found = dated(
        "A plenary meeting of the North's SPA Standing Committee was held on Wednesday.",
        "2007-04-12",
    )
    assert found == [("spa_standing_committee", "2007-04-11", "2007-04-11")]


def test_the_last_session_is_an_earlier_one_its_date_names() -> None:
    text = (
        "North Korea will convene the fifth session of the 13th Supreme People's Assembly on April "
        "11. The last meeting was held in June 2016."
    )
    found = dated(text, "2017-03-23")
    assert [(kind, start[:7] if start else None) for kind, start, _ in found] == [
        ("spa_session", "2016-06"),
        ("spa_session", "2017-04"),
    ]
    text = (
        "North Koreans voted for the Supreme People's Assembly. The last session in April 2013 met."
    )
    assert [s[:7] for _, s, _ in dated(text, "2014-03-09") if s] == ["2013-04"]
    text = "The fifth plenum of the 7th Central Committee ended. The previous plenum was held in April 2019."
    assert [s[:7] for _, s, _ in dated(text, "2020-01-02") if s] == ["2019-04", "2019-12"]
    # another body's meeting, or no date: nothing
    text = "The SPA will convene on April 11. The last meeting with Chinese officials was in June 2016."
    assert [s[:7] for _, s, _ in dated(text, "2017-03-23") if s] == ["2017-04"]
    text = "The SPA will convene on April 11. The last session adopted a budget."
    assert [s[:7] for _, s, _ in dated(text, "2017-03-23") if s] == ["2017-04"]


def test_a_session_the_presidium_convenes_is_the_assembly_s() -> None:
    text = (
        "KCNA reported on Friday that the Presidium of the Supreme People's Assembly on Thursday "
        "announced a decision to convene a session in Pyongyang on April 11."
    )
    assert dated(text, "2019-03-19") == [("spa_session", "2019-04-11", "2019-04-11")]


def test_sentences_a_web_copy_glued_together_are_read_apart() -> None:
    text = (
        "The assembly will meet next month.The Presidium of the Supreme People's Assembly decided "
        "to convene a session in Pyongyang on April 11.Kim was elected in March."
    )
    assert dated(text, "2019-03-19") == [("spa_session", "2019-04-11", "2019-04-11")]


def test_a_clause_between_a_fronted_date_and_the_meeting_it_dates() -> None:
    text = (
        "On May 14 this year, a few days after the emergency system was put in place, a "
        "consultative meeting of the Political Bureau of the WPK Central Committee was held."
    )
    assert dated(text, "2022-12-23") == [("politburo_meeting", "2022-05-14", "2022-05-14")]
    # the clause's own meeting is not the one dated
    text = (
        "On May 14, two days after the plenary meeting closed, a meeting of the Political Bureau "
        "of the WPK Central Committee was held."
    )
    assert all(kind != "cc_plenary" for kind, _, _ in dated(text, "2022-12-23"))


def test_what_the_assembly_does_on_a_day_is_a_session_that_day() -> None:
    text = "On 11 April 2019, the newly elected Supreme People's Assembly re-elected Kim Jong Un."
    assert dated(text, "2019-06-01") == [("spa_session", "2019-04-11", "2019-04-11")]
    # undated, it names no session
    assert dated("The Supreme People's Assembly adopts only a minority of laws.", None) == []
    assert dated("The Supreme People's Assembly adopted the budget, it said.", None) == []


def test_a_party_gathering_told_by_description_is_the_chronology_s_meeting_that_day() -> None:
    text = (
        "North Korea's ruling Workers' Party will hold a rare meeting in Pyongyang on Tuesday, the "
        "first in decades."
    )
    assert dated(text, "2010-09-26") == [("party_conference", "2010-09-28", "2010-09-28")]
    text = "North Korea opened a rare one-day Labor Party gathering on Wednesday, state media said."
    assert dated(text, "2021-01-07") == [("party_congress", "2021-01-05", "2021-01-12")]
    # no meeting of the chronology that day, or another party's: nothing
    assert (
        dated("A key party meeting was held on Sunday, the Workers' Party said.", "2015-06-20")
        == []
    )
    text = "The Lao People's Revolutionary Party held a rare meeting on Tuesday in Vientiane."
    assert dated(text, "2010-09-29") == []
    # a day the document gives another meeting is that meeting's
    text = "The Politburo of the WPK met on Sunday. The key party meeting on Sunday discussed the harvest."
    assert [kind for kind, _, _ in dated(text, "2023-06-20")] == ["politburo_meeting"]


def test_a_weekday_before_the_first_in_decades_is_no_day_of_the_month() -> None:
    assert days("It will meet on Tuesday, the first in decades.", "2010-09-26") == [
        ("Tuesday", "2010-09-28", "2010-09-28")
    ]
    assert days("It met on Tuesday, the 28th.", "2010-09-30") == [
        ("Tuesday, the 28th", "2010-09-28", "2010-09-28")
    ]


def test_a_bare_weekday_a_week_off_the_chronology_s_days_takes_its_week() -> None:
    # a report of Thursday 5 May 2016: "on Friday" read as the Friday before; the 7th Congress
    # opened on Friday 6 May
    text = "Kim Jong Un is kicking off a five-day spectacle to mark the seventh congress of the WPK on Friday."
    assert dated(text, "2016-05-05") == [("party_congress", "2016-05-06", "2016-05-06")]
    # a weekday that fits no week of the row stays as the text gives it
    text = "The 7th Congress of the WPK opened on Friday."
    assert dated(text, "2016-05-21") == [("party_congress", "2016-05-20", "2016-05-20")]


def test_a_described_conference_of_a_month() -> None:
    text = (
        "It was in September when the Workers' Party held its highest-level gathering for 30 years."
    )
    assert dated(text, "2010-11-07") == [("party_conference", "2010-09-28", "2010-09-28")]
    text = "Kim Jong Un was named at a rare conference of the ruling party in September 2010."
    assert dated(text, "2012-02-20") == [("party_conference", "2010-09-28", "2010-09-28")]
    # a month holds no plenum told by description alone
    text = "The ruling Workers' Party held a key meeting in December 2019, state media said."
    assert dated(text, "2020-01-20") == []


def test_one_in_a_year_after_a_series_of_congresses_or_conferences() -> None:
    text = "The party has held several party conferences, including one in 2010."
    assert dated(text, "2016-04-27") == [("party_conference", "2010-09-28", "2010-09-28")]
    text = "The Workers' Party held its congress in 1980 and another in 2016."
    assert dated(text, "2016-04-27") == [
        ("party_congress", "1980-10-10", "1980-10-14"),
        ("party_congress", "2016-05-06", "2016-05-09"),
    ]
    assert (
        dated("North Korea has had three nuclear tests, including one in 2013.", "2016-04-27") == []
    )


def test_its_first_party_congress_in_decades_with_a_capital() -> None:
    text = "The Workers' Party will hold its first Party Congress in 36 years, starting on May 6."
    assert dated(text, "2016-04-27") == [("party_congress", "2016-05-06", "2016-05-06")]


def test_a_meeting_named_by_the_year_it_falls_in() -> None:
    text = (
        "The party congress is the highest body of the Workers' Party of Korea. This year's "
        "congress is expected to be just as significant."
    )
    assert ("party_congress", "2026-02-19", "2026-02-25") in dated(text, "2026-02-08")
    # no congress named before: nothing to refer to
    assert dated("This year's congress is expected to be significant.", "2026-02-08") == []


def test_a_politburo_session_with_its_epithets() -> None:
    text = (
        "It follows a session of the smaller and more powerful party Politburo that was held "
        "earlier this month."
    )
    assert dated(text, "2019-12-23") == [("politburo_meeting", "2019-12", "2019-12")]


def test_the_party_s_delegates_meeting_on_a_day_are_the_chronology_s_meeting() -> None:
    text = "Delegates to the ruling Workers' Party will meet in Pyongyang on Sept. 28, state media said."
    assert dated(text, "2010-09-21") == [("party_conference", "2010-09-28", "2010-09-28")]
    text = "Delegates to the ruling Workers' Party will meet in Pyongyang on Sept. 20, state media said."
    assert dated(text, "2010-09-21") == []
    assert (
        dated("Delegates to the Labour Party conference will meet on Sept. 28.", "2016-05-01") == []
    )


def test_a_gathering_or_sitting_of_the_assembly_is_its_session() -> None:
    for noun in ("gathering", "sitting"):
        text = f"Kim took the title at the subsequent {noun} of the Supreme People's Assembly on April 13."
        assert dated(text, "2012-04-26") == [("spa_session", "2012-04-13", "2012-04-13")], noun
    # (a convocation of the assembly is its term)
    text = "Kim took the title at a convocation of the Supreme People's Assembly on April 13."
    assert dated(text, "2012-04-26") == []
