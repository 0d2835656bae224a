import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { noStore } from '../../platform/http/no-store.js';
import { publicUtility } from '../auth/middleware.js';
import { findPlaces } from './service.js';

const PlacesQuery = z.object({
  q: z.string().trim().min(1, 'type a place name').max(200).describe('A kelurahan or kecamatan name, or its beginning (accents, case and spaces do not matter); an address when a geocoder is configured'),
  limit: z.coerce.number().int().min(1).max(20).default(8),
  lang: z.enum(['id', 'en']).default('id').describe("The reader's language, for the geocoder's address names"),
  jurisdiction_id: z.string().optional(),
});
const PlaceList = z
  .object({
    items: z.array(
      z.object({
        kind: z.enum(['kecamatan', 'kelurahan', 'address']),
        code: z.string().nullable().describe('BPS code of a kelurahan or kecamatan; null for an address'),
        name: z.string(),
        district: z.string().nullable().describe('The kecamatan of a kelurahan'),
        lon: z.number().describe('A point inside the place: where a report set from the search lands'),
        lat: z.number(),
        bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).describe('minLon, minLat, maxLon, maxLat: what the map zooms to'),
      }),
    ),
    geocoder: z.enum(['off', 'used', 'skipped', 'failed']).describe('off: none configured; skipped: the names filled the answer or the query is short; failed: it did not answer in time (names only)'),
  })
  .openapi('PlaceList');

registry.registerPath({
  method: 'get',
  path: '/api/v1/places',
  summary: "Search the utility's kelurahan and kecamatan by name (offline, ranked: exact, prefix, contains, then close spellings), then addresses through the configured geocoder",
  request: { query: PlacesQuery },
  responses: { 200: { description: 'Places, best first', content: { 'application/json': { schema: PlaceList } } }, ...errorResponses(400, 404) },
});

export function placesRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', noStore(), async (req, res) => {
    const q = parse(PlacesQuery, req.query);
    res.json(await findPlaces(ctx, await publicUtility(ctx, req), q.q, q.limit, q.lang, req.log));
  });
  return router;
}
