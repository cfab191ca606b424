"""Files of the user's own notes (summaries, event gists) read back into an archive.

A delete writes the user's notes on a document to a file first (``Archive.delete_document``);
``export user-data`` writes all of them. :func:`read_notes` reads either, checked value by value,
so ``wpk-archive import-notes FILE`` can put them back when the document is imported again.
"""

from __future__ import annotations

from typing import Any, Protocol

from wpk_archive.core.models import Event

NOTES_FORMAT = "wpk-archive-notes"
USER_DATA_FORMAT = "wpk-archive-user-data"
MAX_NOTE = 1_000_000
"""Longest note accepted (characters)."""


class NotesError(ValueError):
    """A file that is not a notes file; the message is for the user."""


class _Events(Protocol):
    def event(self, event_id: str) -> Event | None: ...

    def events(self, *, doc_id: str | None = None) -> list[Event]: ...


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip() and len(value) <= MAX_NOTE:
        return value.replace("\x00", "")
    return None


def read_notes(data: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(summaries, gists) of a notes file: each summary {doc_id, text, written_for_hash}, each
    gist {event_id, text, doc_id?, name?, kind?}. NotesError when it is not a notes file."""
    if not isinstance(data, dict):
        raise NotesError("not a WPK Archive notes file")
    summaries: list[dict[str, Any]] = []
    gists: list[dict[str, Any]] = []
    if data.get("format") == USER_DATA_FORMAT:
        raw_summaries = data.get("summaries") or []
        raw_gists = data.get("event_gists") or []
        doc_id = None
    elif data.get("format") in (NOTES_FORMAT, None) and isinstance(data.get("document"), dict):
        doc_id = data["document"].get("id")
        raw_summaries = [data.get("summary")] if data.get("summary") else []
        raw_gists = data.get("event_gists") or []
    else:
        raise NotesError("not a WPK Archive notes file (from a delete, or export user-data)")
    if not isinstance(raw_summaries, list) or not isinstance(raw_gists, list):
        raise NotesError("the notes file's lists are damaged")
    for row in raw_summaries:
        if not isinstance(row, dict):
            continue
        target = row.get("doc_id", doc_id)
        text = _text(row.get("text"))
        if isinstance(target, str) and target and text is not None:
            written = row.get("written_for_hash")
            summaries.append(
                {
                    "doc_id": target,
                    "text": text,
                    "written_for_hash": written if isinstance(written, str) else None,
                }
            )
    for row in raw_gists:
        if not isinstance(row, dict):
            continue
        text = _text(row.get("text"))
        if isinstance(row.get("event_id"), str) and text is not None:
            gists.append(
                {
                    **{k: row.get(k) for k in ("event_id", "name", "kind")},
                    "doc_id": row.get("doc_id", doc_id),
                    "text": text,
                }
            )
    return summaries, gists


def find_event(store: _Events, note: dict[str, Any]) -> Event | None:
    """The event a gist was written for: by its id, else the event of the same document with
    the same name and kind (event ids can change when a re-import corrects a date)."""
    event = store.event(note["event_id"])
    if event is not None or not isinstance(note.get("doc_id"), str):
        return event
    for candidate in store.events(doc_id=note["doc_id"]):
        if candidate.name == note.get("name") and candidate.kind == note.get("kind"):
            return candidate
    return None
