"""Figures for the search defects of issue #15 (a script, not a test): run it on an archive of the
19,873 real articles, before and after a change, and compare what it prints.

    PYTHONPATH=. .venv/bin/python bench/search_defects.py ARCHIVE_FOLDER [--json OUT] [--no-delete]

ARCHIVE_FOLDER is an archive built from ../shared/corpus (bench/run.py leaves one in
bench/out/archives/full; copy it first: the delete measurement removes one document, and a
version change rebuilds the index). Only the public Archive API is used, so the same script runs
against older code (features it lacks are reported as such).
"""

from __future__ import annotations

import argparse
import inspect
import json
import re
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from wpk_archive.core.archive import Archive, open_archive

WORD = r"[\w]+(?:[.'’-][\w]+)*"


def _timed(fn: Any, repeats: int = 3) -> tuple[Any, float]:
    times = []
    result = None
    for _ in range(repeats):
        started = time.perf_counter()
        result = fn()
        times.append(1000 * (time.perf_counter() - started))
    return result, statistics.median(times)


def _key(hit: Any) -> tuple[str, int]:
    return (hit.doc_id, hit.passage)


def paging(archive: Archive, sorts: list[str]) -> dict[str, Any]:
    """Pages of 'Kim Jong Un' (and a few others): do they tile the full ranking?"""
    out: dict[str, Any] = {}
    first = archive.search("Kim Jong Un", limit=50)
    rows = []
    for page in range(3):
        rows.extend(archive.search("Kim Jong Un", limit=50, offset=50 * page).hits)
    out["kim_jong_un_pages_1_3"] = {"rows": len(rows), "distinct": len(set(map(_key, rows)))}
    tops = {n: _key(archive.search("Kim Jong Un", limit=n).hits[0]) for n in (1, 5, 20, 50)}
    out["top_hit_same_for_every_limit"] = len(set(tops.values())) == 1
    scores = {
        n: {_key(h): h.score for h in archive.search("Kim Jong Un", limit=n).hits} for n in (20, 50)
    }
    common = set(scores[20]) & set(scores[50])
    out["scores_equal_whatever_the_limit"] = all(scores[20][k] == scores[50][k] for k in common)
    tiling: dict[str, Any] = {}
    for sort in sorts:
        for query in ("Kim Jong Un", "rice", "congress"):
            full = archive.search(query, limit=first.total + 10, sort=sort)  # type: ignore[arg-type]
            whole = [_key(h) for h in full.hits]
            ok = True
            for size in (7, 20, 50):
                paged: list[tuple[str, int]] = []
                for offset in range(0, min(len(whole), 400), size):
                    page = archive.search(query, limit=size, offset=offset, sort=sort)  # type: ignore[arg-type]
                    paged.extend(map(_key, page.hits))
                ok = ok and paged == whole[: len(paged)]
            tiling[f"{sort}:{query}"] = ok
    out["pages_tile_the_ranking"] = tiling
    del first
    return out


def dates(archive: Archive) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for query in (
        "rice date:foo",
        "rice AND date:1999",
        "rice date:2012-13",
        "rice date:2012-02-30",
        "rice date:2011-02-29",
        "rice date:[2012 TO 2012]",
        "rice date:{2011 TO 2013}",
        "rice date:[2011 TO 2013]",
        "rice",
    ):
        result = archive.search(query, limit=1)
        out[query] = {"total": result.total, "message": result.message}
    return out


def counts(archive: Archive, queries: list[str]) -> dict[str, Any]:
    out = {}
    for query in queries:
        result = archive.search(query, limit=1)
        out[query] = {"total": result.total, "message": result.message}
    return out


def brute(db: Path, pattern: str) -> int:
    """Passages whose text matches ``pattern`` (case-insensitive)."""
    regex = re.compile(pattern, re.IGNORECASE)
    with sqlite3.connect(db) as con:
        return sum(1 for (text,) in con.execute("SELECT text FROM passages") if regex.search(text))


def found_of(archive: Archive, db: Path, query: str, pattern: str) -> dict[str, int]:
    """Of the passages matching ``pattern``, how many ``query`` finds."""
    regex = re.compile(pattern, re.IGNORECASE)
    with sqlite3.connect(db) as con:
        wanted = {
            (d, p)
            for d, p, text in con.execute("SELECT doc_id, ordinal, text FROM passages")
            if regex.search(text)
        }
    result = archive.search(query, limit=200_000)
    got = {_key(h) for h in result.hits}
    return {"passages": len(wanted), "found": len(wanted & got), "query_total": result.total}


def cost(archive: Archive) -> dict[str, Any]:
    out = {}
    for name, query in (
        ("*", "*"),
        ("*:*", "*:*"),
        ("20,000-character word", "a" * 20_000),
        ("20,000-character query", " ".join(["rice"] * 4000)),
        ("20,000-character query of distinct words", " ".join(f"w{i}" for i in range(3200))),
    ):
        result, ms = _timed(lambda q=query: archive.search(q, limit=20), repeats=3)
        out[name] = {"ms": round(ms, 1), "total": result.total, "message": result.message}
    return out


def snippets(archive: Archive) -> dict[str, Any]:
    """Hits whose snippet repeats a fragment, and phrase highlights split by a mark boundary."""
    repeated = 0
    split = 0
    seen = 0
    for query in ("Kim Jong Il", "Kim Jong Un", "rice", '"Central Committee"', "party congress"):
        for hit in archive.search(query, limit=200).hits:
            seen += 1
            snippet = hit.snippet
            if isinstance(snippet, str):  # before: HTML
                html = snippet
                pieces = [p.strip(" .,") for p in html.split("…") if p.strip(" .,")]
                plain = [re.sub(r"</?mark>", "", p) for p in pieces]
            else:  # now: offsets, rendered here as the CLI's --json does
                html = snippet.render(lambda t: f"<mark>{t}</mark>")
                plain = [hit.text[a:b].strip(" .,") for a, b in snippet.fragments]
            if any(a in b or b in a for i, a in enumerate(plain) for b in plain[i + 1 :]):
                repeated += 1
            if query.startswith('"') and "</mark> <mark>" in html:
                split += 1
    return {"hits": seen, "repeated_fragments": repeated, "phrase_marks_split": split}


def delete_cost(archive: Archive) -> dict[str, Any]:
    doc = archive.documents(limit=1, offset=100)[0]
    started = time.perf_counter()
    archive.delete_document(doc["id"], confirm_loss=True)
    ms = 1000 * (time.perf_counter() - started)
    left = archive.search(f'"{doc["title"][:40]}"', limit=1).total
    return {"delete_one_document_ms": round(ms), "doc": doc["id"], "title_phrase_total_after": left}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("archive", type=Path)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--no-delete", action="store_true")
    args = ap.parse_args()
    started = time.perf_counter()
    archive = open_archive(args.archive)
    opened = 1000 * (time.perf_counter() - started)
    started = time.perf_counter()
    archive.search("rice", limit=1)
    first = 1000 * (time.perf_counter() - started)
    db = args.archive / "archive.sqlite"
    sig = inspect.signature(archive.search)
    sorts = ["relevance", "date"]
    try:
        archive.search("rice", sort="oldest", limit=1)  # type: ignore[arg-type]
        sorts.append("oldest")
    except Exception:
        pass
    report: dict[str, Any] = {
        "open_ms": round(opened, 1),
        "first_search_ms": round(first, 1),
        "search_signature": str(sig),
        "paging": paging(archive, sorts),
        "dates": dates(archive),
        "stemming": {
            w: found_of(archive, db, w, rf"(?<![\w'’.-]){f}(?![\w]|[.'’-]\w)")
            for w, f in (
                ("commit", "commit(?:s|ted|ting)?"),
                ("celebrate", "celebrat(?:e|es|ed|ing)"),
                ("escalate", "escalat(?:e|es|ed|ing)"),
                ("plan", "plan(?:s|ned|ning)?"),
            )
        },
        "hyphens": {
            "korean finds inter-Korean": found_of(archive, db, "korean", r"\binter-Korean\b"),
            "north finds north-south": found_of(archive, db, "north", r"\bnorth-south\b"),
            "Kwangmyongsong": found_of(archive, db, "Kwangmyongsong", r"\bKwangmyongsong"),
            '"inter-Korean relations"': found_of(
                archive, db, '"inter-Korean relations"', r"\binter-Korean relations\b"
            ),
        },
        "normalisation": counts(
            archive,
            ["rice", "ｒｉｃｅ", "first", "ﬁrst", '"Central Committee"', "“Central Committee”"],
        ),
        "syntax": counts(
            archive,
            [
                '"rice harvest"',
                '"rice harvest"~3',
                "title:",
                "title: rice",
                "NOT NOT rice",
                "(rice OR wheat)^2",
                "rice OR wheat",
            ],
        ),
        "cost": cost(archive),
        "snippets": snippets(archive),
    }
    if not args.no_delete:
        report["delete"] = delete_cost(archive)
    archive.close()
    text = json.dumps(report, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
