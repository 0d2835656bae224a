import type { Runner } from '../../platform/db/knex.js';
import type { Language, OutboundChannel } from '../../core/domain/messages.js';

export interface Reporter {
  id: number;
  phone: string;
  name: string | null;
  blocked: boolean;
  blockedReason: string | null;
  email: string | null;
  preferredChannel: OutboundChannel | null;
  language: Language;
}

interface ReporterRow {
  utility_id: number;
  id: number;
  phone: string;
  name: string | null;
  blocked: boolean;
  blocked_reason: string | null;
  email: string | null;
  preferred_channel: OutboundChannel | null;
  language: Language;
}

const toReporter = (r: ReporterRow): Reporter => ({ id: r.id, phone: r.phone, name: r.name, blocked: r.blocked, blockedReason: r.blocked_reason, email: r.email, preferredChannel: r.preferred_channel, language: r.language });

/** How a reporter wants to be reached, as a submission or the staff may give it. */
export interface ReporterDetails {
  name?: string | null;
  email?: string | null;
  preferredChannel?: OutboundChannel | null;
  language?: Language | null;
}

export async function findReporterByPhone(db: Runner, utilityId: number, phone: string): Promise<Reporter | null> {
  const row = await db<ReporterRow>('reporters').where({ utility_id: utilityId, phone }).first();
  return row ? toReporter(row) : null;
}

/**
 * Creates the reporter, or finds the known one. An unproven phone never
 * overwrites a known reporter's details (anyone can type anyone's number): the
 * first ones stay, and a blank name or address is filled in. With the phone
 * proven (`proven`: a recent one-time code), the details given replace the
 * stored ones. The values given with a report stay on its ticket.
 */
export async function upsertReporter(db: Runner, utilityId: number, r: { phone: string; name?: string | null; address?: string | null } & ReporterDetails, proven = false): Promise<number> {
  const given = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
  const replaced = (column: string) => db.raw(`COALESCE(EXCLUDED.${column}, reporters.${column})`);
  const [row] = await db('reporters')
    .insert({ utility_id: utilityId, phone: r.phone, name: given(r.name), address: given(r.address), email: given(r.email), preferred_channel: r.preferredChannel ?? null, language: r.language ?? 'id' })
    .onConflict(['utility_id', 'phone'])
    .merge(
      proven
        ? { name: replaced('name'), address: db.raw('COALESCE(reporters.address, EXCLUDED.address)'), email: replaced('email'), preferred_channel: replaced('preferred_channel'), language: r.language ? db.raw('EXCLUDED.language') : db.raw('reporters.language') }
        : { name: db.raw('COALESCE(reporters.name, EXCLUDED.name)'), address: db.raw('COALESCE(reporters.address, EXCLUDED.address)') },
    )
    .returning('id');
  return row.id;
}

/** Staff set how a known reporter is reached (the ticket page): channel and language. */
export async function setReporterContact(db: Runner, utilityId: number, reporterId: number, c: { preferredChannel: OutboundChannel | null; language: Language }): Promise<number> {
  return db('reporters').where({ utility_id: utilityId, id: reporterId }).update({ preferred_channel: c.preferredChannel, language: c.language });
}

export async function blockReporter(db: Runner, reporterId: number, reason: string, blockedBy: number, at: Date): Promise<void> {
  await db('reporters').where({ id: reporterId }).update({ blocked: true, blocked_reason: reason, blocked_by: blockedBy, blocked_at: at });
  await db.raw(`INSERT INTO reporter_events (utility_id, reporter_id, action, reason, actor_id, at) SELECT utility_id, id, 'block', ?, ?, ? FROM reporters WHERE id = ?`, [reason, blockedBy, at, reporterId]);
}

/** Lifts a block, with the reason, in the reporter's trail. */
export async function unblockReporter(db: Runner, utilityId: number, reporterId: number, reason: string, by: number, at: Date): Promise<void> {
  await db('reporters').where({ id: reporterId, utility_id: utilityId }).update({ blocked: false, blocked_reason: null, blocked_by: null, blocked_at: null });
  await db('reporter_events').insert({ utility_id: utilityId, reporter_id: reporterId, action: 'unblock', reason, actor_id: by, at });
}

/** A reporter's blocks and unblocks, oldest first, with the staff member's name. */
export async function reporterEventsOf(db: Runner, reporterId: number): Promise<{ action: string; reason: string; by: string | null; at: Date }[]> {
  const rows = await db('reporter_events as e').leftJoin('staff_users as u', 'u.id', 'e.actor_id').where('e.reporter_id', reporterId).orderBy(['e.at', 'e.id']).select('e.action', 'e.reason', 'u.display_name', 'e.at');
  return rows.map((r) => ({ action: r.action, reason: r.reason, by: r.display_name ?? null, at: r.at }));
}
