import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../server/platform/db/knex.js';
import { runTick } from '../../server/worker.js';
import { backoffSecondsAfter, deliverDueWebhooks, isValidSignature, signatureOf, upsertWebhook } from '../../server/features/webhooks/service.js';
import { defaultSettings } from '../../server/core/domain/settings.js';
import type { AppContext } from '../../server/platform/context.js';
import { createTestEnv, requireDatabaseUrl, type TestEnv } from '../support/db.js';
import { spkTicket, startReceiver, tick } from './helpers.js';

/** Loopback targets are refused unless allowed (WEBHOOK_ALLOWED_HOSTS); these tests' receivers are on 127.0.0.1. */
const LOOPBACK = ['127.0.0.1'];
const envs: TestEnv[] = [];
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
  for (const env of envs) await env.close();
});

async function setup(settings?: Record<string, unknown>, script: number[] = []) {
  const env = await createTestEnv({ settings });
  envs.push(env);
  env.ctx.config.webhookAllowedHosts = LOOPBACK; // the receiver listens on loopback
  const receiver = await startReceiver(script);
  closers.push(receiver.close);
  const secret = 'whsec-test-0123456789';
  await upsertWebhook(env.db, env.utility.id, receiver.url, secret, LOOPBACK);
  return { env, receiver, secret };
}

const attemptsOf = (env: TestEnv) =>
  env.db('webhook_attempts as a').join('webhook_deliveries as d', 'd.id', 'a.delivery_id').where('d.utility_id', env.utility.id).orderBy('a.id').select('a.*');

describe('signatures and backoff', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 and rejects a tampered body, a wrong secret or a stale timestamp', () => {
    const body = '{"a":1}';
    const header = signatureOf('s3cret', 1_700_000_000, body);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(isValidSignature('s3cret', header, body, 1_700_000_010)).toBe(true);
    expect(isValidSignature('s3cret', header, '{"a":2}', 1_700_000_010)).toBe(false);
    expect(isValidSignature('other', header, body, 1_700_000_010)).toBe(false);
    expect(isValidSignature('s3cret', header, body, 1_700_001_000)).toBe(false);
  });

  it('doubles the delay after each failed attempt, up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffSecondsAfter(n, defaultSettings.webhook));
    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600]);
  });
});

describe('webhook delivery', () => {
  it('POSTs the escalation once, signed, with delivery and event headers, and logs the attempt', async () => {
    const { env, receiver, secret } = await setup();
    env.clock.set('2026-11-23T01:00:00Z');
    const id = await spkTicket(env, 'critical');
    env.clock.advanceMinutes(16);
    const report = await tick(env);
    await tick(env);
    expect(report.webhooks).toEqual({ attempted: 1, delivered: 1, failed: 0 });
    expect(receiver.requests).toHaveLength(1);
    const [req] = receiver.requests;
    const nowSeconds = Math.floor(env.clock.now().getTime() / 1000);
    expect(isValidSignature(secret, String(req.headers['x-tirta-signature']), req.body, nowSeconds)).toBe(true);
    expect(req.headers['x-tirta-event']).toBe('escalation.created');
    const payload = JSON.parse(req.body);
    expect(payload.escalation).toMatchObject({ kind: 'respond', level: 3, role: 'direktur', priority: 'critical' });
    expect(payload.ticket.id).toBe(id);
    expect(payload.utility).toBe(env.utility.code);

    const delivery = await env.db('webhook_deliveries').where({ utility_id: env.utility.id }).first();
    expect(String(delivery.id)).toBe(req.headers['x-tirta-delivery']);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, last_status: 200 });
    expect((await attemptsOf(env)).map((a) => [a.attempt, a.http_status, a.error])).toEqual([[1, 200, null]]);
  });

  it('retries a failing receiver with exponential backoff on the injected clock, then delivers', async () => {
    const { env, receiver } = await setup(undefined, [500, 503]);
    env.clock.set('2026-11-23T01:00:00Z');
    await spkTicket(env, 'high');
    env.clock.advanceMinutes(31);
    const t0 = env.clock.now();
    await tick(env); // attempt 1: 500
    await tick(env); // not due yet
    env.clock.set(new Date(t0.getTime() + 29_000));
    await tick(env); // still not due
    expect(receiver.requests).toHaveLength(1);
    env.clock.set(new Date(t0.getTime() + 30_000));
    await tick(env); // attempt 2: 503, next in 60 s
    env.clock.set(new Date(t0.getTime() + 89_000));
    await tick(env);
    expect(receiver.requests).toHaveLength(2);
    env.clock.set(new Date(t0.getTime() + 90_000));
    await tick(env); // attempt 3: 200
    await tick(env);
    expect(receiver.requests).toHaveLength(3);
    expect(new Set(receiver.requests.map((r) => r.headers['x-tirta-delivery'])).size).toBe(1);
    const log = await attemptsOf(env);
    expect(log.map((a) => [a.attempt, a.http_status, a.at.getTime() - t0.getTime()])).toEqual([
      [1, 500, 0],
      [2, 503, 30_000],
      [3, 200, 90_000],
    ]);
    const delivery = await env.db('webhook_deliveries').where({ utility_id: env.utility.id }).first();
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it('gives up after the utility’s maximum attempts and marks the delivery failed', async () => {
    const { env, receiver } = await setup({ webhook: { maxAttempts: 3, backoffBaseSeconds: 10 } }, [500, 500, 500, 500, 500]);
    env.clock.set('2026-11-23T01:00:00Z');
    await spkTicket(env, 'normal');
    env.clock.advanceMinutes(61);
    for (let i = 0; i < 10; i++) {
      await tick(env);
      env.clock.advanceMinutes(10);
    }
    expect(receiver.requests).toHaveLength(3);
    const delivery = await env.db('webhook_deliveries').where({ utility_id: env.utility.id }).first();
    expect(delivery).toMatchObject({ status: 'failed', attempts: 3, last_status: 500 });
  });

  it('records an unreachable receiver as an attempt with no HTTP status', async () => {
    const env = await createTestEnv();
    envs.push(env);
    env.ctx.config.webhookAllowedHosts = LOOPBACK;
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await upsertWebhook(env.db, env.utility.id, `http://127.0.0.1:${port}/gone`, 'x', LOOPBACK);
    env.clock.set('2026-11-23T01:00:00Z');
    await spkTicket(env, 'critical');
    env.clock.advanceMinutes(16);
    await tick(env);
    const [attempt] = await attemptsOf(env);
    expect(attempt.http_status).toBeNull();
    expect(attempt.error).toBe('UNREACHABLE'); // one word for every cause: the status is no port scanner
    const delivery = await env.db('webhook_deliveries').where({ utility_id: env.utility.id }).first();
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('two workers delivering at once post each delivery exactly once', async () => {
    const { env, receiver } = await setup();
    env.clock.set('2026-11-23T01:00:00Z');
    for (let i = 0; i < 10; i++) await spkTicket(env, 'critical', i);
    env.clock.advanceMinutes(5 * 60); // respond and resolve both late: 20 escalations
    const second = createDb(requireDatabaseUrl(), 4);
    const ctx2: AppContext = { ...env.ctx, db: second };
    try {
      await Promise.all([
        runTick(env.ctx, { utilityIds: [env.utility.id], deliveryBatch: 3 }),
        runTick(ctx2, { utilityIds: [env.utility.id], deliveryBatch: 3 }),
        deliverDueWebhooks(second, env.clock.now, { batch: 2, utilityIds: [env.utility.id], allowedHosts: LOOPBACK }),
      ]);
      await runTick(ctx2, { utilityIds: [env.utility.id] });
    } finally {
      await second.destroy();
    }
    const ids = receiver.requests.map((r) => r.headers['x-tirta-delivery']);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    const escalationIds = receiver.requests.map((r) => JSON.parse(r.body).escalation.id);
    expect(new Set(escalationIds).size).toBe(20);
  });
});
