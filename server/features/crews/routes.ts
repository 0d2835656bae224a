import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { listCrews } from '../utilities/service.js';
import { crewView } from '../utilities/view.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { staff, utilityOf } from '../auth/middleware.js';

registry.registerPath({
  method: 'get',
  path: '/api/v1/crews',
  summary: 'Active crews with their base and shift',
  security: [{ bearer: [] }],
  responses: {
    200: {
      description: 'Crews',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(
              z
                .object({
                  id: z.number(),
                  code: z.string(),
                  name: z.string(),
                  regionId: z.number().nullable(),
                  base: z.object({ lat: z.number(), lon: z.number() }).nullable(),
                  baseAddress: z.string().nullable(),
                  members: z.array(z.string()),
                  shiftStart: z.string().openapi({ example: '07:30' }),
                  shiftEnd: z.string().openapi({ example: '16:00' }),
                })
                .openapi('Crew'),
            ),
          }),
        },
      },
    },
    ...errorResponses(401),
  },
});

export function crewsRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', staff(ctx), async (_req, res) => {
    const crews = await listCrews(ctx.db, utilityOf(res).id);
    res.json({ items: crews.map(crewView) });
  });
  return router;
}
