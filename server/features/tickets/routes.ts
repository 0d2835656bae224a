import { Router } from 'express';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../../platform/context.js';
import { prepareReport, writeReport } from './intake.service.js';
import { performAction, prepareAction, type ActionInput } from './workflow.service.js';
import { listTicketsFor, presentTicket, ticketDetail, ticketPhotoFor, ticketPointsFor } from './service.js';
import type { Action } from '../../core/domain/workflow.js';
import { categories, priorities, sources, statuses } from '../../core/domain/tickets.js';
import { languages, outboundChannels } from '../../core/domain/messages.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { staff, userOf, utilityOf } from '../auth/middleware.js';
import { IdParam, ReportReceipt, StaffReportFields } from '../../platform/http/schemas.js';
import { presentReceipt, receiptStatusOf } from './view.js';
import { once, requestHashOf } from './idempotency.service.js';
import { uploadPhoto } from './intake.routes.js';
import { photoBodyFor, photoSizes } from './photos.service.js';

const bearer = [{ bearer: [] }];

const PhotoQuery = z.object({
  size: z.enum(photoSizes).default('full').describe('full: the photo without EXIF; thumb: 320 px JPEG; original: the upload with its EXIF (admin only)'),
});
const PhotoParams = IdParam.extend({ photoId: z.coerce.number().int().positive() });

const csvOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined))
    .pipe(z.array(z.enum(values)).optional());

const ListQuery = z.object({
  status: csvOf(statuses).openapi({ type: 'string', example: 'received,spk_issued' }),
  priority: csvOf(priorities).openapi({ type: 'string', example: 'critical,high' }),
  crewId: z.coerce.number().int().positive().optional(),
  number: z.string().trim().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  order: z.enum(['oldest', 'newest', 'priority']).default('oldest').describe('priority: Critical, High, Normal, then the oldest first (repeat reports always lead)'),
});

/** One endpoint per transition: path segment, action, and the body it takes. */
const actionRoutes: { path: string; action: Action; summary: string; body: z.ZodType<ActionInput>; multipart?: boolean }[] = [
  {
    path: 'reject',
    action: 'reject',
    summary: 'Admin rejects a report (hoax, duplicate, not a leak); may block the reporter',
    body: z.object({
      reason: z.string().trim().min(1, 'say why the report is rejected'),
      publicReason: z.string().trim().max(300).optional().describe('What the reporter is told (the reason stays internal); a general sentence when omitted'),
      blockReporter: z.boolean().default(false),
    }),
  },
  {
    path: 'spk',
    action: 'issue_spk',
    summary: 'Admin validates the report and issues the work order (SPK) with a priority',
    body: z.object({
      priority: z.enum(priorities),
      phoneVerification: z.string().trim().optional().describe('What the reporter said on the phone; required when the photo is blurred'),
      instructions: z.string().trim().optional(),
    }),
  },
  { path: 'assign', action: 'assign', summary: 'Dispatcher assigns (or re-assigns) a crew', body: z.object({ crewId: z.number().int().positive(), note: z.string().optional() }) },
  { path: 'detach', action: 'detach', summary: 'A report attached to an area incident is a separate problem: back to the validation queue', body: z.object({ note: z.string().optional() }) },
  { path: 'unassign', action: 'unassign', summary: 'Dispatcher takes the crew off a ticket not yet on site; it waits for the next plan', body: z.object({ note: z.string().optional() }) },
  { path: 'arrive', action: 'arrive', summary: 'The crew reports it is on site', body: z.object({ note: z.string().optional() }) },
  {
    path: 'escalate',
    action: 'escalate',
    summary: 'The crew needs heavy equipment: escalate to the Kabag Distribusi',
    body: z.object({ note: z.string().trim().min(1, 'say what is needed') }),
  },
  { path: 'fix', action: 'fix', summary: 'The crew reports the repair, with a photo of the result (multipart)', body: z.object({ note: z.string().optional() }), multipart: true },
  { path: 'close', action: 'close', summary: 'Admin verifies the repair and closes the ticket', body: z.object({ note: z.string().optional() }) },
  { path: 'return', action: 'return_to_crew', summary: 'Admin sends the ticket back to the crew', body: z.object({ note: z.string().trim().min(1, 'tell the crew what is still wrong') }) },
  { path: 'priority', action: 'prioritise', summary: 'Change the priority; SLA due times move with it', body: z.object({ priority: z.enum(priorities), note: z.string().optional() }) },
  {
    path: 'merge',
    action: 'merge',
    summary: 'A waiting report is one more report of an open ticket: merged into it (counted there, no new work)',
    body: z.object({ into: z.string().trim().optional().describe('Number of the open ticket, e.g. LK-2026-000123 (required)'), note: z.string().optional() }),
  },
  { path: 'unmerge', action: 'unmerge', summary: 'A merged report is a separate problem after all: back to the validation queue', body: z.object({ note: z.string().optional() }) },
  {
    path: 'answer',
    action: 'answer',
    summary: 'First-contact close: the operator answered the caller on the spot with a standard answer (status answered)',
    body: z.object({ answerId: z.number().int().positive().optional().describe('GET /api/v1/answers (required)'), note: z.string().trim().max(2000).optional().describe('What else the caller was told') }),
  },
  {
    path: 'forward',
    action: 'forward',
    summary: 'First contact: forwarded to another unit with the answer given to the caller (status forwarded)',
    body: z.object({
      unit: z.string().trim().max(200).optional().describe('The unit the complaint goes to (required)'),
      answer: z.string().trim().max(2000).optional().describe('What the caller was told (or answerId)'),
      answerId: z.number().int().positive().optional(),
    }),
  },
];

const at = z.string().nullable();
const TicketSummary = z
  .object({
    id: z.number(),
    number: z.string(),
    status: z.enum(statuses),
    statusLabel: z.object({ id: z.string(), en: z.string() }),
    priority: z.enum(priorities).nullable(),
    category: z.enum(categories),
    source: z.enum(sources),
    lat: z.number(),
    lon: z.number(),
    h3Cell: z.string(),
    regionId: z.number().nullable(),
    address: z.string().nullable(),
    description: z.string().nullable(),
    crewId: z.number().nullable(),
    photoBlurred: z.boolean().nullable(),
    phoneVerifiedAt: at,
    receivedAt: z.string(),
    spkIssuedAt: at,
    assignedAt: at,
    onSiteAt: at,
    escalatedAt: at,
    fixedAt: at,
    closedAt: at,
    rejectedAt: at,
    respondDueAt: at,
    resolveDueAt: at,
    repeatCount: z.number(),
    starred: z.boolean(),
    urgent: z.boolean(),
    parentTicketId: z.number().nullable(),
    reopenedAt: at,
    incidentId: z.number().nullable(),
  })
  .openapi('TicketSummary');
const TicketPage = z
  .object({
    total: z.number(),
    limit: z.number(),
    offset: z.number(),
    items: z.array(
      TicketSummary.extend({
        thumbnailUrl: z.string().nullable(),
        resultThumbnailUrl: z.string().nullable(),
        photoAnalysing: z.boolean().describe('The report photo is being analysed (photoBlurred is null until it is done)'),
      }),
    ),
  })
  .openapi('TicketPage');
const openStatuses = ['received', 'spk_issued', 'assigned', 'on_site', 'escalated'] as const;
const PointsQuery = z.object({
  status: csvOf(statuses).openapi({ type: 'string', example: 'received,spk_issued,assigned,on_site,escalated' }).describe('Default: the open statuses'),
  limit: z.coerce.number().int().min(1).max(50_000).default(20_000),
});
const TicketPoints = z
  .object({
    total: z.number().describe('How many tickets match (more than the points when truncated)'),
    truncated: z.boolean(),
    fields: z.array(z.string()).describe('The fields of each point, in order: id, lon, lat, priority, status'),
    priorities: z.array(z.enum(priorities)).describe('priority is an index into this list; -1: not yet prioritised'),
    statuses: z.array(z.enum(statuses)).describe('status is an index into this list'),
    points: z.array(z.number()).describe('Flat: fields.length numbers per ticket, Critical first then the oldest'),
  })
  .openapi('TicketPoints');
const TicketDetail = TicketSummary.extend({
  reporter: z
    .object({
      name: z.string().nullable(),
      phone: z.string().nullable(),
      address: z.string().nullable().describe("The reporter's own address as first given"),
      blocked: z.boolean(),
      preferredChannel: z.enum(outboundChannels).nullable().describe("How the reporter hears of their reports (null: the utility's order)"),
      language: z.enum(languages),
      optedOut: z.boolean().describe('The reporter replied STOP: no messages go to them'),
    })
    .nullable()
    .describe('Only to the admin, the operator and the crew assigned to the ticket; null for every other role'),
  workOrder: z.object({ number: z.string(), issuedAt: z.string() }).nullable().describe('The SPK'),
  photos: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(['report', 'result']),
      url: z.string(),
      thumbnailUrl: z.string(),
      width: z.number(),
      height: z.number(),
      blurScore: z.number().nullable().describe('Variance of the Laplacian; null while analysing or when damaged'),
      blurred: z.boolean().nullable().describe('Null while the analysis runs (a moment after the report)'),
      analysing: z.boolean().describe('The photo is being analysed: blur score, EXIF and thumbnail come shortly'),
      damaged: z.boolean().describe('The header read but the pixels did not decode (treated as blurred)'),
      exif: z.object({ lat: z.number().nullable(), lon: z.number().nullable(), takenAt: at }),
    }),
  ),
  events: z.array(
    z.object({
      action: z.string(),
      actor: z.string().describe('Staff name, or the kind of actor (system, planner, ...)'),
      from: z.enum(statuses).nullable(),
      to: z.enum(statuses),
      note: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
      at: z.string(),
    }),
  ),
  allowedActions: z.array(z.string()).describe('What this user may do next'),
}).openapi('Ticket');

registry.registerPath({
  method: 'post',
  path: '/api/v1/tickets',
  summary: 'Staff enter a report from the phone, the desk, social media or e-mail (photo optional)',
  security: bearer,
  request: { body: { content: { 'multipart/form-data': { schema: StaffReportFields }, 'application/json': { schema: StaffReportFields } } } },
  responses: { 201: { description: 'Ticket created', content: { 'application/json': { schema: ReportReceipt } } }, ...errorResponses(400, 401, 403, 413, 415, 422) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/tickets',
  summary: 'Tickets, filtered (the admin queue: ?status=received&order=oldest)',
  security: bearer,
  request: { query: ListQuery },
  responses: { 200: { description: 'A page of tickets', content: { 'application/json': { schema: TicketPage } } }, ...errorResponses(400, 401) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/tickets/map',
  summary: "Tickets as bare points for the dispatcher's map (id, lon, lat, priority, status as numbers in one flat array): 10,000 open tickets in one light answer",
  security: bearer,
  request: { query: PointsQuery },
  responses: { 200: { description: 'The points', content: { 'application/json': { schema: TicketPoints } } }, ...errorResponses(400, 401) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/tickets/{id}',
  summary: 'One ticket with its audit trail, photos, SPK and allowed next actions',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: { description: 'The ticket', content: { 'application/json': { schema: TicketDetail } } }, ...errorResponses(401, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/tickets/{id}/photos/{photoId}',
  summary: "A ticket's photo: the full-size copy or a 320 px thumbnail, both without EXIF, or the original upload with its EXIF (admin only). A crew reads its own tickets' photos only (404 otherwise).",
  security: bearer,
  request: { params: PhotoParams, query: PhotoQuery },
  responses: {
    200: {
      description: 'The image (JPEG, PNG, WebP or AVIF as uploaded; thumbnails are JPEG)',
      headers: { 'Cache-Control': { description: 'private, max-age=86400, immutable', schema: { type: 'string' } } },
      content: Object.fromEntries(['image/jpeg', 'image/png', 'image/webp', 'image/avif'].map((m) => [m, { schema: z.string().openapi({ type: 'string', format: 'binary' }) }])),
    },
    ...errorResponses(400, 401, 403, 404),
  },
});
for (const r of actionRoutes) {
  registry.registerPath({
    method: 'post',
    path: `/api/v1/tickets/{id}/${r.path}`,
    summary: r.summary,
    security: bearer,
    request: {
      params: IdParam,
      headers: z.object({
        'Idempotency-Key': z.string().optional().describe('A UUID per tap: a retry (the crew app sends its queue again after a lost answer) gets the first answer again and changes nothing twice'),
      }),
      body: {
        content: r.multipart
          ? { 'multipart/form-data': { schema: (r.body as z.ZodObject).extend({ photo: z.string().openapi({ type: 'string', format: 'binary' }) }) } }
          : { 'application/json': { schema: r.body } },
      },
    },
    responses: { 200: { description: 'The ticket after the transition', content: { 'application/json': { schema: TicketDetail } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
  });
}

const readers = ['admin', 'operator', 'dispatcher', 'crew', 'kasie', 'kabag', 'direktur'] as const;

export function ticketsRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/', staff(ctx, ['operator', 'admin']), uploadPhoto(ctx), async (req, res) => {
    const fields = parse(StaffReportFields, req.body ?? {});
    const utility = utilityOf(res);
    const photo = req.file?.buffer ?? null;
    const answer = await once(
      ctx,
      utility.id,
      req.get('idempotency-key'),
      requestHashOf({ ...fields, by: userOf(res).id }, photo),
      async (inTx, prepared) => {
        const receipt = await writeReport(inTx, utility, prepared);
        return { statusCode: receiptStatusOf(receipt), body: { id: receipt.id, ...presentReceipt(receipt, utility) } };
      },
      () => prepareReport(ctx, utility, { ...fields, previousNumber: fields.previous_number, duplicateOf: fields.duplicate_of, preferredChannel: fields.preferred_channel, phoneToken: fields.phone_token, source: fields.source as 'call_centre', photo }, userOf(res)),
    );
    if (answer.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(answer.statusCode).json(answer.body);
  });

  router.get('/', staff(ctx, readers), async (req, res) => {
    const q = parse(ListQuery, req.query);
    // Scoped by the repository: a crew reads its own work only.
    const page = await listTicketsFor(ctx, utilityOf(res), userOf(res), { statuses: q.status, priorities: q.priority, crewId: q.crewId, number: q.number, limit: q.limit, offset: q.offset, order: q.order });
    const photoUrl = (ticketId: number, photoId: number | null) => (photoId ? `/api/v1/tickets/${ticketId}/photos/${photoId}?size=thumb` : null);
    res.json({
      total: page.total,
      limit: q.limit,
      offset: q.offset,
      items: page.items.map((t) => ({ ...presentTicket(t), thumbnailUrl: photoUrl(t.id, t.reportPhotoId), resultThumbnailUrl: photoUrl(t.id, t.resultPhotoId), photoAnalysing: t.reportPhotoAnalysing })),
    });
  });

  router.get('/map', staff(ctx, readers), async (req, res) => {
    const q = parse(PointsQuery, req.query);
    const page = await ticketPointsFor(ctx, utilityOf(res), userOf(res), { statuses: q.status ?? [...openStatuses], limit: q.limit });
    const points = new Array<number>(page.items.length * 5);
    page.items.forEach((p, i) => {
      points[i * 5] = p.id;
      points[i * 5 + 1] = p.lon;
      points[i * 5 + 2] = p.lat;
      points[i * 5 + 3] = p.priority ? priorities.indexOf(p.priority) : -1;
      points[i * 5 + 4] = statuses.indexOf(p.status);
    });
    res.json({ total: page.total, truncated: page.total > page.items.length, fields: ['id', 'lon', 'lat', 'priority', 'status'], priorities: [...priorities], statuses: [...statuses], points });
  });

  router.get('/:id', staff(ctx, readers), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await ticketDetail(ctx, utilityOf(res), userOf(res), id));
  });

  router.get('/:id/photos/:photoId', staff(ctx, readers), async (req, res) => {
    const { id, photoId } = parse(PhotoParams, req.params);
    // The authorisation check (scoped by the repository): not the viewer's ticket or photo -> 404.
    const photo = await ticketPhotoFor(ctx, utilityOf(res), userOf(res), id, photoId);
    const { size } = parse(PhotoQuery, req.query);
    // Full-size and thumbnail without EXIF; the original (EXIF kept) to an admin only; a missing file is a 404 and a log line.
    const { mimeType, body } = await photoBodyFor(ctx, userOf(res), photo, size, req.log);
    res.type(mimeType);
    res.set('Cache-Control', 'private, max-age=86400, immutable');
    if (Buffer.isBuffer(body)) {
      res.send(body);
      return;
    }
    // An error while streaming (a store gone mid-way) ends this response, never the process.
    await pipeline(body, res).catch((err: Error) => {
      req.log.error({ err, photoId: photo.id }, 'Sending a photo failed');
      res.destroy(err);
    });
  });

  for (const r of actionRoutes) {
    const handlers = r.multipart ? [uploadPhoto(ctx)] : [];
    router.post(`/:id/${r.path}`, staff(ctx), ...handlers, async (req, res) => {
      const { id } = parse(IdParam, req.params);
      const body = parse(r.body, req.body ?? {});
      const input: ActionInput = { ...body, photo: req.file?.buffer ?? null };
      const user = userOf(res);
      const asked = requestHashOf({ ticket: id, action: r.action, ...body, by: user.id }, input.photo);
      // The key records that the step was taken; the answer (first or replayed) is the ticket as it is now.
      const answer = await once(
        ctx,
        utilityOf(res).id,
        req.get('idempotency-key'),
        asked,
        async (inTx) => {
          await performAction(inTx, utilityOf(res), user, id, r.action, input);
          return { statusCode: 200, body: { ticketId: id } };
        },
        // Outside the step's transaction: kept even when the step is refused (a blurred photo's SPK).
        () => prepareAction(ctx, utilityOf(res), user, id, r.action, input),
      );
      if (answer.replayed) res.set('Idempotent-Replayed', 'true');
      res.status(answer.statusCode).json(await ticketDetail(ctx, utilityOf(res), user, id));
    });
  }
  return router;
}
