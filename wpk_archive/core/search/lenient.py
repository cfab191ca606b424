"""Lenient reading of a query as typed: what cannot be read is dropped, with a note for each.

Unbalanced quotes and brackets, lone or doubled operators (``NOT NOT x`` is ``x``), unknown
fields and empty ones (``title:`` with nothing after it) never make a search fail: the rest is
searched and the notes say what was dropped. A query too long to answer quickly is refused.
"""

from __future__ import annotations

import re

from wpk_archive.core.search.analysis import QUERY_FIELDS

MAX_QUERY_CHARS = 2000
"""Longer queries are refused (with a message): they cannot be answered quickly."""
_CHUNK = re.compile(r'"[^"]*"\S*|\S+')
_FIELD = re.compile(r'(?<![\w"\\])([A-Za-z_][\w]*):(?=\S)')
_EMPTY_FIELD = re.compile(r'(?<![\w"\\])([A-Za-z_][\w]*):(?=\s|$)')
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_BRACKETS = {")": "(", "]": "[", "}": "{"}


class QueryError(ValueError):
    """The user's query cannot be searched as written; the message says why, for the user."""


def clean_query(text: str) -> tuple[str, list[str]]:
    """The query with what cannot be read removed, and a note on each removal."""
    notes: list[str] = []
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"The query is {len(text):,} characters long; at most {MAX_QUERY_CHARS:,} can be "
            "searched. Shorten it."
        )
    if text.count('"') % 2:
        cut = text.rfind('"')
        text = text[:cut] + " " + text[cut + 1 :]
        notes.append('A quote (") was not closed; it was ignored.')
    text, bracket_note = _balance_brackets(text)
    if bracket_note:
        notes.append(bracket_note)
    text = _fix_fields(text, notes)
    text = _drop_lone_operators(text, notes)
    return text.strip(), notes


def _outside_quotes(text: str) -> list[bool]:
    inside = False
    flags = []
    for ch in text:
        if ch == '"':
            inside = not inside
            flags.append(False)
        else:
            flags.append(not inside)
    return flags


def _balance_brackets(text: str) -> tuple[str, str | None]:
    outside = _outside_quotes(text)
    stack: list[int] = []
    drop: set[int] = set()
    for i, ch in enumerate(text):
        if not outside[i]:
            continue
        if ch in "([{":
            stack.append(i)
        elif ch in _BRACKETS:
            if stack and text[stack[-1]] == _BRACKETS[ch]:
                stack.pop()
            else:
                drop.add(i)
    drop.update(stack)
    if not drop:
        return text, None
    kept = "".join(" " if i in drop else ch for i, ch in enumerate(text))
    return kept, "Unmatched brackets were ignored."


def _fix_fields(text: str, notes: list[str]) -> str:
    outside = _outside_quotes(text)
    empty: list[str] = []

    def drop_empty(m: re.Match[str]) -> str:
        if not outside[m.start()] or m.group(1).lower() not in QUERY_FIELDS:
            return m.group(0)
        empty.append(m.group(1).lower())
        return " " * len(m.group(0))  # same length: the flags above stay aligned

    text = _EMPTY_FIELD.sub(drop_empty, text)
    if empty:
        names = ", ".join(f"{n}:" for n in dict.fromkeys(empty))
        notes.append(
            f"{names} needs a word right after it (title:congress, date:2012); it was ignored."
        )
    unknown: list[str] = []

    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        if not outside[m.start()]:
            return m.group(0)
        if name.lower() in QUERY_FIELDS:
            return name.lower() + ":"
        unknown.append(name)
        return ""

    text = _FIELD.sub(repl, text)
    if unknown:
        names = ", ".join(f"{n}:" for n in dict.fromkeys(unknown))
        notes.append(
            f"Unknown field {names} (fields are title:, source:, kind:, date:); "
            "its words were searched in the text."
        )
    return text


def _drop_lone_operators(text: str, notes: list[str]) -> str:
    chunks = _collapse_nots(_CHUNK.findall(text))
    kept: list[str] = []
    dropped: list[str] = []
    for i, chunk in enumerate(chunks):
        if chunk in OPERATORS:
            prev = kept[-1] if kept else None
            nxt = chunks[i + 1] if i + 1 < len(chunks) else None
            binary = chunk != "NOT"
            if (
                nxt is None
                or nxt in OPERATORS - {"NOT"}
                or nxt.startswith((")", "]", "}"))
                or (
                    binary and (prev is None or prev in OPERATORS or prev.endswith(("(", "[", "{")))
                )
            ):
                dropped.append(chunk)
                continue
        kept.append(chunk)
    if dropped:
        ops = ", ".join(dict.fromkeys(dropped))
        notes.append(f"{ops} needs words on both sides (NOT: after it); it was ignored.")
    return " ".join(kept)


def _collapse_nots(chunks: list[str]) -> list[str]:
    """NOT NOT x is x: a run of NOTs is one NOT when odd, none when even."""
    out: list[str] = []
    i = 0
    while i < len(chunks):
        if chunks[i] != "NOT":
            out.append(chunks[i])
            i += 1
            continue
        j = i
        while j < len(chunks) and chunks[j] == "NOT":
            j += 1
        if (j - i) % 2:
            out.append("NOT")
        i = j
    return out
