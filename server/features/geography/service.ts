/**
 * The admin sets the utility's service area and service regions from a
 * GeoJSON file or from shapes drawn on the setup map: one path for both, a dry
 * run (preview) and the write, which run the same checks; the write is one
 * transaction and is audited.
 *
 * Regions are matched to the stored ones by name (case and spacing aside):
 * a stored region whose name is in the file is reshaped in place (its id, and
 * so every ticket, crew and rating that refers to it, stays); a new name is a
 * new region; a stored region missing from the file is deleted only when
 * nothing refers to it, else the import is refused naming it (tickets keep the
 * region they were reported in; a crew's region is moved on the crew first).
 */
import type { AppContext } from '../../platform/context.js';
import type { Runner } from '../../platform/db/knex.js';
import { DomainError, ErrorCode, validationError } from '../../core/domain/errors.js';
import {
  featuresOf,
  geographyDefaults,
  geographyProblem,
  regionCodeOf,
  regionKeyOf,
  stringPropertiesOf,
  type GeographyFeature,
  type GeographyProblem,
} from '../../core/domain/geography.js';
import { recordAudit } from '../audit/service.js';
import {
  areaKm2,
  checkGeographyInput,
  deleteRegions,
  dropUnusableInput,
  findRegionOverlaps,
  findRegionsOutside,
  findStoredRegionsOutside,
  hasStoredArea,
  inputRegions,
  insertRegion,
  listStoredRegions,
  loadGeographyInput,
  lockUtilityGeography,
  reshapeRegion,
  storedGeography,
  storeServiceArea,
} from './repository.js';

export interface GeographyInput {
  /** GeoJSON of the regions: replaces the utility's set of regions (omitted: the stored regions stay). */
  regions?: unknown;
  /** GeoJSON of the service area, 'regions' for the union of the regions, or omitted to keep the stored area. */
  area?: unknown;
  /** The property that names a region (default: name, nama, …, else the first string property). */
  nameProperty?: string | null;
  /** Where the shapes came from, for the audit trail. */
  source?: 'file' | 'drawing';
}

export interface GeographyPlan {
  ok: boolean;
  nameProperty: string | null;
  /** The regions file's string properties: the choices for the name. */
  properties: string[];
  areaFrom: 'file' | 'regions' | 'stored';
  areaKm2: number | null;
  regions: { name: string; code: string; action: 'create' | 'reshape'; id: number | null; features: number[]; km2: number }[];
  removed: { id: number; code: string; name: string; tickets: number; crews: number; action: 'delete' | 'refused' }[];
  problems: GeographyProblem[];
}

function validityProblems(rows: Awaited<ReturnType<typeof checkGeographyInput>>): GeographyProblem[] {
  const problems: GeographyProblem[] = [];
  for (const r of rows) {
    if (r.empty) problems.push(geographyProblem(r.layer, r.index, r.name, 'empty'));
    else if (!r.valid) {
      const where = r.lon === null || r.lat === null ? {} : { lon: r.lon, lat: r.lat };
      if (/self-intersection/i.test(r.reason ?? '')) problems.push(geographyProblem(r.layer, r.index, r.name, 'self_intersection', where));
      else problems.push(geographyProblem(r.layer, r.index, r.name, 'invalid', { reason: (r.reason ?? 'invalid').replace(/\[.*\]$/, '').trim(), ...where }));
    }
  }
  return problems;
}

/** What the import would write and what is wrong with it, inside the caller's transaction (it writes nothing). */
async function planGeography(tx: Runner, utilityId: number, input: GeographyInput): Promise<GeographyPlan> {
  const areaFrom: GeographyPlan['areaFrom'] = input.area === 'regions' ? 'regions' : input.area != null ? 'file' : 'stored';
  const features: GeographyFeature[] = [];
  const problems: GeographyProblem[] = [];
  let nameProperty: string | null = null;
  if (areaFrom === 'file') {
    const area = featuresOf(input.area, 'area');
    features.push(...area.features);
    problems.push(...area.problems);
  }
  if (input.regions != null) {
    const regions = featuresOf(input.regions, 'regions', input.nameProperty);
    features.push(...regions.features);
    problems.push(...regions.problems);
    nameProperty = regions.nameProperty;
  }
  await loadGeographyInput(tx, features, regionKeyOf);
  problems.push(...validityProblems(await checkGeographyInput(tx)));
  await dropUnusableInput(tx);

  for (const o of await findRegionOverlaps(tx, geographyDefaults.overlapToleranceM2)) {
    problems.push(geographyProblem('regions', o.a, o.aName, 'overlap', { otherFeature: o.b, otherName: o.bName, overlapM2: o.m2 }));
  }
  if (input.regions != null) {
    if (areaFrom === 'stored' && !(await hasStoredArea(tx, utilityId))) problems.push(geographyProblem('regions', null, null, 'no_area'));
    if (areaFrom !== 'regions') {
      for (const r of await findRegionsOutside(tx, utilityId, areaFrom === 'file' ? 'input' : 'stored', geographyDefaults.outsideToleranceM2)) {
        problems.push(geographyProblem('regions', r.index, r.name, 'outside_area', { outsideM2: r.m2 }));
      }
    }
  } else if (areaFrom === 'file') {
    // A new area alone: the stored regions must still lie in it.
    for (const r of await findStoredRegionsOutside(tx, utilityId, geographyDefaults.outsideToleranceM2)) {
      problems.push(geographyProblem('regions', null, r.name, 'outside_area', { outsideM2: r.m2 }));
    }
  }

  const stored = await listStoredRegions(tx, utilityId);
  const planned: GeographyPlan['regions'] = [];
  const removed: GeographyPlan['removed'] = [];
  if (input.regions != null) {
    const byKey = new Map(stored.map((s) => [regionKeyOf(s.name), s]));
    const taken = new Set(stored.map((s) => s.code));
    const keys = new Set<string>();
    for (const r of await inputRegions(tx)) {
      keys.add(r.key);
      const match = byKey.get(r.key);
      const code = match?.code ?? regionCodeOf(r.name, taken);
      taken.add(code);
      planned.push({ name: r.name, code, action: match ? 'reshape' : 'create', id: match?.id ?? null, features: r.features, km2: round(r.km2) });
    }
    for (const s of stored) {
      if (keys.has(regionKeyOf(s.name))) continue;
      const inUse = s.tickets > 0 || s.crews > 0;
      removed.push({ ...s, action: inUse ? 'refused' : 'delete' });
      if (inUse) problems.push(geographyProblem('regions', null, s.name, 'region_in_use', { tickets: s.tickets, crews: s.crews }));
    }
  }
  const km2 = await areaKm2(tx, utilityId, areaFrom === 'file' ? 'input' : areaFrom === 'regions' ? 'union' : 'stored');
  problems.sort((a, b) => (a.layer === b.layer ? (a.feature ?? -1) - (b.feature ?? -1) : a.layer === 'area' ? -1 : 1));
  return { ok: problems.length === 0, nameProperty, properties: input.regions != null ? stringPropertiesOf(input.regions) : [], areaFrom, areaKm2: km2 === null ? null : round(km2), regions: planned, removed, problems };
}

const round = (km2: number) => Math.round(km2 * 1000) / 1000;

function requireSomething(input: GeographyInput): void {
  if (input.regions == null && input.area == null) throw validationError([{ field: 'regions', message: 'send the regions, the service area, or both' }]);
  if (input.area === 'regions' && input.regions == null) throw validationError([{ field: 'area', message: "'regions' takes the area from the regions: send them too" }]);
}

/** The dry run: what an import would write, the problems per feature, the area's km². */
export async function previewGeography(ctx: Pick<AppContext, 'db'>, utilityId: number, input: GeographyInput): Promise<GeographyPlan> {
  requireSomething(input);
  return ctx.db.transaction((tx) => planGeography(tx, utilityId, input));
}

/** The import: all of it in one transaction, or nothing (422 INVALID_GEOMETRY naming each feature at fault). */
export async function importGeography(ctx: Pick<AppContext, 'db' | 'now'>, utilityId: number, actorId: number, input: GeographyInput): Promise<GeographyPlan> {
  requireSomething(input);
  return ctx.db.transaction(async (tx) => {
    await lockUtilityGeography(tx, utilityId);
    const plan = await planGeography(tx, utilityId, input);
    if (!plan.ok) {
      const first = plan.problems.slice(0, 3).map((p) => p.message);
      const more = plan.problems.length > 3 ? ` (and ${plan.problems.length - 3} more)` : '';
      throw new DomainError(ErrorCode.invalidGeometry, `${first.join('; ')}${more}`, { field: plan.problems[0].layer, problems: plan.problems });
    }
    if (plan.areaFrom !== 'stored') await storeServiceArea(tx, utilityId, plan.areaFrom === 'file' ? 'input' : 'union');
    for (const r of plan.regions) {
      if (r.id !== null) await reshapeRegion(tx, utilityId, r.id, regionKeyOf(r.name), r.name);
      else r.id = await insertRegion(tx, utilityId, r.code, regionKeyOf(r.name), r.name);
    }
    await deleteRegions(tx, utilityId, plan.removed.filter((r) => r.action === 'delete').map((r) => r.id));
    await recordAudit(tx, {
      utilityId,
      actorId,
      action: 'geography.import',
      objectType: 'geography',
      objectId: utilityId,
      details: {
        source: input.source ?? 'file',
        nameProperty: plan.nameProperty,
        areaFrom: plan.areaFrom,
        areaKm2: plan.areaKm2,
        created: plan.regions.filter((r) => r.action === 'create').map((r) => r.name),
        reshaped: plan.regions.filter((r) => r.action === 'reshape').map((r) => r.name),
        deleted: plan.removed.map((r) => r.name),
      },
      at: ctx.now(),
    });
    return plan;
  });
}

export async function geographyOf(ctx: Pick<AppContext, 'db'>, utilityId: number) {
  const [shapes, usage] = await Promise.all([storedGeography(ctx.db, utilityId), listStoredRegions(ctx.db, utilityId)]);
  const uses = new Map(usage.map((u) => [u.id, u]));
  return {
    area: shapes.area,
    areaKm2: shapes.areaKm2 === null ? null : round(shapes.areaKm2),
    regions: {
      type: 'FeatureCollection' as const,
      features: shapes.regions.map((r) => ({
        type: 'Feature' as const,
        id: r.id,
        properties: { code: r.code, name: r.name, km2: round(r.km2), tickets: uses.get(r.id)?.tickets ?? 0, crews: uses.get(r.id)?.crews ?? 0 },
        geometry: r.geometry,
      })),
    },
  };
}
