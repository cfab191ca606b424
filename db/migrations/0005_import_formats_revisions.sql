-- Schema version 5: what researchers collect (PDF pages, authors, pages and feeds from the web),
-- re-sent stories (near-duplicates) and every revision of a changed article.
--   passages.page         the page of the original (PDF) the passage starts on; NULL otherwise
--   documents.author      the author named by the file or page metadata
--   documents.fetched_at  when the text was fetched from documents.url (web imports)
--   documents.source_id   the source's own id of the article (a feed entry's id, a JSON "id")
--   documents.removed_at  when a re-fetch found that the source no longer offers it (NULL: it
--                         does, or it was never fetched)
-- Earlier revisions: document_versions holds every text a document had before its current one
-- (documents keeps one row per document: the current revision, the only one indexed), now with
-- the metadata of that revision.
ALTER TABLE passages ADD COLUMN page INTEGER;
ALTER TABLE documents ADD COLUMN author TEXT;
ALTER TABLE documents ADD COLUMN fetched_at TEXT;
ALTER TABLE documents ADD COLUMN source_id TEXT;
ALTER TABLE documents ADD COLUMN removed_at TEXT;
CREATE INDEX IF NOT EXISTS documents_url ON documents(url);
ALTER TABLE document_versions ADD COLUMN url TEXT;
ALTER TABLE document_versions ADD COLUMN source TEXT;
ALTER TABLE document_versions ADD COLUMN date TEXT;
ALTER TABLE document_versions ADD COLUMN imported_at TEXT;
ALTER TABLE document_versions ADD COLUMN fetched_at TEXT;
CREATE INDEX IF NOT EXISTS document_versions_doc ON document_versions(doc_id);

-- Re-sent stories. doc_signatures: each document's MinHash signature (derived; rebuilt from the
-- text). near_duplicates: pairs of documents found to be the same story (doc_id < other_id),
-- with their estimated similarity (Jaccard of word 5-shingles). A group is a connected set of
-- pairs, less the pairs the user split apart (corrections: target_type 'document', action
-- 'separate'). events.n_independent: the event's sources counting each group once.
CREATE TABLE IF NOT EXISTS doc_signatures (
    doc_id    TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    signature BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS near_duplicates (
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    other_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    PRIMARY KEY (doc_id, other_id)
);
CREATE INDEX IF NOT EXISTS near_duplicates_other ON near_duplicates(other_id);
ALTER TABLE events ADD COLUMN n_independent INTEGER;
