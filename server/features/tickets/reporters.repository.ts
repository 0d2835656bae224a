import type { Runner } from '../../platform/db/knex.js';

export interface Reporter {
  id: number;
  phone: string;
  name: string | null;
  blocked: boolean;
  blockedReason: string | null;
}

interface ReporterRow {
  utility_id: number;
  id: number;
  phone: string;
  name: string | null;
  blocked: boolean;
  blocked_reason: string | null;
}

const toReporter = (r: ReporterRow): Reporter => ({ id: r.id, phone: r.phone, name: r.name, blocked: r.blocked, blockedReason: r.blocked_reason });

export async function findReporterByPhone(db: Runner, utilityId: number, phone: string): Promise<Reporter | null> {
  const row = await db<ReporterRow>('reporters').where({ utility_id: utilityId, phone }).first();
  return row ? toReporter(row) : null;
}

/**
 * Creates the reporter, or finds the known one. Phones are not verified, so a
 * submission never overwrites a known reporter's name or address (anyone can
 * type anyone's number): the first ones stay, and a blank one is filled in.
 * The values given with a report stay on its ticket.
 */
export async function upsertReporter(db: Runner, utilityId: number, r: { phone: string; name?: string | null; address?: string | null }): Promise<number> {
  const [row] = await db('reporters')
    .insert({ utility_id: utilityId, phone: r.phone, name: r.name ?? null, address: r.address ?? null })
    .onConflict(['utility_id', 'phone'])
    .merge({
      name: db.raw('COALESCE(reporters.name, EXCLUDED.name)'),
      address: db.raw('COALESCE(reporters.address, EXCLUDED.address)'),
    })
    .returning('id');
  return row.id;
}

export async function blockReporter(db: Runner, reporterId: number, reason: string, blockedBy: number, at: Date): Promise<void> {
  await db('reporters').where({ id: reporterId }).update({ blocked: true, blocked_reason: reason, blocked_by: blockedBy, blocked_at: at });
}
