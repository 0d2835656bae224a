import { api } from '../api.js';
import { clientConfig } from '../config.js';
import { h } from '../dom.js';
import { pickLabel, priorityLabel, t } from '../i18n.js';

const duration = (minutes: number) => (minutes < 120 ? `${minutes} ${t('minutes')}` : `${Math.round((minutes / 60) * 10) / 10} ${t('hours')}`);
const pct = (x: number | null) => (x === null ? '—' : `${x}%`);

/** The service charter (Maklumat Pelayanan), public: promises beside last month's figures. */
export async function charterPage(root: HTMLElement): Promise<void> {
  const config = await clientConfig();
  const c = await api.get('/api/v1/charter', { query: { jurisdiction_id: config.utility.code } });
  const row = (name: string, a: (typeof c.achieved)['total']) =>
    h('tr', {}, h('td', {}, name), h('td', {}, String(a.tickets)), h('td', {}, pct(a.respondPercent)), h('td', {}, pct(a.resolvePercent)), h('td', {}, a.ikm === null ? '—' : `${a.ikm} (${a.ikmGrade})`));
  root.replaceChildren(
    h('h1', { id: 'charter-title' }, pickLabel(c.texts.title)),
    h('p', { class: 'muted' }, c.utility.name),
    h('div', { class: 'card' }, h('p', { id: 'charter-pledge' }, pickLabel(c.texts.pledge))),
    h('h2', {}, t('promised_times')),
    h(
      'table',
      { id: 'charter-promises' },
      h('thead', {}, h('tr', {}, h('th', {}, t('priority')), h('th', {}, t('respond_within')), h('th', {}, t('resolve_within')))),
      h('tbody', {}, ...c.promises.map((p) => h('tr', {}, h('td', {}, priorityLabel(p.priority)), h('td', {}, duration(p.respondMinutes)), h('td', {}, duration(p.resolveMinutes))))),
    ),
    h('h2', {}, `${t('achieved_last_month')} (${c.month})`),
    h(
      'table',
      { id: 'charter-achieved' },
      h('thead', {}, h('tr', {}, h('th', {}, t('region')), h('th', {}, t('tickets_count')), h('th', {}, t('on_time_respond')), h('th', {}, t('on_time_resolve')), h('th', {}, t('ikm')))),
      h('tbody', {}, ...c.achieved.regions.map((r) => row(r.region, r)), row(t('all_regions'), c.achieved.total)),
    ),
    h('h2', {}, t('call_centre_standard')),
    h('p', { id: 'charter-reply' }, pickLabel(c.texts.replyStandard)),
    h('h2', {}, t('complaint_channels')),
    h('p', {}, pickLabel(c.texts.complaints)),
    h('p', { class: 'muted' }, c.utility.contact),
  );
}
