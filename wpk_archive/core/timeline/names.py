"""Meeting names: the grammar of how English texts name the WPK's and the SPA's meetings.

:func:`find_meetings` reads, in one sentence, every name of a meeting of the Workers' Party of
Korea's central bodies (congresses, conferences, plenary meetings of the Central Committee,
meetings of the Political Bureau and its Presidium, of the Central Military Commission and of the
Secretariat), of the Supreme People's Assembly (sessions, plenary meetings of its Standing
Committee) and of lower party bodies (provincial and city party committees, national conferences
of cell secretaries and the like). Each name gives a kind, the body's term ("the *Eighth* Central
Committee", "the *14th* SPA") and the meeting's number when the text gives them, in every wording
in use since the 1940s: "the 5th Plenary Meeting of the 7th Central Committee of the WPK", "the
Party Central Committee plenary meeting", "the 22nd emergency enlarged meeting of the Political
Bureau of the Eighth Central Committee of the WPK", "the ninth and tenth plenary meetings" (two
meetings), "the December 2023 Plenary Meeting" (named by its date), "the 14th SPA's 10th session".

It also reports the meeting nouns it could not read as such a meeting ("a plenary meeting of the
Cabinet", "the 79th session of the UN General Assembly"), so that "the meeting" in a later
sentence is not taken for an earlier WPK meeting.

Not WPK meetings: another party's congress ("the 20th Congress of the CPC", "the Lao People's
Revolutionary Party's Ninth Congress"), youth-league and trade-union congresses, UN and NAM
sessions, Cabinet meetings. Whether a bare "the Party" or "the 9th Congress" is the WPK is for the
caller to decide from the sentence and the article (``explicit`` tells whether the name itself
says so).
"""

from __future__ import annotations

import re

from wpk_archive.core.timeline.readers import NamedMeeting, OtherMeeting, Reader
from wpk_archive.core.timeline.readers_bodies import (
    read_bare_plenary,
    read_body_decided,
    read_body_held,
    read_cmc,
    read_dated_plenary,
    read_its_session,
    read_parliament,
    read_plenary,
    read_politburo,
    read_secretariat,
    read_spa,
    read_spa_standing,
)
from wpk_archive.core.timeline.readers_congress import (
    read_bare_congress,
    read_conference,
    read_congress,
    read_dated_conference,
    read_dated_congress,
    read_founding_congress,
    read_its,
    read_listed,
    read_party_held,
)
from wpk_archive.core.timeline.readers_local import (
    PLACE,
    read_joint_meeting,
    read_local_committee,
    read_local_list,
    read_local_plenaries,
    read_lower_party,
)
from wpk_archive.core.timeline.vocabulary import (
    APOS,
    CC,
    DATE_NAME,
    MODS_CI,
    MONTH_NAME,
    OF_PARTY,
    ORD,
    ORDINAL_WORDS,
    ORDS,
    PARTY,
    SPA,
    TERM_CC,
    THE,
    WHEN_AHEAD,
    WPK,
    YEAR,
    foreign_party_count,
    foreign_party_in,
    names_wpk,
    ordinal_text,
    ordinal_value,
    other_body_in,
)

_ITS = (
    rf"\b[Ii]ts\s+(?:(?:next|new|upcoming|coming|forthcoming)\s+)?(?:(?P<n>{ORDS})\s+)?"
    # "its biggest political conference in 30 years", "its first full congress"
    rf"(?:(?:biggest|largest|most\s+important|highest-level|first-ever|rare|key|major|political|"
    rf"full|historic|landmark|extraordinary|special|party)\s+){{0,3}}"
    rf"(?:[Cc]ongress|[Cc]onference)(?![\w-])(?!\s+of\b)"
)
_ITS_SESSION = (
    rf"\b[Ii]ts\s+(?:(?P<n>{ORDS})\s+)?(?P<first>inaugural\s+|opening\s+)?(?:(?:new|annual|current|"
    rf"latest|full|plenary)\s+)?[Ss]ession(?![\w-])(?!\s+of\b)"
)
_ORGAN_WORDS = (
    r"cells?|party|primary|secretaries|chairpersons|chairmen|chairs|instructors|committees?|officials|"
    r"activists|members|branch(?:es)?|senior|leading|responsible|chief|provincial|city|county|"
    r"municipal|and(?=\s+(?:provincial|city|county|municipal)\b)"
)
_PLENARY_HEAD = r"(?:[Pp]lenary\s+(?:[Mm]eetings?|[Ss]essions?)|[Pp]lenums?|[Pp]lenaries)"
_MEETING_HEAD = r"(?:[Mm]eetings?|[Ss]essions?)"
_WHICH_MONTH = (
    r"(?:(?:first|second|third|last|latest|new|previous|recent)\s+)?(?:(?:January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\s+)?"
)
"""After a body's possessive: which of its meetings ("the CMC's first August meeting": not the
1st meeting of the body, so no number is read)."""
_PB = (
    r"(?:(?:Presidium\s+of\s+(?:the\s+)?)?(?:Political\s+(?:Bureau|Committee)|Politb(?:uro|ureau)"
    r"|(?:[Cc]entral\s+)?political\s+bureau|politburo)"
    r"|(?<=CC\s)Presidium|(?<=C\.C\.\s)Presidium|(?<=Central\sCommittee\s)Presidium)"  # "the KWP CC Presidium"
)

_PLACE = PLACE
_PLACE_LIST = (
    rf"{_PLACE}(?:(?:\s*,\s*|\s*,?\s+and\s+){_PLACE})*\s+(?:Provinces?|Provincial|City|Cities)"
    rf"(?:(?:\s*,\s*|\s*,?\s+and\s+){_PLACE}(?:(?:\s*,\s*|\s*,?\s+and\s+){_PLACE})*\s+"
    rf"(?:Provinces?|Provincial|City|Cities))*"
)
"""Provinces and cities named together: "South Hamgyong, Ryanggang and North Hwanghae Provinces
and Nampho City"."""

_PATTERNS: list[tuple[re.Pattern[str], Reader, tuple[tuple[str, ...], ...]]] = [
    (
        re.compile(
            rf"(?:(?P<n>{ORDS})\s+)?{MODS_CI}(?P<nat>[Nn]ational\s+)?"
            rf"(?:(?P<kw>[Cc]onference|[Mm]eeting|Congress)s?)\s+of\s+"
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
            rf"(?:(?P<n>{ORDS})\s+)?{MODS_CI}(?P<head>{_PLENARY_HEAD}|[Cc]onferences?)\s+of\s+"
            rf"(?:the\s+)?(?:(?:WPK|Party)\s+)?(?P<place>(?:[A-Z][a-z]+[\s-])?[A-Z][a-z]+)\s+"
            rf"(?P<level>Provincial|City|County|Municipal|District)\s+(?:Party\s+)?Committee"
            rf"(?:{OF_PARTY})?"
        ),
        read_local_committee,
        (("plenary", "plenum", "conference"), ("committee",)),
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
    (
        re.compile(
            rf"(?:(?P<n>{ORDS})\s+)?{MODS_CI}(?:[Pp]lenary\s+(?:[Mm]eetings?|[Ss]essions?)|[Mm]eetings?|"
            rf"[Pp]lenums?)\s+of\s+{THE}(?:(?P<t>{ORD})\s+)?(?:Standing\s+Committee|Presidium)\s+of\s+{THE}"
            rf"(?:(?P<t2>{ORD})\s+)?{SPA}"
            rf"|(?:(?P<n2>{ORDS})\s+)?{MODS_CI}(?:[Pp]lenary\s+(?:[Mm]eetings?|[Ss]essions?)|[Mm]eetings?|"
            rf"[Pp]lenums?)\s+of\s+{THE}(?:(?P<t3>{ORD})\s+)?{SPA}\s+(?:Standing\s+Committee|"
            rf"Presidium)"
        ),
        read_spa_standing,
        (("standing", "presidium"), ("meeting", "plenum", "plenary")),
    ),
    (
        re.compile(
            rf"(?:(?P<n>{ORDS})\s+)?{MODS_CI}(?:{_MEETING_HEAD})\s+of\s+{THE}"
            # "of the WPK Central Committee (CC) Politburo", "of the party's central political bureau"
            rf"(?:ruling\s+)?(?:(?:{WPK}|[Pp]arty){APOS}?s?\s+)?(?:(?:Central\s+Committee|CC)(?:{APOS}s)?\s+)?"
            rf"(?:(?P<n5>{ORD})\s+)?{_PB}"  # "of the 21st Political Bureau of the 7th CC"
            rf"(?:\s+of\s+{TERM_CC}|{OF_PARTY})?"
            rf"|{THE}(?:(?P<t3>{ORD})\s+)?(?:(?:{WPK}|[Pp]arty|ruling\s+party)(?:{APOS}s)?\s+)?"
            rf"(?:(?P<n3>{ORDS})\s+)?"  # "The KWP's 13th Politburo meeting of the 7th CC"
            rf"{MODS_CI}(?:(?:Central\s+Committee|CC)\s+)?(?:[Pp]olitical\s+[Bb]ureau|[Pp]olitb(?:ureau|uro)|"
            # "a KWP CC Presidium meeting" (the CC's, not the SPA's), "a Political Committee session"
            rf"politburo|Political\s+Committee|(?<=CC\s)Presidium|(?<=Committee\s)Presidium)\s+"
            rf"(?:(?P<n2>{ORDS})\s+)?{MODS_CI}(?:{_MEETING_HEAD})"
            rf"(?:\s+of\s+{THE}(?P<t8>{ORD})\s+(?:(?:{WPK}|[Pp]arty)\s+)?(?:{CC}|Central\s+Committee)"
            rf"(?:{OF_PARTY})?"
            rf"|\s+of\s+{THE}{WPK})?"  # "a politburo session of the ruling Workers' Party"
            # "the Politburo's latest meeting", "the Political Bureau's June meeting"
            rf"|{THE}(?:(?:{WPK}|[Pp]arty|ruling\s+party)(?:{APOS}s)?\s+)?(?:Political\s+Bureau|"
            rf"Politburo|politburo){APOS}s\s+{_WHICH_MONTH}{MODS_CI}(?:{_MEETING_HEAD})"
        ),
        read_politburo,
        (("bureau", "politburo", "political committee", "presidium"), ("meeting", "session")),
    ),
    (
        re.compile(
            rf"(?:(?P<n>{ORDS})\s+)?{MODS_CI}(?:{_MEETING_HEAD}|[Cc]onference)\s+of\s+{THE}(?:(?P<t>{ORD})\s+)?"
            rf"(?:(?:North\s+Korea|the\s+North|Pyongyang){APOS}s\s+)?(?:(?:powerful|ruling|top)\s+)?"
            rf"(?:(?:{WPK}|[Pp]arty)(?:{APOS}s)?\s+)?(?:(?:Central\s+)?Military\s+Commission(?:\s*\(CMC\))?|CMC|"
            rf"Central\s+Military\s+Committee)"
            rf"(?:\s+of\s+{THE}(?:(?P<t2>{ORD})\s+)?(?:{WPK}|(?:{WPK}\s+|[Pp]arty\s+)?{CC}"
            rf"(?:{OF_PARTY})?))?"
            rf"|{THE}(?:(?:{WPK}|[Pp]arty)(?:{APOS}s)?\s+)?{MODS_CI}(?:Central\s+Military\s+"
            rf"Commission(?:\s*\(CMC\))?|CMC)\s+(?:(?P<n2>{ORDS})\s+)?{MODS_CI}(?:{_MEETING_HEAD})"
            rf"|{THE}(?:(?:{WPK}|[Pp]arty)(?:{APOS}s)?\s+)?(?:Central\s+Military\s+"
            rf"Commission(?:\s*\(CMC\))?|CMC){APOS}s\s+{_WHICH_MONTH}{MODS_CI}(?:{_MEETING_HEAD})"
        ),
        read_cmc,
        (
            ("military commission", "cmc", "military committee"),
            ("meeting", "session", "conference"),
        ),
    ),
    (
        re.compile(
            rf"(?:(?P<n>{ORDS})\s+)?{MODS_CI}(?:{_MEETING_HEAD})\s+of\s+{THE}(?:Secretariat|"
            rf"Executive\s+Policy\s+Council)\s+of\s+{TERM_CC}"
            rf"|{THE}(?:(?:{WPK}|[Pp]arty)(?:{APOS}s)?\s+)?{MODS_CI}(?:Central\s+Committee\s+)?"
            rf"(?:Secretariat|[Ee]xecutive\s+[Pp]olicy\s+[Cc]ouncil)\s+{MODS_CI}(?:{_MEETING_HEAD})"
        ),
        read_secretariat,
        (("secretariat", "policy council"), ("meeting", "session")),
    ),
    (
        # "the March Conference" (of 1958), "the September 2010 Party Conference"
        re.compile(
            rf"\b(?:the|The|its|Its)\s+{DATE_NAME}\s+(?:(?:{WPK}|Party|party)\s+)?[Cc]onference(?![\w-])"
            rf"(?!\s+(?:of|on|in|for|with)\s+(?!(?:the\s+)?(?:{WPK}|Party)\b))"
        ),
        read_dated_conference,
        (("conference",),),
    ),
    (
        re.compile(
            rf"{DATE_NAME}\s+(?:(?:{WPK}|[Pp]arty)\s+)?(?:(?:CC|C\.C\.|Central\s+Committee)\s+)?"
            rf"{MODS_CI}(?:Plenary\s+Meeting|[Pp]lenum|[Pp]lenary\s+meeting|[Pp]lenary(?![\w-]))"
            rf"(?P<cc>\s+of\s+{TERM_CC})?"  # (and "the December 2019 plenary")
        ),
        read_dated_plenary,
        (("plenary", "plenum"),),
    ),
    (
        re.compile(
            rf"(?:(?P<n>{ORDS})\s+)?{MODS_CI}(?:{_PLENARY_HEAD}|(?:key\s+|important\s+)?"
            rf"(?:[Mm]eetings?|[Ss]essions?)|General\s+Assembly|(?:(?:annual|year-end)\s+)*[Gg]eneral\s+"
            rf"[Mm]eetings?)\s+of\s+{TERM_CC}"  # (a machine
            # translation's "the General Assembly of the Central Committee of the WPK": 전원회의)
            rf"|{THE}(?:(?P<t3>{ORD})\s+)?(?:{WPK}|[Pp]arty)(?:{APOS}s)?\s+(?:(?P<t4>{ORD})\s+)?"
            rf"{CC}(?:{APOS}s)?\s+(?:(?P<n2>{ORDS})\s+)?{MODS_CI}(?:{_PLENARY_HEAD}|[Mm]eetings?"
            rf"(?![\w-])(?!\s+(?:with|hall|room|building)\b|\s+of\s+(?!{YEAR}|(?:{MONTH_NAME})\b)))"
            # "the North Korean Workers Party Central Committee Meeting of August 1956"
            rf"|(?:(?P<n3>{ORDS})\s+)?{MODS_CI}{_PLENARY_HEAD}\s+of\s+{THE}(?:ruling\s+)?"
            rf"(?:{WPK}|(?<=ruling\s)party|(?<=the\s)[Pp]arty(?=\s*[,.;]|\s+(?:in|on|at|held|which|that|was|"
            rf"last|this|ended|opened|closed)\b))(?![\w'’-])"  # "of the ruling party", "of the party,"
            rf"|{THE}(?:{WPK}|(?:ruling\s+)?[Pp]arty){APOS}s\s+(?:(?P<t5>{ORD})\s+)?(?:{CC}\s+)?"
            rf"(?:(?P<t6>{ORD})\s+)?{MODS_CI}{_PLENARY_HEAD}"  # "the WPK's plenary meeting"
        ),
        read_plenary,
        (
            ("plenary", "plenum", "plenaries", "meeting", "session", "general assembly"),
            ("committee", " cc", "c.c", "c. c", "party", "wpk", "kwp"),
        ),
    ),
    (
        re.compile(
            rf"(?<![Pp]arty\s)(?<!WPK\s)Central\s+Committee(?:{APOS}s)?\s+{MODS_CI}{_PLENARY_HEAD}"  # "a Central
            # Committee plenum": whose, the caller decides from the sentence and the article
            rf"|(?:year-end|end-of-year)\s+(?:(?:ruling\s+)?(?:[Pp]arty|WPK)\s+)?(?:plenary\s+)?"
            rf"(?:meeting|plenum|session)(?![\w-])"  # "a year-end party meeting": the CC plenum
            # "In February, the North held a party plenary meeting"
            rf"|(?:ruling\s+)?(?:[Pp]arty|WPK)\s+{MODS_CI}(?:plenary\s+(?:meeting|session)|plenum)(?![\w-])"
            rf"(?!\s+of\b)"
        ),
        read_plenary,
        (
            ("central committee", "year-end", "end-of-year", "party ", "wpk "),
            ("plenary", "plenum", "meeting", "session"),
        ),
    ),
    (
        re.compile(
            rf"(?P<n>{ORDS})\s+{MODS_CI}(?:[Pp]lenary\s+(?:[Mm]eetings?|[Ss]essions?)|[Pp]lenums?)"
            # "The last CC plenum was held in April 2019"
            rf"|\b(?:C\.C\.|CC)\s+(?:[Pp]lenums?|[Pp]lenary\s+(?:[Mm]eetings?|[Ss]essions?))(?!\s+of\b)"
        ),
        read_bare_plenary,
        (("plenary", "plenum"),),
    ),
    (
        re.compile(
            rf"(?P<n>{ORDS})\s+(?:(?:[Pp]lenary\s+)?[Ss]essions?|(?:[Mm]eetings?|[Rr]ounds?)(?=\s+of\s+(?:the\s+)?{ORD}\s))\s+of\s+{THE}(?:(?:North\s+Korea|the\s+North|Pyongyang|"
            rf"DPRK){APOS}s\s+)?(?:(?:newly[\s-])?elected\s+|new\s+)?(?:(?P<t>{ORD})(?:[\s-]term)?\s+)?"
            # "the first session of the second convocation of the Supreme People's Assembly"
            rf"(?:(?P<t11>{ORD})\s+(?:[Cc]onvocation|[Tt]erm)\s+of\s+{THE})?{SPA}"
            # "the SPA opened its inaugural session on Thursday"
            rf"|{THE}(?:(?P<t8>{ORD})\s+)?{SPA}(?:\s*,[^,;.]{{1,60}},)?\s+(?:opened|convened|held)\s+its\s+"
            rf"(?:(?P<n4>{ORDS})\s+)?(?:new\s+|inaugural\s+|annual\s+|regular\s+)?session"
            # "held its seventh session of the 14th term"
            rf"(?:\s+of\s+(?:the\s+|its\s+)?(?P<t10>{ORD})\s+(?:term|convocation|{SPA})\b)?"
            # "The SPA, the country's rubber-stamp legislature, met on Tuesday"
            rf"|{THE}(?:(?P<t5>{ORD})\s+)?{SPA}(?=(?:\s*,[^,;.]{{1,60}},|\s*,(?=\s+(?:met|convened|held)\s))?\s+(?:met|convened|opened|"
            rf"was\s+(?:convened|held|opened)|took\s+place|held\s+(?:a|its)\s+(?:\w+\s+)?session|"
            rf"(?:will|to)\s+(?:\w+\s+)?(?:convene|meet|open)"
            # "the SPA was scheduled to happen on Friday", "the SPA holds a meeting at the hall"
            rf"|(?:was|is|were)\s+(?:scheduled|set|due|expected)\s+to\s+(?:happen|take\s+place|be\s+held)"
            rf"|holds?\s+(?:a|its)\s+(?:\w+\s+)?(?:session|meeting))\b(?!\s+(?:with|and)\b)"
            rf"|\s*,\s+will\s+(?:\w+\s+)?(?:convene|meet|open)\b)"  # "..., the SPA, will meet Tuesday"
            # "revised April 1992 at Supreme People's Assembly", "elected at the 12th SPA"
            rf"|(?:(?<=\bat\s)|(?<=\bAt\s))(?:the\s+)?(?:(?P<t9>{ORD})\s+)?{SPA}"
            rf"(?!{APOS}|\s*\(?SPA\)?\s*(?:[Ss]tanding|[Pp]residium|[Hh]all|building))"
            rf"(?!\s+(?:[Ss]tanding|[Pp]residium|[Hh]all|building|deputies|deputy|elections?|"
            rf"[Ss]essions?|[Mm]eetings?)\b)"
            # "the Supreme People's Assembly (April 13th)": its session that day
            rf"|{THE}(?:(?P<t12>{ORD})\s+)?{SPA}(?=\s*\((?:[A-Z][a-z]{{2,8}}\.?\s+\d|\d{{1,2}}\s+[A-Z]|\d{{4}}\b))"
            # "On the 17th, North Korea held the Supreme People's Assembly"
            rf"|(?:(?<=\bheld\s)|(?<=\bholds\s)|(?<=\bconvened\s)|(?<=\bconvenes\s)|(?<=\bopened\s)"
            rf"|(?<=\bconvene\s)|(?<=\bhold\s)|(?<=\bconvoke\s))"
            rf"the\s+(?:(?P<t7>{ORD})\s+)?{SPA}(?!{APOS}|\s*\(?SPA\)?\s*(?:[Ss]tanding|[Pp]residium|elections?|"
            rf"deputies|deputy|[Hh]all|building))(?!\s+(?:[Ss]tanding|[Pp]residium|elections?|deputies|"
            rf"deputy|[Hh]all|building)\b)"
            rf"|{THE}(?P<t2>{ORD})\s+(?:{SPA}|Assembly)(?:{APOS}s)?\s+(?:(?P<n2>{ORDS})|(?P<opening>opening|"
            rf"inaugural))\s+[Ss]essions?"  # "the 12th SPA's opening session", "the 12th Assembly's fifth"
            rf"|{THE}(?:(?P<t3>{ORD})\s+)?{SPA}\s+(?:[Ss]essions?|[Mm]eetings?)(?![\w-])"
            rf"|(?:(?:[Pp]lenary\s+)?[Ss]ession|[Mm]eeting)\s+of\s+{THE}(?:(?P<t4>{ORD})\s+)?{SPA}"
            rf"(?!\s*(?:\(SPA\)\s*)?(?:[Ss]tanding|[Pp]residium|[Dd]eput|[Hh]all))"
            # "the 12th session of the 14th assembly": both numbers make the bare noun the SPA
            rf"|(?P<n3>{ORDS})\s+[Ss]essions?\s+of\s+{THE}(?P<t6>{ORD})\s+(?:[Aa]ssembly|"
            rf"[Pp]arliament|[Ll]egislature)(?![\w-])"
            # "the second session of the 14th convocation of the parliament"
            rf"|(?P<n6>{ORDS})\s+[Ss]essions?\s+of\s+{THE}(?P<t13>{ORD})\s+(?:[Cc]onvocation|[Tt]erm)\s+of\s+"
            rf"(?:the\s+|its\s+)?(?:North\s+Korean\s+|country['’]s\s+|rubber-stamp\s+)?(?:[Aa]ssembly|"
            rf"[Pp]arliament|[Ll]egislature)(?![\w-])"
        ),
        read_spa,
        (
            (
                "session",
                " met",
                "convened",
                "opened",
                "meeting",
                "held",
                "holds",
                "took place",
                "at ",
                "convene",
                "hold ",
                " meet",
                "(",
            ),
            ("assembly", "spa", "parliament", "legislature", "supreme people"),
        ),
    ),
    (
        re.compile(
            rf"(?P<n>{ORDS})\s+[Cc]ongress(?:es)?\s+of\s+{THE}{PARTY}(?![\w-])"
            rf"|(?P<n2>{ORDS})\s+(?:North\s+Korean\s+)?(?:{WPK}|[Pp]arty)\s+[Cc]ongress(?:es)?"
            rf"|(?:{WPK}|[Pp]arty){APOS}s\s+(?:(?P<n3>{ORDS})\s+)?{MODS_CI}[Cc]ongress(?:es)?(?![\w-])"
            rf"|(?<![Nn]ational\s)(?<![Yy]outh\s)\b(?:{WPK}|[Pp]arty)\s+[Cc]ongress(?:es)?(?![\w-])"
            rf"|\b[Cc]ongress(?:es)?\s+of\s+{THE}{WPK}"
            # "the party convention held until the 12th" (a translation of 당대회)
            rf"|(?<![Nn]ational\s)\b(?:(?P<n4>{ORDS})\s+)?(?:{WPK}|[Pp]arty)\s+[Cc]onvention(?![\w-])"
        ),
        read_congress,
        (("congress", "convention"),),
    ),
    (re.compile(_ITS), read_its, (("its",), ("congress", "conference"))),
    (
        # "It was founded at a congress on August 28-30, 1946" (of a party the article is about)
        re.compile(
            r"\b(?:founded|formed|established|created|launched|born)\s+at\s+(?:a|its|the)\s+"
            r"(?:founding\s+|inaugural\s+|first\s+|joint\s+)?congress\b"
        ),
        read_founding_congress,
        (("congress",), ("founded", "formed", "established", "created", "launched", "born")),
    ),
    (re.compile(_ITS_SESSION), read_its_session, (("its",), ("session",), ("assembly", "spa"))),
    (
        re.compile(
            rf"{THE}(?P<body>(?:(?:{WPK}|[Pp]arty|{SPA})(?:{APOS}s)?\s+)?"
            # "The Workers' Party of Korea [WPK] 8th Central Committee Political Bureau held its 14th"
            rf"(?:(?:(?P<t2>{ORD})\s+)?(?:Central\s+Committee|CC)\s+(?=Political\s+Bureau|Politburo))?"
            rf"(?:[Ss]tanding\s+[Cc]ommittee|Presidium|"
            rf"Political\s+Bureau|Political\s+Committee|(?:[Cc]entral\s+)?political\s+bureau|Politburo|politburo|"
            rf"Central\s+Military\s+"
            rf"Commission|CMC|Secretariat|Central\s+Committee)"
            rf"(?:\s+of\s+{THE}(?:(?P<t>{ORD})\s+)?(?:{SPA}|{WPK}|[Pp]arty\b(?!\s+(?:Central|CC)\b)"
            rf"|(?:(?:{WPK}|[Pp]arty)\s+)?{CC}(?:{OF_PARTY})?))*)"
            r"(?:\s*\([A-Z]{2,5}\)|\s*\((?:f\.?k\.?a\.?|formerly|then|now)\s[^()]{1,40}\))?"  # "(f.k.a the SPA Presidium)"
            r"(?:\s*,[^,;.]{1,60},)?"  # "(SPA), the North's rubber-stamp parliament,"
            # (",": "North Korea's top military body, the Central Military Commission, met Monday")
            r"(?:,\s+(?=met\b|convened\b|gathered\b|held\b|opened\b)|\s+(?:\w+\s+){0,2}?)"
            r"(?:(?:held|convened|convoked|opened|called|wrapped\s+up|concluded|"
            r"closed|ended|began|started|kicked\s+off)\s+(?:a|an|its|another)\s+"
            rf"(?:(?P<n>{ORDS})\s+)?"
            rf"(?:(?:new|first|special|extraordinary|enlarged|extended|emergency|consultative|"
            rf"joint|urgent|closed-door|rare|key|crucial|major|[a-z]+-day|week-long)\s+)*"
            r"(?P<head>plenary\s+meeting|plenary\s+session|plenum|meeting|session)\b"
            # "the Politburo met on Thursday" (not "met with" someone, not "met the demands")
            r"|(?P<met>met)\b(?:\s+in\s+(?:a\s+|an\s+)?(?P<head2>plenary\s+session|plenum|full\s+session|"
            r"(?:enlarged|extended|expanded|emergency|extraordinary|special)\s+(?:session|meeting)))?"
            r"(?!\s+(?:with|by|a|an|his|her|their|its)\b"
            r"|\s+the\b(?!\s+(?:next|following|previous|preceding|same)\s+day\b))"
            # "the Politburo convened on 15 July 2012" (intransitive)
            rf"|(?P<convened>convened|gathered)(?=\s+(?:{WHEN_AHEAD})|\s*[,.;]))"
        ),
        read_body_held,
        (
            (
                "held",
                "convened",
                "convoked",
                "opened",
                "called",
                " met",
                "gathered",
                "wrapped",
                "concluded",
                "closed",
                "ended",
                "began",
                "started",
                "kicked",
            ),
            ("meeting", "session", "plenum", " met", "convened", "gathered"),
            ("committee", "presidium", "bureau", "politburo", "commission", "cmc", "secretariat"),
        ),
    ),
    (
        # "North Korea's ruling party opened a rare conference", "The Workers' Party of Korea wrapped
        # up a four-day plenary meeting": the party itself holds its congress, conference or plenum
        re.compile(
            rf"{THE}(?:(?:North\s+Korea|the\s+North|Pyongyang){APOS}s\s+)?(?P<body>{WPK}|"
            # (an appositive: "Korean Workers Party, the ruling political force in the DPRK, is")
            rf"(?:ruling\s+)?[Pp]arty)(?:\s*,[^,;.]{{1,80}},)?\s+(?:\w+\s+){{0,2}}?(?:held|convened|convoked|opened|"
            rf"(?:wrapped|wound)\s+up|concluded|closed|ended|began|started|kicked\s+off|holds|opens|"
            rf"convenes|closes|concludes|(?:wraps|winds)\s+up|begins|starts|kicks\s+off|"
            rf"(?:will|to)\s+(?:hold|convene|open))\s+"
            rf"(?:a|an|its|another)\s+(?:(?P<n>{ORDS})\s+)?{MODS_CI}(?:new\s+)?"
            rf"(?P<head>[Cc]ongress(?:es)?|[Cc]onferences?|[Pp]lenary\s+(?:[Mm]eeting|[Ss]ession)s?|"
            rf"[Pp]lenums?)(?![\w-])"
            rf"(?:\s+of\s+(?:the\s+)?(?:party\s+)?(?:delegates|representatives)\b|(?!\s+of\b))"
        ),
        read_party_held,
        (("party", "wpk", "kwp"), ("congress", "conference", "plenary", "plenum")),
    ),
    (
        re.compile(
            rf"{THE}(?P<body>(?:(?:{WPK}|[Pp]arty)\s+)?(?:Presidium\s+of\s+(?:the\s+)?)?(?:Political\s+"
            rf"Bureau|Politburo|Central\s+Military\s+Commission|Secretariat)"
            rf"(?:\s+of\s+{THE}(?:(?P<t>{ORD})\s+)?(?:{WPK}|(?:(?:{WPK}|[Pp]arty)\s+)?{CC}"
            rf"(?:{OF_PARTY})?))*)"
            r"(?:\s*\([A-Z]{2,5}\))?(?:\s+on\s+[\w.]+(?:\s+\d{1,2})?(?:,\s+\d{4})?)?\s+"
            r"(?:adopted|issued|made|passed)\s+(?:a|an|the|its)\s+(?:following\s+)?(?:important\s+)?"
            r"(?:decision|resolution)s?\b|"
            rf"{THE}(?P<body2>(?:(?:{WPK}|[Pp]arty)\s+)?(?:Presidium\s+of\s+(?:the\s+)?)?(?:Political\s+"
            rf"Bureau|Politburo|Central\s+Military\s+Commission|Secretariat)"
            rf"(?:\s+of\s+{THE}(?:(?P<t2>{ORD})\s+)?(?:{WPK}|(?:(?:{WPK}|[Pp]arty)\s+)?{CC}"
            rf"(?:{OF_PARTY})?))*)"
            r"(?:\s+on\s+[\w.]+(?:\s+\d{1,2})?(?:,\s+\d{4})?)?\s+decided\s+(?:to|on|that)\b"
        ),
        read_body_decided,
        (("adopted", "issued", "made", "passed", "decided"), ("decision", "resolution", "decided")),
    ),
    (
        re.compile(
            rf"(?:(?:the|a|its)\s+)?(?P<cy>{YEAR})\s+(?:(?:{WPK}|[Pp]arty)\s+)?[Cc]ongress(?![\w-])"
        ),
        read_dated_congress,
        (("congress",),),
    ),
    (
        re.compile(
            r"(?:rubber-stamp\s+)?(?:parliamentary\s+(?:session|meeting)|parliament['’]s\s+"
            r"(?:\w+\s+)?session|(?:session|meeting)\s+of\s+(?:the\s+|its\s+|North\s+Korea['’]s\s+)?"
            r"(?:[\w'’-]+\s+){0,4}?(?:rubber-stamp\s+|national\s+)?(?:parliament|legislature|"
            r"(?:top|highest|supreme)\s+legislative\s+(?:body|organ))"
            # "North Korea's rubber-stamp parliament was last convened in September"
            r"|[Pp]arliament\s+(?:was|were)\s+(?:last\s+|first\s+)?(?:convened|held|opened)"
            # "North Korea's Parliament was scheduled to convene yesterday"
            r"|[Pp]arliament\s+(?:was|is|were)\s+(?:scheduled\s+|set\s+|due\s+|expected\s+)?to\s+(?:convene|"
            r"meet|open)"
            # "North Korea's parliament held a plenary session on Sunday"
            r"|(?:parliament|legislature)\s+(?:held|convened|opened|concluded|closed|ended|began|started|"
            r"(?:wrapped|wound)\s+up|kicked\s+off|will\s+(?:convene|hold|open)|to\s+(?:convene|hold|open))\s+"
            r"(?:a|an|its)\s+(?:[\w-]+\s+)?(?:session|meeting)"
            # "the rubber-stamp parliament met on Tuesday", "The parliament last met in April"
            r"|presid(?:ed|es|ing)\s+over\s+(?:the\s+|North\s+Korea['’]s\s+)?(?:rubber-stamp\s+)?"
            r"(?:parliament|legislature)\b"
            # "North Korea will convene its rubber-stamp parliament on Jan. 17"
            r"|(?:(?<=\bconvene\s)|(?<=\bconvoke\s)|(?<=\bconvened\s)|(?<=\bconvoked\s)|(?<=\bconvenes\s))"
            r"(?:its|the|North\s+Korea['’]s)\s+"
            r"(?:rubber-stamp\s+|national\s+)?(?:parliament|legislature)\b(?!\s+(?:building|hall)\b)"
            # "North Korea's parliament will meet April 10"
            r"|(?:parliament|legislature)\s+(?:last\s+|first\s+|again\s+|will\s+|would\s+|is\s+to\s+|"
            r"are\s+to\s+|was\s+to\s+)?(?:met|convened|opened|meet|convene|open)"
            rf"(?=\s+(?:{WHEN_AHEAD})|\s*[,.;]))"
        ),
        read_parliament,
        (
            ("parliament", "legislature", "legislative"),
            ("session", "meeting", " met", "convene", "opened", " meet", " open"),
        ),
    ),
    (
        # an item of a list headed "Congresses:": "1st (28–30 August 1946), 2nd (27–30 March 1948)"
        re.compile(rf"(?P<n>{ORD})(?=\s*\((?:[^()]{{0,30}}?)\d{{4}}\s*\))"),
        read_listed,
        (("congresses", "conferences"), (":",)),
    ),
    (
        # (lowercase in an article about the party's congresses: "The fifth congress in 1970")
        re.compile(rf"(?P<n>{ORDS})\s+(?:Congress|congress)(?![\w-])"),
        read_bare_congress,
        (("st congress", "nd congress", "rd congress", "th congress"),),
    ),
    (
        # "At the 4th Conference, Kim Jong Un was elected first secretary" (in an article about
        # the WPK: see discourse.is_wpk)
        # "since the 3rd Delegates' Conference on September 28th, 2010"
        re.compile(rf"(?P<n>{ORDS})\s+(?:[Dd]elegates?{APOS}?s?{APOS}?\s+)?Conference(?![\w-])"),
        read_bare_congress,
        (("st conference", "nd conference", "rd conference", "th conference", "delegate"),),
    ),
    (
        re.compile(
            rf"(?P<n>{ORDS})\s+(?:(?:[Cc]onference|[Mm]eeting)\s+of\s+(?:(?:the\s+)?(?:{WPK}|[Pp]arty)\s+)?"
            rf"[Rr]epresentatives\b|[Dd]elegates?{APOS}?s?{APOS}?\s+(?:[Mm]eeting|[Cc]onference)"
            rf"(?:\[\d+\])?(?=\s+of\s+{THE}{WPK})|(?:{WPK}|[Pp]arty)\s+[Dd]elegates?{APOS}?s?{APOS}?\s+"
            rf"[Cc]onference)"  # "the 4th Chosun Workers' Party Delegates' Conference"
            # "a meeting of party representatives in September"
            rf"|(?:[Cc]onference|[Mm]eeting)\s+of\s+(?:the\s+)?(?:{WPK}\s+|[Pp]arty\s+)[Rr]epresentatives\b"
        ),
        read_conference,
        (("representatives", "delegate"),),
    ),
    (
        re.compile(
            rf"(?P<n>{ORDS})\s+[Cc]onferences?\s+of\s+{THE}{PARTY}(?![\w-])"
            rf"|(?P<n2>{ORDS})\s+(?:{WPK}|[Pp]arty)\s+[Cc]onferences?"
            rf"|(?:{WPK}|[Pp]arty){APOS}s\s+(?:(?P<n3>{ORDS})\s+)?{MODS_CI}[Cc]onferences?(?![\w-])"
            rf"(?!\s+(?:of|for|with)\b|\s+on\s+(?![A-Z][a-z]+day\b|[A-Z][a-z]{{2,8}}\.?\s+\d))"
            rf"|\b[Cc]onferences?\s+of\s+{THE}(?:{WPK}|Party)(?![\w-])(?!\s+(?:Cell|Delegates))"
            rf"|\b(?:[Cc]onference|[Mm]eeting)\s+of\s+(?:the\s+)?Party\s+Representatives\b"
            rf"|\b(?:{WPK}|Party|party)\s+[Cc]onferences?(?![\w-])"
            # "similar delegates' conferences in 1958 and 1966" (of an article about the party's)
            rf"|\b[Dd]elegates{APOS}\s+[Cc]onferences(?![\w-])"
        ),
        read_conference,
        (("conference", "representatives"),),
    ),
]

# every name starts a word: telling the engine so skips the middle of words (2-3x faster)
_PATTERNS = [
    (re.compile(rf"(?<![\w'’-])(?:{pattern.pattern})"), reader, needs)
    for pattern, reader, needs in _PATTERNS
]

_NOUNS = re.compile(
    r"\b(?:(?P<plenary>plenary\s+(?:meeting|session)|plenum)|(?P<meeting>meeting)|"
    r"(?P<session>session)|(?P<congress>congress)|(?P<conference>conference))s?\b",
    re.IGNORECASE,
)


_GLOSS = re.compile(
    r"[\"“”]|\s\((?:CC|C\.C\.|CMC|PB|Political\s+Bureau|Politburo|Central\s+Committee|[Pp]lenum|"
    r"Central\s+Military\s+Commission)\)(?=\s)"
    # an editor's insertion: "the December plenum of the [Korean] Workers' Party", "[WPK]", "[sic]"
    r"|(?<=\s)\[[^\[\]\n]{1,40}\](?=[\s,.;:])"
)


def unglossed(sentence: str) -> str:
    """``sentence`` with double quotes, the bracketed glosses of a body's name and an editor's
    square-bracketed insertions blanked out (same length, so offsets hold): "an “emergency
    Politburo meeting”", "a Central Committee (CC) plenum", "another Politburo (Political Bureau)
    meeting", "the [Korean] Workers' Party" read as the plain names. Typing slips are mended
    the same way: an apostrophe typed as "‘", "the last (Seventh) Congress", "the 12th-term SPA"
    and a scan's "12 th"."""
    if "‘" in sentence or "`" in sentence:  # "its ruling party‘s central committee"
        sentence = _ODD_APOSTROPHE.sub("’", sentence)
    if "(" in sentence and ")" in sentence:  # "The last (Seventh) Congress": "Seventh Congress"
        sentence = _PAREN_ORDINAL.sub(lambda m: " " + m.group(1) + " ", sentence)
    if "-term" in sentence:  # "the 12th-term Supreme People's Assembly": "12th term"
        sentence = _HYPHEN_TERM.sub(r"\1 term", sentence)
    if _SPLIT_HINT.search(sentence) is not None:
        # a scan's "the 12 th Plenum of the 6 th Central Committee": "12th " (same length)
        sentence = _SPLIT_ORDINAL.sub(r"\1\2 ", sentence)
    if '"' not in sentence and "“" not in sentence and "(" not in sentence and "[" not in sentence:
        return sentence
    return _GLOSS.sub(lambda m: " " * len(m.group(0)), sentence)


_PAREN_ORDINAL = re.compile(
    rf"\(({ORD})\)(?=\s+(?:(?:Party|WPK|KWP)\s+)?(?:Congress|Conference|Plenary|Plenum|Session)\b)"
)
_HYPHEN_TERM = re.compile(r"(?<=\d)(st|nd|rd|th)-term\b")
_ODD_APOSTROPHE = re.compile(r"(?<=\w)[‘`](?=\w)")
_SPLIT_HINT = re.compile(r"\d (?:st|nd|rd|th)\b")  # (a quick test before the exact pattern)
_SPLIT_ORDINAL = re.compile(r"(?<![\d.,])(\d{1,3}) (st|nd|rd|th)\b")


_LABOR = re.compile(r"\bLabor\s+Party\b(?!\s+of\s+(?!Korea))")
_LABOR_AFTER = re.compile(r"(?:\b[a-z]+|\bThe|['’]s|^)\s+$|^$")
"""Before a "Labor Party" that is the WPK: "the", "ruling", "North Korea's" (not "the Australian")."""


def labor_as_wpk(sentence: str) -> str:
    """``sentence`` with "the Labor Party" written as the WPK (same length, so offsets hold), for
    an article whose "Labor Party" is the WPK (the caller decides): "a meeting of the Central
    Military Commission of the Labor Party", "North Korea's ruling Labor Party"."""
    if "Labor Party" not in sentence:
        return sentence

    def mask(match: re.Match[str]) -> str:
        if not _LABOR_AFTER.search(sentence[max(0, match.start() - 20) : match.start()]):
            return match.group(0)
        return " " * (len(match.group(0)) - 3) + "WPK"

    return _LABOR.sub(mask, sentence)


_CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]*)+\b")
_ACRONYMS = frozenset({"WPK", "KWP", "WPNK", "SPA", "CC", "CMC", "DPRK", "KPA", "PB"})
_SMALL = frozenset({"OF", "THE", "AND", "IN", "ON", "AT", "TO", "FOR"})


def uncapitalized(sentence: str) -> str:
    """``sentence`` with its runs of capitals ("THE FIFTH NORTH KOREAN PARTY CONGRESS", a heading
    of a cable or a bulletin) in ordinary case, acronyms kept (same length: offsets hold)."""
    if not _CAPS_RUN.search(sentence):
        return sentence

    def word(token: str) -> str:
        if token in _ACRONYMS or not token.isascii():
            return token
        return token.lower() if token in _SMALL else token[:1] + token[1:].lower()

    def run(match: re.Match[str]) -> str:
        text = match.group(0)
        if sum(1 for w in text.split() if w not in _ACRONYMS) < 2:
            return text  # "the CC SPA" and other acronyms side by side
        first, *rest = re.split(r"(\s+)", text)
        out = [first[:1] + first[1:].lower() if first not in _ACRONYMS else first]
        out += [word(t) if t.strip() else t for t in rest]
        return "".join(out)

    return _CAPS_RUN.sub(run, sentence)


def _has_any(words: tuple[str, ...], text: str, seen: dict[str, bool]) -> bool:
    """Whether ``text`` holds one of ``words`` (``seen``: what earlier patterns found, by word)."""
    for word in words:
        present = seen.get(word)
        if present is None:
            present = seen[word] = word in text
        if present:
            return True
    return False


def find_meetings(
    sentence: str, *, north_korea: bool = False
) -> tuple[list[NamedMeeting], list[OtherMeeting]]:
    """The WPK and SPA meetings named in ``sentence`` in text order, without overlaps, and the
    meeting nouns left that name none of them. Pass the sentence through :func:`unglossed`
    first, so double quotes and bracketed glosses of a body's name do not break a name.
    ``north_korea``: the sentence's article is about North Korea, so that "the new parliament"
    is its parliament even where the sentence does not say so."""
    found: list[NamedMeeting] = []
    lowered = sentence.lower()
    seen: dict[str, bool] = {}
    for pattern, reader, needs in _PATTERNS:
        if not all(_has_any(group, lowered, seen) for group in needs):
            continue
        for match in pattern.finditer(sentence):
            meetings = (
                read_parliament(match, sentence, north_korea=north_korea)
                if reader is read_parliament
                else reader(match, sentence)
            )
            if not meetings:
                continue
            first = meetings[0]
            if any(first.start < m.end and m.start < first.end for m in found):
                continue
            found.extend(meetings)
    found.sort(key=lambda meeting: (meeting.start, meeting.number or 0))
    others: list[OtherMeeting] = []
    for noun in _NOUNS.finditer(sentence):
        if any(m.start <= noun.start() < m.end for m in found):
            continue
        kind = noun.lastgroup or "meeting"
        others.append(OtherMeeting(noun.start(), noun.end(), kind))
    return found, others


__all__ = [
    "ORD",
    "ORDINAL_WORDS",
    "NamedMeeting",
    "OtherMeeting",
    "find_meetings",
    "foreign_party_count",
    "foreign_party_in",
    "labor_as_wpk",
    "names_wpk",
    "ordinal_text",
    "ordinal_value",
    "other_body_in",
    "unglossed",
]
