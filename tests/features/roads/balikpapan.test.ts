/**
 * The shared Balikpapan Kota extract (Overpass JSON) imported into PostGIS,
 * then searched in memory: the matrix against pgRouting's pgr_dijkstraCost on
 * the same edge table, one-way asymmetry, snapping, the location cache, paths.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../support/db.js';
import { forgetRoadGraphs, hasRoadNetwork, importRoadNetwork, roadMatrix, roadNetworkOf, roadPath, type RoadImportReport } from '../../../server/features/roads/service.js';
import { haversineMetres } from '../../../server/core/routing/base/metrics.js';
import { seededPoints } from './support.js';

export const balikpapanFile = path.resolve(import.meta.dirname, '../../../fixtures/roads/balikpapan-kota-roads.osm.json');

let env: TestEnv;
let report: RoadImportReport;

/** n points within ~40 m of a vertex of the network (sure to snap), the same for the same seed. */
async function pointsNearRoads(n: number, seed: number): Promise<{ lat: number; lon: number }[]> {
  const { rows } = await env.db.raw(`SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM road_vertices WHERE utility_id = ? ORDER BY md5(osm_node_id::text || ?) LIMIT ?`, [env.utility.id, seed, n]);
  const jitter = seededPoints(n, seed, { minLon: -0.0003, maxLon: 0.0003, minLat: -0.0003, maxLat: 0.0003 });
  return rows.map((r: { lat: number; lon: number }, i: number) => ({ lat: r.lat + jitter[i].lat, lon: r.lon + jitter[i].lon }));
}

beforeAll(async () => {
  env = await createTestEnv({ crews: 0 });
  report = await importRoadNetwork(env.ctx, env.utility.id, balikpapanFile);
});
afterAll(async () => {
  await env?.close();
});

describe('importing the Balikpapan Kota Overpass extract', () => {
  it('reads every node and way, keeps one strongly connected network and reports the rest', async () => {
    const s = report.stats;
    expect(s.osmNodes).toBe(11_167);
    expect(s.osmWays).toBe(1_636);
    expect(s.roadWays).toBeGreaterThan(1_600);
    expect(s.vertices).toBeGreaterThan(2_000);
    expect(s.edges).toBeGreaterThan(s.vertices);
    expect(s.lengthKm).toBeGreaterThan(100);
    expect(s.droppedEdges).toBeGreaterThan(0);
    const network = await roadNetworkOf(env.ctx, env.utility.id);
    expect(network).toMatchObject({ format: 'overpass-json', fileName: 'balikpapan-kota-roads.osm.json', vertices: s.vertices, edges: s.edges, droppedEdges: s.droppedEdges });
    const [{ n, oneway }] = (
      await env.db.raw('SELECT count(*)::int AS n, count(*) FILTER (WHERE cost < 0 OR reverse_cost < 0)::int AS oneway FROM road_edges WHERE utility_id = ?', [env.utility.id])
    ).rows;
    expect(n).toBe(s.edges);
    expect(oneway).toBeGreaterThan(100);
    expect(await hasRoadNetwork(env.ctx, env.utility.id)).toBe(true);
  });

  it('keeps only what pgRouting finds strongly connected as one component', async () => {
    const { rows } = await env.db.raw(
      `SELECT count(DISTINCT component)::int AS components FROM pgr_strongComponents('SELECT id, source, target, cost, reverse_cost FROM road_edges WHERE utility_id = ${env.utility.id}')`,
    );
    expect(rows[0].components).toBe(1);
  });

  it('a re-import replaces the network (new version) and the old rows are gone', async () => {
    const before = await roadNetworkOf(env.ctx, env.utility.id);
    const again = await importRoadNetwork(env.ctx, env.utility.id, balikpapanFile);
    expect(again.network.id).not.toBe(before!.id);
    const { rows } = await env.db.raw('SELECT count(DISTINCT network_id)::int AS networks, count(*)::int AS edges FROM road_edges WHERE utility_id = ?', [env.utility.id]);
    expect(rows[0]).toEqual({ networks: 1, edges: again.stats.edges });
    report = again;
  });
});

describe('matrices on the Balikpapan network', () => {
  it('equals pgRouting (pgr_dijkstraCost) between vertices, to the second', async () => {
    const { rows: vertices } = await env.db.raw(
      `SELECT id, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM road_vertices WHERE utility_id = ? ORDER BY md5(id::text) LIMIT 25`,
      [env.utility.id],
    );
    const ids = vertices.map((v: { id: number }) => v.id);
    const { rows: costs } = await env.db.raw(
      `SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCost('SELECT id, source, target, cost, reverse_cost FROM road_edges WHERE utility_id = ${env.utility.id}', ?::bigint[], ?::bigint[], true)`,
      [ids, ids],
    );
    const expected = new Map<string, number>(costs.map((c: { start_vid: number; end_vid: number; agg_cost: number }) => [`${c.start_vid}:${c.end_vid}`, c.agg_cost]));
    const m = await roadMatrix(env.ctx, env.utility.id, vertices);
    const n = vertices.length;
    let compared = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const cost = expected.get(`${ids[i]}:${ids[j]}`);
        expect(cost).toBeDefined(); // one strongly connected network: every pair has a path
        expect(Math.abs(m.durations[i * n + j] - cost!)).toBeLessThanOrEqual(0.5 + 1e-6);
        compared++;
      }
    }
    expect(compared).toBe(n * (n - 1));
    expect(Array.from(m.offNetwork)).toEqual(new Array(n).fill(0));
  });

  it('one-way streets make the matrix asymmetric', async () => {
    const points = seededPoints(40, 7);
    const m = await roadMatrix(env.ctx, env.utility.id, points);
    const n = points.length;
    let asymmetric = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (m.durations[i * n + j] !== m.durations[j * n + i]) asymmetric++;
    expect(asymmetric).toBeGreaterThan(0);
  });

  it('a point farther than the snap limit is off the network: -1 to and from it', async () => {
    const points = [...(await pointsNearRoads(3, 11)), { lat: -1.31, lon: 116.84 } /* ~3 km south, in the bay */];
    const m = await roadMatrix(env.ctx, env.utility.id, points);
    expect(Array.from(m.offNetwork)).toEqual([0, 0, 0, 1]);
    for (let i = 0; i < 3; i++) {
      expect(m.durations[i * 4 + 3]).toBe(-1);
      expect(m.durations[3 * 4 + i]).toBe(-1);
      expect(m.distances[3 * 4 + i]).toBe(-1);
    }
    expect(m.durations[3 * 4 + 3]).toBe(0);
  });

  it('the location cache (50 new points) gives exactly what a cold run gives', async () => {
    const day1 = seededPoints(200, 21);
    const day2 = [...day1.slice(50), ...seededPoints(50, 22)];
    await roadMatrix(env.ctx, env.utility.id, day1);
    const warm = await roadMatrix(env.ctx, env.utility.id, day2);
    await forgetRoadGraphs();
    const cold = await roadMatrix(env.ctx, env.utility.id, day2);
    expect(Buffer.from(warm.durations.buffer).equals(Buffer.from(cold.durations.buffer))).toBe(true);
    expect(Buffer.from(warm.distances.buffer).equals(Buffer.from(cold.distances.buffer))).toBe(true);
    expect(Array.from(warm.offNetwork)).toEqual(Array.from(cold.offNetwork));
  });

  it('a path starts and ends at the snapped points and follows the edges', async () => {
    const [a, b, c] = await pointsNearRoads(3, 5);
    const line = (await roadPath(env.ctx, env.utility.id, [a, b, c]))!;
    expect(line.length).toBeGreaterThan(10);
    const m = await roadMatrix(env.ctx, env.utility.id, [a, c]);
    // First and last points: the snapped ones, within the snap limit of the given points.
    expect(haversineMetres(a.lat, a.lon, line[0][1], line[0][0])).toBeLessThan(300);
    expect(haversineMetres(c.lat, c.lon, line.at(-1)![1], line.at(-1)![0])).toBeLessThan(300);
    // Every vertex of the line lies on an edge of the network.
    const { rows } = await env.db.raw(
      `SELECT max(d) AS worst FROM (SELECT (SELECT min(ST_Distance(e.geom::geography, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326)::geography))
                                            FROM road_edges e WHERE e.utility_id = ? AND e.geom && ST_Expand(ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326), 0.001)) AS d
                                   FROM unnest(?::float8[], ?::float8[]) AS p(lon, lat)) q`,
      [env.utility.id, line.map((p) => p[0]), line.map((p) => p[1])],
    );
    expect(rows[0].worst).toBeLessThan(0.5);
    // The line is a street route: longer than the straight line, about as long as the matrix says (a to c through b: at least a to c).
    let length = 0;
    for (let k = 1; k < line.length; k++) length += haversineMetres(line[k - 1][1], line[k - 1][0], line[k][1], line[k][0]);
    expect(length).toBeGreaterThanOrEqual(m.distances[1] - 2);
  });

  it('roadPath is null and hasRoadNetwork false for a utility without a network; roadMatrix says NOT_FOUND', async () => {
    const other = await createTestEnv({ crews: 0 });
    try {
      expect(await hasRoadNetwork(other.ctx, other.utility.id)).toBe(false);
      expect(await roadPath(other.ctx, other.utility.id, seededPoints(2, 1))).toBeNull();
      await expect(roadMatrix(other.ctx, other.utility.id, seededPoints(2, 1))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await other.close();
    }
  });
});
