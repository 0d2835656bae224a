import { api } from '../api.js';
import { clientConfig } from '../config.js';
import { action, h } from '../dom.js';
import { formatTime, t } from '../i18n.js';

/** Escalations sent to the user's role: newest first, unread in bold. */
export async function inboxPage(root: HTMLElement): Promise<void> {
  const config = await clientConfig();
  const inbox = await api.get('/api/v1/inbox', { query: { limit: 100 } });
  const list = h('ul', { class: 'list', id: 'inbox' });
  for (const item of inbox.items) {
    const errors = h('div');
    const read = h('button', { type: 'button', class: 'secondary' }, t('mark_read'));
    const li = h(
      'li',
      { style: item.readAt ? '' : 'font-weight:600' },
      h('div', {}, item.title),
      h('div', { class: 'muted' }, formatTime(item.createdAt, config.utility.timeZone)),
      h('div', { style: 'font-weight:400' }, item.body),
      item.readAt ? null : read,
      errors,
    );
    action(read, async () => {
      await api.post('/api/v1/inbox/{id}/read', { path: { id: item.id } });
      li.style.fontWeight = '400';
      read.remove();
    }, errors);
    list.append(li);
  }
  root.replaceChildren(h('h1', {}, `${t('inbox')} (${inbox.unread}/${inbox.total})`), inbox.items.length ? list : h('p', { class: 'muted' }, t('nothing_here')));
}
