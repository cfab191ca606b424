"""The readers of meeting names: from one pattern match, the meetings it names (kind, term,
number, whose), or none when the match turns out to name another body's meeting.

:mod:`.names` holds the patterns and calls these; the vocabulary they share is in
:mod:`.vocabulary`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from wpk_archive.core.dates import MONTHS
from wpk_archive.core.timeline.vocabulary import (
    OTHER_BODY,
    PARTY,
    PARTY_NAMED,
    THE,
    WPK,
    bare_party_foreign,
    followed_by_foreign,
    foreign_party_in,
    names_wpk_in,
    ordinal_value,
    ordinals,
)


@dataclass(frozen=True)
class NamedMeeting:
    """A meeting named in one sentence (``start``/``end`` relative to the sentence).

    ``term`` and ``number`` are None where the text does not give them. ``explicit``: the name
    itself says whose meeting it is (it names the WPK, or it is the SPA's); a bare "the 9th
    Congress" or "the Party Congress" is not explicit. ``date_name``: the ISO month or year of a
    meeting named by its date. ``noun``: what "the <noun>" in a later sentence may refer back to.
    """

    start: int
    end: int
    kind: str
    term: int | None
    number: int | None
    enlarged: bool = False
    explicit: bool = True
    date_name: str | None = None
    noun: str = "meeting"
    slug: str = ""
    label: str = ""
    plural: bool = False


@dataclass(frozen=True)
class OtherMeeting:
    """A meeting noun that names no WPK or SPA meeting (for anaphora blocking)."""

    start: int
    end: int
    noun: str


def _first(match: re.Match[str], *names: str) -> str | None:
    """The text of the first of the groups ``names`` that took part in the match."""
    for name in names:
        if name in match.re.groupindex and match.group(name):
            return match.group(name)
    return None


def _term(match: re.Match[str]) -> int | None:
    value = _first(
        match, "t", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13"
    )
    return ordinal_value(value) if value else None


def _enlarged(match: re.Match[str]) -> bool:
    return bool(re.search(r"(?i)enlarged|extended|expanded", match.group(0)))


def _date_name(match: re.Match[str]) -> str | None:
    """ "2023-12" for "December 2023 Plenary Meeting", "2023" for "2023 year-end plenum"."""
    if "dname" not in match.re.groupindex or not match.group("dname"):
        return None
    month_name = _first(match, "dm1", "dm2", "dm3")
    year = _first(match, "dy1", "dy2", "dy3", "dy4")
    if month_name and year:
        return f"{year}-{MONTHS[month_name.lower()]:02d}"
    if month_name:  # "the August plenum": the year is the caller's to find
        return f"--{MONTHS[month_name.lower()]:02d}"
    return year


Reader = Callable[[re.Match[str], str], list[NamedMeeting]]


_PLURAL_HEAD = re.compile(
    r"(?i)(?:congresses|conferences|sessions|meetings|plenums|plenaries)$"
    r"|^(?:the\s+)?(?i:congresses|conferences)\s+of\s"
)
"""A name whose head is plural ("the previous congresses", "the conferences of the WPK")."""


def _meetings(
    match: re.Match[str],
    kind: str,
    numbers: list[int | None],
    *,
    term: int | None,
    explicit: bool,
    noun: str,
    date_name: str | None = None,
    slug: str = "",
    label: str = "",
) -> list[NamedMeeting]:
    """One NamedMeeting per number of a match (two for "the ninth and tenth plenary meetings")."""
    plural = numbers == [None] and _PLURAL_HEAD.search(match.group(0)) is not None
    if plural and slug:
        plural = False  # "The Conferences of South Hamgyong, Ryanggang ...": one a place
    return [
        NamedMeeting(
            match.start(),
            match.end(),
            kind,
            term,
            number,
            enlarged=_enlarged(match),
            explicit=explicit,
            date_name=date_name,
            noun=noun,
            slug=slug,
            label=label,
            plural=plural,
        )
        for number in numbers
    ]


_COUNTED_UNDER = re.compile(
    r",?\s+(?:under|during)\s+(?:the\s+(?:current|present|young|new|incumbent)\s+leader|Kim\b|"
    r"his\b|her\b|the\s+(?:rule|reign|leadership)\s+of)"
    r"|,?\s+since\s+(?:Kim\b(?:\s+[A-Z][a-z-]+){0,2}\s+(?:took|assumed|came|inherited|became)|"
    r"(?:he|she)\s+(?:took|assumed|came|inherited|became)|the\s+(?:current\s+)?leader\b)"
)
"""After an ordinal name, words that make it a count: "the second party congress under the current
leader", "the third party congress since Kim took power"."""
_FIRST_SINCE = re.compile(
    r"(?:\s+(?:of|by)\s+(?:the\s+)?[\w'’]+(?:\s+[\w'’()]+){0,5}?)?,?"
    r"(?:\s+(?:held|convened|called|to\s+be\s+held|opened))?\s+(?:since|after|in\s+"
    r"(?:(?:over|more\s+than|nearly|almost|about|some)\s+)?(?:\d+|[a-z]+(?:-[a-z]+)?|a)\s+"
    r"(?:years?|decades?|generations?)|in\s+decades|ever|of\s+its\s+kind|for\s+\d+\s+years)\b",
    re.IGNORECASE,  # (a headline: "Kim Calls First Party Congress in 35 Years")
)


_INAUGURAL = re.compile(
    r"\b[Ii]naugural\s+(?:[\w-]+\s+)?(?:[Cc]ongress|[Cc]onference|[Ss]ession|[Pp]lenary|[Mm]eeting)"
    r"|\b[Ff]ounding\s+(?:[Cc]ongress|[Cc]onference)"
)


def _numbers_or_none(match: re.Match[str], limit: int) -> list[int | None] | None:
    """The meeting numbers of a match ([None] when unnumbered; None when out of range).

    "The first party congress since 1980", "the first congress ... in 36 years" are unnumbered:
    "first" says when, not which.
    """
    numbers = ordinals(_first(match, "n", "n2", "n3", "n4", "n6"))
    if any(n > limit or n < 1 for n in numbers):
        return None
    if not numbers and _INAUGURAL.search(
        match.string, max(0, match.start() - 30), match.start() + 30
    ):
        return [1]  # "the historic inaugural congress of the Workers' Party of North Korea"
    if numbers == [1] and _FIRST_SINCE.match(match.string, match.end()):
        return [None]
    if len(numbers) == 1 and _COUNTED_UNDER.match(match.string, match.end()):
        return [None]  # "the second party congress under the current leader": a count
    return list(numbers) if numbers else [None]


def read_plenary(match: re.Match[str], text: str) -> list[NamedMeeting]:
    numbers = _numbers_or_none(match, 40)
    term = _term(match)
    if numbers is None or (term is not None and term > 12):
        return []
    if bare_party_foreign(match, text) or followed_by_foreign(match, text):
        return []
    explicit = names_wpk_in(match.group(0))
    return _meetings(
        match,
        "cc_plenary",
        numbers,
        term=term,
        explicit=explicit,
        noun="plenary",
        date_name=_date_name(match),
    )


def read_bare_plenary(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "the 5th Plenary Meeting" with no committee named (the caller checks the context)."""
    numbers = _numbers_or_none(match, 40)
    committee = re.match(r"C\.?C\.?\s", match.group(0)) is not None  # "the last CC plenum"
    if numbers is None or (numbers == [None] and not committee):
        return []
    after = text[match.end() : match.end() + 60]
    if re.match(r"\s+of\b", after):
        return []
    if re.search(r"\b(?:its|their)\s+$", text[max(0, match.start() - 12) : match.start()]):
        return []  # "the standing committee of the SPA held its 34th plenary meeting": the body's
    lead = text[max(0, match.start() - 40) : match.start()]
    if _OTHER_BODYS.search(lead) and not PARTY_NAMED.search(lead):
        return []  # "the DPRK Cabinet's second plenary meeting", "the 12th SPA's fourth plenary
        # meeting", "Cabinet Holds Second Plenum"
    return _meetings(match, "cc_plenary", numbers, term=None, explicit=False, noun="plenary")


_OTHER_BODYS = re.compile(
    r"\b(?:Cabinet|SPA|Assembly|Parliament|Council|Commission|Presidium|Standing\s+Committee|League|"
    r"Union|Federation)(?:['’]s)?\s+(?:(?i:holds|held|convened|convenes|opened|opens)\s+(?i:its\s+)?)?$"
)


def read_dated_plenary(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "the December 2023 Plenary Meeting (of the Party Central Committee)"."""
    if bare_party_foreign(match, text) or followed_by_foreign(match, text):
        return []
    committee = match.group("cc") is not None
    after = text[match.end() : match.end() + 60]
    if not committee and re.match(r"\s+of\b(?!\s*(?:\[…\]|\[\.\.\.\]|…|\.\.\.|$))", after):
        return []  # (but a cut title: "during the October 2017 plenary meeting of […]")
    return _meetings(
        match,
        "cc_plenary",
        [None],
        term=_term(match),
        explicit=committee and names_wpk_in(match.group(0)),
        noun="plenary",
        date_name=_date_name(match),
    )


def read_dated_conference(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "the March Conference" (the 1st, of March 1958), "the September 2010 Party Conference":
    a party conference named by its date (whose party it is, the sentence or the article says)."""
    if bare_party_foreign(match, text) or followed_by_foreign(match, text):
        return []
    around = text[max(0, match.start() - 80) : match.end() + 80]
    if OTHER_BODY.search(around) and not names_wpk_in(around):
        return []  # "the March conference of the youth league"
    return _meetings(
        match,
        "party_conference",
        [None],
        term=None,
        explicit=names_wpk_in(match.group(0)),
        noun="conference",
        date_name=_date_name(match),
    )


def read_politburo(match: re.Match[str], text: str) -> list[NamedMeeting]:
    numbers = _numbers_or_none(match, 60)
    term = _term(match)
    later_term = _first(match, "t8")
    if later_term and match.group("t3") and numbers == [None]:
        # "The 13th Politburo meeting of the 7th Central Committee": the first ordinal numbers it
        numbers, term = [ordinal_value(match.group("t3"))], ordinal_value(later_term)
    placed = match.groupdict().get("n5")
    if placed:
        # "The enlarged meeting of the 21st Political Bureau of the 7th Central Committee" (a
        # translator's order: the meeting's number) or "the first meeting of the 8th Politburo"
        # (the body's term)
        if term is not None and numbers == [None]:
            numbers = [ordinal_value(placed)]
        elif term is None:
            term = ordinal_value(placed)
    if numbers is None or (term is not None and term > 12):
        return []
    if bare_party_foreign(match, text) or followed_by_foreign(match, text):
        return []
    committee = bool(re.search(r"Central|C\.\s?C\.|CC\b|WPK|Workers|KWP|[Pp]arty", match.group(0)))
    return _meetings(
        match,
        "politburo_meeting",
        numbers,
        term=term,
        explicit=committee and (names_wpk_in(match.group(0)) or "arty" in match.group(0)),
        noun="meeting",
    )


def read_cmc(match: re.Match[str], text: str) -> list[NamedMeeting]:
    numbers = _numbers_or_none(match, 60)
    term = _term(match)
    if numbers is None or (term is not None and term > 12):
        return []
    if bare_party_foreign(match, text) or followed_by_foreign(match, text):
        return []
    return _meetings(
        match,
        "cmc_meeting",
        numbers,
        term=term,
        explicit=names_wpk_in(match.group(0)) or "arty" in match.group(0),
        noun="meeting",
    )


def read_secretariat(match: re.Match[str], text: str) -> list[NamedMeeting]:
    if bare_party_foreign(match, text) or followed_by_foreign(match, text):
        return []
    numbers = _numbers_or_none(match, 40)  # "the Fourth Meeting of the Executive Policy Council"
    if numbers is None:
        return []
    return _meetings(
        match,
        "secretariat_meeting",
        numbers,
        term=_term(match),
        explicit=names_wpk_in(match.group(0)) or "arty" in match.group(0),
        noun="meeting",
    )


def read_spa(match: re.Match[str], text: str) -> list[NamedMeeting]:
    numbers = _numbers_or_none(match, 20)
    term = _term(match)
    if numbers is None or (term is not None and term > 20):
        return []
    after = text[match.end() : match.end() + 40]
    if re.match(r"\s*(?:Standing\s+Committee|Presidium|Permanent)", after):
        return []
    before = text[max(0, match.start() - 40) : match.start()]
    if re.search(r"(?i)\b(?:standing\s+committee|presidium)\s+of\s+(?:the\s+)?$", before):
        return []  # "the standing committee of the SPA met": the committee's meeting, no session
    if re.search(
        r"(?i)\b(?:chairman|chairwoman|chair|speaker|president|vice-chairman|vice\s+chairman|"
        r"secretary|deputy|deputies|member|members|delegation)\s+of\s+(?:the\s+)?$",
        before,
    ) and not re.match(r"\s*(?:[Ss]ession|[Mm]eeting)", match.group(0)):
        return []  # "Choe Thae Bok, chairman of the Supreme People's Assembly, met ...": a person
    if (
        numbers == [None]
        and term is not None
        and (re.search(r"\b[Oo]pening\s+$", before) or _first(match, "opening"))
    ):
        numbers = [1]  # "the opening session of the 13th SPA": the first of the new Assembly
    return _meetings(match, "spa_session", numbers, term=term, explicit=True, noun="session")


def read_spa_standing(match: re.Match[str], text: str) -> list[NamedMeeting]:
    numbers = _numbers_or_none(match, 80)
    term = _term(match)
    if numbers is None or (term is not None and term > 20):
        return []
    return _meetings(
        match, "spa_standing_committee", numbers, term=term, explicit=True, noun="plenary"
    )


_BODY_OF = re.compile(
    r"\b(?:Central\s+Committee|Standing\s+Committee|Presidium|Political\s+Bureau|Politburo|"
    r"Auditing\s+Commission|Revision\s+Commission)\s+of\s+(?:the\s+)?$"
)
"""Before a congress's name, a body it elected: "the Standing Committee of the 3rd Congress" (the
body, not the meeting)."""


def read_congress(match: re.Match[str], text: str) -> list[NamedMeeting]:
    numbers = _numbers_or_none(match, 12)
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
    return _meetings(
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
    return _meetings(
        match,
        "party_congress",
        [None],
        term=None,
        explicit=names_wpk_in(match.group(0)),
        noun="congress",
        date_name=match.group("cy"),
    )


_AP_DATELINE = re.compile(
    r"^\W*[A-Z]{3,}(?:\s+[A-Z]{2,})*,\s+(?:South\s+)?Korea\s*(?:\([^)]{1,20}\)\s*)?[—–-]+"
)
"""A news agency's dateline: "SEOUL, South Korea (AP) —"."""


_NORTH_NAMED = re.compile(
    r"North\s+Korea|Pyongyang|\bDPRK\b|\b[Tt]he\s+North\b|SPA\b|Supreme\s+People"
)


def read_parliament(
    match: re.Match[str], text: str, *, north_korea: bool = False
) -> list[NamedMeeting]:
    """ "a crucial parliamentary meeting", "the rubber-stamp parliament's session": the SPA's,
    in a sentence about North Korea, or of an article about it (``north_korea``), never the
    South's National Assembly."""
    if not north_korea and not _NORTH_NAMED.search(text):
        return []
    told = _AP_DATELINE.sub("", text, count=1)  # "SEOUL, South Korea (AP) — North Korea will"
    if told != text and not _NORTH_NAMED.search(told):
        told = text  # (the dateline's country is the sentence's only one)
    told = _SOUTHS_WATCHERS.sub("", told)  # "the South Korean Yonhap news agency suggested"
    if re.search(r"South\s+Korea|\bSeoul\b|National\s+Assembly|Diet\b|Congress\b", told) and not (
        _NORTH_NAMED.search(match.group(0))
        or _NORTHS_OWN.search(text, max(0, match.start() - 40), match.start())
    ):
        return []  # (but "a session of North Korea's parliament" is the North's, whatever follows)
    first = re.search(
        r"\bits\s+(?:first|inaugural|opening)\s+session", match.group(0)
    ) or re.search(
        r"\b(?:first|inaugural|opening)\s+(?:plenary\s+)?session\s+of\s+(?:the|its)\s+(?:new|newly[\s-]"
        r"elected)\s",
        text[max(0, match.start() - 30) : match.end()],
    )  # "the opening session of the new parliament"
    numbers: list[int | None] = (
        [1] if first else [None]
    )  # "the new parliament opened its first session"
    return _meetings(match, "spa_session", numbers, term=None, explicit=True, noun="session")


_SOUTHS_WATCHERS = re.compile(
    r"\b(?:South\s+Korea(?:n|['’]s)?|Seoul['’]s)\s+(?:(?:state-run\s+|official\s+)?(?:Yonhap|news\s+agency|media|"
    r"officials?|government|ministry|Unification\s+Ministry|military|Joint\s+Chiefs|intelligence|"
    r"spy\s+agency|analysts?|experts?|observers?|President|researchers?|think\s+tank))"
)
"""South Korea as the one who reports or watches, not as the country whose parliament it is."""
_NORTHS_OWN = re.compile(r"(?:North\s+Korea|the\s+North|Pyongyang|DPRK)['’]s\s+(?:[\w-]+\s+){0,2}$")
"""Right before "parliament": whose it is ("North Korea's rubber-stamp parliament")."""


_BODY_KINDS = (
    ("spa_standing_committee", re.compile(r"[Ss]tanding\s+[Cc]ommittee|Presidium")),
    (
        "politburo_meeting",
        re.compile(r"Political\s+Bureau|Political\s+Committee|[Pp]olitical\s+bureau|[Pp]olitburo"),
    ),
    ("cmc_meeting", re.compile(r"Military\s+Commission|CMC")),
    ("secretariat_meeting", re.compile(r"Secretariat")),
    ("cc_plenary", re.compile(r"Central\s+Committee|\bCC\b|C\.C\.")),
)


def read_body_held(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "The Standing Committee of the SPA held a plenary meeting", "the Political Bureau of the
    WPK Central Committee convened its meeting": the body names whose meeting it is."""
    body = match.group("body")
    if bare_party_foreign(match, text) or re.search(r"General\s+Political", body):
        return []
    kind = next((k for k, pattern in _BODY_KINDS if pattern.search(body)), None)
    if kind is None:
        return []
    if kind == "spa_standing_committee" and not re.search(r"SPA|Supreme|Assembly", body):
        return []
    head = _first(match, "head", "head2") or ""
    if kind == "politburo_meeting" and re.search(r"(?i)plenary|plenum", head):
        # "the Political Bureau of the WPK Central Committee convened a plenary meeting": it
        # convenes the Central Committee's plenary meetings and has none of its own
        kind = "cc_plenary"
    if (
        kind == "cc_plenary"
        and not re.search(r"(?i)plenary|plenum|full\s+session", head)
        and not (head == "" and _first(match, "met", "convened"))
        and not _first(match, "head2")  # "the Central Committee met in an enlarged session"
    ):
        return []  # (but "the party's Central Committee met on Wednesday": it meets in plenum)
    numbers = _numbers_or_none(match, 80)  # "held its 34th plenary meeting"
    if numbers is None:
        return []
    # a body that does not say whose it is ("the Political Bureau held a meeting") is the WPK's
    # unless the sentence or the article is about another party (as for "a meeting of the
    # Political Bureau": see discourse.is_wpk)
    explicit = kind == "spa_standing_committee" or names_wpk_in(body) or "arty" in body
    return _meetings(match, kind, numbers, term=_term(match), explicit=explicit, noun="meeting")


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
    numbers = _numbers_or_none(match, limit)
    if numbers is None:
        return []
    explicit = names_wpk_in(match.group("body"))
    return _meetings(match, kind, numbers, term=None, explicit=explicit, noun=noun)


def read_body_decided(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "The Political Bureau of the Central Committee of the WPK on July 30 adopted a decision",
    "the Secretariat of the WPK Central Committee decided": a decision of the Political Bureau,
    its Presidium, the Secretariat or the Central Military Commission is taken at a meeting of
    the body (kept only when the sentence dates it; the SPA Presidium's decrees and the Central
    Committee's decisions are not meetings)."""
    body = match.group("body") or match.group("body2")
    if bare_party_foreign(match, text) or not (names_wpk_in(body) or "arty" in body):
        return []
    kind = next((k for k, pattern in _BODY_KINDS if pattern.search(body)), None)
    if kind not in ("politburo_meeting", "cmc_meeting", "secretariat_meeting"):
        return []
    # the name is the body alone: a date between it and the verb dates the decision
    end = match.end("body") if match.group("body") else match.end("body2")
    return [
        replace(meeting, end=end)
        for meeting in _meetings(
            match, kind, [None], term=_term(match), explicit=True, noun="meeting"
        )
    ]


_LIST_HEAD = re.compile(
    r"\s*(?:(?:Party|WPK|KWP)\s+)?(?P<what>Congresses|Conferences|Party\s+Congresses|Party\s+Conferences)"
    r"\s*(?:\([^()]{0,20}\))?\s*:"
)
"""The head of a list of one kind's meetings: "Congresses: 1st (28-30 August 1946), 2nd (...)"."""


def read_listed(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """An item of a list of congresses or conferences ("2nd (27-30 March 1948)") after its head."""
    head = _LIST_HEAD.match(text)
    if head is None:
        return []
    numbers = _numbers_or_none(match, 12)
    if numbers is None or numbers == [None]:
        return []
    congress = "ongress" in head.group("what")
    return _meetings(
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
    numbers = _numbers_or_none(match, 12)
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
        return _meetings(
            match, "party_conference", numbers, term=None, explicit=False, noun="conference"
        )
    return _meetings(match, "party_congress", numbers, term=None, explicit=False, noun="congress")


def read_founding_congress(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "It was founded at a congress on August 28-30, 1946": the founding (first) congress of the
    party the sentence is about; whose party it is, the sentence or the article says."""
    if bare_party_foreign(match, text) or foreign_party_in(text):
        return []
    return _meetings(match, "party_congress", [1], term=None, explicit=False, noun="congress")


_NORTHS_PARTY = re.compile(
    r"(?:North\s+Korea['’]s|the\s+North['’]s|Pyongyang['’]s)\s+(?:ruling\s+)?(?:communist\s+)?[Pp]arty\b"
)
"""The WPK by its country: "North Korea's ruling party will hold its biggest conference"."""


def read_its(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "the Workers' Party of Korea ... at its Conference": the WPK's, when the clause before
    names the WPK and no other party."""
    numbers = _numbers_or_none(match, 12)
    if numbers is None:
        return []
    before = text[max(0, match.start() - 120) : match.start()]
    owner = list(re.finditer(WPK, before)) or list(_NORTHS_PARTY.finditer(before))
    if (
        not owner
        or foreign_party_in(before, owner[-1].end())
        or re.search(r"[.;]", before[owner[-1].end() :])
    ):
        return []
    if re.search(r"\b(?:its|their)\b", before[owner[-1].end() :]):
        return []
    congress = "ongress" in match.group(0)
    return _meetings(
        match,
        "party_congress" if congress else "party_conference",
        numbers,
        term=None,
        explicit=True,
        noun="congress" if congress else "conference",
    )


_SPA_OWNER = re.compile(r"Supreme\s+People['’]s\s+Assembly|\bSPA\b")


def read_its_session(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "The Supreme People's Assembly, North Korea's parliament, reappointed him in its inaugural
    session": the SPA's session, when the clause before names the SPA and no other body after it
    (its Standing Committee or Presidium)."""
    numbers = _numbers_or_none(match, 20)
    if numbers is None:
        return []
    if match.group("first") and numbers == [None]:
        numbers = [1]
    before = text[max(0, match.start() - 160) : match.start()]
    owner = list(_SPA_OWNER.finditer(before))
    if not owner or re.search(r"[.;]", before[owner[-1].end() :]):
        return []
    after_owner = before[owner[-1].start() - 40 if owner[-1].start() >= 40 else 0 :]
    if re.search(r"Standing\s+Committee|Presidium|\bits\b|\btheir\b", after_owner[:-1]):
        return []
    return _meetings(match, "spa_session", numbers, term=None, explicit=True, noun="session")


_HIGHER_BODY = re.compile(
    r"(?:Political\s+Bureau|Politburo|Central\s+Committee|Central\s+Military\s+Commission|"
    r"Secretariat|Presidium|Executive\s+Policy\s+Council)\b",
    re.IGNORECASE,
)
_CELL_ORGANS = re.compile(
    r"\b(?:cells?|primary|secretaries|chairpersons|chairmen|instructors)\b", re.IGNORECASE
)
"""Lower party organs that only the party has ("a conference of cell secretaries")."""
_LOWER_ORGANS = re.compile(
    r"\b(?:Cell|Cells|Primary|Secretaries|Chairpersons|Chairmen|Instructors|Officials|Activists|"
    r"Members|Branch|Committees|Party)\b",
    re.IGNORECASE,
)


def read_conference(match: re.Match[str], text: str) -> list[NamedMeeting]:
    numbers = _numbers_or_none(match, 12)
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
    return _meetings(
        match, "party_conference", numbers, term=None, explicit=explicit, noun="conference"
    )


def _series(word: str, what: str) -> str:
    """The series a lower-organ meeting is numbered in: the conferences of cell secretaries (held
    in 2017 as a conference of cell chairpersons) are one series, those of the chairpersons or
    secretaries of primary committees another; others by their words."""
    lowered = what.lower()
    if re.search(r"\bcells?\b", lowered):
        return "cell-secretaries"
    if "primary" in lowered:
        return "primary-committee-secretaries"
    words = [
        w
        for w in re.findall(r"[a-z]+", f"{word.lower()} {lowered}")
        if w not in ("of", "the", "and")
    ]
    return "-".join(words)


def read_lower_party(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """A conference of party cells, primary committees and the like ("... of the WPK")."""
    numbers = _numbers_or_none(match, 40)
    if numbers is None:
        return []
    what = re.sub(rf"(?:\s+of)?(?:\s+{THE}{PARTY})?(?:\s+(?:of|the))*\s*$", "", match.group("what"))
    if _HIGHER_BODY.match(what):
        return []  # "a meeting of Political Bureau of the ... Central Committee": the Politburo's
    if not _LOWER_ORGANS.search(what) or (
        re.match(PARTY, what)
        and not re.match(
            rf"{PARTY}\s+(?:cells?|primary|branch|secretaries|chair|committee)", what, re.I
        )
    ):
        return []  # "the Conference of Party Representatives" is the Party Conference
    party = re.search(r"(?i)\bparty\b|WPK", what) is not None
    # "the First National Conference of Officials in the Personnel Administration Sector": a
    # national conference the party calls, named as a title
    titled = bool(match.group("nat")) and what[:1].isupper()
    if not party and not _CELL_ORGANS.search(what) and not titled:
        return []  # "a conference of officials": of what, the name does not say
    after = text[match.end() : match.end() + 100]
    owned = match.group("owner") is not None  # "of the Workers' Party's cell secretaries"
    if (
        not party
        and not owned
        and re.search(OTHER_BODY.pattern, what + " " + after.split(".")[0], re.I)
    ):
        return []  # "a meeting of chairpersons of primary organizations of the youth league"
    explicit = owned or names_wpk_in(match.group(0)) or names_wpk_in(after)
    word = match.group("kw").capitalize()
    what = " ".join(
        w if w in ("of", "the", "in", "and") else w[:1].upper() + w[1:] for w in what.split()
    )
    label = f"{'National ' if titled else ''}{word} of {what} of the WPK"
    slug = _series(word, what)
    return _meetings(
        match,
        "other_party_meeting",
        numbers,
        term=None,
        explicit=explicit,
        noun=word.lower(),
        slug=slug,
        label=label,
    )


PLACE = r"(?:(?:North|South)\s+)?[A-Z][a-z]+"
"""A province's or city's name ("North Hwanghae", "Nampho")."""
_PLACES_LEVEL = re.compile(
    rf"(?P<places>{PLACE}(?:(?:\s*,\s*|\s*,?\s+and\s+){PLACE})*)\s+"
    r"(?P<level>Provinces?|Provincial|City|Cities|Municipal)"
)


def read_local_list(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "The Conferences of South Hamgyong, Ryanggang and North Hwanghae Provinces and Nampho City
    of the WPK", "North Phyongan, North Hamgyong Provincial and Nampho City Conferences of the
    WPK": one conference of each province and city named."""
    meetings: list[NamedMeeting] = []
    for group in _PLACES_LEVEL.finditer(_first(match, "list", "list2") or ""):
        level = "City" if group.group("level").startswith(("Cit", "Mun")) else "Provincial"
        for place in re.split(r"\s*,\s*(?:and\s+)?|\s*,?\s+and\s+", group.group("places")):
            if not place:
                continue
            label = f"Conference of the {place} {level} Committee of the WPK"
            slug = re.sub(r"[^a-z]+", "-", f"conference {place} {level}".lower()).strip("-")
            meetings += _meetings(
                match,
                "other_party_meeting",
                [None],
                term=None,
                explicit=True,
                noun="conference",
                slug=slug,
                label=label,
            )
    return meetings if len(meetings) >= 2 else []


def read_local_committee(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """A plenary meeting or conference of a provincial, city or county party committee."""
    numbers = _numbers_or_none(match, 60)
    if numbers is None:
        return []
    place = match.group("place").strip()
    level = match.group("level").capitalize()
    head = _first(match, "head", "head2") or ""
    word = "Conference" if "onference" in head else "Plenary Meeting"
    label = f"{word} of the {place} {level} Committee of the WPK"
    slug = re.sub(r"[^a-z]+", "-", f"{word} {place} {level}".lower()).strip("-")
    return _meetings(
        match,
        "other_party_meeting",
        numbers,
        term=None,
        explicit=True,
        noun="conference" if word == "Conference" else "plenary",
        slug=slug,
        label=label,
    )


def read_local_plenaries(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "Enlarged plenary meetings of the Pyongyang municipal and provincial committees of the WPK
    were held between the 12th and the 14th": the local committees' round of plenary meetings
    after a plenum of the Central Committee, one event (the annotators' and KCNA's one round)."""
    return _meetings(
        match,
        "other_party_meeting",
        [None],
        term=None,
        explicit=True,
        noun="plenary",
        slug="local-committees-plenary-meetings",
        label="Plenary Meetings of the Pyongyang City and Provincial Committees of the WPK",
    )


def read_joint_meeting(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "An enlarged joint meeting of the Central Committee of the WPK and the KPA Committee of the
    WPK": a meeting of two bodies together, neither's own plenum."""
    numbers = _numbers_or_none(match, 20)
    if numbers is None:
        return []
    return _meetings(
        match,
        "other_party_meeting",
        numbers,
        term=None,
        explicit=True,
        noun="meeting",
        slug="joint-meeting-cc-kpa-committee",
        label="Joint Meeting of the WPK Central Committee and the KPA Committee of the WPK",
    )
