"""The query language read right (issue #15 §1): dates, stems, hyphens, normalisation, syntax,
cost guards, snippets, re-imports, deletes. Small real archives (real SQLite, real Whoosh)."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.test_search import marked
from wpk_archive.core.archive import Archive, ImportReport, open_archive
from wpk_archive.core.ingest import Item, document_from_text

ARTICLES = [
    ("Rice", "2012-04-15", "The rice harvest was good. Rice fields were planted early."),
    ("Crop year", "2013-05-01", "Farmers said the rice of the year gave a rich harvest."),
    ("Commit", "2014-01-01", "The party committed itself; it commits again, committing all."),
    ("Celebrate", "2014-02-01", "People celebrated the day and are celebrating still."),
    ("Plan", "2014-03-01", "They planned the work and are planning more plans."),
    ("Escalate", "2014-04-01", "The enemy escalated tension, escalating the crisis."),
    ("Inter", "2015-01-01", "The inter-Korean talks and north-south relations went on."),
    ("Korean", "2015-01-02", "The Korean nation and its Korean people."),
    ("Satellite", "2012-12-12", "The satellite Kwangmyongsong-3 was launched."),
    ("Phrase", "2016-01-01", "The Central Committee met. The Central Committee decided."),
    ("First", "2016-02-01", "For the first time the first secretary spoke."),
    ("Hangul", "2016-03-01", "조선로동당 중앙위원회 전원회의가 열렸다."),
    ("Wheat", "2017-01-01", "Wheat and barley were sown."),
    ("Leap", "2012-02-29", "A leap day note on rice."),
    ("Month", "2012-02", "A note of February on rice."),
    ("Year", "2012", "A note of the year on rice."),
]


def _items(rows: list[tuple[str, str | None, str]]) -> list[Item]:
    return [
        Item(
            f"test:{title}",
            document_from_text(
                f"{title}\n\n{body}", origin=f"test:{title}", title=title, date=date, source="KCNA"
            ),
        )
        for title, date, body in rows
    ]


def new_archive(folder: Path, rows: list[tuple[str, str | None, str]]) -> Archive:
    """An archive holding only ``rows`` (the bundled articles are left out)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Archive, "import_bundled", lambda self: ImportReport())
        opened = open_archive(folder)
    opened.import_items(_items(rows))
    return opened


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    with new_archive(tmp_path_factory.mktemp("queries") / "a", ARTICLES) as opened:
        yield opened


def titles(archive: Archive, query: str, **kw: object) -> set[str]:
    return {h.title for h in archive.search(query, limit=200, **kw).hits}  # type: ignore[arg-type]


# -- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["rice date:foo", "rice date:2012-13", "rice date:2012-02-30", "rice date:2011-02-29",
     "rice date:[2012 TO 2012-13]", "rice OR date:2012-00", "date:foo"],
)  # fmt: skip
def test_a_bad_or_impossible_date_is_a_message_and_never_widens(
    archive: Archive, query: str
) -> None:
    result = archive.search(query)
    assert result.total == 0 and not result.hits
    assert result.message and "date" in result.message.lower()


def test_bad_date_arguments_are_messages_too(archive: Archive) -> None:
    result = archive.search("rice", date_from="2012-02-30")
    assert result.total == 0 and result.message


def test_an_explicit_and_with_a_date_that_matches_nothing_gives_nothing(archive: Archive) -> None:
    assert archive.search("rice").total > 0
    assert archive.search("rice AND date:1999").total == 0
    assert archive.search("rice date:1999").total == 0
    assert archive.search("(rice OR wheat) AND date:1999").total == 0
    assert titles(archive, "rice AND date:2013") == {"Crop year"}


def test_exclusive_ranges_leave_their_ends_out(archive: Archive) -> None:
    everything = titles(archive, "rice")
    assert titles(archive, "rice date:[2012 TO 2013]") == everything
    assert titles(archive, "rice date:{2012 TO 2014}") == {"Crop year"}
    assert titles(archive, "rice date:{2012-02 TO 2013}") == {"Rice"}
    assert titles(archive, "rice date:[2012-02 TO 2012-02]") == {"Leap", "Month"}
    assert titles(archive, "rice date:2012-02-29") == {"Leap"}


# -- stems, hyphens, normalisation ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "title"),
    [("commit", "Commit"), ("committed", "Commit"), ("celebrate", "Celebrate"),
     ("plan", "Plan"), ("planned", "Plan"), ("escalate", "Escalate")],
)  # fmt: skip
def test_english_inflections_are_found(archive: Archive, query: str, title: str) -> None:
    result = archive.search(query)
    assert title in {h.title for h in result.hits}
    hit = next(h for h in result.hits if h.title == title)
    assert len(hit.snippet.marks) >= 2  # every inflected form is marked


def test_hyphenated_words_are_indexed_whole_and_as_their_parts(archive: Archive) -> None:
    assert titles(archive, "korean") == {"Inter", "Korean"}
    assert titles(archive, "north") == {"Inter"}
    assert titles(archive, "Kwangmyongsong") == {"Satellite"}
    assert titles(archive, "inter-Korean") == {"Inter"}
    assert titles(archive, '"inter-Korean talks"') == {"Inter"}
    assert titles(archive, '"north-south relations"') == {"Inter"}
    assert titles(archive, '"Korean talks"') == {"Inter"}  # a part keeps its word's position
    assert titles(archive, '"Kwangmyongsong-3 was launched"') == {"Satellite"}
    hit = archive.search("korean", limit=50).hits
    inter = next(h for h in hit if h.title == "Inter")
    assert "inter-<mark>Korean</mark>" in marked(inter.snippet)


def test_text_and_queries_are_normalised(archive: Archive) -> None:
    assert titles(archive, "ｒｉｃｅ") == titles(archive, "rice")
    assert titles(archive, "ﬁrst") == {"First"}
    assert titles(archive, "“Central Committee”") == titles(archive, '"Central Committee"')
    assert titles(archive, "“rice harvest”") == {"Rice"}  # a phrase, not two words
    decomposed = unicodedata.normalize("NFD", "중앙위원회")
    assert decomposed != "중앙위원회"
    # 중앙위원회 is also the "Central Committee" of the variants table (the "Phrase" article)
    assert titles(archive, decomposed) == titles(archive, "중앙위원회") == {"Hangul", "Phrase"}


def test_decomposed_hangul_in_a_text_is_found(tmp_path: Path) -> None:
    text = unicodedata.normalize("NFD", "조선로동당 중앙위원회 전원회의")
    with new_archive(tmp_path / "a", [("NFD", "2020-01-01", text)]) as archive:
        result = archive.search("중앙위원회")
        assert result.total == 1
        hit = result.hits[0]
        assert [unicodedata.normalize("NFC", hit.text[a:b]) for a, b in hit.spans] == [
            "중앙위원회"
        ] or len(hit.spans) >= 1


def test_ligatures_and_full_width_text_are_found_and_marked_in_place(tmp_path: Path) -> None:
    with new_archive(tmp_path / "a", [("Odd", "2020-01-01", "The ﬁrst ｒｉｃｅ crop.")]) as archive:
        for query in ("first", "rice"):
            hit = archive.search(query).hits[0]
            assert [hit.text[a:b] for a, b in hit.spans] == [
                "ﬁrst" if query == "first" else "ｒｉｃｅ"
            ]


# -- syntax --------------------------------------------------------------------------------------


def test_proximity_phrases(archive: Archive) -> None:
    assert titles(archive, '"rice harvest"') == {"Rice"}
    assert titles(archive, '"rice harvest"~7') == {"Rice", "Crop year"}
    assert titles(archive, '"rice harvest"~2') == {"Rice"}
    assert titles(archive, '"fields rice"~3') == set()  # in order
    assert titles(archive, '"rice fields"~3') == {"Rice"}


def test_group_boosts_scale_the_group(archive: Archive) -> None:
    plain = {h.title: h.score for h in archive.search("rice OR wheat", limit=50).hits}
    boosted = {h.title: h.score for h in archive.search("(rice OR wheat)^2", limit=50).hits}
    assert set(plain) == set(boosted)
    for title, score in plain.items():
        assert boosted[title] == pytest.approx(2 * score, rel=1e-5)


@pytest.mark.parametrize("query", ["title:", "rice title:", "title: rice"])
def test_an_empty_field_is_a_message(archive: Archive, query: str) -> None:
    result = archive.search(query)
    assert result.message and "title:" in result.message
    if "rice" in query:
        assert result.total == archive.search("rice").total


def test_not_not_is_read(archive: Archive) -> None:
    result = archive.search("NOT NOT rice")
    assert result.message is None or "index" not in result.message
    assert titles(archive, "NOT NOT rice") == titles(archive, "rice")
    assert titles(archive, "NOT NOT NOT rice") == titles(archive, "NOT rice")


def test_star_finds_every_passage(archive: Archive) -> None:
    assert archive.search("*").total == archive.search("*:*").total == archive.stats()["passages"]


def test_very_long_words_and_queries_answer(archive: Archive) -> None:
    assert archive.search("a" * 20_000).total == 0
    long_query = archive.search(" ".join(["rice"] * 4000))
    assert long_query.total == 0 and long_query.message and "long" in long_query.message
    assert archive.search("a" * 200 + "~").total == 0


# -- snippets ------------------------------------------------------------------------------------


def test_snippets_never_repeat_text_and_mark_a_phrase_once(tmp_path: Path) -> None:
    body = (
        "The general secretary said the policy was identical to Kim Jong Il. "
        + "Words follow here to fill the passage. " * 3
        + "He repeated that it was identical to Kim Jong Il."
    )
    with new_archive(tmp_path / "a", [("Same", "2020-01-01", body)]) as archive:
        hit = archive.search("Kim Jong Il").hits[0]
        shown = [hit.text[a:b] for a, b in hit.snippet.fragments]
        for i, a in enumerate(hit.snippet.fragments):
            for b in hit.snippet.fragments[i + 1 :]:
                assert a[1] <= b[0], shown  # no two excerpts share text
        assert [hit.text[a:b] for a, b in hit.snippet.marks] == ["Kim Jong Il", "Kim Jong Il"]
        phrase = archive.search('"general secretary"').hits[0]
        assert [phrase.text[a:b] for a, b in phrase.snippet.marks] == ["general secretary"]


def test_snippet_markup_is_rendered_by_callers_with_the_text_escaped(tmp_path: Path) -> None:
    with new_archive(tmp_path / "a", [("Tags", "2020-01-01", "rice <b>&amp; beans")]) as archive:
        hit = archive.search("rice").hits[0]
        assert marked(hit.snippet) == "<mark>rice</mark> &lt;b&gt;&amp;amp; beans"


# -- re-imports and deletes ----------------------------------------------------------------------


def _file(path: Path, rows: list[tuple[str, str]]) -> Path:
    import json

    path.write_text(
        "\n".join(
            json.dumps({"title": t, "date": "2020-01-01", "url": "http://x/1", "text": x})
            for t, x in rows
        ),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("bulk", [False, True])
def test_an_article_twice_in_one_import_keeps_only_its_last_text(
    tmp_path: Path, bulk: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wpk_archive.core.operations import importing as importing_module

    if bulk:
        monkeypatch.setattr(importing_module, "BATCH", 5)  # two batches: the indexing process
    filler = [(f"Filler {i}", f"Filler text number {i} about barley.") for i in range(12)]
    old = _file(tmp_path / "old.jsonl", [("Same story", "The oldword was here."), *filler[:6]])
    new = _file(tmp_path / "new.jsonl", [*filler[6:], ("Same story", "The newword is here.")])
    with open_archive(tmp_path / "a") as archive:
        report = archive.import_paths([old, new])
        assert report.updated == 1
        assert archive.search("newword").total == 1
        assert archive.search("oldword").total == 0
        assert archive.search("title:story").total == 1
        assert all("in step" not in line for line in archive.doctor(repair=False))
        assert any(line.startswith("search index: ok") for line in archive.doctor(repair=False))


def test_doctor_finds_and_repairs_a_stale_passage(tmp_path: Path) -> None:
    with new_archive(tmp_path / "a", ARTICLES[:3]) as archive:
        doc = archive.search("wheat OR harvest").hits[0]
        found = archive.document(doc.doc_id)
        assert found is not None
        # an indexed passage the store does not have (left by a crash, say)
        stale = dataclasses.replace(
            found,
            id="not-in-the-store",
            passages=[dataclasses.replace(p, doc_id="not-in-the-store") for p in found.passages],
        )
        archive._index.add_documents([stale], replace=False)
        check = archive.doctor(repair=False)
        assert any("not in the store" in line for line in check), check
        fixed = archive.doctor(repair=True)
        assert any("rebuilt" in line for line in fixed)
        assert any(line.startswith("search index: ok") for line in archive.doctor(repair=False))


def test_deleting_a_document_marks_its_passages_deleted_without_a_rebuild(
    tmp_path: Path,
) -> None:
    with new_archive(tmp_path / "a", ARTICLES) as archive:
        doc = next(h for h in archive.search("wheat").hits)
        segments = {p.name for p in archive._index.path.iterdir() if p.suffix == ".pst"}
        archive.delete_document(doc.doc_id, confirm_loss=True)
        assert archive.search("wheat").total == 0
        assert archive.search("rice").total > 0
        after = {p.name for p in archive._index.path.iterdir() if p.suffix == ".pst"}
        assert after == segments  # no segment was rewritten
        assert any(line.startswith("search index: ok") for line in archive.doctor(repair=False))
