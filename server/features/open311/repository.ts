import type { Runner } from '../../platform/db/knex.js';
import { latLonOf } from '../../platform/db/geo.js';
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

interface ApiKeyRow {
  id: number;
  utility_id: number;
  name: string;
  key_hash: string;
  key_prefix: string;
  revoked: boolean;
  created_at: Date;
  last_used_at: Date | null;
}

const toApiKey = (r: ApiKeyRow): ApiKey => ({
  id: r.id,
  utilityId: r.utility_id,
  name: r.name,
  keyPrefix: r.key_prefix,
  revoked: r.revoked,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
});

export async function insertApiKey(db: Runner, k: { utilityId: number; name: string; keyHash: string; keyPrefix: string; at: Date }): Promise<number> {
  const [row] = await db('api_keys')
    .insert({ utility_id: k.utilityId, name: k.name, key_hash: k.keyHash, key_prefix: k.keyPrefix, created_at: k.at })
    .returning('id');
  return row.id;
}

export async function findApiKeyByHash(db: Runner, keyHash: string): Promise<ApiKey | null> {
  const row = await db<ApiKeyRow>('api_keys').where({ key_hash: keyHash }).first();
  return row ? toApiKey(row) : null;
}

export async function findApiKeyByName(db: Runner, utilityId: number, name: string): Promise<ApiKey | null> {
  const row = await db<ApiKeyRow>('api_keys').where({ utility_id: utilityId, name }).first();
  return row ? toApiKey(row) : null;
}

export async function listApiKeys(db: Runner, utilityId: number): Promise<ApiKey[]> {
  return (await db<ApiKeyRow>('api_keys').where({ utility_id: utilityId }).orderBy('id')).map(toApiKey);
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

/** Whether a key's submission is already recorded for the ticket (a re-report returns an earlier ticket). */
export async function hasSubmission(db: Runner, ticketId: number): Promise<boolean> {
  const row = await db('api_submissions').where({ ticket_id: ticketId }).first('ticket_id');
  return row !== undefined;
}

// ------------------------------------------------------ client updates (POST)

/** The step an update became, when this key already sent this update_id. */
export async function findRequestUpdate(db: Runner, apiKeyId: number, clientUpdateId: string): Promise<{ eventId: number } | null> {
  const row = await db('open311_request_updates').where({ api_key_id: apiKeyId, client_update_id: clientUpdateId }).first('event_id');
  return row ? { eventId: Number(row.event_id) } : null;
}

/** Records an accepted update once per key and update_id: false when it was recorded meanwhile (a concurrent retry). */
export async function recordRequestUpdate(
  db: Runner,
  u: { utilityId: number; apiKeyId: number; clientUpdateId: string; ticketId: number; eventId: number; outcome: 'noted' | 'reopened'; at: Date },
): Promise<boolean> {
  const rows = await db('open311_request_updates')
    .insert({ utility_id: u.utilityId, api_key_id: u.apiKeyId, client_update_id: u.clientUpdateId, ticket_id: u.ticketId, event_id: u.eventId, outcome: u.outcome, received_at: u.at })
    .onConflict(['api_key_id', 'client_update_id'])
    .ignore()
    .returning('id');
  if (rows.length) await db('api_keys').where({ id: u.apiKeyId }).update({ last_used_at: u.at });
  return rows.length > 0;
}

// ---------------------------------------------------------- service requests

/** What the public may see of a ticket: no reporter, no staff, no photo. */
export interface PublicRequestRow {
  id: number;
  /** The row's version (xmin): a presented row is good while this is unchanged. */
  version: string;
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
  /** Never shown: only to hide the name where the reporter typed it into the text. */
  reporterName: string | null;
}

export interface RequestFilter {
  numbers?: string[];
  categories?: Category[];
  statuses?: TicketStatus[];
  from?: Date; // inclusive
  to?: Date; // inclusive (the spec: end_date is the latest datetime to include)
  limit: number;
  /** Rows skipped before the first returned (paging), 0 by default. */
  offset?: number;
}

interface PublicRequestDbRow {
  id: string | number;
  version: string;
  number: string;
  status: TicketStatus;
  category: Category;
  priority: Priority | null;
  description: string | null;
  address: string | null;
  lat: number;
  lon: number;
  region_name: string | null;
  area_name: string | null;
  received_at: Date;
  updated_at: Date;
  fixed_at: Date | null;
  closed_at: Date | null;
  rejected_at: Date | null;
  resolve_due_at: Date | null;
  reporter_name: string | null;
}

function publicRequestsQuery(db: Runner, utilityId: number) {
  return db('tickets as t')
    .leftJoin('service_regions as r', 'r.id', 't.region_id')
    .leftJoin('areas as a', 'a.id', 't.area_id')
    .leftJoin('reporters as rep', 'rep.id', 't.reporter_id')
    .where('t.utility_id', utilityId)
    .select(
      't.id', 't.xmin as version', 't.number', 't.status', 't.category', 't.priority', 't.description', 't.address', 't.received_at', 't.updated_at',
      't.fixed_at', 't.closed_at', 't.rejected_at', 't.resolve_due_at',
      'r.name as region_name', 'a.name as area_name', 'rep.name as reporter_name',
      ...latLonOf(db, 't.location'),
    );
}

function filtered<Q extends ReturnType<Runner>>(q: Q, filter: RequestFilter): Q {
  if (filter.numbers) {
    q.whereIn('t.number', filter.numbers);
  } else {
    if (filter.categories) q.whereIn('t.category', filter.categories);
    if (filter.statuses) q.whereIn('t.status', filter.statuses);
    if (filter.from) q.where('t.received_at', '>=', filter.from);
    if (filter.to) q.where('t.received_at', '<=', filter.to);
  }
  return q;
}

const toPublicRow = (r: PublicRequestDbRow): PublicRequestRow => ({
  id: Number(r.id),
  version: String(r.version),
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
  reporterName: r.reporter_name,
});

/**
 * Newest first. With `numbers`, every other filter is ignored (the spec:
 * service_request_id "overrides all other arguments"). The order and the
 * window come from tickets_public_list_covering_idx (utility_id, received_at
 * DESC, id DESC; sql/0031): the LIMIT stops the index scan, no sort.
 */
export async function listPublicRequests(db: Runner, utilityId: number, filter: RequestFilter): Promise<PublicRequestRow[]> {
  const q = filtered(publicRequestsQuery(db, utilityId), filter)
    .orderBy([{ column: 't.received_at', order: 'desc' }, { column: 't.id', order: 'desc' }])
    .limit(filter.limit)
    .offset(filter.offset ?? 0);
  return ((await q) as PublicRequestDbRow[]).map(toPublicRow);
}

/** Which tickets a page holds, and the version of each row (PostgreSQL's xmin: it changes with every update of the row). */
export interface RowVersion {
  id: number;
  version: string;
}

/**
 * The page of a list as ids and row versions only: the index scan of
 * tickets_public_list_covering_idx (sql/0031; the filters read from the
 * index) and one heap visit per row for its xmin, no join, no text. The
 * rows themselves come from listPublicRequestsByIds for the ones the caller
 * has not already presented at that version.
 */
export async function listPublicRequestVersions(db: Runner, utilityId: number, filter: RequestFilter): Promise<RowVersion[]> {
  const q = filtered(db('tickets as t').where('t.utility_id', utilityId).select('t.id', 't.xmin as version'), filter)
    .orderBy([{ column: 't.received_at', order: 'desc' }, { column: 't.id', order: 'desc' }])
    .limit(filter.limit)
    .offset(filter.offset ?? 0);
  return ((await q) as { id: string | number; version: string }[]).map((r) => ({ id: Number(r.id), version: String(r.version) }));
}

/** The public rows of these tickets of the utility (in no particular order). */
export async function listPublicRequestsByIds(db: Runner, utilityId: number, ids: readonly number[]): Promise<PublicRequestRow[]> {
  if (ids.length === 0) return [];
  return ((await publicRequestsQuery(db, utilityId).whereIn('t.id', ids as number[])) as PublicRequestDbRow[]).map(toPublicRow);
}

// ------------------------------------------------------------------- tokens

/** A submission waiting for staff (sql/0030): what it waits for, and what became of it. */
export interface QueuedSubmission {
  token: string;
  utilityId: number;
  apiKeyId: number;
  submission: Record<string, unknown>;
  waitsFor: 'position' | 'photo';
  mediaUrl: string | null;
  state: 'queued' | 'accepted' | 'refused';
  ticketId: number | null;
  ticketNumber: string | null;
  refusedReason: string | null;
  receivedAt: Date;
  decidedAt: Date | null;
}

interface QueuedDbRow {
  token: string;
  utility_id: number;
  api_key_id: number;
  submission: Record<string, unknown>;
  waits_for: 'position' | 'photo';
  media_url: string | null;
  state: 'queued' | 'accepted' | 'refused';
  ticket_id: number | null;
  ticket_number: string | null;
  refused_reason: string | null;
  received_at: Date;
  decided_at: Date | null;
}

const toQueued = (r: QueuedDbRow): QueuedSubmission => ({
  token: r.token,
  utilityId: Number(r.utility_id),
  apiKeyId: Number(r.api_key_id),
  submission: r.submission,
  waitsFor: r.waits_for,
  mediaUrl: r.media_url,
  state: r.state,
  ticketId: r.ticket_id === null ? null : Number(r.ticket_id),
  ticketNumber: r.ticket_number,
  refusedReason: r.refused_reason,
  receivedAt: r.received_at,
  decidedAt: r.decided_at,
});

export async function insertQueuedSubmission(
  db: Runner,
  q: { token: string; utilityId: number; apiKeyId: number; submission: Record<string, unknown>; waitsFor: 'position' | 'photo'; mediaUrl: string | null; at: Date },
): Promise<void> {
  await db('open311_tokens').insert({
    token: q.token,
    utility_id: q.utilityId,
    api_key_id: q.apiKeyId,
    submission: JSON.stringify(q.submission),
    waits_for: q.waitsFor,
    media_url: q.mediaUrl,
    received_at: q.at,
  });
}

const queuedColumns = ['q.*', 't.number as ticket_number'];

export async function findQueuedSubmission(db: Runner, utilityId: number, token: string, forUpdate = false): Promise<QueuedSubmission | null> {
  const q = db('open311_tokens as q').leftJoin('tickets as t', 't.id', 'q.ticket_id').where({ 'q.utility_id': utilityId, 'q.token': token }).first(queuedColumns);
  if (forUpdate) q.forUpdate('q');
  const row = (await q) as QueuedDbRow | undefined;
  return row ? toQueued(row) : null;
}

/** Oldest first: the queue staff work through. */
export async function listQueuedSubmissions(db: Runner, utilityId: number, limit: number): Promise<QueuedSubmission[]> {
  const rows = (await db('open311_tokens as q')
    .leftJoin('tickets as t', 't.id', 'q.ticket_id')
    .where({ 'q.utility_id': utilityId, 'q.state': 'queued' })
    .orderBy([{ column: 'q.received_at' }, { column: 'q.token' }])
    .limit(limit)
    .select(queuedColumns)) as QueuedDbRow[];
  return rows.map(toQueued);
}

/** Records staff's decision; false when it was already decided (two staff at once: the first wins). */
export async function decideQueuedSubmission(
  db: Runner,
  d: { utilityId: number; token: string; state: 'accepted' | 'refused'; ticketId?: number; refusedReason?: string; decidedBy: number; at: Date },
): Promise<boolean> {
  const n = await db('open311_tokens')
    .where({ utility_id: d.utilityId, token: d.token, state: 'queued' })
    .update({ state: d.state, ticket_id: d.ticketId ?? null, refused_reason: d.refusedReason ?? null, decided_by: d.decidedBy, decided_at: d.at });
  return n > 0;
}

// --------------------------------------------------- service request updates

/** One step of a ticket, as FixMyStreet's servicerequestupdates lists it (no staff, no notes). */
export interface TicketStepRow {
  eventId: number;
  number: string;
  action: string;
  toStatus: TicketStatus;
  at: Date;
}

/** Steps of the utility's tickets from `from` to `to` (both inclusive), oldest first (ticket_events_utility_at_idx, sql/0030). */
export async function listTicketSteps(db: Runner, utilityId: number, from: Date, to: Date, limit: number): Promise<TicketStepRow[]> {
  const rows = (await db('ticket_events as e')
    .join('tickets as t', 't.id', 'e.ticket_id')
    .where('e.utility_id', utilityId)
    .where('e.at', '>=', from)
    .where('e.at', '<=', to)
    // A client's own update is its text, not news from us: not listed back to it as ours.
    .whereNot('e.action', 'client_update')
    .orderBy([{ column: 'e.at' }, { column: 'e.id' }])
    .limit(limit)
    .select('e.id', 't.number', 'e.action', 'e.to_status', 'e.at')) as { id: string | number; number: string; action: string; to_status: TicketStatus; at: Date }[];
  return rows.map((r) => ({ eventId: Number(r.id), number: r.number, action: r.action, toStatus: r.to_status, at: r.at }));
}
