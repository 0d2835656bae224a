import type { RequestHandler, Response } from 'express';

/**
 * Responses that carry personal data (names, phones, a crew's day) must not
 * be kept by a browser or a proxy: `Cache-Control: no-store`. Set on every
 * authenticated response (features/auth/middleware.ts `staff`), before the
 * handler runs, so that error bodies carry it too; a handler may still set
 * its own header for a body without personal data.
 */
export function setNoStore(res: Response): void {
  res.set('Cache-Control', 'no-store');
}

export function noStore(): RequestHandler {
  return (_req, res, next) => {
    setNoStore(res);
    next();
  };
}
