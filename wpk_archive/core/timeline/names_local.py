"""The patterns of the party's lower meeting names (see :mod:`.names`), read by
:mod:`.readers_local`: conferences and meetings of its lower organs (cells, primary committees,
their secretaries and chairpersons, officials, activists), plenary meetings and conferences of its
provincial, city and county committees, lists of provinces and cities holding their conferences,
the local committees' round of plenary meetings, and joint meetings of the Central Committee and
the KPA Committee.

Rules (the pattern table's order is kept: :mod:`.names` tries :data:`LOCAL_PATTERNS` first, so a
lower organ's "conference" or a local committee's "plenary meeting" is read before a body's):
- provinces and cities are named together: "South Hamgyong, Ryanggang and North Hwanghae Provinces
  and Nampho City"."""

from __future__ import annotations

import re

from wpk_archive.core.timeline.names_bodies import PLENARY_HEAD
from wpk_archive.core.timeline.readers import Reader
from wpk_archive.core.timeline.readers_local import (
    PLACE,
    read_joint_meeting,
    read_local_committee,
    read_local_list,
    read_local_plenaries,
    read_lower_party,
)
from wpk_archive.core.timeline.vocabulary import APOS, MODS_CI, OF_PARTY, ORDS, TERM_CC, THE, WPK

_ORGAN_WORDS = (
    r"cells?|party|primary|secretaries|chairpersons|chairmen|chairs|instructors|committees?|officials|"
    r"activists|members|branch(?:es)?|senior|leading|responsible|chief|provincial|city|county|"
    r"municipal|and(?=\s+(?:provincial|city|county|municipal)\b)"
)
_PLACE = PLACE
_LEVEL = r"(?i:Provincial|City|County|Municipal|District)"
_PLACE_LIST = (
    rf"{_PLACE}(?:(?:\s*,\s*|\s*,?\s+and\s+){_PLACE})*\s+(?:Provinces?|Provincial|City|Cities)"
    rf"(?:(?:\s*,\s*|\s*,?\s+and\s+){_PLACE}(?:(?:\s*,\s*|\s*,?\s+and\s+){_PLACE})*\s+"
    rf"(?:Provinces?|Provincial|City|Cities))*"
)
"""Provinces and cities named together: "South Hamgyong, Ryanggang and North Hwanghae Provinces
and Nampho City"."""

LOCAL_PATTERNS: list[tuple[re.Pattern[str], Reader, tuple[tuple[str, ...], ...]]] = [
    (
        re.compile(
            rf"(?:(?P<n>{ORDS})\s+)?{MODS_CI}(?P<nat>[Nn]ational\s+)?"
            # (the "of" left out: "The Fifth Conference Party Cell Chairs")
            rf"(?:(?P<kw>[Cc]onference|[Mm]eeting|Congress)s?)\s+(?:of\s+|(?=(?:[Pp]arty\s+)?[Cc]ells?\s))"
            rf"(?:the\s+(?P<owner>{WPK}){APOS}s\s+|the\s+(?=[Pp]arty\s+(?:committee|cell|primary)\b)"
            rf"|the\s+(?=[A-Z][a-z]+\s+(?:[Pp]arty|WPK)\s+(?:organization|committee|cell)))?"  # "of the Workers'
            # Party's cell secretaries", "of the party committee of the Taean ... Plant"
            rf"(?P<what>(?:[A-Z][\w'’-]*|{_ORGAN_WORDS})(?:\s+(?:[A-Z][\w'’-]*|of|the|in\s+the(?=\s+[A-Z])|"
            rf"(?<=Party\s)organization|"
            rf"{_ORGAN_WORDS})(?![\w'’-]))*)"
        ),
        read_lower_party,
        (
            ("conference", "meeting", "congress"),
            (
                "cell",
                "primary",
                "secretar",
                "chair",
                "instructor",
                "official",
                "activist",
                "branch",
                "party",
                "wpk",
                "kwp",
                "workers",
            ),
        ),
    ),
    (
        re.compile(
            rf"(?:(?P<n>{ORDS})\s+)?{MODS_CI}(?P<head>{PLENARY_HEAD}|[Cc]onferences?|[Mm]eetings?)\s+of\s+"
            rf"(?:the\s+)?(?:(?:WPK|Party)\s+)?(?P<place>(?:[A-Z][a-z]+[\s-])?[A-Z][a-z]+)\s+"
            rf"(?P<level>{_LEVEL})\s+(?:[Pp]arty\s+)?[Cc]ommittee(?!\s+(?:of|for)\s+(?!{THE}{WPK}))"
            rf"(?:{OF_PARTY})?"
            # "The North Hamgyong Provincial Party Committee held a plenary meeting on December 20"
            rf"|(?P<place2>(?:(?!The\b)[A-Z][a-z]+[\s-])?(?!The\b)[A-Z][a-z]+)\s+(?P<level2>{_LEVEL})\s+"
            rf"(?:[Pp]arty\s+)?[Cc]ommittee(?:{OF_PARTY})?\s+(?:held|convened|opened|convoked)\s+"
            rf"(?:a|an|its)\s+(?:(?P<n2>{ORDS})\s+)?{MODS_CI}(?P<head3>{PLENARY_HEAD}|[Cc]onference|[Mm]eeting)"
            rf"(?![\w-])"
        ),
        read_local_committee,
        (("plenary", "plenum", "conference", "meeting"), ("committee",)),
    ),
    (
        # "The Conferences of South Hamgyong, Ryanggang ... Provinces and Nampho City of the WPK",
        # "North Phyongan, North Hamgyong Provincial and Nampho City Conferences of the WPK"
        re.compile(
            rf"[Cc]onferences\s+of\s+(?:the\s+)?(?P<list>{_PLACE_LIST}){OF_PARTY}"
            rf"|(?P<list2>{_PLACE_LIST})\s+(?:Party\s+)?Conferences{OF_PARTY}"
        ),
        read_local_list,
        (("conferences",), ("province", "provincial", "city")),
    ),
    (
        # "Enlarged plenary meetings of the Pyongyang municipal and provincial committees of the
        # Workers' Party of Korea", "enlarged plenary meetings of Pyongyang City and all
        # provincial committees of the WPK"
        re.compile(
            rf"{MODS_CI}[Pp]lenary\s+meetings\s+of\s+(?:the\s+)?(?:Pyongyang\s+(?:[Mm]unicipal|City)\s+"
            rf"(?:[Pp]arty\s+)?(?:[Cc]ommittee\s+)?and\s+(?:all\s+)?(?:the\s+)?|all\s+(?:the\s+)?)?"
            rf"[Pp]rovincial\s+(?:[Pp]arty\s+)?[Cc]ommittees(?:{OF_PARTY}|\s+of\s+{THE}{WPK})?"
        ),
        read_local_plenaries,
        (("plenary meetings",), ("provincial",)),
    ),
    (
        # "An enlarged joint meeting of the Central Committee of the WPK and the KPA Committee"
        re.compile(
            rf"(?:(?P<n>{ORDS})\s+)?{MODS_CI}[Jj]oint\s+(?:[\w-]+\s+)?[Mm]eeting\s+of\s+{TERM_CC}"
            rf"(?:\s*\([A-Z]+\))?\s+and\s+(?:the\s+)?(?:[\w'’()-]+\s+){{1,8}}?Committee(?:{OF_PARTY})?"
        ),
        read_joint_meeting,
        (("joint",), ("committee",)),
    ),
    (
        # "The Pyongyang City Conference of the Workers' Party of Korea", "the South Hamgyong
        # Provincial Party Conference"
        re.compile(
            rf"(?:(?P<n>{ORDS})\s+)?(?P<place>(?:(?!The\b)[A-Z][a-z]+[\s-])?(?!The\b)[A-Z][a-z]+)\s+"
            rf"(?P<level>Provincial|City|County|Municipal)\s+(?:(?:Party|WPK)\s+(?P<head>Conference|"
            rf"Plenary\s+Meeting)(?:{OF_PARTY})?|(?P<head2>Conference|Plenary\s+Meeting)"
            rf"{OF_PARTY})"
        ),
        read_local_committee,
        (("conference", "plenary"), ("provincial", "city", "county", "municipal")),
    ),
]
