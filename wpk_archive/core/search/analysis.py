"""Analysis: how passage text and query words become index tokens, and the index schema.

Words are indexed once, unstemmed (lowercased, possessive 's dropped, Hangul runs as overlapping
bigrams). English stemming happens at query time (:mod:`.query`): a word becomes an Or of the
vocabulary words that share its stem, so phrases stay exact without a second stemmed field.
``ANALYZER_VERSION`` says when an index written by another version must be rebuilt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from whoosh.analysis import Analyzer, Filter, LowercaseFilter, RegexTokenizer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.lang.porter import stem as porter_stem

ANALYZER_VERSION = 4
HANGUL = "\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3"
WORD_PATTERN = r"[\w\u3131-\u318e\uac00-\ud7a3]+(?:[.'’-][\w\u3131-\u318e\uac00-\ud7a3]+)*"
TEXT_FIELDS = ("text", "title")
QUERY_FIELDS = ("text", "title", "source", "kind", "date")
HANGUL_RUN = re.compile(f"[{HANGUL}]+|[^{HANGUL}]+")
HAS_HANGUL = re.compile(f"[{HANGUL}]")
STEMMABLE = re.compile(r"^[a-z]+$")


class WordFilter(Filter):  # type: ignore[misc]
    """Normalizes apostrophes, drops a possessive 's, and splits Hangul runs into bigrams.

    Korean attaches particles to words (학교에, 조선로동당의): indexing overlapping character
    bigrams lets 학교 find 학교에, and a longer word is searched as the phrase of its bigrams.
    Positions are renumbered so every emitted token has its own.
    """

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        pos = 0
        for t in tokens:
            text = t.text.replace("’", "'")
            if text.endswith("'s") and len(text) > 2:
                text = text[:-2]
            if not HAS_HANGUL.search(text):
                t.text = text
                if t.positions:
                    t.pos = pos
                pos += 1
                yield t
                continue
            chars = bool(t.chars)
            start, end = (t.startchar, t.endchar) if chars else (0, 0)
            aligned = chars and end - start == len(t.text)
            for m in HANGUL_RUN.finditer(text):
                run = m.group()
                if HAS_HANGUL.match(run) and len(run) >= 2:
                    pieces = [
                        (run[i : i + 2], m.start() + i, m.start() + i + 2)
                        for i in range(len(run) - 1)
                    ]
                else:
                    pieces = [(run, m.start(), m.end())]
                for piece, a, b in pieces:
                    t.text = piece
                    if t.positions:
                        t.pos = pos
                    if chars:
                        t.startchar, t.endchar = (start + a, start + b) if aligned else (start, end)
                    pos += 1
                    yield t


def text_analyzer() -> Analyzer:
    """Words (Latin and Hangul), lowercased, unstemmed (stemming is a query-time expansion)."""
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | WordFilter()


def tokens_of(text: str) -> tuple[str, ...]:
    """The index tokens of ``text`` (what a phrase of it searches for)."""
    return tuple(t.text for t in text_analyzer()(text, mode="query"))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Porter stem of a lowercase English word."""
    return str(porter_stem(word))


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
        # one key per multi-word name group found in the passage (see PassageIndex.name_keys):
        # a name query is then one term lookup instead of a phrase over very common words
        names=KEYWORD(commas=False),
    )


_LATIN_WORD = re.compile(WORD_PATTERN)


def latin_tokens(text: str) -> list[str]:
    """The text field's tokens for Latin-script text (what WordFilter yields outside Hangul)."""
    return [_unpossessive(w) for w in _LATIN_WORD.findall(text.lower())]


def index_tokens(text: str) -> list[str]:
    """The text field's tokens in position order: exactly what :func:`text_analyzer` yields.

    One regular expression over the lowercased text where that is exact (no Hangul, and
    lowercasing keeps every character a single character); the analyzer itself otherwise.
    """
    lowered = text.lower()
    if len(lowered) != len(text) or HAS_HANGUL.search(text):
        return [t.text for t in text_analyzer()(text, mode="index")]
    words = _LATIN_WORD.findall(lowered)
    if "'" in lowered or "’" in lowered:
        words = [_unpossessive(w) for w in words]
    return words


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Each index token of ``text`` with its character span (as the analyzer reports them)."""
    lowered = text.lower()
    if len(lowered) != len(text) or HAS_HANGUL.search(text):
        return [
            (t.text, t.startchar, t.endchar)
            for t in text_analyzer()(text, chars=True, mode="index")
        ]
    if "'" in lowered or "’" in lowered:
        return [(_unpossessive(m[0]), m.start(), m.end()) for m in _LATIN_WORD.finditer(lowered)]
    return [(m[0], m.start(), m.end()) for m in _LATIN_WORD.finditer(lowered)]


def _unpossessive(word: str) -> str:
    word = word.replace("’", "'")
    return word[:-2] if word.endswith("'s") and len(word) > 2 else word


def plain_tokens(text: str) -> list[str]:
    """The source field's tokens (words, lowercased; no other filter)."""
    return [w.lower() for w in _LATIN_WORD.findall(text)]
