import { describe, expect, it } from 'vitest';
import { loginAs } from '../support/db.js';
import { api, countRows, insertTickets, pointInArea, usePlanningServer } from './support.js';

const DATE = '2026-11-24';
const fx = usePlanningServer({ crews: 2 });

describe('POST /api/v1/plans', () => {
  let normal: number[] = [];
  let urgent: number[] = [];
  let plan: any;

  it('plans a day: every ticket of the pool in exactly one route or unplanned, no route past its shift, urgent ones served', async () => {
    normal = await insertTickets(fx.env, Array.from({ length: 16 }, (_, i) => ({ ...pointInArea(i), priority: 'normal' as const })));
    urgent = await insertTickets(fx.env, [
      { ...pointInArea(100), priority: 'critical', category: 'pipe_burst' },
      { ...pointInArea(101), priority: 'high', category: 'pipe_burst' },
      { ...pointInArea(102), priority: 'high' },
    ]);
    const res = await api(fx.server.baseUrl, fx.dispatcher, 'POST', '/api/v1/plans', { date: DATE });
    expect(res.status).toBe(201);
    plan = res.body;
    expect(plan.version).toBe(1);
    expect(plan.status).toBe('draft');
    expect(plan.basedOn).toBeNull();
    expect(plan.date).toBe(DATE);
    expect(plan.routes).toHaveLength(2);

    const seen = new Map<number, number>();
    for (const r of plan.routes) for (const s of r.stops) seen.set(s.ticketId, (seen.get(s.ticketId) ?? 0) + 1);
    for (const u of plan.unplanned) seen.set(u.ticketId, (seen.get(u.ticketId) ?? 0) + 1);
    for (const id of [...normal, ...urgent]) expect(seen.get(id), `ticket ${id}`).toBe(1);
    for (const id of urgent) expect(plan.unplanned.map((u: any) => u.ticketId)).not.toContain(id);

    for (const r of plan.routes) {
      expect(Date.parse(r.endAt)).toBeLessThanOrEqual(Date.parse(r.shiftEndAt));
      expect(Date.parse(r.startAt)).toBeGreaterThanOrEqual(Date.parse(r.shiftStartAt));
      let last = Date.parse(r.startAt);
      r.stops.forEach((s: any, i: number) => {
        expect(s.seq).toBe(i + 1);
        expect(Date.parse(s.eta)).toBeGreaterThanOrEqual(last);
        last = Date.parse(s.departAt);
      });
    }
    expect(plan.summary.served.critical + plan.summary.served.high).toBe(3);
    expect(plan.summary.served.total).toBe(plan.routes.reduce((a: number, r: any) => a + r.stops.length, 0));
    expect(plan.baseline.km).toBeGreaterThan(0);
    expect(plan.savings.km).toBeCloseTo(plan.baseline.km - plan.summary.km, 1);
  });

  it('stores the route as a PostGIS LineString from the base through the stops back to the base', async () => {
    const rows = await fx.env.db('plan_routes').where({ plan_id: plan.id }).select('crew_id', fx.env.db.raw('ST_NPoints(path::geometry) AS points'), fx.env.db.raw('ST_GeometryType(path::geometry) AS kind'), fx.env.db.raw('ST_SRID(path::geometry) AS srid'));
    for (const row of rows) {
      const route = plan.routes.find((r: any) => r.crewId === row.crew_id);
      if (route.stops.length === 0) {
        expect(row.points).toBeNull();
        continue;
      }
      expect(row.kind).toBe('ST_LineString');
      expect(row.srid).toBe(4326);
      expect(row.points).toBe(route.stops.length + 2);
    }
  });

  it('a draft changes no ticket; publishing moves planned tickets to assigned with their crew and an assign event naming the plan', async () => {
    for (const id of [...normal, ...urgent]) {
      expect(await fx.env.db('tickets').where({ id }).first('status', 'crew_id'), `ticket ${id}`).toEqual({ status: 'spk_issued', crew_id: null });
    }
    expect(await fx.env.db('ticket_events').whereIn('ticket_id', [...normal, ...urgent]).andWhere({ action: 'assign' })).toHaveLength(0);
    const published = await api(fx.server.baseUrl, fx.dispatcher, 'POST', `/api/v1/plans/${plan.id}/publish`, {});
    expect(published.status).toBe(200);
    expect(published.body.published).toBe(true);
    expect(published.body.plan.status).toBe('published');
    expect(published.body.plan.id).toBe(plan.id);
    for (const r of plan.routes) {
      for (const s of r.stops) {
        const t = await fx.env.db('tickets').where({ id: s.ticketId }).first('status', 'crew_id');
        expect(t).toEqual({ status: 'assigned', crew_id: r.crewId });
        const events = await fx.env.db('ticket_events').where({ ticket_id: s.ticketId, action: 'assign' });
        expect(events).toHaveLength(1);
        expect(events[0].data.planId).toBe(plan.id);
        expect(events[0].actor_id).toBe(fx.env.users.dispatcher);
      }
    }
  });

  it('keeps earlier versions when re-planning; GET returns the latest or the version asked for', async () => {
    const again = await api(fx.server.baseUrl, fx.dispatcher, 'POST', '/api/v1/plans', { date: DATE, objective: 'makespan' });
    expect(again.status).toBe(201);
    expect(again.body.version).toBe(2);
    expect(again.body.status).toBe('draft');
    expect(again.body.basedOn).toBe(plan.id);
    expect(again.body.objective).toBe('makespan');
    expect(again.body.versions.map((v: any) => [v.version, v.status])).toEqual([
      [1, 'published'],
      [2, 'draft'],
    ]);
    expect((await api(fx.server.baseUrl, fx.dispatcher, 'POST', `/api/v1/plans/${again.body.id}/publish`, {})).status).toBe(200);

    const latest = await api(fx.server.baseUrl, fx.dispatcher, 'GET', `/api/v1/plans?date=${DATE}`);
    expect(latest.body.id).toBe(again.body.id);
    const first = await api(fx.server.baseUrl, fx.dispatcher, 'GET', `/api/v1/plans?date=${DATE}&version=1`);
    expect(first.body.id).toBe(plan.id);
    expect(first.body.routes.map((r: any) => r.stops.map((s: any) => s.ticketId))).toEqual(plan.routes.map((r: any) => r.stops.map((s: any) => s.ticketId)));
    // Re-planned tickets that stay with their crew get no second event.
    for (const r of again.body.routes) {
      for (const s of r.stops) {
        const t = await fx.env.db('tickets').where({ id: s.ticketId }).first('status', 'crew_id');
        expect(t.crew_id).toBe(r.crewId);
      }
    }
  });

  it('pins a ticket to the other crew, moves it back, and re-optimises the rest each time', async () => {
    const latest = (await api(fx.server.baseUrl, fx.dispatcher, 'GET', `/api/v1/plans?date=${DATE}`)).body;
    const [a, b] = latest.routes;
    const from = a.stops.length > 0 ? a : b;
    const to = from === a ? b : a;
    const ticketId = from.stops[0].ticketId;
    // A pin on the published plan makes a new draft with it; the ticket moves when the draft is published.
    const pinned = await api(fx.server.baseUrl, fx.dispatcher, 'POST', `/api/v1/plans/${latest.id}/pins`, { ticketId, crewId: to.crewId });
    expect(pinned.status).toBe(201);
    expect(pinned.body.kind).toBe('reoptimise');
    expect(pinned.body.status).toBe('draft');
    expect(pinned.body.version).toBe(latest.version + 1);
    const stop = pinned.body.routes.find((r: any) => r.crewId === to.crewId).stops.find((s: any) => s.ticketId === ticketId);
    expect(stop.pinned).toBe(true);
    expect((await fx.env.db('tickets').where({ id: ticketId }).first('crew_id')).crew_id).toBe(from.crewId);
    expect((await api(fx.server.baseUrl, fx.dispatcher, 'POST', `/api/v1/plans/${pinned.body.id}/publish`, {})).status).toBe(200);
    expect((await fx.env.db('tickets').where({ id: ticketId }).first('crew_id')).crew_id).toBe(to.crewId);
    expect(await fx.env.db('plan_pins').where({ ticket_id: ticketId }).first('crew_id')).toEqual({ crew_id: to.crewId });

    // Edits of a draft re-solve it in place (same id).
    const draft = await api(fx.server.baseUrl, fx.dispatcher, 'POST', `/api/v1/plans/${pinned.body.id}/pins`, { ticketId, crewId: from.crewId });
    const moved = await api(fx.server.baseUrl, fx.dispatcher, 'POST', `/api/v1/plans/${draft.body.id}/pins`, { ticketId, crewId: from.crewId });
    expect(moved.body.id).toBe(draft.body.id);
    expect(moved.body.routes.find((r: any) => r.crewId === from.crewId).stops.map((s: any) => s.ticketId)).toContain(ticketId);

    const unpinned = await api(fx.server.baseUrl, fx.dispatcher, 'DELETE', `/api/v1/plans/${moved.body.id}/pins/${ticketId}`);
    expect(unpinned.status).toBe(200);
    expect(unpinned.body.id).toBe(draft.body.id);
    const all = unpinned.body.routes.flatMap((r: any) => r.stops);
    expect(all.find((s: any) => s.ticketId === ticketId).pinned).toBe(false);
    const again = await api(fx.server.baseUrl, fx.dispatcher, 'DELETE', `/api/v1/plans/${unpinned.body.id}/pins/${ticketId}`);
    expect(again.status).toBe(404);
    expect((await api(fx.server.baseUrl, fx.dispatcher, 'POST', `/api/v1/plans/${unpinned.body.id}/publish`, {})).status).toBe(200);
    expect(await fx.env.db('plan_pins').where({ ticket_id: ticketId })).toHaveLength(0);
  });

  it('refuses to pin a ticket that has no SPK (TICKET_WITHOUT_SPK) and stores no new version', async () => {
    const [raw] = await insertTickets(fx.env, [{ ...pointInArea(7), priority: null, status: 'received' }]);
    const latest = (await api(fx.server.baseUrl, fx.dispatcher, 'GET', `/api/v1/plans?date=${DATE}`)).body;
    const before = await countRows(fx.env, 'plans');
    const res = await api(fx.server.baseUrl, fx.dispatcher, 'POST', `/api/v1/plans/${latest.id}/pins`, { ticketId: raw, crewId: fx.env.crews[0] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('TICKET_WITHOUT_SPK');
    expect(await countRows(fx.env, 'plans')).toBe(before);
    expect(await countRows(fx.env, 'plan_pins')).toBe(0);
  });

  it('lets only dispatchers and admins plan', async () => {
    const crewToken = await loginAs(fx.server.baseUrl, fx.env.utility, 'crew1');
    const res = await api(fx.server.baseUrl, crewToken, 'POST', '/api/v1/plans', { date: DATE });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('refuses a date in the past or not a date (VALIDATION_FAILED, field date)', async () => {
    for (const date of ['2026-11-22', '24-11-2026', '2026-02-30']) {
      const res = await api(fx.server.baseUrl, fx.dispatcher, 'POST', '/api/v1/plans', { date });
      expect(res.status, date).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.field).toBe('date');
    }
  });
});
