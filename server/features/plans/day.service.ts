/**
 * A plan day, shared by the daily plan, immediate dispatch and the zones: its
 * clock (seconds from local midnight), the crews' shifts with the refusals a
 * dispatcher can act on, travel and service times from the utility's settings.
 * Travel runs on the utility's road network when it has one (features/roads:
 * matrices over the day's points, paths along the streets), else on straight
 * lines times its detour factor.
 */
import type { AppContext } from '../../platform/context.js';
import { listCrews, type Crew, type Utility } from '../utilities/service.js';
import { hasRoadNetwork, roadMatrix, roadPath } from '../roads/service.js';
import { sharedMatrixData } from '../../platform/solver/pool.js';
import { createMatrixTravelModel, pointKey } from '../../core/zoning/matrix-travel.js';
import { DomainError, ErrorCode, validationError } from '../../core/domain/errors.js';
import { localDateOf, zonedTimeToUtc } from '../../core/domain/time.js';
import type { Priority, TicketStatus } from '../../core/domain/tickets.js';
import { createTravelModel, type LatLon, type TravelModel } from '../../core/zoning/travel.js';
import { shiftOnDate } from '../../core/domain/crews.js';

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A plan day's clock: seconds from its local midnight. */
export interface DayClock {
  date: string;
  originMs: number;
  toSeconds(d: Date): number;
  toDate(seconds: number): Date;
}

export function dayClock(date: string, timeZone: string): DayClock {
  const originMs = zonedTimeToUtc(date, '00:00', timeZone).getTime();
  return { date, originMs, toSeconds: (d) => Math.round((d.getTime() - originMs) / 1000), toDate: (s) => new Date(originMs + s * 1000) };
}

export function checkDate(date: string, utility: Utility, now: Date): void {
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw validationError([{ field: 'date', message: 'a calendar date, YYYY-MM-DD' }]);
  }
  const today = localDateOf(now, utility.timeZone);
  if (date < today) throw validationError([{ field: 'date', message: `${date} is in the past (today is ${today}): a plan is for today or a later day` }]);
}

export function travelModelOf(utility: Utility): TravelModel {
  return createTravelModel({ detourFactor: utility.settings.detourFactor, speedKmh: utility.settings.speedKmh });
}

export interface DayTravel {
  travel: TravelModel;
  /** On a road network: the point is farther than the snap limit from every road (no crew drives there by road). */
  isOffNetwork(p: LatLon): boolean;
  onRoads: boolean;
}

/**
 * The day's travel model over its points (tickets, bases, crew positions): the road network's matrices when the
 * utility has one (a point off the network, or outside the set, goes by straight line), else straight lines.
 */
export async function dayTravelOf(ctx: AppContext, utility: Utility, points: readonly LatLon[]): Promise<DayTravel> {
  const straight = travelModelOf(utility);
  if (points.length === 0 || !(await hasRoadNetwork(ctx, utility.id))) return { travel: straight, isOffNetwork: () => false, onRoads: false };
  const index = new Map<string, number>();
  const unique: LatLon[] = [];
  for (const p of points) {
    const key = pointKey(p.lat, p.lon);
    if (!index.has(key)) {
      index.set(key, unique.length);
      unique.push({ lat: p.lat, lon: p.lon });
    }
  }
  const m = await roadMatrix(ctx, utility.id, unique);
  const n = unique.length;
  const data = sharedMatrixData({
    lat: Float64Array.from(unique, (p) => p.lat),
    lon: Float64Array.from(unique, (p) => p.lon),
    distances: m.distances,
    durations: m.durations,
    fallback: { detourFactor: straight.detourFactor, speedKmh: straight.speedKmh },
  });
  // Legs from and to a point off the network go by straight line (no snapped road distance to a point 1 km away).
  const off = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (!m.offNetwork[i]) continue;
    off.add(pointKey(unique[i].lat, unique[i].lon));
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      data.distances[i * n + j] = data.durations[i * n + j] = -1;
      data.distances[j * n + i] = data.durations[j * n + i] = -1;
    }
  }
  return { travel: createMatrixTravelModel(data), isOffNetwork: (p) => off.has(pointKey(p.lat, p.lon)), onRoads: true };
}

/**
 * Trips' lines for the map and the GPX, [lon, lat] through each trip's points in order: along the streets on a
 * road network, else straight between them (fewer than two points: no line).
 */
export async function tripPathsOf(ctx: AppContext, utility: Utility, trips: readonly (readonly LatLon[])[]): Promise<[number, number][][]> {
  const straight = (points: readonly LatLon[]) => (points.length < 2 ? [] : points.map((p): [number, number] => [p.lon, p.lat]));
  if (!trips.some((points) => points.length >= 2) || !(await hasRoadNetwork(ctx, utility.id))) return trips.map(straight);
  const out: [number, number][][] = [];
  for (const points of trips) {
    const streets = points.length >= 2 ? await roadPath(ctx, utility.id, points) : null;
    out.push(streets && streets.length >= 2 ? streets : straight(points));
  }
  return out;
}

export function serviceSecondsOf(utility: Utility, category: keyof Utility['settings']['serviceMinutes'], priority: Priority): number {
  const s = utility.settings;
  return Math.round((s.serviceMinutes[category] + s.planning.serviceExtraMinutes[priority]) * 60);
}

export interface CrewShift {
  crew: Crew;
  startSeconds: number;
  endSeconds: number;
}

/** The crew's shift on the plan day in seconds of its clock; null: the crew does not work that day (day off, outside its active dates). */
export function shiftOf(crew: Crew, clock: DayClock, timeZone: string): { startSeconds: number; endSeconds: number; start: string; end: string } | null {
  const shift = shiftOnDate(crew, clock.date);
  if (!shift) return null;
  const start = clock.toSeconds(zonedTimeToUtc(clock.date, shift.start, timeZone));
  let end = clock.toSeconds(zonedTimeToUtc(clock.date, shift.end, timeZone));
  if (end <= start) end += 86_400; // a night shift ends the next morning
  return { startSeconds: start, endSeconds: end, start: shift.start, end: shift.end };
}

/** The crews working on the plan day, each with its shift that day. */
export function shiftsOfDay(crews: Crew[], clock: DayClock, timeZone: string): (CrewShift & { start: string; end: string })[] {
  return crews.flatMap((crew) => {
    const s = shiftOf(crew, clock, timeZone);
    return s ? [{ crew, ...s }] : [];
  });
}

/** The crews on shift for the day, with the refusals a dispatcher can act on. */
export async function crewsOnShift(ctx: AppContext, utility: Utility, clock: DayClock, nowSeconds: number): Promise<CrewShift[]> {
  const crews = await listCrews(ctx.db, utility.id);
  if (crews.length === 0) throw new DomainError(ErrorCode.noCrewsOnShift, 'There is no active crew: add a crew (with a base and a shift) before planning', { date: clock.date });
  const withoutBase = crews.filter((c) => c.baseLat === null || c.baseLon === null);
  if (withoutBase.length > 0) {
    throw new DomainError(
      ErrorCode.crewWithoutBase,
      `Crew ${withoutBase.map((c) => c.code).join(', ')} has no base: set where the crew starts and ends its day, or deactivate it, then plan again`,
      { crews: withoutBase.map((c) => ({ id: c.id, code: c.code, name: c.name })) },
    );
  }
  const shifts = shiftsOfDay(crews, clock, utility.timeZone);
  if (shifts.length === 0) throw new DomainError(ErrorCode.noCrewsOnShift, `No crew works on ${clock.date} (a day off in every crew's week, or outside its active dates)`, { date: clock.date });
  const shortest = Math.min(...Object.values(utility.settings.serviceMinutes)) * 60;
  const tooShort = shifts.filter((s) => s.endSeconds - s.startSeconds < shortest);
  if (tooShort.length > 0) {
    throw new DomainError(
      ErrorCode.shiftTooShort,
      `The shift of crew ${tooShort.map((s) => `${s.crew.code} (${s.start}-${s.end})`).join(', ')} is shorter than one job (${shortest / 60} minutes on site): correct the shift`,
      { crews: tooShort.map((s) => ({ id: s.crew.id, code: s.crew.code, shiftStart: s.start, shiftEnd: s.end })), shortestJobMinutes: shortest / 60 },
    );
  }
  const onShift = shifts.filter((s) => s.endSeconds > nowSeconds);
  if (onShift.length === 0) throw new DomainError(ErrorCode.noCrewsOnShift, `Every crew's shift on ${clock.date} has ended`, { date: clock.date });
  return onShift;
}

/** Only tickets with an SPK that no crew has started can be planned, pinned or dispatched. */
export function requirePlannable(status: TicketStatus, number: string): void {
  if (status === 'received') {
    throw new DomainError(ErrorCode.ticketWithoutSpk, `Ticket ${number} has no SPK yet: the admin validates it and issues the SPK first`, { field: 'ticketId', status });
  }
  if (status !== 'spk_issued' && status !== 'assigned') {
    throw new DomainError(ErrorCode.invalidTransition, `Ticket ${number} is ${status}: only tickets waiting for a crew can be planned`, { field: 'ticketId', currentStatus: status });
  }
}
