/**
 * The public Makassar day-plan benchmark (../shared/bench/planning, read at
 * run time): load a day, give the product's planner only what the README
 * allows (ticket id, position, priority, service time; crew base and shift),
 * on the README's travel rule, find the island tickets from the product's
 * kelurahan polygons (fixtures/makassar), and score the plan with the
 * README's scorer. Nothing from shared/ is copied into the repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { area, bbox, booleanPointInPolygon, point } from '@turf/turf';
import { createRandom, loadKelurahan } from '../fixtures/generate.js';
import type { PlanCrew, PlanInput, PlanTicket, PlannedRoute } from '../server/core/planning/model.js';
import type { TravelModel } from '../server/core/zoning/travel.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SHARED_DIR = process.env.MAKASSAR_BENCH_DIR ?? path.resolve(here, '../../shared/bench/planning');
/** BPS code of Kecamatan Kepulauan Sangkarrang: islands, no road. */
export const ISLAND_DISTRICT_CODE = 'id7371081';
const SHIFT = 28_800;
/** 08:00 local, seconds from midnight: the README's time 0. */
const DAY0 = 8 * 3600;

export interface DayTicket {
  id: number;
  lat: number;
  lon: number;
  category: string;
  priority: 'High' | 'Normal';
  serviceSeconds: number;
  island: boolean;
}
export interface DayCrew {
  id: number;
  baseLat: number;
  baseLon: number;
  shiftStart: string;
  shiftEnd: string;
}
export interface DayFile {
  scenario: string;
  crews: DayCrew[];
  tickets: DayTicket[];
}
export interface ReferenceResult {
  method: string;
  served: number;
  highServed: number;
  km: number;
  travelHours?: number;
  makespanSeconds?: number;
  wallSeconds?: number;
}

export function loadDay(size: 's' | 'm' | 'l'): DayFile {
  return JSON.parse(fs.readFileSync(path.join(SHARED_DIR, `makassar-day-${size}.data.json`), 'utf8')) as DayFile;
}

/** VROOM's (and the baseline's) figures from results.json, per scenario name. */
export function referenceResults(): Map<string, ReferenceResult[]> {
  const raw = JSON.parse(fs.readFileSync(path.join(SHARED_DIR, 'results.json'), 'utf8')) as { scenarios: { scenario: string; results: Record<string, unknown>[] }[] };
  const out = new Map<string, ReferenceResult[]>();
  for (const s of raw.scenarios) {
    out.set(
      s.scenario,
      s.results
        .filter((r) => typeof r.served === 'number')
        .map((r) => ({
          method: String(r.method),
          served: Number(r.served),
          highServed: Number(r.highServed),
          km: Number(r.km),
          travelHours: numberOr(r.travelHours ?? r.travelH),
          makespanSeconds: numberOr(r.makespanSeconds ?? r.lastReturnSeconds ?? r.makespanS),
          wallSeconds: numberOr(r.wallSeconds ?? r.wallTimeSeconds),
        })),
    );
  }
  return out;
}
const numberOr = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** The README's travel rule: integer metres and seconds per leg, both from the unrounded haversine. */
export function readmeTravel(): TravelModel {
  const R = 6371000;
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
    const x = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
    return 2 * R * Math.asin(Math.min(1, Math.sqrt(x)));
  };
  return {
    detourFactor: 1.35,
    speedKmh: 20,
    metres: (a, b) => Math.round(h(a, b) * 1.35),
    seconds: (a, b) => Math.round((h(a, b) * 1.35 * 3600) / 20000),
    secondsForMetres: (m) => Math.round((m * 3600) / 20000),
    leg: (a, b, out) => {
      const road = h(a, b) * 1.35;
      out.metres = Math.round(road);
      out.seconds = Math.round((road * 3600) / 20000);
    },
  };
}

/** Tickets inside a kelurahan of Kepulauan Sangkarrang (the product's polygons, not the file's flag). */
export function islandTicketIds(tickets: readonly { id: number; lat: number; lon: number }[]): Set<number> {
  const islands = loadKelurahan().filter((f) => f.properties.district_code === ISLAND_DISTRICT_CODE);
  const out = new Set<number>();
  for (const t of tickets) if (islands.some((f) => booleanPointInPolygon(point([t.lon, t.lat]), f))) out.add(t.id);
  return out;
}

const hhmm = (s: string) => {
  const [h, m] = s.split(':').map(Number);
  return h * 3600 + m * 60;
};

/** The planner's input: only the README's allowed fields; island tickets marked roadless by the polygon check. */
export function planInputOf(day: DayFile, options: { budgetMs?: number; resolution?: number } = {}): PlanInput {
  const islands = islandTicketIds(day.tickets);
  const tickets: PlanTicket[] = day.tickets.map((t) => ({
    id: t.id,
    lat: t.lat,
    lon: t.lon,
    priority: t.priority === 'High' ? 'high' : 'normal',
    serviceSeconds: t.serviceSeconds,
    dueSeconds: null,
    receivedSeconds: t.id,
    roadless: islands.has(t.id),
  }));
  const crews: PlanCrew[] = day.crews.map((c) => ({ id: c.id, base: { lat: c.baseLat, lon: c.baseLon }, shiftStartSeconds: hhmm(c.shiftStart), shiftEndSeconds: hhmm(c.shiftEnd), capacityJobs: null }));
  return { tickets, crews, travel: readmeTravel(), objective: 'distance', resolution: options.resolution ?? 8, maxReachMetres: 60_000, budgetMs: options.budgetMs };
}

export interface Score {
  served: number;
  highServed: number;
  highTotal: number;
  km: number;
  travelHours: number;
  totalHours: number;
  makespanSeconds: number;
  islandsServed: number[];
}

/** The README's scorer, verbatim in substance (island flag from the file, used only here). */
export function scorePlan(day: DayFile, plan: { crewId: number; ticketIds: number[] }[]): Score {
  const R = 6371000;
  const rad = (d: number) => (d * Math.PI) / 180;
  type P = { lat: number; lon: number; island: boolean };
  const leg = (a: P, b: P) => {
    if (a === b) return { m: 0, s: 0 };
    if (a.island || b.island) return { m: 100000, s: 100000 };
    const x = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
    const h = 2 * R * Math.asin(Math.min(1, Math.sqrt(x)));
    return { m: Math.round(h * 1.35), s: Math.round((h * 1.35 * 3600) / 20000) };
  };
  const ticket = new Map(day.tickets.map((t) => [t.id, t]));
  const served = new Set<number>();
  let metres = 0;
  let travel = 0;
  let service = 0;
  let makespan = 0;
  for (const r of plan) {
    if (!r.ticketIds.length) continue;
    const c = day.crews.find((k) => k.id === r.crewId)!;
    const base: P = { lat: c.baseLat, lon: c.baseLon, island: false };
    const stops: P[] = [base, ...r.ticketIds.map((id) => ticket.get(id)!), base];
    let s = 0;
    let sv = 0;
    for (let i = 0; i + 1 < stops.length; i++) {
      const l = leg(stops[i], stops[i + 1]);
      metres += l.m;
      s += l.s;
    }
    for (const id of r.ticketIds) {
      if (!ticket.has(id)) throw new Error(`ticket ${id} does not exist`);
      if (served.has(id)) throw new Error(`ticket ${id} twice`);
      served.add(id);
      sv += ticket.get(id)!.serviceSeconds;
    }
    if (s + sv > SHIFT) throw new Error(`crew ${r.crewId} back after 16:00 (${s + sv} s)`);
    travel += s;
    service += sv;
    makespan = Math.max(makespan, s + sv);
  }
  const high = day.tickets.filter((t) => t.priority === 'High');
  return {
    served: served.size,
    highServed: high.filter((t) => served.has(t.id)).length,
    highTotal: high.length,
    km: metres / 1000,
    travelHours: travel / 3600,
    totalHours: (travel + service) / 3600,
    makespanSeconds: makespan,
    islandsServed: day.tickets.filter((t) => t.island && served.has(t.id)).map((t) => t.id),
  };
}

/** A planner's routes as the README's plan: crew id and ticket ids in visit order. */
export function asReadmePlan(input: PlanInput, routes: readonly PlannedRoute[]): { crewId: number; ticketIds: number[] }[] {
  return routes.map((r) => ({ crewId: input.crews[r.crew].id, ticketIds: r.stops.map((s) => input.tickets[s.ticket].id) }));
}

export const MAKASSAR_DAY0 = DAY0;

/**
 * A generated day shaped like the public ones (uniform over the mainland by
 * kelurahan area, 20/50/30 % categories, 5.7 % High, two island tickets,
 * crews round robin over the kecamatan), for scaling runs beyond their sizes.
 */
export function syntheticDay(ticketCount: number, crewCount: number, seed: number): DayFile {
  const random = createRandom(seed);
  const all = loadKelurahan();
  const mainland = all.filter((f) => f.properties.district_code !== ISLAND_DISTRICT_CODE).map((f) => ({ f, bbox: bbox(f), w: area(f) }));
  const islands = all.filter((f) => f.properties.district_code === ISLAND_DISTRICT_CODE).map((f) => ({ f, bbox: bbox(f), w: area(f) }));
  const total = mainland.reduce((s, k) => s + k.w, 0);
  const inside = (pool: typeof mainland, pick: (typeof mainland)[number]) => {
    void pool;
    for (;;) {
      const lon = pick.bbox[0] + random() * (pick.bbox[2] - pick.bbox[0]);
      const lat = pick.bbox[1] + random() * (pick.bbox[3] - pick.bbox[1]);
      const p = { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
      if (booleanPointInPolygon(point([p.lon, p.lat]), pick.f)) return p;
    }
  };
  const byArea = () => {
    let r = random() * total;
    for (const k of mainland) if ((r -= k.w) <= 0) return k;
    return mainland[mainland.length - 1];
  };
  const categories: [string, number][] = [
    ['pipe_burst', 2700],
    ['visible_leak', 1800],
    ['meter_leak', 1200],
  ];
  const tickets: DayTicket[] = [];
  for (let id = 1; id <= ticketCount; id++) {
    const island = id === 3 || id === 5;
    const at = island ? inside(islands, islands[id === 3 ? 0 : 1 % islands.length]) : inside(mainland, byArea());
    const r = random();
    const [category, serviceSeconds] = categories[r < 0.2 ? 0 : r < 0.7 ? 1 : 2];
    tickets.push({ id, ...at, category, priority: id === 3 || random() < 0.0566 ? 'High' : 'Normal', serviceSeconds, island });
  }
  const districts = [...new Set(mainland.map((k) => k.f.properties.district_code))];
  const crews: DayCrew[] = [];
  for (let id = 1; id <= crewCount; id++) {
    const d = districts[(id - 1) % districts.length];
    const kel = mainland.filter((k) => k.f.properties.district_code === d);
    const at = inside(mainland, kel[Math.floor(random() * kel.length)]);
    crews.push({ id, baseLat: at.lat, baseLon: at.lon, shiftStart: '08:00', shiftEnd: '16:00' });
  }
  return { scenario: `generated-${ticketCount}-${crewCount}`, crews, tickets };
}
