import type { RequestHandler } from 'express';
import { validationError } from '../../core/domain/errors.js';

/** The first place (dotted path) in a parsed value where a string carries a NUL, or null. */
export function nulPathOf(value: unknown, at: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? at.join('.') || 'body' : null;
  if (value === null || typeof value !== 'object' || depth > 20) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...at, key.replaceAll('\u0000', '')].join('.') || 'body';
    const found = nulPathOf(inner, [...at, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export const nulMessage = 'must not contain NUL (\\u0000) characters';

/**
 * Refuses, before any handler runs, what no handler can serve: a path whose
 * percent-encoding does not decode (`%E0%A4%A`, `%zz`), and a NUL character in
 * the path, the query or a JSON / urlencoded body (PostgreSQL cannot store
 * \u0000). Multipart fields arrive later (multer runs in the route); `parse`
 * checks those.
 */
export function refuseMalformedInput(): RequestHandler {
  return (req, _res, next) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(req.path);
    } catch {
      throw validationError([{ field: 'path', message: 'the address has bad percent-encoding' }]);
    }
    if (decoded.includes('\u0000')) throw validationError([{ field: 'path', message: nulMessage }]);
    const inQuery = nulPathOf(req.query);
    if (inQuery !== null) throw validationError([{ field: inQuery, message: nulMessage }]);
    const inBody = nulPathOf(req.body);
    if (inBody !== null) throw validationError([{ field: inBody, message: nulMessage }]);
    next();
  };
}
