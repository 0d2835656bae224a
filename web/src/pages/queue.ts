import { api, authorisedObjectUrl, type Schemas } from '../api.js';
import { clientConfig } from '../config.js';
import { action, h } from '../dom.js';
import { categoryLabel, formatTime, priorityLabel, sourceLabel, t } from '../i18n.js';

const PAGE = 50;
/** The SPK's priority choices, in the order the select lists them. */
const priorities = ['normal', 'high', 'critical'] as const;

/** The admin's queue: validate new reports (SPK or reject), verify repairs (close or return). */
export async function queuePage(root: HTMLElement, tab: 'received' | 'fixed' = 'received'): Promise<void> {
  const config = await clientConfig();
  const list = h('ul', { class: 'list', id: 'queue' });
  const more = h('button', { type: 'button', class: 'secondary', id: 'more' }, '…');
  const total = h('span', { class: 'muted', id: 'queue-total' });
  const tabs = h(
    'div',
    { class: 'tabs' },
    h('button', { type: 'button', class: tab === 'received' ? 'on' : '', onclick: () => (location.hash = '#/antrian') }, t('new_reports')),
    h('button', { type: 'button', class: tab === 'fixed' ? 'on' : '', onclick: () => (location.hash = '#/antrian/verifikasi') }, t('to_verify')),
  );
  root.replaceChildren(h('h1', {}, t('queue')), tabs, total, list, h('p', {}, more));
  let offset = 0;

  const load = async () => {
    const page = await api.get('/api/v1/tickets', { query: { status: tab, order: 'priority', limit: PAGE, offset } });
    total.textContent = `${page.total} tiket`;
    if (page.total === 0) list.replaceChildren(h('li', { class: 'muted' }, t('nothing_here')));
    for (const ticket of page.items) list.append(ticketCard(ticket, tab, config.utility.timeZone, config.categoryDetails.find((c) => c.code === ticket.category)?.defaultPriority));
    offset += page.items.length;
    more.hidden = offset >= page.total;
  };
  more.addEventListener('click', () => void load());
  await load();
}

function ticketCard(ticket: Schemas['TicketPage']['items'][number], tab: 'received' | 'fixed', timeZone: string, defaultPriority?: string): HTMLElement {
  const errors = h('div');
  const img = h('img', { class: 'thumb', alt: '' });
  const thumb = tab === 'fixed' ? ticket.resultThumbnailUrl : ticket.thumbnailUrl;
  if (thumb) void authorisedObjectUrl(thumb).then((url) => (img.src = url)).catch(() => img.remove());
  const li = h(
    'li',
    { dataset: { ticket: String(ticket.id) } },
    h(
      'div',
      { class: 'row', style: 'align-items:flex-start' },
      thumb ? img : null,
      h(
        'div',
        { style: 'flex:1;min-width:220px' },
        h('a', { href: `#/tiket/${ticket.id}`, class: 'ticket-link' }, h('strong', {}, ticket.number)),
        ' ',
        ticket.priority ? h('span', { class: `badge ${ticket.priority}` }, priorityLabel(ticket.priority)) : null,
        ' ',
        ticket.photoBlurred ? h('span', { class: 'badge warn', title: t('blurred_photo') }, '⚠ blur') : null,
        ticket.photoAnalysing ? h('span', { class: 'badge analysing', title: t('photo_analysing_hint') }, t('photo_analysing')) : null,
        ticket.urgent ? h('span', { class: 'badge critical', title: t('repeat_urgent') }, t('repeat_urgent')) : null,
        ticket.starred ? h('span', { class: 'badge high', title: t('re_report') }, `★ ${t('re_report')} ×${ticket.repeatCount}`) : null,
        h('div', {}, `${categoryLabel(ticket.category)} · ${ticket.address ?? `${ticket.lat.toFixed(5)}, ${ticket.lon.toFixed(5)}`}`),
        h('div', { class: 'muted' }, `${formatTime(ticket.receivedAt, timeZone)} · ${sourceLabel(ticket.source)}`),
        ticket.description ? h('div', {}, ticket.description) : null,
      ),
    ),
  );
  const done = (text: string) => li.replaceChildren(h('div', { class: 'success' }, `${ticket.number}: ${text}`));
  if (tab === 'received') {
    // The category's default priority (the admin's setting) comes preselected.
    const priority = h('select', { name: 'priority', 'aria-label': t('priority') }, ...priorities.map((p) => h('option', { value: p, selected: p === defaultPriority }, priorityLabel(p))));
    const verification = h('input', { type: 'text', name: 'phoneVerification', placeholder: t('phone_verification') });
    const spk = h('button', { type: 'button', class: 'spk' }, t('issue_spk'));
    const reason = h('input', { type: 'text', name: 'reason', placeholder: t('reject_reason') });
    const block = h('input', { type: 'checkbox', name: 'block' });
    const reject = h('button', { type: 'button', class: 'danger reject' }, t('reject'));
    action(spk, async () => {
      const r = await api.post('/api/v1/tickets/{id}/spk', { path: { id: ticket.id }, body: { priority: priorities[priority.selectedIndex], phoneVerification: verification.value || undefined } });
      done(`SPK ${r.workOrder?.number ?? ''}`);
    }, errors);
    action(reject, async () => {
      await api.post('/api/v1/tickets/{id}/reject', { path: { id: ticket.id }, body: { reason: reason.value, blockReporter: block.checked } });
      done(t('reject'));
    }, errors);
    li.append(
      h('div', { class: 'row' }, priority, ticket.photoBlurred || ticket.photoAnalysing ? verification : null, spk),
      h('div', { class: 'row' }, reason, h('label', { style: 'margin:0;font-weight:400' }, block, ' ', t('block_reporter')), reject),
      errors,
    );
  } else {
    const note = h('input', { type: 'text', name: 'note', placeholder: t('note') });
    const close = h('button', { type: 'button', class: 'close' }, t('close_ticket'));
    const back = h('button', { type: 'button', class: 'secondary' }, t('return_to_crew'));
    action(close, async () => {
      await api.post('/api/v1/tickets/{id}/close', { path: { id: ticket.id }, body: { note: note.value || undefined } });
      done(t('close_ticket'));
    }, errors);
    action(back, async () => {
      await api.post('/api/v1/tickets/{id}/return', { path: { id: ticket.id }, body: { note: note.value } });
      done(t('return_to_crew'));
    }, errors);
    li.append(h('div', { class: 'row' }, note, close, back), errors);
  }
  return li;
}

