import crypto from 'node:crypto';
import type { Runner } from '../../platform/db/knex.js';
import type { Category, Priority, TicketStatus } from '../../core/domain/tickets.js';

// ------------------------------------------------------------------ API keys

export interface ApiKey {
  id: number;
  utilityId: number;
  name: string;
  keyPrefix: string;
  revoked: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toApiKey = (r: any): ApiKey => ({
  id: r.id,
  utilityId: r.utility_id,
  name: r.name,
  keyPrefix: r.key_prefix,
  revoked: r.revoked,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
});

/** A key is 256 random bits; the digest alone identifies it. */
export function apiKeyHashOf(key: string): string {
  return crypto.createHash('sha256').update(key, 'utf8').digest('hex');
}

/** `o311_` + 43 base64url characters. The prefix lets staff recognise a key in a list without seeing it. */
export function newApiKeySecret(): { key: string; prefix: string } {
  const key = `o311_${crypto.randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 12) };
}

export async function insertApiKey(db: Runner, k: { utilityId: number; name: string; keyHash: string; keyPrefix: string; at: Date }): Promise<number> {
  const [row] = await db('api_keys')
    .insert({ utility_id: k.utilityId, name: k.name, key_hash: k.keyHash, key_prefix: k.keyPrefix, created_at: k.at })
    .returning('id');
  return row.id;
}

export async function findApiKeyByHash(db: Runner, keyHash: string): Promise<ApiKey | null> {
  const row = await db('api_keys').where({ key_hash: keyHash }).first();
  return row ? toApiKey(row) : null;
}

export async function findApiKeyByName(db: Runner, utilityId: number, name: string): Promise<ApiKey | null> {
  const row = await db('api_keys').where({ utility_id: utilityId, name }).first();
  return row ? toApiKey(row) : null;
}

export async function listApiKeys(db: Runner, utilityId: number): Promise<ApiKey[]> {
  return (await db('api_keys').where({ utility_id: utilityId }).orderBy('id')).map(toApiKey);
}

/** Revokes for good (a revoked key is never accepted again); false when it was already revoked. */
export async function revokeApiKey(db: Runner, id: number, at: Date): Promise<boolean> {
  const n = await db('api_keys').where({ id, revoked: false }).update({ revoked: true, revoked_at: at });
  return n > 0;
}

export async function recordSubmission(db: Runner, s: { utilityId: number; ticketId: number; apiKeyId: number; accountId: string | null; at: Date }): Promise<void> {
  await db('api_submissions').insert({ ticket_id: s.ticketId, utility_id: s.utilityId, api_key_id: s.apiKeyId, account_id: s.accountId, at: s.at });
  await db('api_keys').where({ id: s.apiKeyId }).update({ last_used_at: s.at });
}

// ---------------------------------------------------------- service requests

/** What the public may see of a ticket: no reporter, no staff, no photo. */
export interface PublicRequestRow {
  number: string;
  status: TicketStatus;
  category: Category;
  priority: Priority | null;
  description: string | null;
  address: string | null;
  lat: number;
  lon: number;
  regionName: string | null;
  areaName: string | null;
  receivedAt: Date;
  updatedAt: Date;
  fixedAt: Date | null;
  closedAt: Date | null;
  rejectedAt: Date | null;
  resolveDueAt: Date | null;
}

export interface RequestFilter {
  numbers?: string[];
  categories?: Category[];
  statuses?: TicketStatus[];
  from?: Date; // inclusive
  to?: Date; // inclusive (the spec: end_date is the latest datetime to include)
  limit: number;
}

/** Newest first. With `numbers`, every other filter is ignored (the spec: service_request_id "overrides all other arguments"). */
export async function listPublicRequests(db: Runner, utilityId: number, filter: RequestFilter): Promise<PublicRequestRow[]> {
  const q = db('tickets as t')
    .leftJoin('service_regions as r', 'r.id', 't.region_id')
    .leftJoin('areas as a', 'a.id', 't.area_id')
    .where('t.utility_id', utilityId)
    .select(
      't.number', 't.status', 't.category', 't.priority', 't.description', 't.address', 't.received_at', 't.updated_at',
      't.fixed_at', 't.closed_at', 't.rejected_at', 't.resolve_due_at',
      'r.name as region_name', 'a.name as area_name',
      db.raw('ST_Y(t.location::geometry) AS lat'),
      db.raw('ST_X(t.location::geometry) AS lon'),
    )
    .orderBy([{ column: 't.received_at', order: 'desc' }, { column: 't.id', order: 'desc' }])
    .limit(filter.limit);
  if (filter.numbers) {
    q.whereIn('t.number', filter.numbers);
  } else {
    if (filter.categories) q.whereIn('t.category', filter.categories);
    if (filter.statuses) q.whereIn('t.status', filter.statuses);
    if (filter.from) q.where('t.received_at', '>=', filter.from);
    if (filter.to) q.where('t.received_at', '<=', filter.to);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await q).map((r: any) => ({
    number: r.number,
    status: r.status,
    category: r.category,
    priority: r.priority,
    description: r.description,
    address: r.address,
    lat: r.lat,
    lon: r.lon,
    regionName: r.region_name,
    areaName: r.area_name,
    receivedAt: r.received_at,
    updatedAt: r.updated_at,
    fixedAt: r.fixed_at,
    closedAt: r.closed_at,
    rejectedAt: r.rejected_at,
    resolveDueAt: r.resolve_due_at,
  }));
}
