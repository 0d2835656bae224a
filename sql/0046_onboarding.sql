-- Issue 15: a utility created from nothing (npm run utility -- create, or the
-- server operator's API) and set up by its own admin.

-- A new utility has no service area until its admin imports one; until then
-- every report is outside it (ST_Covers(NULL, ...) is not true).
ALTER TABLE utilities ALTER COLUMN service_area DROP NOT NULL;

-- The Open311 jurisdiction_id when it is not the code (e.g. 'parepare.pdam.go.id');
-- lookups by jurisdiction match either.
ALTER TABLE utilities ADD COLUMN jurisdiction_id text UNIQUE;

-- A password someone else set (the first admin's, a reset): the account may
-- only change it (and read who it is, log out) until it does.
ALTER TABLE staff_users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Who changed a utility's set-up, when, and what: every write of the setup
-- API and the platform commands. A staff account that appears here cannot be
-- deleted (the key has no ON DELETE): deactivate it instead.
CREATE TABLE audit_log (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id   bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  actor_id     bigint,                       -- the staff account; null: the server operator (CLI or platform API)
  actor_kind   text NOT NULL CHECK (actor_kind IN ('staff', 'platform')),
  action       text NOT NULL,                -- 'utility.create', 'crew.update', 'staff.reset_password', ...
  object_type  text NOT NULL,
  object_id    bigint,
  details      jsonb NOT NULL DEFAULT '{}'::jsonb,
  at           timestamptz NOT NULL,
  FOREIGN KEY (utility_id, actor_id) REFERENCES staff_users (utility_id, id),
  CHECK ((actor_kind = 'staff') = (actor_id IS NOT NULL))
);
CREATE INDEX audit_log_utility_idx ON audit_log (utility_id, at DESC);
