"""Bad input never takes the import down: each bad file gets a clear message, the rest go in."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from wpk_archive.core.archive import Archive, open_archive
from wpk_archive.core.ingest import read_path

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    + bytes(200)
)


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    with open_archive(tmp_path / "archive") as opened:
        yield opened


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("a.txt", "hello")
    return buffer.getvalue()


def _one(path: Path) -> tuple[str | None, str | None]:
    """(document text, refusal message) of a single-document file."""
    items, refused = read_path(path)
    return (items[0].document.text if items else None), (refused[0].problem if refused else None)


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b" \n\n\t \n")
    for name in ("empty.txt", "blank.md"):
        text, problem = _one(tmp_path / name)
        assert text is None and problem is not None and "empty" in problem


@pytest.mark.parametrize("payload", [PNG, b"PK\x03\x04" + bytes(100), "zip"])
def test_binary_files_named_as_text_are_refused(tmp_path: Path, payload: bytes | str) -> None:
    path = tmp_path / "looks-like-text.txt"
    path.write_bytes(_zip_bytes() if payload == "zip" else payload)  # type: ignore[arg-type]
    text, problem = _one(path)
    assert text is None and problem is not None and "not a text file" in problem


def test_truncated_utf8_keeps_what_is_whole(tmp_path: Path) -> None:
    data = "Report on the plenary meeting of the 조선로동당".encode()
    (tmp_path / "cut.txt").write_bytes(data[:-2])
    text, problem = _one(tmp_path / "cut.txt")
    assert problem is None and text is not None and text.startswith("Report on the plenary meeting")


@pytest.mark.parametrize(
    "codec,bom",
    [("utf-16-le", True), ("utf-16-le", False), ("utf-16-be", True), ("utf-16-be", False)],
)
def test_utf16_with_and_without_bom(tmp_path: Path, codec: str, bom: bool) -> None:
    body = "The Supreme People's Assembly met in Pyongyang.\n\n최고인민회의가 평양에서 열렸다."
    mark = ("\ufeff".encode(codec)) if bom else b""
    (tmp_path / "u16.txt").write_bytes(mark + body.encode(codec))
    text, problem = _one(tmp_path / "u16.txt")
    assert problem is None and text == body


@pytest.mark.parametrize("codec", ["cp949", "euc-kr"])
def test_korean_legacy_encodings(tmp_path: Path, codec: str) -> None:
    body = "조선로동당 중앙위원회 제8기 제5차 전원회의가 평양에서 진행되었다. " * 5
    (tmp_path / "ko.txt").write_bytes(body.encode(codec))
    text, problem = _one(tmp_path / "ko.txt")
    assert problem is None and text is not None and "조선로동당 중앙위원회" in text


def test_latin1(tmp_path: Path) -> None:
    body = "Réunion plénière à Pyongyang; le congrès a élu le comité central. " * 3
    (tmp_path / "fr.txt").write_bytes(body.encode("latin-1"))
    text, problem = _one(tmp_path / "fr.txt")
    assert problem is None and text is not None and "Réunion plénière" in text


@pytest.mark.slow
def test_a_50_mb_text_file_imports(archive: Archive, tmp_path: Path) -> None:
    paragraph = (
        "The delegates discussed the agricultural plan of the province in detail. " * 12
    ).strip()
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as out:
        out.write("A very long report\n\n")
        size = 0
        while size < 50 * 2**20:
            out.write(paragraph + "\n\n")
            size += len(paragraph) + 2
    report = archive.import_paths([big])
    assert report.added == 1 and report.ok
    assert archive.search("agricultural", limit=3).total > 50_000


def test_hostile_html_is_reduced_to_its_text(tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(
        "<html><head><title>Report</title><script>fetch('http://evil.example/x')</script>"
        "<style>body{background:url(http://evil.example/bg.png)}</style></head>"
        '<body onload="steal()"><p>The <a href="javascript:alert(1)">plenary</a> opened.</p>'
        '<img src="http://evil.example/pixel.gif" onerror="steal()"><iframe src="http://evil.example"></iframe>'
        '<p>Delegates <b onclick="steal()">voted</b>.</p></body></html>',
        encoding="utf-8",
    )
    text, problem = _one(page)
    assert problem is None and text == "The plenary opened.\n\nDelegates voted."


def test_malformed_html_still_gives_text(tmp_path: Path) -> None:
    page = tmp_path / "broken.htm"
    page.write_text(
        "<html><body><p>First <b>bold <i>nested</p><div>Second block<p>Third", encoding="utf-8"
    )
    text, problem = _one(page)
    assert problem is None and text is not None
    assert "First bold nested" in text and "Second block" in text and "Third" in text


def test_jsonl_with_broken_lines_in_the_middle(archive: Archive, tmp_path: Path) -> None:
    good = [
        json.dumps({"title": f"Article {i}", "text": f"Text about orchards number {i}."})
        for i in range(5)
    ]
    lines = [
        good[0],
        good[1],
        '{"title": "cut',
        "not json at all",
        json.dumps([1, 2]),
        good[2],
        good[3],
        good[4],
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = archive.import_paths([path])
    assert report.added == 5
    assert [r.line for r in report.refused] == [3, 4, 5]
    assert all("feed.jsonl" in str(r) for r in report.refused)


def test_duplicate_of_an_imported_file(archive: Archive, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Orchard news\n\nThe orchard meeting was held.", encoding="utf-8"
    )
    (tmp_path / "copy of a.txt").write_text(
        "Orchard news\n\nThe orchard meeting was held.", encoding="utf-8"
    )
    report = archive.import_paths([tmp_path / "a.txt", tmp_path / "copy of a.txt"])
    assert (report.added, report.duplicates, report.ok) == (1, 1, True)


def test_names_with_spaces_and_non_latin_characters(archive: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "기사 모음 (2012)"
    folder.mkdir()
    (folder / "조선 중앙 통신 보도.txt").write_text(
        "보도\n\n최고인민회의 회의가 열렸다.", encoding="utf-8"
    )
    (folder / "report — final v2.md").write_text("Report\n\nThe orchard plenum.", encoding="utf-8")
    report = archive.import_paths([folder])
    assert report.added == 2 and report.ok
    assert archive.search("orchard").total == 1


@pytest.mark.skipif(
    os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads every file"
)
def test_directory_with_unreadable_files(archive: Archive, tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Fine\n\nThe orchard plenum.", encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text("Secret", encoding="utf-8")
    locked.chmod(0)
    try:
        report = archive.import_paths([tmp_path])
    finally:
        locked.chmod(0o644)
    assert report.added == 1
    assert [Path(r.path).name for r in report.refused] == ["locked.txt"]
    assert "permissions" in report.refused[0].problem


def test_unreadable_file_is_reported_even_as_root(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ok.txt").write_text("Fine\n\nThe orchard plenum.", encoding="utf-8")
    (tmp_path / "locked.txt").write_text("Secret", encoding="utf-8")
    from wpk_archive.core.ingest import files as ingest

    real = ingest._read_file

    def read_file(path: Path) -> bytes:
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(ingest, "_read_file", read_file)
    report = archive.import_paths([tmp_path])
    assert report.added == 1
    assert [Path(r.path).name for r in report.refused] == ["locked.txt"]
    assert (
        "Permission denied" in report.refused[0].problem
        and "permissions" in report.refused[0].problem
    )


def test_every_refusal_names_the_file_the_problem_and_what_to_do(
    archive: Archive, tmp_path: Path
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(PNG)
    (tmp_path / "data.pdf").write_bytes(b"%PDF-1.4")
    report = archive.import_paths(
        [
            tmp_path / "empty.txt",
            tmp_path / "image.txt",
            tmp_path / "data.pdf",
            tmp_path / "missing.txt",
        ]
    )
    messages = {Path(r.path).name: r.problem for r in report.refused}
    assert set(messages) == {"empty.txt", "image.txt", "data.pdf", "missing.txt"}
    assert "import .txt" in messages["image.txt"] and "damaged" in messages["data.pdf"]
