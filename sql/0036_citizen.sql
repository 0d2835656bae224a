-- The citizen's side (issue 13): first-contact answers, follow-ups, unblocking,
-- satisfaction ratings (IKM) and the service charter.

-- Tickets with no SLA clock: rejected, and now merged (counted on the open
-- ticket), answered and forwarded (closed at first contact). The function of
-- 0021 (no clock for incident-attached reports; highest escalation level) with
-- the unclocked statuses added; its TypeScript twin is
-- core/domain/sla.ts ticketSlaOutcomeOf (unclockedStatuses). Compared as text:
-- the migrations run in one transaction, and PostgreSQL refuses enum values
-- added in it (0035) until it commits.
CREATE OR REPLACE FUNCTION ticket_sla_outcomes(
  p_utility_id bigint,
  p_now timestamptz,
  p_untriaged_respond_minutes integer,
  p_untriaged_resolve_minutes integer
)
RETURNS TABLE (
  ticket_id                 bigint,
  utility_id                bigint,
  number                    text,
  source                    ticket_source,
  category                  ticket_category,
  region_id                 bigint,
  crew_id                   bigint,
  status                    ticket_status,
  priority                  ticket_priority,
  received_at               timestamptz,
  respond_due_at            timestamptz,
  resolve_due_at            timestamptz,
  responded_at              timestamptz,
  resolved_at               timestamptz,
  respond_outcome           text,
  resolve_outcome           text,
  respond_escalated_to      staff_role,
  respond_escalation_level  smallint,
  resolve_escalated_to      staff_role,
  resolve_escalation_level  smallint
)
LANGUAGE sql STABLE
AS $$
  SELECT f.id, f.utility_id, f.number, f.source, f.category, f.region_id, f.crew_id, f.status, f.priority, f.received_at,
         f.respond_due, f.resolve_due, f.responded, f.resolved,
         CASE WHEN f.clocked THEN sla_target_outcome(f.respond_due, f.responded, p_now) END,
         CASE WHEN f.clocked THEN sla_target_outcome(f.resolve_due, f.resolved, p_now) END,
         esc.respond_role, esc.respond_level, esc.resolve_role, esc.resolve_level
    FROM (
      SELECT t.id, t.utility_id, t.number, t.source, t.category, t.region_id, t.crew_id, t.status, t.priority, t.received_at,
             (t.status::text NOT IN ('rejected', 'merged', 'answered', 'forwarded') AND t.incident_id IS NULL) AS clocked,
             COALESCE(t.respond_due_at, t.received_at + p_untriaged_respond_minutes * interval '1 minute') AS respond_due,
             COALESCE(t.resolve_due_at, t.received_at + p_untriaged_resolve_minutes * interval '1 minute') AS resolve_due,
             COALESCE(fa.first_at, t.assigned_at) AS responded,
             COALESCE(t.fixed_at, CASE WHEN t.status = 'closed' THEN t.closed_at END) AS resolved
        FROM tickets t
        LEFT JOIN LATERAL (SELECT min(e.at) AS first_at FROM ticket_events e WHERE e.ticket_id = t.id AND e.action = 'assign') fa ON true
       WHERE t.utility_id = p_utility_id
    ) f
    -- The highest level each target was escalated to (a raised priority escalates again, higher).
    LEFT JOIN LATERAL (
      SELECT (array_agg(x.role ORDER BY x.level DESC) FILTER (WHERE x.kind = 'respond'))[1] AS respond_role,
             max(x.level) FILTER (WHERE x.kind = 'respond') AS respond_level,
             (array_agg(x.role ORDER BY x.level DESC) FILTER (WHERE x.kind = 'resolve'))[1] AS resolve_role,
             max(x.level) FILTER (WHERE x.kind = 'resolve') AS resolve_level
        FROM escalations x
       WHERE x.ticket_id = f.id AND x.kind IN ('respond', 'resolve')
    ) esc ON true
$$;

-- The short knowledge base of standard answers the admin keeps (seed 001:
-- "if staff can answer on the spot and the customer accepts, it is done").
CREATE TABLE standard_answers (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id  bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  category    ticket_category,               -- NULL: any category
  title_id    text NOT NULL,
  title_en    text NOT NULL,
  answer_id   text NOT NULL,                 -- what the operator tells the caller, Bahasa Indonesia
  answer_en   text NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);
CREATE INDEX standard_answers_utility_idx ON standard_answers (utility_id) WHERE active;

ALTER TABLE tickets
  ADD COLUMN answer_id     bigint REFERENCES standard_answers(id),
  ADD COLUMN answer_text   text,              -- the answer given at first contact (or with the forwarding)
  ADD COLUMN forwarded_to  text;              -- the unit a forwarded complaint went to

-- Blocking and unblocking a reporter, with the reason: the reporter's audit trail.
CREATE TABLE reporter_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id   bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  reporter_id  bigint NOT NULL REFERENCES reporters(id) ON DELETE CASCADE,
  action       text NOT NULL CHECK (action IN ('block', 'unblock')),
  reason       text NOT NULL,
  ticket_id    bigint REFERENCES tickets(id) ON DELETE SET NULL,
  actor_id     bigint REFERENCES staff_users(id),
  at           timestamptz NOT NULL
);
CREATE INDEX reporter_events_reporter_idx ON reporter_events (reporter_id, at);

-- The key that signs a utility's reporter links (receipt follow-up, rating):
-- in the database, so every instance signs and checks alike.
CREATE TABLE link_keys (
  utility_id  bigint PRIMARY KEY REFERENCES utilities(id) ON DELETE CASCADE,
  secret      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- One satisfaction rating per closed ticket (IKM scale 1-4, Kep MenPAN 25/2004).
CREATE TABLE ratings (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id  bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  ticket_id   bigint NOT NULL UNIQUE REFERENCES tickets(id) ON DELETE CASCADE,
  score       smallint NOT NULL CHECK (score BETWEEN 1 AND 4),
  elements    jsonb NOT NULL DEFAULT '{}'::jsonb,  -- optional element scores, e.g. {"speed": 3}
  comment     text,
  region_id   bigint REFERENCES service_regions(id) ON DELETE SET NULL, -- the ticket's, at rating time
  crew_id     bigint REFERENCES crews(id) ON DELETE SET NULL,
  rated_at    timestamptz NOT NULL
);
CREATE INDEX ratings_month_idx ON ratings (utility_id, rated_at);

-- The service charter's texts (Maklumat Pelayanan), edited by the admin.
CREATE TABLE charters (
  utility_id  bigint PRIMARY KEY REFERENCES utilities(id) ON DELETE CASCADE,
  texts       jsonb NOT NULL,
  updated_by  bigint REFERENCES staff_users(id),
  updated_at  timestamptz NOT NULL
);
