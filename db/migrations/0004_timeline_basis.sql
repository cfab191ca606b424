-- Schema version 4: what the sources say of a meeting (held, announced, postponed), where each
-- date comes from, and the reference chronology's row beside each event.
--   status      'held', 'announced' or 'postponed' as the sentence (mentions, sources) or the
--               sources together (events) tell; NULL when they do not say
--   basis       of a dated mention: 'text' (the text gives the date) or 'dateline' (read against
--               the article's dateline or publication date: "last December", "on Monday")
--   loose       1 when the meeting or its date was read from weak evidence (a bare "the 9th
--               Congress"; a date not tied to the name): merging drops it where the chronology
--               disagrees
--   date_basis  of an event: 'text', 'dateline' or 'chronology' (resources/chronology.tsv or the
--               archive folder's chronology.tsv); of a source also 'other_source' (it names the
--               meeting undated, and another source dates it)
--   role        of a mention: 'opening' or 'closing' when the sentence dates only the meeting's
--               first or last day ("opened Saturday", "at the closure of ... on Monday"), so that
--               merging can join them into one range; 'previous' for "the previous congress" with
--               no congress named before it (the chronology tells which)
--   chronology  JSON {"name", "start", "end", "source_url"}: the chronology's row for the meeting
--   reference_only  1 for a chronology meeting that no document names (hidden unless asked for)
ALTER TABLE event_mentions ADD COLUMN status TEXT;
ALTER TABLE event_mentions ADD COLUMN basis TEXT;
ALTER TABLE event_mentions ADD COLUMN loose INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_mentions ADD COLUMN role TEXT;
ALTER TABLE events ADD COLUMN status TEXT;
ALTER TABLE events ADD COLUMN date_basis TEXT;
ALTER TABLE events ADD COLUMN chronology TEXT;
ALTER TABLE events ADD COLUMN name_ko TEXT;
ALTER TABLE events ADD COLUMN reference_only INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_sources ADD COLUMN date_basis TEXT;
ALTER TABLE event_sources ADD COLUMN status TEXT;
ALTER TABLE event_sources ADD COLUMN doc_date TEXT;
