import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import { findRepeatTarget, findTicketByNumber, transition, type Ticket } from './repository.js';
import { isReReport } from '../../core/domain/points.js';
import { reversePoints } from '../points/service.js';
import { recordPhoto, type StoredPhoto } from './photos.service.js';
import { analysisLeaseFrom } from './photo-analysis.service.js';

/** What a repeat contact turned into. */
export type RepeatOutcome =
  /** `mentioned`: a done ticket the reporter named by number that the report may not reopen (another phone, too far): the new ticket's description names it. */
  | { kind: 'none'; mentioned?: string }
  | { kind: 're_report'; ticket: Ticket; repeatCount: number; hoursSinceFix: number }
  | { kind: 'new_linked'; earlier: Ticket; hoursSinceFix: number };

export interface RepeatContact {
  previousNumber: string | null;
  phone: string | null;
  lat: number;
  lon: number;
  at: Date;
}

/**
 * Seed 003 (the PLN 123 contact-centre rule): a contact about a ticket already
 * marked done reopens it when it comes within the window after the fix (the
 * crew goes back; the ticket is starred and counted; points are taken back),
 * and after the window asks for a new ticket that references the earlier one
 * and is marked urgent. Runs inside the intake transaction.
 */
export async function classifyRepeat(tx: Tx, utility: Utility, contact: RepeatContact): Promise<RepeatOutcome> {
  const earlier = await findRepeatTarget(tx, utility.id, {
    number: contact.previousNumber,
    reporterPhone: contact.phone,
    lat: contact.lat,
    lon: contact.lon,
    radiusMetres: utility.settings.repeatRadiusMetres,
    numberRadiusMetres: utility.settings.repeatByNumberRadiusMetres,
    since: new Date(contact.at.getTime() - utility.settings.repeatLinkDays * 86_400_000),
  });
  const named = contact.previousNumber?.trim().toUpperCase() || null;
  // Done when fixed, or (a report of an area incident) when the incident was restored and closed it.
  const doneAt = earlier ? (earlier.fixedAt ?? earlier.closedAt) : null;
  if (!earlier || !doneAt) {
    // A number alone (public through Open311) does not reopen anything: a new report that names it.
    const mentioned = named ? await findTicketByNumber(tx, utility.id, named) : null;
    return mentioned ? { kind: 'none', mentioned: mentioned.number } : { kind: 'none' };
  }
  const hoursSinceFix = Math.round(((contact.at.getTime() - doneAt.getTime()) / 3_600_000) * 10) / 10;
  if (isReReport(doneAt, contact.at, utility.settings)) return { kind: 're_report', ticket: earlier, repeatCount: earlier.repeatCount + 1, hoursSinceFix };
  return { kind: 'new_linked', earlier, hoursSinceFix };
}

/**
 * "Lapor Ulang": the done ticket goes back to its crew, starred, with one
 * more repeat counted. A ticket closed by its restored area incident had no
 * crew of its own: it goes back to the admin's queue (received), starred.
 * Returns the status the ticket is in now and the new photo's id (pending analysis), if any.
 */
export async function reopenTicket(
  ctx: AppContext,
  tx: Tx,
  utility: Utility,
  outcome: Extract<RepeatOutcome, { kind: 're_report' }>,
  by: { staffId: number | null; source: string; photo: StoredPhoto | null; comment?: string | null },
): Promise<{ status: 'assigned' | 'received'; photoId: number | null }> {
  const { ticket, repeatCount, hoursSinceFix } = outcome;
  const restored = ticket.status === 'closed' && ticket.fixedAt === null;
  const at = ctx.now();
  const photoId = by.photo ? await recordPhoto(tx, utility, ticket.id, 'report', by.photo, by.staffId, analysisLeaseFrom(at)) : null;
  const why = restored
    ? `Lapor ulang ke-${repeatCount}: dilaporkan lagi ${hoursSinceFix} jam setelah gangguan wilayah dinyatakan pulih`
    : `Lapor ulang ke-${repeatCount}: dilaporkan lagi ${hoursSinceFix} jam setelah selesai diperbaiki`;
  const note = by.comment ? `${why}. ${by.comment}` : why;
  // The step is the repeat report's, whoever typed it in (the audit trail names the staff member when there is one).
  await transition(tx, {
    utilityId: utility.id,
    ticketId: ticket.id,
    action: restored ? 'reopen_restored' : 'reopen',
    actor: 'repeat_report',
    actorUserId: by.staffId,
    at,
    changes: { repeatCount },
    note,
    data: { repeatCount, hoursSinceFix, source: by.source },
  });
  // The fix did not hold: the crew's points for it are taken back until it is closed again.
  if (ticket.status === 'closed' && !restored) await reversePoints({ ...ctx, db: tx }, ticket.id, note);
  return { status: restored ? 'received' : 'assigned', photoId };
}

/** What a new report's description says of an earlier ticket its reporter named but may not reopen. */
export function mentionedTicketNote(number: string): string {
  return `Pelapor menyebut laporan sebelumnya No. ${number}.`;
}

/** The note a new ticket carries when the earlier one was done more than the window ago. */
export function linkedTicketNote(earlier: Ticket, hoursSinceFix: number, windowHours: number): string {
  return `Pelanggan pernah melapor dengan No. ${earlier.number}, status selesai ${hoursSinceFix} jam lalu, tanpa konfirmasi dalam ${windowHours} jam: tiket baru, mendesak (urgent).`;
}
