"""The Whoosh index of passages in an archive folder's ``index/``.

One index document per passage: its document's id, title, date and source ride along so a query
can filter on them. Passage text is not stored here (SQLite holds it); snippets are highlighted
from the text the caller passes in. The index is derived data: it can always be rebuilt from the
store, and ``ANALYZER_VERSION`` (with the Whoosh release) says when it must be.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from whoosh import query as wq
from whoosh.searching import Searcher

from wpk_archive.core.models import Document, Snippet
from wpk_archive.core.search import trust
from wpk_archive.core.search import whoosh_private as wp
from wpk_archive.core.search.analysis import (
    ANALYZER_VERSION,
    STEMMER,
    index_stream,
    plain_tokens,
    schema,
    tokens_of,
)
from wpk_archive.core.search.evaluate import Evaluator, UnsupportedQuery, rank
from wpk_archive.core.search.fields import (
    ArticleRecord,
    NameTable,
    article_fields,
    passage_fields,
    split_key,
)
from wpk_archive.core.search.highlight import Highlight, highlight_terms, make_snippet
from wpk_archive.core.search.lenient import QueryError
from wpk_archive.core.search.lookups import DateWindow, Lookups
from wpk_archive.core.search.query import ParsedQuery, QueryReader
from wpk_archive.core.search.segments import ArticleFields, BulkSegmentWriter, PassageFields
from wpk_archive.core.search.variants import Form, Variants, load_variants
from wpk_archive.core.search.whoosh_private import WHOOSH_VERSION

_T = TypeVar("_T")
INDEX_NAME = "passages"
STAMP_FILE = "wpk_index.json"
RECHECK_SECONDS = 0.05
"""How often the open searcher checks for commits made by another program."""
SEGMENT_PASSAGES = 150_000
"""A bulk writer commits a segment when it holds this many passages (~200 MB at most)."""


WRITE_LOCK_WAIT = 30.0
"""Seconds a writer waits for the index's lock (see PassageIndex._writer)."""


class IndexError_(Exception):
    """The index is missing, damaged or from another version: rebuild it from the store."""


@dataclass
class RawHit:
    """A passage that matched, before the archive joins it with stored data."""

    doc_id: str
    passage: int
    score: float


@dataclass
class RawResult:
    """A page of matches with the whole result's counts."""

    total: int
    hits: list[RawHit]
    total_documents: int = 0
    doc_counts: dict[str, int] = field(default_factory=dict)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


class PassageIndex:
    """The Whoosh index in an archive folder's ``index/``, with one searcher kept open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ix: Any = None
        self._searcher: Searcher | None = None
        self._facts: Lookups | None = None
        self.lock = threading.RLock()
        self.queries = QueryReader(self)
        self._variants: Variants | None = None
        self._names: NameTable | None = None
        self._checked_at = 0.0

    # -- lifecycle ----------------------------------------------------------------------------

    def exists(self) -> bool:
        """Whether an index of the current version, signed by this installation, is on disk
        (the cheap check: the signature of its table of contents, not yet its files')."""
        stamp = self._stamp()
        if any(stamp.get(k) != v for k, v in self._stamp_version().items()):
            return False
        return trust.signed(self.path)

    @staticmethod
    def _stamp_version() -> dict[str, Any]:
        return {"analyzer_version": ANALYZER_VERSION, "whoosh": WHOOSH_VERSION, "stemmer": STEMMER}

    def _stamp(self) -> dict[str, Any]:
        try:
            data = json.loads((self.path / STAMP_FILE).read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def create(self) -> None:
        """Make a new, empty index (removing any old one: it is a cache, and one this
        installation did not sign is never read)."""
        with self.lock:
            self.close()
            if self.path.exists():
                shutil.rmtree(self.path)
            self.path.mkdir(parents=True)
            self._ix = wp.SignedIndex.create_in(self.path, schema(), INDEX_NAME)
            stamp = dict(self._stamp_version(), names=self.name_table()[1])
            (self.path / STAMP_FILE).write_text(json.dumps(stamp), encoding="utf-8")

    def open(self) -> None:
        """Open the existing index; raise IndexError_ when it is missing, unreadable, or not
        written by this installation (its signature and every file are checked first)."""
        with self.lock:
            if self._ix is not None:
                return
            if not self.exists():
                raise IndexError_(f"no current index of this installation in {self.path}")
            try:
                ix = wp.SignedIndex(self.path, schema(), INDEX_NAME)
                ix.verify()
                ix.doc_count()
            except Exception as exc:  # trust.Untrusted, and whoosh's many kinds of damage
                raise IndexError_(f"the index in {self.path} cannot be used ({exc})") from exc
            self._ix = ix

    def close(self) -> None:
        """Release the searcher and the index."""
        with self.lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self._facts = None
            if self._ix is not None:
                self._ix.close()
                self._ix = None

    @property
    def variants(self) -> Variants:
        """The variants table: shipped, plus ``variants.tsv`` in the archive folder if present."""
        if self._variants is None:
            self._variants = load_variants(tokens_of, [self.path.parent / "variants.tsv"])
        return self._variants

    @property
    def generation(self) -> int | None:
        """The store generation this index reflects (None when unknown)."""
        value = self._stamp().get("generation")
        return value if isinstance(value, int) else None

    def set_generation(self, generation: int) -> None:
        """Record that the index now reflects the store at ``generation``."""
        with self.lock:
            stamp = self._stamp()
            stamp["generation"] = generation
            target = self.path / STAMP_FILE
            temp = target.with_suffix(".tmp")
            temp.write_text(json.dumps(stamp), encoding="utf-8")
            temp.replace(target)  # atomic: a crash leaves the old stamp or the new one

    @property
    def names(self) -> NameTable:
        """The multi-word name groups of the variants table (indexed as one key each)."""
        if self._names is None:
            self._names = NameTable(self.variants)
        return self._names

    def name_table(self) -> tuple[dict[Form, str], str]:
        """Each multi-word name form mapped to its group's key, and the table's hash."""
        return self.names.table, self.names.digest

    def names_indexed(self) -> bool:
        """Whether the index's name keys were built from the current variants table."""
        return bool(self._stamp().get("names") == self.names.digest)

    @staticmethod
    def article_fields(doc: Document | ArticleRecord) -> ArticleFields:
        """What every passage of ``doc`` shares in the index."""
        return article_fields(doc)

    def passage_fields(
        self, doc: Document | ArticleRecord, kinds: dict[tuple[str, int], set[str]]
    ) -> list[PassageFields]:
        """The index fields of each passage of ``doc``."""
        return passage_fields(doc, kinds, self.names)

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

    def refresh(self) -> None:
        """See commits another writer made (the background indexer of an import)."""
        with self.lock:
            self._refresh(reopen=True)

    def _refresh(self, *, reopen: bool = False) -> None:
        """See the last commit. Whoosh's refresh() reuses readers of unchanged segment ids and
        so misses deletions in them: after deletions, open a new searcher instead."""
        self._facts = None
        if self._searcher is None:
            return
        if reopen:
            self._searcher.close()
            self._searcher = self._ix.searcher()
        else:
            self._searcher = self._searcher.refresh()

    # -- reading ------------------------------------------------------------------------------

    def searcher(self, *, fresh: bool = False) -> Searcher:
        """The one open searcher, reopened when the index changed on disk (our own commits, or
        another program's when this one has the archive read-only). The check lists the index
        folder, so it runs at most every RECHECK_SECONDS, or now when ``fresh``."""
        with self.lock:
            self.open()
            now = time.monotonic()
            if self._searcher is None:
                self._searcher = self._ix.searcher()
            elif (fresh or now - self._checked_at > RECHECK_SECONDS) and (
                not self._searcher.up_to_date()
            ):
                self._refresh(reopen=True)
                assert self._searcher is not None
            self._checked_at = now
            return self._searcher

    def facts(self) -> Lookups:
        """Lookups by document number for the current searcher (built once per commit)."""
        with self.lock:
            searcher = self.searcher()
            if self._facts is None:
                self._facts = Lookups(searcher)
            return self._facts

    def warm_up(self) -> None:
        """Open the searcher and read what every search uses (documents, dates, lengths)."""
        with self.lock:  # one lookup at a time: a search may take the lock in between
            facts = self.facts()
        with self.lock:
            facts.doc_code  # noqa: B018 (cached on first read)
        with self.lock:
            facts.day  # noqa: B018
        with self.lock:
            facts.arrays.lengths("text")

    def doc_ids(self) -> set[str]:
        """Ids of the documents that have passages in the index."""
        with self.lock:
            return {v.decode("utf-8") for v in self.searcher().lexicon("doc_id")}

    def passage_count(self) -> int:
        """Number of passages in the index."""
        with self.lock:
            return int(self.searcher().doc_count())

    def passage_keys(self) -> list[tuple[str, int]]:
        """The (document id, passage) of every live passage, duplicates kept (a stale second
        copy shows as a repeated key); IndexError_ when the index cannot be read."""
        return self._reading(lambda: self.facts().passage_keys())

    def passage_kinds(self) -> dict[tuple[str, int], set[str]]:
        """The event kinds each passage is indexed with (passages without any left out)."""
        return self._reading(lambda: self.facts().passage_kinds())

    def _reading(self, read: Callable[[], _T]) -> _T:
        """``read()`` under the lock, any failure to read the index as IndexError_."""
        with self.lock:
            try:
                return read()
            except IndexError_:
                raise
            except Exception as exc:
                raise IndexError_(f"the index in {self.path} cannot be read ({exc})") from exc

    # -- the query language (see .query) -----------------------------------------------------

    def parse(self, query: str) -> wq.Query:
        """A query string in the archive's query language, parsed and expanded."""
        return self.read_query(query).query

    def read_query(self, query: str) -> ParsedQuery:
        """Parse ``query`` and expand it: stems, name variants, date filters. Raises QueryError
        for what the user wrote, IndexError_ when the index cannot be read."""
        try:
            return self.queries.read_query(query)
        except (QueryError, IndexError_):
            raise
        except Exception as exc:  # reading the vocabulary failed: damage, not the query
            raise IndexError_(f"the index in {self.path} cannot be read ({exc})") from exc

    def stem_forms(self, fieldname: str, word: str) -> list[str]:
        """Words of the field's vocabulary with the same English stem as ``word``."""
        return self.queries.stem_forms(fieldname, word)

    def date_filter(self, window: DateWindow) -> wq.Query:
        """Passages of articles dated within the window (see .query)."""
        return self.queries.date_filter(window)

    def facet_filter(self, name: str, value: str) -> wq.Query:
        """Narrowing to one facet value ("year", "kind" or "source"; year "undated")."""
        return self.queries.facet_filter(name, value)

    @staticmethod
    def narrow(query: wq.Query, filters: list[wq.Query]) -> wq.Query:
        """``query`` restricted to what every filter also matches."""
        return QueryReader.narrow(query, filters)

    # -- matching -----------------------------------------------------------------------------

    def search(
        self,
        query: wq.Query,
        *,
        limit: int | None = 20,
        offset: int = 0,
        sort: str = "relevance",
        facets: bool = False,
        window: DateWindow | None = None,
    ) -> RawResult:
        """Matching passages: the page [offset, offset+limit) in the total order of ``sort``
        (:func:`.evaluate.rank`), totals, each page document's number of matches, facets.

        The query is evaluated over whole posting lists in array operations
        (:mod:`.evaluate`), so the exact totals and facets cost little more than the first
        page. Raises IndexError_ when the index cannot be read (never an empty result)."""
        with self.lock:
            try:
                return self._search(query, limit, offset, sort, facets, window)
            except UnsupportedQuery as exc:
                raise QueryError(f"Cannot search this query ({exc}).") from exc
            except IndexError_:
                raise
            except Exception as exc:  # a segment that cannot be read: damage
                raise IndexError_(f"the index in {self.path} cannot be read ({exc})") from exc

    def _search(
        self,
        query: wq.Query,
        limit: int | None,
        offset: int,
        sort: str,
        facets: bool,
        window: DateWindow | None,
    ) -> RawResult:
        facts = self.facts()
        matches = Evaluator(facts.arrays).run(query)
        ids, scores = matches.ids, matches.scores
        if window is not None and not window.is_open and ids.size:
            keep = facts.within(ids, window)
            ids, scores = ids[keep], scores[keep]
        end = None if limit is None else offset + limit
        chosen = rank(ids, scores, facts.day, facts.doc_code, sort, offset, end)
        hits = []
        for docnum, score in zip(ids[chosen].tolist(), scores[chosen].tolist(), strict=True):
            doc_id, ordinal = split_key(facts.arrays.pid(docnum))
            hits.append(RawHit(doc_id, ordinal, score))
        codes = facts.doc_code[ids]
        doc_counts: dict[str, int] = {}
        for docnum, hit in zip(ids[chosen].tolist(), hits, strict=True):
            if hit.doc_id not in doc_counts:
                doc_counts[hit.doc_id] = int(np.count_nonzero(codes == facts.doc_code[docnum]))
        result = RawResult(
            total=int(ids.size),
            hits=hits,
            total_documents=int(np.unique(codes).size),
            doc_counts=doc_counts,
        )
        if facets:
            result.facets = facts.facets(ids)
        return result

    def word_frequency(self, word: str) -> int:
        """In how many passages ``word`` (any of its stem forms) occurs."""
        with self.lock:
            reader = self.searcher().reader()
            return sum(reader.doc_frequency("text", w) for w in self.stem_forms("text", word))

    def suggest_word(self, word: str, *, maxdist: int = 2) -> str | None:
        """The closest word of the unstemmed text vocabulary (edit distance ≤ maxdist), if any."""
        with self.lock:
            corrector = self.searcher().reader().corrector("text")
            found = corrector.suggest(word, limit=1, maxdist=maxdist, prefix=1)
            return str(found[0]) if found else None

    # -- highlighting -------------------------------------------------------------------------

    def highlight_terms(self, query: wq.Query) -> Highlight:
        """What to mark for ``query`` (see :func:`.highlight.highlight_terms`)."""
        with self.lock:
            return highlight_terms(query, self.searcher().reader(), self.name_table()[0])

    def match_spans(self, query: wq.Query, text: str) -> list[tuple[int, int]]:
        """Character spans of ``text`` holding words the query matches."""
        return self.highlight_terms(query).spans(text)

    def snippet(
        self, query: wq.Query, text: str, *, top: int = 3, terms: Highlight | None = None
    ) -> Snippet:
        """The best excerpts of ``text`` with the query's matches marked (as offsets)."""
        if terms is None:
            terms = self.highlight_terms(query)
        return make_snippet(text, terms.spans(text), top=top)
