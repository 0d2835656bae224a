import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { createEmpty, extend, isEmpty } from 'ol/extent.js';
import { api, type Schemas } from '../api.js';
import { clientConfig } from '../config.js';
import { action, h, errorBox } from '../dom.js';
import { categoryLabel, formatTime, priorityLabel, statusLabel, t, todayIn } from '../i18n.js';
import { createMap } from '../map/base.js';
import { addPlanLayers } from '../map/plan-layers.js';
import { crewStyle, incidentStyle, priorityColours, routeColours } from '../map/styles.js';
import { featuresOfPoints, ticketPointsLayer, ticketPointsSource } from '../map/ticket-points.js';
import { fitPlace, placeSearch } from '../map/place-search.js';
import { planPanel } from './plan-panel.js';

/** A legend dot; its colour through the CSSOM (the CSP refuses inline style attributes). */
function dot(colour: string): HTMLElement {
  const el = h('span', { class: 'dot' });
  el.style.background = colour;
  return el;
}

/** The dispatcher's day: open tickets and crews on the map, the day's plan (draft, edit, publish), urgent dispatch. */
export async function dispatchPage(root: HTMLElement): Promise<void> {
  const config = await clientConfig();
  const tz = config.utility.timeZone;
  const date = h('input', { type: 'date', id: 'plan-date', value: todayIn(tz) });
  // Enabled once the page has shown the day's plan (or that it has none): a click before that would be lost, or its answer wiped by the first load.
  const planButton = h('button', { type: 'button', id: 'plan', disabled: true }, t('plan_day'));
  const errors = h('div');
  const summary = h('div', { id: 'plan-summary' });
  const planBox = h('div', { id: 'plan-box' });
  const urgent = h('div');
  const incidentList = h('div', { id: 'incidents' });
  const incidentForm = h('div');
  const detail = h('div', { id: 'ticket-detail' });
  const mapEl = h('div', { class: 'map tall', id: 'dispatch-map' });
  const legend = h(
    'p',
    { class: 'legend muted' },
    ...(['critical', 'high', 'normal'] as const).map((p) => h('span', {}, dot(priorityColours[p]), ' ', priorityLabel(p))),
    h('span', {}, dot('#102a43'), ' ', t('crews')),
  );
  root.replaceChildren(
    h('h1', {}, t('dispatch_map')),
    h('div', { class: 'row' }, h('label', { for: 'plan-date', style: 'margin:0' }, t('date')), date, planButton),
    errors,
    h('div', { class: 'split' }, h('div', { class: 'map-column' }, mapEl, legend, h('p', { class: 'attribution' }, t('boundaries_credit'))), h('div', {}, urgent, planBox, summary, detail, incidentList, incidentForm)),
  );

  const map = createMap(mapEl, config);
  mapEl.before(placeSearch({ jurisdiction: config.utility.code, id: 'dispatch-place', onChoose: (place) => fitPlace(map, place) }));
  const tickets = ticketPointsSource();
  const crews = new VectorSource();
  const incidents = new VectorSource();
  map.addLayer(new VectorLayer({ source: incidents, style: incidentStyle }));
  map.addLayer(await ticketPointsLayer(tickets));
  const planLayers = addPlanLayers(map);
  map.addLayer(new VectorLayer({ source: crews, style: crewStyle }));

  // The open tickets are asked for at once, beside the crews: the map's first draw waits for both.
  const openPoints = api.get('/api/v1/tickets/map');
  openPoints.catch(() => undefined); // its refusal is shown when the page awaits it
  const crewList = (await api.get('/api/v1/crews')).items;
  const colourOf = (crewId: number) => routeColours[Math.max(0, crewList.findIndex((c) => c.id === crewId)) % routeColours.length];
  for (const c of crewList) {
    if (c.base) crews.addFeature(new Feature({ geometry: new Point(fromLonLat([c.base.lon, c.base.lat])), kind: 'base', crewId: c.id, code: c.code, name: c.name, colour: colourOf(c.id) }));
  }

  const loadTickets = async (first?: typeof openPoints) => {
    // Every open ticket as a bare point (one light answer), not pages of full tickets.
    const open = await (first ?? api.get('/api/v1/tickets/map'));
    tickets.clear();
    tickets.addFeatures(featuresOfPoints(open));
    mapEl.dataset.tickets = String(tickets.getFeatures().length);
    summary.replaceChildren(h('div', { class: 'card' }, h('strong', {}, `${t('open_tickets')}: ${open.total}`), open.truncated ? h('span', { class: 'muted' }, ` (${open.points.length / open.fields.length})`) : null));
    // Critical and High tickets with an SPK and no crew yet: dispatch them now, not in tomorrow's plan.
    const waiting = await api.get('/api/v1/tickets', { query: { status: 'spk_issued', priority: 'critical,high', limit: 50, order: 'oldest' } });
    urgent.replaceChildren(
      waiting.items.length
        ? h(
            'div',
            { class: 'card', id: 'urgent' },
            h('h2', {}, `${t('urgent_waiting')}: ${waiting.total}`),
            h(
              'ul',
              { class: 'list' },
              ...waiting.items.map((tk) => {
                const slot = h('div');
                const show = h('button', { type: 'button', class: 'secondary' }, t('suggest_crew'));
                show.addEventListener('click', () => void suggest(tk, slot));
                return h('li', { dataset: { ticket: String(tk.id) } }, h('span', { class: `badge ${tk.priority}` }, priorityLabel(tk.priority)), ' ', h('strong', {}, tk.number), h('div', { class: 'muted' }, tk.address ?? ''), show, slot);
              }),
            ),
          )
        : '',
    );
  };

  const panel = planPanel({
    root: planBox,
    timeZone: tz,
    crews: crewList,
    colourOf,
    layers: planLayers,
    onPublished: () => loadTickets(),
    onFirstShown: () => {
      const extent = createEmpty();
      for (const source of [planLayers.stops, planLayers.unplanned]) {
        const e = source.getFeatures().length ? source.getExtent() : null;
        if (e) extend(extent, e);
      }
      if (!isEmpty(extent)) map.getView().fit(extent, { padding: [40, 40, 40, 40], maxZoom: 16 });
    },
    suggest: (tk, slot) => suggest(tk, slot),
  });
  planButton.addEventListener('click', () => void panel.plan(date.value));
  date.addEventListener('change', () => void showPlanOf(date.value));
  const showPlanOf = async (day: string) => {
    const existing = await api.get('/api/v1/plans', { query: { date: day } }).catch(() => null);
    if (existing) await panel.show(existing);
    else panel.clear();
  };

  map.on('click', (e) => {
    if (picking) return;
    // The plan's stops and unplanned tickets select a ticket; with one selected, a crew's base pins it there.
    const planned = map.forEachFeatureAtPixel(e.pixel, (feature) => (feature.get('kind') === 'stop' || feature.get('kind') === 'unplanned' ? feature : undefined), { hitTolerance: 6 });
    if (planned) {
      panel.select(Number(planned.get('ticketId')));
      return;
    }
    const base = map.forEachFeatureAtPixel(e.pixel, (feature) => (feature.get('kind') === 'base' ? feature : undefined), { hitTolerance: 6 });
    if (base && panel.selected() !== null) {
      void panel.pinSelected(Number(base.get('crewId')));
      return;
    }
    const f = map.forEachFeatureAtPixel(e.pixel, (feature) => (feature.get('ticketId') ? feature : undefined), { hitTolerance: 6 });
    if (f) void showTicket(Number(f.get('ticketId')));
  });

  /** The clicked ticket in the side panel, read whole from the API (the map holds only its point). */
  let selected: Feature | null = null;
  const showTicket = async (ticketId: number) => {
    selected?.set('selected', 0);
    selected = tickets.getFeatureById(ticketId);
    selected?.set('selected', 1);
    let tk: Schemas['Ticket'];
    try {
      tk = await api.get('/api/v1/tickets/{id}', { path: { id: ticketId } });
    } catch (err) {
      detail.replaceChildren(errorBox(err));
      return;
    }
    const slot = h('div');
    const box = h(
      'div',
      { class: 'card' },
      h('h2', {}, tk.number, ' ', tk.priority ? h('span', { class: `badge ${tk.priority}` }, priorityLabel(tk.priority)) : null),
      h('p', { class: 'ticket-status' }, `${categoryLabel(tk.category)} · ${statusLabel(tk.status)}`),
      h('p', {}, tk.address ?? ''),
      h('p', { class: 'muted' }, formatTime(tk.receivedAt, tz)),
      h('p', {}, h('a', { href: `#/tiket/${tk.id}` }, t('ticket_word'), ' ', tk.number, ' →')),
      slot,
    );
    box.dataset.ticket = String(tk.id);
    detail.replaceChildren(box);
    if ((tk.priority === 'critical' || tk.priority === 'high') && tk.status === 'spk_issued') void suggest(tk, slot);
  };

  const suggest = async (tk: Pick<Schemas['TicketSummary'], 'id' | 'number'>, slot: HTMLElement) => {
    try {
      const s = await api.get('/api/v1/dispatch/suggestions', { query: { ticketId: tk.id } });
      slot.replaceChildren(
        h('h2', {}, t('suggest_crew')),
        h(
          'ul',
          { class: 'list' },
          ...s.options.slice(0, 5).map((o) => {
            const go = h('button', { type: 'button' }, `${t('assign')} ${o.crewCode}`);
            const err = h('div');
            action(go, async () => {
              await api.post('/api/v1/dispatch', { body: { ticketId: tk.id, crewId: o.crewId } });
              slot.replaceChildren(h('div', { class: 'success' }, `${tk.number} → ${o.crewCode}`));
              await loadTickets();
              await panel.refresh();
            }, err);
            return h('li', {}, h('strong', {}, o.crewName), h('div', {}, `${formatTime(o.arrivalAt, tz)} · +${o.addedKm} ${t('km')}`), go, err);
          }),
        ),
      );
    } catch (err) {
      slot.replaceChildren(errorBox(err));
    }
  };

  const loadIncidents = async () => {
    const open = await api.get('/api/v1/incidents', { query: { jurisdiction_id: config.utility.code } });
    incidents.clear();
    const format = new GeoJSON({ featureProjection: 'EPSG:3857' });
    for (const i of open.items) {
      const f = format.readFeature({ type: 'Feature', geometry: i.area, properties: { title: i.title } }) as Feature;
      incidents.addFeature(f);
    }
    incidentList.replaceChildren(
      ...open.items.map((i) => {
        const done = h('button', { type: 'button', class: 'secondary' }, t('restored'));
        const err = h('div');
        action(done, async () => {
          await api.patch('/api/v1/incidents/{id}', { path: { id: i.id }, body: { status: 'restored', messageId: 'Aliran air sudah normal kembali' } });
          await loadIncidents();
          await loadTickets();
        }, err);
        return h('div', { class: 'card', dataset: { incident: String(i.id) } }, h('strong', {}, `${t('area_incident')}: ${i.title}`), h('div', { class: 'muted' }, `${i.attachedTickets} ${t('reports_count')} · ${t(`incident_${i.status}`)}`), done, err);
      }),
    );
  };

  // Marking an incident: a title, a radius, a message, and a tap on the map for the centre.
  let picking = false;
  const incidentTitle = h('input', { type: 'text', id: 'incident-title', placeholder: t('incident_title') });
  const incidentRadius = h('input', { type: 'text', id: 'incident-radius', value: '500', inputmode: 'numeric', 'aria-label': t('radius_m') });
  const incidentMessage = h('input', { type: 'text', id: 'incident-message', placeholder: t('message_for_citizens') });
  const incidentButton = h('button', { type: 'button', id: 'incident-pick', class: 'secondary' }, t('mark_incident'));
  const incidentErrors = h('div');
  incidentButton.addEventListener('click', () => {
    picking = true;
    incidentButton.textContent = t('click_map_centre');
  });
  map.on('click', async (e) => {
    if (!picking) return;
    picking = false;
    incidentButton.textContent = t('mark_incident');
    const [lon, lat] = toLonLat(e.coordinate);
    try {
      await api.post('/api/v1/incidents', { body: { title: incidentTitle.value, centre: { lat, lon }, radiusMetres: Number(incidentRadius.value), messageId: incidentMessage.value || 'Sedang ditangani tim URC', attachWaiting: true } });
      incidentErrors.replaceChildren();
      await loadIncidents();
      await loadTickets();
    } catch (err) {
      incidentErrors.replaceChildren(errorBox(err));
    }
  });
  incidentForm.replaceChildren(h('div', { class: 'card' }, h('strong', {}, t('mark_incident')), h('div', { class: 'row' }, incidentTitle, incidentRadius), h('div', { class: 'row' }, incidentMessage, incidentButton), incidentErrors));

  await loadTickets(openPoints);
  await loadIncidents();
  await showPlanOf(date.value);
  planButton.disabled = false;
}
