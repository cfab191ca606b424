"""People extraction over the whole KCNA corpus: what it finds and what it costs.

    bench/people_bench.py [--repeats N] [--json PATH]
    bench/people_bench.py --draw-sample OUT.json [--seed S] [--size N]

Reads ../shared/corpus/*.jsonl.gz (or $WPK_BENCH_CORPUS) the way the importer does
(``read_jsonl``: one Document per row, not timed), then times ``extract_appearances`` over every
document (CPU and wall, median of --repeats passes) and ``merge_people`` over all appearances.
Prints the figures: articles, appearances, lists, people, kinds of lists, cost per article.

``--draw-sample`` draws the hand-check sample instead (docs/people_sample.md states the rule):
sentences holding at least two different Korean-looking names other than the leaders', drawn
with ``random.Random(seed).sample``; it writes each with the extractor's current reading, for
the verdicts to be written by hand into tests/data/people_sample.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wpk_archive.core.ingest import read_jsonl  # noqa: E402
from wpk_archive.core.models import Document  # noqa: E402
from wpk_archive.core.people import extract_appearances, lists_of, merge_people  # noqa: E402

CORPUS = Path(os.environ.get("WPK_BENCH_CORPUS", str(ROOT.parent / "shared" / "corpus")))
FILES = ("kcna_2011_2012.jsonl.gz", "kcna_2023_2024.jsonl.gz")


def read_corpus() -> list[tuple[str, int, Document]]:
    """(file, line, document) for every row of the corpus files."""
    out = []
    for name in FILES:
        path = CORPUS / name
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                items, _ = read_jsonl(line, name)
                if items:
                    out.append((name, number, items[0].document))
    return out


def bench(repeats: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    rows = read_corpus()
    parse = time.perf_counter() - t0
    docs = [d for _, _, d in rows]
    cpu_runs, wall_runs = [], []
    appearances = []
    for _ in range(repeats):
        c0, w0 = time.process_time(), time.perf_counter()
        appearances = [a for d in docs for a in extract_appearances(d)]
        cpu_runs.append(time.process_time() - c0)
        wall_runs.append(time.perf_counter() - w0)
    c0 = time.process_time()
    people = merge_people(appearances)
    merge_cpu = time.process_time() - c0
    lists = lists_of(appearances)
    kinds = Counter(members[0].list_kind for members in lists.values())
    cpu = statistics.median(cpu_runs)
    return {
        "articles": len(docs),
        "characters": sum(len(d.text) for d in docs),
        "parse_s": round(parse, 2),
        "articles_with_appearances": len({a.doc_id for a in appearances}),
        "appearances": len(appearances),
        "in_lists": sum(1 for a in appearances if a.list_id is not None),
        "with_office": sum(1 for a in appearances if a.office),
        "lists": len(lists),
        "lists_by_kind": dict(kinds.most_common()),
        "people": len(people),
        "people_seen_5_times_or_more": sum(1 for p in people if len(p.appearances) >= 5),
        "extract_cpu_s": round(cpu, 3),
        "extract_cpu_runs_s": [round(x, 3) for x in cpu_runs],
        "extract_wall_s": round(statistics.median(wall_runs), 3),
        "extract_us_per_article": round(cpu / max(1, len(docs)) * 1e6, 1),
        "merge_cpu_s": round(merge_cpu, 3),
        "top_people": [(p.name, len(p.appearances)) for p in people[:10]],
    }


# -- the sample's frame ---------------------------------------------------------------------------

SAMPLE_SURNAMES = (
    "Kim|Ri|Pak|Choe|Jong|Kang|Jo|Yun|Jang|Rim|Han|O|So|Sin|Kwon|Hwang|An|Song|Ryu|Hong|Jon|Ko|Mun"
    "|Yang|Son|Pae|Paek|Ho|Yu|Nam|Ro|Ju|Hyon|Thae|Ryang|Kwak|Cha|Chae|Sim|U|Pyon|Ryom|Kil|Wi|Om|Ki"
    "|Tong"
)
NAME_LIKE = re.compile(r"\b(?:" + SAMPLE_SURNAMES + r")(?: [A-Z][a-z]+){1,2}\b")
LEADERS = {"Kim Il Sung", "Kim Jong Il", "Kim Jong Un", "Kim Jong Suk"}
SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!Lieut)(?<!Mt)(?<!Gen)(?<!Col)(?<!Maj)(?<!No)(?<!Dr)(?<!Prof)(?<!Jr)(?<!St)"
    r"(?<!Lt)\.(?=\s+[A-Z\"“])|\n"
)


def frame_sentences(document: Document) -> list[tuple[int, int, int]]:
    """(passage, start, end) of the document's sentences that hold at least two different
    Korean-looking names other than the leaders' (the sampling frame of the hand check)."""
    out = []
    for passage in document.passages:
        position = passage.start
        bounds = []
        for match in SENTENCE_END.finditer(document.text, passage.start, passage.end):
            bounds.append((position, match.end()))
            position = match.end() + 1
        if position < passage.end:
            bounds.append((position, passage.end))
        for start, end in bounds:
            found = {m.group() for m in NAME_LIKE.finditer(document.text, start, end)} - LEADERS
            if len(found) >= 2:
                out.append((passage.ordinal, start, end))
    return out


def draw_sample(seed: int, size: int) -> list[dict[str, Any]]:
    frame = []
    rows = read_corpus()
    for name, line, document in rows:
        for passage, start, end in frame_sentences(document):
            frame.append((name, line, passage, start, end, document))
    print(f"frame: {len(frame)} sentences in {len(rows)} articles", file=sys.stderr)
    drawn = random.Random(seed).sample(range(len(frame)), size)
    out = []
    for index in sorted(drawn):
        name, line, passage, start, end, document = frame[index]
        apps = [a for a in extract_appearances(document) if start <= a.start < end]
        out.append(
            {
                "file": name,
                "line": line,
                "passage": passage,
                "sentence": [start, end],
                "text": document.text[start:end],
                "extracted": [
                    {
                        "name": a.name,
                        "start": a.start,
                        "position": a.list_position,
                        "length": a.list_length,
                        "kind": a.list_kind,
                        "office": a.office,
                    }
                    for a in apps
                ],
            }
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--draw-sample", type=Path)
    parser.add_argument("--seed", type=int, default=20171)
    parser.add_argument("--size", type=int, default=50)
    args = parser.parse_args()
    if not (CORPUS / FILES[0]).exists():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 1
    if args.draw_sample:
        sample = draw_sample(args.seed, args.size)
        args.draw_sample.write_text(json.dumps(sample, indent=1, ensure_ascii=False) + "\n")
        print(f"wrote {len(sample)} sentences to {args.draw_sample}")
        return 0
    figures = bench(args.repeats)
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
