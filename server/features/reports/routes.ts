import { Router, type Response } from 'express';
import type { AppContext } from '../../platform/context.js';
import type { Utility } from '../utilities/service.js';
import { notFound } from '../../core/domain/errors.js';
import { localDateOf } from '../../core/domain/time.js';
import { priorities, statuses } from '../../core/domain/tickets.js';
import { dateRange, monthRange, periodRange } from './period.js';
import { toCsv, type Format, type Table } from './view.js';
import { toXlsxOffThread } from './xlsx.pool.js';
import { complaintsReport, explainPending, pendingReport, repeatsReport, slaReport } from './service.js';
import { heatmapReport } from './heatmap.service.js';
import { pointsReport } from '../points/service.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { staff, userOf, utilityOf } from '../auth/middleware.js';
import { IdParam } from '../../platform/http/schemas.js';

const bearer = [{ bearer: [] }];
const managers = ['admin', 'operator', 'dispatcher', 'kasie', 'kabag', 'direktur'] as const;

const format = z.enum(['json', 'csv', 'xlsx']).default('json').describe('json, or a download: csv or xlsx');
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const WindowQuery = z.object({
  from: localDate.optional().describe('First local date (default: 30 days before to)'),
  to: localDate.optional().describe('Last local date, inclusive (default: today in the utility time zone)'),
  format,
});

const PendingQuery = z.object({ minHours: z.coerce.number().min(0).max(24 * 365).default(24), format });
const ExplanationBody = z.object({ explanation: z.string().trim().min(1, 'write the explanation').max(2000) });
const ComplaintsQuery = z.object({
  period: z.enum(['day', 'month', 'year']).default('month'),
  date: z.string().optional().describe('YYYY-MM-DD, YYYY-MM or YYYY to match the period (default: the current one)'),
  format,
});
const SlaQuery = WindowQuery.extend({ breachLimit: z.coerce.number().int().min(0).max(100_000).optional().describe('Breaches listed (default 500 as JSON, 100 000 as a download)') });
const HeatmapQuery = WindowQuery.extend({
  priority: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined))
    .pipe(z.array(z.enum(priorities)).optional())
    .openapi({ type: 'string', example: 'critical,high' }),
  bbox: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map(Number) : undefined))
    .pipe(
      z
        .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)])
        .refine((b) => b[0] < b[2] && b[1] < b[3], 'expected minLon,minLat,maxLon,maxLat')
        .optional(),
    )
    .openapi({ type: 'string', example: '119.38,-5.20,119.50,-5.08' }),
  zoom: z.coerce.number().min(0).max(22).default(12),
});
const PointsQuery = z.object({ month: z.string().optional().describe('YYYY-MM (default: the current month)'), format });

const PendingReport = z
  .object({
    report: z.literal('pending'),
    timeZone: z.string(),
    asOf: z.string(),
    minHours: z.number(),
    total: z.number(),
    explained: z.number(),
    byPriority: z.record(z.string(), z.number()).describe('Counts by priority; untriaged for tickets without one'),
    items: z.array(
      z.object({
        ticketId: z.number(),
        number: z.string(),
        receivedAt: z.string(),
        ageHours: z.number(),
        priority: z.enum(priorities).nullable(),
        status: z.enum(statuses),
        region: z.string().nullable(),
        crew: z.string().nullable(),
        address: z.string().nullable(),
        explanation: z.string().nullable(),
        explainedBy: z.string().nullable(),
        explainedAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('PendingReport');
const HeatmapReport = z
  .object({
    report: z.literal('heatmap'),
    timeZone: z.string(),
    window: z.object({ from: z.string(), to: z.string() }),
    zoom: z.number(),
    resolution: z.number().describe('H3 resolution of the cells'),
    priorities: z.array(z.enum(priorities)).nullable(),
    bbox: z.array(z.number()).nullable(),
    total: z.number(),
    maxCount: z.number(),
    cells: z.array(z.object({ cell: z.string(), count: z.number(), lat: z.number(), lon: z.number(), boundary: z.array(z.tuple([z.number(), z.number()])).describe('The hexagon to draw: its corners as [lon, lat]') })),
  })
  .openapi('HeatmapReport');
const PointsReport = z
  .object({
    month: z.string(),
    timeZone: z.string(),
    pointsPerPriority: z.object({ critical: z.number(), high: z.number(), normal: z.number() }),
    crews: z.array(
      z.object({
        crewId: z.number(),
        crewCode: z.string(),
        crewName: z.string(),
        credited: z.object({ critical: z.number(), high: z.number(), normal: z.number() }).describe('Closed tickets credited in the month, by priority'),
        reversals: z.number(),
        creditedPoints: z.number(),
        reversedPoints: z.number(),
        points: z.number(),
      }),
    ),
    totalPoints: z.number(),
  })
  .openapi('PointsReport');

const reportResponse = (description: string, json: z.ZodType = z.object({}).passthrough()) => ({
  200: {
    description: `${description} (JSON, or a CSV / XLSX download with format=csv|xlsx)`,
    content: {
      'application/json': { schema: json },
      'text/csv': { schema: z.string() },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
    },
  },
  ...errorResponses(400, 401, 403),
});

const paths: [string, string, z.ZodObject, z.ZodType?][] = [
  ['/api/v1/analytics/pending', 'Tickets pending over 24 h (minHours): the weekly list for the directors, with the Kabag’s explanations', PendingQuery, PendingReport],
  ['/api/v1/analytics/complaints', 'Daily, monthly or yearly complaint report: counts by channel, category, priority, status, region; SLA attainment; mean times', ComplaintsQuery],
  ['/api/v1/analytics/sla', 'SLA attainment by priority, region and crew, with the list of breaches', SlaQuery],
  ['/api/v1/analytics/repeats', 'Repeat rate per crew and region: fixes that did not hold (sent back to the crew)', WindowQuery],
  ['/api/v1/analytics/heatmap', 'Reports per H3 cell for a window, priorities and map extent; the resolution follows the zoom', HeatmapQuery, HeatmapReport],
  ['/api/v1/analytics/points', 'Incentive points per crew for a month', PointsQuery, PointsReport],
];
for (const [path, summary, query, json] of paths) {
  registry.registerPath({ method: 'get', path, summary, security: bearer, request: { query }, responses: reportResponse(summary, json) });
}
registry.registerPath({
  method: 'put',
  path: '/api/v1/analytics/pending/{id}/explanation',
  summary: 'The Kabag records why a ticket is pending over 24 h',
  security: bearer,
  request: { params: IdParam, body: { content: { 'application/json': { schema: ExplanationBody } } } },
  responses: {
    200: {
      description: 'Recorded',
      content: { 'application/json': { schema: z.object({ ticketId: z.number(), explanation: z.string(), explainedBy: z.string(), explainedAt: z.string() }) } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const mime = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

async function send(res: Response, ctx: AppContext, utility: Utility, fmt: Format, report: { data: unknown; tables: Table[]; filename: string }) {
  if (fmt === 'json') {
    res.json(report.data);
    return;
  }
  const filename = `${utility.code}-${report.filename}.${fmt}`;
  res.type(mime[fmt]).attachment(filename);
  if (fmt === 'csv') res.send(toCsv(report.tables, utility.timeZone));
  // exceljs on a worker thread: a large workbook no longer stalls the other requests.
  else res.send(await toXlsxOffThread(report.tables, utility.timeZone, { title: report.filename, generatedAt: ctx.now() }));
}

function windowFrom(q: { from?: string; to?: string }, utility: Utility, now: Date) {
  const to = q.to ?? localDateOf(now, utility.timeZone);
  const from = q.from ?? localDateOf(new Date(dateRange(to, to, utility.timeZone).from.getTime() - 29 * 86_400_000), utility.timeZone);
  return dateRange(from, to, utility.timeZone);
}

export function analyticsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/pending', staff(ctx, managers), async (req, res) => {
    const q = parse(PendingQuery, req.query);
    const utility = utilityOf(res);
    await send(res, ctx, utility, q.format, await pendingReport(ctx.db, utility, ctx.now(), q.minHours));
  });

  router.put('/pending/:id/explanation', staff(ctx, ['kabag']), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const body = parse(ExplanationBody, req.body ?? {});
    const at = ctx.now();
    if (!(await explainPending(ctx.db, utilityOf(res).id, id, userOf(res).id, body.explanation, at))) throw notFound('ticket', id);
    res.json({ ticketId: id, explanation: body.explanation, explainedBy: userOf(res).displayName, explainedAt: at.toISOString() });
  });

  router.get('/complaints', staff(ctx, managers), async (req, res) => {
    const q = parse(ComplaintsQuery, req.query);
    const utility = utilityOf(res);
    const now = ctx.now();
    const today = localDateOf(now, utility.timeZone);
    const value = q.date ?? (q.period === 'day' ? today : q.period === 'month' ? today.slice(0, 7) : today.slice(0, 4));
    const w = periodRange(q.period, value, utility.timeZone);
    await send(res, ctx, utility, q.format, await complaintsReport(ctx.db, utility, { kind: q.period, value }, w, now));
  });

  router.get('/sla', staff(ctx, managers), async (req, res) => {
    const q = parse(SlaQuery, req.query);
    const utility = utilityOf(res);
    const now = ctx.now();
    const breachLimit = q.breachLimit ?? (q.format === 'json' ? 500 : 100_000);
    await send(res, ctx, utility, q.format, await slaReport(ctx.db, utility, windowFrom(q, utility, now), now, { breachLimit }));
  });

  router.get('/repeats', staff(ctx, managers), async (req, res) => {
    const q = parse(WindowQuery, req.query);
    const utility = utilityOf(res);
    await send(res, ctx, utility, q.format, await repeatsReport(ctx.db, utility, windowFrom(q, utility, ctx.now())));
  });

  router.get('/heatmap', staff(ctx, managers), async (req, res) => {
    const q = parse(HeatmapQuery, req.query);
    const utility = utilityOf(res);
    const w = windowFrom(q, utility, ctx.now());
    await send(res, ctx, utility, q.format, await heatmapReport(ctx.db, utility, { window: w, priorities: q.priority, bbox: q.bbox as [number, number, number, number] | undefined, zoom: q.zoom }));
  });

  router.get('/points', staff(ctx, managers), async (req, res) => {
    const q = parse(PointsQuery, req.query);
    const utility = utilityOf(res);
    const month = q.month ?? localDateOf(ctx.now(), utility.timeZone).slice(0, 7);
    const report = await pointsReport(ctx.db, utility, month, monthRange(month, utility.timeZone));
    const tables: Table[] = [
      {
        name: `Points ${month}`,
        title: `Incentive points ${month}`,
        columns: [
          { key: 'crewCode', header: 'Crew code' },
          { key: 'crewName', header: 'Crew' },
          { key: 'critical', header: 'Critical closed', kind: 'int' },
          { key: 'high', header: 'High closed', kind: 'int' },
          { key: 'normal', header: 'Normal closed', kind: 'int' },
          { key: 'creditedPoints', header: 'Points credited', kind: 'int' },
          { key: 'reversals', header: 'Reversals', kind: 'int' },
          { key: 'reversedPoints', header: 'Points taken back', kind: 'int' },
          { key: 'points', header: 'Points', kind: 'int' },
        ],
        rows: report.crews.map((c) => ({ ...c, ...c.credited })),
      },
    ];
    await send(res, ctx, utility, q.format, { data: report, tables, filename: `points-${month}` });
  });

  return router;
}
