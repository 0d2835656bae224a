/**
 * A road network in memory: compressed sparse rows of typed arrays, a grid
 * of street segments for snapping, and the durations of the edges in whole
 * milliseconds and their lengths in whole decimetres, so that every sum the
 * searches make is exact and a forward and a backward search agree to the
 * unit (the location cache mixes both; docs/roads.md).
 */
import { haversineMetres } from '../routing/base/metrics.js';

/** What the repository reads back: vertices 0..n-1, edges with their geometry. */
export interface RoadGraphInput {
  vertexCount: number;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Seconds source -> target; negative = not allowed that way. */
  edgeForwardSeconds: Float64Array;
  /** Seconds target -> source; negative = not allowed that way. */
  edgeBackwardSeconds: Float64Array;
  /** Edge e's points are coordLon/coordLat[edgeCoordStart[e] .. edgeCoordStart[e + 1] - 1], source to target. */
  edgeCoordStart: Int32Array;
  coordLon: Float64Array;
  coordLat: Float64Array;
}

export const roadGraphDefaults = {
  /** Side of a snapping grid cell, metres (grown on huge areas to keep the grid under maxGridCells). */
  gridCellMetres: 100,
  maxGridCells: 4_000_000,
  /**
   * A snapped point this close to an end of its edge is that end (vertex): a hair's
   * breadth before the end of a one-way edge would otherwise mean driving round the block.
   */
  vertexSnapMetres: 0.1,
};

export interface RoadGraph extends RoadGraphInput {
  edgeCount: number;
  /** Whole milliseconds source -> target (-1: not allowed), target -> source. */
  edgeForwardMs: Float64Array;
  edgeBackwardMs: Float64Array;
  /** Whole decimetres. */
  edgeLengthDm: Float64Array;
  edgeLengthMetres: Float64Array;
  /** Metres from its edge's first point to each point. */
  coordOffsetMetres: Float64Array;
  /** Edge of each point. */
  coordEdge: Int32Array;
  /** Arcs leaving each vertex: outStart[v] .. outStart[v + 1] - 1 into outHead/outMs/outDm/outEdge. */
  outStart: Int32Array;
  outHead: Int32Array;
  outMs: Float64Array;
  outDm: Float64Array;
  /** Edge * 2, + 1 when the arc runs target -> source. */
  outEdge: Int32Array;
  /** Arcs entering each vertex (the reversed graph), same layout; inHead is the arc's tail. */
  inStart: Int32Array;
  inHead: Int32Array;
  inMs: Float64Array;
  inDm: Float64Array;
  inEdge: Int32Array;
  grid: SegmentGrid;
  vertexSnapMetres: number;
}

/** Segments (point p to p + 1 of one edge) by grid cell, in a local plane in metres. */
interface SegmentGrid {
  originLon: number;
  originLat: number;
  metresPerLon: number;
  metresPerLat: number;
  cellMetres: number;
  columns: number;
  rows: number;
  cellStart: Int32Array;
  /** The first point of each segment in the cell. */
  cellSegments: Int32Array;
}

export function createRoadGraph(input: RoadGraphInput, options: Partial<typeof roadGraphDefaults> = {}): RoadGraph {
  const { vertexCount: n, edgeSource, edgeTarget, edgeForwardSeconds, edgeBackwardSeconds, edgeCoordStart, coordLon, coordLat } = input;
  const m = edgeSource.length;
  const coordCount = coordLon.length;
  const coordOffsetMetres = new Float64Array(coordCount);
  const coordEdge = new Int32Array(coordCount);
  const edgeLengthMetres = new Float64Array(m);
  const edgeLengthDm = new Float64Array(m);
  const edgeForwardMs = new Float64Array(m);
  const edgeBackwardMs = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    let length = 0;
    coordEdge[edgeCoordStart[e]] = e;
    for (let p = edgeCoordStart[e] + 1; p < edgeCoordStart[e + 1]; p++) {
      length += haversineMetres(coordLat[p - 1], coordLon[p - 1], coordLat[p], coordLon[p]);
      coordOffsetMetres[p] = length;
      coordEdge[p] = e;
    }
    edgeLengthMetres[e] = length;
    edgeLengthDm[e] = Math.round(length * 10);
    edgeForwardMs[e] = edgeForwardSeconds[e] >= 0 ? Math.round(edgeForwardSeconds[e] * 1000) : -1;
    edgeBackwardMs[e] = edgeBackwardSeconds[e] >= 0 ? Math.round(edgeBackwardSeconds[e] * 1000) : -1;
  }
  const out = arcsOf(n, m, edgeSource, edgeTarget, edgeForwardMs, edgeBackwardMs, edgeLengthDm, false);
  const into = arcsOf(n, m, edgeSource, edgeTarget, edgeForwardMs, edgeBackwardMs, edgeLengthDm, true);
  return {
    ...input,
    edgeCount: m,
    edgeForwardMs,
    edgeBackwardMs,
    edgeLengthDm,
    edgeLengthMetres,
    coordOffsetMetres,
    coordEdge,
    outStart: out.start,
    outHead: out.head,
    outMs: out.ms,
    outDm: out.dm,
    outEdge: out.edge,
    inStart: into.start,
    inHead: into.head,
    inMs: into.ms,
    inDm: into.dm,
    inEdge: into.edge,
    grid: segmentGrid(input, { ...roadGraphDefaults, ...options }),
    vertexSnapMetres: options.vertexSnapMetres ?? roadGraphDefaults.vertexSnapMetres,
  };
}

function arcsOf(n: number, m: number, source: Int32Array, target: Int32Array, forwardMs: Float64Array, backwardMs: Float64Array, lengthDm: Float64Array, reversed: boolean) {
  const start = new Int32Array(n + 1);
  // An arc u -> v; the reversed graph files it under v (its head is then u).
  const each = (visit: (tail: number, head: number, ms: number, dm: number, edge: number) => void) => {
    for (let e = 0; e < m; e++) {
      if (forwardMs[e] >= 0) visit(source[e], target[e], forwardMs[e], lengthDm[e], e * 2);
      if (backwardMs[e] >= 0) visit(target[e], source[e], backwardMs[e], lengthDm[e], e * 2 + 1);
    }
  };
  each((tail, head) => start[(reversed ? head : tail) + 1]++);
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const count = start[n];
  const head = new Int32Array(count);
  const ms = new Float64Array(count);
  const dm = new Float64Array(count);
  const edge = new Int32Array(count);
  const fill = start.slice(0, n);
  each((t, h, arcMs, arcDm, arcEdge) => {
    const from = reversed ? h : t;
    const i = fill[from]++;
    head[i] = reversed ? t : h;
    ms[i] = arcMs;
    dm[i] = arcDm;
    edge[i] = arcEdge;
  });
  return { start, head, ms, dm, edge };
}

function segmentGrid(input: RoadGraphInput, options: typeof roadGraphDefaults): SegmentGrid {
  const { coordLon, coordLat, edgeCoordStart } = input;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (let p = 0; p < coordLon.length; p++) {
    minLon = Math.min(minLon, coordLon[p]);
    maxLon = Math.max(maxLon, coordLon[p]);
    minLat = Math.min(minLat, coordLat[p]);
    maxLat = Math.max(maxLat, coordLat[p]);
  }
  if (coordLon.length === 0) minLon = maxLon = minLat = maxLat = 0;
  const metresPerLat = 110_574;
  const metresPerLon = 111_320 * Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const width = (maxLon - minLon) * metresPerLon;
  const height = (maxLat - minLat) * metresPerLat;
  const cellMetres = Math.max(options.gridCellMetres, Math.sqrt((width * height) / options.maxGridCells));
  const columns = Math.floor(width / cellMetres) + 1;
  const rows = Math.floor(height / cellMetres) + 1;
  const cellStart = new Int32Array(columns * rows + 1);
  const grid: SegmentGrid = { originLon: minLon, originLat: minLat, metresPerLon, metresPerLat, cellMetres, columns, rows, cellStart, cellSegments: new Int32Array(0) };
  const eachCell = (visit: (cell: number, segment: number) => void) => {
    for (let e = 0; e + 1 < edgeCoordStart.length; e++) {
      for (let p = edgeCoordStart[e]; p + 1 < edgeCoordStart[e + 1]; p++) {
        const x0 = Math.floor(((Math.min(coordLon[p], coordLon[p + 1]) - minLon) * metresPerLon) / cellMetres);
        const x1 = Math.floor(((Math.max(coordLon[p], coordLon[p + 1]) - minLon) * metresPerLon) / cellMetres);
        const y0 = Math.floor(((Math.min(coordLat[p], coordLat[p + 1]) - minLat) * metresPerLat) / cellMetres);
        const y1 = Math.floor(((Math.max(coordLat[p], coordLat[p + 1]) - minLat) * metresPerLat) / cellMetres);
        for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) visit(y * columns + x, p);
      }
    }
  };
  eachCell((cell) => cellStart[cell + 1]++);
  for (let c = 0; c < columns * rows; c++) cellStart[c + 1] += cellStart[c];
  const cellSegments = new Int32Array(cellStart[columns * rows]);
  const fill = cellStart.slice(0, columns * rows);
  eachCell((cell, segment) => (cellSegments[fill[cell]++] = segment));
  grid.cellSegments = cellSegments;
  return grid;
}

/**
 * A point placed on the network: on edge `edge`, `fraction` of the way from
 * its source, with the four partial trips between the point and the edge's
 * ends (milliseconds, decimetres; ms = -1: that way is not allowed).
 */
export interface RoadSnap {
  edge: number;
  /** The segment (its first point) the snapped point lies on, and how far along it (0..1). */
  segment: number;
  along: number;
  fraction: number;
  lon: number;
  lat: number;
  /** From the given point to the snapped point (straight). */
  distanceMetres: number;
  /** Decimetres from the edge's source to the point. */
  dmBefore: number;
  /** round(forwardMs * (1 - fraction)), round(backwardMs * fraction): the raw shares, for two points on one edge. */
  forwardAheadMs: number;
  backwardAheadMs: number;
  toSourceMs: number;
  toTargetMs: number;
  fromSourceMs: number;
  fromTargetMs: number;
}

/** The nearest point of the network to (lat, lon), or null when it is farther than `limitMetres`. */
export function snapToRoad(graph: RoadGraph, lat: number, lon: number, limitMetres: number): RoadSnap | null {
  const g = graph.grid;
  const { coordLon, coordLat } = graph;
  const px = (lon - g.originLon) * g.metresPerLon;
  const py = (lat - g.originLat) * g.metresPerLat;
  const cx = Math.floor(px / g.cellMetres);
  const cy = Math.floor(py / g.cellMetres);
  // Far outside the grid: the nearest cell is still at least this far.
  const reach = Math.ceil(limitMetres / g.cellMetres) + 1;
  let best = -1;
  let bestD2 = Infinity;
  let bestT = 0;
  for (let r = 0; r <= reach; r++) {
    for (let y = cy - r; y <= cy + r; y++) {
      if (y < 0 || y >= g.rows) continue;
      const edgeRow = y === cy - r || y === cy + r;
      for (let x = cx - r; x <= cx + r; x += edgeRow ? 1 : 2 * r || 1) {
        if (x < 0 || x >= g.columns) continue;
        const cell = y * g.columns + x;
        for (let i = g.cellStart[cell]; i < g.cellStart[cell + 1]; i++) {
          const p = g.cellSegments[i];
          const ax = (coordLon[p] - g.originLon) * g.metresPerLon;
          const ay = (coordLat[p] - g.originLat) * g.metresPerLat;
          const dx = (coordLon[p + 1] - g.originLon) * g.metresPerLon - ax;
          const dy = (coordLat[p + 1] - g.originLat) * g.metresPerLat - ay;
          const len2 = dx * dx + dy * dy;
          let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
          t = t < 0 ? 0 : t > 1 ? 1 : t;
          const qx = ax + t * dx - px;
          const qy = ay + t * dy - py;
          const d2 = qx * qx + qy * qy;
          if (d2 < bestD2 || (d2 === bestD2 && p < best)) {
            bestD2 = d2;
            best = p;
            bestT = t;
          }
        }
      }
    }
    // Every segment not yet seen lies outside the (2r+1)^2 cells around the point: at least r cells away.
    if (best >= 0 && Math.sqrt(bestD2) <= r * g.cellMetres) break;
  }
  if (best < 0) return null;
  return snapAt(graph, best, bestT, lat, lon, limitMetres);
}

function snapAt(graph: RoadGraph, p: number, t: number, lat: number, lon: number, limitMetres: number): RoadSnap | null {
  const { coordLon, coordLat } = graph;
  const e = graph.coordEdge[p];
  const pointLon = coordLon[p] + t * (coordLon[p + 1] - coordLon[p]);
  const pointLat = coordLat[p] + t * (coordLat[p + 1] - coordLat[p]);
  const distanceMetres = haversineMetres(lat, lon, pointLat, pointLon);
  if (distanceMetres > limitMetres) return null;
  const segmentMetres = graph.coordOffsetMetres[p + 1] - graph.coordOffsetMetres[p];
  const length = graph.edgeLengthMetres[e];
  // At an end of the edge, exactly (so that a point on a vertex is that vertex, whichever edge it took).
  const offset = graph.coordOffsetMetres[p] + t * segmentMetres;
  let fraction = length > 0 ? offset / length : 0;
  let segment = p;
  let along = t;
  let snapLon = pointLon;
  let snapLat = pointLat;
  if (offset <= graph.vertexSnapMetres || length - offset <= graph.vertexSnapMetres) {
    const atStart = offset <= graph.vertexSnapMetres;
    fraction = atStart ? 0 : 1;
    segment = atStart ? graph.edgeCoordStart[e] : graph.edgeCoordStart[e + 1] - 2;
    along = atStart ? 0 : 1;
    snapLon = coordLon[atStart ? segment : segment + 1];
    snapLat = coordLat[atStart ? segment : segment + 1];
  }
  const fwd = graph.edgeForwardMs[e];
  const bwd = graph.edgeBackwardMs[e];
  const forwardAheadMs = fwd >= 0 ? Math.round(fwd * (1 - fraction)) : 0;
  const backwardAheadMs = bwd >= 0 ? Math.round(bwd * fraction) : 0;
  return {
    edge: e,
    segment,
    along,
    fraction,
    lon: snapLon,
    lat: snapLat,
    distanceMetres,
    dmBefore: Math.round(graph.edgeLengthDm[e] * fraction),
    forwardAheadMs,
    backwardAheadMs,
    toTargetMs: fwd >= 0 ? forwardAheadMs : fraction === 1 ? 0 : -1,
    fromSourceMs: fwd >= 0 ? fwd - forwardAheadMs : fraction === 0 ? 0 : -1,
    toSourceMs: bwd >= 0 ? backwardAheadMs : fraction === 0 ? 0 : -1,
    fromTargetMs: bwd >= 0 ? bwd - backwardAheadMs : fraction === 1 ? 0 : -1,
  };
}

/** Milliseconds and decimetres from snap a straight along their shared edge to snap b, or null (other edge, or against a one-way). */
export function sameEdgeTrip(graph: RoadGraph, a: RoadSnap, b: RoadSnap): { ms: number; dm: number } | null {
  if (a.edge !== b.edge) return null;
  if (a.fraction === b.fraction) return { ms: 0, dm: 0 };
  if (b.fraction > a.fraction) return graph.edgeForwardMs[a.edge] >= 0 ? { ms: a.forwardAheadMs - b.forwardAheadMs, dm: b.dmBefore - a.dmBefore } : null;
  return graph.edgeBackwardMs[a.edge] >= 0 ? { ms: a.backwardAheadMs - b.backwardAheadMs, dm: a.dmBefore - b.dmBefore } : null;
}
