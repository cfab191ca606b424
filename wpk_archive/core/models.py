"""Plain data passed between core modules, the CLI and the UI.

Conventions used everywhere:
- character offsets (``start``/``end``) are into the *document's* full text, half-open;
- passage ordinals start at 1 (they are what a user cites: "passage 3");
- dates are ISO strings written at their precision: "2012", "2012-04", "2021-01-05".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

Precision = Literal["day", "month", "year"]

EVENT_KINDS: tuple[str, ...] = (
    "party_congress",
    "party_conference",
    "cc_plenary",
    "politburo_meeting",
    "spa_session",
    "spa_standing_committee",
    "cmc_meeting",
    "secretariat_meeting",
    "other_party_meeting",
    "other",
)
DATE_BASES: tuple[str, ...] = ("text", "dateline", "other_source", "chronology")
"""Where a date comes from: the source's own words; its words read against the article's dateline
or publication date ("last December"); another source of the same event; the reference
chronology (resources/chronology.tsv)."""
EVENT_STATUSES: tuple[str, ...] = ("held", "announced", "postponed")


@dataclass(frozen=True)
class Passage:
    """One paragraph of a document, with its exact place in the document text."""

    doc_id: str
    ordinal: int
    start: int
    end: int
    text: str
    page: int | None = None
    """The page of the original that holds the passage (PDF), for citations ("p. 12")."""


@dataclass
class Document:
    """A source article as stored: metadata, full text and its passages."""

    id: str
    title: str
    text: str
    passages: list[Passage]
    source: str | None = None
    date: str | None = None
    url: str | None = None
    content_hash: str = ""
    original_path: str | None = None
    imported_at: str | None = None
    author: str | None = None
    fetched_at: str | None = None
    """When the text was fetched from ``url`` (documents imported from the web)."""
    source_id: str | None = None
    """The source's own id of the article (a feed entry's id, a JSON row's "id"), if any."""

    def passage_at(self, offset: int) -> Passage | None:
        """The passage containing document offset ``offset`` (or None between passages)."""
        for passage in self.passages:
            if passage.start <= offset < passage.end:
                return passage
        return None


@dataclass
class EventSource:
    """One mention of an event in one document."""

    doc_id: str
    passage: int
    start: int
    end: int
    quote: str
    start_date: str | None = None
    end_date: str | None = None
    precision: Precision | None = None
    year_inferred: bool = False
    date_basis: str | None = None
    status: str | None = None
    doc_date: str | None = None


@dataclass
class Event:
    """A timeline entry: a dated (or undated) meeting or happening, with every source that names it."""

    id: str
    kind: str
    name: str
    key: str
    start: str | None
    end: str | None
    precision: Precision | None
    year_inferred: bool
    sources: list[EventSource] = field(default_factory=list)
    conflicting_dates: list[str] = field(default_factory=list)
    rejected: bool = False
    manual: bool = False
    corrected: dict[str, Any] = field(default_factory=dict)
    """Fields the user corrected, each with the extracted value it replaced."""
    status: str | None = None
    """ "held", "announced" or "postponed" (None: the sources do not say)."""
    date_basis: str | None = None
    """Where ``start``/``end`` come from (one of DATE_BASES); None when undated."""
    chronology: dict[str, Any] | None = None
    """The reference chronology's row for this meeting: name, start, end, source_url."""
    name_ko: str | None = None
    reference_only: bool = False
    """A meeting of the reference chronology that no document names (hidden unless asked for)."""
    independent_sources: int | None = None
    """How many sources it has when each re-sent story (a group of near-duplicate documents)
    counts once; None until counted (see wpk_archive.core.ingest.neardup)."""


@dataclass
class SummarySentence:
    """One sentence of a summary: the exact source span, and the text shown for it.

    ``text`` equals the document text ``[start:end]`` unless ``trimmed`` is true, in which case
    ``text`` is a shortened form of that span (e.g. cut at a clause boundary).
    """

    doc_id: str
    passage: int
    start: int
    end: int
    text: str
    trimmed: bool = False


@dataclass
class Snippet:
    """Excerpts of a passage with a query's matches marked, as offsets into ``text`` (the
    passage text): no markup. Callers render it (:meth:`render`, :meth:`pieces`)."""

    text: str
    fragments: list[tuple[int, int]]
    """The excerpts shown, in text order, never overlapping."""
    marks: list[tuple[int, int]]
    """The matches inside the excerpts, in text order, never overlapping."""
    truncated: bool = False
    """True when the passage goes on after the last excerpt."""

    def __bool__(self) -> bool:
        return bool(self.fragments)

    def pieces(self) -> list[list[tuple[str, bool]]]:
        """Per excerpt, its text as (piece, marked) pairs."""
        out = []
        marks = self.marks
        k = 0
        for a, b in self.fragments:
            pieces: list[tuple[str, bool]] = []
            at = a
            while k < len(marks) and marks[k][1] <= a:
                k += 1
            j = k
            while j < len(marks) and marks[j][0] < b:
                s, e = max(marks[j][0], a), min(marks[j][1], b)
                if s > at:
                    pieces.append((self.text[at:s], False))
                pieces.append((self.text[s:e], True))
                at = e
                j += 1
            if at < b:
                pieces.append((self.text[at:b], False))
            out.append(pieces)
        return out

    def render(
        self,
        mark: Callable[[str], str],
        plain: Callable[[str], str] = str,
        joiner: str = " … ",
    ) -> str:
        """The excerpts joined by ``joiner``: marked pieces through ``mark``, the others
        through ``plain`` (an escaping function for HTML, for instance)."""
        text = joiner.join(
            "".join(mark(p) if marked else plain(p) for p, marked in pieces)
            for pieces in self.pieces()
        )
        return text + (plain("…") if self.truncated else "")


@dataclass
class Hit:
    """One matching passage."""

    doc_id: str
    title: str
    date: str | None
    source: str | None
    passage: int
    text: str
    snippet: Snippet
    score: float
    spans: list[tuple[int, int]] = field(default_factory=list)
    """Every match in the passage text (offsets into ``text``)."""
    url: str | None = None
    """The article's URL, where known."""


@dataclass
class DocumentHits:
    """The matching passages of one document (results grouped by document)."""

    doc_id: str
    title: str
    date: str | None
    source: str | None
    count: int
    hits: list[Hit]


@dataclass
class SearchResult:
    """The answer to one query.

    ``total`` counts matching passages; ``hits`` is the requested page of them; ``documents`` groups
    that page by document; ``facets`` maps a facet name ("year", "kind", "source") to counts over
    the whole result; ``message`` explains a query that had to be read leniently; ``suggestion``
    is a did-you-mean query.
    """

    query: str
    total: int
    hits: list[Hit]
    message: str | None = None
    suggestion: str | None = None
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    documents: list[DocumentHits] = field(default_factory=list)
    total_documents: int = 0


@dataclass
class EventMention:
    """One event named in one document, as extracted (before cross-source merging).

    ``key`` is the normalized identity of the meeting ("party_congress:7",
    "cc_plenary:7:5", "spa_session:?:4" when the assembly is not named). ``ambiguous`` is true when
    the name alone does not identify one meeting (e.g. "4th Session of the SPA" without which SPA),
    so it may merge with another mention only when their dates agree.
    """

    doc_id: str
    passage: int
    start: int
    end: int
    quote: str
    kind: str
    name: str
    key: str
    start_date: str | None
    end_date: str | None
    precision: Precision | None
    year_inferred: bool = False
    ambiguous: bool = False
    status: str | None = None
    """ "held", "announced" or "postponed" as this sentence tells (None: unsaid)."""
    basis: str | None = None
    """ "text" or "dateline" for a dated mention (see DATE_BASES)."""
    loose: bool = False
    """The meeting or its date was read from weak evidence (a bare "the 9th Congress", a date
    not tied to the name): merging drops it where the reference chronology disagrees."""
    doc_date: str | None = None
    """The publication date of the mention's document."""
    role: str | None = None
    """ "opening" or "closing" when the sentence dates only the first or last day; "previous" for
    "the previous congress" with no congress named before it; "recent" for a report's undated,
    unnumbered meeting, which the chronology's meeting of the weeks around the report names."""
