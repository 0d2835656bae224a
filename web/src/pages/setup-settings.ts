import { api, ApiError } from '../api.js';
import { errorBox, h } from '../dom.js';
import { lang, priorityLabel, t, type Lang } from '../i18n.js';

type Tree = Record<string, unknown>;
type Label = Record<Lang, string>;

/**
 * Everything in utilities.settings on one page, grouped, each value beside
 * its SOP default; only changed values are sent (PATCH /api/v1/settings), "back
 * to the SOP" sends null; a refusal is shown at each field it names. The
 * categories' names and repair minutes are on #/atur-kategori.
 */
const groups: { title: Label; keys: string[] }[] = [
  { title: { id: 'Standar layanan (SLA) dan eskalasi', en: 'Service levels (SLA) and escalation' }, keys: ['sla', 'escalation'] },
  { title: { id: 'Poin insentif tim URC', en: 'Crew incentive points' }, keys: ['points'] },
  { title: { id: 'Perencanaan dan rute', en: 'Planning and routes' }, keys: ['planObjective', 'h3Resolution', 'detourFactor', 'speedKmh', 'planning', 'roads'] },
  { title: { id: 'Laporan warga', en: "Citizens' reports" }, keys: ['blurThreshold', 'nearbyRadiusMetres', 'duplicateRadiusMetres', 'duplicateWindowHours', 'ratingWindowDays', 'contact'] },
  { title: { id: 'Laporan ulang (seed 003)', en: 'Repeat reports (seed 003)' }, keys: ['reReportWindowHours', 'repeatRadiusMetres', 'repeatByNumberRadiusMetres', 'repeatLinkDays'] },
  { title: { id: 'Notifikasi', en: 'Notifications' }, keys: ['notifications'] },
  { title: { id: 'Webhook', en: 'Webhook' }, keys: ['webhook'] },
];

/** One label per setting; a priority in the path is named before it ("Kritis · …"). */
const labels: Record<string, Label> = {
  'sla.*.respondMinutes': { id: 'Batas waktu respons (menit)', en: 'Respond within (minutes)' },
  'sla.*.resolveMinutes': { id: 'Batas waktu selesai (menit)', en: 'Resolve within (minutes)' },
  'sla.*.escalateTo': { id: 'Jika terlambat, eskalasi ke', en: 'If late, escalate to' },
  'escalation.heavyEquipmentTo': { id: 'Butuh alat berat: lapor ke', en: 'Needs heavy equipment: tell' },
  'escalation.lookbackHours': { id: 'Pelanggaran terlambat ditemukan masih dieskalasi (jam)', en: 'A breach found late is still raised for (hours)' },
  'points.*': { id: 'Poin per tiket selesai', en: 'Points per fixed ticket' },
  planObjective: { id: 'Tujuan perencanaan', en: 'Planning objective' },
  h3Resolution: { id: 'Resolusi zona H3 (8: sel ~0,74 km²)', en: 'H3 zone resolution (8: cells of ~0.74 km²)' },
  detourFactor: { id: 'Faktor jarak jalan / garis lurus (tanpa jaringan jalan)', en: 'Road / straight-line distance factor (without a road network)' },
  speedKmh: { id: 'Kecepatan rata-rata (km/jam, tanpa jaringan jalan)', en: 'Mean speed (km/h, without a road network)' },
  'planning.serviceExtraMinutes.*': { id: 'Tambahan waktu di lokasi (menit)', en: 'Extra minutes on site' },
  'planning.roadlessDistricts': { id: 'Kecamatan tanpa akses jalan (pisahkan dengan koma)', en: 'Districts without road access (comma-separated)' },
  'planning.maxReachKm': { id: 'Jangkauan maksimum dari pos tim (km)', en: "Furthest reach from a crew's base (km)" },
  'planning.solveMsPerCrew': { id: 'Waktu hitung rencana per tim (ms)', en: 'Solver time per crew (ms)' },
  'roads.speedsKmh.*': { id: 'Kecepatan di jaringan jalan (km/jam; impor berikutnya)', en: 'Speed on the road network (km/h; next import)' },
  'roads.snapLimitMetres': { id: 'Jarak maksimum titik ke jalan (m)', en: 'Furthest a point may be from a road (m)' },
  blurThreshold: { id: 'Batas foto buram (skor ketajaman)', en: 'Blurred photo threshold (sharpness score)' },
  nearbyRadiusMetres: { id: 'Radius laporan terdekat di formulir (m)', en: 'Radius of nearby reports on the form (m)' },
  duplicateRadiusMetres: { id: 'Radius penggabungan laporan ganda (m; 0 = tidak)', en: 'Radius for merging duplicates (m; 0 = never)' },
  duplicateWindowHours: { id: 'Jendela penggabungan laporan ganda (jam)', en: 'Window for merging duplicates (hours)' },
  ratingWindowDays: { id: 'Tautan penilaian berlaku (hari)', en: 'Rating link valid for (days)' },
  contact: { id: 'Kontak untuk warga', en: 'Contact for citizens' },
  reReportWindowHours: { id: 'Jendela lapor ulang setelah selesai (jam)', en: 'Re-report window after the fix (hours)' },
  repeatRadiusMetres: { id: 'Radius laporan ulang dari nomor yang sama (m)', en: 'Repeat radius for the same phone (m)' },
  repeatByNumberRadiusMetres: { id: 'Radius laporan ulang dengan nomor tiket (m)', en: 'Repeat radius when a ticket number is given (m)' },
  repeatLinkDays: { id: 'Laporan ulang ditautkan hingga (hari)', en: 'Repeats linked for (days)' },
  'notifications.normalDigest': { id: 'Eskalasi Normal dikirim', en: 'Normal escalations sent' },
  'notifications.dailyDigestAt': { id: 'Jam ringkasan harian (JJ:MM)', en: 'Daily digest time (HH:MM)' },
  'notifications.quietHours.start': { id: 'Jam tenang mulai (JJ:MM)', en: 'Quiet hours start (HH:MM)' },
  'notifications.quietHours.end': { id: 'Jam tenang selesai (JJ:MM)', en: 'Quiet hours end (HH:MM)' },
  'notifications.channelOrder': { id: 'Urutan saluran (whatsapp, sms, email)', en: 'Channel order (whatsapp, sms, email)' },
  'notifications.optOutKeywords': { id: 'Kata berhenti berlangganan (koma)', en: 'Opt-out words (comma-separated)' },
  'notifications.repeatReportTo': { id: 'Laporan ulang mendesak: kabari', en: 'Urgent repeat report: tell' },
  'notifications.incidentOverdueTo': { id: 'Gangguan area lewat perkiraan: kabari', en: 'Area incident overdue: tell' },
  'notifications.reopenedTo': { id: 'Tiket dibuka kembali: kabari', en: 'Ticket reopened: tell' },
  'notifications.maxAttempts': { id: 'Percobaan kirim maksimum', en: 'Most send attempts' },
  'notifications.backoffBaseSeconds': { id: 'Jeda percobaan awal (detik)', en: 'First retry delay (seconds)' },
  'notifications.backoffMaxSeconds': { id: 'Jeda percobaan maksimum (detik)', en: 'Longest retry delay (seconds)' },
  'notifications.leaseSeconds': { id: 'Waktu kunci pengiriman (detik)', en: 'Send lease (seconds)' },
  'notifications.publicBaseUrl': { id: 'Alamat publik konsol (untuk tautan)', en: "The console's public address (for links)" },
  'webhook.maxAttempts': { id: 'Percobaan kirim maksimum', en: 'Most delivery attempts' },
  'webhook.backoffBaseSeconds': { id: 'Jeda percobaan awal (detik)', en: 'First retry delay (seconds)' },
  'webhook.backoffMaxSeconds': { id: 'Jeda percobaan maksimum (detik)', en: 'Longest retry delay (seconds)' },
  'webhook.timeoutMs': { id: 'Batas waktu kirim (ms)', en: 'Delivery timeout (ms)' },
};

const roleLabels: Record<string, Label> = {
  admin: { id: 'Admin pusat', en: 'Central admin' },
  operator: { id: 'Operator', en: 'Operator' },
  dispatcher: { id: 'Dispatcher', en: 'Dispatcher' },
  crew: { id: 'Tim URC', en: 'Crew' },
  kasie: { id: 'Kepala Seksi', en: 'Section head' },
  kabag: { id: 'Kabag Distribusi', en: 'Head of distribution' },
  direktur: { id: 'Direktur Teknik', en: 'Technical director' },
};
const choiceLabels: Record<string, Record<string, Label>> = {
  planObjective: { distance: { id: 'Jarak total terpendek', en: 'Least total distance' }, makespan: { id: 'Hari kerja terpanjang sesingkat mungkin', en: 'Shortest longest crew day' } },
  'notifications.normalDigest': { immediate: { id: 'Langsung', en: 'At once' }, hourly: { id: 'Ringkasan per jam', en: 'Hourly digest' }, daily: { id: 'Ringkasan harian', en: 'Daily digest' } },
};
/** OpenStreetMap highway classes (roads.speedsKmh), as a person names them. */
const roadClassLabels: Record<string, Label> = {
  motorway: { id: 'Jalan tol', en: 'Motorway' },
  motorway_link: { id: 'Ramp jalan tol', en: 'Motorway ramp' },
  trunk: { id: 'Jalan arteri primer', en: 'Trunk road' },
  trunk_link: { id: 'Simpang arteri primer', en: 'Trunk road link' },
  primary: { id: 'Jalan arteri', en: 'Primary road' },
  primary_link: { id: 'Simpang jalan arteri', en: 'Primary road link' },
  secondary: { id: 'Jalan kolektor', en: 'Secondary road' },
  secondary_link: { id: 'Simpang jalan kolektor', en: 'Secondary road link' },
  tertiary: { id: 'Jalan lokal', en: 'Tertiary road' },
  tertiary_link: { id: 'Simpang jalan lokal', en: 'Tertiary road link' },
  unclassified: { id: 'Jalan tanpa kelas', en: 'Unclassified road' },
  residential: { id: 'Jalan permukiman', en: 'Residential street' },
  road: { id: 'Jalan (kelas belum diketahui)', en: 'Road (class not known)' },
  living_street: { id: 'Jalan lingkungan', en: 'Living street' },
  service: { id: 'Jalan akses', en: 'Service road' },
};
const ROAD_CLASS = /^roads\.speedsKmh\.([a-z_]+)$/;
const isRoleSetting = (path: string) => /(escalateTo|To)$/.test(path);
const PRIORITY = /\.(critical|high|normal)(?=\.|$)/;

function labelOf(path: string): string {
  const roadClass = ROAD_CLASS.exec(path)?.[1];
  if (roadClass) return `${roadClassLabels[roadClass]?.[lang()] ?? roadClass} · ${labels['roads.speedsKmh.*'][lang()]}`;
  const key = path.replace(PRIORITY, '.*');
  const text = labels[key]?.[lang()] ?? path;
  const priority = PRIORITY.exec(path)?.[1];
  return priority ? `${priorityLabel(priority)} · ${text}` : text;
}

function leavesOf(tree: Tree, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? leavesOf(value as Tree, path) : [[path, value] as [string, unknown]];
  });
}

const valueAt = (tree: Tree, path: string): unknown => path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);
const shown = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value));

function setAt(tree: Tree, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = tree;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Tree;
  node[keys[keys.length - 1]] = value;
}

export async function setupSettingsPage(root: HTMLElement): Promise<void> {
  root.dataset.ready = 'false';
  let data = await api.get('/api/v1/settings');
  const fields = new Map<string, { input: HTMLInputElement | HTMLSelectElement; error: HTMLElement; state: HTMLElement; kind: 'number' | 'text' | 'list' }>();
  const notice = h('div', { id: 'settings-notice', role: 'status' });
  const errors = h('div');

  const fieldFor = (path: string, value: unknown, fallback: unknown): HTMLElement => {
    const id = `set-${path.replace(/\./g, '-')}`;
    const choices = choiceLabels[path] ?? (isRoleSetting(path) ? roleLabels : null);
    const kind = typeof fallback === 'number' ? 'number' : Array.isArray(fallback) ? 'list' : 'text';
    const input = choices
      ? h('select', { id }, ...Object.entries(choices).map(([v, l]) => h('option', { value: v, selected: v === value }, l[lang()])))
      : h('input', { id, type: kind === 'number' ? 'number' : 'text', step: 'any', value: shown(value) });
    const sop = choices ? (choices[String(fallback)]?.[lang()] ?? shown(fallback)) : shown(fallback);
    const error = h('div', { class: 'error-text', id: `${id}-error` });
    const state = h('span', { class: 'muted' });
    const reset = h('button', { type: 'button', class: 'secondary small', id: `${id}-reset` }, t('back_to_sop'));
    reset.addEventListener('click', () => void save({ [path]: null }));
    fields.set(path, { input, error, state, kind });
    return h('div', { class: 'setting', dataset: { setting: path } }, h('label', { for: id }, labelOf(path)), input, h('div', { class: 'muted' }, `SOP: ${sop} `, state, reset), error);
  };

  const refresh = () => {
    for (const [path, f] of fields) {
      const value = valueAt(data.settings, path);
      if (f.input instanceof HTMLSelectElement) f.input.value = String(value);
      else f.input.value = shown(value);
      const own = valueAt(data.overrides, path) !== undefined;
      f.state.textContent = own ? `· ${t('changed_text')}` : '';
      f.input.closest('.setting')!.toggleAttribute('data-own', own);
    }
  };

  /** Sends the given changes (null: back to the SOP), shows each refusal at its field. */
  const save = async (changes: Record<string, unknown>) => {
    errors.replaceChildren();
    notice.replaceChildren();
    for (const f of fields.values()) {
      f.error.replaceChildren();
      f.input.removeAttribute('aria-invalid');
    }
    const patch: Tree = {};
    for (const [path, value] of Object.entries(changes)) setAt(patch, path, value);
    try {
      data = await api.patch('/api/v1/settings', { body: patch });
      refresh();
      notice.replaceChildren(h('p', { class: 'success' }, `${t('saved')}: ${Object.keys(changes).length}`));
      root.dataset.state = 'saved';
    } catch (err) {
      const issues = err instanceof ApiError ? ((err.details.fields as { field: string; message: string }[] | undefined) ?? []) : [];
      for (const issue of issues) {
        const f = fields.get(issue.field);
        if (!f) continue;
        f.input.setAttribute('aria-invalid', 'true');
        f.error.textContent = issue.message;
      }
      errors.replaceChildren(errorBox(err));
      root.dataset.state = 'refused';
    }
  };

  const saveButton = h('button', { type: 'button', id: 'settings-save' }, t('save'));
  saveButton.addEventListener('click', async () => {
    const changes: Record<string, unknown> = {};
    for (const [path, f] of fields) {
      const current = valueAt(data.settings, path);
      const raw = f.input.value;
      const value = f.kind === 'number' ? (raw.trim() === '' ? raw : Number(raw)) : f.kind === 'list' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : raw;
      if (shown(value) !== shown(current)) changes[path] = value;
    }
    saveButton.disabled = true;
    await save(changes);
    saveButton.disabled = false;
  });

  const sections = groups.map((g) =>
    h(
      'section',
      { class: 'card settings-group' },
      h('h2', {}, g.title[lang()]),
      ...g.keys.flatMap((key) => {
        const value = data.settings[key];
        const tree = typeof value === 'object' && value !== null && !Array.isArray(value) ? leavesOf(value as Tree, key) : [[key, value] as [string, unknown]];
        return tree.map(([path, v]) => fieldFor(path, v, valueAt(data.defaults, path)));
      }),
    ),
  );
  root.replaceChildren(
    h('h1', {}, t('setup_system')),
    h('p', { class: 'muted' }, t('settings_hint'), ' ', h('a', { href: '#/atur-kategori' }, t('setup_categories'))),
    ...sections,
    h('div', { class: 'row sticky-actions' }, saveButton, notice),
    errors,
  );
  refresh();
  root.dataset.ready = 'true';
}
