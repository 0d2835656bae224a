/**
 * Staff accounts made or reset by someone else (the server operator's first
 * admin, a utility admin's staff page): a generated password, shown once to
 * whoever made it, that the owner must change at the first login.
 */
import crypto from 'node:crypto';
import type { Runner } from '../../platform/db/knex.js';
import type { Role } from '../../core/domain/tickets.js';
import { hashPassword } from './passwords.js';
import { insertStaff, updatePasswordHash } from './repository.js';

/** 16 characters from 96 random bits (base64url): no dictionary word, easy to read out. */
export function generatePassword(): string {
  return crypto.randomBytes(12).toString('base64url');
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  crewId?: number | null;
  phone?: string | null;
}

/** Creates the account with a generated password it must change at the first login; the password is returned once. */
export async function createAccountWithPassword(db: Runner, utilityId: number, a: NewAccount): Promise<{ id: number; password: string }> {
  const password = generatePassword();
  const id = await insertStaff(db, { utilityId, username: a.username, displayName: a.displayName, role: a.role, crewId: a.crewId ?? null, phone: a.phone ?? null, passwordHash: await hashPassword(password), mustChangePassword: true });
  return { id, password };
}

/** A new generated password the owner must change at the next login; the account's sessions end. */
export async function resetPassword(db: Runner, userId: number): Promise<string> {
  const password = generatePassword();
  await updatePasswordHash(db, userId, await hashPassword(password), true);
  return password;
}
