/**
 * A utility created from nothing by the server operator (npm run utility --
 * create, or POST /api/v1/platform/utilities): its row and its first admin
 * account, in one transaction, audited. The admin's password is generated,
 * returned once and must be changed at the first login; the admin then sets
 * up the service area, regions, crews, staff and categories.
 */
import type { AppContext } from '../../platform/context.js';
import { validationError, type FieldIssue } from '../../core/domain/errors.js';
import { createAccountWithPassword } from '../auth/accounts.service.js';
import { USERNAME } from '../auth/staff.service.js';
import { recordAudit } from '../audit/service.js';
import { findUtilityById, insertUtility, isUtilityNameTaken, type Utility } from '../utilities/service.js';

export interface NewUtilityInput {
  code: string;
  name: string;
  timeZone: string;
  /** The Open311 jurisdiction_id when it is not the code. */
  jurisdictionId?: string | null;
  adminUsername?: string;
  adminName?: string;
}

export const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;
export const JURISDICTION_PATTERN = /^[a-z0-9][a-z0-9.-]{1,99}$/;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

export async function createUtility(ctx: Pick<AppContext, 'db' | 'now'>, input: NewUtilityInput): Promise<{ utility: Utility; admin: { id: number; username: string; password: string } }> {
  const issues: FieldIssue[] = [];
  const code = input.code.trim().toLowerCase();
  const jurisdictionId = input.jurisdictionId?.trim().toLowerCase() || null;
  const adminUsername = (input.adminUsername ?? 'admin').trim().toLowerCase();
  if (!CODE_PATTERN.test(code)) issues.push({ field: 'code', message: '2-40 lower-case letters, digits or hyphens, e.g. parepare' });
  if (input.name.trim().length < 3 || input.name.trim().length > 200) issues.push({ field: 'name', message: 'the utility name, 3-200 characters, e.g. PDAM Kota Parepare' });
  if (!isTimeZone(input.timeZone)) issues.push({ field: 'timeZone', message: 'an IANA time zone, e.g. Asia/Makassar (WITA), Asia/Jakarta (WIB), Asia/Jayapura (WIT)' });
  if (jurisdictionId !== null && !JURISDICTION_PATTERN.test(jurisdictionId)) issues.push({ field: 'jurisdictionId', message: 'lower-case letters, digits, dots or hyphens, e.g. parepare.pdam.go.id' });
  if (!USERNAME.test(adminUsername)) issues.push({ field: 'adminUsername', message: '2-40 lower-case letters, digits, dots, hyphens or underscores' });
  if (issues.length) throw validationError(issues);
  const taken = await isUtilityNameTaken(ctx.db, jurisdictionId && jurisdictionId !== code ? [code, jurisdictionId] : [code]);
  if (taken.length) throw validationError(taken.map((n) => ({ field: n === code ? 'code' : 'jurisdictionId', message: `${n} is already used by another utility` })));

  return ctx.db.transaction(async (tx) => {
    const at = ctx.now();
    const utilityId = await insertUtility(tx, { code, name: input.name.trim(), timeZone: input.timeZone, serviceArea: null, jurisdictionId: jurisdictionId !== code ? jurisdictionId : null });
    const admin = await createAccountWithPassword(tx, utilityId, { username: adminUsername, displayName: input.adminName?.trim() || `Admin ${input.name.trim()}`, role: 'admin' });
    await recordAudit(tx, { utilityId, actorId: null, action: 'utility.create', objectType: 'utility', objectId: utilityId, details: { code, name: input.name.trim(), timeZone: input.timeZone, jurisdictionId }, at });
    await recordAudit(tx, { utilityId, actorId: null, action: 'staff.create', objectType: 'staff', objectId: admin.id, details: { username: adminUsername, role: 'admin' }, at });
    const utility = (await findUtilityById(tx, utilityId))!;
    return { utility, admin: { id: admin.id, username: adminUsername, password: admin.password } };
  });
}
