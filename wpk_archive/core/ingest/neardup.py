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

import functools
import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from wpk_archive.core.models import Document, Event

NUM_PERM = 32
BANDS = 8
ROWS = NUM_PERM // BANDS
SHINGLE = 5
MIN_SHINGLES = 30
SAMPLE_SHIFT = 2
"""Only the shingles whose hash falls in the lowest 1/2**SAMPLE_SHIFT of the hash space enter
the signature (the same shingles in every text, so similarities are kept): a quarter of the
work, and the exact check below uses every shingle."""
CANDIDATE = 0.5
MAX_BUCKET = 64
"""Of a band's bucket, only the documents added last are candidates: a formula KCNA writes many
stories to ("... Work Posted on Internet Homepage of ...") fills one bucket with every story of
it, and comparing each new story with all of them made an import quadratic (a feed of 2,000
formula stories took 32 s, 12,000 would take hours). A re-send follows its story closely."""
MAX_CHECKS = 8
"""Candidates compared word for word per document, the best estimates first."""
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
SIGNATURE_VERSION = 2
"""Bumped when the shingling or the hash functions change (stored signatures are then redone)."""

# Words are runs of ASCII letters, digits and "_", and of any non-ASCII character (Hangul,
# accented letters), less common punctuation (curly quotes, dashes, ellipses, CJK marks: their
# UTF-8 bytes are masked out); each word's hash is a polynomial hash of its UTF-8 bytes,
# computed for a whole batch of texts at once.
_WORD_BYTE = np.zeros(256, dtype=bool)
_WORD_BYTE[list(b"abcdefghijklmnopqrstuvwxyz0123456789_")] = True
_WORD_BYTE[0x80:] = True
_PUNCTUATION_LEADS = ((0xE2, 0x80), (0xE3, 0x80), (0xEF, 0xBC))
"""UTF-8 of U+2000-U+203F (quotes, dashes, ellipsis...), U+3000-U+303F (CJK punctuation) and
U+FF00-U+FF3F (full-width punctuation and digits)."""
_PUNCTUATION_PAIRS = ((0xC2, 0xA0), (0xC2, 0xAB), (0xC2, 0xBB), (0xC2, 0xB7))
"""UTF-8 of no-break space, « » and the middle dot."""
_BASE = 0x100000001B3
_powers: dict[str, np.ndarray] = {}


def _power_tables(size: int) -> tuple[np.ndarray, np.ndarray]:
    """_BASE**k and its inverse**k (mod 2**64) for k < size, grown as needed."""
    have = _powers.get("p")
    if have is None or len(have) < size:
        size = max(size, 1 << 16, 2 * (len(have) if have is not None else 0))
        with np.errstate(over="ignore"):
            ones = np.ones(1, dtype=np.uint64)
            up = np.cumprod(np.full(size - 1, _BASE, dtype=np.uint64))
            down = np.cumprod(np.full(size - 1, pow(_BASE, -1, 2**64), dtype=np.uint64))
        _powers["p"] = np.concatenate((ones, up))
        _powers["q"] = np.concatenate((ones, down))
    return _powers["p"], _powers["q"]


def _word_mask(data: np.ndarray) -> np.ndarray:
    """Which bytes belong to words (see above)."""
    word: np.ndarray = _WORD_BYTE[data]
    leads = np.flatnonzero(data[:-1] >= 0xC2)  # where a non-ASCII character starts, if any
    if len(leads):
        first, second = data[leads], data[leads + 1]
        for a, b in _PUNCTUATION_LEADS:
            at = leads[(first == a) & (second == b)]
            at = at[at + 2 < len(data)]
            word[at] = word[at + 1] = word[at + 2] = False
        for a, b in _PUNCTUATION_PAIRS:
            at = leads[(first == a) & (second == b)]
            word[at] = word[at + 1] = False
    return word


def batch_shingles(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The 64-bit hashes of the overlapping 5-word shingles of many texts at once, and the
    index of the text each one belongs to (in order; duplicates kept)."""
    encoded = [t.lower().encode("utf-8", "replace") for t in texts]
    data = np.frombuffer(b"\x00".join(encoded), dtype=np.uint8)
    size = len(data)
    empty = np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    if size < 3:
        return empty
    starts_of_text = np.cumsum([0] + [len(e) + 1 for e in encoded[:-1]])
    word = _word_mask(data)
    begins = word.copy()
    begins[1:] &= ~word[:-1]
    finishes = word.copy()
    finishes[:-1] &= ~word[1:]
    starts, ends = np.flatnonzero(begins), np.flatnonzero(finishes) + 1
    power, inverse = _power_tables(size + 1)
    with np.errstate(over="ignore"):
        prefix = np.zeros(size + 1, dtype=np.uint64)
        np.cumsum(np.multiply(data, power[:size], dtype=np.uint64), out=prefix[1:])
        tokens = (prefix[ends] - prefix[starts]) * inverse[starts]
        owner = np.searchsorted(starts_of_text, starts, side="right") - 1
        n = len(tokens) - SHINGLE + 1
        if n <= 0:
            return empty
        combined = tokens[:n] * _MULTIPLIERS[0]
        for k in range(1, SHINGLE):
            combined += tokens[k : k + n] * _MULTIPLIERS[k]
        combined ^= combined >> np.uint64(29)  # mix the high bits down (sampling looks at them)
        combined *= np.uint64(0xBF58476D1CE4E5B9)
        combined ^= combined >> np.uint64(32)
    same = owner[:n] == owner[SHINGLE - 1 :]  # a shingle never spans two texts
    return combined[same], owner[:n][same]


@functools.lru_cache(maxsize=256)
def shingles(text: str) -> np.ndarray:
    """The distinct shingle hashes of one text (cached: one document is compared with several
    candidates; callers never change the array)."""
    hashed, _owner = batch_shingles([text])
    return np.unique(hashed)


def signatures(texts: Sequence[str]) -> list[np.ndarray | None]:
    """The MinHash signature of each text (NUM_PERM uint32), or None when it is too short."""
    hashed, owner = batch_shingles(texts)
    counts = np.bincount(owner, minlength=len(texts))
    keep = hashed < np.uint64(1 << (64 - SAMPLE_SHIFT))
    hashed, owner = hashed[keep], owner[keep]
    found: list[np.ndarray | None] = [None] * len(texts)
    if not len(hashed):
        return found
    sampled = np.bincount(owner, minlength=len(texts))
    bounds = np.concatenate(([0], np.cumsum(sampled)))
    present = np.flatnonzero(sampled)
    for chunk in range(0, len(present), 256):
        docs = present[chunk : chunk + 256]
        a, b = bounds[docs[0]], bounds[docs[-1] + 1]
        with np.errstate(over="ignore"):
            values = hashed[a:b, None] * _A[None, :]
            values += _B[None, :]
            values >>= np.uint64(32)
        mins = np.minimum.reduceat(values, bounds[docs] - a, axis=0).astype(np.uint32)
        for row, doc in enumerate(docs):
            if counts[doc] >= MIN_SHINGLES:
                found[doc] = mins[row]
    return found


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
        estimate, best first: at most MAX_CHECKS of them, drawn from the last MAX_BUCKET members
        of each bucket (:func:`same_story` decides)."""
        raw = sig.tobytes()
        width = ROWS * 4
        seen: set[str] = {doc_id}
        found: list[tuple[str, float]] = []
        for band, bucket in enumerate(self._buckets):
            members = bucket.get(raw[band * width : (band + 1) * width], ())
            for other in members[-MAX_BUCKET:]:
                if other in seen:
                    continue
                seen.add(other)
                score = similarity(sig, self._signatures[other])
                if score >= CANDIDATE:
                    found.append((other, score))
        found.sort(key=lambda pair: -pair[1])
        return found[:MAX_CHECKS]


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
