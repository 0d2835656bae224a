import type { AppContext } from '../../platform/context.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import { planTransition, transitions, type Action, type Transition } from '../../core/domain/workflow.js';
import { slaDueTimes } from '../../core/domain/settings.js';
import type { Priority } from '../../core/domain/tickets.js';
import { yearIn } from '../../core/domain/time.js';
import type { Tx } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import type { StaffUser } from '../auth/service.js';
import { blockReporter } from './reporters.repository.js';
import { findCrew } from '../utilities/service.js';
import { viewerOf } from '../auth/viewer.js';
import { findTicket, findVisibleTicket, insertWorkOrder, nextNumber, transition, type Ticket, type TicketChanges } from './repository.js';
import { recordPhoto, storePhoto } from './photos.service.js';
import { analyseReportPhotoNow, analyseSoon, analysisLeaseFrom } from './photo-analysis.service.js';
import { creditClosedTickets } from '../points/service.js';
import { mergeStep, unmergeStep } from './duplicates.service.js';
import { answerStep, forwardStep } from './first-contact.service.js';

/** What each action may carry. Fields an action does not use are ignored. */
export interface ActionInput {
  note?: string | null;
  reason?: string | null;
  /** What the reporter is told on a rejection; the reason above stays internal. */
  publicReason?: string | null;
  blockReporter?: boolean;
  priority?: Priority;
  phoneVerification?: string | null;
  instructions?: string | null;
  crewId?: number;
  photo?: Buffer | null;
  /** merge: the number of the open ticket the report belongs to. */
  into?: string;
  /** answer / forward: the standard answer given (first-contact close). */
  answerId?: number;
  /** forward: the unit the complaint goes to, and what the caller was told. */
  unit?: string;
  answer?: string;
}

interface Step {
  changes: TicketChanges;
  note: string | null;
  data: Record<string, unknown>;
}

type Guard = (ctx: AppContext, tx: Tx, utility: Utility, user: StaffUser, ticket: Ticket, input: ActionInput, at: Date) => Promise<Step>;

function required(value: string | null | undefined, field: string, message: string): string {
  if (value == null || value.trim() === '') throw validationError([{ field, message }]);
  return value.trim();
}

function requireOwnCrew(user: StaffUser, ticket: Ticket): void {
  if (user.crewId === null || user.crewId !== ticket.crewId) {
    throw new DomainError(ErrorCode.notYourTicket, 'This ticket is assigned to another crew', { ticketCrewId: ticket.crewId, yourCrewId: user.crewId });
  }
}

function dueTimeChanges(utility: Utility, priority: Priority, receivedAt: Date): TicketChanges {
  const due = slaDueTimes(utility.settings, priority, receivedAt);
  return { priority, respondDueAt: due.respondDueAt, resolveDueAt: due.resolveDueAt };
}

const notStaffs = (what: string): Guard => async () => {
  throw new DomainError(ErrorCode.forbidden, what);
};

/**
 * Per-action checks and effects beyond the status change; run inside the
 * transaction. The fixed effects of an action (unassign clears the crew,
 * return clears fixed_at, ...) are the repository's, with the status change.
 */
const steps: Record<Action, Guard> = {
  async reject(_ctx, tx, _utility, user, ticket, input, at) {
    const reason = required(input.reason, 'reason', 'say why the report is rejected (e.g. hoax, duplicate, not a leak)');
    const block = input.blockReporter === true && ticket.reporterId !== null;
    if (block) await blockReporter(tx, ticket.reporterId as number, reason, user.id, at);
    const publicReason = input.publicReason?.trim() || null;
    return { changes: { rejectReason: reason }, note: reason, data: { reporterBlocked: block, ...(publicReason ? { publicReason } : {}) } };
  },

  async issue_spk(_ctx, tx, utility, user, ticket, input, at) {
    if (!input.priority) throw validationError([{ field: 'priority', message: 'choose critical, high or normal' }]);
    const verification = input.phoneVerification?.trim() || null;
    // Known: performAction analysed a photo still pending before this transaction.
    if (ticket.photoBlurred && !verification) {
      throw new DomainError(
        ErrorCode.blurredPhotoNeedsVerification,
        'The photo is blurred: phone the reporter to confirm the leak, and record what they said, before issuing the SPK',
        { field: 'phoneVerification' },
      );
    }
    const spkNumber = await nextNumber(tx, utility.id, 'SPK', yearIn(at, utility.timeZone));
    await insertWorkOrder(tx, {
      utilityId: utility.id,
      ticketId: ticket.id,
      number: spkNumber,
      priority: input.priority,
      instructions: input.instructions ?? null,
      issuedBy: user.id,
      issuedAt: at,
    });
    const changes = dueTimeChanges(utility, input.priority, ticket.receivedAt);
    if (verification) Object.assign(changes, { phoneVerifiedAt: at, phoneVerificationNote: verification });
    return { changes, note: verification, data: { spkNumber, priority: input.priority } };
  },

  async assign(_ctx, tx, utility, _user, ticket, input) {
    if (!input.crewId) throw validationError([{ field: 'crewId', message: 'choose the crew' }]);
    const crew = await findCrew(tx, utility.id, input.crewId);
    if (!crew) throw notFound('crew', input.crewId);
    if (!crew.active) throw new DomainError(ErrorCode.crewNotAvailable, `Crew ${crew.name} is not active`, { field: 'crewId', crewId: crew.id });
    return { changes: { crewId: crew.id }, note: input.note ?? null, data: { crewId: crew.id, crewName: crew.name, previousCrewId: ticket.crewId } };
  },

  async detach(_ctx, _tx, _utility, _user, ticket, input) {
    return { changes: {}, note: input.note ?? null, data: { incidentId: ticket.incidentId } };
  },

  async unassign(_ctx, _tx, _utility, _user, ticket, input) {
    return { changes: {}, note: input.note ?? null, data: { previousCrewId: ticket.crewId } };
  },

  async arrive(_ctx, _tx, _utility, user, ticket, input) {
    requireOwnCrew(user, ticket);
    return { changes: {}, note: input.note ?? null, data: {} };
  },

  async escalate(_ctx, _tx, _utility, user, ticket, input) {
    requireOwnCrew(user, ticket);
    const note = required(input.note, 'note', 'say what is needed (e.g. excavator, pipe 200 mm, road closure)');
    return { changes: {}, note, data: { escalateTo: 'kabag', reason: 'heavy_equipment' } };
  },

  async fix(ctx, tx, utility, user, ticket, input) {
    requireOwnCrew(user, ticket);
    if (!input.photo) throw new DomainError(ErrorCode.resultPhotoRequired, 'A photo of the repaired site is required', { field: 'photo' });
    const photoId = await recordPhoto(tx, utility, ticket.id, 'result', await storePhoto(ctx, utility, input.photo), user.id, analysisLeaseFrom(ctx.now()));
    analyseSoon(ctx, photoId, tx); // once committed
    return { changes: {}, note: input.note ?? null, data: { photoId } };
  },

  async close(_ctx, _tx, _utility, _user, _ticket, input) {
    return { changes: {}, note: input.note ?? null, data: {} };
  },

  async return_to_crew(_ctx, _tx, _utility, _user, _ticket, input) {
    const note = required(input.note, 'note', 'tell the crew what is still wrong');
    return { changes: {}, note, data: {} };
  },

  // The system actors' steps (repeat.service.ts, incidents); planTransition refuses them to every staff role.
  reopen: notStaffs('A ticket is reopened by a repeat report only'),
  reopen_restored: notStaffs('A ticket is reopened by a repeat report only'),
  attach: notStaffs('A ticket is attached by an area incident only'),
  restore: notStaffs('A ticket is closed with its area incident only'),
  add_report: notStaffs('A report is added to a ticket by merging it'),
  remove_report: notStaffs('A report is taken out of a ticket by unmerging it'),
  add_info: notStaffs('Only the reporter adds to a ticket through their link'),
  client_update: notStaffs('Only an Open311 client posts an update (servicerequestupdates)'),

  // Nearby duplicates (duplicates.service.ts) and first-contact close (first-contact.service.ts).
  merge: (_ctx, tx, utility, user, ticket, input, at) => mergeStep(tx, utility, user, ticket, input.into, input.note ?? null, at),
  unmerge: (_ctx, tx, utility, user, ticket, input, at) => unmergeStep(tx, utility, user, ticket, input.note ?? null, at),
  answer: (_ctx, tx, utility, _user, ticket, input) => answerStep(tx, utility, ticket, input),
  forward: (_ctx, tx, utility, _user, ticket, input) => forwardStep(tx, utility, ticket, input),

  async prioritise(_ctx, _tx, utility, _user, ticket, input) {
    if (!input.priority) throw validationError([{ field: 'priority', message: 'choose critical, high or normal' }]);
    return { changes: dueTimeChanges(utility, input.priority, ticket.receivedAt), note: input.note ?? null, data: { from: ticket.priority, to: input.priority } };
  },
};

/**
 * What an action needs done before its transaction, committed on its own: the
 * blur check runs after the acknowledgment, so an SPK asked for before it
 * finished runs it now (one photo, ~30 ms), and the SPK rule reads the
 * ticket's blur flag whatever the SPK's outcome. Call it outside any
 * transaction that may roll back (the idempotent step runs it as its `prepare`).
 */
export async function prepareAction(ctx: AppContext, utility: Utility, user: StaffUser, ticketId: number, action: Action, input: ActionInput): Promise<void> {
  if (action === 'issue_spk' && !input.phoneVerification?.trim() && (transitions[action] as Transition).actors.includes(user.role)) {
    await analyseReportPhotoNow(ctx, utility.id, ticketId);
  }
}

/**
 * Applies one workflow action to a ticket: locks it, checks the transition
 * table and the action's own rules, writes the change and its event in one
 * transaction. Refusals leave nothing written.
 */
export async function performAction(ctx: AppContext, utility: Utility, user: StaffUser, ticketId: number, action: Action, input: ActionInput): Promise<Ticket> {
  await prepareAction(ctx, utility, user, ticketId, action, input);
  return ctx.db.transaction(async (tx) => {
    // A step the role may never take is refused as such (403): that tells nothing about the id.
    const rule = transitions[action] as Transition;
    if (!rule.actors.includes(user.role)) planTransition(rule.from[0], action, user.role);
    // A crew acts on its own tickets only: another crew's is not found (404), like its reads.
    const ticket = await findVisibleTicket(tx, utility.id, viewerOf(user), ticketId, true);
    if (!ticket) throw notFound('ticket', ticketId);
    // Checked before the action's own rules, so that an illegal step is refused as such (and writes no photo row).
    planTransition(ticket.status, action, user.role);
    const at = ctx.now();
    const step = await steps[action](ctx, tx, utility, user, ticket, input, at);
    await transition(tx, { utilityId: utility.id, ticketId: ticket.id, action, actor: user.role, actorUserId: user.id, at, changes: step.changes, note: step.note, data: step.data });
    // Incentive points are credited to the crew with the close, in its transaction.
    if (action === 'close') await creditClosedTickets(tx, utility.id, ticket.id);
    return (await findTicket(tx, utility.id, ticket.id)) as Ticket;
  });
}
