import { Router } from 'express';
import multer from 'multer';
import type { AppContext } from '../../platform/context.js';
import { prepareReport, writeReport } from './intake.service.js';
import { publicStatus } from './service.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { publicUtility } from '../auth/middleware.js';
import { PublicStatus, ReportFields, ReportReceipt } from '../../platform/http/schemas.js';
import { presentReceipt, receiptStatusOf } from './view.js';
import { once, requestHashOf } from './idempotency.service.js';
import { phoneThrottleKey, throttleOf } from '../../platform/http/throttle.js';
import { followUpLinkOf } from './follow-up.service.js';
import { countedUpload } from '../../platform/http/intake-load.js';

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
    ...errorResponses(400, 403, 413, 415, 422, 429),
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
    const utility = await publicUtility(ctx, req);
    const photo = req.file?.buffer ?? null;
    const answer = await once(
      ctx,
      utility.id,
      req.get('idempotency-key'),
      requestHashOf(fields, photo),
      async (inTx, prepared) => {
        const receipt = await writeReport(inTx, utility, prepared);
        const followUpUrl = await followUpLinkOf(inTx, utility, receipt.id, receipt.reporterId);
        return { statusCode: receiptStatusOf(receipt), body: { ...presentReceipt(receipt, utility), followUpUrl } };
      },
      // Not for a replay: a retry with the same Idempotency-Key is not counted against the phone again.
      async () => {
        if (fields.phone) await throttleOf(ctx).hit('reportPhone', phoneThrottleKey(utility.id, fields.phone), res);
        return prepareReport(ctx, utility, { ...fields, previousNumber: fields.previous_number, duplicateOf: fields.duplicate_of, preferredChannel: fields.preferred_channel, phoneToken: fields.phone_token, source: 'app', photo });
      },
    );
    if (answer.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(answer.statusCode).location(answer.body.statusUrl).json(answer.body);
  });
  router.get('/:number', async (req, res) => {
    const utility = await publicUtility(ctx, req);
    res.json(await publicStatus(ctx, utility, String(req.params.number)));
  });
  return router;
}
