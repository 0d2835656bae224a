import crypto from 'node:crypto';
import { vi } from 'vitest';
import { loadConfig, type ThrottleRule, type ThrottleRuleName, type ThrottleSettings } from '../../server/platform/config.js';

/** Throttling on, every rule generous, except those given (tests set small limits). */
export function throttleWith(rules: Partial<Record<ThrottleRuleName, ThrottleRule>>): ThrottleSettings {
  const base = loadConfig().throttle;
  const generous = Object.fromEntries(Object.keys(base.rules).map((k) => [k, { points: 100_000, durationSeconds: 3600 }])) as ThrottleSettings['rules'];
  return { enabled: true, rules: { ...generous, ...rules } };
}

/** A client address of the documentation range, unique per call: the app trusts X-Forwarded-For from loopback. */
export const testAddress = (): string => `203.0.113.${crypto.randomInt(1, 255)}.${crypto.randomInt(0, 1 << 30)}`.split('.').slice(0, 4).join('.');

/**
 * The throttle windows run on the wall clock (rate-limiter-flexible stores
 * Date.now() + duration): the test moves Date.now forward instead of waiting.
 */
export function wallClock() {
  const realNow = Date.now.bind(Date);
  let offset = 0;
  const spy = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
  return {
    advanceMinutes(minutes: number) {
      offset += minutes * 60_000;
    },
    restore() {
      spy.mockRestore();
    },
  };
}
