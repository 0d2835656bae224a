/**
 * npm run solve -- <file.tsp|file.vrp> [--time-ms 1000] [--seed 1] [--iterations N] [--vehicles N] [--json]
 *
 * .tsp: prints a TSPLIB tour (COMMENT with the length, TOUR_SECTION, 1-based ids, -1, EOF).
 * .vrp: prints a CVRPLIB solution (Route #k: customers numbered as in .sol files, then Cost).
 * Costs are recomputed from the printed tour/routes.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  cvrpRoutesCost,
  cvrpViolations,
  formatCvrpSolution,
  formatTour,
  parseTsplib,
  RoutingError,
  solveCvrp,
  solveTsp,
  tourLength,
  vehiclesFromName,
} from '../core/routing/index.js';

const USAGE = 'usage: npm run solve -- <file.tsp|file.vrp> [--time-ms 1000] [--seed 1] [--iterations N] [--vehicles N] [--json]';

interface Args {
  file: string;
  timeMs: number;
  seed: number;
  iterations?: number;
  vehicles?: number;
  json: boolean;
}

function fail(message: string, code = 1): never {
  process.stderr.write(`solve: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  const args: Partial<Args> = { timeMs: 1000, seed: 1, json: false };
  const int = (flag: string, v: string | undefined, min: number): number => {
    const x = Number(v);
    if (v === undefined || !Number.isInteger(x) || x < min) fail(`${flag} needs an integer >= ${min}\n${USAGE}`);
    return x;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--time-ms') args.timeMs = int(a, argv[++i], 0);
    else if (a === '--seed') args.seed = int(a, argv[++i], 0);
    else if (a === '--iterations') args.iterations = int(a, argv[++i], 0);
    else if (a === '--vehicles') args.vehicles = int(a, argv[++i], 1);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`);
    else if (file === undefined) file = a;
    else fail(`one file at a time\n${USAGE}`);
  }
  if (file === undefined) fail(USAGE);
  return { ...(args as Args), file };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (e) {
    fail(`cannot read ${args.file}: ${(e as Error).message}`);
  }
  const source = basename(args.file);
  const instance = parseTsplib(text, source);
  const name = instance.name || source.replace(/\.(tsp|vrp)$/i, '');
  const budget = { timeMs: args.iterations === undefined ? args.timeMs : undefined, iterations: args.iterations, seed: args.seed };
  const isVrp = /\.vrp$/i.test(args.file) || instance.type === 'CVRP';

  if (!isVrp) {
    const started = performance.now();
    const { tour } = solveTsp(instance.matrix, instance.dimension, budget);
    const elapsedMs = Math.round(performance.now() - started);
    const length = tourLength(instance.matrix, instance.dimension, tour);
    if (args.json) process.stdout.write(JSON.stringify({ name, n: instance.dimension, length, elapsedMs, tour: tour.map((c) => c + 1) }) + '\n');
    else process.stdout.write(formatTour(name, tour, length));
    return;
  }

  const vehicles = args.vehicles ?? vehiclesFromName(name) ?? vehiclesFromName(source);
  if (vehicles === null) fail(`${source}: no fleet size in the name (like "-k6"); pass --vehicles N`);
  const started = performance.now();
  const result = solveCvrp(instance, { ...budget, vehicles });
  const elapsedMs = Math.round(performance.now() - started);
  const depot = instance.depots?.[0] ?? 0;
  const cost = cvrpRoutesCost(instance.matrix, instance.dimension, depot, result.routes);
  // CVRPLIB numbers customers so that node index c (0-based, depot first) is customer c.
  const toCvrplib = (c: number) => (c < depot ? c + 1 : c);
  const routes = result.routes.map((r) => r.map(toCvrplib));
  const violations = cvrpViolations(instance, result.routes, vehicles);
  if (args.json) {
    process.stdout.write(JSON.stringify({ name, vehicles, cost, elapsedMs, feasible: violations.length === 0, violations, routes }) + '\n');
  } else {
    process.stdout.write(formatCvrpSolution(routes, cost));
  }
  if (violations.length > 0) fail(`no feasible solution with ${vehicles} vehicles: ${violations.slice(0, 3).join('; ')}`, 2);
}

try {
  main();
} catch (e) {
  if (e instanceof RoutingError) fail(e.message);
  throw e;
}
