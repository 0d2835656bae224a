import type { RequestHandler } from 'express';
import { enterIntake } from '../intake-load.js';

/**
 * The upload middleware `upload`, with the request counted as intake in flight (platform/intake-load.ts) from
 * its first byte until its response is finished or the client goes away.
 */
export function countedUpload(upload: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const leave = enterIntake();
    res.once('close', leave);
    res.once('finish', leave);
    upload(req, res, next);
  };
}
