"""Files -> Documents with passages: formats, encodings, metadata and paragraphing.

Nothing here touches the store or the index; :mod:`wpk_archive.core.archive` does that.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from wpk_archive.core.dates import MONTHS
from wpk_archive.core.models import Document, Passage

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
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
            year, month, day = int(groups["y1"]), MONTHS[groups["m1"].lower()], int(groups["d1"])
        elif groups["y2"]:
            year, month, day = int(groups["y2"]), MONTHS[groups["m2"].lower()], int(groups["d2"])
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


# -- reading files --------------------------------------------------------------------------------

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Item:
    """A document read from a file, with the origin that identifies it across re-imports."""

    origin: str
    document: Document


def decode_bytes(data: bytes, path: str) -> str:
    """Text of a file's bytes: UTF-8 (with or without BOM) and UTF-16 by their marks, others detected.

    Raises ValueError with a message for the user when the bytes are not text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if len(data) - exc.start <= 3 and exc.reason == "unexpected end of data":
            # truncated in the middle of the last character: keep everything before it
            return data[: exc.start].decode("utf-8")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:2_000_000]).best()
    if best is None:
        raise ValueError("not a text file (its bytes match no known text encoding)")
    return data.decode(best.encoding, errors="replace")


def looks_binary(data: bytes) -> bool:
    """Whether bytes are clearly not text (NULs outside UTF-16, or a known binary signature)."""
    signatures = (b"\x89PNG", b"PK\x03\x04", b"%PDF", b"\xff\xd8\xff", b"GIF8", b"\x7fELF")
    if data.startswith(signatures):
        return True
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        # UTF-16 without BOM has a NUL in every other byte of ASCII text
        even = head[0::2].count(0)
        odd = head[1::2].count(0)
        half = max(1, len(head) // 2)
        return not (even > half * 0.3 or odd > half * 0.3)
    return False


def read_path(path: Path) -> tuple[list[Item], list[Refusal]]:
    """Documents in one file (several for .jsonl), and what could not be read, with why."""
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return [], [
            Refusal(
                name,
                f"unsupported file type '{suffix or '(none)'}'; "
                f"import {', '.join(SUPPORTED_SUFFIXES)} files",
            )
        ]
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return [], [
                Refusal(
                    name,
                    f"file is {size // 2**20} MB, over the "
                    f"{MAX_FILE_BYTES // 2**20} MB limit; split it first",
                )
            ]
        data = path.read_bytes()
    except OSError as exc:
        return [], [Refusal(name, f"cannot be read ({exc.strerror or exc}); check its permissions")]
    if not data.strip():
        return [], [Refusal(name, "file is empty; nothing to import")]
    if looks_binary(data):
        return [], [
            Refusal(
                name, "not a text file (binary content); import .txt, .md, .html or .jsonl files"
            )
        ]
    try:
        text = decode_bytes(data, name)
    except ValueError as exc:
        return [], [Refusal(name, str(exc))]
    origin = "file:" + str(path.resolve())
    if suffix == ".jsonl":
        return read_jsonl(text, name)
    if suffix in (".html", ".htm"):
        from wpk_archive.core.html_text import html_to_text

        title, body = html_to_text(text)
        if not body.strip():
            return [], [Refusal(name, "the HTML page has no text to import")]
        doc = document_from_text(body, origin=origin, title=title, original_path=name)
        return [Item(origin, doc)], []
    if not text.strip():
        return [], [Refusal(name, "file holds only whitespace; nothing to import")]
    doc = document_from_text(text, origin=origin, original_path=name)
    return [Item(origin, doc)], []


def read_jsonl(text: str, name: str) -> tuple[list[Item], list[Refusal]]:
    """Articles of a JSON Lines file: one object a line with title and text (date, source, url optional)."""
    import json

    items: list[Item] = []
    refusals: list[Refusal] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            refusals.append(Refusal(name, f"broken JSON line ({exc.msg}); line skipped", number))
            continue
        if not isinstance(row, dict):
            refusals.append(Refusal(name, "line is not a JSON object; line skipped", number))
            continue
        title, body = row.get("title"), row.get("text")
        if not isinstance(title, str) or not isinstance(body, str) or not body.strip():
            refusals.append(
                Refusal(name, "line lacks a 'title' or 'text' string; line skipped", number)
            )
            continue
        date = row.get("date") if isinstance(row.get("date"), str) else None
        if date and not _ISO_DATE.match(date):
            date = None
        url = row.get("url") if isinstance(row.get("url"), str) else None
        source = row.get("source") if isinstance(row.get("source"), str) else None
        # a url alone is not unique in real feeds (daily index pages): url + title is
        origin = f"url:{url}#{title}" if url else f"jsonl:{content_hash(title + chr(0) + body)}"
        # Distinct articles may share url and title (a story re-sent with changes): the second
        # one of a file is its own document, not an update of the first, on every import alike.
        seen[origin] = seen.get(origin, 0) + 1
        if seen[origin] > 1:
            origin = f"{origin}#{seen[origin]}"
        doc = document_from_text(
            body, origin=origin, title=title, date=date, source=source, url=url, original_path=name
        )
        items.append(Item(origin, doc))
    return items, refusals


_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[Refusal]]:
    """Files to import from files and folders (folders walked recursively, hidden files skipped)."""
    files: list[Path] = []
    refusals: list[Refusal] = []
    for path in paths:
        if path.is_dir():
            try:
                for child in sorted(path.rglob("*")):
                    if any(part.startswith(".") for part in child.relative_to(path).parts):
                        continue
                    if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                        files.append(child)
            except OSError as exc:
                refusals.append(Refusal(str(path), f"folder cannot be read ({exc})"))
        elif path.exists():
            files.append(path)
        else:
            refusals.append(Refusal(str(path), "no such file or folder"))
    return files, refusals
