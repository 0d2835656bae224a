import type { Runner } from '../../platform/db/knex.js';

/** A journalled report as the drain needs it: the validated fields and the stored photo, as journal.service.ts wrote them. */
export interface JournalEntry {
  id: number;
  utilityId: number;
  token: string;
  idempotencyKey: string | null;
  request: unknown;
  receivedAt: Date;
  /** The attempt that holds the row now (the fence: only it may finish the row). */
  attempt: number;
}

export type JournalState = 'pending' | 'done' | 'refused';

interface Row {
  id: string;
  utility_id: string;
  token: string;
  idempotency_key: string | null;
  request: unknown;
  received_at: Date;
  attempt: number;
}

const entryOf = (r: Row): JournalEntry => ({ id: Number(r.id), utilityId: Number(r.utility_id), token: r.token, idempotencyKey: r.idempotency_key, request: r.request, receivedAt: r.received_at, attempt: r.attempt });

/**
 * Journals one report in one statement (its own commit). With an
 * Idempotency-Key, the key is claimed in the same statement, its answer the
 * 202 (`accepted`): a retry replays it (idempotency.service.ts) until the drain
 * stores the final answer. Null when the key exists already (nothing written).
 * The one place the journal writes idempotency_keys' first row; finishing an
 * entry writes its final answer (finishEntry).
 */
export async function journalReport(
  db: Runner,
  row: { utilityId: number; token: string; request: unknown; receivedAt: Date; leaseUntil: Date },
  key: { key: string; requestHash: string; accepted: unknown } | null,
): Promise<number | null> {
  if (!key) {
    const [r] = await db('intake_journal')
      .insert({ utility_id: row.utilityId, token: row.token, request: JSON.stringify(row.request), received_at: row.receivedAt, lease_until: row.leaseUntil })
      .returning('id');
    return Number(r.id);
  }
  const { rows } = await db.raw(
    `WITH k AS (
       INSERT INTO idempotency_keys (utility_id, key, request_hash, created_at, status_code, response, lease_until, attempt)
       VALUES (?, ?, ?, ?, 202, ?::jsonb, NULL, 1)
       ON CONFLICT (utility_id, key) DO NOTHING
       RETURNING key)
     INSERT INTO intake_journal (utility_id, token, idempotency_key, request, received_at, lease_until)
     SELECT ?, ?, k.key, ?::jsonb, ?, ? FROM k
     RETURNING id`,
    [row.utilityId, key.key, key.requestHash, row.receivedAt, JSON.stringify(key.accepted), row.utilityId, row.token, JSON.stringify(row.request), row.receivedAt, row.leaseUntil],
  );
  return rows.length ? Number(rows[0].id) : null;
}

/**
 * Claims pending entries for a drain: `ids` (this process's own, whatever
 * their lease), or up to `limit` whose lease ran out (a dead writer's). Each
 * claim is a new attempt with a new lease; SKIP LOCKED, so two instances take
 * different rows.
 */
export async function claimJournal(db: Runner, now: Date, leaseUntil: Date, which: { ids: number[] } | { limit: number; utilityIds?: number[] }): Promise<JournalEntry[]> {
  const inner = db('intake_journal').where({ state: 'pending' }).orderBy('id').forUpdate().skipLocked().select('id');
  if ('ids' in which) inner.whereIn('id', which.ids);
  else {
    inner.where((w) => w.whereNull('lease_until').orWhere('lease_until', '<', now)).limit(which.limit);
    if (which.utilityIds) inner.whereIn('utility_id', which.utilityIds);
  }
  const rows: Row[] = await db('intake_journal')
    .whereIn('id', inner)
    .update({ lease_until: leaseUntil, attempt: db.raw('attempt + 1') })
    .returning(['id', 'utility_id', 'token', 'idempotency_key', 'request', 'received_at', 'attempt']);
  return rows.map(entryOf).sort((a, b) => a.id - b.id);
}

/**
 * Finishes an entry with its answer (the receipt, or the refusal), only for
 * the attempt that holds it: false when another attempt took it over (the
 * caller rolls back). Run it in the ticket's transaction. The key's stored
 * answer follows: the receipt replaces the 202; a refusal frees the key, so
 * the corrected request may use it again (as a refused request does).
 */
export async function finishEntry(db: Runner, entry: JournalEntry, state: Exclude<JournalState, 'pending'>, statusCode: number, response: unknown, at: Date): Promise<boolean> {
  const n = await db('intake_journal')
    .where({ id: entry.id, attempt: entry.attempt, state: 'pending' })
    .update({ state, status_code: statusCode, response: JSON.stringify(response), lease_until: null, finished_at: at });
  if (n === 0) return false;
  if (entry.idempotencyKey !== null) {
    const key = db('idempotency_keys').where({ utility_id: entry.utilityId, key: entry.idempotencyKey, status_code: 202 });
    if (state === 'done') await key.update({ status_code: statusCode, response: JSON.stringify(response) });
    else await key.delete();
  }
  return true;
}

/** The entry's state and answer, by its token (the citizen's form polls it). */
export async function findEntryByToken(db: Runner, utilityId: number, token: string): Promise<{ id: number; state: JournalState; statusCode: number | null; response: unknown; receivedAt: Date } | null> {
  const row = await db('intake_journal').where({ utility_id: utilityId, token }).first('id', 'state', 'status_code', 'response', 'received_at');
  return row ? { id: Number(row.id), state: row.state, statusCode: row.status_code, response: row.response, receivedAt: row.received_at } : null;
}

/** Finished entries older than `before` deleted (their answers were kept long enough to be polled); of `utilityIds` when given. */
export async function deleteFinishedBefore(db: Runner, before: Date, utilityIds?: number[]): Promise<void> {
  const old = db('intake_journal').whereNot({ state: 'pending' }).andWhere('finished_at', '<', before);
  if (utilityIds) old.whereIn('utility_id', utilityIds);
  await old.delete();
}
