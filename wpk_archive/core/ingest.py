"""Files -> Documents with passages: formats, encodings, metadata and paragraphing.

Nothing here touches the store or the index; :mod:`wpk_archive.core.archive` does that.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from wpk_archive.core import validation
from wpk_archive.core.dates import MONTHS
from wpk_archive.core.encodings import decode_bytes, looks_binary
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
    kind: str = "refused"
    """"refused" (not imported: a problem), "repaired" (imported after a repair, ``problem``
    says which) or "skipped" (left out on purpose: another file type, hidden)."""

    @property
    def repaired(self) -> bool:
        """Whether this is a note rather than a refusal (the item was imported, or left out
        on purpose)."""
        return self.kind != "refused"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.problem}"


def content_hash(text: str) -> str:
    """Hash identifying a document's content (its normalized text)."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def document_id(origin: str) -> str:
    """Stable document id from where the document comes from (path, URL or bundled name)."""
    return hashlib.sha1(origin.encode("utf-8", errors="surrogatepass")).hexdigest()[:12]


def normalize_text(text: str) -> str:
    """Text as stored: universal newlines, no BOM, no NULs, trailing whitespace of lines kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return text.replace("\x00", "")


MAX_PASSAGE_CHARS = 20_000
"""A paragraph longer than this (the longest of the 122,527 KCNA paragraphs has 6,303
characters) is split into passages of at most this size, at a sentence end when there is one:
every per-passage step (dating, summaries, indexing, snippets) then has a bounded cost."""
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*(?=\s)""")
_SPACE = re.compile(r"\s+")


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as pieces of at most MAX_PASSAGE_CHARS, cut after the last sentence
    end in the second half of each piece (else at the last space, else anywhere)."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_PASSAGE_CHARS:
        low, high = start + MAX_PASSAGE_CHARS // 2, start + MAX_PASSAGE_CHARS
        cut = None
        for match in _SENTENCE_END.finditer(text, low, high):
            cut = match.end()
        if cut is None:
            for match in _SPACE.finditer(text, low, high):
                cut = match.start()
        if cut is None or cut <= start:
            cut = high
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def split_passages(doc_id: str, text: str) -> list[Passage]:
    """Paragraphs of ``text`` as passages with exact offsets (whitespace trimmed).

    Paragraphs are separated by blank lines; a text that has no blank line at all (some feeds
    lose them) is split at single newlines instead. A paragraph over MAX_PASSAGE_CHARS becomes
    several passages.
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
    for start, end in (piece for bound in bounds for piece in _split_long(text, *bound)):
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
        found = validation.parse_date_value(f"{year:04d}-{month:02d}-{day:02d}")
        if found and 1900 <= year <= 2100:  # a real day ("February 30" is not one)
            return found
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
        title=validation.clean_title(title or first_line_title(text)),
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


def shown_path(path: Path | str) -> str:
    """A path as text that can be shown and stored: bytes of a file name that are not valid in
    the file system's encoding (a CP949 name on a UTF-8 system) are shown as '?'."""
    raw = os.fsencode(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace").replace("\ufffd", "?")


def _origin_path(path: Path) -> str:
    """The path part of a file's origin: stable, and unique even for undecodable names."""
    try:
        resolved = path.resolve()
    except OSError:
        resolved = path.absolute()
    return os.fsencode(resolved).decode("utf-8", errors="backslashreplace")


_FILE_TYPES = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def special_file(mode: int) -> str | None:
    """What a file is when it is not a regular file (a FIFO, a device...), else None."""
    for test, what in _FILE_TYPES:
        if test(mode):
            return what
    return None if stat.S_ISREG(mode) else "not a regular file"


def _read_file(path: Path) -> bytes:
    """The bytes of a regular file, at most MAX_FILE_BYTES + 1 of them.

    Special files are never opened (opening a device can act on it): the caller checked the type
    with stat, and the open is non-blocking and checked again, in case the file was swapped.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        what = special_file(os.fstat(handle.fileno()).st_mode)
        if what:
            raise IsADirectoryError(0, f"it became {what} while being read")
        return handle.read(MAX_FILE_BYTES + 1)


def _cannot_read(name: str, exc: OSError, path: Path | None = None) -> Refusal:
    if exc.errno == errno.ENOENT and path is not None and os.path.islink(path):
        return Refusal(name, "a broken link (what it points to does not exist); nothing imported")
    if exc.errno == errno.ENOENT:
        return Refusal(
            name, "vanished before it could be read (moved or deleted); nothing imported"
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Refusal(name, f"cannot be read ({exc.strerror or exc}); check its permissions")
    return Refusal(name, f"cannot be read ({exc.strerror or exc})")


def read_path(path: Path) -> tuple[list[Item], list[Refusal]]:
    """Documents in one file (several for .jsonl), and what could not be read, with why.

    Repairs made while reading (invalid bytes replaced) come back as refusals marked
    ``repaired``: notes, the document itself is imported.
    """
    name = shown_path(path)
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
        info = path.stat()
        what = special_file(info.st_mode)
        if what:
            return [], [Refusal(name, f"{what}, not a file; refused without reading it")]
        if info.st_size > MAX_FILE_BYTES:
            return [], [_too_big(name, info.st_size)]
        data = _read_file(path)
    except OSError as exc:
        return [], [_cannot_read(name, exc, path)]
    if len(data) > MAX_FILE_BYTES:
        return [], [_too_big(name, len(data))]
    if not data.strip():
        return [], [Refusal(name, "file is empty; nothing to import")]
    if looks_binary(data):
        return [], [
            Refusal(
                name, "not a text file (binary content); import .txt, .md, .html or .jsonl files"
            )
        ]
    repairs: list[str] = []
    try:
        text = decode_bytes(data, name, repairs)
    except ValueError as exc:
        return [], [Refusal(name, str(exc))]
    notes = [Refusal(name, why, kind="repaired") for why in repairs]
    origin = "file:" + _origin_path(path)
    if suffix == ".jsonl":
        items, refused = read_jsonl(text, name)
        return items, notes + refused
    if suffix in (".html", ".htm"):
        from wpk_archive.core.html_text import html_to_text

        title, body = html_to_text(text)
        if not body.strip():
            return [], [Refusal(name, "the HTML page has no text to import")]
        doc = document_from_text(body, origin=origin, title=title, original_path=name)
        return [Item(origin, doc)], notes
    if not text.strip():
        return [], [Refusal(name, "file holds only whitespace; nothing to import")]
    doc = document_from_text(text, origin=origin, original_path=name)
    return [Item(origin, doc)], notes


def _too_big(name: str, size: int) -> Refusal:
    return Refusal(
        name,
        f"file is {size // 2**20} MB, over the {MAX_FILE_BYTES // 2**20} MB limit; split it first",
    )


def read_jsonl(text: str, name: str) -> tuple[list[Item], list[Refusal]]:
    """Articles of a JSON Lines file: one object a line with title and text (date, source, url optional).

    Each bad line is refused with its number and why (broken JSON, nesting too deep, a number too
    long, no title or text, an impossible date), and the rest is read. Lone surrogates (which
    no file can store) are replaced, with a note; NUL bytes are removed.
    """
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
        except RecursionError:
            refusals.append(Refusal(name, "JSON nested too deeply; line skipped", number))
            continue
        except ValueError as exc:  # e.g. an integer of more than 4,300 digits
            refusals.append(Refusal(name, f"unreadable JSON value ({exc}); line skipped", number))
            continue
        if not isinstance(row, dict):
            refusals.append(Refusal(name, "line is not a JSON object; line skipped", number))
            continue
        fields, surrogates = _strings(row)
        title, body = fields.get("title"), fields.get("text")
        if title is None or body is None or not body.strip():
            refusals.append(
                Refusal(name, "line lacks a 'title' or 'text' string; line skipped", number)
            )
            continue
        date, problem = validation.parse_import_date(row.get("date"))
        if problem:
            refusals.append(Refusal(name, f"{problem}; line skipped", number))
            continue
        if surrogates:
            refusals.append(
                Refusal(
                    name,
                    f"{surrogates} invalid character(s) (lone surrogates) replaced by \ufffd",
                    number,
                    kind="repaired",
                )
            )
        url, source = fields.get("url"), fields.get("source")
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


_SURROGATE = re.compile("[\ud800-\udfff]")


def _strings(row: dict[str, object]) -> tuple[dict[str, str], int]:
    """The string fields an article uses (title, text, url, source), with lone surrogates
    replaced; and how many were replaced."""
    found: dict[str, str] = {}
    replaced = 0
    for key in ("title", "text", "url", "source"):
        value = row.get(key)
        if not isinstance(value, str):
            continue
        value, n = _SURROGATE.subn("\ufffd", value)
        replaced += n
        if key in ("url", "source"):
            value = validation.clean_title(value)
            if not value:
                continue
        found[key] = value
    return found, replaced


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[Refusal]]:
    """Files to import from files and folders, and a line for every file left out.

    Folders are walked recursively without following links to folders; hidden files and folders,
    files of other types and special files (FIFOs, devices, links to them) each get a refusal.
    Nothing is opened here: file types come from ``stat``.
    """
    files: list[Path] = []
    refusals: list[Refusal] = []
    for path in paths:
        try:
            is_dir = path.is_dir()
        except OSError as exc:
            refusals.append(_cannot_read(shown_path(path), exc))
            continue
        if is_dir:
            _walk(path, files, refusals)
        elif os.path.lexists(path):
            files.append(path)
        else:
            refusals.append(Refusal(shown_path(path), "no such file or folder"))
    return files, refusals


def _walk(folder: Path, files: list[Path], refusals: list[Refusal]) -> None:
    def failed(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else folder
        refusals.append(
            Refusal(shown_path(where), f"folder cannot be read ({exc.strerror or exc})")
        )

    for root, dirs, names in os.walk(folder, onerror=failed, followlinks=False):
        here = Path(root)
        if "archive.sqlite" in names:
            refusals.append(
                Refusal(shown_path(here), "a WPK Archive folder; not searched", kind="skipped")
            )
            dirs[:] = []
            continue
        for d in sorted(dirs):
            child = here / d
            if d.startswith("."):
                refusals.append(
                    Refusal(shown_path(child), "hidden folder; not searched", kind="skipped")
                )
            elif os.path.islink(child):
                refusals.append(
                    Refusal(
                        shown_path(child),
                        "a link to a folder; not followed (import the folder itself)",
                        kind="skipped",
                    )
                )
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(here / d))
        for n in sorted(names):
            child = here / n
            name = shown_path(child)
            if n.startswith("."):
                refusals.append(Refusal(name, "hidden file; skipped", kind="skipped"))
                continue
            try:
                what = special_file(child.stat().st_mode)
            except OSError as exc:
                refusals.append(
                    Refusal(name, "a broken link; skipped")
                    if os.path.islink(child)
                    else _cannot_read(name, exc)
                )
                continue
            if what:
                refusals.append(Refusal(name, f"{what}, not a file; refused without reading it"))
            elif child.suffix.lower() not in SUPPORTED_SUFFIXES:
                refusals.append(
                    Refusal(
                        name,
                        f"not an article file ('{child.suffix.lower() or '(none)'}'); skipped",
                        kind="skipped",
                    )
                )
            else:
                files.append(child)
