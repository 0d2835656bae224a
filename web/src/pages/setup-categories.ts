import { api, ApiError, type Schemas } from '../api.js';
import { errorBox, h } from '../dom.js';
import { pickLabel, priorityLabel, setCategoryNames, t } from '../i18n.js';

type Category = Schemas['Category'];
const priorities = ['normal', 'high', 'critical'] as const;

/**
 * The admin's leak categories: the utility's names in both languages, the
 * priority the SPK starts from, the repair minutes the planner counts, whether
 * citizens must send a photo, and whether it is still offered. One row per
 * category, saved on its own; a refusal is shown at the field it names.
 */
export async function setupCategoriesPage(root: HTMLElement): Promise<void> {
  root.dataset.ready = 'false';
  const { items } = await api.get('/api/v1/categories');
  const rows = items.map((c) => categoryRow(c));
  root.replaceChildren(
    h('h1', {}, t('setup_categories')),
    h('p', { class: 'muted' }, t('categories_hint')),
    h(
      'table',
      { class: 'cards', id: 'categories' },
      h('tr', {}, h('th', {}, t('category_name_id')), h('th', {}, t('category_name_en')), h('th', {}, t('default_priority')), h('th', {}, t('repair_minutes')), h('th', {}, t('photo_required')), h('th', {}, t('active')), h('th', {}, '')),
      ...rows,
    ),
  );
  root.dataset.ready = 'true';
}

function categoryRow(c: Category): HTMLTableRowElement {
  const id = (field: string) => `cat-${c.code}-${field}`;
  const nameId = h('input', { type: 'text', id: id('name-id'), value: c.name.id, maxlength: '60', 'aria-label': t('category_name_id') });
  const nameEn = h('input', { type: 'text', id: id('name-en'), value: c.name.en, maxlength: '60', 'aria-label': t('category_name_en') });
  const priority = h('select', { id: id('priority'), 'aria-label': t('default_priority') }, ...priorities.map((p) => h('option', { value: p, selected: p === c.defaultPriority }, priorityLabel(p))));
  const minutes = h('input', { type: 'number', id: id('minutes'), value: String(c.repairMinutes), min: '5', max: '480', step: '1', 'aria-label': t('repair_minutes') });
  const photo = h('input', { type: 'checkbox', id: id('photo'), checked: c.photoRequired, 'aria-label': t('photo_required') });
  const active = h('input', { type: 'checkbox', id: id('active'), checked: c.active, 'aria-label': t('active') });
  const save = h('button', { type: 'button', id: id('save') }, t('save'));
  const state = h('div', { id: id('state'), role: 'status' });
  const fields: Record<string, HTMLElement> = { 'name.id': nameId, 'name.en': nameEn, defaultPriority: priority, repairMinutes: minutes, photoRequired: photo, active };
  const row = h(
    'tr',
    { dataset: { category: c.code } },
    h('td', { 'data-label': t('category_name_id') }, nameId, h('div', { class: 'muted' }, `${t('default_text')}: ${c.defaultName.id}`)),
    h('td', { 'data-label': t('category_name_en') }, nameEn, h('div', { class: 'muted' }, `${t('default_text')}: ${c.defaultName.en}`)),
    h('td', { 'data-label': t('default_priority') }, priority),
    h('td', { 'data-label': t('repair_minutes') }, minutes, h('div', { class: 'muted' }, `${t('default_text')}: ${c.defaultRepairMinutes}`)),
    h('td', { 'data-label': t('photo_required') }, photo),
    h('td', { 'data-label': t('active') }, active),
    h('td', {}, save, state),
  );
  save.addEventListener('click', async () => {
    save.disabled = true;
    state.replaceChildren();
    for (const el of Object.values(fields)) el.removeAttribute('aria-invalid');
    try {
      // Only what changed: an untouched value stays the SOP default, not a copy of it.
      const body: Schemas['CategoryChange'] = {};
      if (nameId.value !== c.name.id || nameEn.value !== c.name.en) body.name = { id: nameId.value, en: nameEn.value };
      if (priority.value !== c.defaultPriority) body.defaultPriority = priority.value as Category['defaultPriority'];
      if (minutes.value !== String(c.repairMinutes)) body.repairMinutes = minutes.value.trim() === '' ? Number.NaN : Number(minutes.value);
      if (photo.checked !== c.photoRequired) body.photoRequired = photo.checked;
      if (active.checked !== c.active) body.active = active.checked;
      const after = await api.put('/api/v1/categories/{code}', { path: { code: c.code }, body });
      Object.assign(c, after.items.find((i) => i.code === c.code)!);
      setCategoryNames(after.items.filter((i) => i.active));
      state.replaceChildren(h('span', { class: 'success' }, `${t('saved')}: ${pickLabel(after.items.find((i) => i.code === c.code)!.name)}`));
      row.dataset.saved = 'true';
    } catch (err) {
      if (err instanceof ApiError && err.field && fields[err.field]) fields[err.field].setAttribute('aria-invalid', 'true');
      state.replaceChildren(errorBox(err));
      row.dataset.saved = 'false';
    } finally {
      save.disabled = false;
    }
  });
  return row;
}
