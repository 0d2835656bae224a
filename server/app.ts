import express, { type Express } from 'express';
import compression from 'compression';
import type { AppContext } from './platform/context.js';
import { errorHandler } from './platform/http/errors.js';
import { refuseMalformedInput } from './platform/http/input.js';
import { openApiDocument } from './platform/http/openapi.js';
import { healthRouter } from './platform/http/health.js';
import { authRouter } from './features/auth/routes.js';
import { staffRouter } from './features/auth/staff.routes.js';
import { reportsRouter } from './features/tickets/intake.routes.js';
import { ticketsRouter } from './features/tickets/routes.js';
import { mergedRouter, nearbyRouter } from './features/tickets/duplicates.routes.js';
import { answersRouter } from './features/tickets/answers.routes.js';
import { followUpRouter, reportersRouter } from './features/tickets/follow-up.routes.js';
import { ikmRouter, ratingsRouter } from './features/satisfaction/routes.js';
import { charterRouter } from './features/charter/routes.js';
import { placesRouter } from './features/places/routes.js';
import { crewSetupRouter, crewsRouter } from './features/crews/routes.js';
import { crewRoutesRouter } from './features/plans/crew-routes.routes.js';
import { plansRouter } from './features/plans/routes.js';
import { zonesRouter } from './features/plans/zones.routes.js';
import { inboxRouter } from './features/sla/routes.js';
import { notificationsRouter, verificationsRouter } from './features/notifications/routes.js';
import { inboundRouter } from './features/notifications/inbound.routes.js';
import { reporterContactRouter } from './features/tickets/reporter-contact.routes.js';
import { analyticsRouter } from './features/reports/routes.js';
import { publicRouter } from './features/tickets/public.routes.js';
import { settingsRouter } from './features/settings/routes.js';
import { categoriesRouter } from './features/settings/categories.routes.js';
import { incidentsRouter } from './features/incidents/routes.js';
import { platformRouter } from './features/tenants/routes.js';
import { geographyBody, geographyRouter } from './features/geography/routes.js';
import { open311Errors, open311Router, open311StaffRouter } from './features/open311/routes.js';
import { mountWeb } from './platform/http/web.js';
import { httpLogger, type Logger } from './platform/log.js';
import { clientAddressOf, throttled } from './platform/http/throttle.js';
import { securityHeaders } from './platform/http/security.js';
import { DomainError, ErrorCode } from './core/domain/errors.js';
import { startPhotoAnalysis } from './features/tickets/photo-analysis.service.js';
import { startJournalDrain } from './features/tickets/journal.service.js';

/** `options.log`: the access log's logger (the process's by default; tests read their own). */
export function createApp(ctx: AppContext, options: { log?: Logger } = {}): Express {
  // Photos are analysed after the acknowledgment, on the imaging threads, by this app's queue.
  startPhotoAnalysis(ctx);
  // Reports journalled under load (202) are made into tickets by this app's drain.
  startJournalDrain(ctx);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // First, so that every later line (and every error body) carries the request id.
  app.use(httpLogger(options.log));
  // Security headers (CSP, nosniff, frame-ancestors, no referrer) on every answer, errors included.
  app.use(securityHeaders(ctx.config));
  // gzip (or deflate) for text: the console's scripts and styles, and the API's JSON, CSV and GPX.
  app.use(compression({ threshold: 1024 }));
  // Providers' webhooks read their raw body (a signature is over the bytes as sent): before the JSON parser.
  app.use('/api/v1/inbound', inboundRouter(ctx));
  // A city's boundaries are larger than any other body: their own limit, parsed before the general one.
  app.use('/api/v1/geography', geographyBody());
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.use(refuseMalformedInput());

  app.use(healthRouter(ctx));
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  app.use('/api/v1/auth', authRouter(ctx));
  // Citizen reports per client address, counted before the photo is read (per phone: in the route).
  app.post('/api/v1/reports', throttled(ctx, 'reportIp', clientAddressOf));
  app.use('/api/v1/reports', nearbyRouter(ctx));
  app.use('/api/v1/reports', reportsRouter(ctx));
  app.use('/api/v1/tickets', mergedRouter(ctx));
  app.use('/api/v1/tickets', ticketsRouter(ctx));
  app.use('/api/v1/tickets', reporterContactRouter(ctx));
  app.use('/api/v1/answers', answersRouter(ctx));
  // A reporter's link writes (a note or photo, a rating) count with the citizen reports of the address.
  app.post(['/api/v1/follow-up', '/api/v1/ratings'], throttled(ctx, 'reportIp', clientAddressOf));
  app.use('/api/v1/follow-up', followUpRouter(ctx));
  app.use('/api/v1/reporters', reportersRouter(ctx));
  app.use('/api/v1/ratings', ratingsRouter(ctx));
  app.use('/api/v1/analytics', ikmRouter(ctx));
  app.use('/api/v1/charter', charterRouter(ctx));
  app.use('/api/v1/places', placesRouter(ctx));
  app.use('/api/v1/crews', crewRoutesRouter(ctx));
  app.use('/api/v1/crews', crewsRouter(ctx));
  app.use('/api/v1/admin/crews', crewSetupRouter(ctx));
  app.use('/api/v1/admin/staff', staffRouter(ctx));
  app.use('/api/v1/zones', zonesRouter(ctx));
  app.use('/api/v1', plansRouter(ctx));
  app.use('/api/v1/inbox', inboxRouter(ctx));
  app.use('/api/v1/notifications', notificationsRouter(ctx));
  // Each code costs an SMS: the per-address report throttle applies to asking for one too.
  app.post('/api/v1/verifications', throttled(ctx, 'reportIp', clientAddressOf));
  app.use('/api/v1/verifications', verificationsRouter(ctx));
  app.use('/api/v1/analytics', analyticsRouter(ctx));
  app.use('/api/v1/settings', settingsRouter(ctx));
  app.use('/api/v1/geography', geographyRouter(ctx));
  app.use('/api/v1/categories', categoriesRouter(ctx));
  app.use('/api/v1/incidents', incidentsRouter(ctx));
  app.use('/api/v1/open311', open311StaffRouter(ctx));
  app.use('/api/v1/platform', platformRouter(ctx));
  app.use('/api/v1', publicRouter(ctx));
  // Open311 per client address (reads and writes); per api_key in the submission route.
  app.use('/open311/v2', throttled(ctx, 'open311Ip', clientAddressOf), open311Router(ctx), open311Errors(ctx));
  mountWeb(app);
  app.use('/api', (req) => {
    throw new DomainError(ErrorCode.notFound, `No endpoint ${req.method} ${req.originalUrl}`, { method: req.method, path: req.originalUrl });
  });
  app.use(errorHandler(ctx.config.maxPhotoBytes));
  return app;
}
