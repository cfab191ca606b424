"""The reading commands of ``wpk-archive``: search, show, diff, timeline, dates, summary (their
JSON shapes are defined in :mod:`wpk_archive.core.shapes`)."""

from __future__ import annotations

import argparse
import sys

from wpk_archive.cli.terminal import Styled, find_document, plain, print, print_json
from wpk_archive.core import shapes
from wpk_archive.core.archive import Archive
from wpk_archive.core.dates import date_mention_to_json
from wpk_archive.core.models import Snippet
from wpk_archive.core.timeline import event_to_json
from wpk_archive.core.validation import parse_date_value


def _terminal_marks(snippet: Snippet, tty: bool) -> Styled:
    """A snippet for a terminal: matches bold on a tty, **word** otherwise; the document's own
    text made safe first (see :func:`plain`)."""
    if tty:
        return Styled(snippet.render(lambda t: f"\x1b[1;33m{plain(t)}\x1b[0m", plain))
    return Styled(snippet.render(lambda t: f"**{plain(t)}**", plain))


def _search(archive: Archive, args: argparse.Namespace) -> int:
    result = archive.search(
        args.query,
        limit=args.limit,
        offset=max(0, args.page - 1) * args.limit,
        date_from=args.date_from,
        date_to=args.date_to,
        sort="date" if args.sort == "newest" else args.sort,
        facets=args.facets,
    )
    if result.message:
        print(result.message, file=sys.stderr)
    for notice in archive.take_notices():
        print(notice, file=sys.stderr)
    if result.suggestion:
        print(f"Did you mean: {result.suggestion}", file=sys.stderr)
    if args.json:
        print_json(shapes.search_json(result, facets=args.facets))
        return 0
    tty = sys.stdout.isatty()
    print(f"{result.total} matching passage(s) for {result.query!r}")
    for name, counts in result.facets.items():
        top = ", ".join(f"{k} {v}" for k, v in list(counts.items())[:12])
        print(f"  by {name}: {top}")
    for h in result.hits:
        print(f"\n{h.title} ({h.date or 'undated'})  [{h.doc_id} ¶{h.passage}]")
        print(Styled("  " + _terminal_marks(h.snippet, tty)))
    return 0


def _show(archive: Archive, args: argparse.Namespace) -> int:
    doc = find_document(archive, args.doc_id)
    if doc is None:
        return 1
    revisions = archive.revisions(doc.id)
    duplicates = archive.duplicates(doc.id)
    removed = archive.removed_at(doc.id)
    if args.json:
        print_json(
            shapes.document_json(
                doc, revisions=revisions, duplicates=duplicates, removed_at_source=removed
            )
        )
        return 0
    print(doc.title)
    print(" · ".join(x for x in (doc.author, doc.date or "undated", doc.source, doc.url) if x))
    print(f"id {doc.id}")
    if len(revisions) > 1:
        print(f"revision {revisions[-1].id} of {len(revisions)} (wpk-archive diff {doc.id})")
    if removed:
        print(f"removed at source (found gone {removed})")
    if duplicates:
        titles = archive.document_titles(duplicates)
        print("also published as: " + "; ".join(f"{titles.get(d, d)} [{d}]" for d in duplicates))
    print()
    for p in doc.passages:
        page = f" (p. {p.page})" if p.page is not None else ""
        print(f"[{p.ordinal}]{page} {p.text}\n")
    return 0


def _diff(archive: Archive, args: argparse.Namespace) -> int:
    doc = find_document(archive, args.doc_id)
    if doc is None:
        return 1
    old, new, runs = archive.diff(doc.id, args.from_rev, args.to_rev)
    if args.json:
        print_json(shapes.diff_json(doc.id, old, new, runs))  # type: ignore[arg-type]
        return 0
    tty = sys.stdout.isatty()
    print(f"{doc.title}: revision {old.id} ({old.imported_at}) -> {new.id} ({new.imported_at})")
    changed = [(op, text) for op, text in runs if op != "="]
    if not changed:
        print("no words changed")
    for op, text in changed:
        if tty:
            colour = "31" if op == "-" else "32"
            print(Styled(f"\x1b[{colour}m{op} {plain(text)}\x1b[0m"))
        else:
            print(f"{op} {text}")
    return 0


def _timeline(archive: Archive, args: argparse.Namespace) -> int:
    events = archive.timeline(
        kind=args.kind,
        date_from=args.date_from,
        date_to=args.date_to,
        rejected=args.rejected,
        reference=args.all,
    )
    if args.json:
        print_json([event_to_json(e) for e in events])
        return 0
    for e in events:
        when = e.start or "undated"
        if e.end and e.end != e.start:
            when += f" – {e.end}"
        marks = []
        if e.year_inferred:
            marks.append("year inferred")
        if e.date_basis == "chronology":
            marks.append("date from the reference chronology")
        if e.status in ("announced", "postponed"):
            marks.append(e.status)
        if e.conflicting_dates:
            marks.append("sources also say " + ", ".join(e.conflicting_dates))
        mark = f" ({'; '.join(marks)})" if marks else ""
        count = "reference only" if e.reference_only else f"{len(e.sources)} source(s)"
        resent = len(e.sources) - (e.independent_sources or len(e.sources))
        if resent > 0 and not e.reference_only:  # a re-sent story counts once
            count = f"{len(e.sources) - resent} source(s), +{resent} re-sent"
        print(f"{when:<24} {e.kind:<22} {e.name}{mark}  [{count}]")
    return 0


def dates(args: argparse.Namespace) -> int:
    """``wpk-archive dates [TEXT] [--date D]``: the date mentions read in a text."""
    from wpk_archive.core.dates import find_dates

    if args.date is not None and (parse_date_value(args.date) or "").count("-") != 2:
        print(
            f"wpk-archive: --date {args.date!r} is not a date (write YYYY-MM-DD)", file=sys.stderr
        )
        return 2
    text = args.text if args.text is not None else sys.stdin.read()
    mentions = find_dates(text, doc_date=args.date)
    if args.json:
        print_json([date_mention_to_json(m) for m in mentions])
        return 0
    for m in mentions:
        when = m.start_date if m.end_date == m.start_date else f"{m.start_date} – {m.end_date}"
        inferred = ", year from the publication date" if m.year_inferred else ""
        print(f"{m.start:>6}-{m.end:<6} {when:<24} {m.precision}{inferred}  «{m.text}»")
    return 0


def _summary(archive: Archive, args: argparse.Namespace) -> int:
    doc = find_document(archive, args.doc_id)
    if doc is None:
        return 1
    if args.set_file:
        try:
            text = args.set_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"wpk-archive: cannot read {args.set_file}: {exc}", file=sys.stderr)
            return 1
        archive.set_user_summary(doc.id, text.strip())
        print(f"saved your summary of {doc.id}", file=sys.stderr)
    summary = archive.summary(doc.id)
    assert summary is not None
    if args.json:
        print_json(shapes.summary_json(doc.id, summary))
        return 0
    print(doc.title + "\n")
    if summary.user_text is not None:
        note = " (written for an earlier version of the text)" if summary.user_outdated else ""
        print(f"Your summary, {summary.user_updated_at}{note}:\n{summary.user_text}\n")
        print("Automatic summary:")
    for s in summary.auto:
        print(f"- {s.text}  [¶{s.passage}]")
    return 0


COMMANDS = {
    "search": _search,
    "show": _show,
    "diff": _diff,
    "timeline": _timeline,
    "summary": _summary,
}
