/**
 * Step 10 of the day, the roll-over reasons: why each ticket still in no
 * route is left out, phrased by the limit the crews that could have taken
 * it ran into (see UnplannedReason).
 */
import type { Day } from './day.js';
import type { PlannedRoute, UnplannedReason } from './model.js';
import type { Unplanned } from './screen.js';

/** The screened-out tickets and every ticket in no route, with reasons, by ticket index. */
export function rollOverReasons(day: Day, routes: readonly PlannedRoute[], screenedOut: readonly Unplanned[]): Unplanned[] {
  const T = day.input.tickets.length;
  const placed = new Uint8Array(T);
  for (const r of routes) for (const s of r.stops) placed[s.ticket] = 1;
  for (const u of screenedOut) placed[u.ticket] = 1;
  const out = screenedOut.slice();
  for (let i = 0; i < T; i++) if (!placed[i]) out.push({ ticket: i, reason: reasonLeftOver(day, routes, i) });
  return out.sort((a, b) => a.ticket - b.ticket);
}

function reasonLeftOver(day: Day, routes: readonly PlannedRoute[], i: number): UnplannedReason {
  const { tickets, crews, travel } = day.input;
  const t = tickets[i];
  if (t.pinnedCrew != null) return 'pinned_crew_full';
  // The limit the crews that could have taken it ran into: job count, else hours.
  let capacityBound = false;
  let timeBound = false;
  crews.forEach((c, k) => {
    const fitsAlone = day.startOf[k] + travel.seconds(c.base, t) + t.serviceSeconds + travel.seconds(t, c.base) <= c.shiftEndSeconds;
    if (!fitsAlone) return;
    if (c.capacityJobs !== null && routes[k].stops.length >= c.capacityJobs) capacityBound = true;
    else timeBound = true;
  });
  return capacityBound && !timeBound ? 'crew_capacity' : 'shift_full';
}
