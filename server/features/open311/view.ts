/**
 * The Open311 GeoReport v2 answers: discovery, the service notice of a
 * submission and a ticket as a public service request. No I/O.
 */
import { statusLabels } from '../../core/domain/labels.js';
import { dueTimesOf } from '../../core/domain/sla.js';
import type { Utility } from '../utilities/service.js';
import type { ReportReceipt } from '../tickets/intake.service.js';
import type { PublicRequestRow, QueuedSubmission, TicketStepRow } from './repository.js';
import { SERVICES_CHANGESET, SPECIFICATION, fmsStatusOf, open311StatusOf, scrubPublicText, serviceNameOf, toW3cDateTime } from './vocabulary.js';

/** discovery.json: the endpoint and how to get a key; the utility's contact only when one is named. */
export function discovery(utility: Utility | null, endpointUrl: string) {
  const contact = utility
    ? `${utility.name}: ${utility.settings.contact}.`
    : 'Server ini melayani beberapa PDAM: sertakan jurisdiction_id. / This server serves several utilities: pass jurisdiction_id.';
  return {
    changeset: SERVICES_CHANGESET,
    contact,
    key_service:
      'api_key hanya diperlukan untuk mengirim laporan (POST requests.xml atau requests.json); mintalah kepada PDAM, yang membuatnya dengan `npm run apikey -- create <nama>`. / An api_key is needed only to submit (POST requests.xml or requests.json); ask the utility for one.',
    endpoints: [
      {
        specification: SPECIFICATION as typeof SPECIFICATION,
        url: endpointUrl,
        changeset: SERVICES_CHANGESET,
        type: 'production' as const,
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

/** A POST answer: the ticket number, or (never both, the spec) the token of a submission waiting for staff. */
export type PostAnswerItem =
  | { service_request_id: string; service_notice: string; account_id: string | null }
  | { token: string; service_notice: string; account_id: string | null };

/** What a client is told when its submission waits for staff (202 with a token). */
export function queuedNoticeOf(waitsFor: 'position' | 'photo'): string {
  return waitsFor === 'position'
    ? 'Laporan diterima dan menunggu petugas menentukan lokasinya dari alamat; nomor tiket tersedia lewat token ini. / Received: staff will place it from the address; the ticket number comes through this token.'
    : 'Laporan diterima dan menunggu petugas memeriksa foto dari tautan; nomor tiket tersedia lewat token ini. / Received: staff will check the photo link; the ticket number comes through this token.';
}

/** A queued submission as staff see it (personal data included: admin and operator only). */
export function presentQueuedSubmission(q: QueuedSubmission) {
  const s = q.submission as Record<string, unknown>;
  const pick = (k: string) => (typeof s[k] === 'string' ? (s[k] as string) : null);
  const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : null);
  return {
    token: q.token,
    waitsFor: q.waitsFor,
    receivedAt: q.receivedAt.toISOString(),
    serviceCode: pick('service_code'),
    description: pick('description'),
    notes: Array.isArray(s.notes) ? (s.notes as string[]) : [],
    lat: num('lat'),
    lon: num('long'),
    addressString: pick('address_string'),
    addressId: pick('address_id'),
    name: [pick('first_name'), pick('last_name')].filter(Boolean).join(' ') || null,
    phone: pick('phone'),
    mediaUrl: q.mediaUrl,
  };
}

/** How a report relates to an earlier one, as intake's receipt tells it. */
export type Repeat = ReportReceipt['repeat'] | undefined;

export const repeatOf = (receipt: ReportReceipt): Repeat => receipt.repeat;

/** What the reporter is told: in Bahasa Indonesia, as on our own receipt. */
export function serviceNoticeOf(receipt: ReportReceipt): string {
  const repeat = repeatOf(receipt);
  const parts: string[] = [];
  // A ticket closed by its restored area incident had no crew of its own: nobody is "sent back", the admin looks again.
  if (repeat?.kind === 're_report' && repeat.reopenedFor === 'review') {
    parts.push(
      `Laporan ulang: tiket ${receipt.number} dari gangguan wilayah yang dinyatakan pulih dibuka kembali dan diperiksa lagi oleh admin PDAM. / Repeat report: ${receipt.number}, closed when the area disruption was restored, is reopened for the utility's admin to check again.`,
    );
  } else if (repeat?.kind === 're_report') {
    parts.push(`Laporan ulang: tiket ${receipt.number} yang sudah diperbaiki dibuka kembali dan tim dikirim lagi. / Repeat report: the repaired ticket ${receipt.number} is reopened and its crew sent back.`);
  } else {
    parts.push(`Laporan diterima dengan nomor ${receipt.number} dan akan divalidasi oleh admin PDAM.`);
    if (repeat?.kind === 'new_linked') parts.push(`Laporan ini terkait laporan sebelumnya ${repeat.linkedTo} dan ditangani segera.`);
  }
  if (receipt.photoBlurred) parts.push('Foto kurang jelas: petugas mungkin menelepon Anda untuk memastikan.');
  return parts.join(' ');
}

/** A ticket as a GeoReport v2 service request: public fields only (phones, e-mails and the reporter's name hidden in the text), times in the utility's zone. */
export function presentServiceRequest(row: PublicRequestRow, utility: Utility) {
  const status = open311StatusOf(row.status);
  const at = (d: Date) => toW3cDateTime(d, utility.timeZone);
  const done = row.status === 'fixed' || row.status === 'closed' || row.status === 'rejected';
  // Before triage there is no priority: promise the Normal standard, the slowest one (as publicStatus does).
  const expected = done ? null : dueTimesOf(row, utility.settings).resolve;
  const updated = status === 'closed' ? (row.closedAt ?? row.rejectedAt ?? row.updatedAt) : row.updatedAt;
  return {
    service_request_id: row.number,
    status,
    status_notes: statusLabels[row.status].id,
    service_name: serviceNameOf(row.category),
    service_code: row.category,
    description: scrubPublicText(row.description, [row.reporterName]),
    agency_responsible: row.regionName ? `${utility.name} (${row.regionName})` : utility.name,
    service_notice: null,
    requested_datetime: at(row.receivedAt),
    updated_datetime: at(updated),
    expected_datetime: expected ? at(expected) : null,
    address: scrubPublicText(row.address, [row.reporterName]) ?? (row.areaName ? `Kel. ${row.areaName}` : null),
    address_id: null,
    zipcode: null,
    lat: row.lat,
    long: row.lon,
    media_url: null,
  };
}

/** One ticket step as FixMyStreet's request_update: our public status words, never a staff note. */
export function presentRequestUpdate(step: TicketStepRow, utility: Utility) {
  return {
    update_id: String(step.eventId),
    service_request_id: step.number,
    status: fmsStatusOf(step.action, step.toStatus),
    description:
      step.action === 'reopen'
        ? `Dilaporkan ulang setelah diperbaiki: tim dikirim kembali. (${statusLabels[step.toStatus].id}) / Reported again after the repair: the crew is sent back.`
        : step.action === 'reopen_restored'
          ? `Dilaporkan ulang setelah gangguan wilayah pulih: diperiksa kembali oleh admin. (${statusLabels[step.toStatus].id}) / Reported again after the area disruption was restored: the admin checks it again.`
          : statusLabels[step.toStatus].id,
    updated_datetime: toW3cDateTime(step.at, utility.timeZone),
    external_status_code: step.toStatus,
    media_url: null,
  };
}
