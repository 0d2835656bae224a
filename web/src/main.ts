import 'ol/ol.css';
import { session, saveSession, api } from './api.js';
import { h, errorBox } from './dom.js';
import { lang, roleLabel, setLang, t } from './i18n.js';
import { loginPage, homeOfRole } from './pages/login.js';
import { labelTableCells } from './responsive.js';
import { clientConfig, regionBoundaries } from './config.js';

type Page = (root: HTMLElement, ...params: string[]) => Promise<void>;

// One chunk per page (and so per role): a crew's phone never downloads the dispatcher's map code.
const reportPage: typeof import('./pages/report.js').reportPage = async (...a) => (await import('./pages/report.js')).reportPage(...a);
const statusPage: typeof import('./pages/status.js').statusPage = async (...a) => (await import('./pages/status.js')).statusPage(...a);
const queuePage: typeof import('./pages/queue.js').queuePage = async (...a) => (await import('./pages/queue.js')).queuePage(...a);
const routePage: typeof import('./pages/route.js').routePage = async (...a) => (await import('./pages/route.js')).routePage(...a);
const dispatchPage: typeof import('./pages/dispatch.js').dispatchPage = async (...a) => (await import('./pages/dispatch.js')).dispatchPage(...a);
const heatmapPage: typeof import('./pages/heatmap.js').heatmapPage = async (...a) => (await import('./pages/heatmap.js')).heatmapPage(...a);
const inboxPage: typeof import('./pages/inbox.js').inboxPage = async (...a) => (await import('./pages/inbox.js')).inboxPage(...a);
const ticketPage: typeof import('./pages/ticket.js').ticketPage = async (...a) => (await import('./pages/ticket.js')).ticketPage(...a);
const reportsPage: typeof import('./pages/reports.js').reportsPage = async (...a) => (await import('./pages/reports.js')).reportsPage(...a);
const templatesPage: typeof import('./pages/templates.js').templatesPage = async (...a) => (await import('./pages/templates.js')).templatesPage(...a);
const followUpPage: typeof import('./pages/follow-up.js').followUpPage = async (...a) => (await import('./pages/follow-up.js')).followUpPage(...a);
const ratingPage: typeof import('./pages/rating.js').ratingPage = async (...a) => (await import('./pages/rating.js')).ratingPage(...a);
const crewsSetupPage: typeof import('./pages/crews-setup.js').crewsSetupPage = async (...a) => (await import('./pages/crews-setup.js')).crewsSetupPage(...a);
const staffSetupPage: typeof import('./pages/staff-setup.js').staffSetupPage = async (...a) => (await import('./pages/staff-setup.js')).staffSetupPage(...a);
const passwordPage: typeof import('./pages/password.js').passwordPage = async (...a) => (await import('./pages/password.js')).passwordPage(...a);
const answersPage: typeof import('./pages/answers.js').answersPage = async (...a) => (await import('./pages/answers.js')).answersPage(...a);
const charterEditorPage: typeof import('./pages/charter-editor.js').charterEditorPage = async (...a) => (await import('./pages/charter-editor.js')).charterEditorPage(...a);
const open311QueuePage: typeof import('./pages/open311-queue.js').open311QueuePage = async (...a) => (await import('./pages/open311-queue.js')).open311QueuePage(...a);
const setupGeographyPage: typeof import('./pages/setup-geography.js').setupGeographyPage = async (...a) => (await import('./pages/setup-geography.js')).setupGeographyPage(...a);
const setupCategoriesPage: typeof import('./pages/setup-categories.js').setupCategoriesPage = async (...a) => (await import('./pages/setup-categories.js')).setupCategoriesPage(...a);
const setupSettingsPage: typeof import('./pages/setup-settings.js').setupSettingsPage = async (...a) => (await import('./pages/setup-settings.js')).setupSettingsPage(...a);
const charterPage: typeof import('./pages/charter.js').charterPage = async (...a) => (await import('./pages/charter.js')).charterPage(...a);

/** Hash routes: public pages, then staff pages with the roles that may open them. */
const routes: Record<string, { page: Page; roles?: string[]; nav?: () => string; section?: 'setup' }> = {
  '': { page: homePage },
  lapor: { page: (root) => reportPage(root), nav: () => t('report_leak') },
  status: { page: (root, number) => statusPage(root, number), nav: () => t('check_status') },
  maklumat: { page: charterPage, nav: () => t('charter') },
  'tindak-lanjut': { page: (root, token) => followUpPage(root, token) },
  nilai: { page: (root, token) => ratingPage(root, token) },
  masuk: { page: loginPage },
  antrian: { page: (root, tab) => queuePage(root, tab === 'verifikasi' ? 'fixed' : 'received'), roles: ['admin'], nav: () => t('queue') },
  input: { page: (root) => reportPage(root, { staff: true }), roles: ['operator', 'admin'], nav: () => 'Input' },
  peta: { page: dispatchPage, roles: ['dispatcher', 'admin', 'kabag', 'kasie', 'direktur'], nav: () => t('dispatch_map') },
  rute: { page: (root, crewId) => routePage(root, crewId), roles: ['crew'], nav: () => t('my_route') },
  sebaran: { page: heatmapPage, roles: ['kabag', 'kasie', 'direktur', 'admin', 'dispatcher'], nav: () => t('heatmap') },
  tiket: { page: (root, id) => ticketPage(root, id), roles: ['admin', 'operator', 'dispatcher', 'kasie', 'kabag', 'direktur'] },
  laporan: { page: reportsPage, roles: ['kabag', 'kasie', 'direktur', 'admin'], nav: () => t('reports') },
  pesan: { page: templatesPage, roles: ['admin'], nav: () => t('templates') },
  'atur-regu': { page: crewsSetupPage, roles: ['admin'], nav: () => t('setup_crews'), section: 'setup' },
  'atur-staf': { page: staffSetupPage, roles: ['admin'], nav: () => t('setup_staff'), section: 'setup' },
  jawaban: { page: answersPage, roles: ['admin'], nav: () => t('standard_answers') },
  'ubah-maklumat': { page: charterEditorPage, roles: ['admin'], nav: () => t('edit_charter') },
  open311: { page: open311QueuePage, roles: ['admin', 'operator'], nav: () => 'Open311' },
  // The utility's own set-up (admin), after the daily pages under one heading.
  'atur-wilayah': { page: setupGeographyPage, roles: ['admin'], nav: () => t('setup_geography'), section: 'setup' },
  'atur-kategori': { page: setupCategoriesPage, roles: ['admin'], nav: () => t('setup_categories'), section: 'setup' },
  'atur-sistem': { page: setupSettingsPage, roles: ['admin'], nav: () => t('setup_system'), section: 'setup' },
  'kotak-masuk': { page: inboxPage, roles: ['kabag', 'kasie', 'direktur', 'admin', 'dispatcher', 'operator'], nav: () => t('inbox') },
};

async function homePage(root: HTMLElement): Promise<void> {
  root.replaceChildren(
    h('h1', {}, t('home_title')),
    h('p', {}, t('home_intro')),
    h('p', { class: 'row' }, h('a', { class: 'button', href: '#/lapor', id: 'go-report' }, t('report_leak')), h('a', { class: 'button secondary', href: '#/status' }, t('check_status'))),
    h('p', {}, h('a', { href: '#/maklumat', id: 'go-charter' }, t('charter')), ' · ', h('a', { href: '#/masuk' }, t('staff_login')), ' · ', h('a', { href: '/docs' }, 'API')),
  );
}

function renderChrome(active: string): void {
  const s = session();
  const nav = document.getElementById('nav')!;
  // Until a password someone else set is changed, the console offers nothing but that change.
  const allowed = s?.user.mustChangePassword ? [] : Object.entries(routes).filter(([, r]) => r.nav && (!r.roles || (s && r.roles.includes(s.user.role))));
  const link = ([key, r]: (typeof allowed)[number]) => h('a', { href: `#/${key}`, class: key === active ? 'active' : '' }, r.nav!());
  const setup = allowed.filter(([, r]) => r.section === 'setup');
  nav.replaceChildren(
    ...allowed.filter(([, r]) => !r.section).map(link),
    ...(setup.length ? [h('span', { class: 'nav-section', id: 'nav-setup' }, h('span', { class: 'nav-label' }, `${t('setup')}:`), ...setup.map(link))] : []),
  );
  const who = document.getElementById('who')!;
  if (s) {
    const out = h('a', { href: '#/', id: 'logout' }, t('logout'));
    out.addEventListener('click', () => {
      void api.post('/api/v1/auth/logout').catch(() => undefined);
      saveSession(null);
    });
    who.replaceChildren(`${s.user.displayName} (${roleLabel(s.user.role)}) · `, out);
  } else {
    who.replaceChildren(h('a', { href: '#/masuk' }, t('staff_login')));
  }
  const switcher = document.getElementById('lang')!;
  switcher.textContent = lang() === 'id' ? 'EN' : 'ID';
  // The spoken name starts with the visible text (WCAG 2.5.3).
  switcher.setAttribute('aria-label', lang() === 'id' ? 'EN: switch to English' : 'ID: ganti ke Bahasa Indonesia');
}

/**
 * The page drawn again in the other language, with what the user typed or
 * chose kept: each field with an id gets its value (its files, its checkbox)
 * back once the page has drawn it again.
 */
async function rerenderKeepingFields(): Promise<void> {
  const root = document.getElementById('app')!;
  const fields = Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input[id], textarea[id], select[id]')).map((el) => ({
    id: el.id,
    value: el.value,
    checked: el instanceof HTMLInputElement ? el.checked : false,
    files: el instanceof HTMLInputElement && el.type === 'file' ? Array.from(el.files ?? []) : [],
  }));
  await render();
  for (const f of fields) {
    const el = document.getElementById(f.id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
    if (!el || !root.contains(el)) continue;
    if (el instanceof HTMLInputElement && el.type === 'file') {
      if (!f.files.length) continue;
      const dt = new DataTransfer();
      f.files.forEach((file) => dt.items.add(file));
      el.files = dt.files;
    } else if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) el.checked = f.checked;
    else el.value = f.value;
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && el.type === 'file') ? 'change' : 'input', { bubbles: true }));
  }
}

/** The pages with a map: their configuration and boundaries are asked for before their code has loaded. */
const mapPages = new Set(['lapor', 'input', 'peta', 'sebaran', 'rute', 'tiket']);

async function render(): Promise<void> {
  const [key = '', ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (mapPages.has(key)) {
    clientConfig().catch(() => undefined);
    regionBoundaries().catch(() => undefined);
  }
  const route = routes[key] ?? routes[''];
  const root = document.getElementById('app')!;
  renderChrome(key);
  const s = session();
  if (s?.user.mustChangePassword && key !== 'masuk') {
    const view = document.createElement('div');
    root.replaceChildren(view);
    await passwordPage(view).catch((err: unknown) => view.replaceChildren(errorBox(err)));
    return;
  }
  if (route.roles && !s) {
    location.hash = '#/masuk';
    return;
  }
  if (route.roles && s && !route.roles.includes(s.user.role)) {
    root.replaceChildren(h('p', { class: 'error' }, t('not_allowed')), h('a', { href: homeOfRole[s.user.role] ?? '#/' }, '→'));
    return;
  }
  // Each visit draws into its own element: a page still loading when the user moves on
  // (a slow network) then finishes into a detached element instead of over the next page.
  const view = document.createElement('div');
  root.replaceChildren(view);
  try {
    await route.page(view, ...params);
  } catch (err) {
    if (view.isConnected) view.replaceChildren(errorBox(err));
  }
}

document.getElementById('lang')!.addEventListener('click', () => {
  setLang(lang() === 'id' ? 'en' : 'id');
  void rerenderKeepingFields();
});
setLang(lang());
labelTableCells(document.getElementById('app')!);
window.addEventListener('hashchange', () => void render());
void render();
