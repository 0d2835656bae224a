import { Router } from 'express';
import type { AppContext } from '../context.js';
import { ping } from '../db/ping.js';
import { registry, z } from './openapi.js';

registry.registerPath({ method: 'get', path: '/healthz', summary: 'The process is up', responses: { 200: { description: 'ok' } } });
registry.registerPath({
  method: 'get',
  path: '/readyz',
  summary: 'The database answers',
  responses: { 200: { description: 'ready' }, 503: { description: 'database unreachable', content: { 'application/json': { schema: z.object({ status: z.string(), error: z.string(), requestId: z.string() }) } } } },
});

export function healthRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    try {
      await ping(ctx.db);
      res.json({ status: 'ready' });
    } catch (err) {
      req.log.warn({ err }, 'readiness: the database does not answer');
      res.status(503).json({ status: 'database unreachable', error: (err as Error).message, requestId: String(req.id) });
    }
  });
  return router;
}
