import express, { Router, type RequestHandler } from 'express';
import type { AppContext } from '../../platform/context.js';
import { DomainError, ErrorCode } from '../../core/domain/errors.js';
import { geographyDefaults, geographyProblem } from '../../core/domain/geography.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { staff, userOf, utilityOf } from '../auth/middleware.js';
import { geographyOf, importGeography, previewGeography } from './service.js';

const bearer = [{ bearer: [] }];
const geoJson = z.record(z.string(), z.unknown()).describe('GeoJSON: a FeatureCollection, a Feature or a Polygon/MultiPolygon geometry (WGS84 lon/lat)');

const GeographyImport = z
  .object({
    regions: geoJson.optional().describe('The service regions, one per name (features of one name form one region); replaces the stored set'),
    area: z.union([geoJson, z.literal('regions')]).optional().describe("The service area; 'regions': the union of the regions; omitted: the stored area stays"),
    nameProperty: z.string().trim().min(1).max(100).optional().describe('The feature property that names a region (default: name, nama, …, else the first string property)'),
    source: z.enum(['file', 'drawing']).optional().describe('For the audit trail'),
  })
  .strict()
  .openapi('GeographyImport');

const Problem = z
  .object({
    layer: z.enum(['area', 'regions']),
    feature: z.number().int().nullable().describe('0-based index of the feature in its file; null: the file as a whole or a stored region'),
    name: z.string().nullable(),
    reason: z.string().describe('not_geojson, too_large, too_many_features, wrong_type, bad_coordinates, too_few_points, ring_not_closed, missing_name, empty, self_intersection, invalid, overlap, outside_area, no_area, region_in_use'),
    message: z.string(),
    messageId: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('GeographyProblem');

const GeographyPlan = z
  .object({
    ok: z.boolean(),
    nameProperty: z.string().nullable(),
    properties: z.array(z.string()),
    areaFrom: z.enum(['file', 'regions', 'stored']),
    areaKm2: z.number().nullable(),
    regions: z.array(z.object({ name: z.string(), code: z.string(), action: z.enum(['create', 'reshape']), id: z.number().nullable(), features: z.array(z.number()), km2: z.number() })),
    removed: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), tickets: z.number(), crews: z.number(), action: z.enum(['delete', 'refused']) })),
    problems: z.array(Problem),
  })
  .openapi('GeographyPlan');

const Geography = z
  .object({
    area: z.record(z.string(), z.unknown()).nullable().describe('MultiPolygon; null until the admin imports one'),
    areaKm2: z.number().nullable(),
    regions: z.object({
      type: z.literal('FeatureCollection'),
      features: z.array(
        z.object({
          type: z.literal('Feature'),
          id: z.number(),
          properties: z.object({ code: z.string(), name: z.string(), km2: z.number(), tickets: z.number(), crews: z.number() }),
          geometry: z.record(z.string(), z.unknown()),
        }),
      ),
    }),
  })
  .openapi('Geography');

const json = (schema: z.ZodType) => ({ 'application/json': { schema } });
registry.registerPath({ method: 'get', path: '/api/v1/geography', summary: "The utility's service area and regions (admin), with the tickets and crews that refer to each region", security: bearer, responses: { 200: { description: 'Area and regions', content: json(Geography) }, ...errorResponses(401, 403) } });
registry.registerPath({
  method: 'post',
  path: '/api/v1/geography/preview',
  summary: 'Dry run of an import (admin): what would be written, the problems per feature, the area in km²; writes nothing',
  security: bearer,
  request: { body: { content: json(GeographyImport) } },
  responses: { 200: { description: 'The plan (ok: false lists the problems)', content: json(GeographyPlan) }, ...errorResponses(400, 401, 403, 422) },
});
registry.registerPath({
  method: 'put',
  path: '/api/v1/geography',
  summary: 'Import the service area and/or regions (admin): valid, non-empty polygons, regions inside the area and not overlapping, each named; all or nothing; regions matched by name are reshaped in place, one referred to by tickets or crews is never deleted',
  security: bearer,
  request: { body: { content: json(GeographyImport) } },
  responses: { 200: { description: 'Written', content: json(GeographyPlan) }, ...errorResponses(400, 401, 403, 422) },
});

/** A larger body than the API's 1 MB (a city's boundaries), with a refusal that says what to do about a file too large. */
export function geographyBody(): RequestHandler {
  const parser = express.json({ limit: geographyDefaults.maxBytes });
  return (req, res, next) =>
    parser(req, res, (err?: unknown) => {
      if ((err as { type?: string } | undefined)?.type !== 'entity.too.large') return next(err);
      const problem = geographyProblem('regions', null, null, 'too_large', { limitMb: geographyDefaults.maxBytes / 1024 / 1024 });
      next(new DomainError(ErrorCode.invalidGeometry, problem.message, { field: 'regions', problems: [problem] }));
    });
}

export function geographyRouter(ctx: AppContext): Router {
  const router = Router();
  const admin = staff(ctx, ['admin']);
  router.get('/', admin, async (_req, res) => {
    res.json(await geographyOf(ctx, utilityOf(res).id));
  });
  router.post('/preview', admin, async (req, res) => {
    res.json(await previewGeography(ctx, utilityOf(res).id, parse(GeographyImport, req.body ?? {})));
  });
  router.put('/', admin, async (req, res) => {
    res.json(await importGeography(ctx, utilityOf(res).id, userOf(res).id, parse(GeographyImport, req.body ?? {})));
  });
  return router;
}
