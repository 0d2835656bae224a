import crypto from 'node:crypto';
import { raw as rawBody, Router, type Request } from 'express';
import type { AppContext } from '../../platform/context.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import { normalisePhone } from '../../core/domain/phone.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { noStore } from '../../platform/http/no-store.js';
import { publicUtilityFor } from '../utilities/service.js';
import { channelSettingsOf, receiveReply } from './service.js';

/**
 * Replies from reporters without a staff login (issue 12): the providers call
 * these webhooks. A reply counts as the reporter's last inbound message (it
 * opens WhatsApp's 24-hour window) and an opt-out or opt-in keyword takes
 * effect at once.
 *
 * - WhatsApp Cloud API: GET is Meta's verify handshake (hub.mode=subscribe,
 *   hub.verify_token, answer hub.challenge); POST carries
 *   entry[].changes[].value.messages[] and is signed: X-Hub-Signature-256 =
 *   "sha256=" + HMAC-SHA256(app secret, the raw body).
 * - A generic gateway: POST {"from": "0812...", "text": "STOP"} (JSON or a
 *   form) with the channel's shared secret in X-Gateway-Secret.
 *
 * Mounted before the JSON parser: the signature is over the bytes as sent.
 */

const Jurisdiction = z.object({ jurisdiction_id: z.string().optional() });
const HubQuery = Jurisdiction.extend({ 'hub.mode': z.string(), 'hub.verify_token': z.string(), 'hub.challenge': z.string().max(200) });
const WhatsappMessage = z.object({ from: z.string(), type: z.string(), text: z.object({ body: z.string() }).optional(), button: z.object({ text: z.string() }).optional() }).loose();
const WhatsappPayload = z
  .object({
    object: z.string(),
    entry: z.array(z.object({ changes: z.array(z.object({ field: z.string().optional(), value: z.object({ messages: z.array(WhatsappMessage).optional() }).loose() })) })),
  })
  .openapi('WhatsappWebhook');
const GatewayParam = z.object({ channel: z.enum(['sms', 'whatsapp']) });
const GatewayReply = z.object({ from: z.string().trim().min(6).openapi({ example: '0812-3456-7890' }), text: z.string().max(2000) }).openapi('GatewayReply');
const Received = z.object({ received: z.number().describe('Messages from reporters taken in'), optedOut: z.number(), optedIn: z.number() }).openapi('InboundReceived');

registry.registerPath({ method: 'get', path: '/api/v1/inbound/whatsapp', summary: "WhatsApp Cloud API webhook: Meta's verify handshake (answers hub.challenge when hub.verify_token matches the channel's)", request: { query: HubQuery }, responses: { 200: { description: 'The challenge, as text' }, ...errorResponses(400, 403, 404) } });
registry.registerPath({ method: 'post', path: '/api/v1/inbound/whatsapp', summary: "WhatsApp Cloud API webhook: reporters' messages (signed with X-Hub-Signature-256); STOP/BERHENTI opts out, START/MULAI back in", request: { query: Jurisdiction, headers: z.object({ 'X-Hub-Signature-256': z.string() }), body: { content: { 'application/json': { schema: WhatsappPayload } } } }, responses: { 200: { description: 'Taken in', content: { 'application/json': { schema: Received } } }, ...errorResponses(400, 401, 404) } });
registry.registerPath({ method: 'post', path: '/api/v1/inbound/gateway/{channel}', summary: "A local gateway forwards a reporter's SMS or WhatsApp reply (shared secret in X-Gateway-Secret); STOP/BERHENTI opts out, START/MULAI back in", request: { params: GatewayParam, query: Jurisdiction, headers: z.object({ 'X-Gateway-Secret': z.string() }), body: { content: { 'application/json': { schema: GatewayReply } } } }, responses: { 200: { description: 'Taken in', content: { 'application/json': { schema: Received } } }, ...errorResponses(400, 401, 404) } });

const refused = (what: string) => new DomainError(ErrorCode.unauthenticated, `${what} does not match the channel's settings`, { field: what });

/** Constant-time equality of two strings (a secret against what was sent). */
function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function bodyOf(req: Request): unknown {
  const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
  const type = req.get('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw || '{}');
  } catch {
    throw validationError([{ field: 'body', message: 'not JSON' }]);
  }
}

async function utilityOfRequest(ctx: AppContext, req: Request) {
  return publicUtilityFor(ctx, parse(Jurisdiction, { jurisdiction_id: req.query.jurisdiction_id }).jurisdiction_id);
}

export function inboundRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(noStore(), rawBody({ type: () => true, limit: '1mb' }));

  router.get('/whatsapp', async (req, res) => {
    const utility = await utilityOfRequest(ctx, req);
    const q = parse(HubQuery, req.query);
    const channel = await channelSettingsOf(ctx.db, utility.id, 'whatsapp');
    const token = channel?.provider === 'whatsapp_cloud' ? (channel.config.verifyToken as string | undefined) : undefined;
    if (!token) throw notFound('WhatsApp Cloud API webhook of', utility.code);
    if (q['hub.mode'] !== 'subscribe' || !sameSecret(token, q['hub.verify_token'])) throw new DomainError(ErrorCode.forbidden, 'hub.verify_token does not match the channel\u2019s verify token', { field: 'hub.verify_token' });
    res.type('text/plain').send(q['hub.challenge']);
  });

  router.post('/whatsapp', async (req, res) => {
    const utility = await utilityOfRequest(ctx, req);
    const channel = await channelSettingsOf(ctx.db, utility.id, 'whatsapp');
    const secret = channel?.provider === 'whatsapp_cloud' ? (channel.config.appSecret as string | undefined) : undefined;
    if (!secret) throw notFound('WhatsApp Cloud API webhook of', utility.code);
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const expected = `sha256=${crypto.createHmac('sha256', secret).update(raw).digest('hex')}`;
    if (!sameSecret(expected, req.get('x-hub-signature-256') ?? '')) throw refused('X-Hub-Signature-256');
    const payload = parse(WhatsappPayload, bodyOf(req));
    const out = { received: 0, optedOut: 0, optedIn: 0 };
    const at = ctx.now();
    for (const m of payload.entry.flatMap((e) => e.changes.flatMap((c) => c.value.messages ?? []))) {
      const phone = normalisePhone(`+${m.from}`);
      if (!phone) continue;
      const r = await receiveReply(ctx.db, utility, phone, m.text?.body ?? m.button?.text ?? '', at, { inbound: true });
      out.received += 1;
      out.optedOut += Number(r.optedOut);
      out.optedIn += Number(r.optedIn);
    }
    // Delivery statuses and other changes carry no message: acknowledged, nothing to do.
    res.json(out);
  });

  router.post('/gateway/:channel', async (req, res) => {
    const utility = await utilityOfRequest(ctx, req);
    const { channel } = parse(GatewayParam, req.params);
    const settings = await channelSettingsOf(ctx.db, utility.id, channel);
    const secret = settings?.provider === 'http_gateway' ? (settings.config.inboundSecret as string | undefined) : undefined;
    if (!secret) throw notFound(`${channel} gateway webhook of`, utility.code);
    if (!sameSecret(secret, req.get('x-gateway-secret') ?? '')) throw refused('X-Gateway-Secret');
    const body = parse(GatewayReply, bodyOf(req));
    const phone = normalisePhone(body.from);
    if (!phone) throw validationError([{ field: 'from', message: 'an Indonesian phone number, e.g. 0812-3456-7890' }]);
    const r = await receiveReply(ctx.db, utility, phone, body.text, ctx.now(), { inbound: true });
    res.json({ received: 1, optedOut: Number(r.optedOut), optedIn: Number(r.optedIn) });
  });
  return router;
}
