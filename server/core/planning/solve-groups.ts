/**
 * Step 5 of the day: the trips are solved by the routing core per group of up
 * to five crews with neighbouring bases: their pinned and urgent tickets,
 * their zones, and a few free tickets near each zone. Solving a handful of
 * crews at a time lets neighbours trade tickets at a zone's edge while the
 * problem stays small (a city-scale day is many small solves, not one flat
 * one). Served weight is maximised first (pinned > Critical > High > Normal by
 * SLA urgency), then ticket count, then distance or finishing time.
 */
import { solveVrp, type VrpJob, type VrpProblem } from '../routing/index.js';
import { haversineMetres, travelMatrices, type LatLon } from '../zoning/travel.js';
import { PLAN_DEFAULTS, type Day } from './day.js';
import type { PlanCrew, PlanTicket } from './model.js';
import type { Pool } from './screen.js';
import type { UrgentWork } from './urgent.js';
import type { DayZones } from './zone-crews.js';

export interface GroupSolves {
  /** Each crew's tickets in visit order. */
  routeStops: number[][];
  /** Tickets a crew's own solve left out (its pinned, urgent and zone tickets). */
  left: number[];
  /** Tickets no crew took: zones without a crew, and extra candidates no solve used. */
  free: Set<number>;
}

/** The solver's time: what is left of budgetMs on `clock` when each group starts, shared by its crews. */
export interface SolveTime {
  budgetMs: number;
  clock: () => number;
  startedMs: number;
}

export function solveCrewGroups(day: Day, pool: Pool, urgent: UrgentWork, zoning: DayZones, time: SolveTime): GroupSolves {
  const { tickets, crews } = day.input;
  const K = crews.length;
  const { zones, zoneCrew, zoneOfCrew } = zoning;
  // Tickets of zones no crew got are free to pick up.
  const free = new Set<number>();
  zones.forEach((z, zi) => {
    if (zoneCrew[zi] < 0) for (const i of z.tickets) free.add(i);
  });
  // Zones off: every Normal ticket is free, and each crew is offered about a day and a half of the nearest ones.
  const zonesOff = day.input.zones === false;
  if (zonesOff) for (const i of pool.normal) free.add(i);
  let meanService = 0;
  for (const i of pool.normal) meanService += tickets[i].serviceSeconds / pool.normal.length;
  const candidatesOf = (k: number) => (zonesOff && meanService > 0 ? Math.ceil((1.5 * (day.available[k] - urgent.committed[k])) / meanService) : zoning.aroundBases ? PLAN_DEFAULTS.fillCandidatesOverFull : PLAN_DEFAULTS.fillCandidates);
  const routeStops: number[][] = crews.map(() => []);
  const left: number[] = [];
  let crewsDone = 0;
  for (const group of groupCrews(crews, PLAN_DEFAULTS.crewsPerSolve)) {
    const jobs: number[] = [];
    const extra: number[] = [];
    // Crews with the most time left choose their extra candidates first.
    const room = (k: number) => day.available[k] - urgent.committed[k];
    const order = group.slice().sort((a, b) => room(b) - room(a) || a - b);
    for (const k of order) {
      const zone = zoneOfCrew[k] >= 0 ? zones[zoneOfCrew[k]] : null;
      jobs.push(...pool.pinnedTo[k], ...urgent.urgentOf[k], ...(zone ? zone.tickets : []));
      const mine = nearestFree(free, tickets, zone ? zone.centroid : crews[k].base, candidatesOf(k));
      for (const i of mine) free.delete(i);
      extra.push(...mine);
    }
    jobs.push(...extra);
    if (jobs.length === 0) {
      crewsDone += group.length;
      continue;
    }
    const remainingMs = Math.max(0, time.budgetMs - (time.clock() - time.startedMs));
    const timeMs = Math.max(5, (remainingMs * group.length) / (K - crewsDone));
    crewsDone += group.length;
    const solved = solveGroup(day, group, jobs, timeMs, time.clock);
    day.input.onProgress?.(crewsDone, K);
    const inRoute = new Set<number>();
    group.forEach((k, g) => {
      routeStops[k] = solved[g];
      for (const i of solved[g]) inRoute.add(i);
    });
    const extraSet = new Set(extra);
    for (const i of jobs) {
      if (inRoute.has(i)) continue;
      if (extraSet.has(i)) free.add(i);
      else left.push(i);
    }
  }
  return { routeStops, left, free };
}

/**
 * Groups of up to `size` crews with neighbouring bases: from the edge of the
 * map inwards, each group is a crew and its nearest unassigned crews.
 */
export function groupCrews(crews: readonly PlanCrew[], size: number): number[][] {
  const K = crews.length;
  if (size <= 1) return crews.map((_, k) => [k]);
  let lat = 0;
  let lon = 0;
  for (const c of crews) {
    lat += c.base.lat / K;
    lon += c.base.lon / K;
  }
  const fromCentre = crews.map((c) => haversineMetres(c.base.lat, c.base.lon, lat, lon));
  const between = (a: number, b: number) => haversineMetres(crews[a].base.lat, crews[a].base.lon, crews[b].base.lat, crews[b].base.lon);
  const taken = new Uint8Array(K);
  const groups: number[][] = [];
  const order = crews.map((_, k) => k).sort((a, b) => fromCentre[b] - fromCentre[a] || a - b);
  for (const seed of order) {
    if (taken[seed]) continue;
    const near = crews
      .map((_, k) => k)
      .filter((k) => !taken[k] && k !== seed)
      .sort((a, b) => between(a, seed) - between(b, seed) || a - b);
    const group = [seed, ...near.slice(0, size - 1)];
    for (const k of group) taken[k] = 1;
    groups.push(group.sort((a, b) => a - b));
  }
  return groups;
}

function nearestFree(free: Set<number>, tickets: readonly PlanTicket[], centre: LatLon, count: number): number[] {
  if (free.size === 0 || count <= 0) return [];
  // The `count` nearest, kept sorted as they come (no sort of the whole free set: it can hold thousands).
  const best: { i: number; d: number }[] = [];
  for (const i of free) {
    const d = haversineMetres(centre.lat, centre.lon, tickets[i].lat, tickets[i].lon);
    if (best.length === count && (d > best[count - 1].d || (d === best[count - 1].d && i > best[count - 1].i))) continue;
    let p = best.length < count ? best.length : count - 1;
    if (best.length < count) best.push({ i, d });
    while (p > 0 && (best[p - 1].d > d || (best[p - 1].d === d && best[p - 1].i > i))) {
      best[p] = best[p - 1];
      p--;
    }
    best[p] = { i, d };
  }
  return best.map((s) => s.i);
}

/** A group of crews, one closed trip each, by the routing core; returns each crew's tickets in visit order. */
function solveGroup(day: Day, group: number[], jobs: number[], timeMs: number, clock: () => number): number[][] {
  const { tickets, crews, travel } = day.input;
  const points: LatLon[] = [...group.map((k) => crews[k].base), ...jobs.map((i) => tickets[i])];
  const { distances, durations } = travelMatrices(points, travel);
  const local = new Map(group.map((k, g) => [k, g]));
  const vrpJobs: VrpJob[] = jobs.map((i, p) => {
    const pinned = tickets[i].pinnedCrew;
    return {
      location: group.length + p,
      serviceSeconds: tickets[i].serviceSeconds,
      priority: day.weightOf(i),
      ...(pinned != null ? { allowedVehicles: [local.get(pinned)!] } : {}),
    };
  });
  const problem: VrpProblem = {
    size: points.length,
    durations,
    distances,
    vehicles: group.map((k, g) => ({ start: g, end: g, capacity: crews[k].capacityJobs ?? undefined, shiftStartSeconds: day.startOf[k], shiftEndSeconds: crews[k].shiftEndSeconds })),
    jobs: vrpJobs,
    objective: day.input.objective,
  };
  const solution = solveVrp(problem, {
    timeMs,
    iterations: Math.max(1, Math.round((day.input.iterationScale ?? 1) * (PLAN_DEFAULTS.iterationsBase * group.length + PLAN_DEFAULTS.iterationsPerJob * jobs.length))),
    seed: day.input.seed ?? PLAN_DEFAULTS.seed,
    now: clock,
    timeLead: PLAN_DEFAULTS.timeLead,
  });
  return group.map((_, g) => solution.routes[g].jobs.map((j) => jobs[j]));
}
