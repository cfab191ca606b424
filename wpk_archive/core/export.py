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
from wpk_archive.core.timeline import event_to_json

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


def timeline_csv(events: Iterable[Event]) -> str:
    """One row per event source: the event, then where it is said (so every row is citable)."""
    out = io.StringIO()
    writer = csv.writer(out)
    cells = csv_cell
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
        ]
    )
    for e in events:
        for s in e.sources or []:
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
            ]
            writer.writerow([cells(value) for value in row])
    return out.getvalue()


def timeline_json(events: Iterable[Event]) -> str:
    """The same JSON list that ``wpk-archive timeline --json`` prints."""
    return json.dumps([event_to_json(e) for e in events], ensure_ascii=False, indent=2) + "\n"


def timeline_markdown(events: Iterable[Event], titles: dict[str, str] | None = None) -> str:
    """A readable chronology: one bullet per event, its sources quoted beneath."""
    lines = ["# Timeline", ""]
    for e in events:
        when = e.start or "undated"
        if e.end and e.end != e.start:
            when += f" – {e.end}"
        inferred = " (year inferred)" if e.year_inferred else ""
        lines.append(f"- **{md_text(when)}**{inferred} — {md_text(e.name)} _({md_text(e.kind)})_")
        for s in e.sources:
            title = (titles or {}).get(s.doc_id, s.doc_id)
            lines.append(f"  - {md_text(title)}, ¶{s.passage}: “{md_text(_one_line(s.quote))}”")
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def timeline_export(events: list[Event], fmt: str, titles: dict[str, str] | None = None) -> str:
    """The timeline in one of :data:`TIMELINE_FORMATS`."""
    if fmt == "csv":
        return timeline_csv(events)
    if fmt == "json":
        return timeline_json(events)
    if fmt == "md":
        return timeline_markdown(events, titles)
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
