import { describe, expect, it } from 'vitest';
import { Budget } from '../../server/core/routing/base/budget.js';

/** A clock the test sets. */
function manualClock() {
  const clock = { t: 0, now: () => clock.t };
  return clock;
}

describe('Budget', () => {
  it('without a lead, progress is the further of iterations and time', () => {
    const clock = manualClock();
    const b = new Budget({ timeMs: 100, iterations: 100, now: clock.now });
    for (let i = 0; i < 30; i++) b.tick();
    clock.t = 50;
    expect(b.progress()).toBeCloseTo(0.5);
    clock.t = 10;
    expect(b.progress()).toBeCloseTo(0.3);
  });

  it('with a lead, counts the iterations alone while the clock stays within the lead, then follows the clock to 1 at the end of the time', () => {
    const clock = manualClock();
    const b = new Budget({ timeMs: 100, iterations: 100, now: clock.now, timeLead: 0.25 });
    for (let i = 0; i < 30; i++) b.tick();
    // The clock at 45 % against 30 % of the iterations (a slow start): the iterations still set the pace.
    clock.t = 45;
    expect(b.progress()).toBeCloseTo(0.3);
    // 40 % ahead: the clock drives, rescaled so that the end of the time is progress 1.
    clock.t = 70;
    expect(b.progress()).toBeCloseTo((0.7 - 0.25) / 0.75);
    clock.t = 100;
    expect(b.progress()).toBe(1);
    expect(b.tick()).toBe(false);
  });

  it('with iterations alone or time alone, a lead changes nothing', () => {
    const clock = manualClock();
    const its = new Budget({ iterations: 10, now: clock.now, timeLead: 0.25 });
    for (let i = 0; i < 4; i++) its.tick();
    expect(its.progress()).toBeCloseTo(0.4);
    const time = new Budget({ timeMs: 100, now: clock.now, timeLead: 0.25 });
    clock.t = 40;
    expect(time.progress()).toBeCloseTo(0.4);
  });
});
