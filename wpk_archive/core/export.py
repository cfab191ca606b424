"""Exports: the timeline as CSV, JSON or Markdown; a document with its summary as Markdown."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from wpk_archive.core.models import Document, Event
from wpk_archive.core.timeline import event_to_json

if TYPE_CHECKING:
    from wpk_archive.core.archive import Summary

TIMELINE_FORMATS = ("csv", "json", "md")


def timeline_csv(events: Iterable[Event]) -> str:
    """One row per event source: the event, then where it is said (so every row is citable)."""
    out = io.StringIO()
    writer = csv.writer(out)
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
            writer.writerow(
                [
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
            )
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
        lines.append(f"- **{when}**{inferred} — {e.name} _({e.kind})_")
        for s in e.sources:
            title = (titles or {}).get(s.doc_id, s.doc_id)
            lines.append(f"  - {title}, ¶{s.passage}: “{s.quote}”")
    return "\n".join(lines) + "\n"


def timeline_export(events: list[Event], fmt: str, titles: dict[str, str] | None = None) -> str:
    """The timeline in one of :data:`TIMELINE_FORMATS`."""
    if fmt == "csv":
        return timeline_csv(events)
    if fmt == "json":
        return timeline_json(events)
    if fmt == "md":
        return timeline_markdown(events, titles)
    raise ValueError(f"unknown timeline format {fmt!r}; use one of {', '.join(TIMELINE_FORMATS)}")


def document_markdown(doc: Document, summary: Summary | None) -> str:
    """A document with its summary and numbered passages, for sharing or printing."""
    meta = " · ".join(x for x in (doc.date or "undated", doc.source, doc.url) if x)
    lines = [f"# {doc.title}", "", f"_{meta}_", ""]
    if summary is not None:
        if summary.user_text:
            lines += ["## Your summary", "", summary.user_text, ""]
        if summary.auto:
            lines += ["## Summary", ""]
            lines += [f"- {s.text} (¶{s.passage})" for s in summary.auto]
            lines.append("")
        if summary.events:
            lines += ["## Events in this article", ""]
            lines += [
                f"- {g.event.start or 'undated'} — {g.event.name}: {g.user_text or g.auto.text} "
                f"(¶{g.source.passage})"
                for g in summary.events
            ]
            lines.append("")
    lines += ["## Text", ""]
    for p in doc.passages:
        lines += [f"**{p.ordinal}.** {p.text}", ""]
    return "\n".join(lines)


def citation(doc: Document, passage: int) -> str:
    """A citation of one passage: title, source, date, passage number (and URL when known)."""
    parts = [f"“{doc.title}”"]
    if doc.source:
        parts.append(doc.source)
    parts.append(doc.date or "n.d.")
    parts.append(f"para. {passage}")
    if doc.url:
        parts.append(doc.url)
    return ", ".join(parts) + "."
