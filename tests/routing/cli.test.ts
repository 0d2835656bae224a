import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cvrpRoutesCost, cvrpViolations, parseCvrpSolution, parseTour, parseTsplib, tourLength } from '../../server/core/routing/index.js';
import { INSTANCES, readInstanceFile } from './helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'server/cli/solve.ts');

function solve(args: string[]) {
  return spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('npm run solve', () => {
  it('prints a TSPLIB tour whose comment gives its recomputed length', () => {
    const out = execFileSync(TSX, [CLI, join(INSTANCES, 'tsplib/berlin52.tsp'), '--iterations', '300', '--seed', '2'], { encoding: 'utf8' });
    const inst = parseTsplib(readInstanceFile('tsplib', 'berlin52.tsp'));
    const tour = parseTour(out);
    const length = Number(/COMMENT : Length (\d+)/.exec(out)![1]);
    expect(new Set(tour).size).toBe(52);
    expect(length).toBe(tourLength(inst.matrix, 52, tour));
    expect(out.trimEnd().endsWith('-1\nEOF')).toBe(true);
  });

  it('prints a feasible CVRPLIB solution with k routes and its recomputed cost', () => {
    const r = solve([join(INSTANCES, 'cvrp/A-n45-k6.vrp'), '--iterations', '200']);
    expect(r.status).toBe(0);
    const inst = parseTsplib(readInstanceFile('cvrp', 'A-n45-k6.vrp'));
    const sol = parseCvrpSolution(r.stdout);
    expect(sol.routes.length).toBeLessThanOrEqual(6);
    expect(cvrpViolations(inst, sol.routes, 6)).toEqual([]);
    expect(sol.cost).toBe(cvrpRoutesCost(inst.matrix, inst.dimension, 0, sol.routes));
  });

  it('prints JSON with --json', () => {
    const r = solve([join(INSTANCES, 'cvrp/A-n32-k5.vrp'), '--iterations', '50', '--json']);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ name: 'A-n32-k5', vehicles: 5, feasible: true });
    expect(json.routes.flat().length).toBe(31);
  });

  it('names the file and line of a bad file, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'solve-'));
    const file = join(dir, 'broken.tsp');
    writeFileSync(file, 'NAME : broken\nTYPE : TSP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 1\n3 2 2\nEOF\n');
    const r = solve([file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('broken.tsp:7');
    expect(solve([]).status).toBe(1);
  });
});
