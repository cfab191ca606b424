"""Segment writing under Whoosh's segment writer (part of
:mod:`wpk_archive.core.search.whoosh_private`): postings and per-document values supplied by a
subclass, posting blocks pickled with the current protocol."""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable
from itertools import chain
from operator import sub
from pickle import HIGHEST_PROTOCOL, dumps
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3PostingsWriter
from whoosh.formats import Existence, Positions
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length, length_to_byte

from wpk_archive.core.search.whoosh_private.layout import _INT
from wpk_archive.core.search.whoosh_private.toc import SignedWriter

_BLOCK_SIZE = _INT  # StructFile.write_int
BLOCK_COMPRESSION = 1
"""zlib level of posting blocks (Whoosh uses 3; level 1 compresses ~2x faster here, and the
blocks are 4% larger). Readers decompress any level."""
_COMPRESS_FROM = 128


# -- segment writing --------------------------------------------------------------------------


class BulkWriterBase(SignedWriter):
    """A Whoosh ``SegmentWriter`` whose postings and per-document values a subclass supplies.

    The subclass adds documents with :meth:`write_document` (the per-document values: stored
    fields, lengths, columns) and keeps postings itself; at commit Whoosh calls
    :meth:`_flush_segment`, which asks :meth:`postings_to_write` for them and writes each term's
    posting list block by block through :class:`BlockWriter`.
    """

    def check_open(self) -> None:
        """Raise if the writer was committed or cancelled."""
        self._check_state()

    def mark_added(self) -> None:
        """Say documents were added (so commit writes a segment)."""
        self._added = True

    def write_document(
        self,
        docnum: int,
        plan: list[tuple[str, Any]],
        values: dict[str, str],
        length_of: dict[str, int],
    ) -> None:
        """What ``add_document`` hands the per-document writer, field by field."""
        perdoc = self.perdocwriter
        perdoc.start_doc(docnum)
        for name, field in plan:
            value = values.get(name)
            perdoc.add_field(name, field, value if field.stored else None, length_of.get(name, 0))
            column = field.column_type
            if column and value is not None:
                perdoc.add_column_value(name, column, field.to_column_value(value))
        perdoc.finish_doc()

    def dropped_docnums(self) -> set[int]:
        """Docnums of the new segment to mark deleted as it is written (subclasses)."""
        return set()

    def _finalize_segment(self) -> Any:
        segment = super()._finalize_segment()
        for docnum in sorted(self.dropped_docnums()):
            segment.delete_document(docnum - self.docbase)
        return segment

    def postings_to_write(
        self,
    ) -> Iterable[tuple[str, Any, list[int] | None, Iterable[tuple[str, Any, Any, list[bytes]]]]]:
        """(field name, field, quantized lengths or None, terms), fields and terms sorted; each
        term is (word, docnums, frequencies, encoded values). Subclasses give theirs."""
        raise NotImplementedError

    def _flush_segment(self) -> None:
        """Write the term index and posting blocks (Whoosh's writer would drain its pool here)."""
        self.perdocwriter.close()
        fieldwriter = self.fieldwriter
        blocklimit = self.codec._blocklimit
        for name, field, quantized, terms in self.postings_to_write():
            fieldwriter.start_field(name, field)
            writer = fieldwriter._postwriter = BlockWriter(
                fieldwriter._postfile,
                blocklimit=blocklimit,
                compression=BLOCK_COMPRESSION,
                inlinelimit=self.codec._inlinelimit,
            )
            fmt = type(field.format)
            for word, ids, freqs, encoded in terms:
                fieldwriter.start_term(word.encode("utf-8"))
                for start in range(0, len(ids), blocklimit):
                    if start:
                        writer._write_block()
                    end = start + blocklimit
                    block = ids[start:end]
                    if fmt is Existence:
                        weights = array("f", [1.0]) * len(block)
                        values: list[bytes] = []
                    else:
                        counts = freqs[start:end]
                        weights = array("f", counts)
                        values = (
                            encoded[start:end]
                            if fmt is Positions
                            else [pack_uint(c) for c in counts]
                        )
                    writer._ids = block
                    writer._weights = weights
                    writer._values = values
                    writer._maxweight = max(weights)
                    if quantized is not None and len(block) == 1:  # most terms are rare
                        only = quantized[block[0]]
                        writer._minlength = only or None
                        writer._maxlength = only
                    elif quantized is not None:
                        block_lengths = [quantized[d] for d in block]
                        nonzero = [n for n in block_lengths if n]
                        writer._minlength = min(nonzero) if nonzero else None
                        writer._maxlength = max(block_lengths)
                    else:
                        writer._minlength = None
                        writer._maxlength = 0
                fieldwriter.finish_term()
            fieldwriter.finish_field()
        fieldwriter.close()


class BlockWriter(W3PostingsWriter):  # type: ignore[misc]
    """Whoosh's posting-block writer, pickling blocks with the current pickle protocol.

    Whoosh pickles with protocol 2, which stores every posting's positions (a bytes value)
    as a call to ``_codecs.encode``: unpickling a block of a common word then took ~40 µs, most
    of a search's time. Readers load blocks with ``pickle.loads``, which reads any protocol,
    so the segment stays an ordinary Whoosh segment.
    """

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        ids = self._ids
        deltas = tuple(map(sub, ids, chain((0,), ids)))  # Whoosh's delta_encode, at C speed
        weights = self._weights
        top = self._maxweight
        mini_weights: Any
        if len(weights) == 1:
            mini_weights = None if top == 1.0 else top
        elif top == 1.0 and min(weights) == 1.0:
            mini_weights = None  # what Whoosh's _mini_weights gives, without a genexpr
        elif min(weights) == top:
            mini_weights = weights[0]
        else:
            mini_weights = tuple(weights)
        data = (deltas, mini_weights, self._mini_values())
        databytes = dumps(data, HIGHEST_PROTOCOL)
        # small blocks (most terms have a posting or two) are stored plainly: zlib's set-up
        # costs more than it saves there (the block info says so, and readers honour it)
        compression = self._compression if len(databytes) >= _COMPRESS_FROM else 0
        if compression:
            databytes = zlib.compress(databytes, compression)
        info = (
            len(ids),
            ids[-1],
            self._maxweight,
            compression,
            length_to_byte(self._minlength),
            length_to_byte(self._maxlength),
        )
        infobytes = dumps(info, HIGHEST_PROTOCOL)
        size = len(infobytes) + len(databytes)
        self._postfile.write(_BLOCK_SIZE.pack(-size if last else size) + infobytes + databytes)
        self._blockcount += 1
        self._new_block()


def quantized_lengths(lengths: Iterable[int]) -> list[int]:
    """Field lengths as the codec reads them back (stored as one byte each, so rounded)."""
    cache: dict[int, int] = {0: 0}
    out = []
    for n in lengths:
        q = cache.get(n)
        if q is None:
            q = cache[n] = byte_to_length(length_to_byte(n))
        out.append(q)
    return out
