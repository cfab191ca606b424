"""The analysts' commands (issue #17), run as a user runs them: people and person (their JSON
shapes), a split, lists compared, trend against search totals, KWIC, every hit exported, and
the timeline exported with its sources' titles, dates and URLs and the filter."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.cli.test_cli import run

ARTICLES = [
    {
        "title": "Plenary Meeting Held",
        "date": "2011-05-01",
        "url": "http://example.org/1",
        "text": "The 4th Plenary Meeting of the 6th Central Committee of the WPK was held on April "
        "30, 2011. He was accompanied by Ri Yong Ho, chief of the General Staff of the KPA, "
        "and Choe Ryong Hae, secretary of the C.C., the WPK.",
    },
    {
        "title": "Reception Given",
        "date": "2011-07-01",
        "url": "http://example.org/2",
        "text": "A reception was given for the orchard workers.\n\n=Present there were Ri Yong "
        "Ho, vice-minister of Foreign Affairs, and Choe Ryong-hae.",
    },
    {
        "title": "Unit Inspected",
        "date": "2012-03-01",
        "url": "http://example.org/3",
        "text": "Kim Jong Un inspected an orchard. He was accompanied by Choe Ryong Hae, member "
        "of the Presidium of the Political Bureau of the C.C., the WPK, and Ri Yong Ho, chief "
        "of the General Staff of the KPA.",
    },
]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "a"
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    out = run(folder, "import", str(source))
    assert out.returncode == 0, out.stderr
    return folder


def _json(folder: Path, *args: str) -> object:
    out = run(folder, *args, "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_people_and_person_json_shapes(archive: Path) -> None:
    people = _json(archive, "people")
    assert isinstance(people, list)
    for p in people:
        assert set(p) == {
            "id",
            "name",
            "variants",
            "appearances",
            "first_seen",
            "last_seen",
            "offices",
        }
    ri = next(p for p in people if p["name"] == "Ri Yong Ho")
    assert ri["appearances"] == 3 and (ri["first_seen"], ri["last_seen"]) == (
        "2011-05-01",
        "2012-03-01",
    )
    for name in ("ri yong ho", "RI YONG-HO", ri["id"]):
        detail = _json(archive, "person", name)
        assert isinstance(detail, dict) and detail["id"] == ri["id"]
    assert {"id", "name", "variants", "offices", "appearances"} <= set(detail)
    assert all(set(o) == {"title", "first_seen", "last_seen"} for o in detail["offices"])
    apps = detail["appearances"]
    assert [(a["date"], a["list_position"], a["list_length"]) for a in apps] == [
        ("2011-05-01", 1, 2),
        ("2011-07-01", 1, 2),
        ("2012-03-01", 2, 2),
    ]
    for a in apps:
        assert {
            "date",
            "doc_id",
            "passage",
            "list_position",
            "list_length",
            "list_kind",
            "event_id",
        } <= set(a)
    assert apps[0]["event_id"] is not None and apps[1]["event_id"] is None
    text = run(archive, "person", "Ri Yong Ho")
    assert text.returncode == 0 and "3 appearance(s)" in text.stdout
    missing = run(archive, "person", "Pak Pong Ju")
    assert missing.returncode == 2 and "no person named" in missing.stderr


def test_a_split_through_the_cli_survives_reextract(archive: Path) -> None:
    out = run(
        archive, "person", "split", "Ri Yong Ho", "--label", "diplomat", "--office", "Foreign"
    )
    assert out.returncode == 0, out.stderr
    assert "Ri Yong Ho (diplomat): 1 appearance(s)" in out.stdout
    assert run(archive, "reextract").returncode == 0
    names = {p["name"]: p["appearances"] for p in _json(archive, "people")}  # type: ignore[union-attr]
    assert names["Ri Yong Ho"] == 2 and names["Ri Yong Ho (diplomat)"] == 1
    splits = _json(archive, "person", "splits")
    assert [s["rule"]["label"] for s in splits] == ["diplomat"]  # type: ignore[union-attr]
    assert run(archive, "person", "unsplit", "1").returncode == 0
    names = {p["name"] for p in _json(archive, "people")}  # type: ignore[union-attr]
    assert "Ri Yong Ho (diplomat)" not in names
    bad = run(archive, "person", "split", "Ri Yong Ho", "--label", "x")
    assert bad.returncode == 2 and "say which appearances" in bad.stderr


def test_lists_and_compare_lists(archive: Path) -> None:
    lists = _json(archive, "lists")
    assert [x["date"] for x in lists] == ["2012-03-01", "2011-07-01", "2011-05-01"]  # type: ignore[index]
    first, last = lists[-1], lists[0]  # type: ignore[index]
    result = _json(archive, "compare-lists", f"{first['doc_id']}:1", last["list_id"])
    assert isinstance(result, dict)
    assert {"a", "b", "moved_up", "moved_down", "new", "missing", "same"} <= set(result)
    assert [e["name"] for e in result["moved_up"]] == ["Choe Ryong Hae"]
    assert [(e["name"], e["position_a"], e["position_b"]) for e in result["moved_down"]] == [
        ("Ri Yong Ho", 1, 2)
    ]
    text = run(archive, "compare-lists", first["list_id"], last["list_id"])
    assert "moved up (1):" in text.stdout and "Choe Ryong Hae" in text.stdout
    bad = run(archive, "compare-lists", "nonsense", last["list_id"])
    assert bad.returncode == 2 and "names no list" in bad.stderr


def test_trend_json_equals_search_totals(archive: Path) -> None:
    data = _json(archive, "trend", "orchard", "Ri Yong Ho", "--by", "year")
    assert isinstance(data, dict) and data["by"] == "year"
    assert [s["query"] for s in data["series"]] == ["orchard", "Ri Yong Ho"]
    for series in data["series"]:
        for point in series["points"]:
            assert set(point) == {"period", "passages", "documents", "per_10k_passages"}
            year = point["period"]
            found = _json(archive, "search", series["query"], "--from", year, "--to", year)
            assert point["passages"] == found["total"]  # type: ignore[index]
    months = _json(archive, "trend", "orchard", "--from", "2011-06", "--to", "2011-08")
    assert [p["period"] for p in months["series"][0]["points"]] == ["2011-06", "2011-07", "2011-08"]  # type: ignore[index]
    bad = run(archive, "trend", "orchard", "--from", "2011-13")
    assert bad.returncode == 2


def test_kwic_and_exports_of_every_hit(archive: Path, tmp_path: Path) -> None:
    kwic = _json(archive, "kwic", "Ri Yong Ho", "--sort", "oldest")
    lines = kwic["lines"]  # type: ignore[index]
    assert [x["keyword"] for x in lines] == ["Ri Yong Ho"] * 3
    assert lines[0]["date"] == "2011-05-01" and lines[0]["left"].endswith("accompanied by ")
    text = run(archive, "kwic", "orchard")
    assert text.returncode == 0 and "[orchard]" in text.stdout
    for fmt in ("csv", "json"):
        target = tmp_path / f"hits.{fmt}"
        out = run(
            archive, "export", "search", 'orchard OR "Ri Yong Ho"', str(target), "--to", "2012"
        )
        assert out.returncode == 0, out.stderr
        body = target.read_text(encoding="utf-8")
        if fmt == "json":
            data = json.loads(body)
            assert data["total"] == len(data["hits"]) == 4 and data["filters"]["to"] == "2012"
            hit = data["hits"][0]
            assert set(hit) >= {"title", "date", "source", "url", "passage", "text", "snippet"}
            assert hit["url"].startswith("http://example.org/") and "<mark>" in hit["snippet"]
        else:
            rows = list(csv.DictReader(io.StringIO(body)))
            assert len(rows) == 4 and {r["url"] for r in rows} >= {"http://example.org/2"}
            # the passage that starts with "=" is neutralised, as in the timeline CSV
            assert any(r["text"].startswith("'=Present") for r in rows)


def test_timeline_export_names_sources_and_filter(archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "t.csv"
    assert run(archive, "export", "timeline", str(target), "--kind", "cc_plenary").returncode == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows and all(r["filter"] == "kind cc_plenary" for r in rows)
    assert rows[0]["source_title"] == "Plenary Meeting Held"
    assert (rows[0]["source_date"], rows[0]["source_url"]) == ("2011-05-01", "http://example.org/1")
    target = tmp_path / "t.json"
    assert run(archive, "export", "timeline", str(target)).returncode == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["filter"] is None
    source = data["events"][0]["sources"][0]
    assert {"title", "date", "url"} <= set(source)
    target = tmp_path / "t.md"
    assert run(archive, "export", "timeline", str(target), "--from", "2011").returncode == 0
    md = target.read_text(encoding="utf-8")
    assert "_Filtered: from 2011._" in md and "http://example.org/1" in md
