import express, { type Express } from 'express';
import type { AppContext } from '../services/context.js';
import { errorHandler } from './errors.js';
import { openApiDocument } from './openapi.js';
import { healthRouter } from './routes/health.js';
import { authRouter } from './routes/auth.js';
import { reportsRouter } from './routes/reports.js';
import { ticketsRouter } from './routes/tickets.js';
import { crewsRouter } from './routes/crews.js';
import { crewRoutesRouter } from './routes/crew-routes.js';
import { plansRouter } from './routes/plans.js';
import { zonesRouter } from './routes/zones.js';
import { inboxRouter } from './routes/inbox.js';
import { analyticsRouter } from './routes/analytics.js';
import { publicRouter } from './routes/public.js';
import { settingsRouter } from './routes/settings.js';
import { incidentsRouter } from './routes/incidents.js';
import { open311Errors, open311Router } from './routes/open311.js';
import { mountWeb } from './web.js';
import { DomainError, ErrorCode } from '../domain/errors.js';

export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));

  app.use(healthRouter(ctx));
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  app.use('/api/v1/auth', authRouter(ctx));
  app.use('/api/v1/reports', reportsRouter(ctx));
  app.use('/api/v1/tickets', ticketsRouter(ctx));
  app.use('/api/v1/crews', crewRoutesRouter(ctx));
  app.use('/api/v1/crews', crewsRouter(ctx));
  app.use('/api/v1/zones', zonesRouter(ctx));
  app.use('/api/v1', plansRouter(ctx));
  app.use('/api/v1/inbox', inboxRouter(ctx));
  app.use('/api/v1/analytics', analyticsRouter(ctx));
  app.use('/api/v1/settings', settingsRouter(ctx));
  app.use('/api/v1/incidents', incidentsRouter(ctx));
  app.use('/api/v1', publicRouter(ctx));
  app.use('/open311/v2', open311Router(ctx), open311Errors(ctx));
  mountWeb(app);
  app.use('/api', (req) => {
    throw new DomainError(ErrorCode.notFound, `No endpoint ${req.method} ${req.originalUrl}`, { method: req.method, path: req.originalUrl });
  });
  app.use(errorHandler(ctx.config.maxPhotoBytes));
  return app;
}
