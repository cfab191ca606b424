"""The researcher's corrections hold through re-import, re-extraction and re-index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wpk_archive.core.archive import Archive, ArchiveError, open_archive
from wpk_archive.core.corrections import source_key
from wpk_archive.core.models import Event
from wpk_archive.core.timeline import event_to_json


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    with open_archive(tmp_path / "a") as opened:
        yield opened


def _event(archive: Archive, name_start: str, rejected: bool = False) -> Event:
    return next(e for e in archive.timeline(rejected=rejected) if e.name.startswith(name_start))


def _doc_id(archive: Archive, title_start: str) -> str:
    return next(d["id"] for d in archive.documents() if d["title"].startswith(title_start))


def test_change_dates_kind_and_name(archive: Archive) -> None:
    event = _event(archive, "4th Conference of the WPK")
    archive.correct_event(
        event.id, start="2012-04-12", kind="party_conference", name="Fourth Party Conference"
    )  # (the extracted date is the chronology's 11 April; the user gives another day)
    fixed = archive.event(event.id)
    assert fixed is not None
    assert (fixed.start, fixed.end, fixed.precision, fixed.name) == (
        "2012-04-12",
        "2012-04-12",
        "day",
        "Fourth Party Conference",
    )
    assert (
        fixed.corrected["start"] == "2012-04-11"
        and fixed.corrected["name"] == "4th Conference of the WPK"
    )
    data = event_to_json(fixed)
    assert data["origin"] == "user" and data["fields"]["start"] == {
        "origin": "user",
        "extracted": "2012-04-11",
    }
    with pytest.raises(ArchiveError, match="not a date"):
        archive.correct_event(event.id, start="April")
    with pytest.raises(ArchiveError, match="kind is one of"):
        archive.correct_event(event.id, kind="picnic")


def test_reject_and_restore(archive: Archive) -> None:
    event = _event(archive, "4th Session of the 14th Supreme")
    archive.reject_event(event.id)
    assert event.id not in {e.id for e in archive.timeline()}
    assert [e.id for e in archive.timeline(rejected=True)] == [event.id]
    archive.restore_event(event.id)
    assert event.id in {e.id for e in archive.timeline()}


def test_add_an_event_by_hand_anchored_to_a_passage(archive: Archive) -> None:
    doc_id = _doc_id(archive, "8th Congress")
    doc = archive.document(doc_id)
    assert doc is not None
    passage = doc.passages[12]  # "General Secretary Kim Jong Un delivered the closing address. ..."
    span = (
        passage.start,
        passage.start + len("General Secretary Kim Jong Un delivered the closing address."),
    )
    event_id = archive.add_event(
        doc_id=doc_id,
        passage=passage.ordinal,
        start="2021-01-12",
        name="Closing address",
        span=span,
    ).event_id
    made = archive.event(event_id)
    assert made is not None and made.manual and made.kind == "other"
    assert made.sources[0].quote == "General Secretary Kim Jong Un delivered the closing address."
    assert event_to_json(made)["origin"] == "user"
    with pytest.raises(ArchiveError, match="passages 1 to"):
        archive.add_event(doc_id=doc_id, passage=99, start="2021", name="x")


def test_split_a_merged_event_and_join_two(archive: Archive) -> None:
    congress = _event(archive, "7th Congress")
    milestones = _doc_id(archive, "Milestones")
    keys = [source_key(s) for s in congress.sources if s.doc_id == milestones]
    new_id = archive.split_event(congress.id, keys).event_id
    part, rest = archive.event(new_id), archive.event(congress.id)
    assert part is not None and rest is not None
    assert {s.doc_id for s in part.sources} == {milestones}
    assert milestones not in {s.doc_id for s in rest.sources}
    archive.join_events(congress.id, new_id)
    joined = archive.event(congress.id)
    assert joined is not None and len(joined.sources) == len(congress.sources)
    assert archive.event(new_id) is None


def test_document_corrections_and_delete_keep_the_users_notes(
    archive: Archive, tmp_path: Path
) -> None:
    doc_id = _doc_id(archive, "Milestones")
    archive.correct_document(doc_id, date="2020-10-01", source="Naenara")
    doc = archive.document(doc_id)
    assert doc is not None and (doc.date, doc.source) == ("2020-10-01", "Naenara")
    assert archive.search("congress", filters=None).total > 0
    archive.set_user_summary(doc_id, "Milestones, my notes.")
    with pytest.raises(ArchiveError, match="export it first or confirm"):
        archive.delete_document(doc_id)
    assert archive.document(doc_id) is not None, "nothing deleted when refused"
    notes = tmp_path / "notes.json"
    archive.delete_document(doc_id, export_to=notes)
    assert archive.document(doc_id) is None
    assert "Milestones, my notes." in notes.read_text(encoding="utf-8")
    assert all(s.doc_id != doc_id for e in archive.timeline() for s in e.sources)
    assert all(h.doc_id != doc_id for h in archive.search("WPK", limit=100).hits)


ARTICLE = (
    "Party meetings\n\n"
    "The Fifth Plenary Meeting of the Seventh WPK Central Committee was held in December 2019.\n\n"
    "The enlarged meeting of the Political Bureau of the WPK Central Committee was held in February 2020.\n\n"
    "Volume 3 Number 1 - March 2, 2020\n"
)


def test_corrections_hold_through_reimport_reextraction_and_reindex(
    archive: Archive, tmp_path: Path
) -> None:
    path = tmp_path / "meetings.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    archive.import_paths([path])
    doc_id = next(d["id"] for d in archive.documents() if d["title"] == "Party meetings")
    plenum = _event(archive, "5th Plenary Meeting")
    politburo = next(e for e in archive.timeline(kind="politburo_meeting") if e.start == "2020-02")
    # (the extracted dates are the chronology's 28-31 December: the user's differ from them)
    archive.correct_event(plenum.id, start="2019-12-29", end="2019-12-30")
    archive.reject_event(politburo.id)
    archive.correct_document(doc_id, date="2020-03-03")

    # a changed version of the same file comes in: the document is updated, extraction re-runs
    path.write_text(ARTICLE.replace("was held in", "took place in"), encoding="utf-8")
    assert archive.import_paths([path]).updated == 1
    archive.reextract()
    archive.reindex()

    fixed = archive.event(plenum.id)
    assert fixed is not None and (fixed.start, fixed.end, fixed.precision) == (
        "2019-12-29",
        "2019-12-30",
        "day",
    )
    assert politburo.id not in {e.id for e in archive.timeline()}
    assert politburo.id in {e.id for e in archive.timeline(rejected=True)}
    doc = archive.document(doc_id)
    assert doc is not None and doc.date == "2020-03-03" and "took place in" in doc.text
    timeline_json = {e["id"]: e for e in map(event_to_json, archive.timeline())}
    assert timeline_json[plenum.id]["origin"] == "user"
    assert timeline_json[plenum.id]["fields"]["start"] == {
        "origin": "user",
        "extracted": "2019-12-28",
    }
    assert archive.search("plenary", date_from="2020-03-03", date_to="2020-03-03").total == 1


def test_reimport_of_a_changed_file_keeps_the_document_correction(
    archive: Archive, tmp_path: Path
) -> None:
    path = tmp_path / "plenum.txt"
    path.write_text(
        "Plenum\n\nThe 5th Plenary Meeting of the 7th WPK Central Committee was held in December 2019.",
        encoding="utf-8",
    )
    archive.import_paths([path])
    doc_id = next(d["id"] for d in archive.documents() if d["title"] == "Plenum")
    archive.correct_document(doc_id, title="Plenum report", date="2019-12-31")
    path.write_text(path.read_text(encoding="utf-8") + " It ended on time.", encoding="utf-8")
    assert archive.import_paths([path]).updated == 1
    doc = archive.document(doc_id)
    assert doc is not None and (doc.title, doc.date) == ("Plenum report", "2019-12-31")
    assert "ended on time" in doc.text


def test_a_correction_whose_target_vanished_is_kept_and_reported(archive: Archive) -> None:
    # a meeting the reference chronology does not list: deleting its only source takes it away
    event = _event(archive, "Enlarged Meeting of the Political Bureau")
    archive.reject_event(event.id)
    milestones = _doc_id(archive, "Milestones")
    archive.delete_document(milestones, confirm_loss=True)
    assert [c.target_id for c in archive.orphan_corrections] == [event.id]
    assert any(c.target_id == event.id for c in archive.corrections())


def test_undo_takes_back_the_last_correction(archive: Archive) -> None:
    event = _event(archive, "4th Conference of the WPK")
    (correction,) = archive.correct_event(event.id, name="Renamed").corrections
    archive.undo_correction(correction)
    back = archive.event(event.id)
    assert back is not None and back.name == "4th Conference of the WPK" and not back.corrected


def test_exported_corrections_give_the_same_timeline_in_a_fresh_archive(
    archive: Archive, tmp_path: Path
) -> None:
    archive.correct_event(
        _event(archive, "4th Conference of the WPK").id, start="2012-04-12", kind="party_conference"
    )
    archive.reject_event(_event(archive, "Celebrations").id)
    milestones = _doc_id(archive, "Milestones")
    doc = archive.document(milestones)
    assert doc is not None
    archive.add_event(
        doc_id=milestones, passage=7, start=None, name="Primary committees conference"
    )
    archive.split_event(
        _event(archive, "7th Congress").id,
        [source_key(s) for s in _event(archive, "7th Congress").sources if s.doc_id == milestones],
    )
    archive.correct_document(milestones, date="2020-10-01")
    exported = json.loads(json.dumps(archive.export_corrections()))
    with open_archive(tmp_path / "fresh") as fresh:
        first = fresh.import_corrections(exported)
        assert (first.added, first.refused) == (len(exported["corrections"]), [])
        assert fresh.import_corrections(exported).added == 0, "importing twice adds nothing"

        def view(a: Archive) -> list[dict[str, object]]:
            return [event_to_json(e) for e in a.timeline()] + [
                event_to_json(e) for e in a.timeline(rejected=True)
            ]

        assert view(fresh) == view(archive)
        assert fresh.document(milestones).date == "2020-10-01"  # type: ignore[union-attr]
