"""Meetings a sentence names without their own name (a part of :mod:`.extract`, reading the
:class:`~.discourse.Context` of what the document said before): anaphors, relative names and
ellipses.

Rules:
- "the meeting", "the session", "the plenum", "the congress" (and "It" opening a sentence) point
  back to the last meeting of that noun the document named, not to a meeting noun another body's
  name holds; "a plenum" or "a plenary meeting" does so after a plenum was named, unless the
  sentence speaks of meetings in general;
- "the previous congress" is the one before the last congress the document named, "the next
  congress" the one after (only after one was named); with none named, or "the previous
  Congresses were held in ...", which one the dates or the chronology tell; not where the
  sentence is about another party, another nation or the youth league;
- "the second conference" after "the first WPK Conference" is the same series, another number;
  "..., its first since the eighth in 2021" names the eighth with its noun left out."""

from __future__ import annotations

import re

from wpk_archive.core.timeline.discourse import (
    FOREIGN_NATION,
    HABITUAL,
    PRONOUN,
    Context,
    names_the_party,
)
from wpk_archive.core.timeline.found import Found, Ref
from wpk_archive.core.timeline.names import (
    ORD,
    NamedMeeting,
    OtherMeeting,
    foreign_party_in,
    names_wpk,
    ordinal_text,
    ordinal_value,
    other_body_in,
)

_ANAPHOR = re.compile(
    r"\b(?:the|this|that|The|This|That|said)\s+(?:(?:historic|enlarged|extended|expanded|"
    r"emergency|important|recent|present|current|same)\s+)*"
    r"(?P<noun>plenary\s+meeting|plenary\s+session|plenum|meeting|session|congress|conference|"
    r"Congress|Conference|Plenary\s+Meeting|Plenary\s+Session|Session|Plenum|Meeting)\b"
    r"(?!\s+(?:of|hall|room)\b(?!\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|19\d\d|20\d\d)\b))(?!['’]s\s+\w+\s+of)"
)
_A_PLENUM = re.compile(
    r"\b(?:a|an|A|An)\s+(?:[\w-]+\s+){0,2}?(?P<noun>plenum|plenary\s+meeting|plenary\s+session)\b"
    r"(?!\s+(?:of|hall|room)\b)"
)
"""A plenum of an article about the WPK that names no other: "During a four-day plenum that ended on
December 31" (its Central Committee's; kept only where the sentence dates it)."""
_RELATIVE = re.compile(
    r"\b(?P<when>previous|preceding|last|earlier|past|next|following|subsequent)\s+(?:such\s+)?"
    r"(?:party\s+)?(?P<what>congress|conference|convention)(?P<plural>es|s)?\b",
    re.IGNORECASE,
)


def find_anaphors(
    sentence: str, named: list[NamedMeeting], others: list[OtherMeeting], ctx: Context
) -> list[Found]:
    """ "the meeting", "the session", "It ..." pointing back to a meeting named before."""
    found: list[Found] = []
    pronoun = PRONOUN.match(sentence)
    if pronoun and ctx.subject is not None and not named:
        found.append(Found(0, 2, ctx.subject, False, False, anaphor=True))
    matches = list(_ANAPHOR.finditer(sentence))
    if (
        "plenary" not in ctx.last
        and ("lenum" in sentence or "lenary" in sentence)
        and not HABITUAL.search(sentence)
    ):
        matches += list(_A_PLENUM.finditer(sentence))
    for match in matches:
        if any(m.start <= match.start() < m.end for m in named):
            continue
        if any(o.start >= match.start() and o.end <= match.end() for o in others):
            noun = re.sub(r"\s+", " ", match.group("noun").lower())
            plenary = noun in ("plenary meeting", "plenum", "plenary session")
            ref = ctx.last.get("plenary" if plenary else noun)
            if (
                ref is None
                and plenary
                and "plenary" not in ctx.last
                and (not sentence[: match.start()].strip() or match.group(0)[:1] in "aA")
                and names_the_party(ctx)
                and not (
                    (foreign_party_in(sentence) or FOREIGN_NATION.search(sentence))
                    and not names_wpk(sentence)
                )
            ):
                # "The plenary session, which opened on Saturday", "during a four-day plenum
                # that ended on December 31", in a story of the Workers' Party that named no
                # other plenary meeting: its Central Committee's (kept only where the sentence
                # dates it, like every anaphor)
                term = ctx.terms.get("cc")
                committee = (
                    f"{ordinal_text(term)} WPK Central Committee"
                    if term
                    else "WPK Central Committee"
                )
                ref = Ref(
                    "cc_plenary",
                    f"cc_plenary:{term or '?'}:?",
                    f"Plenary Meeting of the {committee}",
                    True,
                )
                found.append(
                    Found(match.start(), match.end(), ref, False, False, anaphor=True, guessed=True)
                )
            elif ref is not None:
                found.append(Found(match.start(), match.end(), ref, False, False, anaphor=True))
    if "ongress" in sentence or "onference" in sentence:
        found.extend(_story_congress(sentence, named, ctx, found))
    if "'s" in sentence or "’s" in sentence:
        found.extend(_this_years(sentence, ctx))
    return found


_THIS_YEARS = re.compile(
    r"\b(?:[Tt]his|[Ll]ast|[Nn]ext)\s+(?:year|month|week)['’]s\s+(?:(?:key|major|party)\s+)?"
    r"(?P<noun>congress|conference)\b(?!\s+of\b)"
)
"""A congress named by the time it falls in: "This year's congress is expected to be significant"
(earlier meetings of other kinds, "last year's plenum", are read by :mod:`.earlier`)."""


def _this_years(sentence: str, ctx: Context) -> list[Found]:
    """ "This year's congress", after the document named a congress (or conference): one of that
    series, which one the possessive's date tells (kept only where it dates it)."""
    found = []
    for match in _THIS_YEARS.finditer(sentence):
        ref = ctx.last.get(match.group("noun"))
        if ref is None or ref.kind not in _SERIES or other_body_in(sentence):
            continue
        unnumbered = Ref(ref.kind, f"{ref.kind}:?", _SERIES[ref.kind], True)
        found.append(Found(match.start("noun"), match.end(), unnumbered, True, False))
    return found


_SERIES = {"party_congress": "Congress of the WPK", "party_conference": "Conference of the WPK"}


_OPENED_THE = re.compile(
    r"\b(?:opened|convened|closed|concluded|kicked\s+off|wrapped\s+up)\s+(?:the|its)\s+"
    r"(?:[\w-]+\s+){0,2}?(?P<noun>[Cc]ongress|[Cc]onference)\b(?!\s+(?:of|hall|room|center|centre)\b)"
)
"""A leader or the party opening the story's congress or conference, named by its noun alone:
"Kim opened the lavish congress with a brief speech on Friday"."""


def _story_congress(
    sentence: str, named: list[NamedMeeting], ctx: Context, found: list[Found]
) -> list[Found]:
    """The congress (or conference) of a story about the Workers' Party that named none before
    it, opened or closed by its noun alone (kept only where the sentence dates it, like every
    anaphor; which one, the chronology tells from the date)."""
    result: list[Found] = []
    for match in _OPENED_THE.finditer(sentence):
        noun = match.group("noun").lower()
        if ctx.last.get(noun) is not None or ctx.foreign or not names_the_party(ctx):
            continue
        if any(f.start < match.end() and match.start() < f.end for f in found) or any(
            m.start < match.end() and match.start() < m.end for m in named
        ):
            continue
        if (foreign_party_in(sentence) or FOREIGN_NATION.search(sentence)) and not names_wpk(
            sentence
        ):
            continue
        kind = "party_congress" if noun == "congress" else "party_conference"
        ref = Ref(kind, f"{kind}:?", f"{noun.capitalize()} of the WPK", True)
        result.append(
            Found(match.start("noun"), match.end(), ref, False, True, anaphor=True, guessed=True)
        )
    return result


def relative(sentence: str, ctx: Context) -> list[Found]:
    """ "The previous congress": the one before the last congress the document named; with none
    named, or "the previous Congresses were held in ...", which one the dates (or the chronology)
    tell."""
    found = []
    for match in _RELATIVE.finditer(sentence):
        if other_body_in(sentence[max(0, match.start() - 80) : match.end() + 40]):
            continue  # "the last conference" of the youth league
        if ctx.foreign or (
            (foreign_party_in(sentence) or FOREIGN_NATION.search(sentence))
            and not names_wpk(sentence)
        ):
            continue  # "The LPRP convened a party congress every five years and the last ..."
        # (a translation's "the previous convention": 당대회, the congress)
        what = match.group("what").lower()
        kind = "party_conference" if what == "conference" else "party_congress"
        noun = "Congress" if kind == "party_congress" else "Conference"
        current = ctx.last_named.get(kind)
        plural = match.group("plural") is not None
        step = 1 if match.group("when").lower() in ("next", "following", "subsequent") else -1
        if step == 1 and (current is None or plural):
            continue  # "the next congress": only after one the document named
        if plural or current is None or not current.key.split(":")[-1].isdigit():
            ref = Ref(kind, f"{kind}:?", f"{noun} of the WPK", True)
            found.append(
                Found(
                    match.start(),
                    match.end(),
                    ref,
                    False,
                    True,
                    previous=not plural,
                    plural=plural,
                )
            )
            continue
        number = int(current.key.split(":")[-1]) + step
        if number >= 1:
            ref = Ref(kind, f"{kind}:{number}", f"{ordinal_text(number)} {noun} of the WPK", False)
            found.append(Found(match.start(), match.end(), ref, False, False))
    return found


_ELLIPTIC = re.compile(
    rf"\b(?:the|The|its|Its)\s+(?P<n>{ORD})\s+(?P<noun>congress|conference|plenary\s+meeting|"
    r"session)(?!\s+of\b)"
)


_BARE_ORDINAL = re.compile(
    rf"\b(?:since|after|before|than|from|like|and|or|to|with)\s+(?:the|its)\s+(?P<n>{ORD})"
    r"(?=\s+(?:in|held|on)\b|\s*[,.;)]|\s*$)"
    # "Every Party Congress since the first one in August 1946", "held the first one in 1945"
    # (not a count: "is only the third one to take place in 41 years")
    rf"|\b(?:since|after|before|than|held|convened|hosted|opened|and)\s+(?:the|its)\s+(?P<n1>{ORD})"
    r"\s+one\b(?=\s+(?:in|held|on|of|took\s+place|was\s+(?:held|convened)|met|opened|closed)\b"
    r"|\s*[,.;)]|\s*$)"
    # "The eighth congress was held in January and the seventh one took place in 2016"
)
"""An ordinal whose noun is left out, after a numbered meeting of the same sentence: "the ninth
congress ..., its first since the eighth in 2021"."""


_ONE_IN = re.compile(
    r"\b(?:including|had|held|convened|hosted|and|with)\s+(?P<one>one|another)\s+in\s+"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+)?(?:19|20)\d\d\b"
)
"""A congress or conference of the same sentence's series, its noun left out and dated by its
year: "several party conferences, including one in 2010"."""


def elliptic(sentence: str, found: list[Found], ctx: Context) -> list[Found]:
    """ "the second conference" after "the first WPK Conference": the same series, another number;
    "..., its first since the eighth in 2021": the noun left out."""
    result = []
    for match in _ELLIPTIC.finditer(sentence):
        if any(f.start <= match.start("n") < f.end for f in found):
            continue
        noun = re.sub(r"\s+", " ", match.group("noun"))
        kinds = {
            "congress": "party_congress",
            "conference": "party_conference",
            "plenary meeting": "cc_plenary",
            "session": "spa_session",
        }
        previous = ctx.last_named.get(kinds[noun])
        number = ordinal_value(match.group("n"))
        if number is None:
            continue
        if previous is None and noun == "session" and "spa" in ctx.terms:
            term = ctx.terms["spa"]  # "The 5th SPA was elected ... and convened its first session"
            name = f"{ordinal_text(number)} Session of the {ordinal_text(term)} Supreme People's Assembly"
            ref = Ref("spa_session", f"spa_session:{term}:{number}", name, False)
            result.append(Found(match.start(), match.end(), ref, False, True))
            continue
        if previous is None or previous.ambiguous:
            continue
        parts = previous.key.split(":")
        parts[-1] = str(number)
        key = ":".join(parts)
        name = re.sub(r"^\d+(?:st|nd|rd|th)", ordinal_text(number), previous.name)
        ref = Ref(previous.kind, key, name, False)
        result.append(Found(match.start(), match.end(), ref, False, True))
    for match in _ONE_IN.finditer(sentence):
        named = [f for f in [*found, *result] if f.end <= match.start()]
        of_series = [f for f in named if f.ref.kind in ("party_congress", "party_conference")]
        if not of_series or any(f.start <= match.start("one") < f.end for f in [*found, *result]):
            continue
        kind = of_series[-1].ref.kind
        noun = "Congress" if kind == "party_congress" else "Conference"
        ref = Ref(kind, f"{kind}:?", f"{noun} of the WPK", True)
        result.append(Found(match.start("one"), match.end("one"), ref, True, True))
    for match in _BARE_ORDINAL.finditer(sentence):
        group = "n" if match.group("n") else "n1"
        named = [f for f in [*found, *result] if f.end <= match.start()]
        number = ordinal_value(match.group(group))
        if (
            not named
            or number is None
            or any(f.start <= match.start(group) < f.end for f in [*found, *result])
        ):
            continue
        same = named[-1].ref
        parts = same.key.split(":")
        series = same.kind in ("party_congress", "party_conference")
        if group == "n1" and series and len(parts) == 2:
            # "the first one": the party's congresses are one series, its number names one
            noun = "Congress" if same.kind == "party_congress" else "Conference"
            ref = Ref(
                same.kind,
                f"{same.kind}:{number}",
                f"{ordinal_text(number)} {noun} of the WPK",
                False,
            )
            result.append(Found(match.start(group), match.end(), ref, False, True))
            continue
        if same.ambiguous or parts[-1] in ("?", str(number)):
            continue
        parts[-1] = str(number)
        name = re.sub(r"^\d+(?:st|nd|rd|th)", ordinal_text(number), same.name)
        ref = Ref(same.kind, ":".join(parts), name, False)
        result.append(Found(match.start(group), match.end(group), ref, False, True))
    return result
