import { latLngToCell } from 'h3-js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, ErrorCode, validationError } from '../../core/domain/errors.js';
import { normalisePhone } from '../../core/domain/phone.js';
import type { Category, Source, TicketStatus } from '../../core/domain/tickets.js';
import { locateInServiceArea, type Place, type Utility } from '../utilities/service.js';
import { findReporterByPhone, upsertReporter } from './reporters.repository.js';
import { createTicket, nextNumber, openIncidentAt } from './repository.js';
import type { StaffUser } from '../auth/service.js';
import { recordPhoto, storePhoto, type StoredPhoto } from './photos.service.js';
import { analyseSoon, analysisLeaseFrom } from './photo-analysis.service.js';
import { classifyRepeat, linkedTicketNote, mentionedTicketNote, reopenTicket, type RepeatOutcome } from './repeat.service.js';
import { yearIn } from '../../core/domain/time.js';
import { findDuplicateTarget, mergeReport } from './duplicates.service.js';
import type { Tx } from '../../platform/db/knex.js';
import type { Language, OutboundChannel } from '../../core/domain/messages.js';
import { checkPhoneProof } from './phone-proof.service.js';

export interface ReportInput {
  lat: number;
  lon: number;
  description?: string | null;
  name?: string | null;
  phone?: string | null;
  address?: string | null;
  category?: Category;
  source: Source;
  photo?: Buffer | null;
  /** The photo's sha256 (hex) when the caller has it already: the photo is then read once, not twice. */
  photoSha256?: string | null;
  /** The earlier ticket the reporter says this is about (optional; a nearby done ticket of the same phone is found anyway). */
  previousNumber?: string | null;
  /** The open ticket the citizen chose on the form ("it is this one"): the report is added to it (duplicates.service.ts). */
  duplicateOf?: string | null;
  /** How the reporter wants to hear of it: stored for a new reporter; a known one's need the phone proven. */
  email?: string | null;
  preferredChannel?: OutboundChannel | null;
  language?: Language | null;
  /** The token of a confirmed one-time code (phone-proof.service.ts). */
  phoneToken?: string | null;
  /** A channel that cannot prove a phone (Open311): a known reporter's details stay as they are, and nothing is asked. */
  keepKnownDetails?: boolean;
  /** The photo already stored (a journalled report, journal.service.ts): used instead of `photo`. */
  storedPhoto?: StoredPhoto | null;
  /** When the report reached us, if before now (a journalled report): the ticket's received time. */
  receivedAt?: Date;
}

export interface ReportReceipt {
  id: number;
  number: string;
  status: TicketStatus;
  receivedAt: Date;
  /** Null until the photo is analysed (after the acknowledgment). */
  photoBlurred: boolean | null;
  /** The photo is being analysed (blur score, EXIF): its blur flag comes later. */
  photoAnalysing: boolean;
  region: string | null;
  kelurahan: string | null;
  /** The open area incident the report was attached to (status 'attached'), if any. */
  incident: { id: number; title: string } | null;
  /**
   * Seed 003: 're_report' reopened the done ticket (this is its number), back to its crew (`reopenedFor: 'crew'`)
   * or, closed by its restored area incident, back to the admin's queue (`'review'`: no crew of its own);
   * 'new_linked' is a new urgent ticket linked to `linkedTo`.
   */
  repeat: { kind: 're_report'; repeatCount: number; reopenedFor: 'crew' | 'review' } | { kind: 'new_linked'; linkedTo: string } | null;
  /** The report was added to the open ticket of the same spot (this is its number): how many reports it now stands for. */
  duplicate?: { reports: number; chosen: boolean } | null;
  /** The reporter's row (null without a phone): for the receipt's follow-up link, never shown. */
  reporterId: number | null;
}

/** A report checked and its photo stored: what the short transaction writes. */
export interface PreparedReport {
  input: ReportInput;
  enteredBy: StaffUser | null;
  phone: string | null;
  photo: StoredPhoto | null;
  place: Place;
  h3Cell: string;
  receivedAt: Date;
  /** Taken before the transaction (unused by a re-report). */
  number: string;
  /** The phone was proven: the details given replace the known reporter's. */
  proven: boolean;
  /** The phone belonged to a reporter before this report (else none of its tickets can be a re-report's target). */
  knownReporter: boolean;
}

/**
 * Takes in one report, from a citizen (photo and phone required) or from staff
 * (`enteredBy`; photo optional): prepareReport, then writeReport. Every check
 * runs before anything is written; the photo reaches the store before the
 * ticket is committed, so an acknowledged report never points at a missing
 * file. The photo's pixels are analysed after the acknowledgment.
 */
export async function submitReport(ctx: AppContext, utility: Utility, input: ReportInput, enteredBy: StaffUser | null = null): Promise<ReportReceipt> {
  return writeReport(ctx, utility, await prepareReport(ctx, utility, input, enteredBy));
}

/**
 * Every check of a report (phone, photo, blocked reporter, service area) and
 * the photo stored (its header sniffed, no pixel decoded), outside any
 * transaction: no connection is held while the photo is read and written.
 */
export async function prepareReport(ctx: AppContext, utility: Utility, input: ReportInput, enteredBy: StaffUser | null = null): Promise<PreparedReport> {
  const fromCitizen = enteredBy === null;
  const phone = checkReportFields(utility, input, fromCitizen);

  let proven = false;
  let knownReporter = false;
  if (phone) {
    const reporter = await findReporterByPhone(ctx.db, utility.id, phone);
    knownReporter = reporter !== null;
    if (reporter?.blocked) {
      throw new DomainError(
        ErrorCode.reporterBlocked,
        `This phone number is blocked from reporting (${reporter.blockedReason ?? 'earlier reports were not valid'}). Please contact ${utility.settings.contact}.`,
        { field: 'phone', reason: reporter.blockedReason, contact: utility.settings.contact },
      );
    }
    // A citizen speaks for a known number only with it proven; staff entering a call change no known details.
    if (fromCitizen && !input.keepKnownDetails) {
      proven = await checkPhoneProof(ctx.db, utility, { phone, token: input.phoneToken, known: reporter, details: input, previousNumber: input.previousNumber, lat: input.lat, lon: input.lon, at: ctx.now() });
    }
  }

  // Inside the service area, and where (region, kelurahan): one round trip.
  const { inside, place } = await locateInServiceArea(ctx.db, utility.id, input.lon, input.lat);
  if (!inside) {
    throw new DomainError(ErrorCode.outsideServiceArea, `The location is outside the service area of ${utility.name}`, {
      field: 'lat',
      lat: input.lat,
      lon: input.lon,
    });
  }

  const photo = input.storedPhoto ?? (input.photo ? await storePhoto(ctx, utility, input.photo, input.photoSha256 ?? undefined) : null);
  const receivedAt = input.receivedAt ?? ctx.now();
  // The ticket number in a statement of its own, outside the ticket's transaction: the per-utility counter row is
  // then locked for that one statement, not until the ticket commits (it serialised intake: docs/intake.md).
  // Like a sequence, a number can go unused (a re-report, a failed write): numbers may have gaps, never repeats.
  const number = await nextNumber(ctx.db, utility.id, 'LK', yearIn(receivedAt, utility.timeZone));
  return { input, enteredBy, phone, photo, place, h3Cell: latLngToCell(input.lat, input.lon, utility.settings.h3Resolution), receivedAt, number, proven, knownReporter };
}

/**
 * The checks of a report that need nothing but the report and the utility's
 * settings (no database, no photo decoded): the phone (required of citizens),
 * an active category, the photo a citizen must send. Returns the phone in its
 * stored form (null when none was given).
 */
export function checkReportFields(utility: Utility, input: ReportInput, fromCitizen: boolean): string | null {
  let phone: string | null = null;
  if (input.phone != null && input.phone.trim() !== '') {
    phone = normalisePhone(input.phone);
    if (!phone) throw validationError([{ field: 'phone', message: 'not an Indonesian phone number (e.g. 0812-3456-7890 or +62 812 3456 7890)' }]);
  } else if (fromCitizen) {
    throw validationError([{ field: 'phone', message: 'required, so that we can confirm the report with you' }]);
  }
  // The utility's categories (settings.categories): a deactivated one takes no new report; a photo is required of
  // citizens unless the category says otherwise (a "no water" report has nothing to photograph).
  const category = utility.settings.categories[input.category ?? 'other'];
  if (category && !category.active) {
    throw validationError([{ field: 'category', message: `${utility.name} no longer takes reports of this kind (“${category.name.en}”): choose another` }]);
  }
  if (fromCitizen && !input.photo && !input.storedPhoto && (category?.photoRequired ?? true)) {
    throw new DomainError(ErrorCode.photoRequired, 'A photo of the leak is required', { field: 'photo' });
  }
  return phone;
}

/**
 * The report's rows in one short transaction: the ticket (or the re-report of
 * an earlier one), its event, the reporter and the photo, pending analysis.
 */
export async function writeReport(ctx: AppContext, utility: Utility, prepared: PreparedReport): Promise<ReportReceipt> {
  const { input, enteredBy, phone, photo, place, h3Cell, receivedAt, number, proven, knownReporter } = prepared;
  const fromCitizen = enteredBy === null;
  // Known after the analysis (photo-analysis.service.ts); until then the queue shows "analysing".
  const photoBlurred = null;
  const photoAnalysing = photo !== null;

  // Inside the caller's transaction when there is one (the idempotent route's): no savepoint round trips.
  const inTransaction = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => ((ctx.db as Tx).isTransaction ? work(ctx.db as Tx) : ctx.db.transaction(work));
  const receipt = await inTransaction(async (tx) => {
    // Inside an open area incident, the report joins it: no separate crew (seed 003).
    const incident = await openIncidentAt(tx, utility.id, input.lon, input.lat);
    // A first-time reporter who names no earlier ticket has none to repeat: no lookup (most reports).
    const mayRepeat = !incident && (knownReporter || Boolean(input.previousNumber?.trim()));
    const repeat: RepeatOutcome = mayRepeat ? await classifyRepeat(tx, utility, { previousNumber: input.previousNumber ?? null, phone, lat: input.lat, lon: input.lon, at: receivedAt }) : { kind: 'none' };
    const details = { name: input.name, address: input.address, email: input.email, preferredChannel: input.preferredChannel, language: input.language };
    const reporterId = phone ? await upsertReporter(tx, utility.id, { phone, ...details }, proven) : null;
    if (repeat.kind === 're_report') {
      const { photoId, status } = await reopenTicket(ctx, tx, utility, repeat, { staffId: enteredBy?.id ?? null, source: input.source, photo });
      return {
        photoId,
        receipt: {
          id: repeat.ticket.id,
          number: repeat.ticket.number,
          status,
          receivedAt: repeat.ticket.receivedAt,
          photoBlurred,
          photoAnalysing,
          region: place.regionName,
          kelurahan: place.areaName,
          repeat: { kind: 're_report' as const, repeatCount: repeat.repeatCount, reopenedFor: status === 'received' ? ('review' as const) : ('crew' as const) },
          incident: null,
          reporterId,
        },
      };
    }
    const duplicate = incident || repeat.kind !== 'none' ? null : await findDuplicateTarget(tx, utility, { lat: input.lat, lon: input.lon, category: input.category ?? 'other', at: receivedAt, chosenNumber: input.duplicateOf ?? null });
    const linked = repeat.kind === 'new_linked' ? repeat : null;
    const mentioned = repeat.kind === 'none' && repeat.mentioned ? mentionedTicketNote(repeat.mentioned) : null;
    const description = [input.description ?? null, mentioned].filter((x) => x !== null).join('\n\n') || null;
    const ticketId = await createTicket(
      tx,
      {
        utilityId: utility.id,
        number,
        reporterId,
        enteredBy: enteredBy?.id ?? null,
        source: input.source,
        lat: input.lat,
        lon: input.lon,
        h3Cell,
        regionId: place.regionId,
        areaId: place.areaId,
        address: input.address ?? null,
        description,
        category: input.category ?? 'other',
        photoBlurred,
        receivedAt,
        urgent: linked !== null,
        parentTicketId: linked?.earlier.id ?? null,
        status: incident ? 'attached' : 'received',
        incidentId: incident?.id ?? null,
      },
      {
        actorKind: fromCitizen ? 'reporter' : 'staff',
        actorId: enteredBy?.id ?? null,
        note: incident
          ? `Tergabung ke gangguan wilayah: ${incident.title}`
          : linked
            ? linkedTicketNote(linked.earlier, linked.hoursSinceFix, utility.settings.reReportWindowHours)
            : null,
        data: { source: input.source, ...(linked ? { linkedTo: linked.earlier.number, urgent: true } : {}) },
      },
    );
    const photoId = photo ? await recordPhoto(tx, utility, ticketId, 'report', photo, enteredBy?.id ?? null, analysisLeaseFrom(receivedAt)) : null;
    if (duplicate) {
      const into = { id: duplicate.id, number: duplicate.number };
      const reports = await mergeReport(tx, utility, { report: { id: ticketId, number }, into, actor: 'duplicate', actorUserId: enteredBy?.id ?? null, at: receivedAt, note: null, data: { chosen: duplicate.chosen } });
      return {
        photoId,
        receipt: { id: duplicate.id, number: duplicate.number, status: duplicate.status, receivedAt: duplicate.receivedAt, photoBlurred, photoAnalysing, region: place.regionName, kelurahan: place.areaName, repeat: null, incident: null, duplicate: { reports, chosen: duplicate.chosen }, reporterId },
      };
    }
    return {
      photoId,
      receipt: {
        id: ticketId,
        number,
        status: incident ? ('attached' as const) : ('received' as const),
        receivedAt,
        photoBlurred,
        photoAnalysing,
        region: place.regionName,
        kelurahan: place.areaName,
        repeat: linked ? { kind: 'new_linked' as const, linkedTo: linked.earlier.number } : null,
        incident,
        reporterId,
      },
    };
  });
  // Once committed: now, or when the caller's transaction (the idempotent route's) commits.
  if (receipt.photoId !== null) analyseSoon(ctx, receipt.photoId, (ctx.db as Tx).isTransaction ? (ctx.db as Tx) : null);
  return receipt.receipt;
}
