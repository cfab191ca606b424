"""Files -> Documents with passages: formats, encodings, metadata and paragraphing.

Nothing here touches the store or the index; :mod:`wpk_archive.core.archive` does that.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from wpk_archive.core.models import Document, Passage

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
# "February 21, 2021" or "21 February 2021" or "2021-02-21", alone at the end of a line,
# optionally after a publisher's "Volume 51 Number 5 -" style prefix ending in a dash or comma.
_DATE_LINE = re.compile(
    rf"""^(?:.{{0,80}}?[-–—,:]\s*)?
    (?:
      (?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})
    | (?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE})\.?,?\s+(?P<y2>\d{{4}})
    | (?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True)
class Refusal:
    """A file (or a line of one) that could not be imported, and why."""

    path: str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.problem}"


def content_hash(text: str) -> str:
    """Hash identifying a document's content (its normalized text)."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def document_id(origin: str) -> str:
    """Stable document id from where the document comes from (path, URL or bundled name)."""
    return hashlib.sha1(origin.encode("utf-8")).hexdigest()[:12]


def normalize_text(text: str) -> str:
    """Text as stored: universal newlines, no BOM, no NULs, trailing whitespace of lines kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return text.replace("\x00", "")


def split_passages(doc_id: str, text: str) -> list[Passage]:
    """Paragraphs of ``text`` as passages with exact offsets (whitespace trimmed).

    Paragraphs are separated by blank lines; a text that has no blank line at all (some feeds
    lose them) is split at single newlines instead.
    """
    if _PARAGRAPH_BREAK.search(text):
        bounds = []
        position = 0
        for match in _PARAGRAPH_BREAK.finditer(text):
            bounds.append((position, match.start()))
            position = match.end()
        bounds.append((position, len(text)))
    else:
        bounds = []
        position = 0
        for line in text.split("\n"):
            bounds.append((position, position + len(line)))
            position += len(line) + 1
    passages: list[Passage] = []
    for start, end in bounds:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        real_start = start + lead
        real_end = real_start + len(stripped)
        passages.append(Passage(doc_id, len(passages) + 1, real_start, real_end, stripped))
    return passages


def first_line_title(text: str) -> str:
    """The first non-empty line, as a title."""
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:300]
    return ""


def find_date_line(text: str) -> str | None:
    """The publication date given by a date line of its own, as YYYY-MM-DD, or None.

    Looks at the first and last few non-empty lines. A date line is a line that ends with a full
    date and has no sentence after it ("Volume 51 Number 5 - February 21, 2021"); a photo caption
    ("January 14, 2021. Celebrations following ...") is not one.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    candidates = lines[-8:][::-1] + lines[:3]
    for line in candidates:
        match = _DATE_LINE.match(line)
        if not match:
            continue
        groups = match.groupdict()
        if groups["y1"]:
            year, month, day = int(groups["y1"]), _MONTHS[groups["m1"].lower()], int(groups["d1"])
        elif groups["y2"]:
            year, month, day = int(groups["y2"]), _MONTHS[groups["m2"].lower()], int(groups["d2"])
        else:
            year, month, day = int(groups["y3"]), int(groups["m3"]), int(groups["d3"])
        if 1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def document_from_text(
    text: str,
    *,
    origin: str,
    title: str | None = None,
    date: str | None = None,
    source: str | None = None,
    url: str | None = None,
    original_path: str | None = None,
) -> Document:
    """Build a Document (with passages) from plain text and whatever metadata is known.

    Missing title: the first non-empty line. Missing date: a date line of the text, if any.
    """
    text = normalize_text(text)
    doc_id = document_id(origin)
    return Document(
        id=doc_id,
        title=(title or first_line_title(text)).strip(),
        text=text,
        passages=split_passages(doc_id, text),
        source=source,
        date=date or find_date_line(text),
        url=url,
        content_hash=content_hash(text),
        original_path=original_path,
    )
