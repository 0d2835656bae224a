/**
 * What crosses the thread boundary: the plan input without its functions
 * (the travel model goes as its settings and is rebuilt in the worker; the
 * budget runs on the worker's own monotonic clock).
 */
import type { DayPlan } from '../../core/planning/plan-day.js';
import type { PlanInput } from '../../core/planning/model.js';

export interface TravelSettings {
  detourFactor: number;
  speedKmh: number;
}

export type SolveInput = Omit<PlanInput, 'travel' | 'clockMs' | 'onProgress' | 'onStep'> & { travel: TravelSettings };

export interface SolveTask {
  input: SolveInput;
  /** Progress messages ({ done, total } crews solved) go here when given. */
  port?: import('node:worker_threads').MessagePort;
}

export interface SolveProgress {
  done: number;
  total: number;
}

export type { DayPlan };
