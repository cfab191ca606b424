"""The ranking behind the summaries (a part of :mod:`.summaries`): TF-IDF vectors of a document's
sentences, their cosine similarity, and position-biased LexRank over that graph (personalized
PageRank teleporting to early sentences), in numpy without BLAS threads."""

from __future__ import annotations

import math
from itertools import chain

import numpy as np
import numpy.typing as npt

from wpk_archive.core import summaries_ko as ko
from wpk_archive.core.sentences_ko import is_korean
from wpk_archive.core.summary_words import STOPWORDS as _STOPWORDS
from wpk_archive.core.summary_words import WORD as _WORD

_DAMPING = 0.85  # weight of the similarity graph vs. the positional teleport vector

_NOT_A_WORD_BYTE = bytes(
    b if chr(b) in "abcdefghijklmnopqrstuvwxyz0123456789" else 32 for b in range(256)
)


def _words(lowered: str) -> list[str]:
    """``_WORD.findall(lowered)``: for ASCII text by a byte table (twice as fast; the terms
    of a corpus import's 117,000 sentences took 0.8 s)."""
    if lowered.isascii():
        return lowered.encode("ascii").translate(_NOT_A_WORD_BYTE).decode("ascii").split()
    return _WORD.findall(lowered)


def _terms(chunk: str) -> dict[str, int]:
    if is_korean(chunk):
        return ko.terms(chunk)
    counts: dict[str, int] = {}
    for word in _words(chunk.lower()):
        if word in _STOPWORDS or len(word) < 2:
            continue
        if len(word) > 4 and word[-1] == "s" and word[-2] != "s":
            word = word[:-1]
        counts[word] = counts.get(word, 0) + 1
    return counts


def _vectors(chunks: list[str]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors, IDF computed within the given sentences."""
    counts = [_terms(c) for c in chunks]
    df: dict[str, int] = {}
    for c in counts:
        for term in c:
            df[term] = df.get(term, 0) + 1
    n = len(chunks)
    idf = {term: math.log((1 + n) / (1 + d)) + 1.0 for term, d in df.items()}
    vectors: list[dict[str, float]] = []
    for c in counts:
        vec = {term: tf * idf[term] for term, tf in c.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        vectors.append({t: v / norm for t, v in vec.items()} if norm else {})
    return vectors


def _matrix(chunks: list[str]) -> npt.NDArray[np.float64]:
    """The sentences' unit-length TF-IDF vectors as the rows of one matrix (the terms of
    :func:`_vectors`, IDF computed within the given sentences)."""
    counts = [_terms(c) for c in chunks]
    columns = {term: n for n, term in enumerate(dict.fromkeys(chain.from_iterable(counts)))}
    matrix = np.zeros((len(chunks), max(1, len(columns))))
    rows = np.repeat(np.arange(len(chunks)), [len(c) for c in counts])
    cells = np.fromiter(map(columns.__getitem__, chain.from_iterable(counts)), np.intp, len(rows))
    values = np.fromiter(chain.from_iterable(c.values() for c in counts), np.float64, len(rows))
    matrix[rows, cells] = values
    df = np.count_nonzero(matrix, axis=0)
    matrix *= np.log((1 + len(chunks)) / (1 + df)) + 1.0
    norms = np.linalg.norm(matrix, axis=1)
    norms[norms == 0.0] = 1.0  # (a sentence of stopwords only: a zero row)
    matrix /= norms[:, None]
    return matrix


def _similarity(matrix: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """The cosine similarity of every two sentences (rows of :func:`_matrix`); 0 on the diagonal."""
    sim: npt.NDArray[np.float64] = np.einsum("ik,jk->ij", matrix, matrix)  # (no BLAS threads)
    np.fill_diagonal(sim, 0.0)
    return sim


def _centrality(vectors: list[dict[str, float]]) -> list[float]:
    """Each vector's summed cosine similarity to all the others, in linear time.

    The sum over ``j != i`` of ``v_i . v_j`` is ``v_i . (sum of all v) - v_i . v_i``: one pass
    builds the sum, one more scores every sentence (the row sums of :func:`_similarity`, which
    is quadratic, up to rounding).
    """
    total: dict[str, float] = {}
    for vector in vectors:
        for term, value in vector.items():
            total[term] = total.get(term, 0.0) + value
    return [
        sum(value * total[term] for term, value in vector.items())
        - sum(value * value for value in vector.values())
        for vector in vectors
    ]


def _biased_lexrank(sim: npt.NDArray[np.float64], bias: list[float]) -> list[float]:
    """Personalized PageRank over the weighted similarity graph, teleporting by ``bias``.

    Solves ``r = (1 - d) * t + d * P^T r`` exactly (one linear solve; the system is diagonally
    dominant) instead of iterating: cheaper for article-sized graphs. ``P`` is the
    row-normalized similarity matrix; a sentence similar to nothing teleports.
    (numpy, since the pure-Python elimination and similarity matrix took 3 s of the
    19,873-article import: bench/import_ab.py.)
    """
    n = len(sim)
    teleport = np.asarray(bias, dtype=np.float64)
    teleport /= teleport.sum()
    weight = sim.sum(axis=1)
    linked = weight > 0.0
    transition = np.empty_like(sim)
    transition[linked] = sim[linked] / weight[linked, None]
    transition[~linked] = teleport
    system = np.eye(n) - _DAMPING * transition.T
    scores = np.linalg.solve(system, (1 - _DAMPING) * teleport)
    return [float(x) for x in scores]


def _position_bias(n: int) -> list[float]:
    return [1.0 / (i + 1) for i in range(n)]
