/**
 * Road networks: import an OpenStreetMap extract, then answer travel
 * matrices and street paths from the graph held in memory (docs/roads.md).
 *
 * The graph is loaded from PostGIS once per process per network version (the
 * network's id, new on every import; each call checks it with one small
 * query, so a re-import on another process is seen too). The last matrix of
 * each utility is kept, keyed by point (rounded to ~1 m), so a day with a few
 * new points computes only their rows (forward searches) and columns
 * (backward searches).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../platform/context.js';
import { OsmMissingNode, OsmRoadCollector, type RoadImportStats } from '../../core/roads/osm.js';
import { createRoadGraph, snapToRoad, type RoadGraph, type RoadSnap } from '../../core/roads/graph.js';
import { endVertices, fillRoadColumn, fillRoadRow, RoadSearch, roadMatrixOf, roadPathBetween } from '../../core/roads/search.js';
import { findUtilityById } from '../utilities/service.js';
import { notFound } from '../../core/domain/errors.js';
import { findRoadNetwork, findRoadNetworkId, loadRoadGraphInput, replaceRoadNetwork, type RoadFileFormat, type RoadNetworkRecord } from './repository.js';
import { badRoadFile, readRoadFile, roadFileFormatOf } from './readers.js';

export type { RoadNetworkRecord } from './repository.js';

/** Row-major n x n metres / seconds; -1 = no path; offNetwork[i] = 1: point i is farther than the snap limit from every road. */
export interface RoadMatrix {
  distances: Int32Array;
  durations: Int32Array;
  offNetwork: Uint8Array;
}

export const roadServiceDefaults = {
  /** Points are the same location for the cache when equal at this many decimals of a degree (5: ~1.1 m). */
  cacheDecimals: 5,
  /** Matrices over more points than this are not kept (8 bytes a cell: 2,000 points = 32 MB). */
  maxCachedPoints: 2000,
  /** Above this share of new points the cache is not worth it: a cold matrix is computed. */
  maxNewShare: 0.5,
};

// ---------------------------------------------------------------- import

export interface RoadImportReport {
  network: RoadNetworkRecord;
  stats: RoadImportStats;
  seconds: number;
}

/**
 * Reads an OpenStreetMap extract and replaces the utility's road network with
 * it, in one transaction (a bad file writes nothing). Speeds come from the
 * utility's settings (roads.speedsKmh).
 */
export async function importRoadNetwork(ctx: Pick<AppContext, 'db' | 'now'>, utilityId: number, filePath: string, clock: () => number = () => performance.now()): Promise<RoadImportReport> {
  const started = clock();
  const utility = await findUtilityById(ctx.db, utilityId);
  if (!utility) throw notFound('utility', utilityId);
  const fileName = path.basename(filePath);
  let firstByte: number | undefined;
  try {
    const handle = await fs.promises.open(filePath, 'r');
    const buf = Buffer.alloc(1);
    firstByte = (await handle.read(buf, 0, 1, 0)).bytesRead ? buf[0] : undefined;
    await handle.close();
  } catch (err) {
    throw badRoadFile(`${fileName} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, `${fileName} tidak dapat dibaca`);
  }
  if (firstByte === undefined) throw badRoadFile(`${fileName} is empty`, `${fileName} kosong`);
  const format: RoadFileFormat = roadFileFormatOf(fileName, firstByte);
  const speedsKmh = utility.settings.roads.speedsKmh;
  const collector = new OsmRoadCollector(speedsKmh);
  await readRoadFile(filePath, format, collector);
  let built;
  try {
    built = collector.build();
  } catch (err) {
    if (err instanceof OsmMissingNode) throw badRoadFile(`${fileName}: ${err.message}`, `${fileName}: way ${err.wayId} memakai node ${err.nodeId} yang tidak ada di berkas`);
    throw err;
  }
  if (built.edges.length === 0) {
    throw badRoadFile(`${fileName} holds no drivable road (ways with a highway class listed in the speed settings)`, `${fileName} tidak berisi jalan yang dapat dilalui kendaraan`);
  }
  const network = await ctx.db.transaction((tx) => replaceRoadNetwork(tx, utilityId, { fileName, format, importedAt: ctx.now(), speedsKmh }, built));
  loaded.delete(utilityId);
  return { network, stats: built.stats, seconds: (clock() - started) / 1000 };
}

export async function roadNetworkOf(ctx: Pick<AppContext, 'db'>, utilityId: number): Promise<RoadNetworkRecord | null> {
  return findRoadNetwork(ctx.db, utilityId);
}

// ---------------------------------------------------------------- the graph in memory

interface CachedMatrix {
  snapLimitMetres: number;
  index: Map<string, number>;
  snaps: (RoadSnap | null)[];
  durations: Int32Array;
  distances: Int32Array;
}

interface LoadedNetwork {
  networkId: number;
  graph: RoadGraph;
  /** Scratch arrays of the searches; every search runs and is read without an await in between. */
  search: RoadSearch;
  last: CachedMatrix | null;
}

const loaded = new Map<number, LoadedNetwork>();
const loading = new Map<string, Promise<LoadedNetwork>>();

/** The utility's graph, loaded when its network changed since the last call (null: no network). */
async function networkOf(ctx: Pick<AppContext, 'db'>, utilityId: number): Promise<LoadedNetwork | null> {
  const networkId = await findRoadNetworkId(ctx.db, utilityId);
  if (networkId === null) {
    loaded.delete(utilityId);
    return null;
  }
  const current = loaded.get(utilityId);
  if (current?.networkId === networkId) return current;
  const key = `${utilityId}:${networkId}`;
  let pending = loading.get(key);
  if (!pending) {
    pending = (async () => {
      const graph = createRoadGraph(await loadRoadGraphInput(ctx.db, utilityId, networkId));
      const network: LoadedNetwork = { networkId, graph, search: new RoadSearch(graph), last: null };
      loaded.set(utilityId, network);
      return network;
    })().finally(() => loading.delete(key));
    loading.set(key, pending);
  }
  return pending;
}

/** Forgets every loaded graph (tests, after writing networks behind the service's back). */
export function forgetRoadGraphs(): void {
  loaded.clear();
}

export async function hasRoadNetwork(ctx: Pick<AppContext, 'db'>, utilityId: number): Promise<boolean> {
  return (await findRoadNetworkId(ctx.db, utilityId)) !== null;
}

async function snapLimitOf(ctx: Pick<AppContext, 'db'>, utilityId: number): Promise<number> {
  const utility = await findUtilityById(ctx.db, utilityId);
  if (!utility) throw notFound('utility', utilityId);
  return utility.settings.roads.snapLimitMetres;
}

const keyOf = (p: { lat: number; lon: number }) => `${p.lat.toFixed(roadServiceDefaults.cacheDecimals)},${p.lon.toFixed(roadServiceDefaults.cacheDecimals)}`;

/**
 * Durations (s) and distances (m) by road between every pair of points,
 * fastest trip first and the shortest among equally fast ones. Throws
 * NOT_FOUND when the utility has no road network (ask hasRoadNetwork first).
 */
export async function roadMatrix(ctx: Pick<AppContext, 'db'>, utilityId: number, points: readonly { lat: number; lon: number }[]): Promise<RoadMatrix> {
  const network = await networkOf(ctx, utilityId);
  if (!network) throw notFound('road network of utility', utilityId);
  const snapLimitMetres = await snapLimitOf(ctx, utilityId);
  // From here on nothing awaits: the search's scratch arrays are this call's alone.
  const { graph, search } = network;
  const n = points.length;
  const keys = points.map(keyOf);
  const last = network.last?.snapLimitMetres === snapLimitMetres ? network.last : null;
  const oldIndex = keys.map((k) => last?.index.get(k) ?? -1);
  const snaps = points.map((p, i) => (oldIndex[i] >= 0 ? last!.snaps[oldIndex[i]] : snapToRoad(graph, p.lat, p.lon, snapLimitMetres)));
  const fresh: number[] = [];
  const kept: number[] = [];
  for (let i = 0; i < n; i++) (oldIndex[i] < 0 ? fresh : kept).push(i);
  let durations: Int32Array;
  let distances: Int32Array;
  if (!last || fresh.length > n * roadServiceDefaults.maxNewShare) {
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
  if (n <= roadServiceDefaults.maxCachedPoints) {
    network.last = { snapLimitMetres, index: new Map(keys.map((k, i) => [k, i])), snaps, durations, distances };
  }
  const offNetwork = new Uint8Array(n);
  for (let i = 0; i < n; i++) offNetwork[i] = snaps[i] ? 0 : 1;
  return { distances, durations, offNetwork };
}

/**
 * The streets through the points in order, as [lon, lat]: each leg from the
 * point snapped to the road to the next one; a straight line where a point
 * is off the network or a leg has no road. Null when the utility has no network.
 */
export async function roadPath(ctx: Pick<AppContext, 'db'>, utilityId: number, points: readonly { lat: number; lon: number }[]): Promise<[number, number][] | null> {
  const network = await networkOf(ctx, utilityId);
  if (!network) return null;
  const snapLimitMetres = await snapLimitOf(ctx, utilityId);
  const { graph, search } = network;
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
