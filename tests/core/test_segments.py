"""The bulk segment writer and the background indexer against Whoosh's own writer.

A segment written by :class:`BulkSegmentWriter` must be the segment Whoosh's writer makes from
the same passages: every term, posting (docnum, weight, positions), block statistic, field
length, stored field and column.
"""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import corpus_file
from wpk_archive.core.archive import BATCH, open_archive
from wpk_archive.core.ingest import document_from_text, read_jsonl
from wpk_archive.core.models import Document
from wpk_archive.core.operations import importing as importing_module
from wpk_archive.core.search.analysis import index_stream, text_analyzer
from wpk_archive.core.search.index import PassageIndex

TRICKY = [
    "Kim Jong Un's speech at the Workers’ Party’s plenary meeting. Kim Jong-un, Kim Il-sung.",
    "조선로동당 중앙위원회 전원회의가 열렸다. Mixed 한글 and English text's words.",
    "İstanbul and ŞİŞLİ: lowercasing changes the length of some capitals.",
    "U.S. 3.5 per cent, e-mail, rock'n'roll, o'clock, 1,000 tons; ‘quoted’ “words”.",
    "the " * 5000 + "end",  # positions beyond the cached single-position encodings
    "word word word word",
    "The inter-Korean north-south talks, Kwangmyongsong-3, a-a-b and north-korea's-",
    "ｒｉｃｅ ﬁrst, full-width ＡＢＣ-ｄｅｆ; decomposed \u1112\u1161\u11ab\u1100\u1173\u11af too.",
    "",
]


def _docs() -> list[Document]:
    docs = []
    for i, body in enumerate(TRICKY):
        text = f"Article {i}: {['Congress', 'Kim Jong Il', ''][i % 3]}\n\n{body}\n\nSecond passage {i}."
        docs.append(
            document_from_text(
                text,
                origin=f"test:{i}",
                date=["2012-04-11", "2011", "2023-06", None][i % 4],
                source=["KCNA", "Rodong Sinmun", None][i % 3],
            )
        )
    return docs


def _postings(reader: Any, fieldname: str, term: bytes) -> list[tuple[int, float, bytes]]:
    m = reader.postings(fieldname, term)
    out = []
    while m.is_active():
        out.append((m.id(), m.weight(), m.value()))
        m.next()
    return out


def _assert_same_index(a: PassageIndex, b: PassageIndex) -> int:
    ra, rb = a.searcher().reader(), b.searcher().reader()
    assert ra.doc_count_all() == rb.doc_count_all()
    terms = list(ra.all_terms())
    assert terms == list(rb.all_terms())
    for fieldname, term in terms:
        ia, ib = ra.term_info(fieldname, term), rb.term_info(fieldname, term)
        for stat in (
            "_weight",
            "_df",
            "_minlength",
            "_maxlength",
            "_maxweight",
            "_minid",
            "_maxid",
        ):
            assert getattr(ia, stat) == getattr(ib, stat), (fieldname, term, stat)
        assert _postings(ra, fieldname, term) == _postings(rb, fieldname, term), (fieldname, term)
    for docnum in range(ra.doc_count_all()):
        assert ra.stored_fields(docnum) == rb.stored_fields(docnum)
        for name in ("text", "title", "source"):
            assert ra.doc_field_length(docnum, name) == rb.doc_field_length(docnum, name)
    for name in ("doc_id", "src", "date"):
        assert list(ra.column_reader(name)) == list(rb.column_reader(name)), name
    for name in ("text", "title", "source"):
        assert ra.field_length(name) == rb.field_length(name)
    return len(terms)


def _both(tmp_path: Path, docs: list[Document], kinds: dict[tuple[str, int], set[str]]) -> int:
    whoosh_made = PassageIndex(tmp_path / "whoosh" / "index")
    whoosh_made.create()
    whoosh_made.add_documents(docs, kinds=kinds, replace=False, large=False)
    bulk_made = PassageIndex(tmp_path / "bulk" / "index")
    bulk_made.create()
    bulk_made.add_documents(docs, kinds=kinds, replace=False, large=True)
    return _assert_same_index(whoosh_made, bulk_made)


def _analyzer_stream(text: str) -> tuple[list[str], list[int]]:
    tokens = [(t.text, t.pos) for t in text_analyzer()(text, positions=True, mode="index")]
    return [t for t, _ in tokens], [p for _, p in tokens]


def _fast_stream(text: str) -> tuple[list[str], list[int]]:
    tokens, positions = index_stream(text)
    return tokens, list(range(len(tokens))) if positions is None else positions


def test_fast_tokens_are_the_analyzers_tokens() -> None:
    for text in TRICKY:
        assert _fast_stream(text) == _analyzer_stream(text)


def test_bulk_segment_equals_whooshs_on_tricky_text(tmp_path: Path) -> None:
    docs = _docs()
    kinds = {(docs[0].id, 1): {"party_congress", "cc_plenary"}, (docs[2].id, 0): {"spa_session"}}
    assert _both(tmp_path, docs, kinds) > 50


@pytest.mark.corpus
def test_bulk_segment_equals_whooshs_on_real_articles(tmp_path: Path) -> None:
    path = corpus_file("kcna_2023_2024.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        items, _ = read_jsonl("".join(itertools.islice(fh, 300)), path.name)
    docs = [item.document for item in items]
    for doc in docs:
        for p in doc.passages:
            assert _fast_stream(p.text) == _analyzer_stream(p.text)
    assert _both(tmp_path, docs, {}) > 5000


def _items(n: int, stamp: str = "") -> list[Any]:
    from wpk_archive.core.ingest import Item

    items = []
    for i in range(n):
        text = f"Report {i}{stamp}\n\nPyongyang, April {i % 28 + 1} (KCNA) -- Item number{i} about rice {stamp}."
        doc = document_from_text(text, origin=f"bulk:{i}", date=f"2012-04-{i % 28 + 1:02d}")
        items.append(Item(f"bulk:{i}", doc))
    return items


def test_a_big_import_is_indexed_by_the_background_process(tmp_path: Path) -> None:
    with open_archive(tmp_path / "a") as archive:
        before = archive._index.passage_count()
        report = archive.import_items(_items(BATCH + 150))
        assert report.added == BATCH + 150
        assert archive._bulk is None  # committed and closed
        assert archive._index.generation == archive._store.generation()
        assert archive._index.passage_count() == before + 2 * (BATCH + 150)
        assert archive.search("number7").total == 1
        assert archive.search("rice").total == BATCH + 150
        # re-import with changed text: old passages are replaced, not duplicated
        report = archive.import_items(_items(BATCH + 150, stamp=" revised"))
        assert report.updated == BATCH + 150
        assert archive.search("rice").total == BATCH + 150
        assert archive.search("revised").total == 2 * (BATCH + 150)
    with open_archive(tmp_path / "a") as archive:  # nothing to repair on the next open
        assert archive.search("number649").total == 1


def test_a_failed_indexer_leaves_the_store_whole_and_the_index_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Broken(importing_module.BackgroundIndexer):
        def commit(self) -> int:
            self.cancel()
            raise importing_module.IndexerFailed("killed for the test")

    monkeypatch.setattr(importing_module, "BackgroundIndexer", Broken)
    with open_archive(tmp_path / "a") as archive:
        archive.import_items(_items(BATCH + 10))
        assert archive.notice is not None and "rebuilt" in archive.notice
        assert archive._store.count("documents") >= BATCH + 10
        # the next search finds the index behind the store and rebuilds it
        assert archive.search("rice").total == BATCH + 10
        assert archive._index.generation == archive._store.generation()
