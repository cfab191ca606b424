"""Hostile corrections files: every row checked with the dialogs' rules, one refusal per bad row
(with its number and the reason), the good rows taken, and nothing that makes the archive
unopenable, even a bad row already in the store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.conftest import cli, count, crashed, integrity, record

FORMAT = "wpk-archive-corrections"
WHEN = "2024-01-01T00:00:00+00:00"


def _events(folder: Path) -> list[dict[str, Any]]:
    proc = cli(folder, "timeline", "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def _file(tmp_path: Path, rows: list[Any], name: str = "corrections.json") -> Path:
    path = tmp_path / name
    data = {"format": FORMAT, "version": 1, "exported_at": WHEN, "corrections": rows}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _row(
    target: str, action: str, value: Any = None, field: str | None = None, **kw: Any
) -> dict[str, Any]:
    return {
        "target_type": kw.get("target_type", "event"),
        "target_id": target,
        "action": action,
        "field": field,
        "value": value,
        "created_at": kw.get("created_at", WHEN),
    }


def _still_works(folder: Path) -> bool:
    """Every reading command answers without a traceback, and the store is sound."""
    for args in (("search", "Congress"), ("doctor", "--check-only")):
        proc = cli(folder, *args)
        if crashed(proc) or proc.returncode not in (0, 1):
            return False
    return integrity(folder) == "ok"


BAD_ROWS: dict[str, Any] = {
    "add with a null value": lambda e: _row("x", "add", None),
    "add with a string value": lambda e: _row("x", "add", "boom"),
    "add without a document": lambda e: _row("x", "add", {"name": "N", "kind": "other"}),
    "add with a text passage": lambda e: _row(
        "x",
        "add",
        {
            "name": "N",
            "kind": "other",
            "doc_id": "abc",
            "passage": "1",
            "span_start": 0,
            "span_end": 5,
        },
    ),
    "'not a date' as a start": lambda e: _row(e, "set", "not a date", "start"),
    "an impossible day 2012-02-30": lambda e: _row(e, "set", "2012-02-30", "start"),
    "29 February of a common year": lambda e: _row(e, "set", "2011-02-29", "end"),
    "month 13": lambda e: _row(e, "set", "2012-13", "start"),
    "HTML as a kind": lambda e: _row(e, "set", "<img src=/dev/zero>", "kind"),
    "an unknown kind": lambda e: _row(e, "set", "picnic", "kind"),
    "a name with an escape sequence": lambda e: _row(e, "set", "\x1b]0;pwned\x07", "name"),
    "an empty name": lambda e: _row(e, "set", "   ", "name"),
    "a 100,000-character name": lambda e: _row(e, "set", "N" * 100_000, "name"),
    "a name that is a number": lambda e: _row(e, "set", 42, "name"),
    "a field events do not have": lambda e: _row(e, "set", "x", "__class__"),
    "a self-join": lambda e: _row(e, "join", e),
    "a join with no other event": lambda e: _row(e, "join", None),
    "a split of nothing": lambda e: _row(e, "split", {"sources": [], "new_id": "n1"}),
    "a split with a bad new id": lambda e: _row(
        e, "split", {"sources": ["abc:1:0"], "new_id": "<b>x</b>"}
    ),
    "an unknown action": lambda e: _row(e, "explode"),
    "an unknown target type": lambda e: _row(e, "reject", target_type="table"),
    "a target id with markup": lambda e: _row("<script>", "reject"),
    "a created_at that is not a time": lambda e: _row(e, "reject", created_at="yesterday"),
    "a row that is a list": lambda e: ["event", e, "reject"],
    "a row missing its action": lambda e: {"target_type": "event", "target_id": e},
    "a document date that is not a date": lambda e: _row(
        "0123456789ab", "set", "soon", "date", target_type="document"
    ),
    "a document title with control characters": lambda e: _row(
        "0123456789ab", "set", "a\x1b[2Jb", "title", target_type="document"
    ),
}


def test_each_bad_row_is_refused_with_its_number_and_the_good_rows_are_taken(
    archive_dir: Path, tmp_path: Path
) -> None:
    event = _events(archive_dir)[0]
    cases = sorted(BAD_ROWS)
    rows = [_row(event["id"], "set", "Renamed by the file", "name")]
    rows += [BAD_ROWS[case](event["id"]) for case in cases]
    path = _file(tmp_path, rows)
    proc = cli(archive_dir, "corrections", "import", str(path))
    works = not crashed(proc) and _still_works(archive_dir)
    after = {e["id"]: e for e in _events(archive_dir)} if works else {}
    wrong = []
    for number, case in enumerate(cases, 2):
        if not works:
            outcome = "crashed"
        elif f"refused: {path}: correction {number}:" in proc.stderr:
            outcome = "refused"
        else:
            outcome = "wrongly accepted"
            wrong.append(case)
        record(f"corrections file: {case}", outcome)
    assert works, proc.stderr
    assert not wrong, proc.stdout + proc.stderr
    assert proc.returncode == 1
    assert after[event["id"]]["name"] == "Renamed by the file", "the good row is taken"
    assert "imported 1 correction" in proc.stdout
    assert len(after) == len(_events(archive_dir)), "no event vanished"


def test_delete_rows_need_allow_deletes(archive_dir: Path, tmp_path: Path) -> None:
    shown = json.loads(cli(archive_dir, "search", "Milestones", "--json").stdout)
    doc_id = shown["hits"][0]["doc_id"]
    before = count(archive_dir)
    path = _file(tmp_path, [_row(doc_id, "delete", target_type="document")])
    proc = cli(archive_dir, "corrections", "import", str(path))
    outcome = (
        "refused"
        if proc.returncode == 1 and count(archive_dir) == before
        else ("crashed" if crashed(proc) else "wrongly accepted")
    )
    record("corrections file: a delete row without --allow-deletes", outcome)
    assert outcome == "refused" and "--allow-deletes" in proc.stderr, proc.stderr
    allowed = cli(archive_dir, "corrections", "import", str(path), "--allow-deletes")
    assert allowed.returncode == 0, allowed.stderr
    assert count(archive_dir) == before - 1 and "1 document(s) deleted" in allowed.stdout


@pytest.mark.parametrize(
    "content,why",
    [
        ("[" * 100_000 + "]" * 100_000, "deep nesting"),
        ('{"format": "wpk-archive-corrections", "corrections": 5}', "no list"),
        ("not json at all", "not JSON"),
        ('{"format": "something else"}', "another format"),
        ('{"format": "wpk-archive-corrections", "version": 99, "corrections": []}', "version"),
    ],
)
def test_a_file_that_is_not_a_corrections_export_is_refused(
    archive_dir: Path, tmp_path: Path, content: str, why: str
) -> None:
    path = tmp_path / "c.json"
    path.write_text(content, encoding="utf-8")
    proc = cli(archive_dir, "corrections", "import", str(path))
    if crashed(proc):
        outcome = "crashed"
    elif proc.returncode == 1 and str(path) in proc.stderr:
        outcome = "refused"
    else:
        outcome = "wrongly accepted"
    record(f"corrections file: {why}", outcome)
    assert outcome == "refused", proc.stderr
    assert _still_works(archive_dir)


def _poison(
    folder: Path, target_id: str, action: str, value: Any, field: str | None = None
) -> None:
    """Put a correction row straight into the store (as an older program, or a hand edit, did)."""
    conn = sqlite3.connect(folder / "archive.sqlite")
    with conn:
        conn.execute(
            "INSERT INTO corrections(target_type, target_id, action, field, value, old, created_at)"
            " VALUES ('event', ?, ?, ?, ?, 'null', ?)",
            [target_id, action, field, json.dumps(value), WHEN],
        )
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'timeline_stale'")
    conn.close()


@pytest.mark.parametrize(
    "case",
    ["add null", "self-join", "kind as HTML", "start not a date", "value not JSON"],
)
def test_a_bad_row_in_the_store_is_skipped_reported_and_removable(
    archive_dir: Path, case: str
) -> None:
    events = _events(archive_dir)
    target = events[0]["id"]
    if case == "add null":
        _poison(archive_dir, "x", "add", None)
    elif case == "self-join":
        _poison(archive_dir, target, "join", target)
    elif case == "kind as HTML":
        _poison(archive_dir, target, "set", "<b>kind</b>", "kind")
    elif case == "start not a date":
        _poison(archive_dir, target, "set", "not a date", "start")
    else:
        _poison(archive_dir, target, "set", None, "name")
        conn = sqlite3.connect(archive_dir / "archive.sqlite")
        with conn:
            conn.execute("UPDATE corrections SET value = '{broken' WHERE field = 'name'")
        conn.close()
    working = _still_works(archive_dir)
    listing = cli(archive_dir, "corrections", "list")
    after = _events(archive_dir) if working else []
    outcome = (
        "crashed"
        if not working
        else (
            "refused"
            if "not applied" in listing.stdout and len(after) == len(events)
            else "wrongly accepted"
        )
    )
    record(f"correction in the store: {case}", outcome)
    assert outcome == "refused", listing.stdout + listing.stderr
    assert "could not be applied" in cli(archive_dir, "timeline").stderr  # the notice
    number = next(
        line.split()[0].lstrip("#") for line in listing.stdout.splitlines() if "not applied" in line
    )
    removed = cli(archive_dir, "corrections", "remove", number)
    assert removed.returncode == 0, removed.stderr
    assert "not applied" not in cli(archive_dir, "corrections", "list").stdout
    assert "could not be applied" not in cli(archive_dir, "timeline").stderr
    assert [e["id"] for e in _events(archive_dir)] == [e["id"] for e in events]
