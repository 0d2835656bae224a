import { everyDay } from '../../server/core/domain/crews.js';
import { describe, expect, it } from 'vitest';
import { api, countRows, insertTickets, pointInArea, usePlanningServer } from './support.js';

const DATE = '2026-11-24';
const fx = usePlanningServer({ crews: 2 });

async function expectNothingStored(ticketIds: number[]) {
  expect(await countRows(fx.env, 'plans')).toBe(0);
  expect(await countRows(fx.env, 'plan_routes')).toBe(0);
  expect(await countRows(fx.env, 'plan_stops')).toBe(0);
  for (const id of ticketIds) expect((await fx.env.db('tickets').where({ id }).first('status')).status).toBe('spk_issued');
  const [{ count }] = await fx.env.db('ticket_events').whereIn('ticket_id', ticketIds.length ? ticketIds : [0]).count<{ count: string }[]>({ count: '*' });
  expect(Number(count)).toBe(0);
}

describe('planning refusals: a clear code and message, nothing stored', () => {
  it('a day with no ticket to plan: NOTHING_TO_PLAN', async () => {
    await insertTickets(fx.env, [{ ...pointInArea(1), priority: null, status: 'received' }]);
    const res = await api(fx.server.baseUrl, fx.dispatcher, 'POST', '/api/v1/plans', { date: DATE });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('NOTHING_TO_PLAN');
    expect(res.body.error.messageId).toMatch(/SPK/);
    await expectNothingStored([]);
  });

  let tickets: number[] = [];
  it('a crew without a base: CREW_WITHOUT_BASE naming the crew', async () => {
    tickets = await insertTickets(fx.env, Array.from({ length: 5 }, (_, i) => pointInArea(i)));
    await fx.env.db('crews').where({ id: fx.env.crews[1] }).update({ base: null });
    try {
      const res = await api(fx.server.baseUrl, fx.dispatcher, 'POST', '/api/v1/plans', { date: DATE });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('CREW_WITHOUT_BASE');
      expect(res.body.error.message).toContain('C2');
      expect(res.body.error.details.crews).toEqual([{ id: fx.env.crews[1], code: 'C2', name: 'Crew 2' }]);
      await expectNothingStored(tickets);
    } finally {
      await fx.env.db('crews').where({ id: fx.env.crews[1] }).update({ base: fx.env.db.raw("ST_GeogFromText('SRID=4326;POINT(119.42 -5.15)')") });
    }
  });

  it('a shift shorter than one job: SHIFT_TOO_SHORT naming the crew and its shift', async () => {
    await fx.env.db('crews').where({ id: fx.env.crews[0] }).update({ shifts: JSON.stringify(everyDay('08:00', '08:10')) });
    try {
      const res = await api(fx.server.baseUrl, fx.dispatcher, 'POST', '/api/v1/plans', { date: DATE });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('SHIFT_TOO_SHORT');
      expect(res.body.error.message).toContain('C1 (08:00-08:10)');
      await expectNothingStored(tickets);
    } finally {
      await fx.env.db('crews').where({ id: fx.env.crews[0] }).update({ shifts: JSON.stringify(everyDay('08:00', '16:00')) });
    }
  });

  it('a day with no crew: NO_CREWS_ON_SHIFT', async () => {
    await fx.env.db('crews').whereIn('id', fx.env.crews).update({ active: false });
    try {
      const res = await api(fx.server.baseUrl, fx.dispatcher, 'POST', '/api/v1/plans', { date: DATE });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('NO_CREWS_ON_SHIFT');
      await expectNothingStored(tickets);
    } finally {
      await fx.env.db('crews').whereIn('id', fx.env.crews).update({ active: true });
    }
  });

  it('a day whose shifts have all ended: NO_CREWS_ON_SHIFT', async () => {
    fx.env.clock.set('2026-11-24T09:00:00Z'); // 17:00 WITA
    try {
      const res = await api(fx.server.baseUrl, fx.dispatcher, 'POST', '/api/v1/plans', { date: DATE });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('NO_CREWS_ON_SHIFT');
      await expectNothingStored(tickets);
    } finally {
      fx.env.clock.set('2026-11-23T23:00:00Z');
    }
  });

  it('a missing date: VALIDATION_FAILED on date', async () => {
    const res = await api(fx.server.baseUrl, fx.dispatcher, 'POST', '/api/v1/plans', {});
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('date');
    await expectNothingStored(tickets);
  });

  it('with the setup fixed, the same day plans', async () => {
    const res = await api(fx.server.baseUrl, fx.dispatcher, 'POST', '/api/v1/plans', { date: DATE });
    expect(res.status).toBe(201);
    expect(res.body.summary.served.total + res.body.unplanned.length).toBe(tickets.length);
  });

  it('a pin whose re-plan is refused is not kept', async () => {
    const plan = (await api(fx.server.baseUrl, fx.dispatcher, 'GET', `/api/v1/plans?date=${DATE}`)).body;
    const versions = await countRows(fx.env, 'plans');
    await fx.env.db('crews').where({ id: fx.env.crews[1] }).update({ base: null });
    try {
      const res = await api(fx.server.baseUrl, fx.dispatcher, 'POST', `/api/v1/plans/${plan.id}/pins`, { ticketId: tickets[0], crewId: fx.env.crews[0] });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('CREW_WITHOUT_BASE');
      expect(await countRows(fx.env, 'plan_pins')).toBe(0);
      expect(await countRows(fx.env, 'plans')).toBe(versions);
    } finally {
      await fx.env.db('crews').where({ id: fx.env.crews[1] }).update({ base: fx.env.db.raw("ST_GeogFromText('SRID=4326;POINT(119.42 -5.15)')") });
    }
  });

  it('an unknown plan: NOT_FOUND', async () => {
    const res = await api(fx.server.baseUrl, fx.dispatcher, 'GET', '/api/v1/plans/999999999');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    const none = await api(fx.server.baseUrl, fx.dispatcher, 'GET', '/api/v1/plans?date=2026-12-31');
    expect(none.status).toBe(404);
  });
});
