"""The words that open (or close) a printed list of names, and what kind of list it is."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BE = r"(?:were|was|are|is)"


@dataclass(frozen=True)
class Trigger:
    """Where a list's opening (or closing) words stand in the text, and the list's kind."""

    start: int
    end: int
    kind: str
    trailing: bool = False
    """The names come before the words ("X and Y were present"), not after them."""
    elected: bool = False
    """A sentence of elections: its names before and after the words form one list."""


LEADING: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "funeral_committee",
        re.compile(
            r"[Ff]uneral [Cc]ommittee\b[^.]{0,100}?\b(?:made up of|consisting of|composed of"
            r"|comprising|consists of|comprises|as follows|are the following|is as follows)"
            r"(?:\s+(?:the\s+)?following\s+(?:persons|members|officials))?\s*:?"
        ),
    ),
    (
        "presidium",
        re.compile(
            r"\b(?:Seated on the (?:platform|presidium)(?: of [^.]{0,80}?)? "
            + _BE
            + r"|[Tt]he platform party was taken by|[Tt]he tribune of hono(?:u)?r was taken by"
            r"|(?:Standing|Seated|Sitting) (?:on|at) the (?:tribune|platform)[^.]{0,80}? "
            + _BE
            + r"|[Oo]n the (?:tribune|platform)(?: of hono(?:u)?r)? "
            + _BE
            + r"|[Pp]residium of the (?:meeting|rally|conference|congress|ceremony|session"
            r"|report meeting|national meeting)\b[^.]{0,60}? (?:" + _BE + r"|comprised|consisted of"
            r"|was composed of|included))(?= )"
        ),
    ),
    (
        "participants",
        re.compile(
            r"\b(?:Among (?:the )?participants (?:in [^.]{0,80}? )?"
            + _BE
            + r"|[Tt]he participants (?:in [^.]{0,80}? )?included|Participating (?:in [^.]{0,80}? )?"
            + _BE
            + r"|Taking part (?:in [^.]{0,80}? )?"
            + _BE
            + r")(?= )"
        ),
    ),
    (
        "present",
        re.compile(
            r"\b(?:(?:Also )?[Pp]resent (?:(?:there|here|also|on the occasion|as observers"
            r"|on invitation|from the DPRK side|from the [A-Z][\w ]{0,30}? side) )*"
            r"(?:(?:at|in|on) [^.]{0,160}? )?(?:together with [^.]{0,80}? )?(?:as observers |on invitation )?"
            + _BE
            + r"|Among (?:the |those )?(?:audience|spectators|guests|those present|present"
            r"|attendants|attendees|onlookers|invitees)\b(?: [^.]{0,60}?)? "
            + _BE
            + r"|Attending (?:it|them|the [^.]{0,100}?)(?: as observers| on invitation)? "
            + _BE
            + r"|(?:[Oo]n hand|Also on hand) "
            + _BE
            + r"|(?:were|was) (?:also )?(?:attended|watched|enjoyed|appreciated|seen) by"
            + r"|Among (?:the )?(?:officials|cadres|dignitaries|personages)\b(?: [^.]{0,60}?)? "
            + _BE
            + r"|[Tt]he (?:audience|spectators|guests|attendants|attendees|invitees) (?:included|includes)"
            + r"|Those present (?:there |at [^.]{0,80}? )?"
            + _BE
            + r")(?= )"
        ),
    ),
    (
        "accompanied",
        re.compile(
            r"\b(?:accompanied (?:him |her |them )?(?:by|with)(?! (?:a |an |the |his |its )?"
            r"(?:photos?|pictures?|portraits?|videos?|music|songs?|illustrations?|images?"
            r"|articles?|films?|explanations?|letters?)\b)|[Aa]ccompanying (?:him|her|them|the [a-z ]{1,40})"
            r"(?: [^.]{0,80}?)? " + _BE + r")(?= )"
        ),
    ),
    (
        "delegation",
        re.compile(
            r"\b(?:delegations?|group|troupe|team|mission|party|ensemble|company)\b[^.]{0,140}?"
            r"\b(?:led|headed) by(?= )"
            r"|\bdelegation\b[^.]{0,100}?\b(?:composed of|comprising|consisting of|made up of"
            r"|consisted of|included)(?= )"
            r"|\b(?:[Mm]embers of the delegation|[Dd]elegation members|[Tt]he delegation) "
            r"(?:were|are|included|includes)(?= )"
        ),
    ),
    (
        "other",
        re.compile(
            r"\b(?:[Ss]peeches were made (?:there )?by|[Tt]he floor was taken by"
            r"|[Ss]peakers (?:were|included)|Those who (?:took the floor|spoke|made speeches) were"
            r"|(?:greeted|welcomed|seen off|met)"
            r"(?: [a-z ]{0,40}?)? by|[Ii]nterlocutors were)(?= )"
        ),
    ),
    (
        "context",
        re.compile(r"\b(?:They|These|Those|Among them) (?:included|include|were|are)(?= [A-Z])"),
    ),
    (
        "elected",
        re.compile(
            r"\b(?:[Ee]lected|[Aa]ppointed|[Pp]romoted)\b[^.]{0,120}? " + _BE + r"(?= [A-Z])"
        ),
    ),
)

TRAILING: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "elected",
        re.compile(
            r"\s(?:was|were) (?:also )?(?:newly )?(?:elected|appointed|by-elected|promoted|named)\b"
        ),
    ),
    (
        "present",
        re.compile(
            r"\s(?:were|was|are|is) (?:also )?(?:present|on hand|in attendance|among the audience"
            r"|among the spectators|there)\b|\s(?:attended|watched|enjoyed|saw)\b"
        ),
    ),
    (
        "participants",
        re.compile(r"\s(?:took part|participated|joined)\b"),
    ),
)

_MOURNING = re.compile(r"\b(?:bier|mourn\w*|condolences?|funeral|memorial|wail\w*|grief)\b", re.I)
_PARTICIPANTS = re.compile(r"\bparticipa\w+|took part\b", re.I)
_DELEGATION = re.compile(r"\bdelegations?\b", re.I)
_PRESENT = re.compile(r"\b(?:present|attended|audience|spectators|guests)\b", re.I)


def kind_from_context(context: str) -> str:
    """The kind of a list opened by "They included" / "Among them were": from the sentences
    before it (mourners at a bier, participants, a delegation, those present)."""
    if _MOURNING.search(context):
        return "mourners"
    if _DELEGATION.search(context):
        return "delegation"
    if _PARTICIPANTS.search(context):
        return "participants"
    if _PRESENT.search(context):
        return "present"
    return "other"


_GATES: dict[str, tuple[str, ...]] = {
    "funeral_committee": ("uneral",),
    "presidium": ("latform", "ribune", "residium"),
    "participants": ("articipa", "aking part"),
    "present": (
        "resent",
        "Among",
        "Attending",
        "on hand",
        "On hand",
        " by",
        "included",
        "includes",
    ),
    "accompanied": ("ccompan",),
    "delegation": (" by", "elegation"),
    "other": (" by", "peakers", "nterlocutors", "Those who"),
    "context": ("They", "These", "Those", "Among them"),
    "elected": ("lected", "ppointed", "romoted", "named"),
}
"""Words each opening pattern needs: a pattern runs only on sentences holding one of them."""
_TRAILING_GATES = (
    "are ",
    "is ",
    "was ",
    "were ",
    "attended",
    "watched",
    "enjoyed",
    "saw",
    "took part",
    "participated",
    "joined",
)


def leading_trigger(text: str, start: int, end: int) -> Trigger | None:
    """The first list-opening words in ``text[start:end]`` (a sentence), if any."""
    best: Trigger | None = None
    sentence = text[start:end]
    for kind, pattern in LEADING:
        if not any(word in sentence for word in _GATES[kind]):
            continue
        match = pattern.search(text, start, end)
        if match is not None and (best is None or match.start() < best.start):
            best = Trigger(match.start(), match.end(), kind, elected=kind == "elected")
    return best


def trailing_trigger(text: str, start: int, end: int) -> Trigger | None:
    """The first list-closing words in ``text[start:end]`` ("were present", "was elected")."""
    best: Trigger | None = None
    sentence = text[start:end]
    if not any(word in sentence for word in _TRAILING_GATES):
        return None
    for kind, pattern in TRAILING:
        match = pattern.search(text, start, end)
        if match is not None and (best is None or match.start() < best.start):
            best = Trigger(
                match.start(), match.end(), kind, trailing=True, elected=kind == "elected"
            )
    return best
