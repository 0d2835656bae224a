import { DomainError, ErrorCode, validationError } from '../../core/domain/errors.js';

/** Seconds a client is told to wait (Retry-After) while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** Node socket errors that mean the database server cannot be reached (or went away). */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** Driver messages without a code, written by pg when the socket dies under a query or a client. */
const lostConnection = /Connection terminated|connection error|Client has encountered a connection error|Client was closed|Connection refused|the database system is (starting up|shutting down|in recovery mode)/i;

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The one place where driver and pool errors become domain errors.
 *
 * - Unreachable: ECONNREFUSED and other socket errors, SQLSTATE class 08
 *   (connection exception), 57P01-57P03 (admin shutdown, crash shutdown,
 *   cannot connect now), 53300 (too many connections), and knex's pool
 *   acquire timeout: SERVICE_UNAVAILABLE (503 with Retry-After).
 * - Text the database cannot store or read as asked (a NUL byte: 22021 /
 *   22P05; a date or number out of range: 22008 / 22003 / 22007): a
 *   VALIDATION_FAILED safety net, for input that slipped past a schema.
 *
 * Returns null for anything else (a bug: the caller answers 500).
 */
export function databaseErrorOf(err: unknown): DomainError | null {
  if (err === null || typeof err !== 'object') return null;
  const e = err as { name?: string; message?: string; errors?: unknown[]; cause?: unknown };
  const code = codeOf(err);
  const unavailable = (): DomainError =>
    new DomainError(ErrorCode.serviceUnavailable, 'The database cannot be reached right now; nothing was saved. Try again in a few seconds.', { retryAfterSeconds: RETRY_AFTER_SECONDS });
  if (e.name === 'KnexTimeoutError') return unavailable();
  if (code && (socketCodes.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code))) return unavailable();
  if (!code && typeof e.message === 'string' && lostConnection.test(e.message)) return unavailable();
  // AggregateError (several addresses refused, e.g. ::1 and 127.0.0.1) or a wrapped cause.
  if (Array.isArray(e.errors) && e.errors.some((inner) => databaseErrorOf(inner)?.code === ErrorCode.serviceUnavailable)) return unavailable();
  if (e.cause && e.cause !== err && databaseErrorOf(e.cause)?.code === ErrorCode.serviceUnavailable) return unavailable();
  if (code === '22021' || code === '22P05') return validationError([{ field: 'body', message: 'text must not contain NUL (\\u0000) characters' }]);
  if (code === '22008' || code === '22007') return validationError([{ field: 'body', message: 'a date or time is out of range' }]);
  if (code === '22003') return validationError([{ field: 'body', message: 'a number is out of range' }]);
  return null;
}
