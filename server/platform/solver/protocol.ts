/**
 * What crosses the thread boundary: the plan input without its functions
 * (the travel model goes as its settings, or a road network's matrices, and
 * is rebuilt in the worker; the budget runs on the worker's own monotonic
 * clock). Matrices on a SharedArrayBuffer (sharedMatrixData) cross without a
 * copy: the thread reads the memory the request built.
 */
import type { DayPlan } from '../../core/planning/plan-day.js';
import type { PlanInput } from '../../core/planning/model.js';
import type { TravelMatrixData } from '../../core/zoning/matrix-travel.js';

export interface TravelSettings {
  detourFactor: number;
  speedKmh: number;
  /** A road network's matrices over the day's points (core/zoning/matrix-travel.ts); absent: straight lines. */
  matrix?: TravelMatrixData;
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
