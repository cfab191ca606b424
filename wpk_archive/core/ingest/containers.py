"""Containers: .gz files and .zip archives (with folders inside), read within bounds.

A container is unpacked in memory, never onto the disk, and never past MAX_UNPACKED_BYTES in
all: what a zip's directory claims is checked first, and every read stops at the limit anyway,
so a zip bomb is refused with a message instead of filling the memory. Archives inside
archives are read up to MAX_DEPTH levels. Every member left out is reported by name.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import PurePosixPath

from wpk_archive.core.ingest.document import Item, Refusal, Source

MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
"""What one container may unpack to, all its members together."""
MAX_MEMBER_BYTES = 200 * 1024 * 1024
"""What one member (or a .gz file's content) may unpack to: the size limit of one file."""
MAX_MEMBERS = 20_000
MAX_RATIO = 1_000
"""A member that claims to unpack to more than this many times its packed size, and to more
than a few megabytes, is a zip bomb."""
MAX_DEPTH = 3

Reader = Callable[[bytes, Source], tuple[list[Item], list[Refusal]]]


class ContainerError(Exception):
    """A container that cannot be read within bounds, worded for the user."""


def _mb(size: int) -> str:
    return f"{size / 2**20:,.0f} MB"


def gunzip(data: bytes, limit: int = MAX_MEMBER_BYTES) -> bytes:
    """The content of gzip data (several members, as ``cat a.gz b.gz`` makes, included);
    ContainerError past ``limit`` bytes or when damaged."""
    out: list[bytes] = []
    size = 0
    rest = data
    while rest:
        unpacker = zlib.decompressobj(wbits=31)
        try:
            chunk = unpacker.decompress(rest, limit - size + 1)
            while True:
                size += len(chunk)
                out.append(chunk)
                if size > limit:
                    raise ContainerError(
                        f"it unpacks to more than {_mb(limit)} (a compression bomb, or a file "
                        "too big to import at once): unpack and split it first"
                    )
                if unpacker.eof or not unpacker.unconsumed_tail:
                    break
                chunk = unpacker.decompress(unpacker.unconsumed_tail, limit - size + 1)
        except zlib.error as exc:
            if out and size:
                break  # trailing garbage after a whole member, as gzip itself accepts
            raise ContainerError(f"not readable gzip data ({exc})") from exc
        if not unpacker.eof:
            raise ContainerError("the gzip data is cut short (the file is incomplete)")
        rest = unpacker.unused_data.lstrip(b"\x00")
    return b"".join(out)


@contextmanager
def open_zip(data: bytes) -> Iterator[zipfile.ZipFile]:
    """A zip archive from bytes, its directory checked against the bounds (ContainerError)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise ContainerError(f"not a readable zip archive ({exc})") from exc
    try:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ContainerError(f"it holds {len(infos):,} files, over {MAX_MEMBERS:,}")
        claimed = sum(info.file_size for info in infos)
        if claimed > MAX_UNPACKED_BYTES:
            raise ContainerError(
                f"it unpacks to {_mb(claimed)}, over the {_mb(MAX_UNPACKED_BYTES)} limit "
                "(a zip bomb, or too much for one import): unpack it and import its parts"
            )
        for info in infos:
            if info.file_size > 4 * 2**20 and info.file_size > MAX_RATIO * max(
                1, info.compress_size
            ):
                raise ContainerError(
                    f"its member {info.filename!r} claims to unpack {info.compress_size:,} bytes "
                    f"to {_mb(info.file_size)}: a zip bomb; refused"
                )
        yield archive
    finally:
        archive.close()


def read_member(archive: zipfile.ZipFile, name: str, limit: int = MAX_MEMBER_BYTES) -> bytes:
    """One member's bytes, never more than ``limit`` (KeyError when absent; ContainerError
    when bigger, encrypted or damaged)."""
    info = archive.getinfo(name)
    if info.flag_bits & 0x1:
        raise ContainerError(f"{name} is encrypted (a password-protected zip)")
    if info.file_size > limit:
        raise ContainerError(f"{name} unpacks to {_mb(info.file_size)}, over {_mb(limit)}")
    try:
        with archive.open(info) as handle:
            data = handle.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, NotImplementedError, EOFError) as exc:
        raise ContainerError(f"{name} cannot be unpacked ({exc})") from exc
    if len(data) > limit:
        raise ContainerError(f"{name} unpacks to more than {_mb(limit)} (a zip bomb?)")
    return data


def inner_name(name: str) -> str:
    """The name of a .gz file's content: ``a.jsonl.gz`` holds ``a.jsonl``."""
    for end in (".gz", ".gzip"):
        if name.lower().endswith(end):
            return name[: -len(end)]
    return name


def read_gzip(data: bytes, src: Source, read: Reader) -> tuple[list[Item], list[Refusal]]:
    """A .gz file: its content read as the file it holds (``x.jsonl.gz`` as JSON Lines; a bare
    ``x.gz`` as text, or JSON Lines when its first line is an object)."""
    if src.depth >= MAX_DEPTH:
        return src.refuse(f"packed {src.depth + 1} levels deep; unpack it first")
    try:
        content = gunzip(data)
    except ContainerError as exc:
        return src.refuse(str(exc))
    name = inner_name(src.name)
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in (".tar", ""):
        if suffix == ".tar" or content[257:262] == b"ustar":
            return src.refuse("a tar archive; unpack it (tar -xzf) and import the folder")
        suffix = ".jsonl" if content.lstrip()[:1] == b"{" else ".txt"
    inner = Source(name, src.origin, suffix, src.ocr, src.depth + 1)
    return read(content, inner)


def read_zip(data: bytes, src: Source, read: Reader) -> tuple[list[Item], list[Refusal]]:
    """A .zip archive: every supported file in it (its folders included) is read; every other
    member is reported as skipped, with why."""
    from wpk_archive.core.ingest.files import SUPPORTED_SUFFIXES

    if src.depth >= MAX_DEPTH:
        return src.refuse(f"packed {src.depth + 1} levels deep; unpack it first")
    items: list[Item] = []
    refusals: list[Refusal] = []
    total = 0
    try:
        with open_zip(data) as archive:
            for info in sorted(archive.infolist(), key=lambda i: i.filename):
                if info.is_dir():
                    continue
                member = PurePosixPath(info.filename)
                shown = f"{src.name}:{info.filename}"
                hidden = any(part.startswith(".") or part == "__MACOSX" for part in member.parts)
                suffix = _suffix(member.name)
                if hidden:
                    refusals.append(Refusal(shown, "hidden file; skipped", kind="skipped"))
                    continue
                if suffix not in SUPPORTED_SUFFIXES:
                    refusals.append(
                        Refusal(
                            shown,
                            f"not an article file ('{suffix or '(none)'}'); skipped",
                            kind="skipped",
                        )
                    )
                    continue
                try:
                    content = read_member(archive, info.filename)
                except ContainerError as exc:
                    refusals.append(Refusal(shown, str(exc)))
                    continue
                total += len(content)
                if total > MAX_UNPACKED_BYTES:
                    refusals.append(
                        Refusal(
                            shown, f"the archive unpacks to more than {_mb(total)}; stopped here"
                        )
                    )
                    break
                inner = Source(
                    shown, f"{src.origin}!{info.filename}", suffix, src.ocr, src.depth + 1
                )
                found, refused = read(content, inner)
                items.extend(found)
                refusals.extend(refused)
    except ContainerError as exc:
        return src.refuse(str(exc))
    if not items and not any(not r.repaired for r in refusals):
        refusals.append(Refusal(src.name, "the zip archive holds no article file"))
    return items, refusals


def _suffix(name: str) -> str:
    """A file's type as read: its last suffix, or ``.jsonl.gz``-style pairs as ``.gz``."""
    return PurePosixPath(name).suffix.lower()
