"""Save the Korean screenshots of issue #19, offscreen.

    PYTHONPATH=. python scripts/korean_screenshots.py OUT_DIR

1. ``korean-reader.png``: a Korean article (a South Korean report of the 10th Plenary Meeting of
   the 8th WPK Central Committee, tests/data/korean_articles.json) in the reader with its summary.
2. ``korean-timeline-merged.png``: that meeting on the timeline as one event, merged from the
   Korean report and an English KCNA report naming it (the KCNA article of 2024-07-20 from the
   shared corpus; its Cabinet meeting carried out the plenum's decisions), with the chronology's
   Korean name beside the English one; the reader on the English source.

The pictures are scaled to 1100 pixels wide, in 256 colours. Needs a Korean font (fonts-nanum) and the corpus.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from screenshots import CORPUS, settle, wait_until  # noqa: E402

from wpk_archive.ui.main_window import MainWindow  # noqa: E402

PLENUM = "10th Plenary Meeting of the 8th WPK Central Committee"


def english_report() -> dict[str, str]:
    """The KCNA article of 2024-07-20 naming the Tenth Plenary Meeting of the Eighth CC."""
    with gzip.open(CORPUS / "kcna_2023_2024.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            if article["date"] == "2024-07-20" and "Tenth Plenary Meeting" in article["text"]:
                return dict(article)
    raise SystemExit("the English report is not in the corpus")


def korean_report() -> dict[str, str]:
    data = json.loads((ROOT / "tests" / "data" / "korean_articles.json").read_text("utf-8"))
    a = next(x for x in data["articles"] if x["id"] == "rankmore-8-10-plenary-opens")
    return {
        "title": a["title"],
        "date": a["published"],
        "source": "연합뉴스",
        "url": a["url"],
        "text": a["text"],
    }


def save(window: MainWindow, path: Path) -> None:
    settle(500)
    image = window.grab().scaledToWidth(1100, Qt.TransformationMode.SmoothTransformation)
    # a palette of 256 colours keeps text sharp and the file small
    image.toImage().convertToFormat(
        QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.AvoidDither
    ).save(str(path))
    print(f"wrote {path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="wpk-korean-shots-"))
    feed = work / "reports.jsonl"
    reports = [korean_report(), english_report()]
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in reports), "utf-8")
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(work / "archive", settings=settings)
    window.resize(1500, 860)
    window.show()
    wait_until(lambda: window.reader.state is not None, timeout=120)
    imported: list[bool] = []
    window.import_finished.connect(lambda *_a: imported.append(True))
    window.imports.import_paths([feed])
    wait_until(lambda: bool(imported), timeout=120)
    model = window.timeline_model

    def plenum_row() -> int | None:
        for row in range(model.rowCount()):
            event = model.event_at(row)
            if event is not None and event.name == PLENUM and len(event.sources) >= 2:
                return row
        return None

    wait_until(lambda: plenum_row() is not None, timeout=60)
    row = plenum_row()
    assert row is not None
    event = model.event_at(row)
    assert event is not None
    korean = next(s for s in event.sources if any("가" <= c <= "힣" for c in s.quote))
    index = model.index(row, 0)
    window.tabs.setCurrentWidget(window.timeline_pane)
    window.timeline.setCurrentIndex(index)
    window.timeline.scrollTo(index)
    shown: list[bool] = []
    window.document_shown.connect(lambda: shown.append(True))
    window.reading.open_document(korean.doc_id, passage=korean.passage)
    wait_until(lambda: bool(shown), timeout=60)
    save(window, args.out / "korean-reader.png")
    shown.clear()
    window.timeline.clicked.emit(index)  # the event: its sources, the reader on the first
    wait_until(lambda: bool(shown), timeout=60)
    for _ in range(len(event.sources)):  # step to the English report's source
        state = window.reader.state
        if state is not None and not any("가" <= c <= "힣" for c in state.document.text):
            break
        shown.clear()
        window.reader.next_source.click()
        wait_until(lambda: bool(shown), timeout=60)
    save(window, args.out / "korean-timeline-merged.png")
    window.close()
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
