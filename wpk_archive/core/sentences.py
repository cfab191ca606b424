"""Sentence boundaries with exact character spans (syntok underneath).

syntok is exact but slow (~1 ms per news article: pure Python, token by token). Most passages of
news text are plain ASCII prose, so :func:`sentence_spans` first tries a fast path that takes
syntok's decisions from a few regex scans and falls back to syntok itself (:func:`_syntok_spans`)
whenever the passage holds anything the fast path cannot decide exactly. The fast path never
guesses: it returns syntok's exact spans or None.

What the fast path relies on (syntok 1.4, ``segmenter.analyze``), for ASCII text:

- Tokens. The text is cut into paragraphs at blank lines and into chunks at whitespace. In a chunk,
  each non-alphanumeric character before the first letter/digit and after the last one is a token
  of its own ('"Juche".' -> '"' 'Juche' '"' '.'); the word between them is cut further at a
  lowercase->uppercase transition ("McDonald"), before an apostrophe followed by letters ("KCNA's"
  -> "KCNA" "'s"), at "(" ")" and "...", and at a hyphen, underscore, comma or semicolon between a
  letter and a letter/digit ("Pyongyang-based"; "2011-2012" stays whole). A "." inside a word
  ("U.S", "3.5") is part of it. A chunk without letters or digits is a single token.
- Decision points. A sentence can end only at a terminal token (. ! ? ; ...) or before an opening
  bracket. After the terminal, closing quotes written without a space join the sentence.
- The decision (``State._move_and_maybe_extract_terminal``) looks at the token before the terminal,
  the next token, and whether the token before is the first one of its sentence; it is mirrored
  step by step in :func:`_splits`.
- Bracketed text inside a sentence is skipped (no decision inside it) when the token before "(" is
  not the first of its sentence and the brackets are short.
- Spans. A sentence runs from its first token's offset to the end of its last token; without
  trailing whitespace, the last one ends at the end of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from syntok import segmenter
from syntok._segmentation_states import State
from syntok.tokenizer import Tokenizer

# The fast path only takes passages made of printable ASCII characters and single-byte spaces:
# - no whitespace but " ": a blank line starts a new paragraph, and Unicode or control spacing is
#   where Python's and syntok's ideas of whitespace may differ;
# - no non-ASCII: other scripts (Hangul), CJK terminals, curly quotes and Unicode
#   apostrophes/hyphens all have rules of their own in syntok;
# - no "[" "]" "{" "}" (rare; "(" ")" are checked by _brackets_are_skipped);
# - no leading or trailing space: syntok then ends the last sentence with an empty token at the
#   very end of the text, so its span would include the trailing whitespace.
_PLAIN = re.compile(r"[!-Z\\^-z|~](?:[ !-Z\\^-z|~]*[!-Z\\^-z|~])?")

_TERMINAL = re.compile(r"[.!?;]")
# The word of a chunk: from its first letter/digit to its last (searched between chunk bounds).
_WORD = re.compile(r"[A-Za-z0-9](?:[^ ]*[A-Za-z0-9])?")
# A plain run of letters and digits (a word that syntok cuts only at case transitions).
_RUN = re.compile(r"[A-Za-z0-9]+")
# A lowercase letter directly followed by an uppercase one: syntok cuts the word there.
_CASE_CUT = re.compile(r"(?<=[a-z])[A-Z]")
# A bracket pair with no bracket inside.
_GROUP = re.compile(r"\([^()]*\)")

_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Characters that may end a terminal's tail (terminal, closing quote, closing bracket).
_TAIL_END = frozenset(".!?;\"')")

_STARTERS: frozenset[str] = State.starters
_ABBREVIATIONS: frozenset[str] = State.abbreviations
_ROMAN: frozenset[str] = State.roman_numerals
_MONTHS: frozenset[str] = State.months
_VOWELS: frozenset[str] = State.vowels

# Bracketed text is skipped by syntok only up to 50 tokens and 70 characters; 48 characters are
# always under both limits.
_MAX_GROUP = 48

_TOKENIZER = Tokenizer(replace_not_contraction=False)  # as segmenter.analyze tokenizes


# An abbreviation that syntok lets end a sentence before a number it does not take for a day
# ("from Dec. 26-30, 2023", "on Sept. 8th", "No. 26-30"): the number belongs to it.
_BEFORE_NUMBER = re.compile(
    r"(?:^|(?<=[\s(\[\-–—]))(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Art|Vol)\.$"
)


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Half-open spans of the sentences of ``text``, shifted by ``offset``.

    Spans exclude surrounding whitespace; every span lies inside ``text``. The spans are syntok's
    (see the module docstring; plain passages are decided without running it), except that a
    month or number abbreviation never ends a sentence before a number ("Dec. 26-30", "Sept.
    8th", "No. 26-30"), where syntok splits.
    """
    spans = _fast_spans(text)
    if spans is None:
        spans = _syntok_spans(text)
    spans = _rejoin_numbers(text, spans)
    if offset:
        return [(start + offset, end + offset) for start, end in spans]
    return spans


def _rejoin_numbers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with a sentence that ends in a month or number abbreviation joined to the next
    one when that starts with a digit."""
    if len(spans) < 2:
        return spans
    joined = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = joined[-1]
        if text[start : start + 1].isdigit() and _BEFORE_NUMBER.search(
            text, max(last_start, last_end - 6), last_end
        ):
            joined[-1] = (last_start, end)
        else:
            joined.append((start, end))
    return joined


def _syntok_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """The reference: sentence spans as syntok segments ``text``, shifted by ``offset``."""
    spans: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            if not sentence:
                continue
            first = sentence[0]
            last = sentence[-1]
            start = first.offset
            end = last.offset + len(last.value)
            if end > start:
                spans.append((start + offset, end + offset))
    return spans


def _fast_spans(text: str) -> list[tuple[int, int]] | None:
    """syntok's spans for a plain passage, or None when the passage needs syntok itself."""
    # "...": a token of its own even inside a word, with rules of its own; rare in news text
    if "..." in text or not _PLAIN.fullmatch(text):
        return None
    if ("(" in text or ")" in text) and not _brackets_are_skipped(text):
        return None
    size = len(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _TERMINAL.finditer(text):
        at = match.start()
        chunk_start = text.rfind(" ", 0, at) + 1
        chunk_end = text.find(" ", at)
        if chunk_end < 0:
            chunk_end = size
        word = _WORD.search(text, chunk_start, chunk_end)
        if word is None or at < word.start():
            return None  # a chunk of punctuation only ('".'), or a terminal before a word (".5")
        if at < word.end():
            # Inside a word ("U.S", "3.5", "a.m"): not a token of its own, no decision, unless
            # syntok cuts the word there: a semicolon next to a letter, or a terminal between a
            # lowercase and an uppercase letter ("end.Next").
            if match.group() == ";" or (text[at - 1] in _LOWER and text[at + 1] in _UPPER):
                return None
            continue
        rest = text[at + 1 : chunk_end]
        if rest in (",", ":"):
            continue  # "U.S., Japan": a comma or colon next never starts a sentence
        if rest not in ("", '"', "'"):
            # two terminals ("?!"), or a quote and more punctuation: not modelled
            return None
        if chunk_end == size:
            break  # the last sentence ends at the end of the text, whatever is decided here
        following = chunk_end + 1
        while text[following] == " ":
            following += 1
        split = _splits(text, at, chunk_start, word.start(), word.end(), following)
        if split is None:
            return None
        if split:
            spans.append((start, chunk_end))
            start = following
    spans.append((start, size))
    return spans


def _brackets_are_skipped(text: str) -> bool:
    """Whether syntok skips every "(...)" of ``text`` as part of the current sentence.

    That holds when the brackets pair up without nesting, each pair is short (see _MAX_GROUP) and
    holds no terminal, and the token before "(" is not the first of its sentence: for a first
    token, syntok decides whether to split after the closing bracket, and a sentence that opens
    with a bracket has rules of its own. A terminal right before "(" stops the fast path in
    _fast_spans (the token after a terminal may not be a bracket).
    """
    groups = 0
    for group in _GROUP.finditer(text):
        groups += 1
        begin, end = group.span()
        if end - begin > _MAX_GROUP or _TERMINAL.search(text, begin, end):
            return False
        # each bracket must be a token of its own: in a chunk without letters or digits the whole
        # chunk is one token ("(1998, )," ends with the token "),", which closes nothing)
        if not (_has_alnum(text, begin) and _has_alnum(text, end - 1)):
            return False
        # "(" after one space and a token that syntok moved one step ("word (", not ") (": after
        # skipping bracketed text syntok decides again at an opening bracket)
        if begin < 2 or text[begin - 1] != " " or text[begin - 2] in " )":
            return False
        # and the chunk before it must not possibly start a sentence
        if _may_start_sentence(text, text.rfind(" ", 0, begin - 1) + 1):
            return False
    return groups == text.count("(") == text.count(")")


def _may_start_sentence(text: str, chunk_start: int) -> bool:
    """Whether the first token of the chunk at ``chunk_start`` may be one that syntok handles as
    the first of a sentence (its FirstToken state).

    syntok's FirstToken moves one token right after a decision (or at the start), and the tokens
    before a decision point are a terminal and its tail (closing quotes and brackets). So a token
    can only be in that state when it opens the passage or comes right after one of
    . ! ? ; " ' ) (conservatively, any of them counts, even one that ends no terminal's tail).
    """
    end = chunk_start
    while end > 0 and text[end - 1] == " ":
        end -= 1
    return end == 0 or text[end - 1] in _TAIL_END


def _has_alnum(text: str, at: int) -> bool:
    """Whether the chunk (run of non-spaces) around ``text[at]`` holds a letter or digit."""
    start = text.rfind(" ", 0, at) + 1
    end = text.find(" ", at)
    return _WORD.search(text, start, len(text) if end < 0 else end) is not None


def _splits(
    text: str, at: int, chunk_start: int, word_start: int, word_end: int, following: int
) -> bool | None:
    """syntok's decision at the terminal ``text[at]``: True to split, False not to, None when the
    fast path cannot tell. The next chunk starts at ``following``.

    The steps mirror ``State._move_and_maybe_extract_terminal`` in order. The token after the
    terminal ("token_after" there) is either a closing quote or the next token; it only matters
    when it is a bracket or ".", which the fast path never lets through.
    """
    lead = text[following]
    if lead in _LOWER:
        return False  # a lowercase word next: never a split
    if lead in ",;:().!?":
        # inner punctuation next keeps the sentence; a terminal or closing bracket joins it; an
        # opening bracket has rules of its own
        return None
    before, first_in_chunk = _token_before(text, at, chunk_start, word_start, word_end)
    # whether syntok may take the token before the terminal for the first of its sentence
    maybe_first = first_in_chunk and _may_start_sentence(text, chunk_start)
    single = len(before) == 1 or before in _ROMAN
    if not (
        single
        or before in _ABBREVIATIONS
        or before in ("no", "No", "NO")
        or before.isnumeric()
        or "." in before
        or lead.isdigit()
    ):
        # With a plain word before and no digit next, every remaining step says "split"
        # (a sentence starter next says so too).
        return True
    after = _first_token(text, following)
    if after in _STARTERS:  # a sentence starter next splits, after all but a first single token
        if not single:
            return True
        return None if maybe_first else True
    if before in _ABBREVIATIONS:  # "Mr. Kim", "Mt. Paektu"
        return False
    if before in ("no", "No", "NO") and after.isalnum() and any(c.isnumeric() for c in after):
        return False  # "No. 1"
    if after.isnumeric() and len(after) > 2:
        return False  # "... in the year. 2012 ..." (a large number next)
    if before.isnumeric() and after in _MONTHS:
        return False  # "5. Jan"
    if before in _MONTHS and after.isnumeric():
        return False  # "Sept. 9"
    if "." in before:
        return False  # "U.S. Army"
    if single:
        if before.isupper():
            return False  # initials ("Valery E. Sukhanov"), roman numerals
        if maybe_first:
            return None  # syntok does not split after a first single character
    # a single consonant: no split; anything else: split
    return not (len(before) == 1 and before.isalpha() and before not in _VOWELS)


def _token_before(
    text: str, at: int, chunk_start: int, word_start: int, word_end: int
) -> tuple[str, bool]:
    """The token before the terminal ``text[at]`` (which follows the word of its chunk), and
    whether that token is the first of its chunk."""
    if at > word_end:
        # punctuation after the word ('"Juche".', "(WPK)."): each character is a token
        return text[at - 1], False
    if _RUN.fullmatch(text, word_start, word_end):
        # a plain run of letters and digits: cut only where lowercase meets uppercase
        cut = max((m.start() for m in _CASE_CUT.finditer(text, word_start, word_end)), default=0)
        if cut:
            return text[cut:at], False
        return text[word_start:at], word_start == chunk_start
    # anything else ("U.S.", "KCNA's.", "Pyongyang-based."): tokenize the chunk as syntok does
    tokens = list(_chunk_tokens(text, chunk_start, at + 1))
    return tokens[-2], len(tokens) == 2


def _first_token(text: str, start: int) -> str:
    """The first token of the chunk starting at ``start``."""
    end = text.find(" ", start)
    return next(_chunk_tokens(text, start, len(text) if end < 0 else end))


def _chunk_tokens(text: str, start: int, end: int) -> Iterator[str]:
    """Values of syntok's tokens of ``text[start:end]`` (no whitespace inside)."""
    return (token.value for token in _TOKENIZER.tokenize(text[start:end]))
