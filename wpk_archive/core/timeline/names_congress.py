"""The patterns of congress and conference names and of names told through their holder (see
:mod:`.names`), read by :mod:`.readers_congress` and :mod:`.readers_bodies`: the party's congresses
(numbered, dated, founding, "its" congress, bare ordinals, lists), its conferences (of
representatives, of delegates), the SPA's "its session", a body that held or decided something
at a meeting, the party that held one, and the North's parliament.

Rules (the pattern table's order is kept: :mod:`.names` tries :data:`CONGRESS_PATTERNS` last):
- "its" names a congress or conference ("its biggest political conference in 30 years", "its first
  full congress") or a session ("its inaugural session") whose owner the clause before says."""

from __future__ import annotations

import re

from wpk_archive.core.timeline.readers import Reader
from wpk_archive.core.timeline.readers_bodies import (
    read_body_decided,
    read_body_held,
    read_its_session,
    read_parliament,
)
from wpk_archive.core.timeline.readers_congress import (
    read_bare_congress,
    read_conference,
    read_congress,
    read_dated_congress,
    read_founding_congress,
    read_its,
    read_listed,
    read_party_held,
)
from wpk_archive.core.timeline.vocabulary import (
    APOS,
    ASSEMBLY_ACT_WORDS,
    ASSEMBLY_ACTS,
    CC,
    MODS_CI,
    OF_PARTY,
    ORD,
    ORDS,
    PARTY,
    SPA,
    THE,
    WHEN_AHEAD,
    WPK,
    YEAR,
)

_ITS = (
    rf"\b[Ii]ts\s+(?:(?:next|new|upcoming|coming|forthcoming)\s+)?(?:(?P<n>{ORDS})\s+)?"
    # "its biggest political conference in 30 years", "its first full congress"
    rf"(?:(?:biggest|largest|most\s+important|highest-level|first-ever|rare|key|major|political|"
    rf"full|historic|landmark|extraordinary|special|[Pp]arty)\s+){{0,3}}"
    rf"(?:[Cc]ongress|[Cc]onference)(?![\w-])(?!\s+of\b)"
)
_ITS_SESSION = (
    rf"\b[Ii]ts\s+(?:(?P<n>{ORDS})\s+)?(?P<first>inaugural\s+|opening\s+)?(?:(?:new|annual|current|"
    rf"latest|full|plenary)\s+)?[Ss]ession(?![\w-])(?!\s+of\b)"
)

CONGRESS_PATTERNS: list[tuple[re.Pattern[str], Reader, tuple[tuple[str, ...], ...]]] = [
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
        # "The ruling Workers Party in North Korea calls a conference in mid-April": the party
        # calling one (whose, read_its decides from the clause before)
        re.compile(
            r"(?:(?<=\bcalls\s)|(?<=\bcalled\s))an?\s+(?:(?P<n>" + ORDS + r")\s+)?"
            r"(?:(?:rare|key|major|special|extraordinary|party|new)\s+){0,2}"
            r"(?:[Cc]ongress|[Cc]onference)(?![\w-])(?!\s+(?:of|with|call)\b)"
        ),
        read_its,
        (("calls", "called"), ("congress", "conference")),
    ),
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
            # "North Korea's legislature on Wednesday elected Kim premier": in session that day
            r"|(?:parliament|legislature)\s+(?:on\s+[MTWFS][a-z]+day|yesterday|today)\s+"
            rf"(?:unanimously\s+)?{ASSEMBLY_ACTS}\b"
            # "North Korea's parliament will meet April 10"
            r"|(?:parliament|legislature)\s+(?:last\s+|first\s+|again\s+|will\s+|would\s+|is\s+to\s+|"
            r"are\s+to\s+|was\s+to\s+)?(?:met|convened|opened|meet|convene|open)"
            rf"(?=\s+(?:{WHEN_AHEAD})|\s*[,.;]))"
        ),
        read_parliament,
        (
            ("parliament", "legislature", "legislative"),
            (
                "session",
                "meeting",
                " met",
                "convene",
                "opened",
                " meet",
                " open",
                *ASSEMBLY_ACT_WORDS,
            ),
        ),
    ),
    (
        # an item of a list headed "Congresses:": "1st (28–30 August 1946), 2nd (27–30 March 1948)"
        re.compile(rf"(?P<n>{ORD})(?=\s*\((?:[^()]{{0,30}}?)\d{{4}}\s*\))"),
        read_listed,
        (("congresses", "conferences", "plenums", "plenary", "sessions"), (":",)),
    ),
    (
        # (lowercase in an article about the party's congresses: "The fifth congress in 1970")
        re.compile(rf"(?P<n>{ORDS})\s+(?:Congress|congress)(?:es)?(?![\w-])"),
        read_bare_congress,
        (("st congress", "nd congress", "rd congress", "th congress"),),
    ),
    (
        # "At the 4th Conference, Kim Jong Un was elected first secretary" (in an article about
        # the WPK: see discourse.is_wpk)
        # "since the 3rd Delegates' Conference on September 28th, 2010"
        re.compile(
            rf"(?P<n>{ORDS})\s+(?:[Dd]elegates?{APOS}?s?{APOS}?\s+)?Conference(?![\w-])"
            r"(?!\s+(?:of\s+)?(?:the\s+)?(?:[Pp]arty\s+)?(?:[Cc]ells?|[Pp]rimary)\b)"
        ),
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
            # unnumbered: "the WPK Delegates' Conference", "the Party Delegates Conference", "a
            # party representatives' meeting", "the Chosun Workers' Party Delegates' Conference"
            rf"|(?:{WPK}|[Pp]arty)\s+(?:[Dd]elegates?|[Rr]epresentatives?){APOS}?s?{APOS}?\s+"
            rf"(?:[Cc]onference|[Mm]eeting)(?![\w-])"
            # "the Delegates' Conference of the WPK", "the representative meeting of the WPK"
            rf"|(?:[Dd]elegates?|[Rr]epresentatives?){APOS}?s?{APOS}?\s+(?:[Cc]onference|[Mm]eeting)"
            rf"\s+of\s+{THE}{WPK}"
            # "a meeting of the representatives of the Korean Workers' Party"
            rf"|(?:[Cc]onference|[Mm]eeting)\s+of\s+(?:the\s+)?(?:[Pp]arty\s+)?(?:[Dd]elegates|"
            rf"[Rr]epresentatives)\s+of\s+{THE}{WPK}"
        ),
        read_conference,
        (("representative", "delegate"),),
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
