#!/usr/bin/env python
"""What-if measurements for the import and search gaps, by monkeypatching wpk_archive in-process.

Nothing here changes the package: each variant runs in its own child process, patches a function
or two, imports a dataset into a fresh archive under bench/out/exp/, and reports a stage
breakdown (wall time spent in each import stage, unprofiled), the index segment count and the
search latency over bench/queries.txt.

    .venv/bin/python bench/experiments.py --dataset subset --variants base,procs1,optimize
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import run as bench  # noqa: E402


def _wrap(owner: Any, name: str, label: str, acc: dict[str, float]) -> None:
    orig = getattr(owner, name)

    def timed(*a: Any, **k: Any) -> Any:
        t = time.perf_counter()
        try:
            return orig(*a, **k)
        finally:
            acc[label] += time.perf_counter() - t

    setattr(owner, name, timed)


def variant(name: str, acc: dict[str, float]) -> Callable[[Any], None]:
    """Apply the patches of one variant (names combine: 'procs1+optimize'); returns a hook run
    after the import."""
    from wpk_archive.core import archive as A
    from wpk_archive.core.search import index as I

    parts = set(name.split("+"))
    if "procs1" in parts:  # one process, default merge policy (small segments merged as they come)
        orig = I.PassageIndex.add_documents

        def add(self: Any, docs: Any, **kw: Any) -> int:
            kw["large"] = False
            return orig(self, docs, **kw)

        I.PassageIndex.add_documents = add
    if "no_summaries" in parts:  # what the summaries cost (NOT a fix: shows the share)
        A.Archive._summarize = lambda self, doc: None

    def after(archive: Any) -> None:
        if "optimize" in parts:  # merge every segment into one after the import
            t = time.perf_counter()
            archive._index._ix.optimize()
            archive._index.close()
            archive._index.open()
            acc["optimize (after import)"] += time.perf_counter() - t

    return after


def child(spec: dict[str, Any]) -> dict[str, Any]:
    from wpk_archive.core import archive as A
    from wpk_archive.core import store as S
    from wpk_archive.core import summaries, timeline
    from wpk_archive.core.search import index as I

    acc: dict[str, float] = defaultdict(float)
    after = variant(spec["variant"], acc)
    _wrap(timeline, "extract_mentions", "dates/mentions (timeline.extract_mentions)", acc)
    _wrap(summaries, "document_sentences", "sentence split (summaries.document_sentences)", acc)
    _wrap(A.Archive, "_summarize", "summaries total (Archive._summarize)", acc)
    _wrap(I.PassageIndex, "add_documents", "index (PassageIndex.add_documents)", acc)
    _wrap(S.Store, "put_document", "store.put_document", acc)
    _wrap(S.Store, "put_mentions", "store.put_mentions", acc)
    _wrap(S.Store, "put_summary", "store.put_summary", acc)
    _wrap(S.Store, "has_content", "store.has_content", acc)
    _wrap(A.Archive, "rebuild_timeline", "rebuild_timeline", acc)
    items = list(bench.dataset_items(spec["dataset"]))
    dest = Path(spec["dest"])
    shutil.rmtree(dest, ignore_errors=True)
    archive = A.open_archive(dest)
    acc.clear()
    t = time.perf_counter()
    archive.import_items(items)
    import_s = time.perf_counter() - t
    after(archive)
    segments = len(archive._index._ix._segments()) if archive._index._ix else None
    queries = bench.load_queries()
    archive.search("warm")
    samples: dict[str, list[float]] = defaultdict(list)
    for q in queries:
        kw: dict[str, Any] = {"limit": 20}
        if q["category"] == "facets":
            kw["facets"] = True
        archive.search(q["query"], **kw)
    for _ in range(spec["repeats"]):
        for q in queries:
            kw = {"limit": 20, **({"facets": True} if q["category"] == "facets" else {})}
            t = time.perf_counter()
            archive.search(q["query"], **kw)
            samples[q["category"]].append((time.perf_counter() - t) * 1000)
    every = [x for v in samples.values() for x in v]
    archive.close()
    shutil.rmtree(dest, ignore_errors=True)
    return {
        "variant": spec["variant"],
        "import_s": import_s,
        "stages_s": dict(acc),
        "segments": segments,
        "search_p50_ms": bench.pct(every, 50),
        "search_p95_ms": bench.pct(every, 95),
        "by_category_p50_ms": {c: statistics.median(v) for c, v in samples.items()},
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--dataset", default="subset")
    ap.add_argument("--variants", default="base,procs1,optimize")
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    if args.child:
        spec = json.loads(args.child)
        print("RESULT " + json.dumps(child(spec)))
        return 0
    results = []
    for v in args.variants.split(","):
        spec = {
            "variant": v,
            "dataset": args.dataset,
            "repeats": args.repeats,
            "dest": str(bench.OUT / "exp" / f"{v}-{bench.dataset_label(args.dataset)}"),
        }
        p = subprocess.run(
            [sys.executable, __file__, "--child", json.dumps(spec)], capture_output=True, text=True
        )
        line = [x for x in p.stdout.splitlines() if x.startswith("RESULT ")]
        if not line:
            print(f"{v}: failed\n{p.stderr[-2000:]}")
            continue
        r = json.loads(line[0][7:])
        results.append(r)
        print(
            f"\n--- {v} on {args.dataset}: import {r['import_s']:.2f} s, {r['segments']} segments, "
            f"search p50 {r['search_p50_ms']:.2f} ms p95 {r['search_p95_ms']:.2f} ms"
        )
        for k, s in sorted(r["stages_s"].items(), key=lambda kv: -kv[1]):
            print(f"    {k:52} {s:7.2f} s")
        print(
            "    p50 by category: "
            + ", ".join(f"{c} {m:.1f}" for c, m in r["by_category_p50_ms"].items())
        )
    out = (
        bench.OUT
        / f"experiments-{bench.dataset_label(args.dataset)}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    )
    out.write_text(json.dumps(results, indent=1))
    print(f"\n{out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
