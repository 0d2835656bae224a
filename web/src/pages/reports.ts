import { api, session } from '../api.js';
import { clientConfig } from '../config.js';
import { action, h } from '../dom.js';
import { downloadLink } from '../download.js';
import { formatTime, priorityLabel, statusLabel, t, todayIn } from '../i18n.js';
import { firstReplyCard } from './first-reply.js';

/** The weekly directors' list (pending over 24 h, with the Kabag's explanations) and the report downloads. */
export async function reportsPage(root: HTMLElement): Promise<void> {
  const config = await clientConfig();
  const tz = config.utility.timeZone;
  const pending = await api.get('/api/v1/analytics/pending', { query: { minHours: 24 } });
  const month = todayIn(tz).slice(0, 7);
  const points = await api.get('/api/v1/analytics/points', { query: { month } }).catch(() => null);
  const canExplain = ['kabag', 'admin'].includes(session()?.user.role ?? '');
  const firstReply = await firstReplyCard(month, todayIn(tz));

  const rows = pending.items.map((item) => {
    const input = h('input', { type: 'text', value: item.explanation ?? '', placeholder: t('explanation'), 'aria-label': t('explanation') });
    const save = h('button', { type: 'button', class: 'secondary' }, t('save'));
    const errors = h('div');
    action(save, async () => {
      await api.put('/api/v1/analytics/pending/{id}/explanation', { path: { id: item.ticketId }, body: { explanation: input.value } });
      save.textContent = '✓';
    }, errors);
    return h(
      'tr',
      { dataset: { ticket: String(item.ticketId) } },
      h('td', {}, item.number, h('div', { class: 'muted' }, formatTime(item.receivedAt, tz))),
      h('td', {}, `${item.ageHours} h`),
      h('td', {}, priorityLabel(item.priority)),
      h('td', {}, item.region ?? '—', h('div', { class: 'muted' }, item.crew ?? '')),
      h('td', {}, statusLabel(item.status)),
      h('td', {}, canExplain ? h('div', { class: 'row' }, input, save) : (item.explanation ?? '—'), errors),
    );
  });

  root.replaceChildren(
    h('h1', {}, t('reports')),
    h(
      'div',
      { class: 'card' },
      h('h2', {}, `${t('pending_over_24h')}: ${pending.total}`),
      h('p', { class: 'row' }, downloadLink('XLSX', '/api/v1/analytics/pending?minHours=24&format=xlsx', `tertunda-24jam-${todayIn(tz)}.xlsx`), downloadLink('CSV', '/api/v1/analytics/pending?minHours=24&format=csv', `tertunda-24jam-${todayIn(tz)}.csv`)),
      pending.total
        ? h('table', { id: 'pending' }, h('tr', {}, ...[t('ticket_word'), t('age'), t('priority'), t('region'), t('status'), t('explanation')].map((c) => h('th', {}, c))), ...rows)
        : h('p', { class: 'muted' }, t('nothing_here')),
    ),
    firstReply,
    h(
      'div',
      { class: 'card' },
      h('h2', {}, t('downloads')),
      h(
        'p',
        { class: 'row' },
        downloadLink(`${t('complaints')} ${month} (XLSX)`, `/api/v1/analytics/complaints?period=month&date=${month}&format=xlsx`, `pengaduan-${month}.xlsx`),
        downloadLink('SLA (XLSX)', '/api/v1/analytics/sla?format=xlsx', `sla-${todayIn(tz)}.xlsx`),
        downloadLink(`${t('points')} ${month} (XLSX)`, `/api/v1/analytics/points?month=${month}&format=xlsx`, `poin-${month}.xlsx`),
      ),
    ),
    h(
      'div',
      { class: 'card' },
      h('h2', {}, `${t('points')} ${month}`),
      points
        ? h(
            'table',
            { id: 'points' },
            h('tr', {}, ...[t('crews'), priorityLabel('critical'), priorityLabel('high'), priorityLabel('normal'), '−', t('points')].map((c) => h('th', {}, c))),
            ...points.crews.map((c) => h('tr', {}, h('td', {}, c.crewName), h('td', {}, c.credited.critical), h('td', {}, c.credited.high), h('td', {}, c.credited.normal), h('td', {}, c.reversedPoints), h('td', {}, h('strong', {}, c.points)))),
          )
        : h('p', { class: 'muted' }, t('nothing_here')),
    ),
  );
}
