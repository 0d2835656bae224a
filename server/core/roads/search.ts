/**
 * Fastest trips on a RoadGraph: Dijkstra with an indexed binary heap on
 * typed arrays, labels compared by (milliseconds, decimetres) so that among
 * equally fast trips the shortest is taken, whichever way the search runs.
 *
 * A trip between two snapped points leaves the first point's edge by one of
 * its ends (or stays on it), crosses vertices, and enters the second point's
 * edge by one of its ends. A forward search from a point gives its row of the
 * matrix; a backward search (on the reversed graph) to a point gives its
 * column: the cache computes only new points' rows and columns.
 */
import { sameEdgeTrip, type RoadGraph, type RoadSnap } from './graph.js';

const UNSEEN = 0;
const QUEUED = 1;
const SETTLED = 2;

/** A search's scratch arrays, reused from one search to the next (one per graph and caller). */
export class RoadSearch {
  readonly ms: Float64Array;
  readonly dm: Float64Array;
  /** The arc (index into out* or in*) each vertex was reached by, -1 at a start. */
  readonly viaArc: Int32Array;
  readonly state: Uint8Array;
  private readonly heap: Int32Array;
  private readonly position: Int32Array;
  private readonly wanted: Uint8Array;
  private size = 0;
  /** Vertices settled by the last search (a cost measure for the benchmark). */
  settledCount = 0;

  constructor(readonly graph: RoadGraph) {
    const n = graph.vertexCount;
    this.ms = new Float64Array(n);
    this.dm = new Float64Array(n);
    this.viaArc = new Int32Array(n);
    this.state = new Uint8Array(n);
    this.heap = new Int32Array(n);
    this.position = new Int32Array(n);
    this.wanted = new Uint8Array(n);
  }

  /**
   * Searches from the point (forward) or to it (backward, `reverse`) until
   * every vertex listed in `stopAfter` is settled (all of them when null).
   */
  run(from: RoadSnap, reverse: boolean, stopAfter: Int32Array | null): void {
    const { graph, ms, dm, state, viaArc, wanted } = this;
    state.fill(UNSEEN);
    this.size = 0;
    this.settledCount = 0;
    const source = graph.edgeSource[from.edge];
    const target = graph.edgeTarget[from.edge];
    const dmTarget = graph.edgeLengthDm[from.edge] - from.dmBefore;
    // Forward: leave the point towards either end; backward: reach the point from either end.
    this.offer(source, reverse ? from.fromSourceMs : from.toSourceMs, from.dmBefore, -1);
    this.offer(target, reverse ? from.fromTargetMs : from.toTargetMs, dmTarget, -1);
    let remaining = -1;
    if (stopAfter) {
      wanted.fill(0);
      remaining = 0;
      for (let i = 0; i < stopAfter.length; i++) {
        if (!wanted[stopAfter[i]]) remaining++;
        wanted[stopAfter[i]] = 1;
      }
    }
    const start = reverse ? graph.inStart : graph.outStart;
    const head = reverse ? graph.inHead : graph.outHead;
    const arcMs = reverse ? graph.inMs : graph.outMs;
    const arcDm = reverse ? graph.inDm : graph.outDm;
    while (this.size > 0) {
      const u = this.pop();
      state[u] = SETTLED;
      this.settledCount++;
      if (remaining > 0 && wanted[u] && --remaining === 0) return;
      const uMs = ms[u];
      const uDm = dm[u];
      for (let a = start[u]; a < start[u + 1]; a++) {
        const v = head[a];
        if (state[v] === SETTLED) continue;
        const vMs = uMs + arcMs[a];
        const vDm = uDm + arcDm[a];
        if (state[v] === UNSEEN) {
          ms[v] = vMs;
          dm[v] = vDm;
          viaArc[v] = a;
          state[v] = QUEUED;
          this.push(v);
        } else if (vMs < ms[v] || (vMs === ms[v] && vDm < dm[v])) {
          ms[v] = vMs;
          dm[v] = vDm;
          viaArc[v] = a;
          this.up(this.position[v]);
        }
      }
    }
  }

  /** Whether the last search reached vertex v. */
  reached(v: number): boolean {
    return this.state[v] !== UNSEEN;
  }

  private offer(v: number, startMs: number, startDm: number, arc: number): void {
    if (startMs < 0) return;
    const { ms, dm, state } = this;
    if (state[v] === UNSEEN) {
      ms[v] = startMs;
      dm[v] = startDm;
      this.viaArc[v] = arc;
      state[v] = QUEUED;
      this.push(v);
    } else if (startMs < ms[v] || (startMs === ms[v] && startDm < dm[v])) {
      ms[v] = startMs;
      dm[v] = startDm;
      this.viaArc[v] = arc;
      this.up(this.position[v]);
    }
  }

  private push(v: number): void {
    this.heap[this.size] = v;
    this.position[v] = this.size;
    this.up(this.size++);
  }

  private pop(): number {
    const { heap, position } = this;
    const top = heap[0];
    const last = heap[--this.size];
    if (this.size > 0) {
      heap[0] = last;
      position[last] = 0;
      this.down(0);
    }
    return top;
  }

  private up(i: number): void {
    const { heap, position, ms, dm } = this;
    const v = heap[i];
    const vMs = ms[v];
    const vDm = dm[v];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (ms[p] < vMs || (ms[p] === vMs && dm[p] <= vDm)) break;
      heap[i] = p;
      position[p] = i;
      i = parent;
    }
    heap[i] = v;
    position[v] = i;
  }

  private down(i: number): void {
    const { heap, position, ms, dm } = this;
    const v = heap[i];
    const vMs = ms[v];
    const vDm = dm[v];
    const size = this.size;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      let c = heap[child];
      if (child + 1 < size) {
        const r = heap[child + 1];
        if (ms[r] < ms[c] || (ms[r] === ms[c] && dm[r] < dm[c])) {
          child++;
          c = r;
        }
      }
      if (vMs < ms[c] || (vMs === ms[c] && vDm <= dm[c])) break;
      heap[i] = c;
      position[c] = i;
      i = child;
    }
    heap[i] = v;
    position[v] = i;
  }
}

/** A trip's total, or none. */
interface Trip {
  ms: number;
  dm: number;
}

/** Takes (ms, dm) as the best trip when it beats it. */
function consider(best: Trip, ms: number, dm: number): void {
  if (best.ms < 0 || ms < best.ms || (ms === best.ms && dm < best.dm)) {
    best.ms = ms;
    best.dm = dm;
  }
}

/** After a forward search from a: the best trip to b (ms < 0: none). */
function tripAfterForward(search: RoadSearch, a: RoadSnap, b: RoadSnap, best: Trip): Trip {
  const g = search.graph;
  const direct = sameEdgeTrip(g, a, b);
  best.ms = direct ? direct.ms : -1;
  best.dm = direct ? direct.dm : 0;
  const source = g.edgeSource[b.edge];
  const target = g.edgeTarget[b.edge];
  if (b.fromSourceMs >= 0 && search.state[source] === 2) {
    consider(best, search.ms[source] + b.fromSourceMs, search.dm[source] + b.dmBefore);
  }
  if (b.fromTargetMs >= 0 && search.state[target] === 2) {
    consider(best, search.ms[target] + b.fromTargetMs, search.dm[target] + g.edgeLengthDm[b.edge] - b.dmBefore);
  }
  return best;
}

/** After a backward search to b: the best trip from a (ms < 0: none). */
function tripAfterBackward(search: RoadSearch, a: RoadSnap, b: RoadSnap, best: Trip): Trip {
  const g = search.graph;
  const direct = sameEdgeTrip(g, a, b);
  best.ms = direct ? direct.ms : -1;
  best.dm = direct ? direct.dm : 0;
  const source = g.edgeSource[a.edge];
  const target = g.edgeTarget[a.edge];
  if (a.toSourceMs >= 0 && search.state[source] === 2) {
    consider(best, a.toSourceMs + search.ms[source], a.dmBefore + search.dm[source]);
  }
  if (a.toTargetMs >= 0 && search.state[target] === 2) {
    consider(best, a.toTargetMs + search.ms[target], g.edgeLengthDm[a.edge] - a.dmBefore + search.dm[target]);
  }
  return best;
}

/** The vertices a search must settle before the trips to (or from) these points are known. */
export function endVertices(graph: RoadGraph, snaps: readonly (RoadSnap | null)[]): Int32Array {
  const out: number[] = [];
  for (const s of snaps) if (s) out.push(graph.edgeSource[s.edge], graph.edgeTarget[s.edge]);
  return Int32Array.from(out);
}

/** Seconds and metres of a trip, rounded; -1 for none. */
const secondsOf = (ms: number) => (ms < 0 ? -1 : Math.round(ms / 1000));
const metresOf = (trip: Trip) => (trip.ms < 0 ? -1 : Math.round(trip.dm / 10));

/**
 * Row i of the n x n matrices (durations s, distances m) over `snaps`, by a
 * forward search from point i. Off-network points (null) get -1 (0 to themselves).
 */
export function fillRoadRow(search: RoadSearch, snaps: readonly (RoadSnap | null)[], i: number, stopAfter: Int32Array | null, durations: Int32Array, distances: Int32Array): void {
  const n = snaps.length;
  const a = snaps[i];
  const trip: Trip = { ms: -1, dm: 0 };
  if (a) search.run(a, false, stopAfter);
  for (let j = 0; j < n; j++) {
    const b = snaps[j];
    writeCell(durations, distances, n, i, j, a && b ? tripAfterForward(search, a, b, trip) : null);
  }
}

/** Column j for the rows listed in `rows`, by a backward search to point j. */
export function fillRoadColumn(search: RoadSearch, snaps: readonly (RoadSnap | null)[], j: number, rows: ArrayLike<number>, stopAfter: Int32Array | null, durations: Int32Array, distances: Int32Array): void {
  const n = snaps.length;
  const b = snaps[j];
  const trip: Trip = { ms: -1, dm: 0 };
  if (b) search.run(b, true, stopAfter);
  for (let k = 0; k < rows.length; k++) {
    const a = snaps[rows[k]];
    writeCell(durations, distances, n, rows[k], j, a && b ? tripAfterBackward(search, a, b, trip) : null);
  }
}

/** Cell (i, j): 0 on the diagonal, the trip's seconds and metres, -1 for none (or a point off the network). */
function writeCell(durations: Int32Array, distances: Int32Array, n: number, i: number, j: number, trip: Trip | null): void {
  const at = i * n + j;
  if (i === j) durations[at] = distances[at] = 0;
  else if (!trip) durations[at] = distances[at] = -1;
  else {
    durations[at] = secondsOf(trip.ms);
    distances[at] = metresOf(trip);
  }
}

/** The whole n x n matrices over the snapped points (a forward search per on-network point). */
export function roadMatrixOf(search: RoadSearch, snaps: readonly (RoadSnap | null)[]): { durations: Int32Array; distances: Int32Array } {
  const n = snaps.length;
  const durations = new Int32Array(n * n);
  const distances = new Int32Array(n * n);
  const stopAfter = endVertices(search.graph, snaps);
  for (let i = 0; i < n; i++) fillRoadRow(search, snaps, i, stopAfter, durations, distances);
  return { durations, distances };
}

/**
 * The fastest trip from a to b along the streets as [lon, lat] points, from
 * the snapped point a to the snapped point b, or null when b cannot be reached.
 */
export function roadPathBetween(search: RoadSearch, a: RoadSnap, b: RoadSnap): { points: [number, number][]; seconds: number; metres: number } | null {
  const g = search.graph;
  search.run(a, false, endVertices(g, [b]));
  const trip = tripAfterForward(search, a, b, { ms: -1, dm: 0 });
  if (trip.ms < 0) return null;
  const points: [number, number][] = [[a.lon, a.lat]];
  const direct = sameEdgeTrip(g, a, b);
  if (direct && direct.ms === trip.ms && direct.dm === trip.dm) {
    appendAlongEdge(g, points, a, b);
  } else {
    // Which end of b's edge the trip came in by.
    const source = g.edgeSource[b.edge];
    const target = g.edgeTarget[b.edge];
    const viaSource =
      b.fromSourceMs >= 0 && search.state[source] === 2 && search.ms[source] + b.fromSourceMs === trip.ms && search.dm[source] + b.dmBefore === trip.dm;
    let v = viaSource ? source : target;
    const arcs: number[] = [];
    while (search.viaArc[v] >= 0) {
      const arc = search.viaArc[v];
      arcs.push(arc);
      const e = g.outEdge[arc] >> 1;
      v = g.outEdge[arc] & 1 ? g.edgeTarget[e] : g.edgeSource[e];
    }
    // v is the end of a's edge the trip left by.
    const leftBy = v === g.edgeSource[a.edge] && (v !== g.edgeTarget[a.edge] || leftBySource(search, a)) ? 'toSource' : 'toTarget';
    appendPartial(g, points, a, leftBy);
    for (let k = arcs.length - 1; k >= 0; k--) appendEdge(g, points, g.outEdge[arcs[k]] >> 1, (g.outEdge[arcs[k]] & 1) === 1);
    appendPartial(g, points, b, viaSource ? 'fromSource' : 'fromTarget');
  }
  pushPoint(points, b.lon, b.lat);
  return { points, seconds: secondsOf(trip.ms), metres: metresOf(trip) };
}

/** A loop edge (source = target): the start label tells which way the search left. */
function leftBySource(search: RoadSearch, a: RoadSnap): boolean {
  const v = search.graph.edgeSource[a.edge];
  return search.ms[v] === a.toSourceMs && (a.toTargetMs < 0 || a.toSourceMs <= a.toTargetMs);
}

function pushPoint(points: [number, number][], lon: number, lat: number): void {
  const last = points[points.length - 1];
  if (last && last[0] === lon && last[1] === lat) return;
  points.push([lon, lat]);
}

function appendEdge(g: RoadGraph, points: [number, number][], e: number, backward: boolean): void {
  const first = g.edgeCoordStart[e];
  const last = g.edgeCoordStart[e + 1] - 1;
  if (backward) for (let p = last; p >= first; p--) pushPoint(points, g.coordLon[p], g.coordLat[p]);
  else for (let p = first; p <= last; p++) pushPoint(points, g.coordLon[p], g.coordLat[p]);
}

/** The edge's points between a snapped point and one end of its edge (the snapped point itself excluded). */
function appendPartial(g: RoadGraph, points: [number, number][], s: RoadSnap, part: 'toSource' | 'toTarget' | 'fromSource' | 'fromTarget'): void {
  const first = g.edgeCoordStart[s.edge];
  const last = g.edgeCoordStart[s.edge + 1] - 1;
  const p = s.segment;
  if (part === 'toSource') for (let q = p; q >= first; q--) pushPoint(points, g.coordLon[q], g.coordLat[q]);
  else if (part === 'toTarget') for (let q = p + 1; q <= last; q++) pushPoint(points, g.coordLon[q], g.coordLat[q]);
  else if (part === 'fromSource') for (let q = first; q <= p; q++) pushPoint(points, g.coordLon[q], g.coordLat[q]);
  else for (let q = last; q >= p + 1; q--) pushPoint(points, g.coordLon[q], g.coordLat[q]);
}

/** The edge's points strictly between two snapped points on it. */
function appendAlongEdge(g: RoadGraph, points: [number, number][], a: RoadSnap, b: RoadSnap): void {
  if (b.fraction >= a.fraction) for (let q = a.segment + 1; q <= b.segment; q++) pushPoint(points, g.coordLon[q], g.coordLat[q]);
  else for (let q = a.segment; q >= b.segment + 1; q--) pushPoint(points, g.coordLon[q], g.coordLat[q]);
}
