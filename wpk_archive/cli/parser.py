"""The ``wpk-archive`` command line: its options and commands (the handlers are in the
``commands_*`` modules)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from wpk_archive import __version__
from wpk_archive.core.export import TIMELINE_FORMATS
from wpk_archive.core.models import EVENT_KINDS
from wpk_archive.core.result_export import HIT_FORMATS
from wpk_archive.core.trends import BY

SORTS = ("relevance", "date", "newest", "oldest")


def build_parser() -> argparse.ArgumentParser:
    """The parser of every ``wpk-archive`` command."""
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
    add_export_parsers(export_sub)
    add_parsers(sub)
    return parser


def add_parsers(sub: Any) -> None:
    """The commands of this module, on the ``wpk-archive`` subparsers ``sub``."""
    people = sub.add_parser("people", help="list the officials named in the archive")
    people.add_argument("--json", action="store_true")

    person = sub.add_parser(
        "person",
        help="one person's offices and every appearance; split a name two people share",
        description="NAME_OR_ID | split NAME_OR_ID --label L [conditions] | splits | "
        "unsplit SPLIT_ID",
    )
    person.add_argument("words", nargs="+", metavar="NAME_OR_ID")
    person.add_argument("--json", action="store_true")
    person.add_argument("--label", help="(split) what tells the other person apart")
    person.add_argument("--office", metavar="REGEX", help="(split) appearances with this office")
    person.add_argument("--since", metavar="DATE", help="(split) appearances on/after")
    person.add_argument("--until", metavar="DATE", help="(split) appearances on/before")
    person.add_argument("--doc", action="append", default=[], help="(split) in this document")
    person.add_argument(
        "--anchor", action="append", default=[], metavar="DOC_ID:OFFSET", help="(split) this one"
    )

    lists = sub.add_parser("lists", help="the printed lists of names (ids for compare-lists)")
    lists.add_argument("--doc", help="only the lists of this document")
    lists.add_argument("--json", action="store_true")

    compare = sub.add_parser(
        "compare-lists",
        help="who moved up or down, who is new and who is missing between two printed lists",
    )
    compare.add_argument("list_a", metavar="LIST_A", help="a list id DOC:PASSAGE:N, or DOC:N")
    compare.add_argument("list_b", metavar="LIST_B")
    compare.add_argument("--json", action="store_true")

    trend = sub.add_parser("trend", help="how often queries occur per month or year")
    trend.add_argument("queries", nargs="+", metavar="QUERY")
    trend.add_argument("--by", choices=BY, default="month")
    trend.add_argument("--from", dest="date_from", metavar="DATE", help="published on/after")
    trend.add_argument("--to", dest="date_to", metavar="DATE", help="published on/before")
    trend.add_argument("--json", action="store_true")

    kwic = sub.add_parser("kwic", help="every match of a query in its context, one per line")
    kwic.add_argument("query")
    kwic.add_argument("--width", type=int, default=40, help="characters each side (default 40)")
    kwic.add_argument("--from", dest="date_from", metavar="DATE")
    kwic.add_argument("--to", dest="date_to", metavar="DATE")
    kwic.add_argument("--sort", choices=SORTS, default="date")
    kwic.add_argument("--json", action="store_true")


def add_export_parsers(export_sub: Any) -> None:
    """``export search``, on the ``export`` command's subparsers."""
    ex = export_sub.add_parser("search", help="every hit of a search (CSV or JSON)")
    ex.add_argument("query")
    ex.add_argument("file", type=Path)
    ex.add_argument("--format", choices=HIT_FORMATS, help="default: from the suffix")
    ex.add_argument("--from", dest="date_from", metavar="DATE")
    ex.add_argument("--to", dest="date_to", metavar="DATE")
    ex.add_argument("--sort", choices=SORTS, default="relevance")
