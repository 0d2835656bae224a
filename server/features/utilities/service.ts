/**
 * What other slices ask of utilities and crews. Features reach these tables
 * through this file, never through the repositories. Most lookups carry no
 * rule beyond their query, so they are the repository's functions as they are.
 */
import type { AppContext } from '../../platform/context.js';
import { DomainError, ErrorCode, validationError } from '../../core/domain/errors.js';
import { findSoleUtility, findUtilityByCode } from './repository.js';
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
