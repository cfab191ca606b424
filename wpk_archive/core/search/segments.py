"""Bulk segment writing: the Whoosh segment ``IndexWriter.add_document`` would write, built fast.

Whoosh's own writer runs every token through a chain of Python generators, puts every posting
in a sorting pool as a tuple, sorts them, and hands them one by one to the codec, which looks up
each posting's field length again. At 20,000 articles (~5 million postings) that is about a
minute of one core. This writer produces the same segment files -- same terms, postings, block
layout, weights, positions, field lengths, stored fields and columns -- from:

* tokens found with one compiled regular expression over the passage (``analysis.index_stream``,
  which falls back to the Whoosh analyzer itself where the fast rule cannot be exact);
* postings kept per term in typed arrays while passages are added, in docnum order, so nothing
  needs sorting but the vocabulary;
* each term's posting list written block by block through Whoosh's own block writer, with the
  block statistics computed over arrays instead of posting by posting
  (:class:`.whoosh_private.BulkWriterBase`).

The title and the per-article fields are analysed once per article, not once per passage.
``tests/core/test_segments.py`` checks that a segment written here equals, posting for posting,
the one Whoosh's writer makes from the same passages.

Whoosh's internals are reached only through :mod:`.whoosh_private`.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from whoosh.formats import Existence, Frequency, Positions

from wpk_archive.core.search.whoosh_private import (
    ONE_POSITION,
    SINGLE_POSITIONS,
    BulkWriterBase,
    encode_positions,
    quantized_lengths,
)


@dataclass
class PassageFields:
    """One passage to index. Values left empty are not indexed (as Whoosh skips None)."""

    pid: str
    doc_id: str
    text: str
    kind: str = ""
    names: str = ""
    tokens: list[str] | None = None
    """The text's index tokens in stream order when the caller has them already."""
    positions: list[int] | None = None
    """Their positions (None: token i is at position i)."""


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


class BulkSegmentWriter(BulkWriterBase):
    """A Whoosh ``SegmentWriter`` that takes passages through :meth:`add_passages`.

    ``text_tokens`` maps passage text (and titles) to index tokens in stream order and their
    positions (None when token i is at position i), ``plain_tokens`` maps the source field's
    text to its tokens; both must give exactly what the schema's analyzers give.
    Commit with ``commit(merge=False)``: merging would run other segments through Whoosh's pool,
    which this writer does not read.
    """

    def __init__(
        self,
        ix: Any,
        *,
        text_tokens: Callable[[str], tuple[list[str], list[int] | None]],
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
        self._pending: dict[str, range] = {}
        """The docnums of each document added to this segment so far."""
        self._dropped: set[int] = set()
        """Docnums of this segment replaced or deleted before it was written."""
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
        self.check_open()
        if not passages:
            return
        doc_id = passages[0].doc_id
        earlier = self._pending.pop(doc_id, None)
        if earlier is not None:  # the same document again (in two files of one import)
            self._dropped.update(earlier)
        title_tokens, title_positions = (
            self._text_tokens(article.title) if article.title else ([], None)
        )
        source_tokens = self._plain_tokens(article.source) if article.source else []
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
            tokens, positions = passage.tokens, passage.positions
            if tokens is None:
                tokens, positions = self._text_tokens(passage.text)
            self._add_positions(text_terms, docnum, _word_positions(tokens, positions))
            if passage.kind:
                self._add_counts("kind", docnum, passage.kind.lower().split())
            if passage.names:
                self._add_counts("names", docnum, passage.names.split())
            lengths["text"].append(len(tokens))
            length_of["text"] = len(tokens)
            values = {"pid": passage.pid, "doc_id": passage.doc_id, **shared_values}
            self.write_document(docnum, plan, values, length_of)
            self.docnum += 1
        # what every passage of the article shares goes in as one run of docnums per term
        run = range(first, self.docnum)
        count = len(run)
        lengths["title"].extend([len(title_tokens)] * count)
        lengths["source"].extend([len(source_tokens)] * count)
        if title_tokens:
            self._add_run(self._terms["title"], run, _word_positions(title_tokens, title_positions))
        if source_tokens:
            self._add_run(self._terms["source"], run, _word_positions(source_tokens, None))
        self._pending[doc_id] = run
        self._add_exists_run("doc_id", run, doc_id)
        for name, value in shared_values.items():
            self._add_exists_run(name, run, value)
        self.mark_added()

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
            if n == 1 and first < SINGLE_POSITIONS:
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

    def delete_by_term(self, fieldname: str, text: str, searcher: Any = None) -> int:
        """Delete the documents with this term, in the committed segments and, for ``doc_id``,
        among those added to this writer so far."""
        count = int(super().delete_by_term(fieldname, text, searcher=searcher))
        if fieldname == "doc_id":
            earlier = self._pending.pop(text, None)
            if earlier is not None:
                self._dropped.update(earlier)
                count += len(earlier)
        return count

    def dropped_docnums(self) -> set[int]:
        """Docnums of this segment to write as deleted."""
        return self._dropped

    # -- writing ------------------------------------------------------------------------------

    def postings_to_write(
        self,
    ) -> Iterator[tuple[str, Any, list[int] | None, Iterator[tuple[str, Any, Any, list[bytes]]]]]:
        """Each field's terms in order, with the field's quantized lengths (scored fields)."""
        for name in sorted(self._terms):
            terms = self._terms[name]
            if not terms.postings:
                continue
            lengths = self._lengths.get(name)
            quantized = quantized_lengths(lengths) if lengths is not None else None
            postings = terms.postings
            # UTF-8 preserves code point order: sorting the strings sorts the byte keys
            yield (
                name,
                self._fields[name],
                quantized,
                ((word, *postings[word]) for word in sorted(postings)),
            )
        self._terms.clear()


def _word_positions(tokens: list[str], positions: list[int] | None) -> dict[str, list[int]]:
    """Each distinct token with its positions (token i is at ``positions[i]``, or at i)."""
    words: dict[str, list[int]] = {}
    for i, word in enumerate(tokens) if positions is None else zip(positions, tokens, strict=True):
        poslist = words.get(word)
        if poslist is None:
            words[word] = [i]
        else:
            poslist.append(i)
    return words
