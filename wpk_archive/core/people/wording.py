"""The words around names: sentences, titles before names, verbs, quotation marks, and the
word lists the extraction reads them with."""

from __future__ import annotations

import re

from wpk_archive.core.people.offices import read_lower_title, read_pre_title

ABBREVIATIONS = frozenset(
    [
        "Mt",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "St",
        "No",
        "Nos",
        "Lieut",
        "Lt",
        "Gen",
        "Col",
        "Maj",
        "Capt",
        "Sgt",
        "Prof",
        "Jr",
        "Sr",
        "Co",
        "Ltd",
        "Inc",
        "Corp",
        "Gov",
        "Rep",
        "Sen",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "vs",
        "Vol",
        "Fig",
        "Dept",
        "Assn",
        "Bros",
    ]
)
SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*(?=\s+[\"“(]?[A-Z0-9]|\s*$)|:(?=\s*$)")
DELIMITER = re.compile(r",\s+and\s+|(?<!C\.C\.),\s+|\s+and\s+|;\s+|:\s+|\(")
SPECIFIC_TITLE = re.compile(
    r"\bof\b|\b(?:DPRK|KPA|WPK|SPA|Korean|Premier|Vice-Premier|Foreign Minister|Defence Minister"
    r"|Marshal|General|Admiral|Ambassador)\b"
)
"""A title before a name that says whose office it is ("Minister of Foreign Affairs", "DPRK
Ambassador", "Premier"): outside a list, only such a title makes an appearance."""
LAST_WORD = re.compile(r"([A-Za-z]+)$")
VERB = re.compile(
    r"(?<!who )(?<!which )\b(?:is|are|was|were|has|have|had|will|would|shall|can|could|may|must"
    r"|did|does|made|said|sent|gave|met|held|took|paid|laid|left|came|went|saw|spoke|told|won"
    r"|became|began|brought|built|found|got|kept|led|read|ran|set|stood|taught|wrote|urged"
    r"|(?!(?:concerned|related|united|advanced|talented|honou?red|noted|distinguished|retired"
    r"|merited|named|based|elected|appointed|bereaved|decorated|renowned)\b)[a-z]{2,}ed)\b"
)
VISIT = re.compile(r"visited|toured|laid|attended|inspected|paid|called|went|came|saw|watched")
OTHER_OFFICIALS = re.compile(r"\band (?:many )?other (?:[\w-]+ ){0,4}?(?:officials|cadres)\b")
NORTH_OFFICE = re.compile(
    r"\b(?:WPK|Workers' Party of Korea|Workers’ Party of Korea|C\.C\.|Cabinet|SPA"
    r"|Supreme People's Assembly|People's Committee|Provincial Committee|Political Bureau|NDC"
    r"|National Defence Commission|Central Military Commission|State Affairs Commission"
    r"|[Mm]inister of|[Vv]ice-[Pp]remier|[Pp]remier|KPA (?:Vice )?(?:Marshal|General)s?"
    r"|DPRK [Aa]mbassador|General Staff|General Political Bureau|Chongryon)\b"
)
"""Words of an office of the North: a sentence naming people without list words is a list only
when it gives them such offices (athletes, artists and South Korean activists are listed too)."""
SOUTH = re.compile(r"[Ss]outh Korea|S\. Korea|\bpuppet|Saenuri|Seoul|Chongwadae|Cheong Wa Dae")
COMMA = re.compile(r"(?<!C\.C\.),\s+(?:and\s+)?|;\s+|:\s+|\(")
GROUP_PLURAL = re.compile(
    r"(?:\w+\s+){0,3}?(?:delegates|heads|managers|officers)\b",
    re.I,
)
BREAK = re.compile(
    r"\b(?:met|meets|said|says|made|visited|left|arrived|returned|received|talked|had|held"
    r"|called|paid|laid|sent|expressed|noted|stressed|told|went|came|toured|greeted|watched"
    r"|saw|inspected|looked|gave|spoke)\b"
)
BARE_GAP = re.compile(r"(?:,\s+|\s+and\s+|,\s+and\s+)")
START_WORDS = frozenset(
    [
        "Then",
        "Also",
        "And",
        "But",
        "When",
        "While",
        "After",
        "Before",
        "Later",
        "Meanwhile",
        "Earlier",
        "First",
        "Next",
        "Finally",
        "Today",
        "Yesterday",
        "Here",
        "There",
        "So",
        "Thus",
        "Now",
        "Afterwards",
        "Firstly",
        "Secondly",
    ]
)
VESSEL_BEFORE = re.compile(
    r"(?:\bthe|\bship|\bvessel|\bfreighter|\bliner|\bboat|\btanker|\btrawler|M/V|\bno\.)\s*$",
    re.I,
)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` as (start, end) spans; periods of abbreviations
    ("C.C.", "Lieut.", "Mt.") and initials do not end a sentence; a final colon does."""
    spans: list[tuple[int, int]] = []
    position = start
    for match in SENTENCE_END.finditer(text, start, end):
        if match.group().startswith("."):
            word = LAST_WORD.search(text, max(start, match.start() - 12), match.start())
            token = word.group(1) if word else ""
            if len(token) == 1 or token in ABBREVIATIONS:
                continue
        spans.append((position, match.end()))
        position = match.end()
        while position < end and text[position].isspace():
            position += 1
    if position < end:
        spans.append((position, end))
    return spans


SENTENCE_ENDS = (".", "!", "?", ":", ";", '"', "”", "’", ")", "]", "-0-")


def runs_on(passage: str, following: str) -> bool:
    """Whether a passage breaks off mid-sentence and goes on in the next one (the corpus's
    paragraph breaks were rebuilt by a heuristic: "Minister of the\n\nPeople's Armed Forces",
    "Yang Hyong Sop\n\nRi Yong Mu\n\nKim Kyong Hui, ...")."""
    return not passage.rstrip().endswith(SENTENCE_ENDS) or following[:1].islower()


def title_before(segment: str) -> tuple[str, bool] | None:
    """The longest title ending ``segment`` ("... were Premier" gives "Premier"), or an office
    phrase making up the whole segment ("members of the Central Military Commission"), or None."""
    words = segment.split()
    if not words:
        return None
    last = words[-1]
    if last[:1].isupper() or last[:1].isdigit():
        for k in range(min(len(words), 14), 0, -1):
            first = words[-k]
            if not (first[:1].isupper() or first == "former"):
                continue
            title = read_pre_title(" ".join(words[-k:]))
            if title is not None:
                return title
    return read_lower_title(segment) if words[0][:1].islower() else None


def first_verb(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first finite verb in ``text[start:end]`` that is not inside an office ("who is")."""
    return VERB.search(text, start, end)


def segment(before: str, commas_only: bool = False) -> str:
    """The words after the last comma, "and" or list word of ``before`` (with ``commas_only``,
    "and" does not cut: "Chairman of the Commission for Joint Venture and Investment")."""
    cut = 0
    for match in (COMMA if commas_only else DELIMITER).finditer(before):
        cut = match.end()
    return before[cut:]


def inside_quotes(text: str) -> bool:
    """Whether the end of ``text`` lies within quotation marks."""
    if text.count('"') % 2 == 1:
        return True
    return text.count("“") > text.count("”")
