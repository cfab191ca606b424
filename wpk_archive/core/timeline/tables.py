"""The rows of a table of one body's meetings, copied from a reference page as text.

A page about one body and term ("8th Politburo of the Workers' Party of Korea", "14th Supreme
People's Assembly") lists its meetings in rows that name them by their number alone::

    Plenum          Start–end        Length
    1st Meeting     4 June 2021      1 day
    2nd Enlarged Meeting[3]  30 June 2021   1 day
    1st Session     11–12 April 2019 2 days

The sentence reader cannot tell whose "1st Meeting" a row is; the page's title (or its opening
lines) can. Each row that starts with an ordinal and a meeting noun and goes on with a date is read
as that body's meeting, with the row's date (cells apart by tabs, by " | " as a copied wiki table
has them, or one a line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wpk_archive.core.dates import find_dates
from wpk_archive.core.models import Document, EventMention, Passage
from wpk_archive.core.timeline.discourse import Context, key_and_name
from wpk_archive.core.timeline.names import find_meetings, ordinal_text

_T = r"(?P<t>\d{1,2})(?:st|nd|rd|th)\s+"
_BODIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "politburo",
        re.compile(
            rf"\b{_T}(?:Politburo|Political\s+Bureau)\b"
            r"|\b(?:Politburo|Political\s+Bureau)\s+of\s+the\s+(?P<t2>\d{1,2})(?:st|nd|rd|th)\s+"
            r"Central\s+Committee"
        ),
    ),
    (
        "standing",
        re.compile(
            rf"\b{_T}(?:Standing\s+Committee\s+of\s+the\s+Supreme\s+People['’]s\s+Assembly|"
            r"SPA\s+Standing\s+Committee)"
        ),
    ),
    ("spa", re.compile(rf"\b{_T}Supreme\s+People['’]s\s+Assembly\b")),
    ("secretariat", re.compile(rf"\b{_T}Secretariat\b")),
    ("cc", re.compile(rf"\b{_T}Central\s+Committee\b(?!\s+of\s+the\s+(?!Workers|WPK|KWP|Korean))")),
)
"""The body a page is about, as its title or opening names it with its term."""

_NAMES = {
    "politburo": "{n} {mods}Meeting of the Political Bureau of the {t} Central Committee of the WPK",
    "standing": "{n} Plenary Meeting of the {t} Standing Committee of the Supreme People's Assembly",
    "spa": "{n} Session of the {t} Supreme People's Assembly",
    "secretariat": "{n} Meeting of the Secretariat of the {t} Central Committee of the WPK",
    "cc": "{n} {mods}Plenary Meeting of the {t} Central Committee of the WPK",
}
_NOUNS = {
    "politburo": ("meeting",),
    "standing": ("plenary meeting", "plenary session", "meeting", "plenum"),
    "spa": ("session",),
    "secretariat": ("meeting",),
    "cc": ("plenary meeting", "plenary session", "plenum"),
}

_ROW = re.compile(
    r"^[ \t|]*(?P<n>\d{1,2})(?:st|nd|rd|th)\s+"
    r"(?P<mods>(?:(?:Enlarged|Extended|Expanded|Emergency|Consultative)\s+)*)"
    r"(?P<noun>(?:Plenary\s+)?(?:Meeting|Session)|Plenum)(?:\s*\[[^\]\n]{0,12}\])*"
    r"(?:[ \t|,:–-]+|[ \t]*\n[ \t|]*)(?P<rest>[^\n]{4,})$",  # (cells on one line, or one a line)
    re.MULTILINE | re.IGNORECASE,
)


_ROW_START = re.compile(r"(?m)^[ \t|]*\d{1,2}(?:st|nd|rd|th)\s")


def may_hold_rows(text: str) -> bool:
    """Whether a passage has a line that starts like a row of meetings ("2nd Enlarged Meeting")."""
    if text[:1].isdigit():
        return True
    return "\n" in text and _ROW_START.search(text) is not None


@dataclass(frozen=True)
class TableBody:
    """The body and term of the page's table of meetings."""

    body: str
    term: int


def table_body(doc: Document) -> TableBody | None:
    """The body whose meetings the page lists, from its title or opening (None: no such page)."""
    lead = doc.title + "\n" + doc.text[:300].split("\n\n")[0]
    for body, pattern in _BODIES:
        match = pattern.search(lead)
        if match is not None:
            term = match.group("t") or (match.groupdict().get("t2") or "")
            if term:
                return TableBody(body, int(term))
    return None


def table_rows(
    doc: Document, passage: Passage, body: TableBody, ctx: Context
) -> list[EventMention]:
    """The meetings of ``body`` that the passage's rows list, each with its row's date."""
    mentions: list[EventMention] = []
    if ctx.foreign:
        return mentions  # (a page about another party's committee)
    for row in _ROW.finditer(passage.text):
        noun = re.sub(r"\s+", " ", row.group("noun").lower())
        if noun not in _NOUNS[body.body]:
            continue
        dates = find_dates(row.group("rest"), doc_date=doc.date)
        if not dates or dates[0].start > 2 or dates[0].precision not in ("day", "month"):
            continue
        date = dates[0]
        if date.start_date is None:
            continue
        name = _NAMES[body.body].format(
            n=ordinal_text(int(row.group("n"))),
            t=ordinal_text(body.term),
            mods=" ".join(w.capitalize() for w in row.group("mods").split())
            + (" " if row.group("mods").strip() else ""),
        )
        named = find_meetings(name)[0]
        if not named:
            continue
        ref = key_and_name(named[0], ctx)
        start, end = passage.start + row.start(), passage.start + row.end()
        mentions.append(
            EventMention(
                doc_id=doc.id,
                passage=passage.ordinal,
                start=start,
                end=end,
                quote=doc.text[start:end],
                kind=ref.kind,
                name=ref.name,
                key=ref.key,
                start_date=date.start_date,
                end_date=date.end_date,
                precision=date.precision,
                year_inferred=date.year_inferred,
                ambiguous=ref.ambiguous,
                status="held",
                basis="text",
                doc_date=doc.date,
            )
        )
    return mentions


__all__ = ["TableBody", "may_hold_rows", "table_body", "table_rows"]
