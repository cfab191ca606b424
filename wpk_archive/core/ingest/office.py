"""Word (.docx) and OpenDocument (.odt) texts: zips of XML, read with the standard library.

Every paragraph of the body (tables' cells included) becomes a paragraph of the text; the
title comes from the file's properties, else its first heading or Title paragraph, else its
first line. The author comes from the properties.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

from wpk_archive.core.ingest.containers import ContainerError, open_zip, read_member
from wpk_archive.core.ingest.document import Item, Refusal, Source, document_from_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _xml(archive: zipfile.ZipFile, member: str) -> ElementTree.Element | None:
    """A member parsed as XML, or None when absent (ContainerError when damaged or too big)."""
    try:
        data = read_member(archive, member)
    except KeyError:
        return None
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise ContainerError(f"its {member} is not well-formed XML ({exc})") from exc


def _docx_paragraphs(body: ElementTree.Element) -> Iterator[tuple[str, str]]:
    """(style, text) of each paragraph of a Word body, in order."""
    for paragraph in body.iter(f"{_W}p"):
        style = ""
        props = paragraph.find(f"{_W}pPr/{_W}pStyle")
        if props is not None:
            style = props.get(f"{_W}val", "")
        parts: list[str] = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t":
                parts.append(node.text or "")
            elif node.tag == f"{_W}tab":
                parts.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
        yield style, "".join(parts)


def _title(paragraphs: list[tuple[str, str]]) -> str | None:
    for style, text in paragraphs[:20]:
        if text.strip() and style.replace(" ", "").lower() in ("title", "heading1"):
            return text.strip()
    return None


def read_docx(data: bytes, src: Source) -> tuple[list[Item], list[Refusal]]:
    """A Word document (see the module docstring)."""
    try:
        with open_zip(data) as archive:
            document = _xml(archive, "word/document.xml")
            core = _xml(archive, "docProps/core.xml")
    except ContainerError as exc:
        return src.refuse(f"not a readable Word document: {exc}")
    if document is None:
        return src.refuse("not a Word document (no word/document.xml inside); save it as .docx")
    paragraphs = list(_docx_paragraphs(document))
    text = "\n\n".join(t.strip() for _, t in paragraphs if t.strip())
    if not text:
        return src.refuse("the Word document has no text")
    title = _property(core, f"{_DC}title") or _title(paragraphs)
    author = _property(core, f"{_DC}creator")
    doc = document_from_text(
        text, origin=src.origin, title=title, author=author, original_path=src.name
    )
    return src.one(doc)


def _property(root: ElementTree.Element | None, tag: str) -> str | None:
    if root is None:
        return None
    found = root.find(f".//{tag}")
    value = (found.text or "").strip() if found is not None else ""
    return value or None


def _odf_text(node: ElementTree.Element) -> str:
    """The text of an ODF paragraph, with its spaces, tabs and line breaks."""
    parts = [node.text or ""]
    for child in node:
        if child.tag == f"{_TEXT}s":
            parts.append(" " * int(child.get(f"{_TEXT}c", "1") or 1))
        elif child.tag == f"{_TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif child.tag == f"{_TEXT}note":
            pass  # footnotes are not part of the running text
        else:
            parts.append(_odf_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_odt(data: bytes, src: Source) -> tuple[list[Item], list[Refusal]]:
    """An OpenDocument text (see the module docstring)."""
    try:
        with open_zip(data) as archive:
            content = _xml(archive, "content.xml")
            meta = _xml(archive, "meta.xml")
    except ContainerError as exc:
        return src.refuse(f"not a readable OpenDocument text: {exc}")
    if content is None:
        return src.refuse("not an OpenDocument text (no content.xml inside); save it as .odt")
    body = content.find(f"{_OFFICE}body")
    paragraphs: list[str] = []
    heading: str | None = None
    for node in (body if body is not None else content).iter():
        if node.tag in (f"{_TEXT}p", f"{_TEXT}h"):
            line = _odf_text(node).strip()
            if line:
                paragraphs.append(line)
                if node.tag == f"{_TEXT}h" and heading is None and len(paragraphs) <= 20:
                    heading = line
    if not paragraphs:
        return src.refuse("the OpenDocument text has no text")
    title = _property(meta, f"{_DC}title") or heading
    author = _property(meta, f"{_DC}creator") or _property(meta, f"{_META}initial-creator")
    doc = document_from_text(
        "\n\n".join(paragraphs),
        origin=src.origin,
        title=title,
        author=author,
        original_path=src.name,
    )
    return src.one(doc)
