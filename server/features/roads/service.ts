/**
 * Road networks: import an OpenStreetMap extract, then answer travel
 * matrices and street paths from the graph held in memory (docs/roads.md).
 *
 * Matrices and paths are computed on the roads thread (platform/roads), off
 * the event loop. It holds each utility's graph for one network version (the
 * network's id, new on every import; each call checks it with one small
 * query, so a re-import on another process is seen too): the graph is read
 * from PostGIS and sent only when the thread does not hold that version. The
 * last matrix of each utility is kept there (core/roads/matrices.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../platform/context.js';
import { OsmMissingNode, OsmRoadCollector, type RoadImportStats } from '../../core/roads/osm.js';
import type { RoadMatrix } from '../../core/roads/matrices.js';
import { roadsThread } from '../../platform/roads/pool.js';
import { findUtilityById } from '../utilities/service.js';
import { notFound } from '../../core/domain/errors.js';
import { findRoadNetwork, findRoadNetworkId, loadRoadGraphInput, replaceRoadNetwork, type RoadFileFormat, type RoadNetworkRecord } from './repository.js';
import { badRoadFile, readRoadFile, roadFileFormatOf } from './readers.js';

export type { RoadNetworkRecord } from './repository.js';

export type { RoadMatrix } from '../../core/roads/matrices.js';

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
  return { network, stats: built.stats, seconds: (clock() - started) / 1000 };
}

export async function roadNetworkOf(ctx: Pick<AppContext, 'db'>, utilityId: number): Promise<RoadNetworkRecord | null> {
  return findRoadNetwork(ctx.db, utilityId);
}

// ---------------------------------------------------------------- the graph, on the roads thread

/**
 * Drops every graph the roads thread holds (tests, after writing networks
 * behind the service's back); the next call sends the graph again.
 */
export function forgetRoadGraphs(): Promise<void> {
  return roadsThread().forget();
}

export async function hasRoadNetwork(ctx: Pick<AppContext, 'db'>, utilityId: number): Promise<boolean> {
  return (await findRoadNetworkId(ctx.db, utilityId)) !== null;
}

/** The network's id (new on every import) and the utility's snap limit: what a question to the roads thread names. */
async function networkTask(ctx: Pick<AppContext, 'db'>, utilityId: number): Promise<{ utilityId: number; networkId: number; snapLimitMetres: number } | null> {
  const networkId = await findRoadNetworkId(ctx.db, utilityId);
  if (networkId === null) return null;
  const utility = await findUtilityById(ctx.db, utilityId);
  if (!utility) throw notFound('utility', utilityId);
  return { utilityId, networkId, snapLimitMetres: utility.settings.roads.snapLimitMetres };
}

/**
 * Durations (s) and distances (m) by road between every pair of points,
 * fastest trip first and the shortest among equally fast ones, computed on
 * the roads thread (core/roads/matrices.ts). Throws NOT_FOUND when the
 * utility has no road network (ask hasRoadNetwork first).
 */
export async function roadMatrix(ctx: Pick<AppContext, 'db'>, utilityId: number, points: readonly { lat: number; lon: number }[]): Promise<RoadMatrix> {
  const task = await networkTask(ctx, utilityId);
  if (!task) throw notFound('road network of utility', utilityId);
  return roadsThread().matrix({ ...task, points }, () => loadRoadGraphInput(ctx.db, utilityId, task.networkId));
}

/**
 * The streets through the points in order, as [lon, lat]: each leg from the
 * point snapped to the road to the next one; a straight line where a point
 * is off the network or a leg has no road. Null when the utility has no network.
 */
export async function roadPath(ctx: Pick<AppContext, 'db'>, utilityId: number, points: readonly { lat: number; lon: number }[]): Promise<[number, number][] | null> {
  const task = await networkTask(ctx, utilityId);
  if (!task) return null;
  return roadsThread().path({ ...task, points }, () => loadRoadGraphInput(ctx.db, utilityId, task.networkId));
}
