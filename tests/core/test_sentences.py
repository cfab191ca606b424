"""Sentence spans: the fast path gives exactly syntok's spans (``_syntok_spans``, the reference).

Hand-written tricky passages, then the first 2,000 articles of the real corpus passage by passage.
"""

from __future__ import annotations

import gzip
import itertools

import pytest

from tests.conftest import corpus_file
from wpk_archive.core.ingest import read_jsonl
from wpk_archive.core.sentences import (
    _fast_spans,
    _rejoin_numbers,
    _syntok_spans,
    sentence_spans,
)

# Passages the fast path decides itself, with syntok's spans written out: a wrong fast path, or one
# that stopped being taken, fails here.
FAST = {
    "Kim Jong Un inspected the farm. He gave instructions.": [(0, 31), (32, 53)],
    "He met Mr. Kim in Pyongyang. The talks went well.": [(0, 28), (29, 49)],
    "The U.S. imperialists are to blame. The DPRK will respond.": [(0, 35), (36, 58)],
    "He arrived in the U.S. The visit lasted a week.": [(0, 22), (23, 47)],
    "The U.S. Army held drills.": [(0, 26)],
    "It was founded by Kim Il Sung. The people revere him.": [(0, 30), (31, 53)],
    "Valery E. Sukhanov spoke. Then he left.": [(0, 25), (26, 39)],
    "Output rose 3.5 percent in 2012. Growth continued.": [(0, 32), (33, 50)],
    'He said: "We will win." The crowd cheered.': [(0, 23), (24, 42)],
    'He said "yes." and left.': [(0, 24)],
    'The "Juche". It is an idea.': [(0, 12), (13, 27)],
    "Is it true? Yes! It is.": [(0, 11), (12, 16), (17, 23)],
    "Pyongyang, September 9 (KCNA) -- The DPRK celebrated. People danced.": [(0, 53), (54, 68)],
    "World War II. The war ended.": [(0, 13), (14, 28)],
    "It was late; The night fell.": [(0, 12), (13, 28)],
    "It was late; the night fell.": [(0, 28)],
    "They met in 2012. May was warm.": [(0, 31)],
    "They met in 2012. The May Day came.": [(0, 17), (18, 35)],
    "Koreans' pride. It grows.": [(0, 15), (16, 25)],
    "the people. -0-": [(0, 11), (12, 15)],
    "They visited Mt. Paektu. Snow fell.": [(0, 24), (25, 35)],
    "The U.S., Japan and others. They met.": [(0, 27), (28, 37)],
    "He said 'no.' Then he left.": [(0, 13), (14, 27)],
    "One sentence without a terminal": [(0, 31)],
    "Hi.": [(0, 3)],
}

# Passages that need syntok (brackets at a sentence start, ellipses, other scripts, initials or a
# number before a sentence starter, spacing the fast path does not model) or are merely tricky.
OTHER = [
    "Wait... what happened? Nothing.",
    "조선중앙통신 보도. 다음 문장.",
    "김정은 동지께서 현지지도하시였다. He said so.",
    "The Korean Workers' Party (WPK). It was founded in 1945.",
    "The meeting was held on Sept. 9. It ended on Oct. 10, 2012.",
    "He studied at School No. 1. Then he moved.",
    "A. The first point.",
    "I. The first point. II. The second.",
    "(KCNA) The news came. Then more.",
    "Korea (WPK) is strong. Yes.",
    "He came (see above.) Then he left.",
    "The list (a) (b) Then more.",
    "The year (1998, ), was hard.",
    "end.Next sentence.",
    "Kim Il S. Sung spoke.",
    "It rose 5%. Then it fell.",
    "He asked: “Why?” Nobody knew.",
    "The price was $3.50. It rose.",
    "Line one.\n\nLine two.",
    "Line one.\nLine two.",
    "  Leading space. Trailing space.  ",
    "Two  spaces.  Here too.",
    "Tab\tseparated. Words.",
    "Non\u00a0breaking. Space.",
    "",
    "   ",
    "?!",
    ". . .",
    '"."',
]


@pytest.mark.parametrize("text", list(FAST))
def test_fast_path_takes_plain_passages_and_matches_syntok(text: str) -> None:
    assert _fast_spans(text) == FAST[text]
    assert _syntok_spans(text) == FAST[text]
    assert sentence_spans(text) == FAST[text]


@pytest.mark.parametrize("text", OTHER)
def test_tricky_passages_match_syntok(text: str) -> None:
    assert sentence_spans(text) == _syntok_spans(text)
    fast = _fast_spans(text)
    assert fast is None or fast == _syntok_spans(text)


def test_passages_the_fast_path_must_leave_to_syntok() -> None:
    for text in (
        "조선중앙통신 보도. 다음 문장.",
        "Wait... what? No.",
        "Line one.\n\nLine two.",
        "",
    ):
        assert _fast_spans(text) is None, text


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("It was held from Dec. 26-30, 2023. Next one.", ["It was held from Dec. 26-30, 2023."]),
        ("The Jan. 31st editorial said so.", ["The Jan. 31st editorial said so."]),
        ("He met on Jan. 5 and Feb. 6-7. Then he left.", ["He met on Jan. 5 and Feb. 6-7."]),
        ("See No. 26-30 of the list.", ["See No. 26-30 of the list."]),
        ("Held on Dec. 26\u201330, 2023 in \u201cPyongyang\u201d.", None),
        ("It ended in Dec. 25 died later.", None),  # a new sentence may not start with a digit
        ("He was the No. 1 man. 25 people came.", ["He was the No. 1 man."]),
        ("A fine day. 25 people came.", ["A fine day."]),
    ],
)
def test_a_month_or_number_abbreviation_keeps_its_number(
    text: str, sentences: list[str] | None
) -> None:
    spans = sentence_spans(text)
    if sentences is None:  # one sentence
        assert spans == [(0, len(text))]
    else:
        assert [text[a:b] for a, b in spans[: len(sentences)]] == sentences
    assert sentence_spans(text, 5) == [(a + 5, b + 5) for a, b in spans]


def test_offset_shifts_every_span() -> None:
    text = "Kim Jong Un inspected the farm. He gave instructions."
    assert sentence_spans(text, 100) == [(100, 131), (132, 153)]
    hangul = "조선중앙통신 보도. 다음 문장."  # through syntok
    assert sentence_spans(hangul, 7) == [(s + 7, e + 7) for s, e in _syntok_spans(hangul)]
    assert sentence_spans(hangul, 7) == _syntok_spans(hangul, 7)


@pytest.mark.corpus
def test_first_2000_corpus_articles_match_syntok_exactly() -> None:
    path = corpus_file("kcna_2011_2012.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = list(itertools.islice(handle, 2000))
    items, refusals = read_jsonl("".join(lines), path.name)
    assert len(items) == 2000 and not refusals
    passages = [p.text for item in items for p in item.document.passages]
    mismatches = [
        t for t in passages if (fast := _fast_spans(t)) is not None and fast != _syntok_spans(t)
    ]
    assert not mismatches, f"{len(mismatches)} passages differ, first: {mismatches[0]!r}"
    # where syntok splits "Jan. 31st" or "Dec. 26-30" (24 of these passages), the number is kept
    rejoined = [t for t in passages if sentence_spans(t) != _syntok_spans(t)]
    assert all(sentence_spans(t) == _rejoin_numbers(t, _syntok_spans(t)) for t in rejoined)
    assert 0 < len(rejoined) < 0.01 * len(passages)
    # the fast path must carry the bulk of real news text (99.6% of these passages when written)
    fast = sum(_fast_spans(t) is not None for t in passages)
    assert fast >= 0.95 * len(passages), f"fast path took only {fast} of {len(passages)}"
