"""Every private Whoosh name and every assumption about Whoosh's on-disk format, in one place.

The search package reads and writes Whoosh segments faster than Whoosh's own readers and writers
do (see :mod:`..evaluate` and :mod:`..segments`); to do that it reaches under Whoosh's public API:
the W3 codec's posting-block layout, its term infos, its per-document columns and deletion sets,
the segment writer's internals. All of it is here, checked against one Whoosh release at import:
another release may lay its files out differently, so this package refuses to load with it (and
the index stamp records the release, so an index another release wrote is rebuilt).

Issue #15 asks for every private Whoosh name in one place, so that a Whoosh upgrade is checked in
one place: this package, and nothing outside it (tests/core/test_layering.py). It is split by
seam, each module under about 500 lines: ``compat`` (the release checked, imported first),
``pickles`` (plain data only), ``layout`` (the posting-list layout, the positions encoding),
``reading`` (per-segment reading), ``toc`` (the signed table of contents) and ``writing``
(segment writing). Import the names from here.
"""

from __future__ import annotations

from wpk_archive.core.search.whoosh_private.compat import SUPPORTED_WHOOSH, WHOOSH_VERSION
from wpk_archive.core.search.whoosh_private.layout import (
    LENGTHS,
    MAGIC_SIZE,
    ONE_POSITION,
    SINGLE,
    SINGLE_POSITIONS,
    decode_positions,
    encode_positions,
)
from wpk_archive.core.search.whoosh_private.pickles import PlainUnpickler, plain_load, plain_loads
from wpk_archive.core.search.whoosh_private.reading import (
    Ids,
    column_bytes,
    decode_pid,
    deleted_docs,
    field_terms,
    length_bytes,
    multiterm_texts,
    read_blocks,
    stored_pids,
    stored_reader,
    term_postings,
)
from wpk_archive.core.search.whoosh_private.toc import (
    LockError,
    SignedIndex,
    SignedWriter,
    segment_from,
    segment_record,
)
from wpk_archive.core.search.whoosh_private.writing import (
    BLOCK_COMPRESSION,
    BlockWriter,
    BulkWriterBase,
    quantized_lengths,
)

__all__ = [
    "BLOCK_COMPRESSION",
    "LENGTHS",
    "MAGIC_SIZE",
    "ONE_POSITION",
    "SINGLE",
    "SINGLE_POSITIONS",
    "SUPPORTED_WHOOSH",
    "WHOOSH_VERSION",
    "BlockWriter",
    "BulkWriterBase",
    "Ids",
    "LockError",
    "PlainUnpickler",
    "SignedIndex",
    "SignedWriter",
    "column_bytes",
    "decode_pid",
    "decode_positions",
    "deleted_docs",
    "encode_positions",
    "field_terms",
    "length_bytes",
    "multiterm_texts",
    "plain_load",
    "plain_loads",
    "quantized_lengths",
    "read_blocks",
    "segment_from",
    "segment_record",
    "stored_pids",
    "stored_reader",
    "term_postings",
]
