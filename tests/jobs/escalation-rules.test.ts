/**
 * Escalations by the SOP table exactly (issue 12), the clock driven through
 * every priority x breach x (attached, restored, priority raised, repeat,
 * heavy equipment), through the real services and worker ticks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, insideArea, type TestEnv } from '../support/db.js';
import { submitReport } from '../../server/features/tickets/intake.service.js';
import { createIncident, updateIncident } from '../../server/features/incidents/service.js';
import { changeSettings } from '../../server/features/settings/service.js';
import { findUtilityById } from '../../server/features/utilities/service.js';
import { untriagedTargetOf } from '../../server/core/domain/sla.js';
import type { Priority } from '../../server/core/domain/tickets.js';
import { act, escalationsOf, spkTicket, staffUser, tick } from './helpers.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ crews: 2 });
});
afterAll(async () => {
  await env?.close();
});

const table: { priority: Priority; respond: number; resolve: number; role: string; level: number }[] = [
  { priority: 'critical', respond: 15, resolve: 240, role: 'direktur', level: 3 },
  { priority: 'high', respond: 30, resolve: 720, role: 'kabag', level: 2 },
  { priority: 'normal', respond: 60, resolve: 1440, role: 'kasie', level: 1 },
];
const kinds = ['respond', 'resolve'] as const;
const levelOf: Record<string, number> = { kasie: 1, kabag: 2, direktur: 3 };

let day = 0;
/** Each test starts on its own day, so tickets of earlier tests are long settled (or outside the lookback). */
function freshDay(): Date {
  day += 3;
  env.clock.set(new Date(Date.UTC(2027, 0, 1) + day * 86_400_000));
  return env.clock.now();
}
const at = (start: Date, minutes: number) => env.clock.set(new Date(start.getTime() + minutes * 60_000));
const summary = async (id: number) => (await escalationsOf(env, id)).map((e) => `${e.kind}:${e.role}:${e.level}`);

async function report(phone: string | null = null, where = insideArea) {
  return submitReport(env.ctx, env.utility, { ...where, phone, source: 'call_centre', category: 'visible_leak', description: 'Pipa bocor' }, await staffUser(env, 'operator'));
}

async function outcomesOf(id: number) {
  const u = untriagedTargetOf(env.utility.settings);
  const { rows } = await env.db.raw(`SELECT respond_outcome, resolve_outcome FROM ticket_sla_outcomes(?, ?, ?, ?) WHERE ticket_id = ?`, [
    env.utility.id,
    env.clock.now(),
    u.respondMinutes,
    u.resolveMinutes,
    id,
  ]);
  return rows[0];
}

async function inboxKinds(username: string, ticketId: number) {
  return (
    await env.db('notifications as n').join('staff_users as u', 'u.id', 'n.user_id').where({ 'u.utility_id': env.utility.id, 'u.username': username, 'n.ticket_id': ticketId }).orderBy('n.id').select('n.kind')
  ).map((r) => r.kind);
}

describe('incident-attached and restored reports never escalate and are no breaches', () => {
  for (const row of table) {
    for (const kind of kinds) {
      it(`${row.priority} ${kind} target: an attached report (held to no target of its own) is never escalated, before or after the restore`, async () => {
        const start = freshDay();
        const admin = await staffUser(env, 'admin');
        const incident = await createIncident(env.ctx, env.utility, admin, { title: `Pipa induk ${row.priority}/${kind}`, centre: insideArea, radiusMetres: 300, messageId: 'Perbaikan oleh petugas, estimasi 3 jam', estimatedRestoreAt: new Date(start.getTime() + 2 * row.resolve * 60_000) });
        const r = await report();
        expect(r.status).toBe('attached');
        // Past the target of this cell (and the Normal one that holds untriaged reports): nothing.
        at(start, Math.max(row[kind], 1440) + 1);
        await tick(env);
        expect(await summary(r.id)).toEqual([]);
        expect(await outcomesOf(r.id)).toEqual({ respond_outcome: null, resolve_outcome: null });
        // The restore closes it: still nothing, and the SLA report counts no breach.
        await updateIncident(env.ctx, env.utility, admin, incident.id, { status: 'restored' });
        at(start, 3 * 1440);
        await tick(env);
        expect(await summary(r.id)).toEqual([]);
        expect(await outcomesOf(r.id)).toEqual({ respond_outcome: null, resolve_outcome: null });
        expect(await inboxKinds(row.role, r.id)).toEqual([]);
      });
    }
  }

  it('a detached report is a separate problem after all: its clock runs from intake and it escalates', async () => {
    const start = freshDay();
    const admin = await staffUser(env, 'admin');
    const incident = await createIncident(env.ctx, env.utility, admin, { title: 'Gangguan', centre: insideArea, radiusMetres: 300, messageId: 'Perbaikan' });
    const r = await report();
    await act(env, 'admin', r.id, 'detach');
    at(start, 61);
    await tick(env);
    expect(await summary(r.id)).toEqual(['respond:kasie:1']);
    await updateIncident(env.ctx, env.utility, admin, incident.id, { status: 'restored' });
  });
});

describe('a raised priority re-evaluates the due times and escalates at the new level at once', () => {
  for (const row of table) {
    for (const kind of kinds) {
      const from = row.priority === 'normal' ? null : 'normal';
      it(`${kind}: breached at the Normal level (Kasie), then ${from ? `raised to ${row.priority}` : 'triaged Normal'}: ${from ? `the ${row.role} hears at the next tick` : 'nobody is paged twice'}`, async () => {
        const start = freshDay();
        const r = await report();
        if (kind === 'resolve') {
          // Responded in time; the fix is what is late.
          await act(env, 'admin', r.id, 'issue_spk', { priority: 'normal' });
          await act(env, 'dispatcher', r.id, 'assign', { crewId: env.crews[0] });
        }
        at(start, (kind === 'respond' ? 60 : 1440) + 1);
        await tick(env);
        expect(await summary(r.id)).toEqual([`${kind}:kasie:1`]);

        env.clock.advanceMinutes(1);
        if (kind === 'respond') await act(env, 'admin', r.id, 'issue_spk', { priority: row.priority });
        else await act(env, 'dispatcher', r.id, 'prioritise', { priority: row.priority });
        env.clock.advanceMinutes(1);
        await tick(env);
        await tick(env);
        const expected = [`${kind}:kasie:1`, ...(from ? [`${kind}:${row.role}:${row.level}`] : [])];
        expect(await summary(r.id)).toEqual(expected);
        if (from) expect(await inboxKinds(row.role, r.id)).toEqual([`escalation.${kind}`]);
      });
    }
  }

  it('a lowered priority pages nobody again (already escalated higher)', async () => {
    const start = freshDay();
    const id = await spkTicket(env, 'critical');
    at(start, 16);
    await tick(env);
    await act(env, 'dispatcher', id, 'prioritise', { priority: 'normal' });
    at(start, 61);
    await tick(env);
    expect(await summary(id)).toEqual(['respond:direktur:3']);
  });
});

describe('repeat reports after the 6 h window and heavy equipment go out at once', () => {
  for (const row of table) {
    for (const kind of kinds) {
      it(`${row.priority} ${kind}: a repeat after 6 h is escalated at once; its own ${kind} breach then goes to the ${row.role}`, async () => {
        const start = freshDay();
        const phone = `+62812${String(day).padStart(7, '0')}`;
        const first = await report(phone);
        await act(env, 'admin', first.id, 'issue_spk', { priority: 'normal' });
        await act(env, 'dispatcher', first.id, 'assign', { crewId: env.crews[0] });
        await act(env, 'crew1', first.id, 'arrive');
        await act(env, 'crew1', first.id, 'fix');
        at(start, 7 * 60);
        const again = await report(phone);
        expect(again.repeat).toMatchObject({ kind: 'new_linked' });
        await tick(env);
        expect(await summary(again.id)).toEqual(['repeat:kasie:1']);
        expect(await inboxKinds('kasie', again.id)).toEqual(['escalation.repeat']);

        env.clock.advanceMinutes(1);
        await act(env, 'admin', again.id, 'issue_spk', { priority: row.priority });
        if (kind === 'resolve') await act(env, 'dispatcher', again.id, 'assign', { crewId: env.crews[1] });
        at(start, 7 * 60 + row[kind] + 1);
        await tick(env);
        expect(await summary(again.id)).toEqual(['repeat:kasie:1', `${kind}:${row.role}:${row.level}`]);
      });

      it(`${row.priority} ${kind}: "needs heavy equipment" reaches the Kabag at once; a ${kind} breach still goes to the ${row.role}`, async () => {
        const start = freshDay();
        const id = await spkTicket(env, row.priority);
        if (kind === 'respond') at(start, row.respond + 1);
        await act(env, 'dispatcher', id, 'assign', { crewId: env.crews[0] });
        await act(env, 'crew1', id, 'arrive');
        await act(env, 'crew1', id, 'escalate', { note: 'Perlu ekskavator' });
        await tick(env);
        const heavy = (await summary(id)).filter((s) => s.startsWith('heavy'));
        expect(heavy).toEqual(['heavy_equipment:kabag:2']);
        at(start, row.resolve + 1);
        await tick(env);
        const breaches = (await summary(id)).filter((s) => !s.startsWith('heavy'));
        expect(breaches).toEqual(kind === 'respond' ? [`respond:${row.role}:${levelOf[row.role]}`, `resolve:${row.role}:${row.level}`] : [`resolve:${row.role}:${row.level}`]);
      });
    }
  }

  it('closed tickets never escalate, even when they were late', async () => {
    const start = freshDay();
    const id = await spkTicket(env, 'critical');
    at(start, 20);
    await act(env, 'dispatcher', id, 'assign', { crewId: env.crews[0] });
    await act(env, 'crew1', id, 'arrive');
    await act(env, 'crew1', id, 'fix');
    await act(env, 'admin', id, 'close');
    await tick(env);
    expect(await summary(id)).toEqual([]);
  });
});

describe('an area incident past its estimate alerts the Kabag', () => {
  it('once per estimate; a new estimate that passes alerts again; a restored incident never', async () => {
    const start = freshDay();
    const admin = await staffUser(env, 'admin');
    const incident = await createIncident(env.ctx, env.utility, admin, { title: 'Pipa induk Jl. Perintis', centre: { lat: -5.16, lon: 119.41 }, radiusMetres: 200, messageId: 'Perbaikan', estimatedRestoreAt: new Date(start.getTime() + 180 * 60_000) });
    const overdue = () =>
      env
        .db('notifications as n')
        .join('staff_users as u', 'u.id', 'n.user_id')
        .where({ 'u.utility_id': env.utility.id, 'n.kind': 'incident.overdue' })
        .whereRaw(`(n.data->>'incidentId')::bigint = ?`, [incident.id])
        .select('u.username', 'n.title', 'n.data');
    at(start, 180);
    await tick(env);
    expect(await overdue()).toHaveLength(0);
    at(start, 181);
    await tick(env);
    await tick(env);
    const first = await overdue();
    expect(first.map((n) => n.username)).toEqual(['kabag']);
    expect(first[0].title).toContain('Pipa induk Jl. Perintis');
    await updateIncident(env.ctx, env.utility, admin, incident.id, { estimatedRestoreAt: new Date(start.getTime() + 300 * 60_000) });
    at(start, 301);
    await tick(env);
    expect(await overdue()).toHaveLength(2);
    await updateIncident(env.ctx, env.utility, admin, incident.id, { estimatedRestoreAt: new Date(start.getTime() + 400 * 60_000) });
    await updateIncident(env.ctx, env.utility, admin, incident.id, { status: 'restored' });
    at(start, 401);
    await tick(env);
    expect(await overdue()).toHaveLength(2);
  });
});

describe('Normal breaches gathered into a digest (utility setting)', () => {
  it('hourly: the Kasie gets one inbox item for the hour’s Normal breaches; Critical still goes at once', async () => {
    const other = await createTestEnv({ crews: 1 });
    try {
      await changeSettings(other.ctx, other.utility.id, { notifications: { normalDigest: 'hourly' } });
      other.utility = (await findUtilityById(other.db, other.utility.id))!;
      other.clock.set('2027-03-01T00:10:00Z');
      const ids = [];
      const operator = await staffUser(other, 'operator');
      for (let i = 0; i < 3; i++) ids.push((await submitReport(other.ctx, other.utility, { lat: insideArea.lat + i * 0.0001, lon: insideArea.lon, source: 'call_centre', category: 'other' }, operator)).id);
      const critical = ids[2];
      await act(other, 'admin', critical, 'issue_spk', { priority: 'critical' });
      other.clock.set('2027-03-01T00:30:00Z');
      await tick(other);
      const items = (username: string) => other.db('notifications as n').join('staff_users as u', 'u.id', 'n.user_id').where({ 'u.utility_id': other.utility.id, 'u.username': username }).orderBy('n.id').select('n.kind', 'n.data', 'n.ticket_id');
      expect((await items('direktur')).map((n) => n.kind)).toEqual(['escalation.respond']);
      other.clock.set('2027-03-01T00:40:00Z');
      await tick(other);
      // The two untriaged reports breached at 01:10 UTC... not yet: Normal respond is 60 min after 00:10.
      other.clock.set('2027-03-01T01:11:00Z');
      await tick(other);
      expect(await items('kasie')).toEqual([]);
      other.clock.set('2027-03-01T02:00:00Z');
      await tick(other);
      const kasie = await items('kasie');
      expect(kasie.map((n) => n.kind)).toEqual(['digest.escalations']);
      expect(kasie[0].data.items.map((i: { ticketId: number }) => i.ticketId).sort()).toEqual([ids[0], ids[1]].sort());
      expect(kasie[0].data.text.en.subject).toBe('Digest: 2 Normal tickets late');
    } finally {
      await other.close();
    }
  });
});
