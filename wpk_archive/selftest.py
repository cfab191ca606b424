"""``wpk-archive --self-test``: check that an installation (or a frozen build) works end to end.

Offscreen and in a temporary folder, it opens a new archive (which imports the bundled articles),
searches, builds the timeline, then shows the main window once on that archive and takes a picture
of it. Nothing outside the temporary folder is read or written, except the shipped resources.
Returns 0 when everything works; otherwise prints what failed to stderr and returns 1.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

SEARCH_QUERY = "Supreme People's Assembly"
SEARCH_EXPECTED = 1
MIN_EVENTS = 9
CONGRESS_NAME = "7th Congress"
CONGRESS_DOCUMENTS = 2
GUI_TIMEOUT_S = 60.0


class SelfTestError(Exception):
    """One check failed; the message says which and why."""


def run_self_test() -> int:
    """Run every check; 0 when all pass, 1 (with a message on stderr) on the first failure."""
    started = time.monotonic()
    try:
        with tempfile.TemporaryDirectory(
            prefix="wpk-archive-selftest-", ignore_cleanup_errors=True
        ) as tmp:
            folder = Path(tmp)
            _check_resources()
            _check_archive(folder / "archive")
            _check_window(folder / "archive", folder)
    except SelfTestError as exc:
        print(f"wpk-archive self-test FAILED: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        traceback.print_exc()
        print(
            f"wpk-archive self-test FAILED: unexpected {type(exc).__name__}: {exc}", file=sys.stderr
        )
        return 1
    print(f"wpk-archive self-test passed in {time.monotonic() - started:.1f} s")
    return 0


def _ok(message: str) -> None:
    print(f"  ok  {message}", flush=True)


def _check_resources() -> None:
    from wpk_archive.core.paths import install_root, migrations_dir, resources_dir

    root = install_root()
    corpus = resources_dir() / "corpus"
    if not (corpus / "metadata.json").is_file():
        raise SelfTestError(f"the bundled corpus is missing: no {corpus / 'metadata.json'}")
    articles = sorted(corpus.glob("*.txt"))
    if not articles:
        raise SelfTestError(f"the bundled corpus is missing: no articles in {corpus}")
    migrations = sorted(migrations_dir().glob("*.sql"))
    if not migrations:
        raise SelfTestError(f"the store's migrations are missing: no *.sql in {migrations_dir()}")
    _ok(
        f"resources in {root}: {len(articles)} bundled articles, {len(migrations)} migrations"
        + (", variants table" if (resources_dir() / "variants.tsv").is_file() else "")
    )


def _check_archive(path: Path) -> None:
    from wpk_archive.core.archive import open_archive

    with open_archive(path) as archive:
        if archive.readonly:
            raise SelfTestError(f"the temporary archive {path} opened read-only: {archive.notice}")
        stats = archive.stats()
        expected = len(list((_resources() / "corpus").glob("*.txt")))
        if stats["documents"] < expected:
            raise SelfTestError(
                f"the new archive holds {stats['documents']} documents; "
                f"expected the {expected} bundled articles"
            )
        _ok(
            f"new archive imported {stats['documents']} bundled articles "
            f"({stats['passages']} passages)"
        )

        result = archive.search(SEARCH_QUERY)
        if result.total != SEARCH_EXPECTED:
            raise SelfTestError(
                f"searching {SEARCH_QUERY!r} found {result.total} passages; "
                f"expected {SEARCH_EXPECTED}" + (f" ({result.message})" if result.message else "")
            )
        _ok(f"search {SEARCH_QUERY!r}: {result.total} passage")

        events = archive.timeline()
        if len(events) < MIN_EVENTS:
            raise SelfTestError(f"the timeline has {len(events)} events; expected ≥ {MIN_EVENTS}")
        congress = [e for e in events if e.kind == "party_congress" and CONGRESS_NAME in e.name]
        if not congress:
            names = ", ".join(e.name for e in events)
            raise SelfTestError(f"the timeline has no {CONGRESS_NAME} event (events: {names})")
        documents = {s.doc_id for s in congress[0].sources}
        if len(documents) != CONGRESS_DOCUMENTS:
            raise SelfTestError(
                f"the {congress[0].name} event has sources in {len(documents)} documents; "
                f"expected {CONGRESS_DOCUMENTS}"
            )
        _ok(
            f"timeline: {len(events)} events; {congress[0].name} "
            f"with sources in {len(documents)} documents"
        )


def _resources() -> Path:
    """The shipped resources folder (in a checkout, an installation or a frozen build)."""
    from wpk_archive.core.paths import resources_dir

    return resources_dir()


def _check_window(archive_path: Path, folder: Path) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtGui import QIcon, QImage
    from PySide6.QtWidgets import QApplication

    from wpk_archive.ui.main_window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    _quiet_offscreen_warning()

    icon_dir = _resources() / "icons"
    for name in ("wpk-archive.svg", "wpk-archive.png"):
        image = QImage(str(icon_dir / name))
        if image.isNull():
            raise SelfTestError(f"the icon {icon_dir / name} is missing or cannot be read")
    app.setWindowIcon(QIcon(str(icon_dir / "wpk-archive.svg")))
    _ok(f"icons load from {icon_dir} (SVG and PNG)")

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(archive_path, settings=settings)
    state: dict[str, Any] = {"loaded": False, "problem": None}
    loop = QEventLoop()

    def loaded() -> None:
        state["loaded"] = True
        loop.quit()

    def watch() -> None:
        # MainWindow reports an archive that cannot be opened with a modal message box:
        # close it and fail with its text instead of waiting forever.
        modal = QApplication.activeModalWidget()
        if modal is not None:
            state["problem"] = f"the window showed a message: {_widget_text(modal)}"
            modal.close()
            loop.quit()

    watchdog = QTimer()
    watchdog.setInterval(200)
    watchdog.timeout.connect(watch)
    window.timeline_loaded.connect(loaded)
    try:
        window.show()
        watchdog.start()
        _wait(loop, lambda: bool(state["loaded"] or state["problem"]), GUI_TIMEOUT_S)
        if state["problem"]:
            raise SelfTestError(str(state["problem"]))
        if not state["loaded"]:
            raise SelfTestError(
                f"the main window did not load the timeline within {GUI_TIMEOUT_S:.0f} s "
                f"(status: {window.archive_status.text()!r})"
            )
        rows = window.timeline_model.rowCount()
        # the launch opens the earliest event in the reader; give it a moment to arrive
        _wait(loop, lambda: window.reader.state is not None, 10.0)
        app.processEvents()
        picture = window.grab()
        shot = folder / "selftest-window.png"
        if picture.isNull() or picture.width() < 100 or picture.height() < 100:
            raise SelfTestError(
                f"the window picture is empty ({picture.width()}x{picture.height()})"
            )
        if not picture.save(str(shot)) or shot.stat().st_size == 0:
            raise SelfTestError(f"could not save the window picture to {shot}")
        if _colours(picture.toImage()) < 2:
            raise SelfTestError("the window picture is blank (a single colour)")
        _ok(
            f"main window: timeline shows {rows} rows; picture "
            f"{picture.width()}x{picture.height()}, {shot.stat().st_size:,} bytes"
        )
    finally:
        watchdog.stop()
        window.close()
        window.deleteLater()
        app.processEvents()


def _quiet_offscreen_warning() -> None:
    """Drop the offscreen platform's harmless "does not support propagateSizeHints()" line."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    previous: Any = None

    def handler(kind: QtMsgType, context: Any, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def _wait(loop: Any, done: Any, timeout_s: float) -> None:
    """Spin ``loop`` until ``done()`` or the timeout."""
    from PySide6.QtCore import QTimer

    deadline = time.monotonic() + timeout_s
    while not done() and time.monotonic() < deadline:
        QTimer.singleShot(50, loop.quit)
        loop.exec()


def _widget_text(widget: Any) -> str:
    text = getattr(widget, "text", None)
    if callable(text):
        return " ".join(str(text()).split())
    return str(widget.windowTitle())


def _colours(image: Any) -> int:
    """How many distinct colours a coarse grid of samples of ``image`` has."""
    seen: set[int] = set()
    for y in range(0, image.height(), max(1, image.height() // 24)):
        for x in range(0, image.width(), max(1, image.width() // 24)):
            seen.add(int(image.pixel(x, y)))
    return len(seen)
