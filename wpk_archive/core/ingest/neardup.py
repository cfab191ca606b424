"""Re-sent stories: documents that are the same story with small edits (perhaps under another
date or title), found by MinHash over word shingles, and grouped.

- A document's words (lower case) make overlapping 5-word shingles; its signature holds, for
  each of NUM_PERM hash functions, the least hash of its shingles. The share of positions where
  two signatures agree estimates the Jaccard similarity of their shingle sets.
- Candidates come from locality-sensitive hashing: the signature cut into BANDS bands of ROWS
  values; two documents sharing one whole band, whose estimate reaches CANDIDATE, are compared
  word for word: the exact Jaccard similarity of their shingles must reach THRESHOLD, or
  TITLED_THRESHOLD when their titles share at least TITLE_OVERLAP of their words. KCNA writes
  many notices to one formula ("Kim Jong Il's Work Posted on ... of Peruvian Organization",
  "... of Guinean Organization"): they reach 0.75, different stories all the same; a re-sent
  story with a few words changed reaches 0.8-0.95 (docs/near_duplicates.md has the figures).
- Texts shorter than MIN_SHINGLES shingles are left alone: a short notice's formula says too
  little to tell a re-send from another notice of the same kind.
- A group is a connected set of pairs, less the pairs the user split apart.

Written with numpy rather than datasketch: the same estimate, no scipy in the build, and
faster on this corpus (docs/near_duplicates.md gives the figures).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from wpk_archive.core.models import Document, Event

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 5
MIN_SHINGLES = 30
CANDIDATE = 0.6
THRESHOLD = 0.9
TITLED_THRESHOLD = 0.8
TITLE_OVERLAP = 0.5
_WORD = re.compile(r"\w+")
_MULTIPLIERS = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
    ],
    dtype=np.uint64,
)
_rng = np.random.default_rng(20240516)  # fixed: signatures are stored and must stay comparable
_A = (_rng.integers(1, 2**63, NUM_PERM, dtype=np.uint64) << np.uint64(1)) | np.uint64(1)
_B = _rng.integers(0, 2**63, NUM_PERM, dtype=np.uint64)
SIGNATURE_VERSION = 1
"""Bumped when the shingling or the hash functions change (stored signatures are then redone)."""


def shingles(text: str) -> np.ndarray:
    """The distinct 64-bit hashes of the text's overlapping 5-word shingles (lower case)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return np.zeros(0, dtype=np.uint64)
    tokens = np.fromiter(
        (zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words)
    )
    n = len(words) - SHINGLE + 1
    combined = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(SHINGLE):
            combined += tokens[k : k + n] * _MULTIPLIERS[k]
    return np.unique(combined)


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of a text (NUM_PERM uint32), or None when it is too short."""
    hashed = shingles(text)
    if len(hashed) < MIN_SHINGLES:
        return None
    with np.errstate(over="ignore"):
        values = (hashed[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return values.min(axis=0).astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


class NearDuplicateIndex:
    """Signatures of the archive's documents, with the LSH buckets that find candidates."""

    def __init__(self) -> None:
        self._buckets: list[dict[bytes, list[str]]] = [{} for _ in range(BANDS)]
        self._signatures: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._signatures

    def add(self, doc_id: str, sig: np.ndarray) -> None:
        """Index one document's signature (replacing an earlier one of the same id)."""
        if doc_id in self._signatures:
            self.remove(doc_id)
        self._signatures[doc_id] = sig
        raw = sig.tobytes()
        width = ROWS * 4
        for band, bucket in enumerate(self._buckets):
            bucket.setdefault(raw[band * width : (band + 1) * width], []).append(doc_id)

    def remove(self, doc_id: str) -> None:
        """Forget a document (deleted, or about to be indexed with a new text)."""
        sig = self._signatures.pop(doc_id, None)
        if sig is None:
            return
        raw = sig.tobytes()
        width = ROWS * 4
        for band, bucket in enumerate(self._buckets):
            key = raw[band * width : (band + 1) * width]
            members = bucket.get(key, [])
            if doc_id in members:
                members.remove(doc_id)
            if not members:
                bucket.pop(key, None)

    def matches(self, doc_id: str, sig: np.ndarray) -> list[tuple[str, float]]:
        """Indexed documents whose estimated similarity to ``sig`` reaches CANDIDATE, with the
        estimate (:func:`same_story` decides)."""
        raw = sig.tobytes()
        width = ROWS * 4
        seen: set[str] = {doc_id}
        found: list[tuple[str, float]] = []
        for band, bucket in enumerate(self._buckets):
            for other in bucket.get(raw[band * width : (band + 1) * width], ()):
                if other in seen:
                    continue
                seen.add(other)
                score = similarity(sig, self._signatures[other])
                if score >= CANDIDATE:
                    found.append((other, score))
        return found


def jaccard(a: str, b: str) -> float:
    """The exact Jaccard similarity of two texts' shingle sets."""
    x, y = shingles(a), shingles(b)
    if not len(x) or not len(y):
        return 0.0
    shared = len(np.intersect1d(x, y, assume_unique=True))
    return shared / (len(x) + len(y) - shared)


def _title_words(title: str) -> set[str]:
    return set(_WORD.findall(title.lower()))


def same_story(a: Document, b: Document) -> float | None:
    """The similarity of two documents when they are the same story (see the module
    docstring), else None."""
    score = jaccard(a.text, b.text)
    if score >= THRESHOLD:
        return score
    if score >= TITLED_THRESHOLD:
        x, y = _title_words(a.title), _title_words(b.title)
        if x and y and len(x & y) / len(x | y) >= TITLE_OVERLAP:
            return score
    return None


def groups(
    pairs: Iterable[tuple[str, str]], separated: Iterable[tuple[str, str]] = ()
) -> dict[str, str]:
    """Document id -> its group's id (the least member id), for every document in a pair; the
    ``separated`` pairs (split apart by the user) do not join."""
    cut = {frozenset(p) for p in separated}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for a, b in pairs:
        if frozenset((a, b)) in cut:
            continue
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {doc: find(doc) for doc in list(parent)}


def count_independent(events: Sequence[Event], group_of: Mapping[str, str]) -> None:
    """Set each event's ``independent_sources``: its sources with every group of re-sent
    stories counted once (the group's member with most passages naming the event stands for
    it; other documents count as before, one per passage)."""
    for event in events:
        by_group: dict[str, set[tuple[str, int]]] = {}
        for source in event.sources:
            key = group_of.get(source.doc_id, source.doc_id)
            by_group.setdefault(key, set()).add((source.doc_id, source.passage))
        total = 0
        for members in by_group.values():
            per_doc: dict[str, int] = {}
            for doc_id, _passage in members:
                per_doc[doc_id] = per_doc.get(doc_id, 0) + 1
            total += max(per_doc.values())
        event.independent_sources = total
