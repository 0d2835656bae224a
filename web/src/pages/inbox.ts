import { api } from '../api.js';
import { clientConfig } from '../config.js';
import { action, h } from '../dom.js';
import { formatTime, lang, t, type MessageKey } from '../i18n.js';

type Item = Awaited<ReturnType<typeof loadInbox>>['items'][number];

const loadInbox = () => api.get('/api/v1/inbox', { query: { limit: 200 } });

/** The item in the console's language: the outbox keeps both; older items have one text. */
function textOf(item: Item): { subject: string; body: string } {
  if (item.text) return (lang() === 'en' ? item.text.en : null) ?? item.text.id;
  return { subject: item.title, body: item.body };
}

/** What the reader can do about an item, by its kind: links to the page where it is done. */
function actionsOf(item: Item): { key: MessageKey; href: string; id: string }[] {
  const out: { key: MessageKey; href: string; id: string }[] = [];
  if (item.ticket) out.push({ key: 'open_ticket', href: `#/status/${encodeURIComponent(item.ticket.number)}`, id: 'open-ticket' });
  if (['escalation.respond', 'escalation.repeat', 'escalation.heavy_equipment', 'incident.overdue', 'ticket.reopened'].includes(item.kind)) {
    out.push({ key: 'open_urgent_list', href: '#/peta', id: 'open-urgent' });
  }
  if (item.kind === 'escalation.resolve' || item.kind === 'digest.escalations') out.push({ key: 'write_explanation', href: '#/laporan', id: 'write-explanation' });
  return out;
}

/**
 * The user's notifications grouped by ticket (the ticket with the newest item
 * first), unread in bold, each with the actions that fit it: acknowledge (mark
 * read), open the ticket, open the dispatcher's urgent list, write the
 * explanation for the pending-24 h list. Bahasa Indonesia, English by the switch.
 */
export async function inboxPage(root: HTMLElement): Promise<void> {
  const config = await clientConfig();
  const inbox = await loadInbox();
  const groups = new Map<string, Item[]>();
  for (const item of inbox.items) {
    const key = item.ticket ? `t${item.ticket.id}` : `n${item.id}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  let unread = inbox.unread;
  const heading = h('h1', {}, '');
  const setHeading = () => heading.replaceChildren(`${t('inbox')} (${unread} ${t('unread')})`);
  setHeading();

  const container = h('div', { id: 'inbox' });
  for (const [key, items] of groups) {
    const first = items[0];
    const title = first.ticket ? `${t('ticket')} ${first.ticket.number}` : textOf(first).subject;
    const groupErrors = h('div');
    const list = h('ul', { class: 'list' });
    const ackAll = h('button', { type: 'button', class: 'secondary', 'data-action': 'ack-all' }, t('acknowledge_all'));
    const pending = () => items.filter((i) => !i.readAt);
    const markRead = async (item: Item, li: HTMLElement) => {
      if (item.readAt) return;
      const read = await api.post('/api/v1/inbox/{id}/read', { path: { id: item.id } });
      item.readAt = read.readAt;
      li.classList.remove('unread');
      li.style.fontWeight = '400';
      li.querySelector('[data-action="ack"]')?.remove();
      unread -= 1;
      setHeading();
      if (!pending().length) ackAll.remove();
    };
    const rows = new Map<number, HTMLElement>();
    for (const item of items) {
      const text = textOf(item);
      const errors = h('div');
      const ack = h('button', { type: 'button', 'data-action': 'ack' }, t('acknowledge'));
      const li = h(
        'li',
        { class: item.readAt ? '' : 'unread', style: item.readAt ? '' : 'font-weight:600', 'data-kind': item.kind },
        h('div', {}, text.subject),
        h('div', { class: 'muted' }, formatTime(item.createdAt, config.utility.timeZone)),
        h('div', { style: 'font-weight:400' }, text.body),
        item.items?.length ? h('div', { class: 'row' }, ...item.items.map((i) => h('a', { href: `#/status/${encodeURIComponent(i.number)}` }, i.number))) : null,
        h('div', { class: 'row' }, ...actionsOf(item).map((a) => h('a', { class: 'button secondary', href: a.href, 'data-action': a.id }, t(a.key))), item.readAt ? null : ack),
        errors,
      );
      action(ack, () => markRead(item, li), errors);
      rows.set(item.id, li);
      list.append(li);
    }
    action(ackAll, async () => {
      for (const item of pending()) await markRead(item, rows.get(item.id)!);
    }, groupErrors);
    container.append(
      h(
        'section',
        { class: 'card', 'data-group': key },
        h('h2', {}, title, ' ', h('span', { class: 'muted' }, `(${items.length})`)),
        pending().length > 1 ? ackAll : null,
        groupErrors,
        list,
      ),
    );
  }
  root.replaceChildren(heading, inbox.items.length ? container : h('p', { class: 'muted' }, t('nothing_here')));
}
