"""A meeting's date moved to the year its name gives ("The 1966 party conference, held from 5 to
12 October": October 1966, not the publication year's October)."""

from __future__ import annotations

from dataclasses import replace

from wpk_archive.core.date_carry import shifted
from wpk_archive.core.dates import DateMention


def in_year(date: DateMention, year: str) -> DateMention:
    """``date`` (its year inferred) moved to ``year``, the year its meeting's name gives."""
    start, end = date.start_date, date.end_date
    if start is None or end is None or start[:4] == year:
        return date
    shift = int(year) - int(start[:4])
    return replace(
        date, start_date=shifted(start, shift), end_date=shifted(end, shift), year_inferred=False
    )


__all__ = ["in_year"]
