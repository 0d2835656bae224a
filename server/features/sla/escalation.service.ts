import type { Tx } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import { openStatuses } from '../../core/domain/tickets.js';
import { breachesIn, heavyEquipmentEscalation, isBreachToEscalate, longestResolveMinutes, untriagedTargetOf, type Escalation } from '../../core/domain/sla.js';
import { enqueueWebhookEvent } from '../webhooks/service.js';
import { activeHolderIds, escalatedTicket, insertEscalation, unescalatedBreaches, unescalatedCrewEvents } from './repository.js';
import { insertNotifications } from './inbox.repository.js';
import { escalationEvent, escalationMessage } from './view.js';

/**
 * The escalation scan of one utility. It reads the breaches not escalated yet
 * from ticket_sla_outcomes (the SLA outcome's one SQL home, which the SLA
 * report reads too) and the crews' heavy-equipment events, applies the pure
 * rules of core/domain/sla.ts (who receives it, the lookback), and inserts
 * one escalation per breach. The UNIQUE keys decide who wins: only the
 * transaction whose INSERT returns the row writes its inbox notifications and
 * webhook deliveries, so every breach is notified exactly once, whatever the
 * number of workers, restarts or scan timings.
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
}

/** Inserts the escalation; on a fresh insert also its notifications and deliveries. */
async function escalate(tx: Tx, utility: Utility, e: NewEscalation, now: Date): Promise<ScanCounts> {
  const id = await insertEscalation(tx, { ...e, utilityId: utility.id, detectedAt: now });
  if (id === null) return { escalations: 0, notifications: 0, deliveries: 0 };
  const ticket = await escalatedTicket(tx, e.ticketId);
  const notice = { ...e, id };
  const message = escalationMessage(notice, ticket, utility.timeZone);
  const holders = await activeHolderIds(tx, utility.id, e.role);
  const notifications = await insertNotifications(
    tx,
    holders.map((userId) => ({ utilityId: utility.id, userId, escalationId: id, ticketId: e.ticketId, kind: `escalation.${e.kind}`, ...message, createdAt: now })),
  );
  const deliveries = await enqueueWebhookEvent(tx, { utilityId: utility.id, escalationId: id, payload: escalationEvent(notice, ticket, utility.code, now), at: now });
  return { escalations: 1, notifications, deliveries };
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

  // A ticket met late can only be escalated while its due time is within the lookback,
  // and no due time is later than intake + the longest resolve target.
  const recentFrom = new Date(now.getTime() - settings.escalation.lookbackHours * HOUR - longestResolveMinutes(settings) * 60_000);
  const untriaged = untriagedTargetOf(settings);
  for (const row of await unescalatedBreaches(tx, { utilityId: utility.id, now, untriaged, openStatuses, recentFrom })) {
    const breaches = breachesIn(
      {
        priority: row.priority,
        respondDueAt: row.respond_due_at,
        resolveDueAt: row.resolve_due_at,
        respondedAt: row.responded_at,
        resolvedAt: row.resolved_at,
        // A target already escalated is not escalated again.
        respond: row.respond_escalated_to === null ? row.respond_outcome : null,
        resolve: row.resolve_escalated_to === null ? row.resolve_outcome : null,
      },
      settings,
    );
    for (const b of breaches) {
      if (!isBreachToEscalate(b, settings, now)) continue;
      add(await escalate(tx, utility, { ...b, ticketId: row.ticket_id, eventId: null, note: null }, now));
    }
  }

  for (const ev of await unescalatedCrewEvents(tx, utility.id, new Date(now.getTime() - settings.escalation.lookbackHours * HOUR), now)) {
    const e = heavyEquipmentEscalation(ev.priority, ev.at, settings);
    add(await escalate(tx, utility, { ...e, ticketId: ev.ticket_id, eventId: ev.id, note: ev.note }, now));
  }
  return total;
}
