import type { Runner } from '../../platform/db/knex.js';
import type { Priority } from '../../core/domain/tickets.js';

/** The incentive-points ledger's SQL. Rows are only ever inserted. */

export interface LedgerRow {
  id: number;
  utility_id: number;
  crew_id: number;
  ticket_id: number;
  entry: 'credit' | 'reversal';
  points: number;
  priority: Priority;
  reason: string | null;
  at: Date;
}

/** The utility's stored settings overrides (jsonb); undefined when there is no such utility. */
export async function utilitySettingsOverrides(db: Runner, utilityId: number): Promise<{ settings: unknown } | undefined> {
  return db('utilities').where({ id: utilityId }).first('settings');
}

/** Close events of the utility (or of one ticket) with a crew and a priority and no credit yet. */
export async function uncreditedCloses(db: Runner, utilityId: number, ticketId?: number): Promise<{ event_id: number; at: Date; ticket_id: number; crew_id: number; priority: Priority }[]> {
  const { rows } = await db.raw(
    `SELECT e.id AS event_id, e.at, t.id AS ticket_id, t.crew_id, t.priority
       FROM ticket_events e
       JOIN tickets t ON t.id = e.ticket_id
       LEFT JOIN points_ledger p ON p.close_event_id = e.id
      WHERE e.utility_id = ? AND e.action = 'close' ${ticketId === undefined ? '' : 'AND e.ticket_id = ?'}
        AND t.crew_id IS NOT NULL AND t.priority IS NOT NULL AND p.id IS NULL`,
    [utilityId, ...(ticketId === undefined ? [] : [ticketId])],
  );
  return rows;
}

/** Inserts credit rows; a close already credited (by a concurrent sweep) is skipped by its UNIQUE key. Returns the rows written. */
export async function insertCredits(
  db: Runner,
  credits: { utilityId: number; crewId: number; ticketId: number; points: number; priority: Priority; closeEventId: number; at: Date }[],
): Promise<number> {
  if (credits.length === 0) return 0;
  const inserted = await db('points_ledger')
    .insert(
      credits.map((c) => ({
        utility_id: c.utilityId,
        crew_id: c.crewId,
        ticket_id: c.ticketId,
        entry: 'credit',
        points: c.points,
        priority: c.priority,
        close_event_id: c.closeEventId,
        at: c.at,
      })),
    )
    .onConflict('close_event_id')
    .ignore()
    .returning('id');
  return inserted.length;
}

/** Locks the ticket row (serialises reversals of one ticket); undefined when there is none. */
export async function lockTicket(db: Runner, ticketId: number): Promise<{ id: number; utility_id: number } | undefined> {
  return db('tickets').where({ id: ticketId }).forUpdate().first('id', 'utility_id');
}

/** The ticket's latest credit that no reversal cancels yet. */
export async function latestStandingCredit(db: Runner, ticketId: number): Promise<LedgerRow | undefined> {
  return db('points_ledger as p')
    .where({ 'p.ticket_id': ticketId, 'p.entry': 'credit' })
    .whereNotExists(db('points_ledger as r').whereRaw('r.reverses_id = p.id'))
    .orderBy('p.at', 'desc')
    .orderBy('p.id', 'desc')
    .first('p.*');
}

/** Inserts the reversal of a credit; undefined when that credit was already reversed (UNIQUE reverses_id). */
export async function insertReversal(db: Runner, credit: LedgerRow, reason: string, at: Date): Promise<LedgerRow | undefined> {
  const [row] = await db('points_ledger')
    .insert({
      utility_id: credit.utility_id,
      crew_id: credit.crew_id,
      ticket_id: credit.ticket_id,
      entry: 'reversal',
      points: -credit.points,
      priority: credit.priority,
      reverses_id: credit.id,
      reason,
      at,
    })
    .onConflict('reverses_id')
    .ignore()
    .returning('*');
  return row;
}

/** Per crew of the utility, the ledger rows written in [from, to): credits by priority, reversals and sums. */
export async function crewPointsBetween(db: Runner, utilityId: number, from: Date, to: Date): Promise<Record<string, unknown>[]> {
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
    [from, to, utilityId],
  );
  return rows;
}
