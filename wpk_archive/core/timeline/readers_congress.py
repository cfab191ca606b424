"""The readers of the party's congresses and conferences (see :mod:`.readers`): named by number, by
date, bare, in a list, founding, as the party's "its" congress, or as what the party held ("North
Korea's ruling party opened a rare conference on Tuesday", also a Central Committee plenum).

Rules:
- a congress named after another owner ("the CPC held its 20th Congress of the Party") or after
  a body it elected ("the Standing Committee of the 3rd Congress") is no
  congress of the WPK; "North Korea wrapped up its eighth party congress" is, and so is "the
  Workers' Party of Korea ... at its Conference" when the clause names no other party;
- a bare ordinal "Congress" or "Conference" with no owner named is the caller's to decide, unless
  another's follows ("the 2nd Congress of the CPSU"); a bare conference is numbered 1 to 6 only;
- a congress or conference of another organization (national, youth, league, union, women,
  writers ...) is not the party's; an unnumbered congress followed by "and other meetings" or
  "is not in session" names no meeting;
- an item of a list of congresses or conferences ("2nd (27-30 March 1948)") is read after its
  head; a congress or conference named by its date is the party's the sentence or article says."""

from __future__ import annotations

import re

from wpk_archive.core.timeline.readers import (
    NamedMeeting,
    date_name_of,
    named_meetings,
    numbers_or_none,
)
from wpk_archive.core.timeline.vocabulary import (
    OTHER_BODY,
    WPK,
    bare_party_foreign,
    followed_by_foreign,
    foreign_party_in,
    names_wpk_in,
)


def read_dated_conference(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "the March Conference" (the 1st, of March 1958), "the September 2010 Party Conference":
    a party conference named by its date (whose party it is, the sentence or the article says)."""
    if bare_party_foreign(match, text) or followed_by_foreign(match, text):
        return []
    around = text[max(0, match.start() - 80) : match.end() + 80]
    if OTHER_BODY.search(around) and not names_wpk_in(around):
        return []  # "the March conference of the youth league"
    return named_meetings(
        match,
        "party_conference",
        [None],
        term=None,
        explicit=names_wpk_in(match.group(0)),
        noun="conference",
        date_name=date_name_of(match),
    )


_BODY_OF = re.compile(
    r"\b(?:Central\s+Committee|Standing\s+Committee|Presidium|Political\s+Bureau|Politburo|"
    r"Auditing\s+Commission|Revision\s+Commission)\s+of\s+(?:the\s+)?$"
)
"""Before a congress's name, a body it elected: "the Standing Committee of the 3rd Congress" (the
body, not the meeting)."""


def read_congress(match: re.Match[str], text: str) -> list[NamedMeeting]:
    numbers = numbers_or_none(match, 12)
    if numbers is None:
        return []
    if _BODY_OF.search(text, max(0, match.start() - 40), match.start()):
        return []
    before = text[max(0, match.start() - 40) : match.start()]
    explicit = names_wpk_in(match.group(0))
    if (
        not explicit
        and re.search(  # "the CPC held its 20th Congress of the Party" (but "North
            # Korea held its 8th Congress of the Workers' Party of Korea" names whose it is)
            r"(?:\b(?:its|their|his|her)|[A-Z][\w.]*(?<!Party)(?<!WPK)(?<!KWP)(?<!North)(?<!Korea)"
            r"(?<!Pyongyang)['’]s)\s+$",
            before,
        )
        and not _NORTH_ITS.search(text, max(0, match.start() - 60), match.start())
    ):
        return []
    if bare_party_foreign(match, text):
        return []
    if re.search(
        r"(?i)\b(?:national|youth|league|union|trade|women|children|writers|artists)\s+$", before
    ):
        return []
    if numbers == [None] and _GENERIC_AFTER.match(text, match.end()):
        return []  # "the Party Congress and other major meetings", "when the congress is not in session"
    return named_meetings(
        match, "party_congress", numbers, term=None, explicit=explicit, noun="congress"
    )


_NORTH_ITS = re.compile(
    r"\b(?:North\s+Korea|Pyongyang|the\s+North|DPRK|ruling\s+party)\s+(?:\w+\s+){0,3}?"
    r"(?:held|convened|opened|(?:wrapped|wound)\s+up|concluded|closed|ended|began|started|"
    r"kicked\s+off|convenes|holds|opens)\s+its\s+$"
)
"""North Korea holding "its" congress: "North Korea wrapped up its eighth party congress"."""
_GENERIC_AFTER = re.compile(
    r"\s*,?\s*(?:and|or)\s+(?:the\s+)?(?:other|subsequent|following|later)\s|"
    r"\s+(?:is|was)\s+not\s+in\s+session|\s+is\s+in\s+recess"
)


def read_dated_congress(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "the 2021 congress", "the 1980 party congress": a congress named by its year."""
    if bare_party_foreign(match, text):
        return []
    return named_meetings(
        match,
        "party_congress",
        [None],
        term=None,
        explicit=names_wpk_in(match.group(0)),
        noun="congress",
        date_name=match.group("cy"),
    )


def read_party_held(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "North Korea's ruling party opened a rare conference on Tuesday": the congress, conference
    or Central Committee plenum the party held (a bare "party" is the caller's to decide)."""
    if bare_party_foreign(match, text):
        return []
    head = match.group("head").lower()
    kind, noun, limit = (
        ("party_congress", "congress", 12)
        if head == "congress"
        else ("party_conference", "conference", 12)
        if head == "conference"
        else ("cc_plenary", "plenary", 40)
    )
    numbers = numbers_or_none(match, limit)
    if numbers is None:
        return []
    explicit = names_wpk_in(match.group("body"))
    return named_meetings(match, kind, numbers, term=None, explicit=explicit, noun=noun)


_LIST_HEAD = re.compile(
    r"\s*(?:(?:Party|WPK|KWP)\s+)?(?P<what>Congresses|Conferences|Party\s+Congresses|Party\s+Conferences"
    # "Plenums of the 7th Central Committee:", "Sessions of the 14th SPA:"
    r"|(?:Plenums|Plenary\s+[Mm]eetings|Plenary\s+[Ss]essions|Sessions)(?=\s+of\s+(?:the\s+)?\d{1,2}"
    r"(?:st|nd|rd|th)\s+(?:(?:WPK|KWP|Party)\s+)?(?P<body>Central\s+Committee|CC|SPA|Supreme\s+People['’]s\s+"
    r"Assembly)\b))"
    r"(?:\s+of\s+(?:the\s+)?(?P<term>\d{1,2})(?:st|nd|rd|th)\s+[^:()]{2,40}?)?"
    r"\s*(?:\([^()]{0,20}\))?\s*:"
)
"""The head of a list of one kind's meetings: "Congresses: 1st (28-30 August 1946), 2nd (...)",
"Plenums of the 7th Central Committee: 1st (9 May 2016), 2nd (7 October 2017)"."""


def read_listed(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """An item of a list of congresses, conferences, plenums or sessions ("2nd (27-30 March 1948)")
    after its head."""
    head = _LIST_HEAD.match(text)
    if head is None:
        return []
    what = head.group("what")
    body = head.group("body")
    numbers = numbers_or_none(match, 12 if body is None else 40)
    if numbers is None or numbers == [None]:
        return []
    if body is not None:
        spa = "SPA" in body or "Assembly" in body
        return named_meetings(
            match,
            "spa_session" if spa else "cc_plenary",
            numbers,
            term=int(head.group("term")),
            explicit=True,
            noun="session" if spa else "plenary",
        )
    congress = "ongress" in what
    return named_meetings(
        match,
        "party_congress" if congress else "party_conference",
        numbers,
        term=None,
        explicit=False,
        noun="congress" if congress else "conference",
    )


def read_bare_congress(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "the Seventh Congress", "the 4th Conference": an ordinal Congress or Conference with no
    owner named (the caller decides)."""
    numbers = numbers_or_none(match, 12)
    if numbers is None:
        return []
    if _BODY_OF.search(text, max(0, match.start() - 40), match.start()):
        return []  # "the Central Committee of the 7th Congress"
    before = text[max(0, match.start() - 40) : match.start()]
    if re.search(r"(?:\b(?:its|their|his|her)|\w['’]s)\s+$", before):
        return []
    after = text[match.end() : match.end() + 50]
    if re.match(
        r"\s+(?:of|for)\b(?!\s+(?:19|20)\d\d\b)|\s+on\b(?!\s+(?:the\s+)?(?:\d|[A-Z][a-z]+\s+\d|[A-Z][a-z]+day\b))",
        after,
    ):
        return []  # "the 2nd Congress of the CPSU", "the 1st Congress on Peace" (not "on 30 March")
    if "onference" in match.group(0):
        if numbers[0] is None or numbers[0] > 6:
            return []
        return named_meetings(
            match, "party_conference", numbers, term=None, explicit=False, noun="conference"
        )
    return named_meetings(
        match, "party_congress", numbers, term=None, explicit=False, noun="congress"
    )


def read_founding_congress(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "It was founded at a congress on August 28-30, 1946": the founding (first) congress of the
    party the sentence is about; whose party it is, the sentence or the article says."""
    if bare_party_foreign(match, text) or foreign_party_in(text):
        return []
    return named_meetings(match, "party_congress", [1], term=None, explicit=False, noun="congress")


_NORTHS_PARTY = re.compile(
    r"(?:North\s+Korea['’]s|the\s+North['’]s|Pyongyang['’]s)\s+(?:ruling\s+)?(?:communist\s+)?[Pp]arty\b"
)
"""The WPK by its country: "North Korea's ruling party will hold its biggest conference"."""
_NORTH = re.compile(r"\b(?:North\s+Korea|the\s+North|Pyongyang|DPRK)\b(?!['’]s)")
"""The country as the subject that holds "its" congress."""


def read_its(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "the Workers' Party of Korea ... at its Conference": the WPK's, when the clause before
    names the WPK and no other party."""
    numbers = numbers_or_none(match, 12)
    if numbers is None:
        return []
    before = text[max(0, match.start() - 120) : match.start()]
    owner = list(re.finditer(WPK, before)) or list(_NORTHS_PARTY.finditer(before))
    if not owner and ("ongress" in match.group(0) or "arty" in match.group(0)):
        # "North Korea will hold its first party congress in 36 years": the country's congress
        owner = [
            m
            for m in _NORTH.finditer(before)
            if re.fullmatch(r"\s+(?:[a-z]+\s+){1,3}", before[m.end() :])
        ]  # (the country as the verb's subject: "North Korea will hold its", not "... the League held its")
    if (
        not owner
        or foreign_party_in(before, owner[-1].end())
        or re.search(r"[.;]", before[owner[-1].end() :])
    ):
        return []
    if re.search(r"\b(?:its|their)\b", before[owner[-1].end() :]):
        return []
    congress = "ongress" in match.group(0)
    return named_meetings(
        match,
        "party_congress" if congress else "party_conference",
        numbers,
        term=None,
        explicit=True,
        noun="congress" if congress else "conference",
    )


def read_conference(match: re.Match[str], text: str) -> list[NamedMeeting]:
    numbers = numbers_or_none(match, 12)
    if numbers is None:
        return []
    before = text[max(0, match.start() - 40) : match.start()]
    named_before = re.search(r"\b(?!The\b|the\b|This\b|this\b|historic\b)[A-Z][\w-]*\s+$", before)
    if (
        numbers == [None]
        and named_before
        and text[: match.start() - len(before) + named_before.start()].strip()
    ):
        return []  # "the Labour conference" (but a sentence's first word: "Similar conferences")
    if re.search(
        r"(?i)\b(?:provincial|city|county|municipal|district|national|primary|cell|youth)\s+$",
        before,
    ):
        return []
    if bare_party_foreign(match, text):
        return []
    explicit = names_wpk_in(match.group(0))
    return named_meetings(
        match, "party_conference", numbers, term=None, explicit=explicit, noun="conference"
    )
