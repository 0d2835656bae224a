-- One notification outbox for every message, staff or citizen (issue 12).
--
-- notification_events: what happened and who should hear of it (a reporter, a
-- staff role, or one staff member), written in the transaction of the change
-- that causes it (the ticket writer's hook, the escalation scan, incidents).
-- The worker fans each event out into deliveries, one per channel and
-- recipient (UNIQUE: a second fan-out of the same event writes nothing), and
-- delivers them with retries and back-off under a lease claimed FOR UPDATE
-- SKIP LOCKED, logging every attempt.

CREATE TYPE notification_channel AS ENUM ('inbox', 'email', 'whatsapp', 'sms');
CREATE TYPE notification_status AS ENUM ('pending', 'delivered', 'failed', 'skipped');

CREATE TABLE notification_events (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id     bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  ticket_id      bigint REFERENCES tickets(id) ON DELETE CASCADE,
  incident_id    bigint REFERENCES incidents(id) ON DELETE CASCADE,
  kind           text NOT NULL,                   -- ticket.received, escalation.respond, incident.overdue, ...
  audience       text NOT NULL CHECK (audience IN ('reporter', 'staff')),
  role           staff_role,                      -- staff: every active holder of the role (NULL: the utility's setting for the kind)
  user_id        bigint REFERENCES staff_users(id) ON DELETE CASCADE, -- staff: one person instead
  level          smallint NOT NULL DEFAULT 0,     -- escalation level (1 Kasie, 2 Kabag, 3 Direktur); 0 otherwise
  urgent         boolean NOT NULL DEFAULT false,  -- urgent messages ignore quiet hours and digests
  source_key     text,                            -- the cause, when it may be seen twice (escalation:12)
  data           jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at     timestamptz NOT NULL,
  fanned_out_at  timestamptz,
  UNIQUE (utility_id, source_key)
);
CREATE INDEX notification_events_pending_idx ON notification_events (utility_id, id) WHERE fanned_out_at IS NULL;
CREATE INDEX notification_events_ticket_idx ON notification_events (ticket_id) WHERE ticket_id IS NOT NULL;

CREATE TABLE notification_deliveries (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id      bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  event_id        bigint NOT NULL REFERENCES notification_events(id) ON DELETE CASCADE,
  channel         notification_channel NOT NULL,
  recipient       text NOT NULL,                   -- user:12 (inbox), +62..., name@example.org
  user_id         bigint REFERENCES staff_users(id) ON DELETE CASCADE,
  reporter_id     bigint REFERENCES reporters(id) ON DELETE CASCADE,
  lang            text NOT NULL DEFAULT 'id' CHECK (lang IN ('id', 'en')),
  subject         text,
  body            text NOT NULL,
  alt_text        jsonb,                           -- the other language ({"subject","body"}): the inbox keeps English beside Bahasa
  digest          text CHECK (digest IN ('hourly', 'daily')), -- gathered with the recipient's others at next_attempt_at
  status          notification_status NOT NULL DEFAULT 'pending',
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until     timestamptz,                     -- a worker holds it until then (a crash lets it go)
  delivered_at    timestamptz,
  provider_ref    text,                            -- the provider's message id
  last_error      text,
  created_at      timestamptz NOT NULL,
  UNIQUE (event_id, channel, recipient)
);
CREATE INDEX notification_deliveries_due_idx ON notification_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_deliveries_utility_idx ON notification_deliveries (utility_id, created_at DESC);
CREATE INDEX notification_deliveries_failed_idx ON notification_deliveries (utility_id, created_at DESC) WHERE status = 'failed';

-- The delivery log: every attempt.
CREATE TABLE notification_attempts (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id      bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  delivery_id     bigint NOT NULL REFERENCES notification_deliveries(id) ON DELETE CASCADE,
  attempt         integer NOT NULL,
  at              timestamptz NOT NULL,
  ok              boolean NOT NULL,
  error           text,
  provider_ref    text,
  duration_ms     integer NOT NULL,
  UNIQUE (delivery_id, attempt)
);

-- Message texts per event and language, edited by the admin; the defaults live in
-- server/core/domain/messages.ts and a row here overrides one.
CREATE TABLE notification_templates (
  utility_id      bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  kind            text NOT NULL,
  lang            text NOT NULL CHECK (lang IN ('id', 'en')),
  subject         text NOT NULL,
  body            text NOT NULL,
  updated_by      bigint REFERENCES staff_users(id) ON DELETE SET NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (utility_id, kind, lang)
);

-- How the utility reaches people: one provider per channel, its settings
-- (secrets included) readable only by the worker; the API shows them masked.
CREATE TABLE notification_channels (
  utility_id      bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  channel         notification_channel NOT NULL CHECK (channel <> 'inbox'),
  provider        text NOT NULL CHECK (provider IN ('smtp', 'whatsapp_cloud', 'http_gateway')),
  config          jsonb NOT NULL,
  active          boolean NOT NULL DEFAULT true,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (utility_id, channel)
);

-- What a reporter wants: a channel, a language, an e-mail address, or nothing more (opt-out by reply keyword).
ALTER TABLE reporters
  ADD COLUMN email text,
  ADD COLUMN preferred_channel notification_channel CHECK (preferred_channel <> 'inbox'),
  ADD COLUMN language text NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
  ADD COLUMN opted_out_at timestamptz;

-- An inbox item delivered from the outbox names its delivery (one item per delivery).
ALTER TABLE notifications ADD COLUMN delivery_id bigint UNIQUE REFERENCES notification_deliveries(id) ON DELETE SET NULL;
