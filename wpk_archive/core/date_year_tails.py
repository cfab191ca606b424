"""A year told after a yearless date in a form the grammar does not join to it: with an apostrophe
after a month written in lower case or after a date the grammar reads whole ("jan '80", "thirty
first of december '80", "2nd thursday in sept. '02"), or as "in the year" ("the first of December
in the year 1980", "1st oct in the year '89"). Read by rewriting the year as four figures right
after the date ("jan 1980", "the first of December 1980") before the grammar runs, and mapping
the mentions' spans back onto the text as written, as :mod:`.date_spelled` does (see
:mod:`wpk_archive.core.dates`).

Rules:
- the year must follow a month word, alone or with its day number ("oct", "sept.", "December
  1st", "may 2nd"), after a space or a comma;
- an apostrophe year is two figures not followed by a letter, a figure or another apostrophe
  ("the '80s" is a decade, "Dec '80's" nothing), its century as for numeric dates (the latest
  year ending in those figures no more than ten years after the publication);
- "in the year" is dropped only before a four-figure or an apostrophe year;
- what is rewritten still faces the grammar's own tests (a lower-case "may" still needs its day
  or year), and nothing here makes a date of its own."""

from __future__ import annotations

import re
from collections.abc import Callable

from wpk_archive.core.date_numeric import two_digit_year
from wpk_archive.core.date_parts import M_ANY
from wpk_archive.core.date_spelled import moved_back
from wpk_archive.core.date_values import DateMention

_TAIL = re.compile(
    rf"{M_ANY}\.?(?:\s+(?:the\s+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)?,?\s+"
    r"(?P<y>(?P<iy>(?i:in\s+the\s+year)\s+)?(?:['’](?P<yy>\d\d)|(?P<y4>\d{4})))(?![\w'’]|[.,]\d)"
)


def year_tails(
    text: str, doc_year: int | None
) -> tuple[str, list[tuple[int, int, int, int]]] | None:
    """``text`` with its year tails rewritten as four figures, and the rewrites as (start, end in
    the text, start, end in the result); None when nothing is rewritten."""
    if "'" not in text and "’" not in text and "year" not in text.lower():
        return None
    pieces: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    at = shift = 0
    for match in _TAIL.finditer(text):
        if match.group("yy") is not None:
            figures = str(two_digit_year(int(match.group("yy")), doc_year))
        elif match.group("iy"):
            figures = match.group("y4")
        else:
            continue
        start, end = match.span("y")
        pieces.append(text[at:start])
        pieces.append(figures)
        edits.append((start, end, start + shift, start + shift + len(figures)))
        shift += len(figures) - (end - start)
        at = end
    if not edits:
        return None
    pieces.append(text[at:])
    return "".join(pieces), edits


def read_year_tails(
    text: str, read: Callable[[str], list[DateMention]], doc_year: int | None
) -> list[DateMention]:
    """The mentions ``read`` finds in ``text`` with its year tails as four figures, their spans
    moved back onto ``text``."""
    rewritten = year_tails(text, doc_year)
    if rewritten is None:
        return read(text)
    figures, edits = rewritten
    return moved_back(text, read(figures), edits)


__all__ = ["read_year_tails", "year_tails"]
