import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { categories, statuses } from '../../core/domain/tickets.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { noStore } from '../../platform/http/no-store.js';
import { PublicStatus } from '../../platform/http/schemas.js';
import { publicUtility, staff, userOf, utilityOf } from '../auth/middleware.js';
import { uploadPhoto } from './intake.routes.js';
import { addFollowUp, followUpView, reportsOfProvenPhone } from './follow-up.service.js';
import { reporterRecord, unblock } from './reporters.service.js';

const Token = z.string().max(100).optional().describe('The token of the follow-up link in the report receipt (followUpUrl)');
const FollowUpQuery = z.object({ token: Token, jurisdiction_id: z.string().optional() });
const FollowUpFields = z.object({
  token: Token,
  note: z.string().trim().max(2000).optional().transform((v) => v || null),
  jurisdiction_id: z.string().optional(),
});
const label = z.object({ id: z.string(), en: z.string() });
/** One of a reporter's reports as they see it: public fields only. */
const OwnReport = z.object({ number: z.string(), status: z.enum(statuses), statusLabel: label, category: z.enum(categories), receivedAt: z.string() });
const FollowUp = z
  .object({
    report: PublicStatus,
    canAdd: z.boolean().describe('A note or photo can still be added (the ticket is open)'),
    reports: z.array(OwnReport).describe("The reporter's reports, newest first"),
  })
  .openapi('FollowUp');
const ByPhoneBody = z.object({
  phone: z.string().trim().min(1, 'the phone number').max(40),
  proof: z.string().max(100).optional().describe('The token POST /api/v1/verifications/{id}/confirm answered for this phone (valid an hour)'),
  jurisdiction_id: z.string().optional(),
});
const MyReports = z
  .object({
    reports: z
      .array(
        OwnReport.extend({
          lastChangeAt: z.string().describe('The latest step of the report'),
          followUpUrl: z.string().describe("The report's follow-up link: add a note or a photo while it is open"),
        }),
      )
      .describe('The reports of this phone, newest first (a report merged into another shows as that one); no one else\'s data'),
  })
  .openapi('MyReports');
const PhoneQuery = z.object({ phone: z.string().trim().min(1, 'the phone number') });
const UnblockBody = z.object({ phone: z.string().trim().min(1, 'the phone number'), reason: z.string().trim().min(1, 'say why the block is lifted').max(1000) });
const ReporterRecord = z
  .object({
    phone: z.string(),
    name: z.string().nullable(),
    blocked: z.boolean(),
    blockedReason: z.string().nullable(),
    events: z.array(z.object({ action: z.enum(['block', 'unblock']), reason: z.string(), by: z.string().nullable(), at: z.string() })),
  })
  .openapi('ReporterRecord');

registry.registerPath({
  method: 'get',
  path: '/api/v1/follow-up',
  summary: "The reporter's view through the signed link of their receipt: status, whether they can add to it, their other reports",
  request: { query: FollowUpQuery },
  responses: { 200: { description: 'The report', content: { 'application/json': { schema: FollowUp } } }, ...errorResponses(403, 404) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/follow-up',
  summary: 'The reporter adds a note and/or a photo to their open report (multipart, with the token of the receipt link)',
  request: { body: { content: { 'multipart/form-data': { schema: FollowUpFields.extend({ photo: z.string().openapi({ type: 'string', format: 'binary' }) }) } } } },
  responses: { 200: { description: 'Added', content: { 'application/json': { schema: FollowUp } } }, ...errorResponses(400, 403, 404, 409, 413, 415) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/follow-up/by-phone',
  summary: "A reporter's own reports by phone, once the phone is proven by a one-time code (POST /api/v1/verifications, then /confirm): number, status, dates and each report's follow-up link",
  request: { body: { content: { 'application/json': { schema: ByPhoneBody } } } },
  responses: { 200: { description: 'The reports', content: { 'application/json': { schema: MyReports } } }, ...errorResponses(400, 403) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/reporters',
  summary: 'A reporter by phone: blocked or not, and the trail of blocks and unblocks (admin, operator)',
  security: [{ bearer: [] }],
  request: { query: PhoneQuery },
  responses: { 200: { description: 'The reporter', content: { 'application/json': { schema: ReporterRecord } } }, ...errorResponses(400, 401, 403, 404) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/reporters/unblock',
  summary: 'Lift the block of a reporter, with the reason (admin, operator); kept in the reporter’s trail',
  security: [{ bearer: [] }],
  request: { body: { content: { 'application/json': { schema: UnblockBody } } } },
  responses: { 200: { description: 'The reporter after the change', content: { 'application/json': { schema: ReporterRecord } } }, ...errorResponses(400, 401, 403, 404, 409) },
});

/** /api/v1/follow-up: the reporter's signed link. */
export function followUpRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(noStore());
  router.get('/', async (req, res) => {
    const q = parse(FollowUpQuery, req.query);
    res.json(await followUpView(ctx, await publicUtility(ctx, req), q.token));
  });
  router.post('/by-phone', async (req, res) => {
    const body = parse(ByPhoneBody, req.body ?? {});
    res.json(await reportsOfProvenPhone(ctx, await publicUtility(ctx, req), body.phone, body.proof));
  });
  router.post('/', uploadPhoto(ctx), async (req, res) => {
    const fields = parse(FollowUpFields, req.body ?? {});
    const utility = await publicUtility(ctx, req);
    res.json(await addFollowUp(ctx, utility, fields.token, { note: fields.note, photo: req.file?.buffer ?? null }));
  });
  return router;
}

/** /api/v1/reporters: blocks and unblocks. */
export function reportersRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', staff(ctx, ['admin', 'operator']), async (req, res) => {
    const q = parse(PhoneQuery, req.query);
    res.json(await reporterRecord(ctx, utilityOf(res), q.phone));
  });
  router.post('/unblock', staff(ctx, ['admin', 'operator']), async (req, res) => {
    const body = parse(UnblockBody, req.body ?? {});
    res.json(await unblock(ctx, utilityOf(res), userOf(res), body.phone, body.reason));
  });
  return router;
}
