import { api, saveSession } from '../api.js';
import { clientConfig } from '../config.js';
import { h, errorBox } from '../dom.js';
import { t } from '../i18n.js';

/** Where each role starts. */
export const homeOfRole: Record<string, string> = {
  admin: '#/antrian',
  operator: '#/input',
  dispatcher: '#/peta',
  crew: '#/rute',
  kasie: '#/sebaran',
  kabag: '#/sebaran',
  direktur: '#/sebaran',
};

export async function loginPage(root: HTMLElement): Promise<void> {
  const config = await clientConfig();
  const errors = h('div');
  const form = h(
    'form',
    { class: 'card', id: 'login-form', style: 'max-width:420px' },
    h('label', { for: 'username' }, t('username')),
    h('input', { type: 'text', id: 'username', name: 'username', autocomplete: 'username', autocapitalize: 'none' }),
    h('label', { for: 'password' }, t('password')),
    h('input', { type: 'password', id: 'password', name: 'password', autocomplete: 'current-password' }),
    errors,
    h('p', {}, h('button', { type: 'submit', id: 'login' }, t('login'))),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    errors.replaceChildren();
    const data = new FormData(form);
    try {
      const s = await api.post('/api/v1/auth/login', { body: { username: String(data.get('username') ?? ''), password: String(data.get('password') ?? ''), jurisdiction_id: config.utility.code } });
      saveSession(s);
      location.hash = homeOfRole[s.user.role] ?? '#/';
    } catch (err) {
      errors.replaceChildren(errorBox(err));
    }
  });
  root.replaceChildren(h('h1', {}, `${t('staff_login')} — ${config.utility.name}`), form);
}
