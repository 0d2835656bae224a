/**
 * The roads thread (platform/roads): matrices and street paths computed off
 * the event loop answer exactly what the pure core answers in-process, and the
 * graph crosses to the thread once per network version.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { RoadGraphInput } from '../../server/core/roads/graph.js';
import { RoadMatrices } from '../../server/core/roads/matrices.js';
import { createRoadsThread } from '../../server/platform/roads/pool.js';

/** An n x n street grid, ~110 m blocks, two-way at 30 km/h, one street one-way. */
function gridInput(n: number): RoadGraphInput {
  const step = 0.001;
  const source: number[] = [];
  const target: number[] = [];
  const lon: number[] = [];
  const lat: number[] = [];
  const starts = [0];
  const forward: number[] = [];
  const backward: number[] = [];
  const at = (v: number) => ({ lon: 117 + (v % n) * step, lat: -1.27 + Math.floor(v / n) * step });
  for (let v = 0; v < n * n; v++) {
    for (const w of [v % n < n - 1 ? v + 1 : -1, v + n < n * n ? v + n : -1]) {
      if (w < 0) continue;
      source.push(v);
      target.push(w);
      for (const p of [at(v), at(w)]) {
        lon.push(p.lon);
        lat.push(p.lat);
      }
      starts.push(lon.length);
      const seconds = 110 / (30 / 3.6);
      forward.push(seconds);
      backward.push(v === 0 ? -1 : seconds);
    }
  }
  return {
    vertexCount: n * n,
    edgeSource: Int32Array.from(source),
    edgeTarget: Int32Array.from(target),
    edgeForwardSeconds: Float64Array.from(forward),
    edgeBackwardSeconds: Float64Array.from(backward),
    edgeCoordStart: Int32Array.from(starts),
    coordLon: Float64Array.from(lon),
    coordLat: Float64Array.from(lat),
  };
}

const points = [
  { lat: -1.27 + 0.0004, lon: 117 + 0.00002 },
  { lat: -1.27 + 0.0031, lon: 117 + 0.0021 },
  { lat: -1.27 + 0.0012, lon: 117 + 0.0039 },
  { lat: -1.27 + 0.0040, lon: 117 + 0.0005 },
  { lat: -1.20, lon: 117.1 }, // far off the streets
];

describe('the roads thread', () => {
  const thread = createRoadsThread();
  const input = gridInput(5);
  let loads = 0;
  const graph = async () => {
    loads++;
    return input;
  };
  afterAll(() => thread.forget());

  it('answers the same matrix and street line as the core in-process, off-network points marked', async () => {
    const here = new RoadMatrices(input);
    const task = { utilityId: 1, networkId: 10, snapLimitMetres: 300, points };
    const matrix = await thread.matrix(task, graph);
    const expected = here.matrix(points, 300);
    expect(Array.from(matrix.durations)).toEqual(Array.from(expected.durations));
    expect(Array.from(matrix.distances)).toEqual(Array.from(expected.distances));
    expect(Array.from(matrix.offNetwork)).toEqual([0, 0, 0, 0, 1]);
    // The one-way first street: the trip from point 0 differs from the trip back.
    expect(matrix.durations[0 * 5 + 1]).toBeGreaterThan(0);
    expect(await thread.path({ ...task, points: points.slice(0, 3) }, graph)).toEqual(here.path(points.slice(0, 3), 300));
  });

  it('gets the graph once per network version: again for a new import, and after forgetting', async () => {
    loads = 0;
    const task = { utilityId: 2, networkId: 20, snapLimitMetres: 300, points: points.slice(0, 3) };
    await thread.matrix(task, graph);
    await thread.matrix({ ...task, points: points.slice(1, 4) }, graph);
    await thread.path(task, graph);
    expect(loads).toBe(1);
    await thread.matrix({ ...task, networkId: 21 }, graph);
    expect(loads).toBe(2);
    await thread.forget();
    await thread.matrix({ ...task, networkId: 21 }, graph);
    expect(loads).toBe(3);
  });
});
