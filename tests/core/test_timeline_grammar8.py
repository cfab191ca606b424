"""Grammar 8: how wire services and newspapers tell of a meeting ("North Korea on Friday opened its
first ruling party congress since 1980", "wrapped up a four-day plenary meeting on Monday", "which
opened on October 5, ended on Wednesday"), the American "Labor Party", and a yearless date set in its
meeting's year by the chronology. Every sentence here was written for these tests (none is taken
from a test set)."""

from __future__ import annotations

import pytest

from wpk_archive.core.chronology import load_chronology
from wpk_archive.core.ingest import document_from_text
from wpk_archive.core.models import Event
from wpk_archive.core.timeline import extract_mentions, merge_mentions

CHRONOLOGY = load_chronology()


def events_of(text: str, date: str | None) -> list[Event]:
    doc = document_from_text(text, origin=f"test:g8:{hash(text)}", title="t", date=date)
    return [e for e in merge_mentions(extract_mentions(doc), CHRONOLOGY) if not e.reference_only]


def dated(text: str, date: str | None) -> list[tuple[str, str | None, str | None]]:
    return [(e.kind, e.start, e.end) for e in events_of(text, date)]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a subject, its date, the verb, then the name
        (
            "North Korea on Friday opened its first ruling party congress since 1980.",
            "2016-05-07",
            [("party_congress", "2016-05-06", "2016-05-06")],
        ),
        (
            "Kim on Monday presided over a Politburo meeting of the ruling party, KCNA said.",
            "2022-03-01",
            [("politburo_meeting", "2022-02-28", "2022-02-28")],
        ),
        # how long since the last one, between the name and its date
        (
            "Kim opened the first ruling party congress in five years on Tuesday, state media said.",
            "2021-01-06",
            [("party_congress", "2021-01-05", "2021-01-05")],
        ),
        (
            "The Supreme People's Assembly opened its first session in four years on Saturday.",
            "1998-09-06",
            [("spa_session", "1998-09-05", "1998-09-05")],
        ),
        # the party itself holds the meeting
        (
            "North Korea's ruling party opened a rare conference on Tuesday, its first since 1966.",
            "2010-09-28",
            [("party_conference", "2010-09-28", "2010-09-28")],
        ),
        (
            "North Korea wrapped up its eighth party congress on Tuesday with a parade planned.",
            "2021-01-13",
            [("party_congress", "2021-01-12", "2021-01-12")],
        ),
        (
            "The ruling party's conference on Wednesday named him first secretary.",
            "2012-04-12",
            [("party_conference", "2012-04-11", "2012-04-11")],
        ),
        (
            "The four-day plenary meeting of the ruling party ended on Friday, KCNA said.",
            "2022-06-11",
            [("cc_plenary", "2022-06-07", "2022-06-10")],
        ),
        # a length and a closing day: the whole range
        (
            "The Workers' Party of Korea wrapped up a four-day plenary meeting of its Central "
            "Committee on Monday.",
            "2024-07-01",
            [("cc_plenary", "2024-06-28", "2024-07-01")],
        ),
        (
            "The party's Central Committee wrapped up a three-day plenary meeting on Thursday.",
            "2021-02-12",
            [("cc_plenary", "2021-02-09", "2021-02-11")],
        ),
        (
            "The enlarged plenary meeting of the party's central committee opened on June 28 and "
            "lasted four days.",
            "2024-07-02",
            [("cc_plenary", "2024-06-28", "2024-07-01")],
        ),
        (
            "The North's legislature held a two-day session that ended Wednesday.",
            "2023-01-19",
            [("spa_session", "2023-01-17", "2023-01-18")],
        ),
        # the opening and the closing day in one sentence
        (
            "The party conference, which opened on October 5, ended on Wednesday.",
            "1966-10-13",
            [("party_conference", "1966-10-05", "1966-10-12")],
        ),
        (
            "The eighth congress of the ruling Workers' Party, which opened on Jan. 5, closed on "
            "Tuesday after eight days.",
            "2021-01-13",
            [("party_congress", "2021-01-05", "2021-01-12")],
        ),
        (
            "A plenary meeting of the WPK central committee, which began on Tuesday, closed on Friday.",
            "2021-06-19",
            [("cc_plenary", "2021-06-15", "2021-06-18")],
        ),
        # the Central Committee meets in plenum
        (
            "The party's Central Committee met on Wednesday for a plenary session, KCNA said Thursday.",
            "2020-08-20",
            [("cc_plenary", "2020-08-19", "2020-08-19")],
        ),
        # the SPA and an apposition; its numbered session of a term
        (
            "The Supreme People's Assembly, the country's rubber-stamp legislature, met on Tuesday "
            "and Wednesday in Pyongyang.",
            "2023-09-28",
            [("spa_session", "2023-09-26", "2023-09-27")],
        ),
        (
            "The Supreme People's Assembly held its seventh session of the 14th term from Jan. 17 "
            "to 18.",
            "2023-01-19",
            [("spa_session", "2023-01-17", "2023-01-18")],
        ),
        # "the Labor Party" of American papers
        (
            "Kim made his first public appearance in weeks. The last known meeting of the Central "
            "Military Commission of the Labor Party was in mid-December, state media in North "
            "Korea said.",
            "2020-05-03",
            [("cmc_meeting", "2019-12", "2019-12")],
        ),
        (
            "North Korea's ruling Labor Party opened a rare congress on Tuesday in Pyongyang.",
            "2021-01-06",
            [("party_congress", "2021-01-05", "2021-01-05")],
        ),
        # a yearless date in an anniversary article: the chronology's year where its days agree
        (
            "Pyongyang, August 30 (KCNA) -- The founding congress of the Workers' Party of North "
            "Korea was held in Pyongyang from August 28 to 30, the agency recalled.",
            "2004-08-31",
            [("party_congress", "1946-08-28", "1946-08-30")],
        ),
    ],
)
def test_news_wordings_give_the_meeting_and_its_days(
    text: str, date: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert dated(text, date) == expected


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "The Australian Labor Party opened its national conference on Tuesday in Brisbane.",
            "2023-08-16",
        ),
        (
            "Britain's Labour Party opened its annual conference on Sunday, days after Kim Jong Un "
            "met Putin.",
            "2023-10-08",
        ),
        ("The party's congress decides the line of the party.", "2012-04-12"),
        (
            "The parade on Tuesday marked the 70th anniversary of the ruling Workers' Party.",
            "2015-10-10",
        ),
        ("Kim Il Sung died on July 8, 1994, weeks before a planned summit.", "1994-07-10"),
        (
            "Vietnam's Communist Party on Monday opened its 13th congress, its first since 2016.",
            "2021-01-26",
        ),
        (
            "The Cabinet on Friday wrapped up a two-day plenary meeting on the economy in Pyongyang.",
            "2023-01-20",
        ),
    ],
)
def test_news_wordings_of_other_bodies_give_no_event(text: str, date: str) -> None:
    assert dated(text, date) == []


def test_a_yearless_date_keeps_its_year_where_the_chronology_holds_other_days() -> None:
    # the 8th Congress was held on 5-12 January 2021: "January 3 to 4" is not moved to 2021
    assert dated(
        "The 8th Congress of the Workers' Party of Korea was held from January 3 to 4.",
        "2024-02-01",
    ) == [("party_congress", "2024-01-03", "2024-01-04")]
