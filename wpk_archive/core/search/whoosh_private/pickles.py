"""Pickles read from the index build plain data only (part of
:mod:`wpk_archive.core.search.whoosh_private`): the unpickler, and Whoosh's own readers made to
use it."""

from __future__ import annotations

import array as _array_module
import io
import pickle
from array import array
from typing import Any

import whoosh
import whoosh.codec.whoosh3
import whoosh.columns
import whoosh.filedb.structfile
import whoosh.formats

# -- pickles: plain data only -----------------------------------------------------------------


def _latin1(text: object, encoding: object) -> bytes:
    """What protocol-2 pickles of bytes call (``_codecs.encode(text, "latin1")``), checked."""
    if not isinstance(text, str) or encoding != "latin1":
        raise pickle.UnpicklingError("only latin1 text can be encoded")
    return text.encode("latin-1")


def _empty_bytes(*args: object) -> bytes:
    """What protocol-2 pickles of b"" call (``bytes()``), checked."""
    if args:
        raise pickle.UnpicklingError("bytes() takes no argument here")
    return b""


_ALLOWED: dict[tuple[str, str], object] = {
    ("_codecs", "encode"): _latin1,
    ("codecs", "encode"): _latin1,
    ("__builtin__", "bytes"): _empty_bytes,
    ("builtins", "bytes"): _empty_bytes,
    ("array", "array"): array,
    ("array", "_array_reconstructor"): _array_module._array_reconstructor,  # type: ignore[attr-defined]
}
"""The only names a pickle read here may refer to: the ways Whoosh's pickles (protocol 2 and
higher) spell bytes values and typed arrays. Each builds plain data and nothing else."""


class PlainUnpickler(pickle.Unpickler):
    """An unpickler that builds plain data only: any other global a pickle names (a class, a
    function such as ``os.system``) is refused, so reading a planted pickle runs nothing."""

    def find_class(self, module: str, name: str) -> Any:
        found = _ALLOWED.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"refused to load {module}.{name} from the index")
        return found

    def persistent_load(self, pid: Any) -> Any:
        raise pickle.UnpicklingError("persistent ids are not allowed in the index")


def plain_loads(data: bytes | memoryview) -> Any:
    """``pickle.loads`` that builds plain data only (see :class:`PlainUnpickler`)."""
    return PlainUnpickler(io.BytesIO(data)).load()


def plain_load(file: Any, *args: Any, **kwargs: Any) -> Any:
    """``pickle.load`` that builds plain data only."""
    return PlainUnpickler(file).load()


def _restrict_whoosh_pickles() -> None:
    """Make Whoosh's own readers decode every pickle with :func:`plain_loads`: posting blocks,
    inlined postings, stored fields, positions, term-file extras, column headers. (Whoosh's
    ``.toc`` pickle holds classes; it is never read: see :class:`SignedIndex`.)"""
    whoosh.codec.whoosh3.loads = plain_loads
    whoosh.columns.loads = plain_loads
    whoosh.formats.loads = plain_loads
    whoosh.filedb.structfile.load_pickle = plain_load


_restrict_whoosh_pickles()
