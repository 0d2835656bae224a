import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { crewRoute, reportPosition } from './crew-route.service.js';
import { routeToGpx } from '../../core/planning/gpx.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { categories, priorities, statuses } from '../../core/domain/tickets.js';
import { parse } from '../../platform/http/validate.js';
import { staff, userOf, utilityOf } from '../auth/middleware.js';

const RouteParams = z.object({ id: z.coerce.number().int().positive() });
const RouteQuery = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar date, YYYY-MM-DD').optional().openapi({ example: '2026-11-24', description: 'Default: today' }),
  format: z.enum(['json', 'gpx']).default('json'),
});

registry.registerPath({
  method: 'get',
  path: '/api/v1/crews/{id}/route',
  summary: "A crew's ordered stops for a day (ETA, address, priority, description, photo thumbnail, geo: and web map links) and the trip as GeoJSON; ?format=gpx downloads it as GPX",
  security: [{ bearer: [] }],
  request: { params: RouteParams, query: RouteQuery },
  responses: {
    200: {
      description: 'The route list (JSON), or GPX 1.1 (application/gpx+xml)',
      content: {
        'application/json': {
          schema: z
            .object({
              crewId: z.number(),
              crewCode: z.string(),
              crewName: z.string(),
              date: z.string(),
              planId: z.number(),
              planVersion: z.number(),
              base: z.object({ lat: z.number(), lon: z.number(), address: z.string().nullable() }).nullable(),
              startAt: z.string().nullable(),
              endAt: z.string().nullable(),
              km: z.number(),
              stops: z.array(
                z.object({
                  seq: z.number(),
                  ticketId: z.number(),
                  number: z.string(),
                  status: z.enum(statuses),
                  priority: z.enum(priorities),
                  category: z.enum(categories),
                  eta: z.string(),
                  departAt: z.string(),
                  travelMinutes: z.number(),
                  serviceMinutes: z.number(),
                  address: z.string().nullable(),
                  description: z.string().nullable(),
                  lat: z.number(),
                  lon: z.number(),
                  photoThumbnailUrl: z.string().nullable(),
                  navigation: z.object({ geo: z.string().describe('geo: URI for the phone’s map app'), web: z.string() }),
                }),
              ),
              geojson: z.object({
                type: z.literal('Feature'),
                geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(z.array(z.number())) }).nullable(),
                properties: z.object({ crewId: z.number(), crewCode: z.string(), date: z.string(), planId: z.number(), km: z.number() }),
              }),
            })
            .openapi('CrewRoute'),
        },
        'application/gpx+xml': { schema: z.string() },
      },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const PositionBody = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });
const Position = z.object({ crewId: z.number(), lat: z.number(), lon: z.number(), reportedAt: z.string() }).openapi('CrewPosition');
registry.registerPath({
  method: 'post',
  path: '/api/v1/crews/{id}/position',
  summary: "The crew's phone reports where it is now (its own crew only; dispatchers may set it too): a re-plan of today starts the crew's rest of the day there when it is newer than its last stop",
  security: [{ bearer: [] }],
  request: { params: RouteParams, body: { content: { 'application/json': { schema: PositionBody } } } },
  responses: { 200: { description: 'The stored position', content: { 'application/json': { schema: Position } } }, ...errorResponses(400, 401, 403, 404) },
});

/** GET /api/v1/crews/:id/route and POST /api/v1/crews/:id/position, mounted at /api/v1/crews beside the crews router. */
export function crewRoutesRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/:id/route', staff(ctx, ['crew', 'dispatcher', 'admin', 'kasie', 'kabag', 'direktur']), async (req, res) => {
    const { id } = parse(RouteParams, req.params);
    const q = parse(RouteQuery, req.query);
    const view = await crewRoute(ctx, utilityOf(res), userOf(res), id, q.date);
    if (q.format === 'gpx') {
      res.type('application/gpx+xml');
      res.set('Content-Disposition', `attachment; filename="route-${view.crewCode}-${view.date}.gpx"`);
      res.send(routeToGpx({ crewCode: view.crewCode, date: view.date, stops: view.stops, path: view.geojson.geometry?.coordinates ?? null }));
      return;
    }
    res.json(view);
  });
  router.post('/:id/position', staff(ctx, ['crew', 'dispatcher', 'admin']), async (req, res) => {
    const { id } = parse(RouteParams, req.params);
    const body = parse(PositionBody, req.body ?? {});
    res.json(await reportPosition(ctx, utilityOf(res), userOf(res), id, body));
  });
  return router;
}
