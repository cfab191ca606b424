"""One meeting of a sentence made a mention (a part of :mod:`.extract`), and the dated caption
lines a document may hold.

Rules of :func:`meeting_mention`:
- a date whose year the text left out moves a year back where the sentence reports the meeting
  held (:func:`~.dating_status.year_before`); a weekday that is a decision's day dates no meeting;
- a plural name over dates of different years ("From the 1970s through the 1990s, Central
  Committee meetings were ...") makes no mention;
- a meeting named by its date takes that date ("the December 2023 Plenary Meeting"), a month
  alone the year the document tells or the publication's; a date the text gives moves to the year
  the name gives ("The 1966 party conference, held from 5 to 12");
- undated, a meeting that "had just concluded" or "is under way", or that the story says has been
  held or opened ("has opened a rare congress ..., state media said Wednesday"), is of the month
  of the report; one "Kim presided over ..., state media said" was held the day before the report
  (a one-day meeting: that day) or in its month;
- an undated name that needs a date, or an anaphor with none, makes no mention;
- a one-day date "for five days" is the opening day; an opening or closing day with the meeting's
  length gives the whole range.

A caption line that starts with a full date ("January 14, 2021. Celebrations following ...")
is an ``other`` event, unless it names a meeting itself (a chronology's item, read as text)."""

from __future__ import annotations

import datetime as dt
import re

from wpk_archive.core.dates import DateMention, find_dates
from wpk_archive.core.models import Document, EventMention, Passage, Precision
from wpk_archive.core.timeline import korean
from wpk_archive.core.timeline.dating_status import (
    another_acts_day,
    basis_of,
    decision_day,
    named_date,
    year_before,
)
from wpk_archive.core.timeline.discourse import HABITUAL
from wpk_archive.core.timeline.found import Found
from wpk_archive.core.timeline.names import find_meetings, uncapitalized, unglossed
from wpk_archive.core.timeline.news import (
    DAY_OF,
    HAS_HELD,
    ONE_DAY_KINDS,
    OPENED_IT,
    PRESIDED_OVER,
    REPORTED_DAY,
    STATE_MEDIA_SAID,
    held_before_report,
    in_the_names_year,
)
from wpk_archive.core.timeline.told_days import month_in_told_year, with_length

_FOR_DAYS = re.compile(
    r"\s*,?\s*(?:and\s+)?(?:for|over|lasting|lasted)\s+(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"[2-9]|1[0-4])\s+days\b",
    re.I,
)
"""After a meeting's one day, how long it ran from it: "held on Dec. 27, 2021 for five days"."""
_FOR_DAYS_FROM = re.compile(
    r"\b(?:for|over)\s+(?:two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-4])\s+days\s+"
    r"(?:from|starting|beginning)\s+(?:on\s+)?$",
    re.I,
)
"""Before a meeting's one day, how long it ran from it: "was held for three days from Wednesday"."""
_JUST_ENDED = re.compile(
    r"\s*,?\s*(?:which|that)\s+(?:had|has)\s+(?:just|recently)\s+(?:concluded|ended|closed|finished)\b"
    # (in session as the report is written: "The 6th Conference ... is under way in Pyongyang")
    r"|\s+(?:is|are)\s+(?:now\s+|still\s+)?(?:under\s*way|in\s+session|in\s+progress)\b"
)

_ONGOING = re.compile(r"(?i)\b(?:ongoing|on-going|continuing|under-?way)\s+(?:[\w'’-]+\s+){0,2}$")
"""In the name, before its noun: in session as the report is written ("The party's ongoing
congress, the first of its kind in five years")."""
_ONGOING_NAME = re.compile(r"(?i)\b(?:ongoing|on-going|continuing|under-?way)\b")


def meeting_mention(
    doc: Document, passage: Passage, span: tuple[int, int], item: Found
) -> EventMention | None:
    """The mention of one meeting of a sentence (None when it says too little to keep)."""
    sentence = doc.text[span[0] : span[1]]
    earlier = year_before(sentence, item, doc.date)  # "was held on April 9", in February
    if earlier is not None:
        item.date = earlier
    if another_acts_day(sentence, item):
        item.date = None  # "to register for the session on March 30": the registration's
        item.needs_date = item.needs_date or item.ref.key.endswith(":?")
    if decision_day(sentence, item, doc.date):
        # "made the decision to hold the session ... on Thursday": the decision's day; an
        # unnumbered name then says no more than the plan named elsewhere with its own date
        item.date = None
        item.needs_date = item.needs_date or item.ref.key.endswith(":?")
    date = item.date
    if (
        item.plural
        and date is not None
        and date.start_date is not None
        and date.end_date is not None
        and date.start_date[:4] != date.end_date[:4]
    ):
        return None  # "From the 1970s through the 1990s, Central Committee meetings were ..."
    from_name, name_basis = named_date(item.date_name, doc.date)
    if date is None and item.date_name and item.date_name.startswith("--"):
        told = month_in_told_year(doc, span[0], sentence, item.start, int(item.date_name[2:]))
        if told is not None:  # "September 01, 1956 ... at the August Plenum"
            from_name, name_basis = told, "dateline" if told == from_name else "text"
    if date is not None and from_name and name_basis == "text":
        date = in_the_names_year(date, from_name)  # "The 1966 party conference, held from 5 to 12"
    start_date: str | None
    end_date: str | None
    precision: Precision | None
    basis: str | None
    if date is None and from_name:
        start_date = end_date = from_name
        precision = "month" if len(from_name) == 7 else "year"
        basis, inferred = name_basis, name_basis == "dateline"
    elif date is not None:
        start_date, end_date, precision = date.start_date, date.end_date, date.precision
        basis, inferred = basis_of(date), date.year_inferred
        if whole_week(date):
            # "held last week", "over the weekend": some day of that week, not a week-long
            # meeting; the month (or the two months a week spans) is what the text gives
            start_date, end_date, precision = date.start_date[:7], date.end_date[:7], "month"
    else:
        start_date = end_date = precision = basis = None
        inferred = False
    if (
        start_date is None
        and doc.date
        and len(doc.date) >= 7
        and (
            _JUST_ENDED.match(sentence, item.end)
            or (
                not item.anaphor
                and (
                    _ONGOING.search(sentence, max(0, item.start - 40), item.start)
                    or _ONGOING_NAME.search(sentence, item.start, item.end)
                )
            )
        )
    ):
        # "the KWP CC Plenum which had just concluded": it closed in the month of the report
        start_date = end_date = doc.date[:7]
        precision, basis, inferred = "month", "dateline", True
    if (
        start_date is None
        and not item.anaphor
        and doc.date
        and len(doc.date) >= 7
        and item.ref.key.endswith(":?")
        and not HABITUAL.search(sentence)  # "In recent years, North Korea has held a year-end ..."
        and (
            HAS_HELD.search(sentence, max(0, item.start - 60), item.start)
            or DAY_OF.search(sentence, max(0, item.start - 60), item.start)
            or (
                OPENED_IT.search(sentence, max(0, item.start - 60), item.start)
                and REPORTED_DAY.search(sentence, item.end)
            )
        )
    ):
        # "North Korea has opened a rare congress of its ruling Workers' Party, state media said
        # Wednesday": it is in session, or just held, in the month of the report
        start_date = end_date = doc.date[:7]
        precision, basis, inferred = "month", "dateline", True
    if (
        start_date is None
        and not item.anaphor
        and doc.date
        and len(doc.date) >= 7
        and not HABITUAL.search(sentence)
        and PRESIDED_OVER.search(sentence, max(0, item.start - 60), item.start)
        and STATE_MEDIA_SAID.search(sentence)
        and korean.status(sentence, item, doc.date) != "announced"
    ):
        # "Kim Jong Un presided over a politburo meeting ..., state media said on Monday": held
        # the day before the report, as a rule (a one-day meeting: that day), or that day: the
        # month of the day before
        held = held_before_report(sentence, doc.date)
        if item.ref.kind in ONE_DAY_KINDS and len(held) == 10:
            start_date = end_date = held
            precision, basis, inferred = "day", "dateline", True
            item.reported = True
        else:
            start_date = end_date = held[:7]
            precision, basis, inferred = "month", "dateline", True
    if start_date is None and (item.needs_date or item.anaphor):
        return None
    role = "previous" if item.previous else korean.role(sentence, item)
    if (
        role in (None, "previous")
        and precision == "day"
        and start_date is not None
        and start_date == end_date
        and date is not None
        and (
            _FOR_DAYS.match(sentence, date.end)
            or _FOR_DAYS_FROM.search(sentence, max(0, date.start - 40), date.start)
        )
    ):
        # "held on Dec. 27, 2021 for five days": from that day on ("The previous party congress
        # ... was held for four days from May 6, 2016": that one's days)
        start_date, end_date = with_length(sentence, item, start_date, "opening")
        if start_date == end_date and role is None:
            role = "opening"
    if role in ("opening", "closing") and precision == "day" and start_date is not None:
        # "a five-day plenary meeting ... that ended Friday": the whole range, from its length
        start_date, end_date = with_length(sentence, item, start_date, role)
        if start_date != end_date:
            role = None  # (the whole range is known: nothing to join)
    return EventMention(
        doc_id=doc.id,
        passage=passage.ordinal,
        start=span[0],
        end=span[1],
        quote=sentence,
        kind=item.ref.kind,
        name=item.ref.name,
        key=item.ref.key,
        start_date=start_date,
        end_date=end_date,
        precision=precision,
        year_inferred=inferred,
        ambiguous=item.ref.ambiguous,
        status=korean.status(sentence, item, doc.date),
        basis=basis,
        loose=item.loose_date or item.loose_identity,
        doc_date=doc.date,
        role=role,
    )


def whole_week(date: DateMention) -> bool:
    """Whether a relative date is a whole week or weekend ("last week", "this weekend")."""
    if date.kind != "relative" or date.precision != "day" or date.start_date == date.end_date:
        return False
    first, last = dt.date.fromisoformat(date.start_date), dt.date.fromisoformat(date.end_date)
    days = (last - first).days
    return (days == 6 and first.weekday() == 0) or (days == 1 and first.weekday() == 5)


_CAPTION = re.compile(r"[.:]\s+(?P<rest>[^\n]{5,250})")
CAPTION_START = re.compile(r"(?:[A-Z][a-z]{2,8}\.?\s+\d|\d{1,4}[\s./-])")
"""How a caption line that starts with a full date can start ("January 14, 2021.", "14 Jan")."""


def caption_mention(doc: Document, passage: Passage) -> EventMention | None:
    """An ``other`` event from a caption line that starts with a full date ("January 14, 2021.
    Celebrations following ..."), if the passage is one."""
    if "\n" in passage.text or len(passage.text) > 300 or not passage.text[:1].isalnum():
        return None
    dates = find_dates(passage.text[:40], doc_date=doc.date)
    if not dates or dates[0].start != 0 or dates[0].precision != "day" or dates[0].year_inferred:
        return None
    date = dates[0]
    rest = _CAPTION.match(passage.text, date.end)
    if rest is None:
        return None
    name = rest.group("rest").strip().rstrip(".").strip()
    if not name or find_dates(name, doc_date=doc.date):
        return None
    named = find_meetings(uncapitalized(unglossed(name)))[0]
    if named and named[0].start <= 4:
        return None  # "Oct. 10-14, 1980: 6th KWP Congress": a chronology's item, read as text
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60]
    return EventMention(
        doc_id=doc.id,
        passage=passage.ordinal,
        start=passage.start,
        end=passage.end,
        quote=doc.text[passage.start : passage.end],
        kind="other",
        name=name,
        key=f"other:{slug}",
        start_date=date.start_date,
        end_date=date.end_date,
        precision=date.precision,
        year_inferred=False,
        ambiguous=True,
        status="held",
        basis="text",
        doc_date=doc.date,
    )
