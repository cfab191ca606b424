"""The readers of the party's lower meetings (see :mod:`.readers`), all ``other_party_meeting``:
conferences and meetings of its lower organs, of its local committees, and joint meetings.

Rules:
- a lower organ's meeting is the party's when the name or the text after it names the party, or
  the organ is one only the party has (cells, primary committees, their secretaries), or it is a
  national conference named as a title; a meeting of a higher body (Political Bureau, Central
  Committee, CMC, Secretariat, Presidium) is none of these, "the Conference of Party
  Representatives" is the Party Conference, and another body's organs ("of the youth league")
  are not the party's;
- a lower organ's meeting is numbered in its own series: the conferences of cell secretaries (held
  in 2017 as a conference of cell chairpersons) are one series, those of the chairpersons or
  secretaries of primary committees another, others by their words;
- a list of provinces and cities ("the Conferences of South Hamgyong, Ryanggang and North Hwanghae
  Provinces and Nampho City of the WPK") names one conference per place (two at least);
- a provincial, city or county committee's plenary meeting or conference is that committee's; the
  local committees' round of plenary meetings after a plenum is one event; a joint meeting of the
  Central Committee and the KPA Committee is neither's own plenum."""

from __future__ import annotations

import re

from wpk_archive.core.timeline.readers import (
    NamedMeeting,
    first_group,
    named_meetings,
    numbers_or_none,
)
from wpk_archive.core.timeline.vocabulary import OTHER_BODY, PARTY, THE, names_wpk_in

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
    numbers = numbers_or_none(match, 40)
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
    return named_meetings(
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
    for group in _PLACES_LEVEL.finditer(first_group(match, "list", "list2") or ""):
        level = "City" if group.group("level").startswith(("Cit", "Mun")) else "Provincial"
        for place in re.split(r"\s*,\s*(?:and\s+)?|\s*,?\s+and\s+", group.group("places")):
            if not place:
                continue
            label = f"Conference of the {place} {level} Committee of the WPK"
            slug = re.sub(r"[^a-z]+", "-", f"conference {place} {level}".lower()).strip("-")
            meetings += named_meetings(
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
    numbers = numbers_or_none(match, 60)
    if numbers is None:
        return []
    place = (first_group(match, "place", "place2") or "").strip()
    level = (first_group(match, "level", "level2") or "").capitalize()
    head = (first_group(match, "head", "head2", "head3") or "").lower()
    word = (
        "Conference" if "onference" in head else "Plenary Meeting" if "plen" in head else "Meeting"
    )
    label = f"{word} of the {place} {level} Committee of the WPK"
    slug = re.sub(r"[^a-z]+", "-", f"{word} {place} {level}".lower()).strip("-")
    return named_meetings(
        match,
        "other_party_meeting",
        numbers,
        term=None,
        explicit=True,
        noun={"Conference": "conference", "Meeting": "meeting"}.get(word, "plenary"),
        slug=slug,
        label=label,
    )


def read_local_plenaries(match: re.Match[str], text: str) -> list[NamedMeeting]:
    """ "Enlarged plenary meetings of the Pyongyang municipal and provincial committees of the WPK
    were held between the 12th and the 14th": the local committees' round of plenary meetings
    after a plenum of the Central Committee, one event (the annotators' and KCNA's one round)."""
    return named_meetings(
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
    numbers = numbers_or_none(match, 20)
    if numbers is None:
        return []
    return named_meetings(
        match,
        "other_party_meeting",
        numbers,
        term=None,
        explicit=True,
        noun="meeting",
        slug="joint-meeting-cc-kpa-committee",
        label="Joint Meeting of the WPK Central Committee and the KPA Committee of the WPK",
    )
