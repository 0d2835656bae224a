import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { boundariesGeoJson, utilityOutline } from '../utilities/service.js';
import { categories, priorities } from '../../core/domain/tickets.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { publicUtility } from '../auth/middleware.js';

const BoundaryQuery = z.object({ level: z.enum(['areas', 'regions']).default('regions'), jurisdiction_id: z.string().optional() });

registry.registerPath({
  method: 'get',
  path: '/api/v1/config',
  summary: 'What a client needs to draw the map and the report form: utility, time zone, extent, basemap, categories',
  request: { query: z.object({ jurisdiction_id: z.string().optional() }) },
  responses: {
    200: {
      description: 'Client configuration',
      content: {
        'application/json': {
          schema: z
            .object({
              utility: z.object({ code: z.string(), name: z.string(), timeZone: z.string(), contact: z.string() }),
              map: z.object({
                bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).describe('minLon, minLat, maxLon, maxLat of the service area (WGS84)'),
                centre: z.object({ lat: z.number(), lon: z.number() }),
                basemapUrl: z.string().nullable(),
                basemapAttribution: z.string().nullable(),
              }),
              categories: z.array(z.enum(categories)).describe('The categories the utility takes reports of (active), in its order'),
              categoryDetails: z
                .array(z.object({ code: z.enum(categories), name: z.object({ id: z.string(), en: z.string() }), photoRequired: z.boolean(), defaultPriority: z.enum(priorities) }))
                .describe("The same with the utility's names, whether a citizen's report needs a photo, and the priority the SPK starts from"),
              maxPhotoMb: z.number(),
            })
            .openapi('ClientConfig'),
        },
      },
    },
    ...errorResponses(400, 404),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/boundaries',
  summary: 'Kelurahan (level=areas) or service regions (level=regions) as GeoJSON, simplified for the map',
  request: { query: BoundaryQuery },
  responses: { 200: { description: 'GeoJSON FeatureCollection' }, ...errorResponses(400, 404) },
});

export function publicRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/config', async (req, res) => {
    const utility = await publicUtility(ctx, req);
    const outline = await utilityOutline(ctx.db, utility.id);
    res.set('Cache-Control', 'public, max-age=300');
    res.json({
      utility: { code: utility.code, name: utility.name, timeZone: utility.timeZone, contact: utility.settings.contact },
      map: { ...outline, basemapUrl: ctx.config.basemapUrl, basemapAttribution: ctx.config.basemapAttribution },
      categories: categories.filter((c) => utility.settings.categories[c].active),
      categoryDetails: categories.filter((c) => utility.settings.categories[c].active).map((c) => ({ code: c, name: utility.settings.categories[c].name, photoRequired: utility.settings.categories[c].photoRequired, defaultPriority: utility.settings.categories[c].defaultPriority })),
      maxPhotoMb: Math.round(ctx.config.maxPhotoBytes / 1024 / 1024),
    });
  });
  router.get('/boundaries', async (req, res) => {
    const q = parse(BoundaryQuery, req.query);
    const utility = await publicUtility(ctx, req);
    res.set('Cache-Control', 'public, max-age=3600');
    res.json(await boundariesGeoJson(ctx.db, utility.id, q.level));
  });
  return router;
}
