-- sitreps store, schema version 2 (version 1 stores are migrated by migrate_v2.sql).
-- Column names of `events` are the contract's field names (../docs/EVENTS.md) so that analysts can
-- query the file directly; `sources` holds one row per report, in the order fuse gave them.

CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL,
    applied_at TIMESTAMP NOT NULL
);

-- One row per distinct input content: the content hash is what makes ingest idempotent.
CREATE TABLE IF NOT EXISTS documents (
    content_hash VARCHAR PRIMARY KEY,
    document_id VARCHAR NOT NULL,
    path VARCHAR NOT NULL,
    url VARCHAR,
    title VARCHAR,
    published DATE,
    ingested_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY,
    document_id VARCHAR NOT NULL,
    title VARCHAR,
    publisher VARCHAR,
    published DATE,
    language VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    event_date DATE,
    time_precision INTEGER,
    disorder_type VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    sub_event_type VARCHAR NOT NULL,
    actor1 VARCHAR NOT NULL,
    actor2 VARCHAR NOT NULL,
    assoc_actor_1 VARCHAR NOT NULL,
    assoc_actor_2 VARCHAR NOT NULL,
    inter1 VARCHAR NOT NULL,
    inter2 VARCHAR NOT NULL,
    interaction VARCHAR NOT NULL,
    civilian_targeting BOOLEAN NOT NULL,
    iso3 VARCHAR NOT NULL,
    country VARCHAR NOT NULL,
    admin1 VARCHAR NOT NULL,
    admin2 VARCHAR NOT NULL,
    admin3 VARCHAR NOT NULL,
    location VARCHAR NOT NULL,
    latitude DOUBLE,
    longitude DOUBLE,
    geo_precision INTEGER,
    fatalities INTEGER NOT NULL,
    fatalities_low INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    notes VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    first_seen_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- `position` keeps each event's sources in the order they were reported and appended.
CREATE TABLE IF NOT EXISTS sources (
    event_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    mention_id VARCHAR NOT NULL,
    document VARCHAR NOT NULL,
    url VARCHAR,
    title VARCHAR,
    publisher VARCHAR,
    published DATE,
    evidence VARCHAR NOT NULL,
    claimant VARCHAR,
    fatalities INTEGER NOT NULL,
    event_date DATE,
    location VARCHAR NOT NULL,
    actor1 VARCHAR NOT NULL,
    actor2 VARCHAR NOT NULL,
    copy_of VARCHAR NOT NULL DEFAULT '',
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (event_id, position)
);

CREATE TABLE IF NOT EXISTS rejected (
    item_id VARCHAR NOT NULL,
    path VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    detail VARCHAR NOT NULL,
    rejected_at TIMESTAMP NOT NULL
);
