"""Files become documents with passages whose offsets are exact."""

from __future__ import annotations

import json
from pathlib import Path

from wpk_archive.core.ingest import (
    document_from_text,
    find_date_line,
    read_path,
    split_passages,
)


def _check_offsets(text: str, doc_id: str = "d") -> None:
    for p in split_passages(doc_id, text):
        assert text[p.start : p.end] == p.text
        assert p.text == p.text.strip() and p.text


def test_passages_are_paragraphs_with_exact_offsets(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        _check_offsets(text)
    passages = split_passages("d", "First para.\n\n  Second para\nstill second.\n\n\nThird.")
    assert [p.text for p in passages] == ["First para.", "Second para\nstill second.", "Third."]
    assert [p.ordinal for p in passages] == [1, 2, 3]


def test_text_without_blank_lines_splits_at_newlines() -> None:
    passages = split_passages("d", "One line.\nAnother line.\nThird line.")
    assert [p.text for p in passages] == ["One line.", "Another line.", "Third line."]


def test_publication_date_line_is_found_and_a_caption_is_not() -> None:
    text = "Title\n\nBody text here.\n\nJanuary 14, 2021. Celebrations after the congress.\n\nVolume 51 Number 5 - February 21, 2021\n\nArticle Link:"
    assert find_date_line(text) == "2021-02-21"
    assert find_date_line("Title\n\nJanuary 14, 2021. Celebrations after the congress.") is None


def test_seed_article_date_comes_from_its_date_line(seed_texts: dict[str, str]) -> None:
    doc = document_from_text(seed_texts["003_b66ec506c79849ee.txt"], origin="x")
    assert doc.date == "2021-02-21"
    milestones = document_from_text(seed_texts["000_501a2ad3e7c9ac4e.txt"], origin="y")
    assert milestones.date is None
    assert milestones.title == "Milestones in history of WPK"


def test_txt_and_md_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Plenary meeting\n\nThe meeting was held.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Notes\n\nSome *text*.", encoding="utf-8")
    for name, title in (("a.txt", "Plenary meeting"), ("b.md", "Notes")):
        items, refused = read_path(tmp_path / name)
        assert not refused
        assert items[0].document.title == title
        assert items[0].origin.startswith("file:")


def test_html_keeps_text_and_drops_scripts_styles_and_remote_images(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Session of SPA</title><style>p{color:red}</style>"
        "<script>alert('x')</script></head><body><h1>Session</h1>"
        "<p onclick=\"steal()\">The session <b>opened</b>.</p><img src='http://evil/x.png'>"
        "<a href='javascript:alert(1)'>link</a><script>document.write('bad')</script></body></html>",
        encoding="utf-8",
    )
    items, refused = read_path(page)
    assert not refused
    doc = items[0].document
    assert doc.title == "Session"  # the page's one heading (trafilatura's choice), not <title>
    assert "The session opened." in doc.text
    for bad in ("alert", "steal", "evil", "document.write", "color:red", "javascript"):
        assert bad not in doc.text


def test_jsonl_reports_a_broken_line_and_imports_the_rest(tmp_path: Path) -> None:
    rows = [
        {
            "title": "One",
            "date": "2012-04-11",
            "source": "KCNA",
            "url": "http://x/1",
            "text": "Text one.",
        },
        {"title": "Two", "text": "Text two."},
    ]
    lines = [json.dumps(rows[0]), "{broken", json.dumps({"title": "no text"}), json.dumps(rows[1])]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items, refused = read_path(path)
    assert [i.document.title for i in items] == ["One", "Two"]
    assert items[0].document.date == "2012-04-11"
    assert items[0].document.source == "KCNA"
    assert [r.line for r in refused] == [2, 3]
    assert "feed.jsonl:2" in str(refused[0])


def test_unsupported_empty_and_binary_files_are_refused_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100))
    assert "not a readable PDF" in read_path(tmp_path / "x.pdf")[1][0].problem
    (tmp_path / "x.bin").write_bytes(b"\x00\x01")
    assert "unsupported" in read_path(tmp_path / "x.bin")[1][0].problem
    assert "empty" in read_path(tmp_path / "empty.txt")[1][0].problem
    assert "not a text file" in read_path(tmp_path / "image.txt")[1][0].problem


def test_encodings_are_detected(tmp_path: Path) -> None:
    text = "Kim Jong Un visited the Kaesong area. 조선로동당 중앙위원회"
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "cp949.txt").write_bytes(
        ("조선로동당 중앙위원회 전원회의가 열렸다. " * 20).encode("cp949")
    )
    (tmp_path / "latin1.txt").write_bytes(
        "Café: réunion plénière à Pyongyang, où le congrès a été ouvert.".encode("latin-1")
    )
    assert read_path(tmp_path / "u16.txt")[0][0].document.text == text
    assert read_path(tmp_path / "bom.txt")[0][0].document.text == text
    assert "조선로동당" in read_path(tmp_path / "cp949.txt")[0][0].document.text
    assert "Café" in read_path(tmp_path / "latin1.txt")[0][0].document.text


# A paragraph of kcna.kp as the corpus holds it (2024-10-11, "Members of WPK Central Leadership
# Body Visit Kumsusan Palace of Sun"): the leaders' names lost their spaces when the page was copied.
GLUED = (
    "A floral basket in the name of the respected ComradeKim Jong Unwas laid at the statues "
    "ofKim Il SungandKim Jong Il. At the halls whereKim Il SungandKim Jong Illie in state, they "
    "extended their best wishes. The Kim Il SungUniversity and Kimjongilia stay as they are."
)


def test_leaders_names_glued_by_a_copy_of_kcna_kp_get_their_spaces_back() -> None:
    doc = document_from_text(GLUED, origin="glued")
    assert doc.text == (
        "A floral basket in the name of the respected Comrade Kim Jong Un was laid at the statues "
        "of Kim Il Sung and Kim Jong Il. At the halls where Kim Il Sung and Kim Jong Il lie in "
        "state, they extended their best wishes. The Kim Il Sung University and Kimjongilia stay "
        "as they are."
    )
    assert document_from_text(
        "Kim Jong Un's letter to Kim Il Sung-Kim Jong Il", origin="x"
    ).text == ("Kim Jong Un's letter to Kim Il Sung-Kim Jong Il")


def test_a_search_for_a_leader_finds_the_passage_a_copy_of_kcna_kp_glued(tmp_path: Path) -> None:
    from wpk_archive.core.archive import open_archive

    path = tmp_path / "kcna.jsonl"
    row = {"title": "Visit", "date": "2024-10-11", "source": "KCNA", "url": "u", "text": GLUED}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with open_archive(tmp_path / "archive", bundled=False) as archive:
        archive.import_paths([path])
        for name in ("Kim Jong Un", "Kim Il Sung", "Kim Jong Il"):
            assert archive.search(f'"{name}"').total == 1, name
