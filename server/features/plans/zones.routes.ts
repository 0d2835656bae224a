import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { zonesOfDay } from './zones.service.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { staff, utilityOf } from '../auth/middleware.js';

const ZonesQuery = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar date, YYYY-MM-DD').openapi({ example: '2026-11-24' }) });

registry.registerPath({
  method: 'get',
  path: '/api/v1/zones',
  summary: "The day's zones of Normal tickets with an SPK: GeoJSON polygons (merged H3 cell outlines) with ticket counts and estimated work minutes, and the crew each went to in the day's plan",
  security: [{ bearer: [] }],
  request: { query: ZonesQuery },
  responses: { 200: { description: 'GeoJSON FeatureCollection' }, ...errorResponses(400, 401, 403) },
});

export function zonesRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', staff(ctx, ['dispatcher', 'admin', 'kasie', 'kabag', 'direktur']), async (req, res) => {
    const q = parse(ZonesQuery, req.query);
    res.type('application/geo+json').send(JSON.stringify(await zonesOfDay(ctx, utilityOf(res), q.date)));
  });
  return router;
}
