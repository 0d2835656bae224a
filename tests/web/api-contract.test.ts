import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { registry } from '../../server/platform/http/openapi.js';
import { insideArea, loginAs, sharpPhoto, TEST_PASSWORD, testArea, useTestServer } from '../support/db.js';

/**
 * The console's types come from the OpenAPI document, and the document's answers are zod schemas
 * written beside the routes, not derived from the handlers. This drives the calls the console makes
 * on the real app and checks every answer against the schema documented for its status, so a
 * handler that renames a field fails here, not in a browser.
 */
const t = useTestServer({ crews: 2 });

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

function documentedAnswer(method: Method, template: string, status: number): ZodType {
  for (const d of registry.definitions) {
    if (d.type !== 'route' || d.route.method !== method || d.route.path !== template) continue;
    const response = d.route.responses[status];
    const schema = response && 'content' in response ? (response.content?.['application/json'] ?? response.content?.['application/geo+json'])?.schema : undefined;
    if (schema) return schema as ZodType;
  }
  throw new Error(`${method.toUpperCase()} ${template} answers ${status} with no documented JSON schema`);
}

const tokens = new Map<string, string>();
const checked = new Set<string>();

/** Calls the app as the console does (a documented path template) and checks the answer against its schema. */
async function call<T = Record<string, unknown>>(
  user: string | null,
  method: Method,
  template: string,
  request: { path?: Record<string, string | number>; query?: Record<string, string | number>; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (user) {
    if (!tokens.has(user)) tokens.set(user, await loginAs(t.server.baseUrl, t.env.utility, user));
    headers.authorization = `Bearer ${tokens.get(user)}`;
  }
  const isForm = request.body instanceof FormData;
  if (request.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  const url = new URL(template.replace(/\{(\w+)\}/g, (_, name: string) => String(request.path?.[name])), t.server.baseUrl);
  for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, String(value));
  const res = await fetch(url, { method: method.toUpperCase(), headers, body: isForm ? (request.body as FormData) : request.body === undefined ? undefined : JSON.stringify(request.body) });
  const body: unknown = await res.json();
  expect(res.status, `${method.toUpperCase()} ${url.pathname}: ${JSON.stringify(body)}`).toBeLessThan(300);
  const parsed = documentedAnswer(method, template, res.status).safeParse(body);
  expect(parsed.success ? [] : parsed.error.issues, `${method.toUpperCase()} ${template} answers what its schema documents`).toEqual([]);
  checked.add(`${method.toUpperCase()} ${template}`);
  return body as T;
}

/** Every `api.get('/api/v1/...')` (and post, put, patch, delete) the console's source makes. */
function consoleCalls(): Set<string> {
  const calls = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
        for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bapi\.(get|post|put|patch|delete)\(\s*'([^']+)'/g)) calls.add(`${m[1].toUpperCase()} ${m[2]}`);
      }
    }
  };
  walk(path.resolve(import.meta.dirname, '../../web/src'));
  return calls;
}

/** A photo as the report form sends it. */
async function photoForm(fields: Record<string, string | number>): Promise<FormData> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, String(value));
  form.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'bocor.jpg');
  return form;
}

const ticketNumbered = async (number: string): Promise<{ id: number }> => t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first('id');

describe('the answers the console reads match the OpenAPI document', () => {
  it('for a day of reports, plans, dispatch, incidents and reports', { timeout: 120_000 }, async () => {
    t.env.clock.set('2026-11-20T01:00:00Z');
    const old = await call<{ id: number; number: string }>('operator', 'post', '/api/v1/tickets', { body: { lat: insideArea.lat, lon: insideArea.lon, source: 'walk_in', address: 'Jl. Kontrak 0' } });
    t.env.clock.set('2026-11-23T01:30:00Z'); // 09:30 WITA: crews on shift
    tokens.clear(); // sessions expire on the test clock too
    const today = '2026-11-23';
    const jurisdiction = { jurisdiction_id: t.env.utility.code };

    await call(null, 'get', '/api/v1/config', { query: jurisdiction });
    await call(null, 'post', '/api/v1/auth/login', { body: { username: 'admin', password: TEST_PASSWORD, jurisdiction_id: t.env.utility.code } });
    const citizen = await call<{ number: string }>(null, 'post', '/api/v1/reports', { body: await photoForm({ lat: insideArea.lat - 0.01, lon: insideArea.lon + 0.01, phone: '0812 3333 4444', ...jurisdiction }) });
    await call(null, 'get', '/api/v1/reports/{number}', { path: { number: citizen.number }, query: jurisdiction });
    // Under load a report is journalled (202, INTAKE_JOURNAL_AT): the form polls its receipt until the ticket is made.
    t.env.ctx.config.intakeJournalAt = 0;
    const journalled = await call<{ token: string }>(null, 'post', '/api/v1/reports', { body: await photoForm({ lat: insideArea.lat - 0.011, lon: insideArea.lon + 0.01, phone: '0812 3333 4445', ...jurisdiction }) });
    t.env.ctx.config.intakeJournalAt = Infinity;
    expect(journalled.token).toBeTruthy();
    await expect
      .poll(async () => (await call<{ number?: string }>(null, 'get', '/api/v1/reports/receipts/{token}', { path: { token: journalled.token }, query: jurisdiction })).number, { timeout: 20_000 })
      .toMatch(/^LK-/);
    await call('dispatcher', 'get', '/api/v1/crews');

    const tickets: { id: number; number: string }[] = [];
    for (let i = 0; i < 3; i++) {
      tickets.push(await call('operator', 'post', '/api/v1/tickets', { body: { lat: insideArea.lat + 0.004 * i, lon: insideArea.lon - 0.003 * i, source: 'call_centre', address: `Jl. Kontrak ${i + 1}` } }));
    }
    await call('admin', 'get', '/api/v1/tickets', { query: { status: 'received', order: 'oldest', limit: 50, offset: 0 } });
    for (const { id } of tickets.slice(0, 2)) await call('admin', 'post', '/api/v1/tickets/{id}/spk', { path: { id }, body: { priority: 'normal' } });
    await call('admin', 'get', '/api/v1/tickets/{id}', { path: { id: tickets[0].id } });
    // The dispatcher map's open tickets as bare points, and the place search of the report form and the map.
    const points = await call<{ points: number[]; fields: string[] }>('dispatcher', 'get', '/api/v1/tickets/map');
    expect(points.points.length / points.fields.length).toBeGreaterThanOrEqual(4);
    await call(null, 'get', '/api/v1/places', { query: { q: 'Losari', ...jurisdiction } });

    await call('admin', 'post', '/api/v1/tickets/{id}/reject', { path: { id: (await ticketNumbered(citizen.number)).id }, body: { reason: 'Bukan kebocoran', blockReporter: false } });

    const draft = await call<{ id: number }>('dispatcher', 'post', '/api/v1/plans', { body: { date: today } });
    await call('dispatcher', 'get', '/api/v1/plans/{id}/diff', { path: { id: draft.id } });
    const { plan } = await call<{ plan: { routes: { crewId: number; stops: { ticketId: number }[] }[] } }>('dispatcher', 'post', '/api/v1/plans/{id}/publish', { path: { id: draft.id }, body: {} });
    const route = plan.routes.find((r) => r.stops.length > 0);
    expect(route).toBeDefined();
    await call('dispatcher', 'get', '/api/v1/plans', { query: { date: today } });
    await call('dispatcher', 'get', '/api/v1/crews/{id}/route', { path: { id: route!.crewId }, query: { date: today } });
    await call('dispatcher', 'get', '/api/v1/zones', { query: { date: today } });

    // The dispatcher's edits on the map: each answers the draft (an edit of the published plan makes one).
    const edited = await call<{ id: number }>('dispatcher', 'post', '/api/v1/plans/{id}/reoptimise', { path: { id: draft.id } });
    const moved = route!.stops[route!.stops.length - 1].ticketId;
    const other = t.env.crews.find((c) => c !== route!.crewId)!;
    const onDraft = (extra: Record<string, number>) => ({ path: { id: edited.id, ...extra } });
    await call('dispatcher', 'post', '/api/v1/plans/{id}/pins', { ...onDraft({}), body: { ticketId: moved, crewId: other } });
    await call('dispatcher', 'delete', '/api/v1/plans/{id}/pins/{ticketId}', onDraft({ ticketId: moved }));
    await call('dispatcher', 'post', '/api/v1/plans/{id}/removals', { ...onDraft({}), body: { ticketId: moved } });
    await call('dispatcher', 'delete', '/api/v1/plans/{id}/removals/{ticketId}', onDraft({ ticketId: moved }));
    await call('dispatcher', 'put', '/api/v1/plans/{id}/locks/{crewId}', { ...onDraft({ crewId: route!.crewId }), body: {} });
    await call('dispatcher', 'delete', '/api/v1/plans/{id}/locks/{crewId}', onDraft({ crewId: route!.crewId }));
    await call('dispatcher', 'get', '/api/v1/plans/{id}', { path: { id: edited.id } });
    // The console's way: a solve as a job (202), polled until it ends, then its cancel (a finished job is answered as it is).
    const job = await call<{ id: string; state: string }>('dispatcher', 'post', '/api/v1/plans/{id}/reoptimise', { path: { id: edited.id }, headers: { prefer: 'respond-async' } });
    let state = job.state;
    for (let i = 0; i < 600 && !['done', 'failed', 'cancelled'].includes(state); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = (await call<{ state: string }>('dispatcher', 'get', '/api/v1/plan-jobs/{id}', { path: { id: job.id } })).state;
    }
    expect(state).toBe('done');
    await call('dispatcher', 'delete', '/api/v1/plan-jobs/{id}', { path: { id: job.id } });

    // The crew's day on its phone, and the admin's verification.
    const crewUser = `crew${t.env.crews.indexOf(route!.crewId) + 1}`;
    const stop = { path: { id: route!.stops[0].ticketId } };
    await call(crewUser, 'post', '/api/v1/tickets/{id}/arrive', { ...stop, body: {} });
    await call(crewUser, 'post', '/api/v1/tickets/{id}/escalate', { ...stop, body: { note: 'Perlu ekskavator' } });
    await call(crewUser, 'post', '/api/v1/tickets/{id}/fix', { ...stop, body: await photoForm({}) });
    await call('admin', 'post', '/api/v1/tickets/{id}/return', { ...stop, body: { note: 'Masih bocor' } });
    await call(crewUser, 'post', '/api/v1/tickets/{id}/arrive', { ...stop, body: {} });
    await call(crewUser, 'post', '/api/v1/tickets/{id}/fix', { ...stop, body: await photoForm({}) });
    await call('admin', 'post', '/api/v1/tickets/{id}/close', { ...stop, body: {} });

    await call('admin', 'post', '/api/v1/tickets/{id}/spk', { path: { id: tickets[2].id }, body: { priority: 'high' } });
    const suggestions = await call<{ options: { crewId: number }[] }>('dispatcher', 'get', '/api/v1/dispatch/suggestions', { query: { ticketId: tickets[2].id } });
    expect(suggestions.options.length).toBeGreaterThan(0);
    await call('dispatcher', 'post', '/api/v1/dispatch', { body: { ticketId: tickets[2].id, crewId: suggestions.options[0].crewId } });

    const incident = await call<{ id: number }>('dispatcher', 'post', '/api/v1/incidents', {
      body: { title: 'Pipa induk kontrak', centre: { lat: -5.135, lon: 119.435 }, radiusMetres: 200, messageId: 'Sedang ditangani tim URC' },
    });
    await call(null, 'get', '/api/v1/incidents', { query: jurisdiction });
    await call('dispatcher', 'patch', '/api/v1/incidents/{id}', { path: { id: incident.id }, body: { status: 'restored', messageId: 'Aliran air sudah normal kembali' } });

    await call('kabag', 'put', '/api/v1/analytics/pending/{id}/explanation', { path: { id: old.id }, body: { explanation: 'Menunggu pipa' } });
    const pending = await call<{ items: { ticketId: number; explanation: string | null }[] }>('kabag', 'get', '/api/v1/analytics/pending', { query: { minHours: 24 } });
    expect(pending.items.find((i) => i.ticketId === old.id)?.explanation).toBe('Menunggu pipa');
    await call('kabag', 'get', '/api/v1/analytics/heatmap', { query: { from: '2026-11-01', to: today, zoom: 13, priority: 'normal,high' } });
    await call('kabag', 'get', '/api/v1/analytics/points', { query: { month: '2026-11' } });

    // A Critical ticket past its response time: the escalation lands in the Direktur's inbox.
    const { runTick } = await import('../../server/worker.js');
    const critical = await call<{ id: number }>('operator', 'post', '/api/v1/tickets', { body: { lat: insideArea.lat, lon: insideArea.lon, source: 'call_centre' } });
    await call('admin', 'post', '/api/v1/tickets/{id}/spk', { path: { id: critical.id }, body: { priority: 'critical' } });
    t.env.clock.advanceMinutes(20);
    tokens.clear();
    await runTick(t.env.ctx, { utilityIds: [t.env.utility.id] });
    const inbox = await call<{ items: { id: number }[] }>('direktur', 'get', '/api/v1/inbox', { query: { limit: 100 } });
    expect(inbox.items.length).toBeGreaterThan(0);
    await call('direktur', 'post', '/api/v1/inbox/{id}/read', { path: { id: inbox.items[0].id } });
    // The ticket page's priority change.
    await call('admin', 'post', '/api/v1/tickets/{id}/priority', { path: { id: critical.id }, body: { priority: 'high' } });

    // The admin's message texts and failed messages (#/pesan).
    const templates = await call<{ items: { kind: string; lang: string }[] }>('admin', 'get', '/api/v1/notifications/templates');
    expect(templates.items.length).toBeGreaterThan(20);
    await call('admin', 'post', '/api/v1/notifications/templates/preview', { body: { subject: 'Laporan {{number}}', body: 'Baik {{name}}' } });
    await call('admin', 'put', '/api/v1/notifications/templates/{kind}/{lang}', { path: { kind: 'ticket.closed', lang: 'id' }, body: { subject: 'Selesai {{number}}', body: 'Baik {{name}}, selesai.' } });
    await call('admin', 'delete', '/api/v1/notifications/templates/{kind}/{lang}', { path: { kind: 'ticket.closed', lang: 'id' } });
    const delivery = await t.env.db('notification_deliveries').where({ utility_id: t.env.utility.id }).first('id');
    await t.env.db('notification_deliveries').where({ id: delivery.id }).update({ status: 'failed' });
    const failed = await call<{ items: { id: number }[] }>('admin', 'get', '/api/v1/notifications/deliveries', { query: { status: 'failed', limit: 50 } });
    expect(failed.items.map((d) => d.id)).toEqual([delivery.id]);
    await call('admin', 'post', '/api/v1/notifications/deliveries/{id}/retry', { path: { id: delivery.id } });
    // The citizen's side (issue 13): nearby reports, follow-up link, first-contact answer, rating, charter.
    tokens.clear();
    await call(null, 'get', '/api/v1/reports/nearby', { query: { lat: insideArea.lat - 0.01, lon: insideArea.lon + 0.01, ...jurisdiction } });
    const second = await call<{ followUpUrl: string }>(null, 'post', '/api/v1/reports', { body: await photoForm({ lat: insideArea.lat - 0.012, lon: insideArea.lon + 0.01, phone: '0812 3333 5555', ...jurisdiction }) });
    const followToken = second.followUpUrl.split('/').pop()!;
    await call(null, 'get', '/api/v1/follow-up', { query: { token: followToken, ...jurisdiction } });
    await call(null, 'post', '/api/v1/follow-up', { body: await photoForm({ token: followToken, note: 'Tambahan', ...jurisdiction }) });
    const answer = await call<{ id: number }>('admin', 'post', '/api/v1/answers', { body: { title: { id: 'Info tagihan', en: 'Billing info' }, answer: { id: 'Tagihan dapat dicek di loket.', en: 'Bills can be checked at the desk.' } } });
    await call('operator', 'get', '/api/v1/answers');
    const walkIn = await call<{ id: number }>('operator', 'post', '/api/v1/tickets', { body: { lat: insideArea.lat + 0.001, lon: insideArea.lon, source: 'walk_in', phone: '0812 3333 6666' } });
    await call('operator', 'post', '/api/v1/tickets/{id}/answer', { path: { id: walkIn.id }, body: { answerId: answer.id } });
    const { ratingLinkFor } = await import('../../server/features/satisfaction/service.js');
    // Answered at first contact is closed too: the caller rates it like a repair.
    const rateLink = (await ratingLinkFor(t.env.ctx, t.env.utility, walkIn.id))!.split('/').pop()!;
    await call(null, 'get', '/api/v1/ratings', { query: { token: rateLink, ...jurisdiction } });
    await call(null, 'post', '/api/v1/ratings', { body: { token: rateLink, score: 4, ...jurisdiction } });
    await call(null, 'get', '/api/v1/charter', { query: jurisdiction });
    await call('admin', 'put', '/api/v1/answers/{id}', { path: { id: answer.id }, body: { title: { id: 'Info tagihan', en: 'Billing info' }, answer: { id: 'Cek di loket.', en: 'Ask at the desk.' }, active: false } });
    await call('admin', 'put', '/api/v1/charter', { body: { pledge: { id: 'Kami melayani.', en: 'We serve.' } } });
    // Lost receipt: the phone proven by a code, then its reports.
    const started = await call<{ id: number }>(null, 'post', '/api/v1/verifications', { body: { phone: '0812 3333 5555', ...jurisdiction } });
    const sent = await t.env.db('notification_events').where({ utility_id: t.env.utility.id, source_key: `phone-code:${started.id}` }).first('data');
    const proven = await call<{ token: string }>(null, 'post', '/api/v1/verifications/{id}/confirm', { path: { id: started.id }, body: { code: sent.data.code, ...jurisdiction } });
    await call(null, 'post', '/api/v1/follow-up/by-phone', { body: { phone: '0812 3333 5555', proof: proven.token, ...jurisdiction } });
    // The ticket page: merge, the merged list, take out; detach from an incident; unblock.
    const [kept, same] = [
      await call<{ id: number; number: string }>('operator', 'post', '/api/v1/tickets', { body: { lat: insideArea.lat + 0.008, lon: insideArea.lon + 0.008, source: 'call_centre' } }),
      await call<{ id: number }>('operator', 'post', '/api/v1/tickets', { body: { lat: insideArea.lat + 0.008, lon: insideArea.lon + 0.008, source: 'walk_in' } }),
    ];
    await call('operator', 'post', '/api/v1/tickets/{id}/merge', { path: { id: same.id }, body: { into: kept.number } });
    await call('operator', 'get', '/api/v1/tickets/{id}/merged', { path: { id: kept.id } });
    await call('operator', 'post', '/api/v1/tickets/{id}/unmerge', { path: { id: same.id }, body: {} });
    await call('dispatcher', 'post', '/api/v1/incidents', { body: { title: 'Pipa induk kedua', centre: { lat: insideArea.lat - 0.015, lon: insideArea.lon - 0.015 }, radiusMetres: 200, messageId: 'Sedang ditangani' } });
    const inside = await call<{ id: number; status: string }>('operator', 'post', '/api/v1/tickets', { body: { lat: insideArea.lat - 0.015, lon: insideArea.lon - 0.015, source: 'call_centre' } });
    expect(inside.status).toBe('attached');
    await call('dispatcher', 'post', '/api/v1/tickets/{id}/detach', { path: { id: inside.id }, body: {} });
    const hoax = await call<{ id: number }>('operator', 'post', '/api/v1/tickets', { body: { lat: insideArea.lat + 0.011, lon: insideArea.lon - 0.012, source: 'call_centre', phone: '0812 3333 7777' } });
    // The ticket page's reporter contact, and the reports page's time to first reply (issue 12).
    await call('admin', 'put', '/api/v1/tickets/{id}/reporter-contact', { path: { id: hoax.id }, body: { preferredChannel: 'sms', language: 'en' } });
    await call('kabag', 'get', '/api/v1/notifications/first-reply', { query: { from: '2026-11-01', to: '2026-11-30' } });
    await call('admin', 'post', '/api/v1/tickets/{id}/reject', { path: { id: hoax.id }, body: { reason: 'Hoaks', blockReporter: true } });
    await call('operator', 'post', '/api/v1/reporters/unblock', { body: { phone: '0812 3333 7777', reason: 'Salah paham' } });
    // The Open311 queue (#/open311).
    const { newKey } = await import('../open311/support.js');
    const apiKey = await newKey(t.env);
    const waiting: string[] = [];
    for (const phone of ['0812 3333 8881', '0812 3333 8882']) {
      const res = await fetch(`${t.server.baseUrl}/open311/v2/requests.json`, {
        method: 'POST',
        body: new URLSearchParams({ api_key: apiKey, service_code: 'visible_leak', lat: String(insideArea.lat), long: String(insideArea.lon - 0.01), phone, media_url: 'https://photos.example.org/x.jpg' }),
      });
      waiting.push(((await res.json()) as { token: string }[])[0].token);
    }
    await call('operator', 'get', '/api/v1/open311/queue');
    await call('operator', 'post', '/api/v1/open311/queue/{token}/accept', { path: { token: waiting[0] }, body: {} });
    await call('operator', 'post', '/api/v1/open311/queue/{token}/refuse', { path: { token: waiting[1] }, body: { reason: 'Bukan kebocoran' } });

    // The admin's set-up (issue 15): crews (#/atur-regu) and staff accounts (#/atur-staf).
    tokens.clear();
    await call('admin', 'get', '/api/v1/admin/crews');
    const week = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, { start: '08:00', end: '16:00' }]));
    const crewBody = { code: 'K-1', name: 'Regu Kontrak', base: { lat: insideArea.lat, lon: insideArea.lon }, members: [{ name: 'Andi', phone: '0812 1111 2222' }], shifts: week, equipment: ['pompa'] };
    const crew = await call<{ id: number }>('admin', 'post', '/api/v1/admin/crews', { body: crewBody });
    await call('admin', 'put', '/api/v1/admin/crews/{id}', { path: { id: crew.id }, body: { ...crewBody, active: false } });
    const sheet = new FormData();
    sheet.set('file', new Blob([`code,name,lat,lon,mon\nK-2,Regu Kontrak Dua,${insideArea.lat},${insideArea.lon},08:00-16:00\n`], { type: 'text/csv' }), 'regu.csv');
    await call('admin', 'post', '/api/v1/admin/crews/import', { query: { dryRun: 'true' }, body: sheet });
    await call('admin', 'get', '/api/v1/admin/staff');
    const made = await call<{ account: { id: number } }>('admin', 'post', '/api/v1/admin/staff', { body: { username: 'kontrak', displayName: 'Staf Kontrak', role: 'operator' } });
    await call('admin', 'patch', '/api/v1/admin/staff/{id}', { path: { id: made.account.id }, body: { role: 'dispatcher' } });
    await call('admin', 'post', '/api/v1/admin/staff/{id}/password-reset', { path: { id: made.account.id } });

    // The admin's service area and regions (#/atur-wilayah): the stored ones, a preview, the import.
    const geography = await call<{ regions: { features: { properties: { name: string } }[] } }>('admin', 'get', '/api/v1/geography');
    expect(geography.regions.features.map((f) => f.properties.name)).toEqual(['Region One']);
    const { minLon, minLat, maxLon, maxLat } = testArea;
    const regions = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Region One' }, geometry: { type: 'Polygon', coordinates: [[[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]]] } }] };
    expect((await call<{ ok: boolean }>('admin', 'post', '/api/v1/geography/preview', { body: { regions } })).ok).toBe(true);
    await call('admin', 'put', '/api/v1/geography', { body: { regions, source: 'file' } });

    // The admin's leak categories (#/atur-kategori).
    expect((await call<{ items: unknown[] }>('admin', 'get', '/api/v1/categories')).items).toHaveLength(5);
    await call('admin', 'put', '/api/v1/categories/{code}', { path: { code: 'meter_leak' }, body: { repairMinutes: 25 } });

    // The admin's settings page (#/atur-sistem): read, change one value, put it back to the SOP.
    const settings = await call<{ defaults: { speedKmh: number } }>('admin', 'get', '/api/v1/settings');
    expect(settings.defaults.speedKmh).toBe(20);
    await call('admin', 'patch', '/api/v1/settings', { body: { speedKmh: 25 } });
    await call('admin', 'patch', '/api/v1/settings', { body: { speedKmh: null } });

    // Logout and the password change answer 204 with no body: nothing to check.
    const unchecked = [...consoleCalls()].filter((c) => !checked.has(c) && c !== 'POST /api/v1/auth/logout' && c !== 'POST /api/v1/auth/password');
    expect(unchecked, 'console calls this test does not check yet').toEqual([]);
  });
});
