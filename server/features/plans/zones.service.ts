/** The day's zones as the map shows them: the Normal tickets grouped into H3 areas one crew-day can cover; crews from the day's latest plan (a draft under review, else the published one). */
import type { AppContext } from '../../platform/context.js';
import { listCrews, type Utility } from '../utilities/service.js';
import { buildZones, zoneOutline } from '../../core/zoning/zones.js';
import { zoneCapacitySeconds } from '../../core/planning/plan-day.js';
import * as store from './repository.js';
import { checkDate, dayClock, dayTravelOf, serviceSecondsOf, shiftsOfDay } from './day.service.js';
import { presentZones } from './view.js';

export async function zonesOfDay(ctx: AppContext, utility: Utility, date: string) {
  checkDate(date, utility, ctx.now());
  const clock = dayClock(date, utility.timeZone);
  const nowSeconds = clock.toSeconds(ctx.now());
  const crews = shiftsOfDay(await listCrews(ctx.db, utility.id), clock, utility.timeZone).filter((s) => s.endSeconds > nowSeconds);
  const roadless = new Set(utility.settings.planning.roadlessDistricts);
  const pool = (await store.listPoolTickets(ctx.db, utility.id)).filter((t) => t.priority === 'normal' && !(t.district !== null && roadless.has(t.district)));
  const tickets = pool.map((t) => ({ lat: t.lat, lon: t.lon, serviceSeconds: serviceSecondsOf(utility, t.category, t.priority) }));
  const available = crews.map((s) => s.endSeconds - Math.max(s.startSeconds, nowSeconds));
  const capacity = zoneCapacitySeconds(available, tickets.reduce((a, t) => a + t.serviceSeconds, 0));
  // On a road network the zone sizes use its effective detour factor and speed, measured on the day's points.
  const travel = tickets.length > 0 ? (await dayTravelOf(ctx, utility, [...tickets, ...crews.flatMap((s) => (s.crew.baseLat !== null && s.crew.baseLon !== null ? [{ lat: s.crew.baseLat, lon: s.crew.baseLon }] : []))])).travel : null;
  const zones = travel ? buildZones(tickets, { resolution: utility.settings.h3Resolution, capacitySeconds: capacity, travel }) : [];
  const plan = await store.findPlanOfDay(ctx.db, utility.id, date);
  const crewOfZone = new Map<string, number>();
  if (plan) for (const r of await store.listRoutes(ctx.db, plan.id)) if (r.zoneKey) crewOfZone.set(r.zoneKey, r.crewId);
  return presentZones(
    { date, resolution: utility.settings.h3Resolution, capacitySeconds: capacity, planId: plan?.id ?? null },
    zones.map((z) => ({
      id: z.id,
      geometry: zoneOutline(z),
      resolution: z.resolution,
      cells: z.cells,
      ticketIds: z.tickets.map((i) => pool[i].id),
      serviceSeconds: z.serviceSeconds,
      travelSeconds: z.travelSeconds,
      workSeconds: z.workSeconds,
      crewId: crewOfZone.get(z.id) ?? null,
    })),
  );
}
