/**
 * The utility admin's staff accounts: list, create (a generated password shown
 * once), change the name, role or crew, reset the password, deactivate and
 * reactivate. There is no deletion: an account that acted appears in the
 * audit trail and the tickets' history (sql/0046 keeps those keys without ON
 * DELETE), so it is deactivated instead: it cannot log in and its sessions end.
 * The utility always keeps one active admin. Every write is one transaction
 * with its audit entry (never the password).
 */
import type { AppContext } from '../../platform/context.js';
import { DomainError, ErrorCode, notFound, validationError, type FieldIssue } from '../../core/domain/errors.js';

/** A field at fault, in English and Bahasa Indonesia. */
type StaffIssue = FieldIssue & { messageId: string };
import { normalisePhone } from '../../core/domain/phone.js';
import type { Role } from '../../core/domain/tickets.js';
import type { Runner } from '../../platform/db/knex.js';
import { recordAudit } from '../audit/service.js';
import { findCrew, type Utility } from '../utilities/service.js';
import { createAccountWithPassword, resetPassword } from './accounts.service.js';
import { isUsernameTaken, listStaffOfUtility, lockActiveAdmins, updateStaff, type StaffChange, type StaffListing } from './repository.js';
import type { StaffUser } from './view.js';

export type { StaffListing } from './repository.js';

/** Lower-case letters, digits, dots, hyphens or underscores (the platform's first admin follows the same rule). */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export async function listStaff(ctx: AppContext, utility: Utility): Promise<StaffListing[]> {
  return listStaffOfUtility(ctx.db, utility.id);
}

async function findAccount(db: Runner, utility: Utility, id: number): Promise<StaffListing> {
  const [found] = await listStaffOfUtility(db, utility.id, id);
  if (!found) throw notFound('staff account', id);
  return found;
}

/** A crew leader's account names an active crew of the utility; other roles name none. */
async function crewIssues(db: Runner, utility: Utility, role: Role, crewId: number | null): Promise<StaffIssue[]> {
  if (role !== 'crew') return crewId === null ? [] : [{ field: 'crewId', message: 'only a crew leader (role crew) belongs to a crew', messageId: 'hanya ketua regu (peran crew) yang masuk regu' }];
  if (crewId === null) return [{ field: 'crewId', message: 'a crew leader (role crew) needs the crew they lead', messageId: 'ketua regu (peran crew) perlu regu yang dipimpinnya' }];
  const crew = await findCrew(db, utility.id, crewId);
  if (!crew) return [{ field: 'crewId', message: `the utility has no crew ${crewId}`, messageId: `PDAM ini tidak punya regu ${crewId}` }];
  if (!crew.active) return [{ field: 'crewId', message: `crew ${crew.code} is deactivated`, messageId: `regu ${crew.code} sudah dinonaktifkan` }];
  return [];
}

function phoneOf(phone: string | null | undefined, issues: StaffIssue[]): string | null {
  if (!phone) return null;
  const p = normalisePhone(phone);
  if (!p) issues.push({ field: 'phone', message: 'an Indonesian mobile number, e.g. 0812-3456-7890 (or leave it empty)', messageId: 'nomor HP Indonesia, mis. 0812-3456-7890 (atau kosongkan)' });
  return p;
}

export interface NewStaffInput {
  username: string;
  displayName: string;
  role: Role;
  crewId?: number | null;
  phone?: string | null;
}

export async function createStaff(ctx: AppContext, utility: Utility, actor: StaffUser, input: NewStaffInput): Promise<{ account: StaffListing; password: string }> {
  const issues: StaffIssue[] = [];
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) issues.push({ field: 'username', message: '2-40 lower-case letters, digits, dots, hyphens or underscores, e.g. budi.s', messageId: '2-40 huruf kecil, angka, titik, tanda hubung atau garis bawah, mis. budi.s' });
  if (input.displayName.trim().length < 2 || input.displayName.length > 100) issues.push({ field: 'displayName', message: 'the person\'s name, 2-100 characters', messageId: 'nama orangnya, 2-100 karakter' });
  const phone = phoneOf(input.phone, issues);
  return ctx.db.transaction(async (tx) => {
    issues.push(...(await crewIssues(tx, utility, input.role, input.crewId ?? null)));
    if (issues.length) throw validationError(issues);
    if (await isUsernameTaken(tx, utility.id, username)) throw new DomainError(ErrorCode.conflict, `The username ${username} is already taken in this utility`, { field: 'username', username });
    const { id, password } = await createAccountWithPassword(tx, utility.id, { username, displayName: input.displayName.trim(), role: input.role, crewId: input.crewId ?? null, phone });
    await recordAudit(tx, { utilityId: utility.id, actorId: actor.id, action: 'staff.create', objectType: 'staff', objectId: id, details: { username, role: input.role, crewId: input.crewId ?? null }, at: ctx.now() });
    return { account: await findAccount(tx, utility, id), password };
  });
}

/** The last active admin of the utility can be neither demoted nor deactivated (by anyone, themself included). */
async function keepAnAdmin(db: Runner, utility: Utility, target: StaffListing, change: StaffChange): Promise<void> {
  const leavesAdmins = target.role === 'admin' && target.active && ((change.role !== undefined && change.role !== 'admin') || change.active === false);
  if (!leavesAdmins) return;
  const admins = await lockActiveAdmins(db, utility.id);
  if (admins.filter((id) => id !== target.id).length === 0) {
    throw new DomainError(ErrorCode.conflict, `${target.username} is the last active admin of ${utility.name}: make another account admin first`, { field: change.active === false ? 'active' : 'role', username: target.username });
  }
}

export async function changeStaff(ctx: AppContext, utility: Utility, actor: StaffUser, id: number, change: StaffChange): Promise<StaffListing> {
  const issues: StaffIssue[] = [];
  if (change.displayName !== undefined && (change.displayName.trim().length < 2 || change.displayName.length > 100)) issues.push({ field: 'displayName', message: 'the person\'s name, 2-100 characters', messageId: 'nama orangnya, 2-100 karakter' });
  const phone = change.phone === undefined ? undefined : phoneOf(change.phone, issues);
  return ctx.db.transaction(async (tx) => {
    const before = await findAccount(tx, utility, id);
    const role = change.role ?? before.role;
    // A crew leader who becomes another role leaves the crew; a new crew leader names one.
    const crewId = change.crewId !== undefined ? change.crewId : role === 'crew' ? before.crewId : null;
    if (change.role !== undefined || change.crewId !== undefined) issues.push(...(await crewIssues(tx, utility, role, crewId)));
    if (issues.length) throw validationError(issues);
    const patch: StaffChange = { ...change, displayName: change.displayName?.trim(), phone, crewId: change.role !== undefined || change.crewId !== undefined ? crewId : undefined };
    await keepAnAdmin(tx, utility, before, patch);
    await updateStaff(tx, utility.id, id, patch);
    const after = await findAccount(tx, utility, id);
    const changes: Record<string, unknown> = {};
    for (const k of ['displayName', 'role', 'crewId', 'phone', 'active'] as const) if (before[k] !== after[k]) changes[k] = { from: before[k], to: after[k] };
    const action = before.active && !after.active ? 'staff.deactivate' : !before.active && after.active ? 'staff.reactivate' : 'staff.update';
    await recordAudit(tx, { utilityId: utility.id, actorId: actor.id, action, objectType: 'staff', objectId: id, details: { username: after.username, changes }, at: ctx.now() });
    return after;
  });
}

/** A new generated password, shown once; the owner must change it at the next login; the account's sessions end. */
export async function resetStaffPassword(ctx: AppContext, utility: Utility, actor: StaffUser, id: number): Promise<{ account: StaffListing; password: string }> {
  return ctx.db.transaction(async (tx) => {
    const target = await findAccount(tx, utility, id);
    const password = await resetPassword(tx, target.id);
    await recordAudit(tx, { utilityId: utility.id, actorId: actor.id, action: 'staff.reset_password', objectType: 'staff', objectId: id, details: { username: target.username }, at: ctx.now() });
    return { account: await findAccount(tx, utility, id), password };
  });
}
