"""Timeline events: the meetings documents name, dated from their text, merged across sources.

- :mod:`.names`: the grammar of meeting names (kinds, terms, numbers; not the WPK's meetings),
  its pattern table in :mod:`.names_local`, :mod:`.names_bodies` and :mod:`.names_congress`, each
  pattern's match read by a reader of :mod:`.readers` (shared parts), :mod:`.readers_bodies`,
  :mod:`.readers_congress` or :mod:`.readers_local`;
- :mod:`.names_ko` (its readers in :mod:`.readers_ko`), :mod:`.dating_ko` and :mod:`.korean`: the same for Korean text (Korean names
  get the English keys, so a Korean and an English report of a meeting make one event), and the
  hook through which :mod:`.extract` uses them for sentences holding Hangul;
- :mod:`.extract`: one document's mentions, their dates, anaphora and status (one meeting made a
  mention in :mod:`.mentions`; "that day" and a meeting's length in :mod:`.told_days`; dates tied to names in :mod:`.dating` and
  :mod:`.dating_loose`, status and tense in :mod:`.dating_status`, the sentence's meetings as
  :mod:`.found` carries them; what the document said so far and whose meeting a name is in
  :mod:`.discourse`, anaphora in :mod:`.anaphora`, meetings reported as held in
  :mod:`.held_reports`);
- :mod:`.years`: a meeting's date moved to the year its name gives;
- :mod:`.described`: a news story's meeting dated where it is described ("the ruling party's
  key meeting held from Friday to Sunday") and named only where no date is given;
- :mod:`.merge`: mentions of all documents merged into events, checked against the reference
  chronology, with stable ids and the JSON shape of an event: keys completed through the
  chronology and dates compared in :mod:`.merge_keys`, the events of one key built in
  :mod:`.merge_events`, events the keys keep apart joined in :mod:`.merge_folds`.
"""

from wpk_archive.core.models import Precision
from wpk_archive.core.timeline.extract import extract_mentions
from wpk_archive.core.timeline.merge import (
    ChronologyTable,
    dates_agree,
    event_id,
    event_to_json,
    merge_mentions,
)
from wpk_archive.core.timeline.names import ordinal_text, ordinal_value

GRAMMAR_VERSION = 15
"""Raised whenever extraction changes what it finds: archives written by an earlier grammar read
their documents' meetings again when opened. 3: Korean names and dates (names_ko, dates_ko);
4: "Dec. 26-30" kept in one sentence, dated decisions of the Political Bureau, Secretariat and
CMC, "that day", "Forth", yearless dates in documents dated by month; 5: news wordings of the blind
outside set (quoted and glossed names, "the WPK's plenary meeting", "held its 34th plenary
meeting", "a year-end party meeting", "On Saturday, Kim convened ...", weekday ranges); 6: "the
previous/next day" next to the day the story told, "the Politburo met", a body's meeting without
its party's name in a WPK article, "the 12th session of the 14th assembly", a page break inside
a name, "It was the eighth plenary meeting ..." after the meeting was dated by its noun alone, an
opening day and a later day of one unnumbered meeting joined; from blind set 3's first run: the
Politburo named after its Central Committee ("the WPK CC Politburo") or in lower case, numbered
meetings of the Executive Policy Council, the Conference of Representatives and the delegates'
conference, "the August 1956 CC Plenum", "its ruling party's central committee", the SPA
Standing Committee that "met" (no session of the Assembly), hard-wrapped lines ("the Fifth" |
"Party Congress"), "a session of its national parliament", a closing day joined with a day the
meeting sat, "its first since the eighth in 2021" (an ordinal whose noun is left out); 7 and 8:
see docs/timeline.md; 9: the tables of a body's meetings on a reference page (tables.py), plans
told far from their marker and monthless day ranges, "the first one", counts ("the second party
congress under the current leader"), the parliament of an article about North Korea, a coming
plenum kept apart from a past one (docs/timeline.md lists them); 10: see docs/timeline.md; 11:
a story's one meeting named without a date, dated where the story describes it (described.py),
texts with no date at all, earlier meetings of the article's kind, other acts' dates, the periods
of core/date_periods.py (docs/timeline.md lists them); 12: a year before a name or after its
owner ("a 2016 party congress", "the party's 2013 plenary meeting"), an ongoing meeting, a speech
to the SPA, "concluded ... after four days", a meeting put off to a day, provincial committees'
meetings in any case and as subjects, lists of plenums and sessions, the country's "its congress",
plural bare congresses; 13: the date reader of dates13 (core/date_*.py), a week that is the month
of a meeting, delegates' conferences unnumbered, "the last session in April 2013", a party
gathering told by description and named by the chronology's day (described.py, merge_keys.py),
a bare weekday moved to the chronology's week, "including one in 2010", "This year's congress"
(docs/timeline.md lists them); 14: a report's undated meeting is the chronology's one in the weeks
around it, a described gathering without a day the congress or conference around the report,
plural "plenary meetings of", "the December plenum of the Workers' Party", "the legislature on
Wednesday elected" (docs/timeline.md lists them); 15: earlier congresses told by a year in a
clause or counted, the Secretariat's 2016-2021 names, a party meeting on a day no chronology
meeting holds, a paragraph's year in a text without a date, a schedule told in the present
(docs/timeline.md lists them)."""

__all__ = [
    "GRAMMAR_VERSION",
    "ChronologyTable",
    "Precision",
    "dates_agree",
    "event_id",
    "event_to_json",
    "extract_mentions",
    "merge_mentions",
    "ordinal_text",
    "ordinal_value",
]
