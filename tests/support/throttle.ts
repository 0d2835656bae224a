import crypto from 'node:crypto';
import { vi } from 'vitest';
import { loadConfig, type ThrottleRule, type ThrottleRuleName, type ThrottleSettings } from '../../server/platform/config.js';

/** Throttling on, every rule generous, except those given (tests set small limits). */
export function throttleWith(rules: Partial<Record<ThrottleRuleName, ThrottleRule>>): ThrottleSettings {
  const base = loadConfig().throttle;
  const generous = Object.fromEntries(Object.keys(base.rules).map((k) => [k, { points: 100_000, durationSeconds: 3600 }])) as ThrottleSettings['rules'];
  return { enabled: true, rules: { ...generous, ...rules } };
}

/**
 * A client address of the IPv6 documentation range (2001:db8::/32), one per call: the app trusts
 * X-Forwarded-For from loopback. 64 random bits, so two calls (in any test file sharing the throttle
 * table) never meet; the IPv4 documentation range has only 254 addresses, and a repeat there carried
 * another test's hits into a limit.
 */
export const testAddress = (): string => {
  const groups = Array.from({ length: 4 }, () => crypto.randomInt(0, 0x10000).toString(16));
  return `2001:db8:${groups.join(':')}::1`;
};

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
