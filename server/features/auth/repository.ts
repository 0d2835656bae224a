import type { Runner } from '../../platform/db/knex.js';
import type { Role } from '../../core/domain/tickets.js';
import type { StaffUser } from './view.js';

interface StaffRow {
  id: number;
  utility_id: number;
  username: string;
  display_name: string;
  role: Role;
  crew_id: number | null;
  active: boolean;
  password_hash: string;
  must_change_password: boolean;
}

const toStaff = (r: StaffRow): StaffUser => ({
  id: r.id,
  utilityId: r.utility_id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  crewId: r.crew_id,
  active: r.active,
  mustChangePassword: r.must_change_password,
});

export async function findStaffForLogin(db: Runner, utilityId: number, username: string): Promise<{ user: StaffUser; passwordHash: string } | null> {
  const row = await db<StaffRow>('staff_users').where({ utility_id: utilityId, username }).first();
  return row ? { user: toStaff(row), passwordHash: row.password_hash } : null;
}

export async function listPasswordHashes(db: Runner): Promise<{ utilityId: number; username: string; passwordHash: string }[]> {
  const rows = await db<StaffRow>('staff_users').where({ active: true }).select('utility_id', 'username', 'password_hash');
  return rows.map((r) => ({ utilityId: r.utility_id, username: r.username, passwordHash: r.password_hash }));
}

export interface NewStaff {
  utilityId: number;
  username: string;
  displayName: string;
  role: Role;
  crewId?: number | null;
  phone?: string | null;
  passwordHash: string;
  /** Set by someone else (the first admin's, a reset): to be changed at the first login. */
  mustChangePassword?: boolean;
}

export async function insertStaff(db: Runner, s: NewStaff): Promise<number> {
  const [row] = await db('staff_users')
    .insert({
      utility_id: s.utilityId,
      username: s.username,
      display_name: s.displayName,
      role: s.role,
      crew_id: s.crewId ?? null,
      phone: s.phone ?? null,
      password_hash: s.passwordHash,
      must_change_password: s.mustChangePassword ?? false,
    })
    .returning('id');
  return row.id;
}

export async function insertSession(db: Runner, s: { tokenHash: string; utilityId: number; userId: number; expiresAt: Date }): Promise<void> {
  await db('sessions').insert({ token_hash: s.tokenHash, utility_id: s.utilityId, user_id: s.userId, expires_at: s.expiresAt });
}

export async function findSessionUser(db: Runner, tokenHash: string, now: Date): Promise<StaffUser | null> {
  const row = await db('sessions as s')
    .join('staff_users as u', 'u.id', 's.user_id')
    .where('s.token_hash', tokenHash)
    .andWhere('s.expires_at', '>', now)
    .andWhere('u.active', true)
    .select<StaffRow>('u.*')
    .first();
  return row ? toStaff(row) : null;
}

/** Sessions whose expiry has passed are of no use: deleted (sessions_expires_idx, sql/0011). */
export async function deleteExpiredSessions(db: Runner, utilityId: number, now: Date): Promise<number> {
  return db('sessions').where({ utility_id: utilityId }).andWhere('expires_at', '<=', now).delete();
}

export async function deleteSession(db: Runner, tokenHash: string): Promise<void> {
  await db('sessions').where({ token_hash: tokenHash }).delete();
}

/** A new password; `mustChange`: someone else set it (a reset), so the owner changes it at the next login. Ends the account's sessions. */
export async function updatePasswordHash(db: Runner, userId: number, passwordHash: string, mustChange = false): Promise<void> {
  await db('staff_users').where({ id: userId }).update({ password_hash: passwordHash, must_change_password: mustChange });
  await db('sessions').where({ user_id: userId }).delete();
}
