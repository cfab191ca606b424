"""Query evaluation over whole posting lists, in array operations (numpy).

Whoosh's matchers walk a query's matches one at a time in Python, scoring each: at 20,000
articles a common word costs 10-40 ms, and exact totals and facets need every match visited.
Here a query is evaluated the other way round: each term's posting list is read block by block
straight from the segment (one zlib and one unpickle per block of 128 postings) into arrays, and
And/Or/Not become intersections, unions and differences of sorted docnum arrays; BM25 scores
are computed for all matches at once. The result is the exact set of matching passages with a
score for each, from which the top page, the totals and the facets are all cheap.

Phrases are checked on positions, decoded only for the passages that hold every word of the
phrase; a proximity phrase (``"a b"~3``) keeps passages where each word follows the one before
within that many positions, as Whoosh's ``SpanNear2`` does. Every query type the parser makes is
evaluated here (none is handed to Whoosh's matchers). A compound query's boost multiplies its
score, as Whoosh's wrapping matcher does.

A failure to read the index here is never taken for "no postings": it propagates (the caller
rebuilds the index).

The segment format is read through :mod:`.whoosh_private`.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import NDArray
from whoosh import query as wq
from whoosh.searching import Searcher

from wpk_archive.core.search import whoosh_private as wp

Ids = NDArray[np.int64]
Scores = NDArray[np.float32]

K1 = 1.2
B = 0.75
_EMPTY_IDS: Ids = np.zeros(0, dtype=np.int64)
_EMPTY_SCORES: Scores = np.zeros(0, dtype=np.float32)


class Matches:
    """Sorted, distinct docnums with a score for each."""

    __slots__ = ("ids", "scores")

    def __init__(self, ids: Ids, scores: Scores) -> None:
        self.ids = ids
        self.scores = scores

    @classmethod
    def empty(cls) -> Matches:
        return cls(_EMPTY_IDS, _EMPTY_SCORES)

    def __len__(self) -> int:
        return int(self.ids.size)


class PostingArrays:
    """Posting lists and per-passage lookups of one searcher (one commit of the index)."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.leaves: list[tuple[Any, int]] = list(self.reader.leaf_readers())
        self.size = int(self.reader.doc_count_all())
        self._lengths: dict[str, NDArray[np.float32]] = {}
        self._alive: NDArray[np.bool_] | None = None
        self._live_ids: Ids | None = None
        self._stored: dict[int, Any] = {}
        self._pids: dict[int, str] = {}
        self.has_deletions = any(leaf.has_deletions() for leaf, _ in self.leaves)

    # -- per passage ----------------------------------------------------------------------------

    def pid(self, docnum: int) -> str:
        """The stored passage key of ``docnum`` (kept: it cannot change in this commit)."""
        known = self._pids.get(docnum)
        if known is not None:
            return known
        for k in range(len(self.leaves) - 1, -1, -1):
            leaf, offset = self.leaves[k]
            if docnum >= offset:
                reader = self._stored.get(k)
                if reader is None:
                    reader = self._stored[k] = wp.stored_reader(leaf)
                pid = wp.decode_pid(reader[docnum - offset]) if reader is not None else None
                if pid is None:
                    raise ValueError(f"passage {docnum} has no key in the index")
                if len(self._pids) < 200_000:
                    self._pids[docnum] = pid
                return pid
        raise ValueError(f"no passage {docnum} in the index")

    @property
    def alive(self) -> NDArray[np.bool_]:
        """False for deleted docnums."""
        if self._alive is None:
            alive = np.ones(self.size, dtype=np.bool_)
            for leaf, offset in self.leaves:
                if leaf.has_deletions():
                    alive[wp.deleted_docs(leaf) + offset] = False
            self._alive = alive
        return self._alive

    def every(self) -> Ids:
        """Every live docnum."""
        if self._live_ids is None:
            self._live_ids = np.flatnonzero(self.alive).astype(np.int64)
        return self._live_ids

    def lengths(self, fieldname: str) -> NDArray[np.float32] | None:
        """Each passage's length in ``fieldname`` (as the codec stores it), None if unscored."""
        if fieldname in self._lengths:
            return self._lengths[fieldname]
        if not self.reader.schema[fieldname].scorable:
            return None
        # the codec keeps one length byte per passage in a column of its own
        parts = [wp.LENGTHS[wp.length_bytes(leaf, fieldname)] for leaf, _offset in self.leaves]
        lengths = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
        self._lengths[fieldname] = lengths
        return lengths

    # -- posting lists --------------------------------------------------------------------------

    def postings(
        self, fieldname: str, text: bytes, *, values: bool = False, within: Ids | None = None
    ) -> tuple[Ids, NDArray[np.float32], list[bytes] | None]:
        """The docnums, weights and (optionally) encoded values of one term, all segments.

        ``within`` (sorted docnums) lets blocks holding none of them go unread: what comes back
        then includes every posting in ``within`` and perhaps others."""
        id_parts: list[Ids] = []
        weight_parts: list[NDArray[np.float32]] = []
        vals: list[bytes] | None = [] if values else None
        for leaf, offset in self.leaves:
            ids: list[int] = []
            weights: list[float] = []
            wanted = None
            if within is not None:
                local = within[(within >= offset) & (within < offset + leaf.doc_count_all())]
                wanted = local - offset
            if not wp.term_postings(leaf, fieldname, text, ids, weights, vals, wanted):
                continue
            leaf_ids = np.array(ids, dtype=np.int64)
            if offset:
                leaf_ids += offset
            id_parts.append(leaf_ids)
            weight_parts.append(np.array(weights, dtype=np.float32))
        if not id_parts:
            return _EMPTY_IDS, np.zeros(0, dtype=np.float32), vals
        id_array = id_parts[0] if len(id_parts) == 1 else np.concatenate(id_parts)
        weight_array = weight_parts[0] if len(weight_parts) == 1 else np.concatenate(weight_parts)
        if self.has_deletions and id_array.size:
            keep = self.alive[id_array]
            if not keep.all():
                id_array = id_array[keep]
                weight_array = weight_array[keep]
                if vals is not None:
                    vals = [v for v, k in zip(vals, keep.tolist(), strict=True) if k]
        return id_array, weight_array, vals

    def doc_frequency(self, fieldname: str, text: bytes) -> int:
        return int(self.reader.doc_frequency(fieldname, text))

    def idf(self, fieldname: str, text: bytes) -> float:
        """Whoosh's idf: 1 + log(passages / (passages with the term + 1))."""
        return math.log(self.size / (self.doc_frequency(fieldname, text) + 1)) + 1

    def score(
        self, fieldname: str, text: bytes, ids: Ids, weights: NDArray[np.float32], boost: float
    ) -> Scores:
        """BM25 (Whoosh's BM25F with its defaults) of a term in each of ``ids``; in a field
        without lengths (keywords, ids) the term's weight, as Whoosh's WeightScorer gives."""
        lengths = self.lengths(fieldname)
        if lengths is None:
            return np.asarray(weights * boost, dtype=np.float32)
        idf = self.idf(fieldname, text)
        if not ids.size:
            norm: Any = 1.0
        else:
            average = float(self.reader.field_length(fieldname)) / max(self.size, 1)
            norm = (1 - B) + B * lengths[ids] / (average or 1.0)
        scores = idf * ((weights * (K1 + 1)) / (weights + K1 * norm)) * boost
        return np.asarray(scores, dtype=np.float32)


# -- evaluation ---------------------------------------------------------------------------------


def _union(parts: list[Matches]) -> Matches:
    parts = [p for p in parts if len(p)]
    if not parts:
        return Matches.empty()
    if len(parts) == 1:
        return parts[0]
    ids = np.concatenate([p.ids for p in parts])
    scores = np.concatenate([p.scores for p in parts])
    unique, inverse = np.unique(ids, return_inverse=True)
    summed = np.bincount(inverse, weights=scores, minlength=unique.size).astype(np.float32)
    return Matches(unique, summed)


def _intersect(a: Matches, b: Matches) -> Matches:
    ids, ia, ib = np.intersect1d(a.ids, b.ids, assume_unique=True, return_indices=True)
    return Matches(ids, a.scores[ia] + b.scores[ib])


def _minus(a: Matches, b: Matches) -> Matches:
    keep = np.isin(a.ids, b.ids, assume_unique=True, invert=True)
    return Matches(a.ids[keep], a.scores[keep])


class Evaluator:
    """Evaluates a (parsed, expanded) Whoosh query over :class:`PostingArrays`."""

    def __init__(self, arrays: PostingArrays) -> None:
        self.arrays = arrays

    def run(self, q: wq.Query) -> Matches:
        return self._eval(q)

    def _eval(self, q: wq.Query) -> Matches:
        kind = type(q)
        if kind is wq.Term:
            return self._term(q.fieldname, q.text, q.boost)
        if kind is wq.Or:
            return _boosted(_union([self._eval(s) for s in q.subqueries]), q.boost)
        if kind is wq.And:
            return _boosted(self._and(list(q.subqueries)), q.boost)
        if kind is wq.AndNot:
            return _minus(self._eval(q.a), self._eval(q.b))
        if kind is wq.AndMaybe:
            a = self._eval(q.a)
            b = self._eval(q.b)
            _ids, ia, ib = np.intersect1d(a.ids, b.ids, assume_unique=True, return_indices=True)
            scores = a.scores.copy()
            scores[ia] += b.scores[ib]
            return Matches(a.ids, scores)
        if kind is wq.Require:
            a = self._eval(q.a)
            b = self._eval(q.b)
            ids, ia, _ib = np.intersect1d(a.ids, b.ids, assume_unique=True, return_indices=True)
            return Matches(ids, a.scores[ia])
        if kind is wq.Not:  # every other passage, each scoring 1 (Whoosh's InverseMatcher)
            every = self.arrays.every()
            return _minus(Matches(every, np.ones(every.size, np.float32)), self._eval(q.query))
        if kind is wq.Every:
            every = self.arrays.every()
            if q.fieldname not in (None, "", "*"):  # passages with any term in the field
                texts = wp.field_terms(self.arrays.reader, q.fieldname)
                every = _union([self._term(q.fieldname, t, 1.0) for t in texts]).ids
            # each scoring the query's boost, as Whoosh's Every does
            return Matches(every, np.full(every.size, q.boost, dtype=np.float32))
        if q is wq.NullQuery or kind is type(wq.NullQuery) or q.__class__.__name__ == "Nothing":
            return Matches.empty()
        if kind is wq.Phrase and q.slop <= 1:
            return self._phrase(q.fieldname, [str(w) for w in q.words], q.boost)
        if kind is wq.Phrase:
            return self._near(q.fieldname, [str(w) for w in q.words], q.slop, q.boost)
        if isinstance(q, wq.Prefix | wq.Wildcard | wq.FuzzyTerm | wq.TermRange):
            texts = wp.multiterm_texts(q, self.arrays.reader)
            return _union([self._term(q.fieldname, t, q.boost) for t in texts])
        raise UnsupportedQuery(f"this kind of query cannot be searched: {q!r}")

    def _and(self, subs: list[wq.Query]) -> Matches:
        positive = [s for s in subs if not isinstance(s, wq.Not)]
        negative = [s.query for s in subs if isinstance(s, wq.Not)]
        if not positive:
            every = self.arrays.every()
            result = Matches(every, np.zeros(every.size, dtype=np.float32))
        else:
            parts = sorted((self._eval(s) for s in positive), key=len)
            result = parts[0]
            for part in parts[1:]:
                if not len(result):
                    break
                result = _intersect(result, part)
        for s in negative:
            if not len(result):
                break
            result = _minus(result, self._eval(s))
        if negative and len(result):
            # each NOT in an And scores 1 where it matches (Whoosh intersects its InverseMatcher)
            result = Matches(result.ids, result.scores + np.float32(len(negative)))
        return result

    def _term(self, fieldname: str, text: Any, boost: float) -> Matches:
        btext = text if isinstance(text, bytes) else str(text).encode("utf-8")
        ids, weights, _ = self.arrays.postings(fieldname, btext)
        if not ids.size:
            return Matches.empty()
        return Matches(ids, self.arrays.score(fieldname, btext, ids, weights, boost))

    def _phrase(self, fieldname: str, words: list[str], boost: float) -> Matches:
        if not words:
            return Matches.empty()
        if len(words) == 1:
            btext = words[0].encode("utf-8")
            ids, weights, _ = self.arrays.postings(fieldname, btext)
            return Matches(ids, self.arrays.score(fieldname, btext, ids, weights, boost))
        encoded = [w.encode("utf-8") for w in words]
        # rarest words first: the two rarest, checked against each other on positions, leave few
        # candidates, and the blocks of common words ("of", "the") holding none are not read
        order = sorted(
            range(len(words)), key=lambda k: self.arrays.doc_frequency(fieldname, encoded[k])
        )
        read: dict[int, tuple[bytes, Ids, NDArray[np.float32], list[bytes] | None]] = {}
        candidates: Ids | None = None
        for step, k in enumerate(order):
            ids, weights, values = self.arrays.postings(
                fieldname, encoded[k], values=True, within=candidates if step >= 2 else None
            )
            read[k] = (encoded[k], ids, weights, values)
            candidates = (
                ids if candidates is None else np.intersect1d(candidates, ids, assume_unique=True)
            )
            if not candidates.size:
                return Matches.empty()
            if step == 1:
                pair = sorted(order[:2])
                candidates = candidates[
                    self._in_phrase(
                        [read[j] for j in pair], [j - pair[0] for j in pair], candidates
                    )
                ]
                if not candidates.size:
                    return Matches.empty()
        assert candidates is not None
        lists = [read[k] for k in range(len(words))]
        if len(words) == 2:  # the pair check above was the whole check
            keep = np.ones(candidates.size, dtype=np.bool_)
        else:
            keep = self._in_phrase(lists, list(range(len(words))), candidates)
        where = [np.searchsorted(ids, candidates) for _, ids, _, _ in lists]
        matched = candidates[keep]
        scores = np.zeros(matched.size, dtype=np.float32)
        for (btext, _ids, weights, _), index in zip(lists, where, strict=True):
            chosen = index[keep]
            scores += self.arrays.score(fieldname, btext, matched, weights[chosen], boost)
        return Matches(matched, scores)

    @staticmethod
    def _in_phrase(
        lists: list[tuple[bytes, Ids, NDArray[np.float32], list[bytes] | None]],
        offsets: list[int],
        candidates: Ids,
    ) -> NDArray[np.bool_]:
        """Which candidates hold the words of ``lists`` at the given offsets from one start."""
        chosen = [
            [values[i] for i in np.searchsorted(ids, candidates).tolist()]  # type: ignore[index]
            for _, ids, _, values in lists
        ]
        # most words occur once in a passage: check those rows in one vectorized comparison
        single = np.array(
            [[wp.SINGLE.get(v, -1) for v in column] for column in chosen], dtype=np.int64
        )
        simple = (single >= 0).all(axis=0)
        shift = np.array(offsets, dtype=np.int64)[:, None]
        keep: NDArray[np.bool_] = simple & ((single - shift) == (single[0] - offsets[0])).all(
            axis=0
        )
        rows = np.flatnonzero(~simple)
        if rows.size:
            # the others: every (row, start) pair each word allows, intersected across words
            span = max(offsets) + 1
            common: Ids | None = None
            for column, offset in zip(chosen, offsets, strict=True):
                row_of: list[int] = []
                starts: list[int] = []
                for row in rows.tolist():
                    positions = wp.decode_positions(column[row])
                    row_of.extend([row] * len(positions))
                    starts.extend(positions)
                keys = np.array(row_of, dtype=np.int64) * (1 << 32) + (
                    np.array(starts, dtype=np.int64) - offset + span
                )
                keys = np.unique(keys)
                common = keys if common is None else np.intersect1d(common, keys, True)
            assert common is not None
            keep[np.unique(common >> 32)] = True
        return keep

    def _near(self, fieldname: str, words: list[str], slop: int, boost: float) -> Matches:
        """Passages holding the words in order, each within ``slop`` positions after the one
        before (Whoosh's SpanNear2 with ordered=True, mindist=1), scored as a phrase."""
        encoded = [w.encode("utf-8") for w in words]
        lists = []
        candidates: Ids | None = None
        for btext in encoded:
            ids, weights, values = self.arrays.postings(fieldname, btext, values=True)
            lists.append((btext, ids, weights, values))
            candidates = (
                ids if candidates is None else np.intersect1d(candidates, ids, assume_unique=True)
            )
            if not candidates.size:
                return Matches.empty()
        assert candidates is not None
        where = [np.searchsorted(ids, candidates) for _, ids, _, _ in lists]
        keep = np.zeros(candidates.size, dtype=np.bool_)
        for row in range(candidates.size):
            ends: set[int] | None = None
            for (_, _ids, _w, values), index in zip(lists, where, strict=True):
                assert values is not None
                positions = wp.decode_positions(values[int(index[row])])
                if ends is None:
                    ends = set(positions)
                else:
                    ends = {p for p in positions if any(1 <= p - e <= slop for e in ends)}
                if not ends:
                    break
            keep[row] = bool(ends)
        matched = candidates[keep]
        scores = np.zeros(matched.size, dtype=np.float32)
        for (btext, _ids, weights, _), index in zip(lists, where, strict=True):
            scores += self.arrays.score(fieldname, btext, matched, weights[index[keep]], boost)
        return Matches(matched, scores)


SORTS = ("relevance", "date", "oldest")
"""Result orders: best match, newest first, oldest first."""
_UNDATED = np.int64(1) << 40


def rank(
    ids: Ids,
    scores: Scores,
    day: NDArray[np.int64],
    doc_code: NDArray[np.int64],
    sort: str,
    offset: int,
    end: int | None,
) -> Ids:
    """Positions in ``ids`` of the matches [offset, end) in a total order, so pages tile the
    ranking whatever their size: by ``sort`` (score, highest first; date, newest first; date,
    oldest first; undated passages after dated ones), then the document's date (newest first),
    its id, and the passage's order in it (docnums follow passage order within a document).
    ``day`` (YYYYMMDD, -1 undated) and ``doc_code`` (in document id order) are per docnum."""
    if not ids.size:
        return ids
    days = day[ids]
    undated = days < 0
    if sort == "relevance":
        primary: NDArray[Any] = -scores.astype(np.float64)
    elif sort == "oldest":
        primary = np.where(undated, _UNDATED, days)
    else:
        primary = np.where(undated, _UNDATED, -days)
    secondary = _secondary(days, undated, doc_code[ids])
    if end is not None and end < ids.size:
        # the first `end` by the primary key: those strictly before the end-th, then from the
        # ties at the boundary (every name query ties) the first by the secondary key; only
        # these few are sorted by every key
        kth = np.partition(primary, end - 1)[end - 1]
        before = np.flatnonzero(primary < kth)
        tied = np.flatnonzero(primary == kth)
        need = end - before.size
        if need < tied.size:
            cut = np.partition(secondary[tied], need - 1)[need - 1]
            tied = tied[secondary[tied] <= cut]
        candidates = np.concatenate([before, tied])
    else:
        candidates = np.arange(ids.size)
    order = candidates[np.lexsort((ids[candidates], secondary[candidates], primary[candidates]))]
    return order[offset:end]


def _secondary(days: NDArray[np.int64], undated: NDArray[np.bool_], docs: Ids) -> Ids:
    """One int64 per match ordering the ties of the sort: dated before undated, newest
    first, then by document id (``docs``, codes in id order; < 2**24 documents)."""
    newest = np.where(undated, 0, 99_999_999 - np.maximum(days, 0)).astype(np.int64)
    if docs.size and int(docs.max()) >= 1 << 24:  # more documents than the key has bits for
        order = np.lexsort((docs, newest, undated))
        ranks = np.empty(docs.size, dtype=np.int64)
        ranks[order] = np.arange(docs.size)
        # equal (undated, newest, docs) must share a rank: collapse runs of equal keys
        keys = np.stack([undated[order], newest[order], docs[order]])
        new = np.ones(docs.size, dtype=np.bool_)
        new[1:] = (keys[:, 1:] != keys[:, :-1]).any(axis=0)
        shared = np.cumsum(new) - 1
        ranks[order] = shared
        return ranks
    return (undated.astype(np.int64) << 52) | (newest << 24) | docs.astype(np.int64)


class UnsupportedQuery(ValueError):
    """A query type the evaluator does not know (a query the parser should not make)."""


def _boosted(matches: Matches, boost: float) -> Matches:
    if boost == 1.0 or not len(matches):
        return matches
    return Matches(matches.ids, (matches.scores * np.float32(boost)).astype(np.float32))
