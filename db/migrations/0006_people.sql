-- Schema version 6: people (officials named in the articles) and the user's splits of them.
-- (0005 is another change's number; migrations apply in number order, each once.)
--
-- appearances: one row per official named in a document, rebuilt with the document (import,
-- re-import, re-extraction); derived, like event_mentions. Offsets are into documents.text.
--   name           the name as written (documents.text[start:end])
--   person_key     its normalised identity (one key for every spelling: Choe Ryong Hae /
--                  Choe Ryong-hae); people are these keys merged, with the user's splits
--   list_id        '{doc_id}:{passage}:{n}' for a name in a printed list (n counts the
--                  document's lists from 1), NULL outside a list
--   list_kind      'present', 'accompanied', 'participants', 'funeral_committee', 'presidium',
--                  'elected', 'mourners', 'delegation' or 'other'; NULL outside a list
--   list_position  1 for the first name printed in the list; NULL outside a list
--   list_length    names in the list; NULL outside a list
--   office         the office the text gives the person there, NULL when none
-- The appearance's date is its document's publication date (documents.date), and its timeline
-- event the event with a source in the same document and passage (event_sources): both are
-- read through joins, so a corrected date or a corrected timeline is always what shows.
CREATE TABLE IF NOT EXISTS appearances (
    id            INTEGER PRIMARY KEY,
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    passage       INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    name          TEXT NOT NULL,
    person_key    TEXT NOT NULL,
    list_id       TEXT,
    list_kind     TEXT,
    list_position INTEGER,
    list_length   INTEGER,
    office        TEXT
);
CREATE INDEX IF NOT EXISTS appearances_doc ON appearances(doc_id);
CREATE INDEX IF NOT EXISTS appearances_key ON appearances(person_key);
CREATE INDEX IF NOT EXISTS appearances_list ON appearances(list_id);

-- The user's splits: "these appearances of one name are another person". User data: never
-- written by import, extraction or re-index; applied on top of the appearances whenever people
-- are shown, so a split survives every re-extraction. Undo clears `active`.
--   rule  JSON of wpk_archive.core.people.Split: {"person", "label", "office", "since",
--         "until", "doc_ids", "anchors"} (only the conditions given)
CREATE TABLE IF NOT EXISTS person_splits (
    id         INTEGER PRIMARY KEY,
    rule       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1
);
