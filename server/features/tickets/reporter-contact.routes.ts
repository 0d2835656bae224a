import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { languages, outboundChannels } from '../../core/domain/messages.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { IdParam } from '../../platform/http/schemas.js';
import { staff, userOf, utilityOf } from '../auth/middleware.js';
import { changeReporterContact } from './reporter-contact.service.js';

const ContactBody = z
  .object({
    preferredChannel: z.enum(outboundChannels).nullable().openapi({ description: "whatsapp, sms or email; null: the utility's order" }),
    language: z.enum(languages),
  })
  .strict()
  .openapi('ReporterContactChange');
const Contact = ContactBody.extend({ optedOut: z.boolean() }).openapi('ReporterContact');

registry.registerPath({
  method: 'put',
  path: '/api/v1/tickets/{id}/reporter-contact',
  summary: "How the ticket's reporter hears of their reports: channel and language (admin, operator; audited)",
  security: [{ bearer: [] }],
  request: { params: IdParam, body: { content: { 'application/json': { schema: ContactBody } } } },
  responses: { 200: { description: 'As saved', content: { 'application/json': { schema: Contact } } }, ...errorResponses(400, 401, 403, 404) },
});

export function reporterContactRouter(ctx: AppContext): Router {
  const router = Router();
  router.put('/:id/reporter-contact', staff(ctx, ['admin', 'operator']), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const body = parse(ContactBody, req.body ?? {});
    res.json(await changeReporterContact(ctx, utilityOf(res), userOf(res), id, body));
  });
  return router;
}
