"""Start the desktop app."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def run(archive_path: Path | None = None, *, screenshot: Path | None = None) -> int:
    """Open the main window on an archive; with ``screenshot``, save a picture once loaded and exit."""
    if (
        screenshot is not None
        and not os.environ.get("DISPLAY")
        and sys.platform.startswith("linux")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from wpk_archive.core.paths import resources_dir
    from wpk_archive.ui.main_window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("WPK Archive")
    app.setOrganizationName("wpk-archive")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "wpk-archive.svg")))
    app.setDesktopFileName("wpk-archive")  # Wayland matches the window to wpk-archive.desktop
    window = MainWindow(archive_path)
    window.show()
    if screenshot is not None:

        def capture() -> None:
            window.grab().save(str(screenshot))
            print(f"saved {screenshot}", file=sys.stderr)
            window.close()
            app.quit()

        window.timeline_loaded.connect(lambda: QTimer.singleShot(300, capture))
        QTimer.singleShot(60000, app.quit)
    return int(app.exec())
