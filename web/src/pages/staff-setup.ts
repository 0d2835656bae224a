import { api, fieldsAtFault, issuesAtFault, session, type Schemas } from '../api.js';
import { h, errorBox } from '../dom.js';
import { roleLabel, t } from '../i18n.js';

type Account = Schemas['StaffAccount'];
type Crew = Schemas['CrewSetup'];
const roles = ['admin', 'operator', 'dispatcher', 'crew', 'kasie', 'kabag', 'direktur'] as const;
type Role = (typeof roles)[number];

/**
 * #/atur-staf: the admin's staff accounts. Create (the one-time password is
 * shown once), change name, role, crew or phone, reset the password,
 * deactivate / reactivate. No deletion (said on the page). `data-loaded` on
 * the page once the list is drawn; the controls stay disabled until then.
 */
export async function staffSetupPage(root: HTMLElement): Promise<void> {
  const page = h('section', { id: 'staff-setup' });
  const notice = h('div', { id: 'staff-notice', 'aria-live': 'polite' });
  const listBox = h('div', { id: 'staff-list' });
  const editBox = h('div', { id: 'staff-edit-box' });
  const createErrors = h('div', { id: 'staff-create-errors' });
  const createButton = h('button', { type: 'submit', id: 'staff-create', disabled: true }, t('create_account'));
  const roleSelect = (id: string, value: Role) => h('select', { id, name: id }, ...roles.map((r) => h('option', { value: r, selected: r === value }, roleLabel(r))));
  const crewSelect = (id: string, crews: Crew[], value: number | null) =>
    h('select', { id, name: id }, h('option', { value: '' }, t('no_crew')), ...crews.filter((c) => c.active).map((c) => h('option', { value: String(c.id), selected: c.id === value }, `${c.code} — ${c.name}`)));
  const createForm = h('form', { class: 'card', id: 'staff-form' });
  page.append(h('h1', {}, t('setup_staff')), h('p', { class: 'muted' }, t('no_delete_note')), notice, createForm, editBox, listBox);
  root.replaceChildren(page);

  const [crews] = await Promise.all([api.get('/api/v1/admin/crews').then((r) => r.items)]);
  const me = session()?.user.id;

  const showPassword = (username: string, password: string) =>
    notice.replaceChildren(h('div', { class: 'success', id: 'one-time-password', dataset: { username } }, h('p', {}, `${username}: ${t('one_time_password')}`), h('p', {}, h('code', { id: 'one-time-password-value' }, password))));
  const showError = (slot: HTMLElement, err: unknown) => {
    slot.replaceChildren(errorBox(err));
    const fields = fieldsAtFault(err);
    if (fields.length) slot.append(h('p', { class: 'muted' }, `${t('field_at_fault')}: ${fields.join(', ')}`));
    const issues = issuesAtFault(err);
    if (issues.length) slot.append(h('ul', {}, ...issues.map((i) => h('li', {}, i))));
  };

  // The create form.
  const newRole = roleSelect('staff-role', 'operator');
  const newCrew = crewSelect('staff-crew', crews, null);
  createForm.append(
    h('h2', {}, t('new_staff')),
    h('label', { for: 'staff-username' }, t('username')),
    h('input', { type: 'text', id: 'staff-username', autocapitalize: 'none', autocomplete: 'off' }),
    h('label', { for: 'staff-name' }, t('display_name')),
    h('input', { type: 'text', id: 'staff-name', autocomplete: 'off' }),
    h('label', { for: 'staff-role' }, t('role')),
    newRole,
    h('label', { for: 'staff-crew' }, t('crew_for_leader')),
    newCrew,
    h('label', { for: 'staff-phone' }, t('phone_optional')),
    h('input', { type: 'tel', id: 'staff-phone', autocomplete: 'off' }),
    createErrors,
    h('p', {}, createButton),
  );
  const value = (id: string) => page.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)!.value.trim();
  createForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    createErrors.replaceChildren();
    createButton.disabled = true;
    try {
      const made = await api.post('/api/v1/admin/staff', {
        body: { username: value('staff-username'), displayName: value('staff-name'), role: value('staff-role') as Role, crewId: value('staff-crew') ? Number(value('staff-crew')) : null, phone: value('staff-phone') || null },
      });
      createForm.querySelectorAll<HTMLInputElement>('input').forEach((i) => (i.value = ''));
      await load();
      showPassword(made.account.username, made.password);
    } catch (err) {
      showError(createErrors, err);
    } finally {
      createButton.disabled = false;
    }
  });

  function openEdit(a: Account): void {
    const errors = h('div', { id: 'staff-edit-errors' });
    const save = h('button', { type: 'submit', id: 'staff-save' }, t('save'));
    const form = h(
      'form',
      { class: 'card', id: 'staff-edit', dataset: { username: a.username } },
      h('h2', {}, `${t('edit')} ${a.username}`),
      h('label', { for: 'edit-name' }, t('display_name')),
      h('input', { type: 'text', id: 'edit-name', value: a.displayName }),
      h('label', { for: 'edit-role' }, t('role')),
      roleSelect('edit-role', a.role),
      h('label', { for: 'edit-crew' }, t('crew_for_leader')),
      crewSelect('edit-crew', crews, a.crewId),
      h('label', { for: 'edit-phone' }, t('phone_optional')),
      h('input', { type: 'tel', id: 'edit-phone', value: a.phone ?? '' }),
      errors,
      h('p', { class: 'row' }, save, h('button', { type: 'button', class: 'secondary', onclick: () => editBox.replaceChildren() }, t('cancel'))),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      save.disabled = true;
      try {
        const role = value('edit-role') as Role;
        await api.patch('/api/v1/admin/staff/{id}', {
          path: { id: a.id },
          body: { displayName: value('edit-name'), role, crewId: value('edit-crew') ? Number(value('edit-crew')) : null, phone: value('edit-phone') || null },
        });
        editBox.replaceChildren();
        await load();
        notice.replaceChildren(h('p', { class: 'success', id: 'staff-saved' }, `${t('saved')}: ${a.username}`));
      } catch (err) {
        showError(errors, err);
      } finally {
        save.disabled = false;
      }
    });
    editBox.replaceChildren(form);
    form.querySelector<HTMLInputElement>('#edit-name')!.focus();
  }

  async function load(): Promise<void> {
    const accounts = (await api.get('/api/v1/admin/staff')).items;
    const rowErrors = h('div', { id: 'staff-row-errors' });
    const act = (label: string, cls: string, a: Account, run: () => Promise<void>) =>
      h('button', {
        type: 'button',
        class: `secondary ${cls}`,
        dataset: { username: a.username },
        'aria-label': `${label} ${a.username}`,
        onclick: async (e: Event) => {
          const b = e.currentTarget as HTMLButtonElement;
          b.disabled = true;
          rowErrors.replaceChildren();
          try {
            await run();
          } catch (err) {
            showError(rowErrors, err);
          } finally {
            b.disabled = false;
          }
        },
      }, label);
    listBox.replaceChildren(
      rowErrors,
      h(
        'table',
        { class: 'list', id: 'staff-table' },
        h('tr', {}, h('th', {}, t('username')), h('th', {}, t('display_name')), h('th', {}, t('role')), h('th', {}, t('crew')), h('th', {}, t('status')), h('th', {}, t('actions'))),
        ...accounts.map((a) =>
          h(
            'tr',
            { dataset: { username: a.username, active: String(a.active) } },
            h('td', {}, a.username, a.id === me ? ' ★' : ''),
            h('td', {}, a.displayName),
            h('td', { class: 'staff-role' }, roleLabel(a.role)),
            h('td', {}, a.crewCode ?? '—'),
            h('td', { class: 'staff-state' }, a.active ? t('active') : t('inactive'), a.mustChangePassword ? h('span', { class: 'badge' }, t('must_change')) : null),
            h(
              'td',
              { class: 'row' },
              act(t('edit'), 'edit-staff', a, async () => openEdit(a)),
              act(t('reset_password'), 'reset-staff', a, async () => {
                if (!confirm(t('confirm_reset'))) return;
                const reset = await api.post('/api/v1/admin/staff/{id}/password-reset', { path: { id: a.id } });
                await load();
                showPassword(reset.account.username, reset.password);
              }),
              a.active
                ? act(t('deactivate'), 'deactivate-staff', a, async () => {
                    if (!confirm(t('confirm_deactivate'))) return;
                    await api.patch('/api/v1/admin/staff/{id}', { path: { id: a.id }, body: { active: false } });
                    await load();
                  })
                : act(t('reactivate'), 'reactivate-staff', a, async () => {
                    await api.patch('/api/v1/admin/staff/{id}', { path: { id: a.id }, body: { active: true } });
                    await load();
                  }),
            ),
          ),
        ),
      ),
    );
  }

  await load();
  createButton.disabled = false;
  page.dataset.loaded = '1';
}
