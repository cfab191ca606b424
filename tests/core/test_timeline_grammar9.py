"""Grammar 9: a plan's date far from its marker ("plans to convene ... in January"), days told
without a month ("between the 12th and the 14th"), a day counted from an event ("the day after the
foundation ... was proclaimed"), the parliament of an article about North Korea, a meeting to come
beside a past one of its kind, a scan's split ordinals ("the 12 th Plenum") and the tables of a
body's meetings on a reference page. Every sentence here was written for these tests (none is
taken from a test set)."""

from __future__ import annotations

import pytest

from wpk_archive.core.chronology import load_chronology
from wpk_archive.core.dates import find_dates
from wpk_archive.core.ingest import document_from_text
from wpk_archive.core.models import Event
from wpk_archive.core.timeline import extract_mentions, merge_mentions

CHRONOLOGY = load_chronology()


def events_of(text: str, date: str | None, title: str = "t") -> list[Event]:
    doc = document_from_text(text, origin=f"test:g9:{hash(text)}", title=title, date=date)
    return [e for e in merge_mentions(extract_mentions(doc), CHRONOLOGY) if not e.reference_only]


def dated(
    text: str, date: str | None, title: str = "t"
) -> list[tuple[str, str | None, str | None]]:
    return sorted(
        ((e.kind, e.start, e.end) for e in events_of(text, date, title)), key=lambda e: str(e)
    )


def days(text: str, date: str | None) -> list[tuple[str, str | None, str | None]]:
    return [(d.text, d.start_date, d.end_date) for d in find_dates(text, doc_date=date)]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a plan's month, far from "plans to" / "will": the next one, not the last
        (
            "Pyongyang plans to call a meeting of its rubber-stamp legislature in the capital in "
            "March, the North's media reported.",
            "2019-12-11",
            [("March", "2020-03", "2020-03")],
        ),
        (
            "Study sessions will be organised for party cadres in every county on these themes "
            "until the congress in November.",
            "1969-03-02",
            [("November", "1969-11", "1969-11")],
        ),
        # ... but not across a word of the past
        (
            "The delegates will review what the plenary meeting that was convened in the capital "
            "decided in October.",
            "1969-03-02",
            [("October", "1968-10", "1968-10")],
        ),
        # days told without their month
        (
            "Plenary meetings of the provincial committees took place between the 3rd and the 5th.",
            "2023-02-08",
            [("the 3rd and the 5th", "2023-02-03", "2023-02-05")],
        ),
        (
            "The meetings ran from the 20th to the 23rd in the provincial capitals.",
            "2023-03-02",
            [("the 20th to the 23rd", "2023-02-20", "2023-02-23")],
        ),
        (
            "The country will convene its parliament on the 28th, the agency said.",
            "2021-09-10",
            [("the 28th", "2021-09-28", "2021-09-28")],
        ),
        (
            "The parliament was convened on the 28th, the agency said.",
            "2021-09-10",
            [("the 28th", "2021-08-28", "2021-08-28")],
        ),
        # a plan's weekday: today's in a report of that day, and in a headline's "to hold"
        (
            "The North will hold a plenary session of the ruling party's central committee on "
            "Monday, the country's media said on Monday.",
            "2015-03-09",
            [("Monday", "2015-03-09", "2015-03-09"), ("Monday", "2015-03-09", "2015-03-09")],
        ),
        (
            "N. Korea to hold party plenary meeting on Sunday",
            "2015-03-05",
            [("Sunday", "2015-03-08", "2015-03-08")],
        ),
        (
            "Kim went to Wonsan to hold talks on Sunday.",
            "2015-03-05",
            [("Sunday", "2015-03-01", "2015-03-01")],
        ),
        # preparations for a meeting, and a decision on holding one
        (
            "Kim led a politburo meeting to prepare for the party congress in early February.",
            "1999-11-20",
            [("early February", "2000-02", "2000-02")],
        ),
        (
            "The bureau adopted a decision on convening the plenum in late August.",
            "1999-05-20",
            [("late August", "1999-08", "1999-08")],
        ),
        # a day and its own weekday in brackets: one date
        (
            "At a 12 March (Tuesday) meeting the bureau decided.",
            "2013-03-20",
            [("12 March (Tuesday)", "2013-03-12", "2013-03-12")],
        ),
        # a year joined by "of"
        (
            "The conference was held on March 3 of 1999 and on 5 May of 2001.",
            None,
            [
                ("March 3 of 1999", "1999-03-03", "1999-03-03"),
                ("5 May of 2001", "2001-05-05", "2001-05-05"),
            ],
        ),
        # ordinals of meetings are not days
        ("The Cabinet reviewed the work between the 5th and the 7th Congress.", "2023-02-08", []),
    ],
)
def test_dates_of_plans_and_monthless_days(
    text: str, date: str | None, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert days(text, date) == expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # the date fronting the sentence, "the day after" an event in apposition to it
        (
            "On 2 March 1972, the day after the new constitution was drafted, Kim spoke at the "
            "Fourth Session of the 5th Supreme People's Assembly.",
            None,
            [("spa_session", "1972-03-02", "1972-03-02")],
        ),
        # a date fronting the sentence, the clause of holding far after it, the report's day last
        (
            "On Thursday, Kim Jong Un stressed the tasks of building the party organs anew when "
            "he presided over a meeting of the Political Bureau of the Central Committee of the "
            "Workers' Party of Korea, state media said early Friday.",
            "2017-10-13",
            [("politburo_meeting", "2017-10-12", "2017-10-12")],
        ),
        # the parliament of an article about North Korea, its sentence not naming the country
        (
            "North Korea's leader was given a new title.\n\nState media said deputies re-elected "
            "him at the opening session of the new parliament on Thursday.",
            "2003-09-05",
            [("spa_session", "2003-09-04", "2003-09-04")],
        ),
        # an agency's dateline naming South Korea is not about the South's parliament
        (
            "SEOUL, South Korea (AP) — North Korea will convene a parliamentary session in late "
            "November, its state media said.",
            "2011-10-20",
            [("spa_session", "2011-11", "2011-11")],
        ),
        # a bare numbered Delegates' Conference, in an article about the party's conferences
        (
            "The Workers' Party of Korea will hold its 4th Conference in April. It is the first since the 3rd "
            "Delegates' Conference on 28 September 2010.",
            "2012-03-01",
            [
                ("party_conference", "2010-09-28", "2010-09-28"),
                ("party_conference", "2012-04-11", "2012-04-11"),
            ],
        ),
        # officials of the party's committees, with their rank
        (
            "Kim Jong Un called a consultative meeting of senior officials of the Party Central "
            "Committee and city Party committees on Monday.",
            "2022-05-11",
            [("other_party_meeting", "2022-05-09", "2022-05-09")],
        ),
        # a name's appositive between it and its date
        (
            "Pyongyang will convene the Supreme People's Assembly, its rubber-stamp legislature, "
            "on March 3, the official media said.",
            "2016-02-10",
            [("spa_session", "2016-03-03", "2016-03-03")],
        ),
        # what the body held, where, then the weekday
        (
            "North Korea's Supreme People's Assembly held a session in the capital Tuesday.",
            "2016-06-30",
            [("spa_session", "2016-06-28", "2016-06-28")],
        ),
        # a translator's order: the meeting's number on the bureau
        (
            "The extended meeting of the 9th Political Bureau of the 8th Central Committee of the "
            "Workers' Party of Korea was convened on 8 June 2022.",
            None,
            [("politburo_meeting", "2022-06-08", "2022-06-08")],
        ),
        # "the 12th-term" assembly, and an apostrophe typed as an opening quote
        (
            "Delegates gathered for the second session of the 13th-term Supreme People's Assembly "
            "on 26 September 2014.",
            None,
            [("spa_session", "2014-09-26", "2014-09-26")],
        ),
        (
            "North Korea will hold a plenum of its ruling party‘s central committee on Thursday.",
            "2019-12-20",
            [("cc_plenary", "2019-12-26", "2019-12-26")],
        ),
        # the meeting's length between its verb and its days
        (
            "The 2nd Plenary Meeting of the 8th Central Committee of the Workers' Party of Korea "
            "was held for four days from February 8 to 11.",
            "2021-02-12",
            [("cc_plenary", "2021-02-08", "2021-02-11")],
        ),
        # a gloss of the noun, and the date in quotes
        (
            "The Political Bureau decided to convene a plenary meeting (plenum) of the WPK Central "
            "Committee in “early June”.",
            "2019-05-21",
            [("cc_plenary", "2019-06", "2019-06")],
        ),
        # "the last conference" of cell chairs is theirs, not the party's
        (
            "The last conference of party cell chairs of the Workers' Party of Korea was held in "
            "December 2017.",
            "2021-03-01",
            [("other_party_meeting", "2017-12", "2017-12")],
        ),
        # a meeting of the bureau named without its article, dated before it; "the April 2018
        # party plenary"
        (
            "At a 12 March (Tuesday) meeting of Political Bureau of the Workers' Party of Korea "
            "Central Committee, the cadres were named.",
            "2013-03-20",
            [("politburo_meeting", "2013-03-12", "2013-03-12")],
        ),
        (
            "The Workers' Party of Korea met often. The December 2019 party plenary lasted four "
            "days.",
            "2021-01-06",
            [("cc_plenary", "2019-12-28", "2019-12-31")],
        ),
        # "a political bureau meeting" in lowercase
        (
            "Kim convened a political bureau meeting of the ruling Workers' Party of Korea on "
            "Sunday, the agency said.",
            "2022-05-16",
            [("politburo_meeting", "2022-05-15", "2022-05-15")],
        ),
        # "a plenary session" of the Assembly, and one of its Standing Committee
        (
            "In 1998, at a plenary session of the Supreme People's Assembly, the constitution was "
            "revised.",
            None,
            [("spa_session", "1998", "1998")],
        ),
        (
            "The 5th plenary session of the SPA Standing Committee was held on 2 June 2021.",
            None,
            [("spa_standing_committee", "2021-06-02", "2021-06-02")],
        ),
        # machine translations: "the Supreme People's Congress" (from Japanese), "the General
        # Assembly of the Central Committee" (a plenary meeting), dated "at the end of last month"
        (
            "North Korea will hold the Supreme People's Congress, the country's parliament, on "
            "the 11th.",
            "2021-01-05",
            [("spa_session", "2021-01-11", "2021-01-11")],
        ),
        (
            "Kim spoke at the General Assembly of the Central Committee of the Workers' Party of "
            "Korea at the end of last month.",
            "2021-01-05",
            [("cc_plenary", "2020-12", "2020-12")],
        ),
        # a scan's split ordinals
        (
            "Kim Jong Il was named at the 7 th Plenum of the 6 th Central Committee of the Workers' "
            "Party of Korea in June 1983.",
            None,
            [("cc_plenary", "1983-06-15", "1983-06-17")],
        ),
    ],
)
def test_meetings_dated(
    text: str, date: str | None, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert dated(text, date) == expected


def test_a_coming_plenum_beside_a_past_one_is_two_meetings() -> None:
    text = (
        "North Korea may soon hold a plenary meeting of the ruling party's Central Committee, "
        "analysts said. The North adopted its economic line at a plenary meeting of the Central "
        "Committee last year."
    )
    events = events_of(text, "2014-11-20")
    assert sorted(((e.kind, e.start, e.status) for e in events), key=str) == [
        ("cc_plenary", "2013", "held"),
        ("cc_plenary", None, "announced"),
    ]


def test_the_first_one_and_a_lowercase_ordinal_congress() -> None:
    text = (
        "The Workers' Party of Korea opened its 7th Congress in May 2016.\n\n"
        "Each WPK Congress since the first one in August 1946 has elected a Central "
        "Committee. The sixth congress in 1980 lasted five days, and the last (Fifth) Congress "
        "before it met in 1970."
    )
    keys = sorted(e.key for e in events_of(text, "2016-05-02"))
    assert keys == [
        "party_congress:1",
        "party_congress:5",
        "party_congress:6",
        "party_congress:7",
    ]


def test_a_lowercase_ordinal_congress_of_an_article_never_naming_the_wpk() -> None:
    text = "Delegates of the ruling party abroad met again. The 20th congress in 1956 was a turn."
    assert [e for e in events_of(text, "1990-01-01") if e.kind == "party_congress"] == []


def test_a_count_under_a_leader_is_no_number() -> None:
    text = (
        "North Korea opened the 8th Congress of the Workers' Party of Korea on 5 January 2021. "
        "It is the second party congress under the current leader. The previous congress was "
        "held in 2016."
    )
    keys = sorted(e.key for e in events_of(text, "2021-01-06"))
    assert keys == ["party_congress:7", "party_congress:8"]


def test_a_central_committee_pages_table_copied_with_bars() -> None:
    text = (
        "6th Central Committee of the Workers' Party of Korea\n\n"
        "Plenum | Start–end | Length |\n---|---|---|\n"
        "17th Plenary Session | 10–12 December 1988 | 3 days |\n"
        "18th Enlarged Plenary Session [4] | 5 June 1989 | 1 day |\n"
    )
    events = events_of(text, None, title="6th Central Committee of the Workers' Party of Korea")
    rows = sorted((e.key, e.start, e.end) for e in events if e.kind == "cc_plenary")
    assert rows == [
        ("cc_plenary:6:17", "1988-12-10", "1988-12-12"),
        ("cc_plenary:6:18", "1989-06-05", "1989-06-05"),
    ]


def test_a_count_of_congresses_is_no_number() -> None:
    text = "The Party Congress, which opened on Tuesday, is only the third one held in 41 years."
    # (the congress that opened on Tuesday 5 January 2021 is the 8th, by the chronology)
    assert [e.key for e in events_of(text, "2021-01-10")] == ["party_congress:8"]


def test_meetings_of_decades_are_no_event() -> None:
    text = (
        "From the 1960s through the 1980s, Party Central Committee meetings were convened before "
        "the sessions of the Supreme People's Assembly."
    )
    assert [e for e in events_of(text, "2013-03-27") if e.kind == "cc_plenary"] == []


def test_a_habit_of_recent_years_is_no_event() -> None:
    text = "In recent years, North Korea has held a year-end party plenary meeting to set its policies."
    assert dated(text, "2024-11-02") == []


def test_senior_officials_of_a_ministry_are_no_party_meeting() -> None:
    assert (
        dated(
            "A meeting of senior officials of the Ministry of Trade was held on 7 June 2021.", None
        )
        == []
    )


def test_parliament_of_an_article_about_the_south_stays_unread() -> None:
    text = (
        "Pyongyang, September 3 (KCNA) -- The ROK puppet regime faced protests in Seoul.\n\n"
        "The rally called for action ahead of the regular parliamentary session in September."
    )
    assert dated(text, "2024-09-03") == []


POLITBURO_PAGE = (
    "9th Politburo of the Workers' Party of Korea\n\n"
    "The 9th Politburo of the Workers' Party of Korea is the political bureau elected by the 1st "
    "Plenary Meeting of the 9th Central Committee.\n\n"
    "Meetings\n"
    "Meeting\tDate\tLength\n"
    "1st Meeting[4]\t14 March 2026\t1 day\n"
    "2nd Enlarged Meeting[5]\t2 May 2026\t1 day\n"
)


def test_a_politburo_pages_table_of_meetings() -> None:
    events = events_of(POLITBURO_PAGE, None, title="9th Politburo of the Workers' Party of Korea")
    rows = sorted((e.key, e.start) for e in events if e.kind == "politburo_meeting")
    assert rows == [
        ("politburo_meeting:9:1", "2026-03-14"),
        ("politburo_meeting:9:2", "2026-05-02"),
    ]


def test_an_assembly_pages_table_with_a_cell_a_line() -> None:
    text = (
        "11th Supreme People's Assembly\n\nThe 11th Supreme People's Assembly was elected in "
        "August 2003.\n\nSessions\n1st Session\n3 September 2003\n1 day\n2nd Session\n"
        "25 March 2004\n1 day\n"
    )
    events = events_of(text, None, title="11th Supreme People's Assembly")
    assert sorted((e.key, e.start) for e in events if e.kind == "spa_session") == [
        ("spa_session:11:1", "2003-09-03"),
        ("spa_session:11:2", "2004-03-25"),
    ]


def test_a_table_of_another_page_is_not_read_as_a_bodys() -> None:
    text = (
        "Chess olympiad results\n\nRound\tDate\n1st Meeting\t4 June 2021\n2nd Meeting\t"
        "30 June 2021\n"
    )
    assert events_of(text, None, title="Chess olympiad results") == []
