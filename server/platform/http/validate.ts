import type { z } from 'zod';
import { validationError } from '../../core/domain/errors.js';
import { nulMessage, nulPathOf } from './input.js';

/** Parses with the route's schema (the same one its OpenAPI entry documents). */
export function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  // PostgreSQL cannot store \u0000: refuse it here, naming the field (multipart fields reach no other check).
  const nul = nulPathOf(data);
  if (nul !== null) throw validationError([{ field: nul, message: nulMessage }]);
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw validationError(
    result.error.issues.map((issue) => ({
      field: issue.path.length ? issue.path.join('.') : 'body',
      message: issue.message,
    })),
  );
}
