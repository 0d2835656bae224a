import { Router } from 'express';
import multer from 'multer';
import type { AppContext } from '../../platform/context.js';
import { listCrews } from '../utilities/service.js';
import { crewSetupView, crewView } from '../utilities/view.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { staff, userOf, utilityOf } from '../auth/middleware.js';
import { validationError, type FieldIssue } from '../../core/domain/errors.js';
import { normalisePhone } from '../../core/domain/phone.js';
import { weekdays, type CrewDraft } from '../../core/domain/crews.js';
import { createCrew, importCrews, listCrewsForSetup, previewCrewImport, updateCrew } from './service.js';
import { crewTemplateCsv, crewTemplateXlsx } from './sheet.js';

const bearer = [{ bearer: [] }];
const Shift = z.object({ start: z.string().openapi({ example: '07:30' }), end: z.string().openapi({ example: '16:00' }) }).nullable().describe('local HH:MM; null: day off; an end before the start: a night shift');
const Week = z.object(Object.fromEntries(weekdays.map((d) => [d, Shift])) as Record<(typeof weekdays)[number], typeof Shift>).openapi('CrewWeek');

const CrewSchema = z
  .object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    regionId: z.number().nullable(),
    base: z.object({ lat: z.number(), lon: z.number() }).nullable(),
    baseAddress: z.string().nullable(),
    members: z.array(z.string()),
    shifts: Week,
    activeFrom: z.string().nullable().describe('YYYY-MM-DD, local; null: open'),
    activeTo: z.string().nullable(),
    equipment: z.array(z.string()),
  })
  .openapi('Crew');

const Member = z.object({ name: z.string(), phone: z.string().nullable() });
// A new object, not .extend(): the document would make it Crew AND this, and the members would be both shapes.
const CrewSetupSchema = z.object({ ...CrewSchema.shape, members: z.array(Member), active: z.boolean() }).openapi('CrewSetup');

const CrewBody = z
  .object({
    code: z.string().trim(),
    name: z.string().trim(),
    base: z.object({ lat: z.number(), lon: z.number() }).nullable().describe('where the crew starts and ends its day; required for an active crew'),
    baseAddress: z.string().trim().nullable().optional(),
    members: z.array(z.object({ name: z.string().trim(), phone: z.string().trim().nullable().optional() })).default([]),
    shifts: Week,
    activeFrom: z.string().trim().nullable().optional(),
    activeTo: z.string().trim().nullable().optional(),
    equipment: z.array(z.string().trim()).default([]).describe('equipment or skills'),
    active: z.boolean().default(true),
  })
  .strict()
  .openapi('CrewInput');

const Problem = z.object({ row: z.number().describe('spreadsheet row; the header is row 1'), column: z.string(), message: z.string(), messageId: z.string().describe('the same, in Bahasa Indonesia') });
const ImportPreview = z
  .object({
    rows: z.array(z.object({ row: z.number(), code: z.string(), name: z.string(), action: z.enum(['create', 'update']) })),
    problems: z.array(Problem),
  })
  .openapi('CrewImportPreview');
const IdParam = z.object({ id: z.coerce.number().int().positive() });

registry.registerPath({
  method: 'get',
  path: '/api/v1/crews',
  summary: 'Active crews with their base and week of shifts',
  security: bearer,
  responses: { 200: { description: 'Crews', content: { 'application/json': { schema: z.object({ items: z.array(CrewSchema) }) } } }, ...errorResponses(401) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/admin/crews',
  summary: "Every crew of the utility (inactive too) as the admin sets it up, members' phones included",
  security: bearer,
  responses: { 200: { description: 'Crews', content: { 'application/json': { schema: z.object({ items: z.array(CrewSetupSchema) }) } } }, ...errorResponses(401, 403) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/admin/crews',
  summary: 'Add a crew (audited)',
  security: bearer,
  request: { body: { content: { 'application/json': { schema: CrewBody } } } },
  responses: { 201: { description: 'the crew', content: { 'application/json': { schema: CrewSetupSchema } } }, ...errorResponses(400, 401, 403, 409) },
});
registry.registerPath({
  method: 'put',
  path: '/api/v1/admin/crews/{id}',
  summary: 'Change a crew, or deactivate it with active: false (audited)',
  security: bearer,
  request: { params: IdParam, body: { content: { 'application/json': { schema: CrewBody } } } },
  responses: { 200: { description: 'the crew', content: { 'application/json': { schema: CrewSetupSchema } } }, ...errorResponses(400, 401, 403, 404, 409) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/admin/crews/import',
  summary: 'Import crews from a CSV or XLSX file (the template\'s columns): dryRun=true lists what would change and every problem by row and column; otherwise all rows or none, upsert by code',
  security: bearer,
  request: {
    query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
    body: { content: { 'multipart/form-data': { schema: z.object({ file: z.string().openapi({ format: 'binary' }) }) } } },
  },
  responses: { 200: { description: 'the preview, or what was imported', content: { 'application/json': { schema: ImportPreview } } }, ...errorResponses(400, 401, 403) },
});
for (const [format, type] of [
  ['csv', 'text/csv'],
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
] as const) {
  registry.registerPath({
    method: 'get',
    path: `/api/v1/admin/crews/template.${format}`,
    summary: `The crew import template (${format.toUpperCase()}): the columns and one example row`,
    security: bearer,
    responses: { 200: { description: 'the template', content: { [type]: { schema: z.string() } } }, ...errorResponses(401, 403) },
  });
}

export function crewsRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', staff(ctx), async (_req, res) => {
    const crews = await listCrews(ctx.db, utilityOf(res).id);
    res.json({ items: crews.map(crewView) });
  });
  return router;
}

/** The body as a draft; members' phones normalised (+62…), named when they are not numbers. */
function draftOf(body: z.infer<typeof CrewBody>): CrewDraft {
  const issues: FieldIssue[] = [];
  const members = body.members.map((m, i) => {
    const phone = m.phone ? normalisePhone(m.phone) : null;
    if (m.phone && !phone) issues.push({ field: `members.${i}.phone`, message: 'an Indonesian mobile number, e.g. 0812-3456-7890 (or leave it empty)' });
    return { name: m.name, phone };
  });
  if (issues.length) throw validationError(issues);
  return {
    code: body.code,
    name: body.name,
    base: body.base,
    baseAddress: body.baseAddress || null,
    members,
    shifts: weekdays.map((d) => body.shifts[d]),
    activeFrom: body.activeFrom || null,
    activeTo: body.activeTo || null,
    equipment: body.equipment,
    active: body.active,
  };
}

/** The admin's crew set-up: /api/v1/admin/crews. */
export function crewSetupRouter(ctx: AppContext): Router {
  const router = Router();
  const admin = staff(ctx, ['admin']);
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: ctx.config.maxPhotoBytes, files: 1, fields: 5 } }).single('file');
  router.get('/', admin, async (_req, res) => {
    res.json({ items: (await listCrewsForSetup(ctx, utilityOf(res))).map(crewSetupView) });
  });
  router.post('/', admin, async (req, res) => {
    const crew = await createCrew(ctx, utilityOf(res), userOf(res).id, draftOf(parse(CrewBody, req.body)));
    res.status(201).json(crewSetupView(crew));
  });
  router.get('/template.csv', admin, (_req, res) => {
    res.type('text/csv; charset=utf-8').attachment('template-regu.csv').send(`\uFEFF${crewTemplateCsv()}`);
  });
  router.get('/template.xlsx', admin, async (_req, res) => {
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment('template-regu.xlsx').send(await crewTemplateXlsx());
  });
  router.post('/import', admin, upload, async (req, res) => {
    const { dryRun } = parse(z.object({ dryRun: z.enum(['true', 'false']).optional() }), req.query);
    const file = req.file;
    if (!file || file.size === 0) throw validationError([{ field: 'file', message: 'choose a CSV or XLSX file (the template\'s columns)' }]);
    const utility = utilityOf(res);
    const answer = dryRun === 'true' ? await previewCrewImport(ctx, utility, file.originalname, file.buffer) : await importCrews(ctx, utility, userOf(res).id, file.originalname, file.buffer);
    res.json(answer);
  });
  router.put('/:id', admin, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const crew = await updateCrew(ctx, utilityOf(res), userOf(res).id, id, draftOf(parse(CrewBody, req.body)));
    res.json(crewSetupView(crew));
  });
  return router;
}
