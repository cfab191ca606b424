"""The readers of the standing bodies' meetings (see :mod:`.readers`): plenary meetings of the
Central Committee, meetings of the Political Bureau, the CMC and the Secretariat, sessions of the
SPA and plenary meetings of its Standing Committee, and a body named as holding or deciding.

Rules:
- a plenary meeting with no committee named is the caller's to place, unless another body owns
  it ("the DPRK Cabinet's second plenary meeting", "the standing committee of the SPA held its
  34th plenary meeting"); one named by its date is the Central Committee's unless another's follows;
- "The 13th Politburo meeting of the 7th Central Committee": the first ordinal numbers it; in
  "the enlarged meeting of the 21st Political Bureau of the 7th Central Committee" the ordinal
  before the body is the meeting's number, in "the first meeting of the 8th Politburo" its term;
- an SPA name followed by its Standing Committee or Presidium, or after a person's office
  ("chairman of the Supreme People's Assembly"), names no session; "the opening session of the
  13th SPA" is its first; "parliament" is the SPA's only in a sentence or article about North
  Korea, never the South's National Assembly (a South Korean source reporting is not the South's);
- a body that holds a meeting names whose it is; the Political Bureau's plenary meeting is the
  Central Committee's; a dated decision of the Political Bureau, CMC or Secretariat is taken at
  a meeting of the body (the SPA Presidium's decrees and the Central Committee's decisions are
  not)."""

from __future__ import annotations

import re
from dataclasses import replace

from wpk_archive.core.timeline.readers import (
    NamedMeeting,
    date_name_of,
    first_group,
    named_meetings,
    numbers_or_none,
    term_of,
)
from wpk_archive.core.timeline.vocabulary import (
    ASSEMBLY_ACTS,
    PARTY_NAMED,
    WPK,
    bare_party_foreign,
    followed_by_foreign,
    names_wpk_in,
    ordinal_value,
)


def read_plenary(match: re.Match[str], text: str) -> list[NamedMeeting]:
    numbers = numbers_or_none(match, 40)
    term = term_of(match)
    if numbers is None or (term is not None and term > 12):
        return []
    if bare_party_foreign(match, text) or followed_by_foreign(match, text):
        return []
    explicit = names_wpk_in(match.group(0))
    return named_meetings(
        match,
        "cc_plenary",
        numbers,
        term=term,
        explicit=explicit,
        noun="plenary",
        date_name=date_name_of(match),
    )


def read_bare_plenary(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "the 5th Plenary Meeting" with no committee named (the caller checks the context)."""
    numbers = numbers_or_none(match, 40)
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
    return named_meetings(match, "cc_plenary", numbers, term=None, explicit=False, noun="plenary")


_OTHER_BODYS = re.compile(
    r"\b(?:Cabinet|SPA|Assembly|Parliament|Council|Commission|Presidium|Standing\s+Committee|League|"
    r"Union|Federation)(?:['’]s)?\s+(?:(?i:holds|held|convened|convenes|opened|opens)\s+(?i:its\s+)?)?$"
)


_OF_THE_PARTY = re.compile(rf"\s+of\s+(?:the\s+)?(?:\[Korean\]\s+)?(?:{WPK})")


def read_dated_plenary(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "the December 2023 Plenary Meeting (of the Party Central Committee)"."""
    if bare_party_foreign(match, text) or followed_by_foreign(match, text):
        return []
    committee = match.group("cc") is not None
    after = text[match.end() : match.end() + 60]
    if (
        not committee
        and re.match(r"\s+of\b(?!\s*(?:\[…\]|\[\.\.\.\]|…|\.\.\.|$))", after)
        and not _OF_THE_PARTY.match(after)
    ):
        # (but a cut title: "during the October 2017 plenary meeting of […]", and the party's
        # own: "the December plenum of the [Korean] Workers' Party")
        return []
    return named_meetings(
        match,
        "cc_plenary",
        [None],
        term=term_of(match),
        explicit=committee and names_wpk_in(match.group(0)),
        noun="plenary",
        date_name=date_name_of(match),
    )


def read_politburo(match: re.Match[str], text: str) -> list[NamedMeeting]:
    numbers = numbers_or_none(match, 60)
    term = term_of(match)
    later_term = first_group(match, "t8")
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
    return named_meetings(
        match,
        "politburo_meeting",
        numbers,
        term=term,
        explicit=committee and (names_wpk_in(match.group(0)) or "arty" in match.group(0)),
        noun="meeting",
    )


def read_politburo_as_meeting(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """The Politburo named for its meeting, with the day right after ("the decision was adopted
    at a Workers' Party politburo on Sunday")."""
    if bare_party_foreign(match, text) or followed_by_foreign(match, text):
        return []
    return named_meetings(
        match,
        "politburo_meeting",
        [None],
        term=None,
        explicit=names_wpk_in(match.group(0)) or "arty" in match.group(0),
        noun="meeting",
    )


def read_cmc(match: re.Match[str], text: str) -> list[NamedMeeting]:
    numbers = numbers_or_none(match, 60)
    term = term_of(match)
    if numbers is None or (term is not None and term > 12):
        return []
    if bare_party_foreign(match, text) or followed_by_foreign(match, text):
        return []
    return named_meetings(
        match,
        "cmc_meeting",
        numbers,
        term=term,
        # (a closing "of the Party" is the party of the story, which the document tells)
        explicit=names_wpk_in(match.group(0)) or "arty" in _CLOSING_PARTY.sub("", match.group(0)),
        noun="meeting",
    )


_CLOSING_PARTY = re.compile(r"\s+of\s+(?:the\s+)?Party$")


def read_secretariat(match: re.Match[str], text: str) -> list[NamedMeeting]:
    if bare_party_foreign(match, text) or followed_by_foreign(match, text):
        return []
    numbers = numbers_or_none(match, 40)  # "the Fourth Meeting of the Executive Policy Council"
    if numbers is None:
        return []
    return named_meetings(
        match,
        "secretariat_meeting",
        numbers,
        term=term_of(match),
        explicit=names_wpk_in(match.group(0)) or "arty" in match.group(0),
        noun="meeting",
    )


_ACTS = re.compile(rf"(?:\s*,[^,;.]{{1,60}},)?\s+{ASSEMBLY_ACTS}\b")
_SOME_DATE = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|"
    r"\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\b[MTWFS][a-z]+day\b|"
    r"\b(?:yesterday|today|last|this|earlier)\b"
)


def read_spa(match: re.Match[str], text: str) -> list[NamedMeeting]:
    numbers = numbers_or_none(match, 20)
    term = term_of(match)
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
        and not re.search(r"(?i)session|meeting", match.group(0))
        and _ACTS.match(text, match.end())
        and not _SOME_DATE.search(text)
    ):
        return []  # "The SPA adopted the constitution": a session only where a date tells it
    if (
        numbers == [None]
        and term is not None
        and (re.search(r"\b[Oo]pening\s+$", before) or first_group(match, "opening"))
    ):
        numbers = [1]  # "the opening session of the 13th SPA": the first of the new Assembly
    return named_meetings(match, "spa_session", numbers, term=term, explicit=True, noun="session")


def read_convoked_session(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "The Presidium of the SPA ... announced a decision to convene a session in Pyongyang on
    April 11": the assembly's session (the one it convenes), named over "a session"."""
    found = named_meetings(match, "spa_session", [None], term=None, explicit=True, noun="session")
    return [replace(m, start=match.start("s"), end=match.end("s")) for m in found]


def read_spa_standing(match: re.Match[str], text: str) -> list[NamedMeeting]:
    numbers = numbers_or_none(match, 80)
    term = term_of(match)
    if numbers is None or (term is not None and term > 20):
        return []
    return named_meetings(
        match, "spa_standing_committee", numbers, term=term, explicit=True, noun="plenary"
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
    return named_meetings(match, "spa_session", numbers, term=None, explicit=True, noun="session")


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
    head = first_group(match, "head", "head2") or ""
    if kind == "politburo_meeting" and re.search(r"(?i)plenary|plenum", head):
        # "the Political Bureau of the WPK Central Committee convened a plenary meeting": it
        # convenes the Central Committee's plenary meetings and has none of its own
        kind = "cc_plenary"
    if (
        kind == "cc_plenary"
        and not re.search(r"(?i)plenary|plenum|full\s+session", head)
        and not (head == "" and first_group(match, "met", "convened"))
        and not first_group(match, "head2")  # "the Central Committee met in an enlarged session"
    ):
        return []  # (but "the party's Central Committee met on Wednesday": it meets in plenum)
    numbers = numbers_or_none(match, 80)  # "held its 34th plenary meeting"
    if numbers is None:
        return []
    # a body that does not say whose it is ("the Political Bureau held a meeting") is the WPK's
    # unless the sentence or the article is about another party (as for "a meeting of the
    # Political Bureau": see discourse.is_wpk)
    explicit = kind == "spa_standing_committee" or names_wpk_in(body) or "arty" in body
    return named_meetings(
        match, kind, numbers, term=term_of(match), explicit=explicit, noun="meeting"
    )


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
        for meeting in named_meetings(
            match, kind, [None], term=term_of(match), explicit=True, noun="meeting"
        )
    ]


_SPA_OWNER = re.compile(r"Supreme\s+People['’]s\s+Assembly|\bSPA\b")


def read_its_session(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "The Supreme People's Assembly, North Korea's parliament, reappointed him in its inaugural
    session": the SPA's session, when the clause before names the SPA and no other body after it
    (its Standing Committee or Presidium)."""
    numbers = numbers_or_none(match, 20)
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
    return named_meetings(match, "spa_session", numbers, term=None, explicit=True, noun="session")
