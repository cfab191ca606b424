"""The total order of results (search/evaluate.rank) against a plain sort with the same keys:
every page of every size is the slice of one ranking, ties included."""

from __future__ import annotations

import random

import numpy as np
import pytest

from wpk_archive.core.search.evaluate import rank


def _expected(
    ids: list[int], scores: list[float], day: list[int], code: list[int], sort: str
) -> list[int]:
    def key(i: int) -> tuple[object, ...]:
        d = day[ids[i]]
        undated = d < 0
        if sort == "relevance":
            primary: float = -float(np.float32(scores[i]))
        elif sort == "oldest":
            primary = float("inf") if undated else d
        else:
            primary = float("inf") if undated else -d
        return (primary, undated, -d, code[ids[i]], ids[i])

    return sorted(range(len(ids)), key=key)


@pytest.mark.parametrize("sort", ["relevance", "date", "oldest"])
@pytest.mark.parametrize("big_codes", [False, True])
def test_every_page_is_a_slice_of_one_total_order(sort: str, big_codes: bool) -> None:
    rng = random.Random(7)
    docs = 400
    day = [rng.choice([-1, 20120101, 20120415, 20130301, 20130301]) for _ in range(docs)]
    code = [rng.randrange(60) + ((1 << 24) if big_codes else 0) for _ in range(docs)]
    ids = sorted(rng.sample(range(docs), 300))
    scores = [rng.choice([1.0, 1.0, 2.5, 0.75, 3.0]) for _ in ids]
    args = (
        np.array(ids, dtype=np.int64),
        np.array(scores, dtype=np.float32),
        np.array(day, dtype=np.int64),
        np.array(code, dtype=np.int64),
        sort,
    )
    whole = _expected(ids, scores, day, code, sort)
    assert rank(*args, 0, None).tolist() == whole
    for size in (1, 3, 7, 20, 50, 299, 300, 1000):
        paged: list[int] = []
        for offset in range(0, len(ids), size):
            paged.extend(rank(*args, offset, offset + size).tolist())
        assert paged == whole, size
