import { api, ApiError } from '../api.js';
import { h, errorBox } from '../dom.js';
import { lang, t } from '../i18n.js';

/**
 * The report form's part of issue 12: how the reporter wants to hear of the
 * report (channel, e-mail, language), and the phone proof the server asks for
 * (403 PHONE_NOT_PROVEN) when the report would change a known reporter's
 * details or re-report by number from elsewhere: "send code / enter code",
 * then the form is sent again with the proof (phone_token).
 */
export function phoneProof(jurisdiction: string, resend: () => void) {
  let token: string | null = null;
  const box = h('div', { id: 'phone-proof', class: 'card', hidden: true });
  const option = (value: string, label: string) => h('option', { value }, label);
  const fields = h(
    'fieldset',
    { id: 'contact-preferences' },
    h('legend', {}, t('messages_to_me')),
    h('label', { for: 'preferred-channel' }, t('preferred_channel')),
    h('select', { id: 'preferred-channel', name: 'preferred_channel' }, option('', t('as_before')), option('whatsapp', t('channel_whatsapp')), option('sms', t('channel_sms')), option('email', t('channel_email'))),
    h('label', { for: 'email' }, t('email_address')),
    h('input', { type: 'email', id: 'email', name: 'email', autocomplete: 'email' }),
    h('label', { for: 'language' }, t('message_language')),
    h('select', { id: 'language', name: 'language' }, option('', t('as_before')), option('id', t('language_id')), option('en', t('language_en'))),
  );

  /** Asks for a code to `phone`, then takes the code; a confirmed code sends the form again. */
  function offer(phone: string): void {
    const problems = h('div');
    const send = h('button', { type: 'button', id: 'send-code' }, t('send_code'));
    box.hidden = false;
    box.replaceChildren(h('p', {}, t('phone_proof_needed')), h('p', {}, send), problems);
    send.addEventListener('click', async () => {
      send.disabled = true;
      problems.replaceChildren();
      try {
        const started = await api.post('/api/v1/verifications', { body: { phone, lang: lang(), jurisdiction_id: jurisdiction } });
        const code = h('input', { type: 'text', id: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6, 'aria-label': t('code') });
        const confirm = h('button', { type: 'button', id: 'confirm-code' }, t('confirm_code'));
        box.replaceChildren(h('p', {}, t('code_sent')), h('div', { class: 'row' }, code, confirm), problems);
        confirm.addEventListener('click', async () => {
          confirm.disabled = true;
          problems.replaceChildren();
          try {
            const proven = await api.post('/api/v1/verifications/{id}/confirm', { path: { id: started.id }, body: { code: code.value.trim(), jurisdiction_id: jurisdiction } });
            token = proven.token;
            box.replaceChildren(h('p', { class: 'success', id: 'phone-proven' }, t('phone_proven')));
            resend();
          } catch (err) {
            problems.replaceChildren(errorBox(err));
            confirm.disabled = false;
          }
        });
      } catch (err) {
        problems.replaceChildren(errorBox(err));
        send.disabled = false;
      }
    });
  }

  return {
    /** The channel / e-mail / language fields, for the form. */
    fields,
    /** Where the code is asked for, beside the form's errors. */
    box,
    /** Adds the proof, once there is one, to the form's data. */
    addTo(data: FormData): void {
      if (token) data.set('phone_token', token);
    },
    /** When the server asked for a proven phone: offers the code and answers true (the caller shows no error). */
    offerIf(err: unknown, phone: string): boolean {
      if (!(err instanceof ApiError && err.code === 'PHONE_NOT_PROVEN')) return false;
      token = null;
      offer(phone);
      return true;
    },
  };
}
