import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { AppContext } from '../../platform/context.js';
import { SolveCancelledError } from '../../platform/solver/pool.js';
import { type SolveControl, createPlan, requirePlan, discardPlan, latestPlanView, lockCrew, pinTicket, planDiff, planView, publishPlan, removeTicket, reoptimise, restoreTicket, unlockCrew, unpinTicket } from './service.js';
import { confirmDispatch, suggestDispatch } from './dispatch.service.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { errorBodyOf, httpStatusOf, requestIdOfRequest } from '../../platform/http/errors.js';
import { isDomainError } from '../../core/domain/errors.js';
import { logger } from '../../platform/log.js';
import { cancelSolveJob, elapsedOf, findSolveJob, percentOf, startSolveJob, type SolveJob, type SolveJobResult } from './solve-jobs.js';
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
const JobParam = z.object({ id: z.string().uuid('a solve job id (a UUID)') });
const PreferHeader = z.object({
  prefer: z
    .string()
    .optional()
    .describe("'respond-async' (RFC 7240): answer 202 at once with a solve job to poll (Location: /api/v1/plan-jobs/{id}) instead of waiting for the plan"),
});
const PlanJob = z
  .object({
    id: z.string(),
    request: z.string().describe("What was asked, e.g. 'POST /api/v1/plans'"),
    state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']).describe('queued: waiting for a free solver thread; running; done: the plan is stored (result); failed (error); cancelled: stopped, nothing stored'),
    step: z
      .enum(['reading', 'waiting', 'zoning', 'routing', 'polishing', 'finishing', 'done'])
      .describe('reading the day; waiting for a solver thread; grouping tickets into zones; searching routes; polishing routes (which tickets are served); finishing (reasons, baseline, storing the draft); done'),
    percent: z.number().int().describe("0-100: the share of the solve's time budget used (99 at most until the plan is stored, then 100)"),
    elapsedMs: z.number().int().describe('Since the job started (to its end once it ended)'),
    budgetMs: z.number().nullable().describe("The solve's time budget (null: the planner has not started)"),
    queuePosition: z.number().int().nullable().describe('Place in line while every solver thread is busy (1: next); null otherwise'),
    createdAt: z.string(),
    result: z
      .object({ planId: z.number(), version: z.number(), published: z.boolean().nullable().describe('For a publish: false when the draft was re-based into a new draft'), href: z.string() })
      .nullable()
      .describe('state done: the plan made (GET href)'),
    error: z
      .object({ status: z.number(), code: z.string(), message: z.string(), messageId: z.string(), field: z.string().optional(), details: z.record(z.string(), z.unknown()) })
      .nullable()
      .describe('state failed: the refusal the request would have answered (status, code, English and Bahasa Indonesia)'),
  })
  .openapi('PlanJob');
const jobResponses = { 202: { description: "With Prefer: respond-async: the solve job (Location: /api/v1/plan-jobs/{id}); poll it", content: { 'application/json': { schema: PlanJob } } } };
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
  request: { headers: PreferHeader, body: { content: { 'application/json': { schema: PlanBody } } } },
  responses: { ...jobResponses, 201: { description: 'The stored plan', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(400, 401, 403, 409, 422) },
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
  request: { headers: PreferHeader, params: IdParam, body: { content: { 'application/json': { schema: PinBody } } } },
  responses: { ...jobResponses, 201: { description: 'The draft', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/plans/{id}/removals',
  summary: 'Draft edit: takes a ticket out of the day (no crew gets it; it keeps its SPK and waits) and re-solves',
  security: bearer,
  request: { headers: PreferHeader, params: IdParam, body: { content: { 'application/json': { schema: TicketBody } } } },
  responses: { ...jobResponses, 201: { description: 'The draft', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'delete',
  path: '/api/v1/plans/{id}/removals/{ticketId}',
  summary: 'Draft edit: puts a ticket taken out back into the planner\'s hands and re-solves',
  security: bearer,
  request: { headers: PreferHeader, params: PinParams },
  responses: { ...jobResponses, 200: { description: 'The draft', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'put',
  path: '/api/v1/plans/{id}/locks/{crewId}',
  summary: "Draft edit: locks a crew's order (exactly these stops in this order; default its stops as they are); re-solves leave that crew's day alone",
  security: bearer,
  request: { headers: PreferHeader, params: CrewParams, body: { content: { 'application/json': { schema: LockBody } } } },
  responses: { ...jobResponses, 200: { description: 'The draft', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'delete',
  path: '/api/v1/plans/{id}/locks/{crewId}',
  summary: "Draft edit: frees a crew's order and re-solves",
  security: bearer,
  request: { headers: PreferHeader, params: CrewParams },
  responses: { ...jobResponses, 200: { description: 'The draft', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(401, 403, 404, 409, 422) },
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
  request: { headers: PreferHeader, params: IdParam, body: { content: { 'application/json': { schema: PublishBody } } } },
  responses: { ...jobResponses, 200: { description: 'Published, or re-based into a new draft', content: { 'application/json': { schema: PublishResult } } }, ...errorResponses(400, 401, 403, 404, 409, 422) },
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
  request: { headers: PreferHeader, params: PinParams },
  responses: { ...jobResponses, 200: { description: 'The draft', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/plans/{id}/reoptimise',
  summary: "Re-solves a draft in place with the current tickets and its edits; on a published plan, makes a new draft",
  security: bearer,
  request: { headers: PreferHeader, params: IdParam },
  responses: { ...jobResponses, 201: { description: 'The draft', content: { 'application/json': { schema: PlanView } } }, ...errorResponses(401, 403, 404, 409, 422) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/plan-jobs/{id}',
  summary:
    "A solve job (a solving request sent with Prefer: respond-async): its state, what the planner is doing, the share of its time budget used, its place in line while the solver threads are busy; when done, the plan it made. Kept 15 minutes after it ends, on the instance that answered the 202",
  security: bearer,
  request: { params: JobParam },
  responses: { 200: { description: 'The job', content: { 'application/json': { schema: PlanJob } } }, ...errorResponses(400, 401, 403, 404) },
});
registry.registerPath({
  method: 'delete',
  path: '/api/v1/plan-jobs/{id}',
  summary:
    "Cancels a solve job: the solve stops (its solver thread is stopped) and nothing is stored. Answers once the job has stopped: state cancelled, or done when the plan was already being stored (it exists), or failed; a finished job is answered as it is",
  security: bearer,
  request: { params: JobParam },
  responses: { 200: { description: 'The job after the cancel', content: { 'application/json': { schema: PlanJob } } }, ...errorResponses(400, 401, 403, 404) },
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

/** A plan view or a publish result, as the solving handlers answer. */
type Solved = { id: number; version: number } | { published: boolean; plan: { id: number; version: number } };

function resultOf(answer: Solved): SolveJobResult {
  return 'plan' in answer ? { planId: answer.plan.id, version: answer.plan.version, published: answer.published } : { planId: answer.id, version: answer.version, published: null };
}

/** A solve job as the API shows it. */
function presentJob(job: SolveJob, requestId: string) {
  const now = performance.now();
  const error = job.state === 'failed' ? { status: isDomainError(job.error) ? httpStatusOf(job.error.code) : 500, ...errorBodyOf(job.error, requestId) } : null;
  return {
    id: job.id,
    request: job.request,
    state: job.state,
    step: job.step,
    percent: percentOf(job, now),
    elapsedMs: elapsedOf(job, now),
    budgetMs: job.budgetMs,
    queuePosition: job.queuePosition,
    createdAt: job.createdAt.toISOString(),
    result: job.result ? { ...job.result, href: `/api/v1/plans/${job.result.planId}` } : null,
    error: error && { status: error.status, code: error.code, message: error.message, messageId: error.messageId, field: error.field, details: error.details },
  };
}

/**
 * A request that solves. `prepare` reads and checks the request (a bad one, or another utility's plan, is
 * refused at once, also before a 202) and gives the solve to run. Plain: the answer waits for the plan, and the solve is cancelled when the client goes away
 * before it (the console's "Batalkan" aborts the fetch): then nothing is stored and nothing answered. With
 * `Prefer: respond-async`: 202 at once with a solve job (solve-jobs.ts) to poll and to cancel.
 */
function solving(ctx: AppContext, status: 200 | 201, prepare: (req: Request, res: Response) => Promise<(control: SolveControl) => Promise<Solved>>): RequestHandler {
  return async (req, res) => {
    const run = await prepare(req, res);
    if (/\brespond-async\b/i.test(req.get('prefer') ?? '')) {
      const job = startSolveJob({ utilityId: utilityOf(res).id, userId: userOf(res).id, request: `${req.method} ${req.baseUrl}${req.route.path as string}`, at: ctx.now() }, async (control) => {
        try {
          return resultOf(await run(control));
        } catch (error) {
          if (!isDomainError(error) && !(error instanceof SolveCancelledError)) logger.error({ err: error, job: job.id }, 'solve job failed');
          throw error;
        }
      });
      res.status(202).location(`/api/v1/plan-jobs/${job.id}`).set('Preference-Applied', 'respond-async').json(presentJob(job, requestIdOfRequest(req)));
      return;
    }
    const aborter = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) aborter.abort();
    };
    res.on('close', onClose);
    try {
      res.status(status).json(await run({ signal: aborter.signal }));
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

  router.post('/plans', staff(ctx, planners), solving(ctx, 201, async (req, res) => {
    const body = parse(PlanBody, req.body ?? {});
    return (control) => createPlan(ctx, utilityOf(res), userOf(res), body, 'daily', [], control);
  }));

  router.get('/plans', staff(ctx, readers), async (req, res) => {
    const q = parse(PlanQuery, req.query);
    res.json(await latestPlanView(ctx, utilityOf(res), q.date, q.version));
  });

  router.get('/plans/:id', staff(ctx, readers), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await planView(ctx, utilityOf(res), id));
  });

  router.post('/plans/:id/pins', staff(ctx, planners), solving(ctx, 201, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const body = parse(PinBody, req.body ?? {});
    await requirePlan(ctx, utilityOf(res), id);
    return (control) => pinTicket(ctx, utilityOf(res), userOf(res), id, body, control);
  }));

  router.delete('/plans/:id/pins/:ticketId', staff(ctx, planners), solving(ctx, 200, async (req, res) => {
    const { id, ticketId } = parse(PinParams, req.params);
    await requirePlan(ctx, utilityOf(res), id);
    return (control) => unpinTicket(ctx, utilityOf(res), userOf(res), id, ticketId, control);
  }));

  router.post('/plans/:id/removals', staff(ctx, planners), solving(ctx, 201, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const body = parse(TicketBody, req.body ?? {});
    await requirePlan(ctx, utilityOf(res), id);
    return (control) => removeTicket(ctx, utilityOf(res), userOf(res), id, body.ticketId, control);
  }));

  router.delete('/plans/:id/removals/:ticketId', staff(ctx, planners), solving(ctx, 200, async (req, res) => {
    const { id, ticketId } = parse(PinParams, req.params);
    await requirePlan(ctx, utilityOf(res), id);
    return (control) => restoreTicket(ctx, utilityOf(res), userOf(res), id, ticketId, control);
  }));

  router.put('/plans/:id/locks/:crewId', staff(ctx, planners), solving(ctx, 200, async (req, res) => {
    const { id, crewId } = parse(CrewParams, req.params);
    const body = parse(LockBody, req.body ?? {});
    await requirePlan(ctx, utilityOf(res), id);
    return (control) => lockCrew(ctx, utilityOf(res), userOf(res), id, crewId, body.ticketIds, control);
  }));

  router.delete('/plans/:id/locks/:crewId', staff(ctx, planners), solving(ctx, 200, async (req, res) => {
    const { id, crewId } = parse(CrewParams, req.params);
    await requirePlan(ctx, utilityOf(res), id);
    return (control) => unlockCrew(ctx, utilityOf(res), userOf(res), id, crewId, control);
  }));

  router.get('/plans/:id/diff', staff(ctx, readers), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await planDiff(ctx, utilityOf(res), id));
  });

  router.post('/plans/:id/publish', staff(ctx, planners), solving(ctx, 200, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const body = parse(PublishBody, req.body ?? {});
    await requirePlan(ctx, utilityOf(res), id);
    return (control) => publishPlan(ctx, utilityOf(res), userOf(res), id, body, control);
  }));

  router.delete('/plans/:id', staff(ctx, planners), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    await discardPlan(ctx, utilityOf(res), id);
    res.status(204).end();
  });

  router.post('/plans/:id/reoptimise', staff(ctx, planners), solving(ctx, 201, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    await requirePlan(ctx, utilityOf(res), id);
    return (control) => reoptimise(ctx, utilityOf(res), userOf(res), id, control);
  }));

  router.get('/plan-jobs/:id', staff(ctx, planners), (req, res) => {
    const { id } = parse(JobParam, req.params);
    const job = findSolveJob(utilityOf(res).id, id);
    if (job.finishedMs === null) res.set('Retry-After', '1');
    res.json(presentJob(job, requestIdOfRequest(req)));
  });

  router.delete('/plan-jobs/:id', staff(ctx, planners), async (req, res) => {
    const { id } = parse(JobParam, req.params);
    res.json(presentJob(await cancelSolveJob(utilityOf(res).id, id), requestIdOfRequest(req)));
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
