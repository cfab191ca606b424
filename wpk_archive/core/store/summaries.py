"""Automatic summaries and gists, and the user's own summaries and event gists (a part of
:class:`Store`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wpk_archive.core.models import SummarySentence
from wpk_archive.core.store.base import StoreBase, now_iso


class SummaryRows(StoreBase):
    """The ``summary_sentences``, ``user_summaries`` and ``user_event_gists`` tables."""

    # -- summaries ----------------------------------------------------------------------------

    def put_summary(
        self,
        doc_id: str,
        summary: Iterable[SummarySentence],
        gists: Iterable[SummarySentence],
        *,
        replace: bool = True,
    ) -> None:
        """Replace a document's automatic summary and passage gists.

        ``replace=False`` when the document has none (the import's put_document cleared them).
        """
        with self.transaction():
            if replace:
                self.db.execute("DELETE FROM summary_sentences WHERE doc_id = ?", [doc_id])
            rows = [
                (doc_id, role, rank, s.passage, s.start, s.end, s.text, int(s.trimmed))
                for role, sentences in (("summary", summary), ("gist", gists))
                for rank, s in enumerate(sentences)
            ]
            self.db.conn.executemany(
                'INSERT INTO summary_sentences(doc_id, role, rank, passage, start, "end", text, '
                "trimmed) VALUES (?,?,?,?,?,?,?,?)",
                rows,
            )

    def summary_sentences(self, doc_id: str, role: str = "summary") -> list[SummarySentence]:
        """A document's automatic summary ('summary') or passage gists ('gist')."""
        rows = self._rows(
            "SELECT * FROM summary_sentences WHERE doc_id = ? AND role = ? ORDER BY rank",
            [doc_id, role],
        )
        return [
            SummarySentence(
                r["doc_id"], r["passage"], r["start"], r["end"], r["text"], bool(r["trimmed"])
            )
            for r in rows
        ]

    def user_summary(self, doc_id: str) -> dict[str, Any] | None:
        """The user's own summary of a document: text, updated_at, written_for_hash."""
        rows = self._rows("SELECT * FROM user_summaries WHERE doc_id = ?", [doc_id])
        return rows[0] if rows else None

    def set_user_summary(self, doc_id: str, text: str, written_for_hash: str | None) -> None:
        """Store (or replace) the user's summary of a document."""
        with self.transaction():
            self.db.execute(
                "INSERT INTO user_summaries(doc_id, text, updated_at, written_for_hash) "
                "VALUES (?,?,?,?) ON CONFLICT(doc_id) DO UPDATE SET text=excluded.text, "
                "updated_at=excluded.updated_at, written_for_hash=excluded.written_for_hash",
                [doc_id, text, now_iso(), written_for_hash],
            )

    def user_event_gist(self, event_id: str) -> dict[str, Any] | None:
        """The user's own gist of an event: text, updated_at."""
        rows = self._rows("SELECT * FROM user_event_gists WHERE event_id = ?", [event_id])
        return rows[0] if rows else None

    def set_user_event_gist(self, event_id: str, text: str) -> None:
        """Store (or replace) the user's gist of an event."""
        with self.transaction():
            self.db.execute(
                "INSERT INTO user_event_gists(event_id, text, updated_at) VALUES (?,?,?) "
                "ON CONFLICT(event_id) DO UPDATE SET text=excluded.text, "
                "updated_at=excluded.updated_at",
                [event_id, text, now_iso()],
            )

    def all_user_event_gists(self) -> list[dict[str, Any]]:
        """Every user-written event gist (for export)."""
        return self._rows("SELECT * FROM user_event_gists ORDER BY event_id")

    def all_user_summaries(self) -> list[dict[str, Any]]:
        """Every user-written summary (for export)."""
        return self._rows("SELECT * FROM user_summaries ORDER BY doc_id")
