"""The main window's menu bar: File (import, export, quit), Edit, View, Research and Help, each
item wired to the window's flows (:mod:`wpk_archive.ui.actions`) or its own slots."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from wpk_archive.ui.main_window import MainWindow


def build_menus(window: MainWindow) -> QAction:
    """Fill the window's menu bar; returns the View menu's "Korean Names First" toggle."""
    file_menu = window.menuBar().addMenu("&File")
    add_action(
        window,
        file_menu,
        "&Import Files…",
        window.imports.import_files_dialog,
        QKeySequence.StandardKey.Open,
    )
    add_action(
        window, file_menu, "Import &Folder…", window.imports.import_folder_dialog, "Ctrl+Shift+O"
    )
    add_action(
        window, file_menu, "Import from &URL…", window.imports.import_url_dialog, "Ctrl+Shift+U"
    )
    file_menu.addSeparator()
    export_menu = file_menu.addMenu("&Export")
    for fmt, label in (
        ("csv", "Timeline as &CSV…"),
        ("json", "Timeline as &JSON…"),
        ("md", "Timeline as &Markdown…"),
    ):
        add_action(
            window,
            export_menu,
            label,
            lambda _=False, f=fmt: window.exports.export_timeline_dialog(f),
        )
    export_menu.addSeparator()
    add_action(
        window,
        export_menu,
        "Document as M&arkdown…",
        lambda: window.exports.export_document_dialog("md"),
    )
    add_action(
        window,
        export_menu,
        "Document as &PDF…",
        lambda: window.exports.export_document_dialog("pdf"),
    )
    research_menus(window, export_menu)
    file_menu.addSeparator()
    add_action(window, file_menu, "&Quit", window.close, QKeySequence.StandardKey.Quit)
    edit_menu = window.menuBar().addMenu("&Edit")
    add_action(window, edit_menu, "&Search", window.focus_search, "Ctrl+K")
    add_action(
        window,
        edit_menu,
        "&Find in Document",
        window.reader.show_find,
        QKeySequence.StandardKey.Find,
    )
    add_action(
        window, edit_menu, "Copy &Citation", window.reader.copy_current_citation, "Ctrl+Shift+C"
    )
    add_action(window, edit_menu, "Edit Summar&y", window.reader.start_editing, "Ctrl+E")
    add_action(window, edit_menu, "Close Find Bar / Clear Search", window.escape, "Escape")
    edit_menu.addSeparator()
    edit_menu.addAction(window.corrections.undo_action)
    add_action(window, edit_menu, "Add Event from Passage…", window.corrections.add_event_dialog)
    add_action(
        window, edit_menu, "Correct Document Details…", window.corrections.edit_document_dialog
    )
    add_action(window, edit_menu, "Delete Document…", window.corrections.delete_document_dialog)
    view_menu = window.menuBar().addMenu("&View")
    add_action(
        window,
        view_menu,
        "&Timeline",
        lambda: window.tabs.setCurrentWidget(window.timeline_pane),
        "Ctrl+1",
    )
    add_action(
        window,
        view_menu,
        "&Search Results",
        lambda: window.tabs.setCurrentWidget(window.search),
        "Ctrl+2",
    )
    add_action(
        window,
        view_menu,
        "&Documents",
        lambda: window.tabs.setCurrentWidget(window.documents),
        "Ctrl+3",
    )
    view_menu.addSeparator()
    korean_first = add_action(
        window, view_menu, "&Korean Names First", window.timeline_model.set_korean_first
    )
    korean_first.setObjectName("koreanFirst")
    korean_first.setCheckable(True)
    korean_first.setToolTip("Timeline: an event's Korean name before its English one")
    help_menu = window.menuBar().addMenu("&Help")
    add_action(window, help_menu, "&About WPK Archive", window._about)
    return korean_first


# -- people, trends, results out (issue #17): the work is in ui/actions/research.py and
# ui/actions/results.py, the widgets in ui/people_view.py, ui/trends_view.py, ui/kwic_view.py


def research_menus(window: MainWindow, export_menu: Any) -> None:
    """The export menu's search-results items and the Research menu."""
    export_menu.addSeparator()
    add_action(
        window, export_menu, "Search Results as C&SV…", lambda: window.results.export_dialog("csv")
    )
    add_action(
        window,
        export_menu,
        "Search Results as J&SON…",
        lambda: window.results.export_dialog("json"),
    )
    view_menu = window.menuBar().addMenu("&Research")
    add_action(window, view_menu, "&Keyword in Context", window.results.show_kwic, "Ctrl+Shift+K")
    add_action(
        window,
        view_menu,
        "&People",
        lambda: window.tabs.setCurrentWidget(window.people_pane),
        "Ctrl+4",
    )
    add_action(
        window,
        view_menu,
        "&Trends",
        lambda: window.tabs.setCurrentWidget(window.trends_pane),
        "Ctrl+5",
    )


def add_action(
    window: MainWindow, menu: Any, text: str, slot: Any, shortcut: Any = None
) -> QAction:
    """An item of ``menu`` calling ``slot`` (owned by the window), with its shortcut."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action
