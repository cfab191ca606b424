"""What a document has said so far, for reading its next sentence (a part of :mod:`.extract`):
the meetings it named (what "the meeting", "the previous congress", "it" refer back to), the
terms of the Central Committee and the Assembly it named, whether it is about another party, and
the keys and canonical names of the meetings it names; and whose meeting a name is (the WPK's,
or another party's or nation's).

What reads that context: anaphors, relative names and ellipses in :mod:`.anaphora`; whether a
sentence reports a meeting as held, so that it may stay undated, in :mod:`.held_reports`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wpk_archive.core.dates import DateMention
from wpk_archive.core.models import Document, EventMention, Passage
from wpk_archive.core.timeline.found import Found, Ref
from wpk_archive.core.timeline.names import (
    ORD,
    NamedMeeting,
    foreign_party_count,
    foreign_party_in,
    names_wpk,
    ordinal_text,
    ordinal_value,
    other_body_in,
)
from wpk_archive.core.timeline.vocabulary import ORDS, PARTY_NAMED

_ORDINAL_CONGRESS = re.compile(rf"{ORDS}\s+congress")
"""A numbered congress written in lowercase, with no owner: "the fifth congress"."""
HABITUAL = re.compile(
    r"\b(?:usually|normally|typically|often|always|regularly|every|each|once\s+a|twice\s+a|"
    r"generally|customarily|traditionally|in\s+recent\s+years|in\s+the\s+past\s+(?:few\s+)?years|"
    r"over\s+the\s+years)\b",
    re.IGNORECASE,
)
"""A sentence of habits: "It usually holds a plenary session in March or April"."""
PRONOUN = re.compile(r"^\s*It\s+(?:was\s+|is\s+|had\s+been\s+)?(?:\w+ly\s+)?(?=\w)")
_TERM_CC = re.compile(
    rf"(?P<t>{ORD})\s+(?:(?:WPK|Party)\s+)?Central\s+Committee(?!\s+of\s+the\s+(?!W)[A-Z])"
)
_TERM_SPA = re.compile(rf"(?P<t>{ORD})\s+(?:DPRK\s+)?(?:Supreme\s+People['’]s\s+Assembly|SPA)\b")
_TERM_PATTERNS = ((_TERM_CC, "cc", ("Central",)), (_TERM_SPA, "spa", ("Assembly", "SPA")))
"""Each with the words one of which its match must contain."""
FOREIGN_NATION = re.compile(
    r"\b(?:Cuba|Cuban|China|Chinese|Viet\s?Nam|Vietnamese|Laos|Lao|Laotian|Russia|Russian|Soviet|"
    r"Cambodia|Cambodian|Syria|Syrian|Nepal|Nepalese|Mongolia|Mongolian|Japan|Japanese|Albania|"
    r"Albanian|Romania|Romanian|Bulgaria|Bulgarian|Yugoslavia|Yugoslav|Poland|Polish|Hungary|"
    r"Hungarian|Czechoslovakia|Czechoslovak|Venezuela|Venezuelan|Nicaragua|Nicaraguan|"
    r"Belarus|Belarusian|Iran|Iranian|India|Indian|Brazil|Brazilian|Mexico|Mexican|"
    r"South\s+Africa|African|Egypt|Egyptian|America|American|British|German|French|Italian)\b"
)
TEMPORAL_BEFORE = re.compile(
    r"\b(?:since|after|before|following|until|till|prior\s+to|previous|preceding|last)\s+"
    r"(?:the\s+)?(?:historic\s+)?$",
    re.IGNORECASE,
)
NOUN_KINDS: dict[str, tuple[str, ...]] = {
    "plenary": ("cc_plenary", "spa_standing_committee", "other_party_meeting"),
    "plenum": ("cc_plenary", "spa_standing_committee", "other_party_meeting"),
    "meeting": (
        "cc_plenary",
        "politburo_meeting",
        "cmc_meeting",
        "secretariat_meeting",
        "spa_standing_committee",
        "other_party_meeting",
    ),
    "session": ("spa_session",),
    "congress": ("party_congress",),
    "conference": ("party_conference", "other_party_meeting"),
}
KIND_NOUNS: dict[str, tuple[str, ...]] = {}
for _noun, _kinds in NOUN_KINDS.items():
    for _kind in _kinds:
        KIND_NOUNS[_kind] = (*KIND_NOUNS.get(_kind, ()), _noun)


_NORTH_KOREA = re.compile(r"North\s+Korea|Pyongyang|\bDPRK\b|Kim\s+(?:Jong|Il)[\s-]")
_OTHER_PARLIAMENT = re.compile(
    r"National\s+Assembly|\bDiet\b|Duma|Bundestag|House\s+of\s+(?:Commons|Representatives)|"
    r"\bSenate\b|\bCongress(?:man|woman|ional)\b|European\s+Parliament|\bMPs?\b|lawmakers\s+in\s+Seoul|"
    r"\bROK\b|[Pp]uppet|Minju|Democratic\s+Party|South\s+Korean\s+(?:parliament|lawmakers|legislat)"
)
"""Words of another country's parliament: there, "the parliament" may be that one."""
_LABOR_PARTY = re.compile(r"Labou?r\s+Party", re.IGNORECASE)
_LABOR_ELSEWHERE = re.compile(
    r"Labour|Australia|Israel|Norw|New\s+Zealand|Brit(?:ain|ish)|Ireland|Irish|Dutch|Netherlands|"
    r"Brazil|Mauritius|Kurd|Scotland|Scottish|Wales|Welsh|Malta|Maltese|Singapore|Fiji|"
    r"(?:South|Democratic)\s+Korean\s+Labor\s+Party|Labor\s+Party\s+of\s+(?!Korea)"
)


@dataclass
class Context:
    """What a document has said so far."""

    doc: Document
    anchor: str | None
    has_dateline: bool = False
    last: dict[str, Ref | None] = field(default_factory=dict)
    last_named: dict[str, Ref] = field(default_factory=dict)
    terms: dict[str, int] = field(default_factory=dict)
    subject: Ref | None = None
    dated: dict[str, str] = field(default_factory=dict)
    """The date each meeting the document named was given (by key)."""
    reported: list[EventMention] = field(default_factory=list)
    """Mentions dated as the day before the report (Found.reported), which a day the story gives
    overrules."""
    dropped: list[Ref] = field(default_factory=list)
    """Meetings named without a date and left out for it ("at the plenary meeting of the 8th
    Central Committee"), which a description of the story's meeting may date (described.py)."""
    unplaced: list[tuple[Found, Passage, tuple[int, int]]] = field(default_factory=list)
    """Of a document with no date: meetings named without a date and left out for it, which
    stay as undated mentions (extract.py)."""
    undated_named: list[tuple[Found, Passage, tuple[int, int]]] = field(default_factory=list)
    """Of a dated document: meetings named without a date or number and left out for it, the
    first of each kind the document names no other way then kept as the report's recent meeting
    (``role = "recent"``), which the chronology names or drops (merge_keys.py)."""
    generic: tuple[str, DateMention] | None = None
    """A meeting the sentence before told of by its noun alone, and the date it gave it ("The
    enlarged plenary meeting was held between Friday and Sunday."), for "It was the eighth ..."."""
    _foreign: bool | None = None

    @property
    def foreign(self) -> bool:
        """Whether the document is about another party (computed when first needed)."""
        if self._foreign is None:
            self._foreign = foreign_document(self.doc) and not (
                # (an article about North Korea whose "Labor Party" is the WPK names no other party)
                self.labor_is_wpk and not foreign_party_in(_LABOR_PARTY.sub("", self.doc.text))
            )
        return self._foreign

    _north_korea: bool | None = None

    @property
    def north_korea(self) -> bool:
        """Whether the document is about North Korea: its title or opening names it, and it names
        no other country's parliament (computed when first needed)."""
        if self._north_korea is None:
            lead = self.doc.title + "\n" + self.doc.text[:3000]
            self._north_korea = (
                _NORTH_KOREA.search(lead) is not None
                and _OTHER_PARLIAMENT.search(self.doc.text) is None
            )
        return self._north_korea

    _labor_is_wpk: bool | None = None

    @property
    def labor_is_wpk(self) -> bool:
        """Whether the document's "Labor Party" is the WPK (the American name for it in an article
        about North Korea that names no Labor or Labour party of elsewhere; computed when first
        needed)."""
        if self._labor_is_wpk is None:
            text = self.doc.title + "\n" + self.doc.text
            self._labor_is_wpk = (
                "Labor Party" in text
                and _NORTH_KOREA.search(text) is not None
                and _LABOR_ELSEWHERE.search(text) is None
            )
        return self._labor_is_wpk

    _spa_named_at: int | None = None

    @property
    def spa_named_at(self) -> int:
        """Where the document first names the Supreme People's Assembly (-1: nowhere; computed
        when first needed)."""
        if self._spa_named_at is None:
            found = _NAMES_SPA.search(self.doc.text)
            self._spa_named_at = found.start() if found else -1
        return self._spa_named_at


def key_and_name(meeting: NamedMeeting, ctx: Context) -> Ref:
    """The timeline key and canonical name of a named meeting."""
    kind, number = meeting.kind, meeting.number
    term = meeting.term
    if term is None and kind in ("cc_plenary", "politburo_meeting", "secretariat_meeting"):
        term = ctx.terms.get("cc")
    if term is None and kind in ("spa_session", "spa_standing_committee"):
        term = ctx.terms.get("spa")
    n = ordinal_text(number) if number else None
    t = ordinal_text(term) if term else None
    enlarged = "Enlarged " if meeting.enlarged else ""
    if kind in ("party_congress", "party_conference"):
        noun = "Congress" if kind == "party_congress" else "Conference"
        name = f"{n} {noun} of the WPK" if n else f"{noun} of the WPK"
        return Ref(kind, f"{kind}:{number or '?'}", name, number is None)
    if kind == "other_party_meeting":
        name = f"{n} {meeting.label}" if n else meeting.label
        return Ref(kind, f"{kind}:{meeting.slug}:{number or '?'}", name, number is None)
    key = f"{kind}:{term or '?'}:{number or '?'}"
    ambiguous = term is None or number is None
    committee = f"{t} WPK Central Committee" if t else "WPK Central Committee"
    if kind == "cc_plenary":
        name = (
            f"{n} Plenary Meeting of the {committee}"
            if n
            else f"Plenary Meeting of the {committee}"
        )
    elif kind == "politburo_meeting":
        head = f"{n} {enlarged}Meeting" if n else f"{enlarged}Meeting"
        name = f"{head} of the Political Bureau of the {committee}"
    elif kind == "cmc_meeting":
        head = f"{n} {enlarged}Meeting" if n else f"{enlarged}Meeting"
        body = f"{t} Central Military Commission" if t else "Central Military Commission"
        name = f"{head} of the {body} of the WPK"
    elif kind == "secretariat_meeting":
        name = (
            f"{n} Meeting of the Secretariat of the {committee}"
            if n
            else (f"Meeting of the Secretariat of the {committee}")
        )
    elif kind == "spa_session":
        assembly = f"{t} Supreme People's Assembly" if t else "Supreme People's Assembly"
        name = f"{n} Session of the {assembly}" if n else f"Session of the {assembly}"
    else:  # spa_standing_committee
        body = f"{t} SPA Standing Committee" if t else "SPA Standing Committee"
        name = f"{n} Plenary Meeting of the {body}" if n else f"Plenary Meeting of the {body}"
    return Ref(kind, key, name, ambiguous)


_FOREIGN_MEETING = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)|[A-Z][a-z]+(?:th|st|nd|rd))\s+(?:Congress|Conference|Plenum|"
    r"Plenary\s+(?:Meeting|Session))\s+of\s+the\s+(?:[A-Z][\w'’-]*\s*(?:of\s+(?:the\s+)?)?){1,8}"
    r"(?:\s*\([A-Z]{2,6}\))?"
)
"""A meeting of another party, named whole: "the 20th Congress of the Communist Party of the Soviet
Union (CPSU)"."""
_HANGUL = re.compile(r"[가-힣]")


_OTHER_BODYS_AFTER = re.compile(
    r"\s*,\s*(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,4}?(?:Youth\s+League|League|Union|Federation|"
    r"Association|Chongryon)\b"
)
"""After a name whose body it leaves out, the body it belongs to, set off by a comma."""


_ITS_COMMITTEE = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+)?Central\s+Committee\b")
"""A Central Committee owned by the sentence's subject, which may be another body."""


_NORTH_HOLDER = re.compile(
    r"\b(?:North\s+Korea(?:n|['’]s)?|Pyongyang(?:['’]s)?|the\s+North(?:['’]s)?|DPRK|"
    r"Kim\s+Jong[\s-]?(?:un|Un|il|Il)|Kim\s+Il[\s-]?(?:sung|Sung))\b"
)


def _north_holds_it(sentence: str, start: int) -> bool:
    """Whether the last country or leader named before a bare name is the North's, and no other
    party or nation is named before it: "North Korean leader Kim Jong-un presided over a
    politburo meeting to discuss his summit with Russian President Vladimir Putin"."""
    before = sentence[:start]
    holders = list(_NORTH_HOLDER.finditer(before))
    if not holders:
        return False
    rest = before[holders[-1].end() :]
    return not (FOREIGN_NATION.search(rest) or foreign_party_in(rest))


def is_wpk(meeting: NamedMeeting, sentence: str, ctx: Context) -> bool:
    """Whether a named meeting is the WPK's (or the SPA's): a name that does not say so is
    another party's in a sentence or an article about that party, or about another country's
    people; a lowercase "party congress" in an article that writes the WPK as "the Party" is
    another party's too."""
    if _OTHER_BODYS_AFTER.match(sentence, meeting.end):
        return False  # a headline's "5th Enlarged Plenary Meeting of 9th C.C., Youth League"
    if _ITS_COMMITTEE.search(sentence, meeting.start, meeting.end):
        before = sentence[max(0, meeting.start - 120) : meeting.start]
        if (other_body_in(before) or foreign_party_in(before)) and not names_wpk(before):
            return (
                False  # "The General Federation of Trade Unions held a plenary meeting of its CC"
            )
    if (
        meeting.explicit
        and meeting.kind
        in ("cc_plenary", "politburo_meeting", "party_congress", "party_conference")
        and not names_wpk(sentence[meeting.start : meeting.end])
        and ctx.foreign
    ):
        # "The Eighth Plenum of the Eighth Central Committee" of an article about the CCP: whose
        # Central Committee, the article tells
        return False
    if meeting.explicit:
        return True
    if ctx.foreign:
        return False
    if (
        meeting.kind == "party_conference"
        and meeting.number is not None
        and not PARTY_NAMED.search(sentence, meeting.start, meeting.end)
        and " of " not in sentence[meeting.start : meeting.end]
        and not _HANGUL.search(sentence, meeting.start, meeting.end)
        and not names_the_party(ctx)
    ):
        return False  # "the 4th Conference" of an article that never names the WPK
    if (
        meeting.kind == "party_congress"
        and meeting.number is not None
        and _ORDINAL_CONGRESS.fullmatch(sentence, meeting.start, meeting.end) is not None
        and not names_the_party(ctx)
    ):
        return False  # a lowercase "the 20th congress" of an article that never names the WPK
    if not (foreign_party_in(sentence) or FOREIGN_NATION.search(sentence)) or names_wpk(sentence):
        return True
    if _north_holds_it(sentence, meeting.start):
        return (
            True  # "Kim Jong-un presided over a politburo meeting to discuss his summit with Putin"
        )
    # "... decided that the 3rd Congress would be held in April 1956, two months after the 20th
    # Congress of the Communist Party of the Soviet Union": the other party is named only in the
    # name of its own meeting, in an article about the WPK
    spans = [m.span() for m in _FOREIGN_MEETING.finditer(sentence)]
    if not spans or not names_the_party(ctx):
        return False
    if any(a <= meeting.start < b for a, b in spans):
        return False
    rest = list(sentence)
    for a, b in spans:
        rest[a:b] = " " * (b - a)
    left = "".join(rest)
    return not (foreign_party_in(left) or FOREIGN_NATION.search(left))


_ASSEMBLY = re.compile(
    r"\b(?:[Tt]he\s+(?:full\s+)?(?:assembly|Assembly|parliament|legislature)(?:['’]s\s+(?:[\w-]+\s+){0,2}"
    r"(?:meeting|session)\b|\s+(?:last\s+|first\s+|again\s+)?(?:met|convened|opened)\b)"
    r"|\b[Aa]n?\s+(?:[\w-]+\s+){0,2}session\s+(?:was|were)\s+(?:also\s+)?(?:held|convened))"
)
"""The SPA of an article that has named it, by a common noun: "The assembly's last full meeting
was in April last year", "a smaller session was held in late March this year"."""


_NAMES_SPA = re.compile(r"Supreme\s+People['’]s\s+Assembly|\bSPA\b")


def assembly_mentions(sentence: str, at: int, found: list[Found], ctx: Context) -> list[Found]:
    """Sessions of the SPA told by "the assembly", "the parliament" or "a ... session was held"
    in an article that named the Supreme People's Assembly before (kept only where dated);
    ``at``: the sentence's offset in the document."""
    matches = list(_ASSEMBLY.finditer(sentence))
    if not matches or not 0 <= ctx.spa_named_at < at + len(sentence) or ctx.foreign:
        return []
    result = []
    for match in matches:
        if any(f.start <= match.start() < f.end for f in found):
            continue
        term = ctx.terms.get("spa")
        assembly = (
            f"{ordinal_text(term)} Supreme People's Assembly"
            if term
            else "Supreme People's Assembly"
        )
        ref = Ref("spa_session", f"spa_session:{term or '?'}:?", f"Session of the {assembly}", True)
        result.append(
            Found(match.start(), match.end(), ref, False, True, anaphor=True, guessed=True)
        )
    return result


_THE_PARTY = re.compile(r"Workers['’]?\s*Party|\bWPK\b|\bKWP\b|Central\s+Committee")


def names_the_party(ctx: Context) -> bool:
    """Whether the document names the WPK or its Central Committee (and is not about another
    party)."""
    return not ctx.foreign and _THE_PARTY.search(ctx.doc.text) is not None


def remember(ctx: Context, ref: Ref) -> None:
    """``ref`` is now what "the <noun>" of its kind refers back to (an unnumbered name does not
    take the place of a meeting the document identified: "the WPK Congress" after "the 8th
    Congress" is still the 8th)."""
    unnumbered = "?" in ref.key
    for noun in KIND_NOUNS.get(ref.kind, ()):
        current = ctx.last.get(noun)
        if unnumbered and current is not None and "?" not in current.key:
            continue
        ctx.last[noun] = ref
    if not unnumbered:
        ctx.last_named[ref.kind] = ref


_ENDED_TERM = re.compile(r"\s+(?:had\s+)?(?:expired|ended|was\s+dissolved|ran\s+out)\b")
_FORMER_TERM = re.compile(r"\b(?:previous|preceding|former|outgoing|old)\s+$", re.IGNORECASE)


def note_terms(sentence: str, ctx: Context) -> None:
    """Remember the Central Committee and the Assembly a document names with their terms."""
    for pattern, body, words in _TERM_PATTERNS:
        if not any(word in sentence for word in words):
            continue  # (a scan for an ordinal at every position cost 50 µs a sentence)
        for match in pattern.finditer(sentence):
            term = ordinal_value(match.group("t"))
            if _ENDED_TERM.match(sentence, match.end()) or _FORMER_TERM.search(
                sentence, max(0, match.start() - 20), match.start()
            ):
                continue  # "the term of office for the ninth SPA expired": not the one told of
            if term is not None and term <= 20:
                ctx.terms[body] = term


def foreign_document(doc: Document) -> bool:
    """Whether "the Party" of ``doc`` is another party: it names one, and not the WPK, or it is
    about one (named in its title or first passage, and more often than the WPK)."""
    if not foreign_party_in(doc.text):
        return False
    if not names_wpk(doc.text):
        return True
    lead = doc.title + " " + (doc.passages[0].text if doc.passages else "")
    if not foreign_party_in(lead):
        return False
    foreign = foreign_party_count(doc.text)
    wpk = len(
        re.findall(
            r"WPK|KWP|Workers['’]\s*Party\s+of\s+Korea|(?:ruling|Korean|Korea['’]s)\s+Workers['’]?\s*Party"
            r"(?!\s+of\s+(?!Korea))",
            doc.text,
        )
    )
    return foreign > wpk
