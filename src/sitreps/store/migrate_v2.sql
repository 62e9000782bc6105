-- Schema version 2: the resolved mentions behind each event (so fusion can place a new report
-- in a stored event and rebuild "what we knew on date D"), article signatures for copy
-- detection, analyst overrides, and the copy link of each source. Applied to version 1 stores
-- and, after schema.sql, to new ones.

-- Each report's resolved mention, the event it belongs to and when it arrived. `record` is the
-- mention as JSON; `copy_of` names the document it copies ('' for an original).
CREATE TABLE IF NOT EXISTS mentions (
    mention_id VARCHAR PRIMARY KEY,
    event_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    event_date DATE,
    copy_of VARCHAR NOT NULL,
    added_at TIMESTAMP NOT NULL,
    record VARCHAR NOT NULL
);

-- MinHash signature of each stored article; `original_document` is the document it copies, or
-- its own document.
CREATE TABLE IF NOT EXISTS article_signatures (
    article_id VARCHAR PRIMARY KEY,
    document_id VARCHAR NOT NULL,
    original_document VARCHAR NOT NULL,
    signature UINTEGER[] NOT NULL
);

-- `sitreps merge` and `sitreps split`, in the order given: kind 'merge' (event_ids merged into
-- the first) or 'split' (mention_ids moved out of event_ids[0] into event_ids[1]).
CREATE TABLE IF NOT EXISTS overrides (
    override_id INTEGER PRIMARY KEY,
    kind VARCHAR NOT NULL,
    event_ids VARCHAR[] NOT NULL,
    mention_ids VARCHAR[] NOT NULL,
    created_at TIMESTAMP NOT NULL
);

ALTER TABLE sources ADD COLUMN IF NOT EXISTS copy_of VARCHAR DEFAULT '';
