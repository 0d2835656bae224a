import { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import multer from 'multer';
import { countedUpload } from '../../platform/http/intake-load.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, ErrorCode, isDomainError, validationError, type FieldIssue } from '../../core/domain/errors.js';
import { categories } from '../../core/domain/tickets.js';
import { databaseErrorOf } from '../../platform/db/errors.js';
import { fromHttpError, fromTransport, httpStatusOf, indonesianMessageOf } from '../../platform/http/errors.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { publicUtility, staff, userOf, utilityOf } from '../auth/middleware.js';
import { once, requestHashOf } from '../tickets/idempotency.service.js';
import { phoneThrottleKey, throttleOf } from '../../platform/http/throttle.js';
import {
  JurisdictionQuery,
  Open311Discovery,
  Open311Errors,
  Open311PostAnswer,
  Open311Service,
  Open311ServiceDefinition,
  Open311ServiceRequest,
  AcceptQueued,
  Open311RequestUpdate,
  Open311TokenAnswer,
  PostRequestFields,
  PostUpdateFields,
  Open311UpdateAnswer,
  QueuedSubmission,
  RefuseQueued,
  RequestsQuery,
  UpdatesQuery,
} from './schemas.js';
import { discovery } from './view.js';
import { toGeoReportXml, XML_CONTENT_TYPE, type XmlRoot } from './xml.js';
import { fetchMedia, isFetchableMediaUrl } from './media.js';
import {
  acceptQueuedSubmission,
  attributesOf,
  authoriseSubmission,
  getServiceRequest,
  listRequestUpdates,
  listServiceRequestsText,
  postRequestUpdate,
  queuedSubmissions,
  refuseQueuedSubmission,
  serviceDefinition,
  serviceList,
  serviceRequestOfToken,
  submitServiceRequest,
} from './service.js';

const BASE = '/open311/v2';
const tags = ['Open311 GeoReport v2'];
const FormatParam = z.enum(['xml', 'json']).openapi({ description: 'The answer format: xml (the spec\'s required one, text/xml) or json' });

/** Each answer in both formats: the JSON schema documents the XML too (the spec's element-by-element mapping, xml.ts). */
function answer<S extends z.ZodType>(schema: S, description: string) {
  return { description, content: { 'application/json': { schema }, 'text/xml': { schema: z.string().openapi({ description: 'The same document as GeoReport v2 XML' }) } } };
}
function open311ErrorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, answer(Open311Errors, `Error (${s}): the spec's error array, [{code, description}] (XML: <errors><error><code/><description/></error></errors>)`)]));
}

registry.registerPath({
  method: 'get',
  path: `${BASE}/discovery.{format}`,
  tags,
  summary: 'Open311 service discovery: the GeoReport v2 endpoint, its formats (XML and JSON) and how to get an api_key',
  request: { params: z.object({ format: FormatParam }), query: JurisdictionQuery },
  responses: { 200: answer(Open311Discovery, 'Discovery'), ...open311ErrorResponses(404) },
});
registry.registerPath({
  method: 'get',
  path: `${BASE}/services.{format}`,
  tags,
  summary: 'GeoReport v2 service list: one service per leak category (service_code = our category)',
  request: { params: z.object({ format: FormatParam }), query: JurisdictionQuery },
  responses: { 200: answer(z.array(Open311Service), 'Services'), ...open311ErrorResponses(400, 404) },
});
registry.registerPath({
  method: 'get',
  path: `${BASE}/services/{service_code}.{format}`,
  tags,
  summary: 'GeoReport v2 service definition',
  request: { params: z.object({ service_code: z.enum(categories), format: FormatParam }), query: JurisdictionQuery },
  responses: { 200: answer(Open311ServiceDefinition, 'Service definition'), ...open311ErrorResponses(400, 404) },
});
registry.registerPath({
  method: 'get',
  path: `${BASE}/requests.{format}`,
  tags,
  summary: 'GeoReport v2 service requests: by number, or by service, status and a window of at most 90 days (default the last 90); newest first, at most 1000 a page (page, page_size)',
  request: { params: z.object({ format: FormatParam }), query: RequestsQuery },
  responses: { 200: answer(z.array(Open311ServiceRequest), 'Service requests (no reporter data, no photos)'), ...open311ErrorResponses(400, 404, 429) },
});
registry.registerPath({
  method: 'get',
  path: `${BASE}/requests/{service_request_id}.{format}`,
  tags,
  summary: 'GeoReport v2 service request: one report by its ticket number (a list of one)',
  request: { params: z.object({ service_request_id: z.string().openapi({ example: 'LK-2026-000123' }), format: FormatParam }), query: JurisdictionQuery },
  responses: { 200: answer(z.array(Open311ServiceRequest), 'The service request'), ...open311ErrorResponses(404) },
});
registry.registerPath({
  method: 'post',
  path: `${BASE}/requests.{format}`,
  tags,
  summary:
    'GeoReport v2: submit a leak report with an api_key, as the spec\'s application/x-www-form-urlencoded form or as multipart/form-data with the photo as the file `media` (our extension). lat, long and phone are required; the photo is the file `media` or a `media_url` on a host the utility allows (OPEN311_MEDIA_HOSTS). Every refusal of our intake applies. Send an Idempotency-Key header to make retries safe.',
  request: {
    params: z.object({ format: FormatParam }),
    headers: z.object({ 'Idempotency-Key': z.string().optional() }),
    body: {
      content: {
        'application/x-www-form-urlencoded': { schema: PostRequestFields },
        'multipart/form-data': {
          schema: PostRequestFields.extend({ media: z.string().openapi({ type: 'string', format: 'binary', description: 'The photo: JPEG, PNG, WebP or AVIF (not HEIC), at most 10 MB and 40 megapixels' }) }),
        },
      },
    },
  },
  responses: {
    201: answer(Open311PostAnswer, 'Created: the new ticket number'),
    200: answer(Open311PostAnswer, 'A re-report: the done ticket it reopened'),
    ...open311ErrorResponses(400, 403, 404, 429),
  },
});

registry.registerPath({
  method: 'get',
  path: `${BASE}/tokens/{token}.{format}`,
  tags,
  summary: 'GeoReport v2: the ticket number of a submission that waited for staff (empty while it waits; 404 once refused, with the reason)',
  request: { params: z.object({ token: z.string(), format: FormatParam }), query: JurisdictionQuery },
  responses: { 200: answer(Open311TokenAnswer, 'The token and its service_request_id'), ...open311ErrorResponses(404) },
});
registry.registerPath({
  method: 'get',
  path: `${BASE}/servicerequestupdates.{format}`,
  tags,
  summary: "FixMyStreet's servicerequestupdates extension: every step of the utility's tickets in a window (default the last 24 hours, at most 90 days), oldest first, at most 1000; statuses OPEN, INVESTIGATING, ACTION_SCHEDULED, IN_PROGRESS, FIXED, CLOSED, NO_FURTHER_ACTION, REOPEN",
  request: { params: z.object({ format: FormatParam }), query: UpdatesQuery },
  responses: { 200: answer(z.array(Open311RequestUpdate), 'Request updates (XML root service_requests_updates, items request_update)'), ...open311ErrorResponses(400, 404) },
});
registry.registerPath({
  method: 'post',
  path: `${BASE}/servicerequestupdates.{format}`,
  tags,
  summary:
    "FixMyStreet's POST servicerequestupdates (mySociety's extension), with an api_key: its user's comment on a ticket becomes a note for staff in the ticket's trail; status REOPEN (or OPEN on a repaired or closed ticket) is a repeat report: reopened within the re-report window (seed 003). Answers [{update_id}] (XML root service_request_updates, item request_update); the same update_id again answers the same.",
  request: { params: z.object({ format: FormatParam }), body: { content: { 'application/x-www-form-urlencoded': { schema: PostUpdateFields }, 'multipart/form-data': { schema: PostUpdateFields } } } },
  responses: { 200: answer(Open311UpdateAnswer, 'The update, recorded (or recorded before: the same answer)'), ...open311ErrorResponses(400, 403, 404, 429) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/open311/queue',
  tags,
  summary: 'Open311 submissions waiting for staff (the photo only a link to a host not fetched from; before issue 13, also ones placed by an address only): oldest first (admin, operator)',
  responses: { 200: { description: 'The queue', content: { 'application/json': { schema: z.array(QueuedSubmission) } } }, ...errorResponses(401, 403) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/open311/queue/{token}/accept',
  tags,
  summary: 'Take a queued Open311 submission in as a ticket, at the position staff found (admin, operator); its token then answers the ticket number',
  request: { params: z.object({ token: z.string() }), body: { content: { 'application/json': { schema: AcceptQueued } } } },
  responses: { 201: { description: 'The ticket', content: { 'application/json': { schema: z.object({ token: z.string(), service_request_id: z.string() }) } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/open311/queue/{token}/refuse',
  tags,
  summary: 'Refuse a queued Open311 submission with a reason (admin, operator); its token then answers 404 with the reason',
  request: { params: z.object({ token: z.string() }), body: { content: { 'application/json': { schema: RefuseQueued } } } },
  responses: { 200: { description: 'Refused', content: { 'application/json': { schema: z.object({ token: z.string(), refused: z.literal(true) }) } } }, ...errorResponses(400, 401, 403, 404, 409) },
});

const queueStaff = ['admin', 'operator'] as const;

/** Staff's side of the queue: /api/v1/open311 (JSON, the console's error shape). */
export function open311StaffRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/queue', staff(ctx, queueStaff), async (_req, res) => {
    res.json(await queuedSubmissions(ctx, utilityOf(res)));
  });
  router.post('/queue/:token/accept', staff(ctx, queueStaff), async (req, res) => {
    const body = parse(AcceptQueued, req.body ?? {});
    res.status(201).json(await acceptQueuedSubmission(ctx, utilityOf(res), userOf(res), String(req.params.token), body));
  });
  router.post('/queue/:token/refuse', staff(ctx, queueStaff), async (req, res) => {
    const body = parse(RefuseQueued, req.body ?? {});
    res.json(await refuseQueuedSubmission(ctx, utilityOf(res), userOf(res), String(req.params.token), body.reason));
  });
  return router;
}

/** The photo behind a media_url: fetched when its host is allowed (a failed fetch is the client's to fix: 400); null when the host is not (the report then waits for staff). */
async function photoFromMediaUrl(ctx: AppContext, mediaUrl: string): Promise<Buffer | null> {
  if (!isFetchableMediaUrl(mediaUrl, ctx.config.open311MediaHosts)) return null;
  const fetched = await fetchMedia(mediaUrl, ctx.config.open311MediaHosts, ctx.config.maxPhotoBytes);
  if (!fetched.ok) throw validationError([{ field: 'media_url', message: `the photo could not be fetched (${fetched.why}); send it as the multipart file "media" instead` }]);
  return fetched.bytes;
}

function uploadMedia(ctx: AppContext) {
  return countedUpload(multer({ storage: multer.memoryStorage(), limits: { fileSize: ctx.config.maxPhotoBytes, files: 1, fields: 80 } }).single('media'));
}

/** The spec's two formats, chosen by the resource's suffix (`services.xml`, `requests/LK-2026-000123.json`). */
export type Format = 'json' | 'xml';

/** The format a path asks for (its last suffix), null for any other suffix. */
export function formatOfPath(path: string): Format | null {
  const m = /\.(json|xml)$/i.exec(path);
  return m ? (m[1].toLowerCase() as Format) : null;
}

function formatOf(req: Request): Format {
  const format = String(req.params.format ?? '').toLowerCase();
  if (format === 'json' || format === 'xml') return format;
  throw new DomainError(ErrorCode.notFound, `No Open311 resource ${req.path}: ask for .xml or .json (see ${BASE}/discovery.xml)`, { what: 'format', key: format });
}

/** One answer in the asked format: JSON as it is, XML as the spec's element-by-element mapping of it. */
function send(res: Response, format: Format, root: XmlRoot, body: unknown, status = 200): void {
  if (format === 'xml') res.status(status).type(XML_CONTENT_TYPE).send(toGeoReportXml(root, body));
  else res.status(status).json(body);
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Discovery is about the server: on a several-utility install with no jurisdiction named it still answers, without the contact. */
async function utilityIfNamed(ctx: AppContext, req: Request) {
  try {
    return await publicUtility(ctx, req);
  } catch (err) {
    if (isDomainError(err) && err.code === ErrorCode.validationFailed) return null;
    throw err;
  }
}

export function open311Router(ctx: AppContext): Router {
  const router = Router();
  router.get('/discovery.:format', async (req, res) => {
    const format = formatOf(req);
    const utility = await utilityIfNamed(ctx, req);
    send(res, format, 'discovery', discovery(utility, `${req.protocol}://${req.get('host')}${req.baseUrl}`));
  });
  router.get('/services.:format', async (req, res) => {
    const format = formatOf(req);
    send(res, format, 'services', serviceList(await publicUtility(ctx, req)));
  });
  router.get('/services/:code.:format', async (req, res) => {
    const format = formatOf(req);
    await publicUtility(ctx, req);
    send(res, format, 'service_definition', serviceDefinition(String(req.params.code)));
  });
  router.get('/requests.:format', async (req, res) => {
    const format = formatOf(req);
    const query = parse(RequestsQuery, req.query);
    const utility = await publicUtility(ctx, req);
    const text = await listServiceRequestsText(ctx, utility, query, format);
    res.type(format === 'xml' ? XML_CONTENT_TYPE : 'application/json; charset=utf-8').send(text);
  });
  router.get('/requests/:id.:format', async (req, res) => {
    const format = formatOf(req);
    const utility = await publicUtility(ctx, req);
    send(res, format, 'service_requests', await getServiceRequest(ctx, utility, String(req.params.id)));
  });
  router.post('/requests.:format', uploadMedia(ctx), async (req, res) => {
    const format = formatOf(req);
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const { utility, apiKey } = await authoriseSubmission(ctx, text(raw.api_key) ?? text(req.query.api_key), text(raw.jurisdiction_id) ?? text(req.query.jurisdiction_id));
    const throttle = throttleOf(ctx);
    await throttle.hit('open311Key', String(apiKey.id), res);
    const fields = parse(PostRequestFields, raw);
    const attributes = attributesOf(raw);
    if (fields.phone) await throttle.hit('reportPhone', phoneThrottleKey(utility.id, fields.phone), res);
    const file = req.file?.buffer ?? null;
    // A photo by link from an allowed host is fetched before any transaction opens (a slow host holds no connection).
    const media = file ?? (fields.media_url ? await photoFromMediaUrl(ctx, fields.media_url) : null);
    const { api_key: _key, ...asked } = fields;
    const answer = await once(ctx, utility.id, req.get('idempotency-key'), requestHashOf({ open311: asked, attributes }, file), (inTx) =>
      submitServiceRequest(inTx, utility, apiKey, { fields, attributes, media }),
    );
    if (answer.replayed) res.set('Idempotent-Replayed', 'true');
    send(res, format, 'service_requests', answer.body, answer.statusCode);
  });
  router.get('/tokens/:token.:format', async (req, res) => {
    const format = formatOf(req);
    const utility = await publicUtility(ctx, req);
    send(res, format, 'service_requests', await serviceRequestOfToken(ctx, utility, String(req.params.token)));
  });
  router.get('/servicerequestupdates.:format', async (req, res) => {
    const format = formatOf(req);
    const query = parse(UpdatesQuery, req.query);
    const utility = await publicUtility(ctx, req);
    send(res, format, 'service_requests_updates', await listRequestUpdates(ctx, utility, query));
  });
  router.post('/servicerequestupdates.:format', multer({ limits: { files: 0, fields: 40 } }).none(), async (req, res) => {
    const format = formatOf(req);
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const { utility, apiKey } = await authoriseSubmission(ctx, text(raw.api_key) ?? text(req.query.api_key), text(raw.jurisdiction_id) ?? text(req.query.jurisdiction_id));
    await throttleOf(ctx).hit('open311Key', String(apiKey.id), res);
    const fields = parse(PostUpdateFields, raw);
    const answer = await postRequestUpdate(ctx, utility, apiKey, fields);
    if (answer.replayed) res.set('Idempotent-Replayed', 'true');
    send(res, format, 'service_request_updates', answer.body);
  });
  router.use((req) => {
    throw new DomainError(ErrorCode.notFound, `No Open311 endpoint ${req.method} ${req.originalUrl} (see ${BASE}/discovery.xml)`, { method: req.method, path: req.originalUrl });
  });
  return router;
}

/**
 * Errors as the GeoReport spec writes them: an array of {code, description},
 * code the HTTP status (from the one mapping in ../errors.ts) and the
 * description led by our stable error code. Mounted after the router, so the
 * body parsers' errors on these paths are answered the same way.
 */
export function open311Errors(ctx: AppContext): ErrorRequestHandler {
  const maxPhotoMb = Math.round(ctx.config.maxPhotoBytes / 1024 / 1024);
  return (err, req, res, _next) => {
    const format = formatOfPath(req.path) ?? 'json';
    const unexpectedFile = err instanceof multer.MulterError && err.code === 'LIMIT_UNEXPECTED_FILE';
    const domain = unexpectedFile
      ? validationError([{ field: err.field ?? 'form', message: 'unexpected file: send the photo as the multipart file "media" (one file)' }])
      : isDomainError(err)
        ? err
        : (fromTransport(err, maxPhotoMb) ?? databaseErrorOf(err) ?? fromHttpError(err));
    if (!domain) {
      req.log.error({ err, requestId: req.id }, 'Unhandled error');
      send(res, format, 'errors', [{ code: 500, description: 'INTERNAL: Something went wrong on our side; the request was not applied / Terjadi kesalahan pada sistem.' }], 500);
      return;
    }
    if (domain.code === ErrorCode.serviceUnavailable) req.log.warn({ err, requestId: req.id }, 'the database is unreachable: 503');
    const retryAfter = domain.details.retryAfterSeconds;
    if (typeof retryAfter === 'number' && !res.headersSent) res.set('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
    const code = httpStatusOf(domain.code);
    const issues = domain.details.fields as FieldIssue[] | undefined;
    const indonesian = indonesianMessageOf(domain.code);
    const body = issues?.length
      ? issues.map((i) => ({ code, description: `${domain.code}: ${i.field}: ${i.message} / ${indonesian}` }))
      : [{ code, description: `${domain.code}: ${domain.message} / ${indonesian}` }];
    // An answer that says when to come back (Retry-After: a key still being processed, an outage) keeps its own status.
    send(res, format, 'errors', body, typeof retryAfter === 'number' ? code : open311HttpStatusOf(code));
  };
}

/**
 * The HTTP status the spec names: 404 for what does not exist, 403 for a
 * missing or bad api_key, "basically 400 for any other error"; the body's
 * `code` keeps our precise one (422 outside the service area, 413, 415, 409),
 * as the spec allows ("more specific and unique error code identifiers").
 * 429 and 503 stay, as does any refusal with a Retry-After (a 409 "still
 * being processed"): they tell a client to come back, which a 400 would not.
 */
export function open311HttpStatusOf(code: number): number {
  if (code === 403 || code === 404 || code === 429 || code >= 500) return code;
  return 400;
}
