import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import type Map from 'ol/Map.js';
import { api, fieldsAtFault, issuesAtFault, type Schemas } from '../api.js';
import { clientConfig } from '../config.js';
import { h, errorBox } from '../dom.js';
import { downloadLink } from '../download.js';
import { lang, t, type MessageKey } from '../i18n.js';
import { createMap } from '../map/base.js';
import { pickedStyle } from '../map/styles.js';

type Crew = Schemas['CrewSetup'];
type CrewInput = Schemas['CrewInput'];
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const dayLabel = (d: (typeof weekdays)[number]) => t(`days_${d}` as MessageKey);

/** "Andi (0812-3456-7890)" per line, as the import's members column reads "…; …". */
function membersOf(text: string): CrewInput['members'] {
  return text
    .split(/\n|;/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const m = line.match(/^(.*?)\s*(?:\(([^)]*)\))?$/)!;
      return { name: m[1].trim(), phone: m[2]?.trim() || null };
    });
}

const membersText = (c: Crew) => c.members.map((m) => (m.phone ? `${m.name} (${m.phone})` : m.name)).join('\n');
const weekText = (c: Crew) =>
  weekdays
    .map((d) => {
      const s = c.shifts[d];
      return `${dayLabel(d)} ${s ? `${s.start}-${s.end}` : t('day_off')}`;
    })
    .join(', ');

/**
 * #/atur-regu: the admin's crews. A list, a form (base placed on the map,
 * a shift per weekday, members, active dates, equipment, active), and the
 * CSV/XLSX import: check the file (the dry run lists the problems by row and
 * column), then import all of it. `data-loaded` on the page once the list is
 * drawn; the controls stay disabled until then.
 */
export async function crewsSetupPage(root: HTMLElement): Promise<void> {
  const config = await clientConfig();
  const page = h('section', { id: 'crews-setup' });
  const listBox = h('div', { id: 'crew-list' });
  const formBox = h('div', { id: 'crew-form-box' });
  const importBox = h('div', { id: 'import-result', 'aria-live': 'polite' });
  const notice = h('div', { id: 'crew-notice', 'aria-live': 'polite' });
  const newButton = h('button', { type: 'button', id: 'new-crew', disabled: true }, t('new_crew'));
  const fileInput = h('input', { type: 'file', id: 'import-file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const checkButton = h('button', { type: 'button', id: 'import-check', class: 'secondary', disabled: true }, t('check_file'));
  const importButton = h('button', { type: 'button', id: 'import-apply', disabled: true }, t('import_now'));
  page.append(
    h('h1', {}, t('setup_crews')),
    notice,
    h('p', { class: 'row' }, newButton),
    formBox,
    listBox,
    h(
      'div',
      { class: 'card' },
      h('h2', {}, t('import_crews')),
      h('p', { class: 'row' }, downloadLink(t('template_csv'), '/api/v1/admin/crews/template.csv', 'template-regu.csv'), downloadLink(t('template_xlsx'), '/api/v1/admin/crews/template.xlsx', 'template-regu.xlsx')),
      h('label', { for: 'import-file' }, t('import_file')),
      fileInput,
      h('p', { class: 'row' }, checkButton, importButton),
      importBox,
    ),
  );
  root.replaceChildren(page);

  let crews: Crew[] = [];
  async function load(): Promise<void> {
    crews = (await api.get('/api/v1/admin/crews')).items;
    listBox.replaceChildren(
      h(
        'table',
        { class: 'list', id: 'crews-table' },
        h('tr', {}, h('th', {}, t('crew_code')), h('th', {}, t('crew_name')), h('th', {}, t('shifts_week').split(' (')[0]), h('th', {}, t('members_short')), h('th', {}, t('status')), h('th', {}, t('actions'))),
        ...crews.map((c) =>
          h(
            'tr',
            { dataset: { code: c.code } },
            h('td', {}, c.code),
            h('td', {}, c.name),
            h('td', {}, weekText(c)),
            h('td', {}, c.members.map((m) => m.name).join(', ') || '—'),
            h('td', { class: 'crew-state' }, c.active ? t('active') : t('inactive')),
            h('td', {}, h('button', { type: 'button', class: 'secondary edit-crew', dataset: { code: c.code }, onclick: () => openForm(c) }, `${t('edit')} ${c.code}`)),
          ),
        ),
      ),
    );
  }

  let map: Map | null = null;
  function openForm(crew: Crew | null): void {
    notice.replaceChildren();
    const errors = h('div', { id: 'crew-errors' });
    const input = (id: string, label: string, value: string | number | null | undefined, type = 'text') => [h('label', { for: id }, label), h('input', { type, id, name: id, value: value ?? '' })];
    const mapEl = h('div', { class: 'map', id: 'crew-map' });
    const shiftRows = weekdays.map((d) => {
      const s = crew ? crew.shifts[d] : d === 'sun' ? null : { start: '08:00', end: '16:00' };
      return h(
        'div',
        { class: 'row' },
        h('span', { class: 'weekday' }, dayLabel(d)),
        h('input', { type: 'time', id: `shift-${d}-start`, value: s?.start ?? '', 'aria-label': `${dayLabel(d)} ${t('shift_start')}` }),
        '–',
        h('input', { type: 'time', id: `shift-${d}-end`, value: s?.end ?? '', 'aria-label': `${dayLabel(d)} ${t('shift_end')}` }),
      );
    });
    const active = h('input', { type: 'checkbox', id: 'crew-active', checked: crew ? crew.active : true });
    const save = h('button', { type: 'submit', id: 'crew-save' }, t('save'));
    const cancel = h('button', { type: 'button', class: 'secondary', id: 'crew-cancel', onclick: () => formBox.replaceChildren() }, t('cancel'));
    const form = h(
      'form',
      { class: 'card', id: 'crew-form', dataset: { crewId: crew ? String(crew.id) : '' } },
      h('h2', {}, crew ? `${t('edit_crew')} ${crew.code}` : t('new_crew')),
      ...input('crew-code', t('crew_code'), crew?.code),
      ...input('crew-name', t('crew_name'), crew?.name),
      h('p', {}, t('crew_base')),
      mapEl,
      h('div', { class: 'row' }, ...input('crew-lat', t('latitude'), crew?.base?.lat), ...input('crew-lon', t('longitude'), crew?.base?.lon)),
      ...input('crew-address', t('base_address'), crew?.baseAddress),
      h('label', { for: 'crew-members' }, t('members')),
      h('textarea', { id: 'crew-members', rows: '3' }, crew ? membersText(crew) : ''),
      h('fieldset', {}, h('legend', {}, t('shifts_week')), ...shiftRows),
      h('div', { class: 'row' }, ...input('crew-from', t('active_from'), crew?.activeFrom, 'date'), ...input('crew-to', t('active_to'), crew?.activeTo, 'date')),
      ...input('crew-equipment', t('equipment'), crew?.equipment.join('; ')),
      h('p', {}, h('label', { for: 'crew-active' }, active, ' ', t('active'))),
      errors,
      h('p', { class: 'row' }, save, cancel),
    );
    formBox.replaceChildren(form);
    const field = (id: string) => form.querySelector<HTMLInputElement>(`#${id}`)!;

    // The base: a click on the map places it; typed coordinates move the marker.
    map?.setTarget(undefined);
    map = createMap(mapEl, config);
    const marker = new VectorSource();
    map.addLayer(new VectorLayer({ source: marker, style: pickedStyle }));
    const place = (lon: number, lat: number) => {
      marker.clear();
      marker.addFeature(new Feature(new Point(fromLonLat([lon, lat]))));
    };
    if (crew?.base) place(crew.base.lon, crew.base.lat);
    map.on('click', (e) => {
      const [lon, lat] = toLonLat(e.coordinate);
      field('crew-lat').value = lat.toFixed(6);
      field('crew-lon').value = lon.toFixed(6);
      place(lon, lat);
      mapEl.dataset.placed = '1';
    });
    for (const id of ['crew-lat', 'crew-lon']) {
      field(id).addEventListener('change', () => {
        const lat = Number(field('crew-lat').value);
        const lon = Number(field('crew-lon').value);
        if (field('crew-lat').value && field('crew-lon').value && Number.isFinite(lat) && Number.isFinite(lon)) place(lon, lat);
      });
    }

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      errors.replaceChildren();
      const lat = field('crew-lat').value.trim();
      const lon = field('crew-lon').value.trim();
      const body: CrewInput = {
        code: field('crew-code').value,
        name: field('crew-name').value,
        base: lat && lon ? { lat: Number(lat), lon: Number(lon) } : null,
        baseAddress: field('crew-address').value || null,
        members: membersOf(form.querySelector<HTMLTextAreaElement>('#crew-members')!.value),
        shifts: Object.fromEntries(
          weekdays.map((d) => {
            const start = field(`shift-${d}-start`).value;
            const end = field(`shift-${d}-end`).value;
            return [d, start || end ? { start, end } : null];
          }),
        ) as CrewInput['shifts'],
        activeFrom: field('crew-from').value || null,
        activeTo: field('crew-to').value || null,
        equipment: field('crew-equipment').value.split(';').map((x) => x.trim()).filter(Boolean),
        active: active.checked,
      };
      save.disabled = true;
      try {
        const saved = crew ? await api.put('/api/v1/admin/crews/{id}', { path: { id: crew.id }, body }) : await api.post('/api/v1/admin/crews', { body });
        formBox.replaceChildren();
        await load();
        notice.replaceChildren(h('p', { class: 'success', id: 'crew-saved', dataset: { code: saved.code } }, `${t('saved')}: ${saved.code} — ${saved.name}`));
      } catch (err) {
        errors.replaceChildren(errorBox(err));
        const fields = fieldsAtFault(err);
        if (fields.length) errors.append(h('p', { class: 'muted', id: 'crew-error-fields' }, `${t('field_at_fault')}: ${fields.join(', ')}`));
        const issues = issuesAtFault(err);
        if (issues.length) errors.append(h('ul', { id: 'crew-error-list' }, ...issues.map((i) => h('li', {}, i))));
      } finally {
        save.disabled = false;
      }
    });
    field('crew-code').focus();
  }

  newButton.addEventListener('click', () => openForm(null));

  // Import: check (dry run), then import the same file.
  const upload = async (dryRun: boolean) => {
    const file = fileInput.files?.[0];
    const form = new FormData();
    if (file) form.set('file', file, file.name);
    return api.post('/api/v1/admin/crews/import', { query: { dryRun: dryRun ? 'true' : 'false' }, body: form });
  };
  const showRows = (title: string, rows: Schemas['CrewImportPreview']['rows'], id: string) =>
    h('div', { class: 'success', id }, h('p', {}, title), h('ul', {}, ...rows.map((r) => h('li', {}, `${t('row')} ${r.row}: ${r.code} — ${r.name} (${r.action === 'create' ? t('will_create') : t('will_update')})`))));
  fileInput.addEventListener('change', () => {
    importBox.replaceChildren();
    importButton.disabled = true;
    checkButton.disabled = !fileInput.files?.length;
  });
  checkButton.addEventListener('click', async () => {
    importBox.replaceChildren();
    importButton.disabled = true;
    checkButton.disabled = true;
    try {
      const preview = await upload(true);
      if (preview.problems.length === 0) {
        importBox.replaceChildren(showRows(t('import_ok'), preview.rows, 'import-ok'));
        importButton.disabled = false;
      } else {
        importBox.replaceChildren(
          h('p', { class: 'error', role: 'alert' }, t('import_problems')),
          h(
            'table',
            { class: 'list', id: 'import-problems' },
            h('tr', {}, h('th', {}, t('row')), h('th', {}, t('column')), h('th', {}, t('problem'))),
            ...preview.problems.map((p) => h('tr', { dataset: { row: String(p.row), column: p.column } }, h('td', {}, String(p.row)), h('td', {}, p.column), h('td', {}, lang() === 'id' ? p.messageId : p.message))),
          ),
        );
      }
    } catch (err) {
      importBox.replaceChildren(errorBox(err));
    } finally {
      checkButton.disabled = !fileInput.files?.length;
    }
  });
  importButton.addEventListener('click', async () => {
    importButton.disabled = true;
    try {
      const done = await upload(false);
      await load();
      importBox.replaceChildren(showRows(t('import_done'), done.rows, 'import-done'));
    } catch (err) {
      importBox.replaceChildren(errorBox(err));
    }
  });

  await load();
  newButton.disabled = false;
  page.dataset.loaded = '1';
}
