"""Date reading on the real corpus: speed and the mentions a change adds (issue #14).

Compares the working tree's ``wpk_archive.core.dates`` with the module as it was at a git
revision (default: the commit before the issue #14 grammar), loaded from ``git show`` together
with the date_*.py grammar modules of that revision.

    python bench/dates_bench.py speed [--articles 3000] [--repeats 3] [--baseline REV]
    python bench/dates_bench.py diff [--sample 100] [--seed 14] [--baseline REV] [--out PATH]

``speed``: find_dates over every sentence of the first N articles of kcna_2011_2012 (each with its
publication date and dateline day, as the timeline calls it), old and new alternately, median of
the repeats; then the timeline's extract_mentions over the same articles with the old and the new
reader (the part of an import that reads dates). Prints the figures and the ratios.

``diff``: every sentence of all 19,873 articles (both files); lists the mentions found after but
not before (same span and same dates counts as before), their count by kind, and a random sample
(the mentions with the smallest SHA-1 of seed, mention and context: a stable draw) with its
context as a Markdown table for judging by hand (docs/dates_corpus_check.md).
It is a script, not a timed test.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib
import importlib.abc
import importlib.util
import json
import re
import statistics
import subprocess
import sys
import time
import types
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from wpk_archive.core import dates as new_dates  # noqa: E402
from wpk_archive.core import timeline  # noqa: E402
from wpk_archive.core.ingest import document_from_text  # noqa: E402
from wpk_archive.core.models import Document  # noqa: E402
from wpk_archive.core.sentences import sentence_spans  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
FILES = ("kcna_2011_2012.jsonl.gz", "kcna_2023_2024.jsonl.gz")
BASELINE = "2bea625"

Sentence = tuple[str, str | None, str | None]  # text, doc_date, weekday anchor


def old_module(revision: str) -> types.ModuleType:
    """wpk_archive/core/dates.py as it was at ``revision``, with the date grammar modules it
    imports (date_*.py) as they were then too, loaded under a private package name (the rest of
    wpk_archive, such as models, is today's)."""
    listing = subprocess.run(
        ["git", "ls-tree", "--name-only", revision, "wpk_archive/core/"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    names = [Path(path).stem for path in listing if re.fullmatch(r".*/date(?:s|_\w+)\.py", path)]
    package = f"dates_baseline_{revision}"
    sources = {}
    for name in names:
        source = subprocess.run(
            ["git", "show", f"{revision}:wpk_archive/core/{name}.py"],
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for other in names:  # imports of the grammar's modules go to the old ones
            source = re.sub(rf"\bwpk_archive\.core\.{other}\b", f"{package}.{other}", source)
            source = re.sub(
                rf"^(from) wpk_archive\.core (import .*\b{other}\b.*)$",
                rf"\1 {package} \2",
                source,
                flags=re.M,
            )
        sources[f"{package}.{name}"] = source
    root = types.ModuleType(package)
    root.__path__ = []
    sys.modules[package] = root

    class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
        def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
            if fullname in sources:
                return importlib.util.spec_from_loader(fullname, self)
            return None

        def create_module(self, spec: Any) -> None:
            return None

        def exec_module(self, module: types.ModuleType) -> None:
            name = module.__name__
            exec(
                compile(sources[name], f"<{revision}:{name.split('.')[-1]}.py>", "exec"),
                module.__dict__,
            )

    sys.meta_path.insert(0, _Finder())
    return importlib.import_module(f"{package}.dates")


def documents(names: tuple[str, ...], limit: int | None = None) -> Iterator[Document]:
    """The corpus articles as the app builds them."""
    count = 0
    for name in names:
        with gzip.open(CORPUS / name, "rt", encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                yield document_from_text(
                    row["text"],
                    origin=row["url"] + "#" + row["title"],
                    title=row["title"],
                    date=row["date"],
                )
                count += 1
                if limit is not None and count >= limit:
                    return


def sentences(doc: Document) -> Iterator[tuple[int, int, Sentence]]:
    """Every sentence of a document with what the timeline passes along with it."""
    dateline = new_dates.find_dateline(doc.text, doc_date=doc.date)
    anchor = dateline.start_date if dateline else doc.date
    for passage in doc.passages:
        for start, end in sentence_spans(passage.text, passage.start):
            yield start, end, (doc.text[start:end], doc.date, anchor)


def _time_find_dates(finder: Callable[..., Any], batch: list[Sentence]) -> float:
    began = time.perf_counter()
    for text, doc_date, anchor in batch:
        finder(text, doc_date=doc_date, weekday_anchor=anchor)
    return time.perf_counter() - began


def _time_timeline(module: types.ModuleType, docs: list[Document]) -> float:
    """Seconds for extract_mentions over ``docs`` with ``module``'s reader in every timeline
    module that imports find_dates / find_dateline."""
    users = [
        loaded
        for name, loaded in list(sys.modules.items())
        if name.startswith("wpk_archive.core.timeline") and hasattr(loaded, "find_dates")
    ]
    saved = [
        (loaded, loaded.find_dates, getattr(loaded, "find_dateline", None)) for loaded in users
    ]
    for loaded in users:
        loaded.find_dates = module.find_dates
        if hasattr(loaded, "find_dateline"):
            loaded.find_dateline = module.find_dateline
    try:
        began = time.perf_counter()
        for doc in docs:
            timeline.extract_mentions(doc)
        return time.perf_counter() - began
    finally:
        for loaded, finder, dateline in saved:
            loaded.find_dates = finder
            if dateline is not None:
                loaded.find_dateline = dateline


def speed(args: argparse.Namespace) -> None:
    """Print find_dates and timeline times, old and new."""
    old = old_module(args.baseline)
    docs = list(documents(FILES[:1], args.articles))
    batch = [sentence for doc in docs for _, _, sentence in sentences(doc)]
    print(f"{len(docs)} articles, {len(batch)} sentences; baseline {args.baseline}")
    runs: dict[str, list[float]] = {"old": [], "new": [], "old_tl": [], "new_tl": []}
    for _ in range(args.repeats):
        runs["old"].append(_time_find_dates(old.find_dates, batch))
        runs["new"].append(_time_find_dates(new_dates.find_dates, batch))
        runs["old_tl"].append(_time_timeline(old, docs))
        runs["new_tl"].append(_time_timeline(new_dates, docs))
    med = {key: statistics.median(values) for key, values in runs.items()}
    print(
        f"find_dates over every sentence: old {med['old']:.2f} s, new {med['new']:.2f} s, ratio {med['new'] / med['old']:.2f}"
    )
    print(
        f"timeline extract_mentions (the dates an import reads): old {med['old_tl']:.2f} s, "
        f"new {med['new_tl']:.2f} s, ratio {med['new_tl'] / med['old_tl']:.2f}"
    )


def _key(mention: Any) -> tuple[int, int, str, str]:
    return mention.start, mention.end, mention.start_date, mention.end_date


def diff(args: argparse.Namespace) -> None:
    """List the mentions found after but not before, with a random sample for judging."""
    old = old_module(args.baseline)
    added: list[dict[str, Any]] = []
    lost: list[dict[str, Any]] = []
    removed = 0
    total_new = total_old = 0
    for doc in documents(FILES):
        for _start, _end, (text, doc_date, anchor) in sentences(doc):
            old_found = old.find_dates(text, doc_date=doc_date, weekday_anchor=anchor)
            before = {_key(m) for m in old_found}
            after = new_dates.find_dates(text, doc_date=doc_date, weekday_anchor=anchor)
            total_old += len(before)
            total_new += len(after)
            keys = {_key(m) for m in after}
            removed += len(before - keys)
            for mention in old_found:
                if _key(mention) not in keys:
                    context = text[max(0, mention.start - 70) : mention.end + 50]
                    lost.append(
                        {
                            "text": mention.text,
                            "value": f"{mention.start_date}..{mention.end_date}",
                            "date": doc.date,
                            "context": " ".join(context.split()),
                        }
                    )
            for mention in after:
                if _key(mention) not in before:
                    context = text[max(0, mention.start - 70) : mention.end + 50]
                    added.append(
                        {
                            "doc": doc.title,
                            "date": doc.date,
                            "text": mention.text,
                            "value": mention.start_date
                            if mention.start_date == mention.end_date
                            else f"{mention.start_date}..{mention.end_date}",
                            "kind": mention.kind,
                            "basis": mention.basis,
                            "context": " ".join(context.split()),
                        }
                    )
    print(f"mentions: before {total_old}, after {total_new}; added {len(added)}, removed {removed}")
    print("added by kind:", dict(Counter(item["kind"] for item in added).most_common()))

    # a stable random draw: the mentions with the smallest SHA-1 of seed, text and context, so that a
    # small change of the population leaves the rest of the sample (and its judgements) in place
    def draw_key(item: dict[str, Any]) -> str:
        return hashlib.sha1(f"{args.seed}|{item['text']}|{item['context']}".encode()).hexdigest()

    sample = sorted(added, key=draw_key)[: args.sample]
    lines = [
        "| # | mention | read as | kind | publication | context |",
        "|---|---|---|---|---|---|",
    ]
    for number, item in enumerate(sample, 1):
        cells = [
            str(number),
            item["text"],
            item["value"],
            item["kind"],
            item["date"] or "",
            item["context"],
        ]
        lines.append("| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |")
    table = "\n".join(lines)
    if args.out:
        Path(args.out).write_text(table + "\n", encoding="utf-8")
        Path(args.out).with_suffix(".all.json").write_text(
            json.dumps(added, indent=0), encoding="utf-8"
        )
        Path(args.out).with_suffix(".removed.json").write_text(
            json.dumps(lost, indent=0), encoding="utf-8"
        )
    else:
        print(table)


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    speed_parser = sub.add_parser("speed")
    speed_parser.add_argument("--articles", type=int, default=3000)
    speed_parser.add_argument("--repeats", type=int, default=3)
    speed_parser.add_argument("--baseline", default=BASELINE)
    diff_parser = sub.add_parser("diff")
    diff_parser.add_argument("--sample", type=int, default=100)
    diff_parser.add_argument("--seed", type=int, default=14)
    diff_parser.add_argument("--baseline", default=BASELINE)
    diff_parser.add_argument("--out", default=None)
    args = parser.parse_args()
    speed(args) if args.command == "speed" else diff(args)


if __name__ == "__main__":
    main()
