import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { api } from '../api.js';
import { clientConfig } from '../config.js';
import { h, errorBox } from '../dom.js';
import { categoryLabel, t } from '../i18n.js';
import { createMap } from '../map/base.js';
import { pickedStyle } from '../map/styles.js';

/** The citizen's report: photo, location (tap the map or GPS), phone. Also used by staff (source chosen). */
export async function reportPage(root: HTMLElement, options: { staff?: boolean } = {}): Promise<void> {
  const config = await clientConfig();
  const mapEl = h('div', { class: 'map', id: 'report-map' });
  const where = h('p', { class: 'muted', id: 'location-text' }, t('no_location'));
  const lat = h('input', { type: 'hidden', name: 'lat' });
  const lon = h('input', { type: 'hidden', name: 'lon' });
  const errors = h('div');
  const submit = h('button', { type: 'submit', id: 'send' }, t('send'));
  const sourceSelect = options.staff
    ? h('select', { name: 'source', id: 'source' }, ...['call_centre', 'walk_in', 'social_media', 'email'].map((s) => h('option', { value: s }, s.replace('_', ' '))))
    : null;

  const form = h(
    'form',
    { class: 'card', id: 'report-form', novalidate: true },
    h('label', { for: 'photo' }, options.staff ? `${t('photo').replace(/\s*\(.*\)/, '')} (opsional / optional)` : t('photo')),
    // Named types, not image/*: an iPhone then converts its HEIC photo to JPEG on upload (the server cannot decode HEIC).
    h('input', { type: 'file', id: 'photo', name: 'photo', accept: 'image/jpeg,image/png,image/webp,image/avif', capture: 'environment', required: !options.staff }),
    h('label', {}, t('location')),
    mapEl,
    h('div', { class: 'row' }, h('button', { type: 'button', class: 'secondary', id: 'gps' }, t('use_my_location')), where),
    lat,
    lon,
    sourceSelect ? h('label', { for: 'source' }, 'Saluran / Channel') : null,
    sourceSelect,
    h('label', { for: 'phone' }, t('phone')),
    h('input', { type: 'tel', id: 'phone', name: 'phone', inputmode: 'tel', autocomplete: 'tel', placeholder: '0812-3456-7890', required: !options.staff }),
    h('label', { for: 'name' }, t('name')),
    h('input', { type: 'text', id: 'name', name: 'name', autocomplete: 'name' }),
    h('label', { for: 'address' }, t('address')),
    h('input', { type: 'text', id: 'address', name: 'address' }),
    h('label', { for: 'category' }, t('category')),
    h('select', { id: 'category', name: 'category' }, ...config.categories.map((c) => h('option', { value: c }, categoryLabel(c)))),
    h('label', { for: 'description' }, t('description')),
    h('textarea', { id: 'description', name: 'description', rows: 3 }),
    errors,
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
  };
  map.on('click', (e) => choose(toLonLat(e.coordinate) as [number, number]));
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
      data.set('jurisdiction_id', config.utility.code);
      const request = { body: data, headers: { 'Idempotency-Key': idempotencyKey } };
      const receipt = options.staff ? await api.post('/api/v1/tickets', request) : await api.post('/api/v1/reports', request);
      root.replaceChildren(
        h('h1', {}, t('report_leak')),
        h(
          'div',
          { class: 'success', id: 'receipt' },
          h('p', {}, receipt.repeat?.kind === 're_report' ? t('re_report_received') : t('report_received')),
          receipt.incident ? h('p', { id: 'receipt-incident' }, `${t('area_incident_joined')}: ${receipt.incident.title}`) : null,
          h('p', { style: 'font-size:1.6rem;font-weight:800', id: 'receipt-number' }, receipt.number),
          h('a', { class: 'button', href: `#/status/${receipt.number}` }, t('see_status')),
        ),
      );
    } catch (err) {
      errors.replaceChildren(errorBox(err));
    } finally {
      submit.disabled = false;
      submit.textContent = t('send');
    }
  });
}
