/**
 * First-contact close (seed 001, seed 003 "ISSUE CLOSED di CC"): a call or a
 * walk-in the operator can answer on the spot is recorded as answered with a
 * standard answer from the admin's short knowledge base, and closes with its
 * own status (`answered`) that the complaint reports count; one that belongs
 * to another unit (billing, connections) is `forwarded` with the unit and the
 * answer given. Both steps run through workflow.service.ts and the one writer.
 */
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import type { StaffUser } from '../auth/service.js';
import { recordAudit } from '../audit/service.js';
import type { Ticket, TicketChanges } from './repository.js';
import { notFound, validationError } from '../../core/domain/errors.js';
import { findAnswer, insertAnswer, listAnswers, updateAnswer, type AnswerFields, type StandardAnswer } from './answers.repository.js';

export type { StandardAnswer, AnswerFields } from './answers.repository.js';

interface Step {
  changes: TicketChanges;
  note: string | null;
  data: Record<string, unknown>;
}

async function activeAnswer(tx: Tx, utility: Utility, answerId: number | undefined, required: boolean): Promise<StandardAnswer | null> {
  if (answerId === undefined) {
    if (required) throw validationError([{ field: 'answerId', message: 'choose the standard answer given to the caller' }]);
    return null;
  }
  const answer = await findAnswer(tx, utility.id, answerId);
  if (!answer || !answer.active) throw validationError([{ field: 'answerId', message: `no active standard answer ${answerId}` }]);
  return answer;
}

/** Answered on the spot with a standard answer (and what else the operator said). */
export async function answerStep(tx: Tx, utility: Utility, ticket: Ticket, input: { answerId?: number; note?: string | null }): Promise<Step> {
  const answer = (await activeAnswer(tx, utility, input.answerId, true)) as StandardAnswer;
  const note = input.note?.trim() || null;
  const text = [answer.answer.id, note].filter(Boolean).join('\n\n');
  return {
    changes: { answerId: answer.id, answerText: text },
    note: `Dijawab langsung: ${answer.title.id}${note ? ` — ${note}` : ''}`,
    data: { answerId: answer.id, title: answer.title.id, category: ticket.category },
  };
}

/** Forwarded to another unit, with the answer given to the caller. */
export async function forwardStep(tx: Tx, utility: Utility, _ticket: Ticket, input: { unit?: string; answer?: string; answerId?: number }): Promise<Step> {
  const issues = [];
  const unit = input.unit?.trim();
  if (!unit) issues.push({ field: 'unit', message: 'the unit the complaint goes to (e.g. Bagian Penagihan / billing)' });
  const standard = await activeAnswer(tx, utility, input.answerId, false);
  const answer = input.answer?.trim() || standard?.answer.id;
  if (!answer) issues.push({ field: 'answer', message: 'what the caller was told' });
  if (issues.length) throw validationError(issues);
  return {
    changes: { forwardedTo: unit as string, answerText: answer as string, answerId: standard?.id ?? null },
    note: `Diteruskan ke ${unit}: ${answer}`,
    data: { unit, answerId: standard?.id ?? null },
  };
}

// ---------------------------------------------------------------- the knowledge base (admin)

export function standardAnswers(ctx: Pick<AppContext, 'db'>, utility: Utility, includeInactive: boolean) {
  return listAnswers(ctx.db, utility.id, includeInactive);
}

/** The admin adds a standard answer; in the audit trail. */
export function addStandardAnswer(ctx: AppContext, utility: Utility, user: StaffUser, fields: AnswerFields) {
  return ctx.db.transaction(async (tx) => {
    const answer = await insertAnswer(tx, utility.id, fields, ctx.now());
    await recordAudit(tx, { utilityId: utility.id, actorId: user.id, action: 'answer.create', objectType: 'standard_answer', objectId: answer.id, details: { ...fields }, at: ctx.now() });
    return answer;
  });
}

/** The admin changes or retires a standard answer; in the audit trail. */
export async function changeStandardAnswer(ctx: AppContext, utility: Utility, user: StaffUser, id: number, fields: AnswerFields) {
  return ctx.db.transaction(async (tx) => {
    const answer = await updateAnswer(tx, utility.id, id, fields, ctx.now());
    if (!answer) throw notFound('standard answer', id);
    await recordAudit(tx, { utilityId: utility.id, actorId: user.id, action: 'answer.update', objectType: 'standard_answer', objectId: id, details: { ...fields }, at: ctx.now() });
    return answer;
  });
}
