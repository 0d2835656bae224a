/**
 * Open311 GeoReport v2 on top of our intake and tickets. Submissions go
 * through submitReport, the one intake path, so every rule of a citizen report
 * (photo, phone, service area, blocked reporters) holds here too.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { prepareReport, submitReport, writeReport } from '../tickets/intake.service.js';
import { recordClientUpdate } from '../tickets/client-update.service.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import { localDateOf, zonedTimeToUtc } from '../../core/domain/time.js';
import type { Category } from '../../core/domain/tickets.js';
import { findUtilityByCode, findUtilityById, placeAddress, type Utility } from '../utilities/service.js';
import {
  decideQueuedSubmission,
  findApiKeyByHash,
  findRequestUpdate,
  recordRequestUpdate,
  findApiKeyByName,
  findQueuedSubmission,
  hasSubmission,
  insertApiKey,
  insertQueuedSubmission,
  listPublicRequests,
  listPublicRequestsByIds,
  listPublicRequestVersions,
  listQueuedSubmissions,
  listTicketSteps,
  recordSubmission,
  type ApiKey,
  type RequestFilter,
} from './repository.js';
import { PresentedRequests, presentationStampOf, type PresentedEntry } from './presented.js';
import { toGeoReportXmlItem, toGeoReportXmlOfItems } from './xml.js';
import { attributeNoteOf, isServiceCode, serviceAttributes, services, statusesOf, type Open311Attribute, type Open311Service, type Open311Status } from './vocabulary.js';
import { presentQueuedSubmission, presentRequestUpdate, presentServiceRequest, queuedNoticeOf, repeatOf, serviceNoticeOf, type PostAnswerItem } from './view.js';
import { normalisePhone } from '../../core/domain/phone.js';
import type { StaffUser } from '../auth/view.js';
import { recordAudit } from '../audit/service.js';
import type { PostRequestFields, PostUpdateFields } from './schemas.js';

/** The CLI's key administration: lookups with no rule beyond their query. */
export { findApiKeyByName, listApiKeys, revokeApiKey } from './repository.js';

/** The spec's default window and its cap on a requested one. */
const WINDOW_DAYS = 90;
/** The spec's default volume: at most this many requests per answer. */
const MAX_REQUESTS = 1000;
const DAY_MS = 86_400_000;

// ------------------------------------------------------------------ services

/** The services the utility takes reports of: its deactivated categories are not offered (settings.categories). */
export function serviceList(utility: Utility): readonly Open311Service[] {
  return services.filter((s) => utility.settings.categories[s.service_code as Category]?.active ?? true);
}

export function serviceDefinition(code: string): { service_code: Category; attributes: readonly Open311Attribute[] } {
  if (!isServiceCode(code)) throw unknownService(code);
  return { service_code: code, attributes: serviceAttributes };
}

function unknownService(code: string): DomainError {
  return new DomainError(ErrorCode.notFound, `No service with service_code ${code}; services.json lists them (${services.map((s) => s.service_code).join(', ')})`, {
    field: 'service_code',
    what: 'service',
    key: code,
  });
}

// ------------------------------------------------------------------ API keys

/** A key is 256 random bits; the digest alone identifies it. */
export function apiKeyHashOf(key: string): string {
  return crypto.createHash('sha256').update(key, 'utf8').digest('hex');
}

/** `o311_` + 43 base64url characters. The prefix lets staff recognise a key in a list without seeing it. */
export function newApiKeySecret(): { key: string; prefix: string } {
  const key = `o311_${crypto.randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 12) };
}

/** Creates a key for the utility: the key itself is returned this once and never stored. */
export async function createApiKey(ctx: Pick<AppContext, 'db' | 'now'>, utility: Utility, name: string): Promise<{ key: string; apiKey: ApiKey }> {
  const clean = name.trim();
  if (clean === '' || clean.length > 100) throw validationError([{ field: 'name', message: 'give the key a name of 1 to 100 characters (who holds it)' }]);
  if (await findApiKeyByName(ctx.db, utility.id, clean)) {
    throw new DomainError(ErrorCode.conflict, `${utility.code} already has a key named "${clean}"; revoke it or choose another name`, { field: 'name' });
  }
  const { key, prefix } = newApiKeySecret();
  await insertApiKey(ctx.db, { utilityId: utility.id, name: clean, keyHash: apiKeyHashOf(key), keyPrefix: prefix, at: ctx.now() });
  return { key, apiKey: (await findApiKeyByName(ctx.db, utility.id, clean))! };
}

/**
 * The utility a submission is for and the key that vouches for it. The key
 * names its utility, so jurisdiction_id may be left out; when given, it must
 * be the key's own.
 */
export async function authoriseSubmission(ctx: AppContext, key: string | undefined, jurisdictionId: string | undefined): Promise<{ utility: Utility; apiKey: ApiKey }> {
  if (!key || key.trim() === '') {
    throw new DomainError(ErrorCode.apiKeyInvalid, 'api_key is required to submit a service request; ask the utility for one', { field: 'api_key' });
  }
  const apiKey = await findApiKeyByHash(ctx.db, apiKeyHashOf(key.trim()));
  if (!apiKey) throw new DomainError(ErrorCode.apiKeyInvalid, 'Invalid api_key received: no such key', { field: 'api_key' });
  if (apiKey.revoked) throw new DomainError(ErrorCode.apiKeyInvalid, `This api_key ("${apiKey.name}") was revoked; ask the utility for a new one`, { field: 'api_key' });
  const code = jurisdictionId?.trim();
  if (code) {
    const utility = await findUtilityByCode(ctx.db, code);
    if (!utility) throw new DomainError(ErrorCode.notFound, `No utility with jurisdiction_id ${code}`, { field: 'jurisdiction_id', jurisdictionId: code });
    if (utility.id !== apiKey.utilityId) {
      throw new DomainError(ErrorCode.apiKeyInvalid, `This api_key is not valid for jurisdiction_id ${code}`, { field: 'api_key', jurisdictionId: code });
    }
    return { utility, apiKey };
  }
  const utility = await findUtilityById(ctx.db, apiKey.utilityId);
  if (!utility) throw notFound('utility', apiKey.utilityId);
  return { utility, apiKey };
}

// ----------------------------------------------------------------- submitting

/** `attribute[code]=key` and `attribute[code][]=key` form fields, by code (the spec's multivaluelist form repeats the key). */
export function attributesOf(raw: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (code: string, value: unknown) => {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (values.length) (out[code] ??= []).push(...values.map((v) => v.trim()));
  };
  // A multipart form arrives nested (multer reads attribute[code] as {attribute: {code}}); a url-encoded one flat.
  const nested = raw.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) for (const [code, value] of Object.entries(nested)) add(code, value);
  for (const [name, value] of Object.entries(raw)) {
    const m = /^attribute\[([^\]]{1,100})\](?:\[\])?$/.exec(name);
    if (m) add(m[1], value);
  }
  return out;
}

/** The answered attributes of the service definition as description lines; an answer not among the values is refused. Unknown codes are ignored (a client may send its own). */
function attributeNotesOf(attributes: Record<string, string[]>): string[] {
  const notes: string[] = [];
  for (const attribute of serviceAttributes) {
    const given = attributes[attribute.code];
    if (!given) continue;
    const field = `attribute[${attribute.code}]`;
    const keys = attribute.values.map((v) => v.key);
    if (attribute.datatype === 'singlevaluelist' && given.length > 1) throw validationError([{ field, message: 'choose one value' }]);
    const wrong = given.find((g) => !keys.includes(g));
    if (wrong !== undefined) throw validationError([{ field, message: `"${wrong}" is not one of ${keys.join(', ')} (see services/{service_code}.xml)` }]);
    for (const g of given) {
      const note = attributeNoteOf(attribute.code, g);
      if (note) notes.push(note);
    }
  }
  return notes;
}

export interface Submission {
  fields: PostRequestFields;
  /** attribute[code] answers (attributesOf). */
  attributes: Record<string, string[]>;
  /** The photo: the multipart file `media`, or the one fetched from media_url. */
  media: Buffer | null;
}

export type PostAnswer = { statusCode: number; body: PostAnswerItem[] };

/**
 * Takes in one GeoReport submission. The refusals our intake makes come from
 * submitReport itself; this adds the ones specific to Open311 (unknown
 * service_code, attribute answers, a location). A submission that cannot
 * become a ticket at once, placed only by an address or with its photo only a
 * link the server does not fetch, waits for staff behind a token (202). The
 * ticket and the record of the key that submitted it commit together.
 */
export async function submitServiceRequest(ctx: AppContext, utility: Utility, apiKey: ApiKey, submission: Submission): Promise<PostAnswer> {
  const { media } = submission;
  let { fields } = submission;
  if (!isServiceCode(fields.service_code)) throw unknownService(fields.service_code);
  const notes = attributeNotesOf(submission.attributes);
  if ((fields.lat === undefined) !== (fields.long === undefined)) {
    throw validationError([{ field: fields.lat === undefined ? 'lat' : 'long', message: 'lat and long go together: send both (WGS84), or neither and an address_string' }]);
  }
  if (fields.lat === undefined && !fields.address_string && !fields.address_id) {
    throw validationError([{ field: 'lat', message: 'a location is required: lat and long (the crew needs the GPS position), or else an address_string naming the kelurahan' }]);
  }
  // The utility decides per category whether a citizen's report needs a photo (settings.categories).
  const photoRequired = utility.settings.categories[fields.service_code as Category]?.photoRequired ?? true;
  if (!media && !fields.media_url && photoRequired) {
    throw new DomainError(ErrorCode.photoRequired, 'A photo of the leak is required: the multipart file "media", or a media_url', { field: 'media' });
  }
  if (fields.lat === undefined) {
    const placed = await placedByAddress(ctx, utility, fields);
    fields = { ...fields, lat: placed.lat, long: placed.lon };
    notes.push(placed.note);
  }
  // A photo only as a link to a host we do not fetch from: staff look at it first. No photo where the category needs none: in.
  if (!media && fields.media_url) return queueSubmission(ctx, utility, apiKey, { ...submission, fields }, notes, 'photo');
  const name = [fields.first_name, fields.last_name].filter(Boolean).join(' ') || null;
  // The checks, the photo's store and the ticket number outside the transaction, as on the citizen form: the
  // counter row is locked for its one statement, not until this ticket commits (docs/intake.md).
  const prepared = await prepareReport(ctx, utility, {
    lat: fields.lat!,
    lon: fields.long!,
    description: [fields.description ?? null, ...notes].filter((x) => x !== null).join('\n') || null,
    name,
    phone: fields.phone ?? null,
    address: fields.address_string ?? null,
    category: fields.service_code as Category,
    source: 'app',
    photo: media ?? undefined,
    // An Open311 client has no way to prove the phone: the report goes in, a known reporter's details stay.
    keepKnownDetails: true,
  });
  const receipt = await ctx.db.transaction(async (tx) => {
    const r = await writeReport({ ...ctx, db: tx }, utility, prepared);
    // A re-report returns an earlier ticket, which may already have its record: the first submitter keeps it.
    if (!(await hasSubmission(tx, r.id))) await recordSubmission(tx, { utilityId: utility.id, ticketId: r.id, apiKeyId: apiKey.id, accountId: fields.account_id ?? null, at: ctx.now() });
    return r;
  });
  const reReport = repeatOf(receipt)?.kind === 're_report';
  return {
    statusCode: reReport ? 200 : 201,
    body: [{ service_request_id: receipt.number, service_notice: serviceNoticeOf(receipt), account_id: fields.account_id ?? null }],
  };
}

/**
 * A submission with no lat/long, placed by the kelurahan its address_string
 * names (core/domain/places.ts, the utility's own boundaries; no outside
 * geocoder): a point inside that kelurahan, and a line telling staff the
 * position is approximate. An address we cannot place, or an address_id
 * alone (we keep no address register), is refused naming the field.
 */
async function placedByAddress(ctx: AppContext, utility: Utility, fields: PostRequestFields): Promise<{ lat: number; lon: number; note: string }> {
  if (!fields.address_string) {
    throw validationError([{ field: 'address_id', message: `${utility.name} keeps no address register: send lat and long, or an address_string naming the kelurahan` }]);
  }
  const place = await placeAddress(ctx.db, utility.id, fields.address_string);
  if (!place.placed) {
    const message =
      place.why === 'ambiguous'
        ? `"${fields.address_string}" names several kelurahan (${place.candidates.join(', ')}): add the kecamatan, or send lat and long`
        : `"${fields.address_string}" could not be placed within ${utility.name}: name the kelurahan (e.g. "Jl. Veteran No. 3, Kel. Mamajang Dalam"), or send lat and long`;
    throw validationError([{ field: 'address_string', message }]);
  }
  return {
    lat: place.lat,
    lon: place.lon,
    note: `Lokasi perkiraan dari alamat: Kel. ${place.kelurahan}, Kec. ${place.district} (titik di dalam kelurahan, bukan lokasi pasti): pastikan dengan pelapor.`,
  };
}

/** 128 random bits, URL-safe: a token cannot be guessed to read another client's submission. */
const newToken = () => crypto.randomBytes(16).toString('base64url');

async function queueSubmission(ctx: AppContext, utility: Utility, apiKey: ApiKey, submission: Submission, notes: string[], waitsFor: 'position' | 'photo'): Promise<PostAnswer> {
  const { fields } = submission;
  // What staff will need anyway is checked now, so the queue holds only reports that can be taken in.
  if (!fields.phone) throw validationError([{ field: 'phone', message: 'required, so that the utility can confirm the report with you' }]);
  if (!normalisePhone(fields.phone)) throw validationError([{ field: 'phone', message: 'not an Indonesian phone number (e.g. 0812-3456-7890 or +62 812 3456 7890)' }]);
  const token = newToken();
  const { api_key: _key, ...kept } = fields;
  await insertQueuedSubmission(ctx.db, {
    token,
    utilityId: utility.id,
    apiKeyId: apiKey.id,
    submission: { ...kept, notes },
    waitsFor,
    mediaUrl: submission.media ? null : (fields.media_url ?? null),
    at: ctx.now(),
  });
  return { statusCode: 202, body: [{ token, service_notice: queuedNoticeOf(waitsFor), account_id: fields.account_id ?? null }] };
}

/** GET tokens/{token}: the ticket number once staff took the submission in (empty while it waits). */
export async function serviceRequestOfToken(ctx: AppContext, utility: Utility, token: string) {
  const queued = await findQueuedSubmission(ctx.db, utility.id, token.trim());
  if (!queued) throw new DomainError(ErrorCode.notFound, `No token ${token} in ${utility.code}`, { field: 'token', what: 'token', key: token });
  if (queued.state === 'refused') {
    throw new DomainError(ErrorCode.notFound, `The submission behind token ${token} was not taken in: ${queued.refusedReason ?? 'refused by staff'}`, { field: 'token', what: 'token', key: token });
  }
  return [{ service_request_id: queued.ticketNumber, token: queued.token }];
}

/** The queue staff work through (admin, operator): oldest first, with what each waits for. */
export async function queuedSubmissions(ctx: AppContext, utility: Utility) {
  return (await listQueuedSubmissions(ctx.db, utility.id, 200)).map(presentQueuedSubmission);
}

/**
 * Staff take a queued submission in, after opening the photo link or phoning
 * the reporter: at its own position or one staff give (required only for a
 * submission queued with an address alone, before addresses were placed by
 * kelurahan). It enters as a staff entry (the photo is then optional, as for a
 * call-centre report); the photo link stays in the description.
 */
export async function acceptQueuedSubmission(ctx: AppContext, utility: Utility, staffUser: StaffUser, token: string, place: { lat?: number; lon?: number }) {
  return ctx.db.transaction(async (tx) => {
    const queued = await findQueuedSubmission(tx, utility.id, token, true);
    if (!queued) throw new DomainError(ErrorCode.notFound, `No token ${token} in ${utility.code}`, { field: 'token', what: 'token', key: token });
    if (queued.state !== 'queued') throw new DomainError(ErrorCode.conflict, `Token ${token} was already ${queued.state === 'accepted' ? 'taken in' : 'refused'}`, { field: 'token' });
    const fields = queued.submission as PostRequestFields & { notes?: string[] };
    const lat = place.lat ?? fields.lat;
    const lon = place.lon ?? fields.long;
    if (lat === undefined || lon === undefined) throw validationError([{ field: 'lat', message: 'this report came with an address only: give lat and lon of the place' }]);
    const photoLink = queued.mediaUrl ? `Foto (tautan dari aplikasi Open311): ${queued.mediaUrl}` : null;
    const description = [fields.description ?? null, ...(fields.notes ?? []), fields.address_id ? `address_id: ${fields.address_id}` : null, photoLink].filter((x) => x !== null).join('\n') || null;
    const receipt = await submitReport(
      { ...ctx, db: tx },
      utility,
      {
        lat,
        lon,
        description,
        name: [fields.first_name, fields.last_name].filter(Boolean).join(' ') || null,
        phone: fields.phone ?? null,
        address: fields.address_string ?? null,
        category: fields.service_code as Category,
        source: 'app',
        photo: null,
      },
      staffUser,
    );
    if (!(await hasSubmission(tx, receipt.id))) await recordSubmission(tx, { utilityId: utility.id, ticketId: receipt.id, apiKeyId: queued.apiKeyId, accountId: fields.account_id ?? null, at: ctx.now() });
    await decideQueuedSubmission(tx, { utilityId: utility.id, token, state: 'accepted', ticketId: receipt.id, decidedBy: staffUser.id, at: ctx.now() });
    await recordAudit(tx, { utilityId: utility.id, actorId: staffUser.id, action: 'open311_submission.accept', objectType: 'open311_token', objectId: null, details: { token, ticket: receipt.number }, at: ctx.now() });
    return { token, service_request_id: receipt.number };
  });
}

export async function refuseQueuedSubmission(ctx: AppContext, utility: Utility, staffUser: StaffUser, token: string, reason: string) {
  const queued = await findQueuedSubmission(ctx.db, utility.id, token);
  if (!queued) throw new DomainError(ErrorCode.notFound, `No token ${token} in ${utility.code}`, { field: 'token', what: 'token', key: token });
  await ctx.db.transaction(async (tx) => {
    const done = await decideQueuedSubmission(tx, { utilityId: utility.id, token, state: 'refused', refusedReason: reason, decidedBy: staffUser.id, at: ctx.now() });
    if (!done) throw new DomainError(ErrorCode.conflict, `Token ${token} was already decided`, { field: 'token' });
    await recordAudit(tx, { utilityId: utility.id, actorId: staffUser.id, action: 'open311_submission.refuse', objectType: 'open311_token', objectId: null, details: { token, reason }, at: ctx.now() });
  });
  return { token, refused: true as const };
}

// ------------------------------------------------------------------- reading

export async function getServiceRequest(ctx: AppContext, utility: Utility, number: string) {
  const wanted = number.trim().toUpperCase();
  const rows = await listPublicRequests(ctx.db, utility.id, { numbers: [wanted], limit: 1 });
  if (rows.length === 0) throw new DomainError(ErrorCode.notFound, `No service request ${number} in ${utility.code}`, { field: 'service_request_id', what: 'service request', key: number });
  return [presentServiceRequest(rows[0], utility)];
}

export interface RequestsQuery {
  service_request_id?: string[];
  service_code?: string[];
  status?: string[];
  start_date?: string;
  end_date?: string;
  /** 1..1000 (default 1000, the spec's limit). */
  page_size?: number;
  /** 1-based. */
  page?: number;
}

const W3C_DATE = /^\d{4}-\d{2}-\d{2}$/;
const W3C_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A W3C date-time with its zone, or a plain date read as that day in the
 * utility's zone (its start, or for an end its last millisecond). A "+" that
 * arrived as a space (an unencoded query string) is read as "+".
 */
export function parseW3c(text: string, field: string, timeZone: string, edge: 'start' | 'end'): Date {
  const value = text.trim().replace(/ (\d{2}:\d{2})$/, '+$1');
  if (W3C_DATE.test(value)) {
    const startOfDay = zonedTimeToUtc(value, '00:00', timeZone);
    if (Number.isNaN(startOfDay.getTime()) || localDateOf(startOfDay, timeZone) !== value) throw badDate(field, text); // 2026-02-30 is no day
    if (edge === 'start') return startOfDay;
    const next = new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)) + 1)).toISOString().slice(0, 10);
    return new Date(zonedTimeToUtc(next, '00:00', timeZone).getTime() - 1);
  }
  const m = W3C_DATE_TIME.exec(value);
  const instant = m ? new Date(value) : null;
  if (!instant || Number.isNaN(instant.getTime())) throw badDate(field, text);
  return instant;
}

function badDate(field: string, text: string): DomainError {
  return validationError([{ field, message: `"${text}" is not a W3C date-time with a zone (2026-11-01T00:00:00+08:00, 2026-11-01T00:00:00Z) or a date (2026-11-01)` }]);
}

/** The filter of a list query: by number, or by service, status and a window of at most 90 days (default: the last 90); newest first, at most 1000 a page (page, page_size). */
function filterOf(ctx: AppContext, utility: Utility, query: RequestsQuery): RequestFilter {
  if (query.service_request_id) {
    const numbers = query.service_request_id.map((n) => n.toUpperCase());
    if (numbers.length > MAX_REQUESTS) throw validationError([{ field: 'service_request_id', message: `at most ${MAX_REQUESTS} numbers at once` }]);
    return { numbers, limit: MAX_REQUESTS };
  }
  const start = query.start_date ? parseW3c(query.start_date, 'start_date', utility.timeZone, 'start') : null;
  const end = query.end_date ? parseW3c(query.end_date, 'end_date', utility.timeZone, 'end') : null;
  let from: Date;
  let to: Date | undefined;
  if (start && end) {
    if (end < start) throw validationError([{ field: 'end_date', message: 'end_date is before start_date' }]);
    if (end.getTime() - start.getTime() > WINDOW_DAYS * DAY_MS) {
      throw validationError([{ field: 'end_date', message: `start_date to end_date may span at most ${WINDOW_DAYS} days` }]);
    }
    [from, to] = [start, end];
  } else if (start) {
    [from, to] = [start, new Date(start.getTime() + WINDOW_DAYS * DAY_MS)];
  } else if (end) {
    [from, to] = [new Date(end.getTime() - WINDOW_DAYS * DAY_MS), end];
  } else {
    from = new Date(ctx.now().getTime() - WINDOW_DAYS * DAY_MS);
  }
  const statuses = query.status ? [...new Set(query.status as Open311Status[])].flatMap(statusesOf) : undefined;
  return {
    categories: query.service_code as Category[] | undefined,
    statuses,
    from,
    to,
    limit: query.page_size ?? MAX_REQUESTS,
    offset: ((query.page ?? 1) - 1) * (query.page_size ?? MAX_REQUESTS),
  };
}

/** The one cache of presented requests of this process (presented.ts). */
export const presentedRequests = new PresentedRequests();

/**
 * The page's presented requests in list order: ids and row versions from the
 * index, then only the rows not presented at that version before are read
 * (one query) and presented; the rest are ready texts.
 */
async function presentedPage(ctx: AppContext, utility: Utility, filter: RequestFilter): Promise<PresentedEntry[]> {
  const versions = await listPublicRequestVersions(ctx.db, utility.id, filter);
  const stamp = presentationStampOf(utility);
  const nowMs = ctx.now().getTime();
  const page: (PresentedEntry | undefined)[] = versions.map((v) => presentedRequests.get(v.id, v.version, stamp, nowMs) ?? undefined);
  const missing = versions.filter((_, i) => page[i] === undefined).map((v) => v.id);
  if (missing.length) {
    const rows = new Map((await listPublicRequestsByIds(ctx.db, utility.id, missing)).map((r) => [r.id, r]));
    versions.forEach((v, i) => {
      const row = page[i] === undefined ? rows.get(v.id) : undefined;
      if (!row) return; // gone since the first query (a deleted utility's tickets): left out
      const entry: PresentedEntry = { version: row.version, stamp, at: nowMs, json: JSON.stringify(presentServiceRequest(row, utility)), xml: null };
      presentedRequests.set(row.id, entry);
      page[i] = entry;
    });
  }
  return page.filter((e): e is PresentedEntry => e !== undefined);
}

/** GET requests: the whole document in the asked format, joined from the presented requests' texts. */
export async function listServiceRequestsText(ctx: AppContext, utility: Utility, query: RequestsQuery, format: 'json' | 'xml'): Promise<string> {
  const page = await presentedPage(ctx, utility, filterOf(ctx, utility, query));
  if (format === 'json') return `[${page.map((e) => e.json).join(',')}]`;
  return toGeoReportXmlOfItems(
    'service_requests',
    page.map((e) => (e.xml ??= toGeoReportXmlItem('service_requests', JSON.parse(e.json)))),
  );
}

// ------------------------------------------------------- servicerequestupdates

export interface UpdatesQuery {
  start_date?: string;
  end_date?: string;
}

/**
 * FixMyStreet's servicerequestupdates: every step of the utility's tickets
 * from start_date to end_date (default: the last 24 hours; at most 90 days),
 * oldest first, at most 1000.
 */
export async function listRequestUpdates(ctx: AppContext, utility: Utility, query: UpdatesQuery) {
  const end = query.end_date ? parseW3c(query.end_date, 'end_date', utility.timeZone, 'end') : ctx.now();
  const start = query.start_date ? parseW3c(query.start_date, 'start_date', utility.timeZone, 'start') : new Date(end.getTime() - DAY_MS);
  if (end < start) throw validationError([{ field: 'end_date', message: 'end_date is before start_date' }]);
  if (end.getTime() - start.getTime() > WINDOW_DAYS * DAY_MS) throw validationError([{ field: 'end_date', message: `start_date to end_date may span at most ${WINDOW_DAYS} days` }]);
  const steps = await listTicketSteps(ctx.db, utility.id, start, end, MAX_REQUESTS);
  return steps.map((s) => presentRequestUpdate(s, utility));
}

/** A concurrent retry recorded the same update first: this transaction is undone and the first answer given. */
class UpdateRecordedMeanwhile extends Error {}

/**
 * FixMyStreet's POST servicerequestupdates: its user's comment on a ticket.
 * A note for staff in the ticket's trail; REOPEN (or OPEN on a done ticket:
 * FixMyStreet's "not fixed" without its extended statuses) is a repeat
 * report (seed 003). Answered with the step's id as update_id; the same
 * update_id from the same key again gets the same answer and writes nothing.
 * E-mail and phone are not stored; a media_url is kept as a link for staff.
 */
export async function postRequestUpdate(ctx: AppContext, utility: Utility, apiKey: ApiKey, fields: PostUpdateFields): Promise<{ replayed: boolean; body: { update_id: string }[] }> {
  const sentAt = parseW3c(fields.updated_datetime, 'updated_datetime', utility.timeZone, 'start');
  const earlier = await findRequestUpdate(ctx.db, apiKey.id, fields.update_id);
  if (earlier) return { replayed: true, body: [{ update_id: String(earlier.eventId) }] };
  if (!fields.description && !fields.media_url) throw validationError([{ field: 'description', message: 'an update needs a description (or a media_url)' }]);
  const name = [fields.first_name, fields.last_name].filter((n) => n && n !== '-').join(' ');
  const note = [
    `Pembaruan dari aplikasi Open311 (${apiKey.name})${name ? `, ${name}` : ''}: ${fields.description ?? '(tanpa teks)'}`,
    fields.media_url ? `Foto (tautan): ${fields.media_url}` : null,
  ]
    .filter((x) => x !== null)
    .join('\n');
  try {
    return await ctx.db.transaction(async (tx) => {
      const ticket = await recordClientUpdate({ ...ctx, db: tx }, tx, utility, {
        number: fields.service_request_id,
        note,
        notFixed: fields.status === 'REOPEN' || fields.status === 'OPEN',
        data: { apiKeyId: apiKey.id, updateId: fields.update_id, status: fields.status, updatedDatetime: sentAt.toISOString(), accountId: fields.account_id ?? null },
      });
      // OPEN on a ticket still open is only a comment: recordClientUpdate reopens a done one only.
      const recorded = await recordRequestUpdate(tx, {
        utilityId: utility.id,
        apiKeyId: apiKey.id,
        clientUpdateId: fields.update_id,
        ticketId: ticket.ticketId,
        eventId: ticket.eventId,
        outcome: ticket.outcome,
        at: ctx.now(),
      });
      if (!recorded) throw new UpdateRecordedMeanwhile();
      return { replayed: false, body: [{ update_id: String(ticket.eventId) }] };
    });
  } catch (err) {
    if (!(err instanceof UpdateRecordedMeanwhile)) throw err;
    const first = await findRequestUpdate(ctx.db, apiKey.id, fields.update_id);
    return { replayed: true, body: [{ update_id: String(first!.eventId) }] };
  }
}
