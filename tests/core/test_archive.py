"""The archive gateway over a real SQLite file and a real Whoosh index."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from wpk_archive.core.archive import Archive, open_archive


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    with open_archive(tmp_path / "archive") as opened:
        yield opened


def test_new_archive_holds_the_bundled_articles(archive: Archive) -> None:
    titles = {d["title"] for d in archive.documents()}
    assert titles == {
        "Milestones in history of WPK",
        "8th Congress of Workers' Party of Korea Sets Ambitious Program",
    }
    dated = {d["title"]: d["date"] for d in archive.documents()}
    assert dated["8th Congress of Workers' Party of Korea Sets Ambitious Program"] == "2021-02-21"
    assert (archive.folder / "archive.sqlite").exists()
    assert (archive.folder / "index").is_dir()


def test_archive_folder_keeps_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    open_archive(folder).close()
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_search_finds_the_passage_with_highlighted_snippet(archive: Archive) -> None:
    result = archive.search("Supreme People's Assembly")
    assert result.total == 1
    hit = result.hits[0]
    assert hit.title.startswith("8th Congress")
    assert "4th Session of the" in hit.text
    marks = [hit.text[a:b] for a, b in hit.snippet.marks]
    assert "Supreme People's Assembly" in marks  # one mark for the whole phrase
    doc = archive.document(hit.doc_id)
    assert doc is not None
    assert doc.passages[hit.passage - 1].text == hit.text


def test_search_stems_english_words(archive: Archive) -> None:
    result = archive.search("congresses")
    assert result.total >= 3
    assert all(h.snippet.marks for h in result.hits)


def test_reimporting_the_same_content_adds_nothing(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("Orchard meeting\n\nThe orchard meeting opened in Pyongyang.", encoding="utf-8")
    first = archive.import_paths([path])
    second = archive.import_paths([path])
    assert (first.added, second.added, second.duplicates) == (1, 0, 1)
    assert archive.stats()["documents"] == 3
    assert archive.search("orchard").total == 2


def test_changed_file_updates_its_document_and_keeps_the_old_text(
    archive: Archive, tmp_path: Path
) -> None:
    path = tmp_path / "article.txt"
    path.write_text("Meeting\n\nThe first version mentions apples.", encoding="utf-8")
    archive.import_paths([path])
    doc_id = archive.search("apples").hits[0].doc_id
    archive.set_user_summary(doc_id, "My own words about apples.")
    path.write_text("Meeting\n\nThe second version mentions pears.", encoding="utf-8")
    report = archive.import_paths([path])
    assert report.updated == 1
    assert archive.search("apples").total == 0
    assert archive.search("pears").hits[0].doc_id == doc_id
    versions = archive._store.versions(doc_id)
    assert "apples" in versions[0]["text"]
    summary = archive.summary(doc_id)
    assert summary is not None
    assert summary.user_text == "My own words about apples."
    assert summary.user_outdated


def test_user_summary_survives_reimport_and_reindex(archive: Archive, tmp_path: Path) -> None:
    doc_id = archive.search("Supreme People's Assembly").hits[0].doc_id
    archive.set_user_summary(doc_id, "Congress closed; SPA convened.")
    archive.import_bundled()
    archive.reindex()
    summary = archive.summary(doc_id)
    assert summary is not None and summary.origin == "user"
    assert summary.user_text == "Congress closed; SPA convened."
    assert summary.auto, "the automatic summary is kept beside the user's"


def test_import_reports_refused_files_and_imports_the_rest(
    archive: Archive, tmp_path: Path
) -> None:
    (tmp_path / "good.txt").write_text("Good\n\nA good congress article.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text(
        '{"title": "T", "text": "jsonl congress"}\n{oops\n', encoding="utf-8"
    )
    report = archive.import_paths([tmp_path])
    assert report.added == 2
    assert sorted(Path(r.path).name for r in report.refused) == ["bad.jsonl", "empty.txt"]
    assert not report.ok


def test_missing_index_is_rebuilt_from_the_store(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    open_archive(folder).close()
    import shutil

    shutil.rmtree(folder / "index")
    with open_archive(folder) as archive:
        assert archive.search("Supreme People's Assembly").total == 1


def test_second_instance_opens_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    with open_archive(folder) as first:
        with open_archive(folder) as second:
            assert second.readonly and second.notice
            assert second.search("congress").total > 0
        assert not first.readonly


def test_store_is_a_plain_sqlite_database(archive: Archive) -> None:
    conn = sqlite3.connect(archive.folder / "archive.sqlite")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "passages", "events", "event_sources", "user_summaries"} <= tables
    (count,) = conn.execute("SELECT count(*) FROM passages").fetchone()
    assert count > 10
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    json.dumps(archive.stats())


def test_articles_sharing_url_and_title_stay_apart_on_reimport(
    archive: Archive, tmp_path: Path
) -> None:
    rows = [
        {"title": "Same", "url": "http://x/index.html", "text": "First story about orchards."},
        {
            "title": "Same",
            "url": "http://x/index.html",
            "text": "Second story about orchards, re-sent.",
        },
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    first = archive.import_paths([path])
    second = archive.import_paths([path])
    assert (first.added, first.updated) == (2, 0)
    assert (second.added, second.updated, second.duplicates) == (0, 0, 2)
    assert archive.search("orchards").total == 2
