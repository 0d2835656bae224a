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

export function presentPlan(
  plan: PlanRow,
  routes: readonly RouteRow[],
  stops: readonly StopRow[],
  unplanned: readonly UnplannedRow[],
  versions: readonly { id: number; version: number; kind: string; createdAt: Date }[],
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
    objective: plan.objective,
    createdAt: plan.createdAt.toISOString(),
    solveMs: plan.solveMs,
    versions: versions.map((v) => ({ id: v.id, version: v.version, kind: v.kind, createdAt: v.createdAt.toISOString() })),
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
      })),
    })),
    unplanned: unplanned.map((u) => ({
      ticketId: u.ticketId,
      number: u.number,
      priority: u.priority,
      reason: u.reason,
      message: unplannedMessages[u.reason as UnplannedReason] ?? u.reason,
    })),
  };
}
export type PlanView = ReturnType<typeof presentPlan>;

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
