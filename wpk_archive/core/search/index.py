"""The Whoosh index of passages in an archive folder's ``index/``.

One index document per passage: its document's id, title, date and source ride along so a query
can filter on them. Passage text is not stored here (SQLite holds it); snippets are highlighted
from the text the caller passes in. The index is derived data: it can always be rebuilt from the
store, and ``ANALYZER_VERSION`` (with the Whoosh release) says when it must be.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import numpy as np
from whoosh import query as wq
from whoosh.searching import Searcher

from wpk_archive.core.models import Snippet
from wpk_archive.core.search.evaluate import Evaluator, UnsupportedQuery, rank
from wpk_archive.core.search.fields import split_key
from wpk_archive.core.search.highlight import Highlight, highlight_terms, make_snippet
from wpk_archive.core.search.index_base import INDEX_NAME, STAMP_FILE, IndexBase, IndexError_
from wpk_archive.core.search.index_writing import SEGMENT_PASSAGES, WRITE_LOCK_WAIT, IndexWriting
from wpk_archive.core.search.lenient import QueryError
from wpk_archive.core.search.lookups import DateWindow, Lookups
from wpk_archive.core.search.query import ParsedQuery, QueryReader

__all__ = [
    "INDEX_NAME",
    "RECHECK_SECONDS",
    "SEGMENT_PASSAGES",
    "STAMP_FILE",
    "WRITE_LOCK_WAIT",
    "IndexBase",
    "IndexError_",
    "PassageIndex",
    "RawHit",
    "RawResult",
]

_T = TypeVar("_T")
RECHECK_SECONDS = 0.05
"""How often the open searcher checks for commits made by another program."""


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


class PassageIndex(IndexWriting, IndexBase):
    """The Whoosh index in an archive folder's ``index/``, with one searcher kept open.

    Made of :class:`~.index_base.IndexBase` (lifecycle, stamp, refreshing) and
    :class:`~.index_writing.IndexWriting` (adding, deleting); searching is here."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.queries = QueryReader(self)

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
