/**
 * Routing errors: typed values with a stable code and details. Callers and
 * tests rely on `code`; the message is for people.
 */
export type RoutingErrorCode =
  /** A TSPLIB / CVRPLIB / tour / solution text could not be read. details.line is 1-based. */
  | 'parse_error'
  /** A problem handed to a solver is inconsistent (sizes, indexes, negative values). */
  | 'invalid_problem';

export class RoutingError extends Error {
  readonly code: RoutingErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: RoutingErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'RoutingError';
    this.code = code;
    this.details = details;
  }
}

export function parseError(line: number, message: string, source?: string): RoutingError {
  const where = source ? `${source}:${line}` : `line ${line}`;
  return new RoutingError('parse_error', `${where}: ${message}`, { line, source });
}

export function invalidProblem(message: string, details: Record<string, unknown> = {}): RoutingError {
  return new RoutingError('invalid_problem', message, details);
}
