/**
 * Clarke-Wright parallel savings for a fleet of identical vehicles based at one
 * depot: start with one route per job, merge route ends in order of saving
 * d(i,depot) + d(depot,j) - d(i,j) while capacity and shift allow. Savings are
 * taken over near pairs only (the model's adjacency lists), which loses nothing
 * that matters and keeps it O(m k log(m k)).
 *
 * The result may have more routes than vehicles; the caller decides.
 */
import type { Model } from './model/model.js';

/** Can savings build routes for this model (one depot, identical vehicles, no pins)? */
export function isSavingsApplicable(model: Model): boolean {
  if (model.vehicles === 0 || model.allowed !== null) return false;
  const depot = model.vStart[0];
  for (let v = 0; v < model.vehicles; v++) {
    if (model.vStart[v] !== depot || model.vEnd[v] !== depot) return false;
    if (model.vCap[v] !== model.vCap[0] || model.vMaxDuration[v] !== model.vMaxDuration[0]) return false;
  }
  return true;
}

/** Routes (job lists) over the given jobs; each job alone must fit a vehicle. */
export function clarkeWrightSavings(model: Model, jobs: readonly number[]): number[][] {
  const n = model.size;
  const { dist, dur, jobLoc } = model;
  const depot = model.vStart[0];
  const cap = model.vCap[0];
  const maxDuration = model.vMaxDuration[0];
  const symmetric = model.symmetric;
  const m = model.m;
  const included = new Uint8Array(m);
  for (const j of jobs) included[j] = 1;

  const routes: (number[] | null)[] = [];
  const routeOf = new Int32Array(m).fill(-1);
  const load: number[] = [];
  const duration: number[] = [];
  for (const j of jobs) {
    routeOf[j] = routes.length;
    routes.push([j]);
    load.push(model.jobDemand[j]);
    const l = jobLoc[j];
    duration.push(dur[depot * n + l] + model.jobService[j] + dur[l * n + depot]);
  }

  const pairs: number[] = [];
  const saving: number[] = [];
  for (const i of jobs) {
    const li = jobLoc[i];
    for (let q = 0; q < model.adjacency; q++) {
      const j = model.neighbours[i * model.adjacency + q];
      if (!included[j] || (symmetric && j < i)) continue;
      const lj = jobLoc[j];
      const s = dist[li * n + depot] + dist[depot * n + lj] - dist[li * n + lj];
      if (s <= 0) continue;
      pairs.push(i, j);
      saving.push(s);
    }
  }
  const order = Array.from(saving.keys()).sort((a, b) => saving[b] - saving[a] || a - b);

  for (const k of order) {
    const i = pairs[2 * k];
    const j = pairs[2 * k + 1];
    const ri = routeOf[i];
    const rj = routeOf[j];
    if (ri === rj) continue;
    let a = routes[ri]!;
    let b = routes[rj]!;
    // Need ... i] + [j ...; reverse a route when symmetric and that helps.
    if (a[a.length - 1] !== i) {
      if (!symmetric || a[0] !== i) continue;
      a = a.slice().reverse();
    }
    if (b[0] !== j) {
      if (!symmetric || b[b.length - 1] !== j) continue;
      b = b.slice().reverse();
    }
    if (load[ri] + load[rj] > cap) continue;
    const li = jobLoc[i];
    const lj = jobLoc[j];
    const merged = duration[ri] + duration[rj] - dur[li * n + depot] - dur[depot * n + lj] + dur[li * n + lj];
    if (merged > maxDuration) continue;
    const joined = a.concat(b);
    routes[ri] = joined;
    routes[rj] = null;
    for (const x of b) routeOf[x] = ri;
    load[ri] += load[rj];
    duration[ri] = merged;
  }
  return routes.filter((r): r is number[] => r !== null);
}
