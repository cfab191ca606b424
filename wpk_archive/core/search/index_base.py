"""The base of :class:`~wpk_archive.core.search.index.PassageIndex`: the index folder opened,
created, closed and stamped, its variants and name tables, and the searcher refreshed after a
commit (the writing half is in :mod:`.index_writing`, searching in :mod:`.index`)."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path
from typing import Any

from whoosh.searching import Searcher

from wpk_archive.core.models import Document
from wpk_archive.core.search import trust
from wpk_archive.core.search import whoosh_private as wp
from wpk_archive.core.search.analysis import ANALYZER_VERSION, STEMMER, schema, tokens_of
from wpk_archive.core.search.fields import ArticleRecord, NameTable, article_fields, passage_fields
from wpk_archive.core.search.lookups import Lookups
from wpk_archive.core.search.segments import ArticleFields, PassageFields
from wpk_archive.core.search.variants import Form, Variants, load_variants
from wpk_archive.core.search.whoosh_private import WHOOSH_VERSION

INDEX_NAME = "passages"
STAMP_FILE = "wpk_index.json"


class IndexError_(Exception):
    """The index is missing, damaged or from another version: rebuild it from the store."""


class IndexBase:
    """The Whoosh index in an archive folder's ``index/``: its lifecycle and stamp (a part of
    :class:`~wpk_archive.core.search.index.PassageIndex`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ix: Any = None
        self._searcher: Searcher | None = None
        self._facts: Lookups | None = None
        self.lock = threading.RLock()
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

    # -- seeing commits ------------------------------------------------------------------------

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
