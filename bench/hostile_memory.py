"""Peak memory and time of importing one huge paragraph (issue #18: bounded cost per document).

Generates a single-paragraph text file (default 10 MB of news-like sentences, some of them dated
meetings), imports it into a fresh archive with the real command line in a subprocess, and prints
the import's peak resident memory and wall time. ``--shape line`` writes one 10 MB line of words
without any sentence end instead (the other hostile shape).

    python bench/hostile_memory.py [--mb 10] [--shape paragraph|line] [--json]

The peak is ``ru_maxrss`` of the import process and, separately, the largest of its children (the
indexing process of a big import). Not a test: a figure to read (the target is under 1 GB).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORDS = [
    "the",
    "party",
    "congress",
    "plenary",
    "meeting",
    "central",
    "committee",
    "workers",
    "korea",
    "pyongyang",
    "delegates",
    "discussed",
    "agricultural",
    "plan",
    "province",
    "decided",
    "socialist",
    "construction",
    "economy",
    "people",
    "leader",
    "great",
    "achievements",
    "orchard",
    "rice",
    "wheat",
    "factory",
    "steel",
    "year",
    "month",
    "report",
    "session",
    "assembly",
]


def hostile_text(size: int, shape: str, seed: int = 1) -> str:
    """About ``size`` characters: one paragraph of sentences, or one line of bare words."""
    rnd = random.Random(seed)
    out: list[str] = ["A very long report\n\n"]
    n = 0
    while n < size:
        if shape == "line":
            piece = " ".join(rnd.choice(WORDS) for _ in range(50)) + " "
        elif rnd.random() < 0.05:
            piece = (
                f"On April {rnd.randint(1, 28)}, {rnd.randint(1950, 2024)} the "
                f"{rnd.randint(1, 9)}th Congress of the WPK opened in Pyongyang. "
            )
        else:
            words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 30)))
            piece = words.capitalize() + ". "
        out.append(piece)
        n += len(piece)
    return "".join(out)


def main() -> int:
    """Run the measurement; prints the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of the paragraph in MB")
    parser.add_argument("--shape", choices=("paragraph", "line"), default="paragraph")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wpk-hostile-memory-") as scratch:
        folder = Path(scratch)
        source = folder / "huge.txt"
        source.write_text(hostile_text(int(args.mb * 2**20), args.shape), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
        archive = folder / "archive"
        # a fresh archive first (its two bundled articles), so the figure is the import alone
        subprocess.run(
            [sys.executable, "-m", "wpk_archive", "--archive", str(archive), "timeline"],
            env=env, capture_output=True, check=True,
        )  # fmt: skip
        command = [sys.executable, "-m", "wpk_archive", "--archive", str(archive)]
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*command, "import", str(source)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        out = proc.stdout.read().decode() if proc.stdout else ""
        err = proc.stderr.read().decode() if proc.stderr else ""
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        search = subprocess.run(
            [*command, "search", "orchard", "--limit", "3", "--json"],
            env=env, capture_output=True, text=True,
        )  # fmt: skip
        total = json.loads(search.stdout)["total"] if search.returncode == 0 else None
    figures = {
        "input_mb": round(source.stat().st_size / 2**20, 2) if source.exists() else args.mb,
        "shape": args.shape,
        "exit_status": os.waitstatus_to_exitcode(status),
        "import_seconds": round(seconds, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "largest_child_rss_mb": round(children.ru_maxrss / 1024, 1),
        "report": out.strip() or err.strip()[-300:],
        "search_total_after": total,
    }
    if args.json:
        print(json.dumps(figures))
    else:
        for name, value in figures.items():
            print(f"{name}: {value}")
    return 0 if figures["exit_status"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
