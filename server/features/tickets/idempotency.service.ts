import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { DomainError, ErrorCode, validationError } from '../../core/domain/errors.js';
import { claimKey, deleteKeysBefore, findKey, releaseKey, storeResponse } from './idempotency.repository.js';

export interface Replayable<T> {
  statusCode: number;
  body: T;
  replayed: boolean;
}

const KEY = /^[\x21-\x7e]{1,200}$/;
const KEEP_DAYS = 7;

/** A stable digest of what was asked: the fields and the photo's bytes. */
export function requestHashOf(fields: unknown, photo: Buffer | null | undefined): string {
  const h = crypto.createHash('sha256').update(JSON.stringify(fields));
  if (photo) h.update(photo);
  return h.digest('hex');
}

/**
 * Runs `create` once per Idempotency-Key: a retry of the same request gets the
 * first answer again (and makes nothing new); the key reused for another
 * request, or while the first is still running, is refused with 409. A refused
 * first request frees its key, so the corrected request can use it.
 */
export async function once<T>(
  ctx: AppContext,
  utilityId: number,
  key: string | undefined,
  requestHash: string,
  create: () => Promise<{ statusCode: number; body: T }>,
): Promise<Replayable<T>> {
  if (key === undefined) return { ...(await create()), replayed: false };
  if (!KEY.test(key)) throw validationError([{ field: 'Idempotency-Key', message: 'use 1 to 200 visible ASCII characters (a UUID is ideal)' }]);

  const now = ctx.now();
  if (!(await claimKey(ctx.db, utilityId, key, requestHash, now))) {
    const row = (await findKey(ctx.db, utilityId, key))!;
    if (row.requestHash !== requestHash) {
      throw new DomainError(ErrorCode.conflict, 'This Idempotency-Key was already used for a different request', { field: 'Idempotency-Key' });
    }
    if (row.statusCode === null) {
      throw new DomainError(ErrorCode.conflict, 'The same request is still being processed; try again in a moment', { field: 'Idempotency-Key', inProgress: true });
    }
    return { statusCode: row.statusCode, body: row.response as T, replayed: true };
  }
  try {
    const result = await create();
    await storeResponse(ctx.db, utilityId, key, result.statusCode, result.body);
    await deleteKeysBefore(ctx.db, utilityId, new Date(now.getTime() - KEEP_DAYS * 86_400_000));
    return { ...result, replayed: false };
  } catch (err) {
    await releaseKey(ctx.db, utilityId, key);
    throw err;
  }
}
