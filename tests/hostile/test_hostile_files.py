"""Hostile files and values in imports: every bad item is refused (naming the file, the line and
the problem) or repaired with a note, the rest goes in, special files are never opened, and
nothing hangs (each risky case runs the command line in a subprocess under a hang guard)."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from pathlib import Path

import pytest

from tests.hostile.conftest import cli, count, crashed, integrity, record
from wpk_archive.core.archive import open_archive


def _good(folder: Path, n: int, prefix: str = "good") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{prefix}-{i:02d}.txt").write_text(
            f"Report {prefix} {i}\n\nThe orchard plenum number {i} of {prefix} met.",
            encoding="utf-8",
        )


def _outcome(proc, folder: Path, expected_docs: int, needle: str) -> str:  # type: ignore[no-untyped-def]
    """refused / repaired when the good items went in and the bad one got its line."""
    if crashed(proc) or integrity(folder) != "ok":
        return "crashed"
    if count(folder) != expected_docs:
        return "wrongly accepted" if count(folder) > expected_docs else "crashed"
    if needle not in proc.stderr:
        return "wrongly accepted"
    return "refused"


def test_a_cp949_file_name_among_50_good_files(archive_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "unzipped"
    _good(folder, 50)
    name = "조선중앙통신 보도.txt".encode("cp949")
    with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
        handle.write(b"Korean report\n\nThe orchard plenum met in Pyongyang.")
    before = count(archive_dir)
    proc = cli(archive_dir, "import", str(folder))
    ok = not crashed(proc) and count(archive_dir) == before + 51 and proc.returncode == 0
    record("a CP949-named file among 50 good ones", "repaired" if ok else "crashed")
    assert ok, proc.stderr
    conn = sqlite3.connect(archive_dir / "archive.sqlite")
    paths = [r[0] for r in conn.execute("SELECT original_path FROM documents")]
    conn.close()
    assert any("?" in (p or "") and p.endswith(" .txt") is False for p in paths)


BAD_LINES = {
    "a lone surrogate": ('{"title": "Lone \\ud800 surrogate", "text": "The orchard met."}', None),
    "deep nesting": (
        '{"title": "Deep", "text": "x", "n": ' + "[" * 50_000 + "]" * 50_000 + "}",
        "nested too deeply",
    ),
    "a 5,000-digit number": (
        '{"title": "Big", "text": "x", "n": ' + "9" * 5000 + "}",
        "unreadable JSON value",
    ),
    "an impossible month 2020-13-45": (
        '{"title": "Bad date", "text": "The plenum.", "date": "2020-13-45"}',
        "no month 13",
    ),
    "an impossible day 2021-02-30": (
        '{"title": "Bad day", "text": "The plenum.", "date": "2021-02-30"}',
        "has 28 days",
    ),
    "a date that is a number": (
        '{"title": "Num", "text": "The plenum.", "date": 2021}',
        "not text",
    ),
    "a title that is not text": ('{"title": ["x"], "text": "The plenum."}', "lacks a 'title'"),
    "a line that is a list": ("[1, 2, 3]", "not a JSON object"),
    "broken JSON": ('{"title": "cut', "broken JSON line"),
    "an infinite float": ('{"title": "Inf", "text": "x", "n": 1e999999}', None),
}


def test_bad_jsonl_lines_are_refused_one_by_one(archive_dir: Path, tmp_path: Path) -> None:
    cases = sorted(BAD_LINES)
    lines = [json.dumps({"title": "First good", "text": "The orchard plenum met."})]
    lines += [BAD_LINES[c][0] for c in cases]
    lines.append(json.dumps({"title": "Last good", "text": "The rice plenum met."}))
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines), encoding="utf-8")
    before = count(archive_dir)
    proc = cli(archive_dir, "import", str(feed))
    imported = {
        r[0]
        for r in sqlite3.connect(archive_dir / "archive.sqlite").execute(
            "SELECT title FROM documents"
        )
    }
    wrong = []
    for number, case in enumerate(cases, 2):
        needle = BAD_LINES[case][1]
        if crashed(proc):
            outcome = "crashed"
        elif needle is None:  # imported as intended (a repair, or a value that is fine)
            outcome = "repaired" if count(archive_dir) > before else "crashed"
        elif f"{feed}:{number}: " in proc.stderr and needle in proc.stderr:
            outcome = "refused"
        else:
            outcome = "wrongly accepted"
            wrong.append(case)
        record(f"JSONL line: {case}", outcome)
    assert not crashed(proc) and not wrong, proc.stderr
    assert {"First good", "Last good", "Lone \ufffd surrogate", "Inf"} <= imported
    assert "lone surrogates) replaced" in proc.stderr and proc.returncode == 1
    assert count(archive_dir) == before + 4 and integrity(archive_dir) == "ok"


def test_jsonl_values_are_cleaned(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [
        {"title": "Timed", "text": "The orchard plenum.", "date": "2021-01-05T10:00:00"},
        {"title": "Zoned", "text": "The rice plenum.", "date": "2021-01-06 10:00:00+09:00"},
        {"title": "NUL\x00in\x00title", "text": "Text with a NUL\x00 byte."},
        {"title": "\x1b]0;pwned\x07Escape", "text": "The wheat plenum.", "source": "KC\x1bNA"},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with open_archive(tmp_path / "a") as archive:
        report = archive.import_paths([feed])
        assert report.added == 4 and report.ok, report.refused
        docs = {d["title"]: d for d in archive.documents()}
    for case, ok in (
        ("a datetime as the date", docs.get("Timed", {}).get("date") == "2021-01-05"),
        ("a datetime with a zone", docs.get("Zoned", {}).get("date") == "2021-01-06"),
        ("NUL bytes in a title", "NULintitle" in docs),
        ("an escape sequence in a title", "]0;pwned Escape" in docs),
    ):
        record(f"JSONL value: {case}", "repaired" if ok else "wrongly accepted")
        assert ok, (case, sorted(docs))
    assert all("\x00" not in d["title"] and "\x1b" not in d["title"] for d in docs.values())


def _special_files(folder: Path) -> dict[str, str]:
    """Special files named like articles; what each refusal must say."""
    folder.mkdir(parents=True, exist_ok=True)
    os.mkfifo(folder / "fifo.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink("/dev/null", folder / "null.md")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.txt"))
    sock.close()
    os.symlink(folder / "nowhere.txt", folder / "broken.txt")
    return {
        "fifo.txt": "named pipe (FIFO)",
        "zero.txt": "character device",
        "null.md": "character device",
        "sock.txt": "socket",
        "broken.txt": "broken link",
    }


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a POSIX system")
def test_special_files_named_directly_are_refused_without_reading(
    archive_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "special"
    expected = _special_files(folder)
    before = count(archive_dir)
    for name, what in expected.items():
        proc = cli(archive_dir, "import", str(folder / name), timeout=120)
        outcome = _outcome(proc, archive_dir, before, what)
        record(f"named directly: {name}", outcome)
        assert outcome == "refused" and str(folder / name) in proc.stderr, proc.stderr
        assert proc.returncode == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a POSIX system")
def test_every_file_left_out_of_a_folder_gets_a_line(archive_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    _good(folder, 5)
    expected = _special_files(folder)
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff" + bytes(100))
    os.symlink(folder, folder / "loop")
    (folder / "big.txt").touch()
    os.truncate(folder / "big.txt", 250 * 2**20)  # sparse: never read, refused by its size
    damaged = "Damaged byte\n\nThe orchard plenum met in Pyongyang — in 2012.".encode()
    (folder / "one-bad-byte.txt").write_bytes(damaged.replace(b"Pyongyang", b"Pyong\xffyang"))
    before = count(archive_dir)
    proc = cli(archive_dir, "import", str(folder), timeout=300)
    expected.update(
        {
            ".hidden.txt": "hidden file",
            "photo.jpg": "not an article file",
            "loop": "a link to a folder",
            "big.txt": "over the 200 MB limit",
        }
    )
    lines = proc.stderr.splitlines()
    for name, what in expected.items():
        found = any(str(folder / name) in line and what in line for line in lines)
        outcome = "crashed" if crashed(proc) else ("refused" if found else "wrongly accepted")
        record(f"in a folder: {name}", outcome)
        assert found, (name, proc.stderr)
    repaired = any("one-bad-byte.txt" in line and "invalid UTF-8 byte" in line for line in lines)
    record("a one-byte UTF-8 error", "repaired" if repaired else "wrongly accepted")
    assert repaired, proc.stderr
    assert count(archive_dir) == before + 6 and integrity(archive_dir) == "ok"
    text = (
        sqlite3.connect(archive_dir / "archive.sqlite")
        .execute("SELECT text FROM documents WHERE title = 'Damaged byte'")
        .fetchone()[0]
    )
    assert "Pyong\ufffdyang" in text and "—" in text


def test_a_file_that_vanishes_during_the_import(tmp_path: Path) -> None:
    folder = tmp_path / "files"
    _good(folder, 3)

    def progress(done: int, total: int, what: str) -> None:
        if done == 1:
            (folder / "good-01.txt").unlink(missing_ok=True)  # gone before it is read (the
            # bar may report the same count twice: once per file, once per batch of its items)

    with open_archive(tmp_path / "a") as archive:
        report = archive.import_paths([folder], progress=progress)
    ok = report.added == 2 and [Path(r.path).name for r in report.refused] == ["good-01.txt"]
    record("a file that vanishes during the import", "refused" if ok else "wrongly accepted")
    assert ok and "vanished" in report.refused[0].problem, report.refused


def test_one_bad_byte_in_utf8_is_repaired_but_latin1_is_still_detected(tmp_path: Path) -> None:
    from wpk_archive.core.ingest import read_path

    utf8 = tmp_path / "u.txt"
    utf8.write_bytes(
        "Café Pyongyang: 조선로동당 회의".encode().replace(b"Pyongyang", b"Pyong\xe9yang")
    )
    items, notes = read_path(utf8)
    assert (
        items
        and "조선로동당" in items[0].document.text
        and "Pyong\ufffdyang" in items[0].document.text
    )
    assert [n.kind for n in notes] == ["repaired"] and "1 invalid UTF-8 byte" in notes[0].problem
    latin = tmp_path / "l.txt"
    latin.write_bytes(
        ("Réunion plénière à Pyongyang; le congrès a élu le comité central. " * 3).encode("latin-1")
    )
    items, notes = read_path(latin)
    assert "Réunion plénière à Pyongyang" in items[0].document.text and not notes
