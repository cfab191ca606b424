"""Extractive summaries, passage gists and event gists, every line anchored to source text.

Method (see docs/summaries.md for the evidence): sentences are scored by a *position-biased
LexRank*: personalized PageRank over the TF-IDF cosine-similarity graph of the document's prose
sentences, with the teleport vector favouring early sentences. Picks are made greedily with an
MMR-style redundancy penalty and returned in document order.

Anchoring rule for :class:`~wpk_archive.core.models.SummarySentence`: ``start``/``end`` is always
the *full* source span (a sentence, or a date caption plus the sentence it captions) and
``passage`` the ordinal of the passage containing it. ``text`` equals ``doc.text[start:end]``
unless ``trimmed`` is true; then ``text`` is ``doc.text[start:cut]`` (trailing punctuation and
spaces removed) followed by ``"…"``, for some ``cut`` inside the span, so the shown text minus its
ellipsis is always a prefix of the anchored span.

Python and numpy, deterministic, offline; cheap enough to run inside a bulk import.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field

from wpk_archive.core import summaries_ko as ko
from wpk_archive.core.models import Document, SummarySentence
from wpk_archive.core.sentences import sentence_spans
from wpk_archive.core.sentences_ko import is_korean, korean_sentence_spans
from wpk_archive.core.summaries_rank import (
    _biased_lexrank,
    _centrality,
    _matrix,
    _position_bias,
    _similarity,
    _vectors,
)
from wpk_archive.core.summary_words import STOPWORDS, WORD

ELLIPSIS = "…"

# Tuning (chosen on the seed articles and a read of KCNA samples; see docs/summaries.md).
_MMR_LAMBDA = 0.7  # relevance vs. redundancy when picking
_NEAR_DUPLICATE = 0.8  # cosine above which a candidate is never picked beside a chosen one
_MIN_WORDS = 6  # shorter sentences are not summary material
_MAX_GRAPH = 80  # only the first N prose sentences enter the graph (keeps long speeches cheap)
_GIST_WORDS = 30  # passage gists longer than this are cut at a clause boundary
_EVENT_WORDS = 25  # event gists longer than this are cut at a clause boundary
_MIN_CUT_WORDS = 6  # never cut before this many words (keep subject and main verb)
_WINDOW = 200  # characters looked at around a line break when splitting at line breaks

_STOPWORDS = STOPWORDS
_WORD = WORD
_TERMINAL = re.compile(r"""[.!?…][\s"'”’)\]]*$""")
_CLOSERS = "\"'”’)]"  # (what may follow the end of a sentence, with spaces: _TERMINAL's tail)
_ENDS = frozenset(".!?…")
_LIST_ITEM = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|\(?[a-z][.)])\s")
_NON_PROSE = re.compile(
    r"""^\s*(?:
        \(?\s*(?:photos?|pictures?|photo\s+credits?|images?|source|video)\s*:
      | this\s+article\s+was\s+published
      | volume\s+\d+\s+(?:number|no\.?)\s+\d+
      | article\s+link\s*:
      | website\s*:
      | e-?mail\s*:
      | https?://
      | www\.
      | (?:tel|fax|phone)\s*:
      | copyright\b
      | ©
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_ONLY = re.compile(
    rf"""^\s*(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?
    (?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}
      |\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}
      |\d{{4}}-\d{{2}}-\d{{2}}
      |{_MONTH}\s+\d{{4}})\s*[.:]?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# "Pyongyang, December 24 (KCNA) -- " opening a news story: not part of the sentence shown.
_DATELINE = re.compile(
    r"^[A-Z][\w .'’-]{0,40},\s+[A-Z][a-z]+\.?\s+\d{1,2}\s*\([^)]{2,20}\)\s*[-–—]+\s*"
)
# "... rival 3:0. -0-" closing a KCNA story.
_TRAILER = re.compile(r"\s*-0-\s*$")

# Clause boundaries, strongest first. A cut is made *before* the match.
_STRONG_CUT = re.compile(
    r"""\s*;\s|\s+[-–—]{1,2}\s+|,\s+(?=(?:which|who|whom|whose|where|while|whereas|thus|thereby|
    and|but|as|saying|stressing|noting|adding|calling|expressing|including|because|though|
    although|when|after|before|so|in\s+order|at\s+which|during\s+which|in\s+which)\b)""",
    re.VERBOSE,
)
_WEAK_CUT = re.compile(r",\s|\s(?=(?:and|but|which|while|thereby|after|before|in\s+order)\s)")
_OPENERS = {"(": ")", "[": "]", "“": "”"}
# Auxiliaries and common irregular verbs of news prose (regular past tenses end in "ed").
_VERB_TEXT = """
    is are was were be been being am has have had will would shall should can could may might
    must do does did said says say met meet meets held hold holds sent send sends made make makes
    took take takes gave give gives went go goes came come comes saw see sees became become
    becomes left leave leaves began begin begins won win wins led lead leads brought bring brings
    told tell tells put puts set sets read reads wrote write writes spoke speak speaks stood stands
    kept keep keeps found find finds got get gets paid pay pays laid lay lays heard hear hears
    taught teach teaches sought seek seeks built build builds"""
_VERBS = frozenset(_VERB_TEXT.split())
# Sentences opening with a subordinate phrase ("Noting that ...,", "At the meeting,").
_OPENER = re.compile(
    r"""^[\s"“]*(?:[A-Z][a-z]+ing\b|(?:At|In|On|With|After|Before|Following|As|While|When|
    Although|Though|If|Since|Upon|During|Under|Through|For|To|According|Despite|Regarding|
    Recalling|Referring|Expressing|Noting|Saying|Stressing|Calling)\b)""",
    re.VERBOSE,
)
# "- " bullets of news digests: the bullet is not shown, the item is judged as a sentence.
_BULLET = re.compile(r"^[-•*·▪●]\s+")


@dataclass
class _Sentence:
    passage: int
    start: int
    end: int
    text: str
    words: int
    prose: bool


# --------------------------------------------------------------------------- sentences


def document_sentences(doc: Document) -> list[tuple[int, int]]:
    """Sentence spans of ``doc`` split passage by passage (no sentence crosses a passage).

    Split once and hand the result to :func:`summarize`, :func:`passage_gists` and
    :func:`event_gist` to avoid splitting again.
    """
    spans: list[tuple[int, int]] = []
    for passage in doc.passages:
        split = korean_sentence_spans if is_korean(passage.text) else sentence_spans
        spans.extend(split(passage.text, passage.start))
    return spans


@dataclass(frozen=True)
class SplitDocument:
    """A document's sentences, split and classified once, for :func:`summarize`,
    :func:`passage_gists` and :func:`event_gist` (see :func:`split_document`)."""

    spans: list[tuple[int, int]]
    sentences: list[_Sentence]
    starts: list[int] = field(default_factory=list)
    """Where each sentence starts (sorted), to find a sentence by offset in log time."""


def split_document(doc: Document) -> SplitDocument:
    """Split ``doc`` into sentences once, to hand to several summary functions."""
    spans = document_sentences(doc)
    sentences = _sentences(doc, spans)
    return SplitDocument(spans, sentences, [s.start for s in sentences])


Sentences = list[tuple[int, int]] | SplitDocument | None
"""What the summary functions accept as ``sentences``: spans, a split document, or None."""


def _sentences(doc: Document, spans: Sentences) -> list[_Sentence]:
    """Sentences in document order, each inside exactly one passage, with prose flags."""
    if isinstance(spans, SplitDocument):
        return spans.sentences
    if spans is None:
        spans = document_sentences(doc)
    text = doc.text
    title = doc.title.strip()
    passages = doc.passages
    out: list[_Sentence] = []
    index = 0
    for span_start, span_end in sorted(spans):
        while index < len(passages) and passages[index].end <= span_start:
            index += 1
        # a span that crosses passages (split over the whole text) is cut at passage bounds
        j = index
        while j < len(passages) and passages[j].start < span_end:
            passage = passages[j]
            start = max(span_start, passage.start)
            end = min(span_end, passage.end)
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                for piece_start, piece_end in _line_pieces(text, start, end):
                    out.append(_make_sentence(text, passage.ordinal, piece_start, piece_end, title))
            j += 1
    return out


def _line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span at line breaks that end a heading, a bullet item or a sentence.

    Line breaks inside wrapped prose are kept; a break is a boundary when the next line starts
    with a bullet, or the line before it is short (a heading such as "Rodong Sinmun") or ends a
    sentence.
    """
    if text.find("\n", start, end) == -1:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    piece_start = start
    position = text.find("\n", start, end)
    words = 0  # words of the piece so far (counted line by line: linear in the span)
    line_start = start
    while position != -1:
        words += len(text[line_start:position].split())
        line_start = position + 1
        # only the end of the piece and the start of the next line matter: bounded windows
        tail = text[max(piece_start, position - _WINDOW) : position].strip()
        following = text[position + 1 : min(end, position + 1 + _WINDOW)].lstrip()
        if tail and (_BULLET.match(following) or words < _MIN_WORDS or _TERMINAL.search(tail)):
            cut = position
            while cut > piece_start and text[cut - 1].isspace():
                cut -= 1
            pieces.append((piece_start, cut))
            piece_start = position + 1
            while piece_start < end and text[piece_start].isspace():
                piece_start += 1
            words = 0
        position = text.find("\n", position + 1, end)
    if piece_start < end:
        pieces.append((piece_start, end))
    return pieces


def _make_sentence(text: str, passage: int, start: int, end: int, title: str) -> _Sentence:
    chunk = text[start:end]
    korean = is_korean(chunk)
    dateline = _DATELINE.match(chunk)
    if dateline and dateline.end() < len(chunk):
        start += dateline.end()
        chunk = chunk[dateline.end() :]
    elif korean and (skip := ko.strip_dateline(chunk)):
        start += skip
        chunk = chunk[skip:]
    bullet = _BULLET.match(chunk)
    if bullet and bullet.end() < len(chunk):
        start += bullet.end()
        chunk = chunk[bullet.end() :]
    trailer = _TRAILER.search(chunk) if "-0-" in chunk else None  # (a search costs 2 µs)
    if trailer and trailer.start() > 0:
        end = start + trailer.start()
        chunk = chunk[: trailer.start()]
    parts = chunk.split()  # (once: splitting was half the cost of classifying a sentence)
    words = len(parts)
    prose = ko.is_prose(chunk, words, title) if korean else _is_prose(chunk, parts, title)
    return _Sentence(passage, start, end, chunk, words, prose)


def _ends_a_sentence(chunk: str) -> bool:
    """Whether ``chunk`` ends in ``.``, ``!``, ``?`` or ``…``, perhaps before closing quotes,
    brackets and spaces (what ``_TERMINAL`` matches, without a regex search of the whole
    chunk)."""
    while True:
        stripped = chunk.rstrip().rstrip(_CLOSERS)
        if stripped == chunk:
            return chunk[-1:] in _ENDS
        chunk = stripped


def _is_prose(chunk: str, parts: list[str], title: str) -> bool:
    if len(parts) < _MIN_WORDS:
        return False
    if chunk.strip() == title:
        return False
    if not _ends_a_sentence(chunk):  # headlines, "... four sections:", link lines
        return False
    if _LIST_ITEM.match(chunk) or _NON_PROSE.match(chunk):
        return False
    if _DATE_ONLY.match(chunk):
        return False
    # Title Case lines ending in a period are headlines, not prose.
    tokens = [t for t in parts if t[:1].isalpha()]
    if len(tokens) >= 4:
        capitalized = sum(1 for t in tokens if t[0].isupper())
        if capitalized >= 0.85 * len(tokens):
            return False
    return True


# --------------------------------------------------------------------------- trimming


def _balanced(prefix: str) -> bool:
    if prefix.count('"') % 2:
        return False
    return all(prefix.count(o) == prefix.count(c) for o, c in _OPENERS.items())


def _has_verb(prefix: str) -> bool:
    """Whether ``prefix`` seems to hold a verb (so a cut after it is not a bare subject)."""
    for word in _WORD.findall(prefix.lower()):
        if word in _VERBS or (len(word) > 4 and word.endswith("ed")):
            return True
    return False


def _cut_point(chunk: str, limit: int, keep_until: int = 0) -> int | None:
    """Where to cut ``chunk`` so at most ~``limit`` words remain, or None to keep it whole.

    Prefers the latest strong clause boundary (``;``, dash, ``, which``/``, and``/...) within the
    limit, then the latest comma or coordinating word, then a plain word boundary. A cut never
    leaves fewer than a few words, never falls inside brackets or quotes, and, when possible,
    keeps the text up to ``keep_until`` (an offset into ``chunk``).
    """
    word_ends = [m.end() for m in re.finditer(r"\S+", chunk)]
    if len(word_ends) <= limit:
        return None
    min_words = min(_MIN_CUT_WORDS, limit)
    min_pos = word_ends[min_words - 1]
    opener = _OPENER.match(chunk)
    comma = chunk.find(",") if opener else -1
    if comma > 0:  # "Noting that ..., he said": the main clause comes after the first comma
        after = sum(1 for end in word_ends if end <= comma)
        min_pos = max(min_pos, word_ends[min(after + min_words, len(word_ends)) - 1])
    if min_pos > (word_ends[limit - 1] if len(word_ends) >= limit else word_ends[-1]):
        min_pos = word_ends[min_words - 1]
    max_pos = word_ends[limit - 1]
    # a clause boundary a few words past the limit beats a cut in mid-clause
    slack_pos = word_ends[min(len(word_ends) - 2, limit + limit // 4 - 1)]
    for upper in (max_pos, slack_pos):
        for pattern in (_STRONG_CUT, _WEAK_CUT):
            candidates = [
                m.start()
                for m in pattern.finditer(chunk, min_pos, upper + 1)
                if min_pos <= m.start() <= upper
                and _balanced(chunk[: m.start()])
                and _has_verb(chunk[: m.start()])
            ]
            if candidates:
                kept = [c for c in candidates if c >= keep_until]
                return (kept or candidates)[-1]
    # no boundary at all: cut between words, not after a function word ("... the party of the")
    for count in range(limit, _MIN_CUT_WORDS - 1, -1):
        last = chunk[: word_ends[count - 1]].rsplit(None, 1)[-1].lower().strip(",;:")
        if last not in _STOPWORDS:
            return word_ends[count - 1]
    return max_pos


def _cut(chunk: str, limit: int, korean_limit: int, keep_until: int = 0) -> int | None:
    """:func:`_cut_point` for English, :func:`.summaries_ko.cut_point` for Korean."""
    if is_korean(chunk):
        return ko.cut_point(chunk, korean_limit, keep_until)
    return _cut_point(chunk, limit, keep_until)


def _shown(doc: Document, start: int, end: int, cut: int | None) -> tuple[str, bool]:
    if cut is None:
        return doc.text[start:end], False
    head = doc.text[start : start + cut].rstrip(" \t\n,;:-–—")
    return head + ELLIPSIS, True


# --------------------------------------------------------------------------- public API


def summarize(
    doc: Document,
    max_sentences: int = 5,
    sentences: Sentences = None,
) -> list[SummarySentence]:
    """An extractive summary of ``doc``: up to ``max_sentences`` sentences, in document order.

    Three to five sentences for an article (about a third of its prose sentences, at least
    three), fewer only when the document has fewer prose sentences. ``sentences`` may carry
    precomputed spans (e.g. from :func:`document_sentences`) so nothing is split twice.
    Sentences are shown whole (never trimmed).
    """
    if max_sentences <= 0:
        return []
    all_sentences = _sentences(doc, sentences)
    prose = [s for s in all_sentences if s.prose]
    if not prose:  # nothing that looks like prose: fall back to the longest sentence or line
        rest = [s for s in all_sentences if s.words >= 3 and s.text.strip() != doc.title.strip()]
        if not rest:
            return []
        best = max(rest, key=lambda s: (s.words, -s.start))
        return [SummarySentence(doc.id, best.passage, best.start, best.end, best.text)]
    graph = prose[:_MAX_GRAPH]
    want = min(max_sentences, len(graph), max(3, math.ceil(len(prose) / 3)))
    if len(graph) <= want:
        chosen = list(range(len(graph)))
    else:
        matrix = _similarity(_matrix([s.text for s in graph]))
        scores = _biased_lexrank(matrix, _position_bias(len(graph)))
        sim = matrix.tolist()
        top = max(scores)
        relevance = [s / top for s in scores]
        # a Korean article's lead sentence says what happened: always first
        chosen = [0] if is_korean(graph[0].text) else []
        remaining = [i for i in range(len(graph)) if i not in chosen]
        while len(chosen) < want and remaining:
            best_i, best_value = -1, -math.inf
            for i in remaining:
                redundancy = max((sim[i][j] for j in chosen), default=0.0)
                if redundancy >= _NEAR_DUPLICATE:
                    continue
                value = _MMR_LAMBDA * relevance[i] - (1 - _MMR_LAMBDA) * redundancy
                if value > best_value:
                    best_i, best_value = i, value
            if best_i < 0:
                break
            chosen.append(best_i)
            remaining.remove(best_i)
    return [
        SummarySentence(doc.id, graph[i].passage, graph[i].start, graph[i].end, graph[i].text)
        for i in sorted(chosen)
    ]


def passage_gists(
    doc: Document,
    min_words: int = 80,
    sentences: Sentences = None,
) -> list[SummarySentence]:
    """One line per passage of at least ``min_words`` words: its most central sentence.

    Centrality is the summed TF-IDF cosine similarity to the passage's other sentences (ties go
    to the earlier sentence). Lines over ~30 words are trimmed at a clause boundary; the anchor
    stays the whole sentence.
    """
    all_sentences = _sentences(doc, sentences)
    by_passage: dict[int, list[_Sentence]] = {}
    for s in all_sentences:
        by_passage.setdefault(s.passage, []).append(s)
    gists: list[SummarySentence] = []
    for passage in doc.passages:
        fewest = min(min_words, ko.GIST_PASSAGE_WORDS) if is_korean(passage.text) else min_words
        if len(passage.text.split()) < fewest:
            continue
        members = by_passage.get(passage.ordinal, [])
        candidates = [s for s in members if s.prose] or [s for s in members if s.words >= 3]
        if not candidates:
            continue
        if len(candidates) <= 2:
            best = candidates[0]
        else:
            centrality = _centrality(_vectors([s.text for s in candidates]))
            top = max(centrality)
            best = candidates[next(i for i, c in enumerate(centrality) if c >= top - 1e-12)]
        cut = _cut(best.text, _GIST_WORDS, ko.GIST_WORDS)
        text, trimmed = _shown(doc, best.start, best.end, cut)
        gists.append(SummarySentence(doc.id, best.passage, best.start, best.end, text, trimmed))
    return gists


def event_gist(
    doc: Document,
    start: int,
    end: int,
    sentences: Sentences = None,
) -> SummarySentence:
    """One short line for a timeline event whose source is ``doc.text[start:end]``.

    The line is the source sentence (the one containing ``start``), cut at a clause boundary
    when it runs past ~25 words. A sentence that is only a date (a photo caption such as
    "January 14, 2021.") is joined to the next sentence of its passage, which it captions.
    """
    all_sentences = _sentences(doc, sentences)
    starts = sentences.starts if isinstance(sentences, SplitDocument) else []
    if len(starts) != len(all_sentences):
        starts = [s.start for s in all_sentences]
    # sentences are disjoint and in order: the one containing ``start`` is the last starting
    # at or before it (found by bisection, so many events in a huge document stay cheap)
    at = bisect.bisect_right(starts, start) - 1
    index: int | None = at if at >= 0 and start < all_sentences[at].end else None
    if index is None:  # between sentences (or in a stripped dateline): the nearest one after
        after = bisect.bisect_left(starts, start)
        index = after if after < len(all_sentences) else None
    if index is None:
        passage = doc.passage_at(start)
        ordinal = passage.ordinal if passage else (doc.passages[-1].ordinal if doc.passages else 1)
        return SummarySentence(doc.id, ordinal, start, end, doc.text[start:end])
    sentence = all_sentences[index]
    s_start, s_end = sentence.start, sentence.end
    if _DATE_ONLY.match(sentence.text) and index + 1 < len(all_sentences):
        following = all_sentences[index + 1]
        if following.passage == sentence.passage:
            s_end = following.end
    if start > s_start and len(doc.text[s_start:start].split()) > _EVENT_WORDS:
        s_start = start  # the event clause sits deep in a long sentence: start from it
    chunk = doc.text[s_start:s_end]
    keep = max(0, min(end, s_end) - s_start)
    cut = _cut(chunk, _EVENT_WORDS, ko.EVENT_WORDS, keep_until=keep)
    text, trimmed = _shown(doc, s_start, s_end, cut)
    return SummarySentence(doc.id, sentence.passage, s_start, s_end, text, trimmed)
