-- Schema version 3: the researcher's corrections of what was extracted.
-- Each row is one user action, stored apart from the extracted data and applied on top of it, in
-- id order, after every re-import, re-extraction and timeline merge. Nothing here is ever rewritten
-- by the program; undo only clears `active`.
--   target_type  'event' or 'document'
--   target_id    the event id or document id the action is about
--   action       'set' (field := value), 'reject', 'restore', 'add' (a hand-made event),
--                'join' (value: the other event id, folded into target), 'split' (value: the
--                source keys moved to a new event, and its id), 'delete' (a document)
--   value, old   JSON: the new value, and what it replaced when the action was taken
CREATE TABLE IF NOT EXISTS corrections (
    id          INTEGER PRIMARY KEY,
    target_type TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    action      TEXT NOT NULL,
    field       TEXT,
    value       TEXT,
    old         TEXT,
    created_at  TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS corrections_target ON corrections(target_type, target_id);

-- Merged events carry whether the user rejected them and which fields the user corrected
-- (JSON: field -> the extracted value it replaced), so the timeline can mark them.
ALTER TABLE events ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN corrected TEXT;
ALTER TABLE events ADD COLUMN manual INTEGER NOT NULL DEFAULT 0;
