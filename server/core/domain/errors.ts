/**
 * Domain errors: typed values with a stable code and details, and no word of
 * HTTP. `server/http/errors.ts` maps each code to a status in one place.
 * Clients and tests rely on the code, never on the message.
 */
export const ErrorCode = {
  validationFailed: 'VALIDATION_FAILED',
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  outsideServiceArea: 'OUTSIDE_SERVICE_AREA',
  photoRequired: 'PHOTO_REQUIRED',
  photoNotImage: 'PHOTO_NOT_IMAGE',
  photoTooLarge: 'PHOTO_TOO_LARGE',
  reporterBlocked: 'REPORTER_BLOCKED',
  invalidTransition: 'INVALID_TRANSITION',
  blurredPhotoNeedsVerification: 'BLURRED_PHOTO_NEEDS_VERIFICATION',
  resultPhotoRequired: 'RESULT_PHOTO_REQUIRED',
  crewNotAvailable: 'CREW_NOT_AVAILABLE',
  notYourTicket: 'NOT_YOUR_TICKET',
  crewWithoutBase: 'CREW_WITHOUT_BASE',
  noCrewsOnShift: 'NO_CREWS_ON_SHIFT',
  nothingToPlan: 'NOTHING_TO_PLAN',
  shiftTooShort: 'SHIFT_TOO_SHORT',
  ticketWithoutSpk: 'TICKET_WITHOUT_SPK',
  apiKeyInvalid: 'API_KEY_INVALID',
  /** A draft plan made from a published version that is no longer the latest: details say what changed; re-base it. */
  planStale: 'PLAN_STALE',
  /** Only a draft plan can be edited, published or discarded. */
  planNotDraft: 'PLAN_NOT_DRAFT',
  /** A reporter's signed link (receipt follow-up, rating) that is malformed, forged or for another purpose. */
  linkInvalid: 'LINK_INVALID',
  /** The reporter already rated this ticket: one rating per closed ticket. */
  alreadyRated: 'ALREADY_RATED',
  /** The database (or another backing service) cannot be reached: try again shortly (HTTP 503 + Retry-After). */
  serviceUnavailable: 'SERVICE_UNAVAILABLE',
  /** Too many attempts from one caller (login, intake, Open311); details.retryAfterSeconds says when to try again (HTTP 429 + Retry-After). */
  tooManyRequests: 'TOO_MANY_REQUESTS',
  /** The account's password was set by someone else (first admin, a reset): change it first (POST /api/v1/auth/password). */
  passwordChangeRequired: 'PASSWORD_CHANGE_REQUIRED',
  /** An imported or drawn area is not usable (invalid, empty, outside the service area, overlapping); details name the feature. */
  invalidGeometry: 'INVALID_GEOMETRY',
  /** A plan edit would take a crew's next stop (the crew is on its way there) out of the day or give it to another crew. */
  nextStopStays: 'NEXT_STOP_STAYS',
  /** A report would change a known reporter's details, or re-report by number from elsewhere: prove the phone first (POST /api/v1/verifications, then send phone_token). details.changes names what would change. */
  phoneNotProven: 'PHONE_NOT_PROVEN',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldIssue {
  field: string;
  message: string;
  /** The same in Bahasa Indonesia, where the check gives one (the console shows the reader's language). */
  messageId?: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** A request that fails validation: one issue per field at fault. */
export function validationError(issues: FieldIssue[], message?: string): DomainError {
  const text = message ?? issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  return new DomainError(ErrorCode.validationFailed, text, { fields: issues });
}

export function notFound(what: string, key: string | number): DomainError {
  return new DomainError(ErrorCode.notFound, `${what} ${key} not found`, { what, key });
}
