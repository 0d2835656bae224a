import type { Runner } from '../../platform/db/knex.js';
import type { AppContext } from '../../platform/context.js';
import type { Utility } from '../utilities/service.js';
import { notFound, validationError } from '../../core/domain/errors.js';
import { pointsPerPriority } from '../../core/domain/points.js';
import { priorities, type Priority } from '../../core/domain/tickets.js';
import { monthRange } from '../reports/period.js';

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
  const utility = await db('utilities').where({ id: utilityId }).first('settings');
  if (!utility) return 0;
  const points = pointsPerPriority(utility.settings);
  const { rows } = await db.raw(
    `SELECT e.id AS event_id, e.at, t.id AS ticket_id, t.crew_id, t.priority
       FROM ticket_events e
       JOIN tickets t ON t.id = e.ticket_id
       LEFT JOIN points_ledger p ON p.close_event_id = e.id
      WHERE e.utility_id = ? AND e.action = 'close' ${ticketId === undefined ? '' : 'AND e.ticket_id = ?'}
        AND t.crew_id IS NOT NULL AND t.priority IS NOT NULL AND p.id IS NULL`,
    [utilityId, ...(ticketId === undefined ? [] : [ticketId])],
  );
  let written = 0;
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000).map((r: { event_id: number; at: Date; ticket_id: number; crew_id: number; priority: Priority }) => ({
      utility_id: utilityId,
      crew_id: r.crew_id,
      ticket_id: r.ticket_id,
      entry: 'credit',
      points: points[r.priority],
      priority: r.priority,
      close_event_id: r.event_id,
      at: r.at,
    }));
    // A concurrent sweep may have credited some meanwhile: the UNIQUE key keeps one.
    const inserted = await db('points_ledger').insert(chunk).onConflict('close_event_id').ignore().returning('id');
    written += inserted.length;
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

const toEntry = (r: Record<string, any>): PointsEntry => ({
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
    const ticket = await tx('tickets').where({ id: ticketId }).forUpdate().first('id', 'utility_id');
    if (!ticket) throw notFound('ticket', ticketId);
    await creditClosedTickets(tx, ticket.utility_id, ticketId);
    const credit = await tx('points_ledger as p')
      .where({ 'p.ticket_id': ticketId, 'p.entry': 'credit' })
      .whereNotExists(tx('points_ledger as r').whereRaw('r.reverses_id = p.id'))
      .orderBy('p.at', 'desc')
      .orderBy('p.id', 'desc')
      .first('p.*');
    if (!credit) return null;
    const [row] = await tx('points_ledger')
      .insert({
        utility_id: credit.utility_id,
        crew_id: credit.crew_id,
        ticket_id: ticketId,
        entry: 'reversal',
        points: -credit.points,
        priority: credit.priority,
        reverses_id: credit.id,
        reason: reason.trim(),
        at: ctx.now(),
      })
      .onConflict('reverses_id')
      .ignore()
      .returning('*');
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

/** Points per crew for a month of the utility's calendar: rows count in the month they were written. */
export async function pointsReport(db: Runner, utility: Utility, month: string): Promise<PointsReport> {
  const { from, to } = monthRange(month, utility.timeZone);
  const raw = await db('utilities').where({ id: utility.id }).first('settings');
  const { rows } = await db.raw(
    `SELECT c.id, c.code, c.name,
            count(*) FILTER (WHERE p.entry = 'credit' AND p.priority = 'critical') AS critical,
            count(*) FILTER (WHERE p.entry = 'credit' AND p.priority = 'high') AS high,
            count(*) FILTER (WHERE p.entry = 'credit' AND p.priority = 'normal') AS normal,
            count(*) FILTER (WHERE p.entry = 'reversal') AS reversals,
            COALESCE(sum(p.points) FILTER (WHERE p.entry = 'credit'), 0) AS credited_points,
            COALESCE(-sum(p.points) FILTER (WHERE p.entry = 'reversal'), 0) AS reversed_points,
            COALESCE(sum(p.points), 0) AS points
       FROM crews c
       LEFT JOIN points_ledger p ON p.crew_id = c.id AND p.at >= ? AND p.at < ?
      WHERE c.utility_id = ?
      GROUP BY c.id
      ORDER BY points DESC, c.code`,
    [from, to, utility.id],
  );
  const crews: CrewPoints[] = rows.map((r: Record<string, unknown>) => ({
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
