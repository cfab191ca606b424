"""Every write returns what it changed (a Changes record), and the record is right."""

from __future__ import annotations

from pathlib import Path

from wpk_archive.core.archive import Changes, open_archive


def test_each_write_returns_what_it_changed(tmp_path: Path) -> None:
    text = tmp_path / "plenum.txt"
    text.write_text(
        "Plenum held\n\nThe 2nd Plenary Meeting of the 8th WPK Central Committee was held in "
        "February 2021.\n\nIt discussed the plan.",
        encoding="utf-8",
    )
    with open_archive(tmp_path / "a", bundled=False) as archive:
        report = archive.import_paths([text])
        (doc_id,) = report.changes.documents
        assert report.changes.events and report.changes.index and not report.changes.deleted
        assert archive.import_paths([text]).changes.nothing  # already present: nothing changed

        event = archive.timeline(doc_id=doc_id)[0]
        renamed = archive.correct_event(event.id, name="Renamed")
        assert renamed.events and not renamed.documents and len(renamed.corrections) == 1
        assert [c.id for c in archive.corrections()] == list(renamed.corrections)

        added = archive.add_event(doc_id=doc_id, passage=1, start="2021-02-08", name="Mine")
        assert added.event_id is not None and archive.event(added.event_id) is not None

        retitled = archive.correct_document(doc_id, title="New title")
        assert retitled.documents == {doc_id} and not retitled.events  # the date did not change
        assert archive.correct_document(doc_id, date="2021-02-10").events

        assert archive.set_user_summary(doc_id, "mine") == Changes(user_data=True)
        assert archive.set_user_event_gist(event.id, "gist") == Changes(user_data=True)

        deleted = archive.delete_document(doc_id, confirm_loss=True)
        assert deleted.deleted == {doc_id} and deleted.user_data and deleted.events
        assert archive.document(doc_id) is None

        undone = archive.undo_correction(deleted.corrections[0])
        assert undone.documents == {doc_id} and undone.user_data
        assert archive.document(doc_id) is not None


def test_changes_combine() -> None:
    a = Changes(documents=frozenset({"x"}), corrections=(1,))
    b = Changes(deleted=frozenset({"y"}), events=True, corrections=(2,), event_id="e")
    both = a | b
    assert both.documents == {"x"} and both.deleted == {"y"} and both.events
    assert both.corrections == (1, 2) and both.event_id == "e"
    assert Changes().nothing and not both.nothing
