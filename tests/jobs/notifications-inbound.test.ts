/**
 * The notification outbox's finer rules, through the real HTTP server and real
 * loopback receivers: WhatsApp's 24-hour customer-service window (free text
 * inside, the approved template outside), replies through the providers'
 * inbound webhooks (Meta's verify handshake and signature, a gateway's shared
 * secret; STOP/BERHENTI and START/MULAI), the lease the utility sets, a Normal
 * digest built once under two workers, and one-time codes that no row keeps.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../server/platform/db/knex.js';
import { deliverDueNotifications } from '../../server/features/notifications/service.js';
import { submitReport } from '../../server/features/tickets/intake.service.js';
import { createTestEnv, insideArea, loginAs, requireDatabaseUrl, startServer, type TestEnv } from '../support/db.js';
import { act, spkTicket, staffUser, tick } from './helpers.js';
import { approvedName, startProviders } from './providers.js';

const APP_SECRET = 'meta-app-secret-inbound';
const VERIFY_TOKEN = 'verify-token-inbound';
const GATEWAY_SECRET = 'gateway-shared-secret-0123';

let env: TestEnv;
let providers: Awaited<ReturnType<typeof startProviders>>;
let api: { baseUrl: string; close(): Promise<void> };

async function call(method: string, path: string, body?: unknown) {
  const token = await loginAs(api.baseUrl, env.utility, 'admin');
  const res = await fetch(`${api.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const inbound = (path: string) => `${api.baseUrl}/api/v1/inbound/${path}${path.includes('?') ? '&' : '?'}jurisdiction_id=${env.utility.code}`;

/** Meta's POST: one text message from `waId`, signed with `secret`. */
async function metaPost(waId: string, text: string, secret = APP_SECRET) {
  const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '1065' }, contacts: [{ wa_id: waId }], messages: [{ from: waId, id: `wamid.${crypto.randomUUID()}`, timestamp: '1767225600', type: 'text', text: { body: text } }] } }] }] });
  const res = await fetch(inbound('whatsapp'), { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}` }, body });
  return { status: res.status, body: await res.json() };
}

async function gatewayPost(channel: string, from: string, text: string, secret = GATEWAY_SECRET) {
  const res = await fetch(inbound(`gateway/${channel}`), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-gateway-secret': secret }, body: new URLSearchParams({ from, text }).toString() });
  return { status: res.status, body: await res.json() };
}

async function report(phone: string, name = 'Rahmat') {
  return submitReport(env.ctx, env.utility, { ...insideArea, phone, name, source: 'call_centre', category: 'visible_leak' }, await staffUser(env, 'operator'));
}
const reporter = (phone: string) => env.db('reporters').where({ utility_id: env.utility.id, phone }).first();

beforeAll(async () => {
  env = await createTestEnv({ crews: 1, settings: { notifications: { leaseSeconds: 300, normalDigest: 'hourly' } } });
  env.ctx.config.webhookAllowedHosts = ['127.0.0.1'];
  providers = await startProviders();
  api = await startServer(env.ctx);
  // Approved templates for two steps only: the third shows what happens without one.
  const templates = { 'ticket.received': { id: approvedName('ticket.received') }, 'ticket.spk_issued': { id: approvedName('ticket.spk_issued') }, 'phone.code': { id: approvedName('phone.code') } };
  const whatsapp = { provider: 'whatsapp_cloud', config: { baseUrl: providers.base, phoneNumberId: '1065', accessToken: 'EAAG-inbound', templates, verifyToken: VERIFY_TOKEN, appSecret: APP_SECRET } };
  expect((await call('PUT', '/api/v1/notifications/channels/whatsapp', whatsapp)).status).toBe(204);
  const sms = { provider: 'http_gateway', config: { url: `${providers.base}/sms/send`, bodyTemplate: '{"msisdn":"{{toLocal}}","text":"{{body}}"}', inboundSecret: GATEWAY_SECRET } };
  expect((await call('PUT', '/api/v1/notifications/channels/sms', sms)).status).toBe(204);
});
afterAll(async () => {
  await api?.close();
  await providers?.close();
  await env?.close();
});

describe("WhatsApp's 24-hour customer-service window", () => {
  it('a reporter who never wrote gets the approved template; within 24 h of their message free text; after, the template again', async () => {
    const r = await report('0813-5500-0001');
    await tick(env);
    let sent = providers.whatsapp.filter((x) => JSON.parse(x.body).to === '6281355000001').map((x) => JSON.parse(x.body));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'template', template: { name: 'ticket_received', language: { code: 'id' } } });
    expect(providers.whatsappTo('6281355000001')[0]).toContain(r.number); // the receiver rendered the approved template: the shape was right

    // The reporter writes: the window opens, and the next message is the utility's own text.
    expect((await metaPost('6281355000001', 'Terima kasih, pak')).body).toEqual({ received: 1, optedOut: 0, optedIn: 0 });
    expect((await reporter('+6281355000001')).last_inbound_at.toISOString()).toBe(env.clock.now().toISOString());
    env.clock.advanceMinutes(23 * 60);
    await act(env, 'admin', r.id, 'issue_spk', { priority: 'normal' });
    await tick(env);
    sent = providers.whatsapp.filter((x) => JSON.parse(x.body).to === '6281355000001').map((x) => JSON.parse(x.body));
    expect(sent[1]).toMatchObject({ type: 'text', text: { body: expect.stringContaining('Surat Perintah Kerja') } });

    // 25 h after their message: closed again. A step with an approved template goes as one; one without fails visibly.
    env.clock.advanceMinutes(2 * 60);
    await act(env, 'dispatcher', r.id, 'assign', { crewId: env.crews[0] });
    await tick(env);
    const failed = await call('GET', '/api/v1/notifications/deliveries?status=failed');
    const item = failed.body.items.find((i: { ticketNumber: string; kind: string }) => i.ticketNumber === r.number && i.kind === 'ticket.assigned');
    expect(item.lastError).toContain("outside WhatsApp's 24-hour window");
    expect(item.lastError).toContain('ticket.assigned (id)');
    expect(providers.whatsapp.filter((x) => JSON.parse(x.body).to === '6281355000001')).toHaveLength(2);
  });
});

describe('replies through the providers’ webhooks, no staff login', () => {
  it("Meta's verify handshake answers the challenge only for the channel's token", async () => {
    const ok = await fetch(inbound(`whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`));
    expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
    const wrong = await fetch(inbound('whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1'));
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.details.field).toBe('hub.verify_token');
  });

  it('STOP on WhatsApp opts out (signed by Meta; a bad signature changes nothing); MULAI through the gateway opts back in', async () => {
    const r = await report('0813-5500-0002');
    const forged = await metaPost('6281355000002', 'STOP', 'not-the-app-secret');
    expect([forged.status, forged.body.error.code, forged.body.error.details.field]).toEqual([401, 'UNAUTHENTICATED', 'X-Hub-Signature-256']);
    expect((await reporter('+6281355000002')).opted_out_at).toBeNull();

    expect((await metaPost('6281355000002', 'stop')).body).toEqual({ received: 1, optedOut: 1, optedIn: 0 });
    expect((await reporter('+6281355000002')).opted_out_at).not.toBeNull();
    await tick(env);
    expect(providers.whatsappTo('6281355000002')).toHaveLength(0);

    expect((await gatewayPost('sms', '0813-5500-0002', 'MULAI', 'wrong-secret-0000000')).status).toBe(401);
    expect((await reporter('+6281355000002')).opted_out_at).not.toBeNull();
    const back = await gatewayPost('sms', '0813-5500-0002', ' mulai ');
    expect([back.status, back.body]).toEqual([200, { received: 1, optedOut: 0, optedIn: 1 }]);
    expect((await reporter('+6281355000002')).opted_out_at).toBeNull();
    await act(env, 'admin', r.id, 'issue_spk', { priority: 'normal' });
    await tick(env);
    // The gateway's reply counts as their last message too: the window is open, free text goes.
    expect(providers.whatsapp.filter((x) => JSON.parse(x.body).to === '6281355000002').map((x) => JSON.parse(x.body).type)).toEqual(['text']);
  });

  it('refuses what it cannot read, naming the field', async () => {
    const bad = await gatewayPost('sms', 'nomor saya', 'STOP');
    expect([bad.status, bad.body.error.details.fields[0].field]).toEqual([400, 'from']);
    const noSecret = await fetch(inbound('gateway/whatsapp'), { method: 'POST', headers: { 'content-type': 'application/json', 'x-gateway-secret': GATEWAY_SECRET }, body: '{"from":"0813","text":"x"}' });
    expect(noSecret.status).toBe(404); // the WhatsApp channel is the Cloud API here, not a gateway
  });
});

describe('the worker', () => {
  it("leases a delivery for the utility's leaseSeconds while it sends", async () => {
    await report('0813-5500-0003');
    let arrived!: () => void;
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    providers.hold.until = new Promise<void>((resolve) => (release = resolve));
    providers.hold.arrived = arrived;
    const ticking = tick(env);
    await inFlight;
    const row = await env.db('notification_deliveries').where({ utility_id: env.utility.id, recipient: '+6281355000003' }).first('lease_until');
    expect(row.lease_until.toISOString()).toBe(new Date(env.clock.now().getTime() + 300_000).toISOString());
    providers.hold.until = null;
    providers.hold.arrived = null;
    release();
    await ticking;
    const after = await env.db('notification_deliveries').where({ utility_id: env.utility.id, recipient: '+6281355000003' }).first('lease_until', 'status');
    expect(after).toEqual({ lease_until: null, status: 'delivered' });
  });

  it("builds a Normal-breach digest exactly once per recipient and period under two workers", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push(await spkTicket(env, 'normal', i + 1));
    env.clock.advanceMinutes(61); // every one past its 60-minute response target
    await tick(env);
    const kasie = await staffUser(env, 'kasie');
    const pending = await env.db('notification_deliveries').where({ utility_id: env.utility.id, user_id: kasie.id, channel: 'inbox', digest: 'hourly', status: 'pending' }).count<{ count: string }[]>({ count: '*' });
    expect(Number(pending[0].count)).toBeGreaterThanOrEqual(6);
    env.clock.advanceMinutes(60); // past the next full hour
    const second = createDb(requireDatabaseUrl(), 4);
    try {
      // One row and one recipient per round trip: the old lease split a digest across round trips and workers.
      const options = { utilityIds: [env.utility.id], batch: 1, digestGroups: 1 };
      await Promise.all([deliverDueNotifications(env.db, env.clock.now, options), deliverDueNotifications(second, env.clock.now, options), deliverDueNotifications(env.db, env.clock.now, options)]);
    } finally {
      await second.destroy();
    }
    // (Earlier tests' breaches went out in earlier hours' digests.)
    const digests = await env.db('notifications').where({ utility_id: env.utility.id, user_id: kasie.id, kind: 'digest.escalations' }).where('created_at', env.clock.now()).select('data', 'title');
    expect(digests).toHaveLength(1);
    const numbers = (await env.db('tickets').whereIn('id', ids).select('number')).map((t) => t.number);
    for (const n of numbers) expect(digests[0].data.items.map((x: { number: string }) => x.number)).toContain(n);
    expect(await env.db('notification_deliveries').where({ utility_id: env.utility.id, user_id: kasie.id, digest: 'hourly', status: 'pending' }).first()).toBeUndefined();
  });
});

describe('one-time codes', () => {
  it('reach the phone, and no row of the utility holds the code once it is sent', async () => {
    const res = await fetch(`${api.baseUrl}/api/v1/verifications?jurisdiction_id=${env.utility.code}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '0813-5500-0009' }) });
    expect(res.status).toBe(201);
    await tick(env);
    const sms = providers.sms.filter((x) => JSON.parse(x.body).msisdn === '081355000009');
    expect(sms).toHaveLength(1);
    const code = /: (\d{6})\./.exec(JSON.parse(sms[0].body).text)![1];
    const delivery = await env.db('notification_deliveries').where({ utility_id: env.utility.id, recipient: '+6281355000009' }).first('body', 'status');
    expect(delivery.status).toBe('delivered');
    expect(delivery.body).toContain('{{code}}');
    // Every table that has rows of this utility, every column, as text.
    const { rows: tables } = await env.db.raw(`SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'utility_id'`);
    const holding: string[] = [];
    for (const { table_name: table } of tables as { table_name: string }[]) {
      const { rows } = await env.db.raw(`SELECT count(*)::int AS n FROM ?? t WHERE t.utility_id = ? AND t::text LIKE ?`, [table, env.utility.id, `%${code}%`]);
      if (rows[0].n > 0) holding.push(table);
    }
    expect(holding).toEqual([]);
    // The code still proves the number: its hash was kept for the check.
    const confirm = await fetch(`${api.baseUrl}/api/v1/verifications/${(await res.json()).id}/confirm?jurisdiction_id=${env.utility.code}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    expect(confirm.status).toBe(200);
  });

  it('a code that expired before the worker could send it is not sent, and is taken out of its event', async () => {
    const res = await fetch(`${api.baseUrl}/api/v1/verifications?jurisdiction_id=${env.utility.code}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '0813-5500-0010' }) });
    const { id } = await res.json();
    const event = () => env.db('notification_events').where({ utility_id: env.utility.id, source_key: `phone-code:${id}` }).first('data');
    expect((await event()).data.code).toMatch(/^\d{6}$/);
    env.clock.advanceMinutes(11);
    await tick(env);
    expect(providers.sms.filter((x) => JSON.parse(x.body).msisdn === '081355000010')).toHaveLength(0);
    const d = await env.db('notification_deliveries').where({ utility_id: env.utility.id, recipient: '+6281355000010' }).first('status', 'last_error');
    expect(d).toEqual({ status: 'failed', last_error: 'the code expired before it could be sent' });
    expect((await event()).data.code).toBeUndefined();
  });
});
