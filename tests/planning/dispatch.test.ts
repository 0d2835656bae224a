import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loginAs, startServer, type TestEnv } from '../support/db.js';
import { api, insertTickets, pointInArea } from './support.js';

let env: TestEnv;
let server: { baseUrl: string; close(): Promise<void> };
let dispatcher: string;
const TODAY = '2026-11-24';
let plan: any;

beforeAll(async () => {
  env = await createTestEnv({ crews: 2 });
  env.clock.set('2026-11-23T23:00:00Z'); // 07:00 WITA
  server = await startServer(env.ctx);
  dispatcher = await loginAs(server.baseUrl, env.utility, 'dispatcher');
  const ids = await insertTickets(env, Array.from({ length: 10 }, (_, i) => pointInArea(i)));
  // Both crews get stops: two pins each on the draft ('makespan' shares the rest out), then it is published.
  const draft = (await api(server.baseUrl, dispatcher, 'POST', '/api/v1/plans', { date: TODAY, objective: 'makespan' })).body;
  for (const [i, id] of ids.slice(0, 4).entries()) await api(server.baseUrl, dispatcher, 'POST', `/api/v1/plans/${draft.id}/pins`, { ticketId: id, crewId: env.crews[i % 2] });
  plan = (await api(server.baseUrl, dispatcher, 'POST', `/api/v1/plans/${draft.id}/publish`, {})).body.plan;
});
afterAll(async () => {
  await server?.close();
  await env?.close();
});

describe('immediate dispatch of Critical and High tickets', () => {
  let critical: number;
  let busy: any;

  it('ranks crews by earliest arrival from where they are, within their shifts', async () => {
    expect(plan.routes.every((r: any) => r.stops.length >= 2)).toBe(true);
    env.clock.set('2026-11-24T02:00:00Z'); // 10:00 WITA
    // Crew 1 has fixed its first stop and is on site at its second since 09:55.
    busy = plan.routes.find((r: any) => r.crewId === env.crews[0]);
    await env.db('tickets').where({ id: busy.stops[0].ticketId }).update({ status: 'fixed', fixed_at: new Date('2026-11-24T01:30:00Z') });
    await env.db('tickets').where({ id: busy.stops[1].ticketId }).update({ status: 'on_site', on_site_at: new Date('2026-11-24T01:55:00Z') });
    [critical] = await insertTickets(env, [{ ...pointInArea(3), priority: 'critical', category: 'pipe_burst', receivedAt: new Date('2026-11-24T01:50:00Z') }]);

    const res = await api(server.baseUrl, dispatcher, 'GET', `/api/v1/dispatch/suggestions?ticketId=${critical}`);
    expect(res.status).toBe(200);
    const options = res.body.options;
    expect(options.length).toBe(2);
    for (let i = 1; i < options.length; i++) expect(Date.parse(options[i].arrivalAt)).toBeGreaterThanOrEqual(Date.parse(options[i - 1].arrivalAt));
    for (const o of options) {
      expect(Date.parse(o.arrivalAt)).toBeGreaterThanOrEqual(Date.parse('2026-11-24T02:00:00Z'));
      expect(Date.parse(o.endAt)).toBeLessThanOrEqual(Date.parse('2026-11-24T08:00:00Z')); // 16:00 WITA
      expect(o.dropsTicketIds).toEqual([]);
    }
    // Crew 1 is busy on site until 09:55 + 35 min: it cannot be there before 10:30.
    const one = options.find((o: any) => o.crewId === env.crews[0]);
    expect(Date.parse(one.arrivalAt)).toBeGreaterThanOrEqual(Date.parse('2026-11-24T02:30:00Z'));
  });

  it('inserts the ticket into the chosen crew day on confirm: a new version, done stops kept, later stops re-timed', async () => {
    const suggestion = (await api(server.baseUrl, dispatcher, 'GET', `/api/v1/dispatch/suggestions?ticketId=${critical}`)).body.options[0];
    const res = await api(server.baseUrl, dispatcher, 'POST', '/api/v1/dispatch', { ticketId: critical, crewId: suggestion.crewId });
    expect(res.status).toBe(201);
    expect(res.body.kind).toBe('dispatch');
    expect(res.body.version).toBe(plan.version + 1);
    const route = res.body.routes.find((r: any) => r.crewId === suggestion.crewId);
    const stop = route.stops.find((s: any) => s.ticketId === critical);
    expect(stop.eta).toBe(suggestion.arrivalAt);
    expect(Date.parse(route.endAt)).toBeLessThanOrEqual(Date.parse(route.shiftEndAt));
    let last = 0;
    for (const s of route.stops) {
      expect(Date.parse(s.eta)).toBeGreaterThanOrEqual(last);
      last = Date.parse(s.departAt);
    }
    const oldRoute = plan.routes.find((r: any) => r.crewId === suggestion.crewId);
    if (suggestion.crewId === env.crews[0]) {
      // What crew 1 has done or is doing stays first, with its times.
      expect(route.stops.slice(0, 2).map((s: any) => [s.ticketId, s.eta])).toEqual(oldRoute.stops.slice(0, 2).map((s: any) => [s.ticketId, s.eta]));
    }
    const others = res.body.routes.filter((r: any) => r.crewId !== suggestion.crewId);
    for (const r of others) {
      const before = plan.routes.find((o: any) => o.crewId === r.crewId);
      expect(r.stops.map((s: any) => [s.ticketId, s.eta])).toEqual(before.stops.map((s: any) => [s.ticketId, s.eta]));
    }
    expect(route.stops).toHaveLength(oldRoute.stops.length + 1);
    const t = await env.db('tickets').where({ id: critical }).first('status', 'crew_id');
    expect(t).toEqual({ status: 'assigned', crew_id: suggestion.crewId });
    const [event] = await env.db('ticket_events').where({ ticket_id: critical, action: 'assign' });
    expect(event.note).toBe('immediate dispatch');
    expect(event.data.planId).toBe(res.body.id);
    // The earlier version is untouched.
    const v1 = (await api(server.baseUrl, dispatcher, 'GET', `/api/v1/plans/${plan.id}`)).body;
    expect(v1.routes.flatMap((r: any) => r.stops.map((s: any) => s.ticketId))).not.toContain(critical);
  });

  it('a dispatched ticket cannot be dispatched twice (CONFLICT)', async () => {
    const res = await api(server.baseUrl, dispatcher, 'GET', `/api/v1/dispatch/suggestions?ticketId=${critical}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
  });

  it('when every shift is full, the suggestion drops Normal stops from the end of a day (they roll over)', async () => {
    // 14:30 WITA, nobody has reported progress: each crew still has hours of stops and 90 minutes of shift.
    env.clock.set('2026-11-24T06:30:00Z');
    const [high] = await insertTickets(env, [{ ...pointInArea(5), priority: 'high', category: 'visible_leak' }]);
    const res = await api(server.baseUrl, dispatcher, 'GET', `/api/v1/dispatch/suggestions?ticketId=${high}`);
    expect(res.status).toBe(200);
    const [best] = res.body.options;
    expect(best.dropsTicketIds.length).toBeGreaterThan(0);
    for (const o of res.body.options) expect(Date.parse(o.endAt)).toBeLessThanOrEqual(Date.parse('2026-11-24T08:00:00Z'));
    const confirmed = await api(server.baseUrl, dispatcher, 'POST', '/api/v1/dispatch', { ticketId: high, crewId: best.crewId });
    expect(confirmed.status).toBe(201);
    const route = confirmed.body.routes.find((r: any) => r.crewId === best.crewId);
    expect(route.stops.map((s: any) => s.ticketId)).toContain(high);
    expect(Date.parse(route.endAt)).toBeLessThanOrEqual(Date.parse(route.shiftEndAt));
    for (const id of best.dropsTicketIds) {
      expect(route.stops.map((s: any) => s.ticketId)).not.toContain(id);
      expect(confirmed.body.unplanned.find((u: any) => u.ticketId === id)?.reason).toBe('shift_full');
      expect((await env.db('tickets').where({ id }).first('status')).status).toBe('spk_issued');
    }
  });

  it('refuses a Normal ticket (it goes to the daily plan) and a ticket without SPK', async () => {
    const [normal, raw] = await insertTickets(env, [pointInArea(20), { ...pointInArea(21), priority: null, status: 'received' }]);
    const a = await api(server.baseUrl, dispatcher, 'GET', `/api/v1/dispatch/suggestions?ticketId=${normal}`);
    expect(a.status).toBe(400);
    expect(a.body.error.code).toBe('VALIDATION_FAILED');
    expect(a.body.error.field).toBe('ticketId');
    const b = await api(server.baseUrl, dispatcher, 'POST', '/api/v1/dispatch', { ticketId: raw, crewId: env.crews[0] });
    expect(b.status).toBe(422);
    expect(b.body.error.code).toBe('TICKET_WITHOUT_SPK');
    expect((await env.db('tickets').where({ id: raw }).first('status')).status).toBe('received');
  });
});
