import crypto from 'node:crypto';
import type { AppContext } from './context.js';
import { DomainError, ErrorCode } from '../domain/errors.js';
import type { Role } from '../domain/tickets.js';
import { findSessionUser, findStaffForLogin, insertSession, deleteSession, type StaffUser } from '../db/staff.js';
import { verifyPassword } from './passwords.js';
import type { Utility } from '../db/utilities.js';

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

export function requireRole(user: StaffUser, allowed: readonly Role[], what: string): void {
  if (!allowed.includes(user.role)) {
    throw new DomainError(ErrorCode.forbidden, `Role ${user.role} may not ${what}`, { role: user.role, allowedRoles: allowed });
  }
}
