import { z } from './openapi.js';
import { categories, priorities, sources, statuses } from '../../core/domain/tickets.js';
import { languages, outboundChannels } from '../../core/domain/messages.js';

/** A number sent as JSON or as a form field; empty or non-numeric text is refused. */
export function numberField(min: number, max: number, what: string) {
  return z
    .union([z.number(), z.string().trim().regex(/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/, `${what} must be a number`)], {
      error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be a number`),
    })
    .transform(Number)
    .pipe(z.number().min(min, `${what} must be between ${min} and ${max}`).max(max, `${what} must be between ${min} and ${max}`));
}

/** An optional choice from a list; a form's empty option means none. */
const emptyAsNull = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === undefined ? null : v), schema.nullable());

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v));

export const ReportFields = z.object({
  lat: numberField(-90, 90, 'lat').openapi({ type: 'number', example: -5.1477 }),
  lon: numberField(-180, 180, 'lon').openapi({ type: 'number', example: 119.4327 }),
  description: optionalText(2000),
  name: optionalText(200),
  phone: optionalText(40).openapi({ example: '0812-3456-7890' }),
  address: optionalText(500),
  category: z.enum(categories).default('other'),
  duplicate_of: optionalText(40).openapi({ example: 'LK-2026-000123', description: 'The open ticket nearby (GET /api/v1/reports/nearby) the reporter says this is: the report is added to it' }),
  previous_number: optionalText(40).openapi({ example: 'LK-2026-000123', description: 'The earlier report this is about, if the reporter knows it' }),
  email: optionalText(200)
    .refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'an e-mail address, e.g. nama@contoh.id')
    .openapi({ example: 'natalia@contoh.id', description: 'Messages by e-mail (with preferred_channel email)' }),
  preferred_channel: emptyAsNull(z.enum(outboundChannels)).openapi({ description: 'How the reporter wants to hear of the report: whatsapp, sms or email' }),
  language: emptyAsNull(z.enum(languages)).openapi({ description: 'The language of the messages: id (Bahasa Indonesia) or en' }),
  phone_token: optionalText(100).openapi({
    description: 'Proof of the phone (POST /api/v1/verifications, then /confirm): needed when the report would change a known reporter\'s name, e-mail, channel or language, or re-report a ticket by number from elsewhere (else 403 PHONE_NOT_PROVEN)',
  }),
  jurisdiction_id: z.string().optional().openapi({ description: 'Open311 jurisdiction (utility code); optional on a single-utility install' }),
});

export const StaffReportFields = ReportFields.extend({
  source: z.enum(sources.filter((s) => s !== 'app') as [string, ...string[]]).openapi({ example: 'call_centre' }),
});

export const ReportReceipt = z
  .object({
    number: z.string().openapi({ example: 'LK-2026-000123' }),
    status: z.enum(statuses),
    statusUrl: z.string(),
    receivedAt: z.string(),
    photoBlurred: z.boolean().nullable().describe('Null until the photo is analysed (blur check), a moment after the acknowledgment; then on the ticket'),
    photoAnalysing: z.boolean().describe('The photo is being analysed after the acknowledgment (blur score, EXIF); its result is on the ticket when done'),
    region: z.string().nullable(),
    kelurahan: z.string().nullable(),
    repeat: z
      .union([
        z.object({
          kind: z.literal('re_report'),
          repeatCount: z.number(),
          reopenedFor: z.enum(['crew', 'review']).describe("crew: the fixed ticket went back to its crew; review: a ticket closed by its restored area incident went back to the admin's queue"),
        }),
        z.object({ kind: z.literal('new_linked'), linkedTo: z.string() }),
      ])
      .nullable()
      .describe('A repeat report (seed 003): re_report reopened the done ticket named in number (answer 200); new_linked is a new urgent ticket linked to an earlier one'),
    incident: z.object({ id: z.number(), title: z.string() }).nullable().describe('The open area incident the report joined (status attached)'),
    duplicate: z
      .object({ reports: z.number(), chosen: z.boolean() })
      .nullable()
      .describe('The report was added to the open ticket of the same spot named in number (answer 200): how many reports it now stands for; chosen: the reporter picked it'),
    followUpUrl: z.string().nullable().optional().describe("The reporter's signed link: follow the ticket, add a note or a photo, see their other reports"),
  })
  .openapi('ReportReceipt');

export const ReportAccepted = z
  .object({
    token: z.string().openapi({ example: '3f0c8a52-5b7e-4c2b-9a51-0d6f1e2b7c44' }),
    state: z.literal('pending'),
    receiptUrl: z.string().describe('Poll it (after retryAfterSeconds): 202 while pending, then the receipt (201/200) or the refusal (4xx), as POST would have answered'),
    receivedAt: z.string(),
    retryAfterSeconds: z.number(),
  })
  .openapi('ReportAccepted');

export const PublicStatus = z
  .object({
    number: z.string(),
    status: z.enum(statuses),
    statusLabel: z.object({ id: z.string(), en: z.string() }),
    category: z.enum(categories),
    priority: z.enum(priorities).nullable(),
    receivedAt: z.string(),
    expectedResolutionAt: z.string().nullable(),
    region: z.string().nullable(),
    repeatCount: z.number().describe('How often the reporter came back after it was marked done (re-reports)'),
    incident: z
      .object({ title: z.string(), status: z.string(), message: z.object({ id: z.string(), en: z.string() }), estimatedRestoreAt: z.string().nullable() })
      .nullable()
      .describe('The area disruption this report is part of, and its progress'),
    timeline: z.array(z.object({ status: z.enum(statuses), label: z.object({ id: z.string(), en: z.string() }), at: z.string() })),
  })
  .openapi('PublicStatus');

export const TicketView = z.object({}).passthrough().openapi('Ticket');

export const IdParam = z.object({ id: z.coerce.number().int().positive() });
