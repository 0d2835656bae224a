import { describe, expect, it } from 'vitest';
import { breachesOf, breachesToEscalate, dueTimesOf, escalationLevelOf, heavyEquipmentEscalation, slaOutcomeOf, ticketSlaOutcomeOf, type SlaFacts, type SlaTicket } from '../../server/core/domain/sla.js';
import { defaultSettings, resolveSettings, slaDueTimes } from '../../server/core/domain/settings.js';
import { isReReport, pointsPerPriority } from '../../server/core/domain/points.js';
import type { Priority } from '../../server/core/domain/tickets.js';

const received = new Date('2026-11-23T01:00:00Z');
const plus = (minutes: number) => new Date(received.getTime() + minutes * 60_000);

function ticket(priority: Priority | null, over: Partial<SlaTicket> = {}): SlaTicket {
  const due = priority ? slaDueTimes(defaultSettings, priority, received) : null;
  return {
    status: priority ? 'spk_issued' : 'received',
    priority,
    receivedAt: received,
    respondDueAt: due?.respondDueAt ?? null,
    resolveDueAt: due?.resolveDueAt ?? null,
    respondedAt: null,
    resolvedAt: null,
    ...over,
  };
}

// The SOP table (seed 000): respond and resolve minutes, and who is paged.
const table: { priority: Priority; respond: number; resolve: number; role: string; level: number }[] = [
  { priority: 'critical', respond: 15, resolve: 240, role: 'direktur', level: 3 },
  { priority: 'high', respond: 30, resolve: 720, role: 'kabag', level: 2 },
  { priority: 'normal', respond: 60, resolve: 1440, role: 'kasie', level: 1 },
];

describe('SLA breaches over the whole SOP table', () => {
  for (const row of table) {
    it(`${row.priority}: respond breaches after ${row.respond} min, resolve after ${row.resolve} min, to the ${row.role} (level ${row.level})`, () => {
      const t = ticket(row.priority);
      expect(breachesOf(t, defaultSettings, plus(row.respond))).toEqual([]); // exactly at the due time: still on time
      const respond = breachesOf(t, defaultSettings, plus(row.respond + 1));
      expect(respond).toEqual([{ kind: 'respond', priority: row.priority, dueAt: plus(row.respond), metAt: null, role: row.role, level: row.level }]);

      const assigned = { ...t, status: 'assigned' as const, respondedAt: plus(row.respond) };
      expect(breachesOf(assigned, defaultSettings, plus(row.resolve))).toEqual([]);
      const resolve = breachesOf(assigned, defaultSettings, plus(row.resolve + 1));
      expect(resolve.map((b) => [b.kind, b.role, b.level, b.dueAt.toISOString()])).toEqual([['resolve', row.role, row.level, plus(row.resolve).toISOString()]]);

      const fixedOnTime = { ...assigned, status: 'closed' as const, resolvedAt: plus(row.resolve) };
      expect(breachesOf(fixedOnTime, defaultSettings, plus(10 * row.resolve))).toEqual([]);
    });
  }

  it('counts a target met late as a breach, with the time it was met', () => {
    const t = ticket('high', { status: 'fixed', respondedAt: plus(31), resolvedAt: plus(700) });
    const b = breachesOf(t, defaultSettings, plus(2000));
    expect(b.map((x) => [x.kind, x.metAt?.toISOString()])).toEqual([['respond', plus(31).toISOString()]]);
  });

  it('holds an untriaged ticket to the Normal standard and sends it to the Kepala Seksi', () => {
    const t = ticket(null);
    expect(dueTimesOf(t, defaultSettings)).toEqual({ respond: plus(60), resolve: plus(1440) });
    expect(breachesOf(t, defaultSettings, plus(59))).toEqual([]);
    expect(breachesOf(t, defaultSettings, plus(61)).map((b) => [b.kind, b.role, b.level, b.priority])).toEqual([['respond', 'kasie', 1, null]]);
  });

  it('never breaches a rejected ticket', () => {
    expect(breachesOf(ticket(null, { status: 'rejected' }), defaultSettings, plus(100_000))).toEqual([]);
  });

  it('moves with the priority: the stored due times and the role follow the new priority', () => {
    const upgraded = ticket('normal');
    const due = slaDueTimes(defaultSettings, 'critical', received);
    const t = { ...upgraded, priority: 'critical' as const, respondDueAt: due.respondDueAt, resolveDueAt: due.resolveDueAt };
    expect(breachesOf(t, defaultSettings, plus(16)).map((b) => [b.kind, b.role])).toEqual([['respond', 'direktur']]);
  });

  it('escalates a breach met late only within the lookback window; an open one always', () => {
    const late = ticket('normal', { status: 'closed', respondedAt: plus(90), resolvedAt: plus(200) });
    expect(breachesToEscalate(late, defaultSettings, plus(60 + 23 * 60))).toHaveLength(1);
    expect(breachesToEscalate(late, defaultSettings, plus(60 + 25 * 60))).toHaveLength(0);
    const open = ticket('normal');
    expect(breachesToEscalate(open, defaultSettings, plus(365 * 24 * 60)).map((b) => b.kind)).toEqual(['respond', 'resolve']);
  });

  it('uses the utility’s own targets and recipients', () => {
    const s = resolveSettings({ sla: { normal: { respondMinutes: 120, escalateTo: 'kabag' } } });
    const t = ticket(null);
    expect(breachesOf(t, s, plus(100))).toEqual([]);
    expect(breachesOf(t, s, plus(121)).map((b) => [b.role, b.level])).toEqual([['kabag', 2]]);
  });

  it('outcomes: met at the due time, breached after, pending before', () => {
    expect(slaOutcomeOf(plus(10), plus(10), plus(0))).toBe('met');
    expect(slaOutcomeOf(plus(10), plus(11), plus(0))).toBe('breached');
    expect(slaOutcomeOf(plus(10), null, plus(10))).toBe('pending');
    expect(slaOutcomeOf(plus(10), null, plus(11))).toBe('breached');
  });

  it('sends a crew’s heavy-equipment escalation to the Kabag at level 2', () => {
    expect(heavyEquipmentEscalation('normal', plus(5), defaultSettings)).toEqual({ kind: 'heavy_equipment', priority: 'normal', dueAt: plus(5), metAt: null, role: 'kabag', level: 2 });
    expect([escalationLevelOf('kasie'), escalationLevelOf('kabag'), escalationLevelOf('direktur'), escalationLevelOf('admin')]).toEqual([1, 2, 3, 0]);
  });
});

describe('ticketSlaOutcomeOf: the outcome of one ticket from its stored facts', () => {
  const facts = (over: Partial<SlaFacts> = {}): SlaFacts => ({
    status: 'received',
    priority: null,
    receivedAt: received,
    respondDueAt: null,
    resolveDueAt: null,
    firstAssignEventAt: null,
    assignedAt: null,
    fixedAt: null,
    closedAt: null,
    ...over,
  });

  it('responds at the first assign event, else at the assigned_at stamp; an unassign does not undo it', () => {
    expect(ticketSlaOutcomeOf(facts({ status: 'spk_issued', firstAssignEventAt: plus(20), assignedAt: null }), defaultSettings, plus(90)).respondedAt).toEqual(plus(20));
    expect(ticketSlaOutcomeOf(facts({ status: 'assigned', firstAssignEventAt: plus(20), assignedAt: plus(70) }), defaultSettings, plus(90))).toMatchObject({ respondedAt: plus(20), respond: 'met' });
    expect(ticketSlaOutcomeOf(facts({ status: 'assigned', assignedAt: plus(70) }), defaultSettings, plus(90))).toMatchObject({ respondedAt: plus(70), respond: 'breached' });
  });

  it('resolves while fixed, or at a close without a fix (an incident restored); a closed_at on a ticket not closed does not count', () => {
    expect(ticketSlaOutcomeOf(facts({ status: 'fixed', fixedAt: plus(100) }), defaultSettings, plus(2000))).toMatchObject({ resolvedAt: plus(100), resolve: 'met' });
    expect(ticketSlaOutcomeOf(facts({ status: 'closed', closedAt: plus(1500) }), defaultSettings, plus(2000))).toMatchObject({ resolvedAt: plus(1500), resolve: 'breached' });
    expect(ticketSlaOutcomeOf(facts({ status: 'assigned', closedAt: plus(100) }), defaultSettings, plus(1000))).toMatchObject({ resolvedAt: null, resolve: 'pending' });
  });

  it('holds an untriaged ticket to Normal and names its recipient; a rejected one has no clock', () => {
    expect(ticketSlaOutcomeOf(facts(), defaultSettings, plus(61))).toMatchObject({ respondDueAt: plus(60), resolveDueAt: plus(1440), respond: 'breached', resolve: 'pending', escalateTo: 'kasie', escalationLevel: 1 });
    expect(ticketSlaOutcomeOf(facts({ status: 'rejected' }), defaultSettings, plus(100_000))).toMatchObject({ respond: null, resolve: null });
  });
});

describe('incentive points', () => {
  it('pays High 5, Normal 2 and Critical the High figure by default', () => {
    expect(pointsPerPriority({})).toEqual({ critical: 5, high: 5, normal: 2 });
  });

  it('lets Critical follow a raised High figure unless the utility names its own', () => {
    expect(pointsPerPriority({ points: { high: 6 } })).toEqual({ critical: 6, high: 6, normal: 2 });
    expect(pointsPerPriority({ points: { high: 6, critical: 8 } })).toEqual({ critical: 8, high: 6, normal: 2 });
    expect(pointsPerPriority({ points: { critical: 5, high: 7 } }).critical).toBe(5);
  });

  it('applies the 6-hour re-report rule of the worked example (done 14:00; 19:00 re-report, 21:00 new ticket)', () => {
    const done = new Date('2026-11-23T06:00:00Z'); // 14:00 WITA
    expect(isReReport(done, new Date('2026-11-23T11:00:00Z'), defaultSettings)).toBe(true);
    expect(isReReport(done, new Date('2026-11-23T13:00:00Z'), defaultSettings)).toBe(false);
  });
});
