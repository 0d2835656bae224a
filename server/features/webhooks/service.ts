import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Db, Runner } from '../../platform/db/knex.js';
import { claimDueDeliveries, insertDeliveriesForActiveWebhooks, recordDeliveryAttempt, upsertWebhookRow, type ClaimedDelivery } from './repository.js';
import { resolveSettings, type UtilitySettings } from '../../core/domain/settings.js';
import { logger } from '../../platform/log.js';
import { checkWebhookUrl, guardedLookup, hostOf, isAllowedTarget } from './targets.js';
import net from 'node:net';

/**
 * Outbound webhooks: the escalation scan writes one delivery per active webhook
 * in its own transaction (an outbox); this module delivers them.
 *
 * A batch of due deliveries is claimed with FOR UPDATE SKIP LOCKED, and the
 * claim itself counts the attempt and moves next_attempt_at to the retry time,
 * then commits. The POST happens outside any transaction; its result is written
 * after. A worker that dies mid-POST leaves the delivery to be retried at the
 * time already set, and two workers never claim the same delivery at once.
 * Delivery is at-least-once (the receiver may see a retry of a POST whose
 * answer we lost): receivers deduplicate on the X-Tirta-Delivery header.
 *
 * Each body is signed: X-Tirta-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256
 * of "<t>.<body>" with the webhook's secret> (the timestamp stops replays).
 */
export const SIGNATURE_HEADER = 'x-tirta-signature';
export const DELIVERY_HEADER = 'x-tirta-delivery';
export const EVENT_HEADER = 'x-tirta-event';

export function signatureOf(secret: string, timestampSeconds: number, body: string): string {
  const mac = crypto.createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

/** Checks a signature header (for receivers and tests); constant-time on the MAC. */
export function isValidSignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureOf(secret, t, body).split('v1=')[1], 'hex');
  const actual = Buffer.from(parts.v1, 'hex');
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/** Delay before attempt n+1 after attempt n failed: base * 2^(n-1), capped. */
export function backoffSecondsAfter(attempt: number, settings: UtilitySettings['webhook']): number {
  return Math.min(settings.backoffMaxSeconds, settings.backoffBaseSeconds * 2 ** Math.max(0, attempt - 1));
}

export interface PostResult {
  status: number | null;
  error: string | null;
}

/** The HTTP side effect, passed in (the default is httpPoster). */
export type Poster = (url: string, body: string, headers: Record<string, string>, timeoutMs: number) => Promise<PostResult>;

/**
 * What a failed connection is recorded as: one word for every cause (refused,
 * no route, no such name, reset, timeout, a target not allowed), so the
 * delivery status cannot map internal hosts and ports. The cause goes to the
 * server log.
 */
export const UNREACHABLE = 'UNREACHABLE';

/**
 * The default poster: node:http(s) with a fresh connection per delivery (no
 * pooled keep-alive socket that the receiver may be closing as we reuse it),
 * the whole exchange bounded by timeoutMs, redirects not followed. It connects
 * only to an allowed address (targets.ts): a literal host is checked here, a
 * name is resolved once by the socket's guarded lookup, which hands it the
 * checked address.
 */
export function guardedPoster(allowedHosts: readonly string[]): Poster {
  return (url, body, headers, timeoutMs) =>
    new Promise((resolve) => {
      let settled = false;
      const done = (result: PostResult, cause?: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (cause) logger.warn({ err: cause, url }, 'webhook delivery: target unreachable');
        resolve(result);
      };
      const unreachable = (cause: unknown) => done({ status: null, error: UNREACHABLE }, cause);
      const timer = setTimeout(() => {
        request?.destroy();
        unreachable(new Error(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        done({ status: null, error: 'INVALID_URL' });
        return;
      }
      const host = hostOf(target);
      if (net.isIP(host) && !isAllowedTarget(host, host, allowedHosts)) {
        unreachable(new Error(`webhook target ${host} is not a public address`));
        return;
      }
      const request = (target.protocol === 'https:' ? https : http).request(
        target,
        { method: 'POST', agent: false, lookup: guardedLookup(allowedHosts), headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? null;
            done({ status, error: status !== null && status >= 200 && status < 300 ? null : `HTTP ${status}` });
          });
          res.on('error', unreachable);
        },
      );
      request.on('error', unreachable);
      request.end(body);
    });
}

/** The poster with no allow-list: public targets only. */
export const httpPoster: Poster = guardedPoster([]);

export interface DeliveryCounts {
  attempted: number;
  delivered: number;
  failed: number;
}

/** Claims due deliveries, each moved to the retry time its utility's backoff gives after this attempt. */
function claimDue(db: Db, now: Date, limit: number, utilityIds: number[] | undefined): Promise<ClaimedDelivery[]> {
  return claimDueDeliveries(db, { now, limit, utilityIds }, (d) => new Date(now.getTime() + backoffSecondsAfter(d.attempts, resolveSettings(d.settings).webhook) * 1000));
}

async function recordAttempt(db: Runner, d: ClaimedDelivery, at: Date, result: PostResult, durationMs: number, maxAttempts: number): Promise<'delivered' | 'failed' | 'pending'> {
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const status = ok ? 'delivered' : d.attempts >= maxAttempts ? 'failed' : 'pending';
  await recordDeliveryAttempt(db, d, { at, httpStatus: result.status, error: result.error, durationMs, status });
  return status;
}

/** Delivers every due webhook (in batches), as of the injected clock. */
export async function deliverDueWebhooks(
  db: Db,
  now: () => Date,
  options: { batch?: number; post?: Poster; utilityIds?: number[]; allowedHosts?: readonly string[] } = {},
): Promise<DeliveryCounts> {
  const post = options.post ?? guardedPoster(options.allowedHosts ?? []);
  const counts: DeliveryCounts = { attempted: 0, delivered: 0, failed: 0 };
  for (;;) {
    const at = now();
    const batch = await claimDue(db, at, options.batch ?? 20, options.utilityIds);
    if (batch.length === 0) return counts;
    await Promise.all(
      batch.map(async (d) => {
        const policy = resolveSettings(d.settings).webhook;
        const body = JSON.stringify(d.payload);
        const started = performance.now();
        const result = await post(
          d.url,
          body,
          {
            'content-type': 'application/json',
            'user-agent': 'tirta-dispatch-webhook/1',
            [EVENT_HEADER]: d.event_type,
            [DELIVERY_HEADER]: String(d.id),
            [SIGNATURE_HEADER]: signatureOf(d.secret, Math.floor(at.getTime() / 1000), body),
          },
          policy.timeoutMs,
        );
        const outcome = await recordAttempt(db, d, at, result, Math.round(performance.now() - started), policy.maxAttempts);
        counts.attempted += 1;
        if (outcome === 'delivered') counts.delivered += 1;
        if (outcome === 'failed') counts.failed += 1;
      }),
    );
  }
}

/**
 * Registers (or re-activates with a new secret) a utility's webhook; refuses
 * (VALIDATION_FAILED on `url`) a target that is not a public address unless
 * `allowedHosts` (WEBHOOK_ALLOWED_HOSTS) names it.
 */
export async function upsertWebhook(db: Runner, utilityId: number, url: string, secret: string, allowedHosts: readonly string[] = []): Promise<number> {
  await checkWebhookUrl(url, allowedHosts);
  return upsertWebhookRow(db, utilityId, url, secret);
}

/** Queues an event for every active webhook of the utility, in the caller's transaction (the outbox); returns how many. */
export function enqueueWebhookEvent(tx: Runner, e: { utilityId: number; escalationId: number; payload: { type: string }; at: Date }): Promise<number> {
  return insertDeliveriesForActiveWebhooks(tx, { utilityId: e.utilityId, escalationId: e.escalationId, eventType: e.payload.type, payload: e.payload, at: e.at });
}
