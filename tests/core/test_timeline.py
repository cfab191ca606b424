"""Timeline extraction against the hand-made gold standard, and cross-source merging."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wpk_archive.core.ingest import document_from_text
from wpk_archive.core.models import Document, Event, EventMention
from wpk_archive.core.timeline import (
    event_id,
    event_to_json,
    extract_mentions,
    merge_mentions,
    ordinal_text,
    ordinal_value,
)

TESTS = Path(__file__).resolve().parent.parent
GOLD_PATH = TESTS / "data" / "events.gold.json"
SEEDS = TESTS.parent / "resources" / "corpus"


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def seed_docs() -> dict[str, Document]:
    return {
        path.name: document_from_text(
            path.read_text(encoding="utf-8"), origin="bundled:" + path.name
        )
        for path in sorted(SEEDS.glob("*.txt"))
    }


@pytest.fixture(scope="module")
def seed_events(seed_docs: dict[str, Document]) -> list[Event]:
    mentions = [m for doc in seed_docs.values() for m in extract_mentions(doc)]
    return merge_mentions(mentions)


def _gold_key(event: dict[str, Any]) -> tuple[Any, ...]:
    return (event["kind"], event["start"], event["end"], event["precision"], event["year_inferred"])


def _key(event: Event) -> tuple[Any, ...]:
    return (event.kind, event.start, event.end, event.precision, event.year_inferred)


def test_documents_dated_as_gold(gold: dict[str, Any], seed_docs: dict[str, Document]) -> None:
    for name, expected in gold["documents"].items():
        assert seed_docs[name].date == expected["date"]


def test_every_gold_event_is_found(gold: dict[str, Any], seed_events: list[Event]) -> None:
    found = {_key(event) for event in seed_events}
    for expected in gold["events"]:
        if expected["id"] == "7th-congress-in-003":
            continue  # merged into the 7th Congress (checked below)
        assert _gold_key(expected) in found, expected["id"]


def test_no_extra_dated_events(gold: dict[str, Any], seed_events: list[Event]) -> None:
    expected = {
        _gold_key(e) for e in gold["events"] if e["id"] != "7th-congress-in-003" and e["start"]
    }
    dated = [event for event in seed_events if event.start is not None]
    assert {_key(event) for event in dated} == expected
    assert len(dated) == len(expected)


def test_undated_event_stays_undated(seed_events: list[Event]) -> None:
    undated = [event for event in seed_events if event.start is None]
    assert [(e.kind, e.key) for e in undated] == [
        (
            "other_party_meeting",
            "other_party_meeting:primary-committee-secretaries:1",
        )
    ]
    assert undated[-1] is seed_events[-1]


def test_seventh_congress_is_one_event_from_both_articles(
    seed_docs: dict[str, Document], seed_events: list[Event]
) -> None:
    congresses = [event for event in seed_events if event.key == "party_congress:7"]
    assert len(congresses) == 1
    event = congresses[0]
    assert (event.start, event.precision, event.name) == (
        "2016-05",
        "month",
        "7th Congress of the WPK",
    )
    assert {source.doc_id for source in event.sources} == {d.id for d in seed_docs.values()}
    assert not event.conflicting_dates
    in_003 = [s for s in event.sources if s.doc_id == seed_docs["003_b66ec506c79849ee.txt"].id]
    assert any(s.start_date == "2016" and "previous congress in 2016" in s.quote for s in in_003)


def test_names_keys_and_anchors(seed_docs: dict[str, Document], seed_events: list[Event]) -> None:
    by_key = {event.key: event for event in seed_events}
    assert by_key["cc_plenary:7:5"].name == "5th Plenary Meeting of the 7th WPK Central Committee"
    assert by_key["party_congress:8"].name == "8th Congress of the WPK"
    spa = by_key["spa_session:?:4"]
    assert (spa.start, spa.year_inferred) == ("2021-01-17", True)
    docs = {doc.id: doc for doc in seed_docs.values()}
    for event in seed_events:
        for source in event.sources:
            doc = docs[source.doc_id]
            assert doc.text[source.start : source.end] == source.quote
            passage = doc.passages[source.passage - 1]
            assert passage.start <= source.start < source.end <= passage.end


def test_not_dates_and_non_events(seed_docs: dict[str, Document], seed_events: list[Event]) -> None:
    starts = {event.start for event in seed_events} | {event.end for event in seed_events}
    assert not {"2021-01-08", "2021-02-21", "2021-01"} & starts  # ordinals, dateline, volume
    # "The Congress came to a close on January 12" refers back to the 8th Congress: a source of
    # that event, inside its range, never an event of its own
    closing = [e for e in seed_events if any("came to a close" in s.quote for s in e.sources)]
    assert [e.key for e in closing] == ["party_congress:8"]
    congress = next(e for e in seed_events if e.key == "party_congress:8")
    assert (congress.start, congress.end) == ("2021-01-05", "2021-01-12")
    assert congress.status == "held" and not congress.conflicting_dates
    other = [e for e in seed_events if e.kind == "other"]
    assert len(other) == 1 and other[0].start == "2021-01-14"


def test_event_ids_are_stable(seed_docs: dict[str, Document], seed_events: list[Event]) -> None:
    again = merge_mentions(m for doc in seed_docs.values() for m in extract_mentions(doc))
    assert [e.id for e in again] == [e.id for e in seed_events]
    assert len({e.id for e in seed_events}) == len(seed_events)


def test_event_to_json_shape(seed_events: list[Event]) -> None:
    data = event_to_json(seed_events[0])
    assert set(data) == {
        "id",
        "kind",
        "name",
        "start",
        "end",
        "precision",
        "year_inferred",
        "sources",
        "origin",
        "status",
        "date_basis",
        "chronology",
        "name_ko",
    }
    assert data["origin"] == "auto"  # nothing corrected by the user
    assert set(data["sources"][0]) == {
        "doc_id",
        "passage",
        "start",
        "end",
        "quote",
        "date",
        "date_basis",
        "status",
    }
    json.dumps(data)


# --- merging -------------------------------------------------------------------------------------


def mention(
    key: str,
    start: str | None,
    *,
    doc: str = "d1",
    ambiguous: bool = False,
    kind: str | None = None,
    inferred: bool = False,
) -> EventMention:
    """A minimal mention for merge tests."""
    precision = None if start is None else {4: "year", 7: "month"}.get(len(start), "day")
    return EventMention(
        doc_id=doc,
        passage=1,
        start=0,
        end=4,
        quote="text",
        kind=kind or key.split(":")[0],
        name=key,
        key=key,
        start_date=start,
        end_date=start,
        precision=precision,  # type: ignore[arg-type]
        year_inferred=inferred,
        ambiguous=ambiguous,
    )


def test_agreeing_precisions_merge_and_show_most_precise() -> None:
    events = merge_mentions(
        [
            mention("party_congress:7", "2016", doc="a"),
            mention("party_congress:7", "2016-05", doc="b"),
            mention("party_congress:7", None, doc="c"),
        ]
    )
    assert len(events) == 1
    event = events[0]
    assert (event.start, event.precision, len(event.sources)) == ("2016-05", "month", 3)
    assert event.id == event_id("party_congress:7", "2016")
    assert [s.start_date for s in event.sources] == ["2016", "2016-05", None]


def test_ambiguous_keys_with_different_dates_stay_apart() -> None:
    events = merge_mentions(
        [
            mention("spa_session:?:4", "2021-01-17", ambiguous=True, doc="a"),
            mention("spa_session:?:4", "2011-04-07", ambiguous=True, doc="b"),
            mention("spa_session:?:4", "2011-04", ambiguous=True, doc="c"),
        ]
    )
    assert [(e.start, len(e.sources)) for e in events] == [("2011-04-07", 2), ("2021-01-17", 1)]
    assert all(not e.conflicting_dates for e in events)
    assert len({e.id for e in events}) == 2


def test_ambiguous_key_never_merges_with_a_numbered_one() -> None:
    events = merge_mentions(
        [
            mention("spa_session:?:4", "2021-01-17", ambiguous=True),
            mention("spa_session:12:4", "2011-04-07"),
        ]
    )
    assert len(events) == 2


def test_conflicting_dates_on_unambiguous_key_stay_one_event() -> None:
    events = merge_mentions(
        [
            mention("party_conference:4", "2012-04", doc="a"),
            mention("party_conference:4", "2012-04-11", doc="b"),
            mention("party_conference:4", "2012-05", doc="c"),
        ]
    )
    assert len(events) == 1
    assert (events[0].start, events[0].conflicting_dates) == ("2012-04-11", ["2012-05"])
    assert event_to_json(events[0])["conflicting_dates"] == ["2012-05"]


def test_undated_only_key_is_one_undated_event_sorted_last() -> None:
    events = merge_mentions(
        [
            mention("party_congress:6", None, doc="a"),
            mention("party_congress:6", None, doc="b"),
            mention("party_congress:8", "2021-01-05"),
        ]
    )
    assert [(e.key, e.start, len(e.sources)) for e in events] == [
        ("party_congress:8", "2021-01-05", 1),
        ("party_congress:6", None, 2),
    ]


def test_unnumbered_dated_mention_joins_the_numbered_event() -> None:
    events = merge_mentions(
        [
            mention("party_conference:?", "2010-09", ambiguous=True, doc="a"),
            mention("party_conference:3", "2010-09-28", doc="b"),
        ]
    )
    assert len(events) == 1 and len(events[0].sources) == 2


def _doc(text: str, date: str | None = "2012-04-20") -> Document:
    return document_from_text(text, origin="test:" + text[:30], title="t", date=date)


def test_extraction_rules_on_small_texts() -> None:
    text = (
        "The Fifth Session of the 12th Supreme People's Assembly was held on April 13.\n\n"
        "A meeting of the Political Bureau of the C.C., the Workers' Party of Korea was held "
        "here on Friday.\n\n"
        "A statement on April 12 supported the decisions of the Fourth Conference of the WPK.\n\n"
        "At the 18th Congress of the Communist Party of China and its 6th Congress nothing.\n\n"
        "Kang Sok Ju, member of the Political Bureau of the WPK Central Committee, spoke."
    )
    found = [(m.key, m.start_date, m.year_inferred) for m in extract_mentions(_doc(text))]
    assert found == [
        ("spa_session:12:5", "2012-04-13", True),
        ("politburo_meeting:?:?", "2012-04-20", True),
        ("party_conference:4", None, False),
    ]


def test_ordinals() -> None:
    assert ordinal_value("Seventh") == 7
    assert ordinal_value("twenty-first") == 21
    assert ordinal_value("19th") == 19
    assert [ordinal_text(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
    ]


def test_the_party_of_an_article_about_another_party_is_not_the_wpk() -> None:
    """KCNA, 2012-01-02: a Chinese leader on "the 17th Congress of the Party" (the CPC's)."""
    about_china = document_from_text(
        "Hu Jintao Calls for Improving Party Work\n\n"
        "Beijing, December 31 (KCNA) -- Hu Jintao, general secretary of the C.C., Communist "
        "Party of China, stressed the need to step up party discipline.\n\n"
        "The general demand is to implement the spirit of the 17th Congress of the Party.",
        origin="test:china",
        date="2012-01-02",
    )
    assert [m.key for m in extract_mentions(about_china)] == []
    # the same words in an article that names the WPK keep their meaning
    ours = document_from_text(
        "Party Work\n\nThe Workers' Party of Korea and the Communist Party of China exchanged "
        "delegations.\n\nThe 7th Congress of the Party was held in May 2016.",
        origin="test:ours",
        date="2016-06-01",
    )
    assert "party_congress:7" in [m.key for m in extract_mentions(ours)]
