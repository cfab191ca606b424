"""The evaluator (search/evaluate.py) against Whoosh's own searcher on the same index, over
generated queries of every kind, and against brute force over the stored texts for terms and
phrases. Runs without the corpus.

Hit sets and totals must be equal, and scores equal within 1e-6 (relative), except where the
evaluator differs on purpose:

- multi-term queries (prefix ``congr*``, wildcard, fuzzy ``plenery~``, term ranges): the
  evaluator scores each match by BM25 of every vocabulary word it matched (a passage with more
  of the words ranks higher); Whoosh's default gives every match the query's boost
  (``constantscore=True``). Their hit sets are compared, not their scores (nor the scores of a
  query containing one).

Whoosh's own compound matchers are not always right: an AndNot (or an And with a NOT) whose
excluded part is a multi-term query sometimes keeps passages the exclusion matches (found by
this test: ``AndNot(And([inter*, title:commit]), text:[co TO fi])``), and a few nestings of
Require/AndMaybe raise IndexError inside its binary matchers. So the reference for hit
sets is the set algebra over Whoosh's results for each leaf (terms, phrases, multi-terms), which
brute force backs; Whoosh's whole-query result is compared, sets and scores, wherever it agrees
with that algebra, and the number of queries where it does not is kept small and printed.

Everything else agrees: NOT (each passage it keeps scores 1, as Whoosh's InverseMatcher), Every
(the query's boost), unscored fields (the term's weight, as Whoosh's WeightScorer), group boosts
(multiplying the group's score, as Whoosh's WrappingMatcher), proximity phrases (Whoosh's
SpanNear2: each word within slop positions after the one before).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import numpy as np
import pytest
from whoosh import query as wq

from wpk_archive.core.ingest import document_from_text
from wpk_archive.core.models import Document
from wpk_archive.core.search.evaluate import Evaluator
from wpk_archive.core.search.index import PassageIndex
from wpk_archive.core.search.lenient import clean_query
from wpk_archive.core.search.lookups import DateWindow

WORDS = [
    "rice",
    "harvest",
    "farm",
    "army",
    "party",
    "congress",
    "plenary",
    "meeting",
    "central",
    "committee",
    "korea",
    "people",
    "north",
    "south",
    "inter",
    "work",
    "plan",
    "commit",
    "celebrate",
    "report",
    "unit",
    "field",
    "the",
    "of",
    "and",
    "a",
]
HYPHENATED = ["inter-korea", "north-south", "party-state", "rice-farm"]
SOURCES = ["KCNA", "Rodong Sinmun", "Pyongyang Times"]
KINDS = ["party_congress", "cc_plenary", "spa_session"]
RNG_SEED = 20261201


def _text(rng: random.Random, n: int) -> str:
    words = [rng.choice(HYPHENATED) if rng.random() < 0.08 else rng.choice(WORDS) for _ in range(n)]
    if rng.random() < 0.2:
        at = rng.randrange(len(words))
        words[at : at + 1] = ["Kim", "Jong", "Un"] if rng.random() < 0.5 else ["Kim", "Jong-un"]
    return " ".join(words) + "."


def _docs(rng: random.Random, count: int, start: int = 0) -> list[Document]:
    docs = []
    for i in range(start, start + count):
        date = rng.choice(
            [None, f"201{rng.randrange(10)}", f"201{rng.randrange(10)}-0{1 + rng.randrange(9)}",
             f"201{rng.randrange(10)}-0{1 + rng.randrange(9)}-1{rng.randrange(10)}"]
        )  # fmt: skip
        body = "\n\n".join(_text(rng, rng.randrange(3, 14)) for _ in range(rng.randrange(1, 4)))
        docs.append(
            document_from_text(
                f"Title {i} {rng.choice(WORDS)} {rng.choice(WORDS)}\n\n{body}",
                origin=f"gen:{i}",
                date=date,
                source=rng.choice(SOURCES),
            )
        )
    return docs


@pytest.fixture(scope="module")
def index(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[PassageIndex, list[Document]]]:
    """Two segments (bulk writer, then Whoosh's writer), with deletions and replacements."""
    rng = random.Random(RNG_SEED)
    ix = PassageIndex(tmp_path_factory.mktemp("diff") / "index")
    ix.create()
    first = _docs(rng, 220)
    kinds = {
        (d.id, p.ordinal): {rng.choice(KINDS)}
        for d in first
        for p in d.passages
        if rng.random() < 0.15
    }
    ix.add_documents(first, kinds=kinds, replace=False, large=True)
    second = _docs(rng, 60, start=220)
    ix.add_documents(second, kinds=kinds, replace=False, large=False)
    gone = [d.id for d in first[:15]]
    ix.delete_documents(gone)
    live = [d for d in first[15:] + second]
    yield ix, live
    ix.close()


def _whoosh(ix: PassageIndex, q: wq.Query) -> dict[int, float]:
    searcher = ix.searcher()
    results = searcher.search(q, limit=None, scored=True)
    return {hit.docnum: float(hit.score) for hit in results}


def _ours(ix: PassageIndex, q: wq.Query) -> dict[int, float]:
    matches = Evaluator(ix.facts().arrays).run(q)
    return dict(zip(matches.ids.tolist(), matches.scores.tolist(), strict=True))


def _multiterm(q: wq.Query) -> bool:
    if isinstance(q, wq.Prefix | wq.Wildcard | wq.FuzzyTerm | wq.TermRange):
        return True
    return any(_multiterm(c) for c in q.children()) if not q.is_leaf() else False


def _leaf(rng: random.Random, ix: PassageIndex) -> wq.Query:
    kind = rng.randrange(14)
    word = rng.choice(WORDS + HYPHENATED + ["korean", "jong", "un", "zzz"])
    boost = rng.choice([1.0, 1.0, 1.0, 2.0, 0.5])
    if kind <= 3:
        return wq.Term("text", word, boost=boost)
    if kind == 4:
        return wq.Term("title", rng.choice(WORDS), boost=boost)
    if kind == 5:
        return wq.Term(rng.choice(["kind", "year", "src"]), rng.choice([*KINDS, "2012", "KCNA"]))
    if kind == 6:
        n = rng.randrange(2, 4)
        words = [rng.choice(WORDS) for _ in range(n)]
        return wq.Phrase("text", words, slop=rng.choice([1, 1, 2, 3]), boost=boost)
    if kind == 7:
        return wq.Prefix("text", rng.choice(["ri", "co", "pl", "no", "inter"]))
    if kind == 8:
        return wq.FuzzyTerm("text", rng.choice(["rica", "farn", "plam", "paty"]), prefixlength=1)
    if kind == 9:
        return wq.Wildcard("text", rng.choice(["r*e", "*arm", "c?mmittee"]))
    if kind == 10:
        return wq.TermRange("text", "co", "fi", startexcl=rng.random() < 0.5)
    if kind == 11:
        lo, hi = sorted(rng.sample(range(2010, 2020), 2))
        return ix.date_filter(DateWindow.of(str(lo), f"{hi}-0{1 + rng.randrange(9)}"))
    if kind == 12:
        return (
            wq.Term("names", ix.name_table()[0][("kim", "jong", "un")])
            if ix.names_indexed()
            else wq.Every()
        )
    return wq.Every("year") if rng.random() < 0.5 else wq.Every()


def _query(rng: random.Random, ix: PassageIndex, depth: int = 0) -> wq.Query:
    if depth >= 2 or rng.random() < 0.35:
        return _leaf(rng, ix)
    kind = rng.randrange(8)
    subs = [_query(rng, ix, depth + 1) for _ in range(rng.randrange(2, 4))]
    boost = rng.choice([1.0, 1.0, 3.0])
    if kind <= 2:
        return wq.And(subs, boost=boost)
    if kind <= 4:
        return wq.Or(subs, boost=boost)
    if kind == 5:
        return wq.Not(subs[0])
    if kind == 6:
        return rng.choice([wq.AndNot, wq.AndMaybe, wq.Require])(subs[0], subs[1])
    return wq.And([subs[0], wq.Not(subs[1])])


def _parsed_queries(ix: PassageIndex) -> list[wq.Query]:
    """Queries as users write them, parsed and expanded (stems, variants, names, dates)."""
    texts = [
        "rice harvest", "Kim Jong Un", '"Kim Jong-un"', "committee OR plenary", "korean",
        "north NOT south", '"central committee"', "title:congress rice", "source:kcna farm",
        "kind:cc_plenary", "party AND (plan OR work)", "celebrate", "committed", "plans",
        '"rice farm"~3', "(rice OR army)^2", "date:2012 OR date:2015-03", "NOT NOT rice",
        "inter-korea", '"north-south people"', "ri*", "rica~",
    ]  # fmt: skip
    return [ix.read_query(clean_query(t)[0]).query for t in texts]


def test_the_evaluator_agrees_with_whooshs_searcher(
    index: tuple[PassageIndex, list[Document]],
) -> None:
    ix, _ = index
    rng = random.Random(RNG_SEED + 1)
    queries = [_query(rng, ix).normalize() for _ in range(500)] + _parsed_queries(ix)
    kinds_seen: set[str] = set()
    compared_scores = 0
    universe = set(_whoosh(ix, wq.Every()))
    whoosh_wrong = 0
    for q in queries:
        try:
            whoosh: dict[int, float] | None = _whoosh(ix, q)
        except IndexError:  # Whoosh's binary matchers fail on a few nestings (ReadTooFar)
            whoosh = None
        ours = _ours(ix, q)
        expected = _algebra(ix, q, universe)
        assert set(ours) == expected, q
        kinds_seen.update(type(x).__name__ for x in _walk(q))
        if whoosh is None or set(whoosh) != expected:
            whoosh_wrong += 1
            continue
        if _multiterm(q):
            continue
        for docnum, score in ours.items():
            assert score == pytest.approx(whoosh[docnum], rel=1e-6, abs=1e-6), (q, docnum)
        compared_scores += 1
    print(f"scores compared on {compared_scores} queries; Whoosh's set wrong on {whoosh_wrong}")
    assert compared_scores > 250
    assert whoosh_wrong < len(queries) // 20
    assert {"Term", "Phrase", "And", "Or", "Not", "AndNot", "AndMaybe", "Require", "Prefix",
            "FuzzyTerm", "Wildcard", "TermRange", "Every"} <= kinds_seen  # fmt: skip


def _algebra(ix: PassageIndex, q: wq.Query, universe: set[int]) -> set[int]:
    """The hit set by set algebra over Whoosh's results for the leaves."""
    if isinstance(q, wq.Or):
        return set().union(*(_algebra(ix, s, universe) for s in q.subqueries))
    if isinstance(q, wq.And):
        found = set(universe)
        for s in q.subqueries:
            if isinstance(s, wq.Not):
                found -= _algebra(ix, s.query, universe)
            else:
                found &= _algebra(ix, s, universe)
        return found
    if isinstance(q, wq.Not):
        return universe - _algebra(ix, q.query, universe)
    if isinstance(q, wq.AndNot):
        return _algebra(ix, q.a, universe) - _algebra(ix, q.b, universe)
    if isinstance(q, wq.AndMaybe):
        return _algebra(ix, q.a, universe)
    if isinstance(q, wq.Require):
        return _algebra(ix, q.a, universe) & _algebra(ix, q.b, universe)
    return set(_whoosh(ix, q))


def _walk(q: wq.Query) -> Iterator[wq.Query]:
    yield q
    if not q.is_leaf():
        for child in q.children():
            yield from _walk(child)


# -- brute force over the stored texts -----------------------------------------------------------

_TOKEN = re.compile(r"[a-z0-9]+(?:[-'.][a-z0-9]+)*")


def _positions(text: str) -> dict[str, set[int]]:
    """Written out plainly: each word at its position, a hyphenated word's parts there too."""
    out: dict[str, set[int]] = {}
    for pos, word in enumerate(_TOKEN.findall(text.lower())):
        for token in {word, *([p for p in word.split("-") if p] if "-" in word else [])}:
            out.setdefault(token, set()).add(pos)
    return out


def test_terms_and_phrases_agree_with_brute_force(
    index: tuple[PassageIndex, list[Document]],
) -> None:
    ix, docs = index
    facts = ix.facts()
    rng = random.Random(RNG_SEED + 2)
    passages = [(d.id, p.ordinal, _positions(p.text)) for d in docs for p in d.passages]
    for _ in range(150):
        n = rng.choice([1, 1, 2, 3])
        words = [rng.choice(WORDS + HYPHENATED + ["korean", "north"]) for _ in range(n)]
        q = wq.Term("text", words[0]) if n == 1 else wq.Phrase("text", words)
        expected = {
            (doc_id, ordinal)
            for doc_id, ordinal, at in passages
            if any(all(start + i in at.get(w, ()) for i, w in enumerate(words)) for start in
                   at.get(words[0], ()))
        }  # fmt: skip
        matches = Evaluator(facts.arrays).run(q)
        found = {tuple(k.rsplit("/", 1)) for k in map(facts.arrays.pid, matches.ids.tolist())}
        assert {(d, int(o)) for d, o in found} == expected, words
    assert np.all(np.diff(facts.arrays.every()) > 0)
