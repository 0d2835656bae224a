import type { Request, Response, RequestHandler } from 'express';
import type { AppContext } from '../../platform/context.js';
import { authenticate } from './service.js';
import { findSoleUtility, findUtilityByCode, findUtilityById, type Utility } from '../utilities/repository.js';
import type { StaffUser } from './repository.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import type { Role } from '../../core/domain/tickets.js';

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

function bearerToken(req: Request): string | null {
  const header = req.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match ? match[1] : null;
}

/** Deny by default: a staff route needs a valid session, and one of `roles` when given. */
export function staff(ctx: AppContext, roles?: readonly Role[]): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req);
    if (!token) throw new DomainError(ErrorCode.unauthenticated, 'Log in first: send Authorization: Bearer <token>');
    const user = await authenticate(ctx, token);
    if (roles && !roles.includes(user.role)) {
      throw new DomainError(ErrorCode.forbidden, `Role ${user.role} may not do this`, { role: user.role, allowedRoles: roles });
    }
    const utility = await findUtilityById(ctx.db, user.utilityId);
    if (!utility) throw notFound('utility', user.utilityId);
    Object.assign(res.locals, { user, utility } satisfies Locals);
    next();
  };
}

/**
 * The utility a public request is for: its Open311 `jurisdiction_id` (query or
 * body), else the configured default, else the only utility of this install.
 */
export async function publicUtility(ctx: AppContext, req: Request): Promise<Utility> {
  const asked = (req.query.jurisdiction_id ?? (req.body as Record<string, unknown> | undefined)?.jurisdiction_id) as unknown;
  const code = typeof asked === 'string' && asked.trim() !== '' ? asked.trim() : ctx.config.defaultJurisdiction;
  if (code) {
    const utility = await findUtilityByCode(ctx.db, code);
    if (!utility) throw new DomainError(ErrorCode.notFound, `No utility with jurisdiction_id ${code}`, { field: 'jurisdiction_id', jurisdictionId: code });
    return utility;
  }
  const sole = await findSoleUtility(ctx.db);
  if (!sole) throw validationError([{ field: 'jurisdiction_id', message: 'this server serves several utilities: say which one' }]);
  return sole;
}
