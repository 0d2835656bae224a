/**
 * Reporters' signed links (issue 13): the receipt's follow-up link and the
 * rating link sent with the closing message. A token names its purpose, the
 * ticket and the reporter, signed with HMAC-SHA256 under the utility's key
 * (link_keys, in the database so that every instance checks alike). Whoever
 * holds the receipt holds the link, as with the receipt's number; nothing in
 * it is personal. Phone verification by code (the notifications issue) can
 * later issue the same tokens to a verified phone.
 */
import crypto from 'node:crypto';
import type { Runner } from '../../platform/db/knex.js';
import { DomainError, ErrorCode } from '../../core/domain/errors.js';
import { linkKeyOf } from './links.repository.js';

export type LinkPurpose = 'follow' | 'rate';

export interface LinkClaims {
  purpose: LinkPurpose;
  ticketId: number;
  reporterId: number;
}

const keys = new Map<number, string>();

async function keyOf(db: Runner, utilityId: number): Promise<string> {
  let key = keys.get(utilityId);
  if (!key) {
    key = await linkKeyOf(db, utilityId, crypto.randomBytes(32).toString('base64url'));
    keys.set(utilityId, key);
  }
  return key;
}

const mac = (key: string, utilityId: number, payload: string) => crypto.createHmac('sha256', key).update(`${utilityId}.${payload}`).digest('base64url').slice(0, 32);

export async function signLink(db: Runner, utilityId: number, claims: LinkClaims): Promise<string> {
  const payload = `${claims.purpose === 'follow' ? 'f' : 'r'}${claims.ticketId.toString(36)}.${claims.reporterId.toString(36)}`;
  return `${payload}.${mac(await keyOf(db, utilityId), utilityId, payload)}`;
}

/** The claims of a token made by `signLink` for `purpose`; LINK_INVALID (403) otherwise. */
export async function verifyLink(db: Runner, utilityId: number, purpose: LinkPurpose, token: string | undefined): Promise<LinkClaims> {
  const invalid = () => new DomainError(ErrorCode.linkInvalid, 'This link is not valid: use the link of your report receipt', { field: 'token' });
  const m = /^([fr])([0-9a-z]{1,12})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{32})$/.exec(token ?? '');
  if (!m || m[1] !== (purpose === 'follow' ? 'f' : 'r')) throw invalid();
  const expected = mac(await keyOf(db, utilityId), utilityId, `${m[1]}${m[2]}.${m[3]}`);
  if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(m[4]))) throw invalid();
  return { purpose, ticketId: parseInt(m[2], 36), reporterId: parseInt(m[3], 36) };
}

/** Where a link opens in the console (relative: the sender puts the public address in front). */
export function linkPath(utilityCode: string, page: 'tindak-lanjut' | 'nilai', token: string): string {
  return `/?jurisdiction_id=${encodeURIComponent(utilityCode)}#/${page}/${token}`;
}
