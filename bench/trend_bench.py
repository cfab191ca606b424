#!/usr/bin/env python
"""How fast a query's frequency over time is counted (issue #17 §2): a 10-year monthly trend
over the 19,873 KCNA articles. A script that prints figures, not a timed test.

    bench/trend_bench.py [ARCHIVE_FOLDER] [--build] [--repeats N]

ARCHIVE_FOLDER (default bench/out/corpus_archive) is an archive of ../shared/corpus (or
$WPK_BENCH_CORPUS); ``--build`` (re)builds it first (both files, as the importer reads them).

Each measurement opens the archive afresh in this process and times, per query:
- *cold*: the first trend after opening (the index's per-passage date lookups are read then);
- *warm*: the median and the worst of ``--repeats`` further trends.
Trends are monthly over 2015-01..2024-12 (120 months) and over the whole archive (2011-01..
2024-12), for single queries and two overlaid, as the Trends tab asks for them. The search of
one period is timed beside it, for scale.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wpk_archive.core.archive import open_archive  # noqa: E402
from wpk_archive.core.ingest import read_jsonl  # noqa: E402

CORPUS = Path(os.environ.get("WPK_BENCH_CORPUS", str(ROOT.parent / "shared" / "corpus")))
FILES = ("kcna_2011_2012.jsonl.gz", "kcna_2023_2024.jsonl.gz")
QUERIES = (
    "nuclear",
    "Kim Jong Un",
    '"self-reliance"',
    "socialis*",
    '"plenary meeting" OR congress',
    "imperialists NOT U.S.",
)
WINDOWS = (("2015-01", "2024-12"), (None, None))


def build(folder: Path) -> None:
    """An archive of both corpus files (bundled articles left out)."""
    if folder.exists():
        shutil.rmtree(folder)
    items = []
    for name in FILES:
        with gzip.open(CORPUS / name, "rt", encoding="utf-8") as handle:
            found, _ = read_jsonl(handle.read(), name)
            items.extend(found)
    start = time.perf_counter()
    with open_archive(folder, bundled=False) as archive:
        report = archive.import_items(items)
        stats = archive.stats()
    print(f"built {folder}: {report.summary()} in {time.perf_counter() - start:.1f} s; {stats}")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "archive", nargs="?", type=Path, default=ROOT / "bench" / "out" / "corpus_archive"
    )
    ap.add_argument("--build", action="store_true")
    ap.add_argument("--repeats", type=int, default=11)
    args = ap.parse_args()
    if args.build or not (args.archive / "archive.sqlite").exists():
        build(args.archive)
    worst_warm = 0.0
    asks = [[q] for q in QUERIES] + [["nuclear", '"self-reliance"']]
    print(f"{'trend':44} {'window':18} {'cold':>10} {'warm p50':>10} {'warm max':>10}  months")
    for date_from, date_to in WINDOWS:
        for queries in asks:
            with open_archive(args.archive, readonly=True) as archive:
                archive.check_index()
                start = time.perf_counter()
                trend = archive.trend(queries, by="month", date_from=date_from, date_to=date_to)
                cold = time.perf_counter() - start
                warm = []
                for _ in range(args.repeats):
                    start = time.perf_counter()
                    again = archive.trend(queries, by="month", date_from=date_from, date_to=date_to)
                    warm.append(time.perf_counter() - start)
                assert again.to_json() == trend.to_json()
            worst_warm = max(worst_warm, max(warm))
            label = " + ".join(queries)
            window = f"{date_from or 'all'}..{date_to or 'all'}"
            months = len(trend.series[0].points)
            print(
                f"{label[:44]:44} {window:18} {_ms(cold)} {_ms(statistics.median(warm))} "
                f"{_ms(max(warm))}  {months}"
            )
    with open_archive(args.archive, readonly=True) as archive:
        archive.trend(["nuclear"])
        start = time.perf_counter()
        for _ in range(args.repeats):
            archive.search("nuclear", date_from="2012-04-01", date_to="2012-04-30")
        one = (time.perf_counter() - start) / args.repeats
        docs = archive.stats()["documents"]
    print(f"(one search of one month, for scale: {_ms(one)}; {docs:,} documents)")
    print(f"worst warm 10-year monthly trend: {_ms(worst_warm)} (target < 200 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
