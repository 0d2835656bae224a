/**
 * The SLA outcome has one rule with two faces: ticket_sla_outcomes in SQL
 * (sql/0008_sla_outcome.sql; the reports and the escalation scan read it) and
 * ticketSlaOutcomeOf in TypeScript (core/domain/sla.ts). This test drives the
 * clock over tickets in every situation the rule knows and checks, at each
 * step, that the two agree on every field, and that the escalation scan and the
 * SLA report agree on which targets of which tickets were breached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, insideArea, type TestEnv } from '../../support/db.js';
import { act, newTicket, spkTicket, staffUser, tick } from '../../jobs/helpers.js';
import { submitReport } from '../../../server/features/tickets/intake.service.js';
import { slaReport } from '../../../server/features/reports/service.js';
import { dateRange } from '../../../server/features/reports/period.js';
import { localDateOf } from '../../../server/core/domain/time.js';
import { ticketSlaOutcomeOf, untriagedTargetOf, type SlaFacts, type TicketSlaOutcome } from '../../../server/core/domain/sla.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

// Far from the dates other test files drive their clocks to: a worker tick of another file that scans
// every utility (tests/web, tests/e2e) sees these tickets as not yet received, so it escalates none of them.
const start = new Date('2031-03-03T00:00:00Z');
const at = (minutes: number) => env.clock.set(new Date(start.getTime() + minutes * 60_000));

/** The TypeScript face: the ticket's stored facts, read plainly, through ticketSlaOutcomeOf. */
async function outcomesByTs(now: Date): Promise<Map<number, TicketSlaOutcome>> {
  const rows = await env
    .db('tickets as t')
    .where('t.utility_id', env.utility.id)
    .select(
      't.id', 't.status', 't.priority', 't.received_at', 't.respond_due_at', 't.resolve_due_at', 't.assigned_at', 't.fixed_at', 't.closed_at', 't.incident_id',
      env.db('ticket_events as e').whereRaw('e.ticket_id = t.id').where('e.action', 'assign').min('e.at').as('first_assign'),
    );
  const out = new Map<number, TicketSlaOutcome>();
  for (const r of rows) {
    const facts: SlaFacts = {
      status: r.status,
      priority: r.priority,
      receivedAt: r.received_at,
      respondDueAt: r.respond_due_at,
      resolveDueAt: r.resolve_due_at,
      firstAssignEventAt: r.first_assign,
      assignedAt: r.assigned_at,
      fixedAt: r.fixed_at,
      closedAt: r.closed_at,
      incidentId: r.incident_id,
    };
    out.set(r.id, ticketSlaOutcomeOf(facts, env.utility.settings, now));
  }
  return out;
}

/** The SQL face. */
async function outcomesBySql(now: Date) {
  const untriaged = untriagedTargetOf(env.utility.settings);
  const { rows } = await env.db.raw('SELECT * FROM ticket_sla_outcomes(?, ?, ?, ?)', [env.utility.id, now, untriaged.respondMinutes, untriaged.resolveMinutes]);
  return new Map<number, Record<string, any>>(rows.map((r: Record<string, any>) => [r.ticket_id, r]));
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** Every field of both faces, side by side: [sql, ts]. */
function comparable(sql: Record<string, any>, ts: TicketSlaOutcome) {
  return {
    sql: {
      respondDueAt: iso(sql.respond_due_at),
      resolveDueAt: iso(sql.resolve_due_at),
      respondedAt: iso(sql.responded_at),
      resolvedAt: iso(sql.resolved_at),
      respond: sql.respond_outcome,
      resolve: sql.resolve_outcome,
    },
    ts: {
      respondDueAt: iso(ts.respondDueAt),
      resolveDueAt: iso(ts.resolveDueAt),
      respondedAt: iso(ts.respondedAt),
      resolvedAt: iso(ts.resolvedAt),
      respond: ts.respond,
      resolve: ts.resolve,
    },
  };
}

/** Scenario name -> ticket id. */
const tickets: Record<string, number> = {};
/** Scripted steps: minutes after start -> what happens then. */
const script: [number, () => Promise<unknown>][] = [];
const on = (minute: number, step: () => Promise<unknown>) => script.push([minute, step]);

async function repeatReport(phone: string) {
  return submitReport(env.ctx, env.utility, { ...insideArea, lon: insideArea.lon + 0.003, phone, source: 'call_centre', category: 'visible_leak', description: 'Bocor lagi' }, await staffUser(env, 'operator'));
}

describe('ticket_sla_outcomes (SQL) and ticketSlaOutcomeOf (TypeScript) on a driven clock', () => {
  it('agree on every field of every ticket at every step, and the scan escalates exactly the breaches the SLA report lists', async () => {
    at(0);
    tickets.criticalEarly = await spkTicket(env, 'critical', 1);
    tickets.criticalLate = await spkTicket(env, 'critical', 2);
    tickets.highNever = await spkTicket(env, 'high', 3);
    tickets.normalOnTime = await spkTicket(env, 'normal', 4);
    tickets.normalFixedLate = await spkTicket(env, 'normal', 5);
    tickets.untriaged = await newTicket(env, 6);
    tickets.rejected = await newTicket(env, 7);
    tickets.raisedToCritical = await spkTicket(env, 'normal', 8);
    tickets.unassigned = await spkTicket(env, 'high', 9);
    tickets.returnedToCrew = await spkTicket(env, 'high', 10);
    // Reported with a phone, fixed, closed, then reported again within the window: reopened.
    tickets.reopened = (await submitReport(env.ctx, env.utility, { ...insideArea, lon: insideArea.lon + 0.003, phone: '0812-3456-7001', source: 'call_centre', category: 'visible_leak', description: 'Pipa bocor' }, await staffUser(env, 'operator'))).id;
    await act(env, 'admin', tickets.reopened, 'issue_spk', { priority: 'high' });

    const crew = env.crews[0];
    const assign = (name: string) => act(env, 'dispatcher', tickets[name], 'assign', { crewId: crew });
    const fix = async (name: string) => {
      await act(env, 'crew1', tickets[name], 'arrive');
      await act(env, 'crew1', tickets[name], 'fix');
    };
    on(5, () => assign('criticalEarly'));
    on(5, () => assign('normalOnTime'));
    on(5, () => assign('unassigned'));
    on(5, () => assign('returnedToCrew'));
    on(5, () => assign('reopened'));
    on(6, () => act(env, 'admin', tickets.rejected, 'reject', { reason: 'not a leak' }));
    on(10, () => act(env, 'dispatcher', tickets.raisedToCritical, 'prioritise', { priority: 'critical' }));
    on(12, () => act(env, 'dispatcher', tickets.unassigned, 'unassign'));
    on(20, () => assign('criticalLate'));
    on(60, () => fix('reopened'));
    on(61, () => act(env, 'admin', tickets.reopened, 'close'));
    on(90, () => fix('normalOnTime'));
    on(95, () => act(env, 'admin', tickets.normalOnTime, 'close'));
    on(100, () => fix('returnedToCrew'));
    on(120, () => act(env, 'admin', tickets.returnedToCrew, 'return_to_crew', { note: 'masih bocor' }));
    on(180, () => repeatReport('0812-3456-7001'));
    on(200, () => assign('normalFixedLate'));
    on(1500, () => fix('normalFixedLate'));

    // Checkpoints: around every due time (15, 30, 60, 240, 720, 1440 minutes) and the scripted steps.
    const checkpoints = [...new Set([0, 5, 6, 10, 12, 14, 15, 16, 20, 25, 30, 31, 60, 61, 90, 95, 100, 120, 180, 200, 239, 240, 241, 719, 720, 721, 1439, 1440, 1441, 1500, 1501, 2000])].sort((a, b) => a - b);
    let stepIndex = 0;
    const seen = { breached: 0, met: 0, pending: 0, none: 0 };
    for (const minute of checkpoints) {
      at(minute);
      while (stepIndex < script.length && script.sort((a, b) => a[0] - b[0])[stepIndex][0] <= minute) await script[stepIndex++][1]();
      // Another file's tick holding this utility's job row makes ours skip it: run until ours scanned it.
      while ((await tick(env)).skipped > 0);
      const now = env.clock.now();
      const [sql, ts] = await Promise.all([outcomesBySql(now), outcomesByTs(now)]);
      expect([...sql.keys()].sort()).toEqual([...ts.keys()].sort());
      for (const [id, t] of ts) {
        const both = comparable(sql.get(id)!, t);
        expect(both.sql, `ticket ${Object.keys(tickets).find((k) => tickets[k] === id) ?? id} at +${minute} min`).toEqual(both.ts);
        for (const kind of ['respond', 'resolve'] as const) {
          seen[t[kind] ?? 'none'] += 1;
          // Escalated to whom the rule sends the breach (no priority changes after a breach here).
          if (t[kind] === 'breached') {
            expect(sql.get(id)![`${kind}_escalated_to`], `${kind} of ticket ${id} at +${minute}`).toBe(t.escalateTo);
            expect(sql.get(id)![`${kind}_escalation_level`]).toBe(t.escalationLevel);
          } else {
            expect(sql.get(id)![`${kind}_escalated_to`]).toBeNull();
          }
        }
      }

      // The scan and the report: the same set of breached (ticket, target) pairs.
      const tz = env.utility.timeZone;
      const window = dateRange(localDateOf(new Date(start.getTime() - 86_400_000), tz), localDateOf(new Date(now.getTime() + 86_400_000), tz), tz);
      const report = await slaReport(env.db, env.utility, window, now, { breachLimit: 1000 });
      const reported = report.data.breaches.items.map((b) => `${b.ticketId}:${b.kind}`).sort();
      const escalated = (await env.db('escalations').where({ utility_id: env.utility.id }).whereNot('kind', 'heavy_equipment').select('ticket_id', 'kind'))
        .map((e) => `${e.ticket_id}:${e.kind}`)
        .sort();
      expect(escalated, `at +${minute} min`).toEqual(reported);
      expect(report.data.breaches.total).toBe(reported.length);
      // The report names whom each breach went to: the recipient the rule gives.
      for (const b of report.data.breaches.items) expect([b.escalatedTo, b.escalationLevel], `${b.number} ${b.kind}`).toEqual([ts.get(b.ticketId)!.escalateTo, ts.get(b.ticketId)!.escalationLevel]);
      // And the report's counts are the TypeScript rule's counts.
      const tsBreached = [...ts.values()].reduce((n, t) => n + (t.respond === 'breached' ? 1 : 0) + (t.resolve === 'breached' ? 1 : 0), 0);
      expect(reported.length).toBe(tsBreached);
    }
    expect(stepIndex).toBe(script.length);

    // The scenarios reached the states they are about.
    const final = await outcomesByTs(env.clock.now());
    const o = (name: string) => final.get(tickets[name])!;
    expect([o('criticalEarly').respond, o('criticalLate').respond, o('highNever').respond]).toEqual(['met', 'breached', 'breached']);
    expect([o('normalOnTime').respond, o('normalOnTime').resolve]).toEqual(['met', 'met']);
    expect(o('normalFixedLate').resolve).toBe('breached');
    expect([o('untriaged').respond, o('untriaged').escalateTo]).toEqual(['breached', 'kasie']);
    expect([o('rejected').respond, o('rejected').resolve]).toEqual([null, null]);
    expect(o('raisedToCritical').respondDueAt.toISOString()).toBe(new Date(start.getTime() + 15 * 60_000).toISOString());
    expect(o('unassigned').respond).toBe('met'); // the first assignment stands after the crew is taken off
    expect(o('returnedToCrew').resolvedAt).toBeNull();
    const reopened = await env.db('tickets').where({ id: tickets.reopened }).first('status', 'repeat_count', 'fixed_at');
    expect([reopened.status, reopened.repeat_count, reopened.fixed_at]).toEqual(['assigned', 1, null]);
    expect(o('reopened').resolve).toBe('breached'); // fixed in time, reopened, unfixed past 12 h
    expect(seen.breached).toBeGreaterThan(0);
    expect(seen.met).toBeGreaterThan(0);
    expect(seen.pending).toBeGreaterThan(0);
    expect(seen.none).toBeGreaterThan(0);
  }, 120_000);
});
