/**
 * Moves between crews after the per-crew solves, which cannot see each
 * other: one stop at a time from one trip to another (relocate).
 *
 * - 'makespan': take a stop off the longest day and put it where the longer
 *   of the two days is shortest, while that beats the longest day.
 * - 'distance': any move that saves kilometres, and whole trips traded
 *   between two crews when that saves kilometres.
 *
 * Never drops a stop, never breaks a shift or a job capacity, never moves a
 * pinned stop. Pure.
 */
import type { LatLon, TravelModel } from '../zoning/travel.js';
import type { PlanCrew, PlannedRoute, PlanObjective, PlanTicket } from './model.js';
import { insertionOptions, timeRoute } from './route.js';

export const IMPROVE_DEFAULTS = {
  /** Moves at most, per plan. */
  maxMoves: 2000,
};

function removal(r: PlannedRoute, p: number, tickets: readonly PlanTicket[], travel: TravelModel): { seconds: number; metres: number } {
  const s = tickets[r.stops[p].ticket];
  const prev: LatLon = p === 0 ? r.from : tickets[r.stops[p - 1].ticket];
  const next: LatLon = p === r.stops.length - 1 ? r.to : tickets[r.stops[p + 1].ticket];
  const alone = r.stops.length === 1 && r.from === r.to;
  const direct = alone ? 0 : travel.metres(prev, next);
  const directS = alone ? 0 : travel.secondsForMetres(direct);
  const inM = travel.metres(prev, s);
  const outM = travel.metres(s, next);
  return {
    metres: inM + outM - direct,
    seconds: travel.secondsForMetres(inM) + s.serviceSeconds + travel.secondsForMetres(outM) - directS,
  };
}

export function improveAcrossCrews(routes: PlannedRoute[], tickets: readonly PlanTicket[], crews: readonly PlanCrew[], travel: TravelModel, objective: PlanObjective): number {
  let moves = 0;
  const length = (r: PlannedRoute) => r.endSeconds - r.startSeconds;
  const movable = (i: number) => tickets[i].pinnedCrew == null;
  const apply = (from: number, p: number, to: number, position: number) => {
    const a = routes[from];
    const b = routes[to];
    const moved = a.stops[p].ticket;
    const aStops = a.stops.map((s) => s.ticket).filter((_, q) => q !== p);
    const bStops = b.stops.map((s) => s.ticket);
    bStops.splice(position, 0, moved);
    routes[from] = timeRoute(from, a.from, a.startSeconds, aStops, tickets, travel, a.zoneId, a.to);
    routes[to] = timeRoute(to, b.from, b.startSeconds, bStops, tickets, travel, b.zoneId, b.to);
    moves++;
  };

  if (objective === 'makespan') {
    while (moves < IMPROVE_DEFAULTS.maxMoves) {
      let longest = 0;
      for (let k = 1; k < routes.length; k++) if (length(routes[k]) > length(routes[longest])) longest = k;
      const a = routes[longest];
      const worst = length(a);
      let best: { p: number; to: number; position: number; max: number } | null = null;
      for (let p = 0; p < a.stops.length; p++) {
        const i = a.stops[p].ticket;
        if (!movable(i)) continue;
        const aAfter = worst - removal(a, p, tickets, travel).seconds;
        for (let k = 0; k < routes.length; k++) {
          if (k === longest) continue;
          for (const o of insertionOptions(routes[k], tickets, tickets[i], crews[k], travel)) {
            const max = Math.max(aAfter, o.endSeconds - routes[k].startSeconds);
            if (max < worst && (!best || max < best.max)) best = { p, to: k, position: o.position, max };
          }
        }
      }
      if (!best) break;
      apply(longest, best.p, best.to, best.position);
    }
    return moves;
  }

  let improved = true;
  while (improved && moves < IMPROVE_DEFAULTS.maxMoves) {
    improved = false;
    // Whole trips traded between two crews (a zone given to the farther of two bases).
    for (let a = 0; a < routes.length; a++) {
      for (let b = a + 1; b < routes.length; b++) {
        const ra = routes[a];
        const rb = routes[b];
        if (ra.stops.length === 0 && rb.stops.length === 0) continue;
        if (![...ra.stops, ...rb.stops].every((s) => movable(s.ticket))) continue;
        const capA = crews[a].capacityJobs;
        const capB = crews[b].capacityJobs;
        if ((capA !== null && rb.stops.length > capA) || (capB !== null && ra.stops.length > capB)) continue;
        const na = timeRoute(a, ra.from, ra.startSeconds, rb.stops.map((s) => s.ticket), tickets, travel, rb.zoneId, ra.to);
        const nb = timeRoute(b, rb.from, rb.startSeconds, ra.stops.map((s) => s.ticket), tickets, travel, ra.zoneId, rb.to);
        if (na.endSeconds > crews[a].shiftEndSeconds || nb.endSeconds > crews[b].shiftEndSeconds) continue;
        if (na.distanceMetres + nb.distanceMetres < ra.distanceMetres + rb.distanceMetres) {
          routes[a] = na;
          routes[b] = nb;
          moves++;
          improved = true;
        }
      }
    }
    for (let from = 0; from < routes.length; from++) {
      for (let p = 0; p < routes[from].stops.length; p++) {
        const a = routes[from];
        const i = a.stops[p].ticket;
        if (!movable(i)) continue;
        const saved = removal(a, p, tickets, travel).metres;
        let best: { to: number; position: number; gain: number } | null = null;
        for (let k = 0; k < routes.length; k++) {
          if (k === from) continue;
          for (const o of insertionOptions(routes[k], tickets, tickets[i], crews[k], travel)) {
            const gain = saved - o.addedMetres;
            if (gain > 0 && (!best || gain > best.gain)) best = { to: k, position: o.position, gain };
          }
        }
        if (best) {
          apply(from, p, best.to, best.position);
          improved = true;
          p--;
        }
      }
    }
  }
  return moves;
}
