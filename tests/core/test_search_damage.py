"""Damage is never hidden (issue #15 §2): a damaged index is rebuilt from the store and the
search answered; a reading error is never "no postings"; notices reach the caller; corrections
reach the index's kind field."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from tests.core.test_search_queries import ARTICLES, new_archive
from wpk_archive.core.archive import ArchiveError, open_archive
from wpk_archive.core.ingest import Item, document_from_text
from wpk_archive.core.operations import importing as importing_module
from wpk_archive.core.operations import upkeep

# enough articles that the index is written by the bulk writer in separate segment files
MANY = [
    (f"Report {i}", f"20{10 + i % 10}-0{1 + i % 9}-1{i % 9}",
     f"The rice harvest of farm {i} was reported. Farmers of unit {i} met the plan.")
    for i in range(260)
]  # fmt: skip


def _build(folder: Path) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(importing_module, "BATCH", 100)
        new_archive(folder, MANY).close()


def _largest_segment_file(folder: Path) -> Path:
    files = [p for p in (folder / "index").iterdir() if p.name.startswith("passages_")]
    files = [p for p in files if "LOCK" not in p.name]
    return max(files, key=lambda p: p.stat().st_size)


def _expect_answer_after_rebuild(folder: Path) -> None:
    with open_archive(folder) as archive:
        result = archive.search("rice", limit=500)
        assert result.total == 260 and result.message is None
        notices = archive.take_notices()
        assert notices and "rebuilt" in notices[0]
        assert archive.search("farm 7 harvest").total >= 1
        assert any(line.startswith("search index: ok") for line in archive.doctor(repair=False))


def test_a_truncated_segment_file_is_rebuilt_and_the_search_answered(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    _build(folder)
    victim = _largest_segment_file(folder)
    assert victim.suffix != ".toc"
    with victim.open("r+b") as fh:
        fh.truncate(victim.stat().st_size // 2)
    _expect_answer_after_rebuild(folder)


def test_random_bytes_in_a_segment_file_are_rebuilt_and_the_search_answered(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "a"
    _build(folder)
    victim = _largest_segment_file(folder)
    size = victim.stat().st_size
    rng = random.Random(15)
    with victim.open("r+b") as fh:
        fh.seek(size // 3)
        fh.write(bytes(rng.randrange(256) for _ in range(size // 3)))
    _expect_answer_after_rebuild(folder)


def test_damage_after_the_index_was_opened_is_rebuilt_not_taken_for_no_postings(
    tmp_path: Path,
) -> None:
    """A reader error inside the evaluator propagates (it used to read as "no postings").
    The damaged file is signed again here, so only reading it can find the damage."""
    folder = tmp_path / "a"
    _build(folder)
    with open_archive(folder) as archive:
        assert archive.search("rice").total == 260
        postings = next((folder / "index").glob("*.pst"))
        size = postings.stat().st_size
        with postings.open("r+b") as fh:
            fh.seek(8)
            fh.write(b"\xff" * (size - 16))
        ix = archive._index._ix
        toc = ix._read_toc()
        ix.commit_toc(toc.generation, toc.segments)  # the signature cannot see this damage
        archive._index.close()
        result = archive.search("rice", limit=500)
        assert result.total == 260
        assert any("rebuilt" in n for n in archive.take_notices())


def test_a_read_only_archive_says_its_index_is_damaged(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    _build(folder)
    victim = _largest_segment_file(folder)
    with victim.open("r+b") as fh:
        fh.truncate(10)
    with open_archive(folder, readonly=True) as archive, pytest.raises(ArchiveError) as caught:
        archive.search("rice")
    assert "damaged" in str(caught.value)


def test_a_failed_indexing_process_is_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wpk_archive.core.search.indexer import BackgroundIndexer, IndexerFailed

    def fail(self: BackgroundIndexer) -> int:
        self.cancel()
        raise IndexerFailed("killed for the test")

    monkeypatch.setattr(BackgroundIndexer, "commit", fail)
    monkeypatch.setattr(importing_module, "BATCH", 50)
    with new_archive(tmp_path / "a", MANY[:120]) as archive:
        notices = archive.take_notices()
        assert any("Indexing the import failed" in n for n in notices), notices
        assert archive.take_notices() == []  # each notice once
        monkeypatch.undo()
        assert archive.search("rice", limit=200).total == 120  # rebuilt by the next check


def test_notices_reach_the_cli_on_stderr(tmp_path: Path) -> None:
    import subprocess
    import sys

    folder = tmp_path / "a"
    _build(folder)
    victim = _largest_segment_file(folder)
    with victim.open("r+b") as fh:
        fh.truncate(10)
    repo = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-m", "wpk_archive", "--archive", str(folder), "search", "rice"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(repo)},
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert "260 matching passage" in out.stdout
    assert "rebuilt" in out.stderr


# -- corrections reach the index -----------------------------------------------------------------

SESSION = (
    "SPA session", "2019-04-12",
    "The 1st Session of the 14th Supreme People's Assembly was held on April 11, 2019.",
)  # fmt: skip


def test_a_rekinded_or_rejected_event_leaves_the_kind_field_and_facet(tmp_path: Path) -> None:
    with new_archive(tmp_path / "a", [*ARTICLES, SESSION]) as archive:
        assert archive.search("kind:spa_session").total >= 1
        assert archive.search("held", facets=True).facets["kind"].get("spa_session")
        event = next(e for e in archive.timeline() if e.kind == "spa_session")
        archive.correct_event(event.id, kind="politburo_meeting")
        assert archive.search("kind:spa_session").total == 0
        assert "spa_session" not in archive.search("held", facets=True).facets["kind"]
        assert archive.search("kind:politburo_meeting").total >= 1
        archive.reject_event(event.id)
        assert archive.search("kind:politburo_meeting").total == 0
        assert archive.search("held", facets=True).facets["kind"] == {}
        archive.restore_event(event.id)
        assert archive.search("kind:politburo_meeting").total >= 1
        assert any(line.startswith("search index: ok") for line in archive.doctor(repair=False))
        archive.reindex()  # a rebuild indexes the corrected kinds too
        assert archive.search("kind:spa_session").total == 0
        assert archive.search("kind:politburo_meeting").total >= 1


def test_an_imported_kind_correction_reaches_the_index(tmp_path: Path) -> None:
    with new_archive(tmp_path / "a", [*ARTICLES, SESSION]) as archive:
        event = next(e for e in archive.timeline() if e.kind == "spa_session")
        archive.correct_event(event.id, kind="cc_plenary")
        exported = json.loads(json.dumps(archive.export_corrections()))
    with new_archive(tmp_path / "b", [*ARTICLES, SESSION]) as other:
        assert other.search("kind:spa_session").total >= 1
        other.import_corrections(exported)
        assert other.search("kind:spa_session").total == 0
        assert other.search("kind:cc_plenary").total >= 1


def test_a_kind_sync_touches_only_the_changed_documents(tmp_path: Path) -> None:
    docs = [
        Item(f"t:{i}", document_from_text(f"Note {i}\n\nRice note {i}.", origin=f"t:{i}"))
        for i in range(30)
    ]
    with new_archive(tmp_path / "a", [SESSION]) as archive:
        archive.import_items(docs)
        event = next(e for e in archive.timeline() if e.kind == "spa_session")
        before = archive._index.passage_count()
        assert upkeep.sync_index_kinds(archive) == 0  # in step: nothing to do
        archive.correct_event(event.id, kind="cc_plenary")
        assert archive._index.passage_count() == before
