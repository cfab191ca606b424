"""KPS 9566, the DPRK's national character set (EUC-KP), decoded from the published table.

No maintained Python codec exists, so this reads ``resources/encodings/kps9566.tsv``: the
Unicode Consortium's mapping table "KPS 9566-2003 to Unicode" (KPS9566.TXT, table version
1.01, 2011-04-27), its notice kept in the file. Bytes below 0x80 are ASCII; every other
character is two bytes, a lead byte 0x81-0xFE and a trail byte.
"""

from __future__ import annotations

import codecs
from functools import lru_cache

from wpk_archive.core.paths import resources_dir

NAME = "kps9566"


@lru_cache(maxsize=1)
def table() -> dict[int, str]:
    """Two-byte code -> character (the table's 16,831 rows)."""
    found: dict[int, str] = {}
    path = resources_dir() / "encodings" / "kps9566.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, point = line.split("\t")[:2]
        found[int(code, 16)] = chr(int(point, 16))
    return found


@lru_cache(maxsize=1)
def reverse_table() -> dict[str, bytes]:
    """Character -> its two bytes (for writing KPS 9566 files, e.g. in tests)."""
    return {char: code.to_bytes(2, "big") for code, char in table().items()}


def decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
    """Text of KPS 9566 bytes, and how many bytes were read; an unmapped or cut pair is an
    error (``errors="replace"`` makes it U+FFFD)."""
    mapping = table()
    out: list[str] = []
    i = 0
    size = len(data)
    while i < size:
        byte = data[i]
        if byte < 0x80:
            out.append(chr(byte))
            i += 1
            continue
        char = mapping.get((byte << 8) | data[i + 1]) if i + 1 < size else None
        if char is None:
            if errors == "strict":
                raise UnicodeDecodeError(NAME, data, i, min(i + 2, size), "not a KPS 9566 code")
            if errors != "ignore":
                out.append("\ufffd")
            i += 1 if i + 1 >= size or data[i + 1] < 0x41 else 2
            continue
        out.append(char)
        i += 2
    return "".join(out), size


def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
    """KPS 9566 bytes of ``text`` (characters outside the set are an error, or '?')."""
    mapping = reverse_table()
    out = bytearray()
    for n, char in enumerate(text):
        if ord(char) < 0x80:
            out.append(ord(char))
        elif char in mapping:
            out += mapping[char]
        elif errors == "strict":
            raise UnicodeEncodeError(NAME, text, n, n + 1, "not in KPS 9566")
        elif errors != "ignore":
            out.append(ord("?"))
    return bytes(out), len(text)


def _search(name: str) -> codecs.CodecInfo | None:
    if name.replace("-", "").replace("_", "").lower() not in ("kps9566", "euckp"):
        return None
    return codecs.CodecInfo(
        name=NAME,
        encode=encode,
        decode=decode,  # type: ignore[arg-type]
    )


codecs.register(_search)
"""``bytes.decode("kps9566")`` (or "euc-kp") works once this module is imported."""
