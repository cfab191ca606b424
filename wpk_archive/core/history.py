"""What changed at the source: a document's revisions, diffs between them, the user's anchors
carried to a new text, and documents a source no longer offers.

The pure parts (numbering, word diffs, finding moved words) are
:mod:`wpk_archive.core.ingest.revisions`; this reads and writes them through the store.
"""

from __future__ import annotations

from typing import Any

from wpk_archive.core import corrections
from wpk_archive.core.ingest import revisions
from wpk_archive.core.ingest.revisions import Revision

__all__ = ["Revision", "RevisionError", "diff", "document_revisions"]
from wpk_archive.core.models import Document
from wpk_archive.core.store import Store


class RevisionError(ValueError):
    """A revision asked for that the document does not have (worded for the user)."""


def document_revisions(store: Store, doc: Document) -> list[Revision]:
    """Every revision of a stored document, oldest first (the last one is current)."""
    return revisions.revisions(doc, store.versions(doc.id))


def diff(
    store: Store, doc: Document, from_rev: int | None = None, to_rev: int | None = None
) -> tuple[Revision, Revision, list[tuple[revisions.Op, str]]]:
    """The word diff between two revisions (default: the two latest)."""
    found = document_revisions(store, doc)
    if len(found) < 2 and from_rev is None and to_rev is None:
        raise RevisionError(f"{doc.id} has one revision only: nothing to compare")
    to_rev = to_rev if to_rev is not None else found[-1].id
    from_rev = from_rev if from_rev is not None else max(1, to_rev - 1)
    for number in (from_rev, to_rev):
        if not 1 <= number <= len(found):
            raise RevisionError(
                f"{doc.id} has revisions 1 to {len(found)}; there is no revision {number}"
            )
    old, new = found[from_rev - 1], found[to_rev - 1]
    return old, new, revisions.word_diff(old.text, new.text)


def move_anchors(store: Store, old: Document, new: Document) -> list[str]:
    """Carry the user's corrections that point into ``old``'s text (split-off sources, events
    made by hand) to where their words are in ``new``; one line per anchor that could not
    move (its passage is gone: the correction is kept as it was, and says so in doctor)."""
    lines: list[str] = []
    for c in store.corrections(target_type="event"):
        if not c.active:
            continue
        value: Any = c.value
        if c.action == "split" and isinstance(value, dict):
            keys = value.get("sources") or []
            if not any(isinstance(k, str) and k.startswith(old.id + ":") for k in keys):
                continue
            moved = [
                revisions.moved_source_key(k, old, new) if isinstance(k, str) else k for k in keys
            ]
            if any(m is None for m in moved):
                lines.append(f"correction #{c.id}: a source's passage is gone from {old.id}")
                continue
            if moved != keys:
                store.set_correction_value(c.id, {**value, "sources": moved})
        elif c.action == "add" and isinstance(value, dict) and value.get("doc_id") == old.id:
            try:
                checked = corrections.check_added_event(value)
            except corrections.CorrectionError:
                continue
            placed = revisions.moved_added_event(checked, old, new)
            if placed is None:
                lines.append(f"correction #{c.id}: its words are gone from {old.id}")
            elif placed != checked:
                store.set_correction_value(c.id, {**value, **placed})
    return lines


def revisions_json(revs: list[Revision]) -> list[dict[str, Any]]:
    """Revisions as ``show --json`` prints them."""
    return [r.to_json() for r in revs]
