/**
 * The plans slice's response shapes: a stored plan, a crew's route list, the
 * day's zones and the dispatch suggestions, as the console and the crews' phones
 * read them. Pure: no database, no clock.
 */
import type { DayMetrics, UnplannedReason } from '../../core/planning/model.js';
import { unplannedMessages } from '../../core/planning/model.js';
import type { Priority } from '../../core/domain/tickets.js';
import type { Crew } from '../utilities/service.js';
import type { PlanRow, RouteRow, StopRow, UnplannedRow } from './repository.js';

export const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
export const minutes = (s: number) => round(s / 60, 1);
export const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A plan's totals as stored with it (and its first-come-first-served baseline). */
export function summaryOf(m: DayMetrics, unplanned: number) {
  return {
    served: m.served,
    unplanned,
    km: round(m.distanceMetres / 1000, 1),
    hours: round(m.workSeconds / 3600, 2),
    travelHours: round(m.travelSeconds / 3600, 2),
    longestDayHours: round(m.longestDaySeconds / 3600, 2),
    crewsUsed: m.crewsUsed,
  };
}
export type Summary = ReturnType<typeof summaryOf>;

export function thumbnailUrlOf(ticketId: number, photoId: number | null): string | null {
  return photoId === null ? null : `/api/v1/tickets/${ticketId}/photos/${photoId}?size=thumb`;
}

export function navigationOf(lat: number, lon: number, label: string) {
  const la = lat.toFixed(6);
  const lo = lon.toFixed(6);
  return {
    geo: `geo:${la},${lo}?q=${la},${lo}(${encodeURIComponent(label)})`,
    web: `https://www.openstreetmap.org/?mlat=${la}&mlon=${lo}#map=18/${la}/${lo}`,
  };
}

/** The reasons the plans slice adds to the planner's (replan.ts), with their messages. */
export const replanMessages: Record<string, string> = {
  held_out: 'The dispatcher took it out of the day: put it back to plan it',
  no_crew_within_sla: 'No crew can reach it within its SLA today: dispatch it now (immediate dispatch), move a crew, or call in another team',
  off_road_network: 'It is farther from every road of the network than a crew can be sent by road: check the ticket location, or pin it to a crew to send one anyway',
};
const messageOf = (reason: string) => unplannedMessages[reason as UnplannedReason] ?? replanMessages[reason] ?? reason;
const PRIORITY_ORDER: Record<Priority, number> = { critical: 0, high: 1, normal: 2 };

/** The unplanned list as the dispatcher reads it: urgent tickets no crew can reach in time first, then by priority. */
export function orderUnplanned<T extends { reason: string; priority: Priority; ticketId: number }>(rows: readonly T[]): T[] {
  const rank = (u: T) => (u.reason === 'no_crew_within_sla' ? 0 : 1);
  return rows.slice().sort((a, b) => rank(a) - rank(b) || PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || a.ticketId - b.ticketId);
}

export function presentPlan(
  plan: PlanRow,
  routes: readonly RouteRow[],
  stops: readonly StopRow[],
  unplanned: readonly UnplannedRow[],
  versions: readonly { id: number; version: number; kind: string; status: string; createdAt: Date }[],
  lockedCrews: ReadonlySet<number> = new Set(),
) {
  const summary = plan.summary as Summary;
  const baseline = plan.baseline as Summary;
  const stopsByRoute = new Map<number, StopRow[]>();
  for (const s of stops) stopsByRoute.set(s.routeId, [...(stopsByRoute.get(s.routeId) ?? []), s]);
  return {
    id: plan.id,
    date: plan.date,
    version: plan.version,
    kind: plan.kind,
    status: plan.status,
    basedOn: plan.basedOn,
    publishedAt: iso(plan.publishedAt),
    objective: plan.objective,
    createdAt: plan.createdAt.toISOString(),
    solveMs: plan.solveMs,
    versions: versions.map((v) => ({ id: v.id, version: v.version, kind: v.kind, status: v.status, createdAt: v.createdAt.toISOString() })),
    summary,
    baseline,
    savings: {
      km: round(baseline.km - summary.km, 1),
      kmPercent: baseline.km > 0 ? round((100 * (baseline.km - summary.km)) / baseline.km, 1) : 0,
      extraTicketsServed: summary.served.total - baseline.served.total,
      kmPerTicket: {
        plan: summary.served.total > 0 ? round(summary.km / summary.served.total, 2) : 0,
        baseline: baseline.served.total > 0 ? round(baseline.km / baseline.served.total, 2) : 0,
      },
    },
    routes: routes.map((r) => ({
      crewId: r.crewId,
      crewCode: r.crewCode,
      crewName: r.crewName,
      zone: r.zoneKey,
      shiftStartAt: r.shiftStartAt.toISOString(),
      shiftEndAt: r.shiftEndAt.toISOString(),
      startAt: r.startAt.toISOString(),
      endAt: r.endAt.toISOString(),
      km: round(r.distanceMetres / 1000, 2),
      travelMinutes: minutes(r.travelSeconds),
      serviceMinutes: minutes(r.serviceSeconds),
      locked: lockedCrews.has(r.crewId),
      path: r.path,
      stops: (stopsByRoute.get(r.id) ?? []).map((s) => ({
        seq: s.seq,
        ticketId: s.ticketId,
        number: s.number,
        priority: s.priority,
        status: s.status,
        eta: s.eta.toISOString(),
        departAt: s.departAt.toISOString(),
        travelMinutes: minutes(s.travelSeconds),
        serviceMinutes: minutes(s.serviceSeconds),
        pinned: s.pinned,
        lat: s.lat,
        lon: s.lon,
      })),
    })),
    unplanned: orderUnplanned(unplanned).map((u) => ({
      ticketId: u.ticketId,
      number: u.number,
      priority: u.priority,
      reason: u.reason,
      message: messageOf(u.reason),
      lat: u.lat,
      lon: u.lon,
    })),
  };
}
export type PlanView = ReturnType<typeof presentPlan>;

// ---------------------------------------------------------------- diff

interface TicketRef {
  ticketId: number;
  number: string;
  priority: Priority;
}

export interface CrewDiff {
  crewId: number;
  crewCode: string;
  crewName: string;
  changed: boolean;
  /** New to the day (no crew had it). */
  added: TicketRef[];
  /** Leaves the day (no crew has it). */
  removed: TicketRef[];
  movedIn: (TicketRef & { fromCrewId: number })[];
  movedOut: (TicketRef & { toCrewId: number })[];
  /** The stops it keeps come in another order. */
  reordered: boolean;
  stops: { before: number; after: number };
  km: { before: number; after: number };
  hours: { before: number; after: number };
}

const ref = (s: StopRow): TicketRef => ({ ticketId: s.ticketId, number: s.number, priority: s.priority });

/** Per crew, what the plan changes against another version of the day (none: every stop is new). */
export function diffOfPlans(
  plan: PlanRow,
  against: PlanRow | null,
  published: PlanRow | null,
  before: { routes: readonly RouteRow[]; stops: readonly StopRow[] },
  after: { routes: readonly RouteRow[]; stops: readonly StopRow[]; unplanned: readonly UnplannedRow[] },
) {
  const crewBefore = new Map(before.stops.map((s) => [s.ticketId, s.crewId]));
  const crewAfter = new Map(after.stops.map((s) => [s.ticketId, s.crewId]));
  const crews = new Map<number, { code: string; name: string }>();
  for (const r of [...before.routes, ...after.routes]) crews.set(r.crewId, { code: r.crewCode, name: r.crewName });
  const out: CrewDiff[] = [...crews.entries()]
    .sort((a, b) => a[1].code.localeCompare(b[1].code))
    .map(([crewId, c]) => {
      const was = before.stops.filter((s) => s.crewId === crewId);
      const is = after.stops.filter((s) => s.crewId === crewId);
      const rb = before.routes.find((r) => r.crewId === crewId);
      const ra = after.routes.find((r) => r.crewId === crewId);
      const added = is.filter((s) => !crewBefore.has(s.ticketId)).map(ref);
      const movedIn = is.filter((s) => crewBefore.has(s.ticketId) && crewBefore.get(s.ticketId) !== crewId).map((s) => ({ ...ref(s), fromCrewId: crewBefore.get(s.ticketId)! }));
      const removed = was.filter((s) => !crewAfter.has(s.ticketId)).map(ref);
      const movedOut = was.filter((s) => crewAfter.has(s.ticketId) && crewAfter.get(s.ticketId) !== crewId).map((s) => ({ ...ref(s), toCrewId: crewAfter.get(s.ticketId)! }));
      const kept = new Set(is.map((s) => s.ticketId));
      const oldOrder = was.filter((s) => kept.has(s.ticketId)).map((s) => s.ticketId);
      const stayed = new Set(oldOrder);
      const newOrder = is.filter((s) => stayed.has(s.ticketId)).map((s) => s.ticketId);
      const reordered = oldOrder.some((id, i) => newOrder[i] !== id);
      const hours = (r: RouteRow | undefined) => (r ? round((r.travelSeconds + r.serviceSeconds) / 3600, 2) : 0);
      return {
        crewId,
        crewCode: c.code,
        crewName: c.name,
        changed: added.length + removed.length + movedIn.length + movedOut.length > 0 || reordered,
        added,
        removed,
        movedIn,
        movedOut,
        reordered,
        stops: { before: was.length, after: is.length },
        km: { before: rb ? round(rb.distanceMetres / 1000, 2) : 0, after: ra ? round(ra.distanceMetres / 1000, 2) : 0 },
        hours: { before: hours(rb), after: hours(ra) },
      };
    });
  return {
    planId: plan.id,
    version: plan.version,
    status: plan.status,
    against: against ? { id: against.id, version: against.version } : null,
    /** A draft made from a published version that is no longer the latest: publishing it is refused until re-based. */
    stale: plan.status === 'draft' && (published?.id ?? null) !== (plan.basedOn ?? null),
    crews: out,
    unplanned: orderUnplanned(after.unplanned).map((u) => ({ ticketId: u.ticketId, number: u.number, priority: u.priority, reason: u.reason, message: messageOf(u.reason), wasPlanned: crewBefore.has(u.ticketId) })),
  };
}
export type PlanDiff = ReturnType<typeof diffOfPlans>;

/** The inbox message a crew gets when a published plan changes its day (Bahasa Indonesia, then English). */
export function crewMessage(plan: PlanRow, c: CrewDiff): { title: string; body: string } {
  const gained = c.added.length + c.movedIn.length;
  const lost = c.removed.length + c.movedOut.length;
  const id = [`${gained} tiket baru`, `${lost} tiket dilepas`, ...(c.reordered ? ['urutan berubah'] : [])].join(', ');
  const en = [`${gained} new`, `${lost} removed`, ...(c.reordered ? ['order changed'] : [])].join(', ');
  return {
    title: `Rute ${plan.date} berubah / Your route for ${plan.date} changed`,
    body: `Rencana v${plan.version}: ${id}. Buka daftar rute. / Plan v${plan.version}: ${en}. Open your route list.`,
  };
}

/** A crew's day as its phone shows it: stops in order, with navigation links and the route as GeoJSON. */
export function presentCrewRoute(crew: Crew, date: string, plan: PlanRow, route: RouteRow | undefined, stops: readonly StopRow[]) {
  const base = crew.baseLat !== null && crew.baseLon !== null ? { lat: crew.baseLat, lon: crew.baseLon } : null;
  return {
    crewId: crew.id,
    crewCode: crew.code,
    crewName: crew.name,
    date,
    planId: plan.id,
    planVersion: plan.version,
    base: base ? { ...base, address: crew.baseAddress } : null,
    startAt: iso(route?.startAt ?? null),
    endAt: iso(route?.endAt ?? null),
    km: route ? round(route.distanceMetres / 1000, 2) : 0,
    stops: stops.map((s) => ({
      seq: s.seq,
      ticketId: s.ticketId,
      number: s.number,
      status: s.status,
      priority: s.priority,
      category: s.category,
      eta: s.eta.toISOString(),
      departAt: s.departAt.toISOString(),
      travelMinutes: minutes(s.travelSeconds),
      serviceMinutes: minutes(s.serviceSeconds),
      address: s.address,
      description: s.description,
      lat: s.lat,
      lon: s.lon,
      photoThumbnailUrl: thumbnailUrlOf(s.ticketId, s.photoId),
      navigation: navigationOf(s.lat, s.lon, s.number),
    })),
    geojson: {
      type: 'Feature' as const,
      geometry: route?.path ?? null,
      properties: { crewId: crew.id, crewCode: crew.code, date, planId: plan.id, km: route ? round(route.distanceMetres / 1000, 2) : 0 },
    },
  };
}
export type CrewRouteView = ReturnType<typeof presentCrewRoute>;

/** A zone as the map draws it. */
export interface ZoneFeature {
  id: string;
  geometry: unknown;
  resolution: number;
  cells: string[];
  ticketIds: number[];
  serviceSeconds: number;
  travelSeconds: number;
  workSeconds: number;
  crewId: number | null;
}

export function presentZones(day: { date: string; resolution: number; capacitySeconds: number; planId: number | null }, zones: readonly ZoneFeature[]) {
  return {
    type: 'FeatureCollection' as const,
    date: day.date,
    resolution: day.resolution,
    zoneCapacityMinutes: minutes(day.capacitySeconds),
    planId: day.planId,
    features: zones.map((z) => ({
      type: 'Feature' as const,
      id: z.id,
      geometry: z.geometry,
      properties: {
        zoneId: z.id,
        resolution: z.resolution,
        cells: z.cells,
        ticketCount: z.ticketIds.length,
        ticketIds: z.ticketIds,
        serviceMinutes: minutes(z.serviceSeconds),
        travelMinutes: minutes(z.travelSeconds),
        workMinutes: minutes(z.workSeconds),
        crewId: z.crewId,
      },
    })),
  };
}

/** One crew's offer for an urgent ticket, with its times already on the clock. */
export interface DispatchOffer {
  crewId: number;
  crewCode: string;
  crewName: string;
  arrivalAt: Date;
  beforeTicketId: number | null;
  addedSeconds: number;
  addedMetres: number;
  endAt: Date;
  meetsDue: boolean;
  dropsTicketIds: number[];
}

export function presentDispatchSuggestions(ticket: { id: number; number: string; priority: Priority; resolveDueAt: Date | null }, offers: readonly DispatchOffer[]) {
  return {
    ticketId: ticket.id,
    number: ticket.number,
    priority: ticket.priority,
    resolveDueAt: iso(ticket.resolveDueAt),
    options: offers.map((o) => ({
      crewId: o.crewId,
      crewCode: o.crewCode,
      crewName: o.crewName,
      arrivalAt: o.arrivalAt.toISOString(),
      /** Before which of the crew's pending stops it goes (null: after the last). */
      beforeTicketId: o.beforeTicketId,
      addedMinutes: minutes(o.addedSeconds),
      addedKm: round(o.addedMetres / 1000, 2),
      endAt: o.endAt.toISOString(),
      meetsDue: o.meetsDue,
      dropsTicketIds: o.dropsTicketIds,
    })),
  };
}
