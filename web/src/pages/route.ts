import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import { api, authorisedObjectUrl, session, type Schemas } from '../api.js';
import { clientConfig } from '../config.js';
import { action, h, errorBox } from '../dom.js';
import { downloadLink } from '../download.js';
import { categoryLabel, formatTime, priorityLabel, t, todayIn } from '../i18n.js';
import { createMap } from '../map/base.js';
import { routeStyle, ticketStyle } from '../map/styles.js';

/** Stops the previous route page's watch for a changed day (the hash router reuses one root). */
let stopWatching: () => void = () => {};

/** The crew's day on a phone: ordered stops, navigation links, and the three field actions. */
export async function routePage(root: HTMLElement, crewIdParam?: string): Promise<void> {
  stopWatching();
  const config = await clientConfig();
  const s = session()!;
  const crewId = Number(crewIdParam ?? s.user.crewId);
  const date = todayIn(config.utility.timeZone);
  root.replaceChildren(h('h1', {}, t('my_route')), h('p', { class: 'muted' }, t('loading')));
  let view: Schemas['CrewRoute'];
  try {
    view = await api.get('/api/v1/crews/{id}/route', { path: { id: crewId }, query: { date } });
  } catch (err) {
    root.replaceChildren(h('h1', {}, t('my_route')), errorBox(err));
    return;
  }
  const tz = config.utility.timeZone;
  const gpx = downloadLink('GPX', `/api/v1/crews/${crewId}/route?date=${date}&format=gpx`, `rute-${view.crewCode}-${date}.gpx`);
  const mapEl = h('div', { class: 'map' });
  const list = h('ol', { class: 'list', id: 'stops' }, ...view.stops.map((stop) => stopItem(stop, tz)));
  root.replaceChildren(
    h('h1', {}, `${t('my_route')}: ${view.crewName}`),
    h('p', {}, `${t('date')} ${view.date} · ${view.stops.length} ${t('stops')} · ${view.km} ${t('km')} · ${formatTime(view.startAt, tz)} – ${formatTime(view.endAt, tz)} `, gpx),
    mapEl,
    view.stops.length ? list : h('p', { class: 'muted' }, t('nothing_here')),
  );
  watchForChanges(root, crewId, date, view.planVersion, () => void routePage(root, crewIdParam));
  const map = createMap(mapEl, config);
  const source = new VectorSource();
  if (view.geojson.geometry) source.addFeature(new GeoJSON().readFeature(view.geojson, { featureProjection: 'EPSG:3857' }) as Feature);
  for (const stop of view.stops) source.addFeature(new Feature({ geometry: new Point(fromLonLat([stop.lon, stop.lat])), priority: stop.priority }));
  map.addLayer(new VectorLayer({ source, style: (f) => (f.getGeometry()?.getType() === 'Point' ? ticketStyle(f) : routeStyle(f)) }));
  const extent = source.getExtent();
  if (source.getFeatures().length && extent) map.getView().fit(extent, { padding: [30, 30, 30, 30], maxZoom: 16 });
}

/**
 * A published re-plan changes the crew's day: when the phone comes back to the page (focus, visible again)
 * and every minute, the route is asked for again; a new plan version shows a banner with the way to the new
 * list (not a silent re-draw under a crew member's thumb).
 */
function watchForChanges(root: HTMLElement, crewId: number, date: string, version: number, reload: () => void): void {
  let shown = false;
  const check = async () => {
    if (shown || !root.isConnected || !location.hash.startsWith('#/rute')) return;
    const now = await api.get('/api/v1/crews/{id}/route', { path: { id: crewId }, query: { date } }).catch(() => null);
    if (!now || now.planVersion === version || shown) return;
    shown = true;
    const open = h('button', { type: 'button', id: 'route-refresh' }, t('route_open_new'));
    open.addEventListener('click', reload);
    root.prepend(h('div', { class: 'card', id: 'route-changed', role: 'alert' }, h('strong', {}, t('route_changed')), ' ', open));
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') void check();
  };
  const onFocus = () => void check();
  const timer = setInterval(() => void check(), 60_000);
  window.addEventListener('focus', onFocus);
  document.addEventListener('visibilitychange', onVisible);
  stopWatching = () => {
    clearInterval(timer);
    window.removeEventListener('focus', onFocus);
    document.removeEventListener('visibilitychange', onVisible);
  };
}

function stopItem(stop: Schemas['CrewRoute']['stops'][number], timeZone: string): HTMLElement {
  const errors = h('div');
  const img = h('img', { class: 'thumb', alt: '' });
  if (stop.photoThumbnailUrl) void authorisedObjectUrl(stop.photoThumbnailUrl).then((u) => (img.src = u)).catch(() => img.remove());
  const state = h('span', { class: 'badge' }, stop.status);
  const arrive = h('button', { type: 'button' }, t('arrive'));
  const photo = h('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp,image/avif', capture: 'environment', 'aria-label': t('result_photo') });
  const fix = h('button', { type: 'button' }, t('fixed'));
  const need = h('input', { type: 'text', placeholder: t('what_is_needed') });
  const escalate = h('button', { type: 'button', class: 'danger' }, t('escalate'));
  const refresh = (ticket: Schemas['Ticket']) => {
    state.textContent = ticket.status;
  };
  action(arrive, async () => refresh(await api.post('/api/v1/tickets/{id}/arrive', { path: { id: stop.ticketId }, body: {} })), errors);
  action(fix, async () => {
    const f = new FormData();
    if (photo.files?.[0]) f.set('photo', photo.files[0]);
    refresh(await api.post('/api/v1/tickets/{id}/fix', { path: { id: stop.ticketId }, body: f }));
  }, errors);
  action(escalate, async () => refresh(await api.post('/api/v1/tickets/{id}/escalate', { path: { id: stop.ticketId }, body: { note: need.value } })), errors);
  return h(
    'li',
    { class: 'stop', dataset: { ticket: String(stop.ticketId) } },
    h('div', { class: 'n' }, stop.seq),
    h(
      'div',
      {},
      h('div', { class: 'row' }, h('strong', {}, formatTime(stop.eta, timeZone)), h('span', { class: `badge ${stop.priority}` }, priorityLabel(stop.priority)), state),
      h('div', {}, `${stop.number} · ${categoryLabel(stop.category)}`),
      h('div', {}, stop.address ?? ''),
      stop.description ? h('div', { class: 'muted' }, stop.description) : null,
      stop.photoThumbnailUrl ? img : null,
      h('div', { class: 'row' }, h('a', { class: 'button secondary', href: stop.navigation.geo }, t('navigate')), stop.navigation.web ? h('a', { href: stop.navigation.web, target: '_blank', rel: 'noopener' }, 'web') : null),
      h('div', { class: 'row' }, arrive, photo, fix),
      h('div', { class: 'row' }, need, escalate),
      errors,
    ),
  );
}
