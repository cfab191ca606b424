"""What the ``wpk-archive`` command writes: every line through a terminal filter (document
text may hold control characters), JSON on stdout alone, and the lookups its commands share.
"""

from __future__ import annotations

import builtins
import json
import re
import sys
from typing import Any

from wpk_archive.core.archive import Archive
from wpk_archive.core.models import Document

# what documents may not send to a terminal: C0 controls but newline and tab (ESC, CR, BEL, BS
# move the cursor or set the window title), DEL, C1 controls (0x9b is CSI), bidi overrides
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)


def plain(text: str) -> str:
    """``text`` safe for a terminal: control characters shown as '?' (newlines and tabs kept)."""
    return _UNSAFE.sub("?", text)


class Styled(str):
    """Text already made safe, which may hold this program's own terminal codes."""

    __slots__ = ()


def print(  # every line the command prints goes through the terminal filter
    *values: object, sep: str = " ", end: str = "\n", file: Any = None, flush: bool = False
) -> None:
    """:func:`builtins.print`, with document text made safe for the terminal (see :func:`plain`)."""
    shown = [v if isinstance(v, Styled) else plain(str(v)) for v in values]
    builtins.print(*shown, sep=sep, end=end, file=file, flush=flush)


def print_json(payload: Any) -> None:
    """JSON on stdout; characters a terminal would act on are written as \\u escapes."""
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    sys.stdout.write(_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def find_document(archive: Archive, doc_id: str) -> Document | None:
    """The document (a unique id prefix will do), or None after saying on stderr it is not there."""
    doc = archive.document(doc_id)
    if doc is None:
        print(f"wpk-archive: no document {doc_id!r}", file=sys.stderr)
    return doc


def given(**values: Any) -> dict[str, Any]:
    """The options the user gave (those not left as None)."""
    return {name: value for name, value in values.items() if value is not None}
