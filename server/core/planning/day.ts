/**
 * What every step of the daily plan reads: the input, when each crew can
 * start, and the solver weight of each ticket. Built once per plan.
 */
import { isUrgent, type PlanInput, type PlanTicket } from './model.js';

export const PLAN_DEFAULTS = {
  budgetMs: 1500,
  /**
   * Share of the budget (from the start) the group solves may use; then the prize search (which
   * tickets get served, refine.ts) until refineShare. With the 'makespan' objective the moves between
   * crews (improve.ts: they shorten the longest day, which the prize search does not weigh) run until
   * improveShare first.
   */
  groupShare: 0.3,
  /** Over-full days with more tickets than this skip the group solves: the prize search fills the crews' days. */
  groupSolveMaxTickets: 8000,
  /**
   * Budget the group solves need per ticket (ms): an over-full day given less skips them too, and the prize
   * search alone fills the crews' days (better than group solves cut short, and within the budget).
   */
  groupSolveMsPerTicket: 0.5,
  improveShare: 0.5,
  refineShare: 0.97,
  seed: 1,
  /** Solver weights (integers): served weight is maximised before ticket count. */
  weight: { pinned: 1_000_000, critical: 100_000, high: 10_000, normal: 100 },
  /** Share of a crew's day that urgent tickets may fill before the next-nearest crew is preferred. */
  urgentShare: 0.5,
  /** Share of a crew's day its zone is sized to (the rest: to and from the zone). */
  zoneShare: 0.85,
  /** Travel on top of time on site when sharing a light day's work over the crews. */
  travelAllowance: 1.3,
  /** A day is over-full when its Normal repair time is at least this share of the crews' free time: zones then grow around the bases. */
  overFullRatio: 1.1,
  /** Over-full day: a crew's zone holds this many times its free time in repair time (the solver picks from it). */
  baseZoneSlack: 1.3,
  /** Over-full day: the bases a ticket may be zoned with (its nearest ones). */
  baseZoneNearest: 6,
  /** No zone is sized below this, seconds. */
  minZoneSeconds: 1800,
  /** Crews solved together (neighbouring bases, their zones and free tickets near them); 1: one crew at a time. */
  crewsPerSolve: 5,
  /** Free tickets near its zone offered to each crew's solve, to fill a day the zone leaves short. */
  fillCandidates: 12,
  /** The same on an over-full day (zones around the bases): more choice where every crew's day fills up. */
  fillCandidatesOverFull: 20,
  /** Solver iterations per crew: base + perJob * jobs (the time budget caps them too). */
  iterationsBase: 150,
  iterationsPerJob: 15,
  /**
   * Prize search (refine.ts) iterations per crew and second of the budget, the budget counted between
   * refineBudgetSeconds (the time budget caps them too): a 2 s budget buys twice the search of 1 s. Below
   * 1 s the clock stops the search first; a budget far above 2 s stands for "no clock" (tests), and days
   * large enough to need it are stopped by the clock. With iterationScale: the scale in place of the seconds.
   */
  refineIterationsPerCrewSecond: 4000,
  refineBudgetSeconds: { min: 1, max: 2 },
  /**
   * The group solves' and the prize search's Budget timeLead: how far their clock may run ahead of their
   * iterations before it drives the cooling. A solve that ends on its iterations then anneals as at fixed
   * work, so a day planned again on the same machine gets the same plan (day s at 2 s: the prize search's
   * 64 k iterations in about 0.9 of the 1.3 s it may take).
   */
  timeLead: 0.25,
  /**
   * Over-full day: a Normal ticket is worth this many of the day's typical hops (mean metres from a
   * ticket to its nearest neighbour) of driving; the prize search serves one more when it adds fewer.
   */
  normalTicketHops: 3,
};

export interface Day {
  input: PlanInput;
  /** When each crew's route starts: its shift start, or later when planning a day under way. */
  startOf: number[];
  /** Seconds each crew has: shift end - start. */
  available: number[];
  /** Solver weight of ticket i: pinned > Critical > High > Normal by SLA urgency. */
  weightOf(i: number): number;
  /**
   * Does ticket i come first in its trip (step 9's rule, a constraint of the prize search too)? An urgent
   * (Critical/High) ticket, not pinned, whose SLA falls due by the end of the day or is overdue: its position
   * decides whether the SLA is met. An urgent ticket due later is met at any stop of today's trip, so it is
   * placed where it costs the fewest kilometres.
   */
  visitFirst(i: number): boolean;
  /** Can crew k serve ticket i alone (there, repair, back within its shift; capacity above 0)? */
  canEverServe(i: number, k: number): boolean;
}

/** 3: overdue when the day starts, 2: due during the day, 1: due by the end of tomorrow, 0: later. */
export function slaUrgency(t: Pick<PlanTicket, 'dueSeconds'>, dayStartSeconds: number, dayEndSeconds: number): number {
  if (t.dueSeconds === null) return 0;
  if (t.dueSeconds <= dayStartSeconds) return 3;
  if (t.dueSeconds <= dayEndSeconds) return 2;
  if (t.dueSeconds <= dayEndSeconds + 86_400) return 1;
  return 0;
}

export function dayOf(input: PlanInput): Day {
  const { tickets, crews, travel } = input;
  const notBefore = input.notBeforeSeconds ?? -Infinity;
  const startOf = crews.map((c) => Math.max(c.shiftStartSeconds, notBefore));
  const dayStart = Math.min(...startOf);
  const dayEnd = Math.max(...crews.map((c) => c.shiftEndSeconds));
  const W = PLAN_DEFAULTS.weight;
  return {
    input,
    startOf,
    available: crews.map((c, k) => Math.max(0, c.shiftEndSeconds - startOf[k])),
    weightOf: (i) => {
      const t = tickets[i];
      if (t.pinnedCrew != null) return W.pinned;
      if (t.priority === 'critical') return W.critical;
      if (t.priority === 'high') return W.high;
      return W.normal + slaUrgency(t, dayStart, dayEnd);
    },
    visitFirst: (i) => {
      const t = tickets[i];
      return t.pinnedCrew == null && isUrgent(t.priority) && slaUrgency(t, dayStart, dayEnd) >= 2;
    },
    canEverServe: (i, k) => {
      const t = tickets[i];
      const c = crews[k];
      return startOf[k] + travel.seconds(c.base, t) + t.serviceSeconds + travel.seconds(t, c.base) <= c.shiftEndSeconds && (c.capacityJobs === null || c.capacityJobs > 0);
    },
  };
}
