"""Files and folders -> documents: each file read by the reader of its format, and every file
left out reported by name, with why.

Formats: plain text and Markdown (:mod:`.text`), HTML (:mod:`.html`), JSON Lines (:mod:`.jsonl`),
PDF (:mod:`.pdf`), Word and OpenDocument (:mod:`.office`), EPUB (:mod:`.epub`), and .gz and .zip
containers holding any of them (:mod:`.containers`).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from wpk_archive.core.ingest import containers
from wpk_archive.core.ingest.document import Item, Refusal, Source
from wpk_archive.core.ingest.text import TEXT_HINT, decode, read_markdown, read_text

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".jsonl")
SUPPORTED_SUFFIXES = (*TEXT_SUFFIXES, ".pdf", ".docx", ".odt", ".epub", ".gz", ".zip")
MAX_FILE_BYTES = 200 * 1024 * 1024

Reader = Callable[[bytes, Source], tuple[list[Item], list[Refusal]]]


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


def _read_jsonl_bytes(data: bytes, src: Source) -> tuple[list[Item], list[Refusal]]:
    from wpk_archive.core.ingest.jsonl import read_jsonl

    text, notes = decode(data, src)
    if text is None:
        return [], notes
    items, refused = read_jsonl(text, src.name)
    return items, notes + refused


def _read_html_bytes(data: bytes, src: Source) -> tuple[list[Item], list[Refusal]]:
    from wpk_archive.core.ingest.html import read_html

    return read_html(data, src)


def _read_pdf(data: bytes, src: Source) -> tuple[list[Item], list[Refusal]]:
    from wpk_archive.core.ingest.pdf import read_pdf

    return read_pdf(data, src)


def _read_office(data: bytes, src: Source) -> tuple[list[Item], list[Refusal]]:
    from wpk_archive.core.ingest.office import read_docx, read_odt

    return (read_docx if src.suffix == ".docx" else read_odt)(data, src)


def _read_epub(data: bytes, src: Source) -> tuple[list[Item], list[Refusal]]:
    from wpk_archive.core.ingest.epub import read_epub

    return read_epub(data, src)


def _read_gzip(data: bytes, src: Source) -> tuple[list[Item], list[Refusal]]:
    return containers.read_gzip(data, src, read_bytes)


def _read_zip(data: bytes, src: Source) -> tuple[list[Item], list[Refusal]]:
    return containers.read_zip(data, src, read_bytes)


_READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": _read_html_bytes,
    ".htm": _read_html_bytes,
    ".xhtml": _read_html_bytes,
    ".jsonl": _read_jsonl_bytes,
    ".pdf": _read_pdf,
    ".docx": _read_office,
    ".odt": _read_office,
    ".epub": _read_epub,
    ".gz": _read_gzip,
    ".zip": _read_zip,
}


def read_bytes(data: bytes, src: Source) -> tuple[list[Item], list[Refusal]]:
    """The documents in a file's bytes, read by the reader of ``src.suffix``."""
    reader = _READERS.get(src.suffix)
    if reader is None:
        return src.refuse(f"unsupported file type '{src.suffix or '(none)'}'; {TEXT_HINT}")
    if not data.strip():
        return src.refuse("file is empty; nothing to import")
    return reader(data, src)


def read_path(path: Path, *, ocr: bool = False) -> tuple[list[Item], list[Refusal]]:
    """Documents in one file (several for .jsonl and containers), and what could not be read,
    with why. ``ocr``: read scanned PDFs by OCR (tesseract).

    Repairs made while reading (invalid bytes replaced) come back as refusals marked
    ``repaired``: notes, the document itself is imported; files left out of a container on
    purpose come back marked ``skipped``.
    """
    name = shown_path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return [], [Refusal(name, f"unsupported file type '{suffix or '(none)'}'; {TEXT_HINT}")]
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
    return read_bytes(data, Source(name, "file:" + _origin_path(path), suffix, ocr))


def _too_big(name: str, size: int) -> Refusal:
    return Refusal(
        name,
        f"file is {size // 2**20} MB, over the {MAX_FILE_BYTES // 2**20} MB limit; split it first",
    )


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
