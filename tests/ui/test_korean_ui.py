"""Korean in the window (issue #19): import, search, the reader's summary, the timeline's Korean
names and their order, typing with an input method, and glyphs for Hangul offscreen."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase, QInputMethodEvent, QTextLayout
from PySide6.QtWidgets import QApplication

from wpk_archive.core.models import Event
from wpk_archive.ui.main_window import MainWindow

DATA = Path(__file__).resolve().parent.parent / "data"
ARTICLES = {
    a["id"]: a
    for a in json.loads((DATA / "korean_articles.json").read_text(encoding="utf-8"))["articles"]
}
PLENUM = "10th Plenary Meeting of the 8th WPK Central Committee"


def _korean_files(folder: Path) -> list[Path]:
    plenum = ARTICLES["rankmore-8-10-plenary-opens"]
    txt = folder / "plenum.txt"
    txt.write_text(f"{plenum['title']}\n\n{plenum['text']}", encoding="utf-8")
    statement = ARTICLES["coreaone-choe-son-hui-2020"]
    paragraphs = "".join(f"<p>{p}</p>" for p in statement["text"].split("\n\n"))
    html = folder / "statement.html"
    html.write_text(
        f"<html><head><meta charset='utf-8'><title>{statement['title']}</title></head>"
        f"<body><article><h1>{statement['title']}</h1>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    return [txt, html]


def _import(qtbot, window: MainWindow, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.import_finished, timeout=60000):
        window.imports.import_paths(paths)
    qtbot.waitUntil(lambda: _row_of(window, PLENUM) is not None, timeout=20000)


def _row_of(window: MainWindow, name: str) -> int | None:
    model = window.timeline_model
    for row in range(model.rowCount()):
        event = model.event_at(row)
        if event is not None and event.name == name:
            return row
    return None


def _glyphs_missing(font: QFont, text: str) -> int:
    """Glyphs of ``text`` the font (with Qt's fallbacks) has no shape for (glyph index 0)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return sum(list(run.glyphIndexes()).count(0) for run in layout.glyphRuns())


def test_a_korean_font_is_there_and_every_pane_has_glyphs_for_hangul(window: MainWindow) -> None:
    assert QFontDatabase.families(QFontDatabase.WritingSystem.Korean)  # fonts-nanum on CI
    text = "조선로동당 중앙위원회 제8기 제10차전원회의 확대회의"
    for widget in (
        window.reader.original,
        window.reader.summary,
        window.search.list,
        window.search.box,
        window.timeline,
    ):
        assert _glyphs_missing(widget.font(), text) == 0, widget.objectName()


def test_korean_articles_import_are_searched_read_with_a_summary_and_dated(  # type: ignore[no-untyped-def]
    qtbot,
    window: MainWindow,
    tmp_path: Path,
) -> None:
    _import(qtbot, window, _korean_files(tmp_path))
    # searchable, in either spelling and script
    for query in ("전원회의", "로동당", "최선희", "Choe Son Hui"):
        with qtbot.waitSignal(window.search_done, timeout=10000):
            window.search.box.setText(query)
            window.search.search_now()
        titles = {h.title for h in window.search.model.hits}
        assert titles & {
            ARTICLES["rankmore-8-10-plenary-opens"]["title"],
            ARTICLES["coreaone-choe-son-hui-2020"]["title"],
        }, query
    # the timeline event of the Korean report, with its Korean name beside the English one
    row = _row_of(window, PLENUM)
    assert row is not None
    event = window.timeline_model.event_at(row)
    assert isinstance(event, Event) and event.name_ko and "제10차" in event.name_ko
    label = str(window.timeline_model.data(window.timeline_model.index(row, 0)))
    assert label.index(PLENUM) < label.index(event.name_ko)
    # the reader shows the article with its summary, the lead first
    with qtbot.waitSignal(window.document_shown, timeout=10000):
        window.timeline.clicked.emit(window.timeline_model.index(row, 0))
    state = window.reader.state
    assert state is not None and state.summary is not None
    assert state.summary.auto[0].text.startswith("김정은 조선노동당 총비서의 사회로 28일")
    assert "김정은 조선노동당 총비서의 사회로" in window.reader.summary.toPlainText()
    assert "노동당 중앙위 8기10차 전원회의" in window.reader.original.toPlainText()


def test_korean_names_first_is_a_view_setting_kept_in_qsettings(  # type: ignore[no-untyped-def]
    qtbot,
    window: MainWindow,
    tmp_path: Path,
) -> None:
    _import(qtbot, window, _korean_files(tmp_path)[:1])
    model = window.timeline_model
    row = _row_of(window, PLENUM)
    assert row is not None
    event = model.event_at(row)
    assert event is not None and event.name_ko
    action = window.korean_first
    assert not action.isChecked()
    action.trigger()  # View > Korean Names First
    label = str(model.data(model.index(row, 0)))
    assert label.index(event.name_ko) < label.index(PLENUM)
    window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("timeline/korean_first") in (True, "true")
    again = MainWindow(tmp_path / "archive", settings=settings)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.timeline_loaded, timeout=30000):
        again.show()
    assert again.korean_first.isChecked() and again.timeline_model.korean_first
    row = _row_of(again, PLENUM)
    assert row is not None
    label = str(again.timeline_model.data(again.timeline_model.index(row, 0)))
    assert label.index(event.name_ko) < label.index(PLENUM)
    again.close()


def test_typing_korean_with_an_input_method_searches(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    box = window.search.box
    box.setFocus()
    # an input method composes 로 from ㄹ and ㅗ (preedit), then commits it, syllable by syllable
    for preedit, commit in (
        ("ㄹ", ""),
        ("로", ""),
        ("", "로"),
        ("ㄷ", ""),
        ("도", ""),
        ("동", ""),
        ("", "동"),
        ("ㄷ", ""),
        ("다", ""),
        ("당", ""),
        ("", "당"),
    ):
        event = QInputMethodEvent(preedit, [])
        if commit:
            event.setCommitString(commit)
        QApplication.sendEvent(box, event)
        if preedit:
            assert box.text() in ("로", "로동", "")  # a preedit is not yet text
    assert box.text() == "로동당"
    with qtbot.waitSignal(window.search_done, timeout=10000):
        window.search.search_now()
    # 로동당 is the WPK of the variants table: the bundled English articles are found
    assert any("Workers' Party" in h.title or "WPK" in h.title for h in window.search.model.hits)
