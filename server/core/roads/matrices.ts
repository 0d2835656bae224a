/**
 * One road network's graph in memory, answering travel matrices and street
 * paths, with the last matrix kept, keyed by point (rounded to ~1 m), so a
 * day with a few new points computes only their rows (forward searches) and
 * columns (backward searches). Pure: it runs on the roads thread
 * (platform/roads), and in-process where no thread is wanted.
 */
import { createRoadGraph, snapToRoad, type RoadGraph, type RoadGraphInput, type RoadSnap } from './graph.js';
import { endVertices, fillRoadColumn, fillRoadRow, RoadSearch, roadMatrixOf, roadPathBetween } from './search.js';

/** Row-major n x n metres / seconds; -1 = no path; offNetwork[i] = 1: point i is farther than the snap limit from every road. */
export interface RoadMatrix {
  distances: Int32Array;
  durations: Int32Array;
  offNetwork: Uint8Array;
}

export const roadMatrixDefaults = {
  /** Points are the same location for the cache when equal at this many decimals of a degree (5: ~1.1 m). */
  cacheDecimals: 5,
  /** Matrices over more points than this are not kept (8 bytes a cell: 2,000 points = 32 MB). */
  maxCachedPoints: 2000,
  /** Above this share of new points the cache is not worth it: a cold matrix is computed. */
  maxNewShare: 0.5,
};

interface CachedMatrix {
  snapLimitMetres: number;
  index: Map<string, number>;
  snaps: (RoadSnap | null)[];
  durations: Int32Array;
  distances: Int32Array;
}

const keyOf = (p: { lat: number; lon: number }) => `${p.lat.toFixed(roadMatrixDefaults.cacheDecimals)},${p.lon.toFixed(roadMatrixDefaults.cacheDecimals)}`;

export class RoadMatrices {
  readonly graph: RoadGraph;
  /** Scratch arrays of the searches: every call runs to its end before the next. */
  private readonly search: RoadSearch;
  private last: CachedMatrix | null = null;

  constructor(input: RoadGraphInput) {
    this.graph = createRoadGraph(input);
    this.search = new RoadSearch(this.graph);
  }

  /** Durations (s) and distances (m) by road between every pair of points, fastest trip first and the shortest among equally fast ones. */
  matrix(points: readonly { lat: number; lon: number }[], snapLimitMetres: number): RoadMatrix {
    const { graph, search } = this;
    const n = points.length;
    const keys = points.map(keyOf);
    const last = this.last?.snapLimitMetres === snapLimitMetres ? this.last : null;
    const oldIndex = keys.map((k) => last?.index.get(k) ?? -1);
    const snaps = points.map((p, i) => (oldIndex[i] >= 0 ? last!.snaps[oldIndex[i]] : snapToRoad(graph, p.lat, p.lon, snapLimitMetres)));
    const fresh: number[] = [];
    const kept: number[] = [];
    for (let i = 0; i < n; i++) (oldIndex[i] < 0 ? fresh : kept).push(i);
    let durations: Int32Array;
    let distances: Int32Array;
    if (!last || fresh.length > n * roadMatrixDefaults.maxNewShare) {
      ({ durations, distances } = roadMatrixOf(search, snaps));
    } else {
      durations = new Int32Array(n * n);
      distances = new Int32Array(n * n);
      const m = last.snaps.length;
      for (const i of kept) {
        for (const j of kept) {
          durations[i * n + j] = last.durations[oldIndex[i] * m + oldIndex[j]];
          distances[i * n + j] = last.distances[oldIndex[i] * m + oldIndex[j]];
        }
      }
      const stopAfter = endVertices(graph, snaps);
      for (const i of fresh) fillRoadRow(search, snaps, i, stopAfter, durations, distances);
      const keptRows = Int32Array.from(kept);
      for (const j of fresh) fillRoadColumn(search, snaps, j, keptRows, stopAfter, durations, distances);
    }
    if (n <= roadMatrixDefaults.maxCachedPoints) {
      this.last = { snapLimitMetres, index: new Map(keys.map((k, i) => [k, i])), snaps, durations, distances };
    }
    const offNetwork = new Uint8Array(n);
    for (let i = 0; i < n; i++) offNetwork[i] = snaps[i] ? 0 : 1;
    return { distances, durations, offNetwork };
  }

  /**
   * The streets through the points in order, as [lon, lat]: each leg from the
   * point snapped to the road to the next one; a straight line where a point
   * is off the network or a leg has no road.
   */
  path(points: readonly { lat: number; lon: number }[], snapLimitMetres: number): [number, number][] {
    const { graph, search } = this;
    const line: [number, number][] = [];
    const add = (p: [number, number]) => {
      const lastPoint = line[line.length - 1];
      if (!lastPoint || lastPoint[0] !== p[0] || lastPoint[1] !== p[1]) line.push(p);
    };
    const snaps = points.map((p) => snapToRoad(graph, p.lat, p.lon, snapLimitMetres));
    for (let k = 0; k < points.length; k++) {
      const here = snaps[k];
      if (k === 0) {
        add(here ? [here.lon, here.lat] : [points[0].lon, points[0].lat]);
        continue;
      }
      const before = snaps[k - 1];
      const leg = before && here ? roadPathBetween(search, before, here) : null;
      if (leg) for (const p of leg.points) add(p);
      else add(here ? [here.lon, here.lat] : [points[k].lon, points[k].lat]);
    }
    return line;
  }
}
