"""Which date of a sentence belongs to which meeting, and what the sentence says of it.

:func:`assign_dates` ties dates to the meetings a sentence names, most direct first:
1. the date qualifies the name: "X held in Pyongyang in May 2016", "X (October 10-14, 1980)",
   "X from June 28 to July 1", "On April 11, X ...", "X in December three years ago";
2. the name is the subject of a verb of holding and the date follows the verb: "X, attended by
   ..., was held at the Mansudae Assembly Hall on Friday";
3. (the caller) a later sentence refers back to the meeting: "The meeting opened on ...";
4. the sentence names one meeting, "at" or "in" which something was done, and gives one date as
   the time of it ("In August 1953 he delivered a report at the 6th Plenary Meeting"): a *loose*
   date, checked against the reference chronology at merge time.
A weekday or "today" dates a meeting only through a verb of holding ("held on Monday", "to hold
... on Tuesday") or standing right after the name ("the meeting on Friday").

Rule 4 is in :mod:`.dating_loose`; what the sentence says of the meeting (held, announced,
postponed; its opening or closing day) is in :mod:`.dating_status`; the meetings it works on
(:class:`~.found.Found`, :class:`~.found.Ref`) are in :mod:`.found`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from wpk_archive.core.dates import DateMention
from wpk_archive.core.timeline.dating_loose import REPORTED_BEFORE, assign_loose
from wpk_archive.core.timeline.found import Found
from wpk_archive.core.timeline.years import in_year

_GAP_WORDS = (
    r"which|that|was|were|is|are|has|have|had|been|being|be|will|would|to|held|convened|convoked"
    r"|opened|open|took|take|taking|place|scheduled|successfully|solemnly|grandly|here|there|in"
    r"|at|on|from|between|during|of|the|and|last|its|this|year|hall|building|office|headquarters"
    r"|venue|capital|city|seat|lasted|ran|met|closed|began|started|continued|for|days|a|an|period"
    r"|by|under|with|presence|guidance|participation|attended|also|again|once|first|time|officially"
    r"|ruling|party|its|their|country|capital|opening|reportedly|solemnly|today|early|mid|late"
    r"|middle|end|beginning|start|ended|concluded|adjourned|finished|wrapped|wound|up|kicked|off"
    r"|occurred|morning|afternoon|evening|night|inaugural|called|summoned|planned|slated|expected"
    r"|due|later|earlier|convene|convenes|meet|meets|opens|hold|holds|again|set|happen|happened"
    # a length: "was held for three days from June 8 to 10"
    r"|day|week|weeks|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    # the rest of a body's name in lower case: "the politburo session of the central committee
    # of the Workers' Party held Wednesday"
    r"|central|committee|political|bureau|politburo|military|commission|presidium"
    # what was said there: "opened the congress with a brief speech on Friday"
    r"|speech|address|keynote|brief|lengthy"
    # "The last congress was held way back in October 1980"
    r"|way|back|all"
)


_SPAN_SINCE = (
    r"since\s+(?:the\s+)?(?:19|20)\d\ds?|in\s+(?:(?:over|more\s+than|nearly|almost|about|some|"
    r"the\s+past|the\s+last)\s+)?(?:\d+|[a-z]+|a)\s+(?:years?|decades?|months?)|in\s+decades|"
    r"of\s+its\s+kind|ever"
)
"""How long since the last meeting of its kind, between a name and its date: "the first ruling
party congress in five years on Tuesday", "its first conference since 1966 on Tuesday"."""
_APPOSITIVE = (
    r",\s+(?:its|the|North\s+Korea['’]s|the\s+(?:country|North|nation)['’]s)\s+"
    r"(?:[\w-]+\s+){0,3}(?:parliament|legislature|assembly|body|organ)\s*,"
)
"""A name's appositive set off by commas: "the Supreme People's Assembly, its unicameral
parliament, on August 29"."""
_GAP_AFTER = re.compile(
    rf"(?:[\s,(]*(?:(?i:{_GAP_WORDS})(?:['’]s)?\b|(?i:{_SPAN_SINCE})\b|[A-Z][\w'’.-]*(?![\w'’-])|"
    rf"\([A-Z][\w.]*\)|--|—|–|{_APPOSITIVE}))*[\s,(]*",
)


_GAP_AFTER_VERB = re.compile(
    rf"(?:[\s,(]*(?:(?i:{_GAP_WORDS}|until|till|not|again)\b|[A-Z][\w'’.-]*(?![\w'’-])|\([A-Z][\w.]*\)|--|—|–))*"
    r"[\s,(]*"
)
_GAP_BEFORE = re.compile(
    r"(?:['’]s)?[\s,]*(?:(?:when|where|as|and)\s+)?(?:(?:at|in|on|during|to|for|over)\s+)?"
    r"(?:(?:the|an?|another)\s+)?(?:(?:historic|enlarged|recent|extended|expanded|ruling|special|"
    r"extraordinary|emergency|full|opening|closing|annual|regular|key|crucial|rare|new|"
    r"newly[\s-]elected)\s+)*"
    # a body's term before its name: "On the 11th of April the 7th Central Committee ... held"
    r"(?:(?:\d{1,2}\s?(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth)"
    r"\s+)?"
)
_OPENING_OF = re.compile(
    r"[\s,]*(?:during|at|in|for|on)\s+(?:an?\s+|the\s+|his\s+)?(?:(?:address|speech|report|"
    r"ceremony)\s+(?:for|at|to|on)\s+(?:the\s+)?)?(?:closure|closing|opening|conclusion|end|"
    r"first\s+day|last\s+day|final\s+day)\s+(?:session\s+|ceremony\s+)?of\s+(?:the\s+|an?\s+)?"
)
"""Between a date and a meeting's name: "Monday during an address for the closure of the ..."."""
_DATE_VERB_NAME = re.compile(
    r"\s+(?:held|convened|convoked|opened|called|(?:wrapped|wound)\s+up|concluded|closed|ended|"
    r"began|started|kicked\s+off|presided\s+over|chaired|guided|attended|addressed)\s+"
    r"(?:the|a|an|its|their|another)\s+(?:[\w'’-]+\s+){0,3}?"
)
"""Between a date and a meeting's name, the verb of a subject before the date."""
_ITEM_HEAD = re.compile(r"\s*(?:[:–—]|-{1,2})\s*(?:[Tt]he\s+)?")
_SPOKE_BEFORE = re.compile(
    r"\b(?:address|speech|remarks|report|spoke|speaking|said|delivered|made|gave|appeared|"
    r"presided|vowed|stressed|warned|called)\s+$"
)
_FRONTED_BEFORE = re.compile(r"\W*(?:(?:On|From|Between|In|Early|Late|Then|And)\s+)?")
_SUBJECT_HOLDS = re.compile(
    r"\s*,?\s*(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}(?:held|hosted|convened|convoked|opened|called|"
    r"began|started|kicked\s+off|ended|concluded|closed|adjourned|(?:wrapped|wound)\s+up)\s+"
    r"(?:(?:the|an?|its)\s+)?"
    # "ended its week-long 8th Party Congress", "opened its long-awaited congress"
    r"(?:(?!(?:before|after|ahead|to|at|for|of|on|in|with|during|since|following|and)\b)"
    r"[a-z][\w'’-]*-[\w'’-]+\s+){0,2}"
)
"""A fronted date, then the sentence's subject and verb of holding before the meeting's name:
"From 27 November till 1 December 1961, Pyongyang hosted the Second Plenary session of ..."."""
_FRONTED_CLAUSE = re.compile(r"\s*,\s*[^,;:()\n]{3,90},\s*(?=(?:the|an?|another)\s)")
"""A clause set off by commas after a fronted date ("On May 14, a few days after ..., ")."""
_VERB_BEFORE_DATE = re.compile(
    r"\b(?:presided|held|convened|convoked|chaired|opened|guided|called|hold|holds)\s+(?:on\s+)?$"
)


HOLDING = re.compile(
    r"\b(?:held|holds|convened|convoked|opened|open|opens|took\s+place|takes?\s+place|happen(?:ed|s)?|"
    r"closed|met|meet|meets|"
    r"convene|convenes|hold|lasted|"
    r"began|started|ended|concluded|(?:wound|wrapped)\s+up|kicked\s+off|was\s+in\s+session|gathered|"
    r"(?:came|drew)\s+to\s+a\s+close|finished|adjourned|continued|resumed|ran|"
    r"entered\s+its\s+\w+\s+day)\b"
)


SUBJECT_START = re.compile(
    r"^(?:[^\n]{0,60}?\((?:KCNA|Xinhua|AP|AFP|Reuters|Yonhap)\)\s*(?:--|—|–|-)\s*|(?:--|—|–|-)\s*)?"
    # (or the dash alone, where the dateline before it was read as a sentence of its own)
    r"(?:(?:In\s+this\s+regard|Meanwhile|Recently|Earlier|Then|Later|Also|However|Thus|And|"
    r"On\s+the\s+same\s+day|That\s+day)\s*,?\s+)?"
    # a report's clause: "State media reported Thursday that the ..."
    r"(?:[^.;:\n]{0,60}?\b(?:reported|said|says|announced|stated|confirmed|added)\s+"
    r"(?:[\w.]+\s+){0,2}?that\s+)?"
    r"(?:(?:The|An|A|the|an|a|This|Its)\s+|(?:North\s+Korea|Pyongyang|[Tt]he\s+North|[Tt]he\s+country)"
    r"['’]s\s+)?$"
)


_HOLD_BEFORE = re.compile(
    r"\b(?:hold|holds|held|holding|convene|convened|convening|convoke|convoked|open|opened|"
    r"called|call|(?:wrapped|wraps|wound|winds)\s+up|concluded|concludes|closed|closes|ended|"
    r"ends|began|begins|started|starts|kicked\s+off|kicks\s+off|presided\s+over|presides\s+over|"
    r"chaired|chairs|attended|attends|addressed|addresses|guided|spoke\s+(?:at|to)|"
    # "Delegates gathered for the Workers' Party congress, the first since 1980, on Friday"
    r"(?:gathered|gather|assembled|convened|arrived)\s+(?:in\s+Pyongyang\s+)?(?:for|at))\s+"
    r"(?:(?:the|a|an|its|another)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}$"
)


_MAX_GAP = 110


_MAX_SUBJECT = 260


def _gap_allowed(
    gap: str,
    pattern: re.Pattern[str],
    date: DateMention | None = None,
    before: str = "",
    name: str = "",
) -> bool:
    """Whether the text between a meeting name and a date lets the date qualify the name
    (``before``: the words just before the name, where "to hold" may stand; ``name``: the name,
    which may hold the verb itself, "the parliament met")."""
    if (
        date is not None
        and date.kind in ("weekday", "relative")
        and not HOLDING.search(gap)
        and not _HOLD_BEFORE.search(before)
        and not (name and _NAME_HOLDS.search(name))
        and not re.fullmatch(
            # (the rest of the body's name: "The politburo meeting of the ruling party's Central
            # Committee on Tuesday examined ...")
            r"(?:\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:Central\s+Committee|Standing\s+Committee|CC|"
            r"[Pp]arty|WPK|KWP|Presidium|Political\s+Bureau|Politburo)"
            r"(?:\s*\([A-Z]{2,5}\))?|\s+(?:Central\s+Committee|CC)(?:\s*\([A-Z]{2,5}\))?"
            # (an appositive name: "a session of North Korea's parliament, the Supreme People's
            # Assembly on Monday")
            r"|\s*(?:,|--|—|–)\s*(?:the|its)\s+(?:[A-Z][\w'’-]*\s*){1,5}(?:\([A-Z]{2,5}\))?"
            r"(?:\s*(?:--|—|–))?)?"
            # "At the Supreme People's Assembly, North Korea's legislature, in Pyongyang on Thursday"
            rf"(?:{_APPOSITIVE})?"
            r"[\s,]*(?:(?:here|there|in\s+Pyongyang)\s+)?(?:on\s+|last\s+|this\s+)?",
            gap,
        )
        and not (
            # a period, not a day: "at the General Assembly ... at the end of last month"
            date.precision in ("month", "year") and re.fullmatch(r"[\s,]*(?:at|in|during)?\s*", gap)
        )
    ):
        return False
    if len(gap) > _MAX_GAP or re.search(r"[;:]|\.\s", gap) or _PRINTED_IN.search(gap):
        return False
    return pattern.fullmatch(gap) is not None


_ACTED_ON = re.compile(
    r"(?:\s*,[^,;.]{1,60},)?\s+(?:decided|resolved|adopted|elected|appointed|approved|discussed|"
    r"endorsed|expelled|dismissed)(?=\s+on\s)"
)
"""A meeting that acted on a day: "The 17th Plenary Session of the 2nd Central Committee decided on
3 December 1955 to convene ..." (it met that day)."""
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$")


_HELD_OBJECT = re.compile(
    r"\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?:session|meeting|plenum|plenary\s+(?:session|"
    r"meeting))\b(?=\s+(?:in|at|on)\b|\s+[MTWFS][a-z]+day\b|\s*,)"
)
"""After a body's verb of holding, what it held: "The SPA held a session in Pyongyang Thursday"."""
_NAME_HOLDS = re.compile(
    r"\b(?:met|convened|opened|gathered|held|(?:wrapped|wound)\s+up|concluded|closed|ended|began|"
    r"started|kicked\s+off|convene|meet|open)\b"
)
"""A name that ends in its verb of holding: "North Korea's newly-selected parliament met"."""


_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Tt]hat)\s+$")
_CLAUSE_WORDS = re.compile(
    r"[;:]|\.\s|\b(?:and|but|which|that|who|whom|whose|while|whereas|said|says|was|were|is|are|"
    r"has|have|had|will|would|after|before|since|when|where|because|although|with|decided|adopted|"
    r"following|amid|amidst|despite|ahead|against)\b"
    # a dash's insertion, or a comma before a verb of its own: "..., which opened in Pyongyang on
    # Tuesday, re-established a secretariat – abandoned in 2016 –" (2016 is the secretariat's)
    r"|\s[–—]\s|--|,\s+(?:re-)?[a-z]+ed\b",
    re.IGNORECASE,
)


def _place_adjunct(gap: str) -> bool:
    """Whether the words after a verb of holding and before a date say only where: "was held in an
    afflicted area in the city of Sinuiju, North Phyongan Province, from"."""
    return (
        len(gap) <= _MAX_GAP
        and re.match(r"\s*(?:in|at)\s", gap) is not None
        and not _CLAUSE_WORDS.search(gap)
    )


def _free_dates(dates: list[DateMention], found: list[Found]) -> list[int]:
    """Indexes of the dates not inside a meeting's name ("the December 2023 Plenary Meeting"),
    but for a weekday between a body and its verb ("The Secretariat ... Sunday held a meeting")."""
    return [
        i
        for i, d in enumerate(dates)
        if not any(
            f.start <= d.start < f.end and (f.date_name is not None or d.kind != "weekday")
            for f in found
        )
    ]


def assign_dates(sentence: str, found: list[Found], dates: list[DateMention]) -> None:
    """Give each meeting of a sentence the date that belongs to it (see the module docstring)."""
    free = _free_dates(dates, found)
    used: set[int] = set()
    for meeting in found:  # 0. a weekday inside the name: "The Secretariat ... Sunday held a"
        inside = [i for i in free if meeting.start < dates[i].start and dates[i].end <= meeting.end]
        if inside and meeting.date is None:
            meeting.date = dates[inside[0]]
            used.add(inside[0])
    _assign_list(sentence, found, dates, free, used)
    coordinated = [i for i in free if dates[i].kind == "coordinated" and i not in used]
    if len(coordinated) < 2:  # "the ninth and tenth plenary meetings ... in December 2023 and June"
        coordinated = _date_chain(sentence, dates, [i for i in free if i not in used])
    if len(coordinated) >= 2:  # "X and Y held in 2013 and 2017"
        first = dates[coordinated[0]]
        before = [f for f in found if f.end <= first.start and not f.anaphor]
        if len(before) >= len(coordinated):
            chosen = before[-len(coordinated) :]
            if _gap_allowed(sentence[chosen[-1].end : first.start], _GAP_AFTER):
                for meeting, date_index in zip(chosen, coordinated, strict=True):
                    meeting.date = dates[date_index]
                    used.add(date_index)
    ordered = sorted(found, key=lambda f: f.start)
    for position, meeting in enumerate(ordered):  # 1. the date right after the name
        if meeting.date is not None:
            continue
        later = [f.start for f in ordered[position + 1 :] if f.start >= meeting.end]
        limit = min(later) if later else len(sentence)
        for i in free:
            date = dates[i]
            if i in used or date.start < meeting.end or date.start >= limit:
                continue
            if date.precision in ("year", "decade") and _SINCE_BEFORE.search(
                sentence, max(0, date.start - 12), date.start
            ):
                continue  # "its first conference since 1966": when the last one was, not this
            lead = sentence[max(0, meeting.start - 40) : meeting.start]
            name = sentence[meeting.start : meeting.end]
            if _gap_allowed(sentence[meeting.end : date.start], _GAP_AFTER, date, lead, name):
                meeting.date = date
                used.add(i)
            break
    for position, meeting in enumerate(ordered):  # 1. the date right before the name
        if meeting.date is not None:
            continue
        earlier_end = max((f.end for f in ordered[:position] if f.end <= meeting.start), default=0)
        candidates = [
            i
            for i in free
            if i not in used and earlier_end <= dates[i].start and dates[i].end <= meeting.start
        ]
        if candidates:
            date = dates[candidates[-1]]
            gap = sentence[date.end : meeting.start]
            of_day = _OPENING_OF.fullmatch(gap)
            plain = (
                date.kind not in ("weekday", "relative")
                or of_day
                or re.fullmatch(r"['’]s\s+(?:\w+\s+)?", gap)  # "last month's plenary meeting"
                # a weekday as the name's modifier: "During a Tuesday meeting of the Political
                # Bureau", "the Sunday session of the SPA"
                or (
                    date.kind == "weekday"
                    and re.fullmatch(r"\s+", gap)
                    and _ARTICLE_BEFORE.search(sentence, max(0, date.start - 8), date.start)
                )
                or _VERB_BEFORE_DATE.search(sentence, max(0, date.start - 30), date.start)
                # a date fronting the sentence, then its subject and verb of holding: "The
                # previous day, the Political Bureau held a meeting", "On Sunday the CMC met"
                or (
                    re.fullmatch(r"\W*(?:[Oo]n\s+|[Ee]arly\s+|[Ll]ate\s+)?", sentence[: date.start])
                    and re.fullmatch(r"\s*,?\s*(?:the\s+)?", gap)
                    # "Two days later, the fifth session of the 12th SPA met"
                    and (
                        _HOLDS.search(sentence, meeting.start, meeting.end)
                        or _HELD_NEXT.match(sentence, meeting.end)
                    )
                )
            )
            # "North Korea on Friday opened its first ruling party congress", "Kim on Monday
            # presided over a Politburo meeting": the subject, its date, the verb, the name
            spoke_at = re.fullmatch(
                r"\s+(?:at|during)\s+(?:the|an?|its)\s+(?:[\w-]+\s+){0,2}", gap
            ) and _SPOKE_BEFORE.search(
                sentence, max(0, date.start - 30), date.start
            )  # "Kim delivered an opening address Tuesday at a conference of ..."
            verb_between = spoke_at or (
                _DATE_VERB_NAME.fullmatch(gap)
                and re.search(
                    r"(?:\b[Oo]n|\b(?:late|early)\s+on)\s+$|[a-z]\s+$",
                    sentence[max(0, date.start - 12) : date.start],
                )
            )
            fronted = bool(
                date.kind not in ("weekday", "relative")
                and _FRONTED_BEFORE.fullmatch(sentence[: date.start])
                and _SUBJECT_HOLDS.fullmatch(gap)
            )
            # "On May 14 this year, a few days after the system was put in place, a meeting of
            # the Political Bureau ... was held": a clause between the fronted date and its subject
            clause = _FRONTED_CLAUSE.match(gap)
            fronted = fronted or bool(
                clause is not None
                and date.kind not in ("weekday", "relative")
                and _FRONTED_BEFORE.fullmatch(sentence[: date.start])
                and _GAP_BEFORE.fullmatch(gap, clause.end())
                and HOLDING.search(sentence, meeting.end, meeting.end + 120)
            )
            # a chronology's item: "April 2012 – Fourth Party Conference elects ...", "Oct.
            # 10-14, 1980: 6th KWP Congress"
            headed = re.fullmatch(r"\W*", sentence[: date.start]) and _ITEM_HEAD.fullmatch(gap)
            if (
                fronted
                or verb_between
                or headed
                or (plain and (_GAP_BEFORE.fullmatch(gap) or of_day))
            ):
                meeting.date = date
                used.add(candidates[-1])
    for position, meeting in enumerate(ordered):  # 2. subject of a verb of holding
        if meeting.date is not None or not SUBJECT_START.match(sentence[: meeting.start]):
            continue
        later = [f.start for f in ordered[position + 1 :] if f.start >= meeting.end]
        limit = min([*later, len(sentence), meeting.end + _MAX_SUBJECT])
        verb = HOLDING.search(sentence, meeting.end, limit) or _ACTED_ON.match(
            sentence, meeting.end
        )
        if verb is None:
            continue
        for i in free:
            date = dates[i]
            if i in used or date.start < verb.end():
                continue
            gap = sentence[verb.end() : date.start]
            held_object = _HELD_OBJECT.match(gap)  # "The SPA held a session in Pyongyang Thursday"
            if held_object is not None:
                gap = gap[held_object.end() :]
            if date.start < limit + _MAX_GAP and (
                _gap_allowed(gap, _GAP_AFTER_VERB) or _place_adjunct(gap)
            ):
                meeting.date = date
                used.add(i)
            break
    named = [f for f in found if not f.anaphor]
    free = [i for i in free if not _lifespan(sentence, dates[i])]  # "Kim Il Sung (1912-1994)"
    if len(named) == 1 and named[0].date is None and len(free) == 2:
        # "On Tuesday, Kim ... presided over a meeting of the Political Bureau ..., the KCNA said
        # early Wednesday": the report's day is not the meeting's
        reported = [
            i
            for i in free
            if i not in used
            and dates[i].start >= named[0].end
            and REPORTED_BEFORE.search(sentence, max(0, dates[i].start - 30), dates[i].start)
        ]
        if len(reported) == 1:
            free = [i for i in free if i != reported[0]]
    left = [i for i in free if i not in used]
    if len(named) == 1 and named[0].date is None and len(left) == 1 and len(free) == 1:
        assign_loose(sentence, named[0], dates[left[0]])  # 4. one meeting, one date
    for meeting in found:  # "The 1966 party conference, held from 5 to 12 October": in 1966
        if meeting.date is not None and meeting.date.year_inferred:
            year = next(
                (
                    d
                    for d in dates
                    if d.precision == "year"
                    and d.start_date is not None
                    and d.start_date == d.end_date
                    and d.end <= meeting.start
                    and _YEAR_OF_NAME.fullmatch(sentence, d.end, meeting.start)
                ),
                None,
            )
            if year is not None and year.start_date is not None:
                meeting.date = in_year(meeting.date, year.start_date[:4])


_CHAIN_GAP = re.compile(r"\s*(?:,\s*)?(?:and\s+|&\s+)?(?:(?:in|on)\s+)?(?:the\s+)?")


def _date_chain(sentence: str, dates: list[DateMention], free: list[int]) -> list[int]:
    """Indexes of the dates of a run joined by "and" or commas ("in December 2023 and June 2024"),
    each precise to the month or day: the first such run of two or more."""
    chain: list[int] = []
    for i in free:
        date = dates[i]
        if date.precision not in ("day", "month") or date.start_date != (
            date.end_date if date.precision == "month" else date.start_date
        ):
            if len(chain) >= 2:
                break
            chain = []
            continue
        if chain and not (
            _CHAIN_GAP.fullmatch(sentence, dates[chain[-1]].end, date.start)
            and re.search(r",|\band\b|&", sentence[dates[chain[-1]].end : date.start])
        ):
            if len(chain) >= 2:
                break
            chain = []
        chain.append(i)
    return chain if len(chain) >= 2 else []


_YEAR_OF_NAME = re.compile(r"(?:['’]s)?\s+(?:(?:ruling\s+)?(?:[Pp]arty|WPK|KWP)\s+)?")


def _lifespan(sentence: str, date: DateMention) -> bool:
    """Whether a date is a parenthesised span of years after a name: "Kim Il Sung (1912-1994)"."""
    return (
        date.precision == "year"
        and date.start_date != date.end_date
        and sentence[date.start - 1 : date.start] == "("
        and sentence[date.end : date.end + 1] == ")"
    )


_LIST_GAP = re.compile(
    r"[\s,]*(?:and\s+|or\s+)?(?:(?:the\s+)?(?:last|latest|most\s+recent|final)\s+(?:one\s+)?)?"
    r"(?:in\s+)?"
)


def _assign_list(
    sentence: str, found: list[Found], dates: list[DateMention], free: list[int], used: set[int]
) -> None:
    """ "The previous Congresses were held in 1946, 1948, 1956 and the last one in 2016": a plural
    unnumbered name followed by a list of dates is one meeting for each date."""
    for meeting in [f for f in found if f.plural and f.date is None]:
        after = [i for i in free if i not in used and dates[i].start >= meeting.end]
        if len(after) < 2 or not _gap_allowed(
            sentence[meeting.end : dates[after[0]].start], _GAP_AFTER
        ):
            continue
        run = [after[0]]
        for i in after[1:]:
            if not _LIST_GAP.fullmatch(sentence[dates[run[-1]].end : dates[i].start]):
                break
            run.append(i)
        if len(run) < 2:
            continue
        meeting.date = dates[run[0]]
        used.add(run[0])
        for i in run[1:]:
            found.append(replace(meeting, date=dates[i]))
            used.add(i)


_HOLDS = re.compile(r"\b(?:held|convened|convoked|opened|called|met)\b")
"""A verb of holding inside a meeting's name ("the Politburo held a meeting", "the CMC met")."""
_HELD_NEXT = re.compile(
    r"\s+(?:was\s+|were\s+)?(?:held|convened|convoked|opened|met|took\s+place|began|started)\b"
)
"""Right after a meeting's name, its verb of holding: "the fifth session ... met"."""

_PRINTED_IN = re.compile(
    r"\b(?:Rodong|Nodong|Minju|Sinmun|Shinmun|Pravda|Izvestia|Renmin|People['’]s\s+Daily|"
    r"newspaper|daily|journal|magazine|issue)\b",
    re.IGNORECASE,
)
"""Between a meeting and a date, a newspaper: the date is the issue's ("the announcement of the
plenum in Rodong Sinmun, 4 July 1967")."""
