/**
 * The pure road core on random street grids (some streets one-way either way,
 * some bent, random speeds; points scattered, some beyond the snap limit):
 * - the matrix equals an independent all-pairs search (Floyd-Warshall on the
 *   graph with every snapped point made a vertex of its own);
 * - forward rows and backward columns agree (what the location cache mixes);
 * - durations keep the triangle inequality (to the second's rounding);
 * - a path's first and last points are the snapped points and every step lies on an edge;
 * - the strong components equal mutual reachability.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoadGraph, snapToRoad, type RoadGraph, type RoadSnap } from '../../../server/core/roads/graph.js';
import { endVertices, fillRoadColumn, RoadSearch, roadMatrixOf, roadPathBetween } from '../../../server/core/roads/search.js';
import { largestStrongComponent } from '../../../server/core/roads/scc.js';

const SEED = Number(process.env.FC_SEED ?? 20261130);
const STEP = 0.001; // ~110 m between grid crossings

interface Street {
  from: number;
  to: number;
  /** 0 both ways, 1 in drawing order only, -1 against it only. */
  oneway: 0 | 1 | -1;
  kmh: number;
  /** A bend halfway (degrees, sideways), 0 for a straight street. */
  bend: number;
}

interface Town {
  columns: number;
  rows: number;
  streets: Street[];
  points: { lat: number; lon: number }[];
}

const towns: fc.Arbitrary<Town> = fc
  .record({ columns: fc.integer({ min: 2, max: 5 }), rows: fc.integer({ min: 2, max: 5 }) })
  .chain(({ columns, rows }) => {
    const pairs: [number, number][] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++) {
        if (c + 1 < columns) pairs.push([r * columns + c, r * columns + c + 1]);
        if (r + 1 < rows) pairs.push([r * columns + c, (r + 1) * columns + c]);
      }
    const street = (p: [number, number]) =>
      fc.option(
        fc.record({
          from: fc.constant(p[0]),
          to: fc.constant(p[1]),
          oneway: fc.constantFrom<0 | 1 | -1>(0, 0, 1, -1),
          kmh: fc.integer({ min: 5, max: 60 }),
          bend: fc.constantFrom<number>(0, 0, 0.0002, -0.0003),
        }),
        { nil: null, freq: 5 },
      );
    return fc.record({
      columns: fc.constant(columns),
      rows: fc.constant(rows),
      streets: fc.tuple(...pairs.map(street)).map((s) => s.filter((x): x is Street => x !== null)),
      points: fc.array(
        // Micro-degrees without fast-check's bias to the bounds (which would put most points on vertices).
        fc.record({ lat: fc.noBias(fc.integer({ min: -300, max: (rows - 1) * 1000 + 300 })).map((v) => v * 1e-6), lon: fc.noBias(fc.integer({ min: -300, max: (columns - 1) * 1000 + 300 })).map((v) => v * 1e-6) }),
        { minLength: 2, maxLength: 9 },
      ),
    });
  })
  .filter((t) => t.streets.length > 0);

function graphOf(town: Town): RoadGraph {
  const lon: number[] = [];
  const lat: number[] = [];
  const starts: number[] = [0];
  const at = (v: number) => ({ lon: (v % town.columns) * STEP, lat: Math.floor(v / town.columns) * STEP });
  const seconds: [number, number][] = [];
  for (const s of town.streets) {
    const a = at(s.from);
    const b = at(s.to);
    const pts = [a, ...(s.bend ? [{ lon: (a.lon + b.lon) / 2 + (a.lat !== b.lat ? s.bend : 0), lat: (a.lat + b.lat) / 2 + (a.lon !== b.lon ? s.bend : 0) }] : []), b];
    let metres = 0;
    for (let k = 0; k < pts.length; k++) {
      lon.push(pts[k].lon);
      lat.push(pts[k].lat);
      if (k) metres += Math.hypot((pts[k].lon - pts[k - 1].lon) * 111_320, (pts[k].lat - pts[k - 1].lat) * 110_574);
    }
    starts.push(lon.length);
    const t = Math.round((metres / (s.kmh / 3.6)) * 1000) / 1000;
    seconds.push([s.oneway === -1 ? -1 : t, s.oneway === 1 ? -1 : t]);
  }
  return createRoadGraph({
    vertexCount: town.columns * town.rows,
    edgeSource: Int32Array.from(town.streets.map((s) => s.from)),
    edgeTarget: Int32Array.from(town.streets.map((s) => s.to)),
    edgeForwardSeconds: Float64Array.from(seconds.map((s) => s[0])),
    edgeBackwardSeconds: Float64Array.from(seconds.map((s) => s[1])),
    edgeCoordStart: Int32Array.from(starts),
    coordLon: Float64Array.from(lon),
    coordLat: Float64Array.from(lat),
  });
}

const SNAP_LIMIT = 40;

/**
 * All pairs by Floyd-Warshall, (ms, dm) compared lexicographically, on the
 * graph where each snapped point splits its edge: the same integer shares of
 * an edge the core uses, a different algorithm.
 */
function referenceMatrix(g: RoadGraph, snaps: (RoadSnap | null)[]): { seconds: Int32Array; metres: Int32Array } {
  const n = g.vertexCount;
  const size = n + snaps.length;
  const ms = new Float64Array(size * size).fill(Infinity);
  const dm = new Float64Array(size * size).fill(Infinity);
  const link = (u: number, v: number, a: number, b: number) => {
    if (a < ms[u * size + v] || (a === ms[u * size + v] && b < dm[u * size + v])) {
      ms[u * size + v] = a;
      dm[u * size + v] = b;
    }
  };
  for (let v = 0; v < size; v++) link(v, v, 0, 0);
  for (let e = 0; e < g.edgeCount; e++) {
    // The stops along the edge: its source, the points on it by fraction, its target.
    const stops = [{ node: g.edgeSource[e], f: 0, fwdAhead: g.edgeForwardMs[e], bwdAhead: 0, dmBefore: 0 }];
    snaps.forEach((s, i) => {
      if (s && s.edge === e) stops.push({ node: n + i, f: s.fraction, fwdAhead: s.forwardAheadMs, bwdAhead: s.backwardAheadMs, dmBefore: s.dmBefore });
    });
    stops.push({ node: g.edgeTarget[e], f: 1, fwdAhead: 0, bwdAhead: Math.max(0, g.edgeBackwardMs[e]), dmBefore: g.edgeLengthDm[e] });
    stops.sort((x, y) => x.f - y.f);
    for (let k = 1; k < stops.length; k++) {
      const a = stops[k - 1];
      const b = stops[k];
      const same = a.f === b.f;
      if (g.edgeForwardMs[e] >= 0 || same) link(a.node, b.node, same ? 0 : a.fwdAhead - b.fwdAhead, b.dmBefore - a.dmBefore);
      if (g.edgeBackwardMs[e] >= 0 || same) link(b.node, a.node, same ? 0 : b.bwdAhead - a.bwdAhead, b.dmBefore - a.dmBefore);
    }
  }
  for (let k = 0; k < size; k++)
    for (let i = 0; i < size; i++) {
      if (ms[i * size + k] === Infinity) continue;
      for (let j = 0; j < size; j++) link(i, j, ms[i * size + k] + ms[k * size + j], dm[i * size + k] + dm[k * size + j]);
    }
  const m = snaps.length;
  const seconds = new Int32Array(m * m);
  const metres = new Int32Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      const x = ms[(n + i) * size + n + j];
      const ok = i === j || (snaps[i] && snaps[j] && x !== Infinity);
      seconds[i * m + j] = i === j ? 0 : ok ? Math.round(x / 1000) : -1;
      metres[i * m + j] = i === j ? 0 : ok ? Math.round(dm[(n + i) * size + n + j] / 10) : -1;
    }
  return { seconds, metres };
}

const snapsOf = (g: RoadGraph, town: Town) => town.points.map((p) => snapToRoad(g, p.lat, p.lon, SNAP_LIMIT));

describe('road core on random street grids', () => {
  it('the matrix equals Floyd-Warshall on the split graph', () => {
    fc.assert(
      fc.property(towns, (town) => {
        const g = graphOf(town);
        const snaps = snapsOf(g, town);
        const got = roadMatrixOf(new RoadSearch(g), snaps);
        const want = referenceMatrix(g, snaps);
        expect(Array.from(got.durations)).toEqual(Array.from(want.seconds));
        expect(Array.from(got.distances)).toEqual(Array.from(want.metres));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('backward columns equal forward rows (the location cache mixes the two)', () => {
    fc.assert(
      fc.property(towns, (town) => {
        const g = graphOf(town);
        const snaps = snapsOf(g, town);
        const search = new RoadSearch(g);
        const rows = roadMatrixOf(search, snaps);
        const n = snaps.length;
        const durations = new Int32Array(n * n);
        const distances = new Int32Array(n * n);
        const all = Int32Array.from(snaps.keys());
        for (let j = 0; j < n; j++) fillRoadColumn(search, snaps, j, all, endVertices(g, snaps), durations, distances);
        expect(Array.from(durations)).toEqual(Array.from(rows.durations));
        expect(Array.from(distances)).toEqual(Array.from(rows.distances));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('durations keep the triangle inequality (to the rounding of seconds)', () => {
    fc.assert(
      fc.property(towns, (town) => {
        const g = graphOf(town);
        const { durations } = roadMatrixOf(new RoadSearch(g), snapsOf(g, town));
        const n = town.points.length;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++)
            for (let k = 0; k < n; k++) {
              const ij = durations[i * n + j];
              const jk = durations[j * n + k];
              if (ij < 0 || jk < 0) continue;
              expect(durations[i * n + k]).toBeGreaterThanOrEqual(0);
              expect(durations[i * n + k]).toBeLessThanOrEqual(ij + jk + 1);
            }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('a path runs from snapped point to snapped point along the edges, as long as the matrix says', () => {
    fc.assert(
      fc.property(towns, (town) => {
        const g = graphOf(town);
        const snaps = snapsOf(g, town);
        const search = new RoadSearch(g);
        const { distances } = roadMatrixOf(search, snaps);
        const n = snaps.length;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            const a = snaps[i];
            const b = snaps[j];
            if (!a || !b || i === j) continue;
            const path = roadPathBetween(search, a, b);
            expect(path === null).toBe(distances[i * n + j] < 0);
            if (!path) continue;
            expect(path.metres).toBe(distances[i * n + j]);
            expect(path.points[0]).toEqual([a.lon, a.lat]);
            expect(path.points.at(-1)).toEqual([b.lon, b.lat]);
            let length = 0;
            for (let k = 1; k < path.points.length; k++) {
              const [x0, y0] = path.points[k - 1];
              const [x1, y1] = path.points[k];
              // Each step's midpoint lies on the network.
              const mid = snapToRoad(g, (y0 + y1) / 2, (x0 + x1) / 2, 1);
              expect(mid?.distanceMetres ?? Infinity).toBeLessThan(0.5);
              length += Math.hypot((x1 - x0) * 111_320, (y1 - y0) * 110_574);
            }
            // The drawn line is the trip: its length matches the trip's metres (haversine vs the plane: within 1 %).
            expect(Math.abs(length - path.metres)).toBeLessThanOrEqual(0.01 * path.metres + 1);
          }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

describe('equally fast trips', () => {
  it('the shorter one wins, forward and backward alike', () => {
    // Two streets from vertex 0 to vertex 1, both 36 s: one straight (~111 m), one bent out (~250 m).
    const g = createRoadGraph({
      vertexCount: 2,
      edgeSource: Int32Array.from([0, 0]),
      edgeTarget: Int32Array.from([1, 1]),
      edgeForwardSeconds: Float64Array.from([36, 36]),
      edgeBackwardSeconds: Float64Array.from([36, 36]),
      edgeCoordStart: Int32Array.from([0, 3, 5]),
      coordLon: Float64Array.from([0, 0.0005, 0.001, 0, 0.001]),
      coordLat: Float64Array.from([0, 0.001, 0, 0, 0]),
    });
    const snaps = [snapToRoad(g, -0.0001, 0, 50), snapToRoad(g, -0.0001, 0.001, 50)];
    const search = new RoadSearch(g);
    const rows = roadMatrixOf(search, snaps);
    expect(Array.from(rows.durations)).toEqual([0, 36, 36, 0]);
    expect(rows.distances[1]).toBeGreaterThan(105);
    expect(rows.distances[1]).toBeLessThan(115);
    const durations = new Int32Array(4);
    const distances = new Int32Array(4);
    for (const j of [0, 1]) fillRoadColumn(search, snaps, j, [0, 1], null, durations, distances);
    expect(Array.from(distances)).toEqual(Array.from(rows.distances));
  });
});

describe('strong components', () => {
  it('two vertices share a component exactly when each reaches the other', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) => fc.record({ n: fc.constant(n), arcs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }) })),
        ({ n, arcs }) => {
          const { component, count, largest } = largestStrongComponent(n, Int32Array.from(arcs.map((a) => a[0])), Int32Array.from(arcs.map((a) => a[1])));
          const reach = Array.from({ length: n }, (_, s) => {
            const seen = new Set([s]);
            const stack = [s];
            while (stack.length) {
              const u = stack.pop()!;
              for (const [x, y] of arcs) {
                if (x !== u || seen.has(y)) continue;
                seen.add(y);
                stack.push(y);
              }
            }
            return seen;
          });
          for (let u = 0; u < n; u++) for (let v = 0; v < n; v++) expect(component[u] === component[v]).toBe(reach[u].has(v) && reach[v].has(u));
          expect(new Set(component).size).toBe(count);
          const sizes = Array.from({ length: count }, (_, c) => component.filter((x) => x === c).length);
          expect(sizes[largest]).toBe(Math.max(...sizes));
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
