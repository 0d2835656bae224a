import type { Runner, Tx } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import { openStatuses, type Priority, type Role, type TicketStatus } from '../../core/domain/tickets.js';
import {
  breachesToEscalate,
  heavyEquipmentEscalation,
  longestResolveMinutes,
  type Escalation,
  type EscalationKind,
} from '../../core/domain/sla.js';
import { localDateTime } from '../reports/view.js';

/**
 * The escalation scan of one utility. It reads the tickets that can breach
 * (open ones, and recent ones that may have been met late) and the crews'
 * heavy-equipment events, applies the pure rules of server/domain/sla.ts, and
 * inserts one escalation per breach. The UNIQUE keys decide who wins: only the
 * transaction whose INSERT returns the row writes its inbox notifications and
 * webhook deliveries, so every breach is notified exactly once, whatever the
 * number of workers, restarts or scan timings.
 */
export interface ScanCounts {
  escalations: number;
  notifications: number;
  deliveries: number;
}

interface CandidateRow {
  id: number;
  number: string;
  status: TicketStatus;
  priority: Priority | null;
  received_at: Date;
  respond_due_at: Date | null;
  resolve_due_at: Date | null;
  fixed_at: Date | null;
  closed_at: Date | null;
  responded_at: Date | null;
  escalated_kinds: EscalationKind[];
}

const HOUR = 3_600_000;

async function breachCandidates(tx: Runner, utility: Utility, now: Date): Promise<CandidateRow[]> {
  const settings = utility.settings;
  // A ticket met late can only be escalated while its due time is within the lookback,
  // and no due time is later than intake + the longest resolve target.
  const recentFrom = new Date(now.getTime() - settings.escalation.lookbackHours * HOUR - longestResolveMinutes(settings) * 60_000);
  const { rows } = await tx.raw(
    `SELECT t.id, t.number, t.status, t.priority, t.received_at, t.respond_due_at, t.resolve_due_at, t.fixed_at, t.closed_at,
            COALESCE((SELECT min(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.action = 'assign'), t.assigned_at) AS responded_at,
            ARRAY(SELECT x.kind::text FROM escalations x WHERE x.ticket_id = t.id AND x.kind <> 'heavy_equipment') AS escalated_kinds
       FROM tickets t
      WHERE t.utility_id = ?
        AND t.received_at <= ?
        AND (t.status = ANY(?::ticket_status[]) OR (t.received_at >= ? AND t.status <> 'rejected'))`,
    [utility.id, now, `{${openStatuses.join(',')}}`, recentFrom],
  );
  return rows as CandidateRow[];
}

async function crewEscalationEvents(tx: Runner, utility: Utility, now: Date) {
  const from = new Date(now.getTime() - utility.settings.escalation.lookbackHours * HOUR);
  const { rows } = await tx.raw(
    `SELECT e.id, e.ticket_id, e.at, e.note, t.priority
       FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
      WHERE e.utility_id = ? AND e.action = 'escalate' AND e.at >= ? AND e.at <= ?
        AND NOT EXISTS (SELECT 1 FROM escalations x WHERE x.event_id = e.id)`,
    [utility.id, from, now],
  );
  return rows as { id: number; ticket_id: number; at: Date; note: string | null; priority: Priority | null }[];
}

interface NewEscalation extends Escalation {
  ticketId: number;
  eventId: number | null;
  note: string | null;
}

const kindLabels: Record<EscalationKind, string> = {
  respond: 'not responded to (no crew assigned) in time',
  resolve: 'not resolved in time',
  heavy_equipment: 'needs heavy equipment',
};

/** Inserts the escalation; on a fresh insert also its notifications and deliveries. */
async function escalate(tx: Tx, utility: Utility, e: NewEscalation, now: Date): Promise<ScanCounts> {
  const conflict = e.eventId === null ? `(ticket_id, kind) WHERE kind <> 'heavy_equipment'` : `(event_id) WHERE event_id IS NOT NULL`;
  const { rows } = await tx.raw(
    `INSERT INTO escalations (utility_id, ticket_id, kind, event_id, priority, level, role, due_at, met_at, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT ${conflict} DO NOTHING
     RETURNING id`,
    [utility.id, e.ticketId, e.kind, e.eventId, e.priority, e.level, e.role, e.dueAt, e.metAt, now],
  );
  if (rows.length === 0) return { escalations: 0, notifications: 0, deliveries: 0 };
  const escalationId: number = rows[0].id;

  const ticket = await tx('tickets as t')
    .leftJoin('service_regions as r', 'r.id', 't.region_id')
    .leftJoin('crews as c', 'c.id', 't.crew_id')
    .where('t.id', e.ticketId)
    .first(
      't.id', 't.number', 't.status', 't.priority', 't.received_at', 't.address', 'r.name as region', 'c.name as crew',
      tx.raw('ST_Y(t.location::geometry) AS lat'), tx.raw('ST_X(t.location::geometry) AS lon'),
    );
  const priority = e.priority ?? 'untriaged (Normal targets)';
  const local = (d: Date) => `${localDateTime(d, utility.timeZone)} (${utility.timeZone})`;
  const title = `${ticket.number}: ${kindLabels[e.kind]}`;
  const body =
    e.kind === 'heavy_equipment'
      ? `The crew escalated ${ticket.number} (${priority}) at ${local(e.dueAt)}: ${e.note ?? 'heavy equipment needed'}.`
      : `${ticket.number} (${priority}) was due at ${local(e.dueAt)}${e.metAt ? ` and was met late at ${local(e.metAt)}` : ' and is still open'}.`;
  const data = {
    escalationId,
    ticketId: ticket.id,
    number: ticket.number,
    kind: e.kind,
    level: e.level,
    role: e.role,
    priority: e.priority,
    dueAt: e.dueAt.toISOString(),
    metAt: e.metAt?.toISOString() ?? null,
  };

  const holders = await tx('staff_users').where({ utility_id: utility.id, role: e.role as Role, active: true }).select('id');
  if (holders.length) {
    await tx('notifications').insert(
      holders.map((h) => ({
        utility_id: utility.id,
        user_id: h.id,
        escalation_id: escalationId,
        ticket_id: e.ticketId,
        kind: `escalation.${e.kind}`,
        title,
        body,
        data: JSON.stringify(data),
        created_at: now,
      })),
    );
  }

  const hooks = await tx('webhooks').where({ utility_id: utility.id, active: true }).select('id');
  if (hooks.length) {
    const payload = {
      type: 'escalation.created',
      utility: utility.code,
      occurredAt: now.toISOString(),
      escalation: { id: escalationId, kind: e.kind, level: e.level, role: e.role, priority: e.priority, dueAt: data.dueAt, metAt: data.metAt, note: e.note },
      ticket: {
        id: ticket.id,
        number: ticket.number,
        status: ticket.status,
        priority: ticket.priority,
        receivedAt: ticket.received_at.toISOString(),
        address: ticket.address,
        region: ticket.region,
        crew: ticket.crew,
        lat: ticket.lat,
        lon: ticket.lon,
      },
    };
    await tx('webhook_deliveries').insert(
      hooks.map((h) => ({
        utility_id: utility.id,
        webhook_id: h.id,
        escalation_id: escalationId,
        event_type: payload.type,
        payload: JSON.stringify(payload),
        next_attempt_at: now,
        created_at: now,
      })),
    );
  }
  return { escalations: 1, notifications: holders.length, deliveries: hooks.length };
}

/** Finds and records every new escalation of the utility as of `now`, in the caller's transaction. */
export async function scanEscalations(tx: Tx, utility: Utility, now: Date): Promise<ScanCounts> {
  const total: ScanCounts = { escalations: 0, notifications: 0, deliveries: 0 };
  const add = (c: ScanCounts) => {
    total.escalations += c.escalations;
    total.notifications += c.notifications;
    total.deliveries += c.deliveries;
  };

  for (const row of await breachCandidates(tx, utility, now)) {
    const breaches = breachesToEscalate(
      {
        status: row.status,
        priority: row.priority,
        receivedAt: row.received_at,
        respondDueAt: row.respond_due_at,
        resolveDueAt: row.resolve_due_at,
        respondedAt: row.responded_at,
        resolvedAt: row.fixed_at ?? row.closed_at,
      },
      utility.settings,
      now,
    );
    for (const b of breaches) {
      if (row.escalated_kinds.includes(b.kind)) continue;
      add(await escalate(tx, utility, { ...b, ticketId: row.id, eventId: null, note: null }, now));
    }
  }

  for (const ev of await crewEscalationEvents(tx, utility, now)) {
    const e = heavyEquipmentEscalation(ev.priority, ev.at, utility.settings);
    add(await escalate(tx, utility, { ...e, ticketId: ev.ticket_id, eventId: ev.id, note: ev.note }, now));
  }
  return total;
}
