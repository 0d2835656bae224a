import { describe, expect, it } from 'vitest';
import { enterIntake, intakeInFlight, intakeQuiet } from '../../server/platform/intake-load.js';

describe('intake in flight (the photo analysis yields to it)', () => {
  it('counts each request once, however often it is left', () => {
    const before = intakeInFlight();
    const leave = enterIntake();
    const other = enterIntake();
    expect(intakeInFlight()).toBe(before + 2);
    leave();
    leave();
    expect(intakeInFlight()).toBe(before + 1);
    other();
    expect(intakeInFlight()).toBe(before);
  });

  it('waits while a request is in flight and goes on as soon as it ends', async () => {
    const leave = enterIntake();
    let done = false;
    const waiting = intakeQuiet(10_000, 10).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 60));
    expect(done).toBe(false);
    leave();
    await waiting;
    expect(done).toBe(true);
  });

  it('waits no longer than its bound under endless load, and not at all when stopped', async () => {
    const leave = enterIntake();
    try {
      const t0 = performance.now();
      await intakeQuiet(80, 10);
      expect(performance.now() - t0).toBeGreaterThanOrEqual(70);
      let stopped = false;
      const waiting = intakeQuiet(60_000, 10, () => stopped);
      stopped = true;
      await waiting;
    } finally {
      leave();
    }
    expect(intakeInFlight()).toBe(0);
  });
});
