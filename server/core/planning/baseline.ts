/**
 * The baseline every plan is measured against: a fair dispatcher without a
 * planner ("ping-pong"). Tickets are taken first come, first served (intake
 * time, then input order; priority is ignored, as a queue at the desk would).
 * Each goes to the crew nearest to it in travel seconds from where that crew
 * is now (its base at the start, else its last ticket), among the crews that
 * can still fit it: the time the crew has used + travel there + the repair +
 * travel back to its base within its shift (and under its job capacity).
 * Ties go to the lowest crew index. The ticket is appended to that crew's
 * trip and the crew moves there. A ticket no crew can fit stays out; so do
 * tickets no crew can ever drive to (roadless) and those the caller skips.
 * Same tickets, crews, travel model and shifts as the plan, so kilometres
 * and hours compare like for like. O(tickets x crews), one pass.
 */
import type { TravelModel } from '../zoning/travel.js';
import type { DayMetrics, PlanCrew, PlannedRoute, PlanTicket } from './model.js';
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
    .filter((i) => !tickets[i].roadless && !options.skip?.has(i))
    .sort((a, b) => tickets[a].receivedSeconds - tickets[b].receivedSeconds || a - b);
  const K = crews.length;
  const start = crews.map((c) => Math.max(c.shiftStartSeconds, notBefore));
  const clock = start.slice();
  const position = crews.map((c) => c.base);
  const stops: number[][] = crews.map(() => []);
  for (const i of queue) {
    const t = tickets[i];
    let best = -1;
    let bestSeconds = Infinity;
    for (let c = 0; c < K; c++) {
      const crew = crews[c];
      if (crew.capacityJobs !== null && stops[c].length >= crew.capacityJobs) continue;
      const there = travel.seconds(position[c], t);
      if (there >= bestSeconds) continue;
      if (clock[c] + there + t.serviceSeconds + travel.seconds(t, crew.base) > crew.shiftEndSeconds) continue;
      best = c;
      bestSeconds = there;
    }
    if (best < 0) continue;
    stops[best].push(i);
    clock[best] += bestSeconds + t.serviceSeconds;
    position[best] = t;
  }
  const routes = crews.map((c, k) => timeRoute(k, c.base, start[k], stops[k], tickets, travel));
  return { routes, metrics: metricsOf(routes, tickets) };
}
