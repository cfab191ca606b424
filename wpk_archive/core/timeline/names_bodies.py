"""The patterns of the standing bodies' meeting names (see :mod:`.names`), read by
:mod:`.readers_bodies`: plenary meetings of the SPA Standing Committee, meetings of the Political
Bureau (and its Presidium), the CMC and the Secretariat (or Executive Policy Council), a party
conference or a Central Committee plenary meeting named by its date, the Central Committee's
plenary meetings named in full, by their committee or bare, and the SPA's sessions.

Rules (the pattern table's order is kept: :mod:`.names` tries :data:`BODY_PATTERNS` after
:data:`~.names_local.LOCAL_PATTERNS` and before :data:`~.names_congress.CONGRESS_PATTERNS`):
- a body's meeting is named with its number and the body's term in either order ("the 13th
  Politburo meeting of the 7th Central Committee", "the enlarged meeting of the 21st Political
  Bureau of the 7th Central Committee"), and after a body's possessive with which of its meetings
  ("the CMC's first August meeting": which one, not the first of the body);
- a plenary head is "plenary meeting(s)", "plenary session(s)", "plenum(s)" or "plenaries", a
  meeting head "meeting(s)" or "session(s)"."""

from __future__ import annotations

import re

from wpk_archive.core.timeline.readers import Reader
from wpk_archive.core.timeline.readers_bodies import (
    read_bare_plenary,
    read_cmc,
    read_convoked_session,
    read_dated_plenary,
    read_plenary,
    read_politburo,
    read_politburo_as_meeting,
    read_secretariat,
    read_spa,
    read_spa_standing,
)
from wpk_archive.core.timeline.readers_congress import read_dated_conference
from wpk_archive.core.timeline.vocabulary import (
    APOS,
    ASSEMBLY_ACT_WORDS,
    ASSEMBLY_ACTS,
    CC,
    DATE_NAME,
    MODS_CI,
    MONTH_NAME,
    OF_PARTY,
    ORD,
    ORDS,
    SPA,
    TERM_CC,
    THE,
    WPK,
    YEAR,
    term_cc,
)

PLENARY_HEAD = r"(?:[Pp]lenary\s+(?:[Mm]eetings?|[Ss]essions?)|[Pp]lenums?|[Pp]lenaries)"
_MEETING_HEAD = r"(?:[Mm]eetings?|[Ss]essions?)"
_POLICY_COUNCIL = (
    r"(?:[Ee]xecutive\s+[Pp]olicy|[Pp]olitical\s+[Aa]ffairs|[Gg]overnment\s+[Aa]ffairs)\s+"
    r"(?:[Cc]ouncil|[Bb]ureau)"
)
"""The Secretariat's name from 2016 to 2021 (정무국), in its translations: "the Executive Policy
Council", "the Political Affairs Bureau", "the Government Affairs Bureau"."""
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

_NK_OWNER = rf"(?:(?:North\s+Korea|North|Pyongyang|DPRK|country){APOS}s\s+)?"
"""The country as the owner of its assembly: "of the North's SPA", "of North Korea's SPA"."""

BODY_PATTERNS: list[tuple[re.Pattern[str], Reader, tuple[tuple[str, ...], ...]]] = [
    (
        # "the Presidium of the SPA on Thursday announced a decision to convene a session in
        # Pyongyang on April 11"
        re.compile(
            rf"(?:Presidium|Standing\s+Committee)\s+of\s+{THE}{SPA}[^.;:]{{0,100}}?\b"
            r"(?:convene|convoke|convening|convoking)\s+"
            r"(?P<s>(?:a|the|its)\s+(?:new\s+|regular\s+|next\s+)?session)\b(?!\s+of\b)"
        ),
        read_convoked_session,
        (("presidium", "standing committee"), ("conven", "convok")),
    ),
    (
        re.compile(
            rf"(?:(?P<n>{ORDS})\s+)?{MODS_CI}(?:[Pp]lenary\s+(?:[Mm]eetings?|[Ss]essions?)|[Mm]eetings?|"
            rf"[Pp]lenums?)\s+of\s+{THE}(?:(?P<t>{ORD})\s+)?(?:Standing\s+Committee|Presidium)\s+of\s+{THE}"
            rf"(?:(?P<t2>{ORD})\s+)?{SPA}"
            rf"|(?:(?P<n2>{ORDS})\s+)?{MODS_CI}(?:[Pp]lenary\s+(?:[Mm]eetings?|[Ss]essions?)|[Mm]eetings?|"
            rf"[Pp]lenums?)\s+of\s+{THE}{_NK_OWNER}(?:(?P<t3>{ORD})\s+)?{SPA}\s+(?:Standing\s+Committee|"
            rf"Presidium)"
        ),
        read_spa_standing,
        (("standing", "presidium"), ("meeting", "plenum", "plenary")),
    ),
    (
        re.compile(
            rf"(?:(?P<n>{ORDS})\s+)?{MODS_CI}(?:{_MEETING_HEAD})\s+of\s+{THE}"
            # "of the smaller and more powerful party Politburo", "of the powerful Political Bureau"
            r"(?:(?:smaller|more|most|powerful|all-powerful|top|decision-making|and)\s+){0,5}"
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
        # "the decision was adopted at a Workers' Party politburo on Sunday": the body for its
        # meeting, with the meeting's day right after
        re.compile(
            rf"(?<=\bat\s)an?\s+(?:(?:{WPK}|[Pp]arty|ruling\s+party)(?:{APOS}s)?\s+)?"
            rf"{MODS_CI}(?:[Pp]olitb(?:ureau|uro)|Political\s+Bureau)"
            rf"(?=\s+(?:on|last|yesterday|earlier\s+this)\b)"
        ),
        read_politburo_as_meeting,
        (("politburo", "political bureau"), (" at a", " at an")),
    ),
    (
        re.compile(
            rf"(?:(?P<n>{ORDS})\s+)?{MODS_CI}(?:{_MEETING_HEAD}|[Cc]onference)\s+of\s+{THE}(?:(?P<t>{ORD})\s+)?"
            rf"(?:(?:North\s+Korea|the\s+North|Pyongyang){APOS}s\s+)?(?:(?:powerful|ruling|top)\s+)?"
            rf"(?:(?:{WPK}|[Pp]arty)(?:{APOS}s)?\s+)?(?:(?:Central\s+)?Military\s+Commission(?:\s*\(CMC\))?|CMC|"
            rf"Central\s+Military\s+Committee)"
            rf"(?:\s+of\s+{THE}(?:(?P<t2>{ORD})\s+)?(?:{WPK}|Party(?![\w-]|\s+(?:of|[Cc]ommittee)\b)|(?:{WPK}\s+|[Pp]arty\s+)?{CC}"
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
            rf"{_POLICY_COUNCIL})\s+of\s+{TERM_CC}"
            rf"|{THE}(?:(?:{WPK}|[Pp]arty)(?:{APOS}s)?\s+)?{MODS_CI}(?:Central\s+Committee\s+)?"
            rf"(?:(?P<n2>{ORDS})\s+)?(?:Secretariat|{_POLICY_COUNCIL})\s+{MODS_CI}(?:{_MEETING_HEAD})"
            rf"(?:\s+of\s+{term_cc('t3', 't4')})?"
        ),
        read_secretariat,
        (
            ("secretariat", "policy council", "affairs bureau", "policy bureau"),
            ("meeting", "session"),
        ),
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
            rf"(?:(?P<n>{ORDS})\s+)?{MODS_CI}(?:{PLENARY_HEAD}|(?:key\s+|important\s+)?"
            rf"(?:[Mm]eetings?|[Ss]essions?)|General\s+Assembly|(?:(?:annual|year-end)\s+)*[Gg]eneral\s+"
            rf"[Mm]eetings?)\s+of\s+{TERM_CC}"  # (a machine
            # translation's "the General Assembly of the Central Committee of the WPK": 전원회의)
            rf"|{THE}(?:(?P<t3>{ORD})\s+)?(?:{WPK}|[Pp]arty)(?:{APOS}s)?\s+(?:(?P<t4>{ORD})\s+)?"
            rf"{CC}(?:{APOS}s)?\s+(?:(?P<n2>{ORDS})\s+)?{MODS_CI}(?:{PLENARY_HEAD}|[Mm]eetings?"
            rf"(?![\w-])(?!\s+(?:with|hall|room|building)\b|\s+of\s+(?!{YEAR}|(?:{MONTH_NAME})\b)))"
            # "the North Korean Workers Party Central Committee Meeting of August 1956"
            rf"|(?:(?P<n3>{ORDS})\s+)?{MODS_CI}{PLENARY_HEAD}\s+of\s+{THE}(?:ruling\s+)?"
            rf"(?:{WPK}|(?<=ruling\s)party|(?<=the\s)[Pp]arty(?=\s*[,.;]|\s+(?:in|on|at|held|which|that|was|"
            rf"last|this|ended|opened|closed)\b))(?![\w'’-])"  # "of the ruling party", "of the party,"
            rf"|{THE}(?:{WPK}|(?:ruling\s+)?[Pp]arty){APOS}s\s+(?:(?P<t5>{ORD})\s+)?(?:{CC}\s+)?"
            rf"(?:(?P<t6>{ORD})\s+)?{MODS_CI}{PLENARY_HEAD}"  # "the WPK's plenary meeting"
            # a translation's "the first plenary meeting of the 7th Congress of the ruling party's
            # central committee": the first plenum of the Central Committee that congress elected
            rf"|(?P<n4>{ORDS})\s+{MODS_CI}{PLENARY_HEAD}\s+of\s+{THE}(?P<t7>{ORD})\s+"
            rf"(?:(?:{WPK}|[Pp]arty)\s+)?Congress(?![\w-])"
            rf"(?:\s+of\s+{THE}(?:ruling\s+)?(?:{WPK}|[Pp]arty)(?:{APOS}s)?(?:\s+{CC})?)?"
        ),
        read_plenary,
        (
            ("plenary", "plenum", "plenaries", "meeting", "session", "general assembly"),
            ("committee", " cc", "c.c", "c. c", "party", "wpk", "kwp"),
        ),
    ),
    (
        re.compile(
            rf"(?<![Pp]arty\s)(?<!WPK\s)Central\s+Committee(?:{APOS}s)?\s+(?:{MODS_CI}{PLENARY_HEAD}|General\s+Assembly\b)"  # "a Central
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
            ("plenary", "plenum", "meeting", "session", "general assembly"),
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
            rf"|{THE}(?:North\s+Korean\s+|North\s+Korea{APOS}s\s+)?(?:(?P<t5>{ORD})\s+)?{SPA}(?=(?:\s*,[^,;.]{{1,60}},|\s*,(?=\s+(?:met|convened|held)\s))?\s+(?:met|convened|opened|"
            # what the assembly does in session: "On 11 April 2019, the SPA re-elected Kim"
            rf"{ASSEMBLY_ACTS}|"
            rf"was\s+(?:convened|held|opened)|took\s+place|held\s+(?:a|its)\s+(?:\w+\s+)?session|"
            rf"(?:will|to)\s+(?:\w+\s+)?(?:convene|meet|open)"
            rf"|(?:will|to)\s+(?:\w+\s+)?hold\s+(?:a|its)\s+(?:\w+\s+)?(?:session|meeting)"
            # "the SPA was scheduled to happen on Friday", "the SPA holds a meeting at the hall"
            rf"|(?:was|is|were)\s+(?:scheduled|set|due|expected)\s+to\s+(?:happen|take\s+place|be\s+held)"
            rf"|holds?\s+(?:a|its)\s+(?:\w+\s+)?(?:session|meeting))\b(?!\s+(?:with|and)\b)"
            rf"|\s*,\s+will\s+(?:\w+\s+)?(?:convene|meet|open)\b)"  # "..., the SPA, will meet Tuesday"
            # "revised April 1992 at Supreme People's Assembly", "elected at the 12th SPA"
            # "in his speech to the SPA on January 15", "Kim told the SPA on Monday"
            rf"|(?:(?<=\bat\s)|(?<=\bAt\s)|(?<=\bspeech\sto\s)|(?<=\baddress\sto\s)|(?<=\breport\sto\s)"
            rf"|(?<=\baddressed\s)|(?<=\btold\s))(?:the\s+)?(?:(?P<t9>{ORD})\s+)?{SPA}"
            rf"(?!{APOS}|\s*\(?SPA\)?\s*(?:[Ss]tanding|[Pp]residium|[Hh]all|building))"
            rf"(?!\s+(?:[Ss]tanding|[Pp]residium|[Hh]all|building|deputies|deputy|elections?|"
            rf"[Ss]essions?|[Mm]eetings?)\b)"
            # "the Supreme People's Assembly (April 13th)": its session that day
            # (with the assembly's number, a year alone is its term's: "the 6th SPA (1977-1982)")
            rf"|{THE}(?:(?P<t12>{ORD})\s+)?{SPA}(?=\s*\((?:[A-Z][a-z]{{2,8}}\.?\s+\d|\d{{1,2}}\s+[A-Z]))"
            rf"|{THE}{SPA}(?=\s*\(\d{{4}}\))"
            # "On the 17th, North Korea held the Supreme People's Assembly"
            rf"|(?:(?<=\bheld\s)|(?<=\bholds\s)|(?<=\bconvened\s)|(?<=\bconvenes\s)|(?<=\bopened\s)"
            rf"|(?<=\bconvene\s)|(?<=\bhold\s)|(?<=\bconvoke\s))"
            rf"the\s+(?:(?P<t7>{ORD})\s+)?{SPA}(?!{APOS}|\s*\(?SPA\)?\s*(?:[Ss]tanding|[Pp]residium|elections?|"
            rf"deputies|deputy|[Hh]all|building))(?!\s+(?:[Ss]tanding|[Pp]residium|elections?|deputies|"
            rf"deputy|[Hh]all|building)\b)"
            rf"|{THE}(?P<t2>{ORD})\s+(?:{SPA}|Assembly)(?:{APOS}s)?\s+(?:(?P<n2>{ORDS})|(?P<opening>opening|"
            rf"inaugural))\s+[Ss]essions?"  # "the 12th SPA's opening session", "the 12th Assembly's fifth"
            rf"|{THE}(?:(?P<t3>{ORD})\s+)?{SPA}\s+(?:[Ss]essions?|[Mm]eetings?)(?![\w-])"
            # "a session of the North's SPA", "a plenary session of North Korea's SPA"
            rf"|(?:(?:[Pp]lenary\s+)?[Ss]ession|[Mm]eeting|[Gg]athering|[Ss]itting)\s+of\s+{THE}"
            rf"{_NK_OWNER}(?:(?P<t4>{ORD})\s+)?{SPA}"
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
                "speech",
                "address",
                "report",
                "told",
                "gathering",
                "sitting",
                *ASSEMBLY_ACT_WORDS,
            ),
            (
                "assembly",
                "spa",
                "parliament",
                "legislature",
                "supreme people",
                "people's congress",
                "people’s congress",
            ),
        ),
    ),
]
