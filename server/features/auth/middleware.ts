import type { Request, Response, RequestHandler } from 'express';
import type { AppContext } from '../../platform/context.js';
import { DomainError, ErrorCode } from '../../core/domain/errors.js';
import { setNoStore } from '../../platform/http/no-store.js';
import type { Role } from '../../core/domain/tickets.js';
import { publicUtilityFor, recentPublicUtilityFor, type Utility } from '../utilities/service.js';
import { authenticateStaff } from './service.js';
import type { StaffUser } from './view.js';

interface Locals {
  user?: StaffUser;
  utility?: Utility;
}

export function userOf(res: Response): StaffUser {
  const user = (res.locals as Locals).user;
  if (!user) throw new DomainError(ErrorCode.unauthenticated, 'Please log in');
  return user;
}

export function utilityOf(res: Response): Utility {
  const utility = (res.locals as Locals).utility;
  if (!utility) throw new DomainError(ErrorCode.unauthenticated, 'Please log in');
  return utility;
}

export function bearerToken(req: Request): string | null {
  const header = req.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match ? match[1] : null;
}

/**
 * Deny by default: a staff route needs a valid session, and one of `roles` when given.
 * Every staff response is `Cache-Control: no-store` (it may carry personal data).
 */
export function staff(ctx: AppContext, roles?: readonly Role[], options: { whilePasswordMustChange?: boolean } = {}): RequestHandler {
  return async (req, res, next) => {
    setNoStore(res);
    const { user, utility } = await authenticateStaff(ctx, bearerToken(req), roles, options);
    Object.assign(res.locals, { user, utility } satisfies Locals);
    next();
  };
}

/**
 * The utility a public request is for: its Open311 `jurisdiction_id` (query or
 * body), else the configured default, else the only utility of this install.
 */
export async function publicUtility(ctx: AppContext, req: Request, options: { recent?: boolean } = {}): Promise<Utility> {
  const asked = (req.query.jurisdiction_id ?? (req.body as Record<string, unknown> | undefined)?.jurisdiction_id) as unknown;
  // `recent`: a read at most a second old will do (the intake journal's cheap checks under load).
  return options.recent ? recentPublicUtilityFor(ctx, asked) : publicUtilityFor(ctx, asked);
}
