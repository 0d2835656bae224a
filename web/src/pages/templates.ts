import { api } from '../api.js';
import { clientConfig } from '../config.js';
import { action, h } from '../dom.js';
import { channelLabel, formatTime, messageKindLabel, t } from '../i18n.js';

type Template = Awaited<ReturnType<typeof loadTemplates>>['items'][number];

const loadTemplates = () => api.get('/api/v1/notifications/templates');

/**
 * The admin's message texts: every event in Bahasa Indonesia and English, the
 * placeholders with their examples, a preview before saving, back to the
 * default; below, the messages that failed, with "send again". The same texts
 * serve the call-centre operator as answer scripts.
 */
export async function templatesPage(root: HTMLElement): Promise<void> {
  const config = await clientConfig();
  const data = await loadTemplates();
  const kinds = [...new Set(data.items.map((i) => i.kind))];
  const select = h('select', { id: 'template-kind', 'aria-label': t('message_event') }, ...kinds.map((k) => h('option', { value: k }, messageKindLabel(k))));
  const langSelect = h('select', { id: 'template-lang', 'aria-label': t('message_language') }, h('option', { value: 'id' }, 'Bahasa Indonesia'), h('option', { value: 'en' }, 'English'));
  const state = h('span', { class: 'muted', id: 'template-state' });
  const subject = h('input', { id: 'template-subject', type: 'text', maxlength: '200', style: 'width:100%' });
  const body = h('textarea', { id: 'template-body', rows: '5', maxlength: '2000', style: 'width:100%' });
  const preview = h('div', { id: 'template-preview', class: 'card' });
  const errors = h('div');
  const saveButton = h('button', { type: 'button', id: 'template-save' }, t('save'));
  const previewButton = h('button', { type: 'button', class: 'secondary', id: 'template-preview-button' }, t('preview'));
  const resetButton = h('button', { type: 'button', class: 'secondary', id: 'template-reset' }, t('reset_default'));

  const current = (): Template => data.items.find((i) => i.kind === select.value && i.lang === langSelect.value)!;
  const show = () => {
    const tpl = current();
    subject.value = tpl.subject;
    body.value = tpl.body;
    state.textContent = `${tpl.audience === 'reporter' ? t('for_reporter') : t('for_staff')} · ${tpl.isDefault ? t('default_text') : `${t('changed_text')} ${formatTime(tpl.updatedAt, config.utility.timeZone)}`}`;
    preview.replaceChildren();
  };
  select.addEventListener('change', show);
  langSelect.addEventListener('change', show);

  action(previewButton, async () => {
    const p = await api.post('/api/v1/notifications/templates/preview', { body: { subject: subject.value, body: body.value } });
    preview.replaceChildren(h('strong', {}, p.subject), h('p', {}, p.body));
  }, errors);
  action(saveButton, async () => {
    const text = { subject: subject.value, body: body.value };
    await api.put('/api/v1/notifications/templates/{kind}/{lang}', { path: { kind: current().kind, lang: current().lang }, body: text });
    Object.assign(current(), text, { isDefault: false, updatedAt: new Date().toISOString() });
    show();
    state.textContent = `${t('saved')} · ${state.textContent}`;
  }, errors);
  action(resetButton, async () => {
    await api.delete('/api/v1/notifications/templates/{kind}/{lang}', { path: { kind: current().kind, lang: current().lang } });
    const fresh = (await loadTemplates()).items.find((i) => i.kind === current().kind && i.lang === current().lang)!;
    Object.assign(current(), fresh);
    show();
  }, errors);

  const failed = await api.get('/api/v1/notifications/deliveries', { query: { status: 'failed', limit: 50 } });
  const failedList = h('ul', { class: 'list', id: 'failed-messages' });
  for (const d of failed.items) {
    const again = h('button', { type: 'button', class: 'secondary' }, t('send_again'));
    const rowErrors = h('div');
    const li = h('li', {}, h('div', {}, `${d.ticketNumber ?? ''} · ${messageKindLabel(d.kind)} · ${channelLabel(d.channel)} → ${d.recipient}`), h('div', { class: 'muted' }, `${formatTime(d.createdAt, config.utility.timeZone)} · ${d.attempts}× · ${d.lastError ?? ''}`), again, rowErrors);
    action(again, async () => {
      await api.post('/api/v1/notifications/deliveries/{id}/retry', { path: { id: d.id } });
      again.replaceWith('✓');
    }, rowErrors);
    failedList.append(li);
  }

  root.replaceChildren(
    h('h1', {}, t('templates')),
    h('div', { class: 'row' }, select, langSelect, state),
    h('label', {}, t('subject'), subject),
    h('label', {}, t('message_body'), body),
    h('div', { class: 'row' }, previewButton, saveButton, resetButton),
    errors,
    preview,
    h('details', {}, h('summary', {}, t('placeholders')), h('ul', {}, ...Object.entries(data.placeholders).map(([k, v]) => h('li', {}, h('code', {}, `{{${k}}}`), ` — ${v}`)))),
    h('h2', {}, `${t('failed_messages')} (${failed.counts.failed ?? 0})`),
    failed.items.length ? failedList : h('p', { class: 'muted' }, t('nothing_here')),
  );
  show();
}
