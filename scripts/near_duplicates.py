"""Near-duplicate groups in the KCNA corpus: how many, how similar, a sample to check by hand,
and the cost of the signatures (numpy MinHash, and datasketch's when it is installed).

    python scripts/near_duplicates.py [--sample 20] [--seed 7] [--threshold 0.75] [--out FILE]

Reads /work/shared/corpus/*.jsonl.gz (WPK_BENCH_CORPUS overrides the folder) with the app's own
reader; prints figures and writes the sampled groups (titles, dates, similarity, a word diff of
the two first members) as Markdown to --out (default: stdout).
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wpk_archive.core.ingest import neardup, read_jsonl
from wpk_archive.core.ingest.revisions import word_diff


def neardup_diff(old: str, new: str) -> str:
    """What differs between two texts, shortly: removed words / added words."""
    diff = word_diff(old, new)
    removed = " … ".join(t for op, t in diff if op == "-")[:140]
    added = " … ".join(t for op, t in diff if op == "+")[:140]
    shown = f"− {removed} / + {added}" if removed or added else "(same words)"
    return shown.replace("|", "/")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--near-misses", type=int, default=0, help="also list the N closest pairs left apart"
    )
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    folder = Path(os.environ.get("WPK_BENCH_CORPUS", "/work/shared/corpus"))
    docs = []
    hashes: set[str] = set()
    exact = 0
    for path in sorted(folder.glob("*.jsonl.gz")):
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        items, _refused = read_jsonl(text, path.name)
        for item in items:  # exact duplicates are refused at import: left out here too
            if item.document.content_hash in hashes:
                exact += 1
                continue
            hashes.add(item.document.content_hash)
            docs.append(item.document)
    print(f"{len(docs):,} articles ({exact} exact duplicates left out)", file=sys.stderr)

    started = time.perf_counter()
    sigs: dict[str, object] = {}
    for start in range(0, len(docs), 500):  # in batches, as an import computes them
        batch = docs[start : start + 500]
        sigs.update(
            zip((d.id for d in batch), neardup.signatures([d.text for d in batch]), strict=True)
        )
    took = time.perf_counter() - started
    print(
        f"numpy MinHash signatures: {took:.2f} s ({took / len(docs) * 1e3:.3f} ms/article)",
        file=sys.stderr,
    )
    try:
        from datasketch import MinHash

        started = time.perf_counter()
        for doc in docs[:2000]:
            m = MinHash(num_perm=neardup.NUM_PERM)
            words = doc.text.lower().split()
            m.update_batch(
                " ".join(words[i : i + neardup.SHINGLE]).encode("utf-8")
                for i in range(max(1, len(words) - neardup.SHINGLE + 1))
            )
        took_ds = (time.perf_counter() - started) / 2000 * len(docs)
        print(f"datasketch MinHash (2,000 articles, scaled): {took_ds:.2f} s", file=sys.stderr)
    except ImportError:
        print("datasketch not installed: not compared", file=sys.stderr)

    index = neardup.NearDuplicateIndex()
    by_id = {doc.id: doc for doc in docs}
    pairs: list[tuple[str, str, float]] = []
    apart: list[tuple[float, str, str]] = []
    started = time.perf_counter()
    for doc in docs:
        sig = sigs[doc.id]
        if sig is None or not hasattr(sig, "tobytes"):
            continue
        for other, _estimate in index.matches(doc.id, sig):
            score = neardup.same_story(doc, by_id[other])
            if score is not None:
                pairs.append((min(doc.id, other), max(doc.id, other), score))
            else:
                apart.append((neardup.jaccard(doc.text, by_id[other].text), doc.id, other))
        index.add(doc.id, sig)
    print(f"LSH look-ups and checks: {time.perf_counter() - started:.2f} s", file=sys.stderr)
    skipped = sum(1 for s in sigs.values() if s is None)
    group_of = neardup.groups((a, b) for a, b, _ in pairs)
    members: dict[str, list[str]] = {}
    for doc_id, group in group_of.items():
        members.setdefault(group, []).append(doc_id)
    sizes: dict[int, int] = {}
    for m in members.values():
        sizes[len(m)] = sizes.get(len(m), 0) + 1
    print(
        f"too short to compare: {skipped:,}; pairs: {len(pairs):,}; groups: {len(members):,} "
        f"holding {len(group_of):,} articles; sizes: {dict(sorted(sizes.items()))}",
        file=sys.stderr,
    )
    score_of = {(a, b): s for a, b, s in pairs}
    rng = random.Random(args.seed)
    sample = rng.sample(sorted(members), min(args.sample, len(members)))
    lines = [
        "| # | size | similarity | dates | titles | what differs (first two members) |",
        "|---|---|---|---|---|---|",
    ]
    for n, group in enumerate(sample, 1):
        ids = sorted(members[group], key=lambda d: (by_id[d].date or "", d))
        first, second = by_id[ids[0]], by_id[ids[1]]
        score = score_of.get((min(first.id, second.id), max(first.id, second.id)))
        change = neardup_diff(first.text, second.text)
        titles = " / ".join(dict.fromkeys(by_id[d].title for d in ids))[:160]
        dates = ", ".join(dict.fromkeys(by_id[d].date or "?" for d in ids))
        shown = f"{score:.2f}" if score is not None else "(via others)"
        lines.append(
            f"| {n} | {len(ids)} | {shown} | {dates} | {titles.replace('|', '/')} | "
            f"{change.replace('|', '/')} |"
        )
    if args.near_misses:
        lines += [
            "",
            "Closest pairs left apart:",
            "",
            "| # | similarity | dates | titles | what differs |",
            "|---|---|---|---|---|",
        ]
        for n, (score, a, b) in enumerate(sorted(apart, reverse=True)[: args.near_misses], 1):
            first, second = sorted((by_id[a], by_id[b]), key=lambda d: (d.date or "", d.id))
            diff = neardup_diff(first.text, second.text)
            lines.append(
                f"| {n} | {score:.2f} | {first.date}, {second.date} | "
                f"{first.title} / {second.title} | {diff} |".replace("\n", " ")
            )
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
