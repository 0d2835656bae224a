import type { UtilitySettings } from './settings.js';
import { unclockedStatuses, type Priority, type Role, type TicketStatus } from './tickets.js';

/**
 * The SLA clock's rules (seed 000), as plain data in and out.
 *
 * - "Respond" is met when the ticket first has an SPK and a crew: its first
 *   assignment. A later re-assignment or return to the crew does not un-meet it.
 * - "Resolve" is met while the ticket is fixed (fixed or closed). A return to
 *   the crew clears the fix, and the resolve clock, counted from intake, runs on.
 * - Before triage a ticket has no priority and no stored due times: it is held
 *   to the Normal standard, the slowest one (what the public status page promises).
 * - Clocks run 24/7 in absolute time; rejected, merged (counted on another
 *   ticket) and first-contact (answered, forwarded) tickets have no clock, nor have
 *   reports attached to an area incident (the incident carries it, and its
 *   restore answers them): they never escalate and are never breaches.
 * - A raised priority re-evaluates the due times; a breach already escalated at
 *   a lower level escalates again at the new one (one escalation per level).
 */
export const breachKinds = ['respond', 'resolve'] as const;
export type BreachKind = (typeof breachKinds)[number];
export const escalationKinds = [...breachKinds, 'heavy_equipment', 'repeat'] as const;
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

/** Due times of a ticket's service levels for a priority, counted from intake, 24/7 in absolute time. */
export function slaDueTimes(settings: UtilitySettings, priority: Priority, receivedAt: Date): { respondDueAt: Date; resolveDueAt: Date } {
  const target = settings.sla[priority];
  return {
    respondDueAt: new Date(receivedAt.getTime() + target.respondMinutes * MINUTE),
    resolveDueAt: new Date(receivedAt.getTime() + target.resolveMinutes * MINUTE),
  };
}

/**
 * The targets a ticket is held to before triage: Normal's, the slowest (what
 * the public status page promises). SQL readers pass these minutes to
 * ticket_sla_outcomes.
 */
export function untriagedTargetOf(settings: UtilitySettings): { respondMinutes: number; resolveMinutes: number } {
  const { respondMinutes, resolveMinutes } = settings.sla.normal;
  return { respondMinutes, resolveMinutes };
}

/** The due times a ticket is held to: its stored ones, or the untriaged targets counted from intake before triage. */
export function dueTimesOf(t: { receivedAt: Date; respondDueAt?: Date | null; resolveDueAt?: Date | null }, settings: UtilitySettings): Record<BreachKind, Date> {
  const untriaged = untriagedTargetOf(settings);
  return {
    respond: t.respondDueAt ?? new Date(t.receivedAt.getTime() + untriaged.respondMinutes * MINUTE),
    resolve: t.resolveDueAt ?? new Date(t.receivedAt.getTime() + untriaged.resolveMinutes * MINUTE),
  };
}

/** Met on time (at or before the due time), breached (late, or unmet past due) or still pending. */
export function slaOutcomeOf(dueAt: Date, metAt: Date | null, now: Date): SlaOutcome {
  if (metAt) return metAt.getTime() <= dueAt.getTime() ? 'met' : 'breached';
  return now.getTime() > dueAt.getTime() ? 'breached' : 'pending';
}

/**
 * What the ticket's rows say about its clocks: the stored columns, and the
 * first 'assign' event (a later unassign clears assigned_at, not the response).
 */
export interface SlaFacts {
  status: TicketStatus;
  priority: Priority | null;
  receivedAt: Date;
  respondDueAt: Date | null;
  resolveDueAt: Date | null;
  /** The earliest 'assign' event of the ticket; null when there is none. */
  firstAssignEventAt: Date | null;
  assignedAt: Date | null;
  fixedAt: Date | null;
  closedAt: Date | null;
  /** The area incident the report is attached to (or was, until its restore closed it): the incident carries the clock. */
  incidentId?: number | null;
}

/** When the ticket was responded to: its first assignment of a crew (the event, else the stamp). */
export function respondedAtOf(f: Pick<SlaFacts, 'firstAssignEventAt' | 'assignedAt'>): Date | null {
  return f.firstAssignEventAt ?? f.assignedAt;
}

/** When the ticket was resolved: while fixed (the fix), or closed without a fix (an incident restored). */
export function resolvedAtOf(f: Pick<SlaFacts, 'status' | 'fixedAt' | 'closedAt'>): Date | null {
  return f.fixedAt ?? (f.status === 'closed' ? f.closedAt : null);
}

/**
 * The SLA outcome of one ticket as of `now`: the TypeScript half of the one
 * rule. Its SQL half is the function ticket_sla_outcomes (sql/0008_sla_outcome.sql),
 * which the reports and the escalation scan read; tests/features/sla/outcome-agreement.test.ts
 * holds the two together on a driven clock.
 */
export interface TicketSlaOutcome {
  respondDueAt: Date;
  resolveDueAt: Date;
  respondedAt: Date | null;
  resolvedAt: Date | null;
  /** null: a rejected ticket has no clock. */
  respond: SlaOutcome | null;
  resolve: SlaOutcome | null;
  /** Whom a breach goes to, by the ticket's priority (Normal's recipient before triage). */
  escalateTo: Role;
  escalationLevel: number;
}

export function ticketSlaOutcomeOf(f: SlaFacts, settings: UtilitySettings, now: Date): TicketSlaOutcome {
  const due = dueTimesOf(f, settings);
  const respondedAt = respondedAtOf(f);
  const resolvedAt = resolvedAtOf(f);
  // Rejected, merged and first-contact tickets, and reports answered by an area incident (attached, or closed by its restore), have no clock of their own.
  const clocked = !unclockedStatuses.includes(f.status) && !f.incidentId;
  const escalateTo = escalationRoleOf(f.priority, settings);
  return {
    respondDueAt: due.respond,
    resolveDueAt: due.resolve,
    respondedAt,
    resolvedAt,
    respond: clocked ? slaOutcomeOf(due.respond, respondedAt, now) : null,
    resolve: clocked ? slaOutcomeOf(due.resolve, resolvedAt, now) : null,
    escalateTo,
    escalationLevel: escalationLevelOf(escalateTo),
  };
}

/** The ticket facts an SlaTicket stands for (respondedAt, resolvedAt already derived). */
function factsOf(t: SlaTicket): SlaFacts {
  return {
    status: t.status,
    priority: t.priority,
    receivedAt: t.receivedAt,
    respondDueAt: t.respondDueAt,
    resolveDueAt: t.resolveDueAt,
    firstAssignEventAt: t.respondedAt,
    assignedAt: null,
    fixedAt: t.resolvedAt,
    closedAt: null,
  };
}

/** Whom a breach of a ticket with this priority goes to. */
export function escalationRoleOf(priority: Priority | null, settings: UtilitySettings): Role {
  return settings.sla[priority ?? 'normal'].escalateTo;
}

/** The outcome of a ticket's two targets, however it was computed (ticketSlaOutcomeOf, or ticket_sla_outcomes in SQL). */
export interface TargetOutcomes {
  priority: Priority | null;
  respondDueAt: Date;
  resolveDueAt: Date;
  respondedAt: Date | null;
  resolvedAt: Date | null;
  respond: SlaOutcome | null;
  resolve: SlaOutcome | null;
}

/** The breaches among a ticket's outcomes, each with whom it goes to. */
export function breachesIn(o: TargetOutcomes, settings: UtilitySettings): Breach[] {
  const role = escalationRoleOf(o.priority, settings);
  const level = escalationLevelOf(role);
  const dueAt: Record<BreachKind, Date> = { respond: o.respondDueAt, resolve: o.resolveDueAt };
  const metAt: Record<BreachKind, Date | null> = { respond: o.respondedAt, resolve: o.resolvedAt };
  return breachKinds.filter((kind) => o[kind] === 'breached').map((kind) => ({ kind, priority: o.priority, dueAt: dueAt[kind], metAt: metAt[kind], role, level }));
}

/**
 * Whether a breach is still to be escalated: every unmet one, and one met late
 * only if it happened within the lookback window (so a first start on years
 * of history does not page the director about last year).
 */
export function isBreachToEscalate(b: Pick<Breach, 'dueAt' | 'metAt'>, settings: UtilitySettings, now: Date): boolean {
  return b.metAt === null || isWithinLookback(b.dueAt, settings, now);
}

/** Every breach of the ticket's targets as of `now`. */
export function breachesOf(t: SlaTicket, settings: UtilitySettings, now: Date): Breach[] {
  return breachesIn({ priority: t.priority, ...ticketSlaOutcomeOf(factsOf(t), settings, now) }, settings);
}

/** The breaches to escalate now (isBreachToEscalate). */
export function breachesToEscalate(t: SlaTicket, settings: UtilitySettings, now: Date): Breach[] {
  return breachesOf(t, settings, now).filter((b) => isBreachToEscalate(b, settings, now));
}

/** A crew's "needs heavy equipment" escalation: to the Kabag (by default), at the time the crew raised it. */
export function heavyEquipmentEscalation(priority: Priority | null, raisedAt: Date, settings: UtilitySettings): Escalation {
  const role = settings.escalation.heavyEquipmentTo;
  return { kind: 'heavy_equipment', priority, dueAt: raisedAt, metAt: null, role, level: escalationLevelOf(role) };
}

/**
 * Whether a breach still needs an escalation, given the highest level it was
 * escalated to so far (null: never): a raised priority sends it up the ladder.
 */
export function needsEscalation(b: Pick<Breach, 'level'>, escalatedLevel: number | null): boolean {
  return escalatedLevel === null || escalatedLevel < b.level;
}

/** A repeat report after the re-report window (seed 003: a new ticket, escalated as Urgent): at once, to `role`. */
export function repeatReportEscalation(priority: Priority | null, receivedAt: Date, role: Role): Escalation {
  return { kind: 'repeat', priority, dueAt: receivedAt, metAt: null, role, level: escalationLevelOf(role) };
}

/** Whether a crew escalation raised at `raisedAt` is still recent enough to send. */
export function isWithinLookback(at: Date, settings: UtilitySettings, now: Date): boolean {
  return at.getTime() >= now.getTime() - settings.escalation.lookbackHours * 60 * MINUTE;
}

/** Earliest instant a ticket received at `receivedAt` can breach anything: for scan horizons. */
export function longestResolveMinutes(settings: UtilitySettings): number {
  return Math.max(...Object.values(settings.sla).map((s) => s.resolveMinutes));
}
