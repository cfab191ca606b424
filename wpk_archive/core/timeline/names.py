"""Meeting names: the grammar of how English texts name the WPK's and the SPA's meetings.

:func:`find_meetings` reads, in one sentence, every name of a meeting of the Workers' Party of
Korea's central bodies (congresses, conferences, plenary meetings of the Central Committee,
meetings of the Political Bureau and its Presidium, of the Central Military Commission and of the
Secretariat), of the Supreme People's Assembly (sessions, plenary meetings of its Standing
Committee) and of lower party bodies (provincial and city party committees, national conferences
of cell secretaries and the like). Each name gives a kind, the body's term ("the *Eighth* Central
Committee", "the *14th* SPA") and the meeting's number when the text gives them, in every wording
in use since the 1940s: "the 5th Plenary Meeting of the 7th Central Committee of the WPK", "the
Party Central Committee plenary meeting", "the 22nd emergency enlarged meeting of the Political
Bureau of the Eighth Central Committee of the WPK", "the ninth and tenth plenary meetings" (two
meetings), "the December 2023 Plenary Meeting" (named by its date), "the 14th SPA's 10th session".

It also reports the meeting nouns it could not read as such a meeting ("a plenary meeting of the
Cabinet", "the 79th session of the UN General Assembly"), so that "the meeting" in a later
sentence is not taken for an earlier WPK meeting.

Not WPK meetings: another party's congress ("the 20th Congress of the CPC", "the Lao People's
Revolutionary Party's Ninth Congress"), youth-league and trade-union congresses, UN and NAM
sessions, Cabinet meetings. Whether a bare "the Party" or "the 9th Congress" is the WPK is for the
caller to decide from the sentence and the article (``explicit`` tells whether the name itself
says so).

The pattern table is in three groups, tried in this order: :mod:`.names_local` (lower organs and
local committees), :mod:`.names_bodies` (the standing bodies: SPA Standing Committee, Political
Bureau, CMC, Secretariat, Central Committee plenums, SPA sessions) and :mod:`.names_congress`
(congresses and conferences, and names told through their holder); each pattern's match is read
by a reader of :mod:`.readers_local`, :mod:`.readers_bodies` or :mod:`.readers_congress`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from wpk_archive.core.timeline.names_bodies import BODY_PATTERNS
from wpk_archive.core.timeline.names_congress import CONGRESS_PATTERNS
from wpk_archive.core.timeline.names_local import LOCAL_PATTERNS
from wpk_archive.core.timeline.readers import NamedMeeting, OtherMeeting, Reader
from wpk_archive.core.timeline.readers_bodies import read_parliament
from wpk_archive.core.timeline.vocabulary import (
    ORD,
    ORDINAL_WORDS,
    foreign_party_count,
    foreign_party_in,
    names_wpk,
    ordinal_text,
    ordinal_value,
    other_body_in,
)
from wpk_archive.core.timeline.vocabulary import YEAR as _YEAR

_PATTERNS: list[tuple[re.Pattern[str], Reader, tuple[tuple[str, ...], ...]]] = (
    LOCAL_PATTERNS + BODY_PATTERNS + CONGRESS_PATTERNS
)

# every name starts a word: telling the engine so skips the middle of words (2-3x faster)
_PATTERNS = [
    (re.compile(rf"(?<![\w'’-])(?:{pattern.pattern})"), reader, needs)
    for pattern, reader, needs in _PATTERNS
]

_NOUNS = re.compile(
    r"\b(?:(?P<plenary>plenary\s+(?:meeting|session)|plenum)|(?P<meeting>meeting)|"
    r"(?P<session>session)|(?P<congress>congress)|(?P<conference>conference))s?\b",
    re.IGNORECASE,
)


_YEAR_BEFORE = re.compile(
    rf"(?:(?<![\w'’-])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat|[Hh]is|[Dd]uring|[Aa]t)|\w[’']s)"
    rf"\s+(?P<y>{_YEAR})\s+$"
)
"""A year written before a meeting's name as its modifier: "during a 2016 party congress", "the
assembly's 2012 session" (a determiner or a possessive before it, so that a count is not read)."""

_YEAR_AFTER_OWNER = re.compile(rf"(?<=\w[’']s\s)(?P<y>{_YEAR})(?=\s+[A-Za-z])")
"""A year between a meeting's owner and its noun: "the party's 2013 plenary meeting". The names are
read with it blanked out, and it dates the name it stands in."""


def _year_named(sentence: str, meeting: NamedMeeting) -> NamedMeeting:
    """``meeting`` with the year written just before its name, or between its owner and its noun,
    as its date ("a 2016 party congress", "the party's 2013 plenary meeting"), where the name
    itself gives no date."""
    if meeting.date_name is not None or meeting.plural:
        return meeting
    inside = _YEAR_AFTER_OWNER.search(sentence, meeting.start, meeting.end)
    if inside is not None:
        return replace(meeting, date_name=inside.group("y"))
    year = _YEAR_BEFORE.search(sentence, max(0, meeting.start - 40), meeting.start)
    if year is None:
        return meeting
    return replace(meeting, start=year.start("y"), date_name=year.group("y"))


_GLOSS = re.compile(
    r"[\"“”]|\s\((?:CC|C\.C\.|CMC|PB|Political\s+Bureau|Politburo|Central\s+Committee|[Pp]lenum|"
    r"Central\s+Military\s+Commission)\)(?=\s)"
    # an editor's insertion: "the December plenum of the [Korean] Workers' Party", "[WPK]", "[sic]"
    r"|(?<=\s)\[[^\[\]\n]{1,40}\](?=[\s,.;:])"
)


def unglossed(sentence: str) -> str:
    """``sentence`` with double quotes, the bracketed glosses of a body's name and an editor's
    square-bracketed insertions blanked out (same length, so offsets hold): "an “emergency
    Politburo meeting”", "a Central Committee (CC) plenum", "another Politburo (Political Bureau)
    meeting", "the [Korean] Workers' Party" read as the plain names. Typing slips are mended
    the same way: an apostrophe typed as "‘", "the last (Seventh) Congress", "the 12th-term SPA"
    and a scan's "12 th"."""
    if "‘" in sentence or "`" in sentence:  # "its ruling party‘s central committee"
        sentence = _ODD_APOSTROPHE.sub("’", sentence)
    if "(" in sentence and ")" in sentence:  # "The last (Seventh) Congress": "Seventh Congress"
        sentence = _PAREN_ORDINAL.sub(lambda m: " " + m.group(1) + " ", sentence)
    if "-term" in sentence:  # "the 12th-term Supreme People's Assembly": "12th term"
        sentence = _HYPHEN_TERM.sub(r"\1 term", sentence)
    if _SPLIT_HINT.search(sentence) is not None:
        # a scan's "the 12 th Plenum of the 6 th Central Committee": "12th " (same length)
        sentence = _SPLIT_ORDINAL.sub(r"\1\2 ", sentence)
    if '"' not in sentence and "“" not in sentence and "(" not in sentence and "[" not in sentence:
        return sentence
    return _GLOSS.sub(lambda m: " " * len(m.group(0)), sentence)


_PAREN_ORDINAL = re.compile(
    rf"\(({ORD})\)(?=\s+(?:(?:Party|WPK|KWP)\s+)?(?:Congress|Conference|Plenary|Plenum|Session)\b)"
)
_HYPHEN_TERM = re.compile(r"(?<=\d)(st|nd|rd|th)-term\b")
_ODD_APOSTROPHE = re.compile(r"(?<=\w)[‘`](?=\w)")
_SPLIT_HINT = re.compile(r"\d (?:st|nd|rd|th)\b")  # (a quick test before the exact pattern)
_SPLIT_ORDINAL = re.compile(r"(?<![\d.,])(\d{1,3}) (st|nd|rd|th)\b")


_LABOR = re.compile(r"\bLabor\s+Party\b(?!\s+of\s+(?!Korea))")
_LABOR_AFTER = re.compile(r"(?:\b[a-z]+|\bThe|['’]s|^)\s+$|^$")
"""Before a "Labor Party" that is the WPK: "the", "ruling", "North Korea's" (not "the Australian")."""


def labor_as_wpk(sentence: str) -> str:
    """``sentence`` with "the Labor Party" written as the WPK (same length, so offsets hold), for
    an article whose "Labor Party" is the WPK (the caller decides): "a meeting of the Central
    Military Commission of the Labor Party", "North Korea's ruling Labor Party"."""
    if "Labor Party" not in sentence:
        return sentence

    def mask(match: re.Match[str]) -> str:
        if not _LABOR_AFTER.search(sentence[max(0, match.start() - 20) : match.start()]):
            return match.group(0)
        return " " * (len(match.group(0)) - 3) + "WPK"

    return _LABOR.sub(mask, sentence)


_CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]*)+\b")
_ACRONYMS = frozenset({"WPK", "KWP", "WPNK", "SPA", "CC", "CMC", "DPRK", "KPA", "PB"})
_SMALL = frozenset({"OF", "THE", "AND", "IN", "ON", "AT", "TO", "FOR"})


def uncapitalized(sentence: str) -> str:
    """``sentence`` with its runs of capitals ("THE FIFTH NORTH KOREAN PARTY CONGRESS", a heading
    of a cable or a bulletin) in ordinary case, acronyms kept (same length: offsets hold)."""
    if not _CAPS_RUN.search(sentence):
        return sentence

    def word(token: str) -> str:
        if token in _ACRONYMS or not token.isascii():
            return token
        return token.lower() if token in _SMALL else token[:1] + token[1:].lower()

    def run(match: re.Match[str]) -> str:
        text = match.group(0)
        if sum(1 for w in text.split() if w not in _ACRONYMS) < 2:
            return text  # "the CC SPA" and other acronyms side by side
        first, *rest = re.split(r"(\s+)", text)
        out = [first[:1] + first[1:].lower() if first not in _ACRONYMS else first]
        out += [word(t) if t.strip() else t for t in rest]
        return "".join(out)

    return _CAPS_RUN.sub(run, sentence)


def _has_any(words: tuple[str, ...], text: str, seen: dict[str, bool]) -> bool:
    """Whether ``text`` holds one of ``words`` (``seen``: what earlier patterns found, by word)."""
    for word in words:
        present = seen.get(word)
        if present is None:
            present = seen[word] = word in text
        if present:
            return True
    return False


def find_meetings(
    sentence: str, *, north_korea: bool = False
) -> tuple[list[NamedMeeting], list[OtherMeeting]]:
    """The WPK and SPA meetings named in ``sentence`` in text order, without overlaps, and the
    meeting nouns left that name none of them. Pass the sentence through :func:`unglossed`
    first, so double quotes and bracketed glosses of a body's name do not break a name.
    ``north_korea``: the sentence's article is about North Korea, so that "the new parliament"
    is its parliament even where the sentence does not say so."""
    found: list[NamedMeeting] = []
    original = sentence
    if "s 19" in sentence or "s 20" in sentence:  # (a cheap test for the pattern's "'s 2013")
        sentence = _YEAR_AFTER_OWNER.sub(lambda year: " " * len(year.group()), sentence)
    lowered = sentence.lower()
    seen: dict[str, bool] = {}
    for pattern, reader, needs in _PATTERNS:
        if not all(_has_any(group, lowered, seen) for group in needs):
            continue
        for match in pattern.finditer(sentence):
            meetings = (
                read_parliament(match, sentence, north_korea=north_korea)
                if reader is read_parliament
                else reader(match, sentence)
            )
            if not meetings:
                continue
            first = meetings[0]
            if any(first.start < m.end and m.start < first.end for m in found):
                continue
            found.extend(meetings)
    found = [_year_named(original, meeting) for meeting in found]
    found.sort(key=lambda meeting: (meeting.start, meeting.number or 0))
    others: list[OtherMeeting] = []
    for noun in _NOUNS.finditer(sentence):
        if any(m.start <= noun.start() < m.end for m in found):
            continue
        kind = noun.lastgroup or "meeting"
        others.append(OtherMeeting(noun.start(), noun.end(), kind))
    return found, others


__all__ = [
    "ORD",
    "ORDINAL_WORDS",
    "NamedMeeting",
    "OtherMeeting",
    "find_meetings",
    "foreign_party_count",
    "foreign_party_in",
    "labor_as_wpk",
    "names_wpk",
    "ordinal_text",
    "ordinal_value",
    "other_body_in",
    "unglossed",
]
