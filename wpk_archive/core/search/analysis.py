"""Analysis: how passage text and query words become index tokens, and the index schema.

One function, :func:`analyze`, says what the tokens of a text are; Whoosh's analyzer for the text
fields (:class:`PassageTokenizer`) and the bulk writer's fast path (:func:`index_stream`) both
give exactly its tokens (``tests/core/test_search_analysis.py`` checks it).

- **Normalisation**: NFKC (full-width forms, ligatures, compatibility characters; it also composes
  decomposed Hangul), then lowercase; curly quotes read as straight ones and the Unicode hyphens
  as "-". Character spans are reported in the original text.
- **Words**: runs of letters and digits joined inside by ``.``, ``'`` or ``-`` ("U.S", "Jong-un");
  a possessive ``'s`` is dropped.
- **Hyphenated words** are indexed whole and as their parts, the parts at the whole word's
  position ("inter-korean", "inter", "korean" all at one position), so "korean" finds
  "inter-Korean" and phrases through a hyphenated word keep their positions.
- **Hangul**: runs of two or more syllables become overlapping bigrams, each its own position
  (Korean attaches particles: 학교 then finds 학교에; a longer word is searched as the phrase of
  its bigrams).

Words are indexed unstemmed. English stemming (Snowball) happens at query time (:mod:`.query`):
a word becomes an Or of the vocabulary words sharing its stem, so phrases stay exact.
``ANALYZER_VERSION`` says when an index written by another version must be rebuilt.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import snowballstemmer
from whoosh.analysis import LowercaseFilter, RegexTokenizer, Token, Tokenizer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

ANALYZER_VERSION = 6
"""5: NFKC normalisation, hyphenated words also as their parts, Snowball stems. 6: name keys
also for Hangul forms of the variants table (matched as bigram sequences)."""
STEMMER = "snowball-english"
HANGUL = "\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3"
WORD_PATTERN = r"[\w\u3131-\u318e\uac00-\ud7a3]+(?:[.'’-][\w\u3131-\u318e\uac00-\ud7a3]+)*"
TEXT_FIELDS = ("text", "title")
QUERY_FIELDS = ("text", "title", "source", "kind", "date")
HANGUL_RUN = re.compile(f"[{HANGUL}]+|[^{HANGUL}]+")
HAS_HANGUL = re.compile(f"[{HANGUL}]")
STEMMABLE = re.compile(r"^[a-z]+$")
_WORD = re.compile(WORD_PATTERN)
_QUOTES = {
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "\u2010": "-", "\u2011": "-",
}  # fmt: skip
_FOLD = str.maketrans(_QUOTES)
_NON_ASCII = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+", re.S)
"""A run of non-ASCII characters with the character before it (which a mark may join)."""
_JOINS_PREVIOUS = re.compile("[\u1160-\u11ff\ud7b0-\ud7ff]")
"""Hangul vowel and final jamo: NFKC composes them with the character before."""

Token4 = tuple[str, int, int, int]
"""(token, position, start, end): a token, its position, its span in the original text."""


# -- normalisation ----------------------------------------------------------------------------


def normalize_query(text: str) -> str:
    """A query as typed, normalised like indexed text (NFKC, straight quotes, "-" hyphens)
    but not lowercased (the operators AND, OR, NOT are capitals)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", text).translate(_FOLD)


def fold(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """``text`` normalised and lowercased, with where each character came from.

    Returns (folded, starts, ends): ``starts[i]``/``ends[i]`` are the span in ``text`` of the
    characters that folded character ``i`` came from; both None when folding kept every
    character in place (the usual case: ASCII, or already NFKC with single-character cases).
    """
    if text.isascii():
        return text.lower(), None, None
    if unicodedata.is_normalized("NFKC", text):
        lowered = text.lower()
        if len(lowered) == len(text):
            return lowered.translate(_FOLD), None, None
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    # ASCII stays in place; only the runs around other characters are normalised piecewise
    for run in _NON_ASCII.finditer(text):
        lo, hi = run.span()
        if lo > done:
            pieces.append(text[done:lo].lower())
            starts.extend(range(done, lo))
            ends.extend(range(done + 1, lo + 1))
        for a, b in _clusters(text, lo, hi):
            piece = unicodedata.normalize("NFKC", text[a:b]).lower().translate(_FOLD)
            pieces.append(piece)
            starts.extend([a] * len(piece))
            ends.extend([b] * len(piece))
        done = hi
    if done < len(text):
        pieces.append(text[done:].lower())
        starts.extend(range(done, len(text)))
        ends.extend(range(done + 1, len(text) + 1))
    return "".join(pieces), starts, ends


def _clusters(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Spans of ``text[lo:hi]`` that normalise independently: a character with the combining
    marks (and Hangul vowel/final jamo) that follow it."""
    start = lo
    for i in range(lo + 1, hi):
        ch = text[i]
        if unicodedata.combining(ch) or _JOINS_PREVIOUS.match(ch):
            continue
        yield start, i
        start = i
    if hi > lo:
        yield start, hi


# -- tokens -----------------------------------------------------------------------------------


def _unpossessive(word: str) -> str:
    return word[:-2] if word.endswith("'s") and len(word) > 2 else word


def _parts(word: str) -> list[str]:
    """The parts of a hyphenated word other than the word itself, each once, in order."""
    return [p for p in dict.fromkeys(word.split("-")) if p and p != word]


def _hangul_pieces(word: str) -> Iterator[tuple[str, int, int]]:
    for m in HANGUL_RUN.finditer(word):
        run = m.group()
        if HAS_HANGUL.match(run) and len(run) >= 2:
            for i in range(len(run) - 1):
                yield run[i : i + 2], m.start() + i, m.start() + i + 2
        else:
            yield run, m.start(), m.end()


def analyze(text: str, *, parts: bool = True) -> list[Token4]:
    """The tokens of ``text``: (token, position, start, end), spans in ``text`` itself.

    ``parts`` False leaves out the parts of hyphenated words (what a query word or a phrase
    searches for: the whole word is at the position already)."""
    folded, starts, ends = fold(text)
    if HAS_HANGUL.search(folded):
        out = _analyze_hangul(folded, parts)
    else:  # the common case, in comprehensions rather than a loop per token
        out = [(m.group(), i, m.start(), m.end()) for i, m in enumerate(_WORD.finditer(folded))]
        if "'" in folded:
            out = [(_unpossessive(w), i, a, b) for w, i, a, b in out]
        if parts and "-" in folded:
            out = _with_parts(out)
    if starts is not None and ends is not None:
        out = [(t, p, starts[a], ends[b - 1]) for t, p, a, b in out]
    return out


def wanted_tokens(text: str, wanted: set[str]) -> list[Token4]:
    """The tokens of :func:`analyze` whose text is in ``wanted``, in the same order: what a
    highlight needs, found without building a tuple for every other token."""
    folded, starts, ends = fold(text)
    if HAS_HANGUL.search(folded):
        return [t for t in analyze(text) if t[0] in wanted]
    words = _WORD.findall(folded)
    if "'s" in folded:
        words = [w[:-2] if w.endswith("'s") and len(w) > 2 else w for w in words]
    if "-" in folded:
        chosen = [
            i
            for i, w in enumerate(words)
            if w in wanted or ("-" in w and any(p in wanted for p in w.split("-")))
        ]
    else:
        chosen = [i for i, w in enumerate(words) if w in wanted]
    if not chosen:
        return []
    matches = list(_WORD.finditer(folded))
    out: list[Token4] = []
    for i in chosen:
        word = words[i]
        a, b = matches[i].span()
        if "-" in word:
            out.extend(t for t in _with_parts([(word, i, a, b)]) if t[0] in wanted)
        else:
            out.append((word, i, a, b))
    if starts is not None and ends is not None:
        out = [(t, p, starts[a], ends[b - 1]) for t, p, a, b in out]
    return out


@lru_cache(maxsize=256)
def _words_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """Where any of ``words`` is a whole token or a part of a hyphenated token, in folded text
    without Hangul: not joined to a word before it by . or ' (a - may join: a part), then an
    optional possessive, then not joined to a word after it by . or '."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w])(?<![\w][.'])(?:{alternatives})(?:'s(?![.'-]\w))?(?![\w])(?![.']\w)"
    )


def word_spans(text: str, words: set[str]) -> list[tuple[int, int]] | None:
    """Spans in ``text`` of the tokens (or hyphenated words' parts) that are in ``words``,
    found by one regular expression; None when the text needs the analyzer (Hangul, or words
    that are not plain runs of letters and digits)."""
    folded, starts, ends = fold(text)
    if HAS_HANGUL.search(folded) or not all(w.isalnum() for w in words):
        return None
    out = []
    for m in _words_pattern(frozenset(words)).finditer(folded):
        a, b = m.span()
        if folded.endswith("'s", a, b) and a > 0 and folded[a - 1] == "-":
            b -= 2  # a part's span leaves out the whole word's possessive
        out.append((a, b) if starts is None or ends is None else (starts[a], ends[b - 1]))
    return out


def _with_parts(tokens: list[Token4]) -> list[Token4]:
    """Each hyphenated word followed by its parts, at its position, with their spans."""
    out: list[Token4] = []
    for token in tokens:
        out.append(token)
        word, pos, a, _b = token
        if "-" not in word:
            continue
        pieces = set(_parts(word))
        offset = 0
        for piece in word.split("-"):
            if piece in pieces:
                out.append((piece, pos, a + offset, a + offset + len(piece)))
                pieces.discard(piece)
            offset += len(piece) + 1
    return out


def _analyze_hangul(folded: str, parts: bool) -> list[Token4]:
    out: list[Token4] = []
    pos = 0
    for m in _WORD.finditer(folded):
        word = _unpossessive(m.group())
        a, b = m.start(), m.end()
        if HAS_HANGUL.search(word):
            for piece, pa, pb in _hangul_pieces(word):
                out.append((piece, pos, a + pa, a + pb))
                pos += 1
            continue
        token = (word, pos, a, b)
        out.extend(_with_parts([token]) if parts and "-" in word else [token])
        pos += 1
    return out


def index_stream(text: str) -> tuple[list[str], list[int] | None]:
    """The text field's tokens in stream order and their positions (None: token i is at
    position i): exactly the tokens of :func:`analyze`, found faster where there is no Hangul."""
    tokens, positions, _words = index_words(text)
    return tokens, positions


def index_words(text: str) -> tuple[list[str], list[int] | None, list[str] | None]:
    """:func:`index_stream`, and the whole words in position order (None when the text has
    Hangul: its bigrams are not words)."""
    folded, _starts, _ends = fold(text)
    if HAS_HANGUL.search(folded):
        tokens = analyze(text)
        return [t for t, _, _, _ in tokens], [p for _, p, _, _ in tokens], None
    words = _WORD.findall(folded)
    if "'s" in folded:  # (_unpossessive, inline: the call per word cost more than the test)
        words = [w[:-2] if w.endswith("'s") and len(w) > 2 else w for w in words]
    if "-" not in folded:
        return words, None, words
    hyphenated = [i for i, w in enumerate(words) if "-" in w]
    if not hyphenated:
        return words, None, words
    stream: list[str] = []
    positions: list[int] = []
    done = 0
    for i in hyphenated:
        stream.extend(words[done : i + 1])
        positions.extend(range(done, i + 1))
        parts = _parts(words[i])
        stream.extend(parts)
        positions.extend([i] * len(parts))
        done = i + 1
    stream.extend(words[done:])
    positions.extend(range(done, len(words)))
    return stream, positions, words


def index_tokens(text: str) -> list[str]:
    """The text field's tokens in stream order (see :func:`index_stream`)."""
    return index_stream(text)[0]


def words_of(text: str) -> list[str]:
    """The whole words of ``text`` in position order (no parts, no Hangul bigrams): what name
    forms are matched against."""
    return [_unpossessive(w) for w in _WORD.findall(fold(text)[0])]


def tokens_of(text: str) -> tuple[str, ...]:
    """The tokens a phrase of ``text`` searches for (no parts of hyphenated words)."""
    return tuple(t for t, _, _, _ in analyze(text, parts=False))


def plain_tokens(text: str) -> list[str]:
    """The source field's tokens (words, lowercased; no other filter)."""
    return [w.lower() for w in _WORD.findall(text)]


class PassageTokenizer(Tokenizer):  # type: ignore[misc]
    """Whoosh's analyzer for the text fields: the tokens of :func:`analyze` (parts of
    hyphenated words only when indexing, not in queries)."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Any]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            tokens: list[Token4] = [(_unpossessive(fold(value)[0]), 0, 0, len(value))]
        else:
            tokens = analyze(value, parts=mode != "query")
        for text, pos, a, b in tokens:
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = text
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = start_char + a
                t.endchar = start_char + b
            yield t


def text_analyzer() -> PassageTokenizer:
    """The text fields' analyzer (see :class:`PassageTokenizer`)."""
    return PassageTokenizer()


_STEMMER = snowballstemmer.stemmer("english")
_STEM_LOCK = threading.Lock()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball (Porter2) English stem of a lowercase word."""
    with _STEM_LOCK:  # a Snowball stemmer keeps state while it works
        return str(_STEMMER.stemWord(word))


def schema() -> Schema:
    """Fields of one passage in the index."""
    analyzer = text_analyzer()
    return Schema(
        pid=STORED,  # read back for each hit; never searched
        doc_id=ID(stored=True, sortable=True),
        text=TEXT(analyzer=analyzer, phrase=True, multitoken_query="phrase"),
        title=TEXT(analyzer=analyzer, phrase=True, multitoken_query="phrase"),
        source=TEXT(analyzer=RegexTokenizer(WORD_PATTERN) | LowercaseFilter()),
        src=ID(sortable=True),
        date=ID(stored=True, sortable=True),
        year=ID,
        month=ID,
        kind=KEYWORD(lowercase=True, commas=False),
        # one key per multi-word name group found in the passage (see fields.NameTable):
        # a name query is then one term lookup instead of a phrase over very common words
        names=KEYWORD(commas=False),
    )
