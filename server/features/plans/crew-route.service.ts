/** A crew's route list for a day: the stops of the latest published plan version, for the crew's phone (also as GPX). */
import type { AppContext } from '../../platform/context.js';
import { listCrews, type Utility } from '../utilities/service.js';
import type { StaffUser } from '../auth/service.js';
import { DomainError, ErrorCode, notFound, validationError } from '../../core/domain/errors.js';
import { localDateOf } from '../../core/domain/time.js';
import * as store from './repository.js';
import { DATE } from './day.service.js';
import { presentCrewRoute } from './view.js';

export type { CrewRouteView } from './view.js';

export async function crewRoute(ctx: AppContext, utility: Utility, user: StaffUser, crewId: number, date: string | undefined) {
  const day = date ?? localDateOf(ctx.now(), utility.timeZone);
  if (!DATE.test(day)) throw validationError([{ field: 'date', message: 'a calendar date, YYYY-MM-DD' }]);
  if (user.role === 'crew' && user.crewId !== crewId) {
    throw new DomainError(ErrorCode.forbidden, 'A crew sees its own route only', { crewId, yourCrewId: user.crewId });
  }
  const crew = (await listCrews(ctx.db, utility.id, false)).find((c) => c.id === crewId);
  if (!crew) throw notFound('crew', crewId);
  const plan = await store.findPublishedPlanOfDay(ctx.db, utility.id, day);
  if (!plan) throw notFound('plan', day);
  const [route] = await store.listRoutes(ctx.db, plan.id, crewId);
  const stops = route ? await store.listStops(ctx.db, plan.id, crewId) : [];
  return presentCrewRoute(crew, day, plan, route, stops);
}

/** The crew's phone reports where it is: the next re-plan of today starts the crew's rest of the day there. */
export async function reportPosition(ctx: AppContext, utility: Utility, user: StaffUser, crewId: number, at: { lat: number; lon: number }) {
  if (user.role === 'crew' && user.crewId !== crewId) {
    throw new DomainError(ErrorCode.forbidden, "A crew reports its own position only", { crewId, yourCrewId: user.crewId });
  }
  const crew = (await listCrews(ctx.db, utility.id, false)).find((c) => c.id === crewId);
  if (!crew) throw notFound('crew', crewId);
  const now = ctx.now();
  await store.upsertCrewPosition(ctx.db, { utilityId: utility.id, crewId, lat: at.lat, lon: at.lon, at: now, userId: user.id });
  return { crewId, lat: at.lat, lon: at.lon, reportedAt: now.toISOString() };
}
