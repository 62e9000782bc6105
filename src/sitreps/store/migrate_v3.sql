-- Schema version 3: period statistics as claims, kept apart from events ("more than 1,200
-- people killed by armed groups in Burkina Faso in 2023, according to a monitoring group").

CREATE TABLE IF NOT EXISTS claims (
    claim_id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    url VARCHAR,
    publisher VARCHAR,
    published DATE,
    claimant VARCHAR,
    subject_text VARCHAR NOT NULL,
    measure VARCHAR NOT NULL,
    value BIGINT NOT NULL,
    qualifier VARCHAR NOT NULL,
    value_text VARCHAR NOT NULL,
    period_start DATE,
    period_end DATE,
    period_text VARCHAR NOT NULL,
    evidence VARCHAR NOT NULL,
    language VARCHAR NOT NULL,
    area_text VARCHAR NOT NULL,
    subject_actor VARCHAR NOT NULL,
    area VARCHAR NOT NULL,
    iso3 VARCHAR NOT NULL,
    admin1 VARCHAR NOT NULL,
    added_at TIMESTAMP NOT NULL
);
