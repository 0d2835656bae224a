import type { UtilitySettings } from './settings.js';
import type { Priority, Role, TicketStatus } from './tickets.js';

/**
 * The SLA clock's rules (seed 000), as plain data in and out.
 *
 * - "Respond" is met when the ticket first has an SPK and a crew: its first
 *   assignment. A later re-assignment or return to the crew does not un-meet it.
 * - "Resolve" is met while the ticket is fixed (fixed or closed). A return to
 *   the crew clears the fix, and the resolve clock, counted from intake, runs on.
 * - Before triage a ticket has no priority and no stored due times: it is held
 *   to the Normal standard, the slowest one (what the public status page promises).
 * - Clocks run 24/7 in absolute time; rejected tickets have no clock.
 */
export const breachKinds = ['respond', 'resolve'] as const;
export type BreachKind = (typeof breachKinds)[number];
export const escalationKinds = [...breachKinds, 'heavy_equipment'] as const;
export type EscalationKind = (typeof escalationKinds)[number];

/** Seniority of the roles that receive escalations: Kasie 1, Kabag 2, Direktur 3. */
const levelByRole: Partial<Record<Role, number>> = { kasie: 1, kabag: 2, direktur: 3 };

/** The escalation level of a receiving role; 0 for a role outside the ladder (a utility's own choice). */
export function escalationLevelOf(role: Role): number {
  return levelByRole[role] ?? 0;
}

export interface SlaTicket {
  status: TicketStatus;
  priority: Priority | null;
  receivedAt: Date;
  respondDueAt: Date | null;
  resolveDueAt: Date | null;
  /** First assignment of a crew (after the SPK); null while none. */
  respondedAt: Date | null;
  /** When fixed; null while (again) unfixed. */
  resolvedAt: Date | null;
}

export type SlaOutcome = 'met' | 'breached' | 'pending';

export interface Breach {
  kind: BreachKind;
  /** The ticket's priority; null before triage (Normal targets). */
  priority: Priority | null;
  dueAt: Date;
  /** When the target was reached after all, late; null while still unmet. */
  metAt: Date | null;
  role: Role;
  level: number;
}

export interface Escalation {
  kind: EscalationKind;
  priority: Priority | null;
  dueAt: Date;
  metAt: Date | null;
  role: Role;
  level: number;
}

const MINUTE = 60_000;

/** The due times a ticket is held to: its stored ones, or Normal counted from intake before triage. */
export function dueTimesOf(t: Pick<SlaTicket, 'priority' | 'receivedAt' | 'respondDueAt' | 'resolveDueAt'>, settings: UtilitySettings): Record<BreachKind, Date> {
  const normal = settings.sla.normal;
  return {
    respond: t.respondDueAt ?? new Date(t.receivedAt.getTime() + normal.respondMinutes * MINUTE),
    resolve: t.resolveDueAt ?? new Date(t.receivedAt.getTime() + normal.resolveMinutes * MINUTE),
  };
}

/** Met on time (at or before the due time), breached (late, or unmet past due) or still pending. */
export function slaOutcomeOf(dueAt: Date, metAt: Date | null, now: Date): SlaOutcome {
  if (metAt) return metAt.getTime() <= dueAt.getTime() ? 'met' : 'breached';
  return now.getTime() > dueAt.getTime() ? 'breached' : 'pending';
}

/** Whom a breach of a ticket with this priority goes to. */
export function escalationRoleOf(priority: Priority | null, settings: UtilitySettings): Role {
  return settings.sla[priority ?? 'normal'].escalateTo;
}

/** Every breach of the ticket's targets as of `now`. */
export function breachesOf(t: SlaTicket, settings: UtilitySettings, now: Date): Breach[] {
  if (t.status === 'rejected') return [];
  const due = dueTimesOf(t, settings);
  const role = escalationRoleOf(t.priority, settings);
  const level = escalationLevelOf(role);
  const out: Breach[] = [];
  const metAt: Record<BreachKind, Date | null> = { respond: t.respondedAt, resolve: t.resolvedAt };
  for (const kind of breachKinds) {
    if (slaOutcomeOf(due[kind], metAt[kind], now) === 'breached') {
      out.push({ kind, priority: t.priority, dueAt: due[kind], metAt: metAt[kind], role, level });
    }
  }
  return out;
}

/**
 * The breaches to escalate now: every unmet one, and one met late only if it
 * happened within the lookback window (so a first start on years of history
 * does not page the director about last year).
 */
export function breachesToEscalate(t: SlaTicket, settings: UtilitySettings, now: Date): Breach[] {
  const horizon = now.getTime() - settings.escalation.lookbackHours * 60 * MINUTE;
  return breachesOf(t, settings, now).filter((b) => b.metAt === null || b.dueAt.getTime() >= horizon);
}

/** A crew's "needs heavy equipment" escalation: to the Kabag (by default), at the time the crew raised it. */
export function heavyEquipmentEscalation(priority: Priority | null, raisedAt: Date, settings: UtilitySettings): Escalation {
  const role = settings.escalation.heavyEquipmentTo;
  return { kind: 'heavy_equipment', priority, dueAt: raisedAt, metAt: null, role, level: escalationLevelOf(role) };
}

/** Whether a crew escalation raised at `raisedAt` is still recent enough to send. */
export function isWithinLookback(at: Date, settings: UtilitySettings, now: Date): boolean {
  return at.getTime() >= now.getTime() - settings.escalation.lookbackHours * 60 * MINUTE;
}

/** Earliest instant a ticket received at `receivedAt` can breach anything: for scan horizons. */
export function longestResolveMinutes(settings: UtilitySettings): number {
  return Math.max(...Object.values(settings.sla).map((s) => s.resolveMinutes));
}
