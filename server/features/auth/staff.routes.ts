import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { roles } from '../../core/domain/tickets.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { noStore } from '../../platform/http/no-store.js';
import { staff, userOf, utilityOf } from './middleware.js';
import { changeStaff, createStaff, listStaff, resetStaffPassword, type StaffListing } from './staff.service.js';

const bearer = [{ bearer: [] }];

const StaffAccount = z
  .object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(roles),
    crewId: z.number().nullable(),
    crewCode: z.string().nullable(),
    phone: z.string().nullable(),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('StaffAccount');
const WithPassword = z.object({ account: StaffAccount, password: z.string().describe('generated; shown this once, to be changed at the first login') }).openapi('StaffAccountWithPassword');

const NewStaffBody = z
  .object({
    username: z.string().trim(),
    displayName: z.string().trim(),
    role: z.enum(roles),
    crewId: z.number().int().positive().nullable().optional().describe('the crew a crew leader (role crew) leads'),
    phone: z.string().trim().nullable().optional(),
  })
  .strict()
  .openapi('StaffAccountInput');
const StaffPatch = z
  .object({
    displayName: z.string().trim(),
    role: z.enum(roles),
    crewId: z.number().int().positive().nullable(),
    phone: z.string().trim().nullable(),
    active: z.boolean().describe('false: the account cannot log in and its sessions end'),
  })
  .partial()
  .strict()
  .openapi('StaffAccountChange');
const IdParam = z.object({ id: z.coerce.number().int().positive() });

registry.registerPath({
  method: 'get',
  path: '/api/v1/admin/staff',
  summary: "The utility's staff accounts (deactivated ones too)",
  security: bearer,
  responses: { 200: { description: 'accounts', content: { 'application/json': { schema: z.object({ items: z.array(StaffAccount) }) } } }, ...errorResponses(401, 403) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/admin/staff',
  summary: 'Create a staff account; its generated password is returned once and must be changed at the first login (audited)',
  security: bearer,
  request: { body: { content: { 'application/json': { schema: NewStaffBody } } } },
  responses: { 201: { description: 'the account and its one-time password', content: { 'application/json': { schema: WithPassword } } }, ...errorResponses(400, 401, 403, 409) },
});
registry.registerPath({
  method: 'patch',
  path: '/api/v1/admin/staff/{id}',
  summary: 'Change the name, role, crew or phone, or deactivate (sessions end) / reactivate; the last active admin stays admin (audited). Accounts are never deleted',
  security: bearer,
  request: { params: IdParam, body: { content: { 'application/json': { schema: StaffPatch } } } },
  responses: { 200: { description: 'the account', content: { 'application/json': { schema: StaffAccount } } }, ...errorResponses(400, 401, 403, 404, 409) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/admin/staff/{id}/password-reset',
  summary: 'A new generated password, returned once, to be changed at the next login; the sessions end (audited)',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: { description: 'the account and its one-time password', content: { 'application/json': { schema: WithPassword } } }, ...errorResponses(401, 403, 404) },
});

export function staffAccountView(a: StaffListing) {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    crewId: a.crewId,
    crewCode: a.crewCode,
    phone: a.phone,
    active: a.active,
    mustChangePassword: a.mustChangePassword ?? false,
    createdAt: a.createdAt.toISOString(),
  };
}

/** The admin's staff accounts: /api/v1/admin/staff. */
export function staffRouter(ctx: AppContext): Router {
  const router = Router();
  const admin = staff(ctx, ['admin']);
  router.get('/', admin, async (_req, res) => {
    res.json({ items: (await listStaff(ctx, utilityOf(res))).map(staffAccountView) });
  });
  // Answers carrying a password are never cached (staff() sets no-store too).
  router.post('/', admin, noStore(), async (req, res) => {
    const { account, password } = await createStaff(ctx, utilityOf(res), userOf(res), parse(NewStaffBody, req.body));
    res.status(201).json({ account: staffAccountView(account), password });
  });
  router.patch('/:id', admin, async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(staffAccountView(await changeStaff(ctx, utilityOf(res), userOf(res), id, parse(StaffPatch, req.body))));
  });
  router.post('/:id/password-reset', admin, noStore(), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const { account, password } = await resetStaffPassword(ctx, utilityOf(res), userOf(res), id);
    res.json({ account: staffAccountView(account), password });
  });
  return router;
}
