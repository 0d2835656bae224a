import type { Runner } from '../../platform/db/knex.js';

/** The SQL of phone verification (sql/0022_phone_verifications.sql). */

export async function countRecentCodes(db: Runner, utilityId: number, phone: string, since: Date): Promise<number> {
  const [{ n }] = await db('phone_verifications').where({ utility_id: utilityId, phone }).where('created_at', '>=', since).count<{ n: string }[]>({ n: '*' });
  return Number(n);
}

export async function insertVerification(db: Runner, v: { utilityId: number; phone: string; at: Date; expiresAt: Date }): Promise<number> {
  const [row] = await db('phone_verifications').insert({ utility_id: v.utilityId, phone: v.phone, code_hash: '', created_at: v.at, expires_at: v.expiresAt }).returning('id');
  return row.id;
}

export async function setCodeHash(db: Runner, id: number, hash: string): Promise<void> {
  await db('phone_verifications').where({ id }).update({ code_hash: hash });
}

export interface VerificationRow {
  id: number;
  phone: string;
  codeHash: string;
  attempts: number;
  expiresAt: Date;
  verifiedAt: Date | null;
}

export async function lockVerification(db: Runner, utilityId: number, id: number): Promise<VerificationRow | null> {
  const r = await db('phone_verifications').where({ utility_id: utilityId, id }).forUpdate().first();
  return r ? { id: r.id, phone: r.phone, codeHash: r.code_hash, attempts: r.attempts, expiresAt: r.expires_at, verifiedAt: r.verified_at } : null;
}

export async function countAttempt(db: Runner, id: number): Promise<void> {
  await db('phone_verifications').where({ id }).increment('attempts', 1);
}

export async function markVerified(db: Runner, id: number, at: Date, tokenHash: string): Promise<void> {
  await db('phone_verifications').where({ id }).update({ verified_at: at, token_hash: tokenHash });
}

/** The phone a token proves, and when it was proven; null for an unknown token. */
export async function findByToken(db: Runner, utilityId: number, tokenHash: string): Promise<{ phone: string; verifiedAt: Date } | null> {
  const r = await db('phone_verifications').where({ utility_id: utilityId, token_hash: tokenHash }).whereNotNull('verified_at').first('phone', 'verified_at');
  return r ? { phone: r.phone, verifiedAt: r.verified_at } : null;
}

/** Serialises code requests for one phone within the caller's transaction. */
export async function lockPhone(db: Runner, utilityId: number, phone: string): Promise<void> {
  await db.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`verify:${utilityId}:${phone}`]);
}
