import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loginAs, startServer, type TestEnv } from '../support/db.js';
import { api, countRows, insertTickets, pointInArea } from './support.js';

let env: TestEnv;
let server: { baseUrl: string; close(): Promise<void> };
let dispatcher: string;
const DATE = '2026-11-24';

beforeAll(async () => {
  env = await createTestEnv({ crews: 2 });
  env.clock.set('2026-11-23T23:00:00Z');
  server = await startServer(env.ctx);
  dispatcher = await loginAs(server.baseUrl, env.utility, 'dispatcher');
});
afterAll(async () => {
  await server?.close();
  await env?.close();
});

async function expectNothingStored(ticketIds: number[]) {
  expect(await countRows(env, 'plans')).toBe(0);
  expect(await countRows(env, 'plan_routes')).toBe(0);
  expect(await countRows(env, 'plan_stops')).toBe(0);
  for (const id of ticketIds) expect((await env.db('tickets').where({ id }).first('status')).status).toBe('spk_issued');
  const [{ count }] = await env.db('ticket_events').whereIn('ticket_id', ticketIds.length ? ticketIds : [0]).count<{ count: string }[]>({ count: '*' });
  expect(Number(count)).toBe(0);
}

describe('planning refusals: a clear code and message, nothing stored', () => {
  it('a day with no ticket to plan: NOTHING_TO_PLAN', async () => {
    await insertTickets(env, [{ ...pointInArea(1), priority: null, status: 'received' }]);
    const res = await api(server.baseUrl, dispatcher, 'POST', '/api/v1/plans', { date: DATE });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('NOTHING_TO_PLAN');
    expect(res.body.error.messageId).toMatch(/SPK/);
    await expectNothingStored([]);
  });

  let tickets: number[] = [];
  it('a crew without a base: CREW_WITHOUT_BASE naming the crew', async () => {
    tickets = await insertTickets(env, Array.from({ length: 5 }, (_, i) => pointInArea(i)));
    await env.db('crews').where({ id: env.crews[1] }).update({ base: null });
    try {
      const res = await api(server.baseUrl, dispatcher, 'POST', '/api/v1/plans', { date: DATE });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('CREW_WITHOUT_BASE');
      expect(res.body.error.message).toContain('C2');
      expect(res.body.error.details.crews).toEqual([{ id: env.crews[1], code: 'C2', name: 'Crew 2' }]);
      await expectNothingStored(tickets);
    } finally {
      await env.db('crews').where({ id: env.crews[1] }).update({ base: env.db.raw("ST_GeogFromText('SRID=4326;POINT(119.42 -5.15)')") });
    }
  });

  it('a shift shorter than one job: SHIFT_TOO_SHORT naming the crew and its shift', async () => {
    await env.db('crews').where({ id: env.crews[0] }).update({ shift_start: '08:00', shift_end: '08:10' });
    try {
      const res = await api(server.baseUrl, dispatcher, 'POST', '/api/v1/plans', { date: DATE });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('SHIFT_TOO_SHORT');
      expect(res.body.error.message).toContain('C1 (08:00-08:10)');
      await expectNothingStored(tickets);
    } finally {
      await env.db('crews').where({ id: env.crews[0] }).update({ shift_start: '08:00', shift_end: '16:00' });
    }
  });

  it('a day with no crew: NO_CREWS_ON_SHIFT', async () => {
    await env.db('crews').whereIn('id', env.crews).update({ active: false });
    try {
      const res = await api(server.baseUrl, dispatcher, 'POST', '/api/v1/plans', { date: DATE });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('NO_CREWS_ON_SHIFT');
      await expectNothingStored(tickets);
    } finally {
      await env.db('crews').whereIn('id', env.crews).update({ active: true });
    }
  });

  it('a day whose shifts have all ended: NO_CREWS_ON_SHIFT', async () => {
    env.clock.set('2026-11-24T09:00:00Z'); // 17:00 WITA
    try {
      const res = await api(server.baseUrl, dispatcher, 'POST', '/api/v1/plans', { date: DATE });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('NO_CREWS_ON_SHIFT');
      await expectNothingStored(tickets);
    } finally {
      env.clock.set('2026-11-23T23:00:00Z');
    }
  });

  it('a missing date: VALIDATION_FAILED on date', async () => {
    const res = await api(server.baseUrl, dispatcher, 'POST', '/api/v1/plans', {});
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('date');
    await expectNothingStored(tickets);
  });

  it('with the setup fixed, the same day plans', async () => {
    const res = await api(server.baseUrl, dispatcher, 'POST', '/api/v1/plans', { date: DATE });
    expect(res.status).toBe(201);
    expect(res.body.summary.served.total + res.body.unplanned.length).toBe(tickets.length);
  });

  it('a pin whose re-plan is refused is not kept', async () => {
    const plan = (await api(server.baseUrl, dispatcher, 'GET', `/api/v1/plans?date=${DATE}`)).body;
    const versions = await countRows(env, 'plans');
    await env.db('crews').where({ id: env.crews[1] }).update({ base: null });
    try {
      const res = await api(server.baseUrl, dispatcher, 'POST', `/api/v1/plans/${plan.id}/pins`, { ticketId: tickets[0], crewId: env.crews[0] });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('CREW_WITHOUT_BASE');
      expect(await countRows(env, 'plan_pins')).toBe(0);
      expect(await countRows(env, 'plans')).toBe(versions);
    } finally {
      await env.db('crews').where({ id: env.crews[1] }).update({ base: env.db.raw("ST_GeogFromText('SRID=4326;POINT(119.42 -5.15)')") });
    }
  });

  it('an unknown plan: NOT_FOUND', async () => {
    const res = await api(server.baseUrl, dispatcher, 'GET', '/api/v1/plans/999999999');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    const none = await api(server.baseUrl, dispatcher, 'GET', '/api/v1/plans?date=2026-12-31');
    expect(none.status).toBe(404);
  });
});
