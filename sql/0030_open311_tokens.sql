-- Open311 GeoReport v2: submissions that cannot become a ticket at once wait
-- here behind a token (the spec's GET tokens/{token}), for staff to place or
-- refuse: one placed only by an address (address_string / address_id, no
-- lat/long: the crew needs a position, and we do not geocode), or whose photo
-- is only a media_url on a host the utility does not fetch from (kept as a
-- link for staff to open). The submission is kept as received (personal data:
-- staff only), without the api_key.
CREATE TABLE open311_tokens (
  token          text PRIMARY KEY,                -- 128 random bits, base64url
  utility_id     bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  api_key_id     bigint NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
  submission     jsonb NOT NULL,
  waits_for      text NOT NULL CHECK (waits_for IN ('position', 'photo')),
  media_url      text,
  state          text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'accepted', 'refused')),
  ticket_id      bigint REFERENCES tickets(id) ON DELETE SET NULL,
  refused_reason text,
  decided_by     bigint REFERENCES staff_users(id),
  received_at    timestamptz NOT NULL,
  decided_at     timestamptz,
  CHECK ((state = 'queued') = (decided_at IS NULL)),
  CHECK (state <> 'accepted' OR ticket_id IS NOT NULL)
);
CREATE INDEX open311_tokens_queue_idx ON open311_tokens (utility_id, received_at) WHERE state = 'queued';

-- FixMyStreet's servicerequestupdates extension lists a utility's ticket
-- steps by time (start_date .. end_date): served from this index.
CREATE INDEX IF NOT EXISTS ticket_events_utility_at_idx ON ticket_events (utility_id, at, id);
