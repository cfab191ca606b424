"""Revisions of a document: its earlier texts, word-level diffs between any two, and the user's
anchors carried over to a new text.

Revisions are numbered per document from 1 (the first text imported) to the current one; the
store keeps the current text in ``documents`` and every earlier one in ``document_versions``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, Literal

from wpk_archive.core.models import Document

_TOKEN = re.compile(r"\S+|\n[ \t\r\f\v]*\n\s*")
"""Words, and paragraph breaks (kept, so a diff shows paragraphs as they are)."""
Op = Literal["=", "-", "+"]


@dataclass(frozen=True)
class Revision:
    """One text a document has had."""

    id: int
    imported_at: str | None
    sha256: str
    url: str | None
    title: str
    date: str | None
    text: str
    current: bool

    def to_json(self) -> dict[str, Any]:
        """The form ``wpk-archive show --json`` prints."""
        return {
            "id": self.id,
            "imported_at": self.imported_at,
            "sha256": self.sha256,
            "url": self.url,
        }


def revisions(doc: Document, earlier: list[dict[str, Any]]) -> list[Revision]:
    """Every revision of ``doc``, oldest first, from its ``earlier`` texts (store rows) and its
    current one."""
    found = [
        Revision(
            id=n,
            imported_at=row.get("imported_at") or row.get("replaced_at"),
            sha256=row["content_hash"],
            url=row.get("url"),
            title=row.get("title") or doc.title,
            date=row.get("date"),
            text=row["text"],
            current=False,
        )
        for n, row in enumerate(earlier, 1)
    ]
    found.append(
        Revision(
            id=len(found) + 1,
            imported_at=doc.imported_at,
            sha256=doc.content_hash,
            url=doc.url,
            title=doc.title,
            date=doc.date,
            text=doc.text,
            current=True,
        )
    )
    return found


def _tokens(text: str) -> list[str]:
    return ["\n\n" if t[0] == "\n" else t for t in _TOKEN.findall(text)]


def _joined(tokens: list[str]) -> str:
    return (
        " ".join(tokens).replace(" \n\n ", "\n\n").replace("\n\n ", "\n\n").replace(" \n\n", "\n\n")
    )


def word_diff(old: str, new: str) -> list[tuple[Op, str]]:
    """The words of ``old`` and ``new`` as runs: kept ("="), removed ("-") and added ("+"),
    each run's words joined by single spaces and its paragraph breaks kept as blank lines
    (a change that is only a paragraph break is left out)."""
    a, b = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    runs: list[tuple[Op, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("=", _joined(a[i1:i2])))
            continue
        for op, part in (("-", a[i1:i2]), ("+", b[j1:j2])):
            words = [t for t in part if t != "\n\n"]
            if words:
                runs.append((op, _joined(words)))  # type: ignore[arg-type]
    return runs


def diff_to_json(runs: list[tuple[Op, str]]) -> dict[str, Any]:
    """A diff as JSON: the runs, and the removed and added words alone."""
    return {
        "changes": [{"op": op, "text": text} for op, text in runs],
        "removed": [text for op, text in runs if op == "-"],
        "added": [text for op, text in runs if op == "+"],
    }


def move_span(old_text: str, new_text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the words at ``old_text[start:end]`` are in ``new_text``: the occurrence nearest to
    the same relative place; None when they are no longer there."""
    quote = old_text[start:end]
    if not quote.strip():
        return None
    places = [m.start() for m in re.finditer(re.escape(quote), new_text)]
    if not places:
        return None
    target = start / max(1, len(old_text)) * len(new_text)
    best = min(places, key=lambda p: abs(p - target))
    return best, best + len(quote)


def moved_source_key(key: str, old: Document, new: Document) -> str | None:
    """A correction's source key (DOC:PASSAGE:OFFSET) moved to the new text of its document;
    None when its passage is gone (the key is then kept as it was)."""
    doc_id, passage, offset = key.rsplit(":", 2)
    if doc_id != old.id:
        return key
    old_passage = next((p for p in old.passages if p.ordinal == int(passage)), None)
    if old_passage is None:
        return None
    moved = move_span(old.text, new.text, old_passage.start, old_passage.end)
    if moved is None:
        return None
    target = new.passage_at(moved[0])
    if target is None:
        return None
    return f"{doc_id}:{target.ordinal}:{int(offset) + moved[0] - old_passage.start}"


def moved_added_event(value: dict[str, Any], old: Document, new: Document) -> dict[str, Any] | None:
    """A hand-made event's anchor (passage, span) moved to the new text; None when its words
    are gone."""
    moved = move_span(old.text, new.text, int(value["span_start"]), int(value["span_end"]))
    if moved is None:
        return None
    target = new.passage_at(moved[0])
    if target is None:
        return None
    return {**value, "passage": target.ordinal, "span_start": moved[0], "span_end": moved[1]}
