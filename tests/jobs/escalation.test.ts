import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../server/platform/db/knex.js';
import { insertStaff } from '../../server/features/auth/repository.js';
import { hashPassword } from '../../server/features/auth/passwords.js';
import { runTick, startWorker } from '../../server/worker.js';
import type { AppContext } from '../../server/platform/context.js';
import type { Priority } from '../../server/core/domain/tickets.js';
import { createTestEnv, loginAs, requireDatabaseUrl, startServer, type TestEnv } from '../support/db.js';
import { act, escalationsOf, newTicket, spkTicket, tick } from './helpers.js';

let env: TestEnv;

beforeAll(async () => {
  env = await createTestEnv();
  // Two directors: a Critical breach pages every holder of the role.
  await insertStaff(env.db, { utilityId: env.utility.id, username: 'direktur2', displayName: 'Second director', role: 'direktur', passwordHash: await hashPassword('x') });
});
afterAll(async () => {
  await env?.close();
});

const inboxOf = (username: string) =>
  env.db('notifications as n').join('staff_users as u', 'u.id', 'n.user_id').where({ 'u.utility_id': env.utility.id, 'u.username': username }).select('n.*');

describe('SLA due times (set by the foundation workflow)', () => {
  it('stores due times counted from intake with the SPK, and moves them when the priority changes', async () => {
    env.clock.set('2026-11-23T01:00:00Z');
    const id = await newTicket(env);
    env.clock.advanceMinutes(5);
    const spk = await act(env, 'admin', id, 'issue_spk', { priority: 'normal' });
    expect(spk.respondDueAt?.toISOString()).toBe('2026-11-23T02:00:00.000Z');
    expect(spk.resolveDueAt?.toISOString()).toBe('2026-11-24T01:00:00.000Z');
    env.clock.advanceMinutes(5);
    const raised = await act(env, 'dispatcher', id, 'prioritise', { priority: 'critical' });
    expect(raised.respondDueAt?.toISOString()).toBe('2026-11-23T01:15:00.000Z');
    expect(raised.resolveDueAt?.toISOString()).toBe('2026-11-23T05:00:00.000Z');
  });
});

const table: { priority: Priority; respond: number; resolve: number; role: string; level: number; holders: string[] }[] = [
  { priority: 'critical', respond: 15, resolve: 240, role: 'direktur', level: 3, holders: ['direktur', 'direktur2'] },
  { priority: 'high', respond: 30, resolve: 720, role: 'kabag', level: 2, holders: ['kabag'] },
  { priority: 'normal', respond: 60, resolve: 1440, role: 'kasie', level: 1, holders: ['kasie'] },
];

describe('automatic escalation, clock driven, over the whole SOP table', () => {
  for (const row of table) {
    it(`${row.priority}: escalates the late response after ${row.respond} min and the late fix after ${row.resolve} min to the ${row.role}, once each`, async () => {
      env.clock.set('2026-12-01T00:00:00Z');
      const start = env.clock.now();
      const id = await spkTicket(env, row.priority);
      const at = (minutes: number) => env.clock.set(new Date(start.getTime() + minutes * 60_000));

      at(row.respond);
      await tick(env);
      expect(await escalationsOf(env, id)).toHaveLength(0);

      at(row.respond + 1);
      await tick(env);
      await tick(env);
      const [respond] = await escalationsOf(env, id);
      expect(await escalationsOf(env, id)).toHaveLength(1);
      expect(respond).toMatchObject({ kind: 'respond', level: row.level, role: row.role, priority: row.priority, met_at: null, event_id: null });
      expect(respond.due_at.toISOString()).toBe(new Date(start.getTime() + row.respond * 60_000).toISOString());
      expect(respond.detected_at.toISOString()).toBe(env.clock.now().toISOString());
      for (const holder of row.holders) {
        const inbox = (await inboxOf(holder)).filter((n) => n.ticket_id === id);
        expect(inbox.map((n) => [n.escalation_id, n.kind])).toEqual([[respond.id, 'escalation.respond']]);
      }
      // Nobody else is paged: the other roles' inboxes hold nothing for this escalation.
      const others = await env.db('notifications').where({ escalation_id: respond.id }).count<{ count: string }[]>({ count: '*' });
      expect(Number(others[0].count)).toBe(row.holders.length);

      // Responding late does not escalate again; the fix is late as well.
      await act(env, 'dispatcher', id, 'assign', { crewId: env.crews[0] });
      at(row.resolve);
      await tick(env);
      expect(await escalationsOf(env, id)).toHaveLength(1);
      at(row.resolve + 1);
      await tick(env);
      at(row.resolve + 600);
      await tick(env);
      const all = await escalationsOf(env, id);
      expect(all.map((e) => [e.kind, e.role, e.level])).toEqual([
        ['respond', row.role, row.level],
        ['resolve', row.role, row.level],
      ]);
    });
  }

  it('does not escalate a ticket handled on time', async () => {
    env.clock.set('2026-12-05T00:00:00Z');
    const id = await spkTicket(env, 'critical');
    env.clock.advanceMinutes(10);
    await act(env, 'dispatcher', id, 'assign', { crewId: env.crews[0] });
    await act(env, 'crew1', id, 'arrive');
    await act(env, 'crew1', id, 'fix');
    env.clock.advanceMinutes(3 * 24 * 60);
    await tick(env);
    expect(await escalationsOf(env, id)).toHaveLength(0);
  });

  it('holds an untriaged report to the Normal standard: the Kepala Seksi hears of it after an hour', async () => {
    env.clock.set('2026-12-06T00:00:00Z');
    const id = await newTicket(env);
    env.clock.advanceMinutes(60);
    await tick(env);
    expect(await escalationsOf(env, id)).toHaveLength(0);
    env.clock.advanceMinutes(1);
    await tick(env);
    expect((await escalationsOf(env, id)).map((e) => [e.kind, e.role, e.level, e.priority])).toEqual([['respond', 'kasie', 1, null]]);
  });

  it('escalates a breach that was already made good before the worker looked, recording when it was met', async () => {
    env.clock.set('2026-12-07T00:00:00Z');
    const id = await spkTicket(env, 'high');
    env.clock.advanceMinutes(30.5);
    await act(env, 'dispatcher', id, 'assign', { crewId: env.crews[0] });
    env.clock.advanceMinutes(0.5);
    await tick(env);
    const [e] = await escalationsOf(env, id);
    expect(e).toMatchObject({ kind: 'respond', role: 'kabag' });
    expect(e.met_at.toISOString()).toBe('2026-12-07T00:30:30.000Z');
    const note = (await inboxOf('kabag')).find((n) => n.escalation_id === e.id);
    expect(note.body).toContain('paling lambat 2026-12-07 08:30 WITA dan baru terpenuhi pada 2026-12-07 08:30 WITA');
    expect(note.data.text.en.body).toContain('was due a response by 2026-12-07 08:30 WITA and was met late at 2026-12-07 08:30 WITA');
  });

  it('follows a priority change: the new, stricter due time and the new recipient apply', async () => {
    env.clock.set('2026-12-08T00:00:00Z');
    const id = await spkTicket(env, 'normal');
    env.clock.advanceMinutes(10);
    await act(env, 'dispatcher', id, 'prioritise', { priority: 'critical' });
    env.clock.advanceMinutes(6); // 16 min after intake: past the Critical 15 min, well inside Normal's hour
    await tick(env);
    expect((await escalationsOf(env, id)).map((e) => [e.kind, e.role, e.level])).toEqual([['respond', 'direktur', 3]]);
  });

  it('sends the crew’s "needs heavy equipment" escalation to the Kabag, once per escalation', async () => {
    env.clock.set('2026-12-09T00:00:00Z');
    const id = await spkTicket(env, 'normal');
    await act(env, 'dispatcher', id, 'assign', { crewId: env.crews[1] });
    await act(env, 'crew2', id, 'arrive');
    await act(env, 'crew2', id, 'escalate', { note: 'Perlu ekskavator, pipa 200 mm' });
    await tick(env);
    await tick(env);
    let es = (await escalationsOf(env, id)).filter((e) => e.kind === 'heavy_equipment');
    expect(es.map((e) => [e.role, e.level])).toEqual([['kabag', 2]]);
    const kabagNote = (await inboxOf('kabag')).find((n) => n.escalation_id === es[0].id);
    expect(kabagNote.body).toContain('Perlu ekskavator');

    // Fixed, sent back, escalated again: a second, separate escalation.
    await act(env, 'crew2', id, 'fix');
    await act(env, 'admin', id, 'return_to_crew', { note: 'Masih bocor' });
    await act(env, 'crew2', id, 'arrive');
    env.clock.advanceMinutes(5);
    await act(env, 'crew2', id, 'escalate', { note: 'Butuh truk tangki' });
    await tick(env);
    es = (await escalationsOf(env, id)).filter((e) => e.kind === 'heavy_equipment');
    expect(es).toHaveLength(2);
    expect(new Set(es.map((e) => e.event_id)).size).toBe(2);
  });
});

describe('exactly once with two workers and across restarts', () => {
  it('two workers racing over the same breaches write each escalation and notification once', async () => {
    env.clock.set('2026-12-10T00:00:00Z');
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push(await spkTicket(env, (['critical', 'high', 'normal'] as const)[i % 3], i));
    env.clock.advanceMinutes(2 * 24 * 60); // every one is now late to respond and to resolve

    const second = createDb(requireDatabaseUrl(), 4);
    const ctx2: AppContext = { ...env.ctx, db: second };
    try {
      for (let round = 0; round < 3; round++) {
        await Promise.all([
          runTick(env.ctx, { utilityIds: [env.utility.id] }),
          runTick(ctx2, { utilityIds: [env.utility.id] }),
          runTick(ctx2, { utilityIds: [env.utility.id] }),
        ]);
      }
    } finally {
      await second.destroy();
    }
    const rows = await env.db('escalations').whereIn('ticket_id', ids).select('ticket_id', 'kind', 'id');
    expect(rows).toHaveLength(ids.length * 2);
    const notes = await env.db('notifications').whereIn('escalation_id', rows.map((r) => r.id)).select('escalation_id', 'user_id');
    const perPair = new Set(notes.map((n) => `${n.escalation_id}/${n.user_id}`));
    expect(perPair.size).toBe(notes.length);
    // 4 critical x 2 kinds x 2 directors + 4 high x 2 x 1 + 4 normal x 2 x 1
    expect(notes.length).toBe(16 + 8 + 8);
  });

  it('a restarted worker finds nothing new to escalate', async () => {
    const [{ count: before }] = await env.db('escalations').where({ utility_id: env.utility.id }).count<{ count: string }[]>({ count: '*' });
    const worker = startWorker(env.ctx, { utilityIds: [env.utility.id], intervalMs: 3_600_000 });
    const report = await worker.runOnce();
    await worker.stop();
    const restarted = startWorker(env.ctx, { utilityIds: [env.utility.id], intervalMs: 3_600_000 });
    const again = await restarted.runOnce();
    await restarted.stop();
    const [{ count: after }] = await env.db('escalations').where({ utility_id: env.utility.id }).count<{ count: string }[]>({ count: '*' });
    expect(Number(before)).toBeGreaterThan(0);
    expect([report.escalations, again.escalations, Number(after)]).toEqual([0, 0, Number(before)]);
    expect(report.utilities + report.skipped).toBe(1);
  });
});

describe('robustness', () => {
  it('skips a utility that no longer exists and still scans the others', async () => {
    env.clock.advanceMinutes(60 * 24 * 3);
    const id = await spkTicket(env, 'critical');
    env.clock.advanceMinutes(20);
    const report = await runTick(env.ctx, { utilityIds: [999_999_999, env.utility.id] });
    expect(report.failed).toEqual([]);
    expect([report.utilities, report.skipped]).toEqual([1, 1]);
    expect((await escalationsOf(env, id)).map((e) => e.kind)).toEqual(['respond']);
  });
});

describe('GET /api/v1/inbox', () => {
  let server: { baseUrl: string; close(): Promise<void> };
  beforeAll(async () => {
    server = await startServer(env.ctx);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists the caller’s own notifications, newest first, and marks one read', async () => {
    const token = await loginAs(server.baseUrl, env.utility, 'kabag');
    const res = await fetch(`${server.baseUrl}/api/v1/inbox?limit=100`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    const mine = await inboxOf('kabag');
    expect(body.items).toHaveLength(mine.length);
    expect(body.unread).toBe(mine.length);
    expect(body.items[0].escalation.role).toBe('kabag');
    const times = body.items.map((n: any) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const first = body.items[0];
    const read = await fetch(`${server.baseUrl}/api/v1/inbox/${first.id}/read`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(200);
    const unreadOnly = (await (await fetch(`${server.baseUrl}/api/v1/inbox?unread=true&limit=100`, { headers: { authorization: `Bearer ${token}` } })).json()) as any;
    expect(unreadOnly.unread).toBe(mine.length - 1);
    expect(unreadOnly.items.map((n: any) => n.id)).not.toContain(first.id);
  });

  it('does not let one user read or mark another’s notifications', async () => {
    const kabagNote = (await inboxOf('kabag'))[0];
    const token = await loginAs(server.baseUrl, env.utility, 'kasie');
    const list = (await (await fetch(`${server.baseUrl}/api/v1/inbox?limit=100`, { headers: { authorization: `Bearer ${token}` } })).json()) as any;
    expect(list.items.map((n: any) => n.id)).not.toContain(kabagNote.id);
    const res = await fetch(`${server.baseUrl}/api/v1/inbox/${kabagNote.id}/read`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('NOT_FOUND');
  });

  it('refuses an anonymous caller (401 UNAUTHENTICATED)', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/inbox`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error.code).toBe('UNAUTHENTICATED');
  });
});
