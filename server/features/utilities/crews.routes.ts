import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { listCrews } from './crews.repository.js';
import { errorResponses, registry } from '../../platform/http/openapi.js';
import { staff, utilityOf } from '../auth/middleware.js';

registry.registerPath({
  method: 'get',
  path: '/api/v1/crews',
  summary: 'Active crews with their base and shift',
  security: [{ bearer: [] }],
  responses: { 200: { description: 'Crews' }, ...errorResponses(401) },
});

export function crewsRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', staff(ctx), async (_req, res) => {
    const crews = await listCrews(ctx.db, utilityOf(res).id);
    res.json({
      items: crews.map((c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        regionId: c.regionId,
        base: c.baseLat !== null && c.baseLon !== null ? { lat: c.baseLat, lon: c.baseLon } : null,
        baseAddress: c.baseAddress,
        members: c.members,
        shiftStart: c.shiftStart.slice(0, 5),
        shiftEnd: c.shiftEnd.slice(0, 5),
      })),
    });
  });
  return router;
}
