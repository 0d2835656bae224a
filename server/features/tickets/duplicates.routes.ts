import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { categories, statuses } from '../../core/domain/tickets.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { IdParam, numberField } from '../../platform/http/schemas.js';
import { publicUtility, staff, userOf, utilityOf } from '../auth/middleware.js';
import { mergedReportsOf, nearbyOpenReports } from './duplicates.service.js';

const NearbyQuery = z.object({
  lat: numberField(-90, 90, 'lat').openapi({ type: 'number', example: -5.1477 }),
  lon: numberField(-180, 180, 'lon').openapi({ type: 'number', example: 119.4327 }),
  jurisdiction_id: z.string().optional(),
});
const label = z.object({ id: z.string(), en: z.string() });
const NearbyReports = z
  .object({
    radiusMetres: z.number(),
    items: z.array(
      z.object({
        number: z.string(),
        status: z.enum(statuses),
        statusLabel: label,
        category: z.enum(categories),
        receivedAt: z.string(),
        distanceMetres: z.number(),
        reports: z.number().describe('How many reports the ticket stands for'),
      }),
    ),
  })
  .openapi('NearbyReports');
const MergedReports = z
  .object({
    items: z.array(
      z.object({ id: z.number(), number: z.string(), category: z.enum(categories), description: z.string().nullable(), address: z.string().nullable(), receivedAt: z.string(), lat: z.number(), lon: z.number() }),
    ),
  })
  .openapi('MergedReports');

registry.registerPath({
  method: 'get',
  path: '/api/v1/reports/nearby',
  summary: 'Open reports near a point, nearest first (no personal data): "is it one of these?" before a citizen sends a report',
  request: { query: NearbyQuery },
  responses: { 200: { description: 'Open tickets within the nearby radius (50 m by default)', content: { 'application/json': { schema: NearbyReports } } }, ...errorResponses(400, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/tickets/{id}/merged',
  summary: 'The reports merged into a ticket (each can be taken out with POST /tickets/{id}/unmerge)',
  security: [{ bearer: [] }],
  request: { params: IdParam },
  responses: { 200: { description: 'Merged reports', content: { 'application/json': { schema: MergedReports } } }, ...errorResponses(401, 403, 404) },
});

/** GET /api/v1/reports/nearby (mounted before /api/v1/reports/:number). */
export function nearbyRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/nearby', async (req, res) => {
    const q = parse(NearbyQuery, req.query);
    const utility = await publicUtility(ctx, req);
    res.json(await nearbyOpenReports(ctx, utility, q.lat, q.lon));
  });
  return router;
}

/** GET /api/v1/tickets/:id/merged */
export function mergedRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/:id/merged', staff(ctx, ['admin', 'operator', 'dispatcher', 'kasie', 'kabag', 'direktur']), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json({ items: await mergedReportsOf(ctx, utilityOf(res), userOf(res), id) });
  });
  return router;
}
