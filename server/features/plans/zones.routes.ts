import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { zonesOfDay } from './zones.service.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { staff, utilityOf } from '../auth/middleware.js';

const ZoneCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    date: z.string(),
    resolution: z.number().describe('H3 resolution of the cells'),
    zoneCapacityMinutes: z.number().describe('The work one zone is sized to, minutes'),
    planId: z.number().nullable().describe("The day's plan the crews come from (a draft under review, else the published one); null: none"),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.tuple([z.number(), z.number()])))) }),
        properties: z.object({
          zoneId: z.string(),
          resolution: z.number(),
          cells: z.array(z.string()),
          ticketCount: z.number(),
          ticketIds: z.array(z.number()),
          serviceMinutes: z.number(),
          travelMinutes: z.number(),
          workMinutes: z.number(),
          crewId: z.number().nullable().describe('The crew the zone went to in that plan; null: none'),
        }),
      }),
    ),
  })
  .openapi('ZoneCollection');
const ZonesQuery = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar date, YYYY-MM-DD').openapi({ example: '2026-11-24' }) });

registry.registerPath({
  method: 'get',
  path: '/api/v1/zones',
  summary: "The day's zones of Normal tickets with an SPK: GeoJSON polygons (merged H3 cell outlines) with ticket counts and estimated work minutes, and the crew each went to in the day's plan",
  security: [{ bearer: [] }],
  request: { query: ZonesQuery },
  responses: { 200: { description: 'GeoJSON FeatureCollection', content: { 'application/geo+json': { schema: ZoneCollection } } }, ...errorResponses(400, 401, 403) },
});

export function zonesRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', staff(ctx, ['dispatcher', 'admin', 'kasie', 'kabag', 'direktur']), async (req, res) => {
    const q = parse(ZonesQuery, req.query);
    res.type('application/geo+json').send(JSON.stringify(await zonesOfDay(ctx, utilityOf(res), q.date)));
  });
  return router;
}
