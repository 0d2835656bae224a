-- Escalations by the SOP table, exactly (issue 12).
--
-- 1. A report attached to an area incident has no clock of its own: the
--    incident carries it (no crew of its own is the rule), and a report
--    closed by the incident's restore was answered by that one repair. Such
--    tickets (incident_id set: attached, or restored) get NULL outcomes, like
--    rejected ones: never escalated, never counted as breaches.
-- 2. A raised priority escalates again, at the new level: one escalation per
--    ticket, breach kind and level (was: per ticket and kind), and "escalated
--    to" is the highest level reached.
-- 3. Two more kinds: a repeat report after the re-report window (a new,
--    urgent ticket; seed 003), sent at once.

ALTER TYPE escalation_kind ADD VALUE IF NOT EXISTS 'repeat';

DROP INDEX escalations_breach_key;
CREATE UNIQUE INDEX escalations_breach_key ON escalations (ticket_id, kind, level) WHERE event_id IS NULL;

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
             (t.status <> 'rejected' AND t.incident_id IS NULL) AS clocked,
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

-- Repeat reports after the window: the scan looks for recent urgent tickets with a parent.
CREATE INDEX tickets_repeat_urgent_idx ON tickets (utility_id, received_at) WHERE urgent AND parent_ticket_id IS NOT NULL;
