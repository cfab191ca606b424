"""Bounded cost per document: a giant paragraph becomes passages of bounded size, and no summary
step is quadratic in the sentences of a passage (the passage gists' centrality is computed in
linear time, exactly as the quadratic row sums were). Figures: bench/hostile_memory.py."""

from __future__ import annotations

import os
import random
import re
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.conftest import HANG_GUARD, REPO, record
from wpk_archive.core import summaries
from wpk_archive.core.ingest import MAX_PASSAGE_CHARS, document_from_text, split_passages

sys.path.insert(0, str(REPO / "bench"))
from hostile_memory import hostile_text


@pytest.mark.parametrize("shape", ["paragraph", "line"])
def test_a_giant_paragraph_becomes_bounded_passages_with_exact_offsets(shape: str) -> None:
    text = hostile_text(1_000_000, shape)
    passages = split_passages("d", text)
    ok = all(len(p.text) <= MAX_PASSAGE_CHARS for p in passages)
    record(f"a 1 MB single {shape}", "repaired" if ok else "wrongly accepted")
    assert ok and len(passages) > 40
    assert all(text[p.start : p.end] == p.text for p in passages)
    assert " ".join(p.text for p in passages).split() == text.split(), "nothing lost or doubled"
    if shape == "paragraph":  # cut after a sentence end
        assert all(re.search(r"[.!?]$", p.text) for p in passages[1:-1])


def test_normal_paragraphs_are_not_split() -> None:
    text = "Title\n\n" + "\n\n".join("A sentence of a normal paragraph. " * 180 for _ in range(3))
    assert [len(p.text) for p in split_passages("d", text)][1:] == [
        len(("A sentence of a normal paragraph. " * 180).strip())
    ] * 3


def test_passage_gists_never_build_the_quadratic_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = [
        f"The plenary meeting number {i} discussed the orchard plan of the province."
        for i in range(3_000)
    ]
    doc = document_from_text("Report\n\n" + " ".join(sentences), origin="x")
    calls: list[int] = []
    real = summaries._similarity

    def counted(matrix: Any) -> Any:
        calls.append(len(matrix))
        return real(matrix)

    monkeypatch.setattr(summaries, "_similarity", counted)
    gists = summaries.passage_gists(doc)
    summaries.summarize(doc)
    assert gists and calls and all(n <= summaries._MAX_GRAPH for n in calls), calls


def test_linear_centrality_equals_the_row_sums_of_the_similarity_matrix() -> None:
    rnd = random.Random(3)
    words = [
        "party",
        "congress",
        "plenary",
        "orchard",
        "rice",
        "wheat",
        "steel",
        "leader",
        "people",
        "plan",
    ]
    chunks = [" ".join(rnd.choice(words) for _ in range(rnd.randint(0, 12))) for _ in range(300)]
    # (two implementations: dictionaries for the gists, a numpy matrix for the summaries)
    rows = summaries._similarity(summaries._matrix(chunks)).sum(axis=1).tolist()
    assert summaries._centrality(summaries._vectors(chunks)) == pytest.approx(rows, abs=1e-9)


def _old_line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quadratic version replaced (for equivalence)."""
    if "\n" not in text[start:end]:
        return [(start, end)]
    pieces = []
    piece_start = start
    position = text.find("\n", start, end)
    while position != -1:
        line = text[piece_start:position].strip()
        following = text[position + 1 : end].lstrip()
        if line and (
            summaries._BULLET.match(following)
            or len(line.split()) < summaries._MIN_WORDS
            or summaries._TERMINAL.search(line)
        ):
            pieces.append((piece_start, piece_start + len(text[piece_start:position].rstrip())))
            piece_start = position + 1
            while piece_start < end and text[piece_start].isspace():
                piece_start += 1
        position = text.find("\n", position + 1, end)
    if piece_start < end:
        pieces.append((piece_start, end))
    return pieces


def test_line_pieces_are_linear_and_unchanged() -> None:
    rnd = random.Random(5)
    parts = ["word", "Heading", "- bullet", "ends.", "“quoted.”", " ", "\n", "\n", "two words"]
    for _ in range(400):
        text = "".join(rnd.choice(parts) + rnd.choice([" ", ""]) for _ in range(rnd.randint(1, 60)))
        assert summaries._line_pieces(text, 0, len(text)) == _old_line_pieces(text, 0, len(text)), (
            repr(text)
        )


def test_event_gists_find_their_sentence_by_bisection() -> None:
    doc = document_from_text(hostile_text(200_000, "paragraph"), origin="x")
    split = summaries.split_document(doc)
    rnd = random.Random(9)
    for offset in (rnd.randrange(len(doc.text)) for _ in range(200)):
        gist = summaries.event_gist(doc, offset, offset + 5, split)
        linear = next(
            (s for s in split.sentences if s.start <= offset < s.end),
            next((s for s in split.sentences if s.start >= offset), None),
        )
        assert linear is None or gist.passage == linear.passage


def test_a_2_mb_paragraph_imports_in_bounded_memory(tmp_path: Path) -> None:
    """Peak memory of a real import in a subprocess (bench/hostile_memory.py measures 10 MB)."""
    source = tmp_path / "huge.txt"
    source.write_text(hostile_text(2 * 2**20, "paragraph"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run(
        [sys.executable, "-m", "wpk_archive", "--archive", str(tmp_path / "a"), "import", str(source)],
        capture_output=True, text=True, env=env, timeout=HANG_GUARD,
    )  # fmt: skip
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert proc.returncode == 0, proc.stderr
    assert peak_mb < 1024 or before / 1024 >= 1024, f"peak {peak_mb:.0f} MB"


def test_a_feed_of_formula_stories_costs_each_story_a_bounded_number_of_comparisons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """KCNA writes many stories to one formula; they fill one LSH bucket. Each new story is
    compared with a bounded number of others (it was every earlier one: 2,000 took 32 s)."""
    import json

    from wpk_archive.core.archive import open_archive
    from wpk_archive.core.ingest import neardup

    estimates: list[int] = []
    checks: list[int] = []
    real_similarity, real_same = neardup.similarity, neardup.same_story

    def similarity(a, b):  # type: ignore[no-untyped-def]
        estimates.append(1)
        return real_similarity(a, b)

    def same_story(a, b):  # type: ignore[no-untyped-def]
        checks.append(1)
        return real_same(a, b)

    monkeypatch.setattr(neardup, "similarity", similarity)
    monkeypatch.setattr(neardup, "same_story", same_story)
    from wpk_archive.core import resent

    monkeypatch.setattr(resent.neardup, "same_story", same_story)
    n = 400
    rows = [
        {
            "title": f"Kim Jong Il's Work Posted on Internet Homepage of Organization {i}",
            "date": "2012-05-18",
            "source": "KCNA",
            "url": f"http://example.org/{i}",
            "text": (
                f"Pyongyang, May 18 (KCNA) -- A work of leader Kim Jong Il was posted on the "
                f"internet homepage of the friendship organization number {i} on May {1 + i % 28}. "
                "The work was posted under the title of the immortal classic on the Juche idea, "
                "which shows the way for building a thriving nation in the new century and "
                "was read with great interest by the members of the organization and visitors."
            ),
        }
        for i in range(n)
    ]
    feed = tmp_path / "formula.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with open_archive(tmp_path / "a", bundled=False) as archive:
        report = archive.import_paths([feed])
    assert report.added == n
    assert len(checks) <= n * neardup.MAX_CHECKS
    assert len(estimates) <= n * neardup.BANDS * neardup.MAX_BUCKET
    assert len(estimates) < n * (n - 1) // 2  # not every pair
