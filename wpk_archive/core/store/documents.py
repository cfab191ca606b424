"""Documents, their passages and earlier revisions (a part of :class:`Store`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from wpk_archive.core.models import Document, Passage
from wpk_archive.core.store.base import StoreBase, now_iso


class DocumentRows(StoreBase):
    """The ``documents``, ``passages`` and ``document_versions`` tables."""

    def has_content(self, content_hash: str) -> str | None:
        """The id of a document with exactly this content, if any."""
        rows = self._rows("SELECT id FROM documents WHERE content_hash = ? LIMIT 1", [content_hash])
        return rows[0]["id"] if rows else None

    def document_origin(self, doc_id: str) -> str | None:
        """Where a stored document came from (the origin its id is made from)."""
        rows = self._rows("SELECT origin FROM documents WHERE id = ?", [doc_id])
        return rows[0]["origin"] if rows else None

    def stored_contents(self, content_hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes a stored document has (:meth:`has_content` for a
        whole batch in a few queries)."""
        found: set[str] = set()
        for chunk in _chunks(list(dict.fromkeys(content_hashes))):
            marks = ",".join("?" * len(chunk))
            found.update(
                r["content_hash"]
                for r in self._rows(
                    f"SELECT DISTINCT content_hash FROM documents WHERE content_hash IN ({marks})",
                    chunk,
                )
            )
        return found

    def document_hashes(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """The content hash of each of these documents that is stored (:meth:`document_hash`
        for a whole batch in a few queries)."""
        found: dict[str, str] = {}
        for chunk in _chunks(list(dict.fromkeys(doc_ids))):
            marks = ",".join("?" * len(chunk))
            for r in self._rows(
                f"SELECT id, content_hash FROM documents WHERE id IN ({marks})", chunk
            ):
                found[r["id"]] = r["content_hash"]
        return found

    def document_hash(self, doc_id: str) -> str | None:
        """The content hash of a stored document, or None when it is not stored."""
        rows = self._rows("SELECT content_hash FROM documents WHERE id = ?", [doc_id])
        return rows[0]["content_hash"] if rows else None

    def put_document(self, doc: Document, *, origin: str, new: bool = False) -> None:
        """Insert or replace a document and its passages (keeping the earlier text, with its
        metadata, as a revision in document_versions).

        Derived rows of an earlier version (mentions, summaries) are removed; user rows are not.
        Call inside :meth:`transaction` when other writes must go with it.
        ``new``: the caller knows no document has this id (no earlier text to keep).
        """
        with self.transaction():
            old = (
                []
                if new
                else self._rows(
                    "SELECT content_hash, title, text, url, source, date, imported_at, fetched_at "
                    "FROM documents WHERE id = ?",
                    [doc.id],
                )
            )
            if old:
                o = old[0]
                if o["content_hash"] != doc.content_hash:
                    self.db.execute(
                        "INSERT INTO document_versions(doc_id, content_hash, title, text, "
                        "replaced_at, url, source, date, imported_at, fetched_at) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?)",
                        [
                            doc.id,
                            o["content_hash"],
                            o["title"],
                            o["text"],
                            now_iso(),
                            o["url"],
                            o["source"],
                            o["date"],
                            o["imported_at"],
                            o["fetched_at"],
                        ],
                    )
                self.delete_derived(doc.id)
            self.db.execute(
                "INSERT INTO documents(id, origin, title, source, date, url, content_hash, "
                "imported_at, original_path, text, author, fetched_at, source_id, removed_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,NULL) "
                "ON CONFLICT(id) DO UPDATE SET origin=excluded.origin, title=excluded.title, "
                "source=excluded.source, date=excluded.date, url=excluded.url, "
                "content_hash=excluded.content_hash, imported_at=excluded.imported_at, "
                "original_path=excluded.original_path, text=excluded.text, "
                "author=excluded.author, fetched_at=excluded.fetched_at, "
                "source_id=excluded.source_id, removed_at=NULL",
                [
                    doc.id,
                    origin,
                    doc.title,
                    doc.source,
                    doc.date,
                    doc.url,
                    doc.content_hash,
                    doc.imported_at or now_iso(),
                    doc.original_path,
                    doc.text,
                    doc.author,
                    doc.fetched_at,
                    doc.source_id,
                ],
            )
            self.db.conn.executemany(
                'INSERT INTO passages(doc_id, ordinal, start, "end", text, page) '
                "VALUES (?,?,?,?,?,?)",
                [(p.doc_id, p.ordinal, p.start, p.end, p.text, p.page) for p in doc.passages],
            )
            self._bump_generation()

    def delete_derived(self, doc_id: str) -> None:
        """Remove what was extracted from a document (passages, mentions, summaries)."""
        with self.transaction():
            for table in ("passages", "event_mentions", "summary_sentences", "appearances"):
                self.db.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])

    def document(self, doc_id: str, *, with_passages: bool = True) -> Document | None:
        """A stored document, or None."""
        with self.snapshot():
            rows = self._rows("SELECT * FROM documents WHERE id = ?", [doc_id])
            if not rows:
                return None
            passages = self.passages(doc_id) if with_passages else []
        return _document(rows[0], passages)

    def documents_without_passages_by_id(self, ids: Iterable[str]) -> list[Document]:
        """Many stored documents at once, without their passages (missing ids are left out)."""
        wanted = list(ids)
        found: list[Document] = []
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.extend(
                _document(r, [])
                for r in self._rows(f"SELECT * FROM documents WHERE id IN ({marks})", chunk)
            )
        return found

    def find_document_ids(self, prefix: str) -> list[str]:
        """Ids starting with ``prefix`` (so users can type a short id)."""
        return [
            r["id"]
            for r in self._rows("SELECT id FROM documents WHERE id LIKE ? LIMIT 5", [prefix + "%"])
        ]

    def passages(self, doc_id: str) -> list[Passage]:
        """The passages of a document, in order."""
        rows = self._rows(
            'SELECT doc_id, ordinal, start, "end", text, page FROM passages WHERE doc_id = ? '
            "ORDER BY ordinal",
            [doc_id],
        )
        return [
            Passage(r["doc_id"], r["ordinal"], r["start"], r["end"], r["text"], r["page"])
            for r in rows
        ]

    def passage_texts(self, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], str]:
        """Texts of many passages at once, by (doc_id, ordinal)."""
        wanted = list(keys)
        found: dict[tuple[str, int], str] = {}
        for i in range(0, len(wanted), 400):
            chunk = wanted[i : i + 400]
            clause = " OR ".join("(doc_id = ? AND ordinal = ?)" for _ in chunk)
            params = [v for key in chunk for v in key]
            for r in self._rows(
                f"SELECT doc_id, ordinal, text FROM passages WHERE {clause}", params
            ):
                found[(r["doc_id"], r["ordinal"])] = r["text"]
        return found

    def document_headers(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Title, date and source of many documents at once."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, dict[str, Any]] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self._rows(
                f"SELECT id, title, date, source, url FROM documents WHERE id IN ({marks})", chunk
            ):
                found[r["id"]] = r
        return found

    def list_documents(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Document headers, newest first, undated last."""
        sql = (
            "SELECT id, title, date, source, url FROM documents "
            "ORDER BY date IS NULL, date DESC, title"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [limit, offset]
        return self._rows(sql, params)

    def count(self, table: str) -> int:
        """Number of rows of a table."""
        return int(self._rows(f"SELECT count(*) AS n FROM {table}")[0]["n"])

    def iter_documents(self, batch: int = 500) -> Iterator[Document]:
        """Every document with its passages, in id order, read in batches."""
        last = ""
        while True:
            rows = self._rows(
                "SELECT * FROM documents WHERE id > ? ORDER BY id LIMIT ?", [last, batch]
            )
            if not rows:
                return
            ids = [r["id"] for r in rows]
            marks = ",".join("?" * len(ids))
            by_doc: dict[str, list[Passage]] = {i: [] for i in ids}
            for p in self._rows(
                f'SELECT doc_id, ordinal, start, "end", text, page FROM passages '
                f"WHERE doc_id IN ({marks}) ORDER BY doc_id, ordinal",
                ids,
            ):
                by_doc[p["doc_id"]].append(
                    Passage(p["doc_id"], p["ordinal"], p["start"], p["end"], p["text"], p["page"])
                )
            for row in rows:
                yield _document(row, by_doc[row["id"]])
            last = ids[-1]

    def document_ids(self) -> set[str]:
        """Ids of every stored document."""
        return {r["id"] for r in self._rows("SELECT id FROM documents")}

    def versions(self, doc_id: str) -> list[dict[str, Any]]:
        """Earlier texts of a document with their metadata, oldest first."""
        return self._rows(
            "SELECT id, content_hash, title, text, replaced_at, url, source, date, imported_at, "
            "fetched_at FROM document_versions WHERE doc_id = ? ORDER BY id",
            [doc_id],
        )

    def mark_removed(self, doc_ids: Iterable[str], when: str) -> int:
        """Mark documents as no longer offered by their source (a re-fetch found them gone);
        returns how many were newly marked."""
        marked = 0
        with self.transaction():
            for doc_id in doc_ids:
                marked += self.db.execute(
                    "UPDATE documents SET removed_at = ? WHERE id = ? AND removed_at IS NULL",
                    [when, doc_id],
                ).rowcount
        return marked

    def removed_at(self, doc_id: str) -> str | None:
        """When a re-fetch found the document gone at its source (None: it is offered)."""
        rows = self._rows("SELECT removed_at FROM documents WHERE id = ?", [doc_id])
        return rows[0]["removed_at"] if rows else None

    def documents_read_from(self, original_path: str) -> list[dict[str, Any]]:
        """Id, origin, url and removal mark of the documents read from one file or feed."""
        return self._rows(
            "SELECT id, origin, url, removed_at FROM documents WHERE original_path = ?",
            [original_path],
        )

    def document_id_for_origin(self, origin: str) -> str | None:
        """The id of the document imported from ``origin``, if any."""
        rows = self._rows("SELECT id FROM documents WHERE origin = ?", [origin])
        return rows[0]["id"] if rows else None

    def update_document_fields(self, doc_id: str, values: dict[str, Any]) -> None:
        """Set metadata columns (title, date, source, url) of a stored document."""
        allowed = {"title", "date", "source", "url"}
        names = [n for n in values if n in allowed]
        if not names:
            return
        with self.transaction():
            sets = ", ".join(f"{n} = ?" for n in names)
            self.db.execute(
                f"UPDATE documents SET {sets} WHERE id = ?", [values[n] for n in names] + [doc_id]
            )
            self._bump_generation()

    def delete_document(self, doc_id: str, *, with_user_data: bool) -> None:
        """Remove a document and everything derived from it (and the user's text on it if asked)."""
        with self.transaction():
            self.db.execute("DELETE FROM documents WHERE id = ?", [doc_id])
            for table in (
                "passages",
                "event_mentions",
                "summary_sentences",
                "document_versions",
                "doc_signatures",
                "near_duplicates",
                "appearances",
            ):
                self.db.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
            self.db.execute("DELETE FROM near_duplicates WHERE other_id = ?", [doc_id])
            if with_user_data:
                self.db.execute("DELETE FROM user_summaries WHERE doc_id = ?", [doc_id])
            self._bump_generation()

    def newest_date(self) -> str | None:
        """The latest publication date in the archive (None when no document is dated)."""
        found = self._rows("SELECT max(date) AS d FROM documents")[0]["d"]
        return str(found) if found is not None else None


def _document(row: dict[str, Any], passages: list[Passage]) -> Document:
    return Document(
        id=row["id"],
        title=row["title"],
        text=row["text"],
        passages=passages,
        source=row["source"],
        date=row["date"],
        url=row["url"],
        content_hash=row["content_hash"],
        original_path=row["original_path"],
        imported_at=row["imported_at"],
        author=row.get("author"),
        fetched_at=row.get("fetched_at"),
        source_id=row.get("source_id"),
    )


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    """``values`` in lists of at most ``size`` (the parameters of one query)."""
    for start in range(0, len(values), size):
        yield values[start : start + size]
