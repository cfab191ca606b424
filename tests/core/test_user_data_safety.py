"""User data is never detached silently: corrections and notes whose target is gone are listed,
a delete's notes file can be imported back, and undoing a delete restores the document."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wpk_archive.core.archive import open_archive

REPO = Path(__file__).resolve().parents[2]


def _cli(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "wpk_archive", "--archive", str(folder), *args],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "plenum.txt"
    path.write_text(
        "Plenum report\n\nThe 20th Plenary Meeting of the 14th Standing Committee of the Supreme "
        "People's Assembly was held from June 15 to 18, 2022 in Pyongyang.\n\nIt discussed the "
        "orchard plan.",  # a meeting the reference chronology does not list: it goes with its source
        encoding="utf-8",
    )
    return path


def test_orphaned_corrections_and_notes_are_listed_by_corrections_list_and_doctor(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "a"
    article = _article(tmp_path)
    with open_archive(folder) as archive:
        archive.import_paths([article])
        doc_id = next(d["id"] for d in archive.documents() if d["title"] == "Plenum report")
        event = archive.timeline(doc_id=doc_id)[0]
        archive.reject_event(event.id)
        archive.correct_document(doc_id, title="Plenum (corrected)")
        archive.set_user_event_gist(event.id, "My gist of the plenum")
        archive.delete_document(doc_id, confirm_loss=True)
    listing = _cli(folder, "corrections", "list")
    assert listing.returncode == 0, listing.stderr
    lines = [line for line in listing.stdout.splitlines() if "target not found" in line]
    assert len(lines) == 2, listing.stdout  # the rejection and the title correction
    doctor = _cli(folder, "doctor", "--check-only")
    assert "corrections that do nothing now: 2" in doctor.stdout, doctor.stdout
    assert "your gists of events not on the timeline now: 1" in doctor.stdout
    # the document comes back: its corrections apply again and nothing is listed any more
    assert _cli(folder, "import", str(article)).returncode == 0
    again = _cli(folder, "corrections", "list").stdout
    assert "target not found" not in again, again
    shown = json.loads(_cli(folder, "timeline", "--rejected", "--json").stdout)
    assert [e["id"] for e in shown] == [event.id]


def test_import_notes_restores_what_a_delete_exported(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    article = _article(tmp_path)
    with open_archive(folder) as archive:
        archive.import_paths([article])
        doc_id = next(d["id"] for d in archive.documents() if d["title"] == "Plenum report")
        event = archive.timeline(doc_id=doc_id)[0]
        archive.set_user_summary(doc_id, "My own summary of the plenum.")
        archive.set_user_event_gist(event.id, "My gist of the plenum")
    notes = tmp_path / "notes.json"
    deleted = _cli(folder, "doc", doc_id, "--delete", "--export-notes", str(notes))
    assert deleted.returncode == 0 and notes.exists(), deleted.stderr
    early = _cli(folder, "import-notes", str(notes))
    assert early.returncode == 1 and "not in the archive" in early.stdout, early.stdout
    assert _cli(folder, "import", str(article)).returncode == 0
    restored = _cli(folder, "import-notes", str(notes))
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert f"summary of {doc_id}: restored" in restored.stdout
    summary = json.loads(_cli(folder, "summary", doc_id, "--json").stdout)
    assert summary["user"]["text"] == "My own summary of the plenum."
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    refused = _cli(folder, "import-notes", str(bad))
    assert (
        refused.returncode == 1 and str(bad) in refused.stderr and "Traceback" not in refused.stderr
    )


def test_undo_of_a_delete_restores_the_document_and_the_users_summary(tmp_path: Path) -> None:
    with open_archive(tmp_path / "a") as archive:
        archive.import_paths([_article(tmp_path)])
        doc_id = next(d["id"] for d in archive.documents() if d["title"] == "Plenum report")
        archive.correct_document(doc_id, date="2022-06-19")
        archive.set_user_summary(doc_id, "My own summary of the plenum.")
        before = archive.search("orchard").total
        archive.delete_document(doc_id, confirm_loss=True)
        assert archive.document(doc_id) is None and archive.search("orchard").total == before - 1
        delete = next(c for c in reversed(archive.corrections()) if c.action == "delete")
        archive.undo_correction(delete.id)
        back = archive.document(doc_id)
        assert back is not None and back.title == "Plenum report" and back.date == "2022-06-19"
        summary = archive.summary(doc_id)
        assert summary is not None and summary.user_text == "My own summary of the plenum."
        assert not summary.user_outdated
        assert archive.search("orchard").total == before
        assert [e.name for e in archive.timeline(doc_id=doc_id)]
        exported = archive.export_corrections()["corrections"]
        assert all("restore" not in json.dumps(c["old"]) for c in exported), "no text in exports"


def test_an_edit_that_cannot_be_written_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Nothing of this change was written" is true: the correction and the timeline merge are
    one transaction (the disk fills up while the timeline is written)."""
    import sqlite3

    from wpk_archive.core.archive import StoreError

    with open_archive(tmp_path / "a") as archive:
        event = archive.timeline()[0]
        before = archive.corrections()

        def full(*_args: object, **_kwargs: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(archive._store, "replace_events", full)
        for edit in (
            lambda: archive.correct_event(event.id, name="Renamed"),
            lambda: archive.reject_event(event.id),
            lambda: archive.delete_document(event.sources[0].doc_id, confirm_loss=True),
        ):
            with pytest.raises(StoreError, match="full: nothing of this change was written"):
                edit()
            assert archive.corrections() == before
        monkeypatch.undo()
        again = archive.event(event.id)
        assert again is not None and again.name == event.name and not again.rejected
        assert archive.document(event.sources[0].doc_id) is not None
