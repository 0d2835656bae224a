import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { categories } from '../../core/domain/tickets.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { IdParam } from '../../platform/http/schemas.js';
import { staff, userOf, utilityOf } from '../auth/middleware.js';
import { addStandardAnswer, changeStandardAnswer, standardAnswers, type StandardAnswer } from './first-contact.service.js';

const bearer = [{ bearer: [] }];
const text = (max: number, what: string) => z.string().trim().min(1, `write the ${what}`).max(max);
const bilingual = (max: number, what: string) => z.object({ id: text(max, `${what} in Bahasa Indonesia`), en: text(max, `${what} in English`) });

const AnswerBody = z
  .object({
    category: z.enum(categories).nullable().default(null).describe('The kind of complaint it answers; null: any'),
    title: bilingual(120, 'title'),
    answer: bilingual(2000, 'answer'),
    active: z.boolean().default(true),
  })
  .openapi('StandardAnswerBody');
const Answer = z
  .object({ id: z.number(), category: z.enum(categories).nullable(), title: z.object({ id: z.string(), en: z.string() }), answer: z.object({ id: z.string(), en: z.string() }), active: z.boolean(), updatedAt: z.string() })
  .openapi('StandardAnswer');
const ListQuery = z.object({ all: z.enum(['true', 'false']).default('false').describe('true: the retired answers too') });

registry.registerPath({
  method: 'get',
  path: '/api/v1/answers',
  summary: "The standard answers the call centre gives at first contact (the admin's short knowledge base)",
  security: bearer,
  request: { query: ListQuery },
  responses: { 200: { description: 'Answers', content: { 'application/json': { schema: z.object({ items: z.array(Answer) }) } } }, ...errorResponses(401, 403) },
});
registry.registerPath({
  method: 'post',
  path: '/api/v1/answers',
  summary: 'Add a standard answer (admin)',
  security: bearer,
  request: { body: { content: { 'application/json': { schema: AnswerBody } } } },
  responses: { 201: { description: 'Added', content: { 'application/json': { schema: Answer } } }, ...errorResponses(400, 401, 403) },
});
registry.registerPath({
  method: 'put',
  path: '/api/v1/answers/{id}',
  summary: 'Change or retire (active: false) a standard answer (admin)',
  security: bearer,
  request: { params: IdParam, body: { content: { 'application/json': { schema: AnswerBody } } } },
  responses: { 200: { description: 'Changed', content: { 'application/json': { schema: Answer } } }, ...errorResponses(400, 401, 403, 404) },
});

const present = (a: StandardAnswer) => ({ ...a, updatedAt: a.updatedAt.toISOString() });

export function answersRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', staff(ctx, ['operator', 'admin']), async (req, res) => {
    const q = parse(ListQuery, req.query);
    res.json({ items: (await standardAnswers(ctx, utilityOf(res), q.all === 'true')).map(present) });
  });
  router.post('/', staff(ctx, ['admin']), async (req, res) => {
    const body = parse(AnswerBody, req.body ?? {});
    res.status(201).json(present(await addStandardAnswer(ctx, utilityOf(res), userOf(res), body)));
  });
  router.put('/:id', staff(ctx, ['admin']), async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const body = parse(AnswerBody, req.body ?? {});
    res.json(present(await changeStandardAnswer(ctx, utilityOf(res), userOf(res), id, body)));
  });
  return router;
}
