/**
 * A solver pool whose next solve is held open until its AbortSignal aborts, so
 * a cancel lands mid-solve on any machine. Used through vi.mock of
 * server/platform/solver/pool.js (the test server runs in the test's process).
 */
import type * as Pool from '../../../server/platform/solver/pool.js';

const gate = { hold: false, started: () => {}, aborted: () => {} };

export function holdingPool(real: typeof Pool): typeof Pool {
  return {
    ...real,
    solvePlan: (input, options = {}) => {
      if (!gate.hold) return real.solvePlan(input, options);
      gate.hold = false;
      gate.started();
      return new Promise((_, reject) => {
        options.signal?.addEventListener('abort', () => {
          gate.aborted();
          reject(new real.SolveCancelledError());
        });
      });
    },
  };
}

/** Holds the next solve: `started` when it runs, `aborted` when its signal aborts. */
export function holdNextSolve(): { started: Promise<void>; aborted: Promise<void> } {
  gate.hold = true;
  const started = new Promise<void>((resolve) => (gate.started = resolve));
  const aborted = new Promise<void>((resolve) => (gate.aborted = resolve));
  return { started, aborted };
}
