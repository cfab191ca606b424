"""Korean sentence boundaries, summaries and gists on real Korean articles (issue #19)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.core.test_summaries import _check_anchor
from wpk_archive.core.ingest import document_from_text
from wpk_archive.core.models import Document
from wpk_archive.core.sentences_ko import is_korean, korean_sentence_spans
from wpk_archive.core.summaries import (
    ELLIPSIS,
    document_sentences,
    event_gist,
    passage_gists,
    split_document,
    summarize,
)

DATA = Path(__file__).resolve().parent.parent / "data"
ARTICLES = {
    a["id"]: a
    for a in json.loads((DATA / "korean_articles.json").read_text(encoding="utf-8"))["articles"]
}
EXCERPTS = json.loads((DATA / "timeline_korean.json").read_text(encoding="utf-8"))["excerpts"]


def _doc(name: str) -> Document:
    a = ARTICLES[name]
    return document_from_text(a["text"], origin=name, title=a["title"], date=a["published"])


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in korean_sentence_spans(text)]


def test_sentences_end_after_a_verb_ending_and_keep_quotations_whole() -> None:
    text = ARTICLES["rankmore-8-10-plenary-opens"]["text"].split("\n\n")[1]
    # two sentences; the first holds three quotations in “” and one quotation ends with ”하고
    assert sentences(text) == [
        text[: text.index("보도했다.") + len("보도했다.")],
        text[text.index("신문은 회의 첫날") :],
    ]


def test_glued_sentences_are_cut_apart() -> None:
    text = ARTICLES["chongryon-womens-union"]["text"].split("\n\n")[0]
    found = sentences(text)
    assert [s[:6] for s in found] == ["재일본조선민", "녀성동맹은 ", "녀성동맹은 "]
    assert found[0].endswith("결성되였다.")
    assert found[1].endswith("쌓았다.")


def test_dates_numbers_and_abbreviations_do_not_end_sentences() -> None:
    text = "회의는 2024.6.28. 개막되였다. 생산이 3.5% 늘었다. U.S. 대통령이 왔다."
    assert sentences(text) == [
        "회의는 2024.6.28. 개막되였다.",
        "생산이 3.5% 늘었다.",
        "U.S. 대통령이 왔다.",
    ]


def test_a_quoted_statement_and_a_quotation_going_on() -> None:
    text = "“회의가 진행되었다. 결정이 채택되었다.”고 통신은 전했다. “우리는 싸운다.” 그는 말했다."
    assert sentences(text) == [
        "“회의가 진행되었다. 결정이 채택되었다.”고 통신은 전했다.",
        "“우리는 싸운다.”",
        "그는 말했다.",
    ]


def test_spans_are_exact_on_every_real_excerpt() -> None:
    for excerpt in EXCERPTS:
        text = excerpt["text"]
        spans = korean_sentence_spans(text, 7)
        previous = 7
        for a, b in spans:
            assert previous <= a < b <= len(text) + 7
            piece = text[a - 7 : b - 7]
            assert piece == piece.strip() and piece
            previous = b
        # nothing but whitespace is left between the sentences
        assert "".join("".join(text[a - 7 : b - 7] for a, b in spans).split()) == "".join(
            text.split()
        )


def test_korean_text_is_told_from_an_english_text_with_a_gloss() -> None:
    assert is_korean("김정은 동지께서 현지지도하시였다.")
    assert not is_korean("Kim Jong Un (김정은) inspected a factory in Pyongyang on Tuesday.")
    assert not is_korean("plain English")


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_summaries_of_korean_articles_start_with_the_lead_and_are_anchored(name: str) -> None:
    doc = _doc(name)
    split = split_document(doc)
    summary = summarize(doc, sentences=split)
    assert 2 <= len(summary) <= 5
    prose = [s for s in split.sentences if s.prose]
    assert summary[0].start == prose[0].start  # the lead sentence first
    assert [s.start for s in summary] == sorted(s.start for s in summary)
    for item in [*summary, *passage_gists(doc, sentences=split)]:
        _check_anchor(doc, item)
    assert summary == summarize(doc)  # deterministic, and the same without a split given


def test_the_lead_after_a_kcna_dateline() -> None:
    doc = _doc("coreaone-choe-son-hui-2020")
    summary = summarize(doc)
    assert summary[0].text.startswith("조선민주주의인민공화국 최선희 외무성 제1부상은 4일")
    assert all("평양 7월 4일발" not in s.text for s in summary)


def test_a_korean_dateline_is_left_out_of_the_shown_sentence() -> None:
    text = "【평양 6월 29일발 조선중앙통신】조선로동당 중앙위원회 제8기 제10차전원회의 확대회의가 6월 28일 개막되였다. 회의에는 당중앙위원회 위원들이 참가하였다. 회의는 여러 문제들을 토의하였다."
    doc = document_from_text(text, origin="dl", title="전원회의")
    summary = summarize(doc)
    assert summary[0].text.startswith("조선로동당 중앙위원회 제8기")
    _check_anchor(doc, summary[0])


def test_sentences_do_not_cross_passages_and_cover_each_korean_passage() -> None:
    doc = _doc("nocut-pak-pong-ju-2013")
    spans = document_sentences(doc)
    for a, b in spans:
        assert any(p.start <= a and b <= p.end for p in doc.passages)


def test_long_korean_gists_are_cut_after_a_clause() -> None:
    body = ARTICLES["coreaone-choe-son-hui-2020"]["text"].replace("\n\n", " ")
    doc = document_from_text(body * 2, origin="long", title="담화")
    gists = passage_gists(doc)
    assert gists
    for gist in gists:
        _check_anchor(doc, gist)
    trimmed = [g for g in gists if g.trimmed]
    assert trimmed and all(g.text.endswith(ELLIPSIS) for g in trimmed)
    assert all(len(g.text[: -len(ELLIPSIS)].split()) <= 22 for g in trimmed)


def test_event_gist_of_a_korean_meeting() -> None:
    doc = _doc("rankmore-8-10-plenary-opens")
    name = "노동당 중앙위 8기10차 전원회의 확대회의"
    start = doc.text.index(name)
    gist = event_gist(doc, start, start + len(name))
    _check_anchor(doc, gist)
    assert name in doc.text[gist.start : gist.end]
    assert gist.text.startswith("김정은 조선노동당 총비서의 사회로")
