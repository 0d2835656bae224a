import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import type { Runner } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import type { Language } from '../../core/domain/messages.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import { enqueueNotification } from './service.js';
import { countAttempt, countRecentCodes, findByToken, insertVerification, lockPhone, lockVerification, markVerified, setCodeHash } from './verification.repository.js';

/**
 * Phone verification by one-time code, sent through the SMS (or WhatsApp)
 * gateway as an urgent outbox message (no quiet hours). A confirmed code gives
 * a token that proves the number for `proofMinutes`: intake asks for one
 * before a submission changes a known reporter's details, or re-reports by
 * number from elsewhere (`isPhoneProven`).
 */
export const verificationDefaults = {
  /** How long a code may be entered. */
  codeMinutes: 10,
  /** Wrong entries before a code is spent. */
  maxAttempts: 5,
  /** Codes per phone per hour (each costs an SMS). */
  codesPerHour: 3,
  /** How long a confirmed number counts as proven. */
  proofMinutes: 60,
};

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** Sends a fresh code to the phone (normalised +62...); answers its id and expiry, never the code. */
export async function startVerification(ctx: Pick<AppContext, 'db' | 'now'>, utility: Utility, phone: string, lang: Language): Promise<{ id: number; expiresAt: Date }> {
  const at = ctx.now();
  return ctx.db.transaction(async (tx) => {
    // One at a time per phone: two concurrent requests cannot both slip under the hourly limit.
    await lockPhone(tx, utility.id, phone);
    const recent = await countRecentCodes(tx, utility.id, phone, new Date(at.getTime() - 3_600_000));
    if (recent >= verificationDefaults.codesPerHour) {
      throw new DomainError(ErrorCode.tooManyRequests, 'Too many codes for this number; try again in an hour', { retryAfterSeconds: 3600, field: 'phone' });
    }
    const expiresAt = new Date(at.getTime() + verificationDefaults.codeMinutes * 60_000);
    const id = await insertVerification(tx, { utilityId: utility.id, phone, at, expiresAt });
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    await setCodeHash(tx, id, sha256(`${id}:${code}`));
    await enqueueNotification(tx, {
      utilityId: utility.id,
      kind: 'phone.code',
      audience: 'reporter',
      urgent: true,
      sourceKey: `phone-code:${id}`,
      // The code rides in the event only until the message is sent (then it is taken out): phone_verifications keeps its hash.
      data: { phone, code, minutes: verificationDefaults.codeMinutes, lang, expiresAt: expiresAt.toISOString() },
      at,
    });
    return { id, expiresAt };
  });
}

/** Checks a code; on success answers a token proving the phone. Wrong, expired or spent codes are refused naming the field. */
export async function confirmVerification(ctx: Pick<AppContext, 'db' | 'now'>, utility: Utility, id: number, code: string): Promise<{ token: string; phone: string; validUntil: Date }> {
  const at = ctx.now();
  // The attempt is counted even when the code is wrong: its own transaction, committed before the refusal.
  const outcome = await ctx.db.transaction(async (tx) => {
    const v = await lockVerification(tx, utility.id, id);
    if (!v) throw notFound('verification', id);
    if (v.verifiedAt) return { refused: 'this code was already used; ask for a new one' } as const;
    if (v.expiresAt.getTime() <= at.getTime()) return { refused: 'the code has expired; ask for a new one' } as const;
    if (v.attempts >= verificationDefaults.maxAttempts) return { refused: 'too many wrong codes; ask for a new one' } as const;
    await countAttempt(tx, id);
    const expected = Buffer.from(v.codeHash, 'hex');
    const given = Buffer.from(sha256(`${id}:${code.trim()}`), 'hex');
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
      const left = verificationDefaults.maxAttempts - v.attempts - 1;
      return { refused: left > 0 ? `wrong code; ${left} tries left` : 'wrong code; ask for a new one' } as const;
    }
    const token = crypto.randomBytes(24).toString('base64url');
    await markVerified(tx, id, at, sha256(token));
    return { token, phone: v.phone } as const;
  });
  if ('refused' in outcome) throw validationError([{ field: 'code', message: outcome.refused as string }]);
  return { token: outcome.token, phone: outcome.phone, validUntil: new Date(at.getTime() + verificationDefaults.proofMinutes * 60_000) };
}

/** Whether `token` proves `phone` (normalised) as of `now`: for intake before it trusts a number. */
export async function isPhoneProven(db: Runner, utilityId: number, phone: string, token: string | null | undefined, now: Date): Promise<boolean> {
  if (!token) return false;
  const found = await findByToken(db, utilityId, sha256(token));
  return Boolean(found && found.phone === phone && now.getTime() - found.verifiedAt.getTime() <= verificationDefaults.proofMinutes * 60_000);
}
