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
        [sys.executable, "-m", "wpk_archive", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_search_prints_the_spa_passage_highlighted(tmp_path: Path) -> None:
    out = run(tmp_path / "a", "search", "Supreme People's Assembly")
    assert out.returncode == 0, out.stderr
    assert "8th Congress of Workers' Party of Korea Sets Ambitious Program" in out.stdout
    assert "**Supreme** **People's** **Assembly**" in out.stdout


def test_search_json_is_only_json(tmp_path: Path) -> None:
    out = run(tmp_path / "a", "search", "Supreme People's Assembly", "--json")
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    assert payload["query"] == "Supreme People's Assembly"
    assert payload["total"] == 1
    hit = payload["hits"][0]
    assert set(hit) == {"doc_id", "title", "date", "passage", "text", "snippet"}
    assert {"query", "total", "hits"} <= set(payload)
    assert hit["date"] == "2021-02-21"
    assert "<mark>Assembly</mark>" in hit["snippet"]
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
