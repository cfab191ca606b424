"""Years and days written out in words ("nineteen seventy-eight", "two thousand and eighteen",
"May twenty-one"), read by rewriting them as figures before the grammar runs and mapping the
mentions' spans back onto the text as written (see :mod:`wpk_archive.core.dates`).

Rules:
- a year in words is "nineteen seventy-eight", "nineteen ten", "nineteen oh one" / "nineteen zero
  one", "nineteen hundred (and) ninety-three", "two thousand", "two thousand (and) eighteen",
  "one thousand eight hundred (and) twelve"; it is rewritten only where a clause or a date goes
  on after it (punctuation, the end of the text, a connector: "in two thousand and fourteen,")
  and where a preposition of time, a month or a day stands before it ("about two thousand." is a
  count), never before a noun ("two thousand and fourteen soldiers" is a count), and the figures then
  face the grammar's own tests (a bare year still needs the context a bare "1978" needs);
- a day in words is a cardinal of 1..31 next to a month word: "May twenty-one", "jan twenty two,
  2018", "twenty five January 1986"; after the month it is rewritten only before a clause end, a
  year or a connector ("in June three people died" keeps its count); before the month only where
  the month is followed by a clause end or a year;
- what is not rewritten is read as before (nothing here makes a date of its own)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace

from wpk_archive.core.date_parts import M_ANY, ORD_WORD
from wpk_archive.core.date_values import DateMention

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = (
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_VALUE: dict[str, int] = {w: n for n, w in enumerate(_UNITS, start=1)}
_VALUE.update({w: n for n, w in enumerate(_TEENS, start=10)})
_VALUE.update({w: n for n, w in enumerate(_TENS, start=2)})  # tens counted apart (x10)

_U = "(?:" + "|".join(_UNITS) + ")"
_T = "(?:" + "|".join(sorted(_TEENS, key=len, reverse=True)) + ")"
_X = "(?:" + "|".join(_TENS) + ")"
_SEP = r"(?:\s+|-)"
# 10..99 and 1..99 in words
_TWO = rf"(?:{_X}(?:{_SEP}{_U})?|{_T})"
_ANY99 = rf"(?:{_TWO}|{_U})"
_CENTURY = r"(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_YEAR_WORDS = (
    rf"(?:{_CENTURY}{_SEP}(?:hundred(?:\s+(?:and\s+)?{_ANY99})?|(?:oh|zero|o){_SEP}{_U}|{_TWO})"
    rf"|two\s+thousand(?:\s+(?:and\s+)?{_ANY99})?"
    rf"|one\s+thousand\s+{_U}\s+hundred(?:\s+(?:and\s+)?{_ANY99})?)"
)
_DAY_WORDS = rf"(?:thirty(?:{_SEP}one)?|twenty(?:{_SEP}{_U})?|{_T}|{_U})"
# where a clause or a date goes on: a spelled number is rewritten only before one of these
_GOES_ON = (
    r"(?=\s*(?:[.,;:!?)\]]|$)|\s+(?:and|to|till|until|through|thru|or|when|with|in|on|at|was|"
    r"were|is|will|the|a|an|this|that)\b|\s+\d{4}\b)"
)
_GOES_ON_YEAR = rf"(?:{_GOES_ON}|(?=\s+{_YEAR_WORDS}\b))"
_SPELLED = re.compile(
    rf"(?i)(?<![\w-])(?:"
    rf"(?P<y>{_YEAR_WORDS}){_GOES_ON}"
    rf"|(?P<md>{M_ANY}\s+(?:the\s+)?)(?P<d>{_DAY_WORDS}){_GOES_ON_YEAR}"
    rf"|(?P<d2>{_DAY_WORDS})(?=\s+(?:of\s+)?{M_ANY}(?:{_GOES_ON_YEAR}|\s*,?\s*\d{{4}}\b))"
    rf")(?![\w-])"
)
# what a year in words follows: a preposition of time, "the year", or a month or day
_YEAR_BEFORE = re.compile(
    rf"(?i:\b(?:in|since|until|till|from|to|through|by|of|before|after|during|and|year)\s+"
    rf"|{M_ANY}\s+|{ORD_WORD}\s+|\d(?:st|nd|rd|th)?,?\s+|,\s+|{_DAY_WORDS}\s+)$"
)
# a cheap test: some word a spelled year or day must contain
_KEYWORDS = ("thousand", "hundred", "teen", "twenty", "thirty", "ten", "eleven", "twelve")


def _words_value(words: str) -> int:
    """The number written by ``words`` (1..99): "twenty-one", "nineteen", "five"."""
    tokens = re.split(r"[\s-]+", words.lower())
    total = 0
    for token in tokens:
        if token in _TENS:
            total += _VALUE[token] * 10
        elif token in _VALUE:
            total += _VALUE[token]
    return total


def year_value(words: str) -> int | None:
    """The year written by ``words`` ("nineteen seventy-eight" -> 1978), None if not a year."""
    text = re.sub(r"[\s-]+", " ", words.lower().strip())
    if text.startswith("two thousand"):
        rest = text[len("two thousand") :].strip()
        rest = rest[4:] if rest.startswith("and ") else rest
        return 2000 + (_words_value(rest) if rest else 0)
    if text.startswith("one thousand"):
        parts = text[len("one thousand") :].split(" hundred")
        hundreds = _VALUE.get(parts[0].strip(), 0)
        rest = parts[1].strip() if len(parts) > 1 else ""
        rest = rest[4:] if rest.startswith("and ") else rest
        return 1000 + hundreds * 100 + (_words_value(rest) if rest else 0)
    head, _, rest = text.partition(" ")
    if head not in _TEENS:
        return None
    if rest.startswith("hundred"):
        rest = rest[len("hundred") :].strip()
        rest = rest[4:] if rest.startswith("and ") else rest
    elif rest.split(" ")[0] in ("oh", "zero", "o"):
        rest = rest.partition(" ")[2]
    return _VALUE[head] * 100 + (_words_value(rest) if rest else 0)


def spelled_out(text: str) -> tuple[str, list[tuple[int, int, int, int]]] | None:
    """``text`` with its spelled years and days as figures, and the rewrites as (start, end in the
    text, start, end in the result); None when nothing is rewritten."""
    lower = text.lower()
    if not any(word in lower for word in _KEYWORDS):
        return None
    pieces: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    at = shift = 0
    for match in _SPELLED.finditer(text):
        if match.group("y"):
            start, end = match.span("y")
            value = year_value(match.group("y"))
            if value is None or not _YEAR_BEFORE.search(text, max(0, start - 30), start):
                continue
            figures = str(value)
        else:
            name = "d" if match.group("d") else "d2"
            start, end = match.span(name)
            day = _words_value(match.group(name))
            if not 1 <= day <= 31:
                continue
            figures = str(day)
        pieces.append(text[at:start])
        pieces.append(figures)
        edits.append((start, end, start + shift, start + shift + len(figures)))
        shift += len(figures) - (end - start)
        at = end
    if not edits:
        return None
    pieces.append(text[at:])
    return "".join(pieces), edits


def _back(position: int, edits: list[tuple[int, int, int, int]], *, closing: bool) -> int:
    """A position in the rewritten text as a position in the text as written."""
    index = bisect.bisect_right([edit[2] for edit in edits], position) - 1
    if index < 0:
        return position
    start, end, new_start, new_end = edits[index]
    if position >= new_end:
        return position - new_end + end
    return end if closing and position > new_start else start


def read_spelled(text: str, read: Callable[[str], list[DateMention]]) -> list[DateMention] | None:
    """The mentions ``read`` finds in ``text`` with its spelled numbers as figures, their spans
    moved back onto ``text``; None when the text has no spelled year or day."""
    rewritten = spelled_out(text)
    if rewritten is None:
        return None
    figures, edits = rewritten
    return moved_back(text, read(figures), edits)


def moved_back(
    text: str, found: list[DateMention], edits: list[tuple[int, int, int, int]]
) -> list[DateMention]:
    """Mentions read in a rewritten text (``edits`` as :func:`spelled_out` gives them), their
    spans moved back onto ``text``, the text as written."""
    moved = []
    for mention in found:
        start = _back(mention.start, edits, closing=False)
        end = _back(mention.end, edits, closing=True)
        moved.append(replace(mention, start=start, end=end, text=text[start:end]))
    return moved
