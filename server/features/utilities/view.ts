import type { UtilitySettings } from '../../core/domain/settings.js';
import { weekdays, type CrewMember, type Shift, type WeekShifts } from '../../core/domain/crews.js';

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
  members: CrewMember[];
  /** Monday..Sunday, local HH:MM; null: day off. Read a day's shift with core/domain/crews.ts shiftOnDate. */
  shifts: WeekShifts;
  activeFrom: string | null; // YYYY-MM-DD local, inclusive
  activeTo: string | null;
  equipment: string[];
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

/** A crew as GET /api/v1/crews lists it to staff: members by name (their phones are the admin's). */
export function crewView(c: Crew) {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    regionId: c.regionId,
    base: c.baseLat !== null && c.baseLon !== null ? { lat: c.baseLat, lon: c.baseLon } : null,
    baseAddress: c.baseAddress,
    members: c.members.map((m) => m.name),
    shifts: Object.fromEntries(weekdays.map((d, i) => [d, c.shifts[i] ?? null])) as Record<(typeof weekdays)[number], Shift | null>,
    activeFrom: c.activeFrom,
    activeTo: c.activeTo,
    equipment: c.equipment,
  };
}

/** A crew as the admin's set-up page reads it: everything the admin sets, members with their phones. */
export function crewSetupView(c: Crew) {
  return { ...crewView(c), members: c.members, active: c.active };
}
