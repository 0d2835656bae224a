/**
 * Routing benchmark: every TSPLIB and CVRPLIB instance in bench/instances,
 * the plain baseline (TSP: nearest neighbour + 2-opt; CVRP: Clarke-Wright
 * savings + 2-opt per route) and the full solver over several seeds.
 *
 *   npm run bench:routing [-- --time-ms 1000] [--seeds 5] [--only tsp|cvrp|days|budgets] [--budgets 100,200,500,1000] [--out file.json]
 *
 * Prints a table per set and writes the same data as JSON under bench/results/.
 * Then two product-shaped days: 40 stops for one crew, and 1000 jobs for 25
 * crews from 5 depots with shift limits. Last, the budget table: each
 * solver at each time budget, the elapsed time beside it (target: within
 * 10 %) and whether every run came back feasible.
 * Gaps: 100 * (cost / optimum - 1). Costs are recomputed from the returned
 * tours and routes. CVRP fleets are fixed to the k in the instance name.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  matrixFromLatLon,
  solveVrp,
  type VrpProblem,
  clarkeWrightRoutes,
  cvrpRoutesCost,
  cvrpToProblem,
  cvrpViolations,
  parseTsplib,
  solveCvrp,
  solveTsp,
  tourLength,
  vehiclesFromName,
  type TsplibInstance,
} from '../server/core/routing/index.js';
import { Rng } from '../server/core/routing/base/random.js';
import { twoOpt } from '../server/core/routing/tsp/two-opt.js';

const here = dirname(fileURLToPath(import.meta.url));
const instances = join(here, 'instances');

interface Row {
  instance: string;
  n: number;
  optimum: number;
  baselineCost: number;
  baselineGap: number;
  baselineNote?: string;
  costs: number[];
  meanCost: number;
  gap: number;
  bestGap: number;
  worstGap: number;
  timeMs: number;
  /** Mean kicks (TSP) or ruin-and-recreate iterations (CVRP) per run. */
  iterations: number;
  infeasibleRuns: number;
}

function parseArgs(argv: string[]) {
  const out = { timeMs: 1000, seeds: 5, only: '' as '' | 'tsp' | 'cvrp' | 'days' | 'budgets', out: '', budgets: [100, 200, 500, 1000] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--time-ms') out.timeMs = Number(argv[++i]);
    else if (a === '--seeds') out.seeds = Number(argv[++i]);
    else if (a === '--only') out.only = argv[++i] as 'tsp' | 'cvrp' | 'days' | 'budgets';
    else if (a === '--budgets') out.budgets = argv[++i].split(',').map(Number);
    else if (a === '--out') out.out = argv[++i];
    else throw new Error(`unknown argument ${a}`);
  }
  if (!(out.timeMs > 0) || !(out.seeds >= 1)) throw new Error('--time-ms and --seeds must be positive');
  return out;
}

const gapOf = (cost: number, optimum: number) => 100 * (cost / optimum - 1);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function read(path: string): TsplibInstance {
  return parseTsplib(readFileSync(path, 'utf8'), path);
}

function runTsp(timeMs: number, seeds: number): Row[] {
  const optima: Record<string, number> = JSON.parse(readFileSync(join(instances, 'tsplib/optima.json'), 'utf8'));
  const rows: Row[] = [];
  for (const [name, optimum] of Object.entries(optima)) {
    const inst = read(join(instances, `tsplib/${name}.tsp`));
    const n = inst.dimension;
    const base = solveTsp(inst.matrix, n, { localSearchOnly: true, operators: [twoOpt] });
    const baselineCost = tourLength(inst.matrix, n, base.tour);
    const costs: number[] = [];
    const times: number[] = [];
    const stats = { iterations: 0 };
    for (let seed = 1; seed <= seeds; seed++) {
      const t0 = performance.now();
      const { tour } = solveTsp(inst.matrix, n, { timeMs, seed, stats });
      times.push(performance.now() - t0);
      if (new Set(tour).size !== n) throw new Error(`${name}: tour is not a permutation`);
      costs.push(tourLength(inst.matrix, n, tour));
    }
    rows.push(row(name, n, optimum, baselineCost, costs, times, 0, stats.iterations / seeds));
    printRow(rows[rows.length - 1]);
  }
  return rows;
}

function runCvrp(timeMs: number, seeds: number): Row[] {
  const bks: Record<string, number> = JSON.parse(readFileSync(join(instances, 'cvrp/bks.json'), 'utf8'));
  const rows: Row[] = [];
  for (const [name, optimum] of Object.entries(bks)) {
    const inst = read(join(instances, `cvrp/${name}.vrp`));
    const k = vehiclesFromName(name)!;
    const depot = inst.depots?.[0] ?? 0;
    const { problem, customers } = cvrpToProblem(inst, k);
    // Baseline: savings routes (any number of them), each improved by 2-opt.
    const baseRoutes = clarkeWrightRoutes(problem).map((r) => {
      const nodes = [depot, ...r.map((j) => customers[j])];
      const sub = new Int32Array(nodes.length * nodes.length);
      nodes.forEach((a, i) => nodes.forEach((b, j) => (sub[i * nodes.length + j] = inst.matrix[a * inst.dimension + b])));
      const { tour } = solveTsp(sub, nodes.length, { start: 0, localSearchOnly: true, operators: [twoOpt], exactUpTo: 3 });
      return tour.slice(1).map((i) => nodes[i]);
    });
    const baselineCost = cvrpRoutesCost(inst.matrix, inst.dimension, depot, baseRoutes);
    const costs: number[] = [];
    const times: number[] = [];
    let infeasible = 0;
    const stats = { iterations: 0 };
    for (let seed = 1; seed <= seeds; seed++) {
      const t0 = performance.now();
      const result = solveCvrp(inst, { vehicles: k, timeMs, seed, stats });
      times.push(performance.now() - t0);
      if (cvrpViolations(inst, result.routes, k).length > 0) infeasible++;
      costs.push(cvrpRoutesCost(inst.matrix, inst.dimension, depot, result.routes));
    }
    const r = row(name, inst.dimension, optimum, baselineCost, costs, times, infeasible, stats.iterations / seeds);
    if (baseRoutes.length > k) r.baselineNote = `${baseRoutes.length} routes > k=${k}`;
    rows.push(r);
    printRow(r);
  }
  return rows;
}

function row(
  instance: string,
  n: number,
  optimum: number,
  baselineCost: number,
  costs: number[],
  times: number[],
  infeasibleRuns: number,
  iterations: number,
): Row {
  const gaps = costs.map((c) => gapOf(c, optimum));
  return {
    instance,
    n,
    optimum,
    baselineCost,
    baselineGap: gapOf(baselineCost, optimum),
    costs,
    meanCost: mean(costs),
    gap: mean(gaps),
    bestGap: Math.min(...gaps),
    worstGap: Math.max(...gaps),
    timeMs: mean(times),
    iterations: Math.round(iterations),
    infeasibleRuns,
  };
}

const HEADER = `${'instance'.padEnd(11)}${'n'.padStart(6)}${'optimum'.padStart(9)}${'baseline'.padStart(10)}${'gap%'.padStart(8)}${'ours'.padStart(11)}${'gap%'.padStart(8)}${'min..max gap%'.padStart(16)}${'ms'.padStart(7)}${'iters'.padStart(9)}`;

function printRow(r: Row): void {
  const f2 = (x: number) => x.toFixed(2);
  process.stdout.write(
    `${r.instance.padEnd(11)}${String(r.n).padStart(6)}${String(r.optimum).padStart(9)}${String(r.baselineCost).padStart(10)}` +
      `${f2(r.baselineGap).padStart(8)}${r.meanCost.toFixed(1).padStart(11)}${f2(r.gap).padStart(8)}` +
      `${`${f2(r.bestGap)}..${f2(r.worstGap)}`.padStart(16)}${r.timeMs.toFixed(0).padStart(7)}${String(r.iterations).padStart(9)}` +
      `${r.infeasibleRuns ? `  INFEASIBLE x${r.infeasibleRuns}` : ''}${r.baselineNote ? `  (baseline: ${r.baselineNote})` : ''}\n`,
  );
}

function summary(rows: Row[]) {
  const worst = (key: 'gap' | 'baselineGap') => rows.reduce((w, r) => (r[key] > w[key] ? r : w));
  return {
    instances: rows.length,
    baseline: { meanGap: mean(rows.map((r) => r.baselineGap)), worstGap: worst('baselineGap').baselineGap, worstInstance: worst('baselineGap').instance },
    solver: { meanGap: mean(rows.map((r) => r.gap)), worstGap: worst('gap').gap, worstInstance: worst('gap').instance },
    infeasibleRuns: rows.reduce((t, r) => t + r.infeasibleRuns, 0),
  };
}

function printSummary(label: string, s: ReturnType<typeof summary>): void {
  process.stdout.write(
    `${label}: baseline mean gap ${s.baseline.meanGap.toFixed(2)}% worst ${s.baseline.worstGap.toFixed(2)}% (${s.baseline.worstInstance}); ` +
      `solver mean gap ${s.solver.meanGap.toFixed(3)}% worst ${s.solver.worstGap.toFixed(2)}% (${s.solver.worstInstance})` +
      `${s.infeasibleRuns ? `; ${s.infeasibleRuns} INFEASIBLE runs` : ''}\n\n`,
  );
}

/**
 * A product-shaped day around Bandung: `jobs` leak tickets scattered over
 * `spread` degrees (0.25: ~28 x 28 km), crews leaving from `depots` depots (each crew ends at the next
 * depot), 8-hour shifts, 20-60 min on site, priorities 0-3, capacity in jobs.
 */
function cityDay(seed: number, jobs: number, crews: number, depots: number, capacity: number, spread = 0.25): VrpProblem {
  const rng = new Rng(seed);
  const at = (spread: number) => ({ lat: -6.95 + rng.nextFloat() * spread, lon: 107.5 + rng.nextFloat() * spread });
  const points = [...Array.from({ length: depots }, () => at(spread * 0.6)), ...Array.from({ length: jobs }, () => at(spread))];
  const { distances, durations } = matrixFromLatLon(points);
  return {
    size: points.length,
    distances,
    durations,
    vehicles: Array.from({ length: crews }, (_, v) => ({
      start: v % depots,
      end: (v + 1) % depots,
      capacity,
      shiftStartSeconds: 8 * 3600,
      shiftEndSeconds: 16 * 3600,
    })),
    jobs: Array.from({ length: jobs }, (_, i) => ({
      location: depots + i,
      serviceSeconds: 1200 + rng.nextInt(2400),
      priority: rng.nextInt(4),
    })),
  };
}

function runDays(timeMs: number) {
  const out: Record<string, unknown>[] = [];
  // 40 stops in one ~7 x 7 km zone, one crew, from and back to one depot, the default budget.
  const small = cityDay(40, 40, 1, 1, 100, 0.06);
  small.jobs.forEach((j) => (j.serviceSeconds = 300));
  const times: number[] = [];
  let distance = 0;
  for (let k = 0; k < 21; k++) {
    const t0 = performance.now();
    const sol = solveVrp(small);
    times.push(performance.now() - t0);
    distance = sol.distance;
    if (sol.unassigned.length > 0) throw new Error('40-stop day left jobs out');
  }
  times.sort((a, b) => a - b);
  out.push({ case: '40 stops, 1 crew, default options', medianMs: times[10], maxMs: times[20], distance });
  process.stdout.write(`40 stops, 1 crew (default options): median ${times[10].toFixed(1)} ms, slowest of 21 ${times[20].toFixed(1)} ms, ${distance} m\n`);
  // 1000 jobs, 25 crews from 5 depots, 8-hour shifts: the backlog is bigger than the day.
  const big = cityDay(2026, 1000, 25, 5, 12);
  const budget = Math.max(timeMs, 2000);
  const stats = { iterations: 0 };
  const t0 = performance.now();
  const sol = solveVrp(big, { timeMs: budget, seed: 1, stats });
  const elapsed = performance.now() - t0;
  const served = sol.routes.reduce((t, r) => t + r.jobs.length, 0);
  const priority = sol.routes.reduce((t, r) => t + r.jobs.reduce((a, j) => a + (big.jobs[j].priority ?? 0), 0), 0);
  const longestHours = Math.max(...sol.routes.map((r) => r.endSeconds - 8 * 3600)) / 3600;
  out.push({ case: '1000 jobs, 25 crews, 5 depots', budgetMs: budget, elapsedMs: elapsed, iterations: stats.iterations, served, priority, distance: sol.distance, longestHours });
  process.stdout.write(
    `1000 jobs, 25 crews, 5 depots, 8 h shifts: budget ${budget} ms, took ${elapsed.toFixed(0)} ms (${stats.iterations} iterations); ` +
      `served ${served} (priority ${priority}), ${sol.unassigned.length} not_enough_time, ${sol.distance} m, longest day ${longestHours.toFixed(2)} h\n\n`,
  );
  return out;
}

/** Each solver at each budget: elapsed (mean, max) beside the budget, and feasibility of every run. */
function runBudgets(budgets: readonly number[]) {
  const cvrpA = read(join(instances, 'cvrp/A-n45-k6.vrp'));
  const cvrpB = read(join(instances, 'cvrp/A-n80-k10.vrp'));
  const tsp = read(join(instances, 'tsplib/pr1002.tsp'));
  const day = cityDay(2026, 1000, 25, 5, 12);
  const cases: { name: string; run: (timeMs: number, seed: number) => boolean }[] = [
    { name: 'CVRP A-n45-k6 (tight fleet)', run: (timeMs, seed) => cvrpViolations(cvrpA, solveCvrp(cvrpA, { vehicles: 6, timeMs, seed }).routes, 6).length === 0 },
    { name: 'CVRP A-n80-k10', run: (timeMs, seed) => cvrpViolations(cvrpB, solveCvrp(cvrpB, { vehicles: 10, timeMs, seed }).routes, 10).length === 0 },
    { name: 'TSP pr1002', run: (timeMs, seed) => new Set(solveTsp(tsp.matrix, tsp.dimension, { timeMs, seed }).tour).size === tsp.dimension },
    { name: 'VRP 1000 jobs / 25 crews', run: (timeMs, seed) => solveVrp(day, { timeMs, seed }).routes.every((r) => r.endSeconds <= 16 * 3600) },
  ];
  const rows: { solver: string; budgetMs: number; meanMs: number; maxMs: number; overPct: number; feasible: string }[] = [];
  process.stdout.write('Time budgets (3 seeds each; elapsed includes building the model)\n');
  process.stdout.write('| solver | budget ms | mean ms | max ms | max over budget | feasible runs |\n|---|---:|---:|---:|---:|---:|\n');
  for (const c of cases) {
    for (const budget of budgets) {
      const times: number[] = [];
      let feasible = 0;
      for (let seed = 1; seed <= 3; seed++) {
        const t0 = performance.now();
        const ok = c.run(budget, seed);
        times.push(performance.now() - t0);
        if (ok) feasible++;
      }
      const maxMs = Math.max(...times);
      const row = { solver: c.name, budgetMs: budget, meanMs: mean(times), maxMs, overPct: 100 * (maxMs / budget - 1), feasible: `${feasible}/3` };
      rows.push(row);
      process.stdout.write(`| ${row.solver} | ${budget} | ${row.meanMs.toFixed(0)} | ${maxMs.toFixed(0)} | ${row.overPct >= 0 ? '+' : ''}${row.overPct.toFixed(0)} % | ${row.feasible} |\n`);
    }
  }
  process.stdout.write('\nTarget: max within +10 % of the budget from 100 ms up; every run feasible.\n\n');
  return rows;
}

/** Compiles the hot code before anything is timed (the first run of a fresh process is slow). */
function warmUp(): void {
  const tsp = read(join(instances, 'tsplib/kroA200.tsp'));
  solveTsp(tsp.matrix, tsp.dimension, { iterations: 20000, seed: 99 });
  const vrp = read(join(instances, 'cvrp/A-n54-k7.vrp'));
  solveCvrp(vrp, { vehicles: 7, iterations: 1500, seed: 99 });
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  warmUp();
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    timeMs: args.timeMs,
    seeds: args.seeds,
  };
  process.stdout.write(`routing benchmark: ${args.timeMs} ms per run, ${args.seeds} seeds, one thread\n\n`);
  if (args.only === '' || args.only === 'tsp') {
    process.stdout.write(`TSPLIB (baseline: nearest neighbour from node 1 + 2-opt)\n${HEADER}\n`);
    const rows = runTsp(args.timeMs, args.seeds);
    const s = summary(rows);
    printSummary('TSPLIB', s);
    report.tsplib = { rows, summary: s };
  }
  if (args.only === '' || args.only === 'cvrp') {
    process.stdout.write(`CVRPLIB set A, fleet fixed to k (baseline: Clarke-Wright savings + 2-opt per route, any number of routes)\n${HEADER}\n`);
    const rows = runCvrp(args.timeMs, args.seeds);
    const s = summary(rows);
    printSummary('CVRP', s);
    report.cvrp = { rows, summary: s };
  }
  if (args.only === '' || args.only === 'days') {
    process.stdout.write('Product-sized days\n');
    report.days = runDays(args.timeMs);
  }
  if (args.only === '' || args.only === 'budgets') {
    report.budgets = runBudgets(args.budgets);
  }
  const out = args.out || join(here, 'results', `routing-${args.timeMs}ms${args.only ? `-${args.only}` : ''}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(`wrote ${out}\n`);
}

main();
