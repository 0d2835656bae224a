import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import type { Runner } from '../../platform/db/knex.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import type { Role } from '../../core/domain/tickets.js';
import { findUtilityById, type Utility } from '../utilities/service.js';
import { deleteSession, findSessionUser, findStaffForLogin, insertSession, updatePasswordHash } from './repository.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { StaffUser } from './view.js';

export type { StaffUser } from './view.js';

/** The password of every demo account; a production start refuses while any account has it. */
export const DEMO_PASSWORD = 'tirta-demo';

export const tokenHashOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Exchanges a username and password for an opaque bearer token; only its hash is stored. */
export async function login(ctx: AppContext, utility: Utility, username: string, password: string): Promise<{ token: string; expiresAt: Date; user: StaffUser }> {
  const found = await findStaffForLogin(ctx.db, utility.id, username);
  const ok = found !== null && found.user.active && (await verifyPassword(password, found.passwordHash));
  if (!ok || !found) {
    throw new DomainError(ErrorCode.unauthenticated, 'Wrong username or password', { field: 'password' });
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.sessionHours * 3600_000);
  await insertSession(ctx.db, { tokenHash: tokenHashOf(token), utilityId: utility.id, userId: found.user.id, expiresAt });
  return { token, expiresAt, user: found.user };
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
export async function authenticateStaff(ctx: AppContext, token: string | null, roles?: readonly Role[]): Promise<{ user: StaffUser; utility: Utility }> {
  if (!token) throw new DomainError(ErrorCode.unauthenticated, 'Log in first: send Authorization: Bearer <token>');
  const user = await authenticate(ctx, token);
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
    throw new DomainError(ErrorCode.unauthenticated, 'The current password is wrong', { field: 'currentPassword' });
  }
  await setPassword(ctx.db, user.id, newPassword);
}

export async function setPassword(db: Runner, userId: number, newPassword: string): Promise<void> {
  if (newPassword.length < MIN_PASSWORD_LENGTH) {
    throw validationError([{ field: 'newPassword', message: `use at least ${MIN_PASSWORD_LENGTH} characters` }]);
  }
  if (newPassword === DEMO_PASSWORD) throw validationError([{ field: 'newPassword', message: 'the demo password cannot be used' }]);
  await updatePasswordHash(db, userId, await hashPassword(newPassword));
}
