-- The orphan photo sweep (npm run photos:sweep) asks which stored keys a photo row still names.
CREATE INDEX IF NOT EXISTS photos_stored_path_idx ON photos (stored_path);
