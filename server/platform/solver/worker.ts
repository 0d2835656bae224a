/**
 * The solver thread: one planDay per task (piscina calls the default export).
 * Pure CPU; no database, no logger. Loaded by tsx in development and tests
 * (the pool adds `--import tsx` to the thread's execArgv when it runs from
 * source). Progress goes to the task's port: started (with the budget), each
 * step of the planner's pipeline, groups of crews solved.
 */
import { PLAN_DEFAULTS, planDay } from '../../core/planning/plan-day.js';
import { warmUpPlanner } from '../../core/planning/warm-up.js';
import { createMatrixTravelModel } from '../../core/zoning/matrix-travel.js';
import { createTravelModel } from '../../core/zoning/travel.js';
import type { DayPlan, SolveTask, WorkerProgress } from './protocol.js';

// Compiled before the first task, so that its time budget is not spent compiling (about 0.25 s per thread, once).
warmUpPlanner(createTravelModel({ detourFactor: 1.35, speedKmh: 20 }));

export default function solve(task: SolveTask): DayPlan {
  const { input, port } = task;
  const post = (m: WorkerProgress) => port?.postMessage(m);
  try {
    post({ kind: 'started', budgetMs: input.budgetMs ?? PLAN_DEFAULTS.budgetMs });
    return planDay({
      ...input,
      travel: input.travel.matrix ? createMatrixTravelModel(input.travel.matrix) : createTravelModel(input.travel),
      onStep: port ? (step, elapsedMs) => post({ kind: 'step', step, elapsedMs }) : undefined,
      onProgress: port ? (done, total) => post({ kind: 'groups', done, total }) : undefined,
    });
  } finally {
    post({ kind: 'end' });
    port?.close();
  }
}
