"""The window imports in the background (a bar that moves, a cancel, a report), from files and
from a URL; the reader shows a story's other publications and the diff of its revisions."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from PySide6.QtWidgets import QDialog

from tests.core.test_resent_and_revisions import STORY
from wpk_archive.ui.main_window import MainWindow


def _big_jsonl(path: Path, n: int) -> Path:
    rows = [
        {
            "title": f"Orchard report {i}",
            "url": f"http://x/{i}",
            "text": f"Orchard {i} grew {i} apples.",
        }
        for i in range(n)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return path


def test_the_import_bar_moves_within_a_big_file_and_the_report_says_what_came_in(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    big = _big_jsonl(tmp_path / "big.jsonl", 1200)
    values: list[int] = []
    with qtbot.waitSignal(window.import_finished, timeout=120000) as blocker:
        window.imports.import_paths([big])
        progress = window.imports.progress
        assert progress is not None and progress.isVisible()
        progress.bar.valueChanged.connect(values.append)
        assert window.search.box.isEnabled()  # the window stays in use meanwhile
    report = blocker.args[0]
    assert report.added == 1200
    assert len({v for v in values if 0 < v < 1200}) >= 3, values  # it moved within the file
    assert window.imports.progress is None  # gone from the status bar


def test_a_cancelled_import_says_what_it_kept(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big = _big_jsonl(tmp_path / "big.jsonl", 3000)
    with qtbot.waitSignal(window.import_finished, timeout=120000) as blocker:
        window.imports.import_paths([big])
        progress = window.imports.progress
        assert progress is not None
        qtbot.waitUntil(lambda: progress.bar.value() > 0, timeout=60000)
        progress.cancel.click()
    report = blocker.args[0]
    assert report.cancelled and 0 < report.added < 3000
    box = window.imports.report_box
    assert box is not None and f"Cancelled: {report.added} document(s)" in box.text()
    box.close()


def test_import_from_url_and_the_reader_shows_history(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pages = {
        "/story.html": STORY,
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            text = pages.get(self.path)
            body = (
                "<html><head><title>Congress opens</title></head><body><article>"
                + "".join(f"<p>{p}</p>" for p in (text or "").split("\n\n"))
                + "</article></body></html>"
            ).encode()
            self.send_response(200 if text else 404)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/story.html"
    try:
        with qtbot.waitSignal(window.import_finished, timeout=60000) as blocker:
            window.imports.import_url(url)
        assert blocker.args[0].added == 1
        pages["/story.html"] = STORY.replace("national economy", "people's economy")
        with qtbot.waitSignal(window.import_finished, timeout=60000) as blocker:
            window.imports.import_url(url)
        assert blocker.args[0].updated == 1
    finally:
        server.shutdown()
        server.server_close()
    # a re-send of the story, from a file
    (tmp_path / "resent.txt").write_text(
        "Congress opens in Pyongyang\n\n"
        + pages["/story.html"].replace("full support", "their full support"),
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.import_finished, timeout=60000) as blocker:
        window.imports.import_paths([tmp_path / "resent.txt"])
    assert blocker.args[0].resent == 1
    archive = window.archive
    assert archive is not None
    doc_id = next(d["id"] for d in archive.documents() if d["url"] == url)
    with qtbot.waitSignal(window.document_shown, timeout=10000):
        window.reading.open_document(doc_id)
    header = window.reader.header.text()
    assert "Also published as" in header and "Congress opens in Pyongyang" in header
    assert "Revision 2 of 2" in header
    window.reader._open_external("revisions:")
    dialog = window.reading.revisions_dialog
    assert isinstance(dialog, QDialog)
    qtbot.waitUntil(lambda: "removed" in dialog.summary.text(), timeout=10000)
    assert dialog.summary.text() == "1 word(s) removed, 1 added"
    shown = dialog.view.toHtml()
    assert "national" in shown and "people" in shown
    dialog.close()
