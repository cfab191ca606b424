"""The writing half of :class:`~wpk_archive.core.search.index.PassageIndex`: documents added
with Whoosh's writer or the bulk segment writer (:mod:`.segments`), and deleted."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from wpk_archive.core.models import Document
from wpk_archive.core.search import whoosh_private as wp
from wpk_archive.core.search.analysis import index_stream, plain_tokens
from wpk_archive.core.search.index_base import IndexBase, IndexError_
from wpk_archive.core.search.segments import BulkSegmentWriter

SEGMENT_PASSAGES = 150_000
"""A bulk writer commits a segment when it holds this many passages (~200 MB at most)."""


WRITE_LOCK_WAIT = 30.0
"""Seconds a writer waits for the index's lock (see PassageIndex._writer)."""


class IndexWriting(IndexBase):
    """Adding and deleting passages (a part of
    :class:`~wpk_archive.core.search.index.PassageIndex`)."""

    # -- writing ------------------------------------------------------------------------------

    def _writer(self, **options: Any) -> Any:
        """Whoosh's writer, waiting a while for the lock: the indexing process of an import that
        was killed goes on until it sees its pipe closed, then lets go. An index still locked
        after that is reported as unusable (IndexError_), for the caller to retry or rebuild."""
        try:
            return self._ix.writer(timeout=WRITE_LOCK_WAIT, delay=0.25, **options)
        except wp.LockError as exc:
            raise IndexError_(f"the search index {self.path} is locked by another program") from exc

    def add_documents(
        self,
        docs: Iterable[Document],
        *,
        kinds: dict[tuple[str, int], set[str]] | None = None,
        replace: bool = True,
        large: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Index the passages of ``docs`` (replacing their earlier passages); returns passages added.

        ``large`` writes new segments with the bulk writer (:mod:`.segments`):
        for imports and rebuilds. Otherwise Whoosh's own writer adds them and merges small
        segments as it commits.
        """
        with self.lock:
            self.open()
            if large:
                return self._add_bulk(docs, kinds or {}, replace, progress)
            # one version of each document: the last (an import may hold an article twice)
            docs = list({doc.id: doc for doc in docs}.values())
            writer = self._writer(limitmb=128)
            added = 0
            deleted = 0
            try:
                for n, doc in enumerate(docs, 1):
                    if replace:
                        deleted += writer.delete_by_term("doc_id", doc.id)
                    article = self.article_fields(doc)
                    shared = article.keyword_fields()
                    for passage in self.passage_fields(doc, kinds or {}):
                        writer.add_document(
                            pid=passage.pid,
                            doc_id=passage.doc_id,
                            text=passage.text,
                            title=article.title,
                            source=article.source,
                            kind=passage.kind,
                            names=passage.names,
                            **shared,
                        )
                        added += 1
                        # Hand the GIL over now and then: without it the GUI thread waited up to
                        # ~150 ms for its turn during imports (tests/ui/test_responsiveness.py)
                        if added % 4 == 0:
                            time.sleep(0)
                    if progress is not None:
                        progress(n)
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            self._refresh(reopen=deleted > 0)
            return added

    def _add_bulk(
        self,
        docs: Iterable[Document],
        kinds: dict[tuple[str, int], set[str]],
        replace: bool,
        progress: Callable[[int], None] | None,
    ) -> int:
        added = 0
        deleted = 0
        writer = self.bulk_writer()
        try:
            for n, doc in enumerate(docs, 1):
                if replace:
                    deleted += writer.delete_by_term("doc_id", doc.id)
                passages = self.passage_fields(doc, kinds)
                writer.add_passages(self.article_fields(doc), passages)
                added += len(passages)
                if n % 8 == 0:
                    time.sleep(0)  # let a waiting GUI thread run (see add_documents)
                if writer.docnum >= SEGMENT_PASSAGES:  # bound the memory a segment takes
                    writer.commit(merge=False)
                    writer = self.bulk_writer()
                if progress is not None:
                    progress(n)
            writer.commit(merge=False)
        except BaseException:
            if not writer.is_closed:
                writer.cancel()
            raise
        self._refresh(reopen=deleted > 0)
        return added

    def bulk_writer(self) -> BulkSegmentWriter:
        """A writer of one new segment, for many passages at once (commit with merge=False)."""
        self.open()
        # separate files, not one compound file: Whoosh reads a compound segment's parts by
        # copying each into memory (~the whole index: 590 MB at 200,000 articles); plain files
        # are read where needed
        return BulkSegmentWriter(
            self._ix, text_tokens=index_stream, plain_tokens=plain_tokens, compound=False
        )

    def delete_documents(self, doc_ids: Iterable[str]) -> None:
        """Remove every passage of these documents (marks them deleted: no segment is
        rewritten, so this takes milliseconds whatever the size of the index)."""
        with self.lock:
            self.open()
            writer = self._writer()
            try:
                for doc_id in doc_ids:
                    writer.delete_by_term("doc_id", doc_id)
                writer.commit(merge=False)
            except BaseException:
                if not writer.is_closed:
                    writer.cancel()
                raise
            self._refresh(reopen=True)
