"""Korean search: Hangul bigrams against a morphological analyser (kiwipiepy), on real text.

A script, not a test (issue #19). The test set is tests/data/search_korean.json: its queries,
each with the words (as written in the passages) judged by hand to be or not to be a mention of
what the query asks for; the passages are the paragraphs of tests/data/timeline_korean.json's
excerpts and the extra passages of search_korean.json. A passage is *relevant* to a query when
one of its words is judged a mention. Methods, each returning passages:

- ``bigrams``: the search's analyzer (overlapping Hangul bigrams; a query word is the phrase of
  its bigrams), matched on positions as the index does;
- ``bigrams+spellings``: the same, and every North/South spelling of the query word
  (:mod:`wpk_archive.core.search.korean`) that the passages hold;
- ``kiwi``: kiwipiepy's morphemes (content morphemes only: nouns, verb and adjective stems, roots,
  foreign words, numbers); a query is the sequence of its content morphemes;
- ``kiwi+spellings``: the same with the query's North/South spellings;
- ``archive``: the shipped search itself (a real archive of these passages, one per article:
  bigrams, spellings, the variants table's names).

    PYTHONPATH=. .venv/bin/python bench/korean_search.py            # the figures
    PYTHONPATH=. .venv/bin/python bench/korean_search.py --words Q  # words to judge for query Q

kiwipiepy is not a dependency of the package: install it into the venv to run this script.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from itertools import product
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from wpk_archive.core.search.analysis import analyze, tokens_of  # noqa: E402
from wpk_archive.core.search.korean import (  # noqa: E402
    is_hangul,
    spelling_variants,
    syllable_alternatives,
)

DATA = ROOT / "tests" / "data"
WORD = re.compile(r"[0-9A-Za-z\u3131-\u318e\uac00-\ud7a3]+")
Passage = tuple[str, str]  # (id, text)


def load() -> tuple[list[Passage], list[dict[str, Any]]]:
    """The passages and the judged queries of the test set."""
    timeline = json.loads((DATA / "timeline_korean.json").read_text(encoding="utf-8"))
    own = json.loads((DATA / "search_korean.json").read_text(encoding="utf-8"))
    passages: list[Passage] = []
    for excerpt in [*timeline["excerpts"], *own["passages"]]:
        for i, paragraph in enumerate(excerpt["text"].split("\n")):
            if paragraph.strip():
                passages.append((f"{excerpt['id']}#{i}", paragraph))
    return passages, own["queries"]


def relevant(passages: list[Passage], query: dict[str, Any]) -> set[str]:
    """Passages holding a word judged a mention of what ``query`` asks for."""
    yes = {w for w, judged in query["words"].items() if judged}
    found = {pid for pid, text in passages if yes & set(WORD.findall(text))}
    for pid, judged in query.get("passages", {}).items():  # a word judged in its sentence
        (found.add if judged else found.discard)(pid)
    return found


# -- bigrams ------------------------------------------------------------------------------------


class BigramIndex:
    """Positions of each token of each passage, as the search's analyzer gives them."""

    def __init__(self, passages: list[Passage]) -> None:
        self.positions: dict[str, dict[str, set[int]]] = {}
        self.vocabulary: set[str] = set()
        for pid, text in passages:
            at: dict[str, set[int]] = {}
            for token, pos, _a, _b in analyze(text):
                at.setdefault(token, set()).add(pos)
            self.positions[pid] = at
            self.vocabulary.update(at)

    def phrase(self, tokens: tuple[str, ...]) -> set[str]:
        """Passages holding the tokens at consecutive positions."""
        found = set()
        for pid, at in self.positions.items():
            starts = at.get(tokens[0])
            if starts and any(
                all(p + i in at.get(t, ()) for i, t in enumerate(tokens)) for p in starts
            ):
                found.add(pid)
        return found

    def search(self, query: str, spellings: bool) -> set[str]:
        """A query of whitespace-separated words, ANDed; each word the phrase of its tokens."""
        result: set[str] | None = None
        for word in query.split():
            forms = [word]
            if spellings and is_hangul(word):
                forms += spelling_variants(word, self.vocabulary.__contains__)
            hits: set[str] = set()
            for form in forms:
                hits |= self.phrase(tokens_of(form))
            result = hits if result is None else result & hits
        return result or set()


# -- kiwi ---------------------------------------------------------------------------------------


def _coarse(tag: str) -> str | None:
    """The part of speech a content morpheme is matched by (None: not content)."""
    if tag.startswith(("NN", "NP", "NR")):
        return "N"
    if tag in ("VV", "VA", "VV-I", "VA-I", "VV-R", "VA-R"):
        return "V"
    if tag == "XR":
        return "R"
    if tag in ("SL", "SH", "SN"):
        return "S"
    return None


class KiwiIndex:
    """Content morphemes of each passage in order, by kiwipiepy."""

    def __init__(self, passages: list[Passage]) -> None:
        from kiwipiepy import Kiwi

        self.kiwi = Kiwi()
        started = time.perf_counter()
        self.sequences: dict[str, list[tuple[str, str]]] = {}
        for pid, text in passages:
            self.sequences[pid] = self.content(text)
        self.seconds = time.perf_counter() - started

    def content(self, text: str) -> list[tuple[str, str]]:
        out = []
        for token in self.kiwi.tokenize(text):
            coarse = _coarse(token.tag)
            if coarse is not None:
                out.append((token.form.lower(), coarse))
        return out

    def search(self, query: str, spellings: bool) -> set[str]:
        forms = [query]
        if spellings:
            forms += _query_spellings(query)
        found: set[str] = set()
        for form in forms:
            wanted = self.content(form)
            if not wanted:
                continue
            n = len(wanted)
            for pid, seq in self.sequences.items():
                if any(seq[i : i + n] == wanted for i in range(len(seq) - n + 1)):
                    found.add(pid)
        return found


def _query_spellings(query: str) -> list[str]:
    """The query with each Hangul word in its other North/South spellings (no vocabulary to
    check against: an analyser's index has morphemes, not bigrams)."""
    options = []
    for word in query.split():
        options.append(
            [word, *spelling_variants(word, lambda _t: True)] if is_hangul(word) else [word]
        )
    return [" ".join(c) for c in product(*options)][1:16]


# -- the shipped search -------------------------------------------------------------------------


def archive_search(passages: list[Passage]) -> tuple[Callable[[str], set[str]], Any]:
    """A real archive holding each passage as an article; its search, by passage id."""
    from wpk_archive.core.archive import Archive, ImportReport, open_archive
    from wpk_archive.core.ingest import Item, document_from_text

    folder = Path(tempfile.mkdtemp(prefix="wpk-korean-search-")) / "archive"
    Archive.import_bundled = lambda self: ImportReport()  # type: ignore[method-assign]
    archive = open_archive(folder)
    items = []
    for pid, text in passages:
        doc = document_from_text(text, origin=f"ko:{pid}", title=pid, source="test")
        items.append(Item(f"ko:{pid}", doc))
    archive.import_items(items)
    # an article whose text another one has is imported once: a hit stands for every copy
    by_text: dict[str, set[str]] = {}
    for pid, text in passages:
        by_text.setdefault(text.strip(), set()).add(pid)
    by_doc = {item.document.id: by_text[item.document.text.strip()] for item in items}

    def search(query: str) -> set[str]:
        result = archive.search(query, limit=10_000)
        return set().union(*[by_doc[h.doc_id] for h in result.hits])

    return search, archive


# -- figures ------------------------------------------------------------------------------------


def scores(found: set[str], wanted: set[str]) -> tuple[float, float]:
    """(recall, precision); an empty result has precision 1 when nothing was wanted."""
    hit = len(found & wanted)
    recall = hit / len(wanted) if wanted else 1.0
    precision = hit / len(found) if found else (1.0 if not wanted else 0.0)
    return recall, precision


def evaluate(
    queries: list[dict[str, Any]],
    passages: list[Passage],
    methods: dict[str, Callable[[str], set[str]]],
) -> dict[str, dict[str, Any]]:
    """Per method: macro recall and precision overall and by query kind, micro counts, and the
    per-query figures."""
    out: dict[str, dict[str, Any]] = {}
    truth = {q["query"]: relevant(passages, q) for q in queries}
    for name, method in methods.items():
        rows = []
        started = time.perf_counter()
        for q in queries:
            found = method(q["query"])
            r, p = scores(found, truth[q["query"]])
            rows.append(
                (
                    q["query"],
                    q["kind"],
                    r,
                    p,
                    len(found),
                    len(truth[q["query"]]),
                    len(found & truth[q["query"]]),
                )
            )
        seconds = time.perf_counter() - started
        kinds: dict[str, list[tuple[float, float]]] = {}
        for _q, kind, r, p, *_ in rows:
            kinds.setdefault(kind, []).append((r, p))
            kinds.setdefault("all", []).append((r, p))
        found_total = sum(row[4] for row in rows)
        hit_total = sum(row[6] for row in rows)
        wanted_total = sum(row[5] for row in rows)
        out[name] = {
            "macro": {k: (_mean(v, 0), _mean(v, 1), len(v)) for k, v in kinds.items()},
            "micro": (hit_total / wanted_total, hit_total / found_total if found_total else 1.0),
            "rows": rows,
            "seconds": seconds,
        }
    return out


def _mean(pairs: Iterable[tuple[float, float]], i: int) -> float:
    values = [p[i] for p in pairs]
    return sum(values) / len(values)


def words_to_judge(
    query: str, passages: list[Passage], found: Iterable[set[str]]
) -> dict[str, int]:
    """Words that hold the query (in any North/South spelling, at any syllable) or occur in a
    passage some method returned and share a syllable with it: what a judgement must cover."""
    spellings = {query}
    for combo in product(*[(c, *syllable_alternatives(c)) for c in query]):
        spellings.add("".join(combo))
    returned = set().union(*found)
    counts: dict[str, int] = {}
    for pid, text in passages:
        for word in WORD.findall(text):
            if any(s in word for s in spellings) or (
                pid in returned
                and set(word) & set(query)
                and len(query) > 1
                and word[:1] == query[:1]
            ):
                counts[word] = counts.get(word, 0) + 1
    return counts


def build_size() -> str:
    """What kiwipiepy and its model take on disk (what a standalone build would ship)."""
    try:
        import kiwipiepy
        import kiwipiepy_model
    except ImportError:
        return "kiwipiepy not installed"
    total = 0
    paths = [Path(kiwipiepy.__file__).parent, Path(kiwipiepy_model.__file__).parent]
    paths += list(Path(kiwipiepy.__file__).parent.parent.glob("_kiwipiepy*.so"))
    for path in paths:
        files = [path] if path.is_file() else [f for f in path.rglob("*") if f.is_file()]
        total += sum(f.stat().st_size for f in files)
    return f"{total / 1e6:.0f} MB (kiwipiepy, its native library and kiwipiepy_model)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", nargs="*", help="list the words to judge for these queries")
    parser.add_argument("--no-kiwi", action="store_true")
    parser.add_argument("--detail", action="store_true", help="per-query figures")
    args = parser.parse_args()
    passages, queries = load()
    started = time.perf_counter()
    bigram = BigramIndex(passages)
    bigram_seconds = time.perf_counter() - started
    methods: dict[str, Callable[[str], set[str]]] = {
        "bigrams": lambda q: bigram.search(q, False),
        "bigrams+spellings": lambda q: bigram.search(q, True),
    }
    kiwi = None
    if not args.no_kiwi:
        kiwi = KiwiIndex(passages)
        methods["kiwi"] = lambda q: kiwi.search(q, False)
        methods["kiwi+spellings"] = lambda q: kiwi.search(q, True)
    if args.words is not None:
        for query in args.words:
            found = [m(query) for m in methods.values()]
            counts = words_to_judge(query, passages, found)
            print(query, json.dumps(dict(sorted(counts.items())), ensure_ascii=False))
        return
    search, archive = archive_search(passages)
    methods["archive"] = search
    results = evaluate(queries, passages, methods)
    archive.close()
    print(
        f"{len(passages)} passages, {len(queries)} queries "
        f"({sum(len(relevant(passages, q)) for q in queries)} relevant passages in all)"
    )
    kinds = sorted({q["kind"] for q in queries})
    header = "| method | " + " | ".join(f"{k} R / P" for k in ["all", *kinds])
    print(header + " | micro R / P | query time |")
    print("|" + "---|" * (len(kinds) + 4))
    for name, res in results.items():
        cells = []
        for kind in ["all", *kinds]:
            r, p, n = res["macro"][kind]
            cells.append(f"{r:.3f} / {p:.3f} ({n})" if kind == "all" else f"{r:.3f} / {p:.3f}")
        mr, mp = res["micro"]
        per_query = res["seconds"] / len(queries) * 1000
        print(f"| {name} | " + " | ".join(cells) + f" | {mr:.3f} / {mp:.3f} | {per_query:.1f} ms |")
    chars = sum(len(t) for _, t in passages)
    print(
        f"\nanalysis of {chars:,} characters: bigrams {bigram_seconds:.2f} s"
        + (f", kiwi {kiwi.seconds:.2f} s" if kiwi else "")
    )
    print("build size of the analyser:", build_size())
    if args.detail:
        for name, res in results.items():
            print(f"\n{name}")
            for query, kind, r, p, found, wanted, hit in res["rows"]:
                if r < 1 or p < 1:
                    print(
                        f"  {query} ({kind}): R {r:.2f} P {p:.2f}  found {found} wanted {wanted}"
                        f" hit {hit}"
                    )


if __name__ == "__main__":
    main()
