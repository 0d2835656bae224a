import type { Runner } from '../../platform/db/knex.js';
import { latLonOf } from '../../platform/db/geo.js';
import type { Priority } from '../../core/domain/tickets.js';

/** The reports a heatmap counts: received in [from, to), not rejected (not a leak), optionally by priority and map extent. */
export interface HeatmapScope {
  utilityId: number;
  from: Date;
  to: Date;
  priorities?: Priority[];
  /** [minLon, minLat, maxLon, maxLat] in WGS84. */
  bbox?: [number, number, number, number];
}

function reportsIn(db: Runner, s: HeatmapScope) {
  const q = db('tickets')
    .where('utility_id', s.utilityId)
    .where('received_at', '>=', s.from)
    .where('received_at', '<', s.to)
    .whereNot('status', 'rejected');
  if (s.priorities?.length) q.whereIn('priority', s.priorities);
  // The bounding-box overlap (&&) is what the index answers; the envelope is WGS84.
  // A box a quarter of the globe or larger (a zoomed-out map, the whole world) is no geography polygon PostGIS
  // can build (antipodal edges): compare as lon/lat geometry instead, after the utility and window have narrowed the rows.
  if (s.bbox && (s.bbox[2] - s.bbox[0] >= 90 || s.bbox[3] - s.bbox[1] >= 90)) q.whereRaw('location::geometry && ST_MakeEnvelope(?, ?, ?, ?, 4326)', s.bbox);
  else if (s.bbox) q.whereRaw('location && ST_MakeEnvelope(?, ?, ?, ?, 4326)::geography', s.bbox);
  return q;
}

/** The location of every report in scope (for cells finer than the stored one). */
export async function reportLocations(db: Runner, s: HeatmapScope): Promise<{ lat: number; lon: number }[]> {
  return reportsIn(db, s).select(...latLonOf(db, 'location'));
}

/** Reports in scope per stored H3 cell. */
export async function reportCountsByStoredCell(db: Runner, s: HeatmapScope): Promise<{ cell: string; count: number }[]> {
  const rows = await reportsIn(db, s).select('h3_cell').count<{ h3_cell: string; count: string }[]>({ count: '*' }).groupBy('h3_cell');
  return rows.map((r) => ({ cell: r.h3_cell, count: Number(r.count) }));
}
