/**
 * What other slices ask of utilities and crews. Features reach these tables
 * through this file, never through the repositories. Most lookups carry no
 * rule beyond their query, so they are the repository's functions as they are.
 */
import type { AppContext } from '../../platform/context.js';
import { DomainError, ErrorCode, validationError } from '../../core/domain/errors.js';
import { matchKelurahan } from '../../core/domain/places.js';
import type { Runner } from '../../platform/db/knex.js';
import { findSoleUtility, findUtilityByCode, findUtilityById, namedAreas, pointInArea } from './repository.js';
import type { Utility } from './view.js';

export type { Crew, Place, Utility, UtilityOutline } from './view.js';
export {
  boundariesGeoJson,
  countUtilities,
  findSoleUtility,
  findUtilityByCode,
  findUtilityById,
  insertUtility,
  isInsideServiceArea,
  isUtilityNameTaken,
  listUtilities,
  locateInServiceArea,
  locatePoint,
  utilityOutline,
} from './repository.js';
export { findCrew, findCrewsByCode, insertCrewDraft, listCrews, lockCrewsOfUtility, updateCrewDraft } from './crews.repository.js';

/**
 * The utility a public request is for: the Open311 `jurisdiction_id` it names,
 * else the configured default, else the only utility of this install.
 */
export async function publicUtilityFor(ctx: Pick<AppContext, 'db' | 'config'>, jurisdictionId: unknown): Promise<Utility> {
  const code = typeof jurisdictionId === 'string' && jurisdictionId.trim() !== '' ? jurisdictionId.trim() : ctx.config.defaultJurisdiction;
  if (code) {
    const utility = await findUtilityByCode(ctx.db, code);
    if (!utility) throw new DomainError(ErrorCode.notFound, `No utility with jurisdiction_id ${code}`, { field: 'jurisdiction_id', jurisdictionId: code });
    return utility;
  }
  const sole = await findSoleUtility(ctx.db);
  if (!sole) throw validationError([{ field: 'jurisdiction_id', message: 'this server serves several utilities: say which one' }]);
  return sole;
}

/** Where a free-text address lies within the utility, by the kelurahan it names: a point inside it, or why not. */
export type AddressPlace =
  | { placed: true; lat: number; lon: number; kelurahan: string; district: string }
  | { placed: false; why: 'unknown' | 'ambiguous'; candidates: string[] };

export async function placeAddress(db: Runner, utilityId: number, address: string): Promise<AddressPlace> {
  const match = matchKelurahan(address, await namedAreas(db, utilityId));
  if (match.kind === 'none') return { placed: false, why: 'unknown', candidates: [] };
  if (match.kind === 'ambiguous') return { placed: false, why: 'ambiguous', candidates: match.candidates.map((a) => `${a.name} (${a.district})`) };
  const point = await pointInArea(db, utilityId, match.area.id);
  if (!point) return { placed: false, why: 'unknown', candidates: [] };
  return { placed: true, ...point, kelurahan: match.area.name, district: match.area.district };
}

/** Utilities read by a burst's journalled reports, per database: at most `maxAgeMs` old. */
const recentUtilities = new WeakMap<object, Map<string, { at: number; utility: Promise<Utility> }>>();

/**
 * publicUtilityFor, read at most once every `maxAgeMs` per jurisdiction and
 * database: for the intake journal's cheap checks under load (a report a
 * moment behind a settings change is checked again in full by the drain,
 * on a fresh read). A failed read is not kept.
 */
export function recentPublicUtilityFor(ctx: Pick<AppContext, 'db' | 'config'>, jurisdictionId: unknown, maxAgeMs = 1000): Promise<Utility> {
  const key = typeof jurisdictionId === 'string' ? jurisdictionId.trim() : '';
  let byCode = recentUtilities.get(ctx.db);
  if (!byCode) recentUtilities.set(ctx.db, (byCode = new Map()));
  const now = Date.now();
  const hit = byCode.get(key);
  if (hit && now - hit.at <= maxAgeMs) return hit.utility;
  const utility = publicUtilityFor(ctx, jurisdictionId);
  byCode.set(key, { at: now, utility });
  utility.catch(() => byCode.delete(key));
  return utility;
}

/** Reads utilities by id, each at most once for the reader's life (a batch of photos or journalled reports). */
export function utilityReader(db: Runner): (id: number) => Promise<Utility | null> {
  const read = new Map<number, Promise<Utility | null>>();
  return (id) => {
    let u = read.get(id);
    if (!u) read.set(id, (u = findUtilityById(db, id)));
    return u;
  };
}
