-- Schema version 4: indexes that keep the cost of fusing a new report flat however big the store.
-- Where and when each stored report's event could have happened, copied out of its record, so
-- that fusion finds the stored events a new report may belong to by country, kind, days and place
-- (the few candidates whose reports it then reads) instead of reading every report of the weeks
-- around a batch; and each article signature's band keys, so that candidate copies are found
-- without reading every signature. Version 3 stores get both filled by schema.py in the same
-- transaction.
--   day_first, day_last  the first and last day the event may have been on (its date widened by
--                        the date's precision and by a night's spill); NULL when undated
--   iso3 ... longitude   its place (NULL when the report has none); unlisted: a village the
--                        gazetteer lacks, coded to its country

ALTER TABLE mentions ADD COLUMN IF NOT EXISTS sub_event_type VARCHAR;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS day_first DATE;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS day_last DATE;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS iso3 VARCHAR;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS admin1 VARCHAR;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS geo_precision INTEGER;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS geonameid BIGINT;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS place_name VARCHAR;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS latitude DOUBLE;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS longitude DOUBLE;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS unlisted BOOLEAN;

-- Each stored article signature in bands (rows.SIGNATURE_BANDS), one key per band: articles that
-- share a key are candidate copies of one another.
CREATE TABLE IF NOT EXISTS signature_bands (
    article_id VARCHAR NOT NULL,
    band_key BIGINT NOT NULL
);
