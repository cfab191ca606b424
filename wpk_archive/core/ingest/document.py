"""Text -> a Document with passages: normalisation, paragraphing, title and date lines.

Every format reader ends here (:func:`document_from_text`), so every document is stored alike:
NFC text, universal newlines, passages with exact offsets (and the page of a PDF).
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from wpk_archive.core import validation
from wpk_archive.core.dates import MONTHS
from wpk_archive.core.models import Document, Passage

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
# "February 21, 2021" or "21 February 2021" or "2021-02-21", alone at the end of a line,
# optionally after a publisher's "Volume 51 Number 5 -" style prefix ending in a dash or comma.
_DATE_LINE = re.compile(
    rf"""^(?:.{{0,80}}?[-–—,:]\s*)?
    (?:
      (?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})
    | (?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE})\.?,?\s+(?P<y2>\d{{4}})
    | (?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True)
class Refusal:
    """A file (or a line of one) that could not be imported, and why."""

    path: str
    problem: str
    line: int | None = None
    kind: str = "refused"
    """"refused" (not imported: a problem), "repaired" (imported after a repair, ``problem``
    says which) or "skipped" (left out on purpose: another file type, hidden)."""

    @property
    def repaired(self) -> bool:
        """Whether this is a note rather than a refusal (the item was imported, or left out
        on purpose)."""
        return self.kind != "refused"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.problem}"


def content_hash(text: str) -> str:
    """Hash identifying a document's content (its normalized text)."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def document_id(origin: str) -> str:
    """Stable document id from where the document comes from (path, URL or bundled name)."""
    return hashlib.sha1(origin.encode("utf-8", errors="surrogatepass")).hexdigest()[:12]


# kcna.kp sets the leaders' names in a styled span, and copies of its pages lose the spaces around
# it: "respected ComradeKim Jong Unwas", "PresidentKim Il Sungand ChairmanKim Jong Il" (444 of
# the corpus's 1,039 articles of 2023-24, 1,653 times). Such a name is then not a word of its own
# and a search for it misses the passage. No English word runs on from or into these names (all
# 1,700 cases over the corpus are gluings), so a space is put back.
_GLUED_LEADER = re.compile(
    r"(?<=[A-Za-z])(?=Kim (?:Il Sung|Jong Il|Jong Un|Jong Suk))"
    r"|(?:(?<=Kim Il Sung)|(?<=Kim Jong Il)|(?<=Kim Jong Un)|(?<=Kim Jong Suk))(?=[A-Za-z])"
)


def unglue_leader_names(text: str) -> str:
    """The text with a space put back where a copy of kcna.kp lost it around a leader's name."""
    if "Kim " not in text:
        return text
    return _GLUED_LEADER.sub(" ", text)


def normalize_text(text: str) -> str:
    """Text as stored: NFC (decomposed Hangul and accents composed, so a search finds them),
    universal newlines, no BOM, no NULs, trailing whitespace of lines kept, the spaces that copies
    of kcna.kp lose around a leader's name put back (:func:`unglue_leader_names`)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = unglue_leader_names(text.replace("\x00", ""))
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


MAX_PASSAGE_CHARS = 20_000
"""A paragraph longer than this (the longest of the 122,527 KCNA paragraphs has 6,303
characters) is split into passages of at most this size, at a sentence end when there is one:
every per-passage step (dating, summaries, indexing, snippets) then has a bounded cost."""
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*(?=\s)""")
_SPACE = re.compile(r"\s+")


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as pieces of at most MAX_PASSAGE_CHARS, cut after the last sentence
    end in the second half of each piece (else at the last space, else anywhere)."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_PASSAGE_CHARS:
        low, high = start + MAX_PASSAGE_CHARS // 2, start + MAX_PASSAGE_CHARS
        cut = None
        for match in _SENTENCE_END.finditer(text, low, high):
            cut = match.end()
        if cut is None:
            for match in _SPACE.finditer(text, low, high):
                cut = match.start()
        if cut is None or cut <= start:
            cut = high
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def split_passages(
    doc_id: str, text: str, page_starts: Sequence[int] | None = None
) -> list[Passage]:
    """Paragraphs of ``text`` as passages with exact offsets (whitespace trimmed).

    Paragraphs are separated by blank lines; a text that has no blank line at all (some feeds
    lose them) is split at single newlines instead. A paragraph over MAX_PASSAGE_CHARS becomes
    several passages. ``page_starts`` (the offset where each page begins, page 1 first) gives
    every passage the page it starts on.
    """
    if _PARAGRAPH_BREAK.search(text):
        bounds = []
        position = 0
        for match in _PARAGRAPH_BREAK.finditer(text):
            bounds.append((position, match.start()))
            position = match.end()
        bounds.append((position, len(text)))
    else:
        bounds = []
        position = 0
        for line in text.split("\n"):
            bounds.append((position, position + len(line)))
            position += len(line) + 1
    passages: list[Passage] = []
    for start, end in (piece for bound in bounds for piece in _split_long(text, *bound)):
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        real_start = start + lead
        real_end = real_start + len(stripped)
        page = bisect.bisect_right(page_starts, real_start) if page_starts else None
        passages.append(
            Passage(doc_id, len(passages) + 1, real_start, real_end, stripped, page or None)
        )
    return passages


def first_line_title(text: str) -> str:
    """The first non-empty line, as a title."""
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:300]
    return ""


def find_date_line(text: str) -> str | None:
    """The publication date given by a date line of its own, as YYYY-MM-DD, or None.

    Looks at the first and last few non-empty lines. A date line is a line that ends with a full
    date and has no sentence after it ("Volume 51 Number 5 - February 21, 2021"); a photo caption
    ("January 14, 2021. Celebrations following ...") is not one.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    candidates = lines[-8:][::-1] + lines[:3]
    for line in candidates:
        match = _DATE_LINE.match(line)
        if not match:
            continue
        groups = match.groupdict()
        if groups["y1"]:
            year, month, day = int(groups["y1"]), MONTHS[groups["m1"].lower()], int(groups["d1"])
        elif groups["y2"]:
            year, month, day = int(groups["y2"]), MONTHS[groups["m2"].lower()], int(groups["d2"])
        else:
            year, month, day = int(groups["y3"]), int(groups["m3"]), int(groups["d3"])
        found = validation.parse_date_value(f"{year:04d}-{month:02d}-{day:02d}")
        if found and 1900 <= year <= 2100:  # a real day ("February 30" is not one)
            return found
    return None


def document_from_text(
    text: str,
    *,
    origin: str,
    title: str | None = None,
    date: str | None = None,
    source: str | None = None,
    url: str | None = None,
    original_path: str | None = None,
    author: str | None = None,
    page_starts: Sequence[int] | None = None,
    fetched_at: str | None = None,
    source_id: str | None = None,
) -> Document:
    """Build a Document (with passages) from plain text and whatever metadata is known.

    Missing title: the first non-empty line. Missing date: a date line of the text, if any.
    ``page_starts``: where each page of the original begins in ``text`` (see split_passages);
    normalising must not move them, so a paged text comes normalised already.
    """
    normalized = normalize_text(text)
    if page_starts and len(normalized) != len(text):
        page_starts = None  # (readers of paged formats normalise first; never wrong pages)
    text = normalized
    doc_id = document_id(origin)
    if title:
        title = normalize_text(title)
    return Document(
        id=doc_id,
        title=validation.clean_title(title or first_line_title(text)),
        text=text,
        passages=split_passages(doc_id, text, page_starts),
        source=source,
        date=date or find_date_line(text),
        url=url,
        content_hash=content_hash(text),
        original_path=original_path,
        author=validation.clean_title(normalize_text(author))[:300] if author else None,
        fetched_at=fetched_at,
        source_id=source_id,
    )


@dataclass(frozen=True)
class Item:
    """A document read from a file, with the origin that identifies it across re-imports."""

    origin: str
    document: Document


@dataclass(frozen=True)
class Source:
    """Where bytes being read come from: the name shown in messages, the origin the document id
    is made from, and how to read them."""

    name: str
    origin: str
    suffix: str
    ocr: bool = False
    depth: int = 0
    """How many containers (zip, gz) hold it."""

    def refuse(self, problem: str) -> tuple[list[Item], list[Refusal]]:
        """Nothing read, and why."""
        return [], [Refusal(self.name, problem)]

    def one(self, doc: Document, notes: Sequence[Refusal] = ()) -> tuple[list[Item], list[Refusal]]:
        """One document read (with the notes of what was repaired on the way)."""
        return [Item(self.origin, doc)], list(notes)
