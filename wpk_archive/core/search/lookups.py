"""Per-searcher lookups by index document number (document, date, source, kinds), the date
window of a search, and facet counts.

Each lookup is read from the index's columns on first use and kept until the next commit.
"""

from __future__ import annotations

import re
from functools import cached_property

import numpy as np
from numpy.typing import NDArray
from whoosh.searching import Searcher

from wpk_archive.core.search import whoosh_private as wp
from wpk_archive.core.search.evaluate import PostingArrays

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Lookups:
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
        parts = [wp.column_bytes(sub, name) for sub, _offset in self._reader.leaf_readers()]
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
        days = np.array([day_number(pad(d, low=True)) if d else -1 for d in values], np.int64)
        return days[codes] if codes.size else np.zeros(0, dtype=np.int64)

    @cached_property
    def last_day(self) -> NDArray[np.int64]:
        """The last day each passage's article date covers (YYYYMMDD; -1 when undated)."""
        codes, values = self._dates
        days = np.array([day_number(pad(d, low=False)) if d else -1 for d in values], np.int64)
        return days[codes] if codes.size else np.zeros(0, dtype=np.int64)

    def within(
        self, ids: NDArray[np.int64], date_from: str | None, date_to: str | None
    ) -> NDArray[np.bool_]:
        """Which passages' article dates lie wholly in the range (at their own precision):
        the same rule as :meth:`.query.QueryReader.date_filter`, checked on the matches."""
        lo = parse_bound(date_from, low=True)
        hi = parse_bound(date_to, low=False)
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


def day_number(date: str) -> int:
    """YYYY-MM-DD as the number YYYYMMDD."""
    return int(date[:4]) * 10000 + int(date[5:7]) * 100 + int(date[8:10])


def narrowest(
    a: tuple[str | None, str | None], b: tuple[str | None, str | None]
) -> tuple[str | None, str | None]:
    """The intersection of two date ranges (YYYY[-MM[-DD]] bounds, None = open)."""
    los = [pad(x, low=True) for x in (a[0], b[0]) if x]
    his = [pad(x, low=False) for x in (a[1], b[1]) if x]
    return (max(los) if los else None, min(his) if his else None)


def pad(date: str, *, low: bool) -> str:
    """An ISO date at any precision as the first (or last) day it can mean."""
    if len(date) == 4:
        return date + ("-01-01" if low else "-12-31")
    if len(date) == 7:
        return date + ("-01" if low else "-31")
    return date


def parse_bound(value: str | None, *, low: bool) -> tuple[int, int, int] | None:
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
