-- Schema version 2: the user's own gist of a timeline event.
-- Event ids are stable across re-extraction (a hash of the event's normalized name and date), so
-- a gist written today still finds its event after a re-import or a better date grammar; a gist
-- whose event no longer exists is kept (and reported), never deleted.
CREATE TABLE IF NOT EXISTS user_event_gists (
    event_id   TEXT PRIMARY KEY,
    text       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
