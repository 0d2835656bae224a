import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import type { Runner } from '../../platform/db/knex.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import type { Role } from '../../core/domain/tickets.js';
import { findUtilityById, type Utility } from '../utilities/service.js';
import { deleteExpiredSessions, deleteSession, findSessionUser, findStaffForLogin, insertSession, updatePasswordHash } from './repository.js';
import { throttleOf } from '../../platform/http/throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { StaffUser } from './view.js';

export type { StaffUser } from './view.js';

/** The password of every demo account; a production start refuses while any account has it. */
export const DEMO_PASSWORD = 'tirta-demo';

export const tokenHashOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/**
 * A hash of no one's password with the same scrypt cost: an unknown username
 * (or an inactive account) is checked against it, so it takes as long to refuse
 * as a wrong password and the timing does not tell which usernames exist.
 */
let dummyHash: Promise<string> | null = null;
const dummyHashOf = () => (dummyHash ??= hashPassword(crypto.randomBytes(18).toString('base64url')));

/**
 * Exchanges a username and password for an opaque bearer token; only its hash
 * is stored. Throttled (config.throttle): wrong passwords count per username
 * from this address (blocked for some minutes past the limit; a success clears
 * it), per username from anywhere (a slower limit with a bounded block) and per
 * address; while any is over, the answer is TOO_MANY_REQUESTS without a check.
 */
export async function login(
  ctx: AppContext,
  utility: Utility,
  username: string,
  password: string,
  from = 'unknown',
): Promise<{ token: string; expiresAt: Date; user: StaffUser }> {
  const throttle = throttleOf(ctx);
  const userKey = `${utility.id}:${username.toLowerCase()}`;
  const keys = { loginUserIp: `${userKey}@${from}`, loginUser: userKey, loginIp: `${utility.id}@${from}` } as const;
  for (const [rule, key] of Object.entries(keys)) await throttle.check(rule as keyof typeof keys, key);
  const found = await findStaffForLogin(ctx.db, utility.id, username);
  const passwordOk = await verifyPassword(password, found?.passwordHash ?? (await dummyHashOf()));
  if (!passwordOk || !found || !found.user.active) {
    // Each failure counts on all three; the one that crosses its limit answers 429 already.
    const counted = await Promise.allSettled(Object.entries(keys).map(([rule, key]) => throttle.hit(rule as keyof typeof keys, key)));
    const refused = counted.find((c) => c.status === 'rejected');
    if (refused) throw refused.reason;
    throw new DomainError(ErrorCode.unauthenticated, 'Wrong username or password', { field: 'password' });
  }
  await throttle.reset('loginUserIp', keys.loginUserIp);
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.sessionHours * 3600_000);
  await insertSession(ctx.db, { tokenHash: tokenHashOf(token), utilityId: utility.id, userId: found.user.id, expiresAt });
  return { token, expiresAt, user: found.user };
}

/** Deletes a utility's sessions past their expiry (the worker, each tick); how many. */
export async function cleanUpExpiredSessions(db: Runner, utilityId: number, now: Date): Promise<number> {
  return deleteExpiredSessions(db, utilityId, now);
}

export async function logout(ctx: AppContext, token: string): Promise<void> {
  await deleteSession(ctx.db, tokenHashOf(token));
}

export async function authenticate(ctx: AppContext, token: string): Promise<StaffUser> {
  const user = await findSessionUser(ctx.db, tokenHashOf(token), ctx.now());
  if (!user) throw new DomainError(ErrorCode.unauthenticated, 'Your session has expired or is not valid; please log in again');
  return user;
}

/**
 * Deny by default: the account behind a bearer token and its utility, when the
 * session is valid and (with `roles`) the account holds one of them.
 */
export async function authenticateStaff(
  ctx: AppContext,
  token: string | null,
  roles?: readonly Role[],
  options: { whilePasswordMustChange?: boolean } = {},
): Promise<{ user: StaffUser; utility: Utility }> {
  if (!token) throw new DomainError(ErrorCode.unauthenticated, 'Log in first: send Authorization: Bearer <token>');
  const user = await authenticate(ctx, token);
  // A password someone else set (first admin, a reset) opens only the password change, /me and logout.
  if (user.mustChangePassword && !options.whilePasswordMustChange) {
    throw new DomainError(ErrorCode.passwordChangeRequired, 'Change the password you were given first (POST /api/v1/auth/password)', { field: 'newPassword' });
  }
  if (roles && !roles.includes(user.role)) {
    throw new DomainError(ErrorCode.forbidden, `Role ${user.role} may not do this`, { role: user.role, allowedRoles: roles });
  }
  const utility = await findUtilityById(ctx.db, user.utilityId);
  if (!utility) throw notFound('utility', user.utilityId);
  return { user, utility };
}

export function requireRole(user: StaffUser, allowed: readonly Role[], what: string): void {
  if (!allowed.includes(user.role)) {
    throw new DomainError(ErrorCode.forbidden, `Role ${user.role} may not ${what}`, { role: user.role, allowedRoles: allowed });
  }
}

export const MIN_PASSWORD_LENGTH = 10;

/** Changes a password after checking the current one; ends every session of the account. */
export async function changePassword(ctx: AppContext, utility: Utility, user: StaffUser, currentPassword: string, newPassword: string): Promise<void> {
  const found = await findStaffForLogin(ctx.db, utility.id, user.username);
  if (!found || !(await verifyPassword(currentPassword, found.passwordHash))) {
    // 400, not 401: the session is valid (a 401 would log the console out of the page the user is on).
    throw validationError([{ field: 'currentPassword', message: 'the current password is wrong' }]);
  }
  // A password someone else set stays known to them: the change must really change it.
  if (newPassword === currentPassword) throw validationError([{ field: 'newPassword', message: 'choose a password different from the current one' }]);
  await setPassword(ctx.db, user.id, newPassword);
}

export async function setPassword(db: Runner, userId: number, newPassword: string): Promise<void> {
  if (newPassword.length < MIN_PASSWORD_LENGTH) {
    throw validationError([{ field: 'newPassword', message: `use at least ${MIN_PASSWORD_LENGTH} characters` }]);
  }
  if (newPassword === DEMO_PASSWORD) throw validationError([{ field: 'newPassword', message: 'the demo password cannot be used' }]);
  await updatePasswordHash(db, userId, await hashPassword(newPassword));
}
