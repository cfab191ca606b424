#!/usr/bin/env python
"""How long a read waits while an import writes (issue #15 §3: reads never queue behind writes).

One process, one archive: a writer thread imports the first 2,000 articles of
kcna_2011_2012.jsonl.gz (``Archive.import_paths``, batches of 500 documents), while a reader
thread reads what the window reads when it scrolls (a page of the timeline, a page of the
document list, the event count), over and over, and times each read. The same reads are first
timed with nothing else running, for comparison.

    python bench/read_wait.py [--articles N] [--json]

Prints the longest and the 99th-percentile read, idle and during the import, in ms. Not a test:
figures on a shared machine are noisy (the reads also share the interpreter with the import).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from wpk_archive.core.archive import Archive, open_archive  # noqa: E402

CORPUS = Path(os.environ.get("WPK_BENCH_CORPUS", "/work/shared/corpus")) / "kcna_2011_2012.jsonl.gz"


def write_subset(target: Path, n: int) -> Path:
    """The first ``n`` articles of the corpus as a JSONL file."""
    with (
        gzip.open(CORPUS, "rt", encoding="utf-8") as lines,
        target.open("w", encoding="utf-8") as out,
    ):
        for i, line in enumerate(lines):
            if i == n:
                break
            out.write(line)
    return target


def one_read(archive: Archive, step: int) -> float:
    """What scrolling reads: a page of events, a page of documents, the count; seconds taken."""
    started = time.perf_counter()
    archive.timeline(limit=200, offset=(step * 37) % 400)
    archive.documents(limit=500, offset=(step * 53) % 1000)
    archive.count_events()
    return time.perf_counter() - started


def figures(samples: list[float]) -> dict[str, float]:
    """max, p99 and median of read times, in ms."""
    ms = sorted(s * 1000 for s in samples)
    if not ms:
        return {"reads": 0, "max_ms": 0.0, "p99_ms": 0.0, "median_ms": 0.0}
    return {
        "reads": len(ms),
        "max_ms": round(ms[-1], 1),
        "p99_ms": round(ms[min(len(ms) - 1, int(len(ms) * 0.99))], 1),
        "median_ms": round(statistics.median(ms), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        feed = write_subset(Path(tmp) / "subset.jsonl", args.articles)
        archive = open_archive(Path(tmp) / "archive")
        idle = [one_read(archive, i) for i in range(50)]
        during: list[float] = []
        finished = threading.Event()
        report: list[object] = []

        def write() -> None:
            try:
                report.append(archive.import_paths([feed]))
            finally:
                finished.set()

        def read() -> None:
            step = 0
            while not finished.is_set():
                during.append(one_read(archive, step))
                step += 1
                time.sleep(0.005)

        writer = threading.Thread(target=write)
        reader = threading.Thread(target=read)
        started = time.perf_counter()
        writer.start()
        reader.start()
        writer.join()
        reader.join()
        import_s = time.perf_counter() - started
        archive.close()
    result = {
        "articles": args.articles,
        "import_s": round(import_s, 1),
        "idle": figures(idle),
        "during_import": figures(during),
    }
    if args.json:
        print(json.dumps(result))
    else:
        d, i = result["during_import"], result["idle"]
        print(f"import of {args.articles} articles: {import_s:.1f} s")
        print(
            f"reads idle:          {i['reads']:5} reads, max {i['max_ms']} ms, p99 {i['p99_ms']} ms"
        )
        print(
            f"reads during import: {d['reads']:5} reads, max {d['max_ms']} ms, p99 {d['p99_ms']} ms, "
            f"median {d['median_ms']} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
