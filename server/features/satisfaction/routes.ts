import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { statuses } from '../../core/domain/tickets.js';
import { ikmElements } from '../../core/domain/ikm.js';
import { localDateOf } from '../../core/domain/time.js';
import { validationError } from '../../core/domain/errors.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { noStore } from '../../platform/http/no-store.js';
import { publicUtility, staff, utilityOf } from '../auth/middleware.js';
import { monthRange } from '../reports/period.js';
import { toCsv, toXlsx } from '../reports/view.js';
import { ikmReport, rate, ratingForm } from './service.js';

const Token = z.string().max(100).optional().describe('The token of the rating link sent with the closing message');
const score = z.number().int().min(1, 'a score from 1 to 4').max(4, 'a score from 1 to 4');
const label = z.object({ id: z.string(), en: z.string() });
const RatingBody = z
  .object({
    token: Token,
    score: score.describe('1 tidak baik / bad, 2 kurang baik / poor, 3 baik / good, 4 sangat baik / very good'),
    elements: z
      .object(Object.fromEntries(ikmElements.map((e) => [e, score.optional()])))
      .strict()
      .default({})
      .describe('Optional scores of the elements of the index (Kep MenPAN 25/2004)'),
    comment: z.string().trim().max(2000).optional().transform((v) => v || null),
    jurisdiction_id: z.string().optional(),
  })
  .openapi('RatingBody');
const RatingForm = z
  .object({
    number: z.string(),
    status: z.enum(statuses),
    statusLabel: label,
    closedAt: z.string().nullable(),
    rated: z.boolean(),
    open: z.boolean().describe('The report can be rated now (closed, within the window, not rated yet)'),
    elements: z.array(z.object({ key: z.enum(ikmElements), label })),
  })
  .openapi('RatingForm');
const month = z.string().regex(/^\d{4}-\d{2}$/, 'expected a month YYYY-MM');
const IkmQuery = z.object({
  from: month.optional().describe('First month (default: to)'),
  to: month.optional().describe('Last month (default: the current one)'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json').describe('json, or a download: csv or xlsx'),
});
const ikmFigures = { respondents: z.number(), unitValue: z.number().nullable(), index: z.number().nullable(), grade: z.enum(['A', 'B', 'C', 'D']).nullable(), gradeLabel: label.nullable(), elementMeans: z.record(z.string(), z.number()).nullable() };
const IkmReport = z
  .object({
    report: z.literal('ikm'),
    timeZone: z.string(),
    months: z.object({ from: z.string(), to: z.string() }),
    total: z.object(ikmFigures),
    byMonth: z.array(z.object({ month: z.string(), ...ikmFigures })),
    byRegion: z.array(z.object({ month: z.string(), region: z.string().nullable(), ...ikmFigures })),
    byCrew: z.array(z.object({ month: z.string(), crew: z.string().nullable(), ...ikmFigures })),
  })
  .openapi('IkmReport');

registry.registerPath({
  method: 'get',
  path: '/api/v1/ratings',
  summary: 'The rating page of a closed report, through the signed link sent with the closing message',
  request: { query: z.object({ token: Token, jurisdiction_id: z.string().optional() }) },
  responses: { 200: { description: 'The report to rate', content: { 'application/json': { schema: RatingForm } } }, ...errorResponses(403, 404) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/ratings',
  summary: 'The reporter rates the service once after closure (1-4, the IKM scale; optional elements and a comment)',
  request: { body: { content: { 'application/json': { schema: RatingBody } } } },
  responses: {
    201: { description: 'Thank you', content: { 'application/json': { schema: z.object({ number: z.string(), score: z.number(), ratedAt: z.string() }) } } },
    ...errorResponses(400, 403, 404, 409),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/analytics/ikm',
  summary: 'Community satisfaction index (IKM, Kep MenPAN 25/2004) per month, region and crew, on the 25-100 scale with its grade',
  security: [{ bearer: [] }],
  request: { query: IkmQuery },
  responses: {
    200: {
      description: 'The IKM report (JSON, or a CSV / XLSX download with format=csv|xlsx)',
      content: {
        'application/json': { schema: IkmReport },
        'text/csv': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...errorResponses(400, 401, 403),
  },
});

/** /api/v1/ratings: the reporter's rating through the signed link. */
export function ratingsRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(noStore());
  router.get('/', async (req, res) => {
    const q = parse(z.object({ token: Token }), req.query);
    res.json(await ratingForm(ctx, await publicUtility(ctx, req), q.token));
  });
  router.post('/', async (req, res) => {
    const body = parse(RatingBody, req.body ?? {});
    const utility = await publicUtility(ctx, req);
    res.status(201).json(await rate(ctx, utility, body.token, { score: body.score as 1, elements: body.elements as Record<string, 1>, comment: body.comment }));
  });
  return router;
}

const mime = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/** GET /api/v1/analytics/ikm */
export function ikmRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/ikm', staff(ctx, ['admin', 'operator', 'dispatcher', 'kasie', 'kabag', 'direktur']), async (req, res) => {
    const q = parse(IkmQuery, req.query);
    const utility = utilityOf(res);
    const to = q.to ?? localDateOf(ctx.now(), utility.timeZone).slice(0, 7);
    const from = q.from ?? to;
    const first = monthRange(from, utility.timeZone, 'from');
    const last = monthRange(to, utility.timeZone, 'to');
    if (to < from) throw validationError([{ field: 'to', message: 'must not be before from' }]);
    const report = await ikmReport(ctx.db, utility, { from: first.from, to: last.to, firstMonth: from, lastMonth: to });
    if (q.format === 'json') {
      res.json(report.data);
      return;
    }
    res.type(mime[q.format]).attachment(`${utility.code}-${report.filename}.${q.format}`);
    if (q.format === 'csv') res.send(toCsv(report.tables, utility.timeZone));
    else res.send(await toXlsx(report.tables, utility.timeZone, { title: report.filename, generatedAt: ctx.now() }));
  });
  return router;
}
