import { Router } from 'express';
import type { AppContext } from '../context.js';
import { ping } from '../db/ping.js';
import { RETRY_AFTER_SECONDS } from '../db/errors.js';
import { registry, z } from './openapi.js';

registry.registerPath({ method: 'get', path: '/healthz', summary: 'The process is up', responses: { 200: { description: 'ok' } } });
registry.registerPath({
  method: 'get',
  path: '/readyz',
  summary: 'Ready or not: the database answers (nothing more is told: no host, port or driver message)',
  responses: {
    200: { description: 'ready', content: { 'application/json': { schema: z.object({ status: z.literal('ready') }) } } },
    503: { description: 'not ready (Retry-After says when to ask again)', content: { 'application/json': { schema: z.object({ status: z.literal('not ready') }) } } },
  },
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
      // The reason goes to the log only: a public probe must not learn the database's host or port.
      req.log.warn({ err }, 'readiness: the database does not answer');
      res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS)).json({ status: 'not ready' });
    }
  });
  return router;
}
