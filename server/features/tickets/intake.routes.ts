import { Router } from 'express';
import multer from 'multer';
import type { AppContext } from '../../platform/context.js';
import { prepareReport } from './intake.service.js';
import { journalAnswer, journalCitizenReport, journalling, POLL_SECONDS, receiptAnswer } from './journal.service.js';
import { publicStatus } from './service.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { publicUtility } from '../auth/middleware.js';
import { PublicStatus, ReportAccepted, ReportFields, ReportReceipt } from '../../platform/http/schemas.js';
import { once, requestHashOf } from './idempotency.service.js';
import { sha256Of } from '../../platform/storage/photos.js';
import { phoneThrottleKey, throttleOf } from '../../platform/http/throttle.js';
import { countedUpload } from '../../platform/http/intake-load.js';
import { setNoStore } from '../../platform/http/no-store.js';

registry.registerPath({
  method: 'post',
  path: '/api/v1/reports',
  summary: 'A citizen reports a leak (GPS required; a photo too, unless the utility made it optional for the category: GET /api/v1/config). Send an Idempotency-Key header to make retries safe.',
  request: {
    headers: z.object({ 'Idempotency-Key': z.string().optional().describe('Any unique string (a UUID); a retry with the same key and request returns the first answer') }),
    body: {
      content: {
        'multipart/form-data': {
          schema: ReportFields.extend({ photo: z.string().optional().openapi({ type: 'string', format: 'binary', description: 'Required unless the category does not require one (GET /api/v1/config categoryDetails). JPEG, PNG, WebP or AVIF (not HEIC), at most 10 MB and 40 megapixels' }) }),
        },
      },
    },
  },
  responses: {
    201: { description: 'Report received', content: { 'application/json': { schema: ReportReceipt } } },
    202: {
      description: 'Many reports are arriving at once: the report and its photo are safely stored and its ticket is made in a moment. Poll receiptUrl (Retry-After) for the receipt; a retry with the same Idempotency-Key gets the same token',
      content: { 'application/json': { schema: ReportAccepted } },
    },
    ...errorResponses(400, 403, 413, 415, 422, 429),
  },
});

registry.registerPath({
  method: 'get',
  path: '/api/v1/reports/receipts/{token}',
  summary: 'The receipt of a report answered 202: 202 while its ticket is being made, then what POST would have answered (201/200 with the receipt, or the refusal)',
  request: { params: z.object({ token: z.string() }), query: z.object({ jurisdiction_id: z.string().optional() }) },
  responses: {
    200: { description: 'The report was added to an open ticket or reopened one', content: { 'application/json': { schema: ReportReceipt } } },
    201: { description: 'The ticket was made', content: { 'application/json': { schema: ReportReceipt } } },
    202: { description: 'Still being made: ask again after Retry-After', content: { 'application/json': { schema: ReportAccepted } } },
    ...errorResponses(403, 404, 422),
  },
});

registry.registerPath({
  method: 'get',
  path: '/api/v1/reports/{number}',
  summary: 'Public status of a report: status, timeline, expected resolution (no personal data)',
  request: { params: z.object({ number: z.string().openapi({ example: 'LK-2026-000123' }) }), query: z.object({ jurisdiction_id: z.string().optional() }) },
  responses: { 200: { description: 'Status', content: { 'application/json': { schema: PublicStatus } } }, ...errorResponses(404) },
});

/** The upload of a request with a photo, counted as intake in flight from its first byte (the photo analysis waits for it). */
export function uploadPhoto(ctx: AppContext) {
  return countedUpload(multer({ storage: multer.memoryStorage(), limits: { fileSize: ctx.config.maxPhotoBytes, files: 1, fields: 30 } }).single('photo'));
}

export function reportsRouter(ctx: AppContext): Router {
  const router = Router();
  router.post('/', uploadPhoto(ctx), async (req, res) => {
    const fields = parse(ReportFields, req.body ?? {});
    // Many reports in flight: journalled (202 and a token; journal.service.ts), its cheap checks on a utility read at most a second ago.
    const journal = journalling(ctx);
    const utility = await publicUtility(ctx, req, { recent: journal });
    const photo = req.file?.buffer ?? null;
    // One pass over the photo's bytes: its digest names the stored file and stands for it in the request's.
    const photoSha256 = photo ? sha256Of(photo) : null;
    const input = { ...fields, previousNumber: fields.previous_number, duplicateOf: fields.duplicate_of, preferredChannel: fields.preferred_channel, phoneToken: fields.phone_token, source: 'app' as const, photo, photoSha256 };
    const key = req.get('idempotency-key');
    const requestHash = requestHashOf(fields, photo, photoSha256);
    // Not for a replay: a retry with the same Idempotency-Key is not counted against the phone again.
    const throttlePhone = async () => {
      if (fields.phone) await throttleOf(ctx).hit('reportPhone', phoneThrottleKey(utility.id, fields.phone), res);
    };
    // A key used before answers as below.
    const journalled = journal ? await journalCitizenReport(ctx, utility, input, key === undefined ? null : { key, requestHash }, throttlePhone) : null;
    const answer = journalled
      ? { ...journalled, replayed: false }
      : await once(
          ctx,
          utility.id,
          key,
          requestHash,
          (inTx, prepared) => receiptAnswer(inTx, utility, prepared),
          async () => {
            await throttlePhone();
            return prepareReport(ctx, utility, input);
          },
        );
    if (answer.replayed) res.set('Idempotent-Replayed', 'true');
    if (answer.statusCode === 202) res.set('Retry-After', String(POLL_SECONDS));
    res
      .status(answer.statusCode)
      .location(String(answer.statusCode === 202 ? answer.body.receiptUrl : answer.body.statusUrl))
      .json(answer.body);
  });
  router.get('/receipts/:token', async (req, res) => {
    const utility = await publicUtility(ctx, req);
    const answer = await journalAnswer(ctx, utility, String(req.params.token));
    // The receipt carries the reporter's follow-up link: kept by no cache.
    setNoStore(res);
    if (answer.statusCode === 202) res.set('Retry-After', String(POLL_SECONDS));
    res.status(answer.statusCode).json(answer.body);
  });
  router.get('/:number', async (req, res) => {
    const utility = await publicUtility(ctx, req);
    res.json(await publicStatus(ctx, utility, String(req.params.number)));
  });
  return router;
}
