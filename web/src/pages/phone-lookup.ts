import { api } from '../api.js';
import { h, errorBox } from '../dom.js';
import { categoryLabel, formatTime, lang, pickLabel, t } from '../i18n.js';

/**
 * "I lost my receipt": the reporter proves their phone with a one-time code
 * (the verification endpoints the report form uses too) and sees their own
 * reports, each with its follow-up link. Drawn inside the status page.
 * `data-state` on the section says where it stands (phone, code, list) for
 * whoever waits on it.
 */
export function phoneLookup(utility: { code: string; timeZone: string }): HTMLElement {
  const section = h('section', { class: 'card', id: 'phone-lookup', 'aria-labelledby': 'phone-lookup-title', dataset: { state: 'phone' } });
  const errors = h('div');
  const phoneInput = h('input', { type: 'tel', id: 'lookup-phone', name: 'lookup-phone', autocomplete: 'tel', inputmode: 'tel', placeholder: '0812-3456-7890' });
  const codeInput = h('input', { type: 'text', id: 'lookup-code', name: 'lookup-code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6, pattern: '[0-9]{6}' });
  const sendCode = h('button', { type: 'submit', id: 'lookup-send-code' }, t('lookup_send_code'));
  const confirm = h('button', { type: 'submit', id: 'lookup-confirm' }, t('lookup_show_my_reports'));
  const codeStep = h('form', { id: 'lookup-code-form', novalidate: true, hidden: true }, h('p', { id: 'lookup-code-sent' }), h('label', { for: 'lookup-code' }, t('lookup_code_six_digits')), codeInput, h('p', {}, confirm));
  const phoneStep = h('form', { id: 'lookup-phone-form', novalidate: true }, h('label', { for: 'lookup-phone' }, t('lookup_phone_plain')), phoneInput, h('p', {}, sendCode));
  const list = h('div', { id: 'lookup-result' });
  let verificationId = 0;

  const busy = async (button: HTMLButtonElement, run: () => Promise<void>) => {
    errors.replaceChildren();
    button.disabled = true;
    try {
      await run();
    } catch (err) {
      errors.replaceChildren(errorBox(err));
    } finally {
      button.disabled = false;
    }
  };

  phoneStep.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(sendCode, async () => {
      const started = await api.post('/api/v1/verifications', { body: { phone: phoneInput.value, lang: lang(), jurisdiction_id: utility.code } });
      verificationId = started.id;
      codeStep.querySelector('#lookup-code-sent')!.textContent = `${t('lookup_code_sent_to')} ${phoneInput.value.trim()}.`;
      codeStep.hidden = false;
      section.dataset.state = 'code';
      codeInput.focus();
    });
  });

  codeStep.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(confirm, async () => {
      const proven = await api.post('/api/v1/verifications/{id}/confirm', { path: { id: verificationId }, body: { code: codeInput.value, jurisdiction_id: utility.code } });
      const mine = await api.post('/api/v1/follow-up/by-phone', { body: { phone: phoneInput.value, proof: proven.token, jurisdiction_id: utility.code } });
      const tz = utility.timeZone;
      list.replaceChildren(
        mine.reports.length
          ? h(
              'ul',
              { class: 'my-reports' },
              ...mine.reports.map((r) =>
                h(
                  'li',
                  { class: 'my-report' },
                  h('a', { href: `#/status/${r.number}` }, h('strong', {}, r.number)),
                  ` · ${categoryLabel(r.category)} · ${pickLabel(r.statusLabel)}`,
                  h('br'),
                  h('span', { class: 'muted' }, `${t('received_at')}: ${formatTime(r.receivedAt, tz)} · ${t('lookup_last_change')}: ${formatTime(r.lastChangeAt, tz)}`),
                  h('br'),
                  h('a', { href: r.followUpUrl, class: 'follow-up' }, t('follow_up_link')),
                ),
              ),
            )
          : h('p', { id: 'lookup-none' }, t('lookup_no_reports_for_phone')),
      );
      codeStep.hidden = true;
      section.dataset.state = 'list';
    });
  });

  section.append(h('h2', { id: 'phone-lookup-title' }, t('lookup_lost_receipt')), h('p', { class: 'muted' }, t('lookup_lost_receipt_hint')), phoneStep, codeStep, errors, list);
  return section;
}
