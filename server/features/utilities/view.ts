import type { UtilitySettings } from '../../core/domain/settings.js';

/** A utility (tenant; the Open311 jurisdiction) with its settings resolved over the SOP defaults. */
export interface Utility {
  id: number;
  code: string;
  name: string;
  timeZone: string;
  settings: UtilitySettings;
}

export interface Crew {
  id: number;
  utilityId: number;
  code: string;
  name: string;
  regionId: number | null;
  baseLat: number | null;
  baseLon: number | null;
  baseAddress: string | null;
  members: string[];
  shiftStart: string; // HH:MM:SS local
  shiftEnd: string;
  capacityJobs: number | null;
  active: boolean;
}

/** Which service region and kelurahan a point falls in (either may be unknown). */
export interface Place {
  regionId: number | null;
  regionName: string | null;
  areaId: number | null;
  areaName: string | null;
  district: string | null;
}

export interface UtilityOutline {
  bbox: [number, number, number, number];
  centre: { lat: number; lon: number };
}

/** A crew as GET /api/v1/crews lists it: shift times as HH:MM. */
export function crewView(c: Crew) {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    regionId: c.regionId,
    base: c.baseLat !== null && c.baseLon !== null ? { lat: c.baseLat, lon: c.baseLon } : null,
    baseAddress: c.baseAddress,
    members: c.members,
    shiftStart: c.shiftStart.slice(0, 5),
    shiftEnd: c.shiftEnd.slice(0, 5),
  };
}
