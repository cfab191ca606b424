"""Timeline events: meetings named in documents, dated from the date mentions beside them.

:func:`extract_mentions` finds, sentence by sentence, the meetings a document names (party
congresses and conferences, Central Committee plenary meetings, Political Bureau meetings, sessions
of the Supreme People's Assembly, conferences of party cells and committees) and the date the
sentence gives each of them. :func:`merge_mentions` merges the mentions of all documents into
timeline events, each keeping every source passage.

Rules a reader of the results should know:
- a meeting is dated only by a date that directly qualifies its name ("X held in Pyongyang in
  May 2016", "X (October 10-14, 1980)", "On April 11, X ..."), never by another date of the sentence;
  a named meeting that the sentence does not date is kept undated;
- "the previous congress" is the congress before the last one the document named;
- unnumbered names ("the Congress", "the meeting", "a meeting of the Political Bureau") refer back
  or are not specific: they make an event only when dated, with an ambiguous key;
- a caption line that starts with a full date ("January 14, 2021. Celebrations ...") is an
  ``other`` event named by the rest of the line.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from wpk_archive.core.dates import DateMention, find_dateline, find_dates
from wpk_archive.core.models import Document, Event, EventMention, EventSource, Passage, Precision
from wpk_archive.core.sentences import sentence_spans

_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_TENS = {"twenty": 20, "thirty": 30}
ORDINAL_WORDS: dict[str, int] = {word: i for i, word in enumerate(_UNITS, start=1)}
ORDINAL_WORDS.update({word: i for i, word in enumerate(_TEENS, start=10)})
ORDINAL_WORDS.update({"twentieth": 20, "thirtieth": 30})
for _tens_word, _tens in _TENS.items():
    for _i, _unit in enumerate(_UNITS, start=1):
        ORDINAL_WORDS[f"{_tens_word}-{_unit}"] = _tens + _i

_ORD = (
    r"(?i:\d{1,3}(?:st|nd|rd|th)\b|"
    + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
    + r")(?![\w-])"
)
_APOS = r"['’]"
_PARTY = (
    rf"(?:the\s+)?(?:Workers{_APOS}\s*Party\s+of\s+Korea(?:\s*\(WPK\))?|WPK|KWP"
    rf"|Korean\s+Workers{_APOS}\s*Party|Party)(?![\w-])"
)
_PARTY_SHORT = r"(?:WPK|KWP|Party)"
_CC = r"(?:Central\s+Committee|C\.\s?C\.)"
_SPA = rf"(?:Supreme\s+People{_APOS}s\s+Assembly|SPA)"

_FOREIGN_CONGRESS = re.compile(
    rf"Congress\s+of\s+(?:the\s+)?(?!WPK|KWP|Workers{_APOS}\s*Party\s+of\s+Korea|Party\b)[A-Z]"
    rf"|\b(?:its|their)\s+{_ORD}\s+(?:Party\s+)?Congress"
    r"|Party\s+of\s+(?!Korea)[A-Z]|(?:Communist|Revolutionary|Socialist|Labour|Labor)\s+Party"
)
_FOREIGN_PARTY = re.compile(
    r"(?:Communist|Revolutionary|Socialist|Labour|Labor|People's|Workers')\s+Party\s+of\s+"
    r"(?!Korea)[A-Z]|\b(?:CPC|CPV|PCC|CPRF)\b"
)
_WPK_NAMED = re.compile(rf"WPK|KWP|Workers{_APOS}\s*Party\s+of\s+Korea|Korean\s+Workers")
_KEYWORDS = re.compile(
    r"Congress|Conference|Plenary|Political\s+Bureau|Politburo|Session|congress|conference"
    r"|plenary|session",
)
_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class _Meeting:
    """A meeting named in one sentence (span relative to the sentence)."""

    start: int
    end: int
    kind: str
    name: str
    key: str
    ambiguous: bool
    needs_date: bool = False


def ordinal_value(text: str) -> int | None:
    """The number of an ordinal ("7th", "Seventh", "twenty-first"), or None."""
    text = text.strip().lower()
    digits = re.match(r"(\d+)(?:st|nd|rd|th)$", text)
    if digits:
        return int(digits.group(1))
    return ORDINAL_WORDS.get(text)


def ordinal_text(number: int) -> str:
    """``number`` written as a numeric ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _group(match: re.Match[str], name: str) -> str | None:
    """The text of group ``name`` when the pattern has it and it took part in the match."""
    return match.group(name) if name in match.re.groupindex else None


def _numbers(match: re.Match[str]) -> tuple[int | None, int | None]:
    """The meeting number and the term (Central Committee / Assembly) number of a match."""
    number_text, term_text = _numbers_any(match), _group(match, "t")
    number = ordinal_value(number_text) if number_text else None
    term = ordinal_value(term_text) if term_text else None
    return number, term


def _congress(match: re.Match[str]) -> _Meeting | None:
    """A party congress: "7th Congress of the WPK", "Seventh Party Congress"."""
    number, _ = _numbers(match)
    if number is None or number > 20:
        return None
    before = match.string[max(0, match.start() - 40) : match.start()]
    if re.search(rf"(?:\w{_APOS}s|\b(?:its|their|his))\s+$", before) and not re.search(
        rf"{_PARTY_SHORT}{_APOS}s\s+$", before
    ):
        return None
    loose = not re.search(r"WPK|KWP|Workers", match.group(0))
    if loose and (
        _FOREIGN_CONGRESS.search(match.string) or re.search(r"congress|\bparty\b", match.group(0))
    ):
        return None
    name = f"{ordinal_text(number)} Congress of the WPK"
    return _Meeting(
        match.start(), match.end(), "party_congress", name, f"party_congress:{number}", False
    )


def _conference(match: re.Match[str]) -> _Meeting | None:
    """A Conference of the WPK itself (numbered, or unnumbered and then ambiguous)."""
    number, _ = _numbers(match)
    before = match.string[max(0, match.start() - 30) : match.start()]
    if number is None and re.search(r"\b(?!The\b)[A-Z][\w-]*\s+$", before):
        return None
    if number is None:
        return _Meeting(
            match.start(),
            match.end(),
            "party_conference",
            "Conference of the WPK",
            "party_conference:?",
            True,
            needs_date=True,
        )
    if number > 20:
        return None
    name = f"{ordinal_text(number)} Conference of the WPK"
    key = f"party_conference:{number}"
    return _Meeting(match.start(), match.end(), "party_conference", name, key, False)


def _plenary(match: re.Match[str]) -> _Meeting | None:
    """A plenary meeting of the WPK Central Committee (ambiguous when a number is missing)."""
    if not (_group(match, "p1") or _group(match, "p2")):
        return None
    number, term = _numbers(match)
    if (number is not None and number > 40) or (term is not None and term > 20):
        return None
    plenary = f"{ordinal_text(number)} Plenary Meeting" if number else "Plenary Meeting"
    committee = f"{ordinal_text(term)} WPK Central Committee" if term else "WPK Central Committee"
    key = f"cc_plenary:{term or '?'}:{number or '?'}"
    ambiguous = number is None or term is None
    return _Meeting(
        match.start(),
        match.end(),
        "cc_plenary",
        f"{plenary} of the {committee}",
        key,
        ambiguous,
        needs_date=number is None,
    )


def _politburo(match: re.Match[str]) -> _Meeting | None:
    """A (possibly enlarged) meeting of the Political Bureau of the WPK Central Committee."""
    after = match.string[match.end() : match.end() + 12]
    if re.match(r"\s+of\s", after):
        return None
    enlarged = bool(re.match(r"(?i)(?:enlarged|extended|expanded)", match.group(0)))
    name = (
        "Enlarged Meeting of the Political Bureau of the WPK Central Committee"
        if enlarged
        else "Meeting of the Political Bureau of the WPK Central Committee"
    )
    return _Meeting(
        match.start(), match.end(), "politburo_meeting", name, "politburo_meeting", True, True
    )


def _spa(match: re.Match[str]) -> _Meeting | None:
    """A session of the Supreme People's Assembly (ambiguous when the assembly is not named)."""
    number, term = _numbers(match)
    if number is None or number > 20 or (term is not None and term > 30):
        return None
    assembly = (
        f"{ordinal_text(term)} Supreme People's Assembly" if term else "Supreme People's Assembly"
    )
    key = f"spa_session:{term or '?'}:{number}"
    name = f"{ordinal_text(number)} Session of the {assembly}"
    return _Meeting(match.start(), match.end(), "spa_session", name, key, term is None)


_PARTY_ORGANS = re.compile(
    r"\b(?:Cell|Cells|Primary|Secretaries|Chairpersons|Chairmen|Instructors|Party)\b"
)


def _other_party(match: re.Match[str]) -> _Meeting | None:
    """A conference of party cells, primary committees and the like ("... of the WPK")."""
    number, _ = _numbers(match)
    what = re.sub(rf"(?:\s+of)?(?:\s+{_PARTY})?(?:\s+(?:of|the))*\s*$", "", match.group("what"))
    if number is None or number > 30 or not _PARTY_ORGANS.search(what):
        return None
    if re.fullmatch(_PARTY, what):
        return None
    kind_word = match.group("kw").capitalize()
    name = f"{ordinal_text(number)} {kind_word} of {what} of the WPK"
    slug = re.sub(r"[^a-z]+", "-", f"{kind_word} {what}".lower()).strip("-")
    key = f"other_party_meeting:{slug}:{number}"
    end = match.start("what") + len(what)
    tail = re.match(rf"\s+of\s+{_PARTY}", match.string[end:])
    end = end + tail.end() if tail else end
    return _Meeting(match.start(), end, "other_party_meeting", name, key, False)


_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], _Meeting | None]]] = [
    (
        re.compile(
            rf"(?P<n>{_ORD})\s+(?:National\s+)?(?P<kw>Conference|Meeting)\s+of\s+"
            rf"(?P<what>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|the))*)"
        ),
        _other_party,
    ),
    (
        re.compile(
            rf"(?:(?P<n>{_ORD})\s+)?(?:enlarged\s+|extended\s+)?plenary\s+meeting\s+of\s+the\s+"
            rf"(?:(?P<t>{_ORD})\s+)?(?:(?P<p1>{_PARTY_SHORT})\s+)?{_CC}"
            rf"(?:(?:\s*,\s*|\s+of\s+)(?P<p2>{_PARTY}))?",
            _FLAGS,
        ),
        _plenary,
    ),
    (
        re.compile(
            rf"(?:(?:enlarged|extended|expanded|special)\s+)?meeting\s+of\s+the\s+"
            rf"(?:Political\s+Bureau|Politburo)"
            rf"(?:\s+of\s+the\s+(?:{_PARTY_SHORT}\s+)?{_CC}(?:(?:\s*,\s*|\s+of\s+){_PARTY})?"
            rf"|\s+of\s+{_PARTY})?",
            _FLAGS,
        ),
        _politburo,
    ),
    (
        re.compile(
            rf"(?P<n>{_ORD})\s+session\s+of\s+the\s+(?:(?P<t>{_ORD})\s+)?(?:DPRK\s+)?{_SPA}"
            rf"(?:\s+of\s+the\s+(?:DPRK|Democratic\s+People{_APOS}s\s+Republic\s+of\s+Korea"
            r"(?:\s*\(DPRK\))?))?",
            _FLAGS,
        ),
        _spa,
    ),
    (
        re.compile(
            rf"(?P<n>{_ORD})\s+Congress\s+of\s+{_PARTY}|(?P<n2>{_ORD})\s+{_PARTY_SHORT}\s+Congress"
            rf"|{_PARTY_SHORT}{_APOS}s\s+(?P<n3>{_ORD})\s+Congress"
            rf"|(?P<n4>{_ORD})\s+Congress(?![\w-])(?!\s+of\b)",
            _FLAGS,
        ),
        _congress,
    ),
    (
        re.compile(
            rf"(?P<n>{_ORD})\s+Conference\s+of\s+{_PARTY}|(?P<n2>{_ORD})\s+{_PARTY_SHORT}\s+Conference"
            rf"|{_PARTY_SHORT}{_APOS}s\s+(?P<n3>{_ORD})\s+Conference"
            rf"|Conference\s+of\s+{_PARTY}|\b(?:WPK|Party)\s+Conference",
            _FLAGS,
        ),
        _conference,
    ),
]

_RELATIVE = re.compile(
    r"\b(?:previous|preceding|last)\s+(?:party\s+)?(?P<what>congress|conference)\b", _FLAGS
)

_GAP_WORDS = (
    r"which|that|was|were|is|are|has|have|had|been|being|be|will|would|to|held|convened|convoked"
    r"|opened|open|took|take|taking|place|scheduled|successfully|solemnly|grandly|here|there|in"
    r"|at|on|from|between|during|of|the|and|last|its|this|year"
)
_GAP_AFTER = re.compile(
    rf"(?:[\s,(]*(?:(?:{_GAP_WORDS}|[A-Z][\w'’.-]*)\b|\([A-Z][\w.]*\)))*[\s,(]*",
)
_GAP_BEFORE = re.compile(r"[\s,]*(?:when\s+|(?:at|in|on)\s+)?(?:the\s+|an?\s+)?")
_HOLDING = re.compile(
    r"\b(?:held|convened|convoked|opened|open|took\s+place|takes?\s+place|closed|met)\b"
)
_MAX_GAP = 110

_CAPTION = re.compile(r"[.:]\s+(?P<rest>[^\n]{5,250})")


def _numbers_any(match: re.Match[str]) -> str | None:
    """The ordinal text of whichever number group took part in the match."""
    for name in ("n", "n2", "n3", "n4"):
        value = _group(match, name)
        if value:
            return value
    return None


# Words (lowercase) each pattern of _PATTERNS cannot match without one of: a pattern none of
# whose words is in a sentence is not run (the patterns start with an ordinal alternation, slow
# to try at every position).
_PATTERN_WORDS: tuple[tuple[str, ...], ...] = (
    ("conference", "meeting"),
    ("plenary",),
    ("meeting",),
    ("session",),
    ("congress",),
    ("conference",),
)
assert len(_PATTERN_WORDS) == len(_PATTERNS)


def _find_meetings(sentence: str) -> list[_Meeting]:
    """Meetings named in ``sentence``, in text order, without overlaps."""
    found: list[_Meeting] = []
    lowered = sentence.lower()
    for (pattern, reader), words in zip(_PATTERNS, _PATTERN_WORDS, strict=True):
        if not any(word in lowered for word in words):
            continue
        for match in pattern.finditer(sentence):
            meeting = reader(match)
            if meeting is None:
                continue
            if any(meeting.start < m.end and m.start < meeting.end for m in found):
                continue
            found.append(meeting)
    found.sort(key=lambda meeting: meeting.start)
    return found


def _relative_meetings(sentence: str, last: dict[str, _Meeting]) -> list[_Meeting]:
    """ "The previous congress": the one before the last congress the document named."""
    found = []
    for match in _RELATIVE.finditer(sentence):
        kind = "party_congress" if match.group("what").lower() == "congress" else "party_conference"
        current = last.get(kind)
        if current is None:
            continue
        number_text = current.key.rsplit(":", 1)[1]
        if not number_text.isdigit() or int(number_text) < 2:
            continue
        number = int(number_text) - 1
        noun = "Congress" if kind == "party_congress" else "Conference"
        name = f"{ordinal_text(number)} {noun} of the WPK"
        found.append(_Meeting(match.start(), match.end(), kind, name, f"{kind}:{number}", False))
    return found


def _gap_allowed(gap: str, pattern: re.Pattern[str], date: DateMention | None = None) -> bool:
    """Whether the text between a meeting name and a date lets the date qualify the name.

    A weekday or "today" qualifies a meeting only through a verb of holding ("held on Monday").
    """
    if date is not None and date.kind in ("weekday", "relative") and not _HOLDING.search(gap):
        return False
    return len(gap) <= _MAX_GAP and pattern.fullmatch(gap) is not None


def _assign_dates(
    sentence: str, meetings: list[_Meeting], dates: list[DateMention]
) -> dict[int, DateMention]:
    """Which date (by index into ``dates``) qualifies which meeting (by index into ``meetings``)."""
    assigned: dict[int, DateMention] = {}
    used: set[int] = set()
    coordinated = [i for i, d in enumerate(dates) if d.kind == "coordinated"]
    if len(coordinated) >= 2:
        first = dates[coordinated[0]]
        before = [i for i, m in enumerate(meetings) if m.end <= first.start]
        if len(before) >= len(coordinated):
            chosen = before[-len(coordinated) :]
            gap = sentence[meetings[chosen[-1]].end : first.start]
            if _gap_allowed(gap, _GAP_AFTER):
                for meeting_index, date_index in zip(chosen, coordinated, strict=True):
                    assigned[meeting_index] = dates[date_index]
                    used.add(date_index)
    for meeting_index, meeting in enumerate(meetings):
        if meeting_index in assigned:
            continue
        later = [m.start for m in meetings[meeting_index + 1 :]]
        limit = min(later) if later else len(sentence)
        for date_index, date in enumerate(dates):
            if date_index in used or date.start < meeting.end or date.start >= limit:
                continue
            if _gap_allowed(sentence[meeting.end : date.start], _GAP_AFTER, date):
                assigned[meeting_index] = date
                used.add(date_index)
            break
    for meeting_index, meeting in enumerate(meetings):
        if meeting_index in assigned:
            continue
        earlier = [
            (date_index, d)
            for date_index, d in enumerate(dates)
            if d.end <= meeting.start and date_index not in used
        ]
        if earlier:
            date_index, date = earlier[-1]
            gap = sentence[date.end : meeting.start]
            if date.kind not in ("weekday", "relative") and _GAP_BEFORE.fullmatch(gap):
                assigned[meeting_index] = date
                used.add(date_index)
    return assigned


def _caption_mention(doc: Document, passage: Passage) -> EventMention | None:
    """An ``other`` event from a caption line that starts with a full date, if it is one."""
    if "\n" in passage.text or len(passage.text) > 300 or not passage.text[:1].isalnum():
        return None
    dates = find_dates(passage.text[:40], doc_date=doc.date)
    if not dates or dates[0].start != 0 or dates[0].precision != "day" or dates[0].year_inferred:
        return None
    date = dates[0]
    rest = _CAPTION.match(passage.text, date.end)
    if rest is None:
        return None
    name = rest.group("rest").strip().rstrip(".").strip()
    if not name or find_dates(name, doc_date=doc.date):
        return None
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60]
    return EventMention(
        doc_id=doc.id,
        passage=passage.ordinal,
        start=passage.start,
        end=passage.end,
        quote=doc.text[passage.start : passage.end],
        kind="other",
        name=name,
        key=f"other:{slug}",
        start_date=date.start_date,
        end_date=date.end_date,
        precision=date.precision,
        year_inferred=False,
        ambiguous=True,
    )


def _sentence_mentions(
    doc: Document,
    passage: Passage,
    span: tuple[int, int],
    last: dict[str, _Meeting],
    weekday_anchor: str | None,
    foreign: bool = False,
) -> list[EventMention]:
    """The event mentions of one sentence (``span`` in document offsets). ``foreign``: the
    document is about another party (see :func:`extract_mentions`)."""
    start, end = span
    sentence = doc.text[start:end]
    named = _find_meetings(sentence)
    if foreign:  # "the Party" here is another party: keep only meetings naming the WPK
        named = [m for m in named if _WPK_NAMED.search(sentence, m.start, m.end)]
    relative = _relative_meetings(sentence, last)
    meetings = sorted(named + relative, key=lambda meeting: meeting.start)
    if not meetings:
        return []
    dates = find_dates(sentence, doc_date=doc.date, weekday_anchor=weekday_anchor)
    assigned = _assign_dates(sentence, meetings, dates)
    mentions: list[EventMention] = []
    seen: dict[str, int] = {}
    for index, meeting in enumerate(meetings):
        date = assigned.get(index)
        if meeting.needs_date and date is None:
            continue
        mention = EventMention(
            doc_id=doc.id,
            passage=passage.ordinal,
            start=start,
            end=end,
            quote=sentence,
            kind=meeting.kind,
            name=meeting.name,
            key=meeting.key,
            start_date=date.start_date if date else None,
            end_date=date.end_date if date else None,
            precision=date.precision if date else None,
            year_inferred=date.year_inferred if date else False,
            ambiguous=meeting.ambiguous,
        )
        if meeting.key in seen:
            if date is not None and mentions[seen[meeting.key]].start_date is None:
                mentions[seen[meeting.key]] = mention
            continue
        seen[meeting.key] = len(mentions)
        mentions.append(mention)
    for meeting in named:
        if meeting.key.rsplit(":", 1)[-1].isdigit() and meeting.kind in (
            "party_congress",
            "party_conference",
        ):
            last[meeting.kind] = meeting
    return mentions


def extract_mentions(doc: Document) -> list[EventMention]:
    """Every event mention of ``doc``, in text order, anchored to its passage and sentence."""
    mentions: list[EventMention] = []
    dateline = find_dateline(doc.text, doc_date=doc.date)
    anchor = dateline.start_date if dateline else doc.date
    last: dict[str, _Meeting] = {}
    # an article that names another party (the Communist Party of China, ...) and never the WPK
    # means that party by "the Party": "the 17th Congress of the Party" is not the WPK's
    foreign = bool(_FOREIGN_PARTY.search(doc.text)) and not _WPK_NAMED.search(doc.text)
    for passage in doc.passages:
        caption = _caption_mention(doc, passage)
        if caption is not None:
            mentions.append(caption)
            continue
        if not _KEYWORDS.search(passage.text):
            continue
        for span in sentence_spans(passage.text, passage.start):
            if _KEYWORDS.search(doc.text, span[0], span[1]):
                mentions.extend(_sentence_mentions(doc, passage, span, last, anchor, foreign))
    return mentions


# --- merging ------------------------------------------------------------------------------------

_RANK: dict[str, int] = {"year": 0, "month": 1, "day": 2}


def dates_agree(a: str, b: str) -> bool:
    """Whether two ISO dates agree at the coarser of their precisions ("2016" and "2016-05" do)."""
    size = min(len(a), len(b))
    return a[:size] == b[:size]


def _best(mentions: list[EventMention]) -> EventMention:
    """The mention whose date is most precise (an explicit year beats an inferred one)."""
    dated = [m for m in mentions if m.start_date is not None]
    if not dated:
        return mentions[0]
    return max(dated, key=lambda m: (_RANK[m.precision or "year"], not m.year_inferred))


def _clusters(mentions: list[EventMention]) -> list[list[EventMention]]:
    """Dated mentions grouped so that the dates in a group agree with its most precise date."""
    groups: list[list[EventMention]] = []
    ordered = sorted(mentions, key=lambda m: -_RANK[m.precision or "year"])
    for mention in ordered:
        assert mention.start_date is not None
        for group in groups:
            leader = group[0].start_date
            if leader is not None and dates_agree(leader, mention.start_date):
                group.append(mention)
                break
        else:
            groups.append([mention])
    return groups


def event_id(key: str, start: str | None, *, ambiguous: bool = False) -> str:
    """Stable event id: hash of the key and the start year (the full start date if ambiguous)."""
    when = "undated" if start is None else (start if ambiguous else start[:4])
    return hashlib.sha1(f"{key}|{when}".encode()).hexdigest()[:12]


def _source(mention: EventMention) -> EventSource:
    """The EventSource recording one mention."""
    return EventSource(
        doc_id=mention.doc_id,
        passage=mention.passage,
        start=mention.start,
        end=mention.end,
        quote=mention.quote,
        start_date=mention.start_date,
        end_date=mention.end_date,
        precision=mention.precision,
        year_inferred=mention.year_inferred,
    )


def _event(mentions: list[EventMention], conflicts: list[str], *, ambiguous: bool) -> Event:
    """One event from mentions of one meeting (the best-dated mention gives the date)."""
    best = _best(mentions)
    named = max(mentions, key=lambda m: (m.key.count("?") == 0, len(m.name)))
    return Event(
        id=event_id(best.key, best.start_date, ambiguous=ambiguous),
        kind=best.kind,
        name=named.name,
        key=best.key,
        start=best.start_date,
        end=best.end_date,
        precision=best.precision,
        year_inferred=best.year_inferred,
        sources=[_source(m) for m in mentions],
        conflicting_dates=conflicts,
    )


def _merge_key(mentions: list[EventMention]) -> list[Event]:
    """Events for the mentions of one key."""
    dated = [m for m in mentions if m.start_date is not None]
    undated = [m for m in mentions if m.start_date is None]
    ambiguous = any(m.ambiguous for m in mentions)
    groups = _clusters(dated)
    if ambiguous:
        events = [_event(group, [], ambiguous=True) for group in groups]
        if undated and len(events) == 1 and not all(m.ambiguous for m in undated):
            events[0].sources.extend(_source(m) for m in undated)
        elif undated:
            events.append(_event(undated, [], ambiguous=True))
        return events
    if not groups:
        return [_event(undated, [], ambiguous=False)]
    groups.sort(key=lambda group: (-len(group), -_RANK[_best(group).precision or "year"]))
    main = groups[0]
    conflicts = [_best(group).start_date or "" for group in groups[1:]]
    others = [m for group in groups[1:] for m in group]
    event = _event(main, conflicts, ambiguous=False)
    event.sources.extend(_source(m) for m in others + undated)
    return events_sorted_sources([event])


def events_sorted_sources(events: list[Event]) -> list[Event]:
    """``events`` with each event's sources in document and text order."""
    for event in events:
        event.sources.sort(key=lambda s: (s.doc_id, s.start))
    return events


def _sort_key(event: Event) -> tuple[int, str, str]:
    """Timeline order: by start date, undated last."""
    return (event.start is None, event.start or "", event.name)


def _absorb_unnumbered(events: list[Event]) -> list[Event]:
    """Unnumbered dated events ("the Conference of the WPK held in September 2010") folded into
    the one numbered event of their kind whose date agrees, at month precision or finer."""
    numbered: dict[str, list[Event]] = {}
    for event in events:
        if "?" not in event.key and event.start is not None:
            numbered.setdefault(event.kind, []).append(event)
    kept: list[Event] = []
    for event in events:
        if event.key.endswith(":?") and event.start is not None and len(event.start) >= 7:
            candidates = [
                other
                for other in numbered.get(event.kind, [])
                if other.start is not None
                and len(other.start) >= 7
                and dates_agree(other.start, event.start)
            ]
            if len(candidates) == 1:
                target = candidates[0]
                target.sources.extend(event.sources)
                target.sources.sort(key=lambda s: (s.doc_id, s.start))
                if _RANK[event.precision or "year"] > _RANK[target.precision or "year"]:
                    target.start, target.end = event.start, event.end
                    target.precision, target.year_inferred = event.precision, event.year_inferred
                continue
        kept.append(event)
    return kept


def merge_mentions(mentions: Iterable[EventMention]) -> list[Event]:
    """Timeline events from the mentions of any number of documents, sorted by start date.

    Mentions of one key merge when their dates agree at the coarser precision; undated mentions
    join the key's one dated event. An ambiguous key merges only on agreeing dates; an unambiguous
    key with disagreeing dates stays one event listing the other dates as ``conflicting_dates``.
    """
    by_key: dict[str, list[EventMention]] = {}
    for mention in mentions:
        by_key.setdefault(mention.key, []).append(mention)
    events: list[Event] = []
    for key_mentions in by_key.values():
        events.extend(events_sorted_sources(_merge_key(key_mentions)))
    events = _absorb_unnumbered(events)
    seen: dict[str, int] = {}
    for event in events:
        count = seen.get(event.id, 0)
        seen[event.id] = count + 1
        if count:
            event.id = hashlib.sha1(f"{event.id}|{count}".encode()).hexdigest()[:12]
    events.sort(key=_sort_key)
    return events


def event_to_json(event: Event) -> dict[str, Any]:
    """The JSON form of an event (as printed by ``wpk-archive timeline --json``)."""
    data: dict[str, Any] = {
        "id": event.id,
        "kind": event.kind,
        "name": event.name,
        "start": event.start,
        "end": event.end,
        "precision": event.precision,
        "year_inferred": event.year_inferred,
        "sources": [
            {
                "doc_id": s.doc_id,
                "passage": s.passage,
                "start": s.start,
                "end": s.end,
                "quote": s.quote,
            }
            for s in event.sources
        ],
    }
    if event.conflicting_dates:
        data["conflicting_dates"] = list(event.conflicting_dates)
    # what the researcher changed: the event as a whole, and each corrected field with its old value
    data["origin"] = "user" if (event.manual or event.corrected) else "auto"
    fields = {
        k: v
        for k, v in event.corrected.items()
        if k in ("start", "end", "precision", "kind", "name")
    }
    if fields:
        data["fields"] = {k: {"origin": "user", "extracted": v} for k, v in fields.items()}
    if event.rejected:
        data["rejected"] = True
    return data


__all__ = [
    "Precision",
    "dates_agree",
    "event_id",
    "event_to_json",
    "extract_mentions",
    "merge_mentions",
    "ordinal_text",
    "ordinal_value",
]
