"""The window never waits for the archive: no archive call runs on the GUI thread.

This replaces a timed test (a wall-clock limit on event-loop gaps during an import, which failed
on a loaded machine): the archive the window opens is wrapped so that every call records its
thread, the window is driven as a user drives it (open, scroll the timeline and the document
list to their ends, type a search, open a hit, export, correct, write a gist, import, close),
and not one call may have run on the GUI thread. Exceptions allowed: none.

The stalls themselves are measured by ``bench/responsiveness.py``, a script, not a test.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from wpk_archive.core.archive import open_archive
from wpk_archive.core.ingest import Item, document_from_text
from wpk_archive.ui import main_window as main_window_module
from wpk_archive.ui.actions import corrections as corrections_module
from wpk_archive.ui.main_window import MainWindow

PLAIN = (str, bytes, int, float, bool, type(None), Path, tuple, list, dict, set, frozenset)


class ThreadRecorder:
    """Stands for an object: every method call (also on the objects it hands out, such as the
    store) records its name and whether it ran on the GUI thread."""

    def __init__(
        self, target: Any, calls: list[tuple[str, bool]], gui: int, prefix: str = ""
    ) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_calls", calls)
        object.__setattr__(self, "_gui", gui)
        object.__setattr__(self, "_prefix", prefix)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        label = f"{self._prefix}{name}"
        if callable(value):

            def call(*args: Any, **kwargs: Any) -> Any:
                self._calls.append((label, threading.get_ident() == self._gui))
                return value(*args, **kwargs)

            return call
        if isinstance(value, PLAIN):
            return value
        return ThreadRecorder(value, self._calls, self._gui, f"{label}.")

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._target, name, value)


def _nth(n: int) -> str:
    return f"{n}" + ("th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


MONTHS = "January February March April May June July August September October November December"


def _reports(count: int) -> Iterator[Item]:
    """Articles that each date a plenary meeting or an SPA session: over 400 timeline events."""
    months = MONTHS.split()
    for i in range(count):
        half = i // 2
        if i % 2 == 0:  # 12 Central Committees x 30 plenary meetings
            term, number = half % 12 + 1, half // 12 + 1
            meeting = f"{_nth(number)} Plenary Meeting of the {_nth(term)} Central Committee of the WPK"
        else:  # 14 Assemblies x 13 sessions
            term, number = half % 14 + 1, half // 14 % 13 + 1
            meeting = f"{_nth(number)} Session of the {_nth(term)} Supreme People's Assembly"
        day = number % 28 + 1
        text = (
            f"Report {i} on the meeting\n\nThe {meeting} was held on {day} "
            f"{months[term % 12]} {1950 + term + number}.\n\nOrchard {i} was discussed."
        )
        yield Item(f"t:{i}", document_from_text(text, origin=f"t:{i}"))


def _scroll_to_the_end(qtbot, view, model) -> int:  # type: ignore[no-untyped-def]
    """Scroll ``view`` to its end until every page is read; the number of pages read."""
    pages = 0
    while model.canFetchMore(model.index(-1, 0)):
        with qtbot.waitSignal(model.page_loaded, timeout=20000):
            view.scrollToBottom()  # the view asks the model for more (fetchMore)
            assert model.loading, "scrolling to the end did not ask for the next page"
        pages += 1
    return pages


def test_no_archive_call_runs_on_the_gui_thread(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "archive"
    with open_archive(folder) as archive:
        archive.import_items(_reports(700))
    calls: list[tuple[str, bool]] = []
    gui = threading.get_ident()

    def recorded_open(path: Any) -> Any:
        return ThreadRecorder(open_archive(path), calls, gui)

    monkeypatch.setattr(main_window_module, "open_archive", recorded_open)
    monkeypatch.setattr(
        corrections_module.plain, "get_text", lambda *a, **k: ("My own gist", True)
    )
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(folder, settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.timeline_loaded, timeout=30000):
        window.show()
    qtbot.waitUntil(lambda: window.reader.state is not None, timeout=10000)

    # scroll the timeline and the document list to their ends
    window.tabs.setCurrentWidget(window.timeline_pane)
    assert _scroll_to_the_end(qtbot, window.timeline, window.timeline_model) >= 2
    assert window.timeline_model.fetched == window.timeline_model.total > 400
    window.tabs.setCurrentWidget(window.documents)
    assert _scroll_to_the_end(qtbot, window.documents, window.documents_model) >= 1
    assert window.documents_model.fetched == 702

    # open a document from the list, type a search, open a hit
    with qtbot.waitSignal(window.document_shown, timeout=10000):
        window.documents.activated.emit(window.documents_model.index(600, 0))
    with qtbot.waitSignal(window.search_done, timeout=10000):
        qtbot.keyClicks(window.search.box, "plenary meeting")
    index = window.search.model.index(window.search.model.first_hit_row() or 0, 0)
    with qtbot.waitSignal(window.document_shown, timeout=10000):
        window.search.list.activated.emit(index)

    # export the timeline and the document (Markdown and PDF)
    for fmt in ("csv", "md"):
        with qtbot.waitSignal(window.export_finished, timeout=20000):
            window.exports.export_timeline(tmp_path / f"timeline.{fmt}", fmt)
    for fmt in ("md", "pdf"):
        with qtbot.waitSignal(window.export_finished, timeout=20000):
            window.exports.export_document(tmp_path / f"document.{fmt}", fmt)
    assert (tmp_path / "document.pdf").read_bytes().startswith(b"%PDF")

    # correct, undo, write a gist, filter the timeline, import
    window.tabs.setCurrentWidget(window.timeline_pane)
    event = window.timeline_model.event_at(window.timeline_model.first_event_row() or 0)
    assert event is not None
    with qtbot.waitSignal(window.corrections_changed, timeout=15000):
        window.corrections.reject_events([event])
    with qtbot.waitSignal(window.corrections_changed, timeout=15000):
        window.corrections.undo_last_correction()
    with qtbot.waitSignal(window.corrections_changed, timeout=15000):
        window.corrections.edit_gist_dialog(event)
    with qtbot.waitSignal(window.timeline_loaded, timeout=10000):
        window.timeline_pane.kind.setCurrentIndex(window.timeline_pane.kind.findData("cc_plenary"))
    article = tmp_path / "orchard.txt"
    article.write_text("Orchard news\n\nThe orchard meeting was held.", encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.imports.import_paths([article])
        progress = window.imports.progress
        assert progress is not None and progress.windowModality() == Qt.WindowModality.NonModal
    qtbot.waitUntil(lambda: not window.tasks._running, timeout=15000)
    window.close()

    names = {name for name, _ in calls}
    for expected in (
        "timeline", "count_events", "documents", "stats", "document", "search", "summary",
        "check_index", "document_headers", "reject_event", "undo_correction", "user_event_gist",
        "set_user_event_gist", "import_paths", "close",
    ):  # fmt: skip
        assert expected in names, f"the window never called {expected}: the test missed a path"
    on_gui = sorted({name for name, on_gui_thread in calls if on_gui_thread})
    assert on_gui == [], f"archive calls on the GUI thread: {on_gui}"


def test_a_missing_index_is_rebuilt_with_the_user_told(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "archive"
    open_archive(folder).close()
    shutil.rmtree(folder / "index")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    main = MainWindow(folder, settings=settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: "rebuilt" in main.banner.text(), timeout=30000)
    assert main.banner.isVisible() and "Nothing was lost" in main.banner.text()
    main.close()
