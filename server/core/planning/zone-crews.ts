/**
 * Steps 3 and 4 of the day: the Normal tickets are zoned (H3 cells grown into
 * one crew-day each), then each crew gets one zone by an assignment that
 * maximises the tickets it can serve (then SLA urgency, then nearness to its
 * base).
 */
import { latLngToCell } from 'h3-js';
import { buildZones, zoneOfTickets, type Zone } from '../zoning/zones.js';
import { hungarian } from './assign.js';
import { PLAN_DEFAULTS, type Day } from './day.js';

export interface DayZones {
  zones: Zone[];
  /** Crew index per zone (same order as zones), -1: no crew. */
  zoneCrew: number[];
  /** Zone index per crew, -1: none. */
  zoneOfCrew: Int32Array;
  /** Zones grown around the bases (an over-full day). */
  aroundBases?: boolean;
}

/**
 * The size of a zone: what a median crew does in a day, less its commute; on
 * a light day, the day's Normal work shared out over the crews, so that every
 * crew gets some and none runs long.
 */
export function zoneCapacitySeconds(availableSeconds: readonly number[], normalServiceSeconds: number): number {
  if (availableSeconds.length === 0) return PLAN_DEFAULTS.zoneShare * 8 * 3600;
  const sorted = availableSeconds.slice().sort((a, b) => a - b);
  const dayShare = PLAN_DEFAULTS.zoneShare * sorted[Math.floor(sorted.length / 2)];
  const share = (PLAN_DEFAULTS.travelAllowance * normalServiceSeconds) / sorted.length;
  return Math.max(PLAN_DEFAULTS.minZoneSeconds, Math.min(dayShare, share));
}

/** Step 3: zones of the Normal tickets (ticket indexes into the input), sized by zoneCapacitySeconds. */
export function zoneNormalTickets(day: Day, normal: readonly number[]): Zone[] {
  const { tickets, travel, resolution } = day.input;
  if (normal.length === 0) return [];
  let normalService = 0;
  for (const i of normal) normalService += tickets[i].serviceSeconds;
  const capacitySeconds = zoneCapacitySeconds(day.available, normalService);
  const zones = buildZones(
    normal.map((i) => tickets[i]),
    { resolution, capacitySeconds, travel },
  );
  for (const z of zones) z.tickets = z.tickets.map((local) => normal[local]);
  return zones;
}

/**
 * Step 4: crews x zones, value = 100 x tickets it can likely serve + SLA
 * urgency of those, less a hair per km from the base (fuel), maximised by
 * assignment (Hungarian). `committed`: each crew's seconds already taken by
 * pinned and urgent work.
 */
export function assignZonesToCrews(day: Day, zones: Zone[], committed: readonly number[]): DayZones {
  const { crews, travel } = day.input;
  const K = crews.length;
  const Z = zones.length;
  const zoneCrew = new Array<number>(Z).fill(-1);
  const zoneOfCrew = new Int32Array(K).fill(-1);
  if (Z === 0 || K === 0) return { zones, zoneCrew, zoneOfCrew };
  const urgencyOf = (i: number) => day.weightOf(i) - PLAN_DEFAULTS.weight.normal;
  const urgencyPerTicket = zones.map((z) => z.tickets.reduce((s, i) => s + urgencyOf(i), 0) / z.tickets.length);
  const value = (k: number, z: number) => {
    const c = crews[k];
    const zone = zones[z];
    const commute = travel.seconds(c.base, zone.centroid);
    const room = c.shiftEndSeconds - day.startOf[k] - committed[k] - 2 * commute;
    const share = Math.max(0, Math.min(1, room / zone.workSeconds));
    const served = zone.tickets.length * share;
    return served * (100 + urgencyPerTicket[z]) - travel.metres(c.base, zone.centroid) / 1000;
  };
  const rows = Math.min(K, Z);
  const cols = Math.max(K, Z);
  const cost = new Float64Array(rows * cols);
  const crewsAreRows = K <= Z;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) cost[r * cols + c] = crewsAreRows ? -value(r, c) : -value(c, r);
  }
  const match = hungarian(cost, rows, cols);
  for (let r = 0; r < rows; r++) {
    const c = match[r];
    if (c < 0) continue;
    const [k, z] = crewsAreRows ? [r, c] : [c, r];
    if (value(k, z) > 0) zoneCrew[z] = k;
  }
  zoneCrew.forEach((k, z) => {
    if (k >= 0) zoneOfCrew[k] = z;
  });
  return { zones, zoneCrew, zoneOfCrew };
}

/**
 * Steps 3 and 4 on an over-full day (more Normal work than the crews have
 * time for): zones grown around the crews' bases instead of zones placed
 * over the tickets and matched to crews afterwards. Each Normal ticket goes,
 * nearest pair first (travel seconds from a base, among its few nearest
 * bases), to a crew whose zone still has room: `baseZoneSlack` x its free
 * time in repair time, a choice for the solver rather than a quota. A crew's
 * zone is the H3 cells of its tickets, so the rule stays: Normal work in
 * zones, one trip per crew. What no zone takes is zoned as usual, with no
 * crew (free for the fill pass). Returns null on a day that is not over-full.
 */
/** An over-full day: the Normal repair time is at least overFullRatio x the crews' time left after their committed work. */
export function isOverFull(day: Day, normal: readonly number[], committed: readonly number[]): boolean {
  const { tickets, crews } = day.input;
  if (crews.length === 0 || normal.length === 0) return false;
  let service = 0;
  for (const i of normal) service += tickets[i].serviceSeconds;
  let room = 0;
  for (let k = 0; k < crews.length; k++) room += Math.max(0, day.available[k] - committed[k]);
  return service >= PLAN_DEFAULTS.overFullRatio * room;
}

export function zonesAroundBases(day: Day, normal: readonly number[], committed: readonly number[], baseSeconds: readonly Float64Array[]): DayZones | null {
  const { tickets, crews, travel, resolution } = day.input;
  const K = crews.length;
  if (!isOverFull(day, normal, committed)) return null;
  const room = crews.map((_, k) => Math.max(0, day.available[k] - committed[k]));
  // Candidate pairs: each ticket with its nearest few bases it can reach and come back from within the shift.
  const near = Math.min(K, PLAN_DEFAULTS.baseZoneNearest);
  const pairTicket: number[] = [];
  const pairCrew: number[] = [];
  const pairSeconds: number[] = [];
  const best = new Int32Array(near);
  for (const i of normal) {
    const secs = baseSeconds[i];
    let filled = 0;
    const service = tickets[i].serviceSeconds;
    for (let k = 0; k < K; k++) {
      // There and back (travel is symmetric here) with the repair within the crew's time; the solver checks exactly.
      if (2 * secs[k] + service > day.available[k]) continue;
      if (filled === near && secs[k] >= secs[best[near - 1]]) continue;
      let p = filled < near ? filled++ : near - 1;
      while (p > 0 && secs[best[p - 1]] > secs[k]) {
        best[p] = best[p - 1];
        p--;
      }
      best[p] = k;
    }
    for (let q = 0; q < filled; q++) {
      pairTicket.push(i);
      pairCrew.push(best[q]);
      pairSeconds.push(baseSeconds[i][best[q]]);
    }
  }
  const order = pairSeconds.map((_, p) => p).sort((a, b) => pairSeconds[a] - pairSeconds[b] || pairTicket[a] - pairTicket[b] || pairCrew[a] - pairCrew[b]);
  const taken = new Set<number>();
  const load = new Float64Array(K);
  const mine: number[][] = crews.map(() => []);
  for (const p of order) {
    const i = pairTicket[p];
    const k = pairCrew[p];
    if (taken.has(i) || load[k] + tickets[i].serviceSeconds > PLAN_DEFAULTS.baseZoneSlack * room[k]) continue;
    taken.add(i);
    load[k] += tickets[i].serviceSeconds;
    mine[k].push(i);
  }
  const zones: Zone[] = [];
  const zoneCrew: number[] = [];
  const zoneOfCrew = new Int32Array(K).fill(-1);
  mine.forEach((list, k) => {
    if (list.length === 0) return;
    zoneOfCrew[k] = zones.length;
    zoneCrew.push(k);
    zones.push(zoneOf(list, tickets, resolution, travel));
  });
  const rest = normal.filter((i) => !taken.has(i));
  for (const z of zoneNormalTickets(day, rest)) {
    zones.push(z);
    zoneCrew.push(-1);
  }
  return { zones, zoneCrew, zoneOfCrew, aroundBases: true };
}

function zoneOf(list: number[], tickets: Day['input']['tickets'], resolution: number, travel: Day['input']['travel']): Zone {
  const cells = [...new Set(list.map((i) => latLngToCell(tickets[i].lat, tickets[i].lon, resolution)))];
  return zoneOfTickets(tickets, list, cells, resolution, travel);
}

/**
 * After the prize search moved tickets between crews: each crew's zone is again the H3 cells of
 * the Normal tickets it serves (so the rule holds as planned: Normal work in zones, one trip per
 * crew), and the zones no crew took keep only the tickets still waiting. Routes get their new zone id.
 */
export function zonesOfRoutes(day: Day, zoning: DayZones, routes: { crew: number; zoneId: string | null; stops: { ticket: number }[] }[]): DayZones {
  const { tickets, crews, travel, resolution } = day.input;
  const served = new Uint8Array(tickets.length);
  for (const r of routes) for (const s of r.stops) served[s.ticket] = 1;
  const zones: Zone[] = [];
  const zoneCrew: number[] = [];
  const zoneOfCrew = new Int32Array(crews.length).fill(-1);
  for (const r of routes) {
    const normal = r.stops.map((s) => s.ticket).filter((i) => tickets[i].priority === 'normal' && tickets[i].pinnedCrew == null);
    if (normal.length === 0) {
      r.zoneId = null;
      continue;
    }
    zoneOfCrew[r.crew] = zones.length;
    zoneCrew.push(r.crew);
    const zone = zoneOf(normal, tickets, resolution, travel);
    zones.push(zone);
    r.zoneId = zone.id;
  }
  zoning.zones.forEach((z, q) => {
    if (zoning.zoneCrew[q] >= 0) return;
    const waiting = z.tickets.filter((i) => !served[i]);
    if (waiting.length === 0) return;
    zones.push(zoneOfTickets(tickets, waiting, z.cells, z.resolution, travel));
    zoneCrew.push(-1);
  });
  return { zones, zoneCrew, zoneOfCrew, aroundBases: zoning.aroundBases };
}
