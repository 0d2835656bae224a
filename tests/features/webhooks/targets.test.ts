import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../../server/features/webhooks/targets.js';
import { UNREACHABLE, upsertWebhook } from '../../../server/features/webhooks/service.js';
import { upsertWebhookRow } from '../../../server/features/webhooks/repository.js';
import { createTestEnv, loginAs, startServer, type TestEnv } from '../../support/db.js';
import { spkTicket, startReceiver, tick } from '../../jobs/helpers.js';

const envs: TestEnv[] = [];
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
  for (const env of envs) await env.close();
});

async function newEnv(allowed: string[] = []) {
  const env = await createTestEnv();
  envs.push(env);
  env.ctx.config.webhookAllowedHosts = allowed;
  return env;
}

/** One escalation 16 minutes after a Critical SPK: one delivery per active webhook, attempted by one tick. */
async function deliverOnce(env: TestEnv) {
  env.clock.set('2026-11-23T01:00:00Z');
  await spkTicket(env, 'critical');
  env.clock.advanceMinutes(16);
  await tick(env);
  return env.db('webhook_deliveries as d').join('webhooks as w', 'w.id', 'd.webhook_id').where('d.utility_id', env.utility.id).select('w.url', 'd.status', 'd.last_status', 'd.last_error');
}

describe('which addresses are public', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
    '224.0.0.1', '239.255.255.250', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'fc00::5', 'ff02::1', '::ffff:127.0.0.1', '::ffff:169.254.169.254',
  ])('%s is not', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
  it.each(['8.8.8.8', '1.1.1.1', '36.86.63.182', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('registering a webhook', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://127.0.0.1:5432/',
    'http://localhost:8080/hook',
    'http://[::1]/hook',
    'http://[::ffff:7f00:1]/hook',
    'http://2130706433/hook', // 127.0.0.1 written as one number
    'http://0x7f.1/hook',
    'http://10.0.0.5/hook',
    'http://192.168.1.20/hook',
    'http://224.0.0.251/hook',
    'http://user:pw@hooks.example.org/hook',
  ])('refuses %s (VALIDATION_FAILED on url)', async (url) => {
    const env = envs[0] ?? (await newEnv());
    await expect(upsertWebhook(env.db, env.utility.id, url, 'x')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'url' }] } });
  });

  it('refuses a private target through the API and stores nothing; accepts it when WEBHOOK_ALLOWED_HOSTS names it', async () => {
    const env = await newEnv();
    const server = await startServer(env.ctx);
    closers.push(server.close);
    const token = await loginAs(server.baseUrl, env.utility, 'admin');
    const put = (url: string) =>
      fetch(`${server.baseUrl}/api/v1/settings/webhooks`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ url }) });
    const refused = await put('http://169.254.169.254/latest/meta-data/');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).error.field).toBe('url');
    expect(await env.db('webhooks').where({ utility_id: env.utility.id })).toHaveLength(0);

    env.ctx.config.webhookAllowedHosts = ['10.20.0.0/16', 'localhost'];
    expect((await put('http://10.20.3.4/hook')).status).toBe(200);
    expect((await put('http://localhost:9000/hook')).status).toBe(200);
    expect((await put('http://10.21.0.1/hook')).status).toBe(400);
  });
});

describe('delivering', () => {
  it('does not connect to a loopback receiver registered before the check (or whose name now resolves inside), unless allowed', async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    const env = await newEnv();
    const port = new URL(receiver.url).port;
    // Rows written straight to the table: a target that passed once, or DNS that changed since.
    await upsertWebhookRow(env.db, env.utility.id, receiver.url, 'x');
    await upsertWebhookRow(env.db, env.utility.id, `http://localhost:${port}/by-name`, 'x');
    const rows = await deliverOnce(env);
    expect(receiver.requests).toHaveLength(0);
    expect(rows.map((r) => [r.last_status, r.last_error])).toEqual([
      [null, UNREACHABLE],
      [null, UNREACHABLE],
    ]);

    const allowed = await newEnv(['localhost']);
    await upsertWebhook(allowed.db, allowed.utility.id, `http://localhost:${port}/by-name`, 'x', allowed.ctx.config.webhookAllowedHosts);
    const delivered = await deliverOnce(allowed);
    expect(delivered.map((r) => r.status)).toEqual(['delivered']);
    expect(receiver.requests.map((r) => r.headers.host)).toEqual([`localhost:${port}`]);
  });

  it('answers the same for a closed port, a silent port and a refused target: the status is no probe', async () => {
    // A closed port; a port that accepts and never answers; the metadata address (refused before connecting).
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closers.push(
      () =>
        new Promise((resolve) => {
          for (const socket of sockets) socket.destroy();
          silent.close(() => resolve());
        }),
    );
    const silentPort = (silent.address() as AddressInfo).port;

    const env = await newEnv(['127.0.0.1']);
    await env.db('utilities').where({ id: env.utility.id }).update({ settings: JSON.stringify({ webhook: { timeoutMs: 500 } }) });
    await upsertWebhook(env.db, env.utility.id, `http://127.0.0.1:${closedPort}/`, 'x', ['127.0.0.1']);
    await upsertWebhook(env.db, env.utility.id, `http://127.0.0.1:${silentPort}/`, 'x', ['127.0.0.1']);
    await upsertWebhookRow(env.db, env.utility.id, 'http://169.254.169.254/latest/meta-data/', 'x');
    const rows = await deliverOnce(env);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => JSON.stringify([r.status, r.last_status, r.last_error])))).toEqual(new Set([JSON.stringify(['pending', null, UNREACHABLE])]));
  });
});
