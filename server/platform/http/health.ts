import { Router } from 'express';
import type { AppContext } from '../context.js';
import { registry, z } from './openapi.js';

registry.registerPath({ method: 'get', path: '/healthz', summary: 'The process is up', responses: { 200: { description: 'ok' } } });
registry.registerPath({
  method: 'get',
  path: '/readyz',
  summary: 'The database answers',
  responses: { 200: { description: 'ready' }, 503: { description: 'database unreachable', content: { 'application/json': { schema: z.object({ status: z.string() }) } } } },
});

export function healthRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await ctx.db.raw('SELECT 1');
      res.json({ status: 'ready' });
    } catch (err) {
      res.status(503).json({ status: 'database unreachable', error: (err as Error).message });
    }
  });
  return router;
}
