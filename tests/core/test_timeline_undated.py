"""Meetings a text reports but neither numbers nor dates: kept, one event per document, and folded
into the document's own dated mention of the same meeting where there is one.

The sentences are of the kind news agencies and embassy reports write ("the political bureau
convened an enlarged meeting to discuss ..."); none is taken from the test sets.
"""

from __future__ import annotations

import pytest

from wpk_archive.core.chronology import load_chronology
from wpk_archive.core.ingest import document_from_text
from wpk_archive.core.models import Event
from wpk_archive.core.timeline import extract_mentions, merge_mentions

CHRONOLOGY = load_chronology()


def events_of(*texts: str, date: str = "2019-11-04") -> list[Event]:
    mentions = []
    for number, text in enumerate(texts):
        doc = document_from_text(text, origin=f"test:undated:{number}", title="t", date=date)
        mentions.extend(extract_mentions(doc))
    return [e for e in merge_mentions(mentions, CHRONOLOGY) if not e.reference_only]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The party's political bureau convened an enlarged meeting to discuss the "
            "dismissal of the premier, the agency said.",
            "politburo_meeting",
        ),
        (
            "Kim Jong Un presided over an enlarged meeting of the ruling Workers' Party's "
            "Central Military Commission, state television showed.",
            "cmc_meeting",
        ),
        (
            "Analysts expect that another plenum of the Party Central Committee will be "
            "convened before the harvest.",
            "cc_plenary",
        ),
        (
            "With Pyongyang hosting an expanded meeting of the Central Military Commission, "
            "observers looked for personnel changes.",
            "cmc_meeting",
        ),
    ],
)
def test_a_meeting_reported_as_held_is_kept_undated(text: str, kind: str) -> None:
    events = events_of(text)
    assert [(e.kind, e.start) for e in events] == [(kind, None)]


@pytest.mark.parametrize(
    "text",
    [
        "A plenary meeting of the Central Committee is convened once a year.",
        "The party has not convened a plenum of the Central Committee for two years.",
        "Plenary meetings of the Central Committee were held in the provinces.",
        "The Political Bureau of the Central Committee must convene an enlarged meeting "
        "when half of its members ask for one.",
        "The decisions of the meeting of the Political Bureau were studied by officials.",
        "Put on the agenda was the convening of a session of the Supreme People's Assembly.",
    ],
)
def test_meetings_spoken_of_in_general_are_not_events(text: str) -> None:
    assert events_of(text) == []


def test_the_undated_meetings_of_two_articles_stay_two_events() -> None:
    events = events_of(
        "The party's political bureau convened an enlarged meeting to discuss the harvest.",
        "The party's political bureau convened an enlarged meeting to discuss the floods.",
    )
    assert len(events) == 2
    assert len({e.id for e in events}) == 2
    assert all(len(e.sources) == 1 for e in events)


def test_an_undated_headline_folds_into_the_reports_numbered_meeting() -> None:
    text = (
        "Kim Jong Un presides over an enlarged meeting of the Political Bureau\n\n"
        "The 12th Enlarged Meeting of the Political Bureau of the Seventh Central Committee of "
        "the Workers' Party of Korea was held on November 2."
    )
    events = events_of(text)
    assert [(e.key, e.start) for e in events] == [("politburo_meeting:7:12", "2019-11-02")]
    assert len(events[0].sources) == 2


def test_the_political_bureau_convening_a_plenary_meeting_convenes_the_central_committees() -> None:
    text = (
        "The Political Bureau of the Central Committee of the Workers' Party of Korea convened "
        "a plenary meeting to review the year's work.\n\n"
        "The 5th Plenary Meeting of the 7th Central Committee of the WPK was held from "
        "December 28 to 31."
    )
    events = events_of(text, date="2020-01-01")
    assert [(e.key, e.start, e.end) for e in events] == [
        ("cc_plenary:7:5", "2019-12-28", "2019-12-31")
    ]
    assert len(events[0].sources) == 2


def test_an_undated_meeting_among_several_of_its_kind_is_not_guessed() -> None:
    text = (
        "The Central Military Commission held its first meeting on August 3 and its third on "
        "August 25.\n\nKim Jong Un presided over the enlarged meeting of the Central Military "
        "Commission of the WPK, state media said."
    )
    events = events_of(text, date="2019-08-30")
    assert all(e.start is not None for e in events)


def test_a_meeting_introduced_after_the_dated_one_is_another_meeting() -> None:
    text = (
        "The Fifth Enlarged Meeting of the Seventh Central Military Commission of the WPK took "
        "place on July 18.\n\nThen, a closed meeting of the WPK Central Military Commission was "
        "held to examine the alert posture of major units."
    )
    events = events_of(text, date="2020-07-19")
    assert sorted((e.key, e.start or "") for e in events) == [
        ("cmc_meeting:7:5", "2020-07-18"),
        ("cmc_meeting:?:?", ""),
    ]


def test_a_numbered_meeting_left_undated_in_two_articles_stays_one_event() -> None:
    events = events_of(
        "A photo showed him at the First Session of the Supreme People's Assembly.",
        "He made the speech at the First Session of the Supreme People's Assembly.",
        date="2011-09-09",
    )
    assert [(e.key, len(e.sources)) for e in events if e.kind == "spa_session"] == [
        ("spa_session:?:1", 2)
    ]


@pytest.mark.parametrize(
    ("text", "date", "start"),
    [
        (
            "An agreement was signed on August 25. Two days after the deal was reached, the "
            "Central Military Commission of the WPK held another meeting.",
            "2015-10-07",
            "2015-08-27",
        ),
        (
            "The Political Bureau of the WPK Central Committee met on May 3. A week later the "
            "Central Military Commission of the WPK held an enlarged meeting.",
            "2015-06-01",
            "2015-05-10",
        ),
        (
            "Three days before May 9, the Central Military Commission of the WPK held a meeting.",
            "2015-06-01",
            "2015-05-06",
        ),
        (
            "Kim Jong Un presided over the emergency meeting of the Central Military Commission "
            "of the WPK on the evening of August 20, 2015.",
            "2015-10-07",
            "2015-08-20",
        ),
    ],
)
def test_days_counted_from_a_told_day(text: str, date: str, start: str) -> None:
    assert [e.start for e in events_of(text, date=date) if e.kind == "cmc_meeting"] == [start]


def test_a_weekday_on_a_page_dated_by_month_gives_the_month() -> None:
    events = events_of(
        "State media reported Saturday that an extended plenary meeting of the ruling "
        "Workers' Party's central committee was held Friday.",
        date="2023-06",
    )
    # June 2023, and in it the chronology's one plenum, from the 16th
    assert [(e.kind, e.start) for e in events] == [("cc_plenary", "2023-06-16")]


def _two_docs(first: tuple[str, str], second: tuple[str, str]) -> list[Event]:
    mentions = []
    for number, (text, date) in enumerate((first, second)):
        doc = document_from_text(text, origin=f"test:recent:{number}", title="t", date=date)
        mentions.extend(extract_mentions(doc))
    return [e for e in merge_mentions(mentions, CHRONOLOGY) if not e.reference_only]


REPORT = (
    "A meeting of the Political Bureau of the Central Committee of the Workers' Party of Korea "
    "was held on July 15.",
    "2012-07-16",
)
LATER = (
    "Hostile forces are spreading false rumors about the matter dealt with at a meeting of the "
    "Political Bureau of the Central Committee of the Workers' Party of Korea."
)


def test_an_undated_meeting_is_the_one_held_in_the_month_before_its_article() -> None:
    events = _two_docs(REPORT, (LATER, "2012-07-20"))
    assert [(e.kind, e.start, len(e.sources)) for e in events] == [
        ("politburo_meeting", "2012-07-15", 2)
    ]


def test_an_undated_meeting_long_after_the_last_one_stays_apart() -> None:
    events = _two_docs(REPORT, (LATER, "2012-10-20"))
    assert sorted((e.start or "", len(e.sources)) for e in events) == [("", 1), ("2012-07-15", 1)]


def test_meetings_of_other_party_bodies_are_not_folded_together() -> None:
    events = _two_docs(
        ("The South Phyongan Provincial Party Conference was held on March 27.", "2012-03-28"),
        (
            "At an enlarged meeting of the party committee of the Taean Electrical Machinery "
            "Plant, he spoke about production.",
            "2012-04-02",
        ),
    )
    assert len(events) == 2


def test_a_body_that_meets_often_is_not_identified_by_a_month() -> None:
    # the chronology lists the 8th meeting of the Political Bureau on 12 May 2022; a meeting
    # told only "in May 2022" may be another one of that month
    events = events_of(
        "One day in May 2022, he guided a consultative meeting of the Political Bureau of the "
        "Central Committee of the Workers' Party of Korea.",
        date="2024-08-05",
    )
    assert [(e.key, e.start) for e in events] == [("politburo_meeting:?:?", "2022-05")]


def test_a_meeting_to_come_is_not_the_past_one_its_article_names() -> None:
    text = (
        "The meeting reviewed the policies advanced at the 2nd Plenary Meeting of the 8th WPK "
        "Central Committee, and discussed the issue of convening a plenary meeting of the Party "
        "Central Committee to take additional measures."
    )
    events = events_of(text, date="2021-06-05")
    # (grammar 14: the one to come is the chronology's next plenum, of 15-18 June 2021)
    assert sorted((e.key, e.status or "") for e in events if e.kind == "cc_plenary") == [
        ("cc_plenary:8:2", ""),
        ("cc_plenary:8:3", "announced"),
    ]
