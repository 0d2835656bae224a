/**
 * When a search stops: a time budget, an iteration budget, or both
 * (whichever ends first). Iteration budgets make runs reproducible; time
 * budgets do not, even with one seed.
 *
 * The one place in server/core that reads a clock: `monotonicMs`, the default
 * of every `now` option. It is a monotonic elapsed-time counter for budgets,
 * never the date: no result carries a time read here. Callers (and tests) that
 * own time pass `now` instead.
 */

/** Milliseconds on a monotonic clock (performance.now): the default budget clock. */
export const monotonicMs = (): number => performance.now();

export interface SolveOptions {
  /** Time budget in milliseconds (measured by `now`). */
  timeMs?: number;
  /** Number of improvement iterations (kicks, ruin-and-recreate steps). */
  iterations?: number;
  /** Seed of every random choice. */
  seed?: number;
  /** Clock in milliseconds; default monotonicMs. Passed in so that callers and tests own time. */
  now?: () => number;
  /** With both budgets: how far the clock may run ahead of the iterations before it drives the cooling (Budget). */
  timeLead?: number;
}

export class Budget {
  private readonly now: () => number;
  private readonly startMs: number;
  private readonly timeMs: number;
  private readonly iterations: number;
  done = 0;

  private readonly timeLead: number;

  /**
   * `timeLead`: how far (a share of the budget) the clock may run ahead of the iterations before it drives
   * progress(). 0: progress is whichever is further. Above 0: while the iterations keep up, progress counts
   * them alone, so a run that ends on its iteration budget anneals exactly as at fixed work (reproducible);
   * one the clock would stop follows the clock, still reaching 1 as the time runs out.
   */
  constructor(options: Pick<SolveOptions, 'timeMs' | 'iterations' | 'now' | 'timeLead'>, startMs?: number) {
    this.now = options.now ?? monotonicMs;
    this.startMs = startMs ?? this.now();
    this.timeMs = options.timeMs ?? Infinity;
    this.iterations = options.iterations ?? Infinity;
    // Time alone: the clock is the only measure of progress.
    this.timeLead = this.iterations === Infinity ? 0 : (options.timeLead ?? 0);
  }

  elapsedMs(): number {
    return this.now() - this.startMs;
  }

  /** Fraction of the budget used, 0..1 (for annealing schedules). */
  progress(): number {
    const byIterations = this.done / this.iterations;
    if (this.timeMs === Infinity) return Math.min(1, byIterations);
    const byTime = this.elapsedMs() / this.timeMs;
    return Math.min(1, Math.max(byIterations, (byTime - this.timeLead) / (1 - this.timeLead)));
  }

  /** True once the time budget is spent (iterations not counted). */
  timeUp(): boolean {
    return this.timeMs !== Infinity && this.now() - this.startMs >= this.timeMs;
  }

  /** Counts one iteration; false once the budget is spent. */
  tick(): boolean {
    if (this.done >= this.iterations) return false;
    this.done++;
    if (this.timeMs !== Infinity && this.now() - this.startMs >= this.timeMs) return false;
    return true;
  }
}
