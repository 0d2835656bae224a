import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { createPlan, latestPlanView, pinTicket, planView, reoptimise, unpinTicket } from './service.js';
import { confirmDispatch, suggestDispatch } from './dispatch.service.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { staff, userOf, utilityOf } from '../auth/middleware.js';
import { IdParam } from '../../platform/http/schemas.js';
import { priorities, statuses } from '../../core/domain/tickets.js';

const bearer = [{ bearer: [] }];
const planners = ['dispatcher', 'admin'] as const;
const readers = ['dispatcher', 'admin', 'kasie', 'kabag', 'direktur'] as const;

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar date, YYYY-MM-DD').openapi({ example: '2026-11-24' });
const PlanBody = z.object({
  date: DateText,
  objective: z.enum(['distance', 'makespan']).optional().describe("'distance': least total km (fuel); 'makespan': the longest crew day as short as possible. Default: the utility's setting"),
});
const PlanQuery = z.object({ date: DateText, version: z.coerce.number().int().positive().optional() });
const PinBody = z.object({ ticketId: z.number().int().positive(), crewId: z.number().int().positive() });
const PinParams = z.object({ id: z.coerce.number().int().positive(), ticketId: z.coerce.number().int().positive() });
const SuggestQuery = z.object({ ticketId: z.coerce.number().int().positive() });
const DispatchBody = z.object({ ticketId: z.number().int().positive(), crewId: z.number().int().positive() });
const DaySummary = z.object({
  served: z.object({ critical: z.number(), high: z.number(), normal: z.number(), total: z.number() }),
  unplanned: z.number(),
  km: z.number(),
  hours: z.number(),
  travelHours: z.number(),
  longestDayHours: z.number(),
  crewsUsed: z.number(),
});
const PlanView = z
  .object({
    id: z.number(),
    date: z.string(),
    version: z.number(),
    kind: z.enum(['daily', 'reoptimise', 'dispatch']),
    objective: z.enum(['distance', 'makespan']),
    createdAt: z.string(),
    solveMs: z.number(),
    versions: z.array(z.object({ id: z.number(), version: z.number(), kind: z.string(), createdAt: z.string() })),
    summary: DaySummary,
    baseline: DaySummary.describe('The same day dispatched first come, first served'),
    savings: z.object({
      km: z.number(),
      kmPercent: z.number(),
      extraTicketsServed: z.number(),
      kmPerTicket: z.object({ plan: z.number(), baseline: z.number() }),
    }),
    routes: z.array(
      z.object({
        crewId: z.number(),
        crewCode: z.string(),
        crewName: z.string(),
        zone: z.string().nullable(),
        shiftStartAt: z.string(),
        shiftEndAt: z.string(),
        startAt: z.string(),
        endAt: z.string(),
        km: z.number(),
        travelMinutes: z.number(),
        serviceMinutes: z.number(),
        stops: z.array(
          z.object({
            seq: z.number(),
            ticketId: z.number(),
            number: z.string(),
            priority: z.enum(priorities),
            status: z.enum(statuses),
            eta: z.string(),
            departAt: z.string(),
            travelMinutes: z.number(),
            serviceMinutes: z.number(),
            pinned: z.boolean(),
          }),
        ),
      }),
    ),
    unplanned: z.array(z.object({ ticketId: z.number(), number: z.string(), priority: z.enum(priorities), reason: z.string(), message: z.string() })),
  })
  .openapi('Plan');
const DispatchSuggestions = z
  .object({
    ticketId: z.number(),
    number: z.string(),
    priority: z.enum(priorities),
    resolveDueAt: z.string().nullable(),
    options: z.array(
      z.object({
        crewId: z.number(),
        crewCode: z.string(),
        crewName: z.string(),
        arrivalAt: z.string(),
        beforeTicketId: z.number().nullable().describe("Before which of the crew's pending stops it goes (null: after the last)"),
        addedMinutes: z.number(),
        addedKm: z.number(),
        endAt: z.string(),
        meetsDue: z.boolean(),
        dropsTicketIds: z.array(z.number()),
      }),
    ),
  })
  .openapi('DispatchSuggestions');

registry.registerPath({
  method: 'post',
  path: '/api/v1/plans',
  summary: "Plans a day: zones, one closed trip per crew, unplanned tickets with reasons, km and hours against the first-come-first-served baseline. Stored as the day's next version; planned tickets become assigned",
  security: bearer,
  request: { body: { content: { 'application/json': { schema: PlanBody } } } },
  responses: { 201: { description: 'The stored plan', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(400, 401, 403, 409, 422) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/plans',
  summary: "A day's plan: the latest version, or the one asked for",
  security: bearer,
  request: { query: PlanQuery },
  responses: { 200: { description: 'The plan', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(400, 401, 403, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/plans/{id}',
  summary: 'One plan version with its routes, stops and unplanned tickets',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: { description: 'The plan', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(401, 403, 404) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/plans/{id}/pins',
  summary: "Pins (or moves) a ticket to a crew for the plan's day and re-optimises the rest: a new version",
  security: bearer,
  request: { params: IdParam, body: { content: { 'application/json': { schema: PinBody } } } },
  responses: { 201: { description: 'The new plan version', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'delete',
  path: '/api/v1/plans/{id}/pins/{ticketId}',
  summary: 'Removes a pin and re-optimises: a new version',
  security: bearer,
  request: { params: PinParams },
  responses: { 200: { description: 'The new plan version', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/plans/{id}/reoptimise',
  summary: "Re-plans the plan's day with the current tickets and pins: a new version (the earlier ones are kept)",
  security: bearer,
  request: { params: IdParam },
  responses: { 201: { description: 'The new plan version', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/dispatch/suggestions',
  summary: 'For a Critical or High ticket with an SPK: crews ranked by earliest arrival (cheapest insertion into their day, within their shift)',
  security: bearer,
  request: { query: SuggestQuery },
  responses: { 200: { description: 'Ranked options (empty: no crew can take it today)', content: { 'application/json': { schema: DispatchSuggestions } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/dispatch',
  summary: "Confirms an immediate dispatch: the ticket goes into the crew's day (a new plan version), later stops are re-timed, the ticket becomes assigned",
  security: bearer,
  request: { body: { content: { 'application/json': { schema: DispatchBody } } } },
  responses: { 201: { description: 'The new plan version', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});

/** Plans, pins and immediate dispatch; mounted at /api/v1. */
export function plansRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/plans', staff(ctx, planners), async (req, res) => {
    const body = parse(PlanBody, req.body ?? {});
    res.status(201).json(await createPlan(ctx, utilityOf(res), userOf(res), body));
  });

  router.get('/plans', staff(ctx, readers), async (req, res) => {
    const q = parse(PlanQuery, req.query);
    res.json(await latestPlanView(ctx, utilityOf(res), q.date, q.version));
  });

  router.get('/plans/:id', staff(ctx, readers), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await planView(ctx, utilityOf(res), id));
  });

  router.post('/plans/:id/pins', staff(ctx, planners), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const body = parse(PinBody, req.body ?? {});
    res.status(201).json(await pinTicket(ctx, utilityOf(res), userOf(res), id, body));
  });

  router.delete('/plans/:id/pins/:ticketId', staff(ctx, planners), async (req, res) => {
    const { id, ticketId } = parse(PinParams, req.params);
    res.json(await unpinTicket(ctx, utilityOf(res), userOf(res), id, ticketId));
  });

  router.post('/plans/:id/reoptimise', staff(ctx, planners), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.status(201).json(await reoptimise(ctx, utilityOf(res), userOf(res), id));
  });

  router.get('/dispatch/suggestions', staff(ctx, planners), async (req, res) => {
    const q = parse(SuggestQuery, req.query);
    res.json(await suggestDispatch(ctx, utilityOf(res), q.ticketId));
  });

  router.post('/dispatch', staff(ctx, planners), async (req, res) => {
    const body = parse(DispatchBody, req.body ?? {});
    res.status(201).json(await confirmDispatch(ctx, utilityOf(res), userOf(res), body));
  });
  return router;
}
