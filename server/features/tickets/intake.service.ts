import { latLngToCell } from 'h3-js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, ErrorCode, validationError } from '../../core/domain/errors.js';
import { normalisePhone } from '../../core/domain/phone.js';
import type { Category, Source, TicketStatus } from '../../core/domain/tickets.js';
import { isInsideServiceArea, locatePoint, type Utility } from '../utilities/service.js';
import { findReporterByPhone, upsertReporter } from './reporters.repository.js';
import { createTicket, nextNumber, openIncidentAt } from './repository.js';
import type { StaffUser } from '../auth/service.js';
import { recordPhoto, storePhoto } from './photos.service.js';
import { classifyRepeat, linkedTicketNote, mentionedTicketNote, reopenTicket, type RepeatOutcome } from './repeat.service.js';
import { yearIn } from '../../core/domain/time.js';

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
  /** The earlier ticket the reporter says this is about (optional; a nearby done ticket of the same phone is found anyway). */
  previousNumber?: string | null;
}

export interface ReportReceipt {
  id: number;
  number: string;
  status: TicketStatus;
  receivedAt: Date;
  photoBlurred: boolean | null;
  region: string | null;
  kelurahan: string | null;
  /** The open area incident the report was attached to (status 'attached'), if any. */
  incident: { id: number; title: string } | null;
  /** Seed 003: 're_report' reopened the done ticket (this is its number); 'new_linked' is a new urgent ticket linked to `linkedTo`. */
  repeat: { kind: 're_report'; repeatCount: number } | { kind: 'new_linked'; linkedTo: string } | null;
}

/**
 * Takes in one report, from a citizen (photo and phone required) or from staff
 * (`enteredBy`; photo optional). Every check runs before anything is written;
 * the photo reaches disk before the ticket is committed, so an acknowledged
 * report never points at a missing file.
 */
export async function submitReport(ctx: AppContext, utility: Utility, input: ReportInput, enteredBy: StaffUser | null = null): Promise<ReportReceipt> {
  const fromCitizen = enteredBy === null;

  let phone: string | null = null;
  if (input.phone != null && input.phone.trim() !== '') {
    phone = normalisePhone(input.phone);
    if (!phone) throw validationError([{ field: 'phone', message: 'not an Indonesian phone number (e.g. 0812-3456-7890 or +62 812 3456 7890)' }]);
  } else if (fromCitizen) {
    throw validationError([{ field: 'phone', message: 'required, so that we can confirm the report with you' }]);
  }
  if (fromCitizen && !input.photo) {
    throw new DomainError(ErrorCode.photoRequired, 'A photo of the leak is required', { field: 'photo' });
  }

  if (phone) {
    const reporter = await findReporterByPhone(ctx.db, utility.id, phone);
    if (reporter?.blocked) {
      throw new DomainError(
        ErrorCode.reporterBlocked,
        `This phone number is blocked from reporting (${reporter.blockedReason ?? 'earlier reports were not valid'}). Please contact ${utility.settings.contact}.`,
        { field: 'phone', reason: reporter.blockedReason, contact: utility.settings.contact },
      );
    }
  }

  if (!(await isInsideServiceArea(ctx.db, utility.id, input.lon, input.lat))) {
    throw new DomainError(ErrorCode.outsideServiceArea, `The location is outside the service area of ${utility.name}`, {
      field: 'lat',
      lat: input.lat,
      lon: input.lon,
    });
  }

  const photo = input.photo ? await storePhoto(ctx, utility, input.photo) : null;
  const place = await locatePoint(ctx.db, utility.id, input.lon, input.lat);
  const h3Cell = latLngToCell(input.lat, input.lon, utility.settings.h3Resolution);
  const receivedAt = ctx.now();
  const photoBlurred = photo ? photo.analysis.blurScore < utility.settings.blurThreshold : null;

  return ctx.db.transaction(async (tx) => {
    // Inside an open area incident, the report joins it: no separate crew (seed 003).
    const incident = await openIncidentAt(tx, utility.id, input.lon, input.lat);
    const repeat: RepeatOutcome = incident ? { kind: 'none' } : await classifyRepeat(tx, utility, { previousNumber: input.previousNumber ?? null, phone, lat: input.lat, lon: input.lon, at: receivedAt });
    const reporterId = phone ? await upsertReporter(tx, utility.id, { phone, name: input.name, address: input.address }) : null;
    if (repeat.kind === 're_report') {
      const status = await reopenTicket(ctx, tx, utility, repeat, { staffId: enteredBy?.id ?? null, source: input.source, photo });
      return {
        id: repeat.ticket.id,
        number: repeat.ticket.number,
        status,
        receivedAt: repeat.ticket.receivedAt,
        photoBlurred,
        region: place.regionName,
        kelurahan: place.areaName,
        repeat: { kind: 're_report' as const, repeatCount: repeat.repeatCount },
        incident: null,
      };
    }
    const linked = repeat.kind === 'new_linked' ? repeat : null;
    const mentioned = repeat.kind === 'none' && repeat.mentioned ? mentionedTicketNote(repeat.mentioned) : null;
    const description = [input.description ?? null, mentioned].filter((x) => x !== null).join('\n\n') || null;
    const number = await nextNumber(tx, utility.id, 'LK', yearIn(receivedAt, utility.timeZone));
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
        data: { source: input.source, photoBlurred, ...(linked ? { linkedTo: linked.earlier.number, urgent: true } : {}) },
      },
    );
    if (photo) await recordPhoto(tx, utility, ticketId, 'report', photo, enteredBy?.id ?? null);
    return {
      id: ticketId,
      number,
      status: incident ? ('attached' as const) : ('received' as const),
      receivedAt,
      photoBlurred,
      region: place.regionName,
      kelurahan: place.areaName,
      repeat: linked ? { kind: 'new_linked' as const, linkedTo: linked.earlier.number } : null,
      incident,
    };
  });
}
