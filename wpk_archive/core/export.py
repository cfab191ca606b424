"""Exports: the timeline as CSV, JSON or Markdown; a document with its summary as Markdown, or
as plain blocks of text for a PDF.

Document text is data, never markup, in every export: CSV cells that a spreadsheet would run as
a formula are neutralised, Markdown escapes HTML and its own syntax, and the PDF is laid out from
:func:`document_blocks` (text), never by parsing Markdown or HTML again.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wpk_archive.core.models import Document, Event
from wpk_archive.core.shapes import Headers, source_header, sourced_event_json

if TYPE_CHECKING:
    from wpk_archive.core.archive import Summary

TIMELINE_FORMATS = ("csv", "json", "md")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def csv_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs: text starting like a formula (= + - @, tab, CR,
    also after spaces) gets a leading apostrophe, which spreadsheets show as text."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


def md_text(text: str) -> str:
    """Text for Markdown that shows as typed: HTML escaped (no tag, no entity is read), and
    Markdown's own syntax (emphasis, links, images, code, tables) escaped with backslashes."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


_FILTER_WORDS = {
    "kind": "kind",
    "date_from": "from",
    "date_to": "to",
    "text": "name contains",
    "rejected": "rejected events only",
    "reference": "with the chronology's meetings no document names",
}


def timeline_filter(filters: dict[str, Any] | None) -> dict[str, Any]:
    """The filters that narrowed an exported timeline (``Archive.timeline`` keyword arguments
    left at their defaults dropped): empty when every event is exported."""
    return {k: v for k, v in (filters or {}).items() if v not in (None, "", False)}


def describe_filter(filters: dict[str, Any] | None) -> str:
    """The filters in words ("kind cc_plenary; from 2012"), "" when there is none."""
    parts = []
    for name, value in timeline_filter(filters).items():
        word = _FILTER_WORDS.get(name, name)
        parts.append(word if value is True else f"{word} {value}")
    return "; ".join(parts)


def timeline_csv(
    events: Iterable[Event], headers: Headers | None = None, filters: dict[str, Any] | None = None
) -> str:
    """One row per event source: the event, then where it is said (so every row is citable):
    the source's article title, date and URL, and in every row the filter the export was made
    under (empty when none)."""
    out = io.StringIO()
    writer = csv.writer(out)
    cells = csv_cell
    described = describe_filter(filters)
    writer.writerow(
        [
            "event_id",
            "start",
            "end",
            "precision",
            "year_inferred",
            "kind",
            "name",
            "doc_id",
            "passage",
            "start_offset",
            "end_offset",
            "quote",
            "source_title",
            "source_date",
            "source_url",
            "filter",
        ]
    )
    for e in events:
        for s in e.sources or []:
            header = source_header(headers, s.doc_id)
            row = [
                e.id,
                e.start or "",
                e.end or "",
                e.precision or "",
                int(e.year_inferred),
                e.kind,
                e.name,
                s.doc_id,
                s.passage,
                s.start,
                s.end,
                s.quote,
                header["title"] or "",
                header["date"] or s.doc_date or "",
                header["url"] or "",
                described,
            ]
            writer.writerow([cells(value) for value in row])
    return out.getvalue()


def timeline_json(
    events: Iterable[Event], headers: Headers | None = None, filters: dict[str, Any] | None = None
) -> str:
    """``{"filter", "events"}``: the filter the export was made under (null when none), and the
    events as ``wpk-archive timeline --json`` prints them, each source also with its article's
    ``title`` and ``url``."""
    items = [sourced_event_json(e, headers) for e in events]
    payload = {"filter": timeline_filter(filters) or None, "events": items}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def timeline_markdown(
    events: Iterable[Event],
    titles: dict[str, str] | None = None,
    headers: Headers | None = None,
    filters: dict[str, Any] | None = None,
) -> str:
    """A readable chronology: one bullet per event, its sources quoted beneath (each with its
    article's title, date and URL); the filter it was made under said at the top."""
    described = describe_filter(filters)
    lines = ["# Timeline", ""]
    lines += [f"_Filtered: {md_text(described)}._" if described else "_All events._", ""]
    for e in events:
        when = e.start or "undated"
        if e.end and e.end != e.start:
            when += f" – {e.end}"
        inferred = " (year inferred)" if e.year_inferred else ""
        lines.append(f"- **{md_text(when)}**{inferred} — {md_text(e.name)} _({md_text(e.kind)})_")
        for s in e.sources:
            header = source_header(headers, s.doc_id)
            title = header["title"] or (titles or {}).get(s.doc_id, s.doc_id)
            date = header["date"] or s.doc_date
            where = md_text(title) + (f" ({md_text(date)})" if date else "")
            url = f" — {md_text(header['url'])}" if header["url"] else ""  # text, never a link
            lines.append(f"  - {where}, ¶{s.passage}: “{md_text(_one_line(s.quote))}”{url}")
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def timeline_export(
    events: list[Event],
    fmt: str,
    titles: dict[str, str] | None = None,
    *,
    headers: Headers | None = None,
    filters: dict[str, Any] | None = None,
) -> str:
    """The timeline in one of :data:`TIMELINE_FORMATS`; ``headers`` give each source's title,
    date and URL, ``filters`` (``Archive.timeline`` keyword arguments) what narrowed it."""
    if fmt == "csv":
        return timeline_csv(events, headers, filters)
    if fmt == "json":
        return timeline_json(events, headers, filters)
    if fmt == "md":
        return timeline_markdown(events, titles, headers, filters)
    raise ValueError(f"unknown timeline format {fmt!r}; use one of {', '.join(TIMELINE_FORMATS)}")


@dataclass(frozen=True)
class Block:
    """One block of an exported document: ``kind`` is "title", "meta", "heading", "item" (a
    bullet) or "passage" (a numbered passage, ``number`` set); ``text`` is plain text."""

    kind: str
    text: str
    number: int | None = None


def document_blocks(doc: Document, summary: Summary | None) -> list[Block]:
    """A document with its summary and numbered passages, as plain text blocks (for every
    export format: each renders them, nothing parses them back)."""
    meta = " · ".join(x for x in (doc.date or "undated", doc.source, doc.url) if x)
    blocks = [Block("title", doc.title), Block("meta", meta)]
    if summary is not None:
        if summary.user_text:
            blocks += [Block("heading", "Your summary"), Block("paragraph", summary.user_text)]
        if summary.auto:
            blocks.append(Block("heading", "Summary"))
            blocks += [Block("item", f"{s.text} (¶{s.passage})") for s in summary.auto]
        if summary.events:
            blocks.append(Block("heading", "Events in this article"))
            blocks += [
                Block(
                    "item",
                    f"{g.event.start or 'undated'} — {g.event.name}: {g.user_text or g.auto.text} "
                    f"(¶{g.source.passage})",
                )
                for g in summary.events
            ]
    blocks.append(Block("heading", "Text"))
    blocks += [Block("passage", p.text, p.ordinal) for p in doc.passages]
    return blocks


def document_markdown(doc: Document, summary: Summary | None) -> str:
    """A document with its summary and numbered passages, for sharing or printing (every piece
    of document text escaped: see :func:`md_text`)."""
    lines: list[str] = []
    for block in document_blocks(doc, summary):
        text = md_text(block.text)
        if block.kind == "title":
            lines += [f"# {_one_line(text)}", ""]
        elif block.kind == "meta":
            lines += [f"_{text}_", ""]
        elif block.kind == "heading":
            if lines and lines[-1] != "":
                lines.append("")
            lines += [f"## {text}", ""]
        elif block.kind == "item":
            lines.append(f"- {_one_line(text)}")
        elif block.kind == "passage":
            lines += [f"**{block.number}.** {text}", ""]
        else:
            lines += [text, ""]
    return "\n".join(lines)


def citation(doc: Document, passage: int) -> str:
    """A citation of one passage: author, title, source, date, page (of a PDF) and passage
    number (and URL when known)."""
    parts = [doc.author] if doc.author else []
    parts.append(f"“{doc.title}”")
    if doc.source:
        parts.append(doc.source)
    parts.append(doc.date or "n.d.")
    page = next((p.page for p in doc.passages if p.ordinal == passage), None)
    if page is not None:
        parts.append(f"p. {page}")
    parts.append(f"para. {passage}")
    if doc.url:
        parts.append(doc.url)
    return ", ".join(parts) + "."
