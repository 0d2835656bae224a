/** The roads repository: the one writer of road_networks, road_vertices and road_edges (sql/0090). */
import type { Knex } from 'knex';
import type { Runner } from '../../platform/db/knex.js';
import type { RoadGraphInput } from '../../core/roads/graph.js';
import type { RoadImportStats, RoadNetworkBuilt } from '../../core/roads/osm.js';

export type RoadFileFormat = 'overpass-json' | 'osm-xml' | 'osm-pbf';

/** A utility's network as the import recorded it: its file and what was kept and dropped. */
export interface RoadNetworkRecord extends Pick<RoadImportStats, 'vertices' | 'edges' | 'lengthKm' | 'droppedEdges' | 'droppedKm' | 'droppedComponents'> {
  id: number;
  utilityId: number;
  fileName: string;
  format: RoadFileFormat;
  importedAt: Date;
}

interface NetworkRow {
  id: number;
  utility_id: number;
  file_name: string;
  format: RoadFileFormat;
  imported_at: Date;
  vertices: number;
  edges: number;
  length_km: number;
  dropped_edges: number;
  dropped_km: number;
  dropped_components: number;
}

const toRecord = (r: NetworkRow): RoadNetworkRecord => ({
  id: r.id,
  utilityId: r.utility_id,
  fileName: r.file_name,
  format: r.format,
  importedAt: r.imported_at,
  vertices: r.vertices,
  edges: r.edges,
  lengthKm: r.length_km,
  droppedEdges: r.dropped_edges,
  droppedKm: r.dropped_km,
  droppedComponents: r.dropped_components,
});

/** Rows per INSERT: keeps each statement's parameters to a few MB. */
const BATCH = 5000;

/**
 * Replaces the utility's network with `built` (call inside a transaction:
 * the old network goes, by cascade, and the new one is written).
 */
export async function replaceRoadNetwork(
  tx: Runner,
  utilityId: number,
  meta: { fileName: string; format: RoadFileFormat; importedAt: Date; speedsKmh: Record<string, number> },
  built: RoadNetworkBuilt,
): Promise<RoadNetworkRecord> {
  await tx('road_networks').where({ utility_id: utilityId }).delete();
  const s = built.stats;
  const [row]: NetworkRow[] = await tx('road_networks')
    .insert({
      utility_id: utilityId,
      file_name: meta.fileName,
      format: meta.format,
      imported_at: meta.importedAt,
      vertices: s.vertices,
      edges: s.edges,
      length_km: s.lengthKm,
      dropped_edges: s.droppedEdges,
      dropped_km: s.droppedKm,
      dropped_components: s.droppedComponents,
      speeds_kmh: JSON.stringify(meta.speedsKmh),
    })
    .returning('*');
  const networkId = row.id;
  for (let from = 0; from < s.vertices; from += BATCH) {
    const to = Math.min(s.vertices, from + BATCH);
    const numbers: number[] = [];
    for (let v = from; v < to; v++) numbers.push(v);
    await tx.raw(
      `INSERT INTO road_vertices (utility_id, network_id, vertex_no, osm_node_id, geom)
       SELECT ?, ?, v.no, v.osm, ST_SetSRID(ST_MakePoint(v.lon, v.lat), 4326)
         FROM unnest(?::int[], ?::bigint[], ?::float8[], ?::float8[]) AS v(no, osm, lon, lat)`,
      [utilityId, networkId, numbers, built.vertexOsmId.slice(from, to), Array.from(built.vertexLon.subarray(from, to)), Array.from(built.vertexLat.subarray(from, to))] as Knex.RawBinding[],
    );
  }
  for (let from = 0; from < built.edges.length; from += BATCH) {
    const batch = built.edges.slice(from, from + BATCH);
    await tx.raw(
      `INSERT INTO road_edges (utility_id, network_id, source, target, cost, reverse_cost, length_m, highway, name, osm_way_id, geom)
       SELECT ?, ?, vs.id, vt.id, e.cost, e.reverse_cost, e.length_m, e.highway, e.name, e.way, ST_GeomFromText(e.wkt, 4326)
         FROM unnest(?::int[], ?::int[], ?::float8[], ?::float8[], ?::float8[], ?::text[], ?::text[], ?::bigint[], ?::text[])
              WITH ORDINALITY AS e(source, target, cost, reverse_cost, length_m, highway, name, way, wkt, ord)
         JOIN road_vertices vs ON vs.network_id = ? AND vs.vertex_no = e.source
         JOIN road_vertices vt ON vt.network_id = ? AND vt.vertex_no = e.target
        ORDER BY e.ord`,
      [
        utilityId,
        networkId,
        batch.map((e) => e.source),
        batch.map((e) => e.target),
        batch.map((e) => e.forwardSeconds),
        batch.map((e) => e.backwardSeconds),
        batch.map((e) => e.lengthMetres),
        batch.map((e) => e.highway),
        batch.map((e) => e.name),
        batch.map((e) => e.osmWayId),
        batch.map((e) => lineStringWkt(e.coordinates)),
        networkId,
        networkId,
      ] as Knex.RawBinding[],
    );
  }
  return toRecord(row);
}

function lineStringWkt(coordinates: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < coordinates.length; i += 2) parts.push(`${coordinates[i]} ${coordinates[i + 1]}`);
  return `LINESTRING(${parts.join(',')})`;
}

export async function findRoadNetwork(db: Runner, utilityId: number): Promise<RoadNetworkRecord | null> {
  const row = await db<NetworkRow>('road_networks').where({ utility_id: utilityId }).first();
  return row ? toRecord(row) : null;
}

/** The id of the utility's network (its version), or null. */
export async function findRoadNetworkId(db: Runner, utilityId: number): Promise<number | null> {
  const row = await db('road_networks').where({ utility_id: utilityId }).first('id');
  return row ? Number(row.id) : null;
}

/** The network as the in-memory graph needs it: edges in id order with their vertex numbers and points (WKB, read exactly). */
export async function loadRoadGraphInput(db: Runner, utilityId: number, networkId: number): Promise<RoadGraphInput> {
  const [{ n }] = (await db.raw('SELECT count(*)::int AS n FROM road_vertices WHERE utility_id = ? AND network_id = ?', [utilityId, networkId])).rows as { n: number }[];
  const rows: { s: number; t: number; cost: number; reverse_cost: number; wkb: Buffer }[] = (
    await db.raw(
      `SELECT vs.vertex_no AS s, vt.vertex_no AS t, e.cost, e.reverse_cost, ST_AsBinary(e.geom, 'NDR') AS wkb
         FROM road_edges e
         JOIN road_vertices vs ON vs.id = e.source
         JOIN road_vertices vt ON vt.id = e.target
        WHERE e.utility_id = ? AND e.network_id = ?
        ORDER BY e.id`,
      [utilityId, networkId],
    )
  ).rows;
  const m = rows.length;
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const edgeForwardSeconds = new Float64Array(m);
  const edgeBackwardSeconds = new Float64Array(m);
  const edgeCoordStart = new Int32Array(m + 1);
  let points = 0;
  for (let e = 0; e < m; e++) {
    edgeCoordStart[e] = points;
    points += rows[e].wkb.readUInt32LE(5);
  }
  edgeCoordStart[m] = points;
  const coordLon = new Float64Array(points);
  const coordLat = new Float64Array(points);
  for (let e = 0; e < m; e++) {
    const r = rows[e];
    edgeSource[e] = r.s;
    edgeTarget[e] = r.t;
    edgeForwardSeconds[e] = r.cost;
    edgeBackwardSeconds[e] = r.reverse_cost;
    // WKB LineString, little-endian: order (1), type (4), count (4), then x y doubles.
    const count = r.wkb.readUInt32LE(5);
    for (let k = 0; k < count; k++) {
      coordLon[edgeCoordStart[e] + k] = r.wkb.readDoubleLE(9 + 16 * k);
      coordLat[edgeCoordStart[e] + k] = r.wkb.readDoubleLE(17 + 16 * k);
    }
  }
  return { vertexCount: n, edgeSource, edgeTarget, edgeForwardSeconds, edgeBackwardSeconds, edgeCoordStart, coordLon, coordLat };
}
