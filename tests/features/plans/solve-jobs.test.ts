/**
 * Solve jobs over HTTP (issue 10): a solving request sent with
 * `Prefer: respond-async` answers 202 with a job; polling it shows the
 * planner's step and the share of its budget used, then the plan it made.
 * Cancelling stops the solve and stores nothing. Another utility's job is a
 * 404; only the planning roles read or cancel one. The solve is held open
 * (held-solve.ts) where a test reports progress itself, so what the job
 * shows is known on any machine.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertTickets, pointInArea, usePlanningServer } from '../../planning/support.js';
import { createTestEnv, loginAs, type TestEnv } from '../../support/db.js';
import { holdNextSolve } from './held-solve.js';

vi.mock('../../../server/platform/solver/pool.js', async (importOriginal) => (await import('./held-solve.js')).holdingPool(await importOriginal()));

const DATE = '2026-11-24';
const fx = usePlanningServer({ crews: 2 });
const plansOfUtility = () => fx.env.db('plans').where({ utility_id: fx.env.utility.id });

async function call(token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${fx.server.baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}
const later = (method: string, path: string, body?: unknown) => call(fx.dispatcher, method, path, body, { prefer: 'respond-async' });
const job = async (id: string, token = fx.dispatcher) => call(token, 'GET', `/api/v1/plan-jobs/${id}`);

/** Polls a job until it ends (the real solve: a budget of a fraction of a second). */
async function untilEnded(id: string, token = fx.dispatcher): Promise<{ last: any; seen: any[] }> {
  const seen: any[] = [];
  for (let i = 0; i < 600; i++) {
    const { body } = await job(id, token);
    seen.push(body);
    if (['done', 'failed', 'cancelled'].includes(body.state)) return { last: body, seen };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${id} did not end`);
}

let other: TestEnv;
let otherDispatcher: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  other = await createTestEnv({ crews: 1 });
  otherDispatcher = await loginAs(fx.server.baseUrl, other.utility, 'dispatcher');
  for (const role of ['admin', 'kasie', 'crew1'] as const) tokens[role] = await loginAs(fx.server.baseUrl, fx.env.utility, role);
}, 60_000);
afterAll(async () => {
  await other?.close();
});

describe('plan solve jobs (Prefer: respond-async)', { timeout: 60_000 }, () => {
  it('a refusal the solve meets becomes a failed job with both languages; a bad request is refused at once (no job)', async () => {
    const started = await later('POST', '/api/v1/plans', { date: DATE });
    expect(started.status).toBe(202);
    const { last } = await untilEnded(started.body.id);
    expect(last.state).toBe('failed');
    expect(last.error).toMatchObject({ status: 422, code: 'NOTHING_TO_PLAN', messageId: 'Tidak ada tiket ber-SPK yang perlu direncanakan.' });
    expect(last.result).toBeNull();

    const bad = await later('POST', '/api/v1/plans', { date: '24-11-2026' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('date');
  });

  it('202 with the job at Location; polling reaches done with the draft; the plan it links is the stored draft', async () => {
    await insertTickets(fx.env, Array.from({ length: 8 }, (_, i) => ({ ...pointInArea(i), priority: i === 0 ? ('high' as const) : ('normal' as const) })));
    const started = await later('POST', '/api/v1/plans', { date: DATE });
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/api/v1/plan-jobs/${started.body.id}`);
    expect(started.headers.get('preference-applied')).toBe('respond-async');
    expect(started.body).toMatchObject({ request: 'POST /api/v1/plans', result: null, error: null });
    expect(['queued', 'running']).toContain(started.body.state);

    const { last, seen } = await untilEnded(started.body.id);
    expect(last).toMatchObject({ state: 'done', step: 'done', percent: 100, queuePosition: null, error: null });
    expect(last.budgetMs).toBeGreaterThan(0);
    // The percent never goes back while it runs.
    const percents = seen.map((j) => j.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    const plan = await call(fx.dispatcher, 'GET', last.result.href);
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ id: last.result.planId, version: last.result.version, status: 'draft' });
    expect(plan.body.routes.reduce((n: number, r: any) => n + r.stops.length, 0)).toBeGreaterThan(0);
    // Finished, it reads the same a moment later.
    expect((await job(started.body.id)).body.elapsedMs).toBe(last.elapsedMs);
    // The synchronous form still answers the plan itself.
    const sync = await call(fx.dispatcher, 'POST', '/api/v1/plans', { date: DATE });
    expect(sync.status).toBe(201);
    expect(sync.body.version).toBe(last.result.version + 1);
  });

  it("shows its place in line, then the planner's step and the share of its budget used, as the solver reports them", async () => {
    const held = holdNextSolve();
    const started = await later('POST', `/api/v1/plans`, { date: DATE });
    await held.started;
    held.report({ kind: 'queued', position: 2 });
    expect((await job(started.body.id)).body).toMatchObject({ state: 'queued', step: 'waiting', queuePosition: 2, percent: 0 });
    held.report({ kind: 'queued', position: 1 });
    expect((await job(started.body.id)).body.queuePosition).toBe(1);

    held.report({ kind: 'started', budgetMs: 60_000 });
    expect((await job(started.body.id)).body).toMatchObject({ state: 'running', step: 'zoning', queuePosition: null, budgetMs: 60_000 });
    // The planner's clock: 'zones' done 18 s into a 60 s budget -> searching routes, 30 %.
    held.report({ kind: 'step', step: 'zones', elapsedMs: 18_000 });
    const routing = (await job(started.body.id)).body;
    expect(routing.step).toBe('routing');
    expect(routing.percent).toBeGreaterThanOrEqual(30);
    expect(routing.percent).toBeLessThan(40);
    held.report({ kind: 'step', step: 'improve', elapsedMs: 40_000 });
    const polishing = (await job(started.body.id)).body;
    expect(polishing.step).toBe('polishing');
    expect(polishing.percent).toBeGreaterThanOrEqual(66);
    // Past its budget the bar waits at 99 % until the draft is stored.
    held.report({ kind: 'step', step: 'refine', elapsedMs: 70_000 });
    expect((await job(started.body.id)).body).toMatchObject({ step: 'finishing', percent: 99 });

    held.release();
    const { last } = await untilEnded(started.body.id);
    expect(last).toMatchObject({ state: 'done', percent: 100 });
    expect((await call(fx.dispatcher, 'GET', last.result.href)).body.status).toBe('draft');
  });

  it('cancel (DELETE) stops the solve and stores nothing; a finished job is answered as it is', async () => {
    const before = (await plansOfUtility()).map((p) => [p.id, p.status]);
    const held = holdNextSolve();
    const started = await later('POST', '/api/v1/plans', { date: DATE });
    await held.started;
    held.report({ kind: 'started', budgetMs: 60_000 });
    held.report({ kind: 'step', step: 'zones', elapsedMs: 6_000 });
    const cancelled = await call(fx.dispatcher, 'DELETE', `/api/v1/plan-jobs/${started.body.id}`);
    await held.aborted;
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ state: 'cancelled', result: null, error: null });
    expect(cancelled.body.percent).toBeGreaterThanOrEqual(10);
    expect(cancelled.body.percent).toBeLessThan(99);
    // Nothing written: the day's plans are as they were (the open draft not discarded, no new version).
    expect((await plansOfUtility()).map((p) => [p.id, p.status])).toEqual(before);
    expect((await job(started.body.id)).body.state).toBe('cancelled');

    // An edit that asks the planner again, as a job, cancelled the same way: no edit recorded.
    const draft = (await call(fx.dispatcher, 'GET', `/api/v1/plans?date=${DATE}`)).body;
    const ticket = draft.routes.find((r: any) => r.stops.length > 0).stops[0].ticketId;
    expect((await call(fx.dispatcher, 'POST', `/api/v1/plans/${draft.id}/removals`, { ticketId: ticket })).status).toBe(201);
    const edits = (await fx.env.db('plan_edits').where({ plan_id: draft.id })).length;
    const heldEdit = holdNextSolve();
    const putBack = await later('DELETE', `/api/v1/plans/${draft.id}/removals/${ticket}`);
    expect(putBack.body.request).toBe('DELETE /api/v1/plans/:id/removals/:ticketId');
    await heldEdit.started;
    expect((await call(fx.dispatcher, 'DELETE', `/api/v1/plan-jobs/${putBack.body.id}`)).body.state).toBe('cancelled');
    expect(await fx.env.db('plan_edits').where({ plan_id: draft.id })).toHaveLength(edits);

    // Done before the cancel: the cancel changes nothing.
    const quick = await later('POST', `/api/v1/plans/${draft.id}/reoptimise`);
    const { last } = await untilEnded(quick.body.id);
    expect(last.state).toBe('done');
    const late = await call(fx.dispatcher, 'DELETE', `/api/v1/plan-jobs/${quick.body.id}`);
    expect(late.body).toMatchObject({ state: 'done', result: last.result });
    expect((await call(fx.dispatcher, 'GET', last.result.href)).status).toBe(200);
  });

  it("a job of another utility is a 404 (read or cancel), and it runs on; the job's roles are the planners'", async () => {
    await insertTickets(other, Array.from({ length: 3 }, (_, i) => ({ ...pointInArea(i), priority: 'normal' as const })));
    const held = holdNextSolve();
    const theirs = await call(otherDispatcher, 'POST', '/api/v1/plans', { date: DATE }, { prefer: 'respond-async' });
    expect(theirs.status).toBe(202);
    await held.started;
    for (const token of [fx.dispatcher, tokens.admin]) {
      expect((await job(theirs.body.id, token)).status).toBe(404);
      expect((await call(token, 'DELETE', `/api/v1/plan-jobs/${theirs.body.id}`)).status).toBe(404);
    }
    expect((await job(theirs.body.id, otherDispatcher)).body.state).not.toBe('cancelled');
    held.release();
    const { last: done } = await untilEnded(theirs.body.id, otherDispatcher);
    expect(done.state).toBe('done');
    // A solving request on their plan is refused at once, async or not: no job is made.
    for (const prefer of [{ prefer: 'respond-async' }, {}] as Record<string, string>[]) {
      const theirPlan = await call(fx.dispatcher, 'POST', `/api/v1/plans/${done.result.planId}/reoptimise`, undefined, prefer);
      expect(theirPlan.status).toBe(404);
      expect(theirPlan.body.error.code).toBe('NOT_FOUND');
    }

    // Roles, on a job of the utility: the planners read it; the heads and the crews may not; no session: 401.
    const mine = await later('POST', '/api/v1/plans', { date: DATE });
    await untilEnded(mine.body.id);
    expect((await job(mine.body.id, tokens.admin)).status).toBe(200);
    expect((await job(mine.body.id, tokens.kasie)).status).toBe(403);
    expect((await job(mine.body.id, tokens.crew1)).status).toBe(403);
    expect((await call(tokens.crew1, 'DELETE', `/api/v1/plan-jobs/${mine.body.id}`)).status).toBe(403);
    expect((await call(null, 'GET', `/api/v1/plan-jobs/${mine.body.id}`)).status).toBe(401);
    expect((await call(tokens.kasie, 'POST', '/api/v1/plans', { date: DATE }, { prefer: 'respond-async' })).status).toBe(403);
    // An id that is not a job's: 400 for a malformed one, 404 for an unknown one.
    expect((await job('nope')).status).toBe(400);
    expect((await job('00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
