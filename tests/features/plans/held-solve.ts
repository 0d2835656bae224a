/**
 * A solver pool whose next solve is held open until its AbortSignal aborts (or
 * the test releases it), so a cancel lands mid-solve on any machine and the
 * progress the job shows is the progress the test reports. Used through
 * vi.mock of server/platform/solver/pool.js (the test server runs in the
 * test's process).
 */
import type * as Pool from '../../../server/platform/solver/pool.js';

type Progress = Parameters<NonNullable<Pool.SolveOptions['onProgress']>>[0];

const gate = {
  hold: false,
  started: () => {},
  aborted: () => {},
  report: (_: Progress) => {},
  release: () => {},
};

export function holdingPool(real: typeof Pool): typeof Pool {
  return {
    ...real,
    solvePlan: (input, options = {}) => {
      if (!gate.hold) return real.solvePlan(input, options);
      gate.hold = false;
      gate.report = (p) => options.onProgress?.(p);
      return new Promise((resolve, reject) => {
        gate.release = () => resolve(real.solvePlan(input, options));
        options.signal?.addEventListener('abort', () => {
          gate.aborted();
          reject(new real.SolveCancelledError());
        });
        gate.started();
      });
    },
  };
}

/**
 * Holds the next solve: `started` when it runs, `aborted` when its signal aborts; `report` sends it progress as
 * the pool would, `release` lets the real solve run.
 */
export function holdNextSolve(): { started: Promise<void>; aborted: Promise<void>; report: (p: Progress) => void; release: () => void } {
  gate.hold = true;
  const started = new Promise<void>((resolve) => (gate.started = resolve));
  const aborted = new Promise<void>((resolve) => (gate.aborted = resolve));
  return { started, aborted, report: (p) => gate.report(p), release: () => gate.release() };
}
