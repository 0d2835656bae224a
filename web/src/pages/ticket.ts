import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import LineString from 'ol/geom/LineString.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Style from 'ol/style/Style.js';
import Stroke from 'ol/style/Stroke.js';
import Fill from 'ol/style/Fill.js';
import RegularShape from 'ol/style/RegularShape.js';
import { fromLonLat } from 'ol/proj.js';
import { api, authorisedObjectUrl, type Schemas } from '../api.js';
import { clientConfig } from '../config.js';
import { action, h } from '../dom.js';
import { actorLabel, categoryLabel, formatTime, priorityLabel, sourceLabel, statusLabel, t } from '../i18n.js';
import { createMap } from '../map/base.js';
import { ticketStyle } from '../map/styles.js';
import { reporterContactEditor } from './reporter-contact.js';
import { citizenControls } from './ticket-citizen.js';

type Ticket = Schemas['Ticket'];
const priorities = ['normal', 'high', 'critical'] as const;
/** Open tickets within this distance are listed as possible duplicates. */
const NEARBY_METRES = 500;

/** Great-circle distance in metres (haversine), for the EXIF position against the reported point. */
export function distanceMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(s));
}

const exifStyle = new Style({ image: new RegularShape({ points: 4, radius: 9, angle: Math.PI / 4, fill: new Fill({ color: '#6a1b9a' }), stroke: new Stroke({ color: '#fff', width: 2 }) }) });
const gapStyle = new Style({ stroke: new Stroke({ color: '#6a1b9a', width: 2, lineDash: [6, 6] }) });

/** One ticket for staff: photos full size, EXIF beside the reported point, the reporter's phone, the timeline, nearby open tickets, and the steps this role may take. */
export async function ticketPage(root: HTMLElement, idParam?: string): Promise<void> {
  const config = await clientConfig();
  const tz = config.utility.timeZone;
  const id = Number(idParam);
  const ticket = await api.get('/api/v1/tickets/{id}', { path: { id } });
  const open = await api.get('/api/v1/tickets', { query: { status: 'received,spk_issued,assigned,on_site,escalated', limit: 500, order: 'priority' } }).catch(() => null);
  const nearby = (open?.items ?? [])
    .filter((o) => o.id !== ticket.id)
    .map((o) => ({ o, metres: distanceMetres(ticket, o) }))
    .filter((n) => n.metres <= NEARBY_METRES)
    .sort((a, b) => a.metres - b.metres);

  const photos = ticket.photos.map((p) => {
    const img = h('img', { class: 'photo-full', alt: `${p.kind === 'report' ? t('photo_before') : t('photo_after')} ${ticket.number}` });
    const link = h('a', { target: '_blank', rel: 'noopener' }, img);
    // One retry (a photo's served copy is made on first use), then a word instead of a broken image.
    void authorisedObjectUrl(p.url)
      .catch(() => authorisedObjectUrl(p.url))
      .then((u) => {
        img.src = u;
        link.href = u;
      })
      .catch(() => link.replaceWith(h('p', { class: 'muted photo-unavailable' }, t('photo_unavailable'))));
    const exif = p.exif.lat !== null && p.exif.lon !== null ? { lat: p.exif.lat, lon: p.exif.lon } : null;
    return h(
      'figure',
      { class: 'card photo', dataset: { kind: p.kind } },
      link,
      h(
        'figcaption',
        {},
        h('strong', {}, p.kind === 'report' ? t('photo_before') : t('photo_after')),
        p.blurred ? h('span', { class: 'badge warn' }, t('blurred_photo')) : null,
        h('div', { class: 'muted exif' }, `${t('exif_taken')}: ${p.exif.takenAt ? formatTime(p.exif.takenAt, tz) : '—'}`),
        h(
          'div',
          { class: 'exif-distance' },
          exif ? `${t('exif_position')}: ${exif.lat.toFixed(5)}, ${exif.lon.toFixed(5)} · ${Math.round(distanceMetres(ticket, exif))} m ${t('from_reported_point')}` : t('no_exif_position'),
        ),
      ),
    );
  });

  const reporter = ticket.reporter;
  const mapEl = h('div', { class: 'map', id: 'ticket-map' });
  const actions = h('div', { class: 'card', id: 'ticket-actions' }, h('h2', {}, t('actions')), ...actionControls(ticket, () => void ticketPage(root, idParam)));
  root.replaceChildren(
    h('h1', {}, ticket.number, ' ', h('span', { class: 'badge', id: 'ticket-status' }, statusLabel(ticket.status)), ' ', ticket.priority ? h('span', { class: `badge ${ticket.priority}` }, priorityLabel(ticket.priority)) : null),
    h(
      'div',
      { class: 'grid2' },
      h(
        'div',
        { class: 'card' },
        h('div', {}, `${categoryLabel(ticket.category)} · ${sourceLabel(ticket.source)}`),
        h('div', {}, ticket.address ?? `${ticket.lat.toFixed(5)}, ${ticket.lon.toFixed(5)}`),
        ticket.description ? h('p', {}, ticket.description) : null,
        h('div', { class: 'muted' }, `${t('received_at')}: ${formatTime(ticket.receivedAt, tz)}`),
        ticket.workOrder ? h('div', {}, `SPK ${ticket.workOrder.number} · ${formatTime(ticket.workOrder.issuedAt, tz)}`) : null,
        reporter
          ? h(
              'div',
              { id: 'reporter' },
              h('strong', {}, t('reporter')),
              ': ',
              reporter.name ?? '—',
              ' ',
              reporter.phone ? h('a', { class: 'button secondary call', href: `tel:${reporter.phone.replace(/[^+\d]/g, '')}` }, `${t('call_reporter')} ${reporter.phone}`) : null,
              reporter.blocked ? h('span', { class: 'badge critical' }, t('blocked')) : null,
              reporterContactEditor(ticket.id, reporter),
            )
          : null,
      ),
      h('div', {}, mapEl, h('p', { class: 'legend muted' }, h('span', {}, '● ', t('reported_point')), h('span', {}, '◆ ', t('exif_position')))),
    ),
    h('div', { class: 'grid2', id: 'photos' }, ...photos),
    actions,
    citizenControls(ticket, nearby.map(({ o, metres }) => ({ number: o.number, metres })), tz, () => void ticketPage(root, idParam)),
    h('div', { class: 'card' }, h('h2', {}, t('timeline')), h('ol', { class: 'timeline', id: 'timeline' }, ...ticket.events.map((e) => h('li', {}, h('strong', {}, statusLabel(e.to)), ` · ${actorLabel(e.actor)} · ${formatTime(e.at, tz)}`, e.note ? h('div', { class: 'muted' }, e.note) : null)))),
    h(
      'div',
      { class: 'card', id: 'nearby' },
      h('h2', {}, `${t('nearby_open')} (${NEARBY_METRES} m)`),
      nearby.length
        ? h('ul', { class: 'list' }, ...nearby.map(({ o, metres }) => h('li', {}, h('a', { href: `#/tiket/${o.id}` }, o.number), ` · ${Math.round(metres)} m · ${statusLabel(o.status)} · ${categoryLabel(o.category)}`)))
        : h('p', { class: 'muted' }, t('nothing_here')),
    ),
  );

  const map = createMap(mapEl, config);
  const source = new VectorSource();
  source.addFeature(new Feature({ geometry: new Point(fromLonLat([ticket.lon, ticket.lat])), priority: ticket.priority }));
  for (const p of ticket.photos) {
    if (p.exif.lat === null || p.exif.lon === null) continue;
    const at = fromLonLat([p.exif.lon, p.exif.lat]);
    const exif = new Feature({ geometry: new Point(at) });
    exif.setStyle(exifStyle);
    const gap = new Feature({ geometry: new LineString([fromLonLat([ticket.lon, ticket.lat]), at]) });
    gap.setStyle(gapStyle);
    source.addFeatures([gap, exif]);
  }
  map.addLayer(new VectorLayer({ source, style: ticketStyle }));
  map.getView().fit(source.getExtent()!, { padding: [40, 40, 40, 40], maxZoom: 17 });
}

/** A control for each step this role may take now (allowedActions from the API). */
function actionControls(ticket: Ticket, reload: () => void): HTMLElement[] {
  const errors = h('div', { role: 'alert' });
  const path = { id: ticket.id };
  const out: HTMLElement[] = [];
  const allowed = new Set(ticket.allowedActions);
  const prioritySelect = (name: string) => h('select', { name, 'aria-label': t('priority') }, ...priorities.map((p) => h('option', { value: p, selected: p === ticket.priority }, priorityLabel(p))));
  if (allowed.has('issue_spk')) {
    const priority = prioritySelect('priority');
    const verification = h('input', { type: 'text', name: 'phoneVerification', placeholder: t('phone_verification'), 'aria-label': t('phone_verification') });
    const go = h('button', { type: 'button', class: 'spk' }, t('issue_spk'));
    action(go, async () => {
      await api.post('/api/v1/tickets/{id}/spk', { path, body: { priority: priority.value as (typeof priorities)[number], phoneVerification: verification.value || undefined } });
      reload();
    }, errors);
    out.push(h('div', { class: 'row' }, priority, verification, go));
  }
  if (allowed.has('reject')) {
    const reason = h('input', { type: 'text', name: 'reason', placeholder: t('reject_reason'), 'aria-label': t('reject_reason') });
    const block = h('input', { type: 'checkbox', name: 'block', id: `block-${ticket.id}` });
    const go = h('button', { type: 'button', class: 'danger reject' }, t('reject'));
    action(go, async () => {
      // Blocking a reporter stops every later report from that phone: asked once more.
      if (block.checked && !confirm(t('confirm_block'))) return;
      await api.post('/api/v1/tickets/{id}/reject', { path, body: { reason: reason.value, blockReporter: block.checked } });
      reload();
    }, errors);
    out.push(h('div', { class: 'row' }, reason, h('label', { for: `block-${ticket.id}`, style: 'margin:0;font-weight:400' }, block, ' ', t('block_reporter')), go));
  }
  if (allowed.has('close')) {
    const go = h('button', { type: 'button', class: 'close' }, t('close_ticket'));
    action(go, async () => {
      await api.post('/api/v1/tickets/{id}/close', { path, body: {} });
      reload();
    }, errors);
    out.push(h('div', { class: 'row' }, go));
  }
  if (allowed.has('return_to_crew')) {
    const note = h('input', { type: 'text', name: 'note', placeholder: t('note'), 'aria-label': t('note') });
    const go = h('button', { type: 'button', class: 'secondary' }, t('return_to_crew'));
    action(go, async () => {
      await api.post('/api/v1/tickets/{id}/return', { path, body: { note: note.value } });
      reload();
    }, errors);
    out.push(h('div', { class: 'row' }, note, go));
  }
  if (allowed.has('prioritise')) {
    const priority = prioritySelect('newPriority');
    const go = h('button', { type: 'button', class: 'secondary' }, t('change_priority'));
    action(go, async () => {
      await api.post('/api/v1/tickets/{id}/priority', { path, body: { priority: priority.value as (typeof priorities)[number] } });
      reload();
    }, errors);
    out.push(h('div', { class: 'row' }, priority, go));
  }
  if (!out.length) out.push(h('p', { class: 'muted' }, t('nothing_to_do_here')));
  out.push(errors);
  return out;
}

