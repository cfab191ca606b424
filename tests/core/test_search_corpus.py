"""The search defects found on the real KCNA articles (issue #15 §1), checked on the first 2,000
of them: every figure here was wrong before (see bench/search_defects.py for the 19,873-article
figures)."""

from __future__ import annotations

import gzip
import itertools
import re
import sqlite3
from collections.abc import Iterator

import pytest

from tests.conftest import corpus_file
from wpk_archive.core.archive import Archive, ImportReport, open_archive
from wpk_archive.core.ingest import read_jsonl

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    path = corpus_file("kcna_2011_2012.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        items, _ = read_jsonl("".join(itertools.islice(fh, 2000)), path.name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Archive, "import_bundled", lambda self: ImportReport())
        opened = open_archive(tmp_path_factory.mktemp("corpus") / "a")
    opened.import_items(items)
    yield opened
    opened.close()


def _passages(archive: Archive, pattern: str) -> set[tuple[str, int]]:
    regex = re.compile(pattern, re.IGNORECASE)
    with sqlite3.connect(archive.folder / "archive.sqlite") as con:
        rows = con.execute("SELECT doc_id, ordinal, text FROM passages").fetchall()
    return {(d, o) for d, o, text in rows if regex.search(text)}


def _found(archive: Archive, query: str) -> set[tuple[str, int]]:
    return {(h.doc_id, h.passage) for h in archive.search(query, limit=100_000).hits}


def test_pages_tile_the_ranking_for_every_page_size_and_sort(archive: Archive) -> None:
    rows = [h for page in range(3) for h in archive.search("Kim Jong Il", limit=50,
            offset=50 * page).hits]  # fmt: skip
    assert len(rows) == 150 and len({(h.doc_id, h.passage) for h in rows}) == 150
    tops = {n: archive.search("Kim Jong Il", limit=n).hits[0] for n in (1, 5, 20, 50)}
    assert len({(h.doc_id, h.passage, h.score) for h in tops.values()}) == 1
    for sort in ("relevance", "date", "oldest"):
        whole = [
            (h.doc_id, h.passage, h.score)
            for h in archive.search("Kim Jong Il", limit=100_000, sort=sort).hits  # type: ignore[arg-type]
        ]
        for size in (7, 20, 50):
            paged = [
                (h.doc_id, h.passage, h.score)
                for offset in range(0, 350, size)
                for h in archive.search("Kim Jong Il", limit=size, offset=offset, sort=sort).hits  # type: ignore[arg-type]
            ]
            assert paged == whole[: len(paged)], (sort, size)
    oldest = [h.date for h in archive.search("rice", limit=1000, sort="oldest").hits if h.date]
    assert oldest == sorted(oldest)


def test_dates_never_widen_the_query(archive: Archive) -> None:
    assert archive.search("rice").total > 0
    foo = archive.search("rice date:foo")
    assert foo.total == 0 and foo.message
    assert archive.search("rice AND date:1999").total == 0
    impossible = archive.search("rice date:2012-13")
    assert impossible.total == 0 and impossible.message


@pytest.mark.parametrize(
    ("query", "pattern"),
    [("commit", r"\bcommitted\b"), ("celebrate", r"\bcelebrated\b"),
     ("escalate", r"\bescalated\b"), ("plan", r"\bplanned\b")],
)  # fmt: skip
def test_english_inflections_are_found_on_real_articles(
    archive: Archive, query: str, pattern: str
) -> None:
    wanted = _passages(archive, pattern)
    assert wanted
    assert wanted <= _found(archive, query)


@pytest.mark.parametrize(
    ("query", "pattern"),
    [("korean", r"\binter-Korean\b"), ("north", r"\bnorth-south\b"),
     ("dprk", r"\banti-DPRK\b")],
)  # fmt: skip
def test_the_parts_of_hyphenated_words_are_found_on_real_articles(
    archive: Archive, query: str, pattern: str
) -> None:
    wanted = _passages(archive, pattern)
    assert wanted
    assert wanted <= _found(archive, query)


def test_full_width_ligatures_and_curly_quotes_on_real_articles(archive: Archive) -> None:
    assert _found(archive, "ｒｉｃｅ") == _found(archive, "rice")
    assert _found(archive, "“Central Committee”") == _found(archive, '"Central Committee"')


def test_star_and_long_words_on_real_articles(archive: Archive) -> None:
    assert archive.search("*").total == archive.stats()["passages"]
    assert archive.search("a" * 20_000).total == 0
    assert archive.search(" ".join(["rice"] * 4000)).message


def test_snippets_repeat_no_text_and_mark_a_phrase_whole_on_real_articles(
    archive: Archive,
) -> None:
    for query in ("Kim Jong Il", "Kim Jong Un", '"Central Committee"', "party congress"):
        for hit in archive.search(query, limit=200).hits:
            fragments = hit.snippet.fragments
            assert all(a[1] < b[0] for a, b in itertools.pairwise(fragments)), hit.text
            for a, b in hit.snippet.marks:
                assert not hit.text[a:b].lower().endswith(("kim", "central")), hit.text[a:b]
