/**
 * The bug issue 9 names: a re-plan silently moving a Critical ticket that a
 * crew was dispatched to (and is driving to). A dispatch is the dispatcher's
 * decision for that crew, like a hand assignment: it is kept as a pin of the
 * day, so re-plans leave the ticket with its crew until someone unpins it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loginAs, startServer, type TestEnv } from '../../support/db.js';
import { api, insertTickets } from '../../planning/support.js';

let env: TestEnv;
let server: { baseUrl: string; close(): Promise<void> };
let dispatcher: string;

beforeAll(async () => {
  env = await createTestEnv({ crews: 2 });
  env.clock.set('2026-11-24T01:00:00Z'); // 09:00 WITA
  server = await startServer(env.ctx);
  dispatcher = await loginAs(server.baseUrl, env.utility, 'dispatcher');
});
afterAll(async () => {
  await server?.close();
  await env?.close();
});

const crewOf = (plan: any, ticketId: number) => plan.routes.find((r: any) => r.stops.some((s: any) => s.ticketId === ticketId))?.crewId ?? null;

describe('a dispatched ticket and later re-plans', () => {
  it('stays with the crew it was dispatched to, even when another crew is nearer', async () => {
    // Crew 1's base is (-5.14, 119.41), crew 2's (-5.15, 119.42). The Critical ticket lies beside crew 2's base
    // and a Normal one beside each base; the dispatcher sends crew 1 anyway (crew 2 is known to be on another job).
    const [critical] = await insertTickets(env, [{ lat: -5.1503, lon: 119.4203, priority: 'critical', category: 'pipe_burst' }]);
    await insertTickets(env, [
      { lat: -5.1403, lon: 119.4103 },
      { lat: -5.1497, lon: 119.4197 },
    ]);
    const suggestions = await api(server.baseUrl, dispatcher, 'GET', `/api/v1/dispatch/suggestions?ticketId=${critical}`);
    expect(suggestions.body.options[0].crewId).toBe(env.crews[1]); // crew 2 is the nearer
    const dispatched = await api(server.baseUrl, dispatcher, 'POST', '/api/v1/dispatch', { ticketId: critical, crewId: env.crews[0] });
    expect(dispatched.status).toBe(201);
    expect(crewOf(dispatched.body, critical)).toBe(env.crews[0]);

    const draft = await api(server.baseUrl, dispatcher, 'POST', `/api/v1/plans/${dispatched.body.id}/reoptimise`);
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe('draft');
    const replanned = { body: (await api(server.baseUrl, dispatcher, 'POST', `/api/v1/plans/${draft.body.id}/publish`, {})).body.plan };
    expect(replanned.body.status).toBe('published');
    expect(crewOf(replanned.body, critical)).toBe(env.crews[0]);
    const stop = replanned.body.routes.flatMap((r: any) => r.stops).find((s: any) => s.ticketId === critical);
    expect(stop.pinned).toBe(true);
    expect(await env.db('tickets').where({ id: critical }).first('status', 'crew_id')).toEqual({ status: 'assigned', crew_id: env.crews[0] });
    expect((await env.db('ticket_events').where({ ticket_id: critical, action: 'assign' })).map((e) => e.data.crewId)).toEqual([env.crews[0]]);

    // Unpinned, it is no longer a pin; but crew 1's day has begun and the ticket is its next stop (it is driving
    // there), so it stays with crew 1 all the same.
    const unpinned = await api(server.baseUrl, dispatcher, 'DELETE', `/api/v1/plans/${replanned.body.id}/pins/${critical}`);
    expect(unpinned.status).toBe(200);
    expect(unpinned.body.status).toBe('draft');
    expect(crewOf(unpinned.body, critical)).toBe(env.crews[0]);
    const route = unpinned.body.routes.find((r: any) => r.crewId === env.crews[0]);
    expect(route.stops[0].ticketId).toBe(critical);
  });
});
