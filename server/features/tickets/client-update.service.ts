/**
 * An Open311 client's update on a ticket (FixMyStreet's POST
 * servicerequestupdates, issue 13): its user's comment becomes a note in the
 * ticket's trail (the `client_update` step, any status), and "not fixed after
 * all" on a done ticket is a repeat report (seed 003): within the re-report
 * window the ticket is reopened as any repeat report reopens it; after the
 * window it stays done and the note tells staff a new report is needed.
 * Runs inside the caller's transaction.
 */
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import { DomainError, ErrorCode } from '../../core/domain/errors.js';
import { isReReport } from '../../core/domain/points.js';
import type { TicketStatus } from '../../core/domain/tickets.js';
import { findTicket, findTicketByNumber, lastEventIdOf, transition } from './repository.js';
import { reopenTicket } from './repeat.service.js';

export interface ClientUpdate {
  /** The public ticket number (service_request_id). */
  number: string;
  /** The comment as staff read it (who, what, a photo link). */
  note: string;
  /** The client says the problem is back (FixMyStreet's REOPEN, or OPEN on a done ticket). */
  notFixed: boolean;
  /** Kept with the step (the client's update id and time). */
  data: Record<string, unknown>;
}

export interface ClientUpdateOutcome {
  ticketId: number;
  number: string;
  /** The step the update became: the id the client is answered with (update_id). */
  eventId: number;
  outcome: 'noted' | 'reopened';
  status: TicketStatus;
}

const done: readonly TicketStatus[] = ['fixed', 'closed'];

export async function recordClientUpdate(ctx: AppContext, tx: Tx, utility: Utility, update: ClientUpdate): Promise<ClientUpdateOutcome> {
  const found = await findTicketByNumber(tx, utility.id, update.number.trim().toUpperCase());
  const ticket = found ? await findTicket(tx, utility.id, found.id, true) : null;
  if (!ticket) {
    throw new DomainError(ErrorCode.notFound, `No service request ${update.number} in ${utility.code}`, { field: 'service_request_id', what: 'service request', key: update.number });
  }
  const at = ctx.now();
  const doneAt = done.includes(ticket.status) ? (ticket.fixedAt ?? ticket.closedAt) : null;
  if (update.notFixed && doneAt && isReReport(doneAt, at, utility.settings)) {
    const hoursSinceFix = Math.round(((at.getTime() - doneAt.getTime()) / 3_600_000) * 10) / 10;
    const { status } = await reopenTicket(
      ctx,
      tx,
      utility,
      { kind: 're_report', ticket, repeatCount: ticket.repeatCount + 1, hoursSinceFix },
      { staffId: null, source: 'open311', photo: null, comment: update.note },
    );
    return { ticketId: ticket.id, number: ticket.number, eventId: await lastEventIdOf(tx, ticket.id), outcome: 'reopened', status };
  }
  const late = update.notFixed && doneAt ? ` (Dinyatakan belum selesai lebih dari ${utility.settings.reReportWindowHours} jam setelah selesai: perlu laporan baru.)` : '';
  await transition(tx, {
    utilityId: utility.id,
    ticketId: ticket.id,
    action: 'client_update',
    actor: 'open311_client',
    actorUserId: null,
    at,
    note: `${update.note}${late}`,
    data: update.data,
  });
  return { ticketId: ticket.id, number: ticket.number, eventId: await lastEventIdOf(tx, ticket.id), outcome: 'noted', status: ticket.status };
}
