import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cvrpRoutesCost,
  cvrpViolations,
  formatCvrpSolution,
  formatTour,
  nearestNeighbourTour,
  parseCvrpSolution,
  parseTour,
  parseTsplib,
  RoutingError,
  tourLength,
} from '../../server/core/routing/index.js';
import { listInstanceFiles, readInstanceFile, readJson } from './helpers.js';

const optima = readJson<Record<string, number>>('tsplib', 'optima.json');
const sanity = readJson<Record<string, { opt_tour_length: number | null; nn_from_node1: number }>>('tsplib', 'sanity.json');
const bks = readJson<Record<string, number>>('cvrp', 'bks.json');

function parseError(text: string): RoutingError {
  try {
    parseTsplib(text, 'bad.tsp');
  } catch (e) {
    if (e instanceof RoutingError) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('TSPLIB instances', () => {
  const files = listInstanceFiles('tsplib', '.tsp');

  it('has all 18 instances of optima.json', () => {
    expect(files.map((f) => f.replace('.tsp', '')).sort()).toEqual(Object.keys(optima).sort());
  });

  it.each(files)('%s parses with the DIMENSION it declares', (file) => {
    const inst = parseTsplib(readInstanceFile('tsplib', file), file);
    expect(inst.type).toBe('TSP');
    expect(inst.matrix.length).toBe(inst.dimension * inst.dimension);
    expect(inst.x?.length).toBe(inst.dimension);
    expect(inst.matrix[0]).toBe(0);
  });

  it.each(Object.keys(sanity).filter((k) => k !== '_doc'))('%s: nearest neighbour from node 1 and the optimal tour give sanity.json exactly', (name) => {
    const inst = parseTsplib(readInstanceFile('tsplib', `${name}.tsp`));
    const nn = nearestNeighbourTour(inst.matrix, inst.dimension, 0);
    expect(tourLength(inst.matrix, inst.dimension, nn)).toBe(sanity[name].nn_from_node1);
    const expected = sanity[name].opt_tour_length;
    if (expected !== null) {
      const tour = parseTour(readInstanceFile('tsplib', `${name}.opt.tour`), `${name}.opt.tour`);
      expect(tour.length).toBe(inst.dimension);
      expect(tourLength(inst.matrix, inst.dimension, tour)).toBe(expected);
      expect(expected).toBe(optima[name]);
    }
  });
});

describe('CVRPLIB instances', () => {
  const files = listInstanceFiles('cvrp', '.vrp');

  it('has all 7 instances of bks.json', () => {
    expect(files.map((f) => f.replace('.vrp', '')).sort()).toEqual(Object.keys(bks).sort());
  });

  it.each(files)('%s: the .sol file is feasible and costs the BKS', (file) => {
    const name = file.replace('.vrp', '');
    const inst = parseTsplib(readInstanceFile('cvrp', file), file);
    expect(inst.type).toBe('CVRP');
    expect(inst.capacity).toBe(100);
    expect(inst.depots).toEqual([0]);
    expect(inst.demands?.[0]).toBe(0);
    const sol = parseCvrpSolution(readInstanceFile('cvrp', `${name}.sol`), `${name}.sol`);
    const k = Number(/-k(\d+)/.exec(name)![1]);
    expect(sol.routes.length).toBe(k);
    expect(cvrpViolations(inst, sol.routes, k)).toEqual([]);
    expect(cvrpRoutesCost(inst.matrix, inst.dimension, 0, sol.routes)).toBe(bks[name]);
    expect(sol.cost).toBe(bks[name]);
  });
});

describe('reading bad files', () => {
  const good = 'NAME : t\nTYPE : TSP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 3 4\n3 6 8\nEOF\n';

  it('reads a small good file', () => {
    const inst = parseTsplib(good);
    expect(Array.from(inst.matrix)).toEqual([0, 5, 10, 5, 0, 5, 10, 5, 0]);
  });

  it('names the line of a bad coordinate', () => {
    const e = parseError(good.replace('2 3 4', '2 3 four'));
    expect(e.code).toBe('parse_error');
    expect(e.details.line).toBe(7);
    expect(e.message).toContain('bad.tsp:7');
  });

  it('names the line of a truncated section', () => {
    const e = parseError('NAME : t\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 3 4\nEOF\n');
    expect(e.code).toBe('parse_error');
    expect(e.details.line).toBe(7);
  });

  it('rejects an unknown metric, an unknown header line, a duplicate node and a missing dimension', () => {
    expect(parseError(good.replace('EUC_2D', 'XRAY')).details.line).toBe(4);
    expect(parseError(good.replace('TYPE : TSP', 'what is this')).details.line).toBe(2);
    expect(parseError(good.replace('3 6 8', '2 6 8')).details.line).toBe(8);
    expect(parseError('NAME : t\nNODE_COORD_SECTION\n1 0 0\n').code).toBe('parse_error');
  });

  it('rejects a tour without -1 and a .sol line that is not a route', () => {
    expect(() => parseTour('TOUR_SECTION\n1\n2\nEOF\n')).toThrow(/line 4/);
    expect(() => parseCvrpSolution('Route #1: 1 2\nRoot #2: 3\nCost 5\n')).toThrow(/line 2/);
  });

  it('reads explicit matrices', () => {
    const inst = parseTsplib(
      'NAME: e\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: UPPER_ROW\nEDGE_WEIGHT_SECTION\n 1 2\n 3\nEOF\n',
    );
    expect(Array.from(inst.matrix)).toEqual([0, 1, 2, 1, 0, 3, 2, 3, 0]);
    expect(parseError('NAME: e\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: UPPER_ROW\nEDGE_WEIGHT_SECTION\n1 2\nEOF\n').details.line).toBe(5);
  });
});

describe('writing', () => {
  it('writes a TSPLIB tour that reads back', () => {
    const text = formatTour('t', [0, 2, 1], 12);
    expect(text).toContain('COMMENT : Length 12');
    expect(text.trimEnd().split('\n').slice(-2)).toEqual(['-1', 'EOF']);
    expect(parseTour(text)).toEqual([0, 2, 1]);
  });

  it('writes a CVRPLIB solution that reads back, skipping empty routes', () => {
    const text = formatCvrpSolution([[1, 2], [], [3]], 42);
    expect(text).toBe('Route #1: 1 2\nRoute #2: 3\nCost 42\n');
    expect(parseCvrpSolution(text)).toEqual({ routes: [[1, 2], [3]], cost: 42 });
  });
});

describe('repository copies of the shared instances', () => {
  const shared = '/work/shared/bench';
  it.skipIf(!existsSync(shared))('are byte for byte the shared files', () => {
    for (const set of ['tsplib', 'cvrp'] as const) {
      const files = readdirSync(join(shared, set)).sort();
      expect(listInstanceFiles(set, '')).toEqual(files);
      for (const f of files) expect(readInstanceFile(set, f)).toBe(readFileSync(join(shared, set, f), 'utf8'));
    }
  });
});
