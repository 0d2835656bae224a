/**
 * The daily plan, pure: tickets and crews in, one closed trip per crew out.
 * A pipeline of small steps, one file each:
 *
 *   1. screen.ts        the pool: unreachable or too long for any shift -> unplanned; pinned, urgent, Normal
 *   2. urgent.ts        pinned tickets to their crew, urgent ones to the nearest crew with room for them
 *   3. zone-crews.ts    Normal tickets zoned (H3 cells grown into one crew-day each)
 *   4. zone-crews.ts    one zone per crew, by assignment
 *   5. solve-groups.ts  the routing core per group of neighbouring crews
 *   6. fill.ts          what is left, into any trip with time for it (urgent first)
 *   7. upgrade.ts       a more overdue Normal ticket in place of a served one next to it
 *   8. improve.ts       stops moved between crews by the routing core's operators; the time freed filled again
 *                       (objective 'makespan': the prize search below weighs distance, not the longest day)
 *   9. urgent-first.ts  urgent stops at the front of their trip where the shift allows
 *  10. refine.ts        which tickets get served: the routing core's prize search over the whole day
 *                       (urgent stops kept first); each crew's zone is then the cells of its Normal stops
 *  11. reasons.ts       why each ticket left out rolls over
 */
import { monotonicMs } from '../routing/index.js';
import type { Zone } from '../zoning/zones.js';
import { dayOf, PLAN_DEFAULTS } from './day.js';
import { fillRoutes } from './fill.js';
import { improveAcrossCrews } from './improve.js';
import type { PlanInput, PlannedRoute, UnplannedReason } from './model.js';
import { rollOverReasons } from './reasons.js';
import { refineDay } from './refine.js';
import { timeRoute } from './route.js';
import { screenPool } from './screen.js';
import { solveCrewGroups } from './solve-groups.js';
import { upgradeStops } from './upgrade.js';
import { assignUrgent } from './urgent.js';
import { urgentFirst } from './urgent-first.js';
import { assignZonesToCrews, isOverFull, zoneNormalTickets, zonesAroundBases, zonesOfRoutes } from './zone-crews.js';

export { PLAN_DEFAULTS, slaUrgency } from './day.js';
export { zoneCapacitySeconds } from './zone-crews.js';
export { groupCrews } from './solve-groups.js';

export interface DayPlan {
  routes: PlannedRoute[];
  unplanned: { ticket: number; reason: UnplannedReason }[];
  zones: Zone[];
  /** Crew index per zone (same order as zones), -1: no crew. */
  zoneCrew: number[];
  /** Time the plan took on the budget's clock (input.clockMs, else the monotonic clock), ms. */
  elapsedMs?: number;
  /** The budget it was given, ms. */
  budgetMs?: number;
}

export function planDay(input: PlanInput): DayPlan {
  const { tickets, crews, travel } = input;
  // The solver's time budget runs on the caller's clock when it gives one (core reads no clock of its own).
  const clock = input.clockMs ?? monotonicMs;
  const budgetMs = input.budgetMs ?? PLAN_DEFAULTS.budgetMs;
  const startedMs = clock();
  // The budget is shared out: the group solves first, then the moves between crews; the greedy passes are quick.
  const time = { budgetMs: budgetMs * PLAN_DEFAULTS.groupShare, clock, startedMs };
  const improveUntil = startedMs + budgetMs * (input.objective === 'makespan' ? PLAN_DEFAULTS.improveShare : PLAN_DEFAULTS.groupShare);
  const day = dayOf(input);

  const step = (name: string) => input.onStep?.(name, clock() - startedMs);
  const pool = screenPool(day);
  step('screen');
  const urgent = assignUrgent(day, pool);
  step('urgent');
  // A city-scale over-full day, or a budget too small for it: no zones up front and no group solves (they
  // would take the whole budget and more); the crews start with their pinned and urgent tickets, the prize
  // search fills their days, and each crew's zone is then the cells of its stops.
  const open = pool.urgent.length + pool.normal.length;
  const large =
    input.zones !== false && isOverFull(day, pool.normal, urgent.committed) && (open > PLAN_DEFAULTS.groupSolveMaxTickets || budgetMs < PLAN_DEFAULTS.groupSolveMsPerTicket * open);
  const zoning =
    input.zones === false
      ? assignZonesToCrews(day, [], urgent.committed)
      : large
        ? { ...assignZonesToCrews(day, [], urgent.committed), aroundBases: true }
        : (zonesAroundBases(day, pool.normal, urgent.committed, pool.baseSeconds) ?? assignZonesToCrews(day, zoneNormalTickets(day, pool.normal), urgent.committed));
  step('zones');
  const solved = large ? { routeStops: pool.pinnedTo.map((list) => list.slice()), left: pool.urgent, free: [] } : solveCrewGroups(day, pool, urgent, zoning, time);
  step('groups');

  const routes = crews.map((c, k) => {
    const zone = zoning.zoneOfCrew[k];
    return timeRoute(k, c.base, day.startOf[k], solved.routeStops[k], tickets, travel, zone >= 0 ? zoning.zones[zone].id : null);
  });
  fillRoutes(day, routes, [...solved.left, ...solved.free]);
  step('fill');
  if (!large) upgradeStops(day, routes, pool.normal.filter(notIn(routes, tickets.length)));
  step('upgrade');
  // The time a move frees goes to what is still waiting.
  // Only with time left: the day's routes as one problem cost their matrices before any move.
  const improveMs = improveUntil - clock();
  if (!large && improveMs > 0 && improveAcrossCrews(routes, tickets, crews, travel, input.objective, { timeMs: improveMs, now: clock }) > 0) {
    fillRoutes(day, routes, [...pool.urgent, ...pool.normal].filter(notIn(routes, tickets.length)));
  }
  step('improve');
  for (let k = 0; k < routes.length; k++) routes[k] = urgentFirst(day, routes[k]);
  const refineMs = startedMs + budgetMs * PLAN_DEFAULTS.refineShare - clock();
  const zonesNow = refineMs > 0 && refineDay(day, pool, routes, { timeMs: refineMs, clock }) > 0 ? zonesOfRoutes(day, zoning, routes) : zoning;
  step('refine');

  const unplanned = rollOverReasons(day, routes, pool.unplanned);
  return { routes, unplanned, zones: zonesNow.zones, zoneCrew: zonesNow.zoneCrew, elapsedMs: clock() - startedMs, budgetMs };
}

/** A filter: tickets in none of the routes. */
function notIn(routes: readonly PlannedRoute[], ticketCount: number): (i: number) => boolean {
  const inRoute = new Uint8Array(ticketCount);
  for (const r of routes) for (const s of r.stops) inRoute[s.ticket] = 1;
  return (i) => !inRoute[i];
}
