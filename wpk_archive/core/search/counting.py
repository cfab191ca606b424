"""Matching passages counted by period (month or year of publication), from ONE evaluation of
the query: what the counts over time (:mod:`wpk_archive.core.trends`) are made of.

The query is read as every search reads it (:func:`.results.prepare_query`) and evaluated by the
search's own evaluator (:mod:`.evaluate`); the date window of ``--from``/``--to`` and of the
query's ``date:`` is applied with the search's own rule (:meth:`.lookups.Lookups.within`: a
passage's article date must lie wholly in the window, at its own precision). A passage then
counts in the period its article date lies wholly in: an article dated "2012-04" counts in April
2012 and in 2012, one dated "2012" only in the year; undated ones in none. So the count of a
period is exactly the total a search with ``--from`` and ``--to`` at the period's first and
last day gives (a window that cuts a period gives the count of the part inside it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from wpk_archive.core.search.analysis import normalize_query
from wpk_archive.core.search.evaluate import Evaluator, UnsupportedQuery
from wpk_archive.core.search.index import IndexError_, PassageIndex
from wpk_archive.core.search.lenient import QueryError
from wpk_archive.core.search.lookups import DateError, DateWindow, Lookups
from wpk_archive.core.search.results import prepare_query

By = Literal["month", "year"]
BY: tuple[By, ...] = ("month", "year")


@dataclass
class PeriodCounts:
    """One query counted by period. Periods are numbers: YYYYMM by month, YYYY by year.

    ``passages``/``documents`` hold the periods with a match; ``all_passages`` every period of
    the window with any passage in the archive (the rate's denominators). ``message`` says what
    was cleaned from the query, or why it could not be searched (then nothing counts)."""

    query: str
    by: By
    passages: dict[int, int] = field(default_factory=dict)
    documents: dict[int, int] = field(default_factory=dict)
    all_passages: dict[int, int] = field(default_factory=dict)
    total: int = 0
    message: str | None = None


_MONTH_DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)


def _periods(
    lookups: Lookups, ids: NDArray[np.int64], by: By
) -> tuple[NDArray[np.int64], NDArray[np.bool_]]:
    """The period of each passage in ``ids`` (that of its article's first day), and which lie
    wholly in it: the check :meth:`.lookups.Lookups.within` makes for a window from the
    period's first to its last day (so a stored date that is no real day, "2012-02-30",
    counts in its year as a search of the year finds it, and in no month)."""
    first = lookups.day[ids]
    last = lookups.last_day[ids]
    if by == "year":
        period = first // 10000
        start, end = period * 10000 + 101, period * 10000 + 1231
        return period, (first >= 0) & (first >= start) & (last <= end)
    period = first // 100
    year, month = period // 100, period % 100
    known = (month >= 1) & (month <= 12)
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    days = _MONTH_DAYS[np.clip(month - 1, 0, 11)] + (leap & (month == 2))
    start, end = period * 100 + 1, period * 100 + days
    return period, (first >= 0) & known & (first >= start) & (last <= end)


def _tally(values: NDArray[np.int64]) -> dict[int, int]:
    keys, counts = np.unique(values, return_counts=True)
    return {int(k): int(n) for k, n in zip(keys.tolist(), counts.tolist(), strict=True)}


def count_by_period(
    index: PassageIndex,
    query: str,
    *,
    by: By = "month",
    date_from: str | None = None,
    date_to: str | None = None,
    filters: dict[str, str] | None = None,
) -> PeriodCounts:
    """Matching passages and documents of ``query`` per period, and every period's passages.

    QueryError and DateError become ``message`` (nothing counted), as a search's would;
    IndexError_ (damage) propagates for the caller to rebuild the index."""
    if by not in BY:
        raise ValueError(f"count by month or year, not {by!r}")
    counts = PeriodCounts(query=query, by=by)
    notes: list[str] = []
    text = normalize_query(query).strip()
    try:
        window = DateWindow.of(date_from, date_to)
        prepared = prepare_query(index, text, date_from, date_to, filters, notes) if text else None
    except (QueryError, DateError) as exc:
        counts.message = " ".join([*notes, str(exc)])
        return counts
    with index.lock:
        try:
            lookups = index.facts()
            every = lookups.arrays.every()
            if not window.is_open and every.size:
                every = every[lookups.within(every, window)]
            periods, whole = _periods(lookups, every, by)
            counts.all_passages = _tally(periods[whole])
            if prepared is None:
                counts.message = " ".join(notes) or None
                return counts
            _cleaned, _parsed, q, window = prepared
            matches = Evaluator(lookups.arrays).run(q)
            ids = matches.ids
            if not window.is_open and ids.size:
                ids = ids[lookups.within(ids, window)]
            counts.total = int(ids.size)
            periods, whole = _periods(lookups, ids, by)
            ids, periods = ids[whole], periods[whole]
            counts.passages = _tally(periods)
            if ids.size:
                pairs = np.unique(np.stack([periods, lookups.doc_code[ids]]), axis=1)
                counts.documents = _tally(pairs[0])
        except UnsupportedQuery as exc:
            counts.message = " ".join([*notes, f"Cannot search this query ({exc})."])
            counts.passages, counts.documents, counts.total = {}, {}, 0
            return counts
        except IndexError_:
            raise
        except Exception as exc:  # a segment that cannot be read: damage, as in a search
            raise IndexError_(f"the index in {index.path} cannot be read ({exc})") from exc
    counts.message = " ".join(notes) or None
    return counts
