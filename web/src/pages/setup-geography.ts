import Map from 'ol/Map.js';
import View from 'ol/View.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import XYZ from 'ol/source/XYZ.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Draw from 'ol/interaction/Draw.js';
import Modify from 'ol/interaction/Modify.js';
import { transformExtent } from 'ol/proj.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import type Feature from 'ol/Feature.js';
import { api, type Schemas } from '../api.js';
import { clientConfig } from '../config.js';
import { action, errorBox, h } from '../dom.js';
import { lang, t } from '../i18n.js';
import { areaStyle, previewStyle, regionStyle } from '../map/setup-styles.js';

type Plan = Schemas['GeographyPlan'];
type ImportBody = Schemas['GeographyImport'];
type Mode = 'regions-union' | 'regions' | 'area';

const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
/** Indonesia, for a utility that has no area yet. */
const INDONESIA: [number, number, number, number] = [95, -11, 141, 6];
/** Largest file the page reads (the API takes 8 MB of JSON; a zip inflates). */
const MAX_FILE_MB = 8;

/** A GeoJSON file, or a zipped Shapefile read by shpjs (only this page loads it). */
async function readBoundaryFile(file: File): Promise<unknown> {
  if (file.size > MAX_FILE_MB * 1024 * 1024) throw new Error(t('geo_file_too_large').replace('{mb}', String(MAX_FILE_MB)));
  if (/\.zip$/i.test(file.name)) {
    const shp = (await import('shpjs')).default;
    const read = await shp(await file.arrayBuffer());
    // A zip of several layers gives one collection per layer: the first one with polygons.
    return Array.isArray(read) ? read[0] : read;
  }
  try {
    return JSON.parse(await file.text());
  } catch {
    throw new Error(t('geo_file_not_json'));
  }
}

function stringProperties(geojson: unknown): string[] {
  const features = (geojson as { features?: { properties?: Record<string, unknown> }[] })?.features ?? [];
  const keys = new Set<string>();
  for (const f of features) for (const [k, v] of Object.entries(f?.properties ?? {})) if (typeof v === 'string' && v.trim()) keys.add(k);
  return [...keys];
}

/**
 * The admin's service area and regions: the stored ones on the map; a GeoJSON
 * file (or a zipped Shapefile) previewed on the map with its problems per
 * feature before anything is saved; regions drawn or reshaped by hand, saved
 * through the same checks. The page sets data-ready once it has loaded and
 * data-state once a file is read and after each preview / save (what the
 * browser tests wait for: reading a zip loads shpjs first).
 */
/** An area in the reader's number format, to a tenth of a km². */
const km2Text = (km2: number) => `${km2.toLocaleString(lang() === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 })} km²`;

export async function setupGeographyPage(root: HTMLElement): Promise<void> {
  const config = await clientConfig();
  root.dataset.ready = 'false';

  const stored = new VectorSource();
  const storedArea = new VectorSource();
  const preview = new VectorSource();
  const layers = [];
  if (config.map.basemapUrl) layers.push(new TileLayer({ source: new XYZ({ url: config.map.basemapUrl, attributions: config.map.basemapAttribution ?? undefined, crossOrigin: 'anonymous' }) }));
  layers.push(new VectorLayer({ source: storedArea, style: areaStyle }), new VectorLayer({ source: stored, style: regionStyle }), new VectorLayer({ source: preview, style: previewStyle }));
  const mapEl = h('div', { class: 'map tall', id: 'geo-map' });
  const map = new Map({ target: mapEl, layers, controls: defaultControls({ attribution: Boolean(config.map.basemapUrl) }), view: new View({ center: [0, 0], zoom: 2 }) });
  const fit = (source: VectorSource) => {
    const extent = source.getExtent();
    if (extent && source.getFeatures().length && Number.isFinite(extent[0])) map.getView().fit(extent, { padding: [20, 20, 20, 20] });
  };
  map.getView().fit(transformExtent(INDONESIA, 'EPSG:4326', 'EPSG:3857'));

  const summary = h('p', { id: 'geo-summary' });
  const regionList = h('ul', { class: 'list', id: 'geo-regions' });
  const load = async () => {
    const g = await api.get('/api/v1/geography');
    storedArea.clear();
    stored.clear();
    if (g.area) storedArea.addFeature(format.readFeature({ type: 'Feature', properties: {}, geometry: g.area }) as Feature);
    stored.addFeatures(format.readFeatures(g.regions) as Feature[]);
    summary.textContent = g.area ? `${t('geo_area')}: ${g.areaKm2 === null || g.areaKm2 === undefined ? '—' : km2Text(g.areaKm2)} · ${g.regions.features.length} ${t('geo_regions_count')}` : t('geo_no_area');
    regionList.replaceChildren(
      ...g.regions.features.map((f) => h('li', { dataset: { region: f.properties.name } }, h('strong', {}, f.properties.name), ` · ${f.properties.code} · ${km2Text(f.properties.km2)} · ${f.properties.tickets} ${t('geo_tickets')} · ${f.properties.crews} ${t('crews')}`)),
    );
    fit(g.area ? storedArea : stored);
  };

  // ------------------------------------------------------------------ import from a file
  const file = h('input', { type: 'file', id: 'geo-file', accept: '.geojson,.json,.zip,application/geo+json,application/json,application/zip' });
  const mode = h(
    'select',
    { id: 'geo-mode' },
    h('option', { value: 'regions-union' }, t('geo_mode_regions_union')),
    h('option', { value: 'regions' }, t('geo_mode_regions')),
    h('option', { value: 'area' }, t('geo_mode_area')),
  );
  const nameSelect = h('select', { id: 'geo-name' });
  const previewButton = h('button', { type: 'button', id: 'geo-preview', disabled: true }, t('preview'));
  const saveButton = h('button', { type: 'button', id: 'geo-save', disabled: true }, t('save'));
  const planBox = h('div', { id: 'geo-plan', 'aria-live': 'polite' });
  const errors = h('div');
  let parsed: unknown = null;
  let lastBody: ImportBody | null = null;

  const bodyOf = (geojson: unknown, m: Mode, source: 'file' | 'drawing'): ImportBody =>
    m === 'area' ? { area: geojson as ImportBody['area'], source } : { regions: geojson as ImportBody['regions'], area: m === 'regions-union' ? 'regions' : undefined, nameProperty: nameSelect.value || undefined, source };

  file.addEventListener('change', async () => {
    parsed = null;
    saveButton.disabled = true;
    previewButton.disabled = true;
    planBox.replaceChildren();
    errors.replaceChildren();
    const chosen = file.files?.[0];
    if (!chosen) return;
    root.dataset.state = 'reading';
    try {
      parsed = await readBoundaryFile(chosen);
    } catch (err) {
      errors.replaceChildren(errorBox(err));
      root.dataset.state = 'unreadable';
      return;
    }
    const properties = stringProperties(parsed);
    const preferred = ['name', 'nama', 'NAME', 'NAMA', 'Name', 'Nama', 'wilayah', 'WILAYAH'].find((p) => properties.includes(p)) ?? properties[0];
    nameSelect.replaceChildren(...properties.map((p) => h('option', { value: p, selected: p === preferred }, p)));
    previewButton.disabled = false;
    root.dataset.state = 'read';
  });

  const showPlan = (plan: Plan) => {
    preview.clear();
    const source = lastBody?.regions ?? lastBody?.area;
    if (source && typeof source === 'object') {
      const features = format.readFeatures(source) as Feature[];
      const bad = new Set(plan.problems.filter((p) => p.feature !== null).map((p) => p.feature));
      features.forEach((f, i) => f.set('problem', bad.has(i)));
      preview.addFeatures(features);
      fit(preview);
    }
    const problems = plan.problems.map((p) => h('li', { class: 'error', dataset: { reason: p.reason } }, lang() === 'id' ? p.messageId : p.message));
    const km2 = plan.areaKm2 === null ? '—' : km2Text(plan.areaKm2);
    planBox.replaceChildren(
      h('p', { id: 'geo-plan-summary' }, `${t('geo_area')}: ${km2} · ${plan.regions.length} ${t('geo_regions_count')}`),
      plan.regions.length
        ? h('ul', { class: 'list' }, ...plan.regions.map((r) => h('li', {}, h('strong', {}, r.name), ` · ${r.action === 'create' ? t('geo_new') : t('geo_reshaped')} · ${km2Text(r.km2)}`)))
        : '',
      plan.removed.length ? h('ul', { class: 'list' }, ...plan.removed.map((r) => h('li', {}, h('strong', {}, r.name), ` · ${r.action === 'delete' ? t('geo_deleted') : t('geo_kept_in_use')}`))) : '',
      problems.length ? h('div', {}, h('h3', {}, `${t('geo_problems')} (${problems.length})`), h('ul', { id: 'geo-problems' }, ...problems)) : h('p', { class: 'muted' }, t('geo_no_problems')),
    );
    root.dataset.state = plan.ok ? 'previewed' : 'problems';
  };

  action(previewButton, async () => {
    if (!parsed) return;
    lastBody = bodyOf(parsed, mode.value as Mode, 'file');
    const plan = await api.post('/api/v1/geography/preview', { body: lastBody });
    showPlan(plan);
    saveButton.disabled = !plan.ok;
  }, errors);
  // A choice changed after the preview: preview again before saving.
  for (const el of [mode, nameSelect]) el.addEventListener('change', () => (saveButton.disabled = true));

  const saved = h('p', { id: 'geo-notice', role: 'status' });
  const save = async (body: ImportBody) => {
    const plan = await api.put('/api/v1/geography', { body });
    const created = plan.regions.filter((r) => r.action === 'create').length;
    saved.textContent = `${t('saved')}: ${created} ${t('geo_new')}, ${plan.regions.length - created} ${t('geo_reshaped')}, ${plan.removed.length} ${t('geo_deleted')}.`;
    preview.clear();
    planBox.replaceChildren();
    await load();
    root.dataset.state = 'saved';
  };
  // Not action(): the button stays off after a save until the next preview.
  saveButton.addEventListener('click', async () => {
    if (!lastBody) return;
    saveButton.disabled = true;
    errors.replaceChildren();
    try {
      await save(lastBody);
      lastBody = null;
    } catch (err) {
      saveButton.disabled = false;
      errors.replaceChildren(errorBox(err));
    }
  });

  // ------------------------------------------------------------------ draw and edit by hand
  const drawName = h('input', { type: 'text', id: 'geo-draw-name', maxlength: '200', placeholder: t('geo_region_name') });
  const drawButton = h('button', { type: 'button', class: 'secondary', id: 'geo-draw', disabled: true }, t('geo_draw'));
  const editButton = h('button', { type: 'button', class: 'secondary', id: 'geo-edit', disabled: true }, t('geo_edit'));
  const drawSave = h('button', { type: 'button', id: 'geo-draw-save', disabled: true }, t('geo_save_drawing'));
  const drawErrors = h('div');
  let draw: Draw | null = null;
  let modify: Modify | null = null;
  drawButton.addEventListener('click', () => {
    if (!drawName.value.trim()) {
      drawErrors.replaceChildren(errorBox(t('geo_name_first')));
      return;
    }
    drawErrors.replaceChildren();
    if (draw) map.removeInteraction(draw);
    draw = new Draw({ source: stored, type: 'Polygon' });
    draw.on('drawend', (e) => {
      e.feature.set('name', drawName.value.trim());
      map.removeInteraction(draw!);
      draw = null;
      drawSave.disabled = false;
      root.dataset.state = 'drawn';
    });
    map.addInteraction(draw);
    root.dataset.state = 'drawing';
  });
  editButton.addEventListener('click', () => {
    if (modify) return;
    modify = new Modify({ source: stored });
    modify.on('modifyend', () => (drawSave.disabled = false));
    map.addInteraction(modify);
    root.dataset.state = 'editing';
  });
  action(drawSave, async () => {
    // Every region on the map, drawn or reshaped, through the same checks as a file.
    const regions = JSON.parse(format.writeFeatures(stored.getFeatures().map((f) => {
      const copy = f.clone();
      copy.setProperties({ name: f.get('name') });
      return copy;
    })));
    const body: ImportBody = { regions, nameProperty: 'name', area: storedArea.getFeatures().length ? undefined : 'regions', source: 'drawing' };
    const plan = await api.post('/api/v1/geography/preview', { body });
    if (!plan.ok) {
      lastBody = body;
      showPlan(plan);
      return;
    }
    if (modify) map.removeInteraction(modify);
    modify = null;
    await save(body);
    drawSave.disabled = true;
  }, drawErrors);

  root.replaceChildren(
    h('h1', {}, t('setup_geography')),
    summary,
    h(
      'div',
      { class: 'split' },
      h('div', { class: 'map-column' }, mapEl),
      h(
        'div',
        {},
        h('section', { class: 'card' }, h('h2', {}, t('geo_import')), h('p', { class: 'muted' }, t('geo_import_hint')), h('label', {}, t('geo_file'), file), h('label', {}, t('geo_file_holds'), mode), h('label', {}, t('geo_name_property'), nameSelect), h('div', { class: 'row' }, previewButton, saveButton), errors, planBox, saved),
        h('section', { class: 'card' }, h('h2', {}, t('geo_draw_title')), h('p', { class: 'muted' }, t('geo_draw_hint')), h('label', {}, t('geo_region_name'), drawName), h('div', { class: 'row' }, drawButton, editButton, drawSave), drawErrors),
        h('h2', {}, t('geo_stored_regions')),
        regionList,
      ),
    ),
  );
  await load();
  drawButton.disabled = false;
  editButton.disabled = false;
  root.dataset.ready = 'true';
}
