"""An earlier meeting of the kind an article is about: "the previous plenary meeting, held in
June", "last year's plenum", "Its last session was held in September".

In an article that has named a plenary meeting, a session of the SPA or a meeting of one of the
party's bodies, such a phrase names *another* meeting of that kind (not the one the article is
about, as "the plenum" would). Which one, only its date can tell: the phrase is kept where the
sentence dates it (a year, "last year's", a month), with its number left open, so that the
chronology can identify it at merge time. Congresses and conferences are read by
:func:`.discourse.relative`, which counts them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wpk_archive.core.timeline.discourse import Context
from wpk_archive.core.timeline.found import Found, Ref

_EARLIER = re.compile(
    r"\b(?:(?P<rel>[Pp]revious|[Pp]receding|[Pp]rior|[Ll]ast|[Ee]arlier|[Mm]ost\s+recent|[Ff]ormer)\s+"
    # ("this year's plenary session" is the one the article tells of, not an earlier one)
    r"|(?P<when>[Ll]ast\s+(?:year|month|spring|summer|autumn|fall|winter))['’]s\s+"
    # "the meeting in September last year", "the session in April 2013": dated in a past year
    r"|(?P<dated>[Tt]he|[Ii]ts)\s+(?=(?:plenary\s+meeting|plenary\s+session|plenum|session|meeting)"
    r"\s+(?:(?:held|convened)\s+)?in\s+(?:[A-Z][a-z]+\s+)?(?:of\s+)?(?:last\s+year|\d{4}\b)))"
    r"(?:(?:such|enlarged|extended|full|year-end|regular|ordinary)\s+)?"
    r"(?P<noun>plenary\s+meeting|plenary\s+session|plenum|session|meeting)s?\b"
    r"(?!\s+of\b)(?!\s+(?:hall|room|day)\b)"
)
_ASSEMBLY = re.compile(r"Supreme\s+People|\bSPA\b")
_NOUN_KEY = {
    "plenary meeting": "plenary",
    "plenary session": "plenary",
    "plenum": "plenary",
    "session": "session",
    "meeting": "meeting",
}
GENERIC_NAME = {
    "cc_plenary": "Plenary Meeting of the WPK Central Committee",
    "spa_session": "Session of the Supreme People's Assembly",
    "politburo_meeting": "Meeting of the Political Bureau of the WPK Central Committee",
    "cmc_meeting": "Meeting of the Central Military Commission of the WPK",
    "secretariat_meeting": "Meeting of the Secretariat of the WPK Central Committee",
    "spa_standing_committee": "Plenary Meeting of the SPA Standing Committee",
}
_SAME_YEAR = re.compile(r"\s+(?:(?:held|convened)\s+)?in\s+(?:[A-Z][a-z]+\s+)?(?:of\s+)?(\d{4})\b")
_LAST_HELD_IN = re.compile(
    r"\s+(?:was\s+(?:held|convened|convoked)|took\s+place|met|convened)\s+(?:in|on|last)\s"
)
"""After "The last meeting": told as held at a time ("The last meeting was held in June 2016"),
the one before, not the final sitting of this one."""
_NOT_EARLIER = re.compile(r"\b(?:day|sitting|days)\s+of\s+$|\b(?:its|the)\s+(?:last|final)\s+$")


_CUES = (
    "revious",
    "receding",
    "rior ",
    "ast ",
    "arlier ",
    "recent ",
    "ormer ",
    "his year",
    "his month",
    " in 1",  # "the plenary meeting in 2019"
    " in 2",
)
_NOUNS = ("session", "meeting", "plenum", "Session", "Meeting", "Plenum")


def may_name_earlier(sentence: str) -> bool:
    """A cheap test: whether ``sentence`` may name an earlier meeting (the pattern runs only then)."""
    return any(noun in sentence for noun in _NOUNS) and any(cue in sentence for cue in _CUES)


def earlier_meetings(sentence: str, found: list[Found], ctx: Context) -> list[Found]:
    """Earlier meetings of the kind the article named last (kept by the caller only where dated)."""
    result: list[Found] = []
    for match in _EARLIER.finditer(sentence):
        if ctx.foreign:
            return []
        if any(f.start < match.end() and match.start() < f.end for f in found):
            continue
        noun = re.sub(r"\s+", " ", match.group("noun").lower())
        antecedent = ctx.last.get(_NOUN_KEY[noun])
        if antecedent is None and noun == "session":
            antecedent = ctx.last.get("meeting")
        if (
            antecedent is None
            and noun == "meeting"
            and (match.group("dated") or _LAST_HELD_IN.match(sentence, match.end()))
        ):
            antecedent = ctx.last.get("session") or ctx.last.get("plenary")
        if (
            antecedent is None
            and noun in ("session", "meeting")
            and match.group("rel")
            and ctx.north_korea
            and _ASSEMBLY.search(ctx.doc.text)
        ):
            # "North Koreans voted for the SPA ... The last session in April 2013": the assembly's
            antecedent = Ref("spa_session", "spa_session:?:?", GENERIC_NAME["spa_session"], True)
        if antecedent is None or antecedent.kind not in GENERIC_NAME:
            continue
        rel = (match.group("rel") or "").lower()
        if (
            rel == "last"
            and (
                _NOT_EARLIER.search(sentence, max(0, match.start() - 12), match.start())
                or re.match(r"\s+(?:day|sitting)\b", sentence[match.end() :])
            )
            and not _LAST_HELD_IN.match(sentence, match.end())
        ):
            continue  # "the last session of the meeting", "on its last day"
        parts = antecedent.key.split(":")
        key = ":".join([parts[0], *("?" for _ in parts[1:])])
        ref = Ref(antecedent.kind, key, GENERIC_NAME[antecedent.kind], True)
        start = match.start("noun") if match.group("when") else match.start()
        year = _SAME_YEAR.match(sentence, match.end()) if match.group("dated") else None
        if year is not None and ctx.anchor and year.group(1) >= ctx.anchor[:4]:
            continue  # "the session in April 2024", in 2024: the article's own, perhaps
        result.append(Found(start, match.end(), ref, True, True))
    return result


def recalled_only(sentences: Iterable[str], own: Iterable[str]) -> bool:
    """Whether every one of ``sentences`` names its meeting only as an earlier one of its kind
    ("with the last such meeting held in September") and none of them is one of ``own`` (the
    sentences of the story's own undated meeting, which is then not that one)."""
    mine = set(own)
    return all(
        sentence not in mine and may_name_earlier(sentence) and _EARLIER.search(sentence)
        for sentence in sentences
    )


__all__ = ["GENERIC_NAME", "earlier_meetings", "may_name_earlier", "recalled_only"]
