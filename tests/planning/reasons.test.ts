import { describe, expect, it } from 'vitest';
import { insertTickets, pointInArea, usePlanningServer, planAndPublish } from './support.js';

const DATE = '2026-11-24';
  // Reach widened to 100 km so that a far ticket shows the shift limit rather than the reach limit.
const fx = usePlanningServer({ crews: 2, settings: { planning: { maxReachKm: 100 } } });

describe('unplanned tickets carry the limit they hit', () => {
  let island: number;
  let far: number;
  let beyond: number;
  let near: number[];
  let first: any;

  it('island (no road), beyond reach, shift too short, crew capacity', async () => {
    const [{ id: areaId }] = await fx.env
      .db('areas')
      .insert({
        utility_id: fx.env.utility.id,
        code: 'P-LAE',
        name: 'Pulau Lae-Lae',
        district_code: '7371011',
        district: 'Kepulauan Sangkarrang',
        geom: fx.env.db.raw("ST_GeogFromText('SRID=4326;MULTIPOLYGON(((119.395 -5.14,119.40 -5.14,119.40 -5.135,119.395 -5.135,119.395 -5.14)))')"),
      })
      .returning('id');
    // Lae-Lae is 1.5 km off the coast: close by distance, but no crew can drive there.
    [island] = await insertTickets(fx.env, [{ lat: -5.1375, lon: 119.3975, areaId }]);
    [far] = await insertTickets(fx.env, [{ lat: -5.15, lon: 119.97 }]); // ~60 km: 4 h each way at 20 km/h x 1.35
    [beyond] = await insertTickets(fx.env, [{ lat: -5.15, lon: 120.85 }]); // ~160 km
    near = await insertTickets(fx.env, Array.from({ length: 10 }, (_, i) => pointInArea(i, 0.5)));
    await fx.env.db('crews').whereIn('id', fx.env.crews).update({ capacity_jobs: 3 });

    const res = await planAndPublish(fx.server.baseUrl, fx.dispatcher, { date: DATE });
    expect(res.status).toBe(201);
    first = res.body;
    const reason = new Map(first.unplanned.map((u: any) => [u.ticketId, u.reason]));
    expect(reason.get(island)).toBe('no_crew_in_reach');
    expect(reason.get(beyond)).toBe('no_crew_in_reach');
    expect(reason.get(far)).toBe('shift_too_short');
    for (const r of first.routes) expect(r.stops.length).toBeLessThanOrEqual(3);
    const planned = first.routes.flatMap((r: any) => r.stops.map((s: any) => s.ticketId));
    expect(planned).toHaveLength(6);
    for (const id of near) if (!planned.includes(id)) expect(reason.get(id)).toBe('crew_capacity');
    const message = first.unplanned.find((u: any) => u.ticketId === island).message;
    expect(message).toMatch(/by road/);
    expect((await fx.env.db('tickets').where({ id: island }).first('status')).status).toBe('spk_issued');
  });

  it('a re-plan that leaves out a ticket an earlier version assigned sends it back to spk_issued, to roll over', async () => {
    await fx.env.db('crews').whereIn('id', fx.env.crews).update({ capacity_jobs: 1 });
    const res = await planAndPublish(fx.server.baseUrl, fx.dispatcher, { date: DATE });
    expect(res.status).toBe(201);
    const planned = new Set(res.body.routes.flatMap((r: any) => r.stops.map((s: any) => s.ticketId)));
    expect(planned.size).toBe(2);
    const before = first.routes.flatMap((r: any) => r.stops.map((s: any) => s.ticketId));
    const dropped = before.filter((id: number) => !planned.has(id));
    expect(dropped.length).toBe(6 - before.filter((id: number) => planned.has(id)).length);
    expect(dropped.length).toBeGreaterThanOrEqual(4);
    for (const id of dropped) {
      const t = await fx.env.db('tickets').where({ id }).first('status', 'crew_id', 'assigned_at');
      expect(t).toEqual({ status: 'spk_issued', crew_id: null, assigned_at: null });
      const [event] = await fx.env.db('ticket_events').where({ ticket_id: id, action: 'unassign' });
      expect(event.from_status).toBe('assigned');
      expect(event.data.reason).toBe('crew_capacity');
      expect(event.data.planId).toBe(res.body.id);
    }
    await fx.env.db('crews').whereIn('id', fx.env.crews).update({ capacity_jobs: null });
  });

  it('a ticket assigned by hand stays with its crew (treated as pinned)', async () => {
    const [manual] = await insertTickets(fx.env, [{ ...pointInArea(50), status: 'assigned', crewId: fx.env.crews[1] }]);
    const res = await planAndPublish(fx.server.baseUrl, fx.dispatcher, { date: DATE });
    const route = res.body.routes.find((r: any) => r.crewId === fx.env.crews[1]);
    const stop = route.stops.find((s: any) => s.ticketId === manual);
    expect(stop.pinned).toBe(true);
    const [{ count }] = await fx.env.db('ticket_events').where({ ticket_id: manual }).count<{ count: string }[]>({ count: '*' });
    expect(Number(count)).toBe(0);
  });
});
