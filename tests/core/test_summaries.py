"""Extractive summaries, passage gists and event gists: outcomes on the seeds, anchoring, speed."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tests.conftest import corpus_file
from wpk_archive.core.ingest import document_from_text
from wpk_archive.core.models import Document, SummarySentence
from wpk_archive.core.sentences import sentence_spans
from wpk_archive.core.summaries import (
    ELLIPSIS,
    document_sentences,
    event_gist,
    passage_gists,
    summarize,
)

CONGRESS = "003_b66ec506c79849ee.txt"
MILESTONES = "000_501a2ad3e7c9ac4e.txt"
LEAD = (
    "The 8th Congress of the Workers' Party of Korea (WPK) was held in Pyongyang, Democratic "
    "People's Republic of Korea (DPRK) from January 5 to 12."
)
ELECTION = (
    "The Congress also elected the new Central Committee and elected Kim Jong Un as General "
    "Secretary of the WPK."
)


def _doc(text: str, name: str = "x.txt", title: str | None = None) -> Document:
    return document_from_text(text, origin=name, title=title)


def _check_anchor(doc: Document, item: SummarySentence) -> None:
    assert item.doc_id == doc.id
    assert 0 <= item.start < item.end <= len(doc.text)
    span = doc.text[item.start : item.end]
    if item.trimmed:
        assert item.text.endswith(ELLIPSIS)
        assert span.startswith(item.text[: -len(ELLIPSIS)])
        assert len(item.text) - len(ELLIPSIS) < len(span)
    else:
        assert item.text == span
    passage = doc.passages[item.passage - 1]
    assert passage.ordinal == item.passage
    assert passage.start <= item.start and item.end <= passage.end


# --------------------------------------------------------------------------- seed outcomes


def test_congress_summary_starts_with_lead_and_names_the_election(
    seed_texts: dict[str, str],
) -> None:
    doc = _doc(seed_texts[CONGRESS], CONGRESS)
    summary = summarize(doc)
    texts = [s.text for s in summary]
    assert texts[0] == LEAD
    assert ELECTION in texts
    assert 3 <= len(summary) <= 5


def test_milestones_summary_names_the_2012_conference(seed_texts: dict[str, str]) -> None:
    doc = _doc(seed_texts[MILESTONES], MILESTONES)
    summary = summarize(doc)
    assert 3 <= len(summary) <= 5
    conference = "The Fourth Conference of the WPK held in April 2012"
    assert any(s.text.startswith(conference) for s in summary)


def test_summaries_skip_non_prose(seed_texts: dict[str, str]) -> None:
    doc = _doc(seed_texts[CONGRESS], CONGRESS)
    for item in summarize(doc, max_sentences=5):
        assert item.passage >= 3  # not the title line nor the headline
        assert not item.text[:2].rstrip(".").isdigit()  # not "1. Achievements ..."
        for junk in ("(Photos:", "was published", "Volume 51", "Article Link", "Website"):
            assert junk not in item.text


@pytest.mark.parametrize("name", [CONGRESS, MILESTONES])
def test_order_size_determinism_and_anchors(seed_texts: dict[str, str], name: str) -> None:
    doc = _doc(seed_texts[name], name)
    first = summarize(doc)
    assert first == summarize(doc)
    assert first == summarize(_doc(seed_texts[name], name))
    assert 3 <= len(first) <= 5
    assert [s.start for s in first] == sorted(s.start for s in first)
    for item in first:
        _check_anchor(doc, item)
        assert not item.trimmed
    assert summarize(doc, sentences=document_sentences(doc)) == first
    assert len(summarize(doc, max_sentences=3)) == 3
    assert summarize(doc, max_sentences=0) == []


def test_short_documents_give_fewer_sentences() -> None:
    doc = _doc("A Title\n\nThe delegation arrived in Pyongyang on Tuesday by air.")
    summary = summarize(doc)
    assert [s.text for s in summary] == ["The delegation arrived in Pyongyang on Tuesday by air."]
    assert summarize(_doc("")) == []


def test_no_near_duplicate_picks() -> None:
    repeated = "The delegation led by the minister arrived in Pyongyang on Tuesday by air."
    text = "\n\n".join(
        [
            repeated,
            repeated,
            "It was greeted at the airport by officials of the Ministry of Foreign Affairs.",
            "The two sides discussed cooperation in the fields of trade and culture at length.",
            "A banquet was given in honour of the delegation at the People's Palace of Culture.",
            "The delegation will visit historic places and factories during its stay here.",
        ]
    )
    summary = summarize(_doc(text, title="Delegation Arrives"))
    assert len(summary) == 3
    assert [s.text for s in summary].count(repeated) == 1


def test_dateline_and_trailer_are_left_out_of_the_shown_text() -> None:
    text = (
        "Pyongyang, January 1 (KCNA) -- An impressive and optimistic sports event took place.\n"
        "The players competed fiercely in the game watched by many officials.\n"
        "The Cabinet team beat its rival team by three sets to none. -0-"
    )
    doc = _doc(text)
    summary = summarize(doc)
    assert summary[0].text == "An impressive and optimistic sports event took place."
    assert summary[-1].text == "The Cabinet team beat its rival team by three sets to none."
    for item in summary:
        _check_anchor(doc, item)


def test_spans_crossing_passages_are_clipped(seed_texts: dict[str, str]) -> None:
    doc = _doc(seed_texts[CONGRESS], CONGRESS)
    whole = sentence_spans(doc.text)  # split over the whole text: may cross blank lines
    summary = summarize(doc, sentences=whole)
    assert summary[0].text == LEAD
    for item in summary + passage_gists(doc, sentences=whole):
        _check_anchor(doc, item)


# --------------------------------------------------------------------------- passage gists


def test_passage_gists(seed_texts: dict[str, str]) -> None:
    doc = _doc(seed_texts[CONGRESS], CONGRESS)
    gists = passage_gists(doc)
    long_passages = [p.ordinal for p in doc.passages if len(p.text.split()) >= 80]
    assert [g.passage for g in gists] == long_passages
    for gist in gists:
        _check_anchor(doc, gist)
        assert len(gist.text.split()) <= 40
    assert gists == passage_gists(doc)
    assert passage_gists(doc, min_words=10_000) == []
    assert len(passage_gists(doc, min_words=1)) >= len(gists)


def test_passage_gist_is_the_most_central_sentence() -> None:
    passage = (
        "The plenary meeting discussed the economic plan for the new year in detail. "
        "Speakers said the economic plan for the new year must be carried out in full. "
        "Weather was fine. "
        "The meeting closed with a song after adopting the economic plan for the new year "
        "and a decision on organizational matters, which was announced by the chairman of the "
        "meeting in a solemn tone to the participants of the meeting gathered in the hall."
    )
    doc = _doc("Title\n\n" + passage)
    (gist,) = passage_gists(doc, min_words=20)
    _check_anchor(doc, gist)
    assert gist.text.startswith("Speakers said the economic plan") or gist.text.startswith(
        "The plenary meeting discussed"
    )


# --------------------------------------------------------------------------- event gists


def test_event_gist_joins_a_date_caption_to_its_sentence(seed_texts: dict[str, str]) -> None:
    doc = _doc(seed_texts[CONGRESS], CONGRESS)
    start = doc.text.index("January 14, 2021")
    gist = event_gist(doc, start, start + len("January 14, 2021"))
    expected = (
        "January 14, 2021. Celebrations following successful conclusion of the 8th WPK Congress."
    )
    assert gist.text == expected
    assert not gist.trimmed
    _check_anchor(doc, gist)


def test_event_gist_cuts_at_a_clause_boundary(seed_texts: dict[str, str]) -> None:
    doc = _doc(seed_texts[CONGRESS], CONGRESS)
    start = doc.text.index("the 4th Session of the Supreme")
    end = doc.text.index("January 17") + len("January 17")
    gist = event_gist(doc, start, end)
    assert gist.trimmed
    assert gist.text == (
        "Following its successful conclusion, the 4th Session of the Supreme People's Assembly "
        "was convoked on January 17" + ELLIPSIS
    )
    assert doc.text[gist.start : gist.end].endswith("accomplish this.")  # the anchor is whole
    _check_anchor(doc, gist)


def test_event_gist_drops_trailing_which_clause() -> None:
    sentence = (
        "The Fifth Plenary Meeting of the Seventh Central Committee of the Workers' Party of Korea "
        "was held in Pyongyang from December 28 to 31, 2019, which discussed a number of matters "
        "of importance for the country and decided on further measures."
    )
    doc = _doc("Title\n\n" + sentence)
    start = doc.text.index("The Fifth")
    gist = event_gist(doc, start, doc.text.index(", which"))
    assert gist.trimmed
    assert gist.text == sentence[: sentence.index(", which")] + ELLIPSIS
    _check_anchor(doc, gist)


def test_event_gist_keeps_short_sentences_whole(seed_texts: dict[str, str]) -> None:
    doc = _doc(seed_texts[CONGRESS], CONGRESS)
    start = doc.text.index(LEAD)
    gist = event_gist(doc, start + 10, start + 40)
    assert gist.text == LEAD
    assert not gist.trimmed
    assert (gist.start, gist.end) == (start, start + len(LEAD))


# --------------------------------------------------------------------------- real corpus


def _corpus_docs(path: Path, step: int, limit: int) -> list[Document]:
    docs: list[Document] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number % step:
                continue
            row = json.loads(line)
            docs.append(
                document_from_text(
                    row["text"],
                    origin=row["url"] + "#" + row["title"],
                    title=row["title"],
                    date=row["date"],
                )
            )
            if len(docs) == limit:
                break
    return docs


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "step", "limit"),
    [("kcna_2011_2012.jsonl.gz", 37, 500), ("kcna_2023_2024.jsonl.gz", 1, 2000)],
)
def test_corpus_anchors_are_exact(name: str, step: int, limit: int) -> None:
    docs = _corpus_docs(corpus_file(name), step, limit)
    assert docs
    summarized = 0
    for doc in docs:
        spans = document_sentences(doc)
        summary = summarize(doc, sentences=spans)
        assert len(summary) <= 5
        assert [s.start for s in summary] == sorted(s.start for s in summary)
        summarized += bool(summary)
        for item in summary:
            _check_anchor(doc, item)
        for gist in passage_gists(doc, sentences=spans):
            _check_anchor(doc, gist)
        for item in summary[:2]:
            _check_anchor(doc, event_gist(doc, item.start, item.end, sentences=spans))
    assert summarized >= 0.95 * len(docs)
