import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { sha256Of } from '../../platform/storage/photos.js';
import { DomainError, ErrorCode, validationError } from '../../core/domain/errors.js';
import { claimKey, deleteKeysBefore, findKey, releaseKey, storeResponse, takeOverKey } from './idempotency.repository.js';

export interface Replayable<T> {
  statusCode: number;
  body: T;
  replayed: boolean;
}

const KEY = /^[\x21-\x7e]{1,200}$/;
const KEEP_DAYS = 7;
/**
 * How long an attempt holds its key before a retry may presume it dead. An
 * intake request takes well under a second; the lease only decides how soon a
 * retry runs again instead of hearing "in progress": the fencing below keeps
 * a slow attempt that outlives it from making a second ticket.
 */
export const LEASE_SECONDS = 10;

/** When each utility's old keys were last pruned (per database): at most once a minute, not a DELETE per report. */
const prunedAt = new WeakMap<object, Map<number, number>>();
const PRUNE_EVERY_MS = 60_000;

async function pruneKeys(ctx: AppContext, utilityId: number, now: Date): Promise<void> {
  let byUtility = prunedAt.get(ctx.config);
  if (!byUtility) prunedAt.set(ctx.config, (byUtility = new Map()));
  const last = byUtility.get(utilityId);
  if (last !== undefined && Math.abs(now.getTime() - last) < PRUNE_EVERY_MS) return;
  byUtility.set(utilityId, now.getTime());
  await deleteKeysBefore(ctx.db, utilityId, new Date(now.getTime() - KEEP_DAYS * 86_400_000)).catch(() => undefined);
}

/** Refuses a key that is not 1 to 200 visible ASCII characters (400, the header named). */
export function checkIdempotencyKey(key: string): void {
  if (!KEY.test(key)) throw validationError([{ field: 'Idempotency-Key', message: 'use 1 to 200 visible ASCII characters (a UUID is ideal)' }]);
}

/**
 * A stable digest of what was asked: the fields and the photo (by its sha256;
 * `photoSha256` when the caller has it already, so the bytes are read once).
 */
export function requestHashOf(fields: unknown, photo: Buffer | null | undefined, photoSha256?: string | null): string {
  const h = crypto.createHash('sha256').update(JSON.stringify(fields));
  if (photo) h.update(photoSha256 ?? sha256Of(photo));
  return h.digest('hex');
}

/**
 * Runs `create` once per Idempotency-Key, in a transaction: a retry of the
 * same request gets the first answer again (and makes nothing new); the key
 * reused for another request is refused with 409. A refused attempt frees its
 * key, so the corrected request can use it. `prepare` runs first, outside the
 * transaction, only when `create` is to run: the per-phone throttle's count,
 * the checks and the photo's store, so a replay neither counts against the
 * phone's limit again (issue 11) nor stores anything, and no connection is
 * held while a photo is read and written.
 *
 * Surviving crashes (issue 11, finding 5). "Never finished" is decided by two
 * facts on the key row:
 * - The answer is stored in the same transaction as the ticket: `create` gets a
 *   context whose `db` is that transaction, and the key's status_code is set
 *   before it commits. So a stored answer means the ticket exists, and no
 *   stored answer means nothing of the attempt committed.
 * - Each attempt holds a lease (LEASE_SECONDS). A retry within the lease hears
 *   409 "in progress" with Retry-After; after it, the attempt is presumed dead
 *   (killed process, lost database) and the retry takes the key over (attempt
 *   + 1) and runs again. The answer is stored only `WHERE attempt = mine`, so
 *   an attempt that was merely slow and lost its key rolls its ticket back:
 *   exactly one ticket whichever way it goes.
 */
export async function once<T, P = undefined>(
  ctx: AppContext,
  utilityId: number,
  key: string | undefined,
  requestHash: string,
  create: (ctx: AppContext, prepared: P) => Promise<{ statusCode: number; body: T }>,
  prepare?: () => Promise<P>,
): Promise<Replayable<T>> {
  const prepareIt = async () => (prepare ? await prepare() : (undefined as P));
  if (key === undefined) {
    const prepared = await prepareIt();
    return { ...(await ctx.db.transaction((tx) => create({ ...ctx, db: tx }, prepared))), replayed: false };
  }
  checkIdempotencyKey(key);

  const now = ctx.now();
  const leaseUntil = new Date(now.getTime() + LEASE_SECONDS * 1000);
  let attempt: number | null = null;
  // A few rounds: the row may be released or taken over between our reads.
  for (let round = 0; attempt === null && round < 5; round++) {
    attempt = await claimKey(ctx.db, utilityId, key, requestHash, now, leaseUntil);
    if (attempt !== null) break;
    const row = await findKey(ctx.db, utilityId, key);
    if (!row) continue; // released by a refused attempt just now: claim again
    if (row.requestHash !== requestHash) {
      throw new DomainError(ErrorCode.conflict, 'This Idempotency-Key was already used for a different request', { field: 'Idempotency-Key' });
    }
    if (row.statusCode !== null) return { statusCode: row.statusCode, body: row.response as T, replayed: true };
    if (row.leaseUntil !== null && row.leaseUntil.getTime() > now.getTime()) {
      const retryAfterSeconds = Math.max(1, Math.ceil((row.leaseUntil.getTime() - now.getTime()) / 1000));
      throw new DomainError(ErrorCode.conflict, 'The same request is still being processed; try again in a moment', { field: 'Idempotency-Key', inProgress: true, retryAfterSeconds });
    }
    attempt = await takeOverKey(ctx.db, utilityId, key, requestHash, now, leaseUntil);
  }
  if (attempt === null) {
    throw new DomainError(ErrorCode.conflict, 'The same request is still being processed; try again in a moment', { field: 'Idempotency-Key', inProgress: true, retryAfterSeconds: 1 });
  }

  const mine = attempt;
  let result: { statusCode: number; body: T };
  try {
    // Outside the transaction: the throttle's count, the checks and the photo's store (a replay above skipped them all).
    const prepared = await prepareIt();
    result = await ctx.db.transaction(async (tx) => {
      const made = await create({ ...ctx, db: tx }, prepared);
      if (!(await storeResponse(tx, utilityId, key, mine, made.statusCode, made.body))) {
        // A retry took the key over while this attempt ran: roll back, the retry makes the ticket.
        throw new DomainError(ErrorCode.conflict, 'The same request is still being processed; try again in a moment', { field: 'Idempotency-Key', inProgress: true, retryAfterSeconds: 1 });
      }
      return made;
    });
  } catch (err) {
    // When the database is gone this fails too; the lease then runs out and a retry takes over.
    await releaseKey(ctx.db, utilityId, key, mine).catch(() => undefined);
    throw err;
  }
  await pruneKeys(ctx, utilityId, now);
  return { ...result, replayed: false };
}
