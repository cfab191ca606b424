#!/usr/bin/env python
"""What people extraction adds to an import (issue #17 §1): the same 19,873 articles imported
with and without it, alternately, in fresh child processes; wall time and the importing
process's own CPU time (the index is written on the other core, see search/indexer.py).

    bench/people_import_ab.py [--rounds N]

"Without" replaces ``extract_appearances`` by a function that finds nothing: everything else
(timeline, summaries, index) is the same code. CPU time is the steadier figure on a shared
machine; wall time is what the user waits for.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = Path(os.environ.get("WPK_BENCH_CORPUS", str(ROOT.parent / "shared" / "corpus")))
FILES = ("kcna_2011_2012.jsonl.gz", "kcna_2023_2024.jsonl.gz")


def child(people: bool) -> dict[str, float]:
    """One import into a new archive; its wall and CPU seconds."""
    from wpk_archive.core import archive as archive_module
    from wpk_archive.core import people as people_module
    from wpk_archive.core.ingest import read_jsonl

    if not people:
        people_module.extract_appearances = lambda doc: []  # type: ignore[assignment]
    items = []
    for name in FILES:
        with gzip.open(CORPUS / name, "rt", encoding="utf-8") as handle:
            found, _ = read_jsonl(handle.read(), name)
            items.extend(found)
    with tempfile.TemporaryDirectory(prefix="wpk-ab-") as folder:
        archive = archive_module.open_archive(Path(folder) / "a", bundled=False)
        cpu0 = time.process_time()
        wall0 = time.perf_counter()
        archive.import_items(items)
        wall = time.perf_counter() - wall0
        cpu = time.process_time() - cpu0
        appearances = archive._store.count("appearances")
        archive.close()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "wall_s": wall,
        "cpu_s": cpu,
        "indexer_cpu_s": children.ru_utime + children.ru_stime,
        "appearances": appearances,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--child", choices=("on", "off"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child == "on")))
        return 0
    runs: dict[str, list[dict[str, float]]] = {"off": [], "on": []}
    for _ in range(args.rounds):
        for mode in ("off", "on"):
            out = subprocess.run(
                [sys.executable, __file__, "--child", mode],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            result = json.loads(out.stdout.strip().splitlines()[-1])
            runs[mode].append(result)
            print(
                f"people {mode:3}: wall {result['wall_s']:6.2f} s  cpu {result['cpu_s']:6.2f} s  "
                f"indexer cpu {result['indexer_cpu_s']:6.2f} s  appearances {result['appearances']:,}",
                flush=True,
            )
    for key in ("wall_s", "cpu_s"):
        off = statistics.median(r[key] for r in runs["off"])
        on = statistics.median(r[key] for r in runs["on"])
        print(f"median {key}: without {off:.2f}, with {on:.2f} ({(on / off - 1) * 100:+.1f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
