"""The ``wpk-archive`` command: a thin layer over :class:`wpk_archive.core.archive.Archive`.

With ``--json``, stdout holds only JSON; messages go to stderr.
"""

from __future__ import annotations

import argparse
import builtins
import html
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wpk_archive import __version__, cli_research
from wpk_archive.core.archive import (
    DB_NAME,
    Archive,
    ArchiveError,
    ImportIncomplete,
    StoreDamaged,
    StoreError,
    default_archive_path,
    open_archive,
)
from wpk_archive.core.dates import date_mention_to_json
from wpk_archive.core.export import TIMELINE_FORMATS, document_markdown, timeline_export
from wpk_archive.core.history import revisions_json
from wpk_archive.core.ingest.revisions import diff_to_json
from wpk_archive.core.models import EVENT_KINDS, Document, Snippet
from wpk_archive.core.search.indexer import WORKER_FLAG, worker_main
from wpk_archive.core.store import salvage as store_salvage
from wpk_archive.core.timeline import event_to_json
from wpk_archive.core.validation import date_problem, parse_date_value

# what documents may not send to a terminal: C0 controls but newline and tab (ESC, CR, BEL, BS
# move the cursor or set the window title), DEL, C1 controls (0x9b is CSI), bidi overrides
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)


def _plain(text: str) -> str:
    """``text`` safe for a terminal: control characters shown as '?' (newlines and tabs kept)."""
    return _UNSAFE.sub("?", text)


class _Styled(str):
    """Text already made safe, which may hold this program's own terminal codes."""

    __slots__ = ()


def print(  # every line this module prints goes through the terminal filter
    *values: object, sep: str = " ", end: str = "\n", file: Any = None, flush: bool = False
) -> None:
    """:func:`builtins.print`, with document text made safe for the terminal (see :func:`_plain`)."""
    shown = [v if isinstance(v, _Styled) else _plain(str(v)) for v in values]
    builtins.print(*shown, sep=sep, end=end, file=file, flush=flush)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == [WORKER_FLAG] and len(argv) == 2:  # the built app's indexing process
        return worker_main(argv[1])
    parser = _parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from wpk_archive.selftest import run_self_test

        return run_self_test()
    command = args.command or "gui"
    if command == "dates":  # reads no archive
        return _dates(args)
    for name in ("date_from", "date_to"):  # the same date rule as everywhere else
        value = getattr(args, name, None)
        if value is not None and parse_date_value(value) is None:
            print(f"wpk-archive: --{name[5:]} {date_problem(value)}", file=sys.stderr)
            return 2
    if command == "gui":
        from wpk_archive.ui.app import run

        return run(args.archive, screenshot=getattr(args, "screenshot", None))
    try:
        if command == "doctor":  # opens the store read-only for --check-only, and salvages
            return _doctor(args)
        # a read needs no notice when another program holds the writer's lock, and a write
        # refused for that reason says so in its error
        with open_archive(args.archive) as archive:
            notice = archive.notice or ""
            if archive.held_elsewhere and archive.readonly_reason:
                # beside the app, a read needs no word; a write refused says why in its error
                notice = notice.replace(archive.readonly_reason, "").strip()
            if notice:
                print(notice, file=sys.stderr)
            handler = _COMMANDS[command]
            status = int(handler(archive, args))
            for notice in archive.take_notices():  # raised while the command ran
                print(notice, file=sys.stderr)
            sys.stdout.flush()  # a closed pipe shows here, inside the handler below
            return status
    except BrokenPipeError:
        # the reader of our output went away (``| head``): stop quietly, like any Unix tool;
        # stdout is pointed at devnull so the interpreter's last flush does not complain
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a tool killed by a closed pipe
    except StoreDamaged as exc:
        folder = Path(args.archive).expanduser() if args.archive else default_archive_path()
        if (folder / DB_NAME).exists():
            store_salvage.mark_damaged(folder, exc.reason)
        print(f"wpk-archive: {exc}", file=sys.stderr)
        return 2
    except (ArchiveError, StoreError) as exc:
        print(f"wpk-archive: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("wpk-archive: interrupted", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wpk-archive",
        description="A local research archive of articles on the Workers' Party of Korea.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="check the installation offscreen and exit"
    )
    parser.add_argument(
        "--archive",
        type=Path,
        default=None,
        help="archive folder (default: $WPK_ARCHIVE_HOME, else the platform data directory)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    gui.add_argument("--screenshot", type=Path, help="save a picture of the window and exit")

    imp = sub.add_parser(
        "import",
        help="import files, folders and web pages or feeds (.txt .md .html .jsonl .pdf .docx "
        ".odt .epub .gz .zip, http(s) URLs)",
    )
    imp.add_argument("paths", nargs="+", metavar="PATH_OR_URL")
    imp.add_argument(
        "--ocr", action="store_true", help="read scanned PDFs by OCR (needs tesseract)"
    )

    search = sub.add_parser("search", help="search every passage")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=20, help="passages per page (default 20)")
    search.add_argument("--page", type=int, default=1, help="page number, from 1")
    search.add_argument("--from", dest="date_from", metavar="DATE", help="published on/after")
    search.add_argument("--to", dest="date_to", metavar="DATE", help="published on/before")
    search.add_argument(
        "--sort",
        choices=("relevance", "date", "newest", "oldest"),
        default="relevance",
        help="relevance (default), date or newest (newest first), oldest (oldest first)",
    )
    search.add_argument("--facets", action="store_true", help="counts by year, kind and source")
    search.add_argument("--json", action="store_true")

    show = sub.add_parser("show", help="print a document with numbered passages")
    show.add_argument("doc_id")
    show.add_argument("--json", action="store_true")

    diff = sub.add_parser("diff", help="what changed at the source between two revisions")
    diff.add_argument("doc_id")
    diff.add_argument("--from", dest="from_rev", type=int, metavar="REV")
    diff.add_argument("--to", dest="to_rev", type=int, metavar="REV")
    diff.add_argument("--json", action="store_true")

    tl = sub.add_parser("timeline", help="list timeline events")
    tl.add_argument("--kind", choices=EVENT_KINDS)
    tl.add_argument("--from", dest="date_from", metavar="DATE")
    tl.add_argument("--to", dest="date_to", metavar="DATE")
    tl.add_argument("--rejected", action="store_true", help="list the events you rejected")
    tl.add_argument(
        "--all",
        action="store_true",
        help="also list the reference chronology's meetings that no document names",
    )
    tl.add_argument("--json", action="store_true")

    dates = sub.add_parser(
        "dates", help="print the date mentions read in a text (why a passage is dated so)"
    )
    dates.add_argument("text", nargs="?", help="the text (default: standard input)")
    dates.add_argument("--date", metavar="YYYY-MM-DD", help="the text's publication date")
    dates.add_argument("--json", action="store_true")

    summary = sub.add_parser("summary", help="show or set a document's summary")
    summary.add_argument("doc_id")
    summary.add_argument("--json", action="store_true")
    summary.add_argument("--set-file", type=Path, help="store this file's text as your summary")

    sub.add_parser("reindex", help="rebuild the search index from the store")
    doctor = sub.add_parser("doctor", help="check the archive and repair what is safe to repair")
    doctor.add_argument("--check-only", action="store_true", help="report, change nothing")
    doctor.add_argument(
        "--salvage",
        type=Path,
        metavar="NEW_FOLDER",
        help="copy what is readable of a damaged archive into a new archive folder",
    )
    sub.add_parser(
        "reextract", help="re-run date, event and summary extraction (your own text is kept)"
    )

    event = sub.add_parser(
        "event",
        help="show or correct a timeline event",
        description="EVENT_ID [changes] | new --doc D --passage N --start DATE --name N | "
        "split EVENT_ID --sources KEY,... | join EVENT_ID OTHER_ID",
    )
    event.add_argument("words", nargs="+", metavar="EVENT_ID")
    event.add_argument("--json", action="store_true")
    event.add_argument("--set-gist", metavar="TEXT", help="store your own one-line gist")
    event.add_argument("--set-start", metavar="DATE")
    event.add_argument("--set-end", metavar="DATE")
    event.add_argument("--precision", choices=("day", "month", "year"))
    event.add_argument("--kind", choices=EVENT_KINDS)
    event.add_argument("--name")
    event.add_argument("--reject", action="store_true", help="take it off the timeline")
    event.add_argument("--restore", action="store_true", help="put a rejected event back")
    event.add_argument("--doc", help="(new) the document the event is read from")
    event.add_argument("--passage", type=int, help="(new) the passage that says it")
    event.add_argument("--start", dest="new_start", metavar="DATE", help="(new) its date")
    event.add_argument("--end", dest="new_end", metavar="DATE", help="(new) its end date")
    event.add_argument("--sources", help="(split) source keys DOC:PASSAGE:OFFSET, comma-separated")

    doc = sub.add_parser("doc", help="correct or delete a document")
    doc.add_argument("doc_id")
    doc.add_argument("--title")
    doc.add_argument("--date")
    doc.add_argument("--source")
    doc.add_argument("--url")
    doc.add_argument("--delete", action="store_true")
    doc.add_argument(
        "--separate",
        action="store_true",
        help="it is not a re-send of the documents it is grouped with: split it off",
    )
    doc.add_argument("--export-notes", type=Path, help="(delete) save your notes on it here first")
    doc.add_argument("--yes", action="store_true", help="(delete) your notes on it may be lost")

    corr = sub.add_parser(
        "corrections",
        help="list, export, import or remove your corrections",
        description="list | export FILE | import FILE [--allow-deletes] | remove ID",
    )
    corr.add_argument("action", choices=("list", "export", "import", "remove"))
    corr.add_argument("file", nargs="?", metavar="FILE|ID")
    corr.add_argument(
        "--allow-deletes",
        action="store_true",
        help="(import) also take the file's rows that delete documents",
    )

    notes = sub.add_parser(
        "import-notes", help="restore your summaries and gists from a notes file (of a delete)"
    )
    notes.add_argument("file", type=Path)

    export = sub.add_parser("export", help="export the timeline, a document, or your own text")
    export_sub = export.add_subparsers(dest="what", required=True, metavar="WHAT")
    ex_tl = export_sub.add_parser("timeline", help="the timeline as CSV, JSON or Markdown")
    ex_tl.add_argument("file", type=Path)
    ex_tl.add_argument("--format", choices=TIMELINE_FORMATS, help="default: from the suffix")
    ex_tl.add_argument("--kind", choices=EVENT_KINDS, help="only events of this kind")
    ex_tl.add_argument("--from", dest="date_from", metavar="DATE", help="events on/after")
    ex_tl.add_argument("--to", dest="date_to", metavar="DATE", help="events on/before")
    ex_doc = export_sub.add_parser("document", help="a document with its summary (Markdown)")
    ex_doc.add_argument("doc_id")
    ex_doc.add_argument("file", type=Path)
    ex_user = export_sub.add_parser("user-data", help="your summaries and gists (JSON)")
    ex_user.add_argument("file", type=Path)
    cli_research.add_export_parsers(export_sub)
    cli_research.add_parsers(sub)
    return parser


def _import(archive: Archive, args: argparse.Namespace) -> int:
    def progress(done: int, total: int, name: str) -> None:
        if sys.stderr.isatty():
            line = _Styled(f"\r{done}/{total} {_plain(name[:50]):<50}")
            print(line, end="", file=sys.stderr, flush=True)

    failure: ImportIncomplete | None = None
    urls = [p for p in args.paths if re.match(r"(?i)https?://", p)]
    paths = [Path(p) for p in args.paths if p not in urls]
    try:
        report = archive.import_paths(paths, progress=progress, ocr=args.ocr)
        for url in urls:
            fetched = archive.import_url(url, progress=progress)
            for name in ("added", "updated", "duplicates", "resent", "removed"):
                setattr(report, name, getattr(report, name) + getattr(fetched, name))
            report.refused += fetched.refused
            report.notes += fetched.notes
            report.notices += fetched.notices
    except ImportIncomplete as exc:
        failure, report = exc, exc.report
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for refusal in report.refused:
        print(f"refused: {refusal}", file=sys.stderr)
    for note in report.notes:
        print(f"{note.kind}: {note}", file=sys.stderr)
    for notice in report.notices:
        print(f"wpk-archive: {notice}", file=sys.stderr)
    if failure is not None:
        print(f"wpk-archive: {failure}", file=sys.stderr)
        return 2
    print(report.summary())
    return 0 if report.ok else 1


def _terminal_marks(snippet: Snippet, tty: bool) -> _Styled:
    """A snippet for a terminal: matches bold on a tty, **word** otherwise; the document's own
    text made safe first (see :func:`_plain`)."""
    if tty:
        return _Styled(snippet.render(lambda t: f"\x1b[1;33m{_plain(t)}\x1b[0m", _plain))
    return _Styled(snippet.render(lambda t: f"**{_plain(t)}**", _plain))


def _html_snippet(snippet: Snippet) -> str:
    """A snippet as HTML: text escaped, matches in <mark>…</mark>."""
    return snippet.render(
        lambda t: "<mark>" + html.escape(t, quote=False) + "</mark>",
        lambda t: html.escape(t, quote=False),
    )


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
        payload: dict[str, Any] = {
            "query": result.query,
            "total": result.total,
            "total_documents": result.total_documents,
            "suggestion": result.suggestion,
            "message": result.message,
            "hits": [
                {
                    "doc_id": h.doc_id,
                    "title": h.title,
                    "date": h.date,
                    "passage": h.passage,
                    "text": h.text,
                    "snippet": _html_snippet(h.snippet),
                    "spans": [list(span) for span in h.spans],
                }
                for h in result.hits
            ],
        }
        if args.facets:
            payload["facets"] = result.facets
        _print_json(payload)
        return 0
    tty = sys.stdout.isatty()
    print(f"{result.total} matching passage(s) for {result.query!r}")
    for name, counts in result.facets.items():
        top = ", ".join(f"{k} {v}" for k, v in list(counts.items())[:12])
        print(f"  by {name}: {top}")
    for h in result.hits:
        print(f"\n{h.title} ({h.date or 'undated'})  [{h.doc_id} ¶{h.passage}]")
        print(_Styled("  " + _terminal_marks(h.snippet, tty)))
    return 0


def _find_document(archive: Archive, doc_id: str) -> Document | None:
    """The document (a unique id prefix will do), or None after saying on stderr it is not there."""
    doc = archive.document(doc_id)
    if doc is None:
        print(f"wpk-archive: no document {doc_id!r}", file=sys.stderr)
    return doc


def _show(archive: Archive, args: argparse.Namespace) -> int:
    doc = _find_document(archive, args.doc_id)
    if doc is None:
        return 1
    revisions = archive.revisions(doc.id)
    duplicates = archive.duplicates(doc.id)
    removed = archive.removed_at(doc.id)
    if args.json:
        _print_json(
            {
                "doc_id": doc.id,
                "title": doc.title,
                "date": doc.date,
                "source": doc.source,
                "url": doc.url,
                "author": doc.author,
                "fetched_at": doc.fetched_at,
                "removed_at_source": removed,
                "passages": [
                    {"passage": p.ordinal, "start": p.start, "end": p.end, "text": p.text}
                    | ({"page": p.page} if p.page is not None else {})
                    for p in doc.passages
                ],
                "revisions": revisions_json(revisions),
                "duplicates": duplicates,
            }
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
    doc = _find_document(archive, args.doc_id)
    if doc is None:
        return 1
    old, new, runs = archive.diff(doc.id, args.from_rev, args.to_rev)
    if args.json:
        _print_json(
            {
                "doc_id": doc.id,
                "from": old.to_json(),
                "to": new.to_json(),
            }
            | diff_to_json(runs)  # type: ignore[arg-type]
        )
        return 0
    tty = sys.stdout.isatty()
    print(f"{doc.title}: revision {old.id} ({old.imported_at}) -> {new.id} ({new.imported_at})")
    changed = [(op, text) for op, text in runs if op != "="]
    if not changed:
        print("no words changed")
    for op, text in changed:
        if tty:
            colour = "31" if op == "-" else "32"
            print(_Styled(f"\x1b[{colour}m{op} {_plain(text)}\x1b[0m"))
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
        _print_json([event_to_json(e) for e in events])
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


def _dates(args: argparse.Namespace) -> int:
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
        _print_json([date_mention_to_json(m) for m in mentions])
        return 0
    for m in mentions:
        when = m.start_date if m.end_date == m.start_date else f"{m.start_date} – {m.end_date}"
        inferred = ", year from the publication date" if m.year_inferred else ""
        print(f"{m.start:>6}-{m.end:<6} {when:<24} {m.precision}{inferred}  «{m.text}»")
    return 0


def _summary(archive: Archive, args: argparse.Namespace) -> int:
    doc = _find_document(archive, args.doc_id)
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
    auto = [
        {"text": s.text, "passage": s.passage, "start": s.start, "end": s.end} for s in summary.auto
    ]
    if args.json:
        payload: dict[str, Any] = {
            "doc_id": doc.id,
            "origin": summary.origin,
            "sentences": auto
            if summary.user_text is None
            else [{"text": summary.user_text, "passage": None, "start": None, "end": None}],
            "auto": auto,
        }
        payload["events"] = [
            {
                "event_id": g.event.id,
                "name": g.event.name,
                "text": g.auto.text,
                "passage": g.auto.passage,
                "start": g.auto.start,
                "end": g.auto.end,
                "user_text": g.user_text,
            }
            for g in summary.events
        ]
        if summary.user_text is not None:
            payload["user"] = {
                "text": summary.user_text,
                "updated_at": summary.user_updated_at,
                "written_for_earlier_version": summary.user_outdated,
            }
        _print_json(payload)
        return 0
    print(doc.title + "\n")
    if summary.user_text is not None:
        note = " (written for an earlier version of the text)" if summary.user_outdated else ""
        print(f"Your summary, {summary.user_updated_at}{note}:\n{summary.user_text}\n")
        print("Automatic summary:")
    for s in summary.auto:
        print(f"- {s.text}  [¶{s.passage}]")
    return 0


def _reindex(archive: Archive, args: argparse.Namespace) -> int:
    def progress(done: int, total: int, what: str) -> None:
        if sys.stderr.isatty():
            width = 30
            filled = width * done // max(total, 1)
            bar = "#" * filled + "-" * (width - filled)
            line = _Styled(f"\r[{bar}] {done}/{total} documents")
            print(line, end="", file=sys.stderr, flush=True)

    count = archive.reindex(progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"indexed {count} passages")
    return 0


def _doctor(args: argparse.Namespace) -> int:
    """Check (and repair) the archive; a damaged store gets a verdict, and can be salvaged."""
    folder = Path(args.archive).expanduser() if args.archive else default_archive_path()
    db = folder / DB_NAME
    if args.salvage is not None:
        if not db.exists():
            print(f"wpk-archive: {folder} holds no archive to salvage", file=sys.stderr)
            return 2

        def progress(done: int, total: int, what: str) -> None:
            if sys.stderr.isatty():
                print(_Styled(f"\r{done:,} documents"), end="", file=sys.stderr, flush=True)

        report = store_salvage.salvage(db, args.salvage.expanduser(), progress)
        for line in report.lines():
            print(line)
        return 0
    marked = not args.check_only and db.exists() and store_salvage.damage_mark(folder)
    if marked and store_salvage.verdict(db, count_salvageable=False).ok:
        store_salvage.clear_damage_mark(folder)  # sound again (restored from a backup)
    try:
        with open_archive(folder, readonly=args.check_only and db.exists()) as archive:
            if archive.notice:
                print(archive.notice, file=sys.stderr)
            lines = archive.doctor(repair=not args.check_only)
    except StoreDamaged:
        lines = store_salvage.verdict(db).lines
    for line in lines:
        print(line)
    return 1 if any("FAILED" in line for line in lines) else 0


def _reextract(archive: Archive, args: argparse.Namespace) -> int:
    count = archive.reextract()
    print(f"re-extracted {count} documents; {archive.stats()['events']} events")
    return 0


def _event(archive: Archive, args: argparse.Namespace) -> int:
    words = args.words
    if words[0] == "new":
        if not (args.doc and args.passage and args.name):
            print("wpk-archive: event new needs --doc, --passage and --name", file=sys.stderr)
            return 2
        event_id = archive.add_event(
            doc_id=args.doc,
            passage=args.passage,
            start=args.new_start,
            end=args.new_end,
            name=args.name,
            kind=args.kind or "other",
        ).event_id
        print(event_id)
        return 0
    if words[0] == "join" and len(words) == 3:
        archive.join_events(words[1], words[2])
        print(f"joined {words[2]} into {words[1]}", file=sys.stderr)
        return 0
    if words[0] == "split" and len(words) == 2:
        keys = [k.strip() for k in (args.sources or "").split(",") if k.strip()]
        print(archive.split_event(words[1], keys).event_id)
        return 0
    if len(words) != 1:
        print("wpk-archive: give one EVENT_ID (or: new, split ID, join ID OTHER)", file=sys.stderr)
        return 2
    event = archive.event(words[0])
    if event is None:
        print(f"wpk-archive: no event {words[0]!r}", file=sys.stderr)
        return 1
    changes = _given(
        start=args.set_start,
        end=args.set_end,
        precision=args.precision,
        kind=args.kind,
        name=args.name,
    )
    if changes:
        archive.correct_event(event.id, **changes)
    if args.reject:
        archive.reject_event(event.id)
    if args.restore:
        archive.restore_event(event.id)
    if args.set_gist is not None:
        archive.set_user_event_gist(event.id, args.set_gist.strip())
        print(f"saved your gist of {event.id}", file=sys.stderr)
    event = archive.event(event.id)
    assert event is not None
    gist = archive.user_event_gist(event.id)
    data = event_to_json(event)
    data["user_gist"] = gist
    if args.json:
        _print_json(data)
        return 0
    state = " (rejected)" if event.rejected else ""
    print(f"{event.name}  [{event.id}]{state}")
    print(f"{event.start or 'undated'} – {event.end or ''}  {event.kind}")
    for name, old in event.corrected.items():
        print(f"  corrected {name} (extracted: {old})")
    if gist is not None:
        print(f"Your gist: {gist}")
    for s in event.sources:
        print(f"  {s.doc_id}:{s.passage}:{s.start}  {s.quote}")
    return 0


def _given(**values: Any) -> dict[str, Any]:
    """The options the user gave (those not left as None)."""
    return {name: value for name, value in values.items() if value is not None}


def _doc(archive: Archive, args: argparse.Namespace) -> int:
    doc = _find_document(archive, args.doc_id)
    if doc is None:
        return 1
    if args.delete:
        archive.delete_document(doc.id, export_to=args.export_notes, confirm_loss=args.yes)
        print(f"deleted {doc.id} ({doc.title})", file=sys.stderr)
        return 0
    if args.separate:
        archive.separate_duplicate(doc.id)
        print(f"{doc.id} is no longer grouped with other publications", file=sys.stderr)
    changes = _given(title=args.title, date=args.date, source=args.source, url=args.url)
    if changes:
        archive.correct_document(doc.id, **changes)
    doc = archive.document(doc.id)
    assert doc is not None
    print(f"{doc.title}\n{doc.date or 'undated'} · {doc.source or ''} · {doc.url or ''}")
    return 0


def _corrections(archive: Archive, args: argparse.Namespace) -> int:
    if args.action == "list":
        issues = archive.correction_issues()
        for c in archive.corrections():
            flags = "" if c.active else " [undone]"
            if c.active and c.id in issues:
                flags += f" [{issues[c.id]}]"
            print(_plain(c.describe() + flags))
        return 0
    if args.file is None:
        print(f"wpk-archive: corrections {args.action} needs a FILE", file=sys.stderr)
        return 2
    if args.action == "remove":
        if not args.file.isdigit():
            print("wpk-archive: corrections remove needs a correction number", file=sys.stderr)
            return 2
        archive.remove_correction(int(args.file))
        print(f"removed correction #{int(args.file)}", file=sys.stderr)
        return 0
    path = Path(args.file)
    if args.action == "export":
        text = json.dumps(archive.export_corrections(), ensure_ascii=False, indent=2)
        try:
            path.write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            print(f"wpk-archive: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        print(f"wrote {path}", file=sys.stderr)
        return 0
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not JSON"
        print(_plain(f"wpk-archive: cannot read {path}: {reason or exc}"), file=sys.stderr)
        return 1
    try:
        report = archive.import_corrections(data, allow_deletes=args.allow_deletes)
    except ArchiveError as exc:
        if archive.readonly:
            raise
        print(_plain(f"wpk-archive: refused {path}: {exc}"), file=sys.stderr)
        return 1
    for refusal in report.refused:
        print(_plain(f"refused: {path}: {refusal}"), file=sys.stderr)
    print(report.summary())
    for correction_id, why in archive.correction_issues().items():
        print(_plain(f"correction #{correction_id}: {why}"), file=sys.stderr)
    return 1 if report.refused else 0


def _import_notes(archive: Archive, args: argparse.Namespace) -> int:
    try:
        data = json.loads(args.file.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not JSON"
        print(f"wpk-archive: cannot read {args.file}: {reason or exc}", file=sys.stderr)
        return 1
    try:
        lines = archive.import_notes(data)
    except ArchiveError as exc:
        if archive.readonly:
            raise
        print(f"wpk-archive: refused {args.file}: {exc}", file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    return 0 if all(line.endswith("restored") or ": restored" in line for line in lines) else 1


def _export(archive: Archive, args: argparse.Namespace) -> int:
    if args.what == "search":
        return cli_research.export_search(archive, args)
    if args.what == "timeline":
        fmt = args.format or args.file.suffix.lstrip(".").lower()
        if fmt not in TIMELINE_FORMATS:
            print(f"wpk-archive: say --format ({', '.join(TIMELINE_FORMATS)})", file=sys.stderr)
            return 2
        filters = {"kind": args.kind, "date_from": args.date_from, "date_to": args.date_to}
        events = archive.timeline(**filters)
        headers = archive.document_headers(s.doc_id for e in events for s in e.sources)
        titles = {d: h["title"] for d, h in headers.items()}
        text = timeline_export(events, fmt, titles, headers=headers, filters=filters)
    elif args.what == "document":
        doc = _find_document(archive, args.doc_id)
        if doc is None:
            return 1
        text = document_markdown(doc, archive.summary(doc.id))
    else:
        text = json.dumps(archive.user_data(), ensure_ascii=False, indent=2) + "\n"
    try:
        args.file.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"wpk-archive: cannot write {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {args.file}", file=sys.stderr)
    return 0


def _print_json(payload: Any) -> None:
    """JSON on stdout; characters a terminal would act on are written as \\u escapes."""
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    sys.stdout.write(_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


_COMMANDS = {
    "import": _import,
    "search": _search,
    "show": _show,
    "diff": _diff,
    "timeline": _timeline,
    "summary": _summary,
    "reindex": _reindex,
    "reextract": _reextract,
    "event": _event,
    "export": _export,
    "doc": _doc,
    "corrections": _corrections,
    "import-notes": _import_notes,
    **cli_research.COMMANDS,
}
