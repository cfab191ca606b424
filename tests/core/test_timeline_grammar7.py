"""Grammar 7: wordings of news agencies, embassy reports and encyclopedias that earlier grammars
missed, each with new sentences of the kind (none taken from the test sets)."""

from __future__ import annotations

import pytest

from wpk_archive.core.chronology import load_chronology
from wpk_archive.core.ingest import document_from_text
from wpk_archive.core.models import Event
from wpk_archive.core.timeline import extract_mentions, merge_mentions

CHRONOLOGY = load_chronology()


def events_of(text: str, date: str | None) -> list[Event]:
    doc = document_from_text(text, origin=f"test:g7:{hash(text)}", title="t", date=date)
    return [e for e in merge_mentions(extract_mentions(doc), CHRONOLOGY) if not e.reference_only]


def dated(text: str, date: str | None) -> list[tuple[str, str | None, str | None]]:
    return [(e.kind, e.start, e.end) for e in events_of(text, date)]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "SEOUL, March 3 (Yonhap) -- Kim Jong-un has presided over a politburo session of the "
            "ruling Workers' Party, state media said.\n\nDuring the session held the previous "
            "day, the party reviewed the spring sowing.",
            "2022-03-03",
            [("politburo_meeting", "2022-03-02", "2022-03-02")],
        ),
        (
            "Officials spoke during a politburo meeting of the Workers' Party on Monday, "
            "according to photos released a day later.",
            "2022-03-03",
            [("politburo_meeting", "2022-02-28", "2022-02-28")],
        ),
        (
            "On March 12, North Korea held the Supreme People's Assembly, which adopted the "
            "budget.",
            "2023-03-20",
            [("spa_session", "2023-03-12", "2023-03-12")],
        ),
        (
            "The paper said the Supreme People's Assembly was held in Pyongyang on March 12.",
            "2023-03-20",
            [("spa_session", "2023-03-12", "2023-03-12")],
        ),
        (
            "From 3 till 5 March 1963, Pyongyang hosted the Fifth Plenary session of the Central "
            "Committee of the Korean Workers' Party.",
            "1963-04-02",
            [("cc_plenary", "1963-03-03", "1963-03-05")],
        ),
        (
            "The North Hwanghae Provincial Party Conference was held on March 2.",
            "2016-03-10",
            [("other_party_meeting", "2016-03-02", "2016-03-02")],
        ),
        (
            "The Kaesong City Conference of the Workers' Party of Korea took place on March 2.",
            "2016-03-10",
            [("other_party_meeting", "2016-03-02", "2016-03-02")],
        ),
        (
            "The third session of the Supreme People's Assembly was held on October 5.",
            "1990-01-15",
            [("spa_session", "1989-10-05", "1989-10-05")],
        ),
        (
            "In April 1972 President Kim Il Sung (1912-1994) spoke at the Fifth Plenary "
            "Meeting of the Fifth Central Committee of the WPK.",
            None,
            [("cc_plenary", "1972-04", "1972-04")],
        ),
    ],
)
def test_wordings_of_grammar_7_are_read_and_dated(
    text: str, date: str | None, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert dated(text, date) == expected


def test_the_party_convention_is_the_congress() -> None:
    events = events_of("The Eighth Party Convention opened on January 5.", "2021-01-18")
    assert [(e.key, e.start) for e in events] == [("party_congress:8", "2021-01-05")]


def test_a_year_stays_when_the_day_is_near_or_to_come() -> None:
    # a week after the dateline: a slip or a plan, not last year's; a coming session keeps its year
    assert dated(
        "The third session of the Supreme People's Assembly was held on January 22.", "1990-01-15"
    ) == [("spa_session", "1990-01-22", "1990-01-22")]
    assert [
        e.start
        for e in events_of(
            "The third session of the Supreme People's Assembly will be held on October 5.",
            "1990-01-15",
        )
    ] == ["1990-10-05"]


def test_the_day_of_a_report_is_not_the_meetings() -> None:
    events = events_of(
        "The official news agency said Wednesday that Kim Jong Un presided over a plenary "
        "meeting of the Central Committee of the ruling Workers' Party.",
        "2021-06-16",
    )
    # not the report's day; only its month (grammar 10: a meeting state media just reported),
    # which holds the chronology's one plenum of June 2021, from the 15th
    assert [(e.kind, e.start, e.date_basis) for e in events] == [
        ("cc_plenary", "2021-06-15", "chronology")
    ]


def test_a_newspapers_issue_date_is_not_the_meetings() -> None:
    events = events_of(
        "The plenum dealt with agriculture (from the report of the plenum in Rodong Sinmun, "
        "9 March 1964).",
        "1964-04-01",
    )
    assert all(e.start != "1964-03-09" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "At a plenary meeting of the ruling Workers' Party, Kim said the plan had failed.",
        "The agency said he led a meeting of the Central Military Commission of the Workers' "
        "Party of Korea.",
    ],
)
def test_one_meeting_reported_without_a_date_is_kept(text: str) -> None:
    assert [e.start for e in events_of(text, "2020-08-20")] == [None]


def test_the_present_passive_of_rules_is_no_meeting() -> None:
    assert events_of("Such matters are decided at a meeting of the Political Bureau.", None) == []


@pytest.mark.parametrize(
    ("text", "label", "number"),
    [
        (
            "A national conference of party cell secretaries opened in Pyongyang on Monday.",
            "Conference of Party Cell Secretaries",
            None,
        ),
        (
            "The Third National Conference of Primary Committee Secretaries of the WPK opened "
            "on March 2.",
            "Conference",
            3,
        ),
        (
            "The First National Conference of Officials in the Agricultural Guidance Sector "
            "took place on March 2.",
            "National Conference of Officials in the Agricultural Guidance Sector",
            1,
        ),
        (
            "An enlarged meeting of the party committee of the Kangson Steel Complex was held "
            "on March 2.",
            "Party Committee",
            None,
        ),
    ],
)
def test_national_and_lower_party_meetings(text: str, label: str, number: int | None) -> None:
    events = [e for e in events_of(text, "2024-03-05") if e.kind == "other_party_meeting"]
    assert len(events) == 1, events
    assert label in events[0].name
    assert events[0].start is not None
    assert (number is None) == (not events[0].key.split(":")[-1].isdigit())


def test_the_conference_of_party_representatives_is_the_party_conference() -> None:
    events = events_of(
        "The Conference of Party Representatives was held in September 2010.", "2010-10-01"
    )
    assert [e.kind for e in events] == ["party_conference"]


def test_its_inaugural_session_is_the_spas() -> None:
    events = events_of(
        "The Supreme People's Assembly, the North's parliament, elected him in its inaugural "
        "session on Thursday.",
        "2014-04-11",
    )
    assert [(e.kind, e.start) for e in events] == [("spa_session", "2014-04-10")]


@pytest.mark.parametrize(
    ("text", "date", "key", "start"),
    [
        (
            "At the March Conference the factionalists were condemned.",
            "1958-04-02",
            "party_conference:1",
            "1958-03",
        ),
        (
            "The agenda of the September conference of the Workers' Party of Korea was set.",
            "2010-10-04",
            "party_conference:3",
            "2010-09",
        ),
    ],
)
def test_a_conference_named_by_its_month(text: str, date: str, key: str, start: str) -> None:
    events = events_of(text, date)
    assert [(e.key, (e.start or "")[:7]) for e in events] == [(key, start)]


def test_a_conference_of_another_body_named_by_its_month_is_not_the_partys() -> None:
    assert events_of("The March conference of the youth league was held.", "1958-04-02") == []


def test_a_page_dated_by_month_reports_the_congress_of_that_month() -> None:
    events = events_of(
        "State media said Friday that Kim spoke at the opening of the Workers' Party Congress.",
        "2026-02",
    )
    assert [e.key for e in events] == ["party_congress:9"]


@pytest.mark.parametrize(
    ("text", "kind", "start"),
    [
        (
            "The KWP's Central Committee met in plenary session in December 1993.",
            "cc_plenary",
            "1993-12",
        ),
        (
            "The Politburo convened on 15 July 2012 and dismissed the army chief.",
            "politburo_meeting",
            "2012-07-15",
        ),
    ],
)
def test_bodies_that_met_or_convened(text: str, kind: str, start: str) -> None:
    assert [(e.kind, e.start) for e in events_of(text, "2020-01-01")] == [(kind, start)]


def test_a_body_that_met_without_saying_how_is_no_plenum() -> None:
    assert events_of("The Central Committee met on Sunday.", "2020-01-01") == []


def test_the_plenary_session_of_a_party_story_is_the_central_committees() -> None:
    text = (
        "Kim Jong Un convened a meeting of top party officials, state media reported Sunday.\n\n"
        "The plenary session, which opened on Saturday, follows weeks of speculation.\n\n"
        "Kim is chairman of the governing Workers' Party of Korea."
    )
    assert [(e.kind, e.start) for e in events_of(text, "2019-12-29")] == [
        ("cc_plenary", "2019-12-28")
    ]
    # not in a story of no party, nor where the words are not the sentence's subject
    assert events_of("The plenary session, which opened on Saturday, ended.", "2019-12-29") == []
    assert (
        events_of(
            "The Workers' Party of Korea said the work ended at the plenary meeting earlier "
            "this year.",
            "2019-12-29",
        )
        == []
    )


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # an editor's insertion inside the name
        (
            "The December plenum of the [Korean] Workers' Party ended on 4 December.",
            "1962-01-10",
            [("cc_plenary", "1961-12-04")],
        ),
        # a heading in capitals, then the report
        (
            "THE FOURTH NORTH KOREAN PARTY CONGRESS\n\nThe congress opened on September 11.",
            "1961-10-02",
            [("party_congress", "1961-09-11")],
        ),
        # "inaugural": the first
        (
            "It was the inaugural congress of the Workers' Party of North Korea, held on August 28, "
            "1946.",
            "2004-08-28",
            [("party_congress", "1946-08-28")],
        ),
        # a weekday between a body and its verb
        (
            "The Secretariat of the Central Committee of the Workers' Party of Korea Sunday held a "
            "meeting on the epidemic.",
            "2022-06-13",
            [("secretariat_meeting", "2022-06-12")],
        ),
        # the parliament that met
        (
            "North Korea's rubber-stamp parliament met on Tuesday to review the budget.",
            "2023-01-19",
            [("spa_session", "2023-01-17")],
        ),
    ],
)
def test_headings_insertions_and_first_meetings(
    text: str, date: str, expected: list[tuple[str, str]]
) -> None:
    assert [(e.kind, e.start) for e in events_of(text, date)] == expected


def test_a_bare_congress_after_another_bodys_is_that_bodys() -> None:
    text = (
        "State media did not report on the 9th Congress of the youth league, which ran Friday "
        "through Sunday. The 8th Congress was held in February 1993."
    )
    assert events_of(text, "2016-08-29") == []


def test_the_last_congress_of_another_party_is_not_the_wpks() -> None:
    text = (
        "The LPRP convened a party congress every five years and the last congress was held in "
        "2016, the Vientiane Times reported."
    )
    assert events_of(text, "2021-01-13") == []


def test_an_inaugural_session_opened_by_the_parliament_is_its_first() -> None:
    events = events_of(
        "North Korea's new parliament opened its first session on Thursday.", "2009-04-10"
    )
    assert [(e.key, e.start) for e in events] == [("spa_session:12:1", "2009-04-09")]


def test_a_numbered_congress_on_a_date_and_a_congress_that_founded_the_party() -> None:
    assert [
        (e.key, e.start)
        for e in events_of(
            "The 2nd Central Committee of the WPK was elected at the 2nd Congress on 30 March 1948.",
            None,
        )
    ] == [("party_congress:2", "1948-03-30")]
    assert [
        (e.key, e.start)
        for e in events_of("It was founded at a congress on August 28-30, 1946.", "2020-01-01")
    ] == [("party_congress:1", "1946-08-28")]
    assert events_of("The Lao People's Party was founded at a congress in 1955.", None) == []
    assert events_of("He spoke at the 1st Congress on Peace and Friendship.", None) == []


def test_the_assembly_and_its_sessions_by_common_nouns() -> None:
    text = (
        "North Korea's Supreme People's Assembly convened on Wednesday.\n\n"
        "The assembly's last full meeting was in April last year, but a smaller session was "
        "held in late March this year."
    )
    assert sorted((e.kind, e.start) for e in events_of(text, "2016-06-29")) == [
        ("spa_session", "2015-04-09"),  # (April 2015: the chronology's day)
        ("spa_session", "2016-03"),
        ("spa_session", "2016-06-29"),
    ]
    # no Supreme People's Assembly named: "the assembly" is nobody's
    assert events_of("The assembly's last full meeting was in April last year.", "2016-06-29") == []


def test_a_plenum_which_had_just_concluded_closed_in_the_month_of_the_report() -> None:
    events = events_of(
        "Nam Il told about the work of the KWP CC Plenum which had just concluded.", "1957-10-19"
    )
    assert [(e.kind, e.start) for e in events] == [("cc_plenary", "1957-10")]


def test_the_month_told_before_and_a_past_deed_at_a_yearless_meeting() -> None:
    text = (
        "North Korea blew up sections of the roads on October 15. North Korea later said its "
        "constitution was amended during a parliamentary meeting earlier that month."
    )
    assert [(e.kind, e.start) for e in events_of(text, "2024-12-06")] == [
        ("spa_session", "2024-10-07")  # (October 2024: the chronology's session)
    ]
    # a deed told in the past at a December meeting, in September: last December
    past = "At a year-end party meeting in December, he defined inter-Korean ties anew."
    assert [e.start for e in events_of(past, "2024-09-16")] == ["2023-12-26"]  # (its plenum)
    coming = "At a year-end party meeting in December, he will define inter-Korean ties anew."
    assert [e.start for e in events_of(coming, "2024-09-16")] == ["2024-12-23"]  # (its plenum)


def test_a_meeting_of_a_city_party_organizations_activists() -> None:
    events = events_of(
        "A meeting of the Pyongyang Party organization activists was held on 10 December.",
        "1957-12-19",
    )
    assert [(e.kind, e.start) for e in events] == [("other_party_meeting", "1957-12-10")]
    assert (
        events_of("A meeting of the Pyongyang youth organization activists was held.", None) == []
    )


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "The last CC plenum was held in April 2019.",
            "2019-12-10",
            [("cc_plenary", "2019-04-10")],
        ),
        (
            "The 5th plenary session convened by Kim was held on Saturday, the Workers' Party said.",
            "2019-12-29",
            [("cc_plenary", "2019-12-28")],
        ),
        (
            "The standing committee of the Supreme People's Assembly held its 34th plenary meeting "
            "on Thursday.",
            "2024-12-06",
            [("spa_standing_committee", "2024-12-05")],
        ),
        (
            "In the second meeting of 13th SPA, convened on Sept. 25, a vice chairman was elected.",
            "2015-03-20",
            [("spa_session", "2014-09-25")],
        ),
        (
            '"The second session of the 10th SPA is to be called here on April 7," said KCNA.',
            "1999-03-18",
            [("spa_session", "1999-04-07")],
        ),
        (
            "North Korea's newly elected parliament met for the first time on Wednesday.",
            "2014-04-10",
            [("spa_session", "2014-04-09")],
        ),
        (
            "Kim Il Sung spoke at Thursday's special session of the Supreme People's Assembly.",
            "1990-05-25",
            [("spa_session", "1990-05-24")],
        ),
        (
            "North Korea's rubber-stamp parliament was last convened in September.",
            "1999-03-18",
            [("spa_session", "1998-09-05")],
        ),
    ],
)
def test_plenums_and_sessions_of_wire_copy(
    text: str, date: str, expected: list[tuple[str, str]]
) -> None:
    assert [(e.kind, e.start) for e in events_of(text, date)] == expected


def test_conferences_of_several_provinces_and_cities_named_together() -> None:
    for text in (
        "The Conferences of South Hamgyong, Ryanggang and North Hwanghae Provinces and Nampho "
        "City of the Workers' Party of Korea to elect delegates to the WPK Conference were held.",
        "North Phyongan, Ryanggang and North Hwanghae Provincial and Nampho City Conferences of "
        "the Workers' Party of Korea were held.",
    ):
        events = [e for e in events_of(text, "2012-03-30") if e.kind == "other_party_meeting"]
        first = "South Hamgyong" if "Hamgyong" in text else "North Phyongan"
        assert {e.name.split(" Committee")[0] for e in events} == {
            "Conference of the Nampho City",
            "Conference of the North Hwanghae Provincial",
            "Conference of the Ryanggang Provincial",
            f"Conference of the {first} Provincial",
        }
        assert all(e.status == "held" for e in events)
        others = [e for e in events_of(text, "2012-03-30") if e.kind == "party_conference"]
        assert all(e.status == "announced" for e in others)


@pytest.mark.parametrize(
    ("text", "key", "start"),
    [
        (
            "The Central Military Commission of the Party held its 3rd enlarged meeting on 23 May "
            "2020.",
            "cmc_meeting:?:3",
            "2020-05-23",
        ),
        (
            "The KWP's 13th Politburo meeting of the 7th CC took place on 7 June 2020.",
            "politburo_meeting:7:13",
            "2020-06-07",
        ),
        (
            "The 13th Politburo meeting of the 7th Central Committee took place on 7 June 2020.",
            "politburo_meeting:7:13",
            "2020-06-07",
        ),
    ],
)
def test_numbered_meetings_of_bodies_in_wire_wording(text: str, key: str, start: str) -> None:
    events = events_of(text, "2020-06-10")
    assert [(e.key, e.start) for e in events] == [(key, start)]
