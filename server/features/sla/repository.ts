import type { Runner, Tx } from '../../platform/db/knex.js';
import { latLonOf } from '../../platform/db/geo.js';
import type { Priority, Role, TicketStatus } from '../../core/domain/tickets.js';
import type { EscalationKind, SlaOutcome } from '../../core/domain/sla.js';

/**
 * The escalation scan's SQL. Breaches are read from ticket_sla_outcomes
 * (sql/0008_sla_outcome.sql), the same function the SLA report reads, so the
 * two cannot disagree on which target of which ticket was breached.
 */

/** A ticket with an SLA breach not escalated yet, as ticket_sla_outcomes sees it. */
export interface UnescalatedBreachRow {
  ticket_id: number;
  priority: Priority | null;
  respond_due_at: Date;
  resolve_due_at: Date;
  responded_at: Date | null;
  resolved_at: Date | null;
  respond_outcome: SlaOutcome | null;
  resolve_outcome: SlaOutcome | null;
  respond_escalated_to: Role | null;
  resolve_escalated_to: Role | null;
  respond_escalation_level: number | null;
  resolve_escalation_level: number | null;
}

/**
 * Tickets with a breached target, among those that can still need an
 * escalation: open tickets, and fixed ones received since `recentFrom` (a
 * target met late is escalated only within the lookback). Closed, rejected and
 * incident-attached tickets never do. Returned with the level each target was
 * escalated to so far: a raised priority escalates again, higher (the caller
 * decides, by the ticket's level now).
 */
export async function unescalatedBreaches(
  db: Runner,
  q: { utilityId: number; now: Date; untriaged: { respondMinutes: number; resolveMinutes: number }; openStatuses: readonly TicketStatus[]; recentFrom: Date },
): Promise<UnescalatedBreachRow[]> {
  const { rows } = await db.raw(
    `SELECT o.ticket_id, o.priority, o.respond_due_at, o.resolve_due_at, o.responded_at, o.resolved_at,
            o.respond_outcome, o.resolve_outcome, o.respond_escalated_to, o.resolve_escalated_to,
            o.respond_escalation_level, o.resolve_escalation_level
       FROM ticket_sla_outcomes(?, ?, ?, ?) o
      WHERE o.received_at <= ?
        AND (o.status = ANY(?::ticket_status[]) OR (o.received_at >= ? AND o.status = 'fixed'))
        AND (o.respond_outcome = 'breached' OR o.resolve_outcome = 'breached')
        AND (o.respond_escalation_level IS NULL OR o.resolve_escalation_level IS NULL OR o.respond_escalation_level < 3 OR o.resolve_escalation_level < 3)
      ORDER BY o.ticket_id`,
    [q.utilityId, q.now, q.untriaged.respondMinutes, q.untriaged.resolveMinutes, q.now, `{${q.openStatuses.join(',')}}`, q.recentFrom],
  );
  return rows;
}

/** New urgent tickets from a repeat report after the window, received in [from, to], not escalated yet. */
export async function unescalatedRepeatTickets(db: Runner, utilityId: number, from: Date, to: Date) {
  const { rows } = await db.raw(
    `SELECT t.id AS ticket_id, t.received_at, t.priority, p.number AS previous
       FROM tickets t JOIN tickets p ON p.id = t.parent_ticket_id
      WHERE t.utility_id = ? AND t.urgent AND t.received_at >= ? AND t.received_at <= ?
        AND t.status NOT IN ('rejected', 'closed')
        AND NOT EXISTS (SELECT 1 FROM escalations x WHERE x.ticket_id = t.id AND x.kind = 'repeat')
      ORDER BY t.id`,
    [utilityId, from, to],
  );
  return rows as { ticket_id: number; received_at: Date; priority: Priority | null; previous: string }[];
}

/** Open area incidents whose estimated restore time passed within [from, to]. */
export async function overdueIncidents(db: Runner, utilityId: number, from: Date, to: Date) {
  const { rows } = await db.raw(
    `SELECT id, title, estimated_restore_at FROM incidents
      WHERE utility_id = ? AND status <> 'restored' AND estimated_restore_at >= ? AND estimated_restore_at < ?
      ORDER BY id`,
    [utilityId, from, to],
  );
  return rows as { id: number; title: string; estimated_restore_at: Date }[];
}

/** Crews' "needs heavy equipment" events in [from, to] not escalated yet. */
export async function unescalatedCrewEvents(db: Runner, utilityId: number, from: Date, to: Date) {
  const { rows } = await db.raw(
    `SELECT e.id, e.ticket_id, e.at, e.note, t.priority
       FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
      WHERE e.utility_id = ? AND e.action = 'escalate' AND e.at >= ? AND e.at <= ?
        AND NOT EXISTS (SELECT 1 FROM escalations x WHERE x.event_id = e.id)
      ORDER BY e.id`,
    [utilityId, from, to],
  );
  return rows as { id: number; ticket_id: number; at: Date; note: string | null; priority: Priority | null }[];
}

export interface EscalationRow {
  utilityId: number;
  ticketId: number;
  kind: EscalationKind;
  /** The crew's event for heavy equipment; null for an SLA breach. */
  eventId: number | null;
  priority: Priority | null;
  level: number;
  role: Role;
  dueAt: Date;
  metAt: Date | null;
  detectedAt: Date;
}

/**
 * Inserts the escalation unless one exists for the same breach (ticket, kind,
 * level) or crew event; returns the new id, or null when another scan got there first.
 */
export async function insertEscalation(tx: Tx, e: EscalationRow): Promise<number | null> {
  const conflict = e.eventId === null ? `(ticket_id, kind, level) WHERE event_id IS NULL` : `(event_id) WHERE event_id IS NOT NULL`;
  const { rows } = await tx.raw(
    `INSERT INTO escalations (utility_id, ticket_id, kind, event_id, priority, level, role, due_at, met_at, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT ${conflict} DO NOTHING
     RETURNING id`,
    [e.utilityId, e.ticketId, e.kind, e.eventId, e.priority, e.level, e.role, e.dueAt, e.metAt, e.detectedAt],
  );
  return rows.length ? (rows[0].id as number) : null;
}

/** What an escalation's notification and webhook say about its ticket. */
export interface EscalatedTicket {
  id: number;
  number: string;
  status: TicketStatus;
  priority: Priority | null;
  received_at: Date;
  address: string | null;
  region: string | null;
  crew: string | null;
  lat: number;
  lon: number;
}

export async function escalatedTicket(db: Runner, ticketId: number): Promise<EscalatedTicket> {
  return db('tickets as t')
    .leftJoin('service_regions as r', 'r.id', 't.region_id')
    .leftJoin('crews as c', 'c.id', 't.crew_id')
    .where('t.id', ticketId)
    .first('t.id', 't.number', 't.status', 't.priority', 't.received_at', 't.address', 'r.name as region', 'c.name as crew', ...latLonOf(db, 't.location'));
}

/** The active staff holding the role in the utility: who an escalation to that role reaches. */
export async function activeHolderIds(db: Runner, utilityId: number, role: Role): Promise<number[]> {
  const rows = await db('staff_users').where({ utility_id: utilityId, role, active: true }).select('id');
  return rows.map((r) => r.id as number);
}
