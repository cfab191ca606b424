"""Date mentions as records (see :mod:`wpk_archive.core.dates`, which re-exports what callers use):
:class:`DateMention` and its JSON shape, ISO date values typed by a user or given as a
publication date, and the news-agency dateline.

Rules:
- a user-typed ISO date at any precision is normalised ("2012-4-5" -> "2012-04-05") and is no
  date when malformed or impossible ("2012-02-30", "2012-13"); a publication date at any
  precision ("2020", "2020-09") stands for its first day, with its precision;
- the dateline ("Pyongyang, April 2 (KCNA) --") is looked for in the first 300 characters only,
  its year from the publication date;
- a mention's basis is "dateline" when its year was inferred, else "text"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from wpk_archive.core.date_parts import M_DATELINE
from wpk_archive.core.date_reckoning import Context, precision_of, read_parts, resolve
from wpk_archive.core.models import Precision


@dataclass(frozen=True)
class DateMention:
    """One date (or date range) named in a text, with its exact span and precision."""

    start: int
    end: int
    text: str
    start_date: str
    end_date: str
    precision: Precision
    year_inferred: bool
    kind: str
    basis: str = "text"


_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][A-Za-z.'’ -]{{1,40}},\s+(?P<body>{M_DATELINE}\s*\d{{1,2}})\s*"
    r"\(\s*[A-Z][A-Za-z-]{1,15}\s*\)\s*(?:--|—|–|-)",
    re.MULTILINE,
)


def parse_iso_day(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD (or longer ISO) string as a date, or None when absent or malformed."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_iso_partial(value: str | None) -> tuple[dt.date | None, str]:
    """A publication date at any precision ("2020", "2020-09", "2020-09-08") as its first day and
    its precision; (None, "day") when absent or malformed."""
    day = parse_iso_day(value)
    if day is not None or not value:
        return day, "day"
    normal = parse_date_value(value)
    if normal is None:
        return None, "day"
    if len(normal) == 4:
        return dt.date(int(normal), 1, 1), "year"
    return dt.date(int(normal[:4]), int(normal[5:7]), 1), "month"


_DATE_VALUE = re.compile(r"\s*([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?\s*")


def parse_date_value(value: str) -> str | None:
    """A user-typed ISO date at any precision ("2012", "2012-04", "2012-04-15") normalised
    ("2012-4-5" -> "2012-04-05"), or None when malformed or impossible ("2012-02-30", "2012-13")."""
    match = _DATE_VALUE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if not 1 <= year <= 9999 or (month is not None and not 1 <= month <= 12):
        return None
    if day is not None:
        try:
            return dt.date(year, month or 1, day).isoformat()
        except ValueError:
            return None
    return f"{year:04d}" if month is None else f"{year:04d}-{month:02d}"


def find_dateline(text: str, *, doc_date: str | None = None) -> DateMention | None:
    """The news-agency dateline of ``text`` ("Pyongyang, April 2 (KCNA) --"), if any.

    Only the first 300 characters are looked at; the year comes from ``doc_date``.
    """
    doc, precision = parse_iso_partial(doc_date)
    match = _DATELINE.search(text[:300])
    if match is None:
        return None
    ctx = Context(doc, doc if precision == "day" else None, doc_precision=precision)
    resolved = resolve(read_parts(match.group("body")), ctx)
    if resolved is None:
        return None
    value, inferred = resolved
    start, end = match.span("body")
    basis = "dateline" if inferred else "text"
    return DateMention(
        start, end, text[start:end], value, value, "day", inferred, "dateline", basis
    )


def overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps any span already taken."""
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def mention_over(
    text: str, start: int, end: int, first: str, last: str, inferred: bool, kind: str
) -> DateMention:
    """A mention over ``text[start:end]``."""
    precision = precision_of(first)
    basis = "dateline" if inferred else "text"
    return DateMention(start, end, text[start:end], first, last, precision, inferred, kind, basis)


def date_mention_to_json(mention: DateMention) -> dict[str, Any]:
    """The JSON form of a date mention (as printed by ``wpk-archive dates --json``): character
    offsets into the text, and dates written as in the timeline."""
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "start_date": mention.start_date,
        "end_date": mention.end_date,
        "precision": mention.precision,
        "year_inferred": mention.year_inferred,
    }
