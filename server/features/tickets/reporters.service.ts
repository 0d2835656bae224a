/**
 * Unblocking a reporter (issue 13): a caller blocked after a rejected report
 * could be served by nobody. The admin or the operator lifts the block with a
 * reason; blocks and unblocks are kept in the reporter's trail (reporter_events).
 */
import type { AppContext } from '../../platform/context.js';
import type { Utility } from '../utilities/service.js';
import type { StaffUser } from '../auth/service.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import { normalisePhone } from '../../core/domain/phone.js';
import { findReporterByPhone, reporterEventsOf, unblockReporter } from './reporters.repository.js';
import { recordAudit } from '../audit/service.js';

function phoneOf(phone: string): string {
  const normalised = normalisePhone(phone);
  if (!normalised) throw validationError([{ field: 'phone', message: 'not an Indonesian phone number (e.g. 0812-3456-7890)' }]);
  return normalised;
}

export async function reporterRecord(ctx: Pick<AppContext, 'db'>, utility: Utility, phone: string) {
  const reporter = await findReporterByPhone(ctx.db, utility.id, phoneOf(phone));
  if (!reporter) throw notFound('reporter', phone);
  const events = await reporterEventsOf(ctx.db, reporter.id);
  return { phone: reporter.phone, name: reporter.name, blocked: reporter.blocked, blockedReason: reporter.blockedReason, events: events.map((e) => ({ ...e, at: e.at.toISOString() })) };
}

export async function unblock(ctx: AppContext, utility: Utility, user: StaffUser, phone: string, reason: string) {
  const why = reason.trim();
  if (!why) throw validationError([{ field: 'reason', message: 'say why the block is lifted' }]);
  await ctx.db.transaction(async (tx) => {
    const reporter = await findReporterByPhone(tx, utility.id, phoneOf(phone));
    if (!reporter) throw notFound('reporter', phone);
    if (!reporter.blocked) throw new DomainError(ErrorCode.conflict, 'This phone number is not blocked', { field: 'phone' });
    await unblockReporter(tx, utility.id, reporter.id, why, user.id, ctx.now());
    await recordAudit(tx, { utilityId: utility.id, actorId: user.id, action: 'reporter.unblock', objectType: 'reporter', objectId: reporter.id, details: { reason: why, blockedReason: reporter.blockedReason }, at: ctx.now() });
  });
  return reporterRecord(ctx, utility, phone);
}
