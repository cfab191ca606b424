"""Draw events of the whole-corpus timeline at random, for checking by hand.

    python scripts/timeline_sample.py EVENTS.jsonl [--n 40] [--seed 2026] > table.md

EVENTS.jsonl is what `bench/timeline_corpus.py --list EVENTS.jsonl` writes. Prints a Markdown table
(event, kind, dates, where the date comes from, status, the first source's sentence) with an empty
verdict column to fill in by reading each sentence.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("events", type=Path)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    events = [json.loads(line) for line in args.events.read_text(encoding="utf-8").splitlines()]
    events = [e for e in events if e["kind"] != "other" and not e.get("reference_only")]
    sample = random.Random(args.seed).sample(events, min(args.n, len(events)))
    print("| # | event | dates | basis | status | sources | first source (article date: sentence) | verdict |")
    print("|---|---|---|---|---|---|---|---|")
    for i, e in enumerate(sample, start=1):
        source = e["sources"][0]
        quote = " ".join(source["quote"].split())[:260].replace("|", "/")
        when = e["start"] or "undated"
        if e["end"] and e["end"] != e["start"]:
            when += f" – {e['end']}"
        print(
            f"| {i} | {e['name']} ({e['kind']}) | {when} | {e['date_basis'] or ''} | "
            f"{e['status'] or ''} | {len(e['sources'])} | {source['date']}: {quote} | |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
