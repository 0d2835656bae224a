/**
 * Staff set how a ticket's reporter hears of their reports (issue 12): the
 * channel and the language, where staff see the reporter (the ticket page).
 * The admin and the operator only (routes), audited.
 */
import type { AppContext } from '../../platform/context.js';
import type { Utility } from '../utilities/service.js';
import type { StaffUser } from '../auth/service.js';
import type { Language, OutboundChannel } from '../../core/domain/messages.js';
import { notFound } from '../../core/domain/errors.js';
import { viewerOf } from '../auth/viewer.js';
import { recordAudit } from '../audit/service.js';
import { findReporterContact } from './repository.js';
import { setReporterContact } from './reporters.repository.js';

export async function changeReporterContact(ctx: AppContext, utility: Utility, user: StaffUser, ticketId: number, to: { preferredChannel: OutboundChannel | null; language: Language }) {
  const at = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const contact = await findReporterContact(tx, utility.id, viewerOf(user), ticketId);
    if (!contact) throw notFound('reporter of ticket', ticketId);
    await setReporterContact(tx, utility.id, contact.reporterId, to);
    const from = { preferredChannel: contact.preferredChannel, language: contact.language };
    await recordAudit(tx, { utilityId: utility.id, actorId: user.id, action: 'reporter.contact', objectType: 'reporter', objectId: contact.reporterId, details: { ticketId, from, to }, at });
    return { preferredChannel: to.preferredChannel, language: to.language, optedOut: contact.optedOut };
  });
}
