import { localDateTime } from '../../core/domain/time.js';
import type { Escalation, EscalationKind } from '../../core/domain/sla.js';
import type { EscalatedTicket } from './repository.js';

/** What an escalation says: the inbox title and body, its data, and the webhook event. */

const kindLabels: Record<EscalationKind, string> = {
  respond: 'not responded to (no crew assigned) in time',
  resolve: 'not resolved in time',
  heavy_equipment: 'needs heavy equipment',
  repeat: 'reported again after it was done (urgent)',
};

export interface EscalationNotice extends Escalation {
  id: number;
  note: string | null;
}

export function escalationMessage(e: EscalationNotice, ticket: EscalatedTicket, timeZone: string) {
  const priority = e.priority ?? 'untriaged (Normal targets)';
  const local = (d: Date) => `${localDateTime(d, timeZone)} (${timeZone})`;
  const title = `${ticket.number}: ${kindLabels[e.kind]}`;
  const body =
    e.kind === 'heavy_equipment'
      ? `The crew escalated ${ticket.number} (${priority}) at ${local(e.dueAt)}: ${e.note ?? 'heavy equipment needed'}.`
      : `${ticket.number} (${priority}) was due at ${local(e.dueAt)}${e.metAt ? ` and was met late at ${local(e.metAt)}` : ' and is still open'}.`;
  const data = {
    escalationId: e.id,
    ticketId: ticket.id,
    number: ticket.number,
    kind: e.kind,
    level: e.level,
    role: e.role,
    priority: e.priority,
    dueAt: e.dueAt.toISOString(),
    metAt: e.metAt?.toISOString() ?? null,
  };
  return { title, body, data };
}

/** The body of the escalation.created webhook event. */
export function escalationEvent(e: EscalationNotice, ticket: EscalatedTicket, utilityCode: string, occurredAt: Date) {
  return {
    type: 'escalation.created',
    utility: utilityCode,
    occurredAt: occurredAt.toISOString(),
    escalation: { id: e.id, kind: e.kind, level: e.level, role: e.role, priority: e.priority, dueAt: e.dueAt.toISOString(), metAt: e.metAt?.toISOString() ?? null, note: e.note },
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
}
