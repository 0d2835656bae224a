/**
 * npm run bench:roads: the road network of issue 16 on the Balikpapan Kota
 * extract (fixtures/roads), in a database of its own.
 *
 * - Import: wall time of `importRoadNetwork` (read, build, write in one
 *   transaction), the graph's size, and loading it from PostGIS into memory.
 * - Matrices on 200 / 1,000 / 5,000 random points inside the network's box
 *   (seeded; points off the network are drawn again): the in-memory search
 *   (TypeScript, typed arrays) cold (graph in memory, no cached matrix) and
 *   warm with 50 points replaced (the location cache), against pgRouting's
 *   pgr_dijkstraCostMatrix on the same edge table (points taken to their
 *   nearest vertex, durations only) and, for 50 new points, the two
 *   pgr_dijkstraCost calls (their rows and columns) that a cache would need.
 * - Matrices are computed on the roads thread (platform/roads): the table says
 *   how long the event loop stood still meanwhile (what /healthz would feel).
 * - Wall and CPU time (process.cpuUsage: this process only; pgRouting's time
 *   is the database server's and shows as wall time). On a shared machine
 *   re-measure on a quiet one.
 *
 * Targets (issue 16): 1,000 x 1,000 under 5 s cold, under 0.5 s warm with 50 new points.
 *
 *   BENCH_DATABASE_URL   default postgres://postgres@127.0.0.1:5432/tirta_bench_roads
 *   --sizes 200,1000     the point counts (default 200,1000,5000)
 *   --no-pgrouting       skip pgRouting
 */
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ensureDatabase } from './support.js';
import { planRows } from './roads-plan.js';
import { createDb, migrate, type Db } from '../server/platform/db/knex.js';
import { findUtilityByCode, insertUtility } from '../server/features/utilities/service.js';
import { forgetRoadGraphs, importRoadNetwork, roadMatrix, roadNetworkOf } from '../server/features/roads/service.js';
import { loadRoadGraphInput } from '../server/features/roads/repository.js';
import { createRoadGraph, snapToRoad } from '../server/core/roads/graph.js';
import { RoadSearch, roadMatrixOf } from '../server/core/roads/search.js';
import { Rng } from '../server/core/routing/base/random.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const options = {
  url: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tirta_bench_roads',
  code: 'roads-bench',
  file: path.join(root, 'fixtures/roads/balikpapan-kota-roads.osm.json'),
  sizes: (argValue('--sizes') ?? '200,1000,5000').split(',').map(Number),
  pgrouting: !process.argv.includes('--no-pgrouting'),
  newPoints: 50,
  seed: 16,
  importRuns: 3,
  /** pgRouting calls longer than this are stopped (and reported as such). */
  pgroutingTimeoutMs: 300_000,
  targets: { coldMs: 5000, warmMs: 500, at: 1000 },
};

type Point = { lat: number; lon: number };
const rows: string[][] = [];
const row = (...cells: (string | number)[]) => rows.push(cells.map(String));

/** Wall and CPU milliseconds of fn (CPU: every thread of this process), and the longest the event loop stood still meanwhile. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number; stallMs: number }> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  loop.disable();
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, stallMs: loop.max / 1e6 };
}

const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);

/** n points inside the extract's box that are on the network (within the snap limit), the same for the same seed. */
async function pointsOnNetwork(db: Db, utilityId: number, n: number, rng: Rng): Promise<Point[]> {
  const { rows: box } = await db.raw('SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1 FROM (SELECT ST_Extent(geom) AS e FROM road_edges WHERE utility_id = ?) q', [utilityId]);
  const { x0, y0, x1, y1 } = box[0];
  const out: Point[] = [];
  while (out.length < n) {
    const batch = Array.from({ length: 2 * (n - out.length) }, () => ({ lon: x0 + rng.nextFloat() * (x1 - x0), lat: y0 + rng.nextFloat() * (y1 - y0) }));
    // Snapped by asking 200 x 200 matrices (cheap) and keeping the points not flagged off the network.
    for (let i = 0; i < batch.length && out.length < n; i += 200) {
      const chunk = batch.slice(i, i + 200);
      const { offNetwork } = await roadMatrix({ db }, utilityId, chunk);
      chunk.forEach((p, k) => {
        if (!offNetwork[k] && out.length < n) out.push(p);
      });
    }
  }
  return out;
}

async function benchImport(db: Db, utilityId: number) {
  const runs: number[] = [];
  let report;
  for (let r = 0; r < options.importRuns; r++) {
    const t = await timed(() => importRoadNetwork({ db, now: () => new Date() }, utilityId, options.file));
    runs.push(t.wallMs);
    report = t.value;
  }
  runs.sort((a, b) => a - b);
  const s = report!.stats;
  row('import (Overpass JSON, 1.2 MB)', `median of ${options.importRuns}`, ms(runs[Math.floor(runs.length / 2)]), '', `${s.osmNodes} nodes, ${s.osmWays} ways read`);
  row('  graph kept', '', '', '', `${s.vertices} vertices, ${s.edges} edges, ${s.lengthKm.toFixed(1)} km`);
  row('  dropped', '', '', '', `${s.droppedEdges} edges, ${s.droppedKm.toFixed(2)} km in ${s.droppedComponents} other components`);
  const network = (await roadNetworkOf({ db }, utilityId))!;
  const load = await timed(async () => createRoadGraph(await loadRoadGraphInput(db, utilityId, network.id)));
  const g = load.value;
  const bytes = [g.edgeSource, g.edgeTarget, g.edgeForwardMs, g.edgeBackwardMs, g.edgeLengthDm, g.edgeLengthMetres, g.coordLon, g.coordLat, g.coordOffsetMetres, g.coordEdge, g.outStart, g.outHead, g.outMs, g.outDm, g.outEdge, g.inStart, g.inHead, g.inMs, g.inDm, g.inEdge, g.grid.cellStart, g.grid.cellSegments].reduce((sum, a) => sum + a.byteLength, 0);
  row('load graph from PostGIS', 'once per network version', ms(load.wallMs), ms(load.cpuMs), `${g.coordLon.length} points, ${(bytes / 1e6).toFixed(1)} MB of typed arrays`);
}

async function benchTs(db: Db, utilityId: number, points: Point[], fresh: Point[]) {
  const n = points.length;
  await roadMatrix({ db }, utilityId, points.slice(0, 2)); // the graph in memory
  // Cold: no cached matrix (a different set of points was asked last).
  const cold = await timed(() => roadMatrix({ db }, utilityId, points));
  const next = [...points.slice(fresh.length), ...fresh];
  const warm = await timed(() => roadMatrix({ db }, utilityId, next));
  const target = n === options.targets.at ? ` (target < ${ms(options.targets.coldMs)})` : '';
  const reached = cold.value.durations.filter((d) => d >= 0).length / (n * n);
  row(`TS in memory ${n} x ${n}`, 'cold', ms(cold.wallMs), ms(cold.cpuMs), `${(reached * 100).toFixed(1)} % of pairs connected${target}; on the roads thread, the event loop stood still at most ${ms(cold.stallMs)}`);
  const cached = n <= 2000 ? 'location cache' : 'over the cache size (2,000): cold';
  row(`TS in memory ${n} x ${n}`, `warm, ${fresh.length} new`, ms(warm.wallMs), ms(warm.cpuMs), `${cached}${n === options.targets.at ? ` (target < ${ms(options.targets.warmMs)})` : ''}`);
  return { coldMs: cold.wallMs, warmMs: warm.wallMs };
}

async function benchPgrouting(db: Db, utilityId: number, points: Point[], fresh: Point[]) {
  const n = points.length;
  const edges = `SELECT id, source, target, cost, reverse_cost FROM road_edges WHERE utility_id = ${Number(utilityId)}`;
  const nearest = async (ps: Point[]): Promise<number[]> =>
    (
      await db.raw(
        `SELECT (SELECT v.id FROM road_vertices v WHERE v.utility_id = ? ORDER BY v.geom <-> ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326) LIMIT 1) AS id
           FROM unnest(?::float8[], ?::float8[]) WITH ORDINALITY AS p(lon, lat, ord) ORDER BY p.ord`,
        [utilityId, ps.map((p) => p.lon), ps.map((p) => p.lat)],
      )
    ).rows.map((r: { id: number }) => Number(r.id));
  try {
    await db.raw(`SET statement_timeout = ${options.pgroutingTimeoutMs}`);
    const snap = await timed(() => nearest(points));
    const ids = [...new Set(snap.value)];
    // Into a matrix in this process, as a planner would need it (200 and 1,000); 5,000 x 5,000 rows are only counted in SQL.
    if (n <= 1000) {
      const t = await timed(async () => {
        const { rows: cells } = await db.raw(`SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCostMatrix(?, ?::bigint[], true)`, [edges, ids]);
        const index = new Map(ids.map((id, i) => [id, i]));
        const m = new Int32Array(ids.length * ids.length).fill(-1);
        for (const c of cells) m[index.get(Number(c.start_vid))! * ids.length + index.get(Number(c.end_vid))!] = Math.round(c.agg_cost);
        return m;
      });
      row(`pgRouting ${n} x ${n}`, 'pgr_dijkstraCostMatrix', ms(snap.wallMs + t.wallMs), ms(t.cpuMs), `nearest vertex ${ms(snap.wallMs)}; durations only, read into an array`);
    } else {
      const t = await timed(() => db.raw(`SELECT count(*) AS cells, sum(agg_cost) AS total FROM pgr_dijkstraCostMatrix(?, ?::bigint[], true)`, [edges, ids]));
      row(`pgRouting ${n} x ${n}`, 'pgr_dijkstraCostMatrix', ms(snap.wallMs + t.wallMs), ms(t.cpuMs), `nearest vertex ${ms(snap.wallMs)}; counted in SQL, not read back`);
    }
    const freshIds = [...new Set(await nearest(fresh))];
    const keep = ids.slice(fresh.length);
    const warm = await timed(async () => {
      await db.raw(`SELECT count(*) FROM pgr_dijkstraCost(?, ?::bigint[], ?::bigint[], true)`, [edges, freshIds, [...keep, ...freshIds]]);
      await db.raw(`SELECT count(*) FROM pgr_dijkstraCost(?, ?::bigint[], ?::bigint[], true)`, [edges, keep, freshIds]);
    });
    row(`pgRouting ${n} x ${n}`, `${fresh.length} new rows + columns`, ms(warm.wallMs), ms(warm.cpuMs), 'two pgr_dijkstraCost calls (no distances)');
  } catch (err) {
    row(`pgRouting ${n} x ${n}`, 'stopped', '', '', (err as Error).message.slice(0, 80));
  } finally {
    await db.raw('SET statement_timeout = 0');
  }
}

/**
 * Makassar is ~16 times Balikpapan Kota's area and has no extract here: a synthetic
 * grid of its size (190 x 190 crossings ~78 m apart, 15 % of blocks missing, 10 %
 * one-way, 10-40 km/h) gives the order of a 1,000 x 1,000 cold matrix there.
 */
function benchSyntheticCity(n: number) {
  const side = 190;
  const step = 0.0007;
  const rng = new Rng(options.seed);
  const src: number[] = [];
  const tgt: number[] = [];
  const fwd: number[] = [];
  const bwd: number[] = [];
  const starts = [0];
  const lon: number[] = [];
  const lat: number[] = [];
  const street = (a: number, b: number) => {
    if (rng.nextFloat() < 0.15) return;
    const seconds = 78 / ((10 + rng.nextInt(30)) / 3.6);
    src.push(a);
    tgt.push(b);
    fwd.push(seconds);
    bwd.push(rng.nextFloat() < 0.1 ? -1 : seconds);
    for (const v of [a, b]) {
      lon.push((v % side) * step);
      lat.push(Math.floor(v / side) * step);
    }
    starts.push(lon.length);
  };
  for (let r = 0; r < side; r++)
    for (let c = 0; c < side; c++) {
      if (c + 1 < side) street(r * side + c, r * side + c + 1);
      if (r + 1 < side) street(r * side + c, (r + 1) * side + c);
    }
  const g = createRoadGraph({ vertexCount: side * side, edgeSource: Int32Array.from(src), edgeTarget: Int32Array.from(tgt), edgeForwardSeconds: Float64Array.from(fwd), edgeBackwardSeconds: Float64Array.from(bwd), edgeCoordStart: Int32Array.from(starts), coordLon: Float64Array.from(lon), coordLat: Float64Array.from(lat) });
  const snaps = Array.from({ length: n }, () => snapToRoad(g, rng.nextFloat() * side * step, rng.nextFloat() * side * step, 300));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  roadMatrixOf(new RoadSearch(g), snaps);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  row(`TS synthetic city ${n} x ${n}`, 'cold, in memory only', ms(wallMs), ms((cpu.user + cpu.system) / 1000), `${g.vertexCount} vertices, ${g.edgeCount} edges (Makassar-sized grid)`);
}

// ---- roadplan: plan on roads vs straight line ----
// bench/roads-plan.ts: the Balikpapan demo day planned on the road matrices and on the straight-line model
// (km, hours, the straight-line plan driven on roads, road / straight-line estimate per leg and per pair).
// ---- end roadplan ----

async function main() {
  await ensureDatabase(options.url);
  const db = createDb(options.url, 4);
  try {
    await migrate(db);
    let hasPgrouting = false;
    try {
      await db.raw('CREATE EXTENSION IF NOT EXISTS pgrouting');
      hasPgrouting = true;
    } catch {
      console.log('pgRouting is not installed on this server: its rows are left out (apt-get install postgresql-15-pgrouting).');
    }
    const utilityId = (await findUtilityByCode(db, options.code))?.id ?? (await insertUtility(db, { code: options.code, name: 'Road bench (Balikpapan Kota)', timeZone: 'Asia/Makassar', serviceArea: null }));
    console.log(`bench:roads on ${options.url} (${new Date().toISOString()}); cpu time is this process only.`);
    await benchImport(db, utilityId);
    await forgetRoadGraphs();
    const rng = new Rng(options.seed);
    const largest = Math.max(...options.sizes);
    const all = await pointsOnNetwork(db, utilityId, largest + options.newPoints, rng);
    const verdicts: string[] = [];
    for (const n of options.sizes) {
      const points = all.slice(0, n);
      const fresh = all.slice(largest, largest + options.newPoints);
      const ts = await benchTs(db, utilityId, points, fresh);
      if (n === options.targets.at) {
        verdicts.push(`1,000 x 1,000 cold ${ms(ts.coldMs)} (target < ${ms(options.targets.coldMs)}): ${ts.coldMs < options.targets.coldMs ? 'met' : 'MISSED'}`);
        verdicts.push(`1,000 x 1,000 warm with 50 new ${ms(ts.warmMs)} (target < ${ms(options.targets.warmMs)}): ${ts.warmMs < options.targets.warmMs ? 'met' : 'MISSED'}`);
      }
      if (options.pgrouting && hasPgrouting) await benchPgrouting(db, utilityId, points, fresh);
    }
    benchSyntheticCity(options.targets.at);
    rows.push(...(await planRows(db, utilityId)));
    const header = ['what', 'how', 'wall', 'cpu', 'notes'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
    console.log(line(header));
    console.log(`|${widths.map((w, i) => (i === 2 || i === 3 ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`);
    for (const r of rows) console.log(line(header.map((_, i) => r[i] ?? '')));
    for (const v of verdicts) console.log(v);
    if (verdicts.some((v) => v.endsWith('MISSED'))) process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}

await main();
