"""Recall on 2,000 real KCNA articles: every query's matching (doc_id, passage) set equals a
brute-force scan of the stored passage texts.

The scan does not use the index's analyzer. Its rules, stated here:
- a word is a run of letters/digits/underscore, joined inside by one of . ' ’ - (so "Jong-un"
  and "U.S" are one word); matching ignores case; a word may end in a possessive 's / ’s;
- a word also matches as a part of a hyphenated word ("Korean" in "inter-Korean");
- a stemmed word is written out as the explicit list of its forms below;
- a phrase is its words in order, separated by anything that is not a word character;
- a prefix matches any word starting with it;
- a name variant is the alternation of the forms listed in resources/variants.tsv;
- date filters compare the article's stored date; undated articles never match one.
"""

from __future__ import annotations

import gzip
import itertools
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import corpus_file
from wpk_archive.core.archive import Archive, open_archive
from wpk_archive.core.ingest import read_jsonl

pytestmark = pytest.mark.corpus

Key = tuple[str, int]
Passages = list[tuple[str, int, str, str | None]]  # doc_id, ordinal, text, date

_START = r"(?<![\w])(?<![\w][.'’])"
_END = r"(?:['’]s)?(?![\w])(?![.'’]\w)"
_REST = r"[\w]*(?:[.'’-][\w]+)*"


def word(*forms: str) -> str:
    return _START + "(?:" + "|".join(re.escape(f) for f in forms) + ")" + _END


def phrase(*words: str) -> str:
    return r"[^\w]+".join(word(w) for w in words)


def prefix(start: str) -> str:
    return _START + re.escape(start) + _REST + _END


def has(pattern: str) -> Callable[[str], bool]:
    regex = re.compile(pattern, re.IGNORECASE)
    return lambda text: regex.search(text) is not None


def any_of(*patterns: str) -> Callable[[str], bool]:
    return has("|".join(f"(?:{p})" for p in patterns))


CONGRESS = word("congress", "congresses", "congressed")
ARMY = word("army", "armies")
FACTORY = word("factory", "factories")
VISIT = word("visit", "visits", "visited", "visiting")
KOREA = word("korea", "koreas")
PLENARY = word("plenary", "plenaries")
KIM = word("kim", "kims")
PYONGYANG = word("pyongyang", "pyongyangs")
WORKER = word("worker", "workers")
ANNIVERSARY = word("anniversary", "anniversaries")
FIRST = word("first", "firsts", "1st")

QUERIES: list[tuple[str, Callable[[str], bool], Callable[[str | None], bool]]] = []


def case(
    query: str, test: Callable[[str], bool], dated: Callable[[str | None], bool] | None = None
) -> None:
    QUERIES.append((query, test, dated or (lambda d: True)))


def in_range(lo: str, hi: str) -> Callable[[str | None], bool]:
    return lambda d: d is not None and lo <= d <= hi


for q, pattern in [
    ("congress", CONGRESS),
    ("congresses", CONGRESS),
    ("army", ARMY),
    ("factories", FACTORY),
    ("visited", VISIT),
    ("Korea", KOREA),
    ("plenary", PLENARY),
    ("Pyongyang", PYONGYANG),
    ("workers", WORKER),
    ("anniversary", ANNIVERSARY),
    ("first", FIRST),
    ('"workers"', word("workers")),
    ('"central committee"', phrase("central", "committee")),
    ('"korean people"', phrase("korean", "people")),
    ('"great leader"', phrase("great", "leader")),
    ("anniv*", prefix("anniv")),
    ("socialis*", prefix("socialis")),
    (
        "Kim Jong Il",
        any_of(phrase("kim", "jong", "il"), phrase("kim", "jong-il"), phrase("kim", "jongil")),
    ),
    (
        "Kim Il-sung",
        any_of(phrase("kim", "il", "sung"), phrase("kim", "il-sung"), phrase("kim", "ilsung")),
    ),
    ("WPK", any_of(word("wpk"), phrase("workers", "party", "of", "korea"))),
    ("DPRK", any_of(word("dprk"), phrase("democratic", "people", "republic", "of", "korea"))),
    ('"Supreme People\'s Assembly"', any_of(word("spa"), phrase("supreme", "people", "assembly"))),
]:
    case(q, pattern if callable(pattern) else has(pattern))

case("army factory", lambda t: has(ARMY)(t) and has(FACTORY)(t))
case("visit Pyongyang", lambda t: has(VISIT)(t) and has(PYONGYANG)(t))
case("plenary OR congress", lambda t: has(PLENARY)(t) or has(CONGRESS)(t))
case("army OR factory OR anniversary", any_of(ARMY, FACTORY, ANNIVERSARY))
case("army NOT Korea", lambda t: has(ARMY)(t) and not has(KOREA)(t))
case("Kim AND (visit OR factory)", lambda t: has(KIM)(t) and (has(VISIT)(t) or has(FACTORY)(t)))
case("army date:2011", has(ARMY), lambda d: d is not None and d.startswith("2011"))
case("Kim date:2011-03", has(KIM), lambda d: d is not None and d.startswith("2011-03"))
case("congress date:[2011-03 TO 2011-04]", has(CONGRESS), in_range("2011-03", "2011-04-31"))
case(
    "anniversary date:[2011-02-10 TO 2011-03-05]",
    has(ANNIVERSARY),
    in_range("2011-02-10", "2011-03-05"),
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Archive, Passages]]:
    path = corpus_file("kcna_2011_2012.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        text = "".join(itertools.islice(fh, 2000))
    items, _ = read_jsonl(text, path.name)
    with open_archive(Path(tmp_path_factory.mktemp("recall")) / "a") as archive:
        archive.import_items(items)
        passages = [
            (doc.id, p.ordinal, p.text, doc.date)
            for doc in archive._store.iter_documents()
            for p in doc.passages
        ]
        assert len({p[0] for p in passages}) >= 2000
        yield archive, passages


def test_there_are_enough_queries() -> None:
    assert len(QUERIES) >= 25


@pytest.mark.parametrize(("query", "test", "dated"), QUERIES, ids=[q for q, _, _ in QUERIES])
def test_search_finds_exactly_the_passages_a_scan_finds(
    corpus: tuple[Archive, Passages],
    query: str,
    test: Callable[[str], bool],
    dated: Callable[[str | None], bool],
) -> None:
    archive, passages = corpus
    expected: set[Key] = {(d, o) for d, o, text, date in passages if dated(date) and test(text)}
    result = archive.search(query, limit=len(passages))
    found: set[Key] = {(h.doc_id, h.passage) for h in result.hits}
    assert result.total == len(found)
    assert found == expected, (sorted(found - expected)[:5], sorted(expected - found)[:5])
    assert expected, f"{query!r} should match something in the sample"


def test_date_from_and_date_to_match_a_scan(corpus: tuple[Archive, Passages]) -> None:
    archive, passages = corpus
    expected = {
        (d, o)
        for d, o, text, date in passages
        if date is not None and "2011-02-15" <= date <= "2011-03-31" and has(ARMY)(text)
    }
    result = archive.search("army", limit=len(passages), date_from="2011-02-15", date_to="2011-03")
    assert {(h.doc_id, h.passage) for h in result.hits} == expected
    assert expected
