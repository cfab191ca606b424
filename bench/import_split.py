"""The corpus import's wall time and the CPU time of its two processes, optionally without the
extraction two later issues added, for attributing an import's cost.

    python bench/import_split.py ROOT [ROOT ...] [--rounds 3] [--without-features]

Each round imports the 19,873 articles of ../shared/corpus once with the code of each ROOT (a
checkout), in a child process of its own, and prints the wall seconds of ``import_items`` and
the CPU seconds of the importer ("self") and of its indexing process ("child"). With
``--without-features``, people extraction (#17) and re-sent-story detection (#16) are switched
off in checkouts that have them: what is left is the work the import did before them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

CHILD = r"""
import gzip, json, resource, shutil, sys, tempfile, time
from pathlib import Path
from wpk_archive.core.archive import open_archive
from wpk_archive.core.ingest import read_jsonl
without = sys.argv[2] == "1"
if without:
    try:  # (checkouts from before people extraction have no such module: nothing to switch off)
        import wpk_archive.core.operations.importing as importing
        class _NoPeople:
            @staticmethod
            def extract_appearances(doc):
                return []
        importing.people = _NoPeople
    except ImportError:
        pass
items = []
for path in sorted(Path(sys.argv[1]).glob("*.jsonl.gz")):
    found, _ = read_jsonl(gzip.decompress(path.read_bytes()).decode("utf-8"), path.name)
    items.extend(found)
folder = Path(tempfile.mkdtemp(prefix="wpk-split-"))
def cpu(who):
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime
with open_archive(folder / "archive") as archive:
    if without and hasattr(archive, "_resent"):
        archive._resent.sign = lambda *a, **k: None
        archive._resent.note_pending = lambda *a, **k: 0
    t, s, c = time.perf_counter(), cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
    archive.import_items(items)
    wall = time.perf_counter() - t
    s, c = cpu(resource.RUSAGE_SELF) - s, cpu(resource.RUSAGE_CHILDREN) - c
shutil.rmtree(folder)
print(json.dumps({"wall": round(wall, 2), "self": round(s, 2), "child": round(c, 2)}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("roots", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--without-features", action="store_true")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"{CORPUS} is absent (the shared KCNA corpus)", file=sys.stderr)
        return 2
    for n in range(args.rounds):
        for root in args.roots:
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(CORPUS), "1" if args.without_features else "0"],
                env=dict(os.environ, PYTHONPATH=str(root.resolve())),
                capture_output=True,
                text=True,
                check=True,
                cwd=tempfile.mkdtemp(prefix="wpk-split-cwd-"),
            )
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"round {n + 1} {root}: {figures}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
