/**
 * Nearby duplicates (issue 13): the same leak reported again while its ticket
 * is open is one more report of it, not new work.
 *
 * - Before sending, the report form lists the open tickets within
 *   `nearbyRadiusMetres` of the chosen point (no personal data) and the
 *   citizen may add their report to one (`duplicate_of`).
 * - Otherwise a report within `duplicateRadiusMetres` of an open ticket of the
 *   same category received at most `duplicateWindowHours` earlier is added to it.
 * - Either way the report keeps its own row (status `merged`, duplicate_of_id),
 *   with its photo and reporter, so staff can take it out again (`unmerge`);
 *   the open ticket's trail records it (`add_report`) and counts it; the
 *   reporter is told the open ticket's number.
 * Staff merge a waiting report into an open ticket by hand with the same steps.
 */
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import type { StaffUser } from '../auth/service.js';
import { viewerOf } from '../auth/viewer.js';
import type { Category } from '../../core/domain/tickets.js';
import { statusLabels } from '../../core/domain/labels.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import { transitions, type Transition } from '../../core/domain/workflow.js';
import { findTicket, findTicketByNumber, findVisibleTicket, transition, type Ticket, type TicketChanges } from './repository.js';
import { distanceToTicket, duplicateOfId, mergeableStatuses, mergedReportIds, openTicketsNear, reportCountOf } from './duplicates.repository.js';

const HOUR = 3_600_000;

/** What a citizen sees of the open tickets near a point: no names, phones, notes or photos. */
export async function nearbyOpenReports(ctx: Pick<AppContext, 'db'>, utility: Utility, lat: number, lon: number) {
  const radiusMetres = utility.settings.nearbyRadiusMetres;
  const rows = await openTicketsNear(ctx.db, utility.id, { lat, lon, radiusMetres, limit: 10 });
  return {
    radiusMetres,
    items: rows.map((r) => ({
      number: r.number,
      status: r.status,
      statusLabel: statusLabels[r.status],
      category: r.category,
      receivedAt: r.receivedAt.toISOString(),
      distanceMetres: r.distanceMetres,
      reports: r.reports,
    })),
  };
}

export interface DuplicateTarget {
  id: number;
  number: string;
  status: Ticket['status'];
  receivedAt: Date;
  /** The citizen chose it on the form (else: found by distance, category and time). */
  chosen: boolean;
}

/**
 * The open ticket a new report is one more report of, locked for the intake
 * transaction, or null. A number the citizen chose counts only while that
 * ticket is open and within the nearby radius (numbers are public).
 */
export async function findDuplicateTarget(
  tx: Tx,
  utility: Utility,
  report: { lat: number; lon: number; category: Category; at: Date; chosenNumber: string | null },
): Promise<DuplicateTarget | null> {
  const s = utility.settings;
  const chosen = report.chosenNumber?.trim().toUpperCase() || null;
  if (chosen) {
    const named = await findTicketByNumber(tx, utility.id, chosen);
    const distance = named ? await distanceToTicket(tx, utility.id, named.id, report.lat, report.lon) : null;
    if (named && distance !== null && distance <= s.nearbyRadiusMetres) {
      const locked = await findTicket(tx, utility.id, named.id, true);
      if (locked && mergeableStatuses.includes(locked.status)) return { id: locked.id, number: locked.number, status: locked.status, receivedAt: locked.receivedAt, chosen: true };
    }
  }
  if (s.duplicateRadiusMetres <= 0 || s.duplicateWindowHours <= 0) return null;
  const [near] = await openTicketsNear(tx, utility.id, {
    lat: report.lat,
    lon: report.lon,
    radiusMetres: s.duplicateRadiusMetres,
    category: report.category,
    since: new Date(report.at.getTime() - s.duplicateWindowHours * HOUR),
    limit: 1,
    forUpdate: true,
  });
  return near ? { id: near.id, number: near.number, status: near.status, receivedAt: near.receivedAt, chosen: false } : null;
}

/**
 * Merges a received report into an open ticket, through the one writer: the
 * report becomes `merged`, the open ticket's trail gets `add_report`. Returns
 * how many reports the open ticket now stands for.
 */
export async function mergeReport(
  tx: Tx,
  utility: Utility,
  m: { report: { id: number; number: string }; into: { id: number; number: string }; actor: 'duplicate' | StaffUser['role']; actorUserId: number | null; at: Date; note: string | null; data?: Record<string, unknown> },
): Promise<number> {
  await transition(tx, {
    utilityId: utility.id,
    ticketId: m.report.id,
    action: 'merge',
    actor: m.actor,
    actorUserId: m.actorUserId,
    at: m.at,
    changes: { duplicateOfId: m.into.id },
    note: m.note ?? `Laporan yang sama dengan No. ${m.into.number}`,
    data: { into: m.into.number, ...m.data },
  });
  const reports = await reportCountOf(tx, m.into.id);
  await transition(tx, {
    utilityId: utility.id,
    ticketId: m.into.id,
    action: 'add_report',
    actor: 'duplicate',
    actorUserId: m.actorUserId,
    at: m.at,
    note: `Laporan tambahan No. ${m.report.number} (laporan ke-${reports})`,
    data: { report: m.report.number, reports, ...m.data },
  });
  return reports;
}

interface Step {
  changes: TicketChanges;
  note: string | null;
  data: Record<string, unknown>;
}

/**
 * Staff merge a waiting report into an open ticket (workflow.service.ts runs
 * this before the report's own `merge` step): the open ticket's trail records
 * it. A report that has reports merged into it is refused: take those out first.
 */
export async function mergeStep(tx: Tx, utility: Utility, user: StaffUser, ticket: Ticket, into: string | undefined, note: string | null, at: Date): Promise<Step> {
  const number = into?.trim().toUpperCase();
  if (!number) throw validationError([{ field: 'into', message: 'the number of the open ticket this report belongs to (e.g. LK-2026-000123)' }]);
  const named = await findTicketByNumber(tx, utility.id, number);
  if (!named) throw notFound('ticket', number);
  if (named.id === ticket.id) throw validationError([{ field: 'into', message: 'a report cannot be merged into itself' }]);
  const target = (await findTicket(tx, utility.id, named.id, true)) as Ticket;
  if (!mergeableStatuses.includes(target.status)) {
    throw new DomainError(ErrorCode.conflict, `Ticket ${target.number} is ${target.status}: a report is added only to an open ticket`, { field: 'into', status: target.status });
  }
  if ((await mergedReportIds(tx, ticket.id)).length > 0) {
    throw new DomainError(ErrorCode.conflict, `Other reports are merged into ${ticket.number}: take them out first, or merge the other way round`, { field: 'into' });
  }
  const reports = (await reportCountOf(tx, target.id)) + 1;
  await transition(tx, {
    utilityId: utility.id,
    ticketId: target.id,
    action: 'add_report',
    actor: 'duplicate',
    actorUserId: user.id,
    at,
    note: `Laporan tambahan No. ${ticket.number} (laporan ke-${reports}), digabung oleh petugas`,
    data: { report: ticket.number, reports },
  });
  return { changes: { duplicateOfId: target.id }, note: note ?? `Digabung dengan No. ${target.number}`, data: { into: target.number } };
}

/** Staff take a merged report out again: back to the queue; the open ticket's trail records it. */
export async function unmergeStep(tx: Tx, utility: Utility, user: StaffUser, ticket: Ticket, note: string | null, at: Date): Promise<Step> {
  const masterId = await duplicateOfId(tx, ticket.id);
  const master = masterId ? await findTicket(tx, utility.id, masterId, true) : null;
  if (master && (transitions.remove_report as Transition).from.includes(master.status)) {
    await transition(tx, {
      utilityId: utility.id,
      ticketId: master.id,
      action: 'remove_report',
      actor: 'duplicate',
      actorUserId: user.id,
      at,
      note: `Laporan No. ${ticket.number} dipisahkan: masalah lain${note ? ` (${note})` : ''}`,
      data: { report: ticket.number },
    });
  }
  return { changes: {}, note, data: { from: master?.number ?? null } };
}

/** The reports merged into a ticket (for staff), with what each reporter wrote. */
export async function mergedReportsOf(ctx: Pick<AppContext, 'db'>, utility: Utility, user: StaffUser, ticketId: number) {
  if (!(await findVisibleTicket(ctx.db, utility.id, viewerOf(user), ticketId))) throw notFound('ticket', ticketId);
  const ids = await mergedReportIds(ctx.db, ticketId);
  const rows = await Promise.all(ids.map((id) => findTicket(ctx.db, utility.id, id)));
  return rows
    .filter((t): t is Ticket => t !== null)
    .map((t) => ({ id: t.id, number: t.number, category: t.category, description: t.description, address: t.address, receivedAt: t.receivedAt.toISOString(), lat: t.lat, lon: t.lon }));
}
