"""Editing: the user's corrections of events and documents (each kept as a correction and
replayed on every merge), undo, deletes, and the user's own texts (summaries, gists).

Every function takes the open archive (:class:`wpk_archive.core.archive.Archive` delegates to
these).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wpk_archive.core import corrections
from wpk_archive.core import search as passage_index
from wpk_archive.core.models import Event
from wpk_archive.core.operations import importing, records, upkeep
from wpk_archive.core.operations.common import (
    NOTES_FORMAT,
    TIMELINE_CHANGED,
    ArchiveError,
    Changes,
    document_corrections_of,
)
from wpk_archive.core.store import now_iso

if TYPE_CHECKING:
    from wpk_archive.core.archive import Archive


def separate_duplicate(archive: Archive, doc_id: str) -> Changes:
    """Split a document off its group of re-sent stories (it is another story); kept as a
    correction, so it survives re-import. The Changes carry the correction's id."""
    archive._require_writable()
    doc = archive._document_or_error(doc_id)
    others = archive._resent.duplicates(doc.id)
    if not others:
        raise ArchiveError(f"{doc.id} is not grouped with another document")
    with archive._atomic():
        correction = archive._store.add_correction("document", doc.id, "separate", value=others)
        archive.rebuild_timeline()
    return TIMELINE_CHANGED | Changes(
        documents=frozenset([doc.id, *others]), corrections=(correction,)
    )


def set_user_summary(archive: Archive, doc_id: str, text: str) -> Changes:
    """Save the user's own summary of a document (kept through every re-import and re-index)."""
    archive._require_writable()
    doc_hash = archive._store.document_hash(doc_id)
    if doc_hash is None:
        raise ArchiveError(f"no document {doc_id}")
    archive._store.set_user_summary(doc_id, text, doc_hash)
    return Changes(user_data=True)


def set_user_event_gist(archive: Archive, event_id: str, text: str) -> Changes:
    """Save the user's own gist of a timeline event (kept through re-extraction)."""
    archive._require_writable()
    if archive._store.event(event_id) is None:
        raise ArchiveError(f"no event {event_id}")
    archive._store.set_user_event_gist(event_id, text)
    return Changes(user_data=True)


def event_or_error(archive: Archive, event_id: str) -> Event:
    event = archive._store.event(event_id)
    if event is None:
        raise ArchiveError(f"no event {event_id}")
    return event


def correct_event(archive: Archive, event_id: str, **changes: Any) -> Changes:
    """Change an event's start, end, precision, kind or name; the Changes carry the correction ids."""
    archive._require_writable()
    event = event_or_error(archive, event_id)
    checked = {}
    for name, value in changes.items():
        try:
            checked[name] = corrections.check_event_value(name, value)
        except corrections.CorrectionError as exc:
            raise ArchiveError(str(exc)) from exc
    with archive._atomic():
        ids = [
            archive._store.add_correction(
                "event", event.id, "set", field=name, value=value, old=getattr(event, name)
            )
            for name, value in checked.items()
        ]
        archive.rebuild_timeline()
    return TIMELINE_CHANGED | Changes(corrections=tuple(ids))


def event_action(archive: Archive, event_id: str, action: str) -> Changes:
    archive._require_writable()
    event = event_or_error(archive, event_id)
    with archive._atomic():
        correction = archive._store.add_correction("event", event.id, action)
        archive.rebuild_timeline()
    return TIMELINE_CHANGED | Changes(corrections=(correction,))


def add_event(
    archive: Archive,
    *,
    doc_id: str,
    passage: int,
    start: str | None,
    name: str,
    kind: str = "other",
    end: str | None = None,
    span: tuple[int, int] | None = None,
) -> Changes:
    """Add an event by hand, anchored to a passage (or a span of it); the Changes carry its id
    (``event_id``)."""
    archive._require_writable()
    doc = archive.document(doc_id)
    if doc is None:
        raise ArchiveError(f"no document {doc_id}")
    if not 1 <= passage <= len(doc.passages):
        raise ArchiveError(f"document {doc.id} has passages 1 to {len(doc.passages)}")
    p = doc.passages[passage - 1]
    a, b = span or (p.start, p.end)
    if not p.start <= a < b <= p.end:
        raise ArchiveError(f"the span {a}-{b} is not inside passage {passage}")
    try:
        value = {
            "kind": corrections.check_event_value("kind", kind),
            "name": corrections.check_event_value("name", name),
            "start": corrections.check_event_value("start", start),
            "end": corrections.check_event_value("end", end),
            "doc_id": doc.id,
            "passage": passage,
            "span_start": a,
            "span_end": b,
            "quote": doc.text[a:b],
        }
    except corrections.CorrectionError as exc:
        raise ArchiveError(str(exc)) from exc
    created = now_iso()
    event_id = corrections.manual_event_id(value, created)
    with archive._atomic():
        correction = archive._store.add_correction(
            "event", event_id, "add", value=value, created_at=created
        )
        archive.rebuild_timeline()
    return TIMELINE_CHANGED | Changes(corrections=(correction,), event_id=event_id)


def join_events(archive: Archive, event_id: str, other_id: str) -> Changes:
    """Fold ``other_id`` into ``event_id`` (one event, the sources of both)."""
    archive._require_writable()
    event_or_error(archive, event_id)
    event_or_error(archive, other_id)
    if event_id == other_id:
        raise ArchiveError("an event cannot be joined with itself")
    with archive._atomic():
        correction = archive._store.add_correction("event", event_id, "join", value=other_id)
        archive.rebuild_timeline()
    return TIMELINE_CHANGED | Changes(corrections=(correction,))


def split_event(archive: Archive, event_id: str, source_keys: list[str]) -> Changes:
    """Move some sources of an event into a new event; the Changes carry the new event's id
    (``event_id``)."""
    archive._require_writable()
    event = event_or_error(archive, event_id)
    known = {corrections.source_key(s) for s in event.sources}
    moving = [k for k in source_keys if k in known]
    if not moving or len(moving) == len(known):
        raise ArchiveError("name some, but not all, of the event's sources to split off")
    new_id = event.id + "-" + corrections.manual_event_id({"s": sorted(moving)}, now_iso())[1:6]
    with archive._atomic():
        correction = archive._store.add_correction(
            "event", event.id, "split", value={"sources": sorted(moving), "new_id": new_id}
        )
        archive.rebuild_timeline()
    return TIMELINE_CHANGED | Changes(corrections=(correction,), event_id=new_id)


def correct_document(archive: Archive, doc_id: str, **changes: Any) -> Changes:
    """Correct a document's title, date, source or url (kept through every re-import)."""
    archive._require_writable()
    doc = archive.document(doc_id)
    if doc is None:
        raise ArchiveError(f"no document {doc_id}")
    ids = []
    try:
        changes = {
            name: corrections.check_document_value(name, value) for name, value in changes.items()
        }
    except corrections.CorrectionError as exc:
        raise ArchiveError(str(exc)) from exc
    with archive._atomic():
        for name, value in changes.items():
            ids.append(
                archive._store.add_correction(
                    "document", doc.id, "set", field=name, value=value, old=getattr(doc, name)
                )
            )
            setattr(doc, name, value)
        archive._store.update_document_fields(doc.id, changes)
        if "date" in changes:  # yearless and relative dates are read against its date
            importing.put_mentions(archive, [doc])
            archive.rebuild_timeline()
    with archive._write_lock:
        try:
            upkeep.ensure_index(archive, for_edit=True)
            archive._index.add_documents([doc], kinds=upkeep.timeline_kinds(archive), replace=True)
            archive._index.set_generation(archive._store.generation())
        except (OSError, passage_index.IndexError_) as exc:
            archive._indexing_after_edit_failed(exc)
    return Changes(
        documents=frozenset([doc.id]),
        events="date" in changes,
        index=True,
        corrections=tuple(ids),
    )


def delete_document(
    archive: Archive, doc_id: str, *, export_to: Path | None = None, confirm_loss: bool = False
) -> Changes:
    """Delete a document with its passages, events and index entries.

    When the user wrote something on it, that text is first exported to ``export_to``, or
    its loss must be confirmed; otherwise ArchiveError says so and nothing is deleted.
    """
    archive._require_writable()
    doc = archive.document(doc_id)
    if doc is None:
        raise ArchiveError(f"no document {doc_id}")
    mine = archive._store.user_summary(doc.id)
    if mine and export_to is None and not confirm_loss:
        raise ArchiveError(f"you wrote a summary of {doc.id}: export it first or confirm its loss")
    if mine and export_to is not None:
        payload = {
            "format": NOTES_FORMAT,
            "version": 1,
            "document": {"id": doc.id, "title": doc.title, "content_hash": doc.content_hash},
            "summary": mine,
            "event_gists": records.event_gists_of(archive, doc.id),
        }
        try:
            export_to.write_text(
                json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8"
            )
        except OSError as exc:
            raise ArchiveError(
                f"your notes could not be saved to {export_to} ({exc.strerror or exc}); "
                "nothing was deleted"
            ) from exc
    # what undo needs to put the document back as it was, with the user's summary
    kept = {
        "title": doc.title,
        "restore": {
            "origin": archive._store.document_origin(doc.id),
            "title": doc.title,
            "text": doc.text,
            "source": doc.source,
            "date": doc.date,
            "url": doc.url,
            "original_path": doc.original_path,
            "imported_at": doc.imported_at,
            "user_summary": mine,
        },
    }
    with archive._atomic():
        correction = archive._store.add_correction("document", doc.id, "delete", old=kept)
        archive._store.delete_document(doc.id, with_user_data=True)
        archive._resent.forget(doc.id)
        archive.rebuild_timeline()
    with archive._write_lock:
        try:
            upkeep.ensure_index(archive, for_edit=True)
            archive._index.delete_documents([doc.id])
            archive._index.set_generation(archive._store.generation())
        except (OSError, passage_index.IndexError_) as exc:
            archive._indexing_after_edit_failed(exc)
    return TIMELINE_CHANGED | Changes(
        deleted=frozenset([doc.id]), user_data=bool(mine), corrections=(correction,)
    )


def document_corrections(archive: Archive, doc_id: str) -> dict[str, Any]:
    """Fields of a document the user corrected, each with the extracted value it replaced."""
    replaced: dict[str, Any] = {}
    for c in document_corrections_of(archive, doc_id):
        if c.active and c.action == "set" and c.field:
            replaced.setdefault(c.field, c.old)
    return replaced


def undo_correction(archive: Archive, correction_id: int) -> Changes:
    """Take back one correction (it stays on record as inactive)."""
    archive._require_writable()
    match = [c for c in archive._store.corrections() if c.id == correction_id]
    if not match:
        raise ArchiveError(f"no correction {correction_id}")
    c = match[0]
    with archive._atomic():
        if c.target_type == "document" and c.action == "delete" and c.active:
            records.restore_deleted(archive, c)
        archive._store.set_correction_active(correction_id, False)
        if c.target_type == "document" and c.action == "set" and c.field:
            doc = archive.document(c.target_id)
            if doc is not None:
                later = document_corrections_of(archive, doc.id)
                restored = next(
                    (x.value for x in reversed(later) if x.active and x.field == c.field),
                    c.old,
                )
                archive._store.update_document_fields(doc.id, {c.field: restored})
        archive.rebuild_timeline()
    restored_doc = c.target_type == "document" and c.action in {"delete", "set", "separate"}
    return TIMELINE_CHANGED | Changes(
        documents=frozenset([c.target_id]) if restored_doc else frozenset(),
        user_data=c.target_type == "document" and c.action == "delete",
        corrections=(correction_id,),
    )


def remove_correction(archive: Archive, correction_id: int) -> Changes:
    """Delete one correction from the record for good (undone first if it was active)."""
    archive._require_writable()
    if not any(c.id == correction_id for c in archive._store.corrections()):
        raise ArchiveError(f"no correction {correction_id}")
    with archive._atomic():
        changes = archive.undo_correction(correction_id)
        archive._store.delete_correction(correction_id)
    return changes
