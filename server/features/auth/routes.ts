import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { changePassword, login, logout } from './service.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { noStore } from '../../platform/http/no-store.js';
import { bearerToken, publicUtility, staff, userOf, utilityOf } from './middleware.js';
import { clientAddressOf } from '../../platform/http/throttle.js';
import { sessionView } from './view.js';

const LoginBody = z
  .object({
    username: z.string().trim().min(1, 'username is required'),
    password: z.string().min(1, 'password is required'),
    jurisdiction_id: z.string().optional(),
  })
  .openapi('LoginRequest');

const LoginResponse = z
  .object({
    token: z.string(),
    expiresAt: z.string(),
    user: z.object({ id: z.number(), username: z.string(), displayName: z.string(), role: z.string(), crewId: z.number().nullable(), mustChangePassword: z.boolean().describe('true: a password someone else set; every other call answers 403 PASSWORD_CHANGE_REQUIRED until POST /api/v1/auth/password') }),
    utility: z.object({ code: z.string(), name: z.string(), timeZone: z.string() }),
  })
  .openapi('LoginResponse');

registry.registerPath({
  method: 'post',
  path: '/api/v1/auth/login',
  summary: 'Log in as staff; returns a bearer token',
  request: { body: { content: { 'application/json': { schema: LoginBody } } } },
  responses: { 200: { description: 'logged in', content: { 'application/json': { schema: LoginResponse } } }, ...errorResponses(400, 401, 429) },
});
registry.registerPath({ method: 'post', path: '/api/v1/auth/logout', summary: 'End this session', security: [{ bearer: [] }], responses: { 204: { description: 'logged out' } } });
registry.registerPath({ method: 'get', path: '/api/v1/auth/me', summary: 'Who is logged in', security: [{ bearer: [] }], responses: { 200: { description: 'the user' }, ...errorResponses(401) } });

const PasswordBody = z
  .object({ currentPassword: z.string().min(1, 'currentPassword is required'), newPassword: z.string().min(1, 'newPassword is required') })
  .openapi('PasswordChange');
registry.registerPath({
  method: 'post',
  path: '/api/v1/auth/password',
  summary: 'Change your own password (ends your other sessions)',
  security: [{ bearer: [] }],
  request: { body: { content: { 'application/json': { schema: PasswordBody } } } },
  responses: { 204: { description: 'changed' }, ...errorResponses(400, 401) },
});

export function authRouter(ctx: AppContext): Router {
  const router = Router();
  // The answer carries the session token: never cached.
  router.post('/login', noStore(), async (req, res) => {
    const body = parse(LoginBody, req.body);
    const utility = await publicUtility(ctx, req);
    const session = await login(ctx, utility, body.username, body.password, clientAddressOf(req));
    res.json({ token: session.token, expiresAt: session.expiresAt.toISOString(), ...sessionView(session.user, utility) });
  });
  // These three stay open while the password must be changed (the way out of it).
  const evenBeforePasswordChange = { whilePasswordMustChange: true };
  router.post('/logout', staff(ctx, undefined, evenBeforePasswordChange), async (req, res) => {
    await logout(ctx, bearerToken(req) ?? '');
    res.status(204).end();
  });
  router.post('/password', staff(ctx, undefined, evenBeforePasswordChange), async (req, res) => {
    const body = parse(PasswordBody, req.body);
    await changePassword(ctx, utilityOf(res), userOf(res), body.currentPassword, body.newPassword);
    res.status(204).end();
  });
  router.get('/me', staff(ctx, undefined, evenBeforePasswordChange), (_req, res) => {
    res.json(sessionView(userOf(res), utilityOf(res)));
  });
  return router;
}
