/**
 * The server operator's API (not a utility's): create a utility and its first
 * admin, list the utilities. Open only when PLATFORM_TOKEN is set, with that
 * token as the bearer; otherwise 404, as if it did not exist.
 */
import crypto from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { AppContext } from '../../platform/context.js';
import { DomainError, ErrorCode } from '../../core/domain/errors.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { setNoStore } from '../../platform/http/no-store.js';
import { createUtility } from './service.js';
import { listUtilities } from '../utilities/service.js';

registry.registerComponent('securitySchemes', 'platform', { type: 'http', scheme: 'bearer', description: "The server operator's PLATFORM_TOKEN (not a staff session)" });

const CreateUtilityBody = z
  .object({
    code: z.string().trim().min(1, 'code is required').describe('Short name, lower case: parepare'),
    name: z.string().trim().min(1, 'name is required').describe('PDAM Kota Parepare'),
    timeZone: z.string().trim().default('Asia/Makassar').describe('IANA zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)'),
    jurisdictionId: z.string().trim().nullable().optional().describe('Open311 jurisdiction_id when it is not the code'),
    adminUsername: z.string().trim().optional().describe('default admin'),
    adminName: z.string().trim().optional(),
  })
  .openapi('CreateUtility');

const CreatedUtility = z
  .object({
    utility: z.object({ id: z.number(), code: z.string(), name: z.string(), timeZone: z.string(), jurisdictionId: z.string() }),
    admin: z.object({ username: z.string(), password: z.string().describe('Shown this once; the admin must change it at the first login') }),
  })
  .openapi('CreatedUtility');

registry.registerPath({
  method: 'post',
  path: '/api/v1/platform/utilities',
  summary: 'Server operator: create a utility and its first admin account (the password is in this answer only)',
  security: [{ platform: [] }],
  request: { body: { content: { 'application/json': { schema: CreateUtilityBody } } } },
  responses: { 201: { description: 'created', content: { 'application/json': { schema: CreatedUtility } } }, ...errorResponses(400, 401, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/v1/platform/utilities',
  summary: 'Server operator: the utilities on this server',
  security: [{ platform: [] }],
  responses: {
    200: {
      description: 'utilities',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), jurisdictionId: z.string().nullable(), timeZone: z.string(), hasServiceArea: z.boolean(), staff: z.number() })) }),
        },
      },
    },
    ...errorResponses(401, 404),
  },
});

const digest = (s: string) => crypto.createHash('sha256').update(s).digest();

/** The operator's token, compared in constant time; no token configured: the API does not exist. */
function platformOperator(ctx: AppContext): RequestHandler {
  return (req, res, next) => {
    setNoStore(res);
    const expected = ctx.config.platformToken;
    if (!expected) throw new DomainError(ErrorCode.notFound, `No endpoint ${req.method} ${req.originalUrl}`, { method: req.method, path: req.originalUrl });
    const given = req.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? '';
    if (!crypto.timingSafeEqual(digest(given), digest(expected))) throw new DomainError(ErrorCode.unauthenticated, "Send the server operator's PLATFORM_TOKEN as the bearer token");
    next();
  };
}

export function platformRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(platformOperator(ctx));
  router.post('/utilities', async (req, res) => {
    const body = parse(CreateUtilityBody, req.body ?? {});
    const { utility, admin } = await createUtility(ctx, body);
    res.status(201).json({
      utility: { id: utility.id, code: utility.code, name: utility.name, timeZone: utility.timeZone, jurisdictionId: body.jurisdictionId?.trim().toLowerCase() || utility.code },
      admin: { username: admin.username, password: admin.password },
    });
  });
  router.get('/utilities', async (_req, res) => {
    res.json({ items: await listUtilities(ctx.db) });
  });
  return router;
}
