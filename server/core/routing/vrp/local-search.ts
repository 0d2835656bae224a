/**
 * The VRP local-search driver: pop a job, ask every operator for its best
 * move around it, apply the best one, re-queue the jobs whose route neighbours
 * changed (don't-look bits).
 * Runs until no queued job has an improving move.
 */
import { IndexQueue } from '../base/queue.js';
import { emptyMove, type VrpOperator } from './operators/operator.js';
import { relocate } from './operators/relocate.js';
import { routeExchange } from './operators/route-exchange.js';
import { swap } from './operators/swap.js';
import { twoOptStar } from './operators/two-opt-star.js';
import { twoOpt } from './operators/two-opt.js';
import type { RouteState } from './model/state.js';

export const VRP_OPERATORS: readonly VrpOperator[] = [relocate, swap, twoOptStar, twoOpt, routeExchange];

export class VrpLocalSearch {
  private readonly queue: IndexQueue;
  private readonly best = emptyMove();
  /** Moves applied so far. */
  moves = 0;

  constructor(
    private readonly s: RouteState,
    private readonly operators: readonly VrpOperator[] = VRP_OPERATORS,
  ) {
    this.queue = new IndexQueue(s.model.m);
  }

  pushRoute(r: number): void {
    const { s } = this;
    const b = r * s.stride;
    for (let p = 1; p <= s.len[r]; p++) this.queue.push(s.jobs[b + p]);
  }

  pushAll(): void {
    for (let r = 0; r < this.s.len.length; r++) this.pushRoute(r);
  }

  /** Queues the jobs whose neighbours in their route changed, and forgets them. */
  pushChanged(): void {
    const changed = this.s.changedJobs;
    for (let k = 0; k < changed.length; k++) this.queue.push(changed[k]);
    changed.length = 0;
  }

  /** Returns the total gain. `stop`: true once the caller's time is up (the queue is left as it is). */
  run(stop?: () => boolean): number {
    const { s, queue, best, operators } = this;
    let total = 0;
    let pops = 0;
    while (queue.length > 0) {
      // A time budget ends a pass early (checked every 16 jobs: the clock is cheap but not free).
      if (stop && (++pops & 15) === 0 && stop()) break;
      const u = queue.pop();
      if (s.jobRoute[u] < 0) continue;
      best.gain = 0;
      best.op = null;
      for (const op of operators) op.search(s, u, best);
      const chosen = best.op as VrpOperator | null;
      if (chosen) {
        total += best.gain;
        this.moves++;
        chosen.apply(s, best);
        this.pushChanged();
      }
    }
    return total;
  }
}
