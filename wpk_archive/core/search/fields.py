"""What one passage puts in the index: its key, its article's shared fields, its name keys.

Used by both writers (Whoosh's own, for small batches, and the bulk segment writer) so they
index exactly the same fields.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from wpk_archive.core.models import Document, Event
from wpk_archive.core.search.analysis import HAS_HANGUL, index_words, tokens_of, words_of
from wpk_archive.core.search.segments import ArticleFields, PassageFields
from wpk_archive.core.search.variants import Form, Variants


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


class NameTable:
    """Forms of every variant group that has a multi-word form, each mapped to its group's key.

    A passage is indexed with the keys of the names it contains, so a name query is one term
    lookup instead of a phrase over very common words (Kim, Jong, Il).
    """

    def __init__(self, variants: Variants) -> None:
        table: dict[Form, str] = {}
        for group in variants.groups:
            if group and any(len(f) > 1 for f in group):
                key = "_".join(group[0])
                for form in group:
                    table[form] = key
        self.table = table
        self.digest = hashlib.sha1(
            json.dumps(sorted((" ".join(f), k) for f, k in table.items())).encode("utf-8")
        ).hexdigest()[:16]
        """A hash of the table (recorded in the index when it is built)."""
        self._firsts = {form[0] for form in table}
        self._longest = max((len(f) for f in table), default=0)

    def keys(self, text: str, words: list[str] | None = None) -> list[str]:
        """Keys of the name groups any of whose forms occurs in ``text`` (as whole words).

        ``words``, the text's whole words (:func:`.analysis.words_of`), saves tokenizing again
        when the text has no Hangul. In text with Hangul, forms are matched against its index
        tokens: a Hangul form is the sequence of its bigrams, so 김정은 is found inside
        김정은동지께서 (Korean attaches particles and titles to names)."""
        table = self.table
        if not table:
            return []
        firsts = self._firsts
        longest = self._longest
        if HAS_HANGUL.search(text):
            words = list(tokens_of(text))
        elif words is None:
            words = words_of(text)
        found: set[str] = set()
        # only where a form can start (a set lookup per word, then the few candidates)
        for i in [i for i, w in enumerate(words) if w in firsts]:
            for size in range(1, min(longest, len(words) - i) + 1):
                key = table.get(tuple(words[i : i + size]))
                if key is not None:
                    found.add(key)
        # the parts of a hyphenated word are words too ("anti-DPRK" names the DPRK)
        for word in (w for w in words if "-" in w):
            for part in word.split("-"):
                key = table.get((part,)) if part in firsts else None
                if key is not None:
                    found.add(key)
        return sorted(found)


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
    doc: Document | ArticleRecord, kinds: dict[tuple[str, int], set[str]], names: NameTable
) -> list[PassageFields]:
    """The index fields of each passage of ``doc``."""
    fields = []
    texts = doc.texts if isinstance(doc, ArticleRecord) else article_record(doc).texts
    for ordinal, text in texts:
        tokens, positions, words = index_words(text)
        fields.append(
            PassageFields(
                pid=passage_key(doc.id, ordinal),
                doc_id=doc.id,
                text=text,
                kind=" ".join(sorted(kinds.get((doc.id, ordinal), ()))),
                names=" ".join(names.keys(text, words)),
                tokens=tokens,
                positions=positions,
            )
        )
    return fields


def kinds_by_passage(events: Iterable[Event]) -> dict[tuple[str, int], set[str]]:
    """The event kinds each passage names on a timeline (rejected events left out)."""
    found: dict[tuple[str, int], set[str]] = {}
    for event in events:
        if event.rejected:
            continue
        for source in event.sources:
            found.setdefault((source.doc_id, source.passage), set()).add(event.kind)
    return found


def compare_passages(
    indexed: Iterable[tuple[str, int]], stored: Iterable[tuple[str, int]]
) -> list[str]:
    """What differs between the index's passage keys and the store's, one line per kind of
    difference (empty when they agree): passages missing, passages left over from a deleted or
    replaced document, passages indexed twice."""
    counts = Counter(indexed)
    have = set(counts)
    want = set(stored)
    problems = []
    if want - have:
        problems.append(f"{len(want - have)} passages of the store are not indexed")
    if have - want:
        problems.append(f"{len(have - want)} indexed passages are not in the store")
    twice = sum(1 for n in counts.values() if n > 1)
    if twice:
        problems.append(f"{twice} passages are indexed more than once")
    return problems
