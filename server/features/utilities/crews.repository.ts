import type { Runner } from '../../platform/db/knex.js';
import { geographyPoint, latLonOf } from '../../platform/db/geo.js';
import { everyDay, type CrewDraft, type CrewMember, type WeekShifts } from '../../core/domain/crews.js';
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
  members: CrewMember[];
  shifts: WeekShifts;
  active_from: string | null;
  active_to: string | null;
  equipment: string[];
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
  shifts: r.shifts,
  activeFrom: r.active_from,
  activeTo: r.active_to,
  equipment: r.equipment,
  capacityJobs: r.capacity_jobs,
  active: r.active,
});

function selectCrews(db: Runner) {
  return db<CrewRow>('crews').select<CrewRow[]>(
    '*',
    ...latLonOf(db, 'base', 'base_'),
    // Dates as the calendar dates they are (the driver would make them local midnights).
    db.raw("to_char(active_from, 'YYYY-MM-DD') AS active_from"),
    db.raw("to_char(active_to, 'YYYY-MM-DD') AS active_to"),
  );
}

export async function findCrew(db: Runner, utilityId: number, id: number): Promise<Crew | null> {
  const row = await selectCrews(db).where({ utility_id: utilityId, id }).first();
  return row ? toCrew(row) : null;
}

export async function findCrewsByCode(db: Runner, utilityId: number, codes: string[]): Promise<Crew[]> {
  if (codes.length === 0) return [];
  return (await selectCrews(db).where({ utility_id: utilityId }).whereIn('code', codes)).map(toCrew);
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
  members?: CrewMember[];
  shifts?: WeekShifts;
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
      members: JSON.stringify(c.members ?? []),
      shifts: JSON.stringify(c.shifts ?? everyDay('08:00', '16:00')),
      capacity_jobs: c.capacityJobs ?? null,
    })
    .returning('id');
  return row.id;
}

const draftColumns = (db: Runner, c: CrewDraft) => ({
  code: c.code,
  name: c.name,
  base: c.base ? geographyPoint(db, c.base.lon, c.base.lat) : null,
  base_address: c.baseAddress,
  members: JSON.stringify(c.members),
  shifts: JSON.stringify(c.shifts),
  active_from: c.activeFrom,
  active_to: c.activeTo,
  equipment: c.equipment,
  active: c.active,
});

/** A crew the admin set up (the form, an import row). */
export async function insertCrewDraft(db: Runner, utilityId: number, c: CrewDraft): Promise<number> {
  const [row] = await db('crews').insert({ utility_id: utilityId, ...draftColumns(db, c) }).returning('id');
  return row.id;
}

/** Replaces what the admin sets of one crew of the utility; false when it has no such crew. */
export async function updateCrewDraft(db: Runner, utilityId: number, id: number, c: CrewDraft): Promise<boolean> {
  return (await db('crews').where({ utility_id: utilityId, id }).update(draftColumns(db, c))) > 0;
}

/** Serialises set-up writes of one utility's crews (code uniqueness checked before writing, imports). */
export async function lockCrewsOfUtility(db: Runner, utilityId: number): Promise<void> {
  await db.raw('SELECT pg_advisory_xact_lock(hashtext(?), ?)', ['crews', utilityId]);
}
