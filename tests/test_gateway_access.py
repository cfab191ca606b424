"""The UI and the CLI speak only to the Archive gateway's public API.

Two checks: a scan of the source (every attribute read on an archive object in wpk_archive/ui and
the CLI is a public Archive name, never ``store``, ``index`` or an underscore name), and a run (a
few CLI commands and the main window, on an Archive whose ``__getattribute__`` records every name
asked from outside the core).
"""

from __future__ import annotations

import ast
import contextlib
import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from wpk_archive.core.archive import Archive, open_archive

PACKAGE = Path(__file__).resolve().parents[1] / "wpk_archive"
FORBIDDEN = {"store", "_store", "index", "_index"}


def _caller_files() -> list[Path]:
    """The UI's modules and the CLI's (a module or a package)."""
    files = sorted((PACKAGE / "ui").rglob("*.py"))
    files += sorted(PACKAGE.glob("cli*.py"))
    if (PACKAGE / "cli").is_dir():
        files += sorted((PACKAGE / "cli").rglob("*.py"))
    return files


def _public_api() -> set[str]:
    """Public names of the class, and the public attributes an open archive sets."""
    return {name for name in dir(Archive) if not name.startswith("_")} | {
        "folder",
        "notice",
        "readonly",
        "readonly_reason",
        "held_elsewhere",
        "orphan_corrections",
        "failed_corrections",
    }


def _is_archive(node: ast.expr) -> bool:
    """``archive``, ``self.archive``, ``self._archive``, ``window.archive``..."""
    if isinstance(node, ast.Name):
        return node.id in {"archive", "_archive"}
    if isinstance(node, ast.Attribute):
        return node.attr in {"archive", "_archive"}
    return False


def _archive_attributes(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [
        (node.lineno, node.attr)
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and _is_archive(node.value)
    ]
    for node in ast.walk(tree):  # getattr(archive, "name")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and node.args
            and _is_archive(node.args[0])
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
        ):
            found.append((node.lineno, str(node.args[1].value)))
    return found


def test_the_scan_sees_what_it_must_refuse() -> None:
    """The scan itself: a reach into the store, the index or a private name is found."""
    sample = PACKAGE.parent / "tests" / "_gateway_sample.py"
    sample.write_text(
        "def f(archive, self):\n"
        "    archive.store.document_headers([])\n"
        "    self.archive._index.open()\n"
        "    getattr(self._archive, '_write_lock')\n"
        "    archive.search('x')\n",
        encoding="utf-8",
    )
    try:
        names = {name for _, name in _archive_attributes(sample)}
    finally:
        sample.unlink()
    assert names == {"store", "_index", "_write_lock", "search"}


def test_ui_and_cli_use_only_public_archive_names_in_their_source() -> None:
    public = _public_api()
    offenders = []
    files = _caller_files()
    assert len(files) > 10, files
    seen = 0
    for path in files:
        for line, name in _archive_attributes(path):
            seen += 1
            if name in FORBIDDEN or name.startswith("_") or name not in public:
                offenders.append(f"{path.relative_to(PACKAGE)}:{line}: .{name}")
    assert seen > 50  # the scan finds the archive calls it is meant to check
    assert offenders == []


@contextlib.contextmanager
def _recording(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Every (module, name) asked of an Archive from outside wpk_archive.core."""
    asked: list[tuple[str, str]] = []
    plain = object.__getattribute__

    def recording(self: Archive, name: str) -> object:
        module = sys._getframe(1).f_globals.get("__name__", "")
        if module.startswith("wpk_archive.") and not module.startswith("wpk_archive.core"):
            asked.append((module, name))
        return plain(self, name)

    monkeypatch.setattr(Archive, "__getattribute__", recording)
    yield asked


def _offenders(asked: list[tuple[str, str]]) -> list[str]:
    public = _public_api()
    return sorted(
        {
            f"{module}: .{name}"
            for module, name in asked
            if name.startswith("_") or name not in public
        }
    )


def test_cli_commands_ask_only_public_archive_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wpk_archive.cli import main

    folder = tmp_path / "a"
    monkeypatch.setenv("WPK_ARCHIVE_HOME", str(folder))
    with open_archive(folder) as archive:
        event_id = archive.timeline()[0].id
        doc_id = archive.documents()[0]["id"]
    commands = [
        ["search", "congress", "--json"],
        ["search", "congress"],
        ["show", doc_id, "--json"],
        ["timeline", "--json"],
        ["event", event_id, "--set-gist", "my gist", "--json"],
        ["summary", doc_id],
        ["people", "--json"],
        ["export", "timeline", str(tmp_path / "t.json")],
        ["doctor", "--check-only"],
    ]
    with _recording(monkeypatch) as asked:
        for command in commands:
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                assert main(command) == 0, command
    names = {name for _, name in asked}
    assert {"search", "document", "timeline", "event", "user_event_gist"} <= names, names
    assert _offenders(asked) == []


def test_the_main_window_asks_only_public_archive_names(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QSettings

    from wpk_archive.ui.main_window import MainWindow

    with _recording(monkeypatch) as asked:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        main = MainWindow(tmp_path / "archive", settings=settings)
        qtbot.addWidget(main)
        with qtbot.waitSignal(main.timeline_loaded, timeout=30000):
            main.show()
        qtbot.waitUntil(lambda: main.reader.state is not None, timeout=10000)
        main.search.box.setText("congress")
        with qtbot.waitSignal(main.search_done, timeout=10000):
            main.search.search_now()
        main.close()
    names = {name for _, name in asked}
    assert {"timeline", "search", "document"} <= names, names
    assert _offenders(asked) == []
