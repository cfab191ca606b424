"""Per-segment reading under Whoosh's readers (part of
:mod:`wpk_archive.core.search.whoosh_private`): deletion sets, length bytes, columns, posting
blocks, stored fields, terms."""

from __future__ import annotations

import io
import zlib
from itertools import accumulate
from typing import Any

import numpy as np
from numpy.typing import NDArray
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.reading import TermNotFound

from wpk_archive.core.search.whoosh_private.layout import _INT, MAGIC_SIZE
from wpk_archive.core.search.whoosh_private.pickles import PlainUnpickler, plain_loads

Ids = NDArray[np.int64]


# -- per-segment reading ----------------------------------------------------------------------


def deleted_docs(leaf: Any) -> Ids:
    """The deleted docnums of one segment reader (segment-local)."""
    return np.fromiter(leaf._perdoc.deleted_docs(), dtype=np.int64)


def length_bytes(leaf: Any, fieldname: str) -> NDArray[np.uint8]:
    """Each passage's stored length byte in ``fieldname`` (zeros when the segment has none)."""
    count = leaf.doc_count_all()
    column = leaf._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is None:
        return np.zeros(count, dtype=np.uint8)
    return np.fromiter(iter(column), dtype=np.uint8, count=count)


def column_bytes(leaf: Any, name: str) -> NDArray[Any]:
    """A segment's bytes column ``name`` as a numpy array of byte strings (zero-width empty
    strings when the segment has no such column), read in one piece when every value has the
    same length (document ids), else sliced value by value."""
    count = leaf.doc_count_all()
    if not leaf.has_column(name):
        return np.zeros(count, dtype="S1")
    reader = leaf.column_reader(name, translate=False)
    lengths = np.array(getattr(reader, "_lengths", ()), dtype=np.int64)
    data_file = getattr(reader, "_dbfile", None)
    if lengths.size != count or data_file is None:  # another column kind: the slow, sure way
        return np.array(list(reader), dtype=bytes)
    total = int(lengths.sum())
    data = data_file.get(reader._basepos, total) if total else b""
    if count and (lengths == lengths[0]).all() and lengths[0] > 0:
        return np.frombuffer(data, dtype=f"S{int(lengths[0])}").copy()
    ends = np.cumsum(lengths).tolist()
    starts = [0, *ends[:-1]]
    return np.array([data[a:b] for a, b in zip(starts, ends, strict=True)], dtype=bytes)


def term_postings(
    leaf: Any,
    fieldname: str,
    text: bytes,
    ids: list[int],
    weights: list[float],
    values: list[bytes] | None,
    wanted: Ids | None = None,
) -> bool:
    """Append one segment's postings of a term to the lists; False when it lacks the term.

    ``wanted`` (sorted segment docnums) lets blocks holding none of them go unread."""
    try:
        info = leaf.term_info(fieldname, text)
    except TermNotFound:  # this segment lacks the term (any other failure is damage)
        return False
    if info.is_inlined():
        block_ids, block_weights, block_values = info._inlined
        ids.extend(block_ids)
        weights.extend(block_weights)
        if values is not None:
            values.extend(block_values)
        return True
    start, length = info.extent()
    if isinstance(length, tuple):  # whoosh-reloaded 2.7.5 reads it as a 1-tuple
        length = length[0]
    read_blocks(leaf._terms._postfile.get(start, length), ids, weights, values, wanted)
    return True


def read_blocks(
    raw: bytes,
    ids: list[int],
    weights: list[float],
    values: list[bytes] | None,
    wanted: Ids | None = None,
) -> None:
    """Append the postings of a W3 posting list (magic, then blocks) to the lists.

    With ``wanted`` (sorted segment docnums), blocks holding none of them are skipped unread:
    their info says which docnums they cover."""
    view = memoryview(raw)
    position = MAGIC_SIZE
    end = len(raw)
    previous_max = -1
    while position < end:
        (length,) = _INT.unpack_from(raw, position)
        position += _INT.size
        last = length < 0
        length = abs(length)
        stream = io.BytesIO(view[position : position + length])
        count, maxid, _maxweight, compression, _mn, _mx = PlainUnpickler(stream).load()
        if wanted is not None:
            low = int(np.searchsorted(wanted, previous_max, side="right"))
            previous_max = maxid
            if low >= wanted.size or wanted[low] > maxid:
                position += length
                if last:
                    break
                continue
        data = view[position + stream.tell() : position + length]
        block_ids, block_weights, block_values = plain_loads(
            zlib.decompress(data) if compression else data
        )
        ids.extend(accumulate(block_ids))
        if block_weights is None:
            weights.extend([1.0] * count)
        elif isinstance(block_weights, float):
            weights.extend([block_weights] * count)
        else:
            weights.extend(block_weights)
        if values is not None:
            values.extend(block_values if block_values is not None else [b""] * count)
        position += length
        if last:
            break


def field_terms(reader: Any, fieldname: str) -> list[bytes]:
    """Every term of a field."""
    return [
        t if isinstance(t, bytes) else str(t).encode("utf-8") for t in reader.lexicon(fieldname)
    ]


def stored_reader(leaf: Any) -> Any:
    """The raw (still pickled) stored-fields column of one segment, or None."""
    from whoosh.codec.whoosh3 import STORED_COLUMN

    perdoc = leaf._perdoc
    if not perdoc.has_column("_stored"):
        return None
    return perdoc.column_reader("_stored", STORED_COLUMN._child)


def decode_pid(raw: bytes) -> str | None:
    """The ``pid`` of one docnum's raw stored fields, decoded as plain data."""
    fields = plain_loads(raw) if raw else {}
    pid = fields.get("pid") if isinstance(fields, dict) else None
    return pid if isinstance(pid, str) else None


def stored_pids(leaf: Any) -> list[str | None]:
    """Each docnum's stored ``pid`` in one segment (deleted ones included)."""
    reader = stored_reader(leaf)
    if reader is None:
        return [None] * leaf.doc_count_all()
    return [decode_pid(raw) for raw in reader]


def multiterm_texts(q: wq.Query, reader: Any) -> list[bytes]:
    """The vocabulary terms a prefix, wildcard, fuzzy term or range stands for, sorted."""
    return sorted(set(q._btexts(reader)))
