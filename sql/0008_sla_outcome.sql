-- The SLA outcome of a ticket, computed in one place for every SQL reader (the
-- management reports and the escalation scan). Its TypeScript twin is
-- ticketSlaOutcomeOf in server/core/domain/sla.ts; the test
-- tests/features/sla/outcome-agreement.test.ts drives a clock and checks that
-- the two agree on every field.
--
-- The rule (seed 000):
-- - Due times are the stored ones (set with the priority); before triage a
--   ticket is held to the Normal targets counted from intake. The Normal
--   minutes are the utility's resolved settings, passed in by the caller: the
--   defaults live in TypeScript only.
-- - Respond is met at the first assignment of a crew (the first 'assign'
--   event; the assigned_at stamp when no event was written). Resolve is met
--   while fixed (fixed_at), or by a close without a fix (an incident restored).
-- - A target is met when reached at or before its due time, breached when
--   reached late or unmet past due as of p_now, pending otherwise. Rejected
--   tickets have no clock (NULL outcomes).
-- - Escalated to: the role and level of the escalation the scan recorded for
--   the breach, if any.
--
-- A plain LANGUAGE sql STABLE function with one SELECT is inlined by the
-- planner, so a caller's WHERE (received_at window, status) reaches the
-- tickets scan and its indexes. It also returns the ticket columns the
-- reports group and list by (number, source, category, region, crew), so a
-- report does not join tickets to itself; "escalated to" is read once per
-- ticket for both targets (one lateral aggregate over its at most two breach
-- escalations), and a caller that reads none of those columns pays nothing
-- (the planner drops the lateral join).

CREATE FUNCTION sla_target_outcome(p_due_at timestamptz, p_met_at timestamptz, p_now timestamptz)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN p_met_at IS NOT NULL THEN CASE WHEN p_met_at <= p_due_at THEN 'met' ELSE 'breached' END
              WHEN p_now > p_due_at THEN 'breached'
              ELSE 'pending' END
$$;

CREATE FUNCTION ticket_sla_outcomes(
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
         CASE WHEN f.status <> 'rejected' THEN sla_target_outcome(f.respond_due, f.responded, p_now) END,
         CASE WHEN f.status <> 'rejected' THEN sla_target_outcome(f.resolve_due, f.resolved, p_now) END,
         esc.respond_role, esc.respond_level, esc.resolve_role, esc.resolve_level
    FROM (
      SELECT t.id, t.utility_id, t.number, t.source, t.category, t.region_id, t.crew_id, t.status, t.priority, t.received_at,
             COALESCE(t.respond_due_at, t.received_at + p_untriaged_respond_minutes * interval '1 minute') AS respond_due,
             COALESCE(t.resolve_due_at, t.received_at + p_untriaged_resolve_minutes * interval '1 minute') AS resolve_due,
             COALESCE(fa.first_at, t.assigned_at) AS responded,
             COALESCE(t.fixed_at, CASE WHEN t.status = 'closed' THEN t.closed_at END) AS resolved
        FROM tickets t
        -- LATERAL, not a scalar subquery: read once per ticket, though used twice.
        LEFT JOIN LATERAL (SELECT min(e.at) AS first_at FROM ticket_events e WHERE e.ticket_id = t.id AND e.action = 'assign') fa ON true
       WHERE t.utility_id = p_utility_id
    ) f
    -- One read of the ticket's escalations for both targets; dropped by the planner when no column of it is used.
    LEFT JOIN LATERAL (
      SELECT max(x.role) FILTER (WHERE x.kind = 'respond') AS respond_role,
             max(x.level) FILTER (WHERE x.kind = 'respond') AS respond_level,
             max(x.role) FILTER (WHERE x.kind = 'resolve') AS resolve_role,
             max(x.level) FILTER (WHERE x.kind = 'resolve') AS resolve_level
        FROM escalations x
       WHERE x.ticket_id = f.id AND x.kind <> 'heavy_equipment'
    ) esc ON true
$$;

-- The first assignment of each ticket, read by the function above for every
-- ticket it returns: one index probe instead of a walk over the ticket's events.
CREATE INDEX ticket_events_assign_idx ON ticket_events (ticket_id, at) WHERE action = 'assign';
