import type { Request, RequestHandler, Response } from 'express';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError, ErrorCode } from '../../core/domain/errors.js';
import type { ThrottleRuleName } from '../config.js';
import type { AppContext } from '../context.js';

/**
 * Throttles on PostgreSQL (rate-limiter-flexible, table rate_limits from
 * sql/0011_rate_limits_sessions.sql), so the counts hold across app instances. Each rule of
 * config.throttle is one limiter; keys carry the utility, so tenants never
 * share a count. Past a limit: DomainError TOO_MANY_REQUESTS (HTTP 429) with
 * details.retryAfterSeconds, and the Retry-After header set when a response is
 * at hand. The windows run on the database rows' wall-clock expiry (the
 * library's clock), not on ctx.now().
 */
export interface Throttle {
  /** Counts one against `rule` for `key`; throws TOO_MANY_REQUESTS past the limit. */
  hit(rule: ThrottleRuleName, key: string, res?: Response): Promise<void>;
  /** Throws TOO_MANY_REQUESTS while `key` is over `rule`'s limit, without counting. */
  check(rule: ThrottleRuleName, key: string, res?: Response): Promise<void>;
  /** Forgets `key`'s count under `rule` (a successful login clears its failures). */
  reset(rule: ThrottleRuleName, key: string): Promise<void>;
}

const throttles = new WeakMap<AppContext, Throttle>();

/** The throttle of this app context (made on first use, from ctx.config.throttle). */
export function throttleOf(ctx: AppContext): Throttle {
  let throttle = throttles.get(ctx);
  if (!throttle) {
    throttle = ctx.config.throttle.enabled ? postgresThrottle(ctx) : unlimited;
    throttles.set(ctx, throttle);
  }
  return throttle;
}

const unlimited: Throttle = { hit: async () => {}, check: async () => {}, reset: async () => {} };

function tooMany(rule: ThrottleRuleName, msBeforeNext: number, res?: Response): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  if (res && !res.headersSent) res.set('Retry-After', String(retryAfterSeconds));
  return new DomainError(ErrorCode.tooManyRequests, `Too many requests; try again in ${retryAfterSeconds} s`, { rule, retryAfterSeconds });
}

function postgresThrottle(ctx: AppContext): Throttle {
  const limiters = new Map<ThrottleRuleName, RateLimiterPostgres>();
  const limiterOf = (rule: ThrottleRuleName): RateLimiterPostgres => {
    let limiter = limiters.get(rule);
    if (!limiter) {
      const r = ctx.config.throttle.rules[rule];
      limiter = new RateLimiterPostgres({
        storeClient: ctx.db,
        storeType: 'knex',
        tableName: 'rate_limits',
        tableCreated: true, // sql/0011
        clearExpiredByTimeout: true, // every 5 minutes, rows expired an hour ago (an unref timer)
        keyPrefix: rule,
        points: r.points,
        duration: r.durationSeconds,
        blockDuration: r.blockSeconds ?? 0,
      });
      limiters.set(rule, limiter);
    }
    return limiter;
  };
  return {
    async hit(rule, key, res) {
      try {
        await limiterOf(rule).consume(key);
      } catch (err) {
        if (err instanceof RateLimiterRes) throw tooMany(rule, err.msBeforeNext, res);
        throw err;
      }
    },
    async check(rule, key, res) {
      const state = await limiterOf(rule).get(key);
      if (state && state.consumedPoints > ctx.config.throttle.rules[rule].points) {
        throw tooMany(rule, state.msBeforeNext, res);
      }
    },
    async reset(rule, key) {
      await limiterOf(rule).delete(key);
    },
  };
}

/** A phone's count is the utility's and its digits' (0812-3456-7890, 0812 3456 7890 and 081234567890 are one phone). */
export const phoneThrottleKey = (utilityId: number, phone: string): string => `${utilityId}:${phone.normalize('NFKC').replace(/\D/g, '').replace(/^(62|0)/, '')}`;

/** The client's address as express sees it (X-Forwarded-For only from a trusted proxy: app's `trust proxy`). */
export const clientAddressOf = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/** Middleware: one hit per request against `rule`, keyed by `keyOf` (null: not counted). */
export function throttled(ctx: AppContext, rule: ThrottleRuleName, keyOf: (req: Request) => string | null): RequestHandler {
  return async (req, res, next) => {
    const key = keyOf(req);
    if (key !== null) await throttleOf(ctx).hit(rule, key, res);
    next();
  };
}
