-- Photo analysis after the acknowledgment (issue 11, intake throughput): the
-- request stores the original and the row; the blur score, the EXIF position
-- and time and the thumbnail are measured afterwards, on the imaging threads.
-- A row with analysed_at NULL is pending: the durable marker that the process
-- that took the report, or any instance after a crash (startup, worker tick),
-- picks up. analysis_lease_until keeps two instances from analysing the same
-- photo at once (claimed with SKIP LOCKED; an expired lease is a dead claim).
ALTER TABLE photos ALTER COLUMN blur_score DROP NOT NULL;
ALTER TABLE photos ADD COLUMN analysed_at timestamptz;
ALTER TABLE photos ADD COLUMN analysis_lease_until timestamptz;
-- 'damaged': the header was readable but the pixels were not (the photo is then treated as blurred).
ALTER TABLE photos ADD COLUMN analysis_error text;
UPDATE photos SET analysed_at = created_at WHERE analysed_at IS NULL;
CREATE INDEX photos_pending_analysis_idx ON photos (id) WHERE analysed_at IS NULL;
