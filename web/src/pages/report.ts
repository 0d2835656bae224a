import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { api, type Schemas } from '../api.js';
import { clientConfig } from '../config.js';
import { h, errorBox } from '../dom.js';
import { categoryLabel, formatTime, pickLabel, sourceLabel, t } from '../i18n.js';
import { createMap } from '../map/base.js';
import { pickedStyle } from '../map/styles.js';
import { phoneProof } from './phone-proof.js';
import { addPlaceSearch, shrinkFormPhoto } from './report-assist.js';

/** The citizen's report: photo, location (tap the map or GPS), phone. Also used by staff (source chosen). */
export async function reportPage(root: HTMLElement, options: { staff?: boolean } = {}): Promise<void> {
  const config = await clientConfig();
  const mapEl = h('div', { class: 'map', id: 'report-map' });
  const where = h('p', { class: 'muted', id: 'location-text' }, t('no_location'));
  const lat = h('input', { type: 'hidden', name: 'lat' });
  const lon = h('input', { type: 'hidden', name: 'lon' });
  const errors = h('div');
  // "Is it one of these?": the open reports near the chosen point; the citizen may add theirs to one.
  const duplicateOf = h('input', { type: 'hidden', name: 'duplicate_of', id: 'duplicate-of' });
  const nearbyBox = h('div', { id: 'nearby' });
  // First-contact close (staff): a standard answer given on the spot closes the report at once.
  const answerSelect = options.staff ? h('select', { id: 'answer', name: 'answer' }, h('option', { value: '' }, t('no_answer'))) : null;
  const submit = h('button', { type: 'submit', id: 'send' }, t('send'));
  // A known phone may need proving (a code sent to it) before the report changes its reporter's details.
  const proof = options.staff ? null : phoneProof(config.utility.code, () => form.requestSubmit());
  const sourceSelect = options.staff
    ? h('select', { name: 'source', id: 'source' }, ...['call_centre', 'walk_in', 'social_media', 'email'].map((s) => h('option', { value: s }, sourceLabel(s))))
    : null;

  // Citizens send a photo unless the utility made it optional for the chosen category.
  const photoLabel = h('label', { for: 'photo', id: 'photo-label' }, options.staff ? `${t('photo').replace(/\s*\(.*\)/, '')} (opsional / optional)` : t('photo'));
  // Named types, not image/*: an iPhone then converts its HEIC photo to JPEG on upload (the server cannot decode HEIC).
  const photoInput = h('input', { type: 'file', id: 'photo', name: 'photo', accept: 'image/jpeg,image/png,image/webp,image/avif', capture: 'environment', required: !options.staff });
  const categorySelect = h('select', { id: 'category', name: 'category' }, ...config.categories.map((c) => h('option', { value: c }, categoryLabel(c))));
  if (!options.staff) {
    categorySelect.addEventListener('change', () => {
      const required = config.categoryDetails.find((c) => c.code === categorySelect.value)?.photoRequired ?? true;
      photoInput.required = required;
      photoLabel.textContent = required ? t('photo') : t('photo_optional');
    });
  }

  const form = h(
    'form',
    { class: 'card', id: 'report-form', novalidate: true },
    photoLabel,
    photoInput,
    h('label', {}, t('location')),
    mapEl,
    h('div', { class: 'row' }, h('button', { type: 'button', class: 'secondary', id: 'gps' }, t('use_my_location')), where),
    lat,
    lon,
    nearbyBox,
    duplicateOf,
    sourceSelect ? h('label', { for: 'source' }, 'Saluran / Channel') : null,
    sourceSelect,
    h('label', { for: 'phone' }, t('phone')),
    h('input', { type: 'tel', id: 'phone', name: 'phone', inputmode: 'tel', autocomplete: 'tel', placeholder: '0812-3456-7890', required: !options.staff }),
    h('label', { for: 'name' }, t('name')),
    h('input', { type: 'text', id: 'name', name: 'name', autocomplete: 'name' }),
    h('label', { for: 'address' }, t('address')),
    h('input', { type: 'text', id: 'address', name: 'address' }),
    h('label', { for: 'category' }, t('category')),
    categorySelect,
    h('label', { for: 'description' }, t('description')),
    h('textarea', { id: 'description', name: 'description', rows: 3 }),
    proof?.fields,
    answerSelect ? h('label', { for: 'answer' }, t('first_contact')) : null,
    answerSelect,
    errors,
    proof?.box,
    h('p', {}, submit),
  );
  root.replaceChildren(h('h1', {}, options.staff ? 'Input laporan petugas / Staff report entry' : t('report_leak')), form);

  const map = createMap(mapEl, config);
  const marker = new VectorSource();
  map.addLayer(new VectorLayer({ source: marker, style: pickedStyle }));
  const choose = (lonLat: [number, number]) => {
    lon.value = lonLat[0].toFixed(6);
    lat.value = lonLat[1].toFixed(6);
    marker.clear();
    marker.addFeature(new Feature(new Point(fromLonLat(lonLat))));
    where.textContent = `${t('location_chosen')}: ${lat.value}, ${lon.value}`;
    void showNearby(lonLat);
  };
  const choice = (number: string) =>
    h('p', { class: 'success', id: 'duplicate-choice' }, `${t('chosen_duplicate')} ${number}. `, h('button', { type: 'button', class: 'secondary', id: 'undo-duplicate', onclick: () => { duplicateOf.value = ''; void showNearby(); } }, t('undo_choice')));
  let lastPoint: [number, number] | null = null;
  async function showNearby(lonLat = lastPoint): Promise<void> {
    lastPoint = lonLat;
    if (!lonLat) return;
    try {
      const near = await api.get('/api/v1/reports/nearby', { query: { lat: lonLat[1], lon: lonLat[0], jurisdiction_id: config.utility.code } });
      if (duplicateOf.value && !near.items.some((i) => i.number === duplicateOf.value)) duplicateOf.value = '';
      if (duplicateOf.value) {
        nearbyBox.replaceChildren(choice(duplicateOf.value));
        return;
      }
      nearbyBox.replaceChildren(
        near.items.length === 0
          ? h('p', { class: 'muted', id: 'nearby-none' }, t('nearby_none'))
          : h(
              'div',
              { class: 'card', id: 'nearby-list' },
              h('strong', {}, t('nearby_title')),
              h(
                'ul',
                {},
                ...near.items.map((i) =>
                  h(
                    'li',
                    { class: 'nearby-item' },
                    h('strong', {}, i.number),
                    ` · ${categoryLabel(i.category)} · ${pickLabel(i.statusLabel)} · ${i.distanceMetres} ${t('metres_away')} · ${i.reports} ${t('reports_count')} · ${formatTime(i.receivedAt, config.utility.timeZone)} `,
                    h('button', { type: 'button', class: 'secondary same-problem', dataset: { number: i.number }, onclick: () => { duplicateOf.value = i.number; nearbyBox.replaceChildren(choice(i.number)); } }, t('same_problem')),
                  ),
                ),
              ),
            ),
      );
    } catch {
      nearbyBox.replaceChildren(); // the list is a help, never a blocker
    }
  }
  if (answerSelect) {
    void api
      .get('/api/v1/answers')
      .then((answers) => answerSelect.append(...answers.items.map((a) => h('option', { value: String(a.id) }, pickLabel(a.title)))))
      .catch(() => undefined);
  }
  map.on('click', (e) => choose(toLonLat(e.coordinate) as [number, number]));
  addPlaceSearch(mapEl, map, config.utility.code, choose);
  form.querySelector<HTMLButtonElement>('#gps')!.addEventListener('click', () => {
    navigator.geolocation?.getCurrentPosition(
      (p) => {
        choose([p.coords.longitude, p.coords.latitude]);
        map.getView().animate({ center: fromLonLat([p.coords.longitude, p.coords.latitude]), zoom: 16 });
      },
      (err) => errors.replaceChildren(errorBox(err.message)),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  });

  // One key per report: a retry after a dropped connection cannot make a second ticket.
  const idempotencyKey = crypto.randomUUID();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    submit.disabled = true;
    submit.textContent = t('sending');
    try {
      const data = new FormData(form);
      const photo = data.get('photo');
      if (photo instanceof File && photo.size === 0) data.delete('photo');
      await shrinkFormPhoto(data, config.maxPhotoMb);
      data.set('jurisdiction_id', config.utility.code);
      proof?.addTo(data);
      const request = { body: data, headers: { 'Idempotency-Key': idempotencyKey } };
      data.delete('answer');
      const receipt = options.staff ? await api.post('/api/v1/tickets', request) : await receiptOf(await api.post('/api/v1/reports', request), config.utility.code, submit);
      const answerId = Number(answerSelect?.value || 0);
      const staffId = 'id' in receipt ? (receipt as { id: number }).id : 0;
      if (answerId && staffId && !receipt.duplicate) await api.post('/api/v1/tickets/{id}/answer', { path: { id: staffId }, body: { answerId } });
      const reReport = receipt.repeat?.kind === 're_report' ? receipt.repeat : null;
      const headline = reReport ? t(reReport.reopenedFor === 'review' ? 're_report_after_restore' : 're_report_received') : receipt.duplicate ? t('duplicate_received') : answerId ? t('answered_on_spot') : t('report_received');
      root.replaceChildren(
        h('h1', {}, t('report_leak')),
        h(
          'div',
          { class: 'success', id: 'receipt' },
          h('p', {}, headline),
          receipt.incident ? h('p', { id: 'receipt-incident' }, `${t('area_incident_joined')}: ${receipt.incident.title}`) : null,
          h('p', { style: 'font-size:1.6rem;font-weight:800', id: 'receipt-number' }, receipt.number),
          receipt.duplicate ? h('p', { id: 'receipt-reports' }, `${t('reports_so_far')}: ${receipt.duplicate.reports}`) : null,
          h('a', { class: 'button', href: `#/status/${receipt.number}` }, t('see_status')),
          receipt.followUpUrl
            ? h('p', {}, h('a', { id: 'follow-up-link', href: receipt.followUpUrl }, t('follow_up_link')), h('br'), h('span', { class: 'muted' }, t('follow_up_keep')))
            : null,
        ),
      );
    } catch (err) {
      if (!proof?.offerIf(err, String(new FormData(form).get('phone') ?? ''))) errors.replaceChildren(errorBox(err));
    } finally {
      submit.disabled = false;
      submit.textContent = t('send');
    }
  });
}

type Receipt = Schemas['ReportReceipt'];
type Accepted = Schemas['ReportAccepted'];

/**
 * The receipt of a citizen's report. Many reports arriving at once are
 * answered 202 (stored, the ticket made a moment later): the receipt URL is
 * polled until it answers with the receipt, or with the refusal, which throws
 * as the POST would have.
 */
async function receiptOf(answer: Receipt | Accepted, jurisdiction: string, button: HTMLButtonElement): Promise<Receipt> {
  let current: Receipt | Accepted = answer;
  while ('token' in current && current.state === 'pending') {
    const pending: Accepted = current;
    button.textContent = t('report_queued');
    await new Promise((r) => setTimeout(r, Math.max(1, pending.retryAfterSeconds) * 1000));
    current = (await api.get('/api/v1/reports/receipts/{token}', { path: { token: pending.token }, query: { jurisdiction_id: jurisdiction } })) as Receipt | Accepted;
  }
  return current as Receipt;
}
