"""The Whoosh index of passages. The only module that touches Whoosh.

One index document per passage: its document's id, title, date and source ride along so a query
can filter on them. Passage text is not stored here (SQLite holds it); snippets are highlighted
from the text the caller passes in. The index is derived data: it can always be rebuilt from the
store, and ``ANALYZER_VERSION`` says when it must be.
"""

from __future__ import annotations

import html
import json
import shutil
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.analysis import Analyzer, LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.fields import ID, KEYWORD, TEXT, Schema
from whoosh.highlight import ContextFragmenter, Formatter, highlight
from whoosh.qparser import QueryParser
from whoosh.query import Query
from whoosh.searching import Searcher

from wpk_archive.core.models import Document

ANALYZER_VERSION = 1
INDEX_NAME = "passages"
STAMP_FILE = "wpk_index.json"
WORD_PATTERN = r"[\w\u3131-\u318e\uac00-\ud7a3]+(?:[.'’-][\w\u3131-\u318e\uac00-\ud7a3]+)*"


class IndexError_(Exception):
    """The index is missing, damaged or from another version: rebuild it from the store."""


def text_analyzer() -> Analyzer:
    """Words (Latin and Hangul), lowercased, English-stemmed."""
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | StemFilter(cachesize=50000)


def schema() -> Schema:
    """Fields of one passage in the index."""
    analyzer = text_analyzer()
    return Schema(
        pid=ID(stored=True, unique=True),
        doc_id=ID(stored=True),
        text=TEXT(analyzer=analyzer, phrase=True),
        title=TEXT(analyzer=analyzer, phrase=True),
        source=TEXT(analyzer=RegexTokenizer(WORD_PATTERN) | LowercaseFilter()),
        date=ID(stored=True),
        year=ID,
        month=ID,
        kind=KEYWORD(lowercase=True, commas=False),
    )


def passage_key(doc_id: str, ordinal: int) -> str:
    """The index's unique key for one passage."""
    return f"{doc_id}/{ordinal}"


def split_key(pid: str) -> tuple[str, int]:
    """(doc_id, ordinal) from a passage key."""
    doc_id, _, ordinal = pid.rpartition("/")
    return doc_id, int(ordinal)


class _MarkFormatter(Formatter):  # type: ignore[misc]
    """Wraps matched words in <mark>…</mark>, escaping everything else as HTML."""

    between = " … "

    def _text(self, text: str) -> str:
        return html.escape(text, quote=False)

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return "<mark>" + html.escape(self._text_of(text, token, replace), quote=False) + "</mark>"

    @staticmethod
    def _text_of(text: str, token: Any, replace: bool) -> str:
        return str(token.text) if replace else text[token.startchar : token.endchar]


@dataclass
class RawHit:
    """A passage that matched, before the archive joins it with stored data."""

    doc_id: str
    passage: int
    score: float


class PassageIndex:
    """The Whoosh index in an archive folder's ``index/``, with one searcher kept open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ix: Any = None
        self._searcher: Searcher | None = None
        self._lock = threading.RLock()

    # -- lifecycle ----------------------------------------------------------------------------

    def exists(self) -> bool:
        """Whether an index of the current version is on disk and opens."""
        stamp = self._stamp()
        if stamp.get("analyzer_version") != ANALYZER_VERSION:
            return False
        try:
            return bool(whoosh_index.exists_in(str(self.path), indexname=INDEX_NAME))
        except Exception:
            return False

    def _stamp(self) -> dict[str, Any]:
        try:
            data = json.loads((self.path / STAMP_FILE).read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def create(self) -> None:
        """Make a new, empty index (removing any old one)."""
        with self._lock:
            self.close()
            if self.path.exists():
                shutil.rmtree(self.path)
            self.path.mkdir(parents=True)
            self._ix = whoosh_index.create_in(str(self.path), schema(), indexname=INDEX_NAME)
            (self.path / STAMP_FILE).write_text(
                json.dumps({"analyzer_version": ANALYZER_VERSION}), encoding="utf-8"
            )

    def open(self) -> None:
        """Open the existing index; raise IndexError_ when it is missing or unreadable."""
        with self._lock:
            if self._ix is not None:
                return
            if not self.exists():
                raise IndexError_(f"no current index in {self.path}")
            try:
                self._ix = whoosh_index.open_dir(str(self.path), indexname=INDEX_NAME)
                self._ix.doc_count()
            except Exception as exc:  # whoosh raises many kinds on damaged files
                self._ix = None
                raise IndexError_(f"the index in {self.path} is damaged ({exc})") from exc

    def close(self) -> None:
        """Release the searcher and the index."""
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            if self._ix is not None:
                self._ix.close()
                self._ix = None

    # -- writing ------------------------------------------------------------------------------

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

        ``large`` uses both cores and a bigger buffer: for bulk loads and rebuilds.
        """
        with self._lock:
            self.open()
            if large:
                writer = self._ix.writer(procs=2, limitmb=256, multisegment=True)
            else:
                writer = self._ix.writer(limitmb=128)
            added = 0
            deleted = 0
            try:
                for n, doc in enumerate(docs, 1):
                    if replace:
                        deleted += writer.delete_by_term("doc_id", doc.id)
                    year = doc.date[:4] if doc.date else ""
                    month = doc.date[:7] if doc.date and len(doc.date) >= 7 else ""
                    for passage in doc.passages:
                        kind_set = (kinds or {}).get((doc.id, passage.ordinal), set())
                        writer.add_document(
                            pid=passage_key(doc.id, passage.ordinal),
                            doc_id=doc.id,
                            text=passage.text,
                            title=doc.title,
                            source=doc.source or "",
                            date=doc.date or "",
                            year=year,
                            month=month,
                            kind=" ".join(sorted(kind_set)),
                        )
                        added += 1
                    if progress is not None:
                        progress(n)
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            self._refresh(reopen=deleted > 0)
            return added

    def delete_documents(self, doc_ids: Iterable[str]) -> None:
        """Remove every passage of these documents."""
        with self._lock:
            self.open()
            writer = self._ix.writer()
            for doc_id in doc_ids:
                writer.delete_by_term("doc_id", doc_id)
            writer.commit()
            self._refresh(reopen=True)

    def _refresh(self, *, reopen: bool = False) -> None:
        """See the last commit. Whoosh's refresh() reuses readers of unchanged segment ids and
        so misses deletions in them: after deletions, open a new searcher instead."""
        if self._searcher is None:
            return
        if reopen:
            self._searcher.close()
            self._searcher = self._ix.searcher()
        else:
            self._searcher = self._searcher.refresh()

    # -- reading ------------------------------------------------------------------------------

    def searcher(self) -> Searcher:
        """The one open searcher (refreshed after each commit)."""
        with self._lock:
            self.open()
            if self._searcher is None:
                self._searcher = self._ix.searcher()
            return self._searcher

    def doc_ids(self) -> set[str]:
        """Ids of the documents that have passages in the index."""
        with self._lock:
            return {v.decode("utf-8") for v in self.searcher().lexicon("doc_id")}

    def passage_count(self) -> int:
        """Number of passages in the index."""
        with self._lock:
            return int(self.searcher().doc_count())

    def parse(self, query: str) -> Query:
        """A query string in the archive's query language, parsed (AND between words).

        Words match passage text; ``title:``, ``source:``, ``date:`` and ``kind:`` filter.
        """
        parser = QueryParser("text", schema=self._ix.schema if self._ix else schema())
        return parser.parse(query)

    def search(self, query: Query, *, limit: int | None = 20) -> tuple[int, list[RawHit]]:
        """Matching passages by relevance: (total, hits up to ``limit``)."""
        with self._lock:
            results = self.searcher().search(query, limit=limit)
            hits = []
            for hit in results:
                doc_id, ordinal = split_key(hit["pid"])
                hits.append(RawHit(doc_id, ordinal, float(hit.score or 0.0)))
            return len(results), hits

    def _analyzer(self) -> Analyzer:
        return self._ix.schema["text"].analyzer if self._ix else text_analyzer()

    @staticmethod
    def _terms(query: Query) -> frozenset[str]:
        return frozenset(
            value if isinstance(value, str) else value.decode("utf-8")
            for field, value in query.all_terms()
            if field in ("text", "title")
        )

    def match_spans(self, query: Query, text: str) -> list[tuple[int, int]]:
        """Character spans of ``text`` holding words the query matches."""
        terms = self._terms(query)
        if not terms:
            return []
        return [
            (token.startchar, token.endchar)
            for token in self._analyzer()(text, chars=True, mode="query")
            if token.text in terms
        ]

    def snippet(self, query: Query, text: str, *, top: int = 3) -> str:
        """``text`` with the query's words marked, cut to the best fragments (HTML)."""
        terms = self._terms(query)
        analyzer = self._analyzer()
        fragmenter = ContextFragmenter(maxchars=300, surround=80)
        marked = highlight(text, terms, analyzer, fragmenter, _MarkFormatter(), top=top)
        return marked or html.escape(text[:240], quote=False)
