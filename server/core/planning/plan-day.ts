/**
 * The daily plan, pure: tickets and crews in, one closed trip per crew out.
 *
 *  1. Screen: tickets no crew can drive to, or that do not fit in any shift
 *     even alone, are unplanned at once with that reason.
 *  2. Pinned tickets go to their crew; Critical and High tickets to the crew
 *     with the nearest base that still has room for urgent work.
 *  3. Normal tickets are zoned (H3 cells grown into one crew-day each) and
 *     each crew gets one zone by an assignment that maximises the tickets it
 *     can serve (then SLA urgency, then nearness to its base).
 *  4. The trips are solved by the routing core per group of up to five crews
 *     with neighbouring bases: their pinned and urgent tickets, their zones,
 *     and a few free tickets near each zone. Solving a handful of crews at a
 *     time lets neighbours trade tickets at a zone's edge while the problem
 *     stays small (a city-scale day is many small solves, not one flat one).
 *     Served weight is maximised first (pinned > Critical > High > Normal by
 *     SLA urgency), then ticket count, then distance or finishing time.
 *  5. A fill pass offers every ticket left over to any crew with time left
 *     (cheapest feasible insertion), urgent first, so no crew idles while
 *     work that fits is waiting.
 *  6. A waiting Normal ticket of higher SLA urgency takes the place of a
 *     served one next to it when the trip still fits.
 *  7. Stops move between crews while that shortens the longest day
 *     ('makespan') or saves kilometres ('distance').
 *  8. Urgent stops are moved to the front of their trip when the shift allows.
 */
import { solveVrp, type VrpJob, type VrpProblem } from '../routing/index.js';
import { gridDisk, latLngToCell } from 'h3-js';
import { buildZones, type Zone } from '../zoning/zones.js';
import { haversineMetres, travelMatrices, type LatLon } from '../zoning/travel.js';
import { isUrgent, type PlanCrew, type PlanInput, type PlannedRoute, type PlanTicket, type UnplannedReason } from './model.js';
import { hungarian } from './assign.js';
import { insertionOptions, timeRoute } from './route.js';
import { improveAcrossCrews } from './improve.js';

export const PLAN_DEFAULTS = {
  budgetMs: 1500,
  seed: 1,
  /** Solver weights (integers): served weight is maximised before ticket count. */
  weight: { pinned: 1_000_000, critical: 100_000, high: 10_000, normal: 100 },
  /** Share of a crew's day that urgent tickets may fill before the next-nearest crew is preferred. */
  urgentShare: 0.5,
  /** Share of a crew's day its zone is sized to (the rest: to and from the zone). */
  zoneShare: 0.85,
  /** Travel on top of time on site when sharing a light day's work over the crews. */
  travelAllowance: 1.3,
  /** No zone is sized below this, seconds. */
  minZoneSeconds: 1800,
  /** Crews solved together (neighbouring bases, their zones and free tickets near them); 1: one crew at a time. */
  crewsPerSolve: 5,
  /** Free tickets near its zone offered to each crew's solve, to fill a day the zone leaves short. */
  fillCandidates: 12,
  /** Solver iterations per crew: base + perJob * jobs (the time budget caps them too). */
  iterationsBase: 150,
  iterationsPerJob: 15,
};

export interface DayPlan {
  routes: PlannedRoute[];
  unplanned: { ticket: number; reason: UnplannedReason }[];
  zones: Zone[];
  /** Crew index per zone (same order as zones), -1: no crew. */
  zoneCrew: number[];
}

/** 3: overdue when the day starts, 2: due during the day, 1: due by the end of tomorrow, 0: later. */
export function slaUrgency(t: Pick<PlanTicket, 'dueSeconds'>, dayStartSeconds: number, dayEndSeconds: number): number {
  if (t.dueSeconds === null) return 0;
  if (t.dueSeconds <= dayStartSeconds) return 3;
  if (t.dueSeconds <= dayEndSeconds) return 2;
  if (t.dueSeconds <= dayEndSeconds + 86_400) return 1;
  return 0;
}

/**
 * The size of a zone: what a median crew does in a day, less its commute; on
 * a light day, the day's Normal work shared out over the crews, so that every
 * crew gets some and none runs long.
 */
export function zoneCapacitySeconds(availableSeconds: readonly number[], normalServiceSeconds: number): number {
  if (availableSeconds.length === 0) return PLAN_DEFAULTS.zoneShare * 8 * 3600;
  const sorted = availableSeconds.slice().sort((a, b) => a - b);
  const day = PLAN_DEFAULTS.zoneShare * sorted[Math.floor(sorted.length / 2)];
  const share = (PLAN_DEFAULTS.travelAllowance * normalServiceSeconds) / sorted.length;
  return Math.max(PLAN_DEFAULTS.minZoneSeconds, Math.min(day, share));
}

export function planDay(input: PlanInput): DayPlan {
  const { tickets, crews, travel } = input;
  const K = crews.length;
  const T = tickets.length;
  const clock = input.clockMs ?? (() => performance.now());
  const started = clock();
  const budgetMs = input.budgetMs ?? PLAN_DEFAULTS.budgetMs;
  const notBefore = input.notBeforeSeconds ?? -Infinity;
  const startOf = crews.map((c) => Math.max(c.shiftStartSeconds, notBefore));
  const dayStart = Math.min(...startOf);
  const dayEnd = Math.max(...crews.map((c) => c.shiftEndSeconds));
  const W = PLAN_DEFAULTS.weight;
  const weightOf = (i: number): number => {
    const t = tickets[i];
    if (t.pinnedCrew != null) return W.pinned;
    if (t.priority === 'critical') return W.critical;
    if (t.priority === 'high') return W.high;
    return W.normal + slaUrgency(t, dayStart, dayEnd);
  };

  const unplanned: { ticket: number; reason: UnplannedReason }[] = [];
  const baseSeconds = tickets.map(() => new Float64Array(0));
  const canEverServe = (i: number, k: number) => {
    const t = tickets[i];
    const c = crews[k];
    return startOf[k] + travel.seconds(c.base, t) + t.serviceSeconds + travel.seconds(t, c.base) <= c.shiftEndSeconds && (c.capacityJobs === null || c.capacityJobs > 0);
  };

  // 1. Screening.
  const pinnedTo: number[][] = crews.map(() => []);
  const urgent: number[] = [];
  const normal: number[] = [];
  for (let i = 0; i < T; i++) {
    const t = tickets[i];
    const secs = new Float64Array(K);
    let nearest = Infinity;
    for (let k = 0; k < K; k++) {
      secs[k] = travel.seconds(crews[k].base, t);
      nearest = Math.min(nearest, haversineMetres(crews[k].base.lat, crews[k].base.lon, t.lat, t.lon));
    }
    baseSeconds[i] = secs;
    if (t.roadless || nearest > input.maxReachMetres) {
      unplanned.push({ ticket: i, reason: 'no_crew_in_reach' });
      continue;
    }
    if (t.pinnedCrew != null) {
      if (!canEverServe(i, t.pinnedCrew)) unplanned.push({ ticket: i, reason: 'shift_too_short' });
      else pinnedTo[t.pinnedCrew].push(i);
      continue;
    }
    let fits = false;
    for (let k = 0; k < K && !fits; k++) fits = canEverServe(i, k);
    if (!fits) unplanned.push({ ticket: i, reason: 'shift_too_short' });
    else if (isUrgent(t.priority)) urgent.push(i);
    else normal.push(i);
  }

  // 2. Urgent tickets to the nearest crew with room for urgent work.
  const available = crews.map((c, k) => Math.max(0, c.shiftEndSeconds - startOf[k]));
  const committed = crews.map((_, k) => pinnedTo[k].reduce((s, i) => s + tickets[i].serviceSeconds + baseSeconds[i][k], 0));
  const urgentOf: number[][] = crews.map(() => []);
  urgent.sort((a, b) => weightOf(b) - weightOf(a) || (tickets[a].dueSeconds ?? Infinity) - (tickets[b].dueSeconds ?? Infinity) || a - b);
  for (const i of urgent) {
    const order = crews.map((_, k) => k).filter((k) => canEverServe(i, k)).sort((a, b) => baseSeconds[i][a] - baseSeconds[i][b] || a - b);
    const load = (k: number) => committed[k] + tickets[i].serviceSeconds + baseSeconds[i][k];
    const k = order.find((k) => load(k) <= PLAN_DEFAULTS.urgentShare * available[k]) ?? order[0];
    urgentOf[k].push(i);
    committed[k] = load(k);
  }

  // 3. Zones of Normal tickets, one per crew.
  let normalService = 0;
  for (const i of normal) normalService += tickets[i].serviceSeconds;
  const capacity = zoneCapacitySeconds(available, normalService);
  const zones = normal.length > 0 ? buildZones(normal.map((i) => tickets[i]), { resolution: input.resolution, capacitySeconds: capacity, travel }) : [];
  for (const z of zones) z.tickets = z.tickets.map((local) => normal[local]);
  const zoneCrew = matchZones(zones, input, startOf, committed, (i) => weightOf(i) - W.normal);
  const zoneOfCrew = new Int32Array(K).fill(-1);
  zoneCrew.forEach((k, z) => {
    if (k >= 0) zoneOfCrew[k] = z;
  });

  // 4. One solve per group of neighbouring crews, over their zones. Tickets of zones no crew got are free to pick up.
  const free = new Set<number>();
  zones.forEach((z, zi) => {
    if (zoneCrew[zi] < 0) for (const i of z.tickets) free.add(i);
  });
  const routeStops: number[][] = crews.map(() => []);
  const left: number[] = [];
  const groups = groupCrews(crews, PLAN_DEFAULTS.crewsPerSolve);
  let crewsDone = 0;
  for (const group of groups) {
    const jobs: number[] = [];
    const extra: number[] = [];
    // Crews with the most time left choose their extra candidates first.
    const order = group.slice().sort((a, b) => available[b] - committed[b] - (available[a] - committed[a]) || a - b);
    for (const k of order) {
      const zone = zoneOfCrew[k] >= 0 ? zones[zoneOfCrew[k]] : null;
      jobs.push(...pinnedTo[k], ...urgentOf[k], ...(zone ? zone.tickets : []));
      const mine = nearestFree(free, tickets, zone ? zone.centroid : crews[k].base, PLAN_DEFAULTS.fillCandidates);
      for (const i of mine) free.delete(i);
      extra.push(...mine);
    }
    jobs.push(...extra);
    if (jobs.length === 0) {
      crewsDone += group.length;
      continue;
    }
    const remainingMs = Math.max(0, budgetMs - (clock() - started));
    const timeMs = Math.max(5, (remainingMs * group.length) / (K - crewsDone));
    crewsDone += group.length;
    const solved = solveGroup(group, jobs, input, startOf, weightOf, timeMs);
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

  // 5. Fill pass: everything left, urgent first, into any route with time for it.
  const routes = crews.map((c, k) => timeRoute(k, c.base, startOf[k], routeStops[k], tickets, travel, zoneOfCrew[k] >= 0 ? zones[zoneOfCrew[k]].id : null));
  const pending = [...left, ...free];
  fillRoutes(routes, pending, input, weightOf);

  // 6. Swap in more urgent Normal tickets where one fits in place of a less urgent one.
  const served = new Uint8Array(T);
  for (const r of routes) for (const s of r.stops) served[s.ticket] = 1;
  const screenedOut = new Set(unplanned.map((u) => u.ticket));
  const waiting = normal.filter((i) => !served[i] && !screenedOut.has(i));
  upgradeStops(routes, waiting, input, weightOf);

  // 7. Stops moved between crews: the longest day shorter ('makespan'), or fewer km ('distance');
  //    the time a move frees goes to what is still waiting.
  if (improveAcrossCrews(routes, tickets, crews, travel, input.objective) > 0) {
    const inAnyRoute = new Uint8Array(T);
    for (const r of routes) for (const st of r.stops) inAnyRoute[st.ticket] = 1;
    fillRoutes(routes, [...urgent, ...normal].filter((i) => !inAnyRoute[i]), input, weightOf);
  }

  // 8. Urgent stops first where the shift allows; else the direction that reaches them sooner.
  for (let k = 0; k < K; k++) routes[k] = urgentFirst(routes[k], input);

  // Reasons for what is still left.
  const inRoutes = new Uint8Array(T);
  for (const r of routes) for (const s of r.stops) inRoutes[s.ticket] = 1;
  const screened = new Set(unplanned.map((u) => u.ticket));
  for (let i = 0; i < T; i++) {
    if (inRoutes[i] || screened.has(i)) continue;
    unplanned.push({ ticket: i, reason: reasonLeftOver(i, input, routes, startOf) });
  }
  unplanned.sort((a, b) => a.ticket - b.ticket);
  return { routes, unplanned, zones, zoneCrew };
}

/**
 * A trip visits its urgent stops first when that fits in the shift (the
 * cheaper of the two directions through the rest); otherwise it keeps its
 * order, run in whichever direction reaches the first urgent stop sooner
 * (travel is symmetric: the same length either way).
 */
function urgentFirst(r: PlannedRoute, input: PlanInput): PlannedRoute {
  const { tickets, crews, travel } = input;
  const crew = crews[r.crew];
  const order = r.stops.map((s) => s.ticket);
  const isFront = (i: number) => tickets[i].pinnedCrew == null && isUrgent(tickets[i].priority);
  const front = order.filter(isFront);
  if (front.length === 0 || front.length === order.length) return r;
  const rest = order.filter((i) => !isFront(i));
  const retime = (stops: number[]) => timeRoute(r.crew, r.from, r.startSeconds, stops, tickets, travel, r.zoneId, r.to);
  const fits = [retime([...front, ...rest]), retime([...front, ...rest.slice().reverse()])].filter((c) => c.endSeconds <= crew.shiftEndSeconds);
  if (fits.length > 0) return fits.reduce((a, b) => (b.distanceMetres < a.distanceMetres ? b : a));
  const reversed = retime(order.slice().reverse());
  const firstUrgent = (c: PlannedRoute) => c.stops.find((s) => isFront(s.ticket))!.arrivalSeconds;
  return reversed.endSeconds <= crew.shiftEndSeconds && firstUrgent(reversed) < firstUrgent(r) ? reversed : r;
}

/**
 * Replaces a served Normal stop by a waiting one of higher SLA urgency close
 * to it, when the trip still fits in the shift: the count stays, the more
 * overdue ticket goes first.
 */
function upgradeStops(routes: PlannedRoute[], waiting: number[], input: PlanInput, weightOf: (i: number) => number): void {
  const { tickets, crews, travel } = input;
  if (waiting.length === 0) return;
  const byCell = new Map<string, number[]>();
  const cellOf = (i: number) => latLngToCell(tickets[i].lat, tickets[i].lon, input.resolution);
  for (const i of waiting) {
    const c = cellOf(i);
    const list = byCell.get(c);
    if (list) list.push(i);
    else byCell.set(c, [i]);
  }
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
      const list = byCell.get(cellOf(current));
      if (list) list.push(current);
      else byCell.set(cellOf(current), [current]);
    }
    routes[k] = r;
  }
}

function nearestFree(free: Set<number>, tickets: readonly PlanTicket[], centre: LatLon, count: number): number[] {
  if (free.size === 0 || count <= 0) return [];
  const scored: { i: number; d: number }[] = [];
  for (const i of free) scored.push({ i, d: haversineMetres(centre.lat, centre.lon, tickets[i].lat, tickets[i].lon) });
  scored.sort((a, b) => a.d - b.d || a.i - b.i);
  return scored.slice(0, count).map((s) => s.i);
}

/**
 * Crews x zones, value = 100 x tickets it can likely serve + SLA urgency of
 * those, less a hair per km from the base (fuel), maximised by assignment.
 */
function matchZones(zones: Zone[], input: PlanInput, startOf: number[], committed: number[], urgencyOf: (i: number) => number): number[] {
  const { crews, travel } = input;
  const K = crews.length;
  const Z = zones.length;
  const zoneCrew = new Array<number>(Z).fill(-1);
  if (Z === 0 || K === 0) return zoneCrew;
  const urgencyPerTicket = zones.map((z) => z.tickets.reduce((s, i) => s + urgencyOf(i), 0) / z.tickets.length);
  const value = (k: number, z: number) => {
    const c = crews[k];
    const zone = zones[z];
    const commute = travel.seconds(c.base, zone.centroid);
    const room = c.shiftEndSeconds - startOf[k] - committed[k] - 2 * commute;
    const share = Math.max(0, Math.min(1, room / zone.workSeconds));
    const served = zone.tickets.length * share;
    return served * (100 + urgencyPerTicket[z]) - travel.metres(c.base, zone.centroid) / 1000;
  };
  const rows = Math.min(K, Z);
  const cols = Math.max(K, Z);
  const cost = new Float64Array(rows * cols);
  const crewsAreRows = K <= Z;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) cost[r * cols + c] = crewsAreRows ? -value(r, c) : -value(c, r);
  }
  const match = hungarian(cost, rows, cols);
  for (let r = 0; r < rows; r++) {
    const c = match[r];
    if (c < 0) continue;
    const [k, z] = crewsAreRows ? [r, c] : [c, r];
    if (value(k, z) > 0) zoneCrew[z] = k;
  }
  return zoneCrew;
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
  const taken = new Uint8Array(K);
  const groups: number[][] = [];
  const order = crews.map((_, k) => k).sort((a, b) => fromCentre[b] - fromCentre[a] || a - b);
  for (const seed of order) {
    if (taken[seed]) continue;
    const near = crews
      .map((_, k) => k)
      .filter((k) => !taken[k] && k !== seed)
      .sort((a, b) => haversineMetres(crews[a].base.lat, crews[a].base.lon, crews[seed].base.lat, crews[seed].base.lon) - haversineMetres(crews[b].base.lat, crews[b].base.lon, crews[seed].base.lat, crews[seed].base.lon) || a - b);
    const group = [seed, ...near.slice(0, size - 1)];
    for (const k of group) taken[k] = 1;
    groups.push(group.sort((a, b) => a - b));
  }
  return groups;
}

/** A group of crews, one closed trip each, by the routing core; returns each crew's tickets in visit order. */
function solveGroup(group: number[], jobs: number[], input: PlanInput, startOf: number[], weightOf: (i: number) => number, timeMs: number): number[][] {
  const { tickets, crews, travel } = input;
  const points: LatLon[] = [...group.map((k) => crews[k].base), ...jobs.map((i) => tickets[i])];
  const { distances, durations } = travelMatrices(points, travel);
  const local = new Map(group.map((k, g) => [k, g]));
  const vrpJobs: VrpJob[] = jobs.map((i, p) => {
    const pinned = tickets[i].pinnedCrew;
    return {
      location: group.length + p,
      serviceSeconds: tickets[i].serviceSeconds,
      priority: weightOf(i),
      ...(pinned != null ? { allowedVehicles: [local.get(pinned)!] } : {}),
    };
  });
  const problem: VrpProblem = {
    size: points.length,
    durations,
    distances,
    vehicles: group.map((k, g) => ({ start: g, end: g, capacity: crews[k].capacityJobs ?? undefined, shiftStartSeconds: startOf[k], shiftEndSeconds: crews[k].shiftEndSeconds })),
    jobs: vrpJobs,
    objective: input.objective,
  };
  const solution = solveVrp(problem, {
    timeMs,
    iterations: PLAN_DEFAULTS.iterationsBase * group.length + PLAN_DEFAULTS.iterationsPerJob * jobs.length,
    seed: input.seed ?? PLAN_DEFAULTS.seed,
    now: input.clockMs,
  });
  return group.map((_, g) => solution.routes[g].jobs.map((j) => jobs[j]));
}

/** Cheapest feasible insertion of the leftovers, most weight first, then the cheapest. */
function fillRoutes(routes: PlannedRoute[], pending: number[], input: PlanInput, weightOf: (i: number) => number): void {
  const { tickets, crews, travel } = input;
  const bestFor = (i: number) => {
    let best: { k: number; position: number; score: number } | null = null;
    const t = tickets[i];
    for (let k = 0; k < crews.length; k++) {
      if (t.pinnedCrew != null && t.pinnedCrew !== k) continue;
      for (const o of insertionOptions(routes[k], tickets, t, crews[k], travel)) {
        const score = input.objective === 'makespan' ? o.endSeconds - routes[k].startSeconds : o.addedMetres;
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
  const urgentLeft = pending.filter((i) => weightOf(i) >= PLAN_DEFAULTS.weight.high).sort((a, b) => weightOf(b) - weightOf(a) || a - b);
  const evicted: number[] = [];
  for (const i of urgentLeft) {
    const best = bestFor(i);
    if (best) insert(i, best.k, best.position);
    else evicted.push(...insertByEviction(routes, i, input, weightOf));
  }
  const rest = [...pending.filter((i) => weightOf(i) < PLAN_DEFAULTS.weight.high), ...evicted];
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
function insertByEviction(routes: PlannedRoute[], i: number, input: PlanInput, weightOf: (i: number) => number): number[] {
  const { tickets, crews, travel } = input;
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

function reasonLeftOver(i: number, input: PlanInput, routes: PlannedRoute[], startOf: number[]): UnplannedReason {
  const t = input.tickets[i];
  if (t.pinnedCrew != null) return 'pinned_crew_full';
  // The limit the crews that could have taken it ran into: job count, else hours.
  let capacityBound = false;
  let timeBound = false;
  input.crews.forEach((c, k) => {
    const fitsAlone = startOf[k] + input.travel.seconds(c.base, t) + t.serviceSeconds + input.travel.seconds(t, c.base) <= c.shiftEndSeconds;
    if (!fitsAlone) return;
    if (c.capacityJobs !== null && routes[k].stops.length >= c.capacityJobs) capacityBound = true;
    else timeBound = true;
  });
  return capacityBound && !timeBound ? 'crew_capacity' : 'shift_full';
}
