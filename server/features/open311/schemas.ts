/**
 * Open311 GeoReport v2 shapes: the request schemas validate, the response
 * schemas document (and the tests parse every answer with them).
 */
import { z } from '../../platform/http/openapi.js';
import { numberField } from '../../platform/http/schemas.js';
import { categories } from '../../core/domain/tickets.js';

/** The spec: an empty parameter is the same as an absent one. */
const emptyIsAbsent = (v: unknown) => (v === '' || v === null ? undefined : v);

const optionalText = (max: number, what: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(max, `${what} is longer than ${max} characters`).optional(),
  );

/** A comma-separated list, or the parameter repeated (?status=open&status=closed), or both. */
const commaList = (what: string) =>
  z
    .union([z.string(), z.array(z.string())], { error: `${what} must be text` })
    .optional()
    .transform((v) => {
      const items = (v === undefined ? [] : Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
      return items.length ? items : undefined;
    })
    .openapi({ type: 'string' });

export const JurisdictionQuery = z.object({
  jurisdiction_id: z.string().optional().openapi({ description: 'The utility (Open311 jurisdiction); optional on a single-utility install', example: 'makassar' }),
});

export const RequestsQuery = JurisdictionQuery.extend({
  service_request_id: commaList('service_request_id').openapi({ description: 'Comma-separated ticket numbers (LK-2026-000123); overrides every other filter' }),
  service_code: commaList('service_code')
    .refine((codes) => !codes || codes.every((c) => (categories as readonly string[]).includes(c)), {
      message: `service_code must be among ${categories.join(', ')}`,
    })
    .openapi({ description: `Comma-separated: ${categories.join(', ')}` }),
  status: commaList('status')
    .refine((s) => !s || s.every((x) => x === 'open' || x === 'closed'), { message: 'status must be open, closed or both (comma-separated)' })
    .openapi({ description: 'open, closed, or open,closed' }),
  start_date: optionalText(40, 'start_date').openapi({ description: 'W3C date-time with a zone (2026-11-01T00:00:00+08:00) or a date (local day of the utility)' }),
  end_date: optionalText(40, 'end_date').openapi({ description: 'Inclusive; at most 90 days after start_date. Default window: the last 90 days' }),
  page_size: z
    .preprocess(emptyIsAbsent, z.coerce.number({ error: 'page_size must be a whole number 1..1000' }).int('page_size must be a whole number 1..1000').min(1, 'page_size must be a whole number 1..1000').max(1000, 'page_size must be a whole number 1..1000').optional())
    .openapi({ type: 'integer', description: 'Results per page, at most (and by default) 1000, the GeoReport limit' }),
  page: z
    .preprocess(emptyIsAbsent, z.coerce.number({ error: 'page must be a whole number >= 1' }).int('page must be a whole number >= 1').min(1, 'page must be a whole number >= 1').max(10_000, 'page must be at most 10000').optional())
    .openapi({ type: 'integer', description: 'Which page (1 = newest), of page_size results each' }),
});

export const UpdatesQuery = JurisdictionQuery.extend({
  api_key: z.string().optional().openapi({ description: 'Accepted and not needed (FixMyStreet sends it)' }),
  start_date: optionalText(40, 'start_date').openapi({ description: 'W3C date-time with a zone, or a date; default: 24 hours before end_date' }),
  end_date: optionalText(40, 'end_date').openapi({ description: 'Inclusive; default now; at most 90 days after start_date' }),
});

export const PostRequestFields = z.object({
  jurisdiction_id: optionalText(100, 'jurisdiction_id').openapi({ description: 'The utility; optional: the api_key names its utility' }),
  api_key: z.string().optional().openapi({ description: 'Required. Also accepted as a query parameter' }),
  service_code: z.preprocess(emptyIsAbsent, z.string({ error: 'service_code is required (see services.json)' }).trim()).openapi({ type: 'string', example: 'pipe_burst' }),
  lat: z.preprocess(emptyIsAbsent, numberField(-90, 90, 'lat').optional()).openapi({ type: 'number', example: -5.1477, description: 'The position the crew goes to (WGS84); without it, an address_string naming the kelurahan' }),
  long: z.preprocess(emptyIsAbsent, numberField(-180, 180, 'long').optional()).openapi({ type: 'number', example: 119.4327, description: 'With lat' }),
  address_string: optionalText(500, 'address_string').openapi({ description: 'Without lat/long: placed by the kelurahan it names (the utility\'s own boundaries), else 400 naming it' }),
  address_id: optionalText(100, 'address_id').openapi({ description: 'Kept for staff; alone it is refused (no address register here)' }),
  description: optionalText(4000, 'description'),
  first_name: optionalText(100, 'first_name'),
  last_name: optionalText(100, 'last_name'),
  phone: optionalText(40, 'phone').openapi({ description: 'Required: an Indonesian number, so the utility can confirm the report', example: '0812-3456-7890' }),
  email: optionalText(200, 'email').openapi({ description: 'Accepted and not stored (the utility confirms by phone)' }),
  device_id: optionalText(200, 'device_id').openapi({ description: 'Accepted and not stored' }),
  account_id: optionalText(200, 'account_id').openapi({ description: 'Kept with the ticket and echoed in the answer' }),
  media_url: optionalText(2000, 'media_url').openapi({ description: 'The photo by link: fetched when its host is on OPEN311_MEDIA_HOSTS; otherwise the report waits for staff behind a token, the link kept for them' }),
});
export type PostRequestFields = z.infer<typeof PostRequestFields>;

/** FixMyStreet's statuses of an update it posts (its extended ones included). */
export const clientUpdateStatuses = [
  'OPEN',
  'CLOSED',
  'FIXED',
  'IN_PROGRESS',
  'ACTION_SCHEDULED',
  'INVESTIGATING',
  'DUPLICATE',
  'NOT_COUNCILS_RESPONSIBILITY',
  'NO_FURTHER_ACTION',
  'INTERNAL_REFERRAL',
  'REOPEN',
] as const;

/** FixMyStreet's POST servicerequestupdates (mySociety's Open311 extension), as it sends it. */
export const PostUpdateFields = z.object({
  jurisdiction_id: optionalText(100, 'jurisdiction_id').openapi({ description: 'The utility; optional: the api_key names its utility' }),
  api_key: z.string().optional().openapi({ description: 'Required. Also accepted as a query parameter' }),
  service_request_id: z.preprocess(emptyIsAbsent, z.string({ error: 'service_request_id is required: the ticket number the update is for' }).trim().min(1).max(40)).openapi({ type: 'string', example: 'LK-2026-000123' }),
  update_id: z.preprocess(emptyIsAbsent, z.string({ error: "update_id is required: the client's own id of the update" }).trim().min(1).max(100)).openapi({
    type: 'string',
    description: "The client's id of the update: the same update_id again (a retry) is answered with the first answer",
  }),
  updated_datetime: z.preprocess(emptyIsAbsent, z.string({ error: 'updated_datetime is required (W3C date-time with a zone)' }).trim().max(40)).openapi({ type: 'string', example: '2026-11-23T19:00:00+08:00' }),
  status: z
    .preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toUpperCase().replace(/ /g, '_') : undefined),
      z.enum(clientUpdateStatuses, { error: `status is required: one of ${clientUpdateStatuses.join(', ')}` }),
    )
    .openapi({ type: 'string', description: 'REOPEN (or OPEN on a repaired or closed ticket): the problem is back, a repeat report (seed 003); any other: a note for staff' }),
  description: optionalText(4000, 'description').openapi({ description: "The user's comment" }),
  first_name: optionalText(100, 'first_name'),
  last_name: optionalText(100, 'last_name'),
  title: optionalText(200, 'title'),
  email: optionalText(200, 'email').openapi({ description: 'Accepted and not stored' }),
  phone: optionalText(40, 'phone').openapi({ description: 'Accepted and not stored' }),
  media_url: optionalText(2000, 'media_url').openapi({ description: 'Kept as a link for staff (never fetched here)' }),
  account_id: optionalText(100, 'account_id'),
  email_alerts_requested: optionalText(10, 'email_alerts_requested').openapi({ description: 'Accepted and ignored' }),
});
export type PostUpdateFields = z.infer<typeof PostUpdateFields>;

export const Open311UpdateAnswer = z
  .array(z.object({ update_id: z.string().openapi({ description: 'Our id of the update (the ticket step it became); the GET list shows the step under this id' }) }))
  .openapi('Open311UpdateAnswer');

// ------------------------------------------------------------------ answers

export const Open311Errors = z
  .array(
    z.object({
      code: z.number().int().openapi({ description: 'The HTTP status', example: 422 }),
      description: z.string().openapi({ description: 'Our stable error code, a colon, then the message', example: 'OUTSIDE_SERVICE_AREA: The location is outside the service area of PDAM Makassar' }),
    }),
  )
  .openapi('Open311Errors');

export const Open311Discovery = z
  .object({
    changeset: z.string(),
    contact: z.string(),
    key_service: z.string(),
    endpoints: z.array(
      z.object({
        specification: z.literal('http://wiki.open311.org/GeoReport_v2'),
        url: z.string(),
        changeset: z.string(),
        type: z.enum(['production', 'test']),
        formats: z.array(z.enum(['text/xml', 'application/json'])),
      }),
    ),
  })
  .openapi('Open311Discovery');

export const Open311Service = z
  .object({
    service_code: z.enum(categories),
    service_name: z.string(),
    description: z.string(),
    metadata: z.literal(true).openapi({ description: 'Each service has a definition (services/{service_code}) with optional attributes' }),
    type: z.literal('realtime'),
    keywords: z.string(),
    group: z.string(),
  })
  .openapi('Open311Service');

export const Open311ServiceDefinition = z
  .object({
    service_code: z.enum(categories),
    attributes: z.array(
      z.object({
        variable: z.boolean(),
        code: z.string(),
        datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
        required: z.boolean(),
        datatype_description: z.string().nullable(),
        order: z.number().int(),
        description: z.string(),
        values: z.array(z.object({ key: z.string(), name: z.string() })),
      }),
    ).openapi({ description: 'Sent back as attribute[code]=key on POST requests' }),
  })
  .openapi('Open311ServiceDefinition');

export const Open311ServiceRequest = z
  .object({
    service_request_id: z.string().openapi({ example: 'LK-2026-000123' }),
    status: z.enum(['open', 'closed']),
    status_notes: z.string().openapi({ description: 'Our status, as a citizen reads it (Bahasa Indonesia)', example: 'SPK diterbitkan' }),
    service_name: z.string(),
    service_code: z.enum(categories),
    description: z.string().nullable().openapi({ description: "Phone numbers, e-mail addresses and the reporter's name in it are hidden" }),
    agency_responsible: z.string(),
    service_notice: z.string().nullable(),
    requested_datetime: z.string().openapi({ example: '2026-11-23T09:00:00+08:00' }),
    updated_datetime: z.string(),
    expected_datetime: z.string().nullable().openapi({ description: 'The resolve target of the service standard; null once repaired or closed' }),
    address: z.string().nullable(),
    address_id: z.null(),
    zipcode: z.null(),
    lat: z.number(),
    long: z.number(),
    media_url: z.null().openapi({ description: 'Always null: report photos are not published' }),
  })
  .openapi('Open311ServiceRequest');

/** A POST answer with the ticket number (201, or 200 for a re-report). */
export const Open311Created = z.array(
  z.object({
    service_request_id: z.string().openapi({ example: 'LK-2026-000123' }),
    service_notice: z.string(),
    account_id: z.string().nullable(),
  }),
);

/** A POST answer with a token (202): the submission waits for staff. */
export const Open311Queued = z.array(
  z.object({
    token: z.string().openapi({ description: 'GET tokens/{token} gives the ticket number once staff take it in' }),
    service_notice: z.string(),
    account_id: z.string().nullable(),
  }),
);

export const Open311PostAnswer = z.union([Open311Created, Open311Queued]).openapi('Open311PostAnswer');

export const Open311TokenAnswer = z
  .array(z.object({ service_request_id: z.string().nullable().openapi({ description: 'Empty while the submission waits for staff' }), token: z.string() }))
  .openapi('Open311TokenAnswer');

export const Open311RequestUpdate = z
  .object({
    update_id: z.string(),
    service_request_id: z.string(),
    status: z.enum(['OPEN', 'INVESTIGATING', 'ACTION_SCHEDULED', 'IN_PROGRESS', 'FIXED', 'CLOSED', 'NO_FURTHER_ACTION', 'REOPEN']),
    description: z.string(),
    updated_datetime: z.string(),
    external_status_code: z.string().openapi({ description: 'Our own status code' }),
    media_url: z.null(),
  })
  .openapi('Open311RequestUpdate');

export const QueuedSubmission = z
  .object({
    token: z.string(),
    waitsFor: z.enum(['position', 'photo']),
    receivedAt: z.string(),
    serviceCode: z.string().nullable(),
    description: z.string().nullable(),
    notes: z.array(z.string()),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    addressString: z.string().nullable(),
    addressId: z.string().nullable(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    mediaUrl: z.string().nullable(),
  })
  .openapi('Open311QueuedSubmission');

export const AcceptQueued = z.object({
  lat: z.preprocess(emptyIsAbsent, numberField(-90, 90, 'lat').optional()).openapi({ type: 'number', description: 'Where the ticket goes; default the submission\'s own position (required for one queued with an address only, before addresses were placed by kelurahan)' }),
  lon: z.preprocess(emptyIsAbsent, numberField(-180, 180, 'lon').optional()).openapi({ type: 'number' }),
});

export const RefuseQueued = z.object({
  reason: z.string({ error: 'reason is required' }).trim().min(3, 'give a reason (3 to 500 characters)').max(500, 'give a reason (3 to 500 characters)'),
});
