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

/** A staff account as the admin's staff page lists it. */
export interface StaffListing extends StaffUser {
  phone: string | null;
  crewCode: string | null;
  createdAt: Date;
}

export async function listStaffOfUtility(db: Runner, utilityId: number, id?: number): Promise<StaffListing[]> {
  let q = db('staff_users as u')
    .leftJoin('crews as c', function join() {
      this.on('c.id', 'u.crew_id').andOn('c.utility_id', 'u.utility_id');
    })
    .where('u.utility_id', utilityId);
  if (id !== undefined) q = q.andWhere('u.id', id);
  const rows = await q.orderBy([{ column: 'u.active', order: 'desc' }, { column: 'u.username' }]).select('u.*', 'c.code as crew_code');
  return rows.map((r) => ({ ...toStaff(r as StaffRow), phone: r.phone, crewCode: r.crew_code, createdAt: r.created_at }));
}

export async function isUsernameTaken(db: Runner, utilityId: number, username: string): Promise<boolean> {
  return Boolean(await db('staff_users').where({ utility_id: utilityId, username }).first('id'));
}

/**
 * The utility's active admins, locked until the transaction ends: two admins
 * demoting each other at once cannot both pass the "last admin" check.
 */
export async function lockActiveAdmins(db: Runner, utilityId: number): Promise<number[]> {
  const rows = await db('staff_users').where({ utility_id: utilityId, role: 'admin', active: true }).forUpdate().select('id');
  return rows.map((r) => r.id as number);
}

export interface StaffChange {
  displayName?: string;
  role?: Role;
  crewId?: number | null;
  phone?: string | null;
  active?: boolean;
}

/** Changes one account of the utility; a deactivation also ends its sessions. False when the utility has no such account. */
export async function updateStaff(db: Runner, utilityId: number, id: number, c: StaffChange): Promise<boolean> {
  const patch: Record<string, unknown> = {};
  if (c.displayName !== undefined) patch.display_name = c.displayName;
  if (c.role !== undefined) patch.role = c.role;
  if (c.crewId !== undefined) patch.crew_id = c.crewId;
  if (c.phone !== undefined) patch.phone = c.phone;
  if (c.active !== undefined) patch.active = c.active;
  const n = Object.keys(patch).length ? await db('staff_users').where({ utility_id: utilityId, id }).update(patch) : 1;
  if (c.active === false) await db('sessions').where({ utility_id: utilityId, user_id: id }).delete();
  return n > 0;
}
