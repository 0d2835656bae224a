import { api } from '../api.js';
import { h } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';

/** Seed 004 on the management reports page: time to first reply to reporters per channel this month, against the 2 h standard. */
export async function firstReplyCard(month: string, today: string): Promise<HTMLElement> {
  const report = await api.get('/api/v1/notifications/first-reply', { query: { from: `${month}-01`, to: today } }).catch(() => null);
  const channelName = (c: string) => t(`channel_${c}` as MessageKey);
  return h(
    'div',
    { class: 'card', id: 'first-reply' },
    h('h2', {}, t('first_reply_title')),
    report && report.channels.length
      ? h(
          'table',
          { id: 'first-reply-table' },
          h('tr', {}, ...[t('first_reply_channel'), t('first_reply_reports'), t('first_reply_within'), t('first_reply_median'), t('first_reply_p90')].map((c) => h('th', {}, c))),
          ...report.channels.map((c) =>
            h(
              'tr',
              { dataset: { channel: c.channel } },
              h('td', {}, channelName(c.channel)),
              h('td', {}, c.tickets),
              h('td', { class: c.channel !== 'none' && c.withinStandardPct < 100 ? 'warn' : '' }, c.channel === 'none' ? '—' : `${c.withinStandard} (${c.withinStandardPct}%)`),
              h('td', {}, c.medianMinutes ?? '—'),
              h('td', {}, c.p90Minutes ?? '—'),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('nothing_here')),
  );
}
