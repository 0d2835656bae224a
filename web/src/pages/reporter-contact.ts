import { api, session, type Schemas } from '../api.js';
import { action, h } from '../dom.js';
import { t } from '../i18n.js';

type Reporter = NonNullable<Schemas['Ticket']['reporter']>;

/** Where staff see the reporter (the ticket page): how they hear of their reports, editable by the admin and the operator. */
export function reporterContactEditor(ticketId: number, reporter: Reporter): HTMLElement {
  const canEdit = ['admin', 'operator'].includes(session()?.user.role ?? '');
  const option = (value: string, label: string, selected: boolean) => h('option', { value, selected }, label);
  const channel = h(
    'select',
    { id: 'reporter-channel', 'aria-label': t('preferred_channel'), disabled: !canEdit },
    option('', t('as_before'), reporter.preferredChannel === null),
    ...(['whatsapp', 'sms', 'email'] as const).map((c) => option(c, t(`channel_${c}`), reporter.preferredChannel === c)),
  );
  const language = h('select', { id: 'reporter-language', 'aria-label': t('message_language'), disabled: !canEdit }, option('id', t('language_id'), reporter.language === 'id'), option('en', t('language_en'), reporter.language === 'en'));
  const status = h('span', { class: 'muted', id: 'reporter-contact-status' });
  const errors = h('div');
  const save = h('button', { type: 'button', class: 'secondary', id: 'save-reporter-contact' }, t('save'));
  action(
    save,
    async () => {
      status.textContent = '';
      const body = { preferredChannel: (channel.value || null) as Reporter['preferredChannel'], language: language.value as Reporter['language'] };
      await api.put('/api/v1/tickets/{id}/reporter-contact', { path: { id: ticketId }, body });
      status.textContent = t('saved');
    },
    errors,
  );
  return h(
    'div',
    { id: 'reporter-contact', class: 'row' },
    h('strong', {}, t('reporter_contact')),
    ': ',
    channel,
    language,
    canEdit ? save : null,
    status,
    reporter.optedOut ? h('span', { class: 'badge warn', id: 'reporter-opted-out' }, t('reporter_opted_out')) : null,
    errors,
  );
}
