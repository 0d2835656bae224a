import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { notFound, validationError } from '../../core/domain/errors.js';
import { languages, messageKinds, outboundChannels, placeholderExamples, reporterKinds } from '../../core/domain/messages.js';
import { normalisePhone } from '../../core/domain/phone.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { IdParam } from '../../platform/http/schemas.js';
import { publicUtility, staff, userOf, utilityOf } from '../auth/middleware.js';
import { confirmVerification, startVerification } from './verification.service.js';
import {
  configureChannel,
  deliveryAttempts,
  deliveryCounts,
  firstReplyReport,
  listChannels,
  listDeliveries,
  listTemplates,
  previewTemplate,
  receiveReply,
  removeChannel,
  resetTemplate,
  retryDelivery,
  saveTemplate,
} from './service.js';
import { deliveryView } from './view.js';
import { dateRange } from '../reports/period.js';

const bearer = [{ bearer: [] }];
const admin = ['admin'] as const;

const DeliveryQuery = z.object({
  status: z.enum(['pending', 'delivered', 'failed', 'skipped']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const Delivery = z
  .object({
    id: z.number(),
    kind: z.string().openapi({ example: 'ticket.received' }),
    ticketNumber: z.string().nullable(),
    channel: z.enum(['inbox', ...outboundChannels]),
    recipient: z.string(),
    status: z.enum(['pending', 'delivered', 'failed', 'skipped']),
    attempts: z.number(),
    nextAttemptAt: z.string(),
    deliveredAt: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('NotificationDelivery');
const DeliveryPage = z.object({ total: z.number(), counts: z.record(z.string(), z.number()), items: z.array(Delivery) }).openapi('NotificationDeliveries');
const Attempt = z.object({ attempt: z.number(), at: z.string(), ok: z.boolean(), error: z.string().nullable(), providerRef: z.string().nullable(), durationMs: z.number() }).openapi('NotificationAttempt');

const TemplateKey = z.object({ kind: z.enum(messageKinds), lang: z.enum(languages) });
const TemplateText = z.object({ subject: z.string().trim().min(1, 'write a subject').max(200), body: z.string().trim().min(1, 'write the message').max(2000) }).strict().openapi('MessageText');
const Template = z
  .object({ kind: z.enum(messageKinds), audience: z.enum(['reporter', 'staff']), lang: z.enum(languages), subject: z.string(), body: z.string(), isDefault: z.boolean(), updatedAt: z.string().nullable() })
  .openapi('MessageTemplate');
const Templates = z.object({ placeholders: z.record(z.string(), z.string()), items: z.array(Template) }).openapi('MessageTemplates');

const ChannelParam = z.object({ channel: z.enum(outboundChannels) });
const SmtpConfig = z.object({ host: z.string().trim().min(1), port: z.number().int().min(1).max(65535), secure: z.boolean().optional(), user: z.string().optional(), password: z.string().optional(), from: z.string().trim().min(3) }).strict();
const templateName = z.string().regex(/^[a-z0-9_]{1,512}$/, 'an approved template name: lower case letters, digits and _');
const WhatsappConfig = z
  .object({
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    apiVersion: z.string().regex(/^v\d+\.\d+$/, 'like v21.0').optional(),
    phoneNumberId: z.string().trim().min(1),
    accessToken: z.string().min(1).optional(),
    templates: z
      .partialRecord(z.enum(reporterKinds), z.object({ id: templateName.optional(), en: templateName.optional() }).strict())
      .optional()
      .openapi({ description: "Outside WhatsApp's 24-hour window only approved templates go: the template per message kind and language, mirroring the utility's text ({{1}}, {{2}}, ... = its placeholders in order)", example: { 'ticket.received': { id: 'laporan_diterima', en: 'report_received' } } }),
    verifyToken: z.string().min(8).optional().openapi({ description: 'Inbound webhook: the verify token of the GET handshake' }),
    appSecret: z.string().min(8).optional().openapi({ description: 'Inbound webhook: the app secret that signs each POST (X-Hub-Signature-256)' }),
  })
  .strict();
const GatewayConfig = z
  .object({
    url: z.string().regex(/^https?:\/\//, 'an http(s) URL'),
    method: z.enum(['POST', 'GET']).optional(),
    authHeaderName: z.string().regex(/^[A-Za-z0-9-]+$/, 'a header name').optional(),
    authHeaderValue: z.string().optional(),
    contentType: z.string().optional(),
    bodyTemplate: z.string().max(4000).default(''),
    inboundSecret: z.string().min(16, 'at least 16 characters').optional().openapi({ description: 'Inbound webhook: the shared secret the gateway sends in X-Gateway-Secret with each forwarded reply' }),
  })
  .strict();
const ChannelBody = z
  .discriminatedUnion('provider', [
    z.object({ provider: z.literal('smtp'), config: SmtpConfig, active: z.boolean().default(true) }),
    z.object({ provider: z.literal('whatsapp_cloud'), config: WhatsappConfig, active: z.boolean().default(true) }),
    z.object({ provider: z.literal('http_gateway'), config: GatewayConfig, active: z.boolean().default(true) }),
  ])
  .openapi('NotificationChannel');
const FirstReplyQuery = z.object({ from: z.iso.date(), to: z.iso.date() });
const FirstReply = z
  .object({
    standardMinutes: z.number(),
    from: z.string(),
    to: z.string(),
    channels: z.array(
      z.object({ channel: z.string().openapi({ description: "'none': reports no message has reached yet" }), tickets: z.number(), withinStandard: z.number(), withinStandardPct: z.number(), medianMinutes: z.number().nullable(), p90Minutes: z.number().nullable() }),
    ),
  })
  .openapi('FirstReplyReport');
const Requeued = z.object({ id: z.number(), status: z.literal('pending') }).openapi('NotificationRequeued');
const ReplyBody = z.object({ phone: z.string().trim().min(6), text: z.string().max(2000) }).openapi('ReporterReply');

registry.registerPath({ method: 'get', path: '/api/v1/notifications/deliveries', summary: 'Messages sent, waiting and failed, newest first, with counts per status (admin)', security: bearer, request: { query: DeliveryQuery }, responses: { 200: { description: 'A page of deliveries', content: { 'application/json': { schema: DeliveryPage } } }, ...errorResponses(400, 401, 403) } });
registry.registerPath({ method: 'get', path: '/api/v1/notifications/deliveries/{id}/attempts', summary: 'Every attempt to send one message (admin)', security: bearer, request: { params: IdParam }, responses: { 200: { description: 'The attempts', content: { 'application/json': { schema: z.array(Attempt) } } }, ...errorResponses(401, 403, 404) } });
registry.registerPath({ method: 'post', path: '/api/v1/notifications/deliveries/{id}/retry', summary: 'Send a failed message again (admin)', security: bearer, request: { params: IdParam }, responses: { 200: { description: 'Queued again', content: { 'application/json': { schema: Requeued } } }, ...errorResponses(401, 403, 404) } });
registry.registerPath({ method: 'get', path: '/api/v1/notifications/templates', summary: 'Message texts per event and language, with the placeholders and their examples (admin, operator: the answer scripts)', security: bearer, responses: { 200: { description: 'Templates', content: { 'application/json': { schema: Templates } } }, ...errorResponses(401, 403) } });
registry.registerPath({ method: 'put', path: '/api/v1/notifications/templates/{kind}/{lang}', summary: 'Change one message text (admin)', security: bearer, request: { params: TemplateKey, body: { content: { 'application/json': { schema: TemplateText } } } }, responses: { 200: { description: 'The text as saved', content: { 'application/json': { schema: Template } } }, ...errorResponses(400, 401, 403) } });
registry.registerPath({ method: 'delete', path: '/api/v1/notifications/templates/{kind}/{lang}', summary: 'Back to the default text (admin)', security: bearer, request: { params: TemplateKey }, responses: { 200: { description: 'The default text', content: { 'application/json': { schema: Template } } }, ...errorResponses(400, 401, 403) } });
registry.registerPath({ method: 'post', path: '/api/v1/notifications/templates/preview', summary: 'A text filled with example values (admin)', security: bearer, request: { body: { content: { 'application/json': { schema: TemplateText } } } }, responses: { 200: { description: 'The preview', content: { 'application/json': { schema: TemplateText } } }, ...errorResponses(400, 401, 403) } });
registry.registerPath({ method: 'get', path: '/api/v1/notifications/channels', summary: 'How the utility reaches people: a provider per channel, secrets masked (admin)', security: bearer, responses: { 200: { description: 'Channels' }, ...errorResponses(401, 403) } });
registry.registerPath({ method: 'put', path: '/api/v1/notifications/channels/{channel}', summary: 'Configure e-mail (SMTP), WhatsApp (Cloud API or a gateway) or SMS (a gateway); a secret left out keeps the stored one (admin)', security: bearer, request: { params: ChannelParam, body: { content: { 'application/json': { schema: ChannelBody } } } }, responses: { 204: { description: 'Saved' }, ...errorResponses(400, 401, 403) } });
registry.registerPath({ method: 'delete', path: '/api/v1/notifications/channels/{channel}', summary: 'Stop using a channel (admin)', security: bearer, request: { params: ChannelParam }, responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404) } });
registry.registerPath({ method: 'get', path: '/api/v1/notifications/first-reply', summary: 'Time to the first message to the reporter, per channel, against the 2 h standard (seed 004), for reports received in [from, to] (local dates)', security: bearer, request: { query: FirstReplyQuery }, responses: { 200: { description: 'Per channel', content: { 'application/json': { schema: FirstReply } } }, ...errorResponses(400, 401, 403) } });
registry.registerPath({ method: 'post', path: '/api/v1/notifications/replies', summary: 'A reporter’s reply entered by the operator: an opt-out keyword (STOP, BERHENTI) stops further messages, an opt-in keyword (START, MULAI) resumes them', security: bearer, request: { body: { content: { 'application/json': { schema: ReplyBody } } } }, responses: { 200: { description: 'Whether it was an opt-out' }, ...errorResponses(400, 401, 403) } });

const VerifyBody = z
  .object({
    phone: z.string().trim().min(6).openapi({ example: '0812-3456-7890' }),
    lang: z.enum(languages).default('id'),
    jurisdiction_id: z.string().optional(),
  })
  .openapi('PhoneVerificationRequest');
const VerifyStarted = z.object({ id: z.number(), expiresAt: z.string() }).openapi('PhoneVerificationStarted');
const ConfirmBody = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'the 6 digits of the code'), jurisdiction_id: z.string().optional() }).openapi('PhoneVerificationCode');
const Confirmed = z.object({ token: z.string(), phone: z.string(), validUntil: z.string() }).openapi('PhoneVerified');

registry.registerPath({ method: 'post', path: '/api/v1/verifications', summary: 'Send a one-time code to a phone (SMS or WhatsApp) to prove the reporter holds it; 3 codes per number per hour', request: { body: { content: { 'application/json': { schema: VerifyBody } } } }, responses: { 201: { description: 'Code sent', content: { 'application/json': { schema: VerifyStarted } } }, ...errorResponses(400, 429) } });
registry.registerPath({ method: 'post', path: '/api/v1/verifications/{id}/confirm', summary: 'Check the code; answers a token that proves the number for an hour', request: { params: IdParam, body: { content: { 'application/json': { schema: ConfirmBody } } } }, responses: { 200: { description: 'Proven', content: { 'application/json': { schema: Confirmed } } }, ...errorResponses(400, 404) } });

/** Public: a reporter proves a phone number by the code sent to it. */
export function verificationsRouter(ctx: AppContext): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    const body = parse(VerifyBody, req.body ?? {});
    const utility = await publicUtility(ctx, req);
    const phone = normalisePhone(body.phone);
    if (!phone) throw validationError([{ field: 'phone', message: 'an Indonesian phone number, e.g. 0812-3456-7890' }]);
    const started = await startVerification(ctx, utility, phone, body.lang);
    res.status(201).json({ id: started.id, expiresAt: started.expiresAt.toISOString() });
  });
  router.post('/:id/confirm', async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const body = parse(ConfirmBody, req.body ?? {});
    const utility = await publicUtility(ctx, req);
    const ok = await confirmVerification(ctx, utility, id, body.code);
    res.json({ token: ok.token, phone: ok.phone, validUntil: ok.validUntil.toISOString() });
  });
  return router;
}

export function notificationsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/deliveries', staff(ctx, admin), async (req, res) => {
    const q = parse(DeliveryQuery, req.query);
    const utilityId = utilityOf(res).id;
    const page = await listDeliveries(ctx.db, utilityId, q);
    res.json({ total: page.total, counts: await deliveryCounts(ctx.db, utilityId), items: page.items.map(deliveryView) });
  });
  router.get('/deliveries/:id/attempts', staff(ctx, admin), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const rows = await deliveryAttempts(ctx.db, utilityOf(res).id, id);
    if (!rows.length) throw notFound('delivery', id);
    res.json(rows.map((r) => ({ attempt: r.attempt, at: r.at.toISOString(), ok: r.ok, error: r.error, providerRef: r.provider_ref, durationMs: r.duration_ms })));
  });
  router.post('/deliveries/:id/retry', staff(ctx, admin), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    if (!(await retryDelivery(ctx.db, utilityOf(res).id, id, ctx.now()))) throw notFound('failed delivery', id);
    res.json({ id, status: 'pending' });
  });

  router.get('/templates', staff(ctx, ['admin', 'operator']), async (_req, res) => {
    res.json({ placeholders: placeholderExamples, items: await listTemplates(ctx.db, utilityOf(res).id) });
  });
  router.post('/templates/preview', staff(ctx, admin), async (req, res) => {
    res.json(previewTemplate(parse(TemplateText, req.body ?? {})));
  });
  router.put('/templates/:kind/:lang', staff(ctx, admin), async (req, res) => {
    const { kind, lang } = parse(TemplateKey, req.params);
    const text = parse(TemplateText, req.body ?? {});
    await saveTemplate(ctx.db, { utilityId: utilityOf(res).id, kind, lang, text, userId: userOf(res).id, at: ctx.now() });
    res.json((await listTemplates(ctx.db, utilityOf(res).id)).find((x) => x.kind === kind && x.lang === lang));
  });
  router.delete('/templates/:kind/:lang', staff(ctx, admin), async (req, res) => {
    const { kind, lang } = parse(TemplateKey, req.params);
    await resetTemplate(ctx.db, utilityOf(res).id, kind, lang);
    res.json((await listTemplates(ctx.db, utilityOf(res).id)).find((x) => x.kind === kind && x.lang === lang));
  });

  router.get('/channels', staff(ctx, admin), async (_req, res) => {
    res.json(await listChannels(ctx.db, utilityOf(res).id));
  });
  router.put('/channels/:channel', staff(ctx, admin), async (req, res) => {
    const { channel } = parse(ChannelParam, req.params);
    const body = parse(ChannelBody, req.body ?? {});
    await configureChannel(ctx.db, utilityOf(res).id, { channel, ...body }, ctx.config.webhookAllowedHosts, ctx.now());
    res.status(204).end();
  });
  router.delete('/channels/:channel', staff(ctx, admin), async (req, res) => {
    const { channel } = parse(ChannelParam, req.params);
    if (!(await removeChannel(ctx.db, utilityOf(res).id, channel))) throw notFound('channel', channel);
    res.status(204).end();
  });

  router.get('/first-reply', staff(ctx, ['admin', 'kabag', 'kasie', 'direktur']), async (req, res) => {
    const q = parse(FirstReplyQuery, req.query);
    const w = dateRange(q.from, q.to, utilityOf(res).timeZone);
    res.json(await firstReplyReport(ctx.db, utilityOf(res).id, w.from, w.to));
  });

  router.post('/replies', staff(ctx, ['admin', 'operator']), async (req, res) => {
    const body = parse(ReplyBody, req.body ?? {});
    const phone = normalisePhone(body.phone);
    if (!phone) throw validationError([{ field: 'phone', message: 'an Indonesian phone number, e.g. 0812-3456-7890' }]);
    res.json(await receiveReply(ctx.db, utilityOf(res), phone, body.text, ctx.now()));
  });
  return router;
}
