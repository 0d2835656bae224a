import { api } from '../api.js';
import { clientConfig } from '../config.js';
import { h, errorBox } from '../dom.js';
import { categoryLabel, formatTime, pickLabel, t } from '../i18n.js';

/** The reporter's page behind the signed link of their receipt: status, add a note or a photo, their other reports. */
export async function followUpPage(root: HTMLElement, token = ''): Promise<void> {
  const config = await clientConfig();
  const tz = config.utility.timeZone;
  const query = { token, jurisdiction_id: config.utility.code };
  const render = async (notice: HTMLElement | null = null) => {
    const view = await api.get('/api/v1/follow-up', { query });
    const r = view.report;
    const errors = h('div');
    const send = h('button', { type: 'submit', id: 'send-follow-up' }, t('add_to_report'));
    const form = h(
      'form',
      { class: 'card', id: 'follow-up-form', novalidate: true },
      h('label', { for: 'note' }, t('note')),
      h('textarea', { id: 'note', name: 'note', rows: 3 }),
      h('label', { for: 'photo' }, t('add_photo')),
      h('input', { type: 'file', id: 'photo', name: 'photo', accept: 'image/jpeg,image/png,image/webp,image/avif', capture: 'environment' }),
      errors,
      h('p', {}, send),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      errors.replaceChildren();
      send.disabled = true;
      try {
        const data = new FormData(form);
        const photo = data.get('photo');
        if (photo instanceof File && photo.size === 0) data.delete('photo');
        data.set('token', token);
        data.set('jurisdiction_id', config.utility.code);
        await api.post('/api/v1/follow-up', { body: data });
        await render(h('p', { class: 'success', id: 'follow-up-done' }, t('added_thanks')));
      } catch (err) {
        errors.replaceChildren(errorBox(err));
        send.disabled = false;
      }
    });
    const others = view.reports.filter((x) => x.number !== r.number);
    root.replaceChildren(
      h('h1', {}, t('follow_up_title')),
      notice ?? '',
      h(
        'div',
        { class: 'card' },
        h('h2', { id: 'follow-up-number' }, r.number),
        h('p', {}, h('strong', {}, `${t('status')}: `), h('span', { id: 'follow-up-status' }, pickLabel(r.statusLabel))),
        h('p', {}, `${categoryLabel(r.category)} · ${t('received_at')}: ${formatTime(r.receivedAt, tz)}`),
        r.expectedResolutionAt ? h('p', {}, `${t('expected_by')}: ${formatTime(r.expectedResolutionAt, tz)}`) : null,
        h('a', { href: `#/status/${r.number}` }, t('see_status')),
      ),
      view.canAdd ? form : h('p', { class: 'muted', id: 'cannot-add' }, t('cannot_add')),
      others.length
        ? h(
            'div',
            { class: 'card', id: 'my-reports' },
            h('h2', {}, t('your_reports')),
            h('ul', {}, ...others.map((x) => h('li', {}, h('a', { href: `#/status/${x.number}` }, x.number), ` · ${categoryLabel(x.category)} · ${pickLabel(x.statusLabel)} · ${formatTime(x.receivedAt, tz)}`))),
          )
        : '',
    );
  };
  try {
    await render();
  } catch (err) {
    root.replaceChildren(h('h1', {}, t('follow_up_title')), errorBox(err));
  }
}
