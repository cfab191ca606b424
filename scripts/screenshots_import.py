"""Screenshots of importing and of a document's history, offscreen.

    python scripts/screenshots_import.py OUT_DIR

- ``background_import.png``: the window while a big file imports (the status bar's progress bar
  and Cancel; the reader and search stay in use);
- ``revision_diff.png``: the reader on a story that changed at its source and was re-sent, with
  the revisions dialog comparing its two texts.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication
from screenshots import settle, wait_until

from wpk_archive.ui.main_window import MainWindow

FIRST = """Pyongyang, January 6 (KCNA) -- The 8th Congress of the Workers' Party of Korea opened in Pyongyang on January 5, 2021.

Kim Jong Un made a report on the work of the 7th Central Committee of the Party. The report reviewed the successes and lessons of the five years since the 7th Congress and set out the tasks for the new five-year plan for the development of the national economy, which the delegates discussed in the sectional meetings that followed.

The congress also discussed the revision of the Party rules and the election of the central leadership bodies, and the delegates expressed full support for the report."""
SECOND = (
    FIRST.replace("national economy", "people's economy").replace(
        "in the sectional meetings that followed", "in six sectional meetings on January 7 and 8"
    )
    + "\n\nThe congress continues."
)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    work = Path(tempfile.mkdtemp(prefix="wpk-shots-"))
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(work / "archive", settings=settings)
    window.resize(1440, 900)
    window.show()
    wait_until(lambda: window.archive is not None and window.reader.state is not None)
    archive = window.archive
    assert archive is not None
    article = work / "congress.jsonl"
    row = {
        "title": "8th Congress of WPK Opens",
        "date": "2021-01-06",
        "source": "KCNA",
        "id": "kcna-2021-0106-01",
    }
    article.write_text(json.dumps(row | {"text": FIRST}), encoding="utf-8")
    archive.import_paths([article])
    article.write_text(json.dumps(row | {"text": SECOND, "date": "2021-01-07"}), encoding="utf-8")
    archive.import_paths([article])
    resent = work / "resent.jsonl"
    resent.write_text(
        json.dumps(
            {
                "title": "8th Congress of WPK Opens in Pyongyang",
                "date": "2021-01-08",
                "source": "KCNA",
                "text": SECOND.replace("full support", "their full support"),
            }
        ),
        encoding="utf-8",
    )
    archive.import_paths([resent])
    window.refresh()
    doc_id = next(d["id"] for d in archive.documents() if d["title"] == row["title"])
    window.reading.open_document(doc_id)
    wait_until(
        lambda: window.reader.state is not None and window.reader.state.document.id == doc_id
    )
    window.reader._open_external("revisions:")
    dialog = window.reading.revisions_dialog
    assert dialog is not None
    wait_until(lambda: "removed" in dialog.summary.text())
    dialog.resize(900, 420)
    settle(500)
    shot = window.grab()
    painter = QPainter(shot)
    painter.drawPixmap(window.width() - dialog.width() - 40, 190, dialog.grab())
    painter.end()
    shot.save(str(out / "revision_diff.png"))
    print(f"wrote {out / 'revision_diff.png'}")
    dialog.close()

    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "kcna_2011_2012.jsonl.gz"
    big = corpus if corpus.exists() else _made_up(work / "big.jsonl")
    window.imports.import_paths([big])
    progress = window.imports.progress
    assert progress is not None
    wait_until(
        lambda: progress.bar.maximum() > 0 and progress.bar.value() > progress.bar.maximum() // 4,
        600,
    )
    window.search.box.setText("plenary meeting")
    window.search.box.textEdited.emit("plenary meeting")
    settle(1500)
    window.grab().save(str(out / "background_import.png"))
    print(f"wrote {out / 'background_import.png'}")
    progress.cancel.click()
    wait_until(lambda: window.imports.progress is None, 600)
    settle(500)
    window.close()
    app.processEvents()
    return 0


def _made_up(path: Path) -> Path:
    rows = [
        {"title": f"Report {i}", "text": f"The plenary meeting number {i} was held."}
        for i in range(20000)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return path


if __name__ == "__main__":
    raise SystemExit(main())
