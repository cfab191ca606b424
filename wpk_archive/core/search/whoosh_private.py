"""Every private Whoosh name and every assumption about Whoosh's on-disk format, in one place.

The search package reads and writes Whoosh segments faster than Whoosh's own readers and writers
do (see :mod:`.evaluate` and :mod:`.segments`); to do that it reaches under Whoosh's public API:
the W3 codec's posting-block layout, its term infos, its per-document columns and deletion sets,
the segment writer's internals. All of it is here, checked against one Whoosh release at import:
another release may lay its files out differently, so this module refuses to load with it (and
the index stamp records the release, so an index another release wrote is rebuilt).

Over 500 lines on purpose: issue #15 asks for every private Whoosh name in one module, so that a
Whoosh upgrade is checked in one file; splitting it would scatter them again.
"""

from __future__ import annotations

import array as _array_module
import io
import itertools
import pickle
import struct
import zlib
from array import array
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate, chain
from operator import sub
from pathlib import Path
from pickle import HIGHEST_PROTOCOL, dumps
from typing import Any

import numpy as np
import whoosh
import whoosh.codec.whoosh3
import whoosh.columns
import whoosh.filedb.structfile
import whoosh.formats
from numpy.typing import NDArray
from whoosh import query as wq
from whoosh.codec.whoosh3 import (
    LENGTHS_COLUMN,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3PostingsWriter,
    W3Segment,
    _lenfield,
)
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Existence, Positions
from whoosh.index import TOC, FileIndex, clean_files
from whoosh.index import LockError as LockError  # raised when another writer holds the index
from whoosh.reading import TermNotFound
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from wpk_archive.core.search import trust

SUPPORTED_WHOOSH = (2, 7, 5)
WHOOSH_VERSION = ".".join(str(n) for n in whoosh.__version__[:3])
"""The Whoosh release in use (recorded in the index stamp: another release rebuilds)."""

if tuple(whoosh.__version__[:3]) != SUPPORTED_WHOOSH:  # pragma: no cover (the pinned release)
    raise ImportError(
        f"wpk_archive's search reads Whoosh {'.'.join(map(str, SUPPORTED_WHOOSH))} segment files "
        f"directly; Whoosh {WHOOSH_VERSION} is installed. Install that release "
        "(pyproject.toml pins it), or check whoosh_private.py against the new one."
    )

Ids = NDArray[np.int64]


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

MAGIC_SIZE = len(WHOOSH3_HEADER_MAGIC)
"""A W3 posting list starts with this magic, then its blocks."""
_INT = struct.Struct("!i")
_BLOCK_SIZE = _INT  # StructFile.write_int
LENGTHS = np.array([byte_to_length(i) for i in range(256)], dtype=np.float32)
"""Field length per stored length byte (the codec keeps one byte per passage, so rounded)."""
SINGLE_POSITIONS = 4096
BLOCK_COMPRESSION = 1
"""zlib level of posting blocks (Whoosh uses 3; level 1 compresses ~2x faster here, and the
blocks are 4% larger). Readers decompress any level."""
_COMPRESS_FROM = 128


# -- positions (the Positions format's value encoding) ----------------------------------------


def encode_positions(poslist: list[int]) -> bytes:
    """``Positions.encode``: the count, then the pickled position deltas."""
    deltas = [poslist[0]]
    deltas.extend(b - a for a, b in itertools.pairwise(poslist))
    encoded: bytes = pack_uint(len(deltas)) + dumps(deltas, 2)
    return encoded


ONE_POSITION = [encode_positions([i]) for i in range(SINGLE_POSITIONS)]
"""The encoding of each single position: most words occur once in a passage, so their value is
looked up here when writing (and the position looked up from the value when reading)."""
SINGLE = {value: position for position, value in enumerate(ONE_POSITION)}
"""Encoded single positions and the position each holds."""


@lru_cache(maxsize=1 << 16)
def decode_positions(value: bytes) -> tuple[int, ...]:
    """The positions in an encoded ``Positions`` value (count, then pickled deltas); the
    same values recur in many passages, so decodings are kept."""
    single = SINGLE.get(value)
    if single is not None:
        return (single,)
    return tuple(accumulate(plain_loads(value[_INT.size :])))


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


# -- the table of contents: signed JSON, never Whoosh's pickle ----------------------------------


def segment_record(segment: Any) -> dict[str, Any]:
    """What Whoosh's pickled table of contents keeps of a segment, as plain JSON data."""
    codec = segment.codec()
    return {
        "segid": segment.segid,
        "prefix": f"{segment.segment_id()}.",
        "doccount": int(segment.doc_count_all()),
        "deleted": sorted(int(d) for d in segment.deleted_docs()),
        "compound": bool(segment.compound),
        "fieldlengths": {k: int(v) for k, v in getattr(segment, "_fieldlengths", {}).items()},
        "codec": [codec._blocklimit, codec._compression, codec._inlinelimit],
    }


def segment_from(record: dict[str, Any], indexname: str) -> Any:
    """A Whoosh segment object from :func:`segment_record`'s data."""
    blocklimit, compression, inlinelimit = (int(x) for x in record["codec"])
    deleted = {int(d) for d in record.get("deleted", ())} or None
    segment = W3Segment(
        W3Codec(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit),
        indexname,
        doccount=int(record["doccount"]),
        segid=str(record["segid"]),
        deleted=deleted,
    )
    segment.compound = bool(record.get("compound"))
    segment._fieldlengths = {str(k): int(v) for k, v in record.get("fieldlengths", {}).items()}
    return segment


class SignedIndex(FileIndex):  # type: ignore[misc]
    """A Whoosh index whose table of contents is ``wpk_toc.json``, signed and checked by
    :mod:`.trust` (schema from code). Whoosh's ``.toc`` pickle is still written, for Whoosh's
    own tools, and never read."""

    def __init__(self, folder: Path, schema: Any, indexname: str) -> None:
        # FileIndex.__init__ would read the pickled .toc: not called
        self.folder = folder
        self.storage = FileStorage(str(folder))
        self._schema = schema
        self.indexname = indexname
        self._verified: tuple[Any, tuple[int, list[dict[str, Any]]]] | None = None

    @classmethod
    def create_in(cls, folder: Path, schema: Any, indexname: str) -> SignedIndex:
        """A new, empty index in ``folder``."""
        storage = FileStorage(str(folder))
        TOC.create(storage, schema, indexname)
        ix = cls(folder, schema, indexname)
        ix.commit_toc(0, [])
        return ix

    def latest_generation(self) -> int:
        return trust.toc_generation(self.folder)

    def verify(self) -> None:
        """Check the signature and every file now (raises trust.Untrusted)."""
        self._verified_toc()

    def _verified_toc(self) -> tuple[int, list[dict[str, Any]]]:
        try:
            st = (self.folder / trust.TOC_FILE).stat()
            stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
        except OSError as exc:
            raise trust.Untrusted(f"the index has no table of contents ({exc})") from exc
        if self._verified is None or self._verified[0] != stamp:
            self._verified = (stamp, trust.read_toc(self.folder))
        return self._verified[1]

    def _read_toc(self) -> Any:
        generation, records = self._verified_toc()
        # fresh segment objects each time, as Whoosh's own reading makes: writers change them
        segments = [segment_from(r, self.indexname) for r in records]
        return TOC(self._schema, segments, generation)

    def writer(self, procs: int = 1, **kwargs: Any) -> Any:
        return SignedWriter(self, **kwargs)

    def commit_toc(self, generation: int, segments: list[Any]) -> None:
        """Sign and write the table of contents for ``segments`` at ``generation``."""
        files = [name for s in segments for name in s.list_files(self.storage)]
        trust.write_toc(self.folder, generation, [segment_record(s) for s in segments], files)


class SignedWriter(SegmentWriter):  # type: ignore[misc]
    """Whoosh's segment writer, committing through the signed table of contents."""

    def __init__(self, ix: SignedIndex, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        self.signed_index = ix

    def _commit_toc(self, segments: list[Any]) -> None:
        TOC(self.schema, segments, self.generation).write(self.storage, self.indexname)
        self.signed_index.commit_toc(self.generation, segments)
        clean_files(self.storage, self.indexname, self.generation, segments)


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
