"""GUI tests: real widgets, offscreen, a fresh archive folder per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wpk_archive.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    main = MainWindow(tmp_path / "archive")
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.timeline_loaded, timeout=30000):
        main.show()
    qtbot.waitUntil(lambda: main.reader.state is not None, timeout=10000)  # launch opens an event
    yield main
    main.close()
