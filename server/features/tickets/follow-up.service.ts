/**
 * Follow-up by the reporter (issue 13), through the signed link of the receipt:
 * read the ticket's status, add a note or a photo while it is open (the
 * `add_info` step of the one writer, in the ticket's trail as the reporter),
 * and see their other reports. A reporter who lost the receipt looks their
 * reports up by phone once the phone is proven by a one-time code
 * (notifications' verification service): each report then comes with its
 * follow-up link.
 */
import type { AppContext } from '../../platform/context.js';
import type { Utility } from '../utilities/service.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import { statusLabels } from '../../core/domain/labels.js';
import { normalisePhone } from '../../core/domain/phone.js';
import { transitions, type Transition } from '../../core/domain/workflow.js';
import { findTicket, transition } from './repository.js';
import { findReporterByPhone } from './reporters.repository.js';
import { reporterIdsOf, ticketsOfReporter } from './links.repository.js';
import { linkPath, signLink, verifyLink } from './links.service.js';
import { isPhoneProven } from '../notifications/verification.service.js';
import { publicStatus } from './service.js';
import { recordPhoto, storePhoto } from './photos.service.js';
import { analyseSoon, analysisLeaseFrom } from './photo-analysis.service.js';

/** The receipt's follow-up link, when the ticket and its reporter are known (intake: no lookup). */
export async function followUpLinkOf(ctx: Pick<AppContext, 'db'>, utility: Utility, ticketId: number, reporterId: number | null): Promise<string | null> {
  return reporterId === null ? null : linkPath(utility.code, 'tindak-lanjut', await signLink(ctx.db, utility.id, { purpose: 'follow', ticketId, reporterId }));
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
    if (photoId !== null) analyseSoon(ctx, photoId, tx); // once committed
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

/**
 * A reporter's own reports by phone, once the phone is proven (`proof`: the
 * token POST /api/v1/verifications/{id}/confirm answers): number, status,
 * dates and each report's follow-up link; nothing of anyone else. An unproven
 * phone is refused (LINK_INVALID, naming `proof`); a proven phone with no
 * reports gets an empty list.
 */
export async function reportsOfProvenPhone(ctx: Pick<AppContext, 'db' | 'now'>, utility: Utility, phoneText: string, proof: string | undefined) {
  const phone = normalisePhone(phoneText);
  if (!phone) throw validationError([{ field: 'phone', message: 'an Indonesian phone number, e.g. 0812-3456-7890' }]);
  if (!(await isPhoneProven(ctx.db, utility.id, phone, proof, ctx.now()))) {
    throw new DomainError(ErrorCode.linkInvalid, 'This phone is not verified: ask for a code (POST /api/v1/verifications) and confirm it first', { field: 'proof' });
  }
  const reporter = await findReporterByPhone(ctx.db, utility.id, phone);
  const mine = reporter ? await ticketsOfReporter(ctx.db, utility.id, reporter.id, 50) : [];
  return {
    reports: await Promise.all(
      mine.map(async (t) => ({
        number: t.number,
        status: t.status,
        statusLabel: statusLabels[t.status as keyof typeof statusLabels],
        category: t.category,
        receivedAt: t.receivedAt.toISOString(),
        lastChangeAt: (t.lastStepAt ?? t.receivedAt).toISOString(),
        followUpUrl: linkPath(utility.code, 'tindak-lanjut', await signLink(ctx.db, utility.id, { purpose: 'follow', ticketId: t.id, reporterId: reporter!.id })),
      })),
    ),
  };
}
