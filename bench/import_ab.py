"""A/B timing of the full corpus import: two checkouts, alternated, wall and CPU time.

    python bench/import_ab.py A_ROOT B_ROOT [--rounds 4]

Each round imports the 19,873 articles of the shared corpus into a new archive once with the
code of A_ROOT and once with B_ROOT (alternating which goes first), each in a child process of
its own (``Archive.import_items`` timed exactly as bench/run.py times it: parsed beforehand,
until every article is committed and searchable). Printed per run: wall seconds, and CPU
seconds of the import itself in the child and its indexing process (user + system). On a shared machine the wall
time moves with the other processes' load; the CPU time much less, so both are shown, with the
minimum and the median of each side.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import gzip, json, resource, sys, time, tempfile, shutil
from pathlib import Path
from wpk_archive.core.ingest import read_jsonl
from wpk_archive.core.archive import open_archive
items = []
for path in sorted(Path(sys.argv[1]).glob("*.jsonl.gz")):
    found, _ = read_jsonl(gzip.decompress(path.read_bytes()).decode("utf-8"), path.name)
    items.extend(found)
folder = Path(tempfile.mkdtemp(prefix="wpk-ab-"))
def cpu():
    mine, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + kids.ru_utime + kids.ru_stime
with open_archive(folder / "archive") as archive:
    started, cpu0 = time.perf_counter(), cpu()
    report = archive.import_items(items)
    took, used = time.perf_counter() - started, cpu() - cpu0
shutil.rmtree(folder)
print(json.dumps({"import_s": took, "cpu_s": used, "added": report.added}))
"""


def run(root: Path, corpus: Path) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(root))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(corpus)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=tempfile.mkdtemp(prefix="wpk-ab-cwd-"),  # (an empty folder: nothing shadows a module)
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    result["load"] = os.getloadavg()[0]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument(
        "--corpus",
        type=Path,
        default=Path(os.environ.get("WPK_BENCH_CORPUS", "/work/shared/corpus")),
    )
    args = parser.parse_args()
    results: dict[str, list[dict[str, float]]] = {"A": [], "B": []}
    for n in range(args.rounds):
        order = [("A", args.a), ("B", args.b)] if n % 2 == 0 else [("B", args.b), ("A", args.a)]
        for name, root in order:
            r = run(root, args.corpus)
            results[name].append(r)
            print(
                f"round {n + 1} {name}: wall {r['import_s']:6.2f} s  cpu {r['cpu_s']:6.2f} s  "
                f"(load {r['load']:.1f}; {int(r['added'])} added)",
                flush=True,
            )
            time.sleep(2)
    for name, root in (("A", args.a), ("B", args.b)):
        walls = [r["import_s"] for r in results[name]]
        cpus = [r["cpu_s"] for r in results[name]]
        print(
            f"{name} {root}: wall min {min(walls):.2f} median {statistics.median(walls):.2f}; "
            f"cpu min {min(cpus):.2f} median {statistics.median(cpus):.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
