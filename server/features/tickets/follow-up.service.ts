/**
 * Follow-up by the reporter (issue 13), through the signed link of the receipt:
 * read the ticket's status, add a note or a photo while it is open (the
 * `add_info` step of the one writer, in the ticket's trail as the reporter),
 * and see their other reports. Looking up tickets by a phone number needs the
 * phone verified by a code first (the notifications issue); until then the
 * receipt link is the only key, and it lists the reporter's tickets.
 */
import type { AppContext } from '../../platform/context.js';
import type { Utility } from '../utilities/service.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import { statusLabels } from '../../core/domain/labels.js';
import { normalisePhone } from '../../core/domain/phone.js';
import { transitions, type Transition } from '../../core/domain/workflow.js';
import { findTicket, findTicketByNumber, transition } from './repository.js';
import { findReporterByPhone } from './reporters.repository.js';
import { reporterIdsOf, ticketsOfReporter } from './links.repository.js';
import { linkPath, signLink, verifyLink } from './links.service.js';
import { publicStatus } from './service.js';
import { recordPhoto, storePhoto } from './photos.service.js';
import { analyseSoon, analysisLeaseFrom } from './photo-analysis.service.js';

/** The receipt's follow-up link for the reporter of `phone` (null without a phone). */
export async function followUpLinkFor(ctx: Pick<AppContext, 'db'>, utility: Utility, ticketNumber: string, phone: string | null | undefined): Promise<string | null> {
  const normalised = phone ? normalisePhone(phone) : null;
  const reporter = normalised ? await findReporterByPhone(ctx.db, utility.id, normalised) : null;
  const ticket = reporter ? await findTicketByNumber(ctx.db, utility.id, ticketNumber) : null;
  if (!reporter || !ticket) return null;
  return linkPath(utility.code, 'tindak-lanjut', await signLink(ctx.db, utility.id, { purpose: 'follow', ticketId: ticket.id, reporterId: reporter.id }));
}

/** The ticket behind a follow-up token, when the token's reporter is (still) one of its reporters. */
async function ticketOfLink(ctx: Pick<AppContext, 'db'>, utility: Utility, token: string | undefined) {
  const claims = await verifyLink(ctx.db, utility.id, 'follow', token);
  const ticket = await findTicket(ctx.db, utility.id, claims.ticketId);
  if (!ticket || !(await reporterIdsOf(ctx.db, ticket.id)).includes(claims.reporterId)) throw notFound('report', claims.ticketId);
  return { ticket, reporterId: claims.reporterId };
}

const addable = (transitions.add_info as Transition).from;

/** What the reporter reads through their link: the public status, whether they can still add to it, and their other reports. */
export async function followUpView(ctx: Pick<AppContext, 'db'>, utility: Utility, token: string | undefined) {
  const { ticket, reporterId } = await ticketOfLink(ctx, utility, token);
  const mine = await ticketsOfReporter(ctx.db, utility.id, reporterId, 20);
  return {
    report: await publicStatus(ctx as AppContext, utility, ticket.number),
    canAdd: addable.includes(ticket.status),
    reports: mine.map((t) => ({ number: t.number, status: t.status, statusLabel: statusLabels[t.status as keyof typeof statusLabels], category: t.category, receivedAt: t.receivedAt.toISOString() })),
  };
}

/** The reporter adds a note and/or a photo to their open ticket. */
export async function addFollowUp(ctx: AppContext, utility: Utility, token: string | undefined, input: { note: string | null; photo: Buffer | null }) {
  const { ticket, reporterId } = await ticketOfLink(ctx, utility, token);
  if (!input.note && !input.photo) throw validationError([{ field: 'note', message: 'write a note or attach a photo' }]);
  const photo = input.photo ? await storePhoto(ctx, utility, input.photo) : null;
  await ctx.db.transaction(async (tx) => {
    const locked = await findTicket(tx, utility.id, ticket.id, true);
    if (!locked) throw notFound('report', ticket.number);
    if (!addable.includes(locked.status)) {
      throw new DomainError(ErrorCode.invalidTransition, `Report ${locked.number} is ${locked.status}: nothing can be added to it now`, { action: 'add_info', currentStatus: locked.status, allowedActions: [] });
    }
    const photoId = photo ? await recordPhoto(tx, utility, locked.id, 'report', photo, null, analysisLeaseFrom(ctx.now())) : null;
    if (photoId !== null) analyseSoon(ctx, photoId); // once committed
    await transition(tx, {
      utilityId: utility.id,
      ticketId: locked.id,
      action: 'add_info',
      actor: 'reporter_link',
      actorUserId: null,
      at: ctx.now(),
      note: input.note ? `Tambahan dari pelapor: ${input.note}` : 'Pelapor menambahkan foto',
      data: { reporterId, photoId },
    });
  });
  return followUpView(ctx, utility, token);
}
