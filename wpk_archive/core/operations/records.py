"""Edits of the user's own data, for the gateway (:class:`wpk_archive.core.archive.Archive`
delegates to these): corrections files checked row by row, corrections that do nothing now,
notes files read back, and a deleted document put back by undo.

Every function takes the open archive; none is called from anywhere else.
"""

from __future__ import annotations

import contextlib
import json
from typing import TYPE_CHECKING, Any

from wpk_archive.core import corrections, timeline, user_notes
from wpk_archive.core.corrections import CorrectionsImport
from wpk_archive.core.ingest import Item, content_hash, split_passages
from wpk_archive.core.models import Document
from wpk_archive.core.operations import importing
from wpk_archive.core.operations.common import CORRECTION_ISSUES, ArchiveError, ImportReport

if TYPE_CHECKING:
    from wpk_archive.core.archive import Archive


def restore_deleted(archive: Archive, c: corrections.Correction) -> None:
    """Put a deleted document back (text, metadata, its corrections and the user's summary)."""
    kept = c.old.get("restore") if isinstance(c.old, dict) else None
    if archive._store.document_hash(c.target_id) is not None:
        return  # it is back already (imported again)
    if not isinstance(kept, dict) or not isinstance(kept.get("text"), str):
        raise ArchiveError(
            f"correction {c.id} deleted document {c.target_id} without keeping its text "
            "(an older version, or a corrections file): import the file again instead"
        )
    text = kept["text"]
    doc = Document(
        id=c.target_id,
        title=str(kept.get("title") or ""),
        text=text,
        passages=split_passages(c.target_id, text),
        source=kept.get("source"),
        date=kept.get("date"),
        url=kept.get("url"),
        content_hash=content_hash(text),
        original_path=kept.get("original_path"),
    )
    origin = str(kept.get("origin") or f"restored:{c.target_id}")
    report = ImportReport()
    try:
        importing.import_batch(archive, [Item(origin, doc)], report)
    finally:
        importing.finish_bulk(archive)
    mine = kept.get("user_summary")
    if report.added and isinstance(mine, dict) and isinstance(mine.get("text"), str):
        archive._store.set_user_summary(doc.id, mine["text"], mine.get("written_for_hash"))


def event_gists_of(archive: Archive, doc_id: str) -> list[dict[str, Any]]:
    """The user's gists of the events a document names (with the event, to find it again)."""
    found = []
    for event in archive._store.events(doc_id=doc_id):
        gist = archive._store.user_event_gist(event.id)
        if gist:
            found.append(
                {
                    "event_id": event.id,
                    "name": event.name,
                    "kind": event.kind,
                    "start": event.start,
                    "text": gist["text"],
                }
            )
    return found


def import_corrections(
    archive: Archive, data: Any, *, allow_deletes: bool = False
) -> CorrectionsImport:
    """Add the corrections of an export, each row checked with the rules of the dialogs.

    Already present rows are skipped; each invalid row is refused with its number and the
    reason (the rest go in); rows that delete a document are taken only with
    ``allow_deletes``. ArchiveError when ``data`` is not a corrections export.
    """
    archive._require_writable()
    try:
        rows, refused = corrections.read_export(data, allow_deletes=allow_deletes)
    except corrections.CorrectionError as exc:
        raise ArchiveError(str(exc)) from exc
    report = corrections.CorrectionsImport(refused=refused)
    have = {
        (c.target_type, c.target_id, c.action, c.field, json.dumps(c.value), c.created_at)
        for c in archive._store.corrections()
    }
    changed_docs: list[str] = []
    deleted: list[str] = []
    with archive._write_lock, archive._store.transaction():
        for row in rows:
            key = (
                row["target_type"],
                row["target_id"],
                row["action"],
                row["field"],
                json.dumps(row["value"]),
                row["created_at"],
            )
            if key in have:
                report.already += 1
                continue
            have.add(key)
            old = current_value(archive, row["target_type"], row["target_id"], row["field"])
            archive._store.add_correction(
                row["target_type"],
                row["target_id"],
                row["action"],
                field=row["field"],
                value=row["value"],
                old=old,
                created_at=row["created_at"],
            )
            report.added += 1
            present = archive._store.document_hash(row["target_id"]) is not None
            if row["target_type"] == "document" and present:
                if row["action"] == "set":
                    archive._store.update_document_fields(
                        row["target_id"], {row["field"]: row["value"]}
                    )
                    changed_docs.append(row["target_id"])
                elif row["action"] == "delete":
                    archive._store.delete_document(row["target_id"], with_user_data=False)
                    deleted.append(row["target_id"])
    report.deleted = len(deleted)
    archive.rebuild_timeline()  # event corrections reach the index's kinds here
    archive.reindex_documents(changed_docs, deleted)  # only what the rows changed
    return report


def current_value(archive: Archive, target_type: str, target_id: str, name: str | None) -> Any:
    """The value a correction replaces in this archive (None when the target is absent)."""
    if name is None:
        return None
    target: Any = (
        archive._store.event(target_id)
        if target_type == "event"
        else archive._store.document(target_id, with_passages=False)
    )
    return getattr(target, name, None) if target is not None else None


def correction_issues(archive: Archive, *, fresh: bool = False) -> dict[int, str]:
    """Active corrections that do nothing now, by id, with why: their target is not in the
    archive (kept, they apply again if it comes back) or they could not be applied.

    Read from the last timeline merge; ``fresh`` replays them now, in memory (nothing is
    written).
    """
    found: dict[int, str] = {}
    stored = archive._store.get_meta(CORRECTION_ISSUES)
    if fresh or stored is None:
        applied = corrections.apply_to_events(
            timeline.merge_mentions(archive._store.all_mentions()),
            archive._store.corrections(target_type="event"),
        )
        found.update(corrections.describe_issues(applied))
    else:
        with contextlib.suppress(ValueError):
            found.update({int(k): v for k, v in stored_issues(archive).items()})
    documents = archive._store.document_ids()
    for c in archive._store.corrections(target_type="document"):
        if not c.active or c.action != "set":
            continue
        try:
            corrections.check_correction(c.target_type, c.target_id, c.action, c.field, c.value)
        except corrections.CorrectionError as exc:
            found[c.id] = f"not applied: {exc}"
            continue
        if c.target_id not in documents:
            found[c.id] = "target not found: the document is not in the archive (kept)"
    return dict(sorted(found.items()))


def stored_issues(archive: Archive) -> dict[str, str]:
    raw = archive._store.get_meta(CORRECTION_ISSUES)
    try:
        issues = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in issues.items()} if isinstance(issues, dict) else {}


def detached_user_data(archive: Archive) -> list[str]:
    """The user's texts whose target is not in the archive now (kept, never dropped): gists
    of events no longer on the timeline, summaries of documents no longer stored."""
    lines = []
    documents = archive._store.document_ids()
    gone = [
        s["doc_id"] for s in archive._store.all_user_summaries() if s["doc_id"] not in documents
    ]
    if gone:
        lines.append(
            f"your summaries of documents not in the archive: {len(gone)} (kept; they "
            f"return when the document is imported again): {', '.join(gone[:5])}"
        )
    lost = [
        g["event_id"]
        for g in archive._store.all_user_event_gists()
        if archive._store.event(g["event_id"]) is None
    ]
    if lost:
        lines.append(
            f"your gists of events not on the timeline now: {len(lost)} (kept): "
            + ", ".join(lost[:5])
        )
    return lines


def import_notes(archive: Archive, data: Any) -> list[str]:
    """Restore the summaries and gists of a notes file (written when a document is deleted,
    or by ``export user-data``); returns one line per note, restored or not and why.

    A summary goes back to its document when the document is in the archive (imported
    again); it never replaces a summary written since. A gist goes to its event, or to the
    event of the same document with the same name and kind.
    """
    archive._require_writable()
    try:
        summaries_in, gists_in = user_notes.read_notes(data)
    except user_notes.NotesError as exc:
        raise ArchiveError(str(exc)) from exc
    lines: list[str] = []
    for note in summaries_in:
        doc_id, text = note["doc_id"], note["text"]
        if archive._store.document_hash(doc_id) is None:
            lines.append(
                f"summary of {doc_id}: not restored, the document is not in the "
                "archive (import it again first)"
            )
            continue
        mine = archive._store.user_summary(doc_id)
        if mine and mine["text"] != text:
            lines.append(f"summary of {doc_id}: not restored, you wrote another one since")
            continue
        archive._store.set_user_summary(doc_id, text, note.get("written_for_hash"))
        lines.append(f"summary of {doc_id}: restored")
    for note in gists_in:
        event = user_notes.find_event(archive._store, note)
        if event is None:
            lines.append(f"gist of {note['event_id']}: not restored, no such event now")
            continue
        current = archive._store.user_event_gist(event.id)
        if current and current["text"] != note["text"]:
            lines.append(f"gist of {event.id}: not restored, you wrote another one since")
            continue
        archive._store.set_user_event_gist(event.id, note["text"])
        lines.append(f"gist of {event.id} ({event.name}): restored")
    return lines
