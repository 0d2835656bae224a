import { api, saveSession, session } from '../api.js';
import { h, errorBox } from '../dom.js';
import { t } from '../i18n.js';
import { homeOfRole } from './login.js';

/**
 * The first login after someone else set the password (a new account, a
 * reset): the only page the console shows until it is changed. The change
 * ends every session of the account, so the console logs in again with the
 * new password and goes on to the role's home.
 */
export async function passwordPage(root: HTMLElement): Promise<void> {
  const s = session();
  if (!s) return;
  const errors = h('div', { id: 'password-errors' });
  const field = (id: string, label: string, autocomplete: string) => [h('label', { for: id }, label), h('input', { type: 'password', id, name: id, autocomplete, required: true })];
  const button = h('button', { type: 'submit', id: 'change-password' }, t('change_password'));
  const form = h(
    'form',
    { class: 'card', id: 'password-form' },
    h('p', {}, t('change_password_intro')),
    // The username field helps password managers save the new password for the right account.
    h('input', { type: 'text', name: 'username', autocomplete: 'username', value: s.user.username, hidden: true, 'aria-hidden': 'true', tabindex: '-1' }),
    ...field('current-password', t('current_password'), 'current-password'),
    ...field('new-password', t('new_password'), 'new-password'),
    ...field('new-password-2', t('new_password_again'), 'new-password'),
    h('p', { class: 'muted', id: 'password-rules' }, t('password_rules')),
    errors,
    h('p', {}, button),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    errors.replaceChildren();
    const value = (id: string) => (form.querySelector<HTMLInputElement>(`#${id}`)!.value);
    const currentPassword = value('current-password');
    const newPassword = value('new-password');
    if (newPassword.length < 10) return void errors.replaceChildren(errorBox(t('password_too_short')));
    if (newPassword !== value('new-password-2')) return void errors.replaceChildren(errorBox(t('passwords_differ')));
    button.disabled = true;
    try {
      await api.post('/api/v1/auth/password', { body: { currentPassword, newPassword } });
      const fresh = await api.post('/api/v1/auth/login', { body: { username: s.user.username, password: newPassword, jurisdiction_id: s.utility.code } });
      saveSession(fresh);
      const home = homeOfRole[fresh.user.role] ?? '#/';
      // Asked for the home page before the change, the hash may already be it: draw it anyway.
      if (location.hash === home) window.dispatchEvent(new HashChangeEvent('hashchange'));
      else location.hash = home;
    } catch (err) {
      errors.replaceChildren(errorBox(err));
    } finally {
      button.disabled = false;
    }
  });
  root.replaceChildren(h('h1', {}, `${t('change_password')} — ${s.user.displayName}`), form);
}
