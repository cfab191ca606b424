"""What the import extracts from every corpus article, dumped to compare two versions of the code.

    python bench/extraction_dump.py OUT.json            # with the code on PYTHONPATH
    python bench/extraction_dump.py --compare A.json B.json

For each article of ../shared/corpus: the offsets of its summary and gist sentences, its event
mentions and its appearances of officials. Used to check that a change made for speed changes
nothing the import writes (bench/README.md, "Paying back the import").
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def dump(out: Path) -> int:
    from wpk_archive.core import summaries, timeline
    from wpk_archive.core.ingest import read_jsonl
    from wpk_archive.core.people import extract_appearances

    found: dict[str, dict[str, list[object]]] = {}
    for path in sorted(CORPUS.glob("*.jsonl.gz")):
        items, _ = read_jsonl(gzip.decompress(path.read_bytes()).decode("utf-8"), path.name)
        for item in items:
            doc = item.document
            split = summaries.split_document(doc)
            found[doc.id] = {
                "summary": [s.start for s in summaries.summarize(doc, sentences=split)],
                "gists": [s.start for s in summaries.passage_gists(doc, sentences=split)],
                "mentions": [repr(m) for m in timeline.extract_mentions(doc)],
                "appearances": [repr(a) for a in extract_appearances(doc)],
            }
    out.write_text(json.dumps(found), encoding="utf-8")
    print(f"{len(found)} articles -> {out}")
    return 0


def compare(a: Path, b: Path) -> int:
    left, right = (json.loads(p.read_text(encoding="utf-8")) for p in (a, b))
    differ = 0
    for part in ("summary", "gists", "mentions", "appearances"):
        ids = [k for k in left if left[k][part] != right.get(k, {}).get(part)]
        differ += len(ids)
        print(f"{part:12s} differ in {len(ids)} of {len(left)} articles {ids[:3]}")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    if args.out is None:
        parser.error("give OUT.json or --compare A B")
    return dump(args.out)


if __name__ == "__main__":
    sys.exit(main())
