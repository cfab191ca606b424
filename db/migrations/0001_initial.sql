-- WPK Archive store, schema version 1.
-- Offsets (start, "end") are character offsets into documents.text, half-open.
-- Passage ordinals start at 1. Dates are ISO strings at their precision (YYYY, YYYY-MM, YYYY-MM-DD).
-- Tables fed by extraction (passages, event_mentions, events, event_sources, summary_sentences) are
-- rebuilt freely; tables holding the user's words (user_summaries, notes) are never rewritten by
-- import, extraction or re-index.

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

-- One row per source article.
CREATE TABLE IF NOT EXISTS documents (
    id            TEXT PRIMARY KEY,   -- stable id from the document's origin (file path, URL+title, bundled name)
    origin        TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    source        TEXT,
    date          TEXT,               -- publication date (YYYY-MM-DD), NULL when unknown
    url           TEXT,
    content_hash  TEXT NOT NULL,      -- sha256 of the text: the same content again is a no-op
    imported_at   TEXT NOT NULL,
    original_path TEXT,
    text          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_content_hash ON documents(content_hash);
CREATE INDEX IF NOT EXISTS documents_date ON documents(date);

-- Earlier texts of documents whose source changed on re-import.
CREATE TABLE IF NOT EXISTS document_versions (
    id           INTEGER PRIMARY KEY,
    doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    title        TEXT,
    text         TEXT NOT NULL,
    replaced_at  TEXT NOT NULL
);

-- Paragraphs of each document.
CREATE TABLE IF NOT EXISTS passages (
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT NOT NULL,
    PRIMARY KEY (doc_id, ordinal)
);

-- Events as named in each document (before cross-source merging).
CREATE TABLE IF NOT EXISTS event_mentions (
    id            INTEGER PRIMARY KEY,
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    passage       INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    quote         TEXT NOT NULL,
    kind          TEXT NOT NULL,
    name          TEXT NOT NULL,
    key           TEXT NOT NULL,
    start_date    TEXT,
    end_date      TEXT,
    precision     TEXT,
    year_inferred INTEGER NOT NULL DEFAULT 0,
    ambiguous     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS event_mentions_doc ON event_mentions(doc_id);

-- The merged timeline: one row per real event; rebuilt from event_mentions.
CREATE TABLE IF NOT EXISTS events (
    id                TEXT PRIMARY KEY,
    kind              TEXT NOT NULL,
    name              TEXT NOT NULL,
    key               TEXT NOT NULL,
    start             TEXT,
    "end"             TEXT,
    precision         TEXT,
    year_inferred     INTEGER NOT NULL DEFAULT 0,
    n_sources         INTEGER NOT NULL,
    conflicting_dates TEXT            -- JSON list, NULL when the sources agree
);
CREATE INDEX IF NOT EXISTS events_start ON events(start);
CREATE INDEX IF NOT EXISTS events_kind ON events(kind);

CREATE TABLE IF NOT EXISTS event_sources (
    event_id      TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_id        TEXT NOT NULL,
    passage       INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    quote         TEXT NOT NULL,
    start_date    TEXT,
    end_date      TEXT,
    precision     TEXT,
    year_inferred INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS event_sources_event ON event_sources(event_id);
CREATE INDEX IF NOT EXISTS event_sources_doc ON event_sources(doc_id);

-- Automatic summaries: role 'summary' (document summary) or 'gist' (passage gist).
CREATE TABLE IF NOT EXISTS summary_sentences (
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    role    TEXT NOT NULL,
    rank    INTEGER NOT NULL,
    passage INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT NOT NULL,
    trimmed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_id, role, rank)
);

-- The user's own summaries. Never written by import, extraction or re-index.
-- written_for_hash: the content hash of the text the user summarized; when the document's text
-- changes on re-import the row is kept and shows as written for an earlier version.
CREATE TABLE IF NOT EXISTS user_summaries (
    doc_id           TEXT PRIMARY KEY,
    text             TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    written_for_hash TEXT
);
