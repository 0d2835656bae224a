import type { Runner } from '../../platform/db/knex.js';
import type { AppContext } from '../../platform/context.js';
import type { Utility } from '../utilities/service.js';
import { notFound, validationError } from '../../core/domain/errors.js';
import { pointsPerPriority } from '../../core/domain/points.js';
import { priorities, type Priority } from '../../core/domain/tickets.js';
import {
  crewPointsBetween,
  insertCredits,
  insertReversal,
  latestStandingCredit,
  lockTicket,
  uncreditedCloses,
  utilitySettingsOverrides,
  type LedgerRow,
} from './repository.js';

/**
 * The incentive-points ledger. A close credits the ticket's crew with one row
 * keyed by the close event (UNIQUE close_event_id), so crediting is idempotent:
 * the close transaction credits at once, and the worker's sweep credits any
 * close that arrived another way (imports, the demo generator). A repeat report
 * takes the points back with one reversal row that names the credit it cancels
 * (UNIQUE reverses_id); a later close credits again. Rows are never changed.
 */

/**
 * Credits every close event of the utility (or of one ticket) that has no
 * credit yet; returns the rows written. Two steps on purpose: the missing
 * closes are read first, then inserted. A single INSERT ... SELECT ... WHERE
 * NOT EXISTS (ledger) re-reads the ledger it is growing, and on freshly
 * analysed empty tables the planner makes that quadratic (55 s for a year of
 * history instead of 3 s).
 */
export async function creditClosedTickets(db: Runner, utilityId: number, ticketId?: number): Promise<number> {
  const utility = await utilitySettingsOverrides(db, utilityId);
  if (!utility) return 0;
  const points = pointsPerPriority(utility.settings);
  const closes = await uncreditedCloses(db, utilityId, ticketId);
  let written = 0;
  for (let i = 0; i < closes.length; i += 2000) {
    written += await insertCredits(
      db,
      closes.slice(i, i + 2000).map((r) => ({ utilityId, crewId: r.crew_id, ticketId: r.ticket_id, points: points[r.priority], priority: r.priority, closeEventId: r.event_id, at: r.at })),
    );
  }
  return written;
}

export interface PointsEntry {
  id: number;
  crewId: number;
  ticketId: number;
  entry: 'credit' | 'reversal';
  points: number;
  priority: Priority;
  reason: string | null;
  at: Date;
}

const toEntry = (r: LedgerRow): PointsEntry => ({
  id: r.id,
  crewId: r.crew_id,
  ticketId: r.ticket_id,
  entry: r.entry,
  points: r.points,
  priority: r.priority,
  reason: r.reason,
  at: r.at,
});

/**
 * Takes back the points of the ticket's latest standing credit (the re-report
 * rule). One row; returns it, or null when nothing stands to be reversed (never
 * closed, or already reversed). Safe to call twice: the second finds nothing.
 */
export async function reversePoints(ctx: AppContext, ticketId: number, reason: string): Promise<PointsEntry | null> {
  if (reason.trim() === '') throw validationError([{ field: 'reason', message: 'say why the points are taken back' }]);
  return ctx.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    if (!ticket) throw notFound('ticket', ticketId);
    await creditClosedTickets(tx, ticket.utility_id, ticketId);
    const credit = await latestStandingCredit(tx, ticketId);
    if (!credit) return null;
    const row = await insertReversal(tx, credit, reason.trim(), ctx.now());
    return row ? toEntry(row) : null;
  });
}

export interface CrewPoints {
  crewId: number;
  crewCode: string;
  crewName: string;
  /** Closed tickets credited in the month, by priority. */
  credited: Record<Priority, number>;
  reversals: number;
  creditedPoints: number;
  reversedPoints: number;
  points: number;
}

export interface PointsReport {
  month: string;
  timeZone: string;
  pointsPerPriority: Record<Priority, number>;
  crews: CrewPoints[];
  totalPoints: number;
}

/** Points per crew for a month of the utility's calendar ([from, to): the month's instants); rows count in the month they were written. */
export async function pointsReport(db: Runner, utility: Utility, month: string, range: { from: Date; to: Date }): Promise<PointsReport> {
  const raw = await utilitySettingsOverrides(db, utility.id);
  const rows = await crewPointsBetween(db, utility.id, range.from, range.to);
  const crews: CrewPoints[] = rows.map((r) => ({
    crewId: r.id as number,
    crewCode: r.code as string,
    crewName: r.name as string,
    credited: Object.fromEntries(priorities.map((p) => [p, Number(r[p])])) as Record<Priority, number>,
    reversals: Number(r.reversals),
    creditedPoints: Number(r.credited_points),
    reversedPoints: Number(r.reversed_points),
    points: Number(r.points),
  }));
  return {
    month,
    timeZone: utility.timeZone,
    pointsPerPriority: pointsPerPriority(raw?.settings),
    crews,
    totalPoints: crews.reduce((s, c) => s + c.points, 0),
  };
}
