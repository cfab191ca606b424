"""Re-sent stories' signatures and near-duplicate pairs, and the checks of ``doctor`` (a
part of :class:`Store`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

from wpk_archive.core.store.base import StoreBase


class UpkeepRows(StoreBase):
    """The ``doc_signatures`` and ``near_duplicates`` tables; orphans and integrity."""

    # -- re-sent stories ----------------------------------------------------------------------

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """Every stored MinHash signature (doc id, raw bytes)."""
        for r in self._rows("SELECT doc_id, signature FROM doc_signatures"):
            yield r["doc_id"], r["signature"]

    def documents_without_signature(self) -> list[str]:
        """Ids of documents whose signature was never computed (imported before schema 5)."""
        return [
            r["id"]
            for r in self._rows(
                "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM doc_signatures)"
            )
        ]

    def put_signatures(self, rows: Iterable[tuple[str, bytes | None]]) -> None:
        """Store signatures (None: the text is too short to have one, recorded as empty)."""
        with self.transaction():
            self.db.conn.executemany(
                "INSERT INTO doc_signatures(doc_id, signature) VALUES (?, ?) "
                "ON CONFLICT(doc_id) DO UPDATE SET signature = excluded.signature",
                [(doc_id, sig if sig is not None else b"") for doc_id, sig in rows],
            )

    def drop_signatures(self, doc_ids: Iterable[str]) -> None:
        """Forget the signatures of documents whose text changed (they are computed again)."""
        with self.transaction():
            self.db.conn.executemany(
                "DELETE FROM doc_signatures WHERE doc_id = ?", [(d,) for d in doc_ids]
            )

    def clear_signatures(self) -> None:
        """Forget every signature (they are computed again)."""
        with self.transaction():
            self.db.execute("DELETE FROM doc_signatures")

    def replace_near_duplicates(self, doc_id: str, pairs: Iterable[tuple[str, float]]) -> None:
        """Replace the near-duplicate pairs of one document (with its other documents)."""
        with self.transaction():
            self.db.execute(
                "DELETE FROM near_duplicates WHERE doc_id = ? OR other_id = ?", [doc_id, doc_id]
            )
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO near_duplicates(doc_id, other_id, similarity) "
                "VALUES (?,?,?)",
                [(min(doc_id, o), max(doc_id, o), round(s, 4)) for o, s in pairs if o != doc_id],
            )

    def near_duplicate_pairs(self) -> list[tuple[str, str, float]]:
        """Every near-duplicate pair (doc_id < other_id) with its similarity."""
        return [
            (r["doc_id"], r["other_id"], r["similarity"])
            for r in self._rows("SELECT doc_id, other_id, similarity FROM near_duplicates")
        ]

    # -- checks -------------------------------------------------------------------------------

    ORPHAN_CHECKS: ClassVar[dict[str, str]] = {
        "passages": "doc_id NOT IN (SELECT id FROM documents)",
        "event_mentions": "doc_id NOT IN (SELECT id FROM documents)",
        "summary_sentences": "doc_id NOT IN (SELECT id FROM documents)",
        "document_versions": "doc_id NOT IN (SELECT id FROM documents)",
        "doc_signatures": "doc_id NOT IN (SELECT id FROM documents)",
        "near_duplicates": "doc_id NOT IN (SELECT id FROM documents) "
        "OR other_id NOT IN (SELECT id FROM documents)",
        "appearances": "doc_id NOT IN (SELECT id FROM documents)",
        "event_sources": "event_id NOT IN (SELECT id FROM events) "
        "OR doc_id NOT IN (SELECT id FROM documents)",
    }

    def orphan_counts(self) -> dict[str, int]:
        """Derived rows whose document (or event) is gone, by table."""
        return {
            table: int(self._rows(f"SELECT count(*) AS n FROM {table} WHERE {where}")[0]["n"])
            for table, where in self.ORPHAN_CHECKS.items()
        }

    def delete_orphans(self) -> int:
        """Remove derived rows whose document (or event) is gone; never touches user tables."""
        removed = 0
        with self.transaction():
            for table, where in self.ORPHAN_CHECKS.items():
                removed += self.db.execute(f"DELETE FROM {table} WHERE {where}").rowcount
        return removed

    def documents_without_passages(self) -> list[str]:
        """Ids of documents that have no passage (a half-written import would leave these)."""
        return [
            r["id"]
            for r in self._rows(
                "SELECT id FROM documents WHERE id NOT IN (SELECT DISTINCT doc_id FROM passages)"
            )
        ]

    def integrity_check(self) -> str:
        """SQLite's own verdict on the file ('ok' when sound)."""
        return str(self._rows("PRAGMA integrity_check")[0]["integrity_check"])
