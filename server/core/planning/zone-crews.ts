/**
 * Steps 3 and 4 of the day: the Normal tickets are zoned (H3 cells grown into
 * one crew-day each), then each crew gets one zone by an assignment that
 * maximises the tickets it can serve (then SLA urgency, then nearness to its
 * base).
 */
import { buildZones, type Zone } from '../zoning/zones.js';
import { hungarian } from './assign.js';
import { PLAN_DEFAULTS, type Day } from './day.js';

export interface DayZones {
  zones: Zone[];
  /** Crew index per zone (same order as zones), -1: no crew. */
  zoneCrew: number[];
  /** Zone index per crew, -1: none. */
  zoneOfCrew: Int32Array;
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
