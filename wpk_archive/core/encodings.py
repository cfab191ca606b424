"""Bytes of a text file -> text: byte-order marks, UTF-8 (repaired when a few bytes are bad),
and detected legacy encodings (CP949, EUC-KR, the DPRK's KPS 9566, Latin-1, CP1250...).

Detection is charset_normalizer's, checked where it is known to go wrong: Hangul in two-byte
encodings is read both as CP949 and as KPS 9566 and the reading with common Korean syllables
wins (see :mod:`wpk_archive.core.kps9566`); accented Latin letters in one-byte encodings are read
as CP1252, CP1250 and ISO 8859-2 and the reading whose letters one language uses wins, so a
Latin-1 "São" stays "São" and a Czech "přečtěte" stays Czech (:mod:`wpk_archive.core.legacy_encodings`).
"""

from __future__ import annotations

import re

__all__ = ["MAX_REPAIRS", "decode_bytes", "looks_binary"]

MAX_REPAIRS = 3
"""A UTF-8 file with at most this many invalid bytes (per 100,000) is read as UTF-8, each bad
byte replaced, with a note; more, and the encoding is detected instead."""


def decode_bytes(data: bytes, path: str, notes: list[str] | None = None) -> str:
    """Text of a file's bytes: UTF-8 (with or without BOM) and UTF-16 by their marks, others detected.

    A UTF-8 file with a few invalid bytes (a damaged byte, a cut character) is read as UTF-8
    with each bad byte replaced by U+FFFD; what was repaired is added to ``notes``. Raises
    ValueError with a message for the user when the bytes are not text.
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
        first_bad = exc.start
    repaired = _repair_utf8(data)
    if repaired is not None:
        text, bad = repaired
        if notes is not None:
            notes.append(
                f"{bad} invalid UTF-8 byte(s) replaced by \ufffd (the first at byte {first_bad:,}); "
                "the rest of the text is as in the file"
            )
        return text
    from charset_normalizer import from_bytes

    from wpk_archive.core.legacy_encodings import legacy_text

    best = from_bytes(data[:2_000_000]).best()
    legacy = legacy_text(data, best.encoding if best is not None else None)
    if legacy is None:
        raise ValueError("not a text file (its bytes match no known text encoding)")
    return legacy


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _repair_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, bad sequences) when ``data`` is UTF-8 with a few damaged bytes, else None.

    It is UTF-8 when it has valid multi-byte characters and at most :data:`MAX_REPAIRS` bad
    sequences per 100,000 bytes (a Latin-1 or CP949 file has no valid UTF-8 sequences, or many
    bad ones).
    """
    if not _UTF8_MULTIBYTE.search(data):
        return None  # no real UTF-8 character anywhere: a legacy encoding's accented letter
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if bad > MAX_REPAIRS * max(1, len(data) // 100_000):
        return None
    return text, bad


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
