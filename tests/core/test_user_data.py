"""The user's words are never overwritten: summaries and gists survive every re-run."""

from __future__ import annotations

import json
from pathlib import Path

from wpk_archive.core.archive import open_archive
from wpk_archive.core.export import citation, document_markdown, timeline_export


def _congress_doc_id(archive) -> str:  # type: ignore[no-untyped-def]
    return next(d["id"] for d in archive.documents() if d["title"].startswith("8th Congress"))


def test_user_texts_survive_reimport_of_a_changed_file_reindex_and_reextract(
    tmp_path: Path,
) -> None:
    article = tmp_path / "plenum.txt"
    article.write_text(
        "Plenary Meeting\n\nThe Fifth Plenary Meeting of the Seventh WPK Central Committee was held "
        "in December 2019 in Pyongyang. It discussed the economy.",
        encoding="utf-8",
    )
    with open_archive(tmp_path / "a") as archive:
        archive.import_paths([article])
        doc_id = archive.search("economy").hits[0].doc_id
        event = archive.timeline(doc_id=doc_id)[0]
        archive.set_user_summary(doc_id, "My reading: an economic plenum.")
        archive.set_user_event_gist(event.id, "Plenum on the economy, Dec 2019.")

        archive.import_paths([article])  # the same file again
        article.write_text(
            article.read_text(encoding="utf-8") + " It closed on time.", encoding="utf-8"
        )
        assert archive.import_paths([article]).updated == 1  # a changed version
        archive.reindex()
        archive.reextract()

        summary = archive.summary(doc_id)
        assert summary is not None
        assert summary.origin == "user"
        assert summary.user_text == "My reading: an economic plenum."
        assert summary.user_outdated, "written for the earlier version of the text"
        assert summary.auto, "the automatic summary is kept beside it"
        gists = {g.event.id: g.user_text for g in summary.events}
        assert gists[event.id] == "Plenum on the economy, Dec 2019."
        exported = archive.user_data()
        assert exported["summaries"][0]["text"] == "My reading: an economic plenum."
        assert exported["event_gists"][0]["event_id"] == event.id
        json.dumps(exported)


def test_event_gists_are_anchored_and_the_caption_is_joined(tmp_path: Path) -> None:
    with open_archive(tmp_path / "a") as archive:
        doc_id = _congress_doc_id(archive)
        summary = archive.summary(doc_id)
        assert summary is not None
        doc = archive.document(doc_id)
        assert doc is not None
        by_name = {g.event.name: g for g in summary.events}
        celebration = next(g for n, g in by_name.items() if n.startswith("Celebrations"))
        assert celebration.auto.text.startswith("January 14, 2021. Celebrations following")
        for gist in summary.events:
            s = gist.auto
            passage = doc.passages[s.passage - 1]
            assert passage.start <= s.start < s.end <= passage.end
            shown = s.text.removesuffix("…") if s.trimmed else s.text
            assert (
                doc.text[s.start : s.end].startswith(shown)
                if s.trimmed
                else doc.text[s.start : s.end] == shown
            )


def test_exports_of_timeline_and_document(tmp_path: Path) -> None:
    with open_archive(tmp_path / "a") as archive:
        events = archive.timeline()
        csv_text = timeline_export(events, "csv")
        assert csv_text.splitlines()[0].startswith("event_id,start,end,precision")
        assert "Fourth Conference of the WPK held in April 2012" in csv_text
        exported = json.loads(timeline_export(events, "json"))
        assert exported["filter"] is None and exported["events"][0]["start"] == "2012-04-11"
        md = timeline_export(events, "md")
        assert md.startswith("# Timeline") and "**2016-05-06 – 2016-05-09**" in md
        doc = archive.document(_congress_doc_id(archive))
        assert doc is not None
        text = document_markdown(doc, archive.summary(doc.id))
        assert "## Summary" in text and "**3.** The 8th Congress" in text
        assert citation(doc, 3).endswith("2021-02-21, para. 3.")
