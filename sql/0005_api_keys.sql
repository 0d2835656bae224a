-- Open311 GeoReport v2: API keys of the apps and partner systems that submit
-- service requests, and which key submitted which ticket. Keys are shown once
-- at creation and stored only as their SHA-256 (they are 256-bit random
-- strings, so a plain digest is enough; no salt or slow hash needed).
-- Every row is keyed by its utility (the Open311 jurisdiction_id).

CREATE TABLE api_keys (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id     bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  name           text NOT NULL,                   -- who holds it: "Aplikasi Lapor Kota", "PDAM Gowa"
  key_hash       text NOT NULL UNIQUE,            -- sha256 hex of the key
  key_prefix     text NOT NULL,                   -- first characters, to recognise a key in a list
  revoked        boolean NOT NULL DEFAULT false,
  revoked_at     timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_used_at   timestamptz,
  UNIQUE (utility_id, name),
  CHECK (revoked = (revoked_at IS NOT NULL))
);

-- The Open311 provenance of a ticket: the key that submitted it and the
-- client's own account id. The reporter's e-mail and device id are not kept.
CREATE TABLE api_submissions (
  ticket_id      bigint PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
  utility_id     bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  api_key_id     bigint NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
  account_id     text,
  at             timestamptz NOT NULL
);
CREATE INDEX api_submissions_key_idx ON api_submissions (api_key_id, at);
