/** The per-utility key that signs reporters' links (receipt follow-up, rating). */
import type { Runner } from '../../platform/db/knex.js';

/** The utility's link key; `fresh` is stored first when there is none (the first writer wins, every instance reads the same). */
export async function linkKeyOf(db: Runner, utilityId: number, fresh: string): Promise<string> {
  await db('link_keys').insert({ utility_id: utilityId, secret: fresh }).onConflict('utility_id').ignore();
  const row = await db('link_keys').where({ utility_id: utilityId }).first('secret');
  return row.secret;
}

/** The reporters of a ticket: its own, and those of the reports merged into it. */
export async function reporterIdsOf(db: Runner, ticketId: number): Promise<number[]> {
  const rows = await db('tickets')
    .where({ id: ticketId })
    .orWhere((w) => w.where({ duplicate_of_id: ticketId, status: 'merged' }))
    .whereNotNull('reporter_id')
    .distinct('reporter_id');
  return rows.map((r) => r.reporter_id);
}

/** A reporter's tickets, newest first: a merged report shows as the open ticket it was added to. */
export async function ticketsOfReporter(
  db: Runner,
  utilityId: number,
  reporterId: number,
  limit: number,
): Promise<{ id: number; number: string; status: string; category: string; receivedAt: Date; lastStepAt: Date | null }[]> {
  const rows = await db('tickets as own')
    .leftJoin('tickets as master', function () {
      this.on('master.id', '=', 'own.duplicate_of_id').andOn(db.raw("own.status = 'merged'"));
    })
    .where({ 'own.utility_id': utilityId, 'own.reporter_id': reporterId })
    .orderBy('own.received_at', 'desc')
    .limit(limit)
    .select(
      db.raw('COALESCE(master.id, own.id) AS id'),
      db.raw('COALESCE(master.number, own.number) AS number'),
      db.raw('COALESCE(master.status, own.status) AS status'),
      db.raw('COALESCE(master.category, own.category) AS category'),
      'own.received_at',
      db.raw('(SELECT max(e.at) FROM ticket_events e WHERE e.ticket_id = COALESCE(master.id, own.id)) AS last_step_at'),
    );
  const seen = new Set<number>();
  return rows
    .filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)))
    .map((r) => ({ id: r.id, number: r.number, status: r.status, category: r.category, receivedAt: r.received_at, lastStepAt: r.last_step_at ?? null }));
}
