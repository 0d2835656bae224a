import { api, type Schemas } from '../api.js';
import { clientConfig } from '../config.js';
import { action, h } from '../dom.js';
import { categoryLabel, formatTime, t } from '../i18n.js';

type Queued = Schemas['Open311QueuedSubmission'];

/**
 * Open311 submissions that wait for staff (their photo only a link to a host
 * the server does not fetch from): open the link, phone the reporter, then
 * take it in as a ticket (at its position, which staff may correct) or
 * refuse it with a reason. The client reads the outcome through its token.
 */
export async function open311QueuePage(root: HTMLElement): Promise<void> {
  const config = await clientConfig();
  const tz = config.utility.timeZone;
  const queue = await api.get('/api/v1/open311/queue');
  root.replaceChildren(
    h('h1', {}, t('open311_queue')),
    h('p', { class: 'muted' }, t('open311_queue_hint')),
    queue.length ? h('div', { id: 'open311-queue' }, ...queue.map((q) => entry(q, tz))) : h('p', { class: 'muted', id: 'open311-queue-empty' }, t('nothing_here')),
  );
}

function entry(q: Queued, tz: string): HTMLElement {
  const errors = h('div');
  const lat = h('input', { type: 'number', step: 'any', id: `q-${q.token}-lat`, name: 'lat', 'aria-label': 'lat' });
  const lon = h('input', { type: 'number', step: 'any', id: `q-${q.token}-lon`, name: 'lon', 'aria-label': 'lon' });
  if (q.lat !== null) lat.value = String(q.lat);
  if (q.lon !== null) lon.value = String(q.lon);
  const reason = h('input', { type: 'text', id: `q-${q.token}-reason`, name: 'reason', placeholder: t('refuse_reason'), 'aria-label': t('refuse_reason') });
  const accept = h('button', { type: 'button', class: 'accept' }, t('take_in'));
  const refuse = h('button', { type: 'button', class: 'danger refuse' }, t('refuse'));
  const card = h(
    'div',
    { class: 'card queued', dataset: { token: q.token } },
    h('h2', {}, `${q.serviceCode ? categoryLabel(q.serviceCode) : '—'} · ${formatTime(q.receivedAt, tz)}`),
    h('p', {}, h('strong', {}, t(q.waitsFor === 'photo' ? 'waits_for_photo' : 'waits_for_position'))),
    q.mediaUrl ? h('p', {}, h('a', { href: q.mediaUrl, target: '_blank', rel: 'noopener noreferrer nofollow', class: 'photo-link' }, t('open_photo_link')), h('span', { class: 'muted' }, ` ${q.mediaUrl}`)) : null,
    q.description ? h('p', {}, q.description) : null,
    ...q.notes.map((n) => h('p', { class: 'muted' }, n)),
    q.addressString ? h('p', {}, `${t('address')}: ${q.addressString}`) : null,
    h('p', {}, `${t('reporter')}: ${q.name ?? '—'} `, q.phone ? h('a', { class: 'button secondary call', href: `tel:${q.phone.replace(/[^+\d]/g, '')}` }, `${t('call_reporter')} ${q.phone}`) : null),
    h('div', { class: 'row' }, lat, lon, accept),
    h('div', { class: 'row' }, reason, refuse),
    errors,
  );
  action(accept, async () => {
    const done = await api.post('/api/v1/open311/queue/{token}/accept', {
      path: { token: q.token },
      body: { lat: lat.value === '' ? undefined : Number(lat.value), lon: lon.value === '' ? undefined : Number(lon.value) },
    });
    card.replaceChildren(h('p', { class: 'success decided' }, `${t('taken_in_as')} `, h('strong', {}, done.service_request_id)));
  }, errors);
  action(refuse, async () => {
    await api.post('/api/v1/open311/queue/{token}/refuse', { path: { token: q.token }, body: { reason: reason.value } });
    card.replaceChildren(h('p', { class: 'muted decided' }, t('refused')));
  }, errors);
  return card;
}
