"""How often a query occurs over time: matching passages and documents per month or year, and a
rate per 10,000 passages of the period (so a busy month does not look like a trend).

Each query is evaluated once by the search engine (:mod:`wpk_archive.core.search.counting`) and
its matches bucketed by their article's publication date, so ``passages`` of a period is the
total ``wpk-archive search QUERY --from START --to END`` gives for it. No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from wpk_archive.core.search.counting import BY, By, PeriodCounts, count_by_period
from wpk_archive.core.search.index import PassageIndex
from wpk_archive.core.search.lookups import DateError, DateWindow

__all__ = ["BY", "By", "Trend", "TrendPoint", "TrendSeries", "period_bounds", "trend"]


@dataclass(frozen=True)
class TrendPoint:
    """One period of one query: ``period`` "YYYY-MM" or "YYYY"; ``per_10k_passages`` None when
    the archive holds no passage of that period (no rate can be given)."""

    period: str
    passages: int
    documents: int
    per_10k_passages: float | None
    all_passages: int = 0

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of a point: ``{"period", "passages", "documents", "per_10k_passages"}``."""
        return {
            "period": self.period,
            "passages": self.passages,
            "documents": self.documents,
            "per_10k_passages": self.per_10k_passages,
        }


@dataclass
class TrendSeries:
    """One query's points, one per period of the trend (zeros included)."""

    query: str
    points: list[TrendPoint]
    total: int = 0
    """Matching passages in the whole window (undated ones, and by month those dated only to the
    year, are in no period)."""
    message: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of a series: ``{"query", "points", "total", "message"}``."""
        return {
            "query": self.query,
            "points": [p.to_json() for p in self.points],
            "total": self.total,
            "message": self.message,
        }


@dataclass
class Trend:
    """Several queries counted over the same periods, in the order asked."""

    by: By
    series: list[TrendSeries] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The ``trend --json`` shape: ``{"by", "series": [{"query", "points": [...]}]}``."""
        return {
            "by": self.by,
            "from": self.date_from,
            "to": self.date_to,
            "series": [s.to_json() for s in self.series],
        }


def _label(period: int, by: By) -> str:
    return f"{period // 100:04d}-{period % 100:02d}" if by == "month" else f"{period:04d}"


def _next(period: int, by: By) -> int:
    if by == "year":
        return period + 1
    year, month = divmod(period, 100)
    return (year + 1) * 100 + 1 if month == 12 else period + 1


def _span(first: int, last: int, by: By) -> list[int]:
    periods = []
    period = first
    while period <= last:
        periods.append(period)
        period = _next(period, by)
    return periods


def period_bounds(period: str) -> tuple[str, str]:
    """The first and last day of a period "YYYY-MM" or "YYYY" (ISO), e.g. for a search of it."""
    window = DateWindow.of(period, period)
    assert window.first is not None and window.last is not None
    return tuple(  # type: ignore[return-value]
        f"{d // 10000:04d}-{d // 100 % 100:02d}-{d % 100:02d}" for d in (window.first, window.last)
    )


def _range(counts: Iterable[PeriodCounts], by: By, window: DateWindow) -> list[int]:
    """The periods of the trend: from the window's bounds where given, else from the first to
    the last period with any passage in the archive."""
    divisor = 100 if by == "month" else 10000
    seen = [p for c in counts for p in c.all_passages]
    first = window.first // divisor if window.first is not None else min(seen, default=None)
    last = window.last // divisor if window.last is not None else max(seen, default=None)
    if first is None or last is None or first > last:
        return []
    return _span(first, last, by)


def trend(
    index: PassageIndex,
    queries: Sequence[str],
    *,
    by: By = "month",
    date_from: str | None = None,
    date_to: str | None = None,
) -> Trend:
    """Counts of each query per period, every series over the same periods (see the module).

    Raises DateError for bounds that are no dates; a query that cannot be searched gives a
    series of zeros with its ``message``."""
    window = DateWindow.of(date_from, date_to)
    counted = [
        count_by_period(index, q, by=by, date_from=date_from, date_to=date_to) for q in queries
    ]
    periods = _range(counted, by, window)
    result = Trend(by=by, date_from=date_from, date_to=date_to)
    for counts in counted:
        points = []
        for period in periods:
            passages = counts.passages.get(period, 0)
            base = counts.all_passages.get(period, 0)
            rate = round(passages * 10_000 / base, 3) if base else None
            points.append(
                TrendPoint(
                    period=_label(period, by),
                    passages=passages,
                    documents=counts.documents.get(period, 0),
                    per_10k_passages=rate,
                    all_passages=base,
                )
            )
        result.series.append(
            TrendSeries(
                query=counts.query, points=points, total=counts.total, message=counts.message
            )
        )
    return result


__all__ += ["DateError"]
