import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import HeatmapLayer from 'ol/layer/Heatmap.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat, transformExtent } from 'ol/proj.js';
import { api } from '../api.js';
import { clientConfig } from '../config.js';
import { h, errorBox } from '../dom.js';
import { priorityLabel, t, todayIn } from '../i18n.js';
import { createMap } from '../map/base.js';

/** OpenLayers' default heatmap ramp, named so the legend draws the same colours. */
const heatGradient = ['#00f', '#0ff', '#0f0', '#ff0', '#f00'];

/** The Kabag's leak heatmap: reports per H3 cell over a window, refreshed as the map moves. */
export async function heatmapPage(root: HTMLElement, daysParam?: string): Promise<void> {
  const config = await clientConfig();
  const tz = config.utility.timeZone;
  const days = h('select', { id: 'days', 'aria-label': t('window_days') }, ...[7, 30, 90, 365].map((d) => h('option', { value: d, selected: d === (Number(daysParam) || 30) }, `${d} ${t('days')}`)));
  const priority = h('select', { id: 'priority', 'aria-label': t('priority') }, h('option', { value: '' }, t('all')), ...['critical', 'high', 'normal'].map((p) => h('option', { value: p }, priorityLabel(p))));
  const info = h('p', { class: 'muted', id: 'heat-info' });
  const errors = h('div');
  const mapEl = h('div', { class: 'map tall', id: 'heat-map' });
  // The legend: the layer's colour ramp from one report to the busiest cell in view.
  const legendMax = h('span', { id: 'heat-legend-max' }, '—');
  const legend = h(
    'div',
    { class: 'heat-legend', id: 'heat-legend' },
    h('span', {}, t('heat_legend')),
    h('span', {}, '1'),
    h('span', { class: 'heat-ramp', style: `background:linear-gradient(to right, ${heatGradient.join(', ')})`, 'aria-hidden': 'true' }),
    legendMax,
  );
  root.replaceChildren(h('h1', {}, t('heatmap')), h('div', { class: 'row' }, days, priority, info), errors, mapEl, legend, h('p', { class: 'attribution' }, t('boundaries_credit')));

  const map = createMap(mapEl, config);
  const source = new VectorSource();
  map.addLayer(new HeatmapLayer({ source, blur: 18, radius: 10, gradient: heatGradient, weight: (f) => f.get('weight') }));

  let pending = 0;
  const load = async () => {
    const ticket = ++pending;
    const view = map.getView();
    const extent = transformExtent(view.calculateExtent(map.getSize()), 'EPSG:3857', 'EPSG:4326').map((v) => v.toFixed(5));
    const to = todayIn(tz);
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - (Number(days.value) - 1) * 86_400_000).toISOString().slice(0, 10);
        try {
      const data = await api.get('/api/v1/analytics/heatmap', { query: { from, to, zoom: Math.round(view.getZoom() ?? 12), bbox: extent.join(','), priority: priority.value || undefined } });
      if (ticket !== pending) return;
      source.clear();
      source.addFeatures(data.cells.map((c) => new Feature({ geometry: new Point(fromLonLat([c.lon, c.lat])), weight: data.maxCount ? c.count / data.maxCount : 0 })));
      info.textContent = `${data.total} ${t('reports_count')} · H3 r${data.resolution} · ${data.window.from} – ${data.window.to}`;
      legendMax.textContent = String(data.maxCount);
      mapEl.dataset.cells = String(data.cells.length);
      errors.replaceChildren();
    } catch (err) {
      errors.replaceChildren(errorBox(err));
    }
  };
  map.on('moveend', () => void load());
  days.addEventListener('change', () => void load());
  priority.addEventListener('change', () => void load());
}
