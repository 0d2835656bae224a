/**
 * Step 7 of the day: a waiting Normal ticket of higher SLA urgency takes the
 * place of a served one close to it (same or neighbouring H3 cell) when the
 * trip still fits in the shift: the count stays, the more overdue ticket goes
 * first.
 */
import { gridDisk, latLngToCell } from 'h3-js';
import type { LatLon } from '../zoning/travel.js';
import type { Day } from './day.js';
import { isUrgent, type PlannedRoute } from './model.js';
import { timeRoute } from './route.js';

/** Swaps in place; `waiting`: Normal tickets in no route. */
export function upgradeStops(day: Day, routes: PlannedRoute[], waiting: readonly number[]): void {
  const { tickets, crews, travel, resolution } = day.input;
  const { weightOf } = day;
  if (waiting.length === 0) return;
  const byCell = new Map<string, number[]>();
  const cellOf = (i: number) => latLngToCell(tickets[i].lat, tickets[i].lon, resolution);
  const addToCell = (i: number) => {
    const c = cellOf(i);
    const list = byCell.get(c);
    if (list) list.push(i);
    else byCell.set(c, [i]);
  };
  for (const i of waiting) addToCell(i);
  const taken = new Uint8Array(tickets.length);
  for (let k = 0; k < routes.length; k++) {
    let r = routes[k];
    for (let p = 0; p < r.stops.length; p++) {
      const current = r.stops[p].ticket;
      if (tickets[current].pinnedCrew != null || isUrgent(tickets[current].priority)) continue;
      const prev: LatLon = p === 0 ? r.from : tickets[r.stops[p - 1].ticket];
      const next: LatLon = p === r.stops.length - 1 ? r.to : tickets[r.stops[p + 1].ticket];
      const here = travel.seconds(prev, tickets[current]) + tickets[current].serviceSeconds + travel.seconds(tickets[current], next);
      let best = -1;
      let bestDelta = Infinity;
      for (const cell of gridDisk(cellOf(current), 1)) {
        for (const c of byCell.get(cell) ?? []) {
          if (taken[c] || weightOf(c) <= weightOf(current) || (best >= 0 && weightOf(c) < weightOf(best))) continue;
          const delta = travel.seconds(prev, tickets[c]) + tickets[c].serviceSeconds + travel.seconds(tickets[c], next) - here;
          if (r.endSeconds + delta > crews[k].shiftEndSeconds) continue;
          if (best < 0 || weightOf(c) > weightOf(best) || delta < bestDelta) {
            best = c;
            bestDelta = delta;
          }
        }
      }
      if (best < 0) continue;
      taken[best] = 1;
      taken[current] = 0;
      const stops = r.stops.map((s) => s.ticket);
      stops[p] = best;
      r = timeRoute(k, r.from, r.startSeconds, stops, tickets, travel, r.zoneId, r.to);
      addToCell(current);
    }
    routes[k] = r;
  }
}
