/**
 * Who may speak for a phone number at intake (issue 12). Anyone can type
 * anyone's number, so a citizen's submission that would change a KNOWN
 * reporter's details (name, e-mail, preferred channel, language), or reopen
 * that reporter's done ticket by its number from another place, needs the
 * phone proven by a recent one-time code (notifications/verification.service.ts):
 * else PHONE_NOT_PROVEN naming the field, before anything is written.
 */
import type { Runner } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import { DomainError, ErrorCode } from '../../core/domain/errors.js';
import { isPhoneProven } from '../notifications/verification.service.js';
import { isReReportFromElsewhere } from './repository.js';
import type { Reporter, ReporterDetails } from './reporters.repository.js';

export type ReporterChange = 'name' | 'email' | 'preferred_channel' | 'language';

/** The details a submission would change on a known reporter (a blank name being filled in is no change). */
export function reporterChangesOf(known: Reporter, given: ReporterDetails): ReporterChange[] {
  const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
  const out: ReporterChange[] = [];
  const name = text(given.name);
  if (name && known.name && name.toLowerCase() !== known.name.trim().toLowerCase()) out.push('name');
  const email = text(given.email);
  if (email && email.toLowerCase() !== (known.email ?? '').toLowerCase()) out.push('email');
  if (given.preferredChannel && given.preferredChannel !== known.preferredChannel) out.push('preferred_channel');
  if (given.language && given.language !== known.language) out.push('language');
  return out;
}

export interface ProofQuestion {
  phone: string;
  token: string | null | undefined;
  known: Reporter | null;
  details: ReporterDetails;
  previousNumber: string | null | undefined;
  lat: number;
  lon: number;
  at: Date;
}

/** Whether the submission may go on with the reporter's details replaced (true), as is (false), or not at all (throws PHONE_NOT_PROVEN). */
export async function checkPhoneProof(db: Runner, utility: Utility, q: ProofQuestion): Promise<boolean> {
  if (!q.known) return false;
  const changes: (ReporterChange | 're_report_elsewhere')[] = reporterChangesOf(q.known, q.details);
  const s = utility.settings;
  if (
    q.previousNumber?.trim() &&
    (await isReReportFromElsewhere(db, utility.id, { number: q.previousNumber, phone: q.phone, lat: q.lat, lon: q.lon, radiusMetres: s.repeatByNumberRadiusMetres, since: new Date(q.at.getTime() - s.repeatLinkDays * 86_400_000) }))
  ) {
    changes.push('re_report_elsewhere');
  }
  if (changes.length === 0) return false;
  if (await isPhoneProven(db, utility.id, q.phone, q.token, q.at)) return true;
  throw new DomainError(
    ErrorCode.phoneNotProven,
    q.token
      ? 'The confirmation of this phone number has expired or is for another number: ask for a new code'
      : 'This phone number is already known: confirm it with the code we send to it (POST /api/v1/verifications), then send phone_token',
    { field: 'phone_token', changes },
  );
}
