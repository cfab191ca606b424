"""The analysts' commands of ``wpk-archive`` (issue #17): people and their printed lists, a
query's frequency over time, keyword-in-context, and search results exported whole.

    wpk-archive people [--json]
    wpk-archive person NAME_OR_ID [--json]
    wpk-archive person split NAME_OR_ID --label L [--office REGEX] [--since D] [--until D]
                                        [--doc DOC_ID ...] [--anchor DOC_ID:OFFSET ...]
    wpk-archive person splits [--json]   |   person unsplit SPLIT_ID
    wpk-archive lists [--doc DOC_ID] [--json]
    wpk-archive compare-lists LIST_A LIST_B [--json]
    wpk-archive trend QUERY [QUERY ...] [--by month|year] [--from D] [--to D] [--json]
    wpk-archive kwic QUERY [--width N] [--from D] [--to D] [--sort S] [--json]
    wpk-archive export search QUERY FILE [--format csv|json] [--from D] [--to D] [--sort S]

A thin layer over :class:`wpk_archive.core.archive.Archive`, like the rest of :mod:`wpk_archive.cli`
(its terminal-safe ``print`` and JSON writer); the JSON shapes are defined in core.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from wpk_archive.cli.terminal import print, print_json
from wpk_archive.core import shapes
from wpk_archive.core.archive import Archive, ArchiveError
from wpk_archive.core.people import days_absent
from wpk_archive.core.result_export import HIT_FORMATS, export_hits, kwic_lines


def _sort(value: str) -> Any:
    return "date" if value == "newest" else value


# -- people ---------------------------------------------------------------------------------


def _people(archive: Archive, args: argparse.Namespace) -> int:
    found = archive.people()
    if args.json:
        print_json(shapes.people_json(found))
        return 0
    newest = archive.newest_date()
    today = date.fromisoformat(newest[:10]) if newest and len(newest) >= 10 else date.today()
    print(f"{len(found)} people (days absent counted to {today.isoformat()})")
    for p in found:
        absent = days_absent(p, today)
        office = p.offices[-1].title if p.offices else ""
        print(
            f"{p.name:<32} {len(p.appearances):>5}  {p.first_seen or '?':<10} – "
            f"{p.last_seen or '?':<10} {'' if absent is None else f'{absent:>6}d'}  "
            f"{office[:60]}  [{p.id}]"
        )
    return 0


def _person(archive: Archive, args: argparse.Namespace) -> int:
    verb, rest = args.words[0], args.words[1:]
    if verb == "split" and rest:
        return _split(archive, args, " ".join(rest))
    if verb == "splits" and not rest:
        return _splits(archive, args)
    if verb == "unsplit" and len(rest) == 1:
        if not rest[0].isdigit():
            raise ArchiveError(f"unsplit takes a split's number, not {rest[0]!r}")
        archive.remove_person_split(int(rest[0]))
        print(f"split {rest[0]} undone")
        return 0
    detail = archive.person_detail(" ".join(args.words))
    if args.json:
        print_json(detail)
        return 0
    print(f"{detail['name']}  [{detail['id']}]")
    if len(detail["variants"]) > 1:
        print("  also written: " + ", ".join(detail["variants"][1:]))
    print(f"  seen {detail['first_seen'] or '?'} – {detail['last_seen'] or '?'}")
    for office in detail["offices"]:
        print(f"  office: {office['title']} ({office['first_seen']} – {office['last_seen']})")
    print(f"  {len(detail['appearances'])} appearance(s):")
    for a in detail["appearances"]:
        where = (
            f"{a['list_position']}/{a['list_length']} in {a['list_kind']}"
            if a["list_position"] is not None
            else "outside a list"
        )
        office = f"  {a['office']}" if a["office"] else ""
        event = f"  event {a['event_id']}" if a["event_id"] else ""
        print(
            f"  {a['date'] or 'undated':<10} {a['doc_id']} ¶{a['passage']:<3} {where}{office}{event}"
        )
    return 0


def _split(archive: Archive, args: argparse.Namespace, name: str) -> int:
    if not args.label:
        raise ArchiveError("say --label: what tells the other person apart (e.g. 'diplomat')")
    anchors = []
    for anchor in args.anchor:
        doc_id, _, offset = anchor.rpartition(":")
        if not doc_id or not offset.isdigit():
            raise ArchiveError(f"--anchor takes DOC_ID:OFFSET (see person --json), not {anchor!r}")
        anchors.append((doc_id, int(offset)))
    split_id = archive.split_person(
        name,
        args.label,
        office=args.office,
        since=args.since,
        until=args.until,
        doc_ids=args.doc,
        anchors=anchors,
    )
    parts = [p for p in archive.people() if p.key == archive.person(name).key]
    if args.json:
        print_json({"split": split_id, "people": shapes.people_json(parts)})
        return 0
    print(f"split {split_id} recorded (kept through every re-extraction); now:")
    for p in parts:
        print(f"  {p.name}: {len(p.appearances)} appearance(s)  [{p.id}]")
    return 0


def _splits(archive: Archive, args: argparse.Namespace) -> int:
    rows = archive.person_splits()
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("no splits")
    for row in rows:
        state = "" if row["active"] else "  (undone)"
        print(f"#{row['id']} {row['created_at']}  {json.dumps(row['rule'])}{state}")
    return 0


def _lists(archive: Archive, args: argparse.Namespace) -> int:
    found = archive.printed_lists()
    if args.doc:
        doc = archive.document(args.doc)
        if doc is None:
            raise ArchiveError(f"no document {args.doc}")
        found = [item for item in found if item.doc_id == doc.id]
    if args.json:
        print_json([item.to_json() for item in found])
        return 0
    for item in found:
        print(
            f"{item.list_id:<22} {item.date or 'undated':<10} {item.kind or '':<17} "
            f"{item.length:>4} names  {item.title[:60]}"
        )
    return 0


def _compare(archive: Archive, args: argparse.Namespace) -> int:
    result = archive.compare_lists(args.list_a, args.list_b)
    if args.json:
        print_json(result)
        return 0
    for side in ("a", "b"):
        h = result[side]
        print(
            f"{side.upper()}: {h['date'] or 'undated'} {h['title']} — {h['kind']}, "
            f"{h['length']} names  [{h['list_id']}]"
        )
    for group, title in (
        ("moved_up", "moved up"),
        ("moved_down", "moved down"),
        ("new", "new in B"),
        ("missing", "missing from B"),
        ("same", "same rank"),
    ):
        entries = result[group]
        print(f"\n{title} ({len(entries)}):")
        for e in entries:
            print(f"  {e['name']:<28} {_pos(e['position_a'])} → {_pos(e['position_b'])}")
    return 0


def _pos(value: int | None) -> str:
    return "—" if value is None else f"{value:>3}"


# -- trends, KWIC, exports ------------------------------------------------------------------


def _trend(archive: Archive, args: argparse.Namespace) -> int:
    result = archive.trend(args.queries, by=args.by, date_from=args.date_from, date_to=args.date_to)
    for series in result.series:
        if series.message:
            print(f"{series.query}: {series.message}", file=sys.stderr)
    if args.json:
        print_json(result.to_json())
        return 0
    for series in result.series:
        print(f"{series.query!r} by {result.by}: {series.total} matching passage(s)")
        for p in series.points:
            if not p.passages and p.per_10k_passages is None:
                continue  # no passage at all in the archive that period
            rate = "" if p.per_10k_passages is None else f"{p.per_10k_passages:>9.2f} per 10k"
            print(f"  {p.period:<8} {p.passages:>6} passages {p.documents:>6} docs {rate}")
    return 0


def _kwic(archive: Archive, args: argparse.Namespace) -> int:
    result = archive.search_all(
        args.query, date_from=args.date_from, date_to=args.date_to, sort=_sort(args.sort)
    )
    if result.message:
        print(result.message, file=sys.stderr)
    width = max(10, min(args.width, 400))
    lines = kwic_lines(result.hits, width)
    if args.json:
        print_json(
            {"query": result.query, "total": result.total, "lines": [x.to_json() for x in lines]}
        )
        return 0
    for line in lines:
        print(
            f"{line.left:>{width + 1}}[{line.keyword}]{line.right:<{width + 1}}  "
            f"{line.date or 'undated'} {line.doc_id} ¶{line.passage}"
        )
    print(f"{len(lines)} match(es) in {result.total} passage(s)", file=sys.stderr)
    return 0


def export_search(archive: Archive, args: argparse.Namespace) -> int:
    """``export search QUERY FILE``: every hit written as CSV or JSON."""
    fmt = args.format or args.file.suffix.lstrip(".").lower()
    if fmt not in HIT_FORMATS:
        print(f"wpk-archive: say --format ({', '.join(HIT_FORMATS)})", file=sys.stderr)
        return 2
    result = archive.search_all(
        args.query, date_from=args.date_from, date_to=args.date_to, sort=_sort(args.sort)
    )
    if result.message:
        print(result.message, file=sys.stderr)
    filters = {"from": args.date_from, "to": args.date_to, "sort": args.sort}
    text = export_hits(fmt, result.query, result.hits, total=result.total, filters=filters)
    try:
        args.file.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"wpk-archive: cannot write {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {len(result.hits)} hit(s) to {args.file}", file=sys.stderr)
    return 0


COMMANDS = {
    "people": _people,
    "person": _person,
    "lists": _lists,
    "compare-lists": _compare,
    "trend": _trend,
    "kwic": _kwic,
}
