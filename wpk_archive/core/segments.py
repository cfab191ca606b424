"""Bulk segment writing: the Whoosh segment ``IndexWriter.add_document`` would write, built fast.

Whoosh's own writer runs every token through a chain of Python generators, puts every posting
in a sorting pool as a tuple, sorts them, and hands them one by one to the codec, which looks up
each posting's field length again. At 20,000 articles (~5 million postings) that is about a
minute of one core. This writer produces the same segment files -- same terms, postings, block
layout, weights, positions, field lengths, stored fields and columns -- from:

* tokens found with one compiled regular expression over the passage (``index.index_tokens``,
  which falls back to the Whoosh analyzer itself where the fast rule cannot be exact);
* postings kept per term in typed arrays while passages are added, in docnum order, so nothing
  needs sorting but the vocabulary;
* each term's posting list written block by block through Whoosh's own block writer, with the
  block statistics computed over arrays instead of posting by posting.

The title and the per-article fields are analysed once per article, not once per passage.
``tests/core/test_segments.py`` checks that a segment written here equals, posting for posting,
the one Whoosh's writer makes from the same passages.

Only this module and :mod:`wpk_archive.core.index` import Whoosh.
"""

from __future__ import annotations

import itertools
import struct
import zlib
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import sub
from pickle import HIGHEST_PROTOCOL, dumps
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3PostingsWriter
from whoosh.formats import Existence, Frequency, Positions
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

_SINGLE_POSITIONS = 4096
BLOCK_COMPRESSION = 1
"""zlib level of posting blocks (Whoosh uses 3; level 1 compresses ~2x faster here, and the
blocks are 4% larger). Readers decompress any level."""
_COMPRESS_FROM = 128
_BLOCK_SIZE = struct.Struct("!i")  # StructFile.write_int


def encode_positions(poslist: list[int]) -> bytes:
    """``Positions.encode``: the count, then the pickled position deltas."""
    deltas = [poslist[0]]
    deltas.extend(b - a for a, b in itertools.pairwise(poslist))
    encoded: bytes = pack_uint(len(deltas)) + dumps(deltas, 2)
    return encoded


ONE_POSITION = [encode_positions([i]) for i in range(_SINGLE_POSITIONS)]
"""The encoding of each single position: most words occur once in a passage, so their value is
looked up here when writing (and the position looked up from the value when reading)."""


@dataclass
class PassageFields:
    """One passage to index. Values left empty are not indexed (as Whoosh skips None)."""

    pid: str
    doc_id: str
    text: str
    kind: str = ""
    names: str = ""
    tokens: list[str] | None = None
    """The text's index tokens when the caller has them already."""


@dataclass
class ArticleFields:
    """What every passage of one article shares."""

    title: str
    source: str = ""
    date: str = ""
    year: str = ""
    month: str = ""

    def keyword_fields(self) -> dict[str, str]:
        """The article's keyword fields that have a value: date, year, month, src (the
        source as one term)."""
        return {
            name: value
            for name, value in (
                ("date", self.date), ("year", self.year), ("month", self.month),
                ("src", self.source),
            )
            if value
        }  # fmt: skip


class _Terms:
    """The postings of one field: per term, docnums, frequencies and encoded values, in
    docnum order (one dictionary lookup per posting)."""

    __slots__ = ("postings",)

    def __init__(self) -> None:
        self.postings: dict[str, tuple[array[int], array[int], list[bytes]]] = {}

    def entry(self, word: str) -> tuple[array[int], array[int], list[bytes]]:
        """The postings of ``word``, made empty on first use."""
        found = self.postings.get(word)
        if found is None:
            found = self.postings[word] = (array("I"), array("I"), [])
        return found


class BulkSegmentWriter(SegmentWriter):  # type: ignore[misc]
    """A Whoosh ``SegmentWriter`` that takes passages through :meth:`add_passages`.

    ``text_tokens`` maps passage text (and titles) to index tokens, ``plain_tokens`` maps the
    source field's text to its tokens; both must give exactly what the schema's analyzers give.
    Commit with ``commit(merge=False)``: merging would run other segments through Whoosh's pool,
    which this writer does not read.
    """

    def __init__(
        self,
        ix: Any,
        *,
        text_tokens: Callable[[str], list[str]],
        plain_tokens: Callable[[str], list[str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(ix, **kwargs)
        self._text_tokens = text_tokens
        self._plain_tokens = plain_tokens
        self._terms: dict[str, _Terms] = {}
        self._lengths: dict[str, array[int]] = {}
        self._fields = self.schema
        for name in ("text", "title", "source", "doc_id", "date", "year", "month", "src",
                     "kind", "names"):  # fmt: skip
            self._terms[name] = _Terms()
        for name in ("text", "title", "source"):
            self._lengths[name] = array("I")
        self._check_formats()
        # fields the per-document writer keeps something of: stored, scored (lengths) or sortable
        self._perdoc_fields = {
            name
            for name, field in self._fields.items()
            if field.stored or field.scorable or field.column_type
        }

    def _check_formats(self) -> None:
        """The formats this writer encodes; a schema change must come here too."""
        expected = {
            "text": Positions, "title": Positions, "source": Positions,
            "doc_id": Existence, "date": Existence, "year": Existence, "month": Existence,
            "src": Existence, "kind": Frequency, "names": Frequency,
        }  # fmt: skip
        for name, kind in expected.items():
            if type(self._fields[name].format) is not kind:
                raise TypeError(f"field {name!r} does not have the {kind.__name__} format")

    # -- adding -------------------------------------------------------------------------------

    def add_passages(self, article: ArticleFields, passages: Sequence[PassageFields]) -> None:
        """Add the passages of one article, in order."""
        self._check_state()
        if not passages:
            return
        title_tokens = self._text_tokens(article.title) if article.title else []
        source_tokens = self._plain_tokens(article.source) if article.source else []
        doc_id = passages[0].doc_id
        shared_values = article.keyword_fields()
        lengths = self._lengths
        # what add_document hands the per-document writer, field by field in name order; fields
        # neither stored nor scored nor sortable (kind, names, year, month) give it nothing
        plan = [
            (name, self._fields[name])
            for name in sorted(
                {"pid", "doc_id", "text", "title", "source", *shared_values} & self._perdoc_fields
            )
        ]
        length_of = {"title": len(title_tokens), "source": len(source_tokens)}
        first = self.docnum
        text_terms = self._terms["text"]
        for passage in passages:
            docnum = self.docnum
            tokens = passage.tokens
            if tokens is None:
                tokens = self._text_tokens(passage.text)
            self._add_positions(text_terms, docnum, _word_positions(tokens))
            if passage.kind:
                self._add_counts("kind", docnum, passage.kind.lower().split())
            if passage.names:
                self._add_counts("names", docnum, passage.names.split())
            lengths["text"].append(len(tokens))
            length_of["text"] = len(tokens)
            values = {"pid": passage.pid, "doc_id": passage.doc_id, **shared_values}
            self._add_document(docnum, plan, values, length_of)
            self.docnum += 1
        # what every passage of the article shares goes in as one run of docnums per term
        run = range(first, self.docnum)
        count = len(run)
        lengths["title"].extend([len(title_tokens)] * count)
        lengths["source"].extend([len(source_tokens)] * count)
        if title_tokens:
            self._add_run(self._terms["title"], run, _word_positions(title_tokens))
        if source_tokens:
            self._add_run(self._terms["source"], run, _word_positions(source_tokens))
        self._add_exists_run("doc_id", run, doc_id)
        for name, value in shared_values.items():
            self._add_exists_run(name, run, value)
        self._added = True

    def _add_document(
        self,
        docnum: int,
        plan: list[tuple[str, Any]],
        values: dict[str, str],
        length_of: dict[str, int],
    ) -> None:
        perdoc = self.perdocwriter
        perdoc.start_doc(docnum)
        for name, field in plan:
            value = values.get(name)
            perdoc.add_field(name, field, value if field.stored else None, length_of.get(name, 0))
            column = field.column_type
            if column and value is not None:
                perdoc.add_column_value(name, column, field.to_column_value(value))
        perdoc.finish_doc()

    @staticmethod
    def _add_positions(terms: _Terms, docnum: int, words: dict[str, list[int]]) -> None:
        postings = terms.postings
        for word, poslist in words.items():
            entry = postings.get(word)
            if entry is None:
                entry = postings[word] = (array("I"), array("I"), [])
            ids, freqs, values = entry
            ids.append(docnum)
            n = len(poslist)
            freqs.append(n)
            first = poslist[0]
            if n == 1 and first < _SINGLE_POSITIONS:
                values.append(ONE_POSITION[first])
            else:
                values.append(encode_positions(poslist))

    @staticmethod
    def _add_run(terms: _Terms, run: range, words: dict[str, list[int]]) -> None:
        """The same postings (one article's title or source) for each docnum of ``run``
        (what _add_positions does per passage, inlined there as the hot loop)."""
        count = len(run)
        for word, poslist in words.items():
            ids, freqs, values = terms.entry(word)
            ids.extend(run)
            freqs.extend([len(poslist)] * count)
            values.extend([encode_positions(poslist)] * count)

    def _add_exists_run(self, name: str, run: range, value: str) -> None:
        self._terms[name].entry(value)[0].extend(run)

    def _add_counts(self, name: str, docnum: int, words: list[str]) -> None:
        terms = self._terms[name]
        counts: dict[str, int] = {}
        for word in words:
            counts[word] = counts.get(word, 0) + 1
        for word, n in counts.items():
            entry = terms.entry(word)
            entry[0].append(docnum)
            entry[1].append(n)

    # -- writing ------------------------------------------------------------------------------

    def _flush_segment(self) -> None:
        """Write the term index and posting blocks (Whoosh's writer would drain its pool here)."""
        self.perdocwriter.close()
        fieldwriter = self.fieldwriter
        blocklimit = self.codec._blocklimit
        for name in sorted(self._terms):
            terms = self._terms[name]
            if not terms.postings:
                continue
            field = self._fields[name]
            lengths = self._lengths.get(name)
            quantized = _quantized(lengths) if lengths is not None else None
            fieldwriter.start_field(name, field)
            writer = fieldwriter._postwriter = _BlockWriter(
                fieldwriter._postfile,
                blocklimit=blocklimit,
                compression=BLOCK_COMPRESSION,
                inlinelimit=self.codec._inlinelimit,
            )
            fmt = type(field.format)
            # UTF-8 preserves code point order: sorting the strings sorts the byte keys
            for word in sorted(terms.postings):
                ids, freqs, encoded = terms.postings[word]
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
        self._terms.clear()


class _BlockWriter(W3PostingsWriter):  # type: ignore[misc]
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


def _word_positions(tokens: list[str]) -> dict[str, list[int]]:
    """Each distinct token with its positions (a token's position is its index)."""
    words: dict[str, list[int]] = {}
    for i, word in enumerate(tokens):
        poslist = words.get(word)
        if poslist is None:
            words[word] = [i]
        else:
            poslist.append(i)
    return words


def _quantized(lengths: array[int]) -> list[int]:
    """Field lengths as the codec reads them back (stored as one byte each, so rounded)."""
    cache: dict[int, int] = {0: 0}
    out = []
    for n in lengths:
        q = cache.get(n)
        if q is None:
            q = cache[n] = byte_to_length(length_to_byte(n))
        out.append(q)
    return out
