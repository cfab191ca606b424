"""Per-searcher lookups by index document number (document, date, source, kinds), the date
window of a search, and facet counts.

Each lookup is read from the index's columns on first use and kept until the next commit.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import NDArray
from whoosh.searching import Searcher

from wpk_archive.core.search import whoosh_private as wp
from wpk_archive.core.search.evaluate import PostingArrays
from wpk_archive.core.search.fields import split_key
from wpk_archive.core.validation import parse_date_value


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
        days = np.array([_last_day(d) if d else -1 for d in values], np.int64)
        return days[codes] if codes.size else np.zeros(0, dtype=np.int64)

    def within(self, ids: NDArray[np.int64], window: DateWindow) -> NDArray[np.bool_]:
        """Which passages' article dates lie wholly in the window (at their own precision):
        the same rule as :meth:`.query.QueryReader.date_filter`, checked on the matches.
        Undated passages never do."""
        first, last = self.day[ids], self.last_day[ids]
        keep = first >= 0
        if window.first is not None:
            keep &= first >= window.first
        if window.last is not None:
            keep &= last <= window.last
        return keep

    @cached_property
    def _year_codes(self) -> tuple[NDArray[np.int64], list[str]]:
        codes, values = self._dates
        years = sorted({d[:4] or "undated" for d in values})
        position = {y: i for i, y in enumerate(years)}
        mapping = np.array([position[d[:4] or "undated"] for d in values], dtype=np.int64)
        return (mapping[codes] if codes.size else codes), years

    @cached_property
    def kind_ids(self) -> dict[str, NDArray[np.int64]]:
        """Passages naming each event kind."""
        found = {}
        for term in self._reader.lexicon("kind"):
            raw = term if isinstance(term, bytes) else str(term).encode("utf-8")
            found[raw.decode("utf-8")] = self.arrays.postings("kind", raw)[0]
        return found

    def passage_keys(self) -> list[tuple[str, int]]:
        """(document id, passage) of every live docnum, in docnum order."""
        keys: list[tuple[str, int]] = []
        alive = self.arrays.alive
        for leaf, offset in self.arrays.leaves:
            for i, pid in enumerate(wp.stored_pids(leaf)):
                if alive[offset + i]:
                    keys.append(split_key(pid) if pid is not None else ("", -1))
        return keys

    def passage_kinds(self) -> dict[tuple[str, int], set[str]]:
        """The event kinds of each passage indexed with any."""
        found: dict[tuple[str, int], set[str]] = {}
        for kind, ids in self.kind_ids.items():
            for docnum in ids.tolist():
                found.setdefault(split_key(self.arrays.pid(docnum)), set()).add(kind)
        return found

    def facets(self, ids: NDArray[np.int64]) -> dict[str, dict[str, int]]:
        """Counts of the passages ``ids`` by year, event kind and source."""
        year_codes, years = self._year_codes
        by_year = np.bincount(year_codes[ids], minlength=len(years))
        src_codes, sources = self.src
        by_src = np.bincount(src_codes[ids], minlength=len(sources))
        kinds = {
            k: int(np.intersect1d(ids, kind_ids, assume_unique=True).size)
            for k, kind_ids in self.kind_ids.items()
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


def pad(date: str, *, low: bool) -> str:
    """An ISO date at any precision as the first (or last) day it can mean."""
    if len(date) == 4:
        return date + ("-01-01" if low else "-12-31")
    if len(date) == 7:
        return date + ("-01" if low else "-31")
    return date


def _last_day(date: str) -> int:
    """The last day (YYYYMMDD) a stored date at any precision covers."""
    try:
        return date_bound(date, low=False)
    except DateError:  # a date stored before dates were checked: its padded form
        return day_number(pad(date, low=False))


class DateError(ValueError):
    """A date the archive cannot read (the message says how to write one)."""


DATE_HELP = "write YYYY, YYYY-MM or YYYY-MM-DD (date:2012, date:2012-04, date:[2012 TO 2016])"


def _as_number(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def date_bound(value: str, *, low: bool, exclusive: bool = False) -> int:
    """The first (``low``) or last day, as YYYYMMDD, that a date at any precision allows as a
    bound; an ``exclusive`` bound leaves out the whole of its year, month or day."""
    text = parse_date_value(value)
    if text is None:
        raise DateError(f"Cannot read the date {value.strip()!r}: {DATE_HELP}.")
    year = int(text[:4])
    month = int(text[5:7]) if len(text) >= 7 else None
    day = int(text[8:10]) if len(text) == 10 else None
    first = dt.date(year, month or 1, day or 1)
    if day is not None:
        last = first
    elif month is not None:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
    else:
        last = dt.date(year, 12, 31)
    if exclusive:
        try:
            return _as_number(last + dt.timedelta(days=1) if low else first - dt.timedelta(days=1))
        except OverflowError:
            return 99991232 if low else 0
    return _as_number(first if low else last)


@dataclass(frozen=True)
class DateWindow:
    """Publication days a search keeps: first..last as YYYYMMDD, inclusive (None: open)."""

    first: int | None = None
    last: int | None = None

    @classmethod
    def of(
        cls,
        date_from: str | None,
        date_to: str | None,
        *,
        exclusive: tuple[bool, bool] = (False, False),
    ) -> DateWindow:
        """The window from date bounds at any precision (empty strings and None: open);
        raises DateError for a date that cannot be read or does not exist."""
        first = date_bound(date_from, low=True, exclusive=exclusive[0]) if date_from else None
        last = date_bound(date_to, low=False, exclusive=exclusive[1]) if date_to else None
        return cls(first, last)

    def __and__(self, other: DateWindow) -> DateWindow:
        firsts = [d for d in (self.first, other.first) if d is not None]
        lasts = [d for d in (self.last, other.last) if d is not None]
        return DateWindow(max(firsts) if firsts else None, min(lasts) if lasts else None)

    @property
    def is_open(self) -> bool:
        """True when the window keeps every dated and undated passage."""
        return self.first is None and self.last is None

    def ymd(self) -> tuple[tuple[int, int, int] | None, tuple[int, int, int] | None]:
        """The bounds as (year, month, day) tuples."""
        return tuple(  # type: ignore[return-value]
            None if d is None else (d // 10000, d // 100 % 100, d % 100)
            for d in (self.first, self.last)
        )
