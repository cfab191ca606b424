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
            # (the one session of April 2010 in the chronology: its day, 9 April)
            "North Korea's Supreme People's Assembly to convene in April",
            "2010-03-09",
            [("spa_session", "2010-04-09", "2010-04-09")],
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
    # (April 2010, refined to the chronology's 9 April; never the farm's 20 April)
    assert dated(text, "2010-05-01") == [("spa_session", "2010-04-09", "2010-04-09")]


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
            # (grammar 11: a one-day meeting is of the day before the report; it was the month)
            [("politburo_meeting", "2021-08-01", "2021-08-01")],
        ),
        (
            # reported on the 1st: held the day before, in the month before
            "Kim Jong Un chaired a meeting of the Central Military Commission, KCNA reported.",
            "2022-03-01",
            [("cmc_meeting", "2022-02-28", "2022-02-28")],
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
        # (a plan: "next week" would date it, to that week's month, since grammar 13)
        "Kim Jong Un will preside over a politburo meeting soon, state media said.",
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
    # (late September 2010: the chronology's 3rd Conference, on the 28th)
    assert [(e.kind, e.start, e.status) for e in events] == [
        ("party_conference", "2010-09-28", "announced")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In April 2015, Pyongyang announced that a session of the Supreme People's Assembly "
            "was held in Pyongyang.",
            [("spa_session", "2015-04-09", "2015-04-09")],  # (the chronology's day)
        ),
        # a weekday fronted before a report is the report's day: no date for the meeting
        ("On Tuesday, state media reported that the Political Bureau met.", []),
    ],
)
def test_a_fronted_month_of_what_was_announced(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dated(text, "2016-01-18") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The 3rd Plenary Meeting of the 8th Central Committee was held in June 2021.",
        "The 3rd Plenary Meeting of the 8th Central Committee was held in 2021.",
    ],
)
def test_a_coarse_date_takes_the_chronologys_days_inside_it(text: str) -> None:
    # the chronology has the plenum on 15-18 June 2021: the text's month (or year) holds them
    events = events_of(text, "2022-01-01")
    assert [(e.start, e.end, e.precision, e.date_basis) for e in events] == [
        ("2021-06-15", "2021-06-18", "day", "chronology")
    ]


def test_a_text_day_is_not_replaced_by_the_chronology() -> None:
    text = "The 3rd Plenary Meeting of the 8th Central Committee opened on June 15, 2021."
    events = events_of(text, "2022-01-01")
    assert [(e.start, e.date_basis) for e in events] == [("2021-06-15", "text")]


def test_a_meeting_just_opened_keeps_the_texts_day() -> None:
    # the chronology has 28 June to 1 July 2024; the text tells the opening day only
    text = (
        "The 10th Plenary Meeting of the 8th Central Committee of the WPK opened in Pyongyang "
        "on Friday, state media said."
    )
    events = events_of(text, "2024-06-30")
    assert [(e.start, e.end, e.date_basis) for e in events] == [
        ("2024-06-28", "2024-06-28", "dateline")
    ]


def test_a_copula_after_an_adverb_names_the_meeting_before() -> None:
    text = (
        "The meeting was held at the office building on 12 March. Technically, this was the "
        "5th enlarged meeting of the 8th CMC."
    )
    assert ("cmc_meeting", "2023-03-12", "2023-03-12") in dated(text, "2023-03-14")


PLAN = "The party will hold a plenary meeting of its Central Committee in late December. "


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("Last year's plenum focused on farming.", ("cc_plenary", "2021", "2021")),
        (
            "The previous plenary meeting, held in June, dealt with the pandemic.",
            ("cc_plenary", "2022-06-08", "2022-06-10"),  # (June 2022: the chronology's days)
        ),
        (
            "At the previous plenary meeting in June, Kim spoke of the economy.",
            ("cc_plenary", "2022-06-08", "2022-06-10"),
        ),
    ],
)
def test_an_earlier_meeting_of_the_kind_is_another_meeting(
    second: str, expected: tuple[str, str, str]
) -> None:
    events = dated(PLAN + second, "2022-12-01")
    assert ("cc_plenary", "2022-12-26", "2022-12-31") in events  # (the plan: late December 2022)
    assert expected in events and len(events) == 2


@pytest.mark.parametrize(
    "second",
    [
        "Its last session was held in September.",
        "The previous session, in September, passed a law.",
    ],
)
def test_an_earlier_session_of_the_assembly(second: str) -> None:
    events = dated("The Supreme People's Assembly will convene in January. " + second, "2022-12-01")
    assert ("spa_session", "2022-09-07", "2022-09-08") in events  # (September 2022's session)
    assert len(events) == 2


def test_an_undated_earlier_meeting_is_not_kept() -> None:
    text = PLAN + "It will review the decisions of the previous plenary meeting."
    assert dated(text, "2022-12-01") == [("cc_plenary", "2022-12-26", "2022-12-31")]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "North Korea is holding its first ruling party congress in 36 years.",
            "2016-05-07",
            [("party_congress", "2016-05-06", "2016-05-09")],  # (in session: May 2016's)
        ),
        (
            "North Korea's ruling party will hold its biggest political conference in 30 years "
            "on Sept. 28.",
            "2010-09-06",
            [("party_conference", "2010-09-28", "2010-09-28")],
        ),
        (
            "The ruling party's once-in-a-generation congress opened on Friday.",
            "2016-05-07",
            [("party_congress", "2016-05-06", "2016-05-06")],
        ),
        (
            "Delegates gathered for the Workers' Party congress, the first since 1980, on Friday.",
            "2016-05-07",
            [("party_congress", "2016-05-06", "2016-05-06")],
        ),
    ],
)
def test_news_descriptions_of_a_congress_or_conference(
    text: str, date: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dated(text, date) == expected


@pytest.mark.parametrize(
    "text",
    [
        "China's ruling party will hold its biggest political conference in 30 years on Oct. 16.",
        "The Chinese Communist Party is holding its congress in Beijing.",
    ],
)
def test_descriptions_that_name_no_wpk_meeting_held(text: str) -> None:
    assert all(start is None for _, start, _ in dated(text, "2016-05-07"))


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "North Korea will convene its rubber-stamp parliament on Jan. 17, the official news "
            "agency said.",
            "2022-12-20",
            [("spa_session", "2023-01-17", "2023-01-17")],
        ),
        # a plan: the next April, not the one just past
        (
            "North Korea's parliament is set to convene on April 11.",
            "2021-06-01",
            [("spa_session", "2022-04-11", "2022-04-11")],
        ),
        # told as held: the December before the publication, not the one to come
        (
            "The Central Committee of the Workers' Party held its 13th plenary session in "
            "Pyongyang from December 1 to 5.",
            "1988-06-01",
            [("cc_plenary", "1987-12-01", "1987-12-05")],
        ),
    ],
)
def test_the_parliament_convened_and_the_year_of_a_told_month(
    text: str, date: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dated(text, date) == expected


def test_another_countrys_parliament_is_no_session() -> None:
    assert dated("South Korea will convene its parliament on Jan. 17.", "2022-12-20") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The 1966 party conference, held from 5 to 12 October, revised the plan.",
            [("party_conference", "1966-10-05", "1966-10-12")],
        ),
        (
            "The 1980 congress opened on October 10.",
            [("party_congress", "1980-10-10", "1980-10-10")],
        ),
    ],
)
def test_a_yearless_day_in_the_year_of_the_meetings_name(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dated(text, "1995-01-01") == expected


def test_the_old_political_committee_is_the_political_bureau() -> None:
    text = "The Political Committee of the KWP Central Committee met on 17 February 1972."
    assert dated(text, "1995-01-01") == [("politburo_meeting", "1972-02-17", "1972-02-17")]
    other = "The Political Committee of the Chinese Communist Party met on 17 February 1972."
    assert dated(other, "1995-01-01") == []


def test_the_party_held_its_numbered_plenary_meeting_capitalised() -> None:
    text = (
        "The Workers' Party of Korea met often. Between 26 and 30 December 2023, the party held "
        "its Ninth Plenary Meeting."
    )
    assert ("cc_plenary", "2023-12-26", "2023-12-30") in dated(text, "2024-01-15")


@pytest.mark.parametrize(
    "text",
    [
        "The WPK held its ninth and tenth plenary meetings in December 2023 and June 2024.",
        "The ninth and tenth plenary meetings of the Eighth Central Committee took place in "
        "December 2023 and June 2024.",
    ],
)
def test_two_meetings_of_one_name_and_two_dates_in_order(text: str) -> None:
    # (the 9th takes the chronology's days of December; the 10th ran into July: June, as told)
    assert dated(text, "2024-07-15") == [
        ("cc_plenary", "2023-12-26", "2023-12-30"),
        ("cc_plenary", "2024-06", "2024-06"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Fourth Congress convened on 11 September 1961 and adjourned on 18 September.",
            [("11 September 1961", "1961-09-11"), ("18 September", "1961-09-18")],
        ),
        (
            "The session opened on 28 December 1961, then closed on 2 January.",
            [("28 December 1961", "1961-12-28"), ("2 January", "1962-01-02")],
        ),
        # a report's day is not carried: the anniversary's year is another
        (
            "On the anniversary of 25 June 1950, state media said on June 25 that the war went on.",
            [("25 June 1950", "1950-06-25"), ("June 25", "1990-06-25")],
        ),
    ],
)
def test_a_year_written_once_is_carried_to_the_days_after_it(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t, s) for t, s, _ in days(text, "1990-08-01")] == expected


def test_the_carried_year_dates_the_closing_day() -> None:
    text = (
        "The Fourth Congress of the Korean Workers' Party convened on 11 September 1961 and "
        "adjourned on 18 September."
    )
    assert dated(text, "1990-01-01") == [("party_congress", "1961-09-11", "1961-09-18")]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "The 6th Plenum of the KWP took place between 13 and 15 May 1963.",
            "1963-06-20",
            [("cc_plenary", "1963-05-13", "1963-05-15")],
        ),
        (
            "In Pyongyang a KWP CC Presidium meeting was held on 4 July.",
            "1957-07-05",
            [("politburo_meeting", "1957-07-04", "1957-07-04")],
        ),
        (
            "The first session of the second convocation of the Supreme People's Assembly "
            "opened on 18 September.",
            "1957-10-05",
            [("spa_session", "1957-09-18", "1957-09-18")],
        ),
        (
            "The party's Central Committee held its fourth plenary session on Dec. 27, 2021 for "
            "five days.",
            "2022-06-10",
            [("cc_plenary", "2021-12-27", "2021-12-31")],
        ),
    ],
)
def test_older_and_analysts_wordings(
    text: str, date: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dated(text, date) == expected


def test_a_convocation_is_the_term_of_the_assembly() -> None:
    text = "The first session of the second convocation of the Supreme People's Assembly opened."
    keys = [e.key for e in events_of(text, "1957-10-05")]
    assert keys == ["spa_session:2:1"]


def test_a_headlines_body_after_a_comma_is_not_the_party() -> None:
    assert dated("5th Enlarged Plenary Meeting of 9th C.C., Youth League", "2017-11-07") == []
    assert dated("2nd Plenary Meeting of 7th C.C., WPK, Held", "2017-10-08") != []


def test_an_ended_term_is_not_the_term_told_of() -> None:
    text = (
        "The first session of the 10th Supreme People's Assembly was held in September 1998. "
        "The five-year term of office for the ninth SPA expired in 1995. The premier was elected "
        "at the first session of the SPA."
    )
    assert {e.key for e in events_of(text, "1998-10-01")} == {"spa_session:10:1"}


@pytest.mark.parametrize(
    "text",
    [
        "In summer 1959 the top CCP elites gathered on Mount Lushan. The Eighth Plenum of the "
        "Eighth Central Committee followed the enlarged Politburo session of the CCP.",
        # (the CCP by its initials alone makes the article another party's)
        "In summer 1959 the top CCP elites gathered on Mount Lushan. The Eighth Plenum of the "
        "Eighth Central Committee followed.",
    ],
)
def test_an_explicit_plenum_of_an_article_about_another_party(text: str) -> None:
    assert dated(text, "2005-01-01") == []


def test_the_assembly_with_its_day_in_brackets() -> None:
    text = (
        "Two events are coming: a Korean Workers Party Conference (April 11th) and the Supreme "
        "People's Assembly (April 13th)."
    )
    assert dated(text, "2012-04-05") == [
        ("party_conference", "2012-04-11", "2012-04-11"),
        ("spa_session", "2012-04-13", "2012-04-13"),
    ]


def test_north_koreas_parliament_beside_south_korea() -> None:
    text = (
        "In his speech at a session of North Korea's parliament, the Supreme People's Assembly "
        "on Monday, Kim blamed South Korea."
    )
    assert dated(text, "2024-01-16") == [("spa_session", "2024-01-15", "2024-01-15")]
    assert dated("South Korea's parliament met on Monday as the North fired.", "2024-01-16") == []


def test_a_fronted_day_before_a_body_with_its_term() -> None:
    text = (
        "On the 11th of April the 7th Central Committee of the Workers' Party of Korea held its "
        "4th plenary meeting presided over by Kim Jong Un."
    )
    # (the text's day is kept, though the chronology has the 10th: both are shown)
    events = events_of(text, "2019-04-22")
    assert [(e.key, e.start) for e in events] == [("cc_plenary:7:4", "2019-04-11")]
    assert events[0].chronology is not None and events[0].chronology["start"] == "2019-04-10"


def test_a_just_concluded_meeting_is_of_the_reports_month() -> None:
    text = "Kim was elected chairman at the just-concluded party congress."
    assert dated(text, "2016-05-10") == [("party_congress", "2016-05-06", "2016-05-09")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Central Military Commission met in an enlarged session at the party headquarters "
            "on 12 March.",
            [("cmc_meeting", "2023-03-12", "2023-03-12")],
        ),
        (
            "North Korea's top military body, the Central Military Commission, met Monday.",
            [("cmc_meeting", "2023-03-13", "2023-03-13")],
        ),
        (
            "The Central Committee met in an enlarged session on Monday.",
            [("cc_plenary", "2023-03-13", "2023-03-13")],
        ),
    ],
)
def test_a_body_met_in_an_enlarged_session(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dated(text, "2023-03-14") == expected


def test_another_bodys_meeting_after_a_comma_is_not_the_politburos() -> None:
    text = (
        "Soon after receiving the decision of the Political Bureau of the Party Central "
        "Committee, the Cabinet convened a consultative meeting of senior officials on Monday."
    )
    assert all(kind != "politburo_meeting" for kind, _, _ in dated(text, "2024-08-05"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It took place on Juche 101.4.11.", [("Juche 101.4.11", "2012-04-11")]),
        ("Dated Juche 112-12-26.", [("Juche 112-12-26", "2023-12-26")]),
        ("In Juche 101 (2012) the conference met.", [("Juche 101 (2012)", "2012")]),
    ],
)
def test_juche_dates_written_with_numbers(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, s) for t, s, _ in days(text, "2024-01-01")] == expected


def test_a_fronted_count_of_days_before_the_subject_and_its_verb() -> None:
    text = (
        "The Fourth Conference of the WPK was held on April 11, 2012. Two days later, the fifth "
        "session of the 12th SPA met."
    )
    assert dated(text, "2012-04-20") == [
        ("party_conference", "2012-04-11", "2012-04-11"),
        ("spa_session", "2012-04-13", "2012-04-13"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The General Federation of Trade Unions of Korea held a plenary meeting of its Central "
        "Committee on Monday.",
        "The Kimilsungist-Kimjongilist Youth League held its 10th Congress in April 2021.",
        "The Cabinet held an enlarged plenary meeting on Tuesday to review the first half.",
        "The plenary meeting of the Central Committee of the Japanese Communist Party opened on "
        "Monday.",
        "Kim Jong Un sent greetings to the 20th Congress of the Communist Party of China, which "
        "opened on Sunday.",
    ],
)
def test_other_bodies_meetings_are_not_the_partys(text: str) -> None:
    assert dated(text, "2023-06-20") == []


def test_this_years_plenary_session_is_the_one_told_of() -> None:
    text = (
        "Kim presided over the fifth enlarged plenary meeting of the party's eighth Central "
        "Committee, which kicked off on Wednesday. The ministry said it is unusual for the North "
        "to withhold media coverage of this year's plenary session."
    )
    assert [e.key for e in events_of(text, "2022-06-10")] == ["cc_plenary:8:5"]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "The 9th Congress of the WPK closed on Wednesday. The previous convention was held "
            "in 2021.",
            "2026-02-26",
            ("party_congress", "2021-01-05", "2021-01-12"),  # (2021: the 8th Congress's days)
        ),
        (
            "The 6th round of the 11th term of Supreme People's Assembly was held on April 9.",
            "2008-04-12",
            ("spa_session", "2008-04-09", "2008-04-09"),
        ),
    ],
)
def test_machine_translations_convention_and_round(
    text: str, date: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dated(text, date)


@pytest.mark.parametrize(
    "text",
    [
        "The Workers' Party held party conferences in 1958 and 1966.",
        "The Workers' Party will hold a conference of delegates on Sept. 28. Similar delegates' "
        "conferences were held in 1958 and 1966.",
    ],
)
def test_conferences_in_the_plural_one_per_year(text: str) -> None:
    starts = {start for kind, start, _ in dated(text, "2010-09-05") if kind == "party_conference"}
    assert {"1958-03-03", "1966-10-05"} <= starts  # (the chronology's days in those years)


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "North Korea's Politburo met on Saturday, while the larger Supreme People's Assembly "
            "was scheduled to happen on Friday.",
            "2020-04-12",
            ("spa_session", "2020-04-10", "2020-04-10"),  # (a plan told after: last Friday)
        ),
        (
            "North Korea's Supreme People's Assembly holds a meeting at the Mansudae Assembly "
            "Hall in Pyongyang on April 12, 2020.",
            "2021-02-07",
            ("spa_session", "2020-04-12", "2020-04-12"),
        ),
        (
            "Kim attended the meeting of the ruling Workers' Party Central Committee's "
            "Politbureau on Tuesday.",
            "2020-04-12",
            ("politburo_meeting", "2020-04-07", "2020-04-07"),
        ),
        (
            "The last meeting of the Supreme People's Assembly in April of this year passed a law.",
            "2020-12-06",
            ("spa_session", "2020-04-12", "2020-04-12"),  # (April 2020: the chronology's day)
        ),
    ],
)
def test_assembly_and_politburo_in_wire_copy(
    text: str, date: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dated(text, date)


def test_a_plan_told_in_the_past_looks_back() -> None:
    assert days("The session was scheduled to open on Friday.", "2020-04-13") == [
        ("Friday", "2020-04-10", "2020-04-10")
    ]
    assert days("The session is scheduled to open on Friday.", "2020-04-13") == [
        ("Friday", "2020-04-17", "2020-04-17")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At the Supreme People's Assembly, North Korea's legislature, in Pyongyang on "
            "Thursday, Kim was absent.",
            [("spa_session", "2019-12-26", "2019-12-26")],
        ),
        (
            "North Korea is holding a four-day plenary session of the party, state media said.",
            [("cc_plenary", "2019-12-28", "2019-12-31")],  # (in session: the chronology's days)
        ),
        ("The Chinese Communist Party held a plenary session of the party in Beijing.", []),
    ],
)
def test_appositives_and_the_party_as_owner(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert dated(text, "2019-12-29") == expected


def test_a_meeting_under_way_is_in_the_reports_month() -> None:
    text = (
        "The 6th Conference of Cell Secretaries of the Workers' Party of Korea is under way in "
        "Pyongyang, state media said Thursday."
    )
    # (April 2021, and in it the chronology's days of the 6th Conference, 6 to 8 April)
    assert dated(text, "2021-04-08") == [("other_party_meeting", "2021-04-06", "2021-04-08")]


def test_a_list_of_congresses_under_its_head() -> None:
    text = (
        "The Workers' Party of Korea. Congresses: 1st (28–30 August 1946), 2nd (27–30 March "
        "1948), 6th (10–14 October 1980)."
    )
    assert dated(text, "2020-01-01") == [
        ("party_congress", "1946-08-28", "1946-08-30"),
        ("party_congress", "1948-03-27", "1948-03-30"),
        ("party_congress", "1980-10-10", "1980-10-14"),
    ]
    other = (
        "The Communist Party of China. Congresses: 1st (23–31 July 1921), 2nd (16–23 July 1922)."
    )
    assert dated(other, "2020-01-01") == []


def test_north_koreas_parliament_in_a_sentence_naming_the_south() -> None:
    text = (
        "TOKYO — North Korea's parliament was to convene Wednesday amid diplomatic moves "
        "including meetings with the South Korean and U.S. presidents."
    )
    assert dated(text, "2018-04-12") == [("spa_session", "2018-04-11", "2018-04-11")]


def test_a_translations_labor_party_makes_no_foreign_article() -> None:
    text = (
        "North Korea revised the party rules at the 8th Labor Party Conference on the 9th. The "
        "secretariat was abolished at the 7th Party Congress in 2016, and South Korea watched."
    )
    assert ("party_congress", "2016-05-06", "2016-05-09") in dated(text, None)


def test_the_year_end_general_meeting_of_the_central_committee() -> None:
    text = (
        "Pak Thae Song was named premier at the annual year-end general meeting of the Central "
        "Committee of the Workers' Party of Korea, which ended on Sunday."
    )
    # (the closing day as the text tells it; the chronology has 23-27 December 2024)
    assert dated(text, "2024-12-30") == [("cc_plenary", "2024-12-29", "2024-12-29")]


def test_the_korean_labor_party_congress_is_the_wpks() -> None:
    text = "This is a published list after the 8th Korean Labor Party Congress."
    assert [e.key for e in events_of(text, "2021-01-11")] == ["party_congress:8"]
    assert dated("The South Korean Labor Party held its congress in 1946.", "1990-01-01") == []
