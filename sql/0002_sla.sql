-- The SLA clock's consequences: escalations, the in-app inbox, outbound
-- webhooks (outbox + delivery log), the incentive-points ledger, the Kabag's
-- explanations for tickets pending over 24 h, and indexes for the reports.
-- Every row is keyed by its utility. Exactly-once is a property of the keys:
-- whoever inserts the escalation row first owns its notifications.

CREATE TYPE escalation_kind AS ENUM ('respond', 'resolve', 'heavy_equipment');

CREATE TABLE escalations (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id     bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  ticket_id      bigint NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  kind           escalation_kind NOT NULL,
  -- The crew's "needs heavy equipment" event; NULL for SLA breaches.
  event_id       bigint REFERENCES ticket_events(id) ON DELETE CASCADE,
  priority       ticket_priority,                 -- at detection; NULL: not yet triaged (Normal targets apply)
  level          smallint NOT NULL,               -- 1 Kepala Seksi, 2 Kabag Distribusi, 3 Direktur Teknik
  role           staff_role NOT NULL,             -- who receives it
  due_at         timestamptz NOT NULL,            -- when the target was missed (the crew's escalation time for heavy equipment)
  met_at         timestamptz,                     -- set when the breach was found after the late response or fix
  detected_at    timestamptz NOT NULL,            -- worker clock
  CHECK ((kind = 'heavy_equipment') = (event_id IS NOT NULL))
);
-- One escalation per SLA breach of a ticket, one per crew escalation event.
CREATE UNIQUE INDEX escalations_breach_key ON escalations (ticket_id, kind) WHERE kind <> 'heavy_equipment';
CREATE UNIQUE INDEX escalations_event_key ON escalations (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX escalations_utility_idx ON escalations (utility_id, detected_at);

-- The in-app inbox: one row per holder of the role at the time of the escalation.
CREATE TABLE notifications (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id     bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  user_id        bigint NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  escalation_id  bigint REFERENCES escalations(id) ON DELETE CASCADE,
  ticket_id      bigint REFERENCES tickets(id) ON DELETE CASCADE,
  kind           text NOT NULL,                   -- escalation.respond, escalation.resolve, escalation.heavy_equipment
  title          text NOT NULL,
  body           text NOT NULL,
  data           jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at     timestamptz NOT NULL,
  read_at        timestamptz,
  UNIQUE (escalation_id, user_id)
);
CREATE INDEX notifications_inbox_idx ON notifications (user_id, created_at DESC);

-- Outbound webhooks, per utility. The secret signs each body (HMAC-SHA256).
CREATE TABLE webhooks (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id     bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  url            text NOT NULL,
  secret         text NOT NULL,
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (utility_id, url)
);

CREATE TYPE delivery_status AS ENUM ('pending', 'delivered', 'failed');

-- The outbox: one delivery per (webhook, escalation), written in the
-- escalation's transaction; the worker claims due rows with SKIP LOCKED.
CREATE TABLE webhook_deliveries (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id      bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  webhook_id      bigint NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  escalation_id   bigint REFERENCES escalations(id) ON DELETE CASCADE,
  event_type      text NOT NULL,
  payload         jsonb NOT NULL,
  status          delivery_status NOT NULL DEFAULT 'pending',
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_attempt_at timestamptz,
  delivered_at    timestamptz,
  last_status     integer,
  last_error      text,
  created_at      timestamptz NOT NULL,
  UNIQUE (webhook_id, escalation_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';

-- The delivery log: every attempt, successful or not.
CREATE TABLE webhook_attempts (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id      bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  delivery_id     bigint NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
  attempt         integer NOT NULL,
  at              timestamptz NOT NULL,
  http_status     integer,                         -- NULL: no answer (refused, timeout)
  error           text,
  duration_ms     integer NOT NULL,
  UNIQUE (delivery_id, attempt)
);

-- Which worker is scanning which utility: rows are locked FOR UPDATE SKIP LOCKED
-- so two workers share the utilities instead of scanning the same one.
CREATE TABLE job_runs (
  utility_id      bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  job             text NOT NULL,
  last_run_at     timestamptz,
  last_result     jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (utility_id, job)
);

CREATE TYPE points_entry AS ENUM ('credit', 'reversal');

-- Incentive points. A close credits the crew (one row, keyed by the close
-- event); a repeat report takes them back with one reversal row that points at
-- the credit it cancels. A crew's points are the sum of its rows.
CREATE TABLE points_ledger (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id      bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  crew_id         bigint NOT NULL REFERENCES crews(id) ON DELETE CASCADE,
  ticket_id       bigint NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  entry           points_entry NOT NULL,
  points          integer NOT NULL,
  priority        ticket_priority NOT NULL,
  close_event_id  bigint UNIQUE REFERENCES ticket_events(id) ON DELETE CASCADE,
  reverses_id     bigint UNIQUE REFERENCES points_ledger(id) ON DELETE CASCADE,
  reason          text,
  at              timestamptz NOT NULL,
  CHECK ((entry = 'credit') = (close_event_id IS NOT NULL)),
  CHECK ((entry = 'reversal') = (reverses_id IS NOT NULL)),
  CHECK ((entry = 'credit' AND points >= 0) OR (entry = 'reversal' AND points <= 0))
);
CREATE INDEX points_ledger_month_idx ON points_ledger (utility_id, at);
CREATE INDEX points_ledger_ticket_idx ON points_ledger (ticket_id);

-- The Kabag's explanation of a ticket pending over 24 h (directors' meeting).
CREATE TABLE pending_explanations (
  utility_id      bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  ticket_id       bigint PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
  explanation     text NOT NULL,
  explained_by    bigint NOT NULL REFERENCES staff_users(id),
  explained_at    timestamptz NOT NULL
);
CREATE INDEX pending_explanations_utility_idx ON pending_explanations (utility_id);

-- Reports: events by kind and time (crew escalations, closes, fixes, returns).
CREATE INDEX ticket_events_action_idx ON ticket_events (utility_id, action, at);
-- Open tickets by age (pending list, escalation scan).
CREATE INDEX tickets_open_idx ON tickets (utility_id, received_at)
  WHERE status IN ('received', 'spk_issued', 'assigned', 'on_site', 'escalated');
-- Heatmap: the window scan reads only the index.
CREATE INDEX tickets_heatmap_idx ON tickets (utility_id, received_at) INCLUDE (h3_cell, priority, location);
