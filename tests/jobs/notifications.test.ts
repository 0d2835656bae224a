/**
 * The notification outbox end to end: a report's whole life sends the expected
 * messages through a real SMTP server (smtp-server) and real HTTP receivers on
 * loopback that check each provider's documented request shape, once each;
 * retries with back-off, the attempt log and the admin's failure list; quiet
 * hours; opt-out; two workers racing.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../server/platform/db/knex.js';
import type { AppContext } from '../../server/platform/context.js';
import { runTick } from '../../server/worker.js';
import { submitReport } from '../../server/features/tickets/intake.service.js';
import { createIncident, updateIncident } from '../../server/features/incidents/service.js';
import { createTestEnv, insideArea, loginAs, requireDatabaseUrl, startServer, type TestEnv } from '../support/db.js';
import { act, staffUser, tick } from './helpers.js';
import { approvedTemplates, mailText, startProviders, startSmtp } from './providers.js';

const APP_SECRET = 'meta-app-secret-for-tests';
let env: TestEnv;
let providers: Awaited<ReturnType<typeof startProviders>>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let api: { baseUrl: string; close(): Promise<void> };

/** An API call as the admin (logged in afresh: the tests move the clock by days, past any session). */
async function call(method: string, path: string, body?: unknown, asUser?: string) {
  const token = await loginAs(api.baseUrl, env.utility, asUser ?? 'admin');
  const res = await fetch(`${api.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  env = await createTestEnv({ crews: 2 });
  env.ctx.config.webhookAllowedHosts = ['127.0.0.1'];
  providers = await startProviders();
  smtp = await startSmtp();
  api = await startServer(env.ctx);
  expect((await call('PUT', '/api/v1/notifications/channels/whatsapp', { provider: 'whatsapp_cloud', config: { baseUrl: providers.base, apiVersion: 'v21.0', phoneNumberId: '106540352242922', accessToken: 'EAAG-test-token', templates: approvedTemplates, appSecret: APP_SECRET } })).status).toBe(204);
  expect(
    (await call('PUT', '/api/v1/notifications/channels/sms', { provider: 'http_gateway', config: { url: `${providers.base}/sms/send`, authHeaderName: 'X-API-Key', authHeaderValue: 'gw-secret', bodyTemplate: '{"msisdn":"{{toLocal}}","text":"{{body}}","ref":"{{id}}"}' } })).status,
  ).toBe(204);
  expect((await call('PUT', '/api/v1/notifications/channels/email', { provider: 'smtp', config: { host: '127.0.0.1', port: smtp.port, from: 'PDAM Uji <noreply@pdam.test>' } })).status).toBe(204);
});
afterAll(async () => {
  await api?.close();
  await providers?.close();
  await smtp?.close();
  await env?.close();
});

/** 10:00 WITA on a day of its own: outside the quiet hours. */
let day = 0;
function daytime(): Date {
  day += 2;
  env.clock.set(new Date(Date.UTC(2027, 1, 1, 2, 0) + day * 86_400_000));
  return env.clock.now();
}

async function report(phone: string, name = 'Natalia') {
  return submitReport(env.ctx, env.utility, { ...insideArea, phone, name, source: 'call_centre', category: 'visible_leak', description: 'Pipa bocor' }, await staffUser(env, 'operator'));
}
const setReporter = (phone: string, fields: Record<string, unknown>) => env.db('reporters').where({ utility_id: env.utility.id, phone }).update(fields);
const whatsappTo = (waId: string) => providers.whatsappTo(waId);

/** The reporter writes to the utility on WhatsApp (Meta's signed webhook): the 24-hour window for free text opens. */
async function writesOnWhatsapp(waId: string, text: string) {
  const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', messages: [{ from: waId, id: `wamid.in.${waId}`, timestamp: '1', type: 'text', text: { body: text } }] } }] }] });
  const signature = `sha256=${crypto.createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
  const res = await fetch(`${api.baseUrl}/api/v1/inbound/whatsapp?jurisdiction_id=${env.utility.code}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body });
  expect(res.status).toBe(200);
  return res.json();
}

describe("a report's whole life, through the real receivers, once each", () => {
  it('WhatsApp (the default order): received, SPK, crew on the way with the estimate, fixed, closed; nothing twice', async () => {
    daytime();
    const r = await report('0812-7000-0001');
    await tick(env);
    env.clock.advanceMinutes(5);
    await act(env, 'admin', r.id, 'issue_spk', { priority: 'high' });
    await tick(env);
    await act(env, 'dispatcher', r.id, 'assign', { crewId: env.crews[0] });
    await act(env, 'crew1', r.id, 'arrive');
    await tick(env);
    await act(env, 'crew1', r.id, 'fix');
    await act(env, 'admin', r.id, 'close');
    await tick(env);
    await tick(env);
    await tick(env);

    const bodies = whatsappTo('6281270000001');
    expect(bodies).toHaveLength(5);
    expect(bodies[0]).toContain(`Baik Bapak/Ibu Natalia, laporan kebocoran`);
    expect(bodies[0]).toContain(r.number);
    expect(bodies[0]).toContain(`/api/v1/reports/${r.number}`);
    expect(bodies[1]).toContain('Surat Perintah Kerja telah diterbitkan');
    expect(bodies[2]).toMatch(/Perkiraan selesai: \d{4}-\d{2}-\d{2} \d{2}:\d{2} WITA/);
    expect(bodies[3]).toContain('sudah diperbaiki');
    expect(bodies[4]).toContain('telah selesai ditangani');
    // The Cloud API's documented request: POST /{version}/{phone-number-id}/messages, Bearer token; the reporter never
    // wrote to the utility, so outside the 24-hour window each is the approved template with its body parameters.
    const sent = providers.whatsapp.find((x) => JSON.parse(x.body).to === '6281270000001')!;
    expect(sent.path).toBe('/v21.0/106540352242922/messages');
    expect(sent.headers.authorization).toBe('Bearer EAAG-test-token');
    expect(sent.headers['content-type']).toBe('application/json');
    expect(Object.keys(JSON.parse(sent.body)).sort()).toEqual(['messaging_product', 'recipient_type', 'template', 'to', 'type']);
    expect(JSON.parse(sent.body)).toMatchObject({ messaging_product: 'whatsapp', recipient_type: 'individual', type: 'template', template: { name: 'ticket_received', language: { code: 'id' } } });
    expect(JSON.parse(sent.body).template.components[0].parameters[0]).toEqual({ type: 'text', text: 'Bapak/Ibu Natalia' });
    // Each delivery's provider id is kept.
    const rows = await env.db('notification_deliveries as d').join('notification_events as e', 'e.id', 'd.event_id').where('e.ticket_id', r.id).orderBy('d.id').select('e.kind', 'd.status', 'd.provider_ref', 'd.attempts');
    expect(rows.map((x) => x.kind)).toEqual(['ticket.received', 'ticket.spk_issued', 'ticket.assigned', 'ticket.fixed', 'ticket.closed']);
    expect(rows.every((x) => x.status === 'delivered' && x.attempts === 1 && /^wamid\./.test(x.provider_ref))).toBe(true);
  });

  it('e-mail for a reporter who prefers it (SMTP), in English when they read English; a re-report within 6 h and its messages', async () => {
    daytime();
    const r = await report('0812-7000-0002', 'John');
    await setReporter('+6281270000002', { email: 'john@example.org', preferred_channel: 'email', language: 'en' });
    // The first message was fanned out before the preference? No: fan-out reads it at the tick.
    await tick(env);
    await act(env, 'admin', r.id, 'issue_spk', { priority: 'normal' });
    await act(env, 'dispatcher', r.id, 'assign', { crewId: env.crews[1] });
    await act(env, 'crew2', r.id, 'arrive');
    await act(env, 'crew2', r.id, 'fix');
    await tick(env);
    env.clock.advanceMinutes(120);
    const again = await report('0812-7000-0002', 'John');
    expect(again.repeat).toMatchObject({ kind: 're_report' });
    await tick(env);
    await tick(env);
    const mine = smtp.mails.filter((m) => m.to.includes('john@example.org'));
    const subjects = mine.map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1]);
    expect(subjects).toEqual([`Report ${r.number} received`, `Work order for report ${r.number}`, `Crew on the way (${r.number})`, `Report ${r.number} repaired`, `Repeat report ${r.number} received`]);
    expect(mine.every((m) => m.from === 'noreply@pdam.test')).toBe(true);
    expect(mailText(mine[0].raw)).toContain('Dear Sir/Madam John');
    // The crew and the admin hear that the reporter reopened it.
    const staffNotes = await env.db('notifications as n').join('staff_users as u', 'u.id', 'n.user_id').where({ 'n.ticket_id': r.id, 'n.kind': 'ticket.reopened' }).select('u.username');
    expect(staffNotes.map((n) => n.username).sort()).toEqual(['admin', 'crew2']);
  });

  it('SMS through the generic gateway (its URL, auth header and body template); a rejection carries the public reason, never the internal note', async () => {
    daytime();
    const r = await report('0812-7000-0003');
    await setReporter('+6281270000003', { preferred_channel: 'sms' });
    await act(env, 'admin', r.id, 'reject', { reason: 'Pelapor iseng, nomor sering dipakai untuk hoaks' });
    await tick(env);
    const mine = providers.sms.filter((x) => JSON.parse(x.body).msisdn === '081270000003');
    expect(mine).toHaveLength(2);
    expect(mine[0].path).toBe('/sms/send');
    expect(mine[0].headers['x-api-key']).toBe('gw-secret');
    const sent = JSON.parse(mine[1].body);
    expect(sent.text).toContain('tidak dapat kami proses');
    expect(sent.text).not.toContain('iseng');
    expect(sent.ref).toMatch(/^tirta-\d+$/);
    // With a public reason, the reporter reads that one.
    const second = await report('0812-7000-0003');
    await act(env, 'admin', second.id, 'reject', { reason: 'Catatan internal: duplikat', publicReason: 'lokasi di luar jaringan pipa PDAM' });
    await tick(env);
    const last = JSON.parse(providers.sms.filter((x) => JSON.parse(x.body).msisdn === '081270000003').at(-1)!.body).text;
    expect(last).toContain('lokasi di luar jaringan pipa PDAM');
    expect(last).not.toContain('internal');
    expect(mine[1].headers['idempotency-key']).toBe(sent.ref);
  });

  it('incident steps: attached, progress, restored reach the attached reporter', async () => {
    daytime();
    const admin = await staffUser(env, 'admin');
    const incident = await createIncident(env.ctx, env.utility, admin, { title: 'Pipa induk Jl. Perintis', centre: insideArea, radiusMetres: 300, messageId: 'Perbaikan oleh petugas', messageEn: 'Being repaired' });
    const r = await report('0812-7000-0004');
    expect(r.status).toBe('attached');
    await updateIncident(env.ctx, env.utility, admin, incident.id, { status: 'repairing', messageId: 'Sedang diperbaiki, estimasi 3 jam', estimatedRestoreAt: new Date(env.clock.now().getTime() + 3 * 3_600_000) });
    await tick(env);
    await updateIncident(env.ctx, env.utility, admin, incident.id, { status: 'restored' });
    await tick(env);
    const bodies = whatsappTo('6281270000004');
    expect(bodies).toHaveLength(3);
    expect(bodies[0]).toContain('Pipa induk Jl. Perintis');
    expect(bodies[1]).toContain('Sedang diperbaiki, estimasi 3 jam');
    expect(bodies[2]).toContain('normal kembali');
  });
});

describe('when, how often, and what the admin sees', () => {
  it('quiet hours: a non-urgent message at 22:00 WITA waits for 06:00', async () => {
    const start = daytime();
    env.clock.set(new Date(start.getTime() + 12 * 3_600_000)); // 22:00 WITA
    const r = await report('0812-7000-0005');
    await tick(env);
    env.clock.advanceMinutes(7 * 60); // 05:00
    await tick(env);
    expect(whatsappTo('6281270000005')).toHaveLength(0);
    // The reporter's WhatsApp message: the ticket's events may also have given staff deliveries (in no set order).
    const [d] = await env.db('notification_deliveries as d').join('notification_events as e', 'e.id', 'd.event_id').where({ 'e.ticket_id': r.id, 'd.channel': 'whatsapp' }).select('d.next_attempt_at');
    expect(d.next_attempt_at.toISOString()).toBe(new Date(start.getTime() + 20 * 3_600_000).toISOString()); // 06:00 WITA
    env.clock.advanceMinutes(61);
    await tick(env);
    expect(whatsappTo('6281270000005')).toHaveLength(1);
  });

  it('retries with back-off, logs every attempt; a refused message shows as failed to the admin and can be sent again', async () => {
    daytime();
    providers.script.whatsapp.push(500, 503);
    const r = await report('0812-7000-0006');
    await tick(env);
    const delivery = () => env.db('notification_deliveries as d').join('notification_events as e', 'e.id', 'd.event_id').where({ 'e.ticket_id': r.id, 'd.channel': 'whatsapp' }).first('d.*');
    expect((await delivery()).status).toBe('pending');
    env.clock.advanceMinutes(0.5);
    await tick(env); // back-off 60 s: not yet
    expect((await delivery()).attempts).toBe(1);
    env.clock.advanceMinutes(0.6);
    await tick(env); // second attempt, fails: next in 120 s
    env.clock.advanceMinutes(2.1);
    await tick(env);
    const d = await delivery();
    expect([d.status, d.attempts]).toEqual(['delivered', 3]);
    const attempts = await call('GET', `/api/v1/notifications/deliveries/${d.id}/attempts`);
    expect(attempts.body.map((a: { ok: boolean }) => a.ok)).toEqual([false, false, true]);
    expect(attempts.body[0].error).toContain('HTTP 500');

    // A 400 will be refused again: failed at once, visible in the admin's list, sent again on request.
    providers.script.whatsapp.push(400);
    const bad = await report('0812-7000-0007');
    await tick(env);
    const failed = await call('GET', '/api/v1/notifications/deliveries?status=failed');
    const item = failed.body.items.find((i: { ticketNumber: string }) => i.ticketNumber === bad.number);
    expect(item).toMatchObject({ status: 'failed', channel: 'whatsapp', recipient: '+6281270000007', attempts: 1 });
    expect(item.lastError).toContain('HTTP 400');
    expect(failed.body.counts.failed).toBeGreaterThanOrEqual(1);
    expect((await call('POST', `/api/v1/notifications/deliveries/${item.id}/retry`)).body).toEqual({ id: item.id, status: 'pending' });
    await tick(env);
    expect(whatsappTo('6281270000007')).toHaveLength(2);
    expect((await call('POST', `/api/v1/notifications/deliveries/${item.id}/retry`)).status).toBe(404);
  });

  it('opt-out by reply keyword: nothing more goes to that number', async () => {
    daytime();
    const r = await report('0812-7000-0008');
    await tick(env);
    expect((await call('POST', '/api/v1/notifications/replies', { phone: '0812-7000-0008', text: 'halo' })).body).toEqual({ optedOut: false, optedIn: false });
    expect((await call('POST', '/api/v1/notifications/replies', { phone: '0812-7000-0008', text: ' stop ' })).body).toEqual({ optedOut: true, optedIn: false });
    await act(env, 'admin', r.id, 'issue_spk', { priority: 'normal' });
    await tick(env);
    expect(whatsappTo('6281270000008')).toHaveLength(1);
  });

  it('two workers and a restart: every message once', async () => {
    daytime();
    const ids = [];
    for (let i = 0; i < 8; i++) ids.push((await report(`0812-7100-00${String(i).padStart(2, '0')}`)).id);
    const second = createDb(requireDatabaseUrl(), 4);
    const ctx2: AppContext = { ...env.ctx, db: second };
    try {
      await Promise.all([tick(env), runTick(ctx2, { utilityIds: [env.utility.id] }), runTick(ctx2, { utilityIds: [env.utility.id] })]);
      await Promise.all([tick(env), runTick(ctx2, { utilityIds: [env.utility.id] })]);
    } finally {
      await second.destroy();
    }
    const sent = providers.whatsapp.map((x) => JSON.parse(x.body).to as string).filter((to) => to.startsWith('628127100'));
    expect(sent).toHaveLength(8);
    expect(new Set(sent).size).toBe(8);
  });

  it('templates: the admin edits a text with a preview; unknown placeholders are refused naming the field; the next message uses it', async () => {
    daytime();
    const list = await call('GET', '/api/v1/notifications/templates');
    expect(list.body.items.find((t: { kind: string; lang: string }) => t.kind === 'ticket.received' && t.lang === 'id')).toMatchObject({ isDefault: true });
    const text = { subject: 'Laporan {{number}}', body: 'Yth. {{name}}, laporan {{number}} sudah kami catat. Cek: {{statusUrl}}' };
    const preview = await call('POST', '/api/v1/notifications/templates/preview', text);
    expect(preview.body.body).toBe('Yth. Bapak/Ibu Natalia, laporan LK-2026-000123 sudah kami catat. Cek: https://pdam.example.go.id/#/status/LK-2026-000123');
    const refused = await call('PUT', '/api/v1/notifications/templates/ticket.received/id', { ...text, body: 'Halo {{nama}}' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error.details.fields[0].field).toBe('body');
    expect((await call('PUT', '/api/v1/notifications/templates/ticket.received/id', text)).body).toMatchObject({ ...text, isDefault: false });
    const r = await report('0812-7000-0009', 'Ani');
    // Ani wrote first: inside the 24-hour window the message goes as the utility's own (edited) text.
    await writesOnWhatsapp('6281270000009', 'Halo, ini Ani');
    await tick(env);
    expect(whatsappTo('6281270000009')).toEqual([`Yth. Bapak/Ibu Ani, laporan ${r.number} sudah kami catat. Cek: /api/v1/reports/${r.number}?jurisdiction_id=${encodeURIComponent(env.utility.code)}`]);
    expect((await call('DELETE', '/api/v1/notifications/templates/ticket.received/id')).body).toMatchObject({ isDefault: true });
    // Channels are listed with their secrets masked.
    const channels = await call('GET', '/api/v1/notifications/channels');
    expect(channels.body.find((c: { channel: string }) => c.channel === 'whatsapp').config.accessToken).toBe('••••••');
    expect((await call('GET', '/api/v1/notifications/templates', undefined, 'kabag')).status).toBe(403);
  });
});

describe('time to first reply per channel against the 2 h standard (seed 004)', () => {
  it('counts each report once, on the channel of its first message; the night report answered at 06:00 is late', async () => {
    const res = await call('GET', '/api/v1/notifications/first-reply?from=2027-02-01&to=2027-03-31', undefined, 'kabag');
    expect(res.status).toBe(200);
    const by = Object.fromEntries(res.body.channels.map((c: { channel: string }) => [c.channel, c]));
    expect(res.body.standardMinutes).toBe(120);
    expect(by.email).toMatchObject({ tickets: 1, withinStandard: 1, withinStandardPct: 100 });
    expect(by.sms).toMatchObject({ tickets: 2, withinStandard: 2 });
    expect(by.whatsapp.withinStandard).toBe(by.whatsapp.tickets - 1);
    expect(by.whatsapp.p90Minutes).toBeGreaterThan(0);
    expect((await call('GET', '/api/v1/notifications/first-reply?from=2027-03-01&to=2027-02-01', undefined, 'kabag')).status).toBe(400);
    expect((await call('GET', '/api/v1/notifications/first-reply?from=2027-02-01&to=2027-03-31', undefined, 'crew1')).status).toBe(403);
  });
});

describe('phone verification by one-time code through the gateway', () => {
  it('sends a code by SMS, refuses a wrong one naming the field, proves the number with the right one, and limits codes per hour', async () => {
    daytime();
    const { isPhoneProven } = await import('../../server/features/notifications/verification.service.js');
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${api.baseUrl}${path}?jurisdiction_id=${env.utility.code}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as any };
    };
    const started = await post('/api/v1/verifications', { phone: '0812-7200-0001' });
    expect(started.status).toBe(201);
    expect(JSON.stringify(started.body)).not.toMatch(/\d{6}/);
    await tick(env);
    const sms = providers.sms.filter((x) => JSON.parse(x.body).msisdn === '081272000001');
    expect(sms).toHaveLength(1);
    const code = /: (\d{6})\./.exec(JSON.parse(sms[0].body).text)![1]; // the code after the utility name (which may hold digits)
    expect(JSON.parse(sms[0].body).text).toContain('Berlaku 10 menit');

    const wrong = await post(`/api/v1/verifications/${started.body.id}/confirm`, { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.fields[0]).toEqual({ field: 'code', message: 'wrong code; 4 tries left' });
    const ok = await post(`/api/v1/verifications/${started.body.id}/confirm`, { code });
    expect(ok.status).toBe(200);
    expect(ok.body.phone).toBe('+6281272000001');
    expect(await isPhoneProven(env.db, env.utility.id, '+6281272000001', ok.body.token, env.clock.now())).toBe(true);
    expect(await isPhoneProven(env.db, env.utility.id, '+6281272000002', ok.body.token, env.clock.now())).toBe(false);
    env.clock.advanceMinutes(61);
    expect(await isPhoneProven(env.db, env.utility.id, '+6281272000001', ok.body.token, env.clock.now())).toBe(false);
    expect((await post(`/api/v1/verifications/${started.body.id}/confirm`, { code })).body.error.details.fields[0].message).toContain('already used');

    // Three codes an hour per number.
    expect((await post('/api/v1/verifications', { phone: '0812-7200-0001' })).status).toBe(201);
    expect((await post('/api/v1/verifications', { phone: '0812-7200-0001' })).status).toBe(201);
    expect((await post('/api/v1/verifications', { phone: '0812-7200-0001' })).status).toBe(201);
    const limited = await post('/api/v1/verifications', { phone: '0812-7200-0001' });
    expect([limited.status, limited.body.error.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    // An expired code is refused.
    const late = await post('/api/v1/verifications', { phone: '0812-7200-0003' });
    env.clock.advanceMinutes(11);
    expect((await post(`/api/v1/verifications/${late.body.id}/confirm`, { code: '123456' })).body.error.details.fields[0].message).toContain('expired');
  });
});
