import { api } from '../api.js';
import { clientConfig } from '../config.js';
import { h, errorBox } from '../dom.js';
import { categoryLabel, formatTime, pickLabel, priorityLabel, t } from '../i18n.js';
import { phoneLookup } from './phone-lookup.js';

/** Anyone can follow a report by its number: status, timeline, expected resolution. */
export async function statusPage(root: HTMLElement, number?: string): Promise<void> {
  const config = await clientConfig();
  const input = h('input', { type: 'text', id: 'number', name: 'number', value: number ?? '', placeholder: 'LK-2026-000123', autocapitalize: 'characters' });
  const result = h('div', { id: 'status-result' });
  const form = h('form', { class: 'card row' }, h('label', { for: 'number', style: 'margin:0' }, t('report_number')), input, h('button', { type: 'submit' }, t('look_up')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/status/${input.value.trim().toUpperCase()}`;
  });
  root.replaceChildren(h('h1', {}, t('check_status')), form, result);
  if (!number) {
    root.append(phoneLookup(config.utility));
    return;
  }
  try {
    const s = await api.get('/api/v1/reports/{number}', { path: { number }, query: { jurisdiction_id: config.utility.code } });
    const tz = config.utility.timeZone;
    result.replaceChildren(
      h(
        'div',
        { class: 'card' },
        h('h2', {}, s.number),
        h('p', {}, h('strong', {}, `${t('status')}: `), h('span', { id: 'status-label' }, pickLabel(s.statusLabel))),
        h('p', {}, `${categoryLabel(s.category)} · ${t('priority')}: ${priorityLabel(s.priority)}`),
        h('p', {}, `${t('received_at')}: ${formatTime(s.receivedAt, tz)}`),
        s.expectedResolutionAt ? h('p', {}, `${t('expected_by')}: ${formatTime(s.expectedResolutionAt, tz)}`) : null,
        s.region ? h('p', {}, `${t('region')}: ${s.region}`) : null,
        s.incident
          ? h(
              'div',
              { class: 'card', id: 'incident', style: 'border-color:#ef6c00' },
              h('strong', {}, `${t('area_incident')}: ${s.incident.title}`),
              h('p', {}, pickLabel(s.incident.message)),
              s.incident.estimatedRestoreAt ? h('p', { class: 'muted' }, `${t('expected_by')}: ${formatTime(s.incident.estimatedRestoreAt, tz)}`) : null,
            )
          : null,
        s.repeatCount ? h('p', { class: 'muted' }, `${t('re_report')}: ${s.repeatCount}×`) : null,
        h('h2', {}, t('timeline')),
        h('ol', { class: 'timeline' }, ...s.timeline.map((e) => h('li', {}, h('strong', {}, pickLabel(e.label)), h('br'), h('span', { class: 'muted' }, formatTime(e.at, tz))))),
      ),
    );
  } catch (err) {
    result.replaceChildren(errorBox(err));
  }
}
