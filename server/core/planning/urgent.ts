/**
 * Step 2 of the day: pinned tickets stay with their crew; Critical and High
 * tickets go to the crew with the nearest base that still has room for urgent
 * work (a share of its day), else to the nearest.
 */
import { PLAN_DEFAULTS, type Day } from './day.js';
import type { Pool } from './screen.js';

export interface UrgentWork {
  /** Urgent tickets per crew. */
  urgentOf: number[][];
  /** Seconds per crew committed to pinned and urgent work (time on site + the drive from the base). */
  committed: number[];
}

export function assignUrgent(day: Day, pool: Pool): UrgentWork {
  const { tickets, crews } = day.input;
  const committed = crews.map((_, k) => pool.pinnedTo[k].reduce((s, i) => s + tickets[i].serviceSeconds + pool.baseSeconds[i][k], 0));
  const urgentOf: number[][] = crews.map(() => []);
  for (const i of pool.urgent) {
    const order = crews
      .map((_, k) => k)
      .filter((k) => day.canEverServe(i, k))
      .sort((a, b) => pool.baseSeconds[i][a] - pool.baseSeconds[i][b] || a - b);
    const load = (k: number) => committed[k] + tickets[i].serviceSeconds + pool.baseSeconds[i][k];
    const k = order.find((k) => load(k) <= PLAN_DEFAULTS.urgentShare * day.available[k]) ?? order[0];
    urgentOf[k].push(i);
    committed[k] = load(k);
  }
  return { urgentOf, committed };
}
