"""Save PNG screenshots of the app's main states, offscreen.

    python scripts/screenshots.py OUT_DIR [--large]

States: the bundled archive at launch, a search with facets, the reader with a summary sentence
selected, the timeline filtered. ``--large`` adds the same on an archive of the shared KCNA corpus
(../shared/corpus, built once under OUT_DIR/large-archive and reused).
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer, QUrl
from PySide6.QtWidgets import QApplication

from wpk_archive.ui.main_window import MainWindow

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    """Process events until ``condition`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def settle(ms: int = 300) -> None:
    """Let pending paints and queued signals run."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(window: MainWindow, path: Path) -> None:
    """Save what the window shows."""
    settle()
    window.grab().save(str(path))
    print(f"wrote {path}")


def states(archive: Path, out: Path, prefix: str, query: str, kind: str) -> None:
    """Walk the window through the main states, saving one picture each."""
    (out / f"{prefix}settings.ini").unlink(missing_ok=True)  # start from defaults every run
    settings = QSettings(str(out / f"{prefix}settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(archive, settings=settings)
    window.resize(1440, 900)
    window.show()
    wait_until(lambda: window.reader.state is not None, timeout=600)
    shoot(window, out / f"{prefix}1-launch.png")

    done: list[bool] = []
    window.search_done.connect(lambda: done.append(True))
    window.search.box.setText(query)
    window.tabs.setCurrentWidget(window.search)
    window.search.search_now()
    wait_until(lambda: bool(done))
    if window.search.model.rowCount():
        index = window.search.model.index(window.search.model.first_hit_row() or 0, 0)
        window.search.list.setCurrentIndex(index)
        shown: list[bool] = []
        window.document_shown.connect(lambda: shown.append(True))
        window.search.list.activated.emit(index)
        wait_until(lambda: bool(shown))
    shoot(window, out / f"{prefix}2-search-facets.png")

    state = window.reader.state
    if state is not None and state.summary is not None and state.summary.auto:
        s = state.summary.auto[min(1, len(state.summary.auto) - 1)]
        window.reader.summary.anchorClicked.emit(QUrl(f"span:{s.passage}:{s.start}:{s.end}"))
    shoot(window, out / f"{prefix}3-reader-summary-selected.png")

    loaded: list[bool] = []
    window.timeline_loaded.connect(lambda: loaded.append(True))
    window.tabs.setCurrentWidget(window.timeline_pane)
    window.timeline_pane.kind.setCurrentIndex(window.timeline_pane.kind.findData(kind))
    wait_until(lambda: bool(loaded))
    shoot(window, out / f"{prefix}4-timeline-filtered.png")
    window.close()


def build_large(folder: Path) -> None:
    """Import both shared corpus files into ``folder`` (skipped when already built)."""
    from wpk_archive.core.archive import open_archive
    from wpk_archive.core.ingest import read_jsonl

    if (folder / "archive.sqlite").exists():
        return
    with open_archive(folder) as archive:
        for path in sorted(CORPUS.glob("*.jsonl.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                items, _ = read_jsonl(handle.read(), path.name)
            started = time.perf_counter()
            archive.import_items(items, total=len(items))
            print(
                f"imported {len(items)} from {path.name} in {time.perf_counter() - started:.1f} s"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--large", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        states(Path(tmp) / "archive", args.out, "", "Supreme People's Assembly", "party_congress")
    if args.large:
        if not CORPUS.exists():
            print(f"{CORPUS} is absent: --large needs the shared corpus", file=sys.stderr)
            return 1
        large = args.out / "large-archive"
        build_large(large)
        states(large, args.out, "large-", "plenary meeting", "spa_session")
    print(f"done in {time.perf_counter() - started:.1f} s")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
