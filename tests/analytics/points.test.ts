import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reversePoints } from '../../server/features/points/service.js';
import { createTestEnv, loginAs, startServer, type TestEnv } from '../support/db.js';
import { act, fixedTicket, tick } from '../jobs/helpers.js';

let env: TestEnv;
let server: { baseUrl: string; close(): Promise<void> };

beforeAll(async () => {
  env = await createTestEnv();
  server = await startServer(env.ctx);
});
afterAll(async () => {
  await server?.close();
  await env?.close();
});

const ledgerOf = (ticketId: number) => env.db('points_ledger').where({ ticket_id: ticketId }).orderBy('id').select('*');

async function pointsFor(month: string, as = 'direktur') {
  const token = await loginAs(server.baseUrl, env.utility, as);
  const res = await fetch(`${server.baseUrl}/api/v1/analytics/points?month=${month}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as any;
}

describe('incentive points', () => {
  it('credits the crew when the admin closes the ticket, not when it is fixed: High 5, Normal 2, Critical 5', async () => {
    env.clock.set('2026-04-10T02:00:00Z');
    const high = await fixedTicket(env, 'high', 1);
    const normal = await fixedTicket(env, 'normal', 1);
    const critical = await fixedTicket(env, 'critical', 2);
    expect(await ledgerOf(high)).toHaveLength(0);
    for (const id of [high, normal, critical]) await act(env, 'admin', id, 'close');
    const rows = [...(await ledgerOf(high)), ...(await ledgerOf(normal)), ...(await ledgerOf(critical))];
    expect(rows.map((r) => [r.entry, r.points, r.crew_id])).toEqual([
      ['credit', 5, env.crews[0]],
      ['credit', 2, env.crews[0]],
      ['credit', 5, env.crews[1]],
    ]);
    // The worker's sweep finds nothing left to credit: one credit per close.
    const report = await tick(env);
    expect(report.pointsCredited).toBe(0);
    expect(await ledgerOf(high)).toHaveLength(1);

    const april = await pointsFor('2026-04');
    const crew = (i: number) => april.crews.find((c: any) => c.crewId === env.crews[i]);
    expect(crew(0)).toMatchObject({ points: 7, credited: { critical: 0, high: 1, normal: 1 }, reversals: 0 });
    expect(crew(1)).toMatchObject({ points: 5, credited: { critical: 1, high: 0, normal: 0 } });
    expect(april.totalPoints).toBe(12);
    expect((await pointsFor('2026-05')).totalPoints).toBe(0);
  });

  it('takes the points back with one reversal row on a repeat report, once, and credits again on the next close', async () => {
    env.clock.set('2026-04-20T02:00:00Z');
    const id = await fixedTicket(env, 'high', 2);
    await act(env, 'admin', id, 'close');
    env.clock.advanceMinutes(120);
    const reversal = await reversePoints(env.ctx, id, 'Lapor ulang dalam 6 jam');
    expect(reversal).toMatchObject({ entry: 'reversal', points: -5, crewId: env.crews[1], reason: 'Lapor ulang dalam 6 jam' });
    expect(await reversePoints(env.ctx, id, 'again')).toBeNull();
    let rows = await ledgerOf(id);
    expect(rows.map((r) => [r.entry, r.points])).toEqual([['credit', 5], ['reversal', -5]]);
    expect(rows[1].reverses_id).toBe(rows[0].id);

    // Reopening belongs to the later repeat-report issue; here the ticket is put back to fixed by hand.
    await env.db('tickets').where({ id }).update({ status: 'fixed' });
    env.clock.advanceMinutes(60);
    await act(env, 'admin', id, 'close');
    rows = await ledgerOf(id);
    expect(rows.map((r) => [r.entry, r.points])).toEqual([['credit', 5], ['reversal', -5], ['credit', 5]]);
    const crew2 = (await pointsFor('2026-04')).crews.find((c: any) => c.crewId === env.crews[1]);
    // Crew 2 also closed the Critical one above: 5 + (5 - 5) + 5.
    expect(crew2).toMatchObject({ points: 10, creditedPoints: 15, reversedPoints: 5, reversals: 1, credited: { critical: 1, high: 2, normal: 0 } });
  });

  it('has nothing to take back from a ticket never closed', async () => {
    env.clock.set('2026-04-25T02:00:00Z');
    const id = await fixedTicket(env, 'normal', 1);
    expect(await reversePoints(env.ctx, id, 'Lapor ulang')).toBeNull();
    await expect(reversePoints(env.ctx, 999_999_999, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('credits a close written without the workflow (imported history) on the worker’s sweep', async () => {
    env.clock.set('2026-04-26T02:00:00Z');
    const id = await fixedTicket(env, 'normal', 2);
    const closeAt = new Date('2026-04-26T03:00:00Z');
    await env.db('tickets').where({ id }).update({ status: 'closed', closed_at: closeAt });
    await env.db('ticket_events').insert({ utility_id: env.utility.id, ticket_id: id, action: 'close', actor_kind: 'staff', from_status: 'fixed', to_status: 'closed', at: closeAt });
    const report = await tick(env);
    expect(report.pointsCredited).toBe(1);
    expect((await ledgerOf(id)).map((r) => [r.entry, r.points, r.at.toISOString()])).toEqual([['credit', 2, closeAt.toISOString()]]);
  });

  it('counts a month in the utility’s time zone: a close at 23:30 WITA on 30 April is April’s', async () => {
    env.clock.set('2026-04-30T15:00:00Z');
    const id = await fixedTicket(env, 'high', 1);
    env.clock.set('2026-04-30T15:30:00Z'); // 23:30 WITA
    await act(env, 'admin', id, 'close');
    const crew1 = (m: string) => pointsFor(m).then((r) => r.crews.find((c: any) => c.crewId === env.crews[0]).points);
    expect(await crew1('2026-04')).toBe(7 + 5);
    expect(await crew1('2026-05')).toBe(0);
  });

  it('lets Critical follow a utility’s own High figure', async () => {
    const other = await createTestEnv({ settings: { points: { high: 6, normal: 3 } } });
    try {
      other.clock.set('2026-04-10T02:00:00Z');
      const c = await fixedTicket(other, 'critical', 1);
      const n = await fixedTicket(other, 'normal', 1);
      await act(other, 'admin', c, 'close');
      await act(other, 'admin', n, 'close');
      const rows = await other.db('points_ledger').whereIn('ticket_id', [c, n]).orderBy('id').select('points');
      expect(rows.map((r) => r.points)).toEqual([6, 3]);
    } finally {
      await other.close();
    }
  });

  it('downloads the month as CSV', async () => {
    const token = await loginAs(server.baseUrl, env.utility, 'kabag');
    const res = await fetch(`${server.baseUrl}/api/v1/analytics/points?month=2026-04&format=csv`, { headers: { authorization: `Bearer ${token}` } });
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe('\uFEFFCrew code,Crew,Critical closed,High closed,Normal closed,Points credited,Reversals,Points taken back,Points'.slice(1));
    expect(lines).toContain('C2,Crew 2,1,2,1,17,1,5,12');
  });
});
