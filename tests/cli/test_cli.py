"""The command line, run as a user runs it (a real process, a real archive folder)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def run(archive: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WPK_ARCHIVE_HOME": str(archive)}
    return subprocess.run(
        [sys.executable, "-m", "wpk_archive", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_search_prints_the_spa_passage_highlighted(tmp_path: Path) -> None:
    out = run(tmp_path / "a", "search", "Supreme People's Assembly")
    assert out.returncode == 0, out.stderr
    assert "8th Congress of Workers' Party of Korea Sets Ambitious Program" in out.stdout
    assert "**Supreme People's Assembly**" in out.stdout


def test_search_json_is_only_json(tmp_path: Path) -> None:
    out = run(tmp_path / "a", "search", "Supreme People's Assembly", "--json")
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    assert payload["query"] == "Supreme People's Assembly"
    assert payload["total"] == 1
    hit = payload["hits"][0]
    assert set(hit) == {"doc_id", "title", "date", "passage", "text", "snippet", "spans"}
    assert {"query", "total", "hits"} <= set(payload)
    assert hit["date"] == "2021-02-21"
    assert "<mark>Supreme People's Assembly</mark>" in hit["snippet"]
    assert [hit["text"][a:b] for a, b in hit["spans"]] == ["Supreme People's Assembly"]
    shown = run(tmp_path / "a", "show", hit["doc_id"], "--json")
    passages = json.loads(shown.stdout)["passages"]
    assert passages[hit["passage"] - 1]["text"] == hit["text"]


def test_new_archive_import_is_quiet(tmp_path: Path) -> None:
    out = run(tmp_path / "a", "search", "congress", "--json")
    assert out.stderr == ""
    json.loads(out.stdout)


def test_import_exit_status_and_refusal_lines(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Good\n\nA congress was held.", encoding="utf-8")
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01")
    first = run(tmp_path / "a", "import", str(good))
    assert first.returncode == 0, first.stderr
    again = run(tmp_path / "a", "import", str(good))
    assert again.returncode == 0 and "1 already present" in again.stdout
    mixed = run(tmp_path / "a", "import", str(good), str(bad))
    assert mixed.returncode == 1
    assert "bad.bin" in mixed.stderr and "unsupported" in mixed.stderr


def test_show_prints_numbered_passages(tmp_path: Path) -> None:
    payload = json.loads(run(tmp_path / "a", "search", "Milestones", "--json").stdout)
    doc_id = payload["hits"][0]["doc_id"]
    out = run(tmp_path / "a", "show", doc_id)
    assert out.stdout.startswith("Milestones in history of WPK")
    assert "[3] The Fourth Conference of the WPK held in April 2012" in out.stdout
    missing = run(tmp_path / "a", "show", "nope")
    assert missing.returncode == 1 and "no document" in missing.stderr


def test_summary_json_and_user_summary_from_a_file(tmp_path: Path) -> None:
    hits = json.loads(run(tmp_path / "a", "search", "Supreme People's Assembly", "--json").stdout)
    doc_id = hits["hits"][0]["doc_id"]
    auto = json.loads(run(tmp_path / "a", "summary", doc_id, "--json").stdout)
    assert auto["origin"] == "auto" and auto["doc_id"] == doc_id
    assert auto["sentences"][0]["text"].startswith(
        "The 8th Congress of the Workers' Party of Korea"
    )
    assert {"text", "passage", "start", "end"} <= set(auto["sentences"][0])
    mine = tmp_path / "mine.txt"
    mine.write_text("The congress set a five-year plan.\n", encoding="utf-8")
    out = run(tmp_path / "a", "summary", doc_id, "--set-file", str(mine), "--json")
    payload = json.loads(out.stdout)
    assert payload["origin"] == "user"
    assert payload["sentences"][0]["text"] == "The congress set a five-year plan."
    assert payload["auto"] == auto["auto"]


def test_timeline_json_event_and_exports(tmp_path: Path) -> None:
    events = json.loads(run(tmp_path / "a", "timeline", "--json").stdout)
    congress = next(e for e in events if e["name"].startswith("7th Congress"))
    assert congress["start"] == "2016-05-06" and len({s["doc_id"] for s in congress["sources"]}) == 2
    out = run(
        tmp_path / "a",
        "event",
        congress["id"],
        "--set-gist",
        "Seventh congress, May 2016.",
        "--json",
    )
    assert json.loads(out.stdout)["user_gist"] == "Seventh congress, May 2016."
    for suffix in ("csv", "json", "md"):
        target = tmp_path / f"timeline.{suffix}"
        assert run(tmp_path / "a", "export", "timeline", str(target)).returncode == 0
        assert "Seventh Congress of the WPK held in Pyongyang" in target.read_text(encoding="utf-8")
    user = tmp_path / "user.json"
    run(tmp_path / "a", "export", "user-data", str(user))
    assert json.loads(user.read_text(encoding="utf-8"))["event_gists"][0]["text"].startswith(
        "Seventh"
    )


def test_correct_reject_restore_add_split_join_through_the_cli(tmp_path: Path) -> None:
    a = tmp_path / "a"
    events = json.loads(run(a, "timeline", "--json").stdout)
    conference = next(e for e in events if e["name"] == "4th Conference of the WPK")
    out = run(
        a,
        "event",
        conference["id"],
        "--set-start",
        "2012-04-11",
        "--name",
        "Fourth Party Conference",
        "--json",
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["start"] == "2012-04-11" and data["origin"] == "user"
    assert data["fields"]["name"] == {"origin": "user", "extracted": "4th Conference of the WPK"}
    spa = next(e for e in events if e["kind"] == "spa_session")
    assert run(a, "event", spa["id"], "--reject").returncode == 0
    assert spa["id"] not in {e["id"] for e in json.loads(run(a, "timeline", "--json").stdout)}
    assert [e["id"] for e in json.loads(run(a, "timeline", "--rejected", "--json").stdout)] == [
        spa["id"]
    ]
    run(a, "event", spa["id"], "--restore")
    assert spa["id"] in {e["id"] for e in json.loads(run(a, "timeline", "--json").stdout)}

    doc_id = spa["sources"][0]["doc_id"]
    new = run(
        a,
        "event",
        "new",
        "--doc",
        doc_id,
        "--passage",
        "13",
        "--start",
        "2021-01-12",
        "--name",
        "Closing address",
    )
    assert new.returncode == 0, new.stderr
    made = json.loads(run(a, "event", new.stdout.strip(), "--json").stdout)
    assert made["name"] == "Closing address" and made["sources"][0]["passage"] == 13

    congress = next(e for e in events if e["name"].startswith("7th Congress"))
    keys = [
        f"{s['doc_id']}:{s['passage']}:{s['start']}"
        for s in congress["sources"]
        if s["doc_id"] != doc_id
    ]
    split = run(a, "event", "split", congress["id"], "--sources", ",".join(keys))
    assert split.returncode == 0, split.stderr
    assert run(a, "event", "join", congress["id"], split.stdout.strip()).returncode == 0
    rejoined = json.loads(run(a, "event", congress["id"], "--json").stdout)
    assert len(rejoined["sources"]) == len(congress["sources"])

    bad = run(a, "event", conference["id"], "--set-start", "April")
    assert bad.returncode == 2 and "not a date" in bad.stderr


def test_doc_corrections_delete_and_corrections_export_import(tmp_path: Path) -> None:
    a = tmp_path / "a"
    hits = json.loads(run(a, "search", "Milestones", "--json").stdout)
    doc_id = hits["hits"][0]["doc_id"]
    assert (
        run(a, "doc", doc_id, "--date", "2020-10-01", "--title", "Milestones (WPK)").returncode == 0
    )
    shown = json.loads(run(a, "show", doc_id, "--json").stdout)
    assert (shown["date"], shown["title"]) == ("2020-10-01", "Milestones (WPK)")
    exported = tmp_path / "corrections.json"
    assert run(a, "corrections", "export", str(exported)).returncode == 0
    fresh = tmp_path / "fresh"
    out = run(fresh, "corrections", "import", str(exported))
    assert out.returncode == 0 and "imported 2" in out.stdout
    assert json.loads(run(fresh, "show", doc_id, "--json").stdout)["date"] == "2020-10-01"
    run(a, "summary", doc_id, "--set-file", str(exported))
    refused = run(a, "doc", doc_id, "--delete")
    assert refused.returncode == 2 and "export it first" in refused.stderr
    notes = tmp_path / "notes.json"
    assert run(a, "doc", doc_id, "--delete", "--export-notes", str(notes)).returncode == 0
    assert notes.exists() and run(a, "show", doc_id).returncode == 1
    listing = run(a, "corrections", "list").stdout
    assert "set date='2020-10-01'" in listing and "delete" in listing
