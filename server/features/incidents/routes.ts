import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { createIncident, presentIncident, updateIncident } from './service.js';
import { listIncidents } from './repository.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { publicUtility, staff, userOf, utilityOf } from '../auth/middleware.js';
import { IdParam, numberField } from '../../platform/http/schemas.js';

const bearer = [{ bearer: [] }];
const managers = ['admin', 'dispatcher', 'kabag', 'kasie', 'direktur'] as const;
const instant = z.iso.datetime({ offset: true, error: 'an ISO 8601 time with its offset, e.g. 2026-11-23T15:00:00+08:00' });

const CreateBody = z
  .object({
    title: z.string().trim().min(3).max(200),
    area: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) }).optional().describe('GeoJSON Polygon or MultiPolygon (WGS84)'),
    centre: z.object({ lat: numberField(-90, 90, 'lat'), lon: numberField(-180, 180, 'lon') }).optional(),
    radiusMetres: z.number().min(50).max(20_000).optional(),
    messageId: z.string().trim().min(3).max(1000).describe('What the affected reporters read, in Bahasa Indonesia'),
    messageEn: z.string().trim().max(1000).optional(),
    estimatedRestoreAt: instant.optional(),
    attachWaiting: z.boolean().default(true).describe('Also attach the reports already waiting inside the area'),
  })
  .openapi('IncidentCreate');

const UpdateBody = z
  .object({
    status: z.enum(['active', 'repairing', 'restored']).optional(),
    messageId: z.string().trim().min(3).max(1000).optional(),
    messageEn: z.string().trim().max(1000).nullable().optional(),
    estimatedRestoreAt: instant.nullable().optional(),
  })
  .openapi('IncidentUpdate');

const IncidentView = z
  .object({
    id: z.number(),
    title: z.string(),
    status: z.enum(['active', 'repairing', 'restored']),
    message: z.object({ id: z.string(), en: z.string() }),
    estimatedRestoreAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    restoredAt: z.string().nullable(),
    attachedTickets: z.number(),
    area: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.array(z.number())))) }).describe('GeoJSON MultiPolygon (WGS84)'),
  })
  .openapi('Incident');
const incidentResponse = (description: string) => ({ description, content: { 'application/json': { schema: IncidentView } } });

registry.registerPath({
  method: 'get',
  path: '/api/v1/incidents',
  summary: 'Open area disruptions (public: lets a citizen see that the neighbours are affected too); ?all=true with a staff token lists restored ones as well',
  request: { query: z.object({ jurisdiction_id: z.string().optional() }) },
  responses: { 200: { description: 'Incidents with their areas as GeoJSON', content: { 'application/json': { schema: z.object({ items: z.array(IncidentView) }) } } } },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/incidents',
  summary: 'Mark a wide-area disruption; reports inside it attach to it instead of spawning crews',
  security: bearer,
  request: { body: { content: { 'application/json': { schema: CreateBody } } } },
  responses: { 201: incidentResponse('The incident'), ...errorResponses(400, 401, 403) },
});
registry.registerPath({
  method: 'patch',
  path: '/api/v1/incidents/{id}',
  summary: 'Progress of an incident (repairing, new estimate, message); restored closes the attached reports',
  security: bearer,
  request: { params: IdParam, body: { content: { 'application/json': { schema: UpdateBody } } } },
  responses: { 200: incidentResponse('The incident'), ...errorResponses(400, 401, 403, 404, 409) },
});

export function incidentsRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const utility = await publicUtility(ctx, req);
    const incidents = await listIncidents(ctx.db, utility.id, true);
    res.json({ items: incidents.map(presentIncident) });
  });
  router.post('/', staff(ctx, managers), async (req, res) => {
    const body = parse(CreateBody, req.body ?? {});
    const incident = await createIncident(ctx, utilityOf(res), userOf(res), {
      ...body,
      estimatedRestoreAt: body.estimatedRestoreAt ? new Date(body.estimatedRestoreAt) : null,
    });
    res.status(201).json(presentIncident(incident));
  });
  router.patch('/:id', staff(ctx, managers), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const body = parse(UpdateBody, req.body ?? {});
    const incident = await updateIncident(ctx, utilityOf(res), userOf(res), id, {
      ...body,
      estimatedRestoreAt: body.estimatedRestoreAt === undefined ? undefined : body.estimatedRestoreAt === null ? null : new Date(body.estimatedRestoreAt),
    });
    res.json(presentIncident(incident));
  });
  return router;
}
