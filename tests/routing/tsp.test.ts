import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTsplib, solveTsp, tourLength } from '../../server/core/routing/index.js';
import { Rng } from '../../server/core/routing/base/random.js';
import { exactTsp } from '../../server/core/routing/tsp/solve-tsp.js';
import { ArrayTour } from '../../server/core/routing/tsp/tour.js';
import { randomEuclidean, readInstanceFile, readJson } from './helpers.js';

const optima = readJson<Record<string, number>>('tsplib', 'optima.json');

function isPermutation(tour: number[], n: number): boolean {
  return tour.length === n && new Set(tour).size === n && tour.every((c) => Number.isInteger(c) && c >= 0 && c < n);
}

describe('ArrayTour', () => {
  it('undoes any sequence of 2-opt moves exactly', () => {
    const rng = new Rng(5);
    const n = 40;
    const tour = new ArrayTour(Array.from({ length: n }, (_, i) => i));
    const before = Array.from(tour.order);
    for (let k = 0; k < 200; k++) {
      const a = rng.nextInt(n);
      let c = rng.nextInt(n);
      while (c === a || c === tour.succ(a) || tour.succ(c) === a) c = rng.nextInt(n);
      tour.move2opt(a, tour.succ(a), c, tour.succ(c));
      expect(new Set(tour.order).size).toBe(n);
      for (let i = 0; i < n; i++) expect(tour.pos[tour.order[i]]).toBe(i);
    }
    tour.undoTo(0);
    // Same cycle (possibly read backwards): compare edge sets.
    const edges = (o: ArrayLike<number>) =>
      new Set(Array.from(o, (c, i) => [c, o[(i + 1) % n]].sort((x, y) => x - y).join('-')));
    expect(edges(tour.order)).toEqual(edges(before));
  });
});

describe('solveTsp', () => {
  it('matches brute force for every n <= 9 (heuristic path, no enumeration)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 9 }), fc.integer({ min: 1, max: 1_000_000 }), (n, seed) => {
        const m = randomEuclidean(n, seed);
        const exact = exactTsp(m, n, 0);
        const got = solveTsp(m, n, { iterations: 300, seed, exactUpTo: 0 });
        expect(isPermutation(got.tour, n)).toBe(true);
        expect(got.length).toBe(tourLength(m, n, got.tour));
        expect(got.length).toBe(exact.length);
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  it('starts the tour at the requested city', () => {
    const m = randomEuclidean(30, 3);
    const got = solveTsp(m, 30, { iterations: 50, start: 17 });
    expect(got.tour[0]).toBe(17);
    expect(isPermutation(got.tour, 30)).toBe(true);
  });

  it('gives the same tour for the same seed and iteration budget', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 120 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
        const m = randomEuclidean(n, seed + 11);
        const a = solveTsp(m, n, { iterations: 200, seed });
        const b = solveTsp(m, n, { iterations: 200, seed });
        expect(a).toEqual(b);
      }),
      { numRuns: 15, seed: 7 },
    );
  });

  it('handles tiny inputs', () => {
    expect(solveTsp(new Int32Array([0]), 1)).toEqual({ tour: [0], length: 0 });
    expect(solveTsp(new Int32Array([0, 3, 4, 0]), 2, { start: 1 })).toEqual({ tour: [1, 0], length: 7 });
  });

  it('solves an asymmetric matrix exactly on a small case', () => {
    const rng = new Rng(9);
    const n = 8;
    const m = new Int32Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = i === j ? 0 : 10 + rng.nextInt(90);
    const got = solveTsp(m, n, { iterations: 400, seed: 1, start: 2 });
    expect(got.tour[0]).toBe(2);
    expect(isPermutation(got.tour, n)).toBe(true);
    expect(got.length).toBe(exactTsp(m, n, 2).length);
  });

  it.each(['berlin52', 'eil76', 'kroA100'])('reaches within 1%% of the optimum of %s with an iteration budget', (name) => {
    const inst = parseTsplib(readInstanceFile('tsplib', `${name}.tsp`));
    const got = solveTsp(inst.matrix, inst.dimension, { iterations: 3000, seed: 1 });
    expect(isPermutation(got.tour, inst.dimension)).toBe(true);
    expect(got.length).toBeGreaterThanOrEqual(optima[name]);
    expect(got.length).toBeLessThanOrEqual(Math.floor(optima[name] * 1.01));
  });

  it('rejects a matrix of the wrong size, a bad start and a bad initial tour with a coded error', () => {
    const invalid = expect.objectContaining({ code: 'invalid_problem' });
    expect(() => solveTsp(new Int32Array(5), 2)).toThrow(invalid);
    const m = randomEuclidean(12, 1);
    expect(() => solveTsp(m, 12, { start: 12 })).toThrow(invalid);
    expect(() => solveTsp(m, 12, { initialTour: [0, 1, 2] })).toThrow(invalid);
  });

  it('improves a given initial tour', () => {
    const m = randomEuclidean(60, 8);
    const initial = Array.from({ length: 60 }, (_, i) => i);
    const got = solveTsp(m, 60, { initialTour: initial, localSearchOnly: true });
    expect(isPermutation(got.tour, 60)).toBe(true);
    expect(got.length).toBeLessThan(tourLength(m, 60, initial));
  });
});
