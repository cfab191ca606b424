"""The commands of ``wpk-archive`` that change the archive or write files: import, reindex,
doctor, reextract, event, doc, corrections, import-notes, export."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from wpk_archive.cli import commands_research
from wpk_archive.cli.terminal import Styled, find_document, given, plain, print, print_json
from wpk_archive.core import shapes
from wpk_archive.core.archive import (
    DB_NAME,
    Archive,
    ArchiveError,
    ImportIncomplete,
    StoreDamaged,
    default_archive_path,
    open_archive,
)
from wpk_archive.core.export import TIMELINE_FORMATS, document_markdown, timeline_export
from wpk_archive.core.store import damage_marks
from wpk_archive.core.store import salvage as store_salvage


def _import(archive: Archive, args: argparse.Namespace) -> int:
    def progress(done: int, total: int, name: str) -> None:
        if sys.stderr.isatty():
            line = Styled(f"\r{done}/{total} {plain(name[:50]):<50}")
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


def _reindex(archive: Archive, args: argparse.Namespace) -> int:
    def progress(done: int, total: int, what: str) -> None:
        if sys.stderr.isatty():
            width = 30
            filled = width * done // max(total, 1)
            bar = "#" * filled + "-" * (width - filled)
            line = Styled(f"\r[{bar}] {done}/{total} documents")
            print(line, end="", file=sys.stderr, flush=True)

    count = archive.reindex(progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"indexed {count} passages")
    return 0


def doctor(args: argparse.Namespace) -> int:
    """Check (and repair) the archive; a damaged store gets a verdict, and can be salvaged."""
    folder = Path(args.archive).expanduser() if args.archive else default_archive_path()
    db = folder / DB_NAME
    if args.salvage is not None:
        if not db.exists():
            print(f"wpk-archive: {folder} holds no archive to salvage", file=sys.stderr)
            return 2

        def progress(done: int, total: int, what: str) -> None:
            if sys.stderr.isatty():
                print(Styled(f"\r{done:,} documents"), end="", file=sys.stderr, flush=True)

        report = store_salvage.salvage(db, args.salvage.expanduser(), progress)
        for line in report.lines():
            print(line)
        return 0
    marked = not args.check_only and db.exists() and damage_marks.damage_mark(folder)
    if marked and store_salvage.verdict(db, count_salvageable=False).ok:
        damage_marks.clear_damage_mark(folder)  # sound again (restored from a backup)
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
    changes = given(
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
    if args.json:
        print_json(shapes.event_detail_json(event, gist))
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


def _doc(archive: Archive, args: argparse.Namespace) -> int:
    doc = find_document(archive, args.doc_id)
    if doc is None:
        return 1
    if args.delete:
        archive.delete_document(doc.id, export_to=args.export_notes, confirm_loss=args.yes)
        print(f"deleted {doc.id} ({doc.title})", file=sys.stderr)
        return 0
    if args.separate:
        archive.separate_duplicate(doc.id)
        print(f"{doc.id} is no longer grouped with other publications", file=sys.stderr)
    changes = given(title=args.title, date=args.date, source=args.source, url=args.url)
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
            print(plain(c.describe() + flags))
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
        print(plain(f"wpk-archive: cannot read {path}: {reason or exc}"), file=sys.stderr)
        return 1
    try:
        report = archive.import_corrections(data, allow_deletes=args.allow_deletes)
    except ArchiveError as exc:
        if archive.readonly:
            raise
        print(plain(f"wpk-archive: refused {path}: {exc}"), file=sys.stderr)
        return 1
    for refusal in report.refused:
        print(plain(f"refused: {path}: {refusal}"), file=sys.stderr)
    print(report.summary())
    for correction_id, why in archive.correction_issues().items():
        print(plain(f"correction #{correction_id}: {why}"), file=sys.stderr)
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
        return commands_research.export_search(archive, args)
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
        doc = find_document(archive, args.doc_id)
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


COMMANDS = {
    "import": _import,
    "reindex": _reindex,
    "reextract": _reextract,
    "event": _event,
    "export": _export,
    "doc": _doc,
    "corrections": _corrections,
    "import-notes": _import_notes,
}
