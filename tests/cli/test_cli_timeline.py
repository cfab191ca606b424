"""The timeline and dates commands, run as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import run


def test_dates_prints_mentions_with_offsets(tmp_path: Path) -> None:
    text = "The 8th Congress was held from January 5 to 12. It was the first since 2016."
    out = run(tmp_path / "unused", "dates", text, "--date", "2021-02-21", "--json")
    assert out.returncode == 0, out.stderr
    mentions = json.loads(out.stdout)
    assert mentions[0] == {
        "start": 26,
        "end": 46,
        "text": "from January 5 to 12",
        "start_date": "2021-01-05",
        "end_date": "2021-01-12",
        "precision": "day",
        "year_inferred": True,
    }
    assert all(text[m["start"] : m["end"]] == m["text"] for m in mentions)
    assert not (tmp_path / "unused").exists(), "reading a text opens no archive"


def test_dates_reads_standard_input_and_refuses_a_bad_date(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "wpk_archive", "dates"],
        input="in May 2016",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and "2016-05" in done.stdout
    bad = run(tmp_path / "a", "dates", "x", "--date", "2021-02-30")
    assert bad.returncode == 2 and "not a date" in bad.stderr


def test_timeline_json_says_where_each_date_comes_from(tmp_path: Path) -> None:
    out = run(tmp_path / "a", "timeline", "--json")
    assert out.returncode == 0, out.stderr
    events = json.loads(out.stdout)
    assert events and all(not e.get("reference_only") for e in events)
    for event in events:
        assert {"date_basis", "status", "chronology", "sources"} <= set(event)
        assert event["date_basis"] in (None, "text", "dateline", "chronology")
        for source in event["sources"]:
            assert source["date_basis"] in (None, "text", "dateline", "other_source", "chronology")
    congress = next(e for e in events if e["name"] == "8th Congress of the WPK")
    assert (congress["start"], congress["end"], congress["status"]) == (
        "2021-01-05",
        "2021-01-12",
        "held",
    )
    assert congress["chronology"]["source_url"].startswith("http")
    everything = json.loads(run(tmp_path / "a", "timeline", "--json", "--all").stdout)
    reference = [e for e in everything if e.get("reference_only")]
    assert len(everything) == len(events) + len(reference) and reference
    assert all(e["sources"] == [] and e["date_basis"] == "chronology" for e in reference)
