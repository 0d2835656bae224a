import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../core/domain/errors.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { staff, userOf } from '../auth/middleware.js';
import { IdParam } from '../../platform/http/schemas.js';
import { listInbox, markRead } from './service.js';

const bearer = [{ bearer: [] }];

const InboxQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const Notification = z
  .object({
    id: z.number(),
    kind: z.string().openapi({ example: 'escalation.resolve' }),
    title: z.string(),
    body: z.string(),
    ticket: z.object({ id: z.number(), number: z.string() }).nullable(),
    escalation: z.object({ id: z.number(), kind: z.string(), level: z.number(), role: z.string(), dueAt: z.string(), metAt: z.string().nullable() }).nullable(),
    text: z
      .object({ id: z.object({ subject: z.string(), body: z.string() }), en: z.object({ subject: z.string(), body: z.string() }).nullable() })
      .nullable()
      .describe('The message in Bahasa Indonesia and English (the console shows the one of its language switch)'),
    items: z.array(z.object({ ticketId: z.number(), number: z.string() })).nullable().describe("A digest's tickets"),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

const Inbox = z.object({ total: z.number(), unread: z.number(), items: z.array(Notification) }).openapi('Inbox');

registry.registerPath({
  method: 'get',
  path: '/api/v1/inbox',
  summary: 'The caller’s notifications (escalations sent to their role), newest first',
  security: bearer,
  request: { query: InboxQuery },
  responses: { 200: { description: 'A page of the inbox', content: { 'application/json': { schema: Inbox } } }, ...errorResponses(400, 401) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/inbox/{id}/read',
  summary: 'Mark one of the caller’s notifications read',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: { description: 'The notification', content: { 'application/json': { schema: Notification } } }, ...errorResponses(401, 404) },
});

export function inboxRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', staff(ctx), async (req, res) => {
    const q = parse(InboxQuery, req.query);
    res.json(await listInbox(ctx.db, userOf(res).id, q));
  });

  router.post('/:id/read', staff(ctx), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const note = await markRead(ctx.db, userOf(res).id, id, ctx.now());
    if (!note) throw notFound('notification', id);
    res.json(note);
  });
  return router;
}
