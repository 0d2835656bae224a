/**
 * What crosses the thread boundary: the plan input without its functions
 * (the travel model goes as its settings, or a road network's matrices, and
 * is rebuilt in the worker; the budget runs on the worker's own monotonic
 * clock), and the progress the worker posts back. Matrices on a
 * SharedArrayBuffer (sharedMatrixData) cross without a copy: the thread reads
 * the memory the request built.
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
  /** Progress messages (WorkerProgress) go here when given. */
  port?: import('node:worker_threads').MessagePort;
}

/** What the worker posts while it solves. */
export type WorkerProgress =
  /** A thread took the task: the planner starts now, with this budget (ms). */
  | { kind: 'started'; budgetMs: number }
  /** The planner finished a step of its pipeline (plan-day.ts), elapsedMs after its start on the budget's clock. */
  | { kind: 'step'; step: string; elapsedMs: number }
  /** Crews solved so far, of all crews (after each group solve). */
  | { kind: 'groups'; done: number; total: number }
  /** The worker's last message on the port (the pool waits for it: what came before has arrived). */
  | { kind: 'end' };

/** What a caller of the pool hears: the worker's messages, its place in line while it waits for a thread, and the end. */
export type SolveProgress = Exclude<WorkerProgress, { kind: 'end' }> | { kind: 'queued'; position: number } | { kind: 'solved' };

export type { DayPlan };
