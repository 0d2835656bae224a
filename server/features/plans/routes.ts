import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { AppContext } from '../../platform/context.js';
import { SolveCancelledError } from '../../platform/solver/pool.js';
import { type SolveControl, createPlan, discardPlan, latestPlanView, lockCrew, pinTicket, planDiff, planView, publishPlan, removeTicket, reoptimise, restoreTicket, unlockCrew, unpinTicket } from './service.js';
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
const TicketBody = z.object({ ticketId: z.number().int().positive() });
const CrewParams = z.object({ id: z.coerce.number().int().positive(), crewId: z.coerce.number().int().positive() });
const LockBody = z.object({
  ticketIds: z.array(z.number().int().positive()).optional().describe("The crew's stops in the order to keep; default: its stops in this plan as they are"),
});
const PublishBody = z.object({
  rebase: z.boolean().optional().describe('When the draft is stale: re-apply its edits on the day as published now and re-solve; answers the new draft (not published)'),
});
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
    status: z.enum(['draft', 'published', 'discarded']).describe("draft: changes no ticket until published; published: what the crews see; discarded: replaced"),
    basedOn: z.number().nullable().describe('The published plan (id) a draft was made from; null: none yet'),
    publishedAt: z.string().nullable(),
    objective: z.enum(['distance', 'makespan']),
    createdAt: z.string(),
    solveMs: z.number(),
    versions: z.array(z.object({ id: z.number(), version: z.number(), kind: z.string(), status: z.string(), createdAt: z.string() })),
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
        locked: z.boolean().describe("The crew's order is locked (a standing lock of the day, or one of this draft's edits): re-solves leave its day alone"),
        path: z
          .object({ type: z.literal('LineString'), coordinates: z.array(z.tuple([z.number(), z.number()])) })
          .nullable()
          .describe('The trip as a GeoJSON LineString (lon, lat) from the base through the stops in order back to the base: along the streets when the utility has a road network, else straight between them; null: no stops'),
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
            lat: z.number(),
            lon: z.number(),
          }),
        ),
      }),
    ),
    unplanned: z.array(z.object({ ticketId: z.number(), number: z.string(), priority: z.enum(priorities), reason: z.string(), message: z.string(), lat: z.number(), lon: z.number() })),
  })
  .openapi('Plan');
const TicketRef = { ticketId: z.number(), number: z.string(), priority: z.enum(priorities) };
const PlanDiff = z
  .object({
    planId: z.number(),
    version: z.number(),
    status: z.enum(['draft', 'published', 'discarded']),
    against: z.object({ id: z.number(), version: z.number() }).nullable().describe('The published version compared with (null: none, every stop is new)'),
    stale: z.boolean().describe('A draft made from a published version that is no longer the latest: publish refuses it (PLAN_STALE) unless rebase'),
    crews: z.array(
      z.object({
        crewId: z.number(),
        crewCode: z.string(),
        crewName: z.string(),
        changed: z.boolean(),
        added: z.array(z.object(TicketRef)),
        removed: z.array(z.object(TicketRef)),
        movedIn: z.array(z.object({ ...TicketRef, fromCrewId: z.number() })),
        movedOut: z.array(z.object({ ...TicketRef, toCrewId: z.number() })),
        reordered: z.boolean(),
        stops: z.object({ before: z.number(), after: z.number() }),
        km: z.object({ before: z.number(), after: z.number() }),
        hours: z.object({ before: z.number(), after: z.number() }),
      }),
    ),
    unplanned: z.array(z.object({ ...TicketRef, reason: z.string(), message: z.string(), wasPlanned: z.boolean() })),
  })
  .openapi('PlanDiff');
const PublishResult = z
  .object({
    published: z.boolean().describe('false: the draft was stale and re-based; plan is the new draft to review'),
    plan: PlanView,
  })
  .openapi('PlanPublishResult');
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
  summary: "Plans a day as a DRAFT: zones, one closed trip per crew (work under way kept, the rest of today from where each crew is), unplanned tickets with reasons, km and hours against the first-come-first-served baseline. Stored as the day's next version (earlier open drafts are discarded); no ticket changes until it is published. Answers when the draft is ready (the solve's budget is the utility's solveMsPerCrew for each crew on shift: seconds, not minutes); closing the request before the answer cancels the solve and stores nothing (so do the edits, reoptimise and a re-base)",
  security: bearer,
  request: { body: { content: { 'application/json': { schema: PlanBody } } } },
  responses: { 201: { description: 'The stored plan', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(400, 401, 403, 409, 422) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/plans',
  summary: "A day's plan: its latest version that is not discarded (a draft or the published one), or the version asked for",
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
  summary: "Draft edit: pins (or moves) a ticket to a crew and re-solves the rest. On a draft: re-solved in place (same id); on the day's published plan: a new draft with the pin. Kept on publish as the day's pin",
  security: bearer,
  request: { params: IdParam, body: { content: { 'application/json': { schema: PinBody } } } },
  responses: { 201: { description: 'The draft', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/plans/{id}/removals',
  summary: 'Draft edit: takes a ticket out of the day (no crew gets it; it keeps its SPK and waits) and re-solves',
  security: bearer,
  request: { params: IdParam, body: { content: { 'application/json': { schema: TicketBody } } } },
  responses: { 201: { description: 'The draft', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'delete',
  path: '/api/v1/plans/{id}/removals/{ticketId}',
  summary: 'Draft edit: puts a ticket taken out back into the planner\'s hands and re-solves',
  security: bearer,
  request: { params: PinParams },
  responses: { 200: { description: 'The draft', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'put',
  path: '/api/v1/plans/{id}/locks/{crewId}',
  summary: "Draft edit: locks a crew's order (exactly these stops in this order; default its stops as they are); re-solves leave that crew's day alone",
  security: bearer,
  request: { params: CrewParams, body: { content: { 'application/json': { schema: LockBody } } } },
  responses: { 200: { description: 'The draft', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'delete',
  path: '/api/v1/plans/{id}/locks/{crewId}',
  summary: "Draft edit: frees a crew's order and re-solves",
  security: bearer,
  request: { params: CrewParams },
  responses: { 200: { description: 'The draft', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/plans/{id}/diff',
  summary: "Per crew, what the plan changes against the day as published (a published version: against the one it replaced): tickets added, removed, moved in/out, reordered; stops, km and hours before and after",
  security: bearer,
  request: { params: IdParam },
  responses: { 200: { description: 'The diff', content: { 'application/json': { schema: PlanDiff } } }, ...errorResponses(401, 403, 404) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/plans/{id}/publish',
  summary:
    "Publishes a draft: its assignments change atomically through the ticket writer (actor planner), its edits become the day's pins and locks, and each crew whose day changed gets an inbox message (kind plan.changed). A draft made from an out-of-date published version: 409 PLAN_STALE (details: basedOnVersion, publishedVersion, publishedSince, ticketsChanged) unless rebase: true, which answers the re-based draft",
  security: bearer,
  request: { params: IdParam, body: { content: { 'application/json': { schema: PublishBody } } } },
  responses: { 200: { description: 'Published, or re-based into a new draft', content: { 'application/json': { schema: PublishResult } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'delete',
  path: '/api/v1/plans/{id}',
  summary: 'Discards a draft (no ticket changes)',
  security: bearer,
  request: { params: IdParam },
  responses: { 204: { description: 'Discarded' }, ...errorResponses(401, 403, 404, 409) },
});
registry.registerPath({
  method: 'delete',
  path: '/api/v1/plans/{id}/pins/{ticketId}',
  summary: "Draft edit: lifts a ticket's pin (a dispatcher's pin or an urgent dispatch) and re-solves; on publish the day's pin goes too",
  security: bearer,
  request: { params: PinParams },
  responses: { 200: { description: 'The draft', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/plans/{id}/reoptimise',
  summary: "Re-solves a draft in place with the current tickets and its edits; on a published plan, makes a new draft",
  security: bearer,
  request: { params: IdParam },
  responses: { 201: { description: 'The draft', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(401, 403, 404, 409, 422) },
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
  summary: "Confirms an immediate dispatch: the ticket goes into the crew's day (a new published plan version: open drafts become stale), later stops are re-timed, the ticket becomes assigned and pinned to the crew",
  security: bearer,
  request: { body: { content: { 'application/json': { schema: DispatchBody } } } },
  responses: { 201: { description: 'The new plan version', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});

/**
 * A request that solves: its solve is cancelled when the client goes away before the answer (the console's
 * "Batalkan" aborts the fetch), and then nothing is stored and nothing answered.
 */
function solving(run: (req: Request, res: Response, control: SolveControl) => Promise<void>): RequestHandler {
  return async (req, res) => {
    const aborter = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) aborter.abort();
    };
    res.on('close', onClose);
    try {
      await run(req, res, { signal: aborter.signal });
    } catch (error) {
      if (error instanceof SolveCancelledError && aborter.signal.aborted) return;
      throw error;
    } finally {
      res.off('close', onClose);
    }
  };
}

/** Plans (draft, edit, diff, publish) and immediate dispatch; mounted at /api/v1. */
export function plansRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/plans', staff(ctx, planners), solving(async (req, res, control) => {
    const body = parse(PlanBody, req.body ?? {});
    res.status(201).json(await createPlan(ctx, utilityOf(res), userOf(res), body, 'daily', [], control));
  }));

  router.get('/plans', staff(ctx, readers), async (req, res) => {
    const q = parse(PlanQuery, req.query);
    res.json(await latestPlanView(ctx, utilityOf(res), q.date, q.version));
  });

  router.get('/plans/:id', staff(ctx, readers), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await planView(ctx, utilityOf(res), id));
  });

  router.post('/plans/:id/pins', staff(ctx, planners), solving(async (req, res, control) => {
    const { id } = parse(IdParam, req.params);
    const body = parse(PinBody, req.body ?? {});
    res.status(201).json(await pinTicket(ctx, utilityOf(res), userOf(res), id, body, control));
  }));

  router.delete('/plans/:id/pins/:ticketId', staff(ctx, planners), solving(async (req, res, control) => {
    const { id, ticketId } = parse(PinParams, req.params);
    res.json(await unpinTicket(ctx, utilityOf(res), userOf(res), id, ticketId, control));
  }));

  router.post('/plans/:id/removals', staff(ctx, planners), solving(async (req, res, control) => {
    const { id } = parse(IdParam, req.params);
    const body = parse(TicketBody, req.body ?? {});
    res.status(201).json(await removeTicket(ctx, utilityOf(res), userOf(res), id, body.ticketId, control));
  }));

  router.delete('/plans/:id/removals/:ticketId', staff(ctx, planners), solving(async (req, res, control) => {
    const { id, ticketId } = parse(PinParams, req.params);
    res.json(await restoreTicket(ctx, utilityOf(res), userOf(res), id, ticketId, control));
  }));

  router.put('/plans/:id/locks/:crewId', staff(ctx, planners), solving(async (req, res, control) => {
    const { id, crewId } = parse(CrewParams, req.params);
    const body = parse(LockBody, req.body ?? {});
    res.json(await lockCrew(ctx, utilityOf(res), userOf(res), id, crewId, body.ticketIds, control));
  }));

  router.delete('/plans/:id/locks/:crewId', staff(ctx, planners), solving(async (req, res, control) => {
    const { id, crewId } = parse(CrewParams, req.params);
    res.json(await unlockCrew(ctx, utilityOf(res), userOf(res), id, crewId, control));
  }));

  router.get('/plans/:id/diff', staff(ctx, readers), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await planDiff(ctx, utilityOf(res), id));
  });

  router.post('/plans/:id/publish', staff(ctx, planners), solving(async (req, res, control) => {
    const { id } = parse(IdParam, req.params);
    const body = parse(PublishBody, req.body ?? {});
    res.json(await publishPlan(ctx, utilityOf(res), userOf(res), id, body, control));
  }));

  router.delete('/plans/:id', staff(ctx, planners), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    await discardPlan(ctx, utilityOf(res), id);
    res.status(204).end();
  });

  router.post('/plans/:id/reoptimise', staff(ctx, planners), solving(async (req, res, control) => {
    const { id } = parse(IdParam, req.params);
    res.status(201).json(await reoptimise(ctx, utilityOf(res), userOf(res), id, control));
  }));

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
