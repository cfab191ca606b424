"""Search benchmark (a script, not a test): p50/p95 of Archive.search with top-20 snippets.

Builds, or reuses from bench/out/ (gitignored), archives of the first 2,000 articles and of all
19,873 articles of ../shared/corpus/*.jsonl.gz, runs the fixed query set of bench/queries.txt and
prints latencies, then compares date-filter representations.

    .venv/bin/python bench/search_bench.py [--only 2000|all] [--rounds 5]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import statistics
import time
from pathlib import Path

from whoosh import query as wq

from wpk_archive.core.archive import Archive, open_archive
from wpk_archive.core.ingest import read_jsonl
from wpk_archive.core.search.lookups import DateWindow

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
CORPUS = HERE.parent.parent / "shared" / "corpus"
FILES = ("kcna_2011_2012.jsonl.gz", "kcna_2023_2024.jsonl.gz")


def build(name: str, limit: int | None) -> Archive:
    folder = OUT / name
    done = folder / "built.ok"
    archive = open_archive(folder)
    if done.exists():
        return archive
    started = time.perf_counter()
    left = limit
    for file in FILES:
        with gzip.open(CORPUS / file, "rt", encoding="utf-8") as fh:
            text = "".join(itertools.islice(fh, left) if left is not None else fh)
        items, _ = read_jsonl(text, file)
        archive.import_items(items)
        if left is not None:
            left -= len(items)
            if left <= 0:
                break
    print(f"built {name}: {archive.stats()} in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    archive.reindex()
    print(f"reindex {name}: {time.perf_counter() - started:.2f} s")
    done.write_text("ok", encoding="utf-8")
    return archive


def read_queries() -> list[tuple[str, dict[str, object]]]:
    queries = []
    for line in (HERE / "queries.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, *opts = line.split("\t")
        kw: dict[str, object] = {}
        for opt in opts:
            key, _, value = opt.partition("=")
            kw[key] = True if key == "facets" else value
        queries.append((text, kw))
    return queries


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def bench(archive: Archive, rounds: int) -> None:
    queries = read_queries()
    started = time.perf_counter()
    archive.search("warm up the searcher")
    print(
        f"  first search (opens the searcher, builds lookups): {1000 * (time.perf_counter() - started):.0f} ms"
    )
    times: list[list[float]] = [[] for _ in queries]
    totals: list[int] = [0 for _ in queries]
    for _ in range(rounds):
        for i, (q, kw) in enumerate(queries):
            t = time.perf_counter()
            result = archive.search(q, limit=20, **kw)  # type: ignore[arg-type]
            times[i].append(1000 * (time.perf_counter() - t))
            totals[i] = result.total
    every = [v for vs in times for v in vs]
    print(f"  all queries x{rounds}: p50 {pct(every, 0.5):.1f} ms, p95 {pct(every, 0.95):.1f} ms")
    for i, (q, kw) in enumerate(queries):
        extra = " ".join(f"{k}={v}" for k, v in kw.items())
        print(f"    {statistics.median(times[i]):7.1f} ms  {totals[i]:6d} hits  {q} {extra}")


def date_filters(archive: Archive, rounds: int) -> None:
    index = archive._index
    base = index.parse("army")
    shapes = {
        "year/month/day keyword terms (date: under OR/NOT)": index.date_filter(
            DateWindow.of("2011-03-15", "2012-06")
        ),
        "TermRange on the ISO date string": wq.TermRange("date", "2011-03-15", "2012-06-99"),
    }
    for label, flt in shapes.items():
        if "TermRange" in label and index.passage_count() > 50_000:
            rounds = 1  # several seconds a query at full size
        times = []
        for _ in range(rounds * 4):
            t = time.perf_counter()
            raw = index.search(wq.And([base, flt]), limit=20)
            times.append(1000 * (time.perf_counter() - t))
        print(
            f"    {label}: p50 {pct(times, 0.5):.1f} ms, p95 {pct(times, 0.95):.1f} ms ({raw.total} hits)"
        )
    times = []
    for _ in range(rounds * 4):
        t = time.perf_counter()
        raw = index.search(base, limit=20, window=DateWindow.of("2011-03-15", "2012-06"))
        times.append(1000 * (time.perf_counter() - t))
    label = "matches checked against per-passage date spans (date_from/date_to, top-level date:)"
    print(
        f"    {label}: p50 {pct(times, 0.5):.1f} ms, p95 {pct(times, 0.95):.1f} ms ({raw.total} hits)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=["2000", "all"])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    for name, limit in (("kcna_2000", 2000), ("kcna_all", None)):
        if args.only and name != f"kcna_{args.only}":
            continue
        archive = build(name, limit)
        print(f"{name}: {archive.stats()}")
        bench(archive, args.rounds)
        print("  date filter, 'army' from 2011-03-15 to 2012-06:")
        date_filters(archive, args.rounds)
        archive.close()


if __name__ == "__main__":
    main()
