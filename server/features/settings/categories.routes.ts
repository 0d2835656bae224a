import { Router } from 'express';
import type { AppContext } from '../../platform/context.js';
import { categories, priorities, type Category } from '../../core/domain/tickets.js';
import { defaultSettings, resolveSettings } from '../../core/domain/settings.js';
import { errorResponses, registry, z } from '../../platform/http/openapi.js';
import { parse } from '../../platform/http/validate.js';
import { staff, userOf, utilityOf } from '../auth/middleware.js';
import { CategoryPatch } from './routes.js';
import { changeSettings, settingsOverridesOf } from './service.js';

/**
 * The leak categories as the utility uses them: its names in both languages,
 * the priority preselected at the SPK, the repair minutes the planner counts,
 * whether citizens must send a photo, and whether it is still offered. They
 * live in utilities.settings (`categories`, `serviceMinutes`) like every
 * other utility setting, so the settings page and this one never disagree.
 * The five codes are the shared vocabulary (PostgreSQL enum, Open311 service
 * codes, reports): a utility renames, tunes and deactivates them.
 */
const bearer = [{ bearer: [] }];
const CodeParam = z.object({ code: z.enum(categories) });
const CategoryChange = CategoryPatch.extend({ repairMinutes: z.number().int().min(5, 'at least 5 minutes').max(8 * 60, 'at most 480 minutes').optional() })
  .strict()
  .openapi('CategoryChange');
const label = z.object({ id: z.string(), en: z.string() });
const CategoryItem = z
  .object({
    code: z.enum(categories),
    name: label,
    defaultName: label,
    defaultPriority: z.enum(priorities),
    repairMinutes: z.number(),
    defaultRepairMinutes: z.number(),
    photoRequired: z.boolean(),
    active: z.boolean(),
  })
  .openapi('Category');
const CategoryList = z.object({ items: z.array(CategoryItem) }).openapi('CategoryList');

registry.registerPath({ method: 'get', path: '/api/v1/categories', summary: "The utility's leak categories with their SOP defaults (admin)", security: bearer, responses: { 200: { description: 'Categories', content: { 'application/json': { schema: CategoryList } } }, ...errorResponses(401, 403) } });
registry.registerPath({
  method: 'put',
  path: '/api/v1/categories/{code}',
  summary: 'Rename, tune or (de)activate a category (admin; audited): a deactivated one takes no new report, its tickets keep it',
  security: bearer,
  request: { params: CodeParam, body: { content: { 'application/json': { schema: CategoryChange } } } },
  responses: { 200: { description: 'The categories after the change', content: { 'application/json': { schema: CategoryList } } }, ...errorResponses(400, 401, 403) },
});

function categoryList(overrides: Record<string, unknown>) {
  const s = resolveSettings(overrides);
  return {
    items: categories.map((code: Category) => ({
      code,
      ...s.categories[code],
      defaultName: defaultSettings.categories[code].name,
      repairMinutes: s.serviceMinutes[code],
      defaultRepairMinutes: defaultSettings.serviceMinutes[code],
    })),
  };
}

export function categoriesRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', staff(ctx, ['admin']), async (_req, res) => {
    res.json(categoryList(await settingsOverridesOf(ctx, utilityOf(res).id)));
  });
  router.put('/:code', staff(ctx, ['admin']), async (req, res) => {
    const { code } = parse(CodeParam, req.params);
    const { repairMinutes, ...setup } = parse(CategoryChange, req.body ?? {});
    const patch: Record<string, unknown> = { categories: { [code]: setup } };
    if (repairMinutes !== undefined) patch.serviceMinutes = { [code]: repairMinutes };
    const merged = await changeSettings(ctx, utilityOf(res).id, patch, { actorId: userOf(res).id, action: 'category.update', objectType: 'category', at: ctx.now() });
    res.json(categoryList(merged));
  });
  return router;
}
