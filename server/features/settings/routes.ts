import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { categories, priorities, roles } from '../../core/domain/tickets.js';
import { outboundChannels } from '../../core/domain/messages.js';
import { changeSettings, registerWebhook, settingsOverridesOf, webhooksOf } from './service.js';
import { settingsView, webhookRegisteredView } from './view.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { staff, userOf, utilityOf } from '../auth/middleware.js';

const bearer = [{ bearer: [] }];
const record = <T extends z.ZodType>(keys: readonly string[], value: T) => z.object(Object.fromEntries(keys.map((k) => [k, value.optional()]))).strict();
const minutes = z.number().int().min(1).max(7 * 24 * 60);
const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a local time HH:MM');

/** The utility's own settings: every key optional, ranges that keep the service sane, nothing unknown. */
const categoryName = z.string().trim().min(2, 'at least 2 characters').max(60);
export const CategoryPatch = z
  .object({
    name: z.object({ id: categoryName.optional(), en: categoryName.optional() }).strict().optional(),
    defaultPriority: z.enum(priorities).optional(),
    photoRequired: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .strict();

const SettingsPatch = z
  .object({
    categories: record(categories, CategoryPatch),
    sla: record(priorities, z.object({ respondMinutes: minutes.optional(), resolveMinutes: minutes.optional(), escalateTo: z.enum(roles).optional() }).strict()),
    points: record(priorities, z.number().int().min(0).max(100)),
    h3Resolution: z.number().int().min(5).max(11),
    detourFactor: z.number().min(1).max(3),
    speedKmh: z.number().min(3).max(90),
    serviceMinutes: record(categories, z.number().int().min(5).max(8 * 60)),
    blurThreshold: z.number().min(0).max(10_000),
    reReportWindowHours: z.number().min(0).max(72),
    repeatRadiusMetres: z.number().min(5).max(2000),
    repeatByNumberRadiusMetres: z.number().min(0).max(2000),
    repeatLinkDays: z.number().int().min(1).max(365),
    nearbyRadiusMetres: z.number().min(5).max(500),
    duplicateRadiusMetres: z.number().min(0).max(500),
    duplicateWindowHours: z.number().min(0).max(24 * 30),
    ratingWindowDays: z.number().int().min(1).max(365),
    planObjective: z.enum(['distance', 'makespan']),
    contact: z.string().trim().min(3).max(300),
    escalation: z.object({ heavyEquipmentTo: z.enum(roles).optional(), lookbackHours: z.number().min(0).max(24 * 30).optional() }).strict(),
    webhook: z
      .object({
        maxAttempts: z.number().int().min(1).max(20).optional(),
        backoffBaseSeconds: z.number().int().min(1).max(3600).optional(),
        backoffMaxSeconds: z.number().int().min(1).max(86_400).optional(),
        timeoutMs: z.number().int().min(500).max(60_000).optional(),
      })
      .strict(),
    notifications: z
      .object({
        normalDigest: z.enum(['immediate', 'hourly', 'daily']).optional(),
        dailyDigestAt: hhmm.optional(),
        quietHours: z.object({ start: hhmm, end: hhmm }).strict().optional(),
        channelOrder: z.array(z.enum(outboundChannels)).min(1).max(3).optional(),
        optOutKeywords: z.array(z.string().trim().min(2).max(30)).min(1).max(20).optional(),
        optInKeywords: z.array(z.string().trim().min(2).max(30)).min(1).max(20).optional(),
        repeatReportTo: z.enum(roles).optional(),
        incidentOverdueTo: z.enum(roles).optional(),
        reopenedTo: z.enum(roles).optional(),
        maxAttempts: z.number().int().min(1).max(20).optional(),
        backoffBaseSeconds: z.number().int().min(1).max(3600).optional(),
        backoffMaxSeconds: z.number().int().min(1).max(86_400).optional(),
        leaseSeconds: z.number().int().min(10).max(3600).optional(),
        publicBaseUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'an http(s) URL' })]).optional(),
      })
      .strict(),
    planning: z
      .object({
        serviceExtraMinutes: record(priorities, z.number().int().min(0).max(240)).optional(),
        roadlessDistricts: z.array(z.string().trim().min(1)).max(50).optional(),
        maxReachKm: z.number().min(1).max(200).optional(),
        solveMsPerCrew: z.number().int().min(5).max(5000).optional(),
      })
      .strict(),
    roads: z
      .object({
        speedsKmh: z.record(z.string().regex(/^[a-z_]{2,40}$/, 'an OpenStreetMap highway class (lower case)'), z.number().min(0).max(130)).optional(),
        snapLimitMetres: z.number().min(10).max(5000).optional(),
      })
      .strict(),
  })
  .partial()
  .strict()
  .openapi('SettingsPatch');

const WebhookBody = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }),
    secret: z.string().min(16, 'at least 16 characters').max(200).optional().describe('HMAC-SHA256 key; one is generated when omitted and returned once'),
  })
  .openapi('WebhookRegistration');

const SettingsAnswer = z
  .object({
    settings: z.record(z.string(), z.unknown()).describe('In force: the SOP defaults merged with the overrides'),
    overrides: z.record(z.string(), z.unknown()).describe("The utility's own values"),
    defaults: z.record(z.string(), z.unknown()).describe("The SOP's values (server/core/domain/settings.ts)"),
  })
  .openapi('SettingsAnswer');
const settingsContent = { 'application/json': { schema: SettingsAnswer } };

registry.registerPath({ method: 'get', path: '/api/v1/settings', summary: "The utility's settings (SOP defaults merged with its own), its own overrides and the SOP defaults", security: bearer, responses: { 200: { description: 'Settings', content: settingsContent }, ...errorResponses(401, 403) } });
registry.registerPath({
  method: 'patch',
  path: '/api/v1/settings',
  summary: 'Change some settings (admin; audited); a key set to null, at any depth, goes back to the SOP default',
  security: bearer,
  request: { body: { content: { 'application/json': { schema: SettingsPatch } } } },
  responses: { 200: { description: 'Settings after the change', content: settingsContent }, ...errorResponses(400, 401, 403) },
});
registry.registerPath({ method: 'get', path: '/api/v1/settings/webhooks', summary: 'Registered webhooks and their latest deliveries (admin)', security: bearer, responses: { 200: { description: 'Webhooks' }, ...errorResponses(401, 403) } });
registry.registerPath({
  method: 'put',
  path: '/api/v1/settings/webhooks',
  summary: 'Register (or re-key) the webhook that receives escalations, signed with HMAC-SHA256 (admin)',
  security: bearer,
  request: { body: { content: { 'application/json': { schema: WebhookBody } } } },
  responses: { 200: { description: 'Registered; the secret is shown once' }, ...errorResponses(400, 401, 403) },
});

/** The patch without its null leaves (and objects left empty by them): what the schema checks. */
function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null) continue;
    if (typeof v === 'object' && !Array.isArray(v)) {
      const inner = withoutNulls(v as Record<string, unknown>);
      if (Object.keys(inner).length || Object.keys(v as object).length === 0) out[key] = inner;
    } else out[key] = v;
  }
  return out;
}

export function settingsRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', staff(ctx, ['admin', 'kabag', 'direktur', 'kasie', 'dispatcher']), async (_req, res) => {
    res.json(settingsView(await settingsOverridesOf(ctx, utilityOf(res).id)));
  });
  router.patch('/', staff(ctx, ['admin']), async (req, res) => {
    // null means "back to the default", at any depth: validate the rest.
    const body = (req.body ?? {}) as Record<string, unknown>;
    parse(SettingsPatch, withoutNulls(body));
    res.json(settingsView(await changeSettings(ctx, utilityOf(res).id, body, { actorId: userOf(res).id, action: 'settings.update', objectType: 'settings', at: ctx.now() })));
  });
  router.get('/webhooks', staff(ctx, ['admin']), async (_req, res) => {
    res.json(await webhooksOf(ctx, utilityOf(res).id));
  });
  router.put('/webhooks', staff(ctx, ['admin']), async (req, res) => {
    const body = parse(WebhookBody, req.body ?? {});
    const { id, secret } = await registerWebhook(ctx, utilityOf(res).id, body.url, body.secret);
    res.json(webhookRegisteredView(id, body.url, secret));
  });
  return router;
}
