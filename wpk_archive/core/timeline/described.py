"""A news story's meeting told of by description and named elsewhere without a date.

A report often dates its meeting only where it describes it ("the ruling party's key meeting held
from Friday to Sunday", "a rare one-day Labor Party gathering on Wednesday") and names it only
where it gives no date ("... were rebuked at the plenary meeting of the 8th Central Committee").
The name alone says too little to be kept undated, and the description names no kind; together
they are one meeting, dated.

The two are joined only where the document leaves no doubt: it names meetings of exactly one kind
without a date (and dates none of that kind), the description carries the party's mark ("party",
"political", "Workers'"), and its date lies within two months of the story. Such a mention is
marked loose, so merging drops it where the reference chronology disagrees.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from wpk_archive.core.date_values import parse_iso_day
from wpk_archive.core.dates import DateMention
from wpk_archive.core.models import EVENT_KINDS, Document, EventMention, Passage
from wpk_archive.core.sentences import sentence_spans
from wpk_archive.core.timeline import korean
from wpk_archive.core.timeline.found import Found, Ref
from wpk_archive.core.timeline.vocabulary import foreign_party_in

_NUMBER_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
DESCRIPTION = re.compile(
    r"\b(?:(?:(?:[Rr]uling\s+)?(?:[Pp]arty|Workers['’]\s+Party|Labou?r\s+Party)['’]s?\s+)?"
    r"(?:(?:key|major|rare|important|crucial|pivotal|high-level|top-level|highest-level|highest|"
    r"senior|big|biggest|"
    r"largest|landmark|historic|extraordinary|special|emergency|enlarged|expanded|political|"
    r"ruling|year-end|mid-year|key\s+political|"
    rf"{_NUMBER_WORD}-day|days-long|week-long|multi-day|"
    r"[Pp]arty|Workers['’]\s+Party|Labou?r\s+Party)\s+){1,4}"
    r"(?:meeting|gathering|conclave|convention|conference|session)\b"
    # "days ahead of a meeting of the Korean Workers' Party" (the party's, not a body's of it)
    r"|\b(?:meeting|gathering|conclave)\s+of\s+(?:the\s+)?(?:North\s+Korea['’]s\s+)?(?:ruling\s+)?"
    r"(?:Korean\s+Workers['’]?\s+Party|Workers['’]?\s+Party(?:\s+of\s+Korea)?|WPK|KWP)"
    r"(?!['’\w-]|\s*(?:['’]s\s+)?(?:\([A-Z]+\)\s+)?(?:Central|Political|Politburo|CC\b|"
    r"Secretariat|Military|Presidium|[Cc]ommittee|[Cc]ell|[Pp]rimary|delegates)))"
)
"""A meeting told of by its weight or length rather than its kind: "a key three-day party
meeting", "the ruling party's key meeting", "a rare one-day Labor Party gathering"."""
DELEGATES = re.compile(
    r"\b[Dd]elegates\s+(?:to|of)\s+(?:the\s+)?(?:ruling\s+)?(?:Workers['’]?\s+Party|WPK|KWP|party)"
    r"(?:\s+of\s+Korea)?\s+(?:(?:will|would|are\s+to|were\s+to|have|had)\s+)?"
    r"(?:meet|met|gather|gathered|convene|convened)\b"
)
"""The party's delegates told as meeting ("Delegates to the ruling Workers' Party will meet in
Pyongyang on Sept. 28"): a party gathering of that day (:data:`GATHERING`)."""
_THE_MEETING = re.compile(
    r"\b[Tt]he\s+(?:meeting|gathering)(?=\s*,?\s*(?:which|that|was|were|had\s+been)\s+(?:[\w-]+\s+)?"
    r"(?:held|opened|convened|closed|ended|concluded|wrapped\s+up|took\s+place|ran|lasted))"
)
"""The story's meeting by its noun alone, told as held: "The meeting, which was held from Dec
23-27"; where the document names one meeting only, without a date, it is that one."""
_PARTY_MARK = re.compile(r"[Pp]arty|[Pp]olitical|Workers['’]")
_LOOKS_BACK = re.compile(
    r"\b(?:last|previous|preceding|earlier|former|first|since|before|ago)\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
"""Words before a description that make it another, earlier meeting ("the last party meeting")."""
_LABOR_PARTY = re.compile(r"(?:Korean\s+)?Labou?r\s+Party")
_OF_ANOTHER = re.compile(
    r"\s+of\s+(?!(?:the\s+|North\s+Korea['’]s\s+)*(?:ruling\s+)?(?:Korean\s+)?"
    r"(?:Workers|WPK|KWP|[Pp]arty\b(?!\s+committee)))"
)
"""After a description, another body than the party ("an enlarged meeting of the party committee
of the Taean Electrical Machinery Plant"): no party gathering to find without a day."""
_NEAR_DAYS = 62
_MEETING_KINDS = frozenset(EVENT_KINDS) - {"other"}

DatesOf = Callable[[int, str], list[DateMention]]
"""The dates one sentence holds, by its start offset and text (the extractor's own reading)."""
MentionOf = Callable[[Document, Passage, tuple[int, int], Found], EventMention | None]


def the_undated_meeting(dropped: Sequence[Ref], mentions: Sequence[EventMention]) -> Ref | None:
    """The one meeting the document names without a date, if there is one: the names left out
    for want of a date (``dropped``) and the undated mentions, all of one kind, of which none is
    dated elsewhere in the document, and no two numbered differently."""
    dated_kinds = {m.kind for m in mentions if m.start_date is not None}
    refs: dict[str, Ref] = {ref.key: ref for ref in dropped}
    for m in mentions:
        if m.start_date is None and m.kind in _MEETING_KINDS:
            refs.setdefault(m.key, Ref(m.kind, m.key, m.name, m.ambiguous))
    candidates = [ref for ref in refs.values() if ref.kind in _MEETING_KINDS]
    if not candidates or len({ref.kind for ref in candidates}) != 1:
        return None
    if candidates[0].kind in dated_kinds:
        return None
    numbered = {ref.key for ref in candidates if "?" not in ref.key.split("@")[0]}
    if len(numbered) > 1:
        return None
    return min(candidates, key=lambda ref: (ref.key.count("?"), ref.key))


def _near(date: str | None, doc_date: str | None) -> bool:
    if date is None or doc_date is None or len(doc_date) < 10:
        return False
    if len(date) == 4:
        return date == doc_date[:4]
    if len(date) == 7:
        date += "-15"
    day, report = parse_iso_day(date), parse_iso_day(doc_date)
    return day is not None and report is not None and abs((day - report).days) <= _NEAR_DAYS


GATHERING = Ref("party_gathering", "party_gathering:?", "Meeting of the WPK", True)
"""A party meeting told of by description in a story that names no undated meeting ("a rare
meeting of the ruling Workers' Party on Tuesday"): which one, only the reference chronology can
say, from its day (:func:`.merge_keys.resolve`); none there, it is dropped."""


def described_mentions(
    doc: Document,
    ref: Ref,
    dates_of: DatesOf,
    mention_of: MentionOf,
    told_days: frozenset[str] = frozenset(),
) -> list[EventMention]:
    """Mentions of ``ref`` (the document's one undated meeting) where a description dates it;
    for :data:`GATHERING`, only a description with a day of its own, on none of ``told_days``
    (the days the document gives other meetings), in a sentence naming no other party."""
    if doc.date is None:
        return []
    generic = ref is GATHERING
    found: list[tuple[tuple[int, int, int], EventMention]] = []
    undated: EventMention | None = None  # (the first description with no date of its own)
    for passage in doc.passages:
        if not (
            DESCRIPTION.search(passage.text)
            or _THE_MEETING.search(passage.text)
            or (generic and DELEGATES.search(passage.text))
        ):
            continue
        for span in sentence_spans(passage.text, passage.start):
            sentence = doc.text[span[0] : span[1]]
            described = [
                m
                for m in DESCRIPTION.finditer(sentence)
                if _PARTY_MARK.search(m.group()) or _PARTY_MARK.search(sentence)
            ]
            if generic:
                described = [
                    m
                    for m in described
                    if _PARTY_MARK.search(sentence)
                    # (in a story of North Korea, its "Labor Party" is the WPK)
                    and not foreign_party_in(_LABOR_PARTY.sub("", sentence))
                ] + list(DELEGATES.finditer(sentence))
            for match in [*described, *([] if generic else _THE_MEETING.finditer(sentence))]:
                if _LOOKS_BACK.search(sentence, max(0, match.start() - 40), match.start()):
                    continue
                item = Found(match.start(), match.end(), ref, needs_date=True, loose_identity=True)
                # (not the earlier one's year: "a rare one-day Labor Party gathering, last held in
                # 2016")
                dates = [
                    d
                    for d in dates_of(span[0], sentence)
                    if not _EARLIER_ONES.search(sentence, max(0, d.start - 30), d.start)
                ]
                korean.assign(sentence, [item], dates)
                if item.date is None:
                    if generic and undated is None and not _OF_ANOTHER.match(sentence, match.end()):
                        item.needs_date = False
                        undated = mention_of(doc, passage, span, item)
                    continue
                mention = mention_of(doc, passage, span, item)
                if mention is None or not (generic or _near(mention.start_date, doc.date)):
                    continue
                mention.loose = True
                if generic:
                    # (a day, or a month, which then only a congress or conference may fill)
                    if mention.precision == "year" or mention.start_date in told_days:
                        continue
                elif mention.start_date == mention.end_date and mention.role is None:
                    # "at a key party meeting on Sunday": one of its days, perhaps not the first
                    month = (mention.start_date or "")[:7]
                    mention.start_date = mention.end_date = month
                    mention.precision = "month"
                found.append((_weight(item.date), mention))
                break
    # the best-dated description only: "from Dec 23-27" over "last week"
    if found:
        return [max(found, key=lambda pair: pair[0])[1]]
    if undated is not None and undated.start_date is None:
        # "A rare meeting of North Korea's ruling party" in a headline: the congress or
        # conference the chronology holds in the days around the report, if one
        undated.loose, undated.role = True, "recent"
        return [undated]
    return []


_EARLIER_ONES = re.compile(
    r"\b(?:last|previously|first)\s+(?:held|met|convened|hosted|staged|called)\s+(?:in|on)\s+$|"
    r"\bsince\s+$"
)
"""Words before a date in a description's sentence that make it an earlier meeting's."""


_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


def _weight(date: DateMention | None) -> tuple[int, int, int]:
    """How well a date fixes a meeting: precision, then written out rather than relative (a
    week, a weekday), then earlier in the text (higher is better)."""
    if date is None:
        return (0, 0, 0)
    written = 0 if date.kind in ("relative", "weekday") else 1
    return (_PRECISION_RANK.get(date.precision, 0), written, -date.start)


_EARLIER_GATHERING = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts)\s+(?P<rel>last|previous|preceding|prior|earlier|"
    r"most\s+important|biggest|largest)\s+(?:such\s+)?"
    r"(?:(?:party|full-fledged|extraordinary|major|big|key|political)\s+){0,2}"
    r"(?P<noun>congress|conference|convention|meeting|gathering|conclave)\s+"
    r"(?:(?:was\s+)?(?:held|convened)\s+)?(?P<prep>in|since)\s+(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)\b(?![-–/]\d|s\b)"
_AND_YEAR = r"(?:\s*,?\s*(?:and|&)\s+(?:in\s+)?(?P<year2>(?:19|20)\d\d)\b(?![-–/]\d|s\b))?"
_EARLIER_FORMS = (
    _EARLIER_GATHERING,
    # "the first major gathering ... since a congress in 1980", "since the conference of 1966"
    re.compile(
        r"\b(?P<at>since\s+(?:a|the|its)\s+(?:(?:party|full-fledged|national|major)\s+){0,2}"
        r"(?P<noun>congress|conference|convention)\s+(?:(?:held\s+)?in|of)\s+" + _YEAR + ")"
    ),
    # "The rare political gathering, which Kim last hosted in 2016", "the congress, last held in
    # 1980", "The congress ... was reinstated by Kim in 2016"
    re.compile(
        r"\b(?P<noun>[Cc]ongress|[Cc]onference|[Cc]onvention|gathering|conclave)\b[^.;:!?()]{0,60}?"
        r"(?P<at>\b(?:(?:which|that)\s+(?:\w+(?:\s+\w+)?\s+)?(?:was\s+)?last\s+"
        r"(?:hosted|held|convened|staged|called)|(?:was\s+|were\s+)?last\s+(?:held|convened)|"
        r"(?:was|were|had\s+been)\s+(?:revived|reinstated|restored|resumed|revitali[sz]ed)|"
        r"which\s+\w+(?:\s+\w+)?\s+(?:revived|reinstated|restored|resumed))"
        r"(?:\s+by\s+(?:[A-Z][\w-]*\s*){1,3})?\s+in\s+" + _YEAR + ")"
    ),
    # counted: "the last two meetings, in 1970 and 1980", "the two previous conferences were held
    # in 1958 and 1966"
    re.compile(
        r"\b(?P<at>(?:[Tt]he|[Ii]ts)\s+(?:(?:last|previous|prior|earlier|other)\s+(?:two|three)|"
        r"(?:two|three)\s+(?:previous|prior|earlier|other))\s+(?:such\s+)?(?:(?:party|major)\s+)?"
        r"(?P<noun>congresses|conferences|conventions|meetings|sessions|gatherings)\s*,?\s+"
        r"(?:(?:were|was)\s+)?(?:(?:held|convened)\s+)?in\s+" + _YEAR + _AND_YEAR + ")"
    ),
    # "such a gathering was held only twice in 1958 and 1966"
    re.compile(
        r"\b(?P<noun>[Cc]ongress|[Cc]onference|[Cc]onvention|gathering|meeting)\b[^.;:!?()]{0,30}?"
        r"(?P<at>\b(?:was|were|had\s+been)\s+(?:held|convened)\s+only\s+(?:twice|two\s+times|"
        r"three\s+times|thrice)\s*,?\s+(?:before\s*,?\s+)?in\s+" + _YEAR + _AND_YEAR + ")"
    ),
)
"""In a story of a congress or conference, an earlier one told by a year ("A previous conference
in 1980", "The last party meeting in 1980", "the most important such conclave since 1980"; not "the
first such gathering since 2021", which only implies one): the congress or conference the chronology holds in
that year (:data:`EARLIER_GATHERING`)."""

EARLIER_GATHERING = Ref(
    "party_gathering", "party_gathering:?", "Congress or Conference of the WPK", True
)
"""An earlier congress or conference told by its year alone; which one, the chronology's one of
that year tells (:func:`.merge_keys.resolve`); none, or two, and it is dropped."""


def earlier_gatherings(
    doc: Document, dates_of: DatesOf, mention_of: MentionOf
) -> list[EventMention]:
    """Mentions of the earlier congresses or conferences a story of one tells by a year."""
    found: list[EventMention] = []
    for passage in doc.passages:
        if not any(form.search(passage.text) for form in _EARLIER_FORMS):
            continue
        for span in sentence_spans(passage.text, passage.start):
            sentence = doc.text[span[0] : span[1]]
            matches = [m for form in _EARLIER_FORMS for m in form.finditer(sentence)]
            years = [
                (m, group)
                for m in matches
                for group in ("year", "year2")
                if group in m.re.groupindex and m.group(group)
            ]
            for match, group in years:
                year = match.start(group)
                dates = [d for d in dates_of(span[0], sentence) if d.start <= year < d.end]
                if not dates or dates[0].precision != "year":
                    continue
                at = match.start("at") if "at" in match.re.groupindex else match.start()
                if group == "year2":  # "in 1970 and 1980": the second, from its year on
                    at = match.start(group)
                item = Found(
                    at,
                    match.end() if group == "year2" else match.end("year"),
                    EARLIER_GATHERING,
                    needs_date=True,
                    loose_identity=True,
                )
                item.date = dates[0]
                mention = mention_of(doc, passage, span, item)
                if mention is None:
                    continue
                noun = match.group("noun").lower()
                noun = next((n for n in ("congress", "conference") if noun.startswith(n)), noun)
                mention.loose, mention.role = True, "previous"
                if noun in ("congress", "conference"):
                    mention.key = f"party_gathering:{noun}"  # (that kind only)
                found.append(mention)
    return found


__all__ = [
    "DELEGATES",
    "DESCRIPTION",
    "EARLIER_GATHERING",
    "GATHERING",
    "described_mentions",
    "earlier_gatherings",
    "the_undated_meeting",
]
