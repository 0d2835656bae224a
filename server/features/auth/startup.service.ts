import type { Runner } from '../../platform/db/knex.js';
import { listPasswordHashes } from './repository.js';
import { verifyPassword } from './passwords.js';

/** Usernames of active accounts whose password is still `password` (the demo one, at start in production). */
export async function accountsStillUsing(db: Runner, password: string): Promise<{ utilityId: number; username: string }[]> {
  const found: { utilityId: number; username: string }[] = [];
  for (const account of await listPasswordHashes(db)) {
    if (await verifyPassword(password, account.passwordHash)) found.push({ utilityId: account.utilityId, username: account.username });
  }
  return found;
}
