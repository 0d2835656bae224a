import { api, session, type Schemas } from '../api.js';
import { action, h } from '../dom.js';
import { categoryLabel, formatTime, t } from '../i18n.js';

type Ticket = Schemas['Ticket'];

/** Who may merge, unmerge and detach (the workflow's staff actors) and who may lift a block. */
const mergers = ['admin', 'dispatcher', 'operator'];
const unblockers = ['admin', 'operator'];

/**
 * The citizen's side of a ticket for staff (issue 13): add this report to an
 * open ticket close by (merge), take it out again (unmerge) or out of an area
 * incident (detach), the reports merged into this one each with "take out",
 * and lifting the reporter's block with a reason (in the reporter's trail).
 * `nearby` are the open tickets the page lists around this one.
 */
export function citizenControls(ticket: Ticket, nearby: { number: string; metres: number }[], timeZone: string, reload: () => void): HTMLElement {
  const role = session()?.user.role ?? '';
  const errors = h('div', { role: 'alert' });
  const path = { id: ticket.id };
  const allowed = new Set(ticket.allowedActions);
  const section = h('div', { class: 'card', id: 'ticket-citizen' }, h('h2', {}, t('duplicates_and_reporter')));

  if (allowed.has('merge')) {
    const into = h('input', { type: 'text', id: 'merge-into', name: 'merge-into', list: 'merge-candidates', placeholder: 'LK-2026-000123', autocapitalize: 'characters', 'aria-label': t('merge_into') });
    const candidates = h('datalist', { id: 'merge-candidates' }, ...nearby.map((n) => h('option', { value: n.number }, `${Math.round(n.metres)} m`)));
    if (nearby.length) into.value = nearby[0].number;
    const go = h('button', { type: 'button', id: 'merge' }, t('merge_into'));
    action(go, async () => {
      await api.post('/api/v1/tickets/{id}/merge', { path, body: { into: into.value.trim().toUpperCase() } });
      reload();
    }, errors);
    section.append(h('p', { class: 'muted' }, t('merge_hint')), h('div', { class: 'row' }, into, candidates, go));
  }
  if (allowed.has('unmerge')) {
    const go = h('button', { type: 'button', class: 'secondary', id: 'unmerge' }, t('unmerge'));
    action(go, async () => {
      await api.post('/api/v1/tickets/{id}/unmerge', { path, body: {} });
      reload();
    }, errors);
    section.append(h('div', { class: 'row' }, h('span', {}, t('merged_report')), go));
  }
  if (allowed.has('detach')) {
    const go = h('button', { type: 'button', class: 'secondary', id: 'detach' }, t('detach_from_incident'));
    action(go, async () => {
      await api.post('/api/v1/tickets/{id}/detach', { path, body: {} });
      reload();
    }, errors);
    section.append(h('div', { class: 'row' }, go));
  }

  // The reports merged into this ticket, each of which staff can take out again.
  const merged = h('div', { id: 'merged-reports', dataset: { loaded: 'false' } });
  section.append(merged);
  const mergedReports = api.get('/api/v1/tickets/{id}/merged', { path });
  void mergedReports
    .then(({ items }) => {
      merged.replaceChildren(
        items.length
          ? h(
              'div',
              {},
              h('h3', {}, `${t('merged_reports')} (${items.length})`),
              h(
                'ul',
                { class: 'list' },
                ...items.map((m) => {
                  const out = mergers.includes(role) ? h('button', { type: 'button', class: 'secondary take-out', dataset: { number: m.number } }, t('unmerge')) : null;
                  if (out) {
                    action(out, async () => {
                      await api.post('/api/v1/tickets/{id}/unmerge', { path: { id: m.id }, body: {} });
                      reload();
                    }, errors);
                  }
                  return h('li', { class: 'merged-report' }, h('a', { href: `#/tiket/${m.id}` }, m.number), ` · ${categoryLabel(m.category)} · ${formatTime(m.receivedAt, timeZone)}`, m.description ? h('div', { class: 'muted' }, m.description) : null, out);
                }),
              ),
            )
          : '',
      );
    })
    .catch(() => undefined)
    .finally(() => (merged.dataset.loaded = 'true'));

  const reporter = ticket.reporter;
  if (reporter?.blocked && reporter.phone && unblockers.includes(role)) {
    const reason = h('input', { type: 'text', id: 'unblock-reason', name: 'unblock-reason', placeholder: t('unblock_reason'), 'aria-label': t('unblock_reason') });
    const go = h('button', { type: 'button', id: 'unblock', class: 'secondary' }, t('unblock_reporter'));
    action(go, async () => {
      await api.post('/api/v1/reporters/unblock', { body: { phone: reporter.phone!, reason: reason.value } });
      reload();
    }, errors);
    section.append(h('h3', {}, t('reporter_blocked')), h('div', { class: 'row' }, reason, go));
  }
  section.append(errors);
  return section;
}
