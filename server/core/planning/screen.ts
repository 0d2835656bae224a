/**
 * Step 1 of the day, the pool: tickets no crew can drive to, or that do not
 * fit in any shift even alone, are unplanned at once with that reason; the
 * rest are sorted into pinned (per crew), urgent and Normal.
 */
import { haversineMetres } from '../zoning/travel.js';
import type { Day } from './day.js';
import { isUrgent, type UnplannedReason } from './model.js';

export interface Unplanned {
  ticket: number;
  reason: UnplannedReason;
}

export interface Pool {
  /** Pinned tickets per crew. */
  pinnedTo: number[][];
  /** Critical and High tickets, most weight first, then the earliest due. */
  urgent: number[];
  normal: number[];
  /** Screened out, with the reason. */
  unplanned: Unplanned[];
  /** Seconds from each crew's base, per ticket. */
  baseSeconds: Float64Array[];
}

export function screenPool(day: Day): Pool {
  const { tickets, crews, travel } = day.input;
  const K = crews.length;
  const pool: Pool = { pinnedTo: crews.map(() => []), urgent: [], normal: [], unplanned: [], baseSeconds: tickets.map(() => new Float64Array(0)) };
  for (let i = 0; i < tickets.length; i++) {
    const t = tickets[i];
    const secs = new Float64Array(K);
    // Travel time grows with the straight line: the straight line is measured to the quickest base only.
    let quickest = -1;
    for (let k = 0; k < K; k++) {
      secs[k] = travel.seconds(crews[k].base, t);
      if (quickest < 0 || secs[k] < secs[quickest]) quickest = k;
    }
    const nearest = quickest < 0 ? Infinity : haversineMetres(crews[quickest].base.lat, crews[quickest].base.lon, t.lat, t.lon);
    pool.baseSeconds[i] = secs;
    if (t.roadless || nearest > day.input.maxReachMetres) {
      pool.unplanned.push({ ticket: i, reason: 'no_crew_in_reach' });
      continue;
    }
    if (t.pinnedCrew != null) {
      if (!day.canEverServe(i, t.pinnedCrew)) pool.unplanned.push({ ticket: i, reason: 'shift_too_short' });
      else pool.pinnedTo[t.pinnedCrew].push(i);
      continue;
    }
    let fits = false;
    for (let k = 0; k < K && !fits; k++) fits = day.canEverServe(i, k);
    if (!fits) pool.unplanned.push({ ticket: i, reason: 'shift_too_short' });
    else if (isUrgent(t.priority)) pool.urgent.push(i);
    else pool.normal.push(i);
  }
  pool.urgent.sort((a, b) => day.weightOf(b) - day.weightOf(a) || (tickets[a].dueSeconds ?? Infinity) - (tickets[b].dueSeconds ?? Infinity) || a - b);
  return pool;
}
