import type { z } from 'zod';
import { validationError } from '../../core/domain/errors.js';

/** Parses with the route's schema (the same one its OpenAPI entry documents). */
export function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw validationError(
    result.error.issues.map((issue) => ({
      field: issue.path.length ? issue.path.join('.') : 'body',
      message: issue.message,
    })),
  );
}
