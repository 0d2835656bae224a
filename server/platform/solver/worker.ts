/**
 * The solver thread: one planDay per task (piscina calls the default export).
 * Pure CPU; no database, no logger. Loaded by tsx in development and tests
 * (the pool adds `--import tsx` to the thread's execArgv when it runs from
 * source).
 */
import { planDay } from '../../core/planning/plan-day.js';
import { warmUpPlanner } from '../../core/planning/warm-up.js';
import { createMatrixTravelModel } from '../../core/zoning/matrix-travel.js';
import { createTravelModel } from '../../core/zoning/travel.js';
import type { DayPlan, SolveTask } from './protocol.js';

// Compiled before the first task, so that its time budget is not spent compiling (about 0.25 s per thread, once).
warmUpPlanner(createTravelModel({ detourFactor: 1.35, speedKmh: 20 }));

export default function solve(task: SolveTask): DayPlan {
  const { input, port } = task;
  try {
    return planDay({
      ...input,
      travel: input.travel.matrix ? createMatrixTravelModel(input.travel.matrix) : createTravelModel(input.travel),
      onProgress: port ? (done, total) => port.postMessage({ done, total }) : undefined,
    });
  } finally {
    port?.close();
  }
}
