/**
 * Cancelling a solve over HTTP (issue 10): the console's "Batalkan" aborts the
 * request; the server stops the solve (its AbortSignal) and stores nothing. The
 * solver is held open here so the cancel lands mid-solve on any machine.
 */
import { describe, expect, it, vi } from 'vitest';
import { insertTickets, pointInArea, usePlanningServer } from '../../planning/support.js';
import { holdNextSolve } from './held-solve.js';

vi.mock('../../../server/platform/solver/pool.js', async (importOriginal) => (await import('./held-solve.js')).holdingPool(await importOriginal()));

const DATE = '2026-11-24';
const fx = usePlanningServer({ crews: 2 });

/** Starts a request whose solve is held, waits until the solve runs, aborts the request, waits until the solve saw it. */
async function cancelMidSolve(method: string, path: string, body: unknown): Promise<unknown> {
  const { started, aborted } = holdNextSolve();
  const client = new AbortController();
  const request = fetch(`${fx.server.baseUrl}${path}`, {
    method,
    signal: client.signal,
    headers: { authorization: `Bearer ${fx.dispatcher}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).catch((error: unknown) => error);
  await started;
  client.abort();
  await aborted;
  return request;
}

const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${fx.server.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${fx.dispatcher}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
};

describe('a solve the dispatcher cancels', () => {
  it('planning: the aborted request stops its solve and stores no draft; the next plan is version 1', async () => {
    await insertTickets(fx.env, Array.from({ length: 6 }, (_, i) => ({ ...pointInArea(i), priority: 'normal' as const })));
    const outcome = await cancelMidSolve('POST', '/api/v1/plans', { date: DATE });
    expect((outcome as Error).name).toBe('AbortError');
    expect(await fx.env.db('plans').where({ utility_id: fx.env.utility.id })).toHaveLength(0);

    const next = await call('POST', '/api/v1/plans', { date: DATE });
    expect(next.status).toBe(201);
    expect(next.body.version).toBe(1);
  });

  it('an edit that asks the planner again (put back): cancelled, it leaves the draft as it was (no edit recorded, same stops)', async () => {
    const draft = (await call('GET', `/api/v1/plans?date=${DATE}`)).body;
    const [first, second] = draft.routes;
    const ticket = first.stops[0].ticketId;
    // A pin is a local edit: no solve, nothing to cancel; the ticket moves and no other stop does.
    const pinned = await call('POST', `/api/v1/plans/${draft.id}/pins`, { ticketId: ticket, crewId: second.crewId });
    expect(pinned.status).toBe(201);
    expect(pinned.body.routes.find((r: any) => r.crewId === second.crewId).stops.some((s: any) => s.ticketId === ticket && s.pinned)).toBe(true);
    const removed = await call('POST', `/api/v1/plans/${draft.id}/removals`, { ticketId: ticket });
    expect(removed.status).toBe(201);
    const edits = (await fx.env.db('plan_edits').where({ plan_id: draft.id })).length;

    await cancelMidSolve('DELETE', `/api/v1/plans/${draft.id}/removals/${ticket}`, undefined);
    expect(await fx.env.db('plan_edits').where({ plan_id: draft.id })).toHaveLength(edits);
    const after = (await call('GET', `/api/v1/plans/${draft.id}`)).body;
    expect(after.routes.map((r: any) => r.stops.map((s: any) => s.ticketId))).toEqual(removed.body.routes.map((r: any) => r.stops.map((s: any) => s.ticketId)));
    expect(after.unplanned.map((u: any) => u.ticketId)).toContain(ticket);

    const back = await call('DELETE', `/api/v1/plans/${draft.id}/removals/${ticket}`);
    expect(back.status).toBe(200);
    expect(back.body.unplanned.map((u: any) => u.ticketId)).not.toContain(ticket);
  });
});
