import type { Runner } from '../../platform/db/knex.js';

export interface IdempotencyRecord {
  requestHash: string;
  /** null: the first request is still running. */
  statusCode: number | null;
  response: unknown;
}

/** Claims the key for this request; false when it is already taken. */
export async function claimKey(db: Runner, utilityId: number, key: string, requestHash: string, at: Date): Promise<boolean> {
  const inserted = await db('idempotency_keys')
    .insert({ utility_id: utilityId, key, request_hash: requestHash, created_at: at })
    .onConflict(['utility_id', 'key'])
    .ignore()
    .returning('key');
  return inserted.length > 0;
}

export async function findKey(db: Runner, utilityId: number, key: string): Promise<IdempotencyRecord | null> {
  const row = await db('idempotency_keys').where({ utility_id: utilityId, key }).first();
  return row ? { requestHash: row.request_hash, statusCode: row.status_code, response: row.response } : null;
}

export async function storeResponse(db: Runner, utilityId: number, key: string, statusCode: number, body: unknown): Promise<void> {
  await db('idempotency_keys').where({ utility_id: utilityId, key }).update({ status_code: statusCode, response: JSON.stringify(body) });
}

export async function releaseKey(db: Runner, utilityId: number, key: string): Promise<void> {
  await db('idempotency_keys').where({ utility_id: utilityId, key }).delete();
}

export async function deleteKeysBefore(db: Runner, utilityId: number, before: Date): Promise<void> {
  await db('idempotency_keys').where({ utility_id: utilityId }).andWhere('created_at', '<', before).delete();
}
