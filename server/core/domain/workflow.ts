import { DomainError, ErrorCode } from './errors.js';
import type { Role, TicketStatus } from './tickets.js';

/**
 * Who changes a ticket: a staff member in their role, or one of the system's
 * own actors. Every status or crew change anywhere in the server names one of
 * these and is checked against the table below (features/tickets/repository.ts
 * `transition`, the one writer of ticket state).
 *
 * - planner: the daily plan and its re-optimisations (features/plans), assigning
 *   the tickets it places and rolling over those a new version leaves out;
 * - urgent_dispatch: the immediate dispatch of a Critical/High ticket into a
 *   crew's day (POST /dispatch), which may drop Normal stops to make room;
 * - incident: an area incident attaching the waiting reports inside it, and
 *   closing them when the water is restored (features/incidents);
 * - repeat_report: a reporter contacting again within the re-report window (seed 003);
 * - duplicate: intake adding a new report to the open ticket of the same spot and category
 *   (features/tickets/duplicates.service.ts);
 * - reporter_link: the reporter, through the signed link of their receipt, adding a note or photo;
 * - open311_client: an Open311 client (FixMyStreet) posting its user's comment on a ticket
 *   (POST servicerequestupdates; a "not fixed after all" goes through repeat_report);
 * - system: the worker's jobs. They change no status today (an SLA breach is
 *   escalated by notification): named so that a future job has to be granted a row.
 */
export const systemActors = ['planner', 'urgent_dispatch', 'incident', 'repeat_report', 'duplicate', 'reporter_link', 'open311_client', 'system'] as const;
export type SystemActor = (typeof systemActors)[number];
export type Actor = Role | SystemActor;

export function isSystemActor(actor: Actor): actor is SystemActor {
  return (systemActors as readonly string[]).includes(actor);
}

/**
 * The SOP workflow (seed 000) as a table: each action, the statuses it may
 * start from, where it leads and who may take it. Everything else is refused.
 *
 *   received -> rejected | spk_issued -> assigned -> on_site -> fixed -> closed
 *                                           ^          |  ^        |
 *                                           |          v  |        |
 *                                           |       escalated      |
 *                                           +----- returned -------+
 *   fixed | closed -> assigned: reopened by a repeat report within the window
 *   closed -> received: a report of a restored area incident reopened by a repeat report within
 *     the window after the restoration (no crew went for it alone: it goes to the admin to validate)
 *   received -> attached -> closed: a report inside an area incident, closed when it is restored;
 *   attached -> received: detached by staff
 *   received -> merged: one more report of an open ticket (by intake or by staff); merged -> received: taken out again
 *   received -> answered | forwarded: closed at first contact by the call centre or the desk (seed 001)
 */
export interface Transition {
  from: readonly TicketStatus[];
  /** null: the status does not change (re-assignment, priority change). */
  to: TicketStatus | null;
  actors: readonly Actor[];
  /** The timestamp column the transition stamps on the ticket. */
  stamps?: 'rejected_at' | 'spk_issued_at' | 'assigned_at' | 'on_site_at' | 'escalated_at' | 'fixed_at' | 'closed_at' | 'reopened_at';
}

export const transitions = {
  reject: { from: ['received'], to: 'rejected', actors: ['admin'], stamps: 'rejected_at' },
  issue_spk: { from: ['received'], to: 'spk_issued', actors: ['admin'], stamps: 'spk_issued_at' },
  // By hand, by the daily plan (placing or moving a waiting ticket), or by immediate dispatch.
  assign: { from: ['spk_issued', 'assigned'], to: 'assigned', actors: ['dispatcher', 'admin', 'planner', 'urgent_dispatch'], stamps: 'assigned_at' },
  // Taking a crew off a ticket before it is on site: by hand, by a plan version that leaves it
  // out (it rolls over), or by immediate dispatch making room in a full day.
  unassign: { from: ['assigned'], to: 'spk_issued', actors: ['dispatcher', 'admin', 'planner', 'urgent_dispatch'] },
  arrive: { from: ['assigned'], to: 'on_site', actors: ['crew'], stamps: 'on_site_at' },
  escalate: { from: ['on_site'], to: 'escalated', actors: ['crew'], stamps: 'escalated_at' },
  fix: { from: ['on_site', 'escalated'], to: 'fixed', actors: ['crew'], stamps: 'fixed_at' },
  close: { from: ['fixed'], to: 'closed', actors: ['admin'], stamps: 'closed_at' },
  return_to_crew: { from: ['fixed'], to: 'assigned', actors: ['admin'], stamps: 'assigned_at' },
  prioritise: { from: ['spk_issued', 'assigned', 'on_site', 'escalated'], to: null, actors: ['admin', 'dispatcher'] },
  // A report inside an open area incident joins it instead of waiting for validation.
  attach: { from: ['received'], to: 'attached', actors: ['incident'] },
  // The incident is restored: the one repair answered every attached report.
  restore: { from: ['attached'], to: 'closed', actors: ['incident'], stamps: 'closed_at' },
  // An attached report that is a separate problem after all (the neighbours are fine) goes to the queue.
  detach: { from: ['attached'], to: 'received', actors: ['admin', 'dispatcher'] },
  // When the reporter contacts again within the re-report window (seed 003).
  reopen: { from: ['fixed', 'closed'], to: 'assigned', actors: ['repeat_report'], stamps: 'reopened_at' },
  // A new report of the same spot and category while a ticket is open: one more report of it, not new work.
  merge: { from: ['received'], to: 'merged', actors: ['duplicate', 'admin', 'dispatcher', 'operator'] },
  // A merged report that is a separate problem after all goes back to the queue.
  unmerge: { from: ['merged'], to: 'received', actors: ['admin', 'dispatcher', 'operator'] },
  // The open ticket's trail records each report added to it or taken out of it (no status change).
  // Written by the merge and unmerge steps (the staff member behind them named in the trail), never asked for alone.
  add_report: { from: ['received', 'attached', 'spk_issued', 'assigned', 'on_site', 'escalated'], to: null, actors: ['duplicate'] },
  remove_report: { from: ['received', 'attached', 'spk_issued', 'assigned', 'on_site', 'escalated', 'fixed'], to: null, actors: ['duplicate'] },
  // First contact (seed 001): answered on the spot with a standard answer, or forwarded to another unit with the answer given.
  answer: { from: ['received'], to: 'answered', actors: ['operator', 'admin'], stamps: 'closed_at' },
  forward: { from: ['received'], to: 'forwarded', actors: ['operator', 'admin'], stamps: 'closed_at' },
  // The reporter adds a note or a photo to their open ticket through the signed link of the receipt.
  add_info: { from: ['received', 'attached', 'spk_issued', 'assigned', 'on_site', 'escalated', 'fixed'], to: null, actors: ['reporter_link'] },
  // The same after an area incident was restored: "still no water" within the window (seed 003).
  reopen_restored: { from: ['closed'], to: 'received', actors: ['repeat_report'], stamps: 'reopened_at' },
  // An Open311 client's update (FixMyStreet's users' comments): a note in the trail, whatever the status, for staff to read.
  client_update: { from: ['received', 'attached', 'merged', 'rejected', 'spk_issued', 'assigned', 'on_site', 'escalated', 'fixed', 'closed', 'answered', 'forwarded'], to: null, actors: ['open311_client'] },
} as const satisfies Record<string, Transition>;

export type Action = keyof typeof transitions;
export const actions = Object.keys(transitions) as Action[];

/** The actions that can follow `status`, for `actor` when given. */
export function allowedActions(status: TicketStatus, actor?: Actor): Action[] {
  return actions.filter((action) => {
    const t: Transition = transitions[action];
    return t.from.includes(status) && (actor === undefined || t.actors.includes(actor));
  });
}

/**
 * The next steps a refusal names: for staff, the actions some staff role may
 * take from `status` (what a person at the console can do next); for a system
 * actor, every action from `status`.
 */
export function nextSteps(status: TicketStatus, actor: Actor): Action[] {
  if (isSystemActor(actor)) return allowedActions(status);
  return allowedActions(status).filter((action) => (transitions[action] as Transition).actors.some((a) => !isSystemActor(a)));
}

/**
 * Checks an action against the table. Returns the status the ticket moves to,
 * or throws FORBIDDEN (the actor never takes this action) / INVALID_TRANSITION
 * (not from this status), with the current status and the allowed next steps.
 */
export function planTransition(status: TicketStatus, action: Action, actor: Actor): TicketStatus {
  const t: Transition = transitions[action];
  if (!t.actors.includes(actor)) {
    throw new DomainError(ErrorCode.forbidden, `${isSystemActor(actor) ? 'The' : 'Role'} ${actor.replace(/_/g, ' ')} may not ${action.replace(/_/g, ' ')} a ticket`, {
      action,
      role: actor,
      allowedRoles: t.actors,
    });
  }
  if (!t.from.includes(status)) {
    throw new DomainError(ErrorCode.invalidTransition, `Cannot ${action.replace(/_/g, ' ')} a ticket that is ${status}`, {
      action,
      currentStatus: status,
      allowedActions: nextSteps(status, actor),
    });
  }
  return t.to ?? status;
}
