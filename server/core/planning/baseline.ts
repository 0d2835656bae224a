/**
 * The baseline every plan is measured against: what the SOP forbids. Tickets
 * are dispatched first come, first served (Critical, then High, then Normal,
 * each by intake time), each to the nearest crew that is free at that moment;
 * the crew drives there from wherever it is ("ping-pong") and goes home at the
 * end of its shift. Same tickets, crews, travel model and shift limits as the
 * plan, so the kilometres and hours compare like for like.
 */
import type { TravelModel } from '../zoning/travel.js';
import type { DayMetrics, PlanCrew, PlannedRoute, PlanTicket } from './model.js';
import { PRIORITY_RANK } from './model.js';
import { metricsOf, timeRoute } from './route.js';

export interface BaselineOptions {
  travel: TravelModel;
  notBeforeSeconds?: number;
  /** Tickets the plan could never serve (no road, shift too short) are left out of both. */
  skip?: ReadonlySet<number>;
}

export function firstComeFirstServed(tickets: readonly PlanTicket[], crews: readonly PlanCrew[], options: BaselineOptions): { routes: PlannedRoute[]; metrics: DayMetrics } {
  const { travel } = options;
  const notBefore = options.notBeforeSeconds ?? -Infinity;
  const queue = tickets
    .map((_, i) => i)
    .filter((i) => !options.skip?.has(i))
    .sort((a, b) => PRIORITY_RANK[tickets[a].priority] - PRIORITY_RANK[tickets[b].priority] || tickets[a].receivedSeconds - tickets[b].receivedSeconds || a - b);
  const K = crews.length;
  const freeAt = crews.map((c) => Math.max(c.shiftStartSeconds, notBefore));
  const position = crews.map((c) => c.base);
  const stops: number[][] = crews.map(() => []);
  const retired = new Uint8Array(K);
  const done = new Uint8Array(tickets.length);
  let remaining = queue.length;
  let head = 0;

  while (remaining > 0) {
    // The next crew to become free; all crews free at that moment compete for the oldest ticket.
    let now = Infinity;
    for (let c = 0; c < K; c++) if (!retired[c] && freeAt[c] < now) now = freeAt[c];
    if (now === Infinity) break;
    while (head < queue.length && done[queue[head]]) head++;
    let assigned = false;
    for (let q = head; q < queue.length && !assigned; q++) {
      const i = queue[q];
      if (done[i]) continue;
      const t = tickets[i];
      let best = -1;
      let bestMetres = Infinity;
      for (let c = 0; c < K; c++) {
        if (retired[c] || freeAt[c] > now) continue;
        const m = travel.metres(position[c], t);
        const finish = now + travel.secondsForMetres(m) + t.serviceSeconds + travel.seconds(t, crews[c].base);
        if (finish > crews[c].shiftEndSeconds || (crews[c].capacityJobs !== null && stops[c].length >= crews[c].capacityJobs!)) continue;
        if (m < bestMetres) {
          best = c;
          bestMetres = m;
        }
      }
      if (best < 0) continue;
      stops[best].push(i);
      freeAt[best] = now + travel.secondsForMetres(bestMetres) + t.serviceSeconds;
      position[best] = t;
      done[i] = 1;
      remaining--;
      assigned = true;
    }
    if (!assigned) {
      // Nothing left that the crews free now can finish in their shift: they go home.
      for (let c = 0; c < K; c++) if (!retired[c] && freeAt[c] <= now) retired[c] = 1;
    }
  }
  const routes = crews.map((c, k) => timeRoute(k, c.base, Math.max(c.shiftStartSeconds, notBefore), stops[k], tickets, travel));
  return { routes, metrics: metricsOf(routes, tickets) };
}
