/**
 * OpenStreetMap elements -> a routable road network (pure: the readers in
 * features/roads feed nodes and ways in, whatever the file format).
 *
 * Rules (docs/roads.md):
 * - A way is a road when its `highway` class has a speed in the utility's
 *   table (footways, tracks and the like have none) and cars may use it
 *   (access / motor_vehicle / motorcar not no or private).
 * - Ways are split into edges at every node another way shares (and at a
 *   node a way visits twice); the nodes in between stay as the edge's geometry.
 * - oneway=yes/1/true: only in node order; -1/reverse: only against it; no:
 *   both. junction=roundabout/circular and highway=motorway are one-way unless tagged.
 * - A barrier node tagged access=no/private cuts the way: the two sides end
 *   at separate vertices, so nothing drives through it.
 * - Speed: the class's km/h, capped by a `maxspeed` tag; length: haversine
 *   over the geometry; cost in seconds, rounded to the millisecond.
 * - Only the largest strongly connected component is kept; the rest is
 *   reported (edges, km, components).
 */
import { haversineMetres } from '../routing/base/metrics.js';
import { largestStrongComponent } from './scc.js';

export type OsmTags = Readonly<Record<string, string>>;

export interface RoadEdgeBuilt {
  /** Vertex numbers (0..vertexCount-1). */
  source: number;
  target: number;
  /** Seconds source -> target, -1 when not allowed; likewise target -> source. */
  forwardSeconds: number;
  backwardSeconds: number;
  lengthMetres: number;
  highway: string;
  name: string | null;
  osmWayId: number;
  /** lon, lat, lon, lat, ... from source to target. */
  coordinates: number[];
}

export interface RoadNetworkBuilt {
  vertexLon: Float64Array;
  vertexLat: Float64Array;
  /** The OSM node of each vertex; null for the second side of a cutting barrier. */
  vertexOsmId: (number | null)[];
  edges: RoadEdgeBuilt[];
  stats: RoadImportStats;
}

export interface RoadImportStats {
  osmNodes: number;
  osmWays: number;
  /** Ways taken as roads (before the component filter). */
  roadWays: number;
  vertices: number;
  edges: number;
  lengthKm: number;
  droppedEdges: number;
  droppedKm: number;
  /** Strongly connected components other than the kept one (each at least one vertex with an edge). */
  droppedComponents: number;
}

const NO_ACCESS = new Set(['no', 'private']);
const YES_ACCESS = new Set(['yes', 'permissive', 'destination', 'designated', 'customers', 'delivery']);

/** Whether cars may use a way, by its access tags (the most specific one that is set wins). */
export function isDrivable(tags: OsmTags): boolean {
  for (const key of ['motorcar', 'motor_vehicle', 'vehicle', 'access']) {
    const value = tags[key];
    if (value === undefined) continue;
    if (NO_ACCESS.has(value)) return false;
    if (YES_ACCESS.has(value)) return true;
  }
  return tags.area !== 'yes';
}

/** Whether a node stops traffic: a barrier that forbids access. */
export function isBlockingBarrier(tags: OsmTags): boolean {
  if (tags.barrier === undefined) return false;
  for (const key of ['motorcar', 'motor_vehicle', 'access']) {
    const value = tags[key];
    if (value === undefined) continue;
    return NO_ACCESS.has(value);
  }
  return false;
}

/** 1: node order only; -1: against it only; 0: both ways. */
export function onewayOf(tags: OsmTags): 1 | -1 | 0 {
  const oneway = tags.oneway;
  if (oneway === 'yes' || oneway === '1' || oneway === 'true') return 1;
  if (oneway === '-1' || oneway === 'reverse') return -1;
  if (oneway === 'no' || oneway === 'false' || oneway === '0') return 0;
  if (tags.junction === 'roundabout' || tags.junction === 'circular') return 1;
  if (tags.highway === 'motorway') return 1;
  return 0;
}

/** A `maxspeed` tag in km/h ("50", "50 km/h", "30 mph"), or null when it says no number. */
export function maxspeedKmh(value: string | undefined): number | null {
  if (!value) return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph)?\s*$/i.exec(value);
  if (!match) return null;
  const n = Number(match[1]);
  if (!(n > 0)) return null;
  return match[2]?.toLowerCase() === 'mph' ? n * 1.609344 : n;
}

interface WayKept {
  id: number;
  nodes: number[];
  highway: string;
  name: string | null;
  oneway: 1 | -1 | 0;
  kmh: number;
}

/**
 * Collects OSM elements as a reader streams them (nodes, then ways) and
 * builds the network. Nodes are kept as coordinates only; ways that are no
 * road are dropped as they arrive.
 */
export class OsmRoadCollector {
  private nodeIndex = new Map<number, number>();
  private lon: number[] = [];
  private lat: number[] = [];
  private barriers = new Set<number>();
  private ways: WayKept[] = [];
  private wayCount = 0;

  constructor(private readonly speedsKmh: Readonly<Record<string, number>>) {}

  addNode(id: number, lat: number, lon: number, tags: OsmTags | null): void {
    if (!this.nodeIndex.has(id)) {
      this.nodeIndex.set(id, this.lon.length);
      this.lon.push(lon);
      this.lat.push(lat);
    }
    if (tags && isBlockingBarrier(tags)) this.barriers.add(id);
  }

  addWay(id: number, nodes: readonly number[], tags: OsmTags): void {
    this.wayCount++;
    const highway = tags.highway;
    if (!highway || nodes.length < 2) return;
    const classKmh = this.speedsKmh[highway];
    if (!(classKmh > 0) || !isDrivable(tags)) return;
    const cap = maxspeedKmh(tags.maxspeed);
    this.ways.push({ id, nodes: [...nodes], highway, name: tags.name ?? null, oneway: onewayOf(tags), kmh: cap === null ? classKmh : Math.min(classKmh, cap) });
  }

  get nodeCount(): number {
    return this.lon.length;
  }

  build(): RoadNetworkBuilt {
    const { nodeIndex, lon, lat } = this;
    // How many times each node is used by road ways: 2+ (or a way's end) makes it a vertex.
    const uses = new Map<number, number>();
    for (const way of this.ways) {
      for (const id of way.nodes) {
        if (!nodeIndex.has(id)) throw new OsmMissingNode(way.id, id);
        uses.set(id, (uses.get(id) ?? 0) + 1);
      }
    }
    const vertexOf = new Map<number, number>();
    const vLon: number[] = [];
    const vLat: number[] = [];
    const vOsm: (number | null)[] = [];
    const newVertex = (osmId: number | null, at: number): number => {
      vLon.push(lon[at]);
      vLat.push(lat[at]);
      vOsm.push(osmId);
      return vLon.length - 1;
    };
    const vertexFor = (osmId: number): number => {
      let v = vertexOf.get(osmId);
      if (v === undefined) {
        v = newVertex(osmId, nodeIndex.get(osmId)!);
        vertexOf.set(osmId, v);
      }
      return v;
    };
    const edges: RoadEdgeBuilt[] = [];
    for (const way of this.ways) {
      const metresPerSecond = way.kmh / 3.6;
      let start = 0;
      let startVertex = vertexFor(way.nodes[0]);
      let coords: number[] = [];
      const push = (id: number) => {
        const at = nodeIndex.get(id)!;
        coords.push(lon[at], lat[at]);
      };
      push(way.nodes[0]);
      for (let k = 1; k < way.nodes.length; k++) {
        const id = way.nodes[k];
        push(id);
        const last = k === way.nodes.length - 1;
        const barrier = this.barriers.has(id);
        if (!last && !barrier && (uses.get(id) ?? 0) < 2) continue;
        const endVertex = vertexFor(id);
        if (k > start) edges.push(edgeOf(way, startVertex, endVertex, coords, metresPerSecond));
        start = k;
        coords = [];
        push(id);
        // Past a barrier the way goes on from a vertex of its own: nothing connects the two sides.
        startVertex = barrier && !last ? newVertex(null, nodeIndex.get(id)!) : endVertex;
      }
    }
    return keepLargestComponent(vLon, vLat, vOsm, edges, { osmNodes: lon.length, osmWays: this.wayCount, roadWays: this.ways.length });
  }
}

/** A way names a node the file does not hold. */
export class OsmMissingNode extends Error {
  constructor(
    readonly wayId: number,
    readonly nodeId: number,
  ) {
    super(`way ${wayId} names node ${nodeId}, which is not in the file`);
  }
}

const roundMs = (seconds: number) => Math.round(seconds * 1000) / 1000;

function edgeOf(way: WayKept, source: number, target: number, coordinates: number[], metresPerSecond: number): RoadEdgeBuilt {
  let lengthMetres = 0;
  for (let i = 2; i < coordinates.length; i += 2) lengthMetres += haversineMetres(coordinates[i - 1], coordinates[i - 2], coordinates[i + 1], coordinates[i]);
  const seconds = roundMs(lengthMetres / metresPerSecond);
  return {
    source,
    target,
    forwardSeconds: way.oneway === -1 ? -1 : seconds,
    backwardSeconds: way.oneway === 1 ? -1 : seconds,
    lengthMetres,
    highway: way.highway,
    name: way.name,
    osmWayId: way.id,
    coordinates,
  };
}

function keepLargestComponent(
  vLon: number[],
  vLat: number[],
  vOsm: (number | null)[],
  edges: RoadEdgeBuilt[],
  counts: Pick<RoadImportStats, 'osmNodes' | 'osmWays' | 'roadWays'>,
): RoadNetworkBuilt {
  const n = vLon.length;
  const from: number[] = [];
  const to: number[] = [];
  for (const e of edges) {
    if (e.forwardSeconds >= 0) {
      from.push(e.source);
      to.push(e.target);
    }
    if (e.backwardSeconds >= 0) {
      from.push(e.target);
      to.push(e.source);
    }
  }
  const { component, largest, count } = largestStrongComponent(n, Int32Array.from(from), Int32Array.from(to));
  // Components that hold at least one edge end (isolated vertices do not occur: every vertex ends an edge).
  const renumber = new Int32Array(n).fill(-1);
  const outLon: number[] = [];
  const outLat: number[] = [];
  const outOsm: (number | null)[] = [];
  for (let v = 0; v < n; v++) {
    if (component[v] !== largest) continue;
    renumber[v] = outLon.length;
    outLon.push(vLon[v]);
    outLat.push(vLat[v]);
    outOsm.push(vOsm[v]);
  }
  const kept: RoadEdgeBuilt[] = [];
  let keptMetres = 0;
  let droppedMetres = 0;
  for (const e of edges) {
    if (component[e.source] === largest && component[e.target] === largest) {
      kept.push({ ...e, source: renumber[e.source], target: renumber[e.target] });
      keptMetres += e.lengthMetres;
    } else droppedMetres += e.lengthMetres;
  }
  return {
    vertexLon: Float64Array.from(outLon),
    vertexLat: Float64Array.from(outLat),
    vertexOsmId: outOsm,
    edges: kept,
    stats: {
      ...counts,
      vertices: outLon.length,
      edges: kept.length,
      lengthKm: keptMetres / 1000,
      droppedEdges: edges.length - kept.length,
      droppedKm: droppedMetres / 1000,
      droppedComponents: Math.max(0, count - 1),
    },
  };
}
