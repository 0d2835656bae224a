import Feature from 'ol/Feature.js';
import Polygon from 'ol/geom/Polygon.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Style from 'ol/style/Style.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import { fromLonLat, transformExtent } from 'ol/proj.js';
import type { FeatureLike } from 'ol/Feature.js';
import { api } from '../api.js';
import { clientConfig } from '../config.js';
import { h, errorBox } from '../dom.js';
import { priorityLabel, t, todayIn } from '../i18n.js';
import { createMap } from '../map/base.js';

/** Reports per cell, from few to many (ColorBrewer YlOrRd); the legend draws the same colours. */
const heatRamp = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];

/** The ramp's step of a cell holding `count` of the busiest cell's `max`. */
const stepOf = (count: number, max: number) => Math.min(heatRamp.length - 1, Math.max(0, Math.ceil((count / Math.max(1, max)) * heatRamp.length) - 1));

const cellStyles = heatRamp.map(
  (colour) => new Style({ fill: new Fill({ color: `${colour}b3` }), stroke: new Stroke({ color: colour === heatRamp[0] ? '#d9c94a' : colour, width: 1 }) }),
);
const cellStyle = (feature: FeatureLike) => cellStyles[Number(feature.get('step'))];

/**
 * The Kabag's leak heatmap: reports per H3 cell over a window, counted by the
 * server and drawn as the cells themselves (hexagons coloured by count, no
 * blur pass), fetched as soon as the map knows its extent and again as it moves.
 */
export async function heatmapPage(root: HTMLElement, daysParam?: string): Promise<void> {
  const config = await clientConfig();
  const tz = config.utility.timeZone;
  const days = h('select', { id: 'days', 'aria-label': t('window_days') }, ...[7, 30, 90, 365].map((d) => h('option', { value: d, selected: d === (Number(daysParam) || 30) }, `${d} ${t('days')}`)));
  const priority = h('select', { id: 'priority', 'aria-label': t('priority') }, h('option', { value: '' }, t('all')), ...['critical', 'high', 'normal'].map((p) => h('option', { value: p }, priorityLabel(p))));
  const info = h('p', { class: 'muted', id: 'heat-info' });
  const errors = h('div');
  const mapEl = h('div', { class: 'map tall', id: 'heat-map' });
  // The legend: the ramp from one report to the busiest cell in view.
  const legendMax = h('span', { id: 'heat-legend-max' }, '—');
  const ramp = h('span', { class: 'heat-ramp', 'aria-hidden': 'true' });
  ramp.style.background = `linear-gradient(to right, ${heatRamp.join(', ')})`;
  const legend = h('div', { class: 'heat-legend', id: 'heat-legend' }, h('span', {}, t('heat_legend')), h('span', {}, '1'), ramp, legendMax);
  root.replaceChildren(h('h1', {}, t('heatmap')), h('div', { class: 'row' }, days, priority, info), errors, mapEl, legend, h('p', { class: 'attribution' }, t('boundaries_credit')));

  const map = createMap(mapEl, config);
  const source = new VectorSource();
  map.addLayer(new VectorLayer({ source, style: cellStyle, opacity: 0.9 }));

  let pending = 0;
  let shown = '';
  const load = async (force = false) => {
    const view = map.getView();
    const size = map.getSize();
    if (!size) return;
    const extent = transformExtent(view.calculateExtent(size), 'EPSG:3857', 'EPSG:4326').map((v) => v.toFixed(5));
    const to = todayIn(tz);
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - (Number(days.value) - 1) * 86_400_000).toISOString().slice(0, 10);
    const query = { from, to, zoom: Math.round(view.getZoom() ?? 12), bbox: extent.join(','), priority: priority.value || undefined };
    const key = JSON.stringify(query);
    if (key === shown && !force) return;
    shown = key;
    const ticket = ++pending;
    try {
      const data = await api.get('/api/v1/analytics/heatmap', { query });
      if (ticket !== pending) return;
      source.clear();
      source.addFeatures(data.cells.map((c) => new Feature({ geometry: new Polygon([c.boundary.map((p) => fromLonLat(p))]), step: stepOf(c.count, data.maxCount), count: c.count })));
      info.textContent = `${data.total} ${t('reports_count')} · H3 r${data.resolution} · ${data.window.from} – ${data.window.to}`;
      legendMax.textContent = String(data.maxCount);
      mapEl.dataset.cells = String(data.cells.length);
      errors.replaceChildren();
    } catch (err) {
      shown = '';
      errors.replaceChildren(errorBox(err));
    }
  };
  // At once: the view is fitted already, so the first draw need not wait for a first move.
  void load();
  map.on('moveend', () => void load());
  days.addEventListener('change', () => void load(true));
  priority.addEventListener('change', () => void load(true));
}
