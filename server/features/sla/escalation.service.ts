import type { Tx } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import { openStatuses } from '../../core/domain/tickets.js';
import {
  breachesIn,
  heavyEquipmentEscalation,
  isBreachToEscalate,
  longestResolveMinutes,
  needsEscalation,
  repeatReportEscalation,
  untriagedTargetOf,
  escalationLevelOf,
  type Escalation,
} from '../../core/domain/sla.js';
import { enqueueWebhookEvent } from '../webhooks/service.js';
import { enqueueNotification } from '../notifications/service.js';
import { escalatedTicket, insertEscalation, overdueIncidents, unescalatedBreaches, unescalatedCrewEvents, unescalatedRepeatTickets } from './repository.js';
import { escalationEvent, escalationMessage } from './view.js';

/**
 * The escalation scan of one utility, by the SOP table (seed 000, seed 003):
 *
 * - breaches are read from ticket_sla_outcomes (the SLA outcome's one SQL
 *   home, which the SLA report reads too): rejected, closed and
 *   incident-attached tickets never escalate; a breach goes to the role of the
 *   ticket's priority now, so a raised priority escalates again, at once, at
 *   the new level (one escalation per ticket, kind and level);
 * - a crew's "needs heavy equipment" and a repeat report after the re-report
 *   window (a new, urgent ticket) go out at once;
 * - an area incident past its estimated restore time alerts the Kabag (the
 *   utility's incidentOverdueTo), once per estimate.
 *
 * Each escalation is one row (UNIQUE keys decide who wins between workers)
 * and one notification event in the outbox, written in the same transaction:
 * the outbox fans it out to the role's inbox (and e-mail), immediately for
 * Critical, High, heavy equipment and repeats, or gathered into the utility's
 * hourly or daily digest for Normal breaches when it chose one.
 */
export interface ScanCounts {
  escalations: number;
  notifications: number;
  deliveries: number;
}

const HOUR = 3_600_000;

interface NewEscalation extends Escalation {
  ticketId: number;
  eventId: number | null;
  note: string | null;
  previous?: string;
}

/** Inserts the escalation; on a fresh insert also its notification event and webhook deliveries. */
async function escalate(tx: Tx, utility: Utility, e: NewEscalation, now: Date): Promise<ScanCounts> {
  const id = await insertEscalation(tx, { ...e, utilityId: utility.id, detectedAt: now });
  if (id === null) return { escalations: 0, notifications: 0, deliveries: 0 };
  const ticket = await escalatedTicket(tx, e.ticketId);
  const notice = { ...e, id };
  const { data } = escalationMessage(notice, ticket, utility.timeZone);
  const urgent = e.kind === 'heavy_equipment' || e.kind === 'repeat' || e.priority === 'critical' || e.priority === 'high';
  await enqueueNotification(tx, {
    utilityId: utility.id,
    ticketId: e.ticketId,
    kind: `escalation.${e.kind}`,
    audience: 'staff',
    role: e.role,
    level: e.level,
    urgent,
    sourceKey: `escalation:${id}`,
    data: { ...data, note: e.note, previous: e.previous ?? null },
    at: now,
  });
  const deliveries = await enqueueWebhookEvent(tx, { utilityId: utility.id, escalationId: id, payload: escalationEvent(notice, ticket, utility.code, now), at: now });
  return { escalations: 1, notifications: 1, deliveries };
}

/** Finds and records every new escalation of the utility as of `now`, in the caller's transaction. */
export async function scanEscalations(tx: Tx, utility: Utility, now: Date): Promise<ScanCounts> {
  const settings = utility.settings;
  const total: ScanCounts = { escalations: 0, notifications: 0, deliveries: 0 };
  const add = (c: ScanCounts) => {
    total.escalations += c.escalations;
    total.notifications += c.notifications;
    total.deliveries += c.deliveries;
  };
  const lookbackFrom = new Date(now.getTime() - settings.escalation.lookbackHours * HOUR);

  // A ticket met late can only be escalated while its due time is within the lookback,
  // and no due time is later than intake + the longest resolve target.
  const recentFrom = new Date(lookbackFrom.getTime() - longestResolveMinutes(settings) * 60_000);
  const untriaged = untriagedTargetOf(settings);
  for (const row of await unescalatedBreaches(tx, { utilityId: utility.id, now, untriaged, openStatuses, recentFrom })) {
    const levels = { respond: row.respond_escalation_level, resolve: row.resolve_escalation_level };
    const breaches = breachesIn(
      {
        priority: row.priority,
        respondDueAt: row.respond_due_at,
        resolveDueAt: row.resolve_due_at,
        respondedAt: row.responded_at,
        resolvedAt: row.resolved_at,
        respond: row.respond_outcome,
        resolve: row.resolve_outcome,
      },
      settings,
    );
    for (const b of breaches) {
      // Escalated already at this level or higher: nothing new (a lowered priority does not page anyone).
      if (!needsEscalation(b, levels[b.kind])) continue;
      if (!isBreachToEscalate(b, settings, now)) continue;
      add(await escalate(tx, utility, { ...b, ticketId: row.ticket_id, eventId: null, note: null }, now));
    }
  }

  for (const ev of await unescalatedCrewEvents(tx, utility.id, lookbackFrom, now)) {
    const e = heavyEquipmentEscalation(ev.priority, ev.at, settings);
    add(await escalate(tx, utility, { ...e, ticketId: ev.ticket_id, eventId: ev.id, note: ev.note }, now));
  }

  for (const t of await unescalatedRepeatTickets(tx, utility.id, lookbackFrom, now)) {
    const e = repeatReportEscalation(t.priority, t.received_at, settings.notifications.repeatReportTo);
    add(await escalate(tx, utility, { ...e, ticketId: t.ticket_id, eventId: null, note: null, previous: t.previous }, now));
  }

  for (const i of await overdueIncidents(tx, utility.id, lookbackFrom, now)) {
    const role = settings.notifications.incidentOverdueTo;
    const sent = await enqueueNotification(tx, {
      utilityId: utility.id,
      incidentId: i.id,
      kind: 'incident.overdue',
      audience: 'staff',
      role,
      level: escalationLevelOf(role),
      urgent: true,
      // Once per estimate: a new estimate that passes too alerts again.
      sourceKey: `incident-overdue:${i.id}:${i.estimated_restore_at.toISOString()}`,
      data: { incidentId: i.id, title: i.title, estimatedRestoreAt: i.estimated_restore_at.toISOString() },
      at: now,
    });
    if (sent) total.notifications += 1;
  }
  return total;
}
