"""Stemmer comparison on the corpus (a script, not a test): which English inflections a plain
word query finds, with Whoosh's Porter stemmer (before) and Snowball English (now).

    PYTHONPATH=. .venv/bin/python bench/stemming.py [ARCHIVE_FOLDER]

Reads the passages of an archive (default bench/out/archives/full, the 19,873 articles) straight
from its archive.sqlite and builds the vocabulary of index words (the search's own analyzer).
For each base word of the vocabulary, its regular inflections that occur in the vocabulary
(-s, -es, -ed, -d, -ing, e-dropping -ing, consonant-doubling -ed/-ing, y -> -ies/-ied) are the
forms a query for the base word should find. A form is *missed* by a stemmer when its stem
differs from the base word's; the script counts bases with misses and the passages holding a
missed form (and no other form the query finds), and lists the commonest misses. It also counts
*conflations*: distinct vocabulary words a stemmer gives one stem while their base words differ
(over-stemming, the price of a stronger stemmer), on the same vocabulary.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from collections import defaultdict
from pathlib import Path

import snowballstemmer
from whoosh.lang.porter import stem as porter

from wpk_archive.core.search.analysis import STEMMABLE, index_tokens

_snowball = snowballstemmer.stemmer("english")


def snowball(word: str) -> str:
    return str(_snowball.stemWord(word))


def inflections(base: str) -> set[str]:
    forms = {base + "s", base + "es", base + "ed", base + "d", base + "ing"}
    if base.endswith("e"):
        forms |= {base[:-1] + "ing", base + "d"}
    if len(base) >= 3 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou":
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    return forms


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("bench/out/archives/full")
    started = time.perf_counter()
    postings: dict[str, set[int]] = defaultdict(set)
    with sqlite3.connect(folder / "archive.sqlite") as con:
        for n, (text,) in enumerate(con.execute("SELECT text FROM passages")):
            for token in set(index_tokens(text)):
                if STEMMABLE.match(token):
                    postings[token].add(n)
    print(
        f"{len(postings):,} words from {n + 1:,} passages in {time.perf_counter() - started:.1f} s"
    )
    # a verb-like base: at least three of its inflections occur; a form that two bases could
    # have made (noting: note or not) is left out as ambiguous
    candidates = {b: {f for f in inflections(b) if f in postings} for b in postings if len(b) >= 3}
    makers: dict[str, set[str]] = defaultdict(set)
    for b, forms in candidates.items():
        for f in forms:
            makers[f].add(b)
    verbs = {
        b: {f for f in forms if len(makers[f]) == 1}
        for b, forms in candidates.items()
        if len(forms) >= 3
    }
    print(f"{len(verbs):,} verb-like base words (3 or more regular inflections in the vocabulary)")
    for name, stem in (("porter (Whoosh, before)", porter), ("snowball english (now)", snowball)):
        stems = {w: stem(w) for w in postings}
        bases_missing = 0
        passages_missed: set[tuple[str, int]] = set()
        worst: list[tuple[int, str, str]] = []
        for base, forms in verbs.items():
            found = {base} | {f for f in forms if stems[f] == stems[base]}
            missed = forms - found
            if not missed:
                continue
            bases_missing += 1
            reached = set().union(*(postings[f] for f in found))
            lost = set().union(*(postings[f] for f in missed)) - reached
            passages_missed |= {(base, p) for p in lost}
            worst.extend((len(lost), base, f) for f in missed)
        by_stem: dict[str, set[str]] = defaultdict(set)
        for w, s in stems.items():
            by_stem[s].add(w)
        groups = sum(1 for ws in by_stem.values() if len(ws) > 1)
        print(f"\n{name}")
        print(f"  verbs whose query misses some of their inflections: {bases_missing:,}")
        print(f"  (base, passage) pairs missed: {len(passages_missed):,}")
        print(f"  stems shared by more than one vocabulary word: {groups:,}")
        top = sorted(worst, reverse=True)[:12]
        print("  commonest misses: " + ", ".join(f"{b}->{f} ({n})" for n, b, f in top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
