import type { Priority, Role, Category } from './tickets.js';
import type { DigestMode, OutboundChannel, QuietHours } from './messages.js';

/**
 * Utility settings, with the SOP's values as defaults (DOMAIN.md). A utility
 * stores only its overrides (utilities.settings, jsonb); `resolveSettings`
 * merges them over these defaults.
 */
export interface SlaTarget {
  respondMinutes: number;
  resolveMinutes: number;
  escalateTo: Role;
}

/** How a utility uses one leak category (its repair minutes are `serviceMinutes`, read by the planner). */
export interface CategorySetup {
  /** What citizens and staff read, in Bahasa Indonesia and English. */
  name: { id: string; en: string };
  /** Preselected when the admin issues the SPK (the admin may choose another). */
  defaultPriority: Priority;
  /** A citizen's report of this category needs a photo (seed 000: always; "no water" has nothing to photograph). */
  photoRequired: boolean;
  /** Deactivated: no longer offered or accepted for new reports; its tickets keep it. */
  active: boolean;
}

export interface UtilitySettings {
  /** The leak categories as this utility names and uses them. */
  categories: Record<Category, CategorySetup>;
  /** Service levels per priority (seed 000). */
  sla: Record<Priority, SlaTarget>;
  /** Incentive points per fixed ticket; Critical takes the High figure by default. */
  points: Record<Priority, number>;
  /** H3 resolution for zoning Normal tickets (8: cells of ~0.74 km²). */
  h3Resolution: number;
  /** Road distance / straight-line distance, for travel estimates without a road graph. */
  detourFactor: number;
  /** Mean driving speed in city traffic. */
  speedKmh: number;
  /** Repair time on site per category, minutes. */
  serviceMinutes: Record<Category, number>;
  /** Below this blur score (variance of the Laplacian) a photo counts as blurred. */
  blurThreshold: number;
  /** A repeat report within this many hours of the fix reopens the ticket (seed 003). */
  reReportWindowHours: number;
  /** A report by the same phone this close to a done ticket is about that ticket. */
  repeatRadiusMetres: number;
  /**
   * A report naming a done ticket's number (previous_number) is a repeat of it only from
   * that ticket's reporter's phone or from this close to it: the numbers are public.
   */
  repeatByNumberRadiusMetres: number;
  /** How far back a repeat report is still linked to the done ticket it is about. */
  repeatLinkDays: number;
  /** The report form lists the open tickets this close to the chosen point ("is it one of these?"). */
  nearbyRadiusMetres: number;
  /** A new report this close to an open ticket of the same category ... */
  duplicateRadiusMetres: number;
  /** ... received at most this many hours earlier, is one more report of it instead of new work. */
  duplicateWindowHours: number;
  /** How long after the closure the reporter's rating link is accepted. */
  ratingWindowDays: number;
  /** Planner objective: least total distance, or the longest crew day as short as possible. */
  planObjective: 'distance' | 'makespan';
  /** Whom a blocked reporter or a citizen with a question should contact. */
  contact: string;
  /** Automatic escalation (server/jobs). */
  escalation: {
    /** Who receives a crew's "needs heavy equipment" escalation (seed 000: the Kabag). */
    heavyEquipmentTo: Role;
    /** A breach found only after the late response or fix, or a crew escalation, is still escalated this long after it happened. */
    lookbackHours: number;
  };
  /** Outbound webhook deliveries: attempts with exponential backoff (base * 2^(n-1), capped). */
  webhook: {
    maxAttempts: number;
    backoffBaseSeconds: number;
    backoffMaxSeconds: number;
    timeoutMs: number;
  };
  /** The notification outbox (features/notifications): who hears what, when, and how often a send is retried. */
  notifications: {
    /** Normal-priority breaches: to each recipient at once, or gathered into one message an hour / a day. Critical and High are always immediate. */
    normalDigest: DigestMode;
    /** Local time the daily digest goes out. */
    dailyDigestAt: string;
    /** Local hours in which non-urgent messages to reporters wait (start = end: none). */
    quietHours: QuietHours;
    /** The order reporters are reached in when they named no channel (or the utility lacks theirs). */
    channelOrder: OutboundChannel[];
    /** A reply consisting of one of these words stops all further messages to that number. */
    optOutKeywords: string[];
    /** A reply of one of these words after an opt-out lets messages go to that number again. */
    optInKeywords: string[];
    /** Who hears of a repeat report after the re-report window (a new, urgent ticket; seed 003). */
    repeatReportTo: Role;
    /** Who hears of an area incident past its estimated restore time. */
    incidentOverdueTo: Role;
    /** Who hears, besides the crew, that a ticket was reopened or sent back. */
    reopenedTo: Role;
    /** Sending: attempts, back-off base * 2^(n-1) capped, and how long a worker holds a delivery it is sending. */
    maxAttempts: number;
    backoffBaseSeconds: number;
    backoffMaxSeconds: number;
    leaseSeconds: number;
    /** The public address of the console, for the status link in messages ('' : the link is the API path). */
    publicBaseUrl: string;
  };
  /** Daily planning and immediate dispatch (server/planning). */
  planning: {
    /** Minutes on site added per priority, on top of the category's (a Critical burst takes longer). */
    serviceExtraMinutes: Record<Priority, number>;
    /** Kecamatan no crew can drive to (islands): their tickets are left unplanned, never routed. */
    roadlessDistricts: string[];
    /** Straight-line reach of a crew from its base; a ticket further from every base is "no crew near enough". */
    maxReachKm: number;
    /** Most solver time a day's plan may take, per crew on shift, milliseconds (iteration limits usually stop it first). */
    solveMsPerCrew: number;
  };
  /** Road networks imported from OpenStreetMap (features/roads, docs/roads.md). */
  roads: {
    /**
     * Driving speed per OSM highway class, km/h, for the next import; a class
     * not listed (or 0) is not driven on. A way's maxspeed tag caps its class's speed.
     */
    speedsKmh: Record<string, number>;
    /** A point farther than this from every road is off the network (planned on straight lines). */
    snapLimitMetres: number;
  };
}

export const defaultSettings: UtilitySettings = {
  categories: {
    pipe_burst: { name: { id: 'Pipa pecah', en: 'Burst pipe' }, defaultPriority: 'high', photoRequired: true, active: true },
    visible_leak: { name: { id: 'Kebocoran terlihat', en: 'Visible leak' }, defaultPriority: 'normal', photoRequired: true, active: true },
    meter_leak: { name: { id: 'Bocor di meter', en: 'Leak at the meter' }, defaultPriority: 'normal', photoRequired: true, active: true },
    no_water: { name: { id: 'Air tidak mengalir', en: 'No water' }, defaultPriority: 'normal', photoRequired: true, active: true },
    other: { name: { id: 'Lainnya', en: 'Other' }, defaultPriority: 'normal', photoRequired: true, active: true },
  },
  sla: {
    critical: { respondMinutes: 15, resolveMinutes: 4 * 60, escalateTo: 'direktur' },
    high: { respondMinutes: 30, resolveMinutes: 12 * 60, escalateTo: 'kabag' },
    normal: { respondMinutes: 60, resolveMinutes: 24 * 60, escalateTo: 'kasie' },
  },
  points: { critical: 5, high: 5, normal: 2 },
  h3Resolution: 8,
  detourFactor: 1.35,
  speedKmh: 20,
  serviceMinutes: { pipe_burst: 45, visible_leak: 35, meter_leak: 30, no_water: 30, other: 30 },
  blurThreshold: 60,
  reReportWindowHours: 6,
  repeatRadiusMetres: 100,
  repeatByNumberRadiusMetres: 100,
  repeatLinkDays: 30,
  nearbyRadiusMetres: 50,
  duplicateRadiusMetres: 50,
  duplicateWindowHours: 48,
  ratingWindowDays: 30,
  planObjective: 'distance',
  contact: 'the PDAM call centre / kantor pelayanan PDAM',
  escalation: { heavyEquipmentTo: 'kabag', lookbackHours: 24 },
  webhook: { maxAttempts: 8, backoffBaseSeconds: 30, backoffMaxSeconds: 3600, timeoutMs: 5000 },
  notifications: {
    normalDigest: 'immediate',
    dailyDigestAt: '07:00',
    quietHours: { start: '21:00', end: '06:00' },
    channelOrder: ['whatsapp', 'sms', 'email'],
    optOutKeywords: ['STOP', 'BERHENTI'],
    optInKeywords: ['START', 'MULAI'],
    repeatReportTo: 'kasie',
    incidentOverdueTo: 'kabag',
    reopenedTo: 'admin',
    maxAttempts: 6,
    backoffBaseSeconds: 60,
    backoffMaxSeconds: 3600,
    leaseSeconds: 120,
    publicBaseUrl: '',
  },
  planning: {
    serviceExtraMinutes: { critical: 15, high: 0, normal: 0 },
    roadlessDistricts: ['Kepulauan Sangkarrang'],
    maxReachKm: 25,
    solveMsPerCrew: 60,
  },
  roads: {
    // Urban Indonesian traffic, not the signs: a crew truck in a kota at working hours.
    speedsKmh: {
      motorway: 60,
      motorway_link: 40,
      trunk: 40,
      trunk_link: 30,
      primary: 35,
      primary_link: 25,
      secondary: 30,
      secondary_link: 25,
      tertiary: 25,
      tertiary_link: 20,
      unclassified: 20,
      residential: 20,
      road: 20,
      living_street: 10,
      service: 10,
    },
    snapLimitMetres: 300,
  },
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type SettingsOverrides = DeepPartial<UtilitySettings>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeDeep<T>(base: T, overrides: unknown): T {
  if (!isPlainObject(overrides) || !isPlainObject(base)) return (overrides === undefined ? base : overrides) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    out[key] = key in out ? mergeDeep(out[key], value) : value;
  }
  return out as T;
}

export function resolveSettings(overrides: unknown): UtilitySettings {
  return mergeDeep(defaultSettings, overrides ?? {});
}

/** The SLA due-time rule lives with the rest of the SLA clock; re-exported for the callers that set due times with a priority. */
export { slaDueTimes } from './sla.js';
