import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { priorities } from '../../core/domain/tickets.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { noStore } from '../../platform/http/no-store.js';
import { publicUtility, staff, userOf, utilityOf } from '../auth/middleware.js';
import { changeCharterTexts, charterOf, charterTextKeys } from './service.js';

const label = z.object({ id: z.string(), en: z.string() });
const text = (what: string) => z.string().trim().min(1, `write the ${what}`).max(3000);
const CharterPatch = z
  .object(Object.fromEntries(charterTextKeys.map((k) => [k, z.object({ id: text('Bahasa Indonesia text'), en: text('English text') }).strict().optional()])))
  .strict()
  .openapi('CharterPatch');
const achieved = {
  tickets: z.number(),
  respondPercent: z.number().nullable().describe('Share of tickets responded within the promised time (met / decided), %'),
  resolvePercent: z.number().nullable(),
  ikm: z.number().nullable().describe('IKM on the 25-100 scale'),
  ikmGrade: z.enum(['A', 'B', 'C', 'D']).nullable(),
  respondents: z.number(),
};
const Charter = z
  .object({
    utility: z.object({ code: z.string(), name: z.string(), contact: z.string() }),
    texts: z.object(Object.fromEntries(charterTextKeys.map((k) => [k, label]))),
    promises: z.array(z.object({ priority: z.enum(priorities), respondMinutes: z.number(), resolveMinutes: z.number() })),
    month: z.string().describe('The month the achieved figures are of (last month, YYYY-MM)'),
    achieved: z.object({ total: z.object(achieved), regions: z.array(z.object({ region: z.string(), ...achieved })) }),
  })
  .openapi('Charter');

registry.registerPath({
  method: 'get',
  path: '/api/v1/charter',
  summary: 'The service charter (Maklumat Pelayanan), public: promised response and repair times per priority, last month’s attainment and IKM per region, the call-centre reply standard',
  request: { query: z.object({ jurisdiction_id: z.string().optional() }) },
  responses: { 200: { description: 'The charter', content: { 'application/json': { schema: Charter } } }, ...errorResponses(400, 404) },
});
registry.registerPath({
  method: 'put',
  path: '/api/v1/charter',
  summary: 'The admin changes the charter’s texts (each in Bahasa Indonesia and English); the times come from the SLA settings',
  security: [{ bearer: [] }],
  request: { body: { content: { 'application/json': { schema: CharterPatch } } } },
  responses: { 200: { description: 'The charter after the change', content: { 'application/json': { schema: Charter } } }, ...errorResponses(400, 401, 403) },
});

export function charterRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', noStore(), async (req, res) => {
    res.json(await charterOf(ctx, await publicUtility(ctx, req)));
  });
  router.put('/', staff(ctx, ['admin']), async (req, res) => {
    const body = parse(CharterPatch, req.body ?? {}) as Record<string, { id: string; en: string }>;
    res.json(await changeCharterTexts(ctx, utilityOf(res), userOf(res), body));
  });
  return router;
}
