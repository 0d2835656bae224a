import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { api, ApiError, type Schemas } from '../api.js';
import { clientConfig } from '../config.js';
import { action, h, errorBox } from '../dom.js';
import { categoryLabel, formatTime, priorityLabel, t, todayIn, type MessageKey } from '../i18n.js';
import { createMap } from '../map/base.js';
import { crewStyle, incidentStyle, priorityColours, routeStyle, ticketStyle } from '../map/styles.js';

/** The dispatcher's day: open tickets and crews on the map, the day's plan, urgent dispatch. */
export async function dispatchPage(root: HTMLElement): Promise<void> {
  const config = await clientConfig();
  const tz = config.utility.timeZone;
  const date = h('input', { type: 'date', id: 'plan-date', value: todayIn(tz) });
  const planButton = h('button', { type: 'button', id: 'plan' }, t('plan_day'));
  const errors = h('div');
  const summary = h('div', { id: 'plan-summary' });
  const urgent = h('div');
  const incidentList = h('div', { id: 'incidents' });
  const incidentForm = h('div');
  const detail = h('div', { id: 'ticket-detail' });
  const mapEl = h('div', { class: 'map tall', id: 'dispatch-map' });
  const legend = h(
    'p',
    { class: 'legend muted' },
    ...(['critical', 'high', 'normal'] as const).map((p) => h('span', {}, h('span', { class: 'dot', style: `background:${priorityColours[p]}` }), ' ', priorityLabel(p))),
    h('span', {}, h('span', { class: 'dot', style: 'background:#102a43' }), ' ', t('crews')),
  );
  root.replaceChildren(
    h('h1', {}, t('dispatch_map')),
    h('div', { class: 'row' }, h('label', { for: 'plan-date', style: 'margin:0' }, t('date')), date, planButton),
    errors,
    h('div', { class: 'split' }, h('div', {}, mapEl, legend, h('p', { class: 'attribution' }, t('boundaries_credit'))), h('div', {}, urgent, incidentList, summary, detail, incidentForm)),
  );

  const map = createMap(mapEl, config);
  const tickets = new VectorSource();
  const crews = new VectorSource();
  const routes = new VectorSource();
  const incidents = new VectorSource();
  map.addLayer(new VectorLayer({ source: incidents, style: incidentStyle }));
  map.addLayer(new VectorLayer({ source: routes, style: routeStyle }));
  map.addLayer(new VectorLayer({ source: tickets, style: ticketStyle }));
  map.addLayer(new VectorLayer({ source: crews, style: crewStyle }));

  const crewList = (await api.get('/api/v1/crews')).items;
  for (const c of crewList) if (c.base) crews.addFeature(new Feature({ geometry: new Point(fromLonLat([c.base.lon, c.base.lat])), code: c.code, name: c.name }));

  const loadTickets = async () => {
    const open = await api.get('/api/v1/tickets', { query: { status: 'received,spk_issued,assigned,on_site,escalated', limit: 500, order: 'oldest' } });
    tickets.clear();
    for (const tk of open.items) {
      const f = new Feature({ geometry: new Point(fromLonLat([tk.lon, tk.lat])), priority: tk.priority, ticket: tk });
      tickets.addFeature(f);
    }
    summary.replaceChildren(h('div', { class: 'card' }, h('strong', {}, `${t('open_tickets')}: ${open.total}`), open.total > open.items.length ? h('span', { class: 'muted' }, ` (${open.items.length})`) : null));
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

  // Why a ticket is not planned, in the console's language (the server's English message when the reason is new).
  const reasonKeys = new Set<string>(['no_crew_in_reach', 'shift_too_short', 'crew_capacity', 'shift_full', 'pinned_crew_full', 'held_out', 'no_crew_within_sla'].map((r) => `reason_${r}`));
  const reasonKnown = (u: { reason: string; message: string }) => (reasonKeys.has(`reason_${u.reason}`) ? t(`reason_${u.reason}` as MessageKey) : u.message);

  /** A draft's changes per crew as a simple list: added, removed, moved, reordered; km before and after. */
  const changesOf = (diff: Schemas['PlanDiff']) =>
    h(
      'div',
      { id: 'plan-diff' },
      h('h2', {}, t('plan_changes')),
      diff.stale ? h('p', { class: 'error' }, t('plan_stale')) : null,
      h(
        'ul',
        { class: 'list' },
        ...diff.crews.map((c) => {
          const parts = [
            c.added.length ? `+${c.added.length} ${t('added')} (${c.added.map((x) => x.number).join(', ')})` : '',
            c.removed.length ? `−${c.removed.length} ${t('removed')} (${c.removed.map((x) => x.number).join(', ')})` : '',
            c.movedIn.length ? `${c.movedIn.length} ${t('moved_in')} (${c.movedIn.map((x) => x.number).join(', ')})` : '',
            c.movedOut.length ? `${c.movedOut.length} ${t('moved_out')} (${c.movedOut.map((x) => x.number).join(', ')})` : '',
            c.reordered ? t('reordered') : '',
          ].filter(Boolean);
          return h(
            'li',
            { dataset: { crew: String(c.crewId), changed: String(c.changed) } },
            h('strong', {}, c.crewCode),
            ' ',
            parts.length ? parts.join(' · ') : h('span', { class: 'muted' }, t('no_changes')),
            h('div', { class: 'muted' }, `${c.km.before} → ${c.km.after} ${t('km')} · ${c.hours.before} → ${c.hours.after} h`),
          );
        }),
      ),
    );

  const drawPlan = async (plan: Schemas['Plan']) => {
    routes.clear();
    // The crews' phones show the published plan: its trips are drawn; a draft's are not theirs yet.
    if (plan.status === 'published') {
      const views = await Promise.all(plan.routes.map((r) => api.get('/api/v1/crews/{id}/route', { path: { id: r.crewId }, query: { date: plan.date } }).catch(() => null)));
      views.forEach((v, index) => {
        if (v?.geojson?.geometry) {
          const f = new GeoJSON().readFeature(v.geojson, { featureProjection: 'EPSG:3857' }) as Feature;
          f.set('index', index);
          routes.addFeature(f);
        }
      });
    }
    const s = plan.summary;
    const draftBox = h('div');
    if (plan.status === 'draft') {
      const publish = h('button', { type: 'button', id: 'publish-plan' }, t('publish_plan'));
      const publishErrors = h('div');
      const diff = await api.get('/api/v1/plans/{id}/diff', { path: { id: plan.id } });
      const run = async (rebase: boolean) => {
        try {
          const res = await api.post('/api/v1/plans/{id}/publish', { path: { id: plan.id }, body: { rebase } });
          await loadTickets();
          await drawPlan(res.plan);
        } catch (err) {
          if (err instanceof ApiError && err.code === 'PLAN_STALE') {
            const rebaseButton = h('button', { type: 'button', id: 'rebase-plan', class: 'secondary' }, t('rebase_plan'));
            action(rebaseButton, () => run(true), publishErrors);
            publishErrors.replaceChildren(h('div', { class: 'error', role: 'alert' }, t('plan_stale')), rebaseButton);
            return;
          }
          throw err;
        }
      };
      action(publish, () => run(false), publishErrors);
      draftBox.replaceChildren(changesOf(diff), publish, publishErrors);
    }
    summary.replaceChildren(
      h(
        'div',
        { class: 'card', id: 'plan-card', dataset: { status: plan.status } },
        h('h2', {}, `${t('plan_day')} ${plan.date} (v${plan.version}) `, h('span', { class: 'badge' }, plan.status === 'draft' ? t('plan_draft') : t('plan_published'))),
        h('p', {}, `${s.served?.total ?? '—'} tiket · ${s.km} ${t('km')} · ${plan.routes.length} ${t('crews')}`),
        h('p', { class: 'success' }, `${t('saved_vs_baseline')}: ${plan.savings.km} ${t('km')} (${plan.savings.kmPercent}%)`),
        h(
          'table',
          {},
          h('tr', {}, h('th', {}, t('crews')), h('th', {}, t('stops')), h('th', {}, t('km')), h('th', {}, '⏱')),
          ...plan.routes.map((r) => h('tr', {}, h('td', {}, r.crewCode), h('td', {}, r.stops.length), h('td', {}, r.km), h('td', {}, `${formatTime(r.startAt, tz).slice(-10)}–${formatTime(r.endAt, tz).slice(-10)}`))),
        ),
        draftBox,
        plan.unplanned.length ? h('details', {}, h('summary', {}, `${t('unplanned')}: ${plan.unplanned.length}`), h('ul', {}, ...plan.unplanned.slice(0, 200).map((u) => h('li', { dataset: { reason: u.reason } }, `${u.number}: ${reasonKnown(u)}`)))) : null,
      ),
    );
  };

  action(planButton, async () => {
    const plan = await api.post('/api/v1/plans', { body: { date: date.value } });
    await loadTickets();
    await drawPlan(plan);
  }, errors);

  map.on('click', (e) => {
    if (picking) return;
    const f = map.forEachFeatureAtPixel(e.pixel, (feature) => (feature.get('ticket') ? feature : undefined), { hitTolerance: 6 });
    if (!f) return;
    const tk: Schemas['TicketSummary'] = f.get('ticket');
    const slot = h('div');
    const box = h(
      'div',
      { class: 'card' },
      h('h2', {}, tk.number, ' ', tk.priority ? h('span', { class: `badge ${tk.priority}` }, priorityLabel(tk.priority)) : null),
      h('p', {}, `${categoryLabel(tk.category)} · ${tk.status}`),
      h('p', {}, tk.address ?? ''),
      h('p', { class: 'muted' }, formatTime(tk.receivedAt, tz)),
      slot,
    );
    detail.replaceChildren(box);
    if ((tk.priority === 'critical' || tk.priority === 'high') && tk.status === 'spk_issued') void suggest(tk, slot);
  });

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
        return h('div', { class: 'card', dataset: { incident: String(i.id) } }, h('strong', {}, `${t('area_incident')}: ${i.title}`), h('div', { class: 'muted' }, `${i.attachedTickets} laporan · ${i.status}`), done, err);
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

  await loadTickets();
  await loadIncidents();
  const existing = await api.get('/api/v1/plans', { query: { date: date.value } }).catch(() => null);
  if (existing) await drawPlan(existing);
}
