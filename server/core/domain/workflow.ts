import { DomainError, ErrorCode } from './errors.js';
import type { Role, TicketStatus } from './tickets.js';

/**
 * The SOP workflow (seed 000) as a table: each action, the statuses it may
 * start from, where it leads and who may take it. Everything else is refused.
 *
 *   received -> rejected | spk_issued -> assigned -> on_site -> fixed -> closed
 *                                           ^          |  ^        |
 *                                           |          v  |        |
 *                                           |       escalated      |
 *                                           +----- returned -------+
 *   fixed | closed -> assigned: reopened by a repeat report within the window (system)
 *   received -> attached -> closed: a report inside an area incident, closed when it is restored
 *   (services/incidents.ts); attached -> received: detached by staff
 */
export interface Transition {
  from: readonly TicketStatus[];
  /** null: the status does not change (re-assignment, priority change). */
  to: TicketStatus | null;
  roles: readonly Role[];
  /** The timestamp column the transition stamps on the ticket. */
  stamps?: 'rejected_at' | 'spk_issued_at' | 'assigned_at' | 'on_site_at' | 'escalated_at' | 'fixed_at' | 'closed_at' | 'reopened_at';
}

export const transitions = {
  reject: { from: ['received'], to: 'rejected', roles: ['admin'], stamps: 'rejected_at' },
  issue_spk: { from: ['received'], to: 'spk_issued', roles: ['admin'], stamps: 'spk_issued_at' },
  assign: { from: ['spk_issued', 'assigned'], to: 'assigned', roles: ['dispatcher', 'admin'], stamps: 'assigned_at' },
  // Taking a crew off a ticket before it is on site; the planner does it to tickets a new plan version leaves out.
  unassign: { from: ['assigned'], to: 'spk_issued', roles: ['dispatcher', 'admin'] },
  arrive: { from: ['assigned'], to: 'on_site', roles: ['crew'], stamps: 'on_site_at' },
  escalate: { from: ['on_site'], to: 'escalated', roles: ['crew'], stamps: 'escalated_at' },
  fix: { from: ['on_site', 'escalated'], to: 'fixed', roles: ['crew'], stamps: 'fixed_at' },
  close: { from: ['fixed'], to: 'closed', roles: ['admin'], stamps: 'closed_at' },
  return_to_crew: { from: ['fixed'], to: 'assigned', roles: ['admin'], stamps: 'assigned_at' },
  prioritise: { from: ['spk_issued', 'assigned', 'on_site', 'escalated'], to: null, roles: ['admin', 'dispatcher'] },
  // An attached report that is a separate problem after all (the neighbours are fine) goes to the queue.
  detach: { from: ['attached'], to: 'received', roles: ['admin', 'dispatcher'] },
  // Taken by the system only, when the reporter contacts again within the re-report window (seed 003).
  reopen: { from: ['fixed', 'closed'], to: 'assigned', roles: [], stamps: 'reopened_at' },
} as const satisfies Record<string, Transition>;

export type Action = keyof typeof transitions;
export const actions = Object.keys(transitions) as Action[];

/** The actions that can follow `status`, for `role` when given. */
export function allowedActions(status: TicketStatus, role?: Role): Action[] {
  return actions.filter((action) => {
    const t: Transition = transitions[action];
    return t.from.includes(status) && (role === undefined || t.roles.includes(role));
  });
}

/**
 * Checks an action against the table. Returns the status the ticket moves to,
 * or throws FORBIDDEN (role never takes this action) / INVALID_TRANSITION
 * (not from this status), with the current status and the allowed next steps.
 */
export function planTransition(status: TicketStatus, action: Action, role: Role): TicketStatus {
  const t: Transition = transitions[action];
  if (!t.roles.includes(role)) {
    throw new DomainError(ErrorCode.forbidden, `Role ${role} may not ${action.replace(/_/g, ' ')} a ticket`, {
      action,
      role,
      allowedRoles: t.roles,
    });
  }
  if (!t.from.includes(status)) {
    throw new DomainError(ErrorCode.invalidTransition, `Cannot ${action.replace(/_/g, ' ')} a ticket that is ${status}`, {
      action,
      currentStatus: status,
      allowedActions: allowedActions(status),
    });
  }
  return t.to ?? status;
}
