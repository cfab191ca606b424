"""EPUB books: a zip of XHTML chapters, read in the order of the book's spine.

No e-book library is needed: META-INF/container.xml names the package file, whose manifest
and spine give the chapters in reading order; each chapter's visible text becomes paragraphs.
Title, author and date come from the package's Dublin Core metadata.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote
from xml.etree import ElementTree

from wpk_archive.core import validation
from wpk_archive.core.html_text import html_to_text
from wpk_archive.core.ingest.containers import ContainerError, open_zip, read_member
from wpk_archive.core.ingest.document import Item, Refusal, Source, document_from_text
from wpk_archive.core.ingest.office import _property

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_XHTML = ("application/xhtml+xml", "text/html")


def read_epub(data: bytes, src: Source) -> tuple[list[Item], list[Refusal]]:
    """An EPUB book: one document, its chapters in spine order (see the module docstring)."""
    try:
        with open_zip(data) as archive:
            try:
                container = ElementTree.fromstring(read_member(archive, "META-INF/container.xml"))
            except KeyError:
                return src.refuse("not an EPUB book (no META-INF/container.xml inside)")
            rootfile = container.find(f".//{_CONTAINER}rootfile")
            opf_path = rootfile.get("full-path", "") if rootfile is not None else ""
            try:
                package = ElementTree.fromstring(read_member(archive, opf_path))
            except KeyError:
                return src.refuse(f"the EPUB's package file {opf_path!r} is missing")
            base = posixpath.dirname(opf_path)
            manifest = {
                item.get("id"): item
                for item in package.iter(f"{_OPF}item")
                if item.get("id") is not None
            }
            chapters: list[str] = []
            for ref in package.iter(f"{_OPF}itemref"):
                item = manifest.get(ref.get("idref"))
                if item is None or item.get("media-type") not in _XHTML:
                    continue
                href = posixpath.normpath(posixpath.join(base, unquote(item.get("href", ""))))
                try:
                    markup = read_member(archive, href).decode("utf-8", errors="replace")
                except KeyError:
                    continue  # a chapter the manifest names but the zip lacks
                _title, text = html_to_text(markup)
                if text.strip():
                    chapters.append(text)
    except ContainerError as exc:
        return src.refuse(f"not a readable EPUB book: {exc}")
    except ElementTree.ParseError as exc:
        return src.refuse(f"the EPUB's metadata is not well-formed XML ({exc})")
    if not chapters:
        return src.refuse("the EPUB book has no text")
    metadata = package.find(f"{_OPF}metadata")
    date, _problem = validation.parse_import_date((_property(metadata, f"{_DC}date") or "")[:10])
    doc = document_from_text(
        "\n\n".join(chapters),
        origin=src.origin,
        title=_property(metadata, f"{_DC}title"),
        author=_property(metadata, f"{_DC}creator"),
        date=date,
        original_path=src.name,
    )
    return src.one(doc)
