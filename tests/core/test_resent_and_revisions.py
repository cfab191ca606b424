"""Re-sent stories are grouped (and counted once as sources); a changed article keeps every
revision, with a word diff, and the user's anchors follow the words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wpk_archive.core.archive import Archive, ArchiveError, open_archive

STORY = (
    "The 8th Congress of the Workers' Party of Korea opened in Pyongyang on January 5, 2021.\n\n"
    "Kim Jong Un made a report on the work of the 7th Central Committee of the Party. The "
    "report reviewed the successes and lessons of the five years since the 7th Congress and "
    "set out the tasks for the new five-year plan for the development of the national "
    "economy, which the delegates discussed in the sectional meetings that followed. The "
    "congress also discussed the revision of the Party rules and the election of the central "
    "leadership bodies, and the delegates expressed full support for the report."
)


def _rows(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    with open_archive(tmp_path / "archive", bundled=False) as opened:
        yield opened


def _congress(archive: Archive):  # type: ignore[no-untyped-def]
    return next(e for e in archive.timeline() if e.key == "party_congress:8")


def test_a_resent_story_with_edits_is_grouped_and_counts_once(
    archive: Archive, tmp_path: Path
) -> None:
    index = "http://www.kcna.kp/index-2021-01.html"  # one daily index page: url is not enough
    first = {
        "title": "8th Congress of WPK Opens",
        "date": "2021-01-06",
        "text": STORY,
        "url": index,
    }
    resent = {
        "title": "8th Congress of WPK Opens in Pyongyang",
        "date": "2021-01-07",
        "url": index,
        "text": STORY.replace("sectional meetings that followed", "sectional meetings").replace(
            "full support", "their full support"
        ),
    }
    other = {
        "title": "Congress delegates visit the Kumsusan Palace",
        "date": "2021-01-08",
        "url": index,
        "text": "Delegates to the 8th Congress of the WPK, which opened on January 5, 2021, "
        "visited the Kumsusan Palace of the Sun on Friday to pay tribute to the leaders. "
        "They laid flowers and bowed in the hall, and recalled the history of the Party "
        "and its victories over the decades of revolution and construction in the country.",
    }
    report = archive.import_paths([_rows(tmp_path / "a.jsonl", [first, resent, other])])
    assert report.added == 3 and report.resent == 1, report.summary()
    ids = {d["title"]: d["id"] for d in archive.documents()}
    a, b, c = ids[first["title"]], ids[resent["title"]], ids[other["title"]]
    assert archive.duplicates(a) == [b] and archive.duplicates(b) == [a]
    assert archive.duplicates(c) == []
    assert archive.search("sectional").total == 2  # search still counts every passage
    event = _congress(archive)
    assert len({s.doc_id for s in event.sources}) == 3
    assert event.independent_sources == 2  # the re-send counts once
    # the user says it is another story: kept through re-import and re-extraction
    archive.separate_duplicate(b)
    assert archive.duplicates(a) == [] and _congress(archive).independent_sources == 3
    changed = dict(resent, text=resent["text"] + "\n\nThe congress continues.")
    again = archive.import_paths([_rows(tmp_path / "a.jsonl", [first, changed, other])])
    assert again.updated == 1 and again.added == 0 and again.duplicates == 2
    assert len(archive.revisions(b)) == 2
    archive.reextract()
    assert archive.duplicates(a) == [] and _congress(archive).independent_sources == 3
    with pytest.raises(ArchiveError):
        archive.separate_duplicate(c)


def test_exact_duplicates_stay_refused(archive: Archive, tmp_path: Path) -> None:
    row = {"title": "One", "text": STORY}
    report = archive.import_paths(
        [_rows(tmp_path / "a.jsonl", [row]), _rows(tmp_path / "b.jsonl", [dict(row, title="Two")])]
    )
    assert report.added == 1 and report.duplicates == 1 and report.resent == 0


def test_a_changed_article_keeps_both_revisions_and_a_word_diff(
    archive: Archive, tmp_path: Path
) -> None:
    page = tmp_path / "article.txt"
    page.write_text("Plenary report\n\n" + STORY, encoding="utf-8")
    archive.import_paths([page])
    doc = next(archive.document(d["id"]) for d in archive.documents())
    assert doc is not None
    archive.set_user_summary(doc.id, "My own summary of the plenary report.")
    manual = archive.add_event(doc_id=doc.id, passage=2, start="2021-01-05", name="Report").event_id
    new_text = "Plenary report\n\nAn introduction added by the editors.\n\n" + STORY.replace(
        "national economy", "people's economy"
    )
    page.write_text(new_text, encoding="utf-8")
    report = archive.import_paths([page])
    assert report.updated == 1 and report.added == 0
    revs = archive.revisions(doc.id)
    assert [r.id for r in revs] == [1, 2] and revs[-1].current
    assert revs[0].sha256 == doc.content_hash and revs[0].text == doc.text
    old, new, runs = archive.diff(doc.id)
    assert (old.id, new.id) == (1, 2)
    assert [t for op, t in runs if op == "-"] == ["national"]
    assert [t for op, t in runs if op == "+"] == [
        "An introduction added by the editors.",
        "people's",
    ]
    # only the current text is searched
    assert archive.search("people's economy").total == 1
    assert archive.search('"national economy"').total == 0
    # the user's summary stays, marked as written for the earlier text; the hand-made event's
    # anchor moved to where its passage is now (passage 3)
    summary = archive.summary(doc.id)
    assert summary is not None and summary.user_text and summary.user_outdated
    event = archive.event(manual)
    assert event is not None and event.sources[0].passage == 3
    current = archive.document(doc.id)
    assert current is not None
    source = event.sources[0]
    assert current.text[source.start : source.end] == source.quote
    with pytest.raises(ArchiveError):
        archive.diff(doc.id, 1, 3)


def test_a_big_import_finds_its_resent_stories_at_its_end(archive: Archive, tmp_path: Path) -> None:
    filler = [
        {
            "title": f"Filler {i}",
            "url": f"http://x/{i}",
            "text": f"Item {i}: the {i}th orchard "
            f"gave {i * 7} tons of apples and {i * 3} tons of pears this year, {i} more than before.",
        }
        for i in range(600)
    ]
    first = {"title": "8th Congress of WPK Opens", "url": "http://x/a", "text": STORY}
    resent = {
        "title": "8th Congress of WPK Opens Again",
        "url": "http://x/b",
        "text": STORY.replace("full support", "their full support"),
    }
    path = _rows(tmp_path / "big.jsonl", [first, *filler, resent])
    report = archive.import_paths([path])
    assert report.added == 602 and report.resent == 1, report.summary()
    ids = {d["title"]: d["id"] for d in archive.documents()}
    assert archive.duplicates(ids[first["title"]]) == [ids[resent["title"]]]
    assert _congress(archive).independent_sources == 1
    # a new revision of the re-send, in a big import again: its pairs are found anew
    changed = dict(resent, text=resent["text"].replace("Pyongyang", "the capital"))
    again = archive.import_paths([_rows(tmp_path / "big.jsonl", [first, *filler, changed])])
    assert again.updated == 1 and again.resent == 1, again.summary()
    assert archive.duplicates(ids[first["title"]]) == [ids[resent["title"]]]
