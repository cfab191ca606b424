"""People in the archive (issue #17 §1): appearances stored at import and re-extraction, linked
to timeline events, merged into people with the user's splits (which survive every
re-extraction), and two printed lists compared through the archive — on small articles, and on
the December 2011 funeral committee and farewell ceremony of the real corpus."""

from __future__ import annotations

import gzip
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import corpus_file
from wpk_archive.core.archive import Archive, ArchiveError, open_archive
from wpk_archive.core.ingest import Item, document_from_text, read_jsonl
from wpk_archive.core.operations import people as people_ops

ARTICLES = [
    (
        "Plenary Meeting of WPK Central Committee Held",
        "2011-05-01",
        "The 4th Plenary Meeting of the 6th Central Committee of the WPK was held on April 30, "
        "2011. He was accompanied by Ri Yong Ho, chief of the General Staff of the KPA, and "
        "Choe Ryong Hae, secretary of the C.C., the WPK.",
    ),
    (
        "Reception Given",
        "2011-07-01",
        "A reception was given.\n\n"
        "Present there were Ri Yong Ho, vice-minister of Foreign Affairs, and Choe Ryong-hae.",
    ),
    (
        "Kim Jong Un Inspects Unit",
        "2012-03-01",
        "Kim Jong Un inspected a unit. He was accompanied by Ri Yong Ho, member of the Presidium "
        "of the Political Bureau of the C.C., the WPK and chief of the General Staff of the KPA, "
        "and Choe Ryong Hae.",
    ),
]


def _items(articles: list[tuple[str, str, str]]) -> list[Item]:
    return [
        Item(f"t:{n}", document_from_text(text, origin=f"t:{n}", title=title, date=date))
        for n, (title, date, text) in enumerate(articles)
    ]


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    with open_archive(tmp_path / "a", bundled=False) as opened:
        opened.import_items(_items(ARTICLES))
        yield opened


def _rows(archive: Archive, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(archive.folder / "archive.sqlite") as con:
        return con.execute(sql).fetchall()


def test_import_stores_appearances_and_people_merge_spellings(archive: Archive) -> None:
    assert _rows(archive, "SELECT count(*) FROM appearances") == [(6,)]
    people = {p.name: p for p in archive.people()}
    assert set(people) == {"Ri Yong Ho", "Choe Ryong Hae"}
    choe = people["Choe Ryong Hae"].to_json()
    assert set(choe) == {
        "id",
        "name",
        "variants",
        "appearances",
        "first_seen",
        "last_seen",
        "offices",
    }
    assert choe["appearances"] == 3 and choe["variants"] == ["Choe Ryong Hae", "Choe Ryong-hae"]
    assert (choe["first_seen"], choe["last_seen"]) == ("2011-05-01", "2012-03-01")
    # any written form, in any case, finds the person; so does the id and another spelling
    for name in ("choe ryong-hae", "CHOE RYONG HAE", people["Choe Ryong Hae"].id, "Choi Ryonghae"):
        assert archive.person(name).id == choe["id"]
    with pytest.raises(ArchiveError, match="no person named"):
        archive.person("Pak Pong Ju")


def test_person_detail_gives_every_appearance_with_date_list_and_event(archive: Archive) -> None:
    detail = archive.person_detail("Ri Yong Ho")
    assert set(detail) >= {"id", "name", "variants", "offices", "appearances"}
    apps = detail["appearances"]
    assert [a["date"] for a in apps] == ["2011-05-01", "2011-07-01", "2012-03-01"]
    for a in apps:
        assert set(a) >= {
            "date", "doc_id", "passage", "list_position", "list_length", "list_kind", "event_id",
        }  # fmt: skip
        assert a["list_position"] == 1 and a["list_length"] == 2
    assert [a["list_kind"] for a in apps] == ["accompanied", "present", "accompanied"]
    # the plenary meeting is dated in the list's own passage: linked; the reception is not
    plenum = [e for e in archive.timeline() if e.kind == "cc_plenary"]
    assert len(plenum) == 1 and apps[0]["event_id"] == plenum[0].id
    assert apps[1]["event_id"] is None
    offices = [o["title"] for o in detail["offices"]]
    assert "chief of the General Staff of the KPA" in offices
    assert all(set(o) == {"title", "first_seen", "last_seen"} for o in detail["offices"])
    # a rejected event is no link
    archive.reject_event(plenum[0].id)
    assert archive.person_detail("Ri Yong Ho")["appearances"][0]["event_id"] is None


def test_a_split_is_user_data_and_survives_re_extraction(archive: Archive, tmp_path: Path) -> None:
    split_id = archive.split_person("Ri Yong Ho", "diplomat", office="Foreign Affairs")
    assert split_id == 1

    def names() -> dict[str, int]:
        return {p.name: len(p.appearances) for p in archive.people() if p.key == "ri yongho"}

    assert names() == {"Ri Yong Ho": 2, "Ri Yong Ho (diplomat)": 1}
    before = {p.name: p.id for p in archive.people()}
    archive.reextract()
    assert names() == {"Ri Yong Ho": 2, "Ri Yong Ho (diplomat)": 1}
    # a new extraction version re-extracts every document at the next open; the split stays
    folder = archive.folder
    archive._store.set_meta(people_ops.PEOPLE_META, "0")
    _rows_before = _rows(archive, "SELECT count(*) FROM appearances")
    archive.close()
    with sqlite3.connect(folder / "archive.sqlite") as con:
        con.execute("DELETE FROM appearances")
    with open_archive(folder) as again:
        assert _rows(again, "SELECT count(*) FROM appearances") == _rows_before
        assert {p.name: p.id for p in again.people()} == before  # ids are stable
        assert again.person("Ri Yong Ho (diplomat)").appearances[0].doc_date == "2011-07-01"
        assert again.user_data()["person_splits"][0]["rule"]["label"] == "diplomat"
        again.remove_person_split(split_id)
        assert {p.name for p in again.people()} == {"Ri Yong Ho", "Choe Ryong Hae"}
        assert again.person_splits()[0]["active"] is False  # kept on record


def test_splits_are_checked(archive: Archive) -> None:
    for kwargs, message in (
        ({}, "say which appearances"),
        ({"office": "("}, "not a regular expression"),
        ({"office": "nothing like it"}, "matches none"),
        ({"since": "2011"}, "matches every appearance"),
        ({"since": "2012-02-30"}, "not a date"),
        ({"doc_ids": ["ffffffffffff"]}, "no document"),
    ):
        with pytest.raises(ArchiveError, match=message):
            archive.split_person("Ri Yong Ho", "x", **kwargs)  # type: ignore[arg-type]
    with pytest.raises(ArchiveError, match="label"):
        archive.split_person("Ri Yong Ho", "  ", since="2012")
    assert archive.person_splits() == []


def test_lists_are_found_by_id_or_number_and_compared(archive: Archive) -> None:
    lists = archive.printed_lists()
    assert [(x.date, x.length, x.number) for x in lists] == [
        ("2012-03-01", 2, 1),
        ("2011-07-01", 2, 1),
        ("2011-05-01", 2, 1),
    ]
    first, last = lists[-1], lists[0]
    header, members = archive.printed_list(f"{first.doc_id[:6]}:1")  # a prefix and a number
    assert header.list_id == first.list_id and [m.list_position for m in members] == [1, 2]
    result = archive.compare_lists(first.list_id, last.list_id)
    assert result["a"]["list_id"] == first.list_id and result["b"]["date"] == "2012-03-01"
    assert [e["name"] for e in result["same"]] == ["Ri Yong Ho", "Choe Ryong Hae"]
    for bad in ("nope", f"{first.doc_id}:9", "ffffffffffff:1"):
        with pytest.raises(ArchiveError):
            archive.printed_list(bad)


def test_deleting_or_reimporting_a_document_replaces_its_appearances(archive: Archive) -> None:
    doc_id = archive.printed_lists()[0].doc_id
    archive.delete_document(doc_id, confirm_loss=True)
    assert _rows(archive, f"SELECT count(*) FROM appearances WHERE doc_id = '{doc_id}'") == [(0,)]
    assert archive.doctor(repair=False)[2] == "orphan rows: none"
    assert {p.name: len(p.appearances) for p in archive.people()}["Ri Yong Ho"] == 2


# -- the real corpus --------------------------------------------------------------------------


def _corpus_items(wanted: set[tuple[str, str]]) -> list[Item]:
    found = []
    with gzip.open(corpus_file("kcna_2011_2012.jsonl.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            if not any(date in line for date, _ in wanted):
                continue
            row = json.loads(line)
            if (row["date"], row["title"]) in wanted:
                items, _ = read_jsonl(line, "kcna_2011_2012.jsonl.gz")
                found.extend(items)
    return found


@pytest.mark.corpus
def test_december_2011_funeral_committee_and_farewell_ceremony_through_the_archive(
    tmp_path: Path,
) -> None:
    wanted = {
        ("2011-12-19", "National Funeral Committee Formed"),
        ("2011-12-28", "Ceremony of Bidding Last Farewell to Kim Jong Il Held"),
    }
    with open_archive(tmp_path / "a", bundled=False) as archive:
        archive.import_items(_corpus_items(wanted))
        lists = {x.title: x for x in archive.printed_lists()}
        committee = lists["National Funeral Committee Formed"]
        assert (committee.kind, committee.length) == ("funeral_committee", 232)
        ceremony = max(
            (x for x in archive.printed_lists() if x.title.startswith("Ceremony")),
            key=lambda x: x.length,
        )
        assert (ceremony.kind, ceremony.length) == ("participants", 27)
        _, members = archive.printed_list(committee.list_id)
        assert members[0].name == "Kim Jong Un" and members[-1].name == "Ryu Mi Yong"
        result = archive.compare_lists(committee.list_id, ceremony.list_id)
        up = {e["name"]: (e["position_a"], e["position_b"]) for e in result["moved_up"]}
        assert up["Kim Kyong Hui"] == (14, 4) and up["O Kuk Ryol"] == (29, 12)
        down = {e["name"]: (e["position_a"], e["position_b"]) for e in result["moved_down"]}
        assert down["Ju Kyu Chang"] == (20, 25) and down["Kang Sok Ju"] == (11, 13)
        assert result["new"] == [] and len(result["missing"]) == 232 - 27
        assert [e["name"] for e in result["same"]] == [
            "Kim Yong Nam",
            "Choe Yong Rim",
            "Ri Yong Ho",
        ]
        # through the person too: Kim Kyong Hui's two appearances, 14th of 232 then 4th of 27
        apps = archive.person_detail("Kim Kyong Hui")["appearances"]
        listed = [(a["date"], a["list_position"], a["list_length"]) for a in apps if a["list_id"]]
        assert ("2011-12-19", 14, 232) in listed and ("2011-12-28", 4, 27) in listed
