/** The vocabulary of a ticket: statuses, priorities, categories, channels, roles. */
/**
 * merged: one more report of an open ticket (duplicate_of_id), counted there instead of new work;
 * answered: closed at first contact by the call centre or the desk (a standard answer);
 * forwarded: handed to another unit (billing, customer service) with the answer given.
 */
export const statuses = ['received', 'attached', 'merged', 'rejected', 'spk_issued', 'assigned', 'on_site', 'escalated', 'fixed', 'closed', 'answered', 'forwarded'] as const;
export type TicketStatus = (typeof statuses)[number];

export const priorities = ['critical', 'high', 'normal'] as const;
export type Priority = (typeof priorities)[number];

export const categories = ['pipe_burst', 'visible_leak', 'meter_leak', 'no_water', 'other'] as const;
export type Category = (typeof categories)[number];

export const sources = ['app', 'call_centre', 'walk_in', 'social_media', 'email'] as const;
export type Source = (typeof sources)[number];

export const roles = ['admin', 'operator', 'dispatcher', 'crew', 'kasie', 'kabag', 'direktur'] as const;
export type Role = (typeof roles)[number];

/** Statuses in which a ticket still needs work (for queues, SLA, planning). */
export const openStatuses: readonly TicketStatus[] = ['received', 'spk_issued', 'assigned', 'on_site', 'escalated'];

/** Statuses that are no work for a crew and run no SLA clock: refused, counted on another ticket, or answered at first contact. */
export const unclockedStatuses: readonly TicketStatus[] = ['rejected', 'merged', 'answered', 'forwarded'];

/** Public ticket numbers: LK-2026-000123 (reports), SPK-2026-000045 (work orders). */
export function formatNumber(prefix: 'LK' | 'SPK', year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (priorities as readonly string[]).includes(value);
}
