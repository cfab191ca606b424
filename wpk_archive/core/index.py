"""The Whoosh index of passages. The only module that touches Whoosh.

One index document per passage: its document's id, title, date and source ride along so a query
can filter on them. Passage text is not stored here (SQLite holds it); snippets are highlighted
from the text the caller passes in. The index is derived data: it can always be rebuilt from the
store, and ``ANALYZER_VERSION`` says when it must be.

Words are indexed once, unstemmed (lowercased, possessive 's dropped, Hangul runs as overlapping
bigrams). English stemming happens at query time: a word becomes an Or of the vocabulary words
that share its Porter stem, so phrases stay exact without a second stemmed field. Name variants
(resources/variants.tsv) and date filters are also query-time rewrites; date filters become
year/month/day keyword terms, never a DATETIME range.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import product
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import Analyzer, Filter, LowercaseFilter, RegexTokenizer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.lang.porter import stem as porter_stem
from whoosh.qparser import FuzzyTermPlugin, GtLtPlugin, QueryParser
from whoosh.searching import Searcher

from wpk_archive.core.models import Document
from wpk_archive.core.postings import Evaluator, PostingArrays
from wpk_archive.core.segments import ArticleFields, BulkSegmentWriter, PassageFields
from wpk_archive.core.variants import Form, Variants, load_variants

ANALYZER_VERSION = 4
INDEX_NAME = "passages"
STAMP_FILE = "wpk_index.json"
HANGUL = "\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3"
WORD_PATTERN = r"[\w\u3131-\u318e\uac00-\ud7a3]+(?:[.'’-][\w\u3131-\u318e\uac00-\ud7a3]+)*"
TEXT_FIELDS = ("text", "title")
QUERY_FIELDS = ("text", "title", "source", "kind", "date")
_HANGUL_RUN = re.compile(f"[{HANGUL}]+|[^{HANGUL}]+")
_HAS_HANGUL = re.compile(f"[{HANGUL}]")
_STEMMABLE = re.compile(r"^[a-z]+$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MAX_PHRASE_VARIANTS = 32
RECHECK_SECONDS = 0.05
"""How often the open searcher checks for commits made by another program."""
SEGMENT_PASSAGES = 150_000
"""A bulk writer commits a segment when it holds this many passages (~200 MB at most)."""


class IndexError_(Exception):
    """The index is missing, damaged or from another version: rebuild it from the store."""


class WordFilter(Filter):  # type: ignore[misc]
    """Normalizes apostrophes, drops a possessive 's, and splits Hangul runs into bigrams.

    Korean attaches particles to words (학교에, 조선로동당의): indexing overlapping character
    bigrams lets 학교 find 학교에, and a longer word is searched as the phrase of its bigrams.
    Positions are renumbered so every emitted token has its own.
    """

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        pos = 0
        for t in tokens:
            text = t.text.replace("’", "'")
            if text.endswith("'s") and len(text) > 2:
                text = text[:-2]
            if not _HAS_HANGUL.search(text):
                t.text = text
                if t.positions:
                    t.pos = pos
                pos += 1
                yield t
                continue
            chars = bool(t.chars)
            start, end = (t.startchar, t.endchar) if chars else (0, 0)
            aligned = chars and end - start == len(t.text)
            for m in _HANGUL_RUN.finditer(text):
                run = m.group()
                if _HAS_HANGUL.match(run) and len(run) >= 2:
                    pieces = [
                        (run[i : i + 2], m.start() + i, m.start() + i + 2)
                        for i in range(len(run) - 1)
                    ]
                else:
                    pieces = [(run, m.start(), m.end())]
                for piece, a, b in pieces:
                    t.text = piece
                    if t.positions:
                        t.pos = pos
                    if chars:
                        t.startchar, t.endchar = (start + a, start + b) if aligned else (start, end)
                    pos += 1
                    yield t


def text_analyzer() -> Analyzer:
    """Words (Latin and Hangul), lowercased, unstemmed (stemming is a query-time expansion)."""
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | WordFilter()


def tokens_of(text: str) -> tuple[str, ...]:
    """The index tokens of ``text`` (what a phrase of it searches for)."""
    return tuple(t.text for t in text_analyzer()(text, mode="query"))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Porter stem of a lowercase English word."""
    return str(porter_stem(word))


def schema() -> Schema:
    """Fields of one passage in the index."""
    analyzer = text_analyzer()
    return Schema(
        pid=STORED,  # read back for each hit; never searched
        doc_id=ID(stored=True, sortable=True),
        text=TEXT(analyzer=analyzer, phrase=True, multitoken_query="phrase"),
        title=TEXT(analyzer=analyzer, phrase=True, multitoken_query="phrase"),
        source=TEXT(analyzer=RegexTokenizer(WORD_PATTERN) | LowercaseFilter()),
        src=ID(sortable=True),
        date=ID(stored=True, sortable=True),
        year=ID,
        month=ID,
        kind=KEYWORD(lowercase=True, commas=False),
        # one key per multi-word name group found in the passage (see PassageIndex.name_keys):
        # a name query is then one term lookup instead of a phrase over very common words
        names=KEYWORD(commas=False),
    )


_LATIN_WORD = re.compile(WORD_PATTERN)


def latin_tokens(text: str) -> list[str]:
    """The text field's tokens for Latin-script text (what WordFilter yields outside Hangul)."""
    return [_unpossessive(w) for w in _LATIN_WORD.findall(text.lower())]


def index_tokens(text: str) -> list[str]:
    """The text field's tokens in position order: exactly what :func:`text_analyzer` yields.

    One regular expression over the lowercased text where that is exact (no Hangul, and
    lowercasing keeps every character a single character); the analyzer itself otherwise.
    """
    lowered = text.lower()
    if len(lowered) != len(text) or _HAS_HANGUL.search(text):
        return [t.text for t in text_analyzer()(text, mode="index")]
    words = _LATIN_WORD.findall(lowered)
    if "'" in lowered or "’" in lowered:
        words = [_unpossessive(w) for w in words]
    return words


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Each index token of ``text`` with its character span (as the analyzer reports them)."""
    lowered = text.lower()
    if len(lowered) != len(text) or _HAS_HANGUL.search(text):
        return [
            (t.text, t.startchar, t.endchar)
            for t in text_analyzer()(text, chars=True, mode="index")
        ]
    if "'" in lowered or "’" in lowered:
        return [(_unpossessive(m[0]), m.start(), m.end()) for m in _LATIN_WORD.finditer(lowered)]
    return [(m[0], m.start(), m.end()) for m in _LATIN_WORD.finditer(lowered)]


def _unpossessive(word: str) -> str:
    word = word.replace("’", "'")
    return word[:-2] if word.endswith("'s") and len(word) > 2 else word


def plain_tokens(text: str) -> list[str]:
    """The source field's tokens (words, lowercased; no other filter)."""
    return [w.lower() for w in _LATIN_WORD.findall(text)]


class ArticleRecord(NamedTuple):
    """What the index needs of a document (what an import sends to the indexing process)."""

    id: str
    title: str
    date: str | None
    source: str | None
    texts: list[tuple[int, str]]
    """(ordinal, text) of each passage."""


def article_record(doc: Document) -> ArticleRecord:
    """The part of ``doc`` the index needs."""
    return ArticleRecord(
        doc.id, doc.title, doc.date, doc.source, [(p.ordinal, p.text) for p in doc.passages]
    )


def passage_key(doc_id: str, ordinal: int) -> str:
    """The index's unique key for one passage."""
    return f"{doc_id}/{ordinal}"


def split_key(pid: str) -> tuple[str, int]:
    """(doc_id, ordinal) from a passage key."""
    doc_id, _, ordinal = pid.rpartition("/")
    return doc_id, int(ordinal)


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping or touching ones joined."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


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


@dataclass
class ParsedQuery:
    """A query read from the query language: the expanded Whoosh query and notes for the user."""

    query: wq.Query
    notes: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    """Plain words of the default field as typed (lowercased): candidates for did-you-mean."""
    date_from: str | None = None
    date_to: str | None = None
    """A top-level ``date:`` clause, taken out of the query to be checked on the matches (fast)."""


class _Facts:
    """Per-searcher lookups by index document number: document, date, source, kinds.

    Each is read on first use only (a plain search needs just ``doc``): at 122,000 passages,
    building them all up front cost the first search ~0.85 s and ~100 MB.
    """

    def __init__(self, searcher: Searcher) -> None:
        self._reader = searcher.reader()
        self.arrays = PostingArrays(searcher)
        self.stem_forms: dict[tuple[str, str], tuple[str, ...]] = {}

    def _coded(self, name: str) -> tuple[NDArray[np.int64], list[str]]:
        """The column ``name`` as one code per document number, and the value of each code.

        Read from the column's raw bytes, not value by value through Whoosh (at 1.2 million
        passages that took 3 s of the first search). A segment where no document has the field
        has no column at all: its passages get the code of "" (a combined read would come back
        short and misaligned)."""
        parts = []
        for sub, _offset in self._reader.leaf_readers():
            count = sub.doc_count_all()
            if sub.has_column(name):
                parts.append(_column_bytes(sub.column_reader(name, translate=False), count))
            else:
                parts.append(np.zeros(count, dtype="S1"))
        if not parts:
            return np.zeros(0, dtype=np.int64), []
        width = max(p.dtype.itemsize for p in parts)
        joined = np.concatenate([p.astype(f"S{width}") for p in parts])
        values, codes = np.unique(joined, return_inverse=True)
        return codes.astype(np.int64).ravel(), [v.decode("utf-8") for v in values.tolist()]

    @cached_property
    def doc_code(self) -> NDArray[np.int64]:
        """Each passage's document as a number (equal numbers: same document)."""
        return self._coded("doc_id")[0]

    @cached_property
    def _dates(self) -> tuple[NDArray[np.int64], list[str]]:
        return self._coded("date")

    @cached_property
    def src(self) -> tuple[NDArray[np.int64], list[str]]:
        """Each passage's source as a code, and the source of each code ("" when none)."""
        return self._coded("src")

    @cached_property
    def years(self) -> list[str]:
        """Every publication year in the index."""
        return sorted(
            t.decode("utf-8") if isinstance(t, bytes) else str(t)
            for t in self._reader.lexicon("year")
        )

    @cached_property
    def day(self) -> NDArray[np.int64]:
        """Each passage's article date as YYYYMMDD (its first day; -1 when undated)."""
        codes, values = self._dates
        days = np.array([_day(_pad(d, low=True)) if d else -1 for d in values], np.int64)
        return days[codes] if codes.size else np.zeros(0, dtype=np.int64)

    @cached_property
    def last_day(self) -> NDArray[np.int64]:
        """The last day each passage's article date covers (YYYYMMDD; -1 when undated)."""
        codes, values = self._dates
        days = np.array([_day(_pad(d, low=False)) if d else -1 for d in values], np.int64)
        return days[codes] if codes.size else np.zeros(0, dtype=np.int64)

    def within(
        self, ids: NDArray[np.int64], date_from: str | None, date_to: str | None
    ) -> NDArray[np.bool_]:
        """Which passages' article dates lie wholly in the range (at their own precision):
        the same rule as :meth:`PassageIndex.date_filter`, checked on the matches."""
        lo = _parse_bound(date_from, low=True)
        hi = _parse_bound(date_to, low=False)
        first, last = self.day[ids], self.last_day[ids]
        keep = first >= 0
        if lo:
            keep &= first >= lo[0] * 10000 + lo[1] * 100 + lo[2]
        if hi:
            keep &= last <= hi[0] * 10000 + hi[1] * 100 + hi[2]
        return keep

    @cached_property
    def _year_codes(self) -> tuple[NDArray[np.int64], list[str]]:
        codes, values = self._dates
        years = sorted({d[:4] or "undated" for d in values})
        position = {y: i for i, y in enumerate(years)}
        mapping = np.array([position[d[:4] or "undated"] for d in values], dtype=np.int64)
        return (mapping[codes] if codes.size else codes), years

    @cached_property
    def _kind_ids(self) -> dict[str, NDArray[np.int64]]:
        """Passages naming each event kind."""
        found = {}
        for term in self._reader.lexicon("kind"):
            raw = term if isinstance(term, bytes) else str(term).encode("utf-8")
            found[raw.decode("utf-8")] = self.arrays.postings("kind", raw)[0]
        return found

    def facets(self, ids: NDArray[np.int64]) -> dict[str, dict[str, int]]:
        """Counts of the passages ``ids`` by year, event kind and source."""
        year_codes, years = self._year_codes
        by_year = np.bincount(year_codes[ids], minlength=len(years))
        src_codes, sources = self.src
        by_src = np.bincount(src_codes[ids], minlength=len(sources))
        kinds = {
            k: int(np.intersect1d(ids, kind_ids, assume_unique=True).size)
            for k, kind_ids in self._kind_ids.items()
        }
        return {
            "year": {y: int(n) for y, n in sorted(zip(years, by_year.tolist(), strict=True)) if n},
            "kind": {k: n for k, n in sorted(kinds.items()) if n},
            "source": dict(
                sorted(
                    ((s, int(n)) for s, n in zip(sources, by_src.tolist(), strict=True) if s and n),
                    key=lambda kv: (-kv[1], kv[0]),
                )
            ),
        }


class PassageIndex:
    """The Whoosh index in an archive folder's ``index/``, with one searcher kept open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ix: Any = None
        self._searcher: Searcher | None = None
        self._facts: _Facts | None = None
        self._lock = threading.RLock()
        self._variants: Variants | None = None
        self._names: tuple[dict[Form, str], str] | None = None
        self._name_firsts: set[str] | None = None
        self._parser: QueryParser | None = None
        self._checked_at = 0.0

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
                json.dumps({"analyzer_version": ANALYZER_VERSION, "names": self.name_table()[1]}),
                encoding="utf-8",
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
        with self._lock:
            stamp = self._stamp()
            stamp["generation"] = generation
            target = self.path / STAMP_FILE
            temp = target.with_suffix(".tmp")
            temp.write_text(json.dumps(stamp), encoding="utf-8")
            temp.replace(target)  # atomic: a crash leaves the old stamp or the new one

    def name_table(self) -> tuple[dict[Form, str], str]:
        """Forms of every variant group that has a multi-word form, each mapped to its group's
        key, and a hash of that table (recorded in the index when it is built)."""
        if self._names is None:
            table: dict[Form, str] = {}
            for group in self.variants.groups:
                if group and any(len(f) > 1 for f in group):
                    key = "_".join(group[0])
                    for form in group:
                        table[form] = key
            digest = hashlib.sha1(
                json.dumps(sorted((" ".join(f), k) for f, k in table.items())).encode("utf-8")
            ).hexdigest()[:16]
            self._names = (table, digest)
        return self._names

    def names_indexed(self) -> bool:
        """Whether the index's name keys were built from the current variants table."""
        return bool(self._stamp().get("names") == self.name_table()[1])

    def name_keys(self, text: str, tokens: list[str] | None = None) -> list[str]:
        """Keys of the name groups any of whose forms occurs in ``text`` (as whole tokens).

        ``tokens``, the text's index tokens, saves tokenizing again when they are Latin words
        only (Hangul bigrams are not words to match names against)."""
        table, _ = self.name_table()
        if not table:
            return []
        if self._name_firsts is None:
            self._name_firsts = {form[0] for form in table}
        firsts = self._name_firsts
        longest = max(len(f) for f in table)
        words = tokens if tokens is not None and not _HAS_HANGUL.search(text) else None
        if words is None:
            words = latin_tokens(text)
        found: set[str] = set()
        # only where a form can start (a set lookup per word, then the few candidates)
        for i in [i for i, w in enumerate(words) if w in firsts]:
            for size in range(1, min(longest, len(words) - i) + 1):
                key = table.get(tuple(words[i : i + size]))
                if key is not None:
                    found.add(key)
        return sorted(found)

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

        ``large`` writes new segments with the bulk writer (:mod:`wpk_archive.core.segments`):
        for imports and rebuilds. Otherwise Whoosh's own writer adds them and merges small
        segments as it commits.
        """
        with self._lock:
            self.open()
            if large:
                return self._add_bulk(docs, kinds or {}, replace, progress)
            writer = self._ix.writer(limitmb=128)
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
            self._ix, text_tokens=index_tokens, plain_tokens=plain_tokens, compound=False
        )

    @staticmethod
    def article_fields(doc: Document | ArticleRecord) -> ArticleFields:
        """What every passage of ``doc`` shares in the index."""
        date = doc.date or ""
        return ArticleFields(
            title=doc.title,
            source=doc.source or "",
            date=date,
            year=date[:4],
            month=date[:7] if len(date) >= 7 else "",
        )

    def passage_fields(
        self, doc: Document | ArticleRecord, kinds: dict[tuple[str, int], set[str]]
    ) -> list[PassageFields]:
        """The index fields of each passage of ``doc``."""
        fields = []
        texts = doc.texts if isinstance(doc, ArticleRecord) else article_record(doc).texts
        for ordinal, text in texts:
            tokens = index_tokens(text)
            fields.append(
                PassageFields(
                    pid=passage_key(doc.id, ordinal),
                    doc_id=doc.id,
                    text=text,
                    kind=" ".join(sorted(kinds.get((doc.id, ordinal), ()))),
                    names=" ".join(self.name_keys(text, tokens)),
                    tokens=tokens,
                )
            )
        return fields

    def delete_documents(self, doc_ids: Iterable[str]) -> None:
        """Remove every passage of these documents."""
        with self._lock:
            self.open()
            writer = self._ix.writer()
            for doc_id in doc_ids:
                writer.delete_by_term("doc_id", doc_id)
            writer.commit()
            self._refresh(reopen=True)

    def refresh(self) -> None:
        """See commits another writer made (the background indexer of an import)."""
        with self._lock:
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
        with self._lock:
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

    def facts(self) -> _Facts:
        """Lookups by document number for the current searcher (built once per commit)."""
        with self._lock:
            searcher = self.searcher()
            if self._facts is None:
                self._facts = _Facts(searcher)
            return self._facts

    def warm_up(self) -> None:
        """Open the searcher and read what every search uses (documents, dates, lengths)."""
        with self._lock:  # one lookup at a time: a search may take the lock in between
            facts = self.facts()
        with self._lock:
            facts.doc_code  # noqa: B018 (cached on first read)
        with self._lock:
            facts.day  # noqa: B018
        with self._lock:
            facts.arrays.lengths("text")

    def doc_ids(self) -> set[str]:
        """Ids of the documents that have passages in the index."""
        with self._lock:
            return {v.decode("utf-8") for v in self.searcher().lexicon("doc_id")}

    def passage_count(self) -> int:
        """Number of passages in the index."""
        with self._lock:
            return int(self.searcher().doc_count())

    # -- the query language -------------------------------------------------------------------

    def parser(self) -> QueryParser:
        """Whoosh's parser, configured: AND by default, fuzzy~, ranges, field queries."""
        if self._parser is None:
            # the schema is fixed for an analyzer version: build the parser once
            parser = QueryParser("text", schema=schema())
            parser.add_plugin(FuzzyTermPlugin())
            parser.remove_plugin_class(GtLtPlugin)
            self._parser = parser
        return self._parser

    def parse(self, query: str) -> wq.Query:
        """A query string in the archive's query language, parsed and expanded (AND between words).

        Words match passage text; ``title:``, ``source:``, ``date:`` and ``kind:`` filter.
        """
        return self.read_query(query).query

    def read_query(self, query: str) -> ParsedQuery:
        """Parse ``query`` and expand it: stems, name variants, date filters."""
        with self._lock:
            self.open()
            self.searcher(fresh=True)  # a new search sees every commit made before it
            parsed = self.parser().parse(query, normalize=False)
            result = ParsedQuery(parsed)
            parsed = self._take_date_clause(parsed, result)
            result.query = self._expand(parsed, result).normalize()
            return result

    def _expand(self, q: wq.Query, out: ParsedQuery) -> wq.Query:
        notes = out.notes
        if isinstance(q, wq.FuzzyTerm) and q.prefixlength < 1:
            # a misspelling keeps its first letter; without this the whole vocabulary is scanned
            q.prefixlength = 1
            return q
        if isinstance(q, wq.And | wq.Or):
            subs = [self._expand(s, out) for s in self._join_variant_runs(q)]
            return type(q)(subs, boost=q.boost)
        if isinstance(q, wq.Phrase):
            return self._expand_phrase(q)
        if isinstance(q, wq.TermRange) and q.fieldname == "date":
            return self._date_query(str(q.start or ""), str(q.end or ""), notes, q)
        if type(q) is wq.Term:
            if q.fieldname == "date":
                return self._date_query(str(q.text), str(q.text), notes, q)
            if q.fieldname in TEXT_FIELDS:
                if q.fieldname == "text":
                    out.words.append(str(q.text))
                return self._expand_word(q.fieldname, str(q.text), boost=q.boost)
            return q
        if isinstance(q, wq.Not):
            return wq.Not(self._expand(q.query, out))
        if isinstance(q, wq.AndNot | wq.AndMaybe):
            return type(q)(self._expand(q.a, out), self._expand(q.b, out))
        if isinstance(q, wq.Require):
            return wq.Require(self._expand(q.a, out), self._expand(q.b, out))
        if isinstance(q, wq.TermRange | wq.Prefix | wq.Wildcard) and q.fieldname == "date":
            notes.append(
                "date: takes YYYY, YYYY-MM, YYYY-MM-DD or [FROM TO]; that part was ignored."
            )
            return wq.Every()
        return q

    @staticmethod
    def _take_date_clause(q: wq.Query, out: ParsedQuery) -> wq.Query:
        """Move one ``date:`` clause ANDed at the top into ``out.date_from``/``date_to``: a date
        range is then a check on the matches, not an Or of many date terms."""
        children = list(q.subqueries) if type(q) is wq.And else [q]
        for i, child in enumerate(children):
            if getattr(child, "fieldname", None) != "date":
                continue
            if type(child) is wq.Term:
                lo = hi = str(child.text)
            elif type(child) is wq.TermRange:
                lo, hi = str(child.start or ""), str(child.end or "")
            else:
                continue
            try:
                _parse_bound(lo, low=True)
                _parse_bound(hi, low=False)
            except ValueError:
                continue  # left in the query: _expand explains it
            out.date_from, out.date_to = lo or None, hi or None
            rest = children[:i] + children[i + 1 :]
            if not rest:
                return wq.Every()
            return rest[0] if len(rest) == 1 else wq.And(rest)
        return q

    def _join_variant_runs(self, q: wq.Query) -> list[wq.Query]:
        """In an And/Or, consecutive plain words spelling a multi-word variant become one node."""
        subs: list[wq.Query] = list(q.subqueries)
        table = self.variants
        if not isinstance(q, wq.And) or len(subs) < 2:
            return subs
        out: list[wq.Query] = []
        i = 0
        while i < len(subs):
            s = subs[i]
            if type(s) is wq.Term and s.fieldname in TEXT_FIELDS:
                j = i
                words: list[str] = []
                while (
                    j < len(subs) and type(subs[j]) is wq.Term and subs[j].fieldname == s.fieldname
                ):
                    words.append(str(subs[j].text))
                    j += 1
                form = table.match_at(words, 0)
                if form is not None and len(form) > 1:
                    out.append(wq.Phrase(s.fieldname, list(form)))
                    i += len(form)
                    continue
            out.append(s)
            i += 1
        return out

    def _alternatives(self, fieldname: str, form: tuple[str, ...]) -> list[wq.Query]:
        return [
            wq.Term(fieldname, f[0]) if len(f) == 1 else wq.Phrase(fieldname, list(f))
            for f in self.variants.forms_of(form)
        ]

    def _name_term(self, fieldname: str, form: Form, boost: float = 1.0) -> wq.Query | None:
        """The one-term query for a whole name form (every spelling), when the index has keys."""
        if fieldname != "text":
            return None
        key = self.name_table()[0].get(form)
        if key is None or not self.names_indexed():
            return None
        return wq.Term("names", key, boost=boost)

    def _expand_word(self, fieldname: str, word: str, *, boost: float = 1.0) -> wq.Query:
        """A plain word: every vocabulary word with its stem, or'ed with its variants."""
        named = self._name_term(fieldname, (word,), boost)
        if named is not None:
            return named
        alternatives: list[wq.Query] = [
            wq.Term(fieldname, w, boost=boost) for w in self.stem_forms(fieldname, word)
        ]
        variants = self._alternatives(fieldname, (word,))
        alternatives.extend(variants[1:])
        parts = [p for p in word.split("-") if p]
        if len(parts) > 1 and not variants[1:]:
            # a hyphenated word also matches its parts as a phrase: "Myung-bak" finds the
            # "Myung Bak" that KCNA writes (one token when hyphenated, two when not)
            alternatives.append(wq.Phrase(fieldname, parts, boost=boost))
        if not alternatives:
            return wq.Term(fieldname, word, boost=boost)
        return alternatives[0] if len(alternatives) == 1 else wq.Or(alternatives)

    def _expand_phrase(self, q: wq.Phrase) -> wq.Query:
        """An exact phrase (unstemmed); a variant inside it is or'ed with its other forms."""
        words = [str(w) for w in q.words]
        if q.fieldname not in TEXT_FIELDS:
            return q
        named = self._name_term(q.fieldname, tuple(words), q.boost)
        if named is not None:
            return named
        table = self.variants
        pieces: list[list[tuple[str, ...]]] = []
        i = 0
        while i < len(words):
            form = table.match_at(words, i)
            if form is None:
                pieces.append([(words[i],)])
                i += 1
            else:
                pieces.append(table.forms_of(form))
                i += len(form)
        combos: list[wq.Query] = []
        for combo in product(*pieces):
            flat = [w for part in combo for w in part]
            if len(flat) == 1:
                combos.append(wq.Term(q.fieldname, flat[0], boost=q.boost))
            else:
                combos.append(wq.Phrase(q.fieldname, flat, slop=q.slop, boost=q.boost))
            if len(combos) >= _MAX_PHRASE_VARIANTS:
                break
        return combos[0] if len(combos) == 1 else wq.Or(combos)

    def stem_forms(self, fieldname: str, word: str) -> list[str]:
        """Words of the field's vocabulary with the same English stem as ``word`` (itself included
        when present). Stems only ever differ from their words in the last two letters, so the
        candidates are the words sharing the stem's prefix; each is checked by stemming it."""
        if not _STEMMABLE.match(word):
            return [word]
        facts = self.facts()
        key = (fieldname, word)
        cached = facts.stem_forms.get(key)
        if cached is not None:
            return list(cached)
        target = stem(word)
        prefix = target[: max(1, min(len(target), len(word)) - 2)]
        reader = self.searcher().reader()
        forms = []
        for term in reader.expand_prefix(fieldname, prefix):
            candidate = term.decode("utf-8") if isinstance(term, bytes) else str(term)
            if _STEMMABLE.match(candidate) and stem(candidate) == target:
                forms.append(candidate)
        if word not in forms:
            forms.insert(0, word)
        facts.stem_forms[key] = tuple(forms)
        return forms

    # -- dates --------------------------------------------------------------------------------

    def _date_query(self, lo: str, hi: str, notes: list[str], original: wq.Query) -> wq.Query:
        try:
            return self.date_filter(lo or None, hi or None)
        except ValueError as exc:
            notes.append(str(exc))
            return wq.Every()

    def date_filter(self, date_from: str | None, date_to: str | None) -> wq.Query:
        """Passages of articles dated within [date_from, date_to] (either end open; YYYY,
        YYYY-MM or YYYY-MM-DD), as year/month/day keyword terms. Undated articles never match."""
        lo = _parse_bound(date_from, low=True)
        hi = _parse_bound(date_to, low=False)
        years = self.facts().years
        if not years:
            return wq.NullQuery
        first_year = max(int(years[0]), lo[0]) if lo else int(years[0])
        last_year = min(int(years[-1]), hi[0]) if hi else int(years[-1])
        start = lo or (first_year, 1, 1)
        end = hi or (last_year, 12, 31)
        terms: list[wq.Query] = []
        for y in range(first_year, last_year + 1):
            if start <= (y, 1, 1) and (y, 12, 31) <= end:
                terms.append(wq.Term("year", f"{y:04d}"))
                continue
            for m in range(1, 13):
                if (y, m, 31) < start or end < (y, m, 1):
                    continue
                if start <= (y, m, 1) and (y, m, 31) <= end:
                    terms.append(wq.Term("month", f"{y:04d}-{m:02d}"))
                    continue
                for d in range(1, 32):
                    if start <= (y, m, d) <= end:
                        terms.append(wq.Term("date", f"{y:04d}-{m:02d}-{d:02d}"))
        if not terms:
            return wq.NullQuery
        return terms[0] if len(terms) == 1 else wq.Or(terms)

    @staticmethod
    def narrow(query: wq.Query, filters: list[wq.Query]) -> wq.Query:
        """``query`` restricted to what every filter also matches."""
        return wq.And([query, *filters]) if filters else query

    def facet_filter(self, name: str, value: str) -> wq.Query:
        """Narrowing to one facet value ("year", "kind" or "source"; year "undated")."""
        if name == "year":
            if value == "undated":
                return wq.Not(wq.Every("year"))
            return wq.Term("year", value)
        if name == "kind":
            return wq.Term("kind", value.lower())
        if name == "source":
            return wq.Term("src", value)
        raise ValueError(f"unknown filter {name!r} (use year, kind or source)")

    # -- matching -----------------------------------------------------------------------------

    def search(
        self,
        query: wq.Query,
        *,
        limit: int | None = 20,
        offset: int = 0,
        sort: str = "relevance",
        facets: bool = False,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> RawResult:
        """Matching passages: the page [offset, offset+limit) by relevance or date (newest
        first, undated last), totals, each page document's number of matches, and facets.

        The query is evaluated over whole posting lists in array operations
        (:mod:`wpk_archive.core.postings`), so the exact totals and facets cost little more
        than the first page."""
        with self._lock:
            searcher = self.searcher()
            facts = self.facts()
            matches = Evaluator(facts.arrays).run(query)
            ids, scores = matches.ids, matches.scores
            if (date_from or date_to) and ids.size:
                keep = facts.within(ids, date_from, date_to)
                ids, scores = ids[keep], scores[keep]
            end = None if limit is None else offset + limit
            if sort == "date":
                order = np.lexsort((ids, -facts.day[ids], facts.day[ids] < 0))
            elif end is not None and end < ids.size:
                # the best `end` by score (ties: index order), without sorting every match
                best = np.argpartition(-scores, end - 1)[:end]
                order = best[np.lexsort((ids[best], -scores[best]))]
            else:
                order = np.lexsort((ids, -scores))
            chosen = order[offset:end]
            page = list(zip(ids[chosen].tolist(), scores[chosen].tolist(), strict=True))
            return self._result(searcher, facts, ids, page, facets)

    def _result(
        self,
        searcher: Searcher,
        facts: _Facts,
        ids: NDArray[np.int64],
        page: list[tuple[int, float]],
        facets: bool,
    ) -> RawResult:
        """Hits of the page, totals, each page document's number of matches, facets."""
        hits = []
        for docnum, score in page:
            doc_id, ordinal = split_key(searcher.stored_fields(docnum)["pid"])
            hits.append(RawHit(doc_id, ordinal, score))
        codes = facts.doc_code[ids]
        doc_counts: dict[str, int] = {}
        for docnum, hit in zip((d for d, _ in page), hits, strict=True):
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
        with self._lock:
            reader = self.searcher().reader()
            return sum(reader.doc_frequency("text", w) for w in self.stem_forms("text", word))

    def suggest_word(self, word: str, *, maxdist: int = 2) -> str | None:
        """The closest word of the unstemmed text vocabulary (edit distance ≤ maxdist), if any."""
        with self._lock:
            corrector = self.searcher().reader().corrector("text")
            found = corrector.suggest(word, limit=1, maxdist=maxdist, prefix=1)
            return str(found[0]) if found else None

    # -- highlighting -------------------------------------------------------------------------

    def highlight_terms(self, query: wq.Query) -> Highlight:
        """What to mark for ``query``: single words, and phrases marked only where the whole
        phrase occurs (computed once per search, reused for every snippet). Words the query
        excludes (NOT) are not marked."""
        reader = self.searcher().reader()
        found = Highlight()

        def walk(q: wq.Query) -> None:
            if isinstance(q, wq.Not):
                return
            if isinstance(q, wq.AndNot):
                walk(q.a)
                return
            if isinstance(q, wq.Phrase):
                if q.fieldname in TEXT_FIELDS:
                    found.phrases.add(tuple(str(w) for w in q.words))
                return
            if type(q) is wq.Term and q.fieldname == "names":
                for form, key in self.name_table()[0].items():
                    if key == q.text:
                        (found.words.add(form[0]) if len(form) == 1 else found.phrases.add(form))
                return
            if q.is_leaf():
                try:
                    pairs = q.existing_terms(reader, phrases=False, expand=True)
                except Exception:
                    pairs = set()
                for fieldname, value in pairs:
                    if fieldname in TEXT_FIELDS:
                        found.words.add(
                            value.decode("utf-8") if isinstance(value, bytes) else value
                        )
                return
            for child in q.children():
                walk(child)

        with self._lock:
            walk(query)
        return found

    def match_spans(self, query: wq.Query, text: str) -> list[tuple[int, int]]:
        """Character spans of ``text`` holding words the query matches."""
        return self.highlight_terms(query).spans(text)

    def snippet(
        self, query: wq.Query, text: str, *, top: int = 3, terms: Highlight | None = None
    ) -> str:
        """``text`` with the query's words marked, cut to the best fragments (HTML)."""
        if terms is None:
            terms = self.highlight_terms(query)
        return make_snippet(text, terms.spans(text), top=top)


@dataclass
class Highlight:
    """Words and phrases (as index tokens) to mark in passage text."""

    words: set[str] = field(default_factory=set)
    phrases: set[tuple[str, ...]] = field(default_factory=set)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of ``text`` to mark: each matching word, each token of each whole phrase."""
        if not self.words and not self.phrases:
            return []
        tokens = token_spans(text)
        marked: list[tuple[int, int]] = [(a, b) for w, a, b in tokens if w in self.words]
        if self.phrases:
            words = [w for w, _, _ in tokens]
            for phrase in self.phrases:
                n = len(phrase)
                for i in range(len(words) - n + 1):
                    if words[i] == phrase[0] and tuple(words[i : i + n]) == phrase:
                        marked.extend((a, b) for _, a, b in tokens[i : i + n])
        return merge_spans(marked)


def make_snippet(
    text: str, spans: list[tuple[int, int]], *, top: int = 3, surround: int = 80
) -> str:
    """HTML: the ``top`` passages of ``text`` densest in marked spans, in text order."""
    if not spans:
        return html.escape(text[:240], quote=False) + ("…" if len(text) > 240 else "")
    clusters: list[list[tuple[int, int]]] = [[spans[0]]]
    for span in spans[1:]:
        if span[1] - clusters[-1][0][0] <= 300 - 2 * surround:
            clusters[-1].append(span)
        else:
            clusters.append([span])
    best = sorted(sorted(clusters, key=len, reverse=True)[:top], key=lambda c: c[0][0])
    pieces = []
    for cluster in best:
        a = _word_edge(text, max(0, cluster[0][0] - surround), back=True)
        b = _word_edge(text, min(len(text), cluster[-1][1] + surround), back=False)
        out = []
        index = a
        for s, e in cluster:
            out.append(html.escape(text[index:s], quote=False))
            out.append("<mark>" + html.escape(text[s:e], quote=False) + "</mark>")
            index = e
        out.append(html.escape(text[index:b], quote=False))
        pieces.append("".join(out).strip())
    return " … ".join(pieces)


def _word_edge(text: str, i: int, *, back: bool) -> int:
    """``i`` moved to the nearest space (so fragments do not cut words), within 15 characters."""
    if i <= 0 or i >= len(text):
        return i
    for k in range(15):
        j = i - k if back else i + k
        if 0 < j < len(text) and text[j].isspace():
            return j + 1 if back else j
    return i


def _column_bytes(reader: Any, count: int) -> NDArray[Any]:
    """A Whoosh bytes column as a numpy array of byte strings, read in one piece when every
    value has the same length (document ids), else sliced value by value."""
    lengths = np.array(getattr(reader, "_lengths", ()), dtype=np.int64)
    data_file = getattr(reader, "_dbfile", None)
    if lengths.size != count or data_file is None:  # another column kind: the slow, sure way
        return np.array(list(reader), dtype=bytes)
    total = int(lengths.sum())
    data = data_file.get(reader._basepos, total) if total else b""
    if count and (lengths == lengths[0]).all() and lengths[0] > 0:
        return np.frombuffer(data, dtype=f"S{int(lengths[0])}").copy()
    ends = np.cumsum(lengths).tolist()
    starts = [0, *ends[:-1]]
    return np.array([data[a:b] for a, b in zip(starts, ends, strict=True)], dtype=bytes)


def _day(date: str) -> int:
    """YYYY-MM-DD as the number YYYYMMDD."""
    return int(date[:4]) * 10000 + int(date[5:7]) * 100 + int(date[8:10])


def narrowest(
    a: tuple[str | None, str | None], b: tuple[str | None, str | None]
) -> tuple[str | None, str | None]:
    """The intersection of two date ranges (YYYY[-MM[-DD]] bounds, None = open)."""
    los = [_pad(x, low=True) for x in (a[0], b[0]) if x]
    his = [_pad(x, low=False) for x in (a[1], b[1]) if x]
    return (max(los) if los else None, min(his) if his else None)


def _pad(date: str, *, low: bool) -> str:
    """An ISO date at any precision as the first (or last) day it can mean."""
    if len(date) == 4:
        return date + ("-01-01" if low else "-12-31")
    if len(date) == 7:
        return date + ("-01" if low else "-31")
    return date


def _parse_bound(value: str | None, *, low: bool) -> tuple[int, int, int] | None:
    if value is None or value == "":
        return None
    m = _DATE.match(value.strip())
    if not m:
        raise ValueError(
            f"Cannot read the date {value!r}: write YYYY, YYYY-MM or YYYY-MM-DD "
            "(date:2012, date:2012-04, date:[2012 TO 2016]); the date filter was ignored."
        )
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else (1 if low else 12)
    day = int(m.group(3)) if m.group(3) else (1 if low else 31)
    return (year, month, day)
