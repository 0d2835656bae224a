/**
 * Step 6 of the day (and again after step 8): every ticket left over is
 * offered to any crew with time left (cheapest feasible insertion), urgent
 * first, so no crew idles while work that fits is waiting. An urgent ticket
 * with no room anywhere takes the place of the fewest Normal stops of one trip.
 */
import { PLAN_DEFAULTS, type Day } from './day.js';
import type { PlannedRoute } from './model.js';
import { insertionOptions, timeRoute } from './route.js';

/** Inserts what fits of `pending` into `routes` (in place): most weight first, then the cheapest. */
export function fillRoutes(day: Day, routes: PlannedRoute[], pending: readonly number[]): void {
  const { tickets, crews, travel, objective } = day.input;
  const { weightOf } = day;
  const bestFor = (i: number) => {
    let best: { k: number; position: number; score: number } | null = null;
    const t = tickets[i];
    for (let k = 0; k < crews.length; k++) {
      if (t.pinnedCrew != null && t.pinnedCrew !== k) continue;
      for (const o of insertionOptions(routes[k], tickets, t, crews[k], travel)) {
        const score = objective === 'makespan' ? o.endSeconds - routes[k].startSeconds : o.addedMetres;
        if (!best || score < best.score) best = { k, position: o.position, score };
      }
    }
    return best;
  };
  const insert = (i: number, k: number, position: number) => {
    const r = routes[k];
    const stops = r.stops.map((s) => s.ticket);
    stops.splice(position, 0, i);
    routes[k] = timeRoute(k, crews[k].base, r.startSeconds, stops, tickets, travel, r.zoneId);
  };
  // Urgent work first: when no route has room, it takes the place of Normal stops.
  const isUrgentWeight = (i: number) => weightOf(i) >= PLAN_DEFAULTS.weight.high;
  const urgentLeft = pending.filter(isUrgentWeight).sort((a, b) => weightOf(b) - weightOf(a) || a - b);
  const evicted: number[] = [];
  for (const i of urgentLeft) {
    const best = bestFor(i);
    if (best) insert(i, best.k, best.position);
    else evicted.push(...insertByEviction(day, routes, i));
  }
  const rest = [...pending.filter((i) => !isUrgentWeight(i)), ...evicted];
  const firstScore = new Map<number, number>();
  for (const i of rest) firstScore.set(i, bestFor(i)?.score ?? Infinity);
  const order = rest.filter((i) => firstScore.get(i)! < Infinity).sort((a, b) => weightOf(b) - weightOf(a) || firstScore.get(a)! - firstScore.get(b)! || a - b);
  for (const i of order) {
    const best = bestFor(i);
    if (best) insert(i, best.k, best.position);
  }
}

/**
 * Places urgent ticket i by dropping the fewest Normal stops (the least
 * urgent, then the costliest to keep) from one route; returns the dropped
 * tickets. Nothing changes if no route can make room.
 */
function insertByEviction(day: Day, routes: PlannedRoute[], i: number): number[] {
  const { tickets, crews, travel } = day.input;
  const { weightOf } = day;
  const t = tickets[i];
  let best: { k: number; stops: number[]; dropped: number[]; added: number } | null = null;
  for (let k = 0; k < crews.length; k++) {
    if (t.pinnedCrew != null && t.pinnedCrew !== k) continue;
    const r = routes[k];
    let stops = r.stops.map((s) => s.ticket);
    const dropped: number[] = [];
    for (;;) {
      const current = timeRoute(k, crews[k].base, r.startSeconds, stops, tickets, travel);
      const options = insertionOptions(current, tickets, t, crews[k], travel);
      if (options.length > 0) {
        const o = options.reduce((a, b) => (b.addedMetres < a.addedMetres ? b : a));
        const withI = stops.slice();
        withI.splice(o.position, 0, i);
        if (!best || dropped.length < best.dropped.length || (dropped.length === best.dropped.length && o.addedMetres < best.added))
          best = { k, stops: withI, dropped: dropped.slice(), added: o.addedMetres };
        break;
      }
      const droppable = stops.filter((j) => weightOf(j) < PLAN_DEFAULTS.weight.high);
      if (droppable.length === 0 || (best && dropped.length + 1 > best.dropped.length)) break;
      // Least urgent first; among equals the one whose removal saves the most time.
      const saving = (j: number) => {
        const p = stops.indexOf(j);
        const prev = p === 0 ? crews[k].base : tickets[stops[p - 1]];
        const next = p === stops.length - 1 ? crews[k].base : tickets[stops[p + 1]];
        return travel.seconds(prev, tickets[j]) + travel.seconds(tickets[j], next) - travel.seconds(prev, next) + tickets[j].serviceSeconds;
      };
      const victim = droppable.reduce((a, b) => (weightOf(b) < weightOf(a) || (weightOf(b) === weightOf(a) && saving(b) > saving(a)) ? b : a));
      stops = stops.filter((j) => j !== victim);
      dropped.push(victim);
    }
  }
  if (!best) return [];
  const r = routes[best.k];
  routes[best.k] = timeRoute(best.k, crews[best.k].base, r.startSeconds, best.stops, tickets, travel, r.zoneId);
  return best.dropped;
}
