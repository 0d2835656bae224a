import type { Runner } from '../../platform/db/knex.js';

export interface IdempotencyRecord {
  requestHash: string;
  /** null: no attempt has finished (one may still be running: see leaseUntil). */
  statusCode: number | null;
  response: unknown;
  /** Until when the running attempt holds the key; null on rows from before leases (expired). */
  leaseUntil: Date | null;
  attempt: number;
}

/** Claims a new key for this request (attempt 1); null when the key already exists. */
export async function claimKey(db: Runner, utilityId: number, key: string, requestHash: string, at: Date, leaseUntil: Date): Promise<number | null> {
  const inserted = await db('idempotency_keys')
    .insert({ utility_id: utilityId, key, request_hash: requestHash, created_at: at, lease_until: leaseUntil, attempt: 1 })
    .onConflict(['utility_id', 'key'])
    .ignore()
    .returning('attempt');
  return inserted.length > 0 ? (inserted[0].attempt as number) : null;
}

export async function findKey(db: Runner, utilityId: number, key: string): Promise<IdempotencyRecord | null> {
  const row = await db('idempotency_keys').where({ utility_id: utilityId, key }).first();
  return row ? { requestHash: row.request_hash, statusCode: row.status_code, response: row.response, leaseUntil: row.lease_until, attempt: row.attempt } : null;
}

/**
 * Takes over a key whose attempt never finished and whose lease has run out:
 * the next attempt number, or null when another retry took it first or the
 * response was stored meanwhile (one UPDATE, so two retries cannot both win).
 */
export async function takeOverKey(db: Runner, utilityId: number, key: string, requestHash: string, at: Date, leaseUntil: Date): Promise<number | null> {
  const rows = await db('idempotency_keys')
    .where({ utility_id: utilityId, key, request_hash: requestHash })
    .whereNull('status_code')
    .andWhere((q) => q.whereNull('lease_until').orWhere('lease_until', '<=', at))
    .update({ attempt: db.raw('attempt + 1'), lease_until: leaseUntil })
    .returning('attempt');
  return rows.length > 0 ? (rows[0].attempt as number) : null;
}

/** Stores the answer, only for the attempt that holds the key (run it in the ticket's transaction); false when the key was taken over. */
export async function storeResponse(db: Runner, utilityId: number, key: string, attempt: number, statusCode: number, body: unknown): Promise<boolean> {
  const n = await db('idempotency_keys').where({ utility_id: utilityId, key, attempt }).whereNull('status_code').update({ status_code: statusCode, response: JSON.stringify(body), lease_until: null });
  return n > 0;
}

/** Frees the key after a refused attempt, unless another attempt holds it now. */
export async function releaseKey(db: Runner, utilityId: number, key: string, attempt: number): Promise<void> {
  await db('idempotency_keys').where({ utility_id: utilityId, key, attempt }).whereNull('status_code').delete();
}

export async function deleteKeysBefore(db: Runner, utilityId: number, before: Date): Promise<void> {
  await db('idempotency_keys').where({ utility_id: utilityId }).andWhere('created_at', '<', before).delete();
}
