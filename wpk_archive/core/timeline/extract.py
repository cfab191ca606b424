"""Event mentions of one document: which meetings it names, how it dates them, and their status.

:func:`extract_mentions` reads a document sentence by sentence. For every meeting name that
:mod:`~wpk_archive.core.timeline.names` finds it decides whether the meeting is the WPK's (a bare
"the Party" or "the 9th Congress" in an article about another party is that party's), which date
of the text belongs to it, and whether the text reports it held, announces it, or says it was
postponed.

How a date is tied to a meeting, most direct first:
1. it qualifies the name: "X held in Pyongyang in May 2016", "X (October 10-14, 1980)",
   "X from June 28 to July 1", "On April 11, X ...", "X in December three years ago";
2. the name is the subject of a verb of holding and the date follows the verb: "X, attended by
   ..., was held at the Mansudae Assembly Hall on Friday";
3. a later sentence refers back to the meeting ("The meeting opened on ...", "It lasted from
   ...", "The session was held ...");
4. the sentence names one meeting, with "at" or "in" ("at the 6th Plenary Meeting"), and gives
   one date as the time of what was done there ("In August 1953 he delivered a report at the
   6th Plenary Meeting"). Such a *loose* date is checked against the reference chronology at merge
   time and dropped when it disagrees.
A weekday or "today" dates a meeting only through a verb of holding ("held on Monday").

Sentences holding Hangul are also read by the Korean grammar through :mod:`.korean` (names,
dates, anaphora, Korean word order, status); English text takes exactly the English path.

Meetings that no date and no ordinal identify ("the Party Congress", "a meeting of the Political
Bureau") are kept only when dated or when they refer back to a meeting the document named.

This module holds the document and sentence loops; one meeting is made a mention, and a dated
caption line an ``other`` event, in :mod:`.mentions`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from wpk_archive.core.dates import DateMention, find_dateline, find_dates
from wpk_archive.core.models import Document, EventMention, Passage
from wpk_archive.core.sentences import sentence_spans
from wpk_archive.core.timeline import korean
from wpk_archive.core.timeline.anaphora import elliptic, find_anaphors, relative
from wpk_archive.core.timeline.dating import HOLDING, SUBJECT_START
from wpk_archive.core.timeline.dating_status import date_postponed
from wpk_archive.core.timeline.described import (
    DELEGATES,
    DESCRIPTION,
    GATHERING,
    described_mentions,
    earlier_gatherings,
    the_undated_meeting,
)
from wpk_archive.core.timeline.discourse import (
    HABITUAL,
    NOUN_KINDS,
    PRONOUN,
    TEMPORAL_BEFORE,
    Context,
    assembly_mentions,
    is_wpk,
    key_and_name,
    names_the_party,
    note_terms,
    remember,
)
from wpk_archive.core.timeline.earlier import earlier_meetings, may_name_earlier
from wpk_archive.core.timeline.found import Found, Ref
from wpk_archive.core.timeline.held_reports import needs_date
from wpk_archive.core.timeline.mentions import CAPTION_START, caption_mention, meeting_mention
from wpk_archive.core.timeline.names import (
    ORD,
    NamedMeeting,
    OtherMeeting,
    find_meetings,
    labor_as_wpk,
    uncapitalized,
    unglossed,
)
from wpk_archive.core.timeline.news import NOT_HELD, last_held, photo_date
from wpk_archive.core.timeline.tables import TableBody, may_hold_rows, table_body, table_rows
from wpk_archive.core.timeline.told_days import (
    entered_its_day,
    next_to_told,
    opened_and_closed,
    that_day,
    that_month,
)
from wpk_archive.core.timeline.vocabulary import ASSEMBLY_ACTS, OTHER_BODY, PARTY_NAMED, names_wpk

_KEYWORDS = re.compile(
    # (the lookahead of first letters lets the scan skip most positions: 3x faster over the
    # 120,000 passages of a corpus import, 1.4 s -> 0.45 s)
    r"(?=[CcPpSsMmAG])(?:"
    r"General\s+Assembly|"  # (a translation's "The Central Committee General Assembly was held")
    r"[Cc]ongress|[Cc]onference|[Pp]lenary|[Pp]lenum|Political\s+(?:Bureau|Committee)|[Pp]olitburo|"
    r"[Pp]arliament|[Pp]olicy\s+[Cc]ouncil|[Pp]arty\s+[Cc]onvention|(?<=Korea\s)[Cc]onvention|(?<=WPK\s)[Cc]onvention|"
    r"(?:[Pp]revious|[Pp]receding)\s+convention\b|"
    r"CONGRESS|CONFERENCE|PLENARY|PLENUM|POLITBURO|SESSION|"
    r"[Ss]ession|Military\s+Commission|CMC|Secretariat|[Mm]eeting|"
    r"(?:Assembly|SPA)(?:\s*\(SPA\))?\s*(?:met|convened|opened|was\s+(?:held|convened|opened)|"
    r"took\s+place|,\s+(?:which|the|its|North|will)\b|\.|(?:in|on|at|last|this|will|to|next)\s|"
    rf"{ASSEMBLY_ACTS}\s|"
    # "will convene the Supreme People's Assembly April 10", "... Assembly Tuesday"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d|[MTWFS][a-z]+day\b|"
    r"of\s+the\s+Central\s+Committee))"  # (a translation's "General Assembly of the Central ...")
)


_GATHERING_NOUN = re.compile(r"(?:meeting|gathering|conclave|convention|conference|session)\b")


def _sentence_mentions(
    doc: Document, passage: Passage, span: tuple[int, int], ctx: Context
) -> list[EventMention]:
    """The event mentions of one sentence (``span`` in document offsets)."""
    start, end = span
    sentence = doc.text[start:end]
    hangul = korean.has_hangul(sentence)
    masked = uncapitalized(unglossed(sentence))  # (same length: offsets hold; quotes from doc)
    if ctx.labor_is_wpk:
        masked = labor_as_wpk(masked)  # "the Labor Party", as American papers long wrote it
    parliament = "arliament" in masked or "egislat" in masked  # (the article's country: costly)
    named, others = find_meetings(masked, north_korea=parliament and ctx.north_korea)
    if not hangul:
        sentence = masked
    if hangul:
        lead = ctx.doc.title + " " + ctx.doc.text[:300]
        named, others = korean.meetings_ko(
            sentence, named, others, ctx.last, lead, ctx.terms, ctx.last_named
        )
    note_terms(sentence, ctx)
    found: list[Found] = []
    subject: Ref | None = None
    spans = Counter((meeting.start, meeting.end) for meeting in named)  # meetings of one name
    for meeting in named:
        if not is_wpk(meeting, sentence, ctx):
            continue
        if NOT_HELD.search(sentence, max(0, meeting.start - 70), meeting.start):
            continue  # "North Korea will not hold a party congress this year"
        if _other_bodys_series(meeting, sentence, start, ctx):
            continue
        ref = key_and_name(meeting, ctx)
        if meeting.date_name and meeting.date_name.startswith("--"):
            antecedent = ctx.last.get(meeting.noun)
            month = ctx.dated.get(antecedent.key, "")[4:7] if antecedent is not None else ""
            if (
                antecedent is not None
                and antecedent.kind == ref.kind
                and month == meeting.date_name[1:]
            ):
                # "the December plenary meeting" after "the plenary meeting ... held in December
                # 1956": that one, not a December of the publication year
                found.append(
                    Found(meeting.start, meeting.end, antecedent, False, False, anaphor=True)
                )
                continue
        earlier = None
        if ref.key.endswith(":?") and ref.kind in ("party_congress", "party_conference"):
            earlier = ctx.last_named.get(ref.kind)  # "the Party Congress" again, if undated
        found.append(
            Found(
                meeting.start,
                meeting.end,
                ref,
                needs_date=needs_date(
                    ref,
                    sentence,
                    meeting.start,
                    meeting.end,
                    plural=meeting.plural,
                    listed=spans[(meeting.start, meeting.end)] > 1,
                ),
                loose_identity=not meeting.explicit or ref.key.endswith(":?"),
                date_name=meeting.date_name,
                fallback=earlier,
                plural=meeting.plural,
            )
        )
        if subject is None and SUBJECT_START.match(sentence[: meeting.start]):
            subject = ref
    for rel in relative(sentence, ctx):
        overlapping = [f for f in found if f.start < rel.end and rel.start < f.end]
        if any(f.ref.kind != rel.ref.kind for f in overlapping):
            continue  # "The last conference of party cell chairs": theirs, not the party's
        found = [f for f in found if f not in overlapping]  # "The next party congress": which
        found.append(rel)
    found.extend(elliptic(sentence, found, ctx))
    if may_name_earlier(sentence):
        found.extend(earlier_meetings(sentence, found, ctx))
    anaphors = [
        a
        for a in find_anaphors(sentence, named, others, ctx)
        if not any(f.start < a.end and a.start < f.end for f in found)
    ]
    if not hangul and ("ssembly" in sentence or "session" in sentence or "arliament" in sentence):
        anaphors.extend(assembly_mentions(sentence, start, [*found, *anaphors], ctx))
    if hangul:
        anaphors.extend(korean.anaphors_ko(sentence, others, ctx.last))
    found.extend(anaphors)
    for other in others:  # "a plenary meeting of the Cabinet": "the meeting" is now that one
        if not any(a.start <= other.start < a.end for a in anaphors):
            ctx.last[other.noun if other.noun != "plenary" else "plenary"] = None
            if other.noun == "plenary":
                ctx.last["meeting"] = None
    generic, ctx.generic = ctx.generic, None
    if (
        all(item.guessed for item in found)
        and not hangul
        and others
        and _GENERIC_SUBJECT.match(sentence[: others[0].start])
    ):
        ctx.generic = _generic_date(doc, start, sentence, others[0], ctx)
    if not found:
        ctx.subject = None
        return []
    dates = _sentence_dates(doc, start, sentence, hangul, ctx)
    series: list[Found] = []
    if not hangul and "last" in sentence:
        series = last_held(sentence, found, dates, ctx)
        if series:  # (their dates are theirs alone)
            dates = [d for d in dates if not any(e.start <= d.start < e.end for e in series)]
    korean.assign(sentence, found, dates)
    if not hangul and dates:
        date_postponed(sentence, found, dates)
    found.extend(series)
    if (
        not hangul
        and dates
        and ("photo" in sentence or "image" in sentence or "picture" in sentence)
    ):
        photo_date(sentence, found, dates)
    if not hangul and len(dates) > 1:
        taken = {id(item.date) for item in found if item.date is not None}
        for item in found:  # "which opened on October 5, ended on Wednesday": the whole range
            opened_and_closed(sentence, item, dates, taken - {id(item.date)})
    if not hangul and "its" in sentence and " day" in sentence:
        for item in found:  # "entered its fourth day on Friday"
            entered_its_day(sentence, item)
    if generic is not None and _COPULA.match(sentence):
        # "It was the eighth enlarged plenary meeting of the 8th Central Committee": the meeting
        # the sentence before dated by its noun alone
        noun, date = generic
        for item in found:
            if item.date is None and not item.anaphor and item.ref.kind in NOUN_KINDS[noun]:
                item.date = date
                break
    mentions: list[EventMention] = []
    seen: dict[str, int] = {}
    for item in found:
        if item.date is None and item.date_name is None and item.fallback is not None:
            item.ref, item.loose_identity = item.fallback, False
    for item in sorted(found, key=lambda f: f.start):
        mention = meeting_mention(doc, passage, span, item)
        if mention is None:
            if item.needs_date and not item.anaphor and not item.plural:
                ctx.dropped.append(item.ref)
                if (
                    doc.date is None
                    and item.ref.kind not in _GENERIC_ON_REFERENCE_PAGES
                    and not HABITUAL.search(sentence)
                ):
                    ctx.unplaced.append((item, passage, span))
                elif (
                    doc.date is not None
                    and not HABITUAL.search(sentence)
                    and not _IN_THE_MAKING.search(sentence)
                ):
                    ctx.undated_named.append((item, passage, span))
            continue
        # one mention per meeting: an unnumbered name is one meeting per date it is given
        same = f"{item.ref.key}@{mention.start_date}" if item.ref.ambiguous else item.ref.key
        if same in seen:
            if mention.start_date is not None and mentions[seen[same]].start_date is None:
                mentions[seen[same]] = mention
            continue
        seen[same] = len(mentions)
        mentions.append(mention)
        if item.reported:
            ctx.reported.append(mention)
        if mention.start_date is not None:
            ctx.dated.setdefault(mention.key, mention.start_date)
    for item in found:
        if item.anaphor:
            continue
        if TEMPORAL_BEFORE.search(sentence, max(0, item.start - 30), item.start):
            # "since the 7th Congress" dates something else; "the Congress" is not it, but
            # "After the first WPK Conference ... After the second conference": its series
            if "?" not in item.ref.key:
                ctx.last_named[item.ref.kind] = item.ref
            continue
        remember(ctx, item.ref)
        if item.ref.kind != "spa_session" and _SESSION.search(sentence, item.start, item.end):
            ctx.last["session"] = item.ref  # "a politburo session ... During the session held"
    ctx.subject = subject or (ctx.subject if anaphors and anaphors[0].start == 0 else None)
    return mentions


_OTHERS_SERIES = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)|[A-Z][a-z]+)\s+(?P<noun>Congress|Conference)\s+of\s+(?:the\s+)?"
    r"(?P<body>[^.,;:\n]{3,60})"
)


def _other_bodys_series(meeting: NamedMeeting, sentence: str, start: int, ctx: Context) -> bool:
    """Whether a bare numbered name ("The 8th Congress was held in February 1993") continues the
    series of another body the document named last ("the 9th Congress of the youth league")."""
    if (
        meeting.explicit
        or meeting.number is None
        or meeting.kind not in ("party_congress", "party_conference")
        or PARTY_NAMED.search(sentence, meeting.start, meeting.end)
    ):
        return False
    noun = "Congress" if meeting.kind == "party_congress" else "Conference"
    before = ctx.doc.text[max(0, start - 1500) : start + meeting.start]
    named = [m for m in _OTHERS_SERIES.finditer(before) if m.group("noun") == noun]
    if not named:
        return False
    body = named[-1].group("body")
    return re.search(OTHER_BODY.pattern, body, re.IGNORECASE) is not None and not names_wpk(body)


_SESSION = re.compile(r"\b[Ss]ession\b")
_GENERIC_SUBJECT = re.compile(r"^\s*(?:The|This|That)\s+(?:[\w-]+\s+){0,3}$")
_COPULA = re.compile(
    r"^\s*(?:(?:[A-Z][a-z]+ly|In\s+(?:fact|all)|Formally|Officially)\s*,?\s+)?(?:[Ii]t|[Tt]his|[Tt]hat)\s+"
    r"(?:was|is|marked|became)\s+(?:also\s+|officially\s+|formally\s+|technically\s+)?the\s"
)
"""A sentence naming what the meeting before was: "It was the ...", "Technically, this was the"."""


def _sentence_dates(
    doc: Document, start: int, sentence: str, hangul: bool, ctx: Context
) -> list[DateMention]:
    """The date mentions of a sentence, with the days it tells through other sentences."""
    doc_date = doc.date
    if doc_date is None and _YEARLESS_MONTH.search(sentence):
        doc_date = _paragraph_year(doc, start)
    dates = find_dates(
        sentence, doc_date=doc_date, weekday_anchor=ctx.anchor, dateline=ctx.has_dateline
    )
    if hangul:
        return korean.dates_ko(sentence, dates, doc.date, ctx.anchor)
    if " that " in sentence or " same " in sentence:
        dates = that_month(doc, start, sentence, dates, ctx.anchor, ctx.has_dateline)
    if "day" in sentence or "week" in sentence:
        dates = that_day(doc, start, sentence, dates, ctx.anchor, ctx.has_dateline)
        dates = next_to_told(doc, start, sentence, dates, ctx.anchor, ctx.has_dateline)
    return dates


_YEARLESS_MONTH = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b(?!,?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:1[89]|20)\d\d)"
)
_A_YEAR = re.compile(r"(?<![\d,.$/-])(?:1[89]\d\d|20\d\d)(?![\d/-]|s\b|\s*[-–]\s*\d)")


_CLOSES_A_DATE = re.compile(
    r"(?:\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?),?\s*$"
)
"""Before a year that closes a written date ("Jan. 5–12, 2021", "in October 1980"): that date's
year, not the paragraph's."""


def _paragraph_year(doc: Document, start: int) -> str | None:
    """In a document without a date, the year a paragraph has told before ``start`` (the last
    one written alone, not closing a date), which its yearless months take: "Events from the year
    1956 ... The plenum in August" (None where the paragraph names none before)."""
    for passage in doc.passages:
        if passage.start <= start < passage.start + len(passage.text) + 1:
            years = [
                y.group()
                for y in _A_YEAR.finditer(doc.text, passage.start, start)
                if not _CLOSES_A_DATE.search(doc.text, max(0, y.start() - 16), y.start())
            ]
            return years[-1] if years else None
    return None


def _generic_date(
    doc: Document, start: int, sentence: str, noun: OtherMeeting, ctx: Context
) -> tuple[str, DateMention] | None:
    """The noun and date of a sentence whose subject is a meeting noun alone, held on one date
    ("The enlarged plenary meeting was held between Friday and Sunday"), else None."""
    verb = HOLDING.search(sentence, noun.end, noun.end + 40)
    if verb is None:
        return None
    dates = [
        d
        for d in _sentence_dates(doc, start, sentence, False, ctx)
        if d.start >= verb.end() and d.kind != "dateline" and d.start_date is not None
    ]
    return (noun.noun, dates[0]) if len(dates) == 1 else None


_RUNS_ON = re.compile(
    r"(?:\b(?:of|the|and|in|at|to|a|an|for|on|by|with|from|its|their)|[,-])\s*$", re.IGNORECASE
)
"""A passage ending like this breaks off inside a sentence (a page or line break of a PDF or a
web page): it is read together with the passage after it."""


_ORDINAL_END = re.compile(rf"(?:{ORD})\s*$")
_NAME_GOES_ON = re.compile(
    r"\s*(?:Party|Congress|Conference|Plenary|Plenum|Meeting|Session|Central|Supreme|Political|"
    r"Military|Workers?|Korean)\b"
)
_SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", "’", ")", "]")


def _runs_on(text: str, following: str) -> bool:
    """Whether a passage breaks off inside a sentence and goes on in ``following``: it ends in a
    word that cannot end one ("of the", a comma), or without a full stop before a lowercase
    word, or in an ordinal before the rest of a meeting's name ("the Fifth" | "Party Congress":
    hard-wrapped text). Only its tail is searched (an end-anchored search of the whole passage
    scans every position)."""
    stripped = text.rstrip()
    if stripped.endswith(_SENTENCE_END):
        return False  # (most passages: no search needed; none of _RUNS_ON's ends is one)
    tail = max(0, len(stripped) - 12)
    if _RUNS_ON.search(text, tail) is not None:
        return True
    if following[:1].islower():
        return True
    return (
        _ORDINAL_END.search(text, tail) is not None and _NAME_GOES_ON.match(following) is not None
    )


def extract_mentions(doc: Document) -> list[EventMention]:
    """Every event mention of ``doc``, in text order, anchored to its passage and sentence."""
    dateline = find_dateline(doc.text, doc_date=doc.date) or korean.dateline_ko(doc.text, doc.date)
    ctx = Context(
        doc=doc, anchor=dateline.start_date if dateline else doc.date, has_dateline=bool(dateline)
    )
    mentions: list[EventMention] = []
    passages = doc.passages
    body: TableBody | None = None  # a page about one body's meetings, listed in a table
    body_read = False
    joined_to = -1  # the last passage read as the tail of the one before it
    for number, passage in enumerate(passages):
        if number <= joined_to:
            continue
        last = number
        while last + 1 < len(passages) and _runs_on(passages[last].text, passages[last + 1].text):
            last += 1  # a break inside a sentence ("the Seventh Congress of the\n\nWorkers' ...")
        if last > number:
            joined_to = last
            pieces = [passage.text]
            for before, after in zip(
                passages[number:last], passages[number + 1 : last + 1], strict=True
            ):
                # (the break blanked, same length: the sentence splitter ends a sentence at one)
                pieces.append(" " * (after.start - before.end) + after.text)
            end = passages[last].end
            passage = Passage(doc.id, passage.ordinal, passage.start, end, "".join(pieces))
        if may_hold_rows(passage.text):
            if not body_read:
                body, body_read = table_body(doc), True
            if body is not None:
                mentions.extend(table_rows(doc, passage, body, ctx))
        caption = caption_mention(doc, passage) if CAPTION_START.match(passage.text) else None
        if caption is not None:
            mentions.append(caption)
            continue
        hangul = korean.has_hangul(passage.text)
        if (
            ctx.subject is None
            and not _KEYWORDS.search(passage.text)
            and "egislature" not in passage.text  # "the North's legislature met on Tuesday"
            and not (hangul and korean.korean_keywords(passage.text))
        ):
            continue
        spans = sentence_spans(passage.text, passage.start)
        for span in korean.split_glued(doc.text, spans):
            if (
                _KEYWORDS.search(doc.text, span[0], span[1])
                or "egislature" in doc.text[span[0] : span[1]]
                or (hangul and korean.korean_keywords(doc.text[span[0] : span[1]]))
                or (ctx.subject is not None and PRONOUN.match(doc.text, span[0], span[1]))
            ):
                mentions.extend(_sentence_mentions(doc, passage, span, ctx))
            else:
                ctx.subject = None
    if ctx.unplaced:
        # a text with no date at all: the session or meeting it names stays, undated (not a
        # plenum or a Politburo meeting, which reference pages name as kinds, generically)
        mentions.extend(_first_of_each_kind(doc, ctx.unplaced, mentions))
    if ctx.reported:
        mentions = _without_guessed_days(mentions, ctx.reported)
    ref = (
        the_undated_meeting(ctx.dropped, mentions)
        if ctx.dropped or any(m.start_date is None for m in mentions)
        else None
    )
    if (
        ref is None
        and doc.date is not None
        and (
            # (a cheap scan first: 10x faster than the next)
            (_GATHERING_NOUN.search(doc.text) and DESCRIPTION.search(doc.text))
            or ("elegates" in doc.text and DELEGATES.search(doc.text))
        )
        and (ctx.north_korea or names_the_party(ctx))
        and not ctx.foreign
    ):
        ref = GATHERING  # which meeting, the chronology tells from the description's day

    def dates_of(start: int, sentence: str) -> list[DateMention]:
        return _sentence_dates(doc, start, sentence, False, ctx)

    if ref is not None:
        mentions.extend(
            described_mentions(
                doc,
                ref,
                dates_of,
                meeting_mention,
                frozenset(m.start_date for m in mentions if m.start_date),
            )
        )
    if (
        any(m.kind in ("party_congress", "party_conference", "party_gathering") for m in mentions)
        and not ctx.foreign
    ):
        # (ctx.foreign last: it reads the whole document)
        # "A previous conference in 1980" in a story of a conference: the chronology's of 1980
        mentions.extend(earlier_gatherings(doc, dates_of, meeting_mention))
    if ctx.undated_named and not ctx.foreign:
        # a report's undated "the KWP CC plenum": the chronology's of the weeks around it
        mentions.extend(_first_of_each_kind(doc, ctx.undated_named, mentions, role="recent"))
    return _the_organs_meeting(mentions)


_ORGANS = ("politburo_meeting", "secretariat_meeting", "cmc_meeting")
_PLENARY_WORD = re.compile(r"[Pp]len|[Ff]ull\s+(?:session|meeting)|[Gg]eneral\s+meeting")


def _the_organs_meeting(mentions: list[EventMention]) -> list[EventMention]:
    """A report's "presided over a meeting of the Central Committee ... yesterday" followed, in the
    next paragraphs, by the one numbered meeting of an organ of that committee ("The Fourth Meeting
    of the Executive Policy Council of the Seventh WPK Central Committee") is that organ's meeting,
    not a plenum: the loose plenum takes the organ's name, so the two become one dated event. Not
    where the sentence says plenary (or full, or general), or the text names another plenum."""
    organs = [
        m
        for m in mentions
        if m.kind in _ORGANS
        and m.start_date is None
        and not m.key.endswith(":?")
        and m.role is None
    ]
    if not organs or len({m.key for m in organs}) != 1:
        return mentions
    organ = organs[0]
    generic = [
        m
        for m in mentions
        if m.kind == "cc_plenary"
        and m.key == "cc_plenary:?:?"
        and m.loose
        and m.start_date is not None
        and m.passage < organ.passage <= m.passage + 2
        and not _PLENARY_WORD.search(m.quote)
    ]
    if not generic or any(m.kind == "cc_plenary" and m not in generic for m in mentions):
        return mentions
    for m in generic:
        m.kind, m.key, m.name, m.ambiguous = organ.kind, organ.key, organ.name, False
    return mentions


def _first_of_each_kind(
    doc: Document,
    items: list[tuple[Found, Passage, tuple[int, int]]],
    mentions: list[EventMention],
    role: str | None = None,
) -> list[EventMention]:
    """Undated mentions of the first of ``items`` of each kind ``mentions`` do not hold."""
    kinds = {m.kind for m in mentions}
    kept: list[EventMention] = []
    for item, passage, span in items:
        if item.ref.kind in kinds:
            continue
        kinds.add(item.ref.kind)
        item.needs_date = False
        mention = meeting_mention(doc, passage, span, item)
        if mention is not None:
            mention.role = role or mention.role
            kept.append(mention)
    return kept


def _without_guessed_days(
    mentions: list[EventMention], guessed: list[EventMention]
) -> list[EventMention]:
    """The mentions less those dated as the day before the report where the story gives another
    day, in the week before, to a meeting of that kind ("... presided over a politburo meeting,
    state media reported Friday. During the politburo session held Wednesday, ...")."""
    told = [m for m in mentions if not any(m is g for g in guessed)]
    dropped = [
        g
        for g in guessed
        if any(
            m.kind == g.kind
            and m.start_date is not None
            and len(m.start_date) == 10
            and m.start_date != g.start_date
            and g.doc_date is not None
            and 0
            <= (dt.date.fromisoformat(g.doc_date[:10]) - dt.date.fromisoformat(m.start_date)).days
            <= 7
            for m in told
        )
    ]
    return [m for m in mentions if not any(m is d for d in dropped)]


_GENERIC_ON_REFERENCE_PAGES = frozenset({"cc_plenary", "politburo_meeting"})
_IN_THE_MAKING = re.compile(
    r"\b(?:prepar(?:e|es|ed|ing)|plan(?:s|ning)\s+(?:to|for)|planned|"
    r"date\s+(?:was|is|has)\s+(?:not|yet))\b",
    re.I,
)
"""A sentence telling of a meeting still being prepared ("Delegates also prepared a session of the
SPA, whose date was not given"): not the one the chronology holds before the report."""

__all__ = ["extract_mentions"]
