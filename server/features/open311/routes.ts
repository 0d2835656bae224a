import { Router, type ErrorRequestHandler, type Request } from 'express';
import multer from 'multer';
import type { AppContext } from '../../platform/context.js';
import { DomainError, ErrorCode, isDomainError, validationError, type FieldIssue } from '../../core/domain/errors.js';
import { categories } from '../../core/domain/tickets.js';
import { fromTransport, httpStatusOf } from '../../platform/http/errors.js';
import { registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { publicUtility } from '../auth/middleware.js';
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
  PostRequestFields,
  RequestsQuery,
} from './schemas.js';
import { discovery } from './view.js';
import {
  authoriseSubmission,
  getServiceRequest,
  listServiceRequests,
  serviceDefinition,
  serviceList,
  submitServiceRequest,
} from './service.js';

const BASE = '/open311/v2';
const tags = ['Open311 GeoReport v2'];

function open311ErrorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, { description: `Error (${s}): [{code, description}]`, content: { 'application/json': { schema: Open311Errors } } }]));
}
const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });

registry.registerPath({
  method: 'get',
  path: `${BASE}/discovery.json`,
  tags,
  summary: 'Open311 service discovery: the GeoReport v2 endpoint, its formats (JSON only) and how to get an api_key',
  request: { query: JurisdictionQuery },
  responses: { 200: json(Open311Discovery, 'Discovery'), ...open311ErrorResponses(404) },
});
registry.registerPath({
  method: 'get',
  path: `${BASE}/services.json`,
  tags,
  summary: 'GeoReport v2 service list: one service per leak category (service_code = our category)',
  request: { query: JurisdictionQuery },
  responses: { 200: json(z.array(Open311Service), 'Services'), ...open311ErrorResponses(400, 404) },
});
registry.registerPath({
  method: 'get',
  path: `${BASE}/services/{service_code}.json`,
  tags,
  summary: 'GeoReport v2 service definition (no extra attributes)',
  request: { params: z.object({ service_code: z.enum(categories) }), query: JurisdictionQuery },
  responses: { 200: json(Open311ServiceDefinition, 'Service definition'), ...open311ErrorResponses(400, 404) },
});
registry.registerPath({
  method: 'get',
  path: `${BASE}/requests.json`,
  tags,
  summary: 'GeoReport v2 service requests: by number, or by service, status and a window of at most 90 days (default the last 90); newest first, at most 1000 a page (page, page_size)',
  request: { query: RequestsQuery },
  responses: { 200: json(z.array(Open311ServiceRequest), 'Service requests (no reporter data, no photos)'), ...open311ErrorResponses(400, 404, 429) },
});
registry.registerPath({
  method: 'get',
  path: `${BASE}/requests/{service_request_id}.json`,
  tags,
  summary: 'GeoReport v2 service request: one report by its ticket number (an array of one)',
  request: { params: z.object({ service_request_id: z.string().openapi({ example: 'LK-2026-000123' }) }), query: JurisdictionQuery },
  responses: { 200: json(z.array(Open311ServiceRequest), 'The service request'), ...open311ErrorResponses(404) },
});
registry.registerPath({
  method: 'post',
  path: `${BASE}/requests.json`,
  tags,
  summary:
    'GeoReport v2: submit a leak report with an api_key. The photo is required and travels as the multipart file `media` (a media_url is not fetched); lat, long and phone are required. Every refusal of our intake applies. Send an Idempotency-Key header to make retries safe.',
  request: {
    headers: z.object({ 'Idempotency-Key': z.string().optional() }),
    body: {
      content: {
        'multipart/form-data': {
          schema: PostRequestFields.extend({ media: z.string().openapi({ type: 'string', format: 'binary', description: 'The photo: JPEG, PNG, WebP or AVIF (not HEIC), at most 10 MB and 40 megapixels' }) }),
        },
        'application/x-www-form-urlencoded': { schema: PostRequestFields },
      },
    },
  },
  responses: {
    201: json(Open311PostAnswer, 'Created: the new ticket number'),
    200: json(Open311PostAnswer, 'A re-report: the done ticket it reopened'),
    ...open311ErrorResponses(400, 403, 404, 409, 413, 415, 422, 429),
  },
});

function uploadMedia(ctx: AppContext) {
  return multer({ storage: multer.memoryStorage(), limits: { fileSize: ctx.config.maxPhotoBytes, files: 1, fields: 40 } }).single('media');
}

/** `LK-2026-000123.json` -> `LK-2026-000123`; XML is not offered, anything else does not exist. */
function jsonResource(file: string, what: string): string {
  if (file.endsWith('.json') && file.length > 5) return file.slice(0, -5);
  if (file.endsWith('.xml')) throw xmlRefused();
  throw new DomainError(ErrorCode.notFound, `No ${what} ${file}: ask for ${what}.json`, { what, key: file });
}

function xmlRefused(): DomainError {
  return validationError([{ field: 'format', message: 'XML is not offered by this server: ask for .json (see discovery.json)' }]);
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
  router.get('/discovery.json', async (req, res) => {
    const utility = await utilityIfNamed(ctx, req);
    res.json(discovery(utility, `${req.protocol}://${req.get('host')}${req.baseUrl}`));
  });
  router.get('/services.json', async (req, res) => {
    await publicUtility(ctx, req);
    res.json(serviceList());
  });
  router.get('/services/:file', async (req, res) => {
    await publicUtility(ctx, req);
    res.json(serviceDefinition(jsonResource(String(req.params.file), 'service')));
  });
  router.get('/requests.json', async (req, res) => {
    const query = parse(RequestsQuery, req.query);
    const utility = await publicUtility(ctx, req);
    res.json(await listServiceRequests(ctx, utility, query));
  });
  router.get('/requests/:file', async (req, res) => {
    const number = jsonResource(String(req.params.file), 'service request');
    const utility = await publicUtility(ctx, req);
    res.json(await getServiceRequest(ctx, utility, number));
  });
  router.post('/requests.json', uploadMedia(ctx), async (req, res) => {
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const { utility, apiKey } = await authoriseSubmission(ctx, text(raw.api_key) ?? text(req.query.api_key), text(raw.jurisdiction_id) ?? text(req.query.jurisdiction_id));
    const throttle = throttleOf(ctx);
    await throttle.hit('open311Key', String(apiKey.id), res);
    const fields = parse(PostRequestFields, raw);
    if (fields.phone) await throttle.hit('reportPhone', phoneThrottleKey(utility.id, fields.phone), res);
    const media = req.file?.buffer ?? null;
    const { api_key: _key, ...asked } = fields;
    const answer = await once(ctx, utility.id, req.get('idempotency-key'), requestHashOf({ open311: asked }, media), (inTx) =>
      submitServiceRequest(inTx, utility, apiKey, fields, media),
    );
    if (answer.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(answer.statusCode).json(answer.body);
  });
  router.use((req) => {
    if (/\.xml$/.test(req.path)) throw xmlRefused();
    throw new DomainError(ErrorCode.notFound, `No Open311 endpoint ${req.method} ${req.originalUrl} (see ${BASE}/discovery.json)`, { method: req.method, path: req.originalUrl });
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
    const unexpectedFile = err instanceof multer.MulterError && err.code === 'LIMIT_UNEXPECTED_FILE';
    const domain = unexpectedFile
      ? validationError([{ field: err.field ?? 'form', message: 'unexpected file: send the photo as the multipart file "media" (one file)' }])
      : isDomainError(err)
        ? err
        : fromTransport(err, maxPhotoMb);
    if (!domain) {
      req.log.error({ err, requestId: req.id }, 'Unhandled error');
      res.status(500).json([{ code: 500, description: 'INTERNAL: Something went wrong on our side; the request was not applied' }]);
      return;
    }
    const status = httpStatusOf(domain.code);
    const issues = domain.details.fields as FieldIssue[] | undefined;
    const body = issues?.length
      ? issues.map((i) => ({ code: status, description: `${domain.code}: ${i.field}: ${i.message}` }))
      : [{ code: status, description: `${domain.code}: ${domain.message}` }];
    res.status(status).json(body);
  };
}
