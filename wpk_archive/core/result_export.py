"""Search results out of the archive: every hit (not one page) as CSV or JSON, and the
keyword-in-context (KWIC) lines of every match.

A hit's row holds its article's title, date, source and URL, the passage number, the passage
text and the snippet with the matches marked ``<mark>…</mark>`` (text HTML-escaped, as in
``wpk-archive search --json``; both shapes are defined in :mod:`wpk_archive.core.shapes`). CSV
cells are neutralised against formula injection (:func:`wpk_archive.core.export.csv_cell`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from wpk_archive.core.export import csv_cell
from wpk_archive.core.models import Hit
from wpk_archive.core.search.highlight import merge_spans
from wpk_archive.core.shapes import HIT_COLUMNS, hit_row, hits_export_json

HIT_FORMATS = ("csv", "json")
KWIC_WIDTH = 60
"""Characters of context on each side of a match."""


def hits_csv(hits: Iterable[Hit]) -> str:
    """Every hit as a CSV row with a header (cells that a spreadsheet would run neutralised)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HIT_COLUMNS)
    for hit in hits:
        row = hit_row(hit)
        writer.writerow([csv_cell("" if row[c] is None else row[c]) for c in HIT_COLUMNS])
    return out.getvalue()


def hits_json(
    query: str, hits: Sequence[Hit], *, total: int, filters: dict[str, Any] | None = None
) -> str:
    """Every hit as JSON: ``{"query", "total", "filters", "hits": [row, ...]}``; ``filters``
    names what narrowed the search (dates, facets, sort), empty when nothing did."""
    payload = hits_export_json(query, hits, total=total, filters=filters)
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def export_hits(
    fmt: str,
    query: str,
    hits: Sequence[Hit],
    *,
    total: int,
    filters: dict[str, Any] | None = None,
) -> str:
    """The hits in one of :data:`HIT_FORMATS`."""
    if fmt == "csv":
        return hits_csv(hits)
    if fmt == "json":
        return hits_json(query, hits, total=total, filters=filters)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(HIT_FORMATS)}")


# -- keyword in context -----------------------------------------------------------------------


@dataclass(frozen=True)
class KwicLine:
    """One match in context: ``left`` and ``right`` are up to ``width`` characters of the
    passage before and after it (whitespace made single spaces, cut at a word; a space between
    them and the match kept);
    ``start``/``end`` the match's offsets in the passage text."""

    doc_id: str
    passage: int
    title: str
    date: str | None
    left: str
    keyword: str
    right: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of one line."""
        return {
            "doc_id": self.doc_id,
            "passage": self.passage,
            "title": self.title,
            "date": self.date,
            "left": self.left,
            "keyword": self.keyword,
            "right": self.right,
            "start": self.start,
            "end": self.end,
        }


def _flat(text: str) -> str:
    return " ".join(text.split())


def _left(text: str, width: int) -> str:
    flat = _flat(text)
    if len(flat) <= width:
        return flat
    cut = flat[-width:]
    space = cut.find(" ")
    return cut[space + 1 :] if 0 <= space < width // 2 else cut


def _right(text: str, width: int) -> str:
    flat = _flat(text)
    if len(flat) <= width:
        return flat
    cut = flat[:width]
    space = cut.rfind(" ")
    return cut[:space] if space > width // 2 else cut


def kwic_lines(hits: Iterable[Hit], width: int = KWIC_WIDTH) -> list[KwicLine]:
    """Every match of every hit in context, in the hits' order and text order within each.

    Context reads ``width`` characters around the match, plus some slack so the cut falls at a
    word (a match at the passage's edge has less)."""
    lines = []
    for hit in hits:
        for a, b in merge_spans(hit.spans):
            text = hit.text
            before = text[max(0, a - width - 20) : a]
            after = text[b : b + width + 20]
            lines.append(
                KwicLine(
                    doc_id=hit.doc_id,
                    passage=hit.passage,
                    title=hit.title,
                    date=hit.date,
                    left=_left(before, width) + (" " if before[-1:].isspace() else "")
                    if before.strip()
                    else "",
                    keyword=_flat(text[a:b]),
                    right=(" " if after[:1].isspace() else "") + _right(after, width)
                    if after.strip()
                    else "",
                    start=a,
                    end=b,
                )
            )
    return lines


def kwic_csv(lines: Iterable[KwicLine]) -> str:
    """KWIC lines as CSV (date, title, doc_id, passage, left, keyword, right)."""
    out = io.StringIO()
    writer = csv.writer(out)
    columns = ("date", "title", "doc_id", "passage", "left", "keyword", "right")
    writer.writerow(columns)
    for line in lines:
        row = line.to_json()
        writer.writerow([csv_cell("" if row[c] is None else row[c]) for c in columns])
    return out.getvalue()
