import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import { api, ApiError, authorisedObjectUrl, session, type Schemas } from '../api.js';
import { clientConfig } from '../config.js';
import { h, errorBox } from '../dom.js';
import { downloadLink } from '../download.js';
import { categoryLabel, formatTime, priorityLabel, statusLabel, t, todayIn, type MessageKey } from '../i18n.js';
import { createMap } from '../map/base.js';
import { routeStyle, ticketStyle } from '../map/styles.js';
import { PhotoTooLargeError, shrinkPhoto } from '../photo.js';
import { dismiss, enqueue, flush, onOutboxChange, onSent, queuedActions } from '../crew/outbox.js';
import { registerServiceWorker } from '../crew/pwa.js';
import { crewDb, routeKeyOf, type CrewAction, type QueuedAction } from '../crew/store.js';

/** Stops the previous route page's watch for a changed day (the hash router reuses one root). */
let stopWatching: () => void = () => {};

type Stop = Schemas['CrewRoute']['stops'][number];
type Status = Stop['status'];

/** What each queued action makes of a stop's status, shown before the server has it. */
const statusAfter: Record<CrewAction, Status> = { arrive: 'on_site', escalate: 'escalated', fix: 'fixed' };
/** The crew's actions that fit a status (server/core/domain/workflow.ts). */
const actionsFor: Partial<Record<Status, CrewAction[]>> = { assigned: ['arrive'], on_site: ['fix', 'escalate'], escalated: ['fix'] };
const actionLabel: Record<CrewAction, MessageKey> = { arrive: 'arrive', fix: 'fixed', escalate: 'escalate' };

/** The route from the server, saved on the phone; the saved copy when there is no network. */
async function loadRoute(crewId: number, date: string): Promise<{ view: Schemas['CrewRoute']; savedAt: string | null }> {
  const db = await crewDb();
  try {
    const view = await api.get('/api/v1/crews/{id}/route', { path: { id: crewId }, query: { date } });
    await db.put('routes', { id: routeKeyOf(crewId, date), savedAt: new Date().toISOString(), view });
    return { view, savedAt: null };
  } catch (err) {
    const saved = err instanceof TypeError ? await db.get('routes', routeKeyOf(crewId, date)) : undefined;
    if (!saved) throw err instanceof TypeError ? new Error(t('no_saved_route')) : err;
    return { view: saved.view, savedAt: saved.savedAt };
  }
}

/** Each stop's ticket (the reporter's phone, visible to the assigned crew only), saved for the offline day. */
async function loadTicket(ticketId: number): Promise<Schemas['Ticket'] | null> {
  const db = await crewDb();
  try {
    const ticket = await api.get('/api/v1/tickets/{id}', { path: { id: ticketId } });
    await db.put('tickets', { ticketId, savedAt: new Date().toISOString(), ticket });
    return ticket;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) await db.delete('tickets', ticketId);
    return (await db.get('tickets', ticketId))?.ticket ?? null;
  }
}

function conflictText(item: QueuedAction): string {
  const c = item.conflict!;
  if (c.status === 404 || c.status === 403) return t('conflict_moved');
  if (c.status === 409) return t('conflict_changed');
  return `${t('conflict_refused')} ${c.message}`;
}

/**
 * The crew's day on a phone, working without a network: ordered stops with
 * only the actions that fit each stop's state, a large camera button (the
 * photo shrunk on the phone), navigation and the reporter's phone; every
 * action goes through the send queue (web/src/crew/outbox.ts), shown on the page.
 */
export async function routePage(root: HTMLElement, crewIdParam?: string): Promise<void> {
  stopWatching();
  registerServiceWorker();
  const config = await clientConfig();
  const s = session()!;
  const crewId = Number(crewIdParam ?? s.user.crewId);
  const tz = config.utility.timeZone;
  const date = todayIn(tz);
  const maxBytes = config.maxPhotoMb * 1024 * 1024;
  root.replaceChildren(h('h1', {}, t('my_route')), h('p', { class: 'muted' }, t('loading')));
  let loaded: Awaited<ReturnType<typeof loadRoute>>;
  try {
    loaded = await loadRoute(crewId, date);
  } catch (err) {
    // No plan published for today (yet): say so, and offer to look again.
    if (err instanceof ApiError && err.status === 404) {
      const again = h('button', { type: 'button', id: 'reload-route' }, t('reload'));
      again.addEventListener('click', () => void routePage(root, crewIdParam));
      root.replaceChildren(h('h1', {}, t('my_route')), h('p', { class: 'notice', id: 'no-route', role: 'status' }, t('no_route_today')), again);
      return;
    }
    root.replaceChildren(h('h1', {}, t('my_route')), errorBox(err));
    return;
  }
  const { view } = loaded;

  const offline = h('p', { class: 'notice', id: 'offline', role: 'status', hidden: navigator.onLine });
  offline.textContent = t('offline_banner');
  const saved = loaded.savedAt ? h('p', { class: 'muted', id: 'saved-copy' }, `${t('saved_route_from')} ${formatTime(loaded.savedAt, tz)}`) : null;
  const outbox = h('section', { class: 'card', id: 'outbox', 'aria-live': 'polite' });
  const gpx = downloadLink('GPX', `/api/v1/crews/${crewId}/route?date=${date}&format=gpx`, `rute-${view.crewCode}-${date}.gpx`);
  const mapEl = h('div', { class: 'map' });
  const list = h('ol', { class: 'list', id: 'stops' });
  root.replaceChildren(
    h('h1', {}, `${t('my_route')}: ${view.crewName}`),
    offline,
    ...(saved ? [saved] : []),
    h('p', {}, `${t('date')} ${view.date} · ${view.stops.length} ${t('stops')} · ${view.km} ${t('km')} · ${formatTime(view.startAt, tz)} – ${formatTime(view.endAt, tz)} `, gpx),
    outbox,
    view.stops.length ? list : h('p', { class: 'muted' }, t('nothing_here')),
    mapEl,
  );
  watchForChanges(root, crewId, date, view.planVersion, () => void routePage(root, crewIdParam));

  // The server's last word per stop; queued actions are drawn on top of it.
  const known = new Map<number, Status>(view.stops.map((st) => [st.ticketId, st.status]));
  const tickets = new Map<number, Schemas['Ticket']>();
  const items = new Map<number, HTMLElement>();
  let queue: QueuedAction[] = [];

  const drawOutbox = () => {
    const waiting = queue.filter((q) => q.state === 'waiting');
    const sendNow = h('button', { type: 'button', class: 'secondary', id: 'send-now', onclick: () => void flush() }, t('send_now'));
    outbox.replaceChildren(
      h('h2', {}, `${t('outbox')} (${queue.length})`),
      queue.length === 0
        ? h('p', { class: 'muted' }, t('outbox_empty'))
        : h(
            'ul',
            { class: 'list' },
            ...queue.map((q) =>
              h(
                'li',
                { dataset: { key: q.key, state: q.state, ticket: String(q.ticketId) } },
                h('strong', {}, q.number),
                ` · ${t(actionLabel[q.action])} · ${formatTime(q.queuedAt, tz)} · `,
                q.state === 'waiting'
                  ? h('span', { class: 'muted' }, t('outbox_waiting'))
                  : h('span', {}, h('span', { class: 'error conflict', role: 'alert' }, conflictText(q)), h('button', { type: 'button', class: 'secondary', onclick: () => void dismiss(q.key) }, t('dismiss'))),
              ),
            ),
          ),
    );
    if (waiting.length) outbox.append(sendNow);
    if (session() === null) outbox.append(h('p', { class: 'error' }, t('session_expired_queue')));
  };

  const statusOf = (ticketId: number): Status => {
    let status = known.get(ticketId)!;
    for (const q of queue) if (q.ticketId === ticketId && q.state === 'waiting') status = statusAfter[q.action];
    return status;
  };

  // Redrawn only when what it shows changed, so a photo picked on another stop is kept.
  const drawn = new Map<number, string>();
  const drawStop = (stop: Stop) => {
    const status = statusOf(stop.ticketId);
    const ticket = tickets.get(stop.ticketId) ?? null;
    const shown = `${status}|${ticket?.reporter?.phone ?? ''}`;
    const current = items.get(stop.ticketId);
    if (current && drawn.get(stop.ticketId) === shown) return current;
    const next = stopItem(stop, status, ticket, tz, maxBytes);
    current?.replaceWith(next);
    items.set(stop.ticketId, next);
    drawn.set(stop.ticketId, shown);
    return next;
  };
  list.replaceChildren(...view.stops.map(drawStop));

  const refresh = async () => {
    queue = await queuedActions();
    drawOutbox();
    for (const stop of view.stops) drawStop(stop);
  };

  const leave = new AbortController();
  const unsubscribe = [
    onOutboxChange(() => void refresh()),
    onSent((item, ticket) => {
      known.set(item.ticketId, ticket.status);
      tickets.set(item.ticketId, ticket);
    }),
  ];
  const showNetwork = () => {
    offline.hidden = navigator.onLine;
    if (navigator.onLine) void flush();
  };
  window.addEventListener('online', showNetwork, { signal: leave.signal });
  window.addEventListener('offline', showNetwork, { signal: leave.signal });
  window.addEventListener('hashchange', () => {
    leave.abort();
    unsubscribe.forEach((u) => u());
  }, { once: true });

  await refresh();
  void flush();
  // The reporter's phone and the server's status per stop (saved for the day without network).
  void Promise.all(
    view.stops.map(async (stop) => {
      const ticket = await loadTicket(stop.ticketId);
      if (!ticket) return;
      tickets.set(stop.ticketId, ticket);
      if (!queue.some((q) => q.ticketId === stop.ticketId)) known.set(stop.ticketId, ticket.status);
      drawStop(stop);
    }),
  );

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

function stopItem(stop: Stop, status: Status, ticket: Schemas['Ticket'] | null, timeZone: string, maxBytes: number): HTMLElement {
  const errors = h('div', { class: 'field-error', role: 'alert' });
  const fail = (text: string) => errors.replaceChildren(h('p', { class: 'error' }, text));
  const img = h('img', { class: 'thumb', alt: t('photo') });
  if (stop.photoThumbnailUrl) void authorisedObjectUrl(stop.photoThumbnailUrl).then((u) => (img.src = u)).catch(() => img.remove());
  const phone = ticket?.reporter?.phone;
  const actions = actionsFor[status] ?? [];
  const id = stop.ticketId;

  const controls: HTMLElement[] = [];
  if (actions.includes('arrive')) {
    controls.push(h('button', { type: 'button', class: 'big arrive', onclick: () => void enqueue(id, stop.number, 'arrive').then(() => flush()) }, t('arrive')));
  }
  if (actions.includes('fix')) {
    let photo: Blob | null = null;
    const preview = h('span', { class: 'muted photo-state' });
    // Named types, not image/*: an iPhone then converts its HEIC photo to JPEG on upload (the server cannot decode HEIC).
    const input = h('input', { type: 'file', id: `photo-${id}`, class: 'visually-hidden', accept: 'image/jpeg,image/png,image/webp,image/avif', capture: 'environment' });
    input.addEventListener('change', async () => {
      errors.replaceChildren();
      const file = input.files?.[0];
      if (!file) return;
      try {
        photo = await shrinkPhoto(file, maxBytes);
        preview.textContent = `${t('photo_ready')} (${Math.round(photo.size / 1024)} KB)`;
      } catch (err) {
        photo = null;
        fail(err instanceof PhotoTooLargeError ? `${t('photo_too_large')} ${Math.round(maxBytes / 1048576)}` : String(err));
      }
    });
    const camera = h('label', { for: `photo-${id}`, class: 'button camera' }, h('span', { 'aria-hidden': 'true' }, '📷 '), t('take_result_photo'));
    const fix = h('button', { type: 'button', class: 'big fix' }, t('fixed'));
    fix.addEventListener('click', () => {
      if (!photo) return fail(t('photo_first'));
      void enqueue(id, stop.number, 'fix', { photo }).then(() => flush());
    });
    controls.push(h('div', { class: 'row' }, input, camera, preview), h('div', { class: 'row' }, fix));
  }
  if (actions.includes('escalate')) {
    const need = h('input', { type: 'text', id: `need-${id}`, placeholder: t('what_is_needed'), 'aria-label': t('what_is_needed') });
    const escalate = h('button', { type: 'button', class: 'danger escalate' }, t('escalate'));
    escalate.addEventListener('click', () => {
      if (!need.value.trim()) return fail(t('need_what_first'));
      void enqueue(id, stop.number, 'escalate', { note: need.value.trim() }).then(() => flush());
    });
    controls.push(h('div', { class: 'row' }, need, escalate));
  }
  if (!controls.length) controls.push(h('p', { class: 'muted' }, t('nothing_to_do')));

  return h(
    'li',
    { class: 'stop', dataset: { ticket: String(id), status } },
    h('div', { class: 'n' }, stop.seq),
    h(
      'div',
      {},
      h('div', { class: 'row' }, h('strong', {}, formatTime(stop.eta, timeZone)), h('span', { class: `badge ${stop.priority}` }, priorityLabel(stop.priority)), h('span', { class: 'badge state' }, statusLabel(status))),
      h('div', {}, `${stop.number} · ${categoryLabel(stop.category)}`),
      h('div', {}, stop.address ?? ''),
      stop.description ? h('div', { class: 'muted' }, stop.description) : null,
      stop.photoThumbnailUrl ? img : null,
      h(
        'div',
        { class: 'row' },
        h('a', { class: 'button secondary', href: stop.navigation.geo }, t('navigate')),
        stop.navigation.web ? h('a', { class: 'button secondary', href: stop.navigation.web, target: '_blank', rel: 'noopener' }, 'Maps') : null,
        phone ? h('a', { class: 'button secondary call', href: `tel:${phone.replace(/[^+\d]/g, '')}` }, `${t('call_reporter')} ${phone}`) : null,
      ),
      ...controls,
      errors,
    ),
  );
}
