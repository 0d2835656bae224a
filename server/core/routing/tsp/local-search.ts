/**
 * Runs TSP operators on queued cities until none improves (don't-look bits:
 * a city leaves the queue when no operator improves around it, and comes back
 * when one of its tour edges changes).
 */
import type { TspContext, TspOperator } from './context.js';
import { orOpt } from './or-opt.js';
import { twoOpt } from './two-opt.js';

export const TSP_OPERATORS: readonly TspOperator[] = [twoOpt, orOpt];

/** Empties the queue; returns the total gain. */
export function runTspLocalSearch(ctx: TspContext, operators: readonly TspOperator[] = TSP_OPERATORS): number {
  let total = 0;
  const { queue } = ctx;
  while (queue.length > 0) {
    const a = queue.pop();
    for (const op of operators) {
      const gain = op.improveCity(ctx, a);
      if (gain > 0) {
        total += gain;
        break;
      }
    }
  }
  return total;
}
