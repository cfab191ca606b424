"""Files and URLs -> Documents with passages: one module per format family.

- :mod:`.document`: text -> Document (NFC, paragraphs, passages with pages, title, date line);
- :mod:`.text` (plain text, Markdown), :mod:`.html`, :mod:`.jsonl`, :mod:`.pdf`,
  :mod:`.office` (DOCX, ODT), :mod:`.epub`, :mod:`.containers` (.gz, .zip);
- :mod:`.files`: which reader reads a file, folders walked, every file left out reported;
- :mod:`.web`: pages and RSS/Atom feeds fetched over HTTP;
- :mod:`.neardup`: re-sent stories (near-duplicates) found by MinHash;
- :mod:`.revisions`: earlier texts of a document, word-level diffs, anchors moved.

Nothing here touches the store or the index; :mod:`wpk_archive.core.archive` does that.
"""

from __future__ import annotations

from wpk_archive.core.ingest.document import (
    MAX_PASSAGE_CHARS,
    Item,
    Refusal,
    Source,
    content_hash,
    document_from_text,
    document_id,
    find_date_line,
    first_line_title,
    normalize_text,
    split_passages,
)
from wpk_archive.core.ingest.files import (
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    expand_paths,
    read_bytes,
    read_path,
    shown_path,
    special_file,
)
from wpk_archive.core.ingest.jsonl import read_jsonl

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PASSAGE_CHARS",
    "SUPPORTED_SUFFIXES",
    "Item",
    "Refusal",
    "Source",
    "content_hash",
    "document_from_text",
    "document_id",
    "expand_paths",
    "find_date_line",
    "first_line_title",
    "normalize_text",
    "read_bytes",
    "read_jsonl",
    "read_path",
    "shown_path",
    "special_file",
    "split_passages",
]
