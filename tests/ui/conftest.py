"""GUI tests: real widgets, offscreen, a fresh archive folder per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from wpk_archive.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(tmp_path / "archive", settings=settings)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.timeline_loaded, timeout=30000):
        main.show()
    qtbot.waitUntil(lambda: main.reader.state is not None, timeout=10000)  # launch opens an event
    yield main
    main.close()
