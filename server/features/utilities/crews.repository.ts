import type { Runner } from '../../platform/db/knex.js';
import { geographyPoint, latLonOf } from '../../platform/db/geo.js';
import type { Crew } from './view.js';

/** A crews row with its base point as `base_lat`/`base_lon` (see selectCrews). */
interface CrewRow {
  id: number;
  utility_id: number;
  code: string;
  name: string;
  region_id: number | null;
  base_lat: number | null;
  base_lon: number | null;
  base_address: string | null;
  members: string[];
  shift_start: string;
  shift_end: string;
  capacity_jobs: number | null;
  active: boolean;
}

const toCrew = (r: CrewRow): Crew => ({
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
  return db<CrewRow>('crews').select<CrewRow[]>('*', ...latLonOf(db, 'base', 'base_'));
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
