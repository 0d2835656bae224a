-- Idempotency keys for report intake: a phone on a bad network may send the
-- same report twice; the second answer repeats the first instead of making a
-- second ticket.
CREATE TABLE idempotency_keys (
  utility_id    bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  key           text NOT NULL,
  request_hash  text NOT NULL,
  status_code   integer,                 -- NULL while the first request is being processed
  response      jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (utility_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
