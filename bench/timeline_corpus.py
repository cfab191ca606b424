"""Timeline over the whole KCNA corpus: events, undated events, by kind; extraction time.

    bench/timeline_corpus.py [--json] [--list FILE]

Reads ../shared/corpus/*.jsonl.gz the way the importer does (one Document per row), extracts
every document's meeting mentions and merges them. Prints figures; writes the event list to FILE.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wpk_archive.core.chronology import load_chronology  # noqa: E402
from wpk_archive.core.ingest import document_from_text  # noqa: E402
from wpk_archive.core.timeline import event_to_json, extract_mentions, merge_mentions  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--list", type=Path, help="write every event as JSON lines here")
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.jsonl.gz"))
    if not files:
        print(f"no corpus in {CORPUS}", file=sys.stderr)
        return 2
    mentions = []
    docs = 0
    spent = 0.0
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                doc = document_from_text(
                    row["text"], origin=row["url"] + "#" + row["title"], title=row["title"],
                    date=row["date"],
                )
                begin = time.perf_counter()
                mentions.extend(extract_mentions(doc))
                spent += time.perf_counter() - begin
                docs += 1
    begin = time.perf_counter()
    events = [e for e in merge_mentions(mentions, load_chronology()) if not e.reference_only]
    merge_s = time.perf_counter() - begin
    real = [e for e in events if e.kind != "other"]
    figures = {
        "documents": docs,
        "mentions": len(mentions),
        "events": len(real),
        "undated": sum(1 for e in real if e.start is None),
        "dated_by_chronology": sum(1 for e in real if e.date_basis == "chronology"),
        "other_events": len(events) - len(real),
        "by_kind": dict(Counter(e.kind for e in real)),
        "extract_s": round(spent, 2),
        "merge_s": round(merge_s, 2),
    }
    if args.list:
        with args.list.open("w", encoding="utf-8") as out:
            for event in events:
                out.write(json.dumps(event_to_json(event), ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
