"""Cost of opening the index (a script, not a test): the signature and file checks at open.

    PYTHONPATH=. .venv/bin/python bench/index_open.py ARCHIVE_FOLDER [--repeats N]

Times, in a fresh process each: opening the archive and its index (``PassageIndex.open``: the
signed table of contents and every file checked, then Whoosh's readers), and the first search
after it. Run it on an archive, then on a copy of the folder (``cp -r``: new inodes, so every
file is hashed once), and with older code for the figure before.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = """
import sys, time
from pathlib import Path
t0 = time.perf_counter()
from wpk_archive.core.archive import open_archive
t1 = time.perf_counter()
archive = open_archive(Path(sys.argv[1]))
t2 = time.perf_counter()
archive._index.open()
t3 = time.perf_counter()
archive.search("rice")
t4 = time.perf_counter()
print((t2 - t1) * 1000, (t3 - t2) * 1000, (t4 - t3) * 1000)
"""


def main() -> int:
    folder = Path(sys.argv[1])
    repeats = int(sys.argv[sys.argv.index("--repeats") + 1]) if "--repeats" in sys.argv else 5
    rows = []
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(folder)], capture_output=True, text=True, check=True
        )
        rows.append([float(x) for x in out.stdout.split()])
    names = ("open_archive", "index open (checks + readers)", "first search")
    result = {n: round(statistics.median(r[i] for r in rows), 1) for i, n in enumerate(names)}
    result["first index open (not median)"] = round(rows[0][1], 1)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
