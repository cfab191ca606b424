"""Search results out of the archive: every hit (not one page) as CSV or JSON, and the
keyword-in-context (KWIC) lines of every match.

A hit's row holds its article's title, date, source and URL, the passage number, the passage
text and the snippet with the matches marked ``<mark>…</mark>`` (text HTML-escaped, as in
``wpk-archive search --json``). CSV cells are neutralised against formula injection
(:func:`wpk_archive.core.export.csv_cell`).
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from wpk_archive.core.export import csv_cell
from wpk_archive.core.models import Hit, Snippet
from wpk_archive.core.search.highlight import merge_spans

HIT_FORMATS = ("csv", "json")
HIT_COLUMNS = (
    "title", "date", "source", "url", "doc_id", "passage", "text", "snippet",
)  # fmt: skip
KWIC_WIDTH = 60
"""Characters of context on each side of a match."""


def snippet_html(snippet: Snippet) -> str:
    """A snippet as HTML: text escaped, matches in ``<mark>…</mark>``."""
    return snippet.render(
        lambda t: "<mark>" + html.escape(t, quote=False) + "</mark>",
        lambda t: html.escape(t, quote=False),
    )


def hit_row(hit: Hit) -> dict[str, Any]:
    """One hit as an export row (see :data:`HIT_COLUMNS`)."""
    return {
        "title": hit.title,
        "date": hit.date,
        "source": hit.source,
        "url": hit.url,
        "doc_id": hit.doc_id,
        "passage": hit.passage,
        "text": hit.text,
        "snippet": snippet_html(hit.snippet),
    }


def _described(filters: dict[str, Any] | None) -> dict[str, Any]:
    return {k: v for k, v in (filters or {}).items() if v not in (None, "", [], {})}


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
    payload = {
        "query": query,
        "total": total,
        "filters": _described(filters),
        "hits": [hit_row(h) for h in hits],
    }
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
