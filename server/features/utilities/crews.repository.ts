import type { Runner } from '../../platform/db/knex.js';
import { geographyPoint } from '../../platform/db/geo.js';

export interface Crew {
  id: number;
  utilityId: number;
  code: string;
  name: string;
  regionId: number | null;
  baseLat: number | null;
  baseLon: number | null;
  baseAddress: string | null;
  members: string[];
  shiftStart: string; // HH:MM:SS local
  shiftEnd: string;
  capacityJobs: number | null;
  active: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toCrew = (r: any): Crew => ({
  id: r.id,
  utilityId: r.utility_id,
  code: r.code,
  name: r.name,
  regionId: r.region_id,
  baseLat: r.base_lat,
  baseLon: r.base_lon,
  baseAddress: r.base_address,
  members: r.members,
  shiftStart: r.shift_start,
  shiftEnd: r.shift_end,
  capacityJobs: r.capacity_jobs,
  active: r.active,
});

function selectCrews(db: Runner) {
  return db('crews').select('*', db.raw('ST_Y(base::geometry) AS base_lat'), db.raw('ST_X(base::geometry) AS base_lon'));
}

export async function findCrew(db: Runner, utilityId: number, id: number): Promise<Crew | null> {
  const row = await selectCrews(db).where({ utility_id: utilityId, id }).first();
  return row ? toCrew(row) : null;
}

export async function listCrews(db: Runner, utilityId: number, activeOnly = true): Promise<Crew[]> {
  let q = selectCrews(db).where({ utility_id: utilityId });
  if (activeOnly) q = q.andWhere({ active: true });
  return (await q.orderBy('id')).map(toCrew);
}

export interface NewCrew {
  utilityId: number;
  code: string;
  name: string;
  regionId?: number | null;
  base?: { lat: number; lon: number } | null;
  baseAddress?: string | null;
  members?: string[];
  shiftStart?: string;
  shiftEnd?: string;
  capacityJobs?: number | null;
}

export async function insertCrew(db: Runner, c: NewCrew): Promise<number> {
  const [row] = await db('crews')
    .insert({
      utility_id: c.utilityId,
      code: c.code,
      name: c.name,
      region_id: c.regionId ?? null,
      base: c.base ? geographyPoint(db, c.base.lon, c.base.lat) : null,
      base_address: c.baseAddress ?? null,
      members: c.members ?? [],
      shift_start: c.shiftStart ?? '08:00',
      shift_end: c.shiftEnd ?? '16:00',
      capacity_jobs: c.capacityJobs ?? null,
    })
    .returning('id');
  return row.id;
}
