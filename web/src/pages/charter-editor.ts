import { api } from '../api.js';
import { clientConfig } from '../config.js';
import { action, h } from '../dom.js';
import { t } from '../i18n.js';

const keys = ['title', 'pledge', 'replyStandard', 'complaints'] as const;
const labelKey = { title: 'charter_text_title', pledge: 'charter_text_pledge', replyStandard: 'call_centre_standard', complaints: 'complaint_channels' } as const;

/**
 * The admin edits the service charter's texts (Maklumat Pelayanan), each in
 * Bahasa Indonesia and English; the promised times come from the SLA
 * settings and are not edited here. The public page is #/maklumat.
 */
export async function charterEditorPage(root: HTMLElement): Promise<void> {
  const config = await clientConfig();
  const charter = await api.get('/api/v1/charter', { query: { jurisdiction_id: config.utility.code } });
  const inputs = keys.map((k) => {
    const rows = k === 'title' ? 1 : 4;
    const make = (lang: 'id' | 'en') => {
      const el = h('textarea', { id: `charter-${k}-${lang}`, name: `${k}-${lang}`, rows, maxlength: 3000 });
      el.value = charter.texts[k][lang];
      return el;
    };
    return { key: k, id: make('id'), en: make('en') };
  });
  const errors = h('div');
  const notice = h('p', { id: 'charter-saved', role: 'status' });
  const save = h('button', { type: 'button', id: 'charter-save' }, t('save'));
  action(save, async () => {
    notice.textContent = '';
    const body = Object.fromEntries(inputs.map((i) => [i.key, { id: i.id.value, en: i.en.value }]));
    await api.put('/api/v1/charter', { body });
    notice.textContent = t('saved');
  }, errors);
  root.replaceChildren(
    h('h1', {}, t('edit_charter')),
    h('p', { class: 'muted' }, t('edit_charter_hint'), ' ', h('a', { href: '#/maklumat' }, t('charter'))),
    ...inputs.map((i) =>
      h(
        'div',
        { class: 'card' },
        h('h2', {}, t(labelKey[i.key])),
        h('label', { for: i.id.id }, 'Bahasa Indonesia'),
        i.id,
        h('label', { for: i.en.id }, 'English'),
        i.en,
      ),
    ),
    errors,
    h('p', {}, save),
    notice,
  );
}
